package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decode decodes a JSON answer, checking its Content-Type.
func decode(t *testing.T, body []byte, contentType string, v any) {
	t.Helper()
	if contentType != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", contentType)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
}

// keys returns the keys of a JSON object in the order they appear, as a
// client reading the contract sees them.
func keys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

var recordKeys = []string{"id", "lang", "variety", "title", "text", "published", "published_from", "dates", "entities", "events", "claims", "story"}

func TestAPIStories(t *testing.T) {
	s, _ := newTestServer(t)
	rec := get(t, s.Handler(), "/api/stories")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
	var got struct {
		Stories []json.RawMessage `json:"stories"`
		Page    int               `json:"page"`
	}
	decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &got)
	if got.Page != 1 || len(got.Stories) != 2 {
		t.Fatalf("page %d with %d stories, want 1 with 2", got.Page, len(got.Stories))
	}
	if k, want := keys(t, got.Stories[0]), []string{"id", "title", "first_seen", "last_seen", "articles", "languages", "sources"}; !reflect.DeepEqual(k, want) {
		t.Errorf("story keys = %v, want %v", k, want)
	}
	var first struct {
		ID        string    `json:"id"`
		Articles  int       `json:"articles"`
		Languages []string  `json:"languages"`
		LastSeen  time.Time `json:"last_seen"`
	}
	json.Unmarshal(got.Stories[0], &first)
	if first.ID != "s-flood" || first.Articles != 3 || strings.Join(first.Languages, ",") != "en,fa-AF,ps" {
		t.Errorf("first story = %+v", first)
	}
}

func TestAPIStory(t *testing.T) {
	s, _ := newTestServer(t)
	rec := get(t, s.Handler(), "/api/stories/s-flood")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d: %s", rec.Code, rec.Body)
	}
	var raw map[string]json.RawMessage
	decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &raw)
	if k := keys(t, rec.Body.Bytes()); !reflect.DeepEqual(k, []string{"story", "profile", "edits", "articles"}) {
		t.Errorf("keys = %v", k)
	}
	var story struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	json.Unmarshal(raw["story"], &story)
	if story.ID != "s-flood" || story.Title != "Flash floods hit Kabul after heavy rain" {
		t.Errorf("story = %+v", story)
	}
	var arts []json.RawMessage
	json.Unmarshal(raw["articles"], &arts)
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for _, a := range arts {
		if k := keys(t, a); !reflect.DeepEqual(k, recordKeys) {
			t.Errorf("record keys = %v, want %v", k, recordKeys)
		}
	}
	var fa struct {
		ID       string `json:"id"`
		Variety  string `json:"variety"`
		Entities []struct {
			ID       string `json:"id"`
			Mentions []struct {
				Text  string `json:"text"`
				Start int    `json:"start"`
			} `json:"mentions"`
		} `json:"entities"`
	}
	json.Unmarshal(arts[1], &fa)
	if fa.ID != "fa-flood" || fa.Variety != "fa-AF" || len(fa.Entities) != 2 || fa.Entities[0].Mentions[0].Text != "کابل" {
		t.Errorf("second article = %+v", fa)
	}
}

func TestAPIArticle(t *testing.T) {
	s, _ := newTestServer(t)
	rec := get(t, s.Handler(), "/api/articles/ps-flood")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
	var raw map[string]any
	decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &raw)
	if k := keys(t, rec.Body.Bytes()); !reflect.DeepEqual(k, recordKeys) {
		t.Errorf("keys = %v, want %v", k, recordKeys)
	}
	want := map[string]any{
		"id": "ps-flood", "lang": "ps", "variety": nil, "published": "2025-03-04T12:00:00Z",
		"published_from": nil, "story": "s-flood", "dates": []any{}, "events": []any{}, "claims": []any{},
	}
	for k, v := range want {
		if !reflect.DeepEqual(raw[k], v) {
			t.Errorf("%s = %#v, want %#v", k, raw[k], v)
		}
	}
	// HTML in text is not escaped into \u003c: clients read it raw.
	if strings.Contains(get(t, s.Handler(), "/api/articles/en-border").Body.String(), `\u003c`) {
		t.Error("JSON escapes HTML")
	}
}

