package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/postgres"
	"github.com/khabar-news/khabar/internal/store/postgres/pgtest"
	"github.com/khabar-news/khabar/internal/store/sqlite"
	"github.com/khabar-news/khabar/internal/story"
)

var editDay = time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC)

func testEntity(id, kind string) article.Entity {
	return article.Entity{ID: id, Name: id, Type: "LOC", Kind: kind, Mentions: []article.Span{{Text: id}}}
}

func flood(id string) *article.Article {
	return &article.Article{ID: id, Lang: "en", Title: "Floods in Kabul", Published: &editDay,
		Text:     "Flash floods swept through two districts of Kabul after a night of heavy rain, officials said.",
		Entities: []article.Entity{testEntity("kabul", "city"), testEntity("kabul-paghman", "district")}}
}

func border(id string) *article.Article {
	return &article.Article{ID: id, Lang: "en", Title: "Torkham crossing closed", Published: &editDay,
		Text:     "Traders waited with hundreds of trucks after the Torkham crossing was shut for a third day.",
		Entities: []article.Entity{testEntity("torkham", "border_crossing"), testEntity("nangarhar-momand-dara", "district")}}
}

// placed stores a new article through ing and returns its story.
func placed(t *testing.T, ing *Ingester, a *article.Article) string {
	t.Helper()
	if dup, err := ing.Store(context.Background(), a, "h-"+a.ID); err != nil || dup {
		t.Fatalf("store %s: %v %v", a.ID, dup, err)
	}
	return a.Story
}

// Two ingesters writing one store (two workers, each with its own
// connection and assigner) place articles as one would: each reads what
// the other saved and edited before it assigns. Over SQLite (one file
// opened twice) and PostgreSQL.
func TestIngestersShareStore(t *testing.T) {
	ctx := context.Background()
	p := newTest(t)
	path := filepath.Join(t.TempDir(), "k.db")
	for _, tc := range []struct {
		name string
		open func() (store.Store, error)
	}{
		{"sqlite", func() (store.Store, error) { return sqlite.Open(ctx, path) }},
		{"postgres", func() (store.Store, error) { return postgres.Open(ctx, pgtest.URL(t)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ings [2]*Ingester
			url := ""
			for i := range ings {
				var st store.Store
				var err error
				if tc.name == "postgres" {
					if url == "" {
						url = pgtest.URL(t)
					}
					st, err = postgres.Open(ctx, url)
				} else {
					st, err = tc.open()
				}
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				if ings[i], err = NewIngester(ctx, p, st, story.DefaultConfig); err != nil {
					t.Fatal(err)
				}
			}
			a, b := ings[0], ings[1]
			fl := placed(t, a, flood("f1"))
			if got := placed(t, b, flood("f2")); got != fl {
				t.Errorf("the second worker put f2 in %s, want the first's %s", got, fl)
			}
			bo := placed(t, b, border("b1"))
			if bo == fl {
				t.Fatal("a flood and a border closure share a story")
			}
			if _, err := a.Merge(ctx, bo, fl); err != nil {
				t.Fatal(err)
			}
			if got := placed(t, b, border("b2")); got != fl {
				t.Errorf("after the first worker's merge, the second put b2 in %s, want %s", got, fl)
			}
			if got := placed(t, a, flood("f3")); got != fl {
				t.Errorf("f3 in %s, want %s", got, fl)
			}
			// Both went on with the same counts: a fifth article finds
			// the same story from either.
			if _, err := b.Split(ctx, fl, []string{"b1", "b2"}); err != nil {
				t.Fatal(err)
			}
			nb := placed(t, a, border("b3"))
			if nb == fl {
				t.Errorf("after the second worker's split, b3 went to the flood story")
			}
		})
	}
}

// A merge or a split by hand is remembered: later articles follow it,
// in this process and in the next one over the same store.
func TestMergeSplitRemembered(t *testing.T) {
	ctx := context.Background()
	p := newTest(t)
	path := filepath.Join(t.TempDir(), "k.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ing, err := NewIngester(ctx, p, st, story.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	place := func(ing *Ingester, a *article.Article) string { return placed(t, ing, a) }
	fl, bo := place(ing, flood("f1")), place(ing, border("b1"))
	if fl == bo {
		t.Fatal("a flood and a border closure share a story")
	}
	// Merged by hand, the border story's next article joins the flood story.
	if _, err := ing.Merge(ctx, bo, fl); err != nil {
		t.Fatal(err)
	}
	if got := place(ing, border("b2")); got != fl {
		t.Errorf("after the merge, b2 went to %s, want %s", got, fl)
	}
	if _, err := ing.Merge(ctx, bo, fl); !errors.Is(err, store.ErrEdit) {
		t.Errorf("merging a story into the one it was merged into: %v", err)
	}

	// A new process over the same store goes on from the merge.
	st.Close()
	if st, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ing, err = NewIngester(ctx, p, st, story.DefaultConfig); err != nil {
		t.Fatal(err)
	}
	if got := place(ing, border("b3")); got != fl {
		t.Errorf("after a restart, b3 went to %s, want %s", got, fl)
	}

	// Split the border articles back out: the next one follows them.
	e, err := ing.Split(ctx, bo, []string{"b1", "b2", "b3"}) // the old id leads to the merged story
	if err != nil {
		t.Fatal(err)
	}
	if e.Story != fl || e.Into == fl || e.Into == bo {
		t.Errorf("split = %+v", e)
	}
	if got := place(ing, border("b4")); got != e.Into {
		t.Errorf("after the split, b4 went to %s, want %s", got, e.Into)
	}
	if got := place(ing, flood("f2")); got != fl {
		t.Errorf("after the split, f2 went to %s, want %s", got, fl)
	}
	for _, bad := range [][]string{{"f1", "f2"}, {"nope"}, nil} {
		if _, err := ing.Split(ctx, fl, bad); !errors.Is(err, store.ErrEdit) {
			t.Errorf("split %v: %v", bad, err)
		}
	}
	if _, err := ing.Merge(ctx, "s-nope", fl); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merging a story that does not exist: %v", err)
	}
}
