package store

import (
	"sort"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
)

// The rules every implementation keeps a story's row by, so that the
// stores agree on what a story says of itself.

// Day is the time an article dates its story by: its publication, else
// its capture, else stored (when it was stored). dated is false in the
// last case: such an article dates a new story, but does not move the
// dates of a story that has them.
func Day(a *article.Article, stored time.Time) (t time.Time, dated bool) {
	switch {
	case a.Published != nil:
		return a.Published.UTC(), true
	case a.Fetched != nil:
		return a.Fetched.UTC(), true
	}
	return stored.UTC(), false
}

// StoryTitle is the title an article gives its story: an English
// article's own title (english is true, and it beats any other), else
// the article's English gloss, else its own title. A story takes its
// first English article's title, else its first article's: an analyst
// reads English titles fastest.
func StoryTitle(lang, title, gloss string) (t string, english bool) {
	switch {
	case lang == "en" && title != "":
		return title, true
	case gloss != "":
		return gloss, false
	}
	return title, false
}

// StoryRow folds a story's articles, in the order they were stored, into
// the title and dates its row holds, by the rules Save follows one
// article at a time. Stores use it to rebuild a story's row after an
// edit by hand.
type StoryRow struct {
	Title       string
	English     bool // Title is an English article's own
	First, Last time.Time
	n           int
	undated     time.Time // the first article's time, when none is dated
}

// Add folds in the next article: its language, title and English gloss,
// and its Day.
func (r *StoryRow) Add(lang, title, gloss string, when time.Time, dated bool) {
	r.n++
	if t, en := StoryTitle(lang, title, gloss); r.n == 1 || (!r.English && en) {
		r.Title, r.English = t, en
	}
	if r.n == 1 {
		r.undated = when
	}
	if dated {
		if r.First.IsZero() || when.Before(r.First) {
			r.First = when
		}
		if when.After(r.Last) {
			r.Last = when
		}
	}
}

// Done finishes the fold; false when no article was added (the story is
// empty and its row goes).
func (r *StoryRow) Done() bool {
	if r.n == 0 {
		return false
	}
	if r.First.IsZero() {
		r.First, r.Last = r.undated, r.undated
	}
	return true
}

// SplitSorted splits a comma-separated list (an SQL string aggregate),
// drops the empty items and sorts the rest; never nil.
func SplitSorted(s string) []string {
	out := []string{}
	for _, x := range strings.Split(s, ",") {
		if x != "" {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}