func TestAPIErrors(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/api/stories/nope", http.StatusNotFound, "story not found"},
		{"/api/articles/nope", http.StatusNotFound, "article not found"},
		{"/api/nothing", http.StatusNotFound, "no such API endpoint"},
		{"/api/stories?page=-1", http.StatusBadRequest, "want a whole number"},
		{"/api/stories?page=99999999999", http.StatusBadRequest, "want a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := get(t, s.Handler(), tt.path)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d", rec.Code, tt.status)
			}
			var e struct {
				Error string `json:"error"`
			}
			decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &e)
			if !strings.Contains(e.Error, tt.want) {
				t.Errorf("error = %q, want it to contain %q", e.Error, tt.want)
			}
		})
	}
}

// postResult is one result as a client reads it; pointers tell absent
// from zero.
type postResult struct {
	ID        *string `json:"id"`
	Line      int     `json:"line"`
	Story     *string `json:"story"`
	Duplicate *bool   `json:"duplicate"`
	Error     string  `json:"error"`
}

// short renders a result for comparison: "id→story", "id→story dup",
// "id!error" (the error's first word), with "-" for a null id.
func (r postResult) short() string {
	id := "-"
	if r.ID != nil {
		id = *r.ID
	}
	if r.Error != "" {
		return id + "!" + strings.Fields(r.Error)[0]
	}
	s := id + "→"
	if r.Story != nil {
		s += *r.Story
	}
	if r.Duplicate == nil {
		s += " (no duplicate field)"
	} else if *r.Duplicate {
		s += " dup"
	}
	return s
}

