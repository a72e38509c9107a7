package store

import (
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
)

func TestStoryTitle(t *testing.T) {
	for _, tc := range []struct {
		lang, title, gloss, want string
		english                  bool
	}{
		{"en", "Border shut", "Pakistan", "Border shut", true},
		{"en", "", "Pakistan", "Pakistan", false},
		{"fa", "عنوان", "Pakistan", "Pakistan", false},
		{"fa", "عنوان", "", "عنوان", false},
	} {
		if got, en := StoryTitle(tc.lang, tc.title, tc.gloss); got != tc.want || en != tc.english {
			t.Errorf("StoryTitle(%s, %q, %q) = %q, %v", tc.lang, tc.title, tc.gloss, got, en)
		}
	}
}

func TestStoryRow(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	var r StoryRow
	if r.Done() {
		t.Error("an empty story has a row")
	}
	r.Add("ps", "سرلیک", "Taliban", d("2025-11-09"), false) // undated: stored that day
	r.Add("fa", "عنوان", "", d("2025-11-04"), true)
	r.Add("en", "Talks open", "", d("2025-11-02"), true)
	r.Add("en", "Talks go on", "", d("2025-11-05"), true)
	if !r.Done() || r.Title != "Talks open" || !r.English || r.First != d("2025-11-02") || r.Last != d("2025-11-05") {
		t.Errorf("row = %+v", r)
	}
	r = StoryRow{}
	r.Add("ps", "سرلیک", "Taliban", d("2025-11-09"), false)
	r.Add("ur", "سرخی", "", d("2025-11-10"), false)
	if !r.Done() || r.Title != "Taliban" || r.English || r.First != d("2025-11-09") || r.Last != d("2025-11-09") {
		t.Errorf("undated row = %+v", r)
	}
}

func TestDay(t *testing.T) {
	stored := time.Date(2025, 11, 9, 10, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 11, 2, 8, 0, 0, 0, time.FixedZone("AFT", 16200))
	fetched := time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		a     article.Article
		want  time.Time
		dated bool
	}{
		{article.Article{Published: &pub, Fetched: &fetched}, pub.UTC(), true},
		{article.Article{Fetched: &fetched}, fetched, true},
		{article.Article{}, stored, false},
	} {
		if got, dated := Day(&tc.a, stored); !got.Equal(tc.want) || got.Location() != time.UTC || dated != tc.dated {
			t.Errorf("Day = %v, %v; want %v, %v", got, dated, tc.want, tc.dated)
		}
	}
}

func TestSplitSorted(t *testing.T) {
	if got := SplitSorted("ur,,en,fa-AF"); strings.Join(got, "|") != "en|fa-AF|ur" {
		t.Errorf("SplitSorted = %q", got)
	}
	if got := SplitSorted(""); got == nil || len(got) != 0 {
		t.Errorf("SplitSorted(\"\") = %#v, want empty, not nil", got)
	}
}
