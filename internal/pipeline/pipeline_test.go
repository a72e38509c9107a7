package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/story"
)

func newTest(t *testing.T) *Pipeline {
	t.Helper()
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnnotateBadInput(t *testing.T) {
	p := newTest(t)
	tests := []struct {
		name string
		doc  article.Document
		want string // part of the error; "" for success
	}{
		{"no id", article.Document{Text: "x"}, "no id"},
		{"empty", article.Document{ID: "a"}, "no text"},
		{"spaces", article.Document{ID: "a", Text: " \n\t "}, "no text"},
		{"invalid UTF-8", article.Document{ID: "a", Text: "abc\xff\xfe"}, "not valid UTF-8"},
		{"binary", article.Document{ID: "a", Text: "PK\x03\x04\x00\x00binary"}, "binary"},
		{"control bytes", article.Document{ID: "a", Text: strings.Repeat("\x01\x02\x03ab", 40)}, "binary"},
		{"too big", article.Document{ID: "a", Text: strings.Repeat("word ", MaxDocumentBytes/5+1)}, "limit"},
		{"HTML that is plain text", article.Document{ID: "a", HTML: "Torkham closed\n\nThe Torkham crossing was closed on Sunday after clashes, officials in Nangarhar said."}, ""},
		{"title only", article.Document{ID: "a", Title: "Torkham closed"}, ""},
	}
	for _, tt := range tests {
		a, err := p.Annotate(tt.doc)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want it to say %q", tt.name, err, tt.want)
		case tt.want == "" && a.Title == "" && a.Text == "":
			t.Errorf("%s: nothing read", tt.name)
		}
	}
}

// TestPageClockIsNotPublication: a capture whose header shows the site's
// clock months after the article ran is dated by the article's own
// words, not by the clock.
func TestPageClockIsNotPublication(t *testing.T) {
	p := newTest(t)
	text := "صفحه اصلی\nپنجشنبه ۶ قوس ۱۴۰۴ کابل ۰۹:۱۰\n\nگذرگاه تورخم دوباره باز شد\n\n" +
		"مقامات محلی در ننگرهار دیروز شنبه (۱۵ سنبله) اعلام کردند که گذرگاه تورخم پس از پنج روز بسته ماندن دوباره به روی موترهای باربری باز شد.\n\n" +
		"به گفته آنان صدها موتر در دو سوی مرز منتظر مانده بودند و تاجران از زیان های سنگین شکایت داشتند.\n\nXS\nSM\n"
	a, err := p.Annotate(article.Document{ID: "clock", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	// 15 Sonbola 1404 is 6 September 2025; the clock says 27 November.
	if a.Published == nil || a.Published.Format("2006-01-02") != "2025-09-07" || a.PublishedFrom != "relative" {
		t.Errorf("published %v from %q, want 2025-09-07 from relative", a.Published, a.PublishedFrom)
	}
	if a.Fetched == nil || a.Fetched.Format("2006-01-02") != "2025-11-27" {
		t.Errorf("capture time %v, want the clock's 2025-11-27", a.Fetched)
	}
	if a.Lang != "fa" || a.Variety != "fa-AF" {
		t.Errorf("lang %s %s", a.Lang, a.Variety)
	}
	if strings.Contains(a.Text, "۰۹:۱۰") || strings.Contains(a.Text, "XS") {
		t.Errorf("chrome left in text: %q", a.Text)
	}
}

// TestRunOrder checks that results come out in input order whatever the
// workers' speed, with per-item errors in place.
func TestRunOrder(t *testing.T) {
	p := newTest(t)
	in := make(chan Item)
	out := make(chan Result)
	go func() {
		defer close(in)
		for i := range 200 {
			doc := article.Document{ID: string(rune('a'+i%26)) + time.Duration(i).String(), Text: strings.Repeat("Pakistan and Afghanistan. ", 1+i%7)}
			if i%13 == 0 {
				doc.Text = ""
			}
			in <- Item{Doc: doc}
		}
	}()
	go p.Run(context.Background(), in, out, 4, p.Assigner(story.DefaultConfig))
	i := 0
	for r := range out {
		want := string(rune('a'+i%26)) + time.Duration(i).String()
		if r.Item.Doc.ID != want {
			t.Fatalf("result %d is %s, want %s", i, r.Item.Doc.ID, want)
		}
		if (i%13 == 0) != (r.Err != nil) {
			t.Errorf("result %d: error %v", i, r.Err)
		}
		if r.Err == nil && r.Article.Story == "" {
			t.Errorf("result %d has no story", i)
		}
		i++
	}
	if i != 200 {
		t.Errorf("%d results, want 200", i)
	}
}

// A user's name discovery file is read with the pipeline; a broken one
// stops it with the file's name.
func TestEntityFiles(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.txt"), filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("[names]\n# a given name\nزرغونه\n"), 0o644)
	os.WriteFile(bad, []byte("no section\n"), 0o644)
	if _, err := New(Options{EntityFiles: []string{good}}); err != nil {
		t.Errorf("good file: %v", err)
	}
	if _, err := New(Options{EntityFiles: []string{bad}}); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("bad file: %v", err)
	}
}