func TestPostDocuments(t *testing.T) {
	doc := func(id string) string {
		return `{"id":"` + id + `","text":"Heavy rain in Kabul.","title":"Rain","url":"https://example.org/` + id + `","published":"2025-03-04T08:00:00Z","source":"Example Times"}`
	}
	tests := []struct {
		name        string
		contentType string
		body        string
		status      int
		results     []string // postResult.short of each result
		lines       []int
		err         string // for a body with no results
		ingested    []string
	}{
		{
			name: "one document", contentType: "application/json", body: doc("d1"),
			status: http.StatusOK, results: []string{"d1→s-d1"}, ingested: []string{"d1"},
		},
		{
			name: "pretty-printed document", body: "{\n  \"id\": \"d1\",\n  \"text\": \"Rain.\"\n}\n",
			status: http.StatusOK, results: []string{"d1→s-d1"}, ingested: []string{"d1"},
		},
		{
			name: "duplicate", body: doc("dup"),
			status: http.StatusOK, results: []string{"dup→s-flood dup"}, ingested: []string{"dup"},
		},
		{
			name: "JSON Lines with a malformed line", contentType: "application/x-ndjson",
			body:   doc("d1") + "\n" + `{"id":"d2","text":` + "\n\n" + doc("d3") + "\n",
			status: http.StatusOK, results: []string{"d1→s-d1", "-!malformed", "d3→s-d3"}, lines: []int{1, 2, 4},
			ingested: []string{"d1", "d3"},
		},
		{
			name: "JSON Lines without a content type", body: doc("d1") + "\r\n" + doc("fail") + "\r\n" + `{"id":"d4","published":"last week","text":"x"}` + "\r\n" + `{"id":"d5"}`,
			status: http.StatusOK, results: []string{"d1→s-d1", "fail!pipeline:", "d4!invalid", "d5!invalid"}, lines: []int{1, 2, 3, 4},
			ingested: []string{"d1", "fail"},
		},
		{
			name: "array", body: "[" + doc("d1") + "," + doc("d2") + ", 7]",
			status: http.StatusOK, results: []string{"d1→s-d1", "d2→s-d2", "-!not"}, ingested: []string{"d1", "d2"},
		},
		{
			name: "all fail in the pipeline", body: doc("fail"),
			status: http.StatusUnprocessableEntity, results: []string{"fail!pipeline:"}, ingested: []string{"fail"},
		},
		{
			name: "no readable document", contentType: "application/x-ndjson", body: `{"id":"x"}` + "\n" + "[1]\nnot json",
			status: http.StatusBadRequest, results: []string{"x!invalid", "-!not", "-!malformed"},
		},
		{name: "not JSON", body: "id=d1&text=hello", status: http.StatusBadRequest, err: "body is not JSON"},
		{name: "not JSON, several lines", body: "hello\nworld\n", status: http.StatusBadRequest, err: "body is not JSON"},
		{name: "empty", body: " \n", status: http.StatusBadRequest, err: "empty body"},
		{
			name: "too large", body: `{"id":"big","text":"` + strings.Repeat("a", maxBody) + `"}`,
			status: http.StatusRequestEntityTooLarge, err: "body larger than",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ing := newTestServer(t)
			rec := do(t, s.Handler(), http.MethodPost, "/api/documents", tt.contentType, tt.body)
			if rec.Code != tt.status {
				t.Errorf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			var got struct {
				Results []postResult `json:"results"`
				Error   string       `json:"error"`
			}
			decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &got)
			if tt.err != "" {
				if !strings.Contains(got.Error, tt.err) || got.Results != nil {
					t.Errorf("answer = %s, want only an error with %q", rec.Body, tt.err)
				}
			} else {
				var short []string
				var lines []int
				for _, r := range got.Results {
					short = append(short, r.short())
					lines = append(lines, r.Line)
				}
				if !reflect.DeepEqual(short, tt.results) {
					t.Errorf("results = %q, want %q\n%s", short, tt.results, rec.Body)
				}
				if tt.lines != nil && !reflect.DeepEqual(lines, tt.lines) {
					t.Errorf("lines = %v, want %v", lines, tt.lines)
				}
			}
			var ids []string
			for _, d := range ing.received() {
				ids = append(ids, d.ID)
			}
			if !reflect.DeepEqual(ids, tt.ingested) {
				t.Errorf("ingested %q, want %q", ids, tt.ingested)
			}
		})
	}
}

func TestPostDocumentFields(t *testing.T) {
	s, ing := newTestServer(t)
	body := `{"id":"d1","html":"<p>Rain</p>","text":"Rain","title":"T","url":"https://example.org/1","published":"2025-03-04T08:00:00+04:30","fetched":"2025-03-05T00:00:00Z","source":"Example Times","extra":"ignored"}`
	rec := do(t, s.Handler(), http.MethodPost, "/api/documents", "application/json; charset=utf-8", body)
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d: %s", rec.Code, rec.Body)
	}
	if want := `{"results":[{"id":"d1","story":"s-d1","duplicate":false}]}` + "\n"; rec.Body.String() != want {
		t.Errorf("body = %s, want %s", rec.Body, want)
	}
	docs := ing.received()
	if len(docs) != 1 {
		t.Fatalf("%d documents ingested", len(docs))
	}
	d := docs[0]
	if d.HTML != "<p>Rain</p>" || d.Text != "Rain" || d.Title != "T" || d.URL != "https://example.org/1" || d.Source != "Example Times" ||
		d.Published == nil || !d.Published.Equal(time.Date(2025, 3, 4, 3, 30, 0, 0, time.UTC)) || d.Fetched == nil {
		t.Errorf("document = %+v", d)
	}
}

func TestPostReadOnly(t *testing.T) {
	s := New(openStore(t, nil), nil, nil, nil, quietLog())
	rec := do(t, s.Handler(), http.MethodPost, "/api/documents", "application/json", `{"id":"d1","text":"x"}`)
	if rec.Code != http.StatusNotImplemented {
		t.Errorf("status = %d, want 501", rec.Code)
	}
}
