// Package postgres implements store.Store over PostgreSQL (15 or later),
// for many workers sharing one database. It speaks through pgx's
// database/sql driver, in the queries of sqlstore (shared with SQLite).
// The schema is created and upgraded by the migrations below, in code,
// one transaction each under an advisory lock, so processes that open one
// database at once do not race; writes to a story are serialised by a
// per-story advisory lock, so concurrent writers keep its row consistent
// with its articles.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/sqlstore"
)

// migrations are applied in order; the schema version is the one row of
// schema_version. Never edit a released migration: add one.
var migrations = []string{
	`CREATE TABLE articles (
		id        text PRIMARY KEY,
		hash      text NOT NULL UNIQUE,
		story_id  text NOT NULL,
		source    text NOT NULL DEFAULT '',
		url       text NOT NULL DEFAULT '',
		lang      text NOT NULL,
		variety   text NOT NULL DEFAULT '',
		title     text NOT NULL DEFAULT '',
		gloss     text NOT NULL DEFAULT '',
		published timestamptz,
		stored    timestamptz NOT NULL,
		data      jsonb NOT NULL
	);
	-- Articles are read in the order of their time, coalesce(published, stored).
	CREATE INDEX articles_story ON articles (story_id, (coalesce(published, stored)), id);
	CREATE INDEX articles_time ON articles ((coalesce(published, stored)), id);
	CREATE TABLE article_entities (
		article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		entity_id  text NOT NULL,
		mentions   integer NOT NULL,
		PRIMARY KEY (article_id, entity_id)
	);
	CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id);
	CREATE TABLE stories (
		id            text PRIMARY KEY,
		title         text NOT NULL DEFAULT '',
		title_rank    smallint NOT NULL DEFAULT 1, -- 0: an English article's title, which beats any other
		first_seen    timestamptz NOT NULL,
		last_seen     timestamptz NOT NULL,
		updated       timestamptz NOT NULL
	);
	CREATE INDEX stories_last_seen ON stories (last_seen DESC, id);
	CREATE TABLE story_edits (
		seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		at       timestamptz NOT NULL,
		kind     text NOT NULL,
		story_id text NOT NULL,
		into_id  text NOT NULL,
		articles jsonb NOT NULL
	);
	CREATE INDEX story_edits_story ON story_edits (story_id);
	CREATE INDEX story_edits_into ON story_edits (into_id);
	CREATE TABLE story_redirects (
		from_id text PRIMARY KEY,
		to_id   text NOT NULL
	);
	CREATE INDEX story_redirects_to ON story_redirects (to_id);`,
	// The order articles were saved in, for the journal (store.Journal).
	// Saves run under the assignment lock, so they commit in this order.
	`ALTER TABLE articles ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE;`,
}

// Store is a PostgreSQL store.
type Store struct {
	*sqlstore.Store
	db *sql.DB
}

// dialect is how PostgreSQL differs: numbered placeholders, timestamptz
// and jsonb, and per-story locks for its many writers.
var dialect = sqlstore.Dialect{
	Name:      "postgres",
	Numbered:  true,
	Time:      func(t time.Time) any { return t },
	Concat:    "string_agg(DISTINCT %s, ',')",
	Fetched:   "(data->>'Fetched')::timestamptz",
	SetStory:  "jsonb_set(data, '{Story}', to_jsonb(?::text))",
	Lock:      lockStories,
	Seq:       "seq",
	Exclusive: exclusive,
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether a -db value names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (a postgres:// URL or a libpq
// key=value string; search_path may be set in it) and brings its schema
// up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{Store: sqlstore.New(db, dialect), db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// lockKey is the advisory lock key of a name within the current schema
// (so that databases in separate schemas do not wait for each other).
const lockKey = `hashtextextended(current_schema() || ' ' || $1, 0)`

// migrate applies the migrations not yet applied, one transaction each.
// Each takes the schema's migration lock before it reads the version, so
// of two processes opening the database at once one waits and then finds
// the work done.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock("+lockKey+")", "khabar migrate"); err != nil {
		return false, fmt.Errorf("migration lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
		return false, fmt.Errorf("schema version: %w", err)
	}
	var version int
	err = tx.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version (version) VALUES (0)"); err != nil {
			return false, fmt.Errorf("schema version: %w", err)
		}
	case err != nil:
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return false, fmt.Errorf("schema version %d is newer than this khabar (%d)", version, len(migrations))
	}
	if version < len(migrations) {
		if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
			return false, fmt.Errorf("migration %d: %w", version+1, err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE schema_version SET version = $1", version+1); err != nil {
			return false, fmt.Errorf("migration %d: %w", version+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	return version+1 >= len(migrations), nil
}

// lockStories takes the write locks of stories, in order, until the
// transaction ends: a Save and an Apply touching one story run one after
// the other, so a story's row always agrees with its articles.
func lockStories(ctx context.Context, tx *sql.Tx, ids ...string) error {
	ids = slices.Clone(ids)
	slices.Sort(ids) // one order everywhere: no deadlock
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock("+lockKey+")", "khabar story "+id); err != nil {
			return fmt.Errorf("lock story %s: %w", id, err)
		}
	}
	return nil
}

// exclusive runs fn holding the database's assignment lock, a
// session-level advisory lock on a connection of its own, so that one
// worker at a time assigns stories and saves.
func exclusive(ctx context.Context, db *sql.DB, fn func() error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("postgres: assignment lock: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+lockKey+")", "khabar assign"); err != nil {
		return fmt.Errorf("postgres: assignment lock: %w", err)
	}
	defer func() {
		// A fresh context: the lock must go even when ctx is done. If
		// the unlock fails the connection is closed, which releases it.
		if _, err := conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock("+lockKey+")", "khabar assign"); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return fn()
}
