package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/storetest"
)

// TestStore runs the behaviour every store shares over a fresh file each.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "k.db")
		return func() (store.Store, error) { return Open(context.Background(), path) }
	})
}

// A file made by an older khabar (schema version 2, the story's title
// rank in title_lang) opens with its stories and titles whole.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range append(migrations[:2:2], `PRAGMA user_version = 2;
		INSERT INTO articles (id, hash, story_id, lang, title, published, stored, data)
			VALUES ('a1', 'h1', 's1', 'fa', 'عنوان', '2025-11-02T00:00:00Z', '2025-11-09T10:00:00Z', '{"ID":"a1","Story":"s1","Lang":"fa"}');
		INSERT INTO stories (id, title, title_lang, first_seen, last_seen, updated)
			VALUES ('s1', 'عنوان', '1', '2025-11-02T00:00:00Z', '2025-11-02T00:00:00Z', '2025-11-09T10:00:00Z');`) {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := &article.Article{ID: "a2", Story: "s1", Lang: "en", Title: "Border shut", Published: date("2025-11-03")}
	if err := s.Save(ctx, a, "h2"); err != nil {
		t.Fatal(err)
	}
	sum, _, err := s.Story(ctx, "s1")
	if err != nil || sum.Articles != 2 || sum.Title != "Border shut" || !sum.FirstSeen.Equal(*date("2025-11-02")) || !sum.LastSeen.Equal(*date("2025-11-03")) {
		t.Errorf("s1 after the upgrade = %+v, %v", sum, err)
	}
}

func date(s string) *time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return &t
}
