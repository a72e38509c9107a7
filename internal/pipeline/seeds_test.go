package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/input"
	"github.com/khabar-news/khabar/internal/story"
)

// sharedDir is the evaluation folder beside the repository, or where
// KHABAR_SHARED points.
func sharedDir(t testing.TB, sub string) string {
	dir := os.Getenv("KHABAR_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	dir = filepath.Join(dir, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present: %v", dir, err)
	}
	return dir
}

// TestSeeds runs the two seed pages (an English and a Dari report of one
// event, kept outside the project) through the whole pipeline.
func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []article.Document
	err = input.Paths([]string{dir}, func(doc article.Document, where string, err error) error {
		if filepath.Ext(where) != ".txt" {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil || len(docs) != 2 {
		t.Fatalf("read seeds: %d docs, %v", len(docs), err)
	}
	assign := p.Assigner(story.DefaultConfig)
	var arts []*article.Article
	for _, d := range docs {
		a, err := p.Annotate(d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if err := assign(a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	en, fa := arts[0], arts[1]
	if en.Lang != "en" || fa.Lang != "fa" || fa.Variety != "fa-AF" {
		t.Errorf("languages: %s %q and %s %q, want en and fa fa-AF", en.Lang, en.Variety, fa.Lang, fa.Variety)
	}
	if en.Story != fa.Story {
		t.Errorf("stories %s and %s, want one", en.Story, fa.Story)
	}
	for _, a := range arts {
		if a.Published == nil || a.Published.Format("2006-01-02") != "2024-05-14" {
			t.Errorf("%s published %v (%s), want 2024-05-14", a.ID, a.Published, a.PublishedFrom)
		}
		// The first and last lines of each capture are page chrome.
		raw := docs[0].Text
		if a == fa {
			raw = docs[1].Text
		}
		lines := strings.Split(strings.TrimSpace(raw), "\n")
		for _, l := range []string{lines[0], lines[len(lines)-1], lines[len(lines)-2]} {
			if strings.Contains(a.Text, strings.TrimSpace(l)) {
				t.Errorf("%s: chrome line %q left in text", a.ID, l)
			}
		}
		ids := map[string]bool{}
		for _, e := range a.Entities {
			ids[e.ID] = true
		}
		for _, want := range []string{"pakistan", "united-states", "afghanistan", "ttp", "isis-k", "taliban", "ahmed-sharif-chaudhry"} {
			if !ids[want] {
				t.Errorf("%s: entity %s not found; found %v", a.ID, want, a.EntityIDs())
			}
		}
	}
	// The accusation and its denial are one exchange across the two
	// languages: Pakistan accuses the Taliban government (the English
	// page names it, the Dari page says Afghanistan and the Taliban), and
	// the Taliban side answers.
	threads := story.Describe(arts, p.PairClaims).Threads
	if len(threads) != 1 {
		t.Fatalf("claim threads = %+v, want one exchange", threads)
	}
	th := threads[0]
	langs := map[string]bool{}
	for _, r := range th.Accusations {
		langs[r.Lang] = true
	}
	if th.Accuser != "pakistan" || !langs["en"] || !langs["fa-AF"] || len(th.Responses) == 0 {
		t.Errorf("thread = %+v, want Pakistan's accusation in both languages and an answer", th)
	}
	for _, r := range th.Responses {
		if r.Speaker != "taliban" && r.Speaker != "ministry-of-defence-af" && r.Speaker != "zabihullah-mujahid" {
			t.Errorf("response by %s, want the Taliban side", r.Speaker)
		}
	}
	if testing.Verbose() {
		for _, a := range arts {
			t.Logf("%s lang=%s/%s published=%v from=%s story=%s title=%q entities=%v", a.ID, a.Lang, a.Variety, a.Published, a.PublishedFrom, a.Story, a.Title, a.EntityIDs())
		}
	}
}
