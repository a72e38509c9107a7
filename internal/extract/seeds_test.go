package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedsDir holds the project's two real page captures. They are read, not
// copied: the test skips where the folder is absent.
const seedsDir = "../../../shared/seeds"

func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(seedsDir, prefix+"_*.txt"))
	if len(matches) == 0 {
		t.Skipf("no seed %s_*.txt in %s", prefix, seedsDir)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return string(b)
}

// seedLines returns the non-blank trimmed lines of a seed.
func seedLines(raw string) []string {
	var out []string
	for _, l := range splitLines(raw) {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// checkSeedText asserts that every line of at least minWords words that is
// not the title is a paragraph of the text, and that no line shorter than
// that (chrome, header, clock, slug) is.
func checkSeedText(t *testing.T, raw string, p Page, minWords int) {
	t.Helper()
	paras := make(map[string]bool)
	for _, para := range strings.Split(p.Text, "\n\n") {
		paras[para] = true
	}
	for _, l := range seedLines(raw) {
		long := len(strings.Fields(l)) >= minWords
		switch {
		case l == p.Title:
			if paras[l] {
				t.Errorf("title also kept as a paragraph: %q", l)
			}
		case long && !paras[l]:
			t.Errorf("paragraph lost: %q", l)
		case !long && paras[l]:
			t.Errorf("chrome kept: %q", l)
		}
	}
}

func TestSeedEnglish(t *testing.T) {
	raw := readSeed(t, "000")
	p, err := New().FromText(raw)
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	// The capture's first two lines are labelled header lines (date,
	// story code) and its third is the headline; the expectations come
	// from the file, so that no seed text is copied here.
	lines := seedLines(raw)
	if want := lines[2]; p.Title != want {
		t.Errorf("title = %q, want %q", p.Title, want)
	}
	if p.Meta.Published == "" || !strings.HasSuffix(lines[0], p.Meta.Published) || p.Meta.PublishedFrom != "header" {
		t.Errorf("published = %q from %q, want the end of %q from header", p.Meta.Published, p.Meta.PublishedFrom, lines[0])
	}
	if p.Meta.StoryCode == "" || !strings.HasSuffix(lines[1], p.Meta.StoryCode) {
		t.Errorf("story code = %q, want the end of %q", p.Meta.StoryCode, lines[1])
	}
	if p.Meta.Clock != "" {
		t.Errorf("clock = %q, want none", p.Meta.Clock)
	}
	checkSeedText(t, raw, p, 15)
}

func TestSeedDari(t *testing.T) {
	raw := readSeed(t, "001")
	p, err := New().FromText(raw)
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	// Two chrome lines, the clock, then the headline.
	lines := seedLines(raw)
	if want := lines[3]; p.Title != want {
		t.Errorf("title = %q, want %q", p.Title, want)
	}
	clock := lines[2]
	if clock == "" || p.Meta.Clock != clock {
		t.Errorf("clock = %q, want %q", p.Meta.Clock, clock)
	}
	if p.Meta.Published != "" {
		t.Errorf("published = %q, want none: the clock is no publication date", p.Meta.Published)
	}
	checkSeedText(t, raw, p, 8)
	for _, chrome := range []string{"XS", "SM", "MD", "LG", "/"} {
		for _, para := range strings.Split(p.Text, "\n\n") {
			if strings.Contains(para, chrome) && len([]rune(para)) < 20 {
				t.Errorf("chrome %q kept in %q", chrome, para)
			}
		}
	}
	t.Logf("fa: %d paragraphs, title %q, clock %q", strings.Count(p.Text, "\n\n")+1, p.Title, p.Meta.Clock)
}
