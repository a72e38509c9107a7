package extract

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzSeeds are kept small: the fuzzer minimises every new interesting
// input, and a large one takes the whole fuzzing time to minimise.
// TestLargeInputs covers the large shapes.
//
// fuzzSeeds are shapes that have broken line-based extractors: empty and
// blank input, invalid UTF-8, binary, one very long line, labels without
// values, lone delimiters, markup given as text and text given as markup.
func fuzzSeeds() []string {
	return []string{
		"",
		"\n\n\n",
		"\xff\xfe\xfd",
		"\x00\x01\x02\x03 binary \x00",
		strings.Repeat("word ", 300),
		strings.Repeat("x", 3000),
		"Published:",
		"Story Code :",
		"تاریخ نشر:\n",
		"KABUL —",
		"(",
		"—",
		"XS\nSM\nMD\nLG",
		"Title\n\nOne sentence here. Another one follows, with a comma.\n\nLeave a comment\nFull name",
		"یکشنبه ۴ قوس ۱۴۰۳ کابل ۰۴:۴۲\nعنوان خبر\nاین یک جمله است که به اندازه کافی طولانی است تا متن به حساب بیاید.",
		"<html><body><p>markup as text</p></body></html>",
		"<p>unclosed <div><span>",
		"<!DOCTYPE html>",
		"<script>" + strings.Repeat("a", 1000) + "</script>",
		strings.Repeat("<div>", 200) + "deep" + strings.Repeat("</div>", 200),
		`<html><head><script type="application/ld+json">{"datePublished": [1, {"x": null}]}</script></head><body><p>x</p></body></html>`,
		`<meta property="article:published_time" content=""><time datetime="">`,
		"Publish date\xffMonday 3 November 2025",
		"پشاور (اے پی پی",
		"A (b) c\n",
	}
}

func FuzzFromText(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := New().FromText(raw)
		if err != nil && !errors.Is(err, ErrEmpty) {
			t.Fatalf("unexpected error %v", err)
		}
		checkPage(t, raw, p, err)
	})
}

func FuzzFromHTML(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := New().FromHTML(src, "https://example.org/a")
		if errors.Is(err, ErrNotHTML) {
			if p != (Page{}) {
				t.Fatalf("ErrNotHTML with a page: %+v", p)
			}
			return
		}
		checkPage(t, src, p, err)
	})
}

// checkPage asserts the invariants of any result: text only on success,
// no empty paragraphs, and valid UTF-8 out of valid UTF-8 in.
func checkPage(t *testing.T, in string, p Page, err error) {
	t.Helper()
	if err == nil && p.Text == "" {
		t.Fatalf("no error but empty text")
	}
	if err != nil && p.Text != "" {
		t.Fatalf("error %v with text %q", err, p.Text)
	}
	if p.Text != "" {
		for _, para := range strings.Split(p.Text, "\n\n") {
			if strings.TrimSpace(para) == "" {
				t.Fatalf("empty paragraph in %q", p.Text)
			}
		}
	}
	if utf8.ValidString(in) {
		for _, s := range []string{p.Text, p.Title, p.Meta.Published, p.Meta.Clock, p.Meta.StoryCode, p.Meta.Dateline} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", s)
			}
		}
	}
	if p.Meta.Dateline != "" && !strings.HasPrefix(p.Text, p.Meta.Dateline) {
		t.Fatalf("dateline %q does not open the text", p.Meta.Dateline)
	}
}

// TestLargeInputs runs the shapes too large for the fuzz corpus: very long
// lines, many lines, deep markup. It guards against panics and against
// time that grows faster than the input.
func TestLargeInputs(t *testing.T) {
	inputs := []string{
		strings.Repeat("word ", 200000),
		strings.Repeat("x", 1<<20),
		strings.Repeat("A short line\n", 50000),
		strings.Repeat("This sentence is long enough to count as prose in a page. ", 20000),
		strings.Repeat("<div>", 20000) + "deep" + strings.Repeat("</div>", 20000),
		strings.Repeat("<p>Paragraph text that goes on for a while, as prose does.</p>", 20000),
		strings.Repeat("\xff\xfe", 100000),
	}
	for _, in := range inputs {
		start := time.Now()
		p, err := New().FromText(in)
		checkPage(t, in, p, err)
		p, err = New().FromHTML(in, "")
		if !errors.Is(err, ErrNotHTML) {
			checkPage(t, in, p, err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("input of %d bytes took %v", len(in), d)
		}
	}
}
