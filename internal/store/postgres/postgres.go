// Package postgres implements store.Store over PostgreSQL (15 or later),
// for many workers sharing one database. It speaks through pgx's
// database/sql driver. The schema is created and upgraded by the
// migrations below, in code, one transaction each under an advisory lock,
// so processes that open one database at once do not race; writes to a
// story are serialised by a per-story advisory lock, so concurrent
// writers keep its row consistent.
package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
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
		at        timestamptz NOT NULL GENERATED ALWAYS AS (coalesce(published, stored)) STORED,
		data      jsonb NOT NULL
	);
	CREATE INDEX articles_story ON articles (story_id, at, id);
	CREATE INDEX articles_at ON articles (at, id);
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
		title_english boolean NOT NULL DEFAULT false,
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
}

// Store is a PostgreSQL store.
type Store struct {
	db *sql.DB
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
	s := &Store{db: db}
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

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// lockStories takes the write locks of stories, in order, until the
// transaction ends: a Save and an Apply touching one story run one after
// the other, so a story's row always agrees with its articles.
func lockStories(ctx context.Context, tx *sql.Tx, ids ...string) error {
	if len(ids) == 2 && ids[1] < ids[0] {
		ids = []string{ids[1], ids[0]} // one order everywhere: no deadlock
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock("+lockKey+")", "khabar story "+id); err != nil {
			return fmt.Errorf("lock story %s: %w", id, err)
		}
	}
	return nil
}

// Has implements store.Store.
func (s *Store) Has(ctx context.Context, id, hash string) (bool, error) {
	var ok bool
	err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1 OR hash = $2)", id, hash).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("postgres: has %s: %w", id, err)
	}
	return ok, nil
}

