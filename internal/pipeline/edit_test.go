package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/sqlite"
	"github.com/khabar-news/khabar/internal/story"
)

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
	day := time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC)
	ent := func(id, kind string) article.Entity {
		return article.Entity{ID: id, Name: id, Type: "LOC", Kind: kind, Mentions: []article.Span{{Text: id}}}
	}
	flood := func(id string) *article.Article {
		return &article.Article{ID: id, Lang: "en", Title: "Floods in Kabul", Published: &day,
			Text:     "Flash floods swept through two districts of Kabul after a night of heavy rain, officials said.",
			Entities: []article.Entity{ent("kabul", "city"), ent("kabul-paghman", "district")}}
	}
	border := func(id string) *article.Article {
		return &article.Article{ID: id, Lang: "en", Title: "Torkham crossing closed", Published: &day,
			Text:     "Traders waited with hundreds of trucks after the Torkham crossing was shut for a third day.",
			Entities: []article.Entity{ent("torkham", "border_crossing"), ent("nangarhar-momand-dara", "district")}}
	}
	place := func(ing *Ingester, a *article.Article) string {
		t.Helper()
		if dup, err := ing.Store(ctx, a, "h-"+a.ID); err != nil || dup {
			t.Fatalf("store %s: %v %v", a.ID, dup, err)
		}
		return a.Story
	}
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
