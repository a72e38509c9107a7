package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
)

func date(s string) *time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return &t
}

func TestStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	arts := []*article.Article{
		{ID: "a1", Story: "s1", Lang: "fa", Variety: "fa-AF", Source: "Kabul Daily", Title: "عنوان", Text: "متن", Published: date("2025-11-02"),
			Entities: []article.Entity{{ID: "pakistan", Name: "Pakistan", Type: "LOC", Kind: "country", Mentions: []article.Span{{Text: "پاکستان", Start: 0, End: 7}}}}},
		{ID: "a2", Story: "s1", Lang: "en", Source: "Frontier Post", Title: "Border shut", Text: "text", Published: date("2025-11-03")},
		{ID: "a3", Story: "s2", Lang: "ps", Source: "Da Pulse", Title: "سرلیک", Text: "متن", Published: date("2025-10-01")},
	}
	for i, a := range arts {
		if err := s.Save(ctx, a, "h"+a.ID); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	if err := s.Save(ctx, arts[0], "other"); err == nil {
		t.Error("saving the same id twice succeeded")
	}
	for _, tc := range []struct {
		id, hash string
		want     bool
	}{{"a1", "x", true}, {"x", "ha2", true}, {"x", "y", false}} {
		if got, err := s.Has(ctx, tc.id, tc.hash); err != nil || got != tc.want {
			t.Errorf("Has(%s, %s) = %v, %v", tc.id, tc.hash, got, err)
		}
	}
	list, err := s.Stories(ctx, 10, 0)
	if err != nil || len(list) != 2 {
		t.Fatalf("Stories = %v, %v", list, err)
	}
	if list[0].ID != "s1" || list[0].Articles != 2 || list[0].Title != "Border shut" ||
		len(list[0].Languages) != 2 || list[0].Languages[0] != "en" || list[0].Languages[1] != "fa-AF" {
		t.Errorf("first story = %+v", list[0])
	}
	sum, members, err := s.Story(ctx, "s1")
	if err != nil || len(members) != 2 || members[0].ID != "a1" || sum.FirstSeen.Format("2006-01-02") != "2025-11-02" {
		t.Errorf("Story = %+v %v %v", sum, members, err)
	}
	if len(members[0].Entities) != 1 || members[0].Entities[0].Mentions[0].Text != "پاکستان" {
		t.Errorf("entities not kept: %+v", members[0].Entities)
	}
	if _, _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing story: %v", err)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	latest, err := s.Latest(ctx)
	if err != nil || latest.Format("2006-01-02") != "2025-11-03" {
		t.Errorf("Latest = %v, %v", latest, err)
	}
	var since []string
	s.Since(ctx, *date("2025-11-01"), func(a *article.Article) error { since = append(since, a.ID); return nil })
	if len(since) != 2 || since[0] != "a1" {
		t.Errorf("Since = %v", since)
	}
	s.Close()
	// Reopening runs no migration twice and keeps the data.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if a, err := s.Article(ctx, "a3"); err != nil || a.Lang != "ps" {
		t.Errorf("after reopen: %+v %v", a, err)
	}
}

