package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/store/sqlite"
)

// The fixture is two stories written for these tests: floods in Kabul,
// reported in English, Dari and Pashto, and a border crossing closed,
// reported in Arabic and English.

const (
	enFlood = "Flash floods struck parts of Kabul on Tuesday after two days of heavy rain.\n\n" +
		"The Taliban administration said rescue teams had reached the worst-hit districts.\n" +
		"Officials in Afghanistan asked families to keep away from the river banks."
	faFlood = "سیلاب‌های ناگهانی روز سه‌شنبه بخش‌هایی از شهر کابل را فرا گرفت.\n\n" +
		"مقام‌های طالبان گفتند که تیم‌های امداد به ساحات آسیب‌دیده رسیده‌اند."
	psFlood = "د سه شنبې په ورځ په کابل کې سختو سیلابونو ډېر کورونه ویجاړ کړل.\n" +
		"طالبانو وویل چې د مرستې ډلې سیمې ته لېږل شوې دي."
	arBorder = "أغلقت السلطات معبر طورخم الحدودي بين أفغانستان وباكستان يوم الأحد.\n\n" +
		"وقال مسؤولون إن مئات الشاحنات تنتظر على جانبي الحدود."
	enBorder = "Pakistan closed the Torkham crossing on Sunday, leaving trucks stranded on both sides."
)

// span returns the mention of the nth (from 0) occurrence of sub in text,
// in code points, as the pipeline writes it.
func span(t testing.TB, text, sub string, nth int) article.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times in %q", sub, nth+1, text)
		}
		if i == nth {
			start := len([]rune(text[:from+j]))
			return article.Span{Text: sub, Start: start, End: start + len([]rune(sub))}
		}
		from += j + len(sub)
	}
}

// ent builds an entity mentioned by each of the surface forms, first
// occurrence each.
func ent(t testing.TB, text, id, name, typ, kind string, forms ...string) article.Entity {
	e := article.Entity{ID: id, Name: name, Type: typ, Kind: kind}
	for _, f := range forms {
		e.Mentions = append(e.Mentions, span(t, text, f, 0))
	}
	return e
}

