package postgres

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/postgres/pgtest"
	"github.com/khabar-news/khabar/internal/store/storetest"
)

// TestStore runs the behaviour every store shares, each subtest in a
// fresh schema of the test server (see pgtest).
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		url := pgtest.URL(t)
		return func() (store.Store, error) { return Open(context.Background(), url) }
	})
}

// Processes opening one new database at once migrate it once between
// them: the advisory lock makes the others wait and find the work done.
func TestConcurrentOpen(t *testing.T) {
	url := pgtest.URL(t)
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	stores := make([]*Store, n)
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = Open(context.Background(), url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
			continue
		}
		stores[i].Close()
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows, version int
	if err := db.QueryRow("SELECT count(*), max(version) FROM schema_version").Scan(&rows, &version); err != nil {
		t.Fatal(err)
	}
	if rows != 1 || version != len(migrations) {
		t.Errorf("schema_version: %d rows, version %d; want 1 row, version %d", rows, version, len(migrations))
	}
}

// A database whose schema is newer than this code is refused, not
// migrated down or written to.
func TestNewerSchema(t *testing.T) {
	url := pgtest.URL(t)
	s, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE schema_version SET version = $1", len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(context.Background(), url); err == nil {
		s.Close()
		t.Error("opened a database of a newer schema")
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "khabar.db": false, "/data/postgres/k.db": false, "": false,
	} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