func TestEntityQueries(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ent := func(id string, n int) article.Entity {
		e := article.Entity{ID: id, Name: id, Type: "LOC", Kind: "country"}
		for range n {
			e.Mentions = append(e.Mentions, article.Span{Text: id, Start: 0, End: 1})
		}
		return e
	}
	arts := []*article.Article{
		{ID: "a1", Story: "s1", Lang: "en", Title: "One", Published: date("2025-11-01"), Entities: []article.Entity{ent("pakistan", 2), ent("afghanistan", 1), ent("ttp", 1)}},
		{ID: "a2", Story: "s1", Lang: "fa", Title: "Two", Published: date("2025-11-03"), Entities: []article.Entity{ent("pakistan", 1), ent("afghanistan", 3)}},
		{ID: "a3", Story: "s2", Lang: "ur", Title: "Three", Published: date("2025-11-02"), Entities: []article.Entity{ent("afghanistan", 1)}},
	}
	for _, a := range arts {
		if err := s.Save(ctx, a, "h"+a.ID); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		entity       string
		wantArticles []string // newest first
		wantCo       []string // "id:articles"
	}{
		{"pakistan", []string{"a2", "a1"}, []string{"afghanistan:2", "ttp:1"}},
		{"afghanistan", []string{"a2", "a3", "a1"}, []string{"pakistan:2", "ttp:1"}},
		{"nowhere", nil, nil},
	}
	for _, tt := range tests {
		list, err := s.EntityArticles(ctx, tt.entity, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range list {
			got = append(got, a.ID)
		}
		if strings.Join(got, ",") != strings.Join(tt.wantArticles, ",") {
			t.Errorf("EntityArticles(%s) = %v, want %v", tt.entity, got, tt.wantArticles)
		}
		co, err := s.CoEntities(ctx, tt.entity, 10)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, c := range co {
			got = append(got, fmt.Sprintf("%s:%d", c.ID, c.Articles))
		}
		if strings.Join(got, ",") != strings.Join(tt.wantCo, ",") {
			t.Errorf("CoEntities(%s) = %v, want %v", tt.entity, got, tt.wantCo)
		}
	}
	if list, _ := s.EntityArticles(ctx, "pakistan", 10); list[1].Mentions != 2 || list[1].Story != "s1" || list[1].Published == nil {
		t.Errorf("EntityArticles row = %+v", list[1])
	}
}

// Edits by hand move articles, reshape both stories' rows, survive a
// reopen, and leave the merged story's id leading to the story it joined.
func TestEdits(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	taliban := article.Entity{ID: "taliban", Name: "Taliban", Type: "ORG", Kind: "armed_group", Mentions: []article.Span{{Text: "طالبان"}}}
	arts := []*article.Article{
		{ID: "a1", Story: "s1", Lang: "en", Title: "Talks open in Doha", Published: date("2025-11-02")},
		{ID: "a2", Story: "s1", Lang: "ps", Title: "سرلیک", Published: date("2025-11-04"), Entities: []article.Entity{taliban}},
		{ID: "a3", Story: "s2", Lang: "fa", Title: "عنوان", Published: date("2025-11-03")},
		{ID: "a4", Story: "s3", Lang: "ur", Title: "سرخی", Published: date("2025-11-05")},
	}
	for _, a := range arts {
		if err := s.Save(ctx, a, "h"+a.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Split the Pashto article out of s1, then merge s2 into it, then
	// s3 into s2 (which now leads on to the split story).
	edits := []store.Edit{
		{Kind: store.EditSplit, Story: "s1", Into: "s9", Articles: []string{"a2"}},
		{Kind: store.EditMerge, Story: "s2", Into: "s9", Articles: []string{"a3"}},
	}
	for _, e := range edits {
		if err := s.Apply(ctx, e); err != nil {
			t.Fatalf("%+v: %v", e, err)
		}
	}
	if err := s.Apply(ctx, store.Edit{Kind: store.EditSplit, Story: "s1", Into: "s8", Articles: []string{"a4"}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving an article from a story it is not in: %v", err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, members, err := s.Story(ctx, "s9")
	if err != nil || sum.Articles != 2 || members[0].ID != "a3" || members[1].Story != "s9" {
		t.Fatalf("s9 = %+v %v %v", sum, members, err)
	}
	// No English article: the title is the English gloss of the first
	// stored (a2, which names the Taliban).
	if sum.Title != "Taliban" || sum.FirstSeen.Format("2006-01-02") != "2025-11-03" || sum.LastSeen.Format("2006-01-02") != "2025-11-04" {
		t.Errorf("s9 row = %+v", sum)
	}
	if sum, _, _ := s.Story(ctx, "s1"); sum.Articles != 1 || sum.LastSeen.Format("2006-01-02") != "2025-11-02" {
		t.Errorf("s1 after the split = %+v", sum)
	}
	if _, _, err := s.Story(ctx, "s2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged story still listed: %v", err)
	}
	for id, want := range map[string]string{"s2": "s9", "s9": "s9", "s1": "s1"} {
		if got, err := s.Resolve(ctx, id); got != want || err != nil {
			t.Errorf("Resolve(%s) = %s, %v; want %s", id, got, err, want)
		}
	}
	if _, err := s.Resolve(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Resolve(nope): %v", err)
	}
	got, err := s.Edits(ctx, "s9")
	if err != nil || len(got) != 2 || got[0].Kind != store.EditSplit || got[1].Articles[0] != "a3" || got[1].At.IsZero() {
		t.Errorf("Edits(s9) = %+v, %v", got, err)
	}
	if list, _ := s.Stories(ctx, 10, 0); len(list) != 3 {
		t.Errorf("%d stories listed, want 3 (s9, s3, s1)", len(list))
	}
}