func date(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func fixtureArticles(t testing.TB) []*article.Article {
	return []*article.Article{
		{
			ID: "en-flood", Source: "Example Times", URL: "https://example.org/floods-kabul", Lang: "en", LangScore: 0.99,
			Title: "Flash floods hit Kabul after heavy rain", Text: enFlood,
			Published: date("2025-03-04T08:00:00Z"), PublishedFrom: "meta",
			Dates: []article.Date{{Text: "Tuesday", Start: 37, End: 44, Date: "2025-03-04", Calendar: "gregory"}},
			Entities: []article.Entity{
				ent(t, enFlood, "kabul", "Kabul", "LOC", "city", "Kabul"),
				ent(t, enFlood, "taliban", "Taliban", "ORG", "armed_group", "Taliban"),
				ent(t, enFlood, "afghanistan", "Afghanistan", "LOC", "country", "Afghanistan"),
			},
			Story: "s-flood",
		},
		{
			ID: "fa-flood", Source: "Kabul Daily", URL: "https://example.af/fa/1", Lang: "fa", Variety: "fa-AF",
			Title: "سیلاب در کابل", Text: faFlood, Published: date("2025-03-04T10:30:00Z"), PublishedFrom: "header",
			Dates: []article.Date{{Text: "۱۴ حوت ۱۴۰۳", Date: "2025-03-04", Calendar: "persian"}},
			Entities: []article.Entity{
				ent(t, faFlood, "kabul", "Kabul", "LOC", "city", "کابل"),
				ent(t, faFlood, "taliban", "Taliban", "ORG", "armed_group", "طالبان"),
			},
			Story: "s-flood",
		},
		{
			ID: "ps-flood", Source: "Pashto Radio", Lang: "ps",
			Title: "په کابل کې سیلابونه", Text: psFlood, Published: date("2025-03-04T12:00:00Z"),
			Entities: []article.Entity{
				ent(t, psFlood, "kabul", "Kabul", "LOC", "city", "کابل"),
				ent(t, psFlood, "taliban", "Taliban", "ORG", "armed_group", "طالبانو"),
			},
			Story: "s-flood",
		},
		{
			ID: "ar-border", Source: "Arab Wire", Lang: "ar",
			Title: "إغلاق معبر طورخم", Text: arBorder, Published: date("2025-02-16T07:00:00Z"),
			Entities: []article.Entity{
				ent(t, arBorder, "torkham", "Torkham", "LOC", "border_crossing", "طورخم"),
				ent(t, arBorder, "afghanistan", "Afghanistan", "LOC", "country", "أفغانستان"),
				ent(t, arBorder, "pakistan", "Pakistan", "LOC", "country", "باكستان"),
			},
			Story: "s-border",
		},
		{
			ID: "en-border", Source: "Example Times", Lang: "en",
			Title: "Torkham closed <script>alert(1)</script>", Text: enBorder, Published: date("2025-02-16T09:00:00Z"),
			Entities: []article.Entity{
				ent(t, enBorder, "pakistan", "Pakistan", "LOC", "country", "Pakistan"),
				ent(t, enBorder, "torkham", "Torkham", "LOC", "border_crossing", "Torkham"),
			},
			Story: "s-border",
		},
	}
}

// testGazetteer is a small catalogue, so that the tests do not depend on
// the shipped data. Its name for Kabul differs from the articles' on
// purpose: the catalogue wins.
func testGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.New([]*gazetteer.Entry{
		{ID: "afghanistan", Name: "Afghanistan", Type: "LOC", Kind: "country", Names: map[string][]string{"fa": {"افغانستان"}}},
		{ID: "pakistan", Name: "Pakistan", Type: "LOC", Kind: "country", Names: map[string][]string{}},
		{ID: "kabul", Name: "Kabul City", Type: "LOC", Kind: "city", Parent: "afghanistan", Names: map[string][]string{"fa": {"کابل"}}},
		{ID: "taliban", Name: "Taliban", Type: "ORG", Kind: "armed_group", Names: map[string][]string{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// openStore opens a SQLite store in a temporary directory and saves the
// articles in it.
func openStore(t testing.TB, arts []*article.Article) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "khabar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, a := range arts {
		if err := st.Save(ctx, a, "hash-"+a.ID); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// fakeIngester stands in for the pipeline: "fail" fails, "dup" is a
// duplicate, and any other document joins story "s-<id>".
type fakeIngester struct {
	mu   sync.Mutex
	docs []article.Document
}

func (f *fakeIngester) Ingest(ctx context.Context, doc article.Document) (*article.Article, bool, error) {
	f.mu.Lock()
	f.docs = append(f.docs, doc)
	f.mu.Unlock()
	switch doc.ID {
	case "fail":
		return nil, false, errors.New("pipeline: cannot detect language")
	case "dup":
		return &article.Article{ID: doc.ID, Story: "s-flood", Duplicate: true}, true, nil
	}
	return &article.Article{ID: doc.ID, Story: "s-" + doc.ID}, false, nil
}

func (f *fakeIngester) received() []article.Document {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]article.Document(nil), f.docs...)
}

func quietLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

// newTestServer is a server over the fixture.
func newTestServer(t testing.TB) (*Server, *fakeIngester) {
	t.Helper()
	ing := &fakeIngester{}
	return New(openStore(t, fixtureArticles(t)), ing, testGazetteer(t), nil, quietLog()), ing
}

func do(t testing.TB, h http.Handler, method, path, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, http.MethodGet, path, "", "")
}

// storyArticles makes n one-article stories, a day apart, for paging.
func storyArticles(n int) []*article.Article {
	var out []*article.Article
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		p := base.Add(time.Duration(i) * 24 * time.Hour)
		out = append(out, &article.Article{
			ID: fmt.Sprintf("a%03d", i), Lang: "en", Source: "Example Times",
			Title: fmt.Sprintf("Story number %03d", i), Text: "Short text.", Published: &p,
			Story: fmt.Sprintf("s%03d", i),
		})
	}
	return out
}
