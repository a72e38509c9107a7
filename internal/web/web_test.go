package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/article"
)

// contains checks that body holds each of want, and none of notWant.
func contains(t *testing.T, body string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q", w)
		}
	}
	for _, w := range notWant {
		if strings.Contains(body, w) {
			t.Errorf("body has %q", w)
		}
	}
	if t.Failed() {
		t.Logf("body:\n%s", body)
	}
}

func TestPages(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	tests := []struct {
		name    string
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{
			name:   "story list",
			path:   "/",
			status: http.StatusOK,
			want: []string{
				`<a href="/stories/s-flood" dir="auto">Flash floods hit Kabul after heavy rain</a>`,
				`<a href="/stories/s-border" dir="auto">Torkham closed &lt;script&gt;alert(1)&lt;/script&gt;</a>`,
				`<time datetime="2025-03-04">2025-03-04</time>`,
				`<td class="num">3</td>`,
				`<span class="badge lang-en">EN</span><span class="badge lang-fa">FA-AF</span><span class="badge lang-ps">PS</span>`,
				`<span class="badge lang-ar">AR</span>`,
				"Example Times, Kabul Daily, Pashto Radio",
			},
			notWant: []string{"<script>alert", `rel="next"`, `rel="prev"`},
		},
		{
			name:   "story page",
			path:   "/stories/s-flood",
			status: http.StatusOK,
			want: []string{
				`<h1 dir="auto">Flash floods hit Kabul after heavy rain</h1>`,
				`<div class="columns">`,
				`<article class="col" id="a-en-flood" dir="ltr" lang="en">`,
				`<article class="col" id="a-fa-flood" dir="rtl" lang="fa-AF">`,
				`<article class="col" id="a-ps-flood" dir="rtl" lang="ps">`,
				`<span class="badge lang-fa">FA-AF</span>`,
				`<span class="badge lang-ps">PS</span>`,
				`<time datetime="2025-03-04T10:30:00Z">2025-03-04 10:30 UTC</time>`,
				`<span class="source">Kabul Daily</span>`,
				`<a href="/articles/fa-flood">سیلاب در کابل</a>`,
				// English: a mark, no gloss; the gazetteer's name wins.
				`parts of <a class="ent-link" href="/entities/kabul"><mark class="ent ent-LOC" data-entity="kabul" title="Kabul City (city)">Kabul</mark></a> on Tuesday`,
				// Dari: a mark with the English name over it.
				`از شهر <a class="ent-link" href="/entities/kabul"><mark class="ent ent-LOC" data-entity="kabul" title="Kabul City (city)">کابل</mark><sup class="gloss" dir="ltr" lang="en">Kabul City</sup></a> را فرا گرفت.</p>`,
				`<mark class="ent ent-ORG" data-entity="taliban" title="Taliban (armed_group)">طالبانو</mark><sup class="gloss" dir="ltr" lang="en">Taliban</sup>`,
				// Paragraphs: blank lines and single newlines both break.
				`<p>Flash floods struck`, `<p>The <a class="ent-link" href="/entities/taliban"><mark`, `<p>Officials in`,
				`<p><a class="ent-link" href="/entities/taliban"><mark class="ent ent-ORG" data-entity="taliban" title="Taliban (armed_group)">طالبانو</mark>`,
				// The union of entities, with article counts.
				`<tr data-entity="kabul">`,
				`<td class="num">3</td>`,
				`<tr data-entity="afghanistan">`,
				`<bdi>Kabul</bdi>, <bdi>کابل</bdi>`,
			},
			notWant: []string{`<sup class="gloss" dir="ltr" lang="en">Kabul City</sup> on Tuesday`},
		},
		{
			name:   "story page escapes titles",
			path:   "/stories/s-border",
			status: http.StatusOK,
			want: []string{
				`Torkham closed &lt;script&gt;alert(1)&lt;/script&gt;`,
				`<article class="col" id="a-ar-border" dir="rtl" lang="ar">`,
				`<mark class="ent ent-LOC" data-entity="torkham" title="Torkham (border_crossing)">طورخم</mark>`,
			},
			notWant: []string{"<script>alert"},
		},
		{
			name:   "article page",
			path:   "/articles/fa-flood",
			status: http.StatusOK,
			want: []string{
				`<title>سیلاب در کابل · khabar</title>`,
				`<article class="col single" id="a-fa-flood" dir="rtl" lang="fa-AF">`,
				`<mark class="ent ent-LOC" data-entity="kabul" title="Kabul City (city)">کابل</mark><sup class="gloss"`,
				`<code>fa-flood</code>`,
				`<a class="url" href="https://example.af/fa/1" rel="noreferrer noopener">https://example.af/fa/1</a>`,
				`<dd>fa</dd>`, `<dd>fa-AF</dd>`,
				`2025-03-04 10:30 UTC</time> <span class="muted">from header</span>`,
				`<a href="/stories/s-flood">s-flood</a>`,
				`<tr><td><bdi>۱۴ حوت ۱۴۰۳</bdi></td><td><time datetime="2025-03-04">2025-03-04</time></td><td>persian</td></tr>`,
				`<tr data-entity="taliban">`,
				`<a class="json" href="/api/articles/fa-flood">JSON</a>`,
			},
		},
		{
			name:    "english article page has no glosses",
			path:    "/articles/en-flood",
			status:  http.StatusOK,
			want:    []string{`dir="ltr" lang="en"`, `data-entity="afghanistan"`, `<td>gregory</td>`, `<span class="muted">(0.99)</span>`},
			notWant: []string{`class="gloss"`},
		},
		{name: "unknown story", path: "/stories/nope", status: http.StatusNotFound, want: []string{"<h1>404 Not Found</h1>", "story not found"}},
		{name: "unknown article", path: "/articles/nope", status: http.StatusNotFound, want: []string{"article not found"}},
		{name: "unknown page", path: "/nowhere", status: http.StatusNotFound, want: []string{"404 Not Found"}},
		{name: "no static listing", path: "/static/", status: http.StatusNotFound},
		{name: "bad page number", path: "/?page=zero", status: http.StatusBadRequest, want: []string{"want a whole number"}},
		{name: "page beyond the end", path: "/?page=3", status: http.StatusOK, want: []string{"No stories on this page.", `href="/?page=2"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.path)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d", rec.Code, tt.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			contains(t, rec.Body.String(), tt.want, tt.notWant)
		})
	}
}

func TestStoryPageColumnsInTimeOrder(t *testing.T) {
	s, _ := newTestServer(t)
	body := get(t, s.Handler(), "/stories/s-flood").Body.String()
	ids := regexp.MustCompile(`<article class="col[^"]*" id="a-([^"]+)"`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	if want := "en-flood fa-flood ps-flood"; strings.Join(got, " ") != want {
		t.Errorf("columns = %v, want %s", got, want)
	}
}

func TestListPaging(t *testing.T) {
	s := New(openStore(t, storyArticles(pageSize+3)), nil, nil, nil, quietLog())
	h := s.Handler()
	tests := []struct {
		path    string
		rows    int
		want    []string
		notWant []string
	}{
		// Newest first: the last story made is on top.
		{"/", pageSize, []string{"Story number 052", `<a rel="next" href="/?page=2">`}, []string{"Story number 002", `rel="prev"`}},
		{"/?page=2", 3, []string{"Story number 002", "Story number 000", `<a rel="prev" href="/?page=1">`}, []string{"Story number 003", `rel="next"`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			body := get(t, h, tt.path).Body.String()
			if n := strings.Count(body, `<td class="title">`); n != tt.rows {
				t.Errorf("%d rows, want %d", n, tt.rows)
			}
			contains(t, body, tt.want, tt.notWant)
			if i, j := strings.Index(body, "Story number 052"), strings.Index(body, "Story number 051"); tt.path == "/" && (i < 0 || j < 0 || i > j) {
				t.Errorf("stories not newest first")
			}
		})
	}

	var got struct {
		Stories []map[string]any `json:"stories"`
		Page    int              `json:"page"`
	}
	rec := get(t, h, "/api/stories?page=2")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Page != 2 || len(got.Stories) != 3 {
		t.Errorf("API page 2: page %d, %d stories; want 2, 3", got.Page, len(got.Stories))
	}
}

func TestStatic(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		path, contentType, want string
	}{
		{"/static/khabar.css", "text/css; charset=utf-8", ".columns"},
		{"/static/khabar.js", "text/javascript; charset=utf-8", "data-entity"},
	}
	for _, tt := range tests {
		rec := get(t, s.Handler(), tt.path)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != tt.contentType || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("GET %s: %d %q, body has %q: %v", tt.path, rec.Code, rec.Header().Get("Content-Type"), tt.want, strings.Contains(rec.Body.String(), tt.want))
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t)
	rec := get(t, s.Handler(), "/stories/s-flood")
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		method, path, allow, contentType string
	}{
		{http.MethodPost, "/", "GET, HEAD", "text/html; charset=utf-8"},
		{http.MethodDelete, "/stories/s-flood", "GET, HEAD", "text/html; charset=utf-8"},
		{http.MethodPost, "/api/stories", "GET, HEAD", "application/json"},
		{http.MethodPut, "/api/stories/s-flood", "GET, HEAD", "application/json"},
		{http.MethodDelete, "/api/articles/fa-flood", "GET, HEAD", "application/json"},
		{http.MethodGet, "/api/documents", "POST", "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := do(t, s.Handler(), tt.method, tt.path, "", "")
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("status = %d, want 405", rec.Code)
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
		})
	}
}

func TestHead(t *testing.T) {
	s, _ := newTestServer(t)
	rec := do(t, s.Handler(), http.MethodHead, "/stories/s-flood", "", "")
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD status = %d", rec.Code)
	}
}

func TestEntityPage(t *testing.T) {
	arts := fixtureArticles(t)
	// A discovered name, in the Arabic and the English border report.
	arts[3].Entities = append(arts[3].Entities, article.Entity{ID: "new:mrwt", Name: "مروت", Type: "PER", Kind: "discovered",
		Mentions: []article.Span{{Text: "مروت", Start: 0, End: 4}}})
	arts[4].Entities = append(arts[4].Entities, article.Entity{ID: "new:mrwt", Name: "Marwat", Type: "PER", Kind: "discovered",
		Mentions: []article.Span{{Text: "Marwat", Start: 0, End: 6}}})
	h := New(openStore(t, arts), nil, testGazetteer(t), nil, quietLog()).Handler()
	tests := []struct {
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"/entities/kabul", http.StatusOK, []string{
			`<span class="ent ent-LOC">Kabul City</span>`,
			`LOC · city`,
			`part of <a href="/entities/afghanistan">Afghanistan</a>`,
			`<bdi>کابل</bdi>`,
			`<a href="/articles/en-flood" dir="auto">Flash floods hit Kabul after heavy rain</a>`,
			`<a href="/articles/ps-flood"`, `<a href="/articles/fa-flood"`,
			`<a href="/stories/s-flood" dir="auto">Flash floods hit Kabul after heavy rain</a> <span class="muted">(3 articles)</span>`,
			// Taliban shares three articles with Kabul, Afghanistan one.
			`href="/entities/taliban"><span class="ent ent-ORG">Taliban</span></a> <code class="id">taliban</code></td>` + "\n" + `<td>ORG · armed_group</td>` + "\n" + `<td class="num">3</td>`,
			`<td class="num">1</td>`,
		}, []string{"s-border", "Torkham"}},
		{"/entities/new:mrwt", http.StatusOK, []string{
			`<span class="ent ent-PER">Marwat</span>`, "Not in the gazetteer",
			`<a href="/articles/ar-border"`, `<a href="/articles/en-border"`, `href="/entities/torkham"`,
		}, nil},
		{"/entities/nowhere", http.StatusNotFound, []string{"entity not found"}, nil},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.path)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, rec.Code, tt.status)
		}
		contains(t, rec.Body.String(), tt.want, tt.notWant)
	}
	// The Taliban row comes before Afghanistan's: ranked by shared articles.
	body := get(t, h, "/entities/kabul").Body.String()
	if strings.Index(body, `/entities/taliban"><span`) > strings.Index(body, `/entities/afghanistan"><span`) {
		t.Error("co-occurring entities not ranked by shared articles")
	}
	// Story and article pages link their marks to the entity page.
	contains(t, get(t, h, "/stories/s-border").Body.String(), []string{`<a class="ent-link" href="/entities/torkham"><mark`}, nil)
}

func TestAPIEntity(t *testing.T) {
	s, _ := newTestServer(t)
	rec := get(t, s.Handler(), "/api/entities/afghanistan")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got struct {
		ID, Name, Type, Kind string
		Names                []struct {
			Lang  string
			Names []string
		}
		Articles []struct{ ID, Story string }
		Stories  []struct {
			ID       string
			Articles int
		}
		Related []struct {
			ID       string
			Articles int
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "afghanistan" || got.Name != "Afghanistan" || got.Type != "LOC" || got.Kind != "country" {
		t.Errorf("entity = %+v", got)
	}
	if len(got.Names) != 2 || got.Names[1].Lang != "fa" || got.Names[1].Names[0] != "افغانستان" {
		t.Errorf("names = %+v", got.Names)
	}
	if len(got.Articles) != 2 || got.Articles[0].ID != "en-flood" || got.Articles[1].ID != "ar-border" {
		t.Errorf("articles = %+v", got.Articles)
	}
	if len(got.Stories) != 2 || len(got.Related) != 4 {
		t.Errorf("stories = %+v, related = %+v", got.Stories, got.Related)
	}
	if rec := get(t, s.Handler(), "/api/entities/nowhere"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("missing entity: %d %s", rec.Code, rec.Body)
	}
}
