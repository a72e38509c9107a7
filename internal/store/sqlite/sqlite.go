// Package sqlite implements store.Store over a single SQLite file with
// modernc.org/sqlite (pure Go: no cgo, one static binary). The database
// runs in WAL mode; the schema is created and upgraded by the migrations
// below, in code. The queries are sqlstore's, shared with PostgreSQL.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/sqlstore"
)

// migrations are applied in order; the schema version is PRAGMA
// user_version. Never edit a released migration: add one.
var migrations = []string{
	`CREATE TABLE articles (
		id             TEXT PRIMARY KEY,
		hash           TEXT NOT NULL UNIQUE,
		story_id       TEXT NOT NULL,
		source         TEXT NOT NULL DEFAULT '',
		url            TEXT NOT NULL DEFAULT '',
		lang           TEXT NOT NULL,
		variety        TEXT NOT NULL DEFAULT '',
		title          TEXT NOT NULL DEFAULT '',
		published      TEXT,
		stored         TEXT NOT NULL,
		data           TEXT NOT NULL
	);
	CREATE INDEX articles_story ON articles(story_id, published);
	CREATE INDEX articles_stored ON articles(stored);
	CREATE TABLE article_entities (
		article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
		entity_id  TEXT NOT NULL,
		mentions   INTEGER NOT NULL,
		PRIMARY KEY (article_id, entity_id)
	);
	CREATE INDEX article_entities_entity ON article_entities(entity_id);
	CREATE TABLE stories (
		id         TEXT PRIMARY KEY,
		title      TEXT NOT NULL DEFAULT '',
		title_lang TEXT NOT NULL DEFAULT '',
		first_seen TEXT NOT NULL,
		last_seen  TEXT NOT NULL,
		updated    TEXT NOT NULL
	);
	CREATE INDEX stories_updated ON stories(last_seen DESC);`,
	// Hand edits of stories, and an English gloss for every article (the
	// title of a story with no English article).
	`ALTER TABLE articles ADD COLUMN gloss TEXT NOT NULL DEFAULT '';
	CREATE TABLE story_edits (
		seq      INTEGER PRIMARY KEY AUTOINCREMENT,
		at       TEXT NOT NULL,
		kind     TEXT NOT NULL,
		story_id TEXT NOT NULL,
		into_id  TEXT NOT NULL,
		articles TEXT NOT NULL -- JSON array of article ids
	);
	CREATE INDEX story_edits_story ON story_edits(story_id);
	CREATE INDEX story_edits_into ON story_edits(into_id);
	CREATE TABLE story_redirects (
		from_id TEXT PRIMARY KEY,
		to_id   TEXT NOT NULL
	);`,
	// The column holds a rank ('0' for an English article's title, which
	// beats '1'), not a language; PostgreSQL's schema names it so too.
	`ALTER TABLE stories RENAME COLUMN title_lang TO title_rank;`,
}

// Store is a SQLite store.
type Store struct {
	*sqlstore.Store
	db *sql.DB
}

// dialect is how SQLite differs: times are RFC 3339 text in UTC (which
// sorts as time does), JSON is text, and one connection writes at a time,
// so no lock is needed.
var dialect = sqlstore.Dialect{
	Name:     "sqlite",
	Time:     func(t time.Time) any { return t.UTC().Format(time.RFC3339) },
	Concat:   "group_concat(DISTINCT %s)",
	Fetched:  "json_extract(data, '$.Fetched')",
	SetStory: "json_set(data, '$.Story', ?)",
	Seq:      "rowid", // never reused: articles are never deleted
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// One writer at a time is SQLite's rule; one connection keeps the
	// pragmas and avoids SQLITE_BUSY between our own goroutines.
	db.SetMaxOpenConns(1)
	d := dialect
	d.Exclusive = func(ctx context.Context, _ *sql.DB, fn func() error) error {
		return exclusive(path+".lock", fn)
	}
	s := &Store{Store: sqlstore.New(db, d), db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this khabar (%d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