// Save implements store.Store.
func (s *Store) Save(ctx context.Context, a *article.Article, hash string) error {
	if a.Story == "" {
		return fmt.Errorf("postgres: save %s: article has no story", a.ID)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("postgres: save %s: %w", a.ID, err)
	}
	now := time.Now().UTC()
	var published *time.Time
	if a.Published != nil {
		t := a.Published.UTC()
		published = &t
	}
	when, dated := store.Day(a, now)
	title, english := store.StoryTitle(a.Lang, a.Title, a.Gloss())
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: save %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	if err := lockStories(ctx, tx, a.Story); err != nil {
		return fmt.Errorf("postgres: save %s: %w", a.ID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, hash, story_id, source, url, lang, variety, title, gloss, published, stored, data)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		a.ID, hash, a.Story, a.Source, a.URL, a.Lang, a.Variety, a.Title, a.Gloss(), published, now, string(data))
	if err != nil {
		return fmt.Errorf("postgres: save %s: %w", a.ID, err)
	}
	if len(a.Entities) > 0 {
		ids := make([]string, len(a.Entities))
		mentions := make([]int32, len(a.Entities))
		for i, e := range a.Entities {
			ids[i], mentions[i] = e.ID, int32(len(e.Mentions))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_entities (article_id, entity_id, mentions)
			SELECT $1, e, m FROM unnest($2::text[], $3::integer[]) AS u(e, m)`, a.ID, ids, mentions); err != nil {
			return fmt.Errorf("postgres: save %s entities: %w", a.ID, err)
		}
	}
	// The title by store.StoryTitle: the first English article's wins.
	_, err = tx.ExecContext(ctx, `INSERT INTO stories AS s (id, title, title_english, first_seen, last_seen, updated)
		VALUES ($1, $2, $3, $4, $4, $5)
		ON CONFLICT (id) DO UPDATE SET
			title = CASE WHEN s.title = '' OR (NOT s.title_english AND excluded.title_english) THEN excluded.title ELSE s.title END,
			title_english = s.title_english OR excluded.title_english,
			first_seen = CASE WHEN $6 THEN least(s.first_seen, excluded.first_seen) ELSE s.first_seen END,
			last_seen = CASE WHEN $6 THEN greatest(s.last_seen, excluded.last_seen) ELSE s.last_seen END,
			updated = excluded.updated`,
		a.Story, title, english, when, now, dated)
	if err != nil {
		return fmt.Errorf("postgres: save %s story %s: %w", a.ID, a.Story, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: save %s: %w", a.ID, err)
	}
	return nil
}

// summary is the select list and joins of a story summary, over a
// stories row set named s.
const summary = `SELECT s.id, s.title, s.first_seen, s.last_seen, count(a.id),
		string_agg(DISTINCT CASE WHEN a.variety <> '' THEN a.variety ELSE a.lang END, ','),
		string_agg(DISTINCT a.source, ',')`

// Stories implements store.Store.
func (s *Store) Stories(ctx context.Context, limit, offset int) ([]store.StorySummary, error) {
	rows, err := s.db.QueryContext(ctx, summary+`
		FROM (SELECT * FROM stories ORDER BY last_seen DESC, id LIMIT $1 OFFSET $2) s
		JOIN articles a ON a.story_id = s.id
		GROUP BY s.id, s.title, s.first_seen, s.last_seen ORDER BY s.last_seen DESC, s.id`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	defer rows.Close()
	var out []store.StorySummary
	for rows.Next() {
		st, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

type scanner interface{ Scan(...any) error }

func scanSummary(row scanner) (store.StorySummary, error) {
	var st store.StorySummary
	var langs, sources sql.NullString
	if err := row.Scan(&st.ID, &st.Title, &st.FirstSeen, &st.LastSeen, &st.Articles, &langs, &sources); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return st, store.ErrNotFound
		}
		return st, fmt.Errorf("postgres: story: %w", err)
	}
	st.FirstSeen, st.LastSeen = st.FirstSeen.UTC(), st.LastSeen.UTC()
	st.Languages = store.SplitSorted(langs.String)
	st.Sources = store.SplitSorted(sources.String)
	return st, nil
}

// Story implements store.Store.
func (s *Store) Story(ctx context.Context, id string) (store.StorySummary, []*article.Article, error) {
	st, err := scanSummary(s.db.QueryRowContext(ctx, summary+`
		FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.id = $1
		GROUP BY s.id, s.title, s.first_seen, s.last_seen`, id))
	if err != nil {
		return st, nil, err
	}
	var arts []*article.Article
	err = s.articles(ctx, func(a *article.Article) error { arts = append(arts, a); return nil },
		"SELECT data FROM articles WHERE story_id = $1 ORDER BY at, id", id)
	if err != nil {
		return st, nil, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	return st, arts, nil
}

// articles calls fn for each article a query of the data column returns.
func (s *Store) articles(ctx context.Context, fn func(*article.Article) error, query string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

func scanArticle(row scanner) (*article.Article, error) {
	var data []byte
	if err := row.Scan(&data); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, store.ErrNotFound
		}
		return nil, fmt.Errorf("postgres: article: %w", err)
	}
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("postgres: article data: %w", err)
	}
	return &a, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id string) (*article.Article, error) {
	return scanArticle(s.db.QueryRowContext(ctx, "SELECT data FROM articles WHERE id = $1", id))
}

// Since implements store.Store. The articles stream from one query, so fn
// sees the store as it was when the call began, even if fn writes.
func (s *Store) Since(ctx context.Context, t time.Time, fn func(*article.Article) error) error {
	err := s.articles(ctx, fn, "SELECT data FROM articles WHERE at >= $1 ORDER BY at, id", t.UTC())
	if err != nil {
		return fmt.Errorf("postgres: since: %w", err)
	}
	return nil
}

// Latest implements store.Store.
func (s *Store) Latest(ctx context.Context) (time.Time, error) {
	var latest sql.NullTime
	if err := s.db.QueryRowContext(ctx, "SELECT max(at) FROM articles").Scan(&latest); err != nil {
		return time.Time{}, fmt.Errorf("postgres: latest: %w", err)
	}
	if !latest.Valid {
		return time.Time{}, nil
	}
	return latest.Time.UTC(), nil
}

// EntityArticles implements store.Store.
func (s *Store) EntityArticles(ctx context.Context, entity string, limit int) ([]store.EntityArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.lang, a.source, a.story_id, a.published, e.mentions
		FROM article_entities e JOIN articles a ON a.id = e.article_id
		WHERE e.entity_id = $1
		ORDER BY a.at DESC, a.id LIMIT $2`, entity, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s articles: %w", entity, err)
	}
	defer rows.Close()
	var out []store.EntityArticle
	for rows.Next() {
		var ea store.EntityArticle
		var published sql.NullTime
		if err := rows.Scan(&ea.ID, &ea.Title, &ea.Lang, &ea.Source, &ea.Story, &published, &ea.Mentions); err != nil {
			return nil, fmt.Errorf("postgres: entity %s articles: %w", entity, err)
		}
		if published.Valid {
			t := published.Time.UTC()
			ea.Published = &t
		}
		out = append(out, ea)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: entity %s articles: %w", entity, err)
	}
	return out, nil
}

// CoEntities implements store.Store.
func (s *Store) CoEntities(ctx context.Context, entity string, limit int) ([]store.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.entity_id, count(*), sum(o.mentions)
		FROM article_entities e JOIN article_entities o ON o.article_id = e.article_id AND o.entity_id <> e.entity_id
		WHERE e.entity_id = $1
		GROUP BY o.entity_id ORDER BY count(*) DESC, sum(o.mentions) DESC, o.entity_id LIMIT $2`, entity, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s co-occurring: %w", entity, err)
	}
	defer rows.Close()
	var out []store.EntityCount
	for rows.Next() {
		var c store.EntityCount
		if err := rows.Scan(&c.ID, &c.Articles, &c.Mentions); err != nil {
			return nil, fmt.Errorf("postgres: entity %s co-occurring: %w", entity, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: entity %s co-occurring: %w", entity, err)
	}
	return out, nil
}

// Apply implements store.Store.
func (s *Store) Apply(ctx context.Context, e store.Edit) error {
	if e.Story == "" || e.Into == "" || e.Story == e.Into || len(e.Articles) == 0 {
		return fmt.Errorf("postgres: edit %+v: want a story, another story and articles", e)
	}
	ids, err := json.Marshal(e.Articles)
	if err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	defer tx.Rollback()
	if err := lockStories(ctx, tx, e.Story, e.Into); err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	for _, id := range e.Articles {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = $1, data = jsonb_set(data, '{Story}', to_jsonb($1::text))
			WHERE id = $2 AND story_id = $3`, e.Into, id, e.Story)
		if err != nil {
			return fmt.Errorf("postgres: edit: move %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("postgres: edit: article %s is not in story %s: %w", id, e.Story, store.ErrNotFound)
		}
	}
	at := e.At
	if at.IsZero() {
		at = time.Now()
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO story_edits (at, kind, story_id, into_id, articles) VALUES ($1, $2, $3, $4, $5)",
		at.UTC(), e.Kind, e.Story, e.Into, string(ids)); err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	if e.Kind == store.EditMerge {
		// Links to the old story, and to stories merged into it, lead on.
		if _, err := tx.ExecContext(ctx, "UPDATE story_redirects SET to_id = $1 WHERE to_id = $2", e.Into, e.Story); err != nil {
			return fmt.Errorf("postgres: edit: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_redirects (from_id, to_id) VALUES ($1, $2)
			ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`, e.Story, e.Into); err != nil {
			return fmt.Errorf("postgres: edit: %w", err)
		}
	}
	// A story that comes back (split out again) is no longer redirected.
	if _, err := tx.ExecContext(ctx, "DELETE FROM story_redirects WHERE from_id = $1", e.Into); err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	for _, id := range []string{e.Story, e.Into} {
		if err := refreshStory(ctx, tx, id); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: edit: %w", err)
	}
	return nil
}

// refreshStory recomputes a story's row from its articles after an edit,
// by the rules Save follows (store.StoryRow), and drops the row of a
// story left empty.
func refreshStory(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT lang, title, gloss, coalesce(published, (data->>'Fetched')::timestamptz, stored),
			published IS NOT NULL OR data->>'Fetched' IS NOT NULL
		FROM articles WHERE story_id = $1 ORDER BY stored, id`, id)
	if err != nil {
		return fmt.Errorf("postgres: refresh story %s: %w", id, err)
	}
	defer rows.Close()
	var row store.StoryRow
	for rows.Next() {
		var lang, title, gloss string
		var when time.Time
		var dated bool
		if err := rows.Scan(&lang, &title, &gloss, &when, &dated); err != nil {
			return fmt.Errorf("postgres: refresh story %s: %w", id, err)
		}
		row.Add(lang, title, gloss, when.UTC(), dated)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: refresh story %s: %w", id, err)
	}
	rows.Close()
	if !row.Done() {
		if _, err := tx.ExecContext(ctx, "DELETE FROM stories WHERE id = $1", id); err != nil {
			return fmt.Errorf("postgres: refresh story %s: %w", id, err)
		}
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO stories (id, title, title_english, first_seen, last_seen, updated) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_english = excluded.title_english,
			first_seen = excluded.first_seen, last_seen = excluded.last_seen, updated = excluded.updated`,
		id, row.Title, row.English, row.First, row.Last, time.Now().UTC())
	if err != nil {
		return fmt.Errorf("postgres: refresh story %s: %w", id, err)
	}
	return nil
}

// Edits implements store.Store.
func (s *Store) Edits(ctx context.Context, story string) ([]store.Edit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, kind, story_id, into_id, articles FROM story_edits
		WHERE story_id = $1 OR into_id = $1 ORDER BY seq`, story)
	if err != nil {
		return nil, fmt.Errorf("postgres: edits of %s: %w", story, err)
	}
	defer rows.Close()
	var out []store.Edit
	for rows.Next() {
		var e store.Edit
		var ids []byte
		if err := rows.Scan(&e.At, &e.Kind, &e.Story, &e.Into, &ids); err != nil {
			return nil, fmt.Errorf("postgres: edits of %s: %w", story, err)
		}
		e.At = e.At.UTC()
		if err := json.Unmarshal(ids, &e.Articles); err != nil {
			return nil, fmt.Errorf("postgres: edits of %s: %w", story, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: edits of %s: %w", story, err)
	}
	return out, nil
}

// Resolve implements store.Store.
func (s *Store) Resolve(ctx context.Context, id string) (string, error) {
	var to sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(
			(SELECT to_id FROM story_redirects WHERE from_id = $1),
			(SELECT id FROM stories WHERE id = $1))`, id).Scan(&to)
	if err != nil {
		return "", fmt.Errorf("postgres: resolve %s: %w", id, err)
	}
	if !to.Valid {
		return "", store.ErrNotFound
	}
	return to.String, nil
}
