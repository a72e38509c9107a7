// Package sqlite implements store.Store over a single SQLite file with
// modernc.org/sqlite (pure Go: no cgo, one static binary). The database
// runs in WAL mode; the schema is created and upgraded by the migrations
// below, in code.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
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
}

// Store is a SQLite store.
type Store struct {
	db *sql.DB
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
	s := &Store{db: db}
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

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Has implements store.Store.
func (s *Store) Has(ctx context.Context, id, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id = ? OR hash = ?", id, hash).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("sqlite: has %s: %w", id, err)
	}
	return n > 0, nil
}

const timeFormat = time.RFC3339

// Save implements store.Store.
func (s *Store) Save(ctx context.Context, a *article.Article, hash string) error {
	if a.Story == "" {
		return fmt.Errorf("sqlite: save %s: article has no story", a.ID)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("sqlite: save %s: %w", a.ID, err)
	}
	now := time.Now().UTC()
	var published any
	if a.Published != nil {
		published = a.Published.UTC().Format(timeFormat)
	}
	day, dated := store.Day(a, now)
	when := day.Format(timeFormat)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, hash, story_id, source, url, lang, variety, title, gloss, published, stored, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, hash, a.Story, a.Source, a.URL, a.Lang, a.Variety, a.Title, a.Gloss(), published, now.Format(timeFormat), string(data))
	if err != nil {
		return fmt.Errorf("sqlite: save %s: %w", a.ID, err)
	}
	for _, e := range a.Entities {
		if _, err := tx.ExecContext(ctx, "INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, ?, ?)",
			a.ID, e.ID, len(e.Mentions)); err != nil {
			return fmt.Errorf("sqlite: save %s entity %s: %w", a.ID, e.ID, err)
		}
	}
	// The story's title by store.StoryTitle: title_lang is "0" for an
	// English article's title, which beats any other ("1").
	title, english := store.StoryTitle(a.Lang, a.Title, a.Gloss())
	_, err = tx.ExecContext(ctx, `INSERT INTO stories (id, title, title_lang, first_seen, last_seen, updated)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET
			title = CASE WHEN stories.title = '' OR (stories.title_lang <> '0' AND excluded.title_lang = '0') THEN excluded.title ELSE stories.title END,
			title_lang = CASE WHEN stories.title = '' OR (stories.title_lang <> '0' AND excluded.title_lang = '0') THEN excluded.title_lang ELSE stories.title_lang END,
			first_seen = CASE WHEN ? THEN min(stories.first_seen, excluded.first_seen) ELSE stories.first_seen END,
			last_seen = CASE WHEN ? THEN max(stories.last_seen, excluded.last_seen) ELSE stories.last_seen END,
			updated = excluded.updated`,
		a.Story, title, titleRank(english), when, when, now.Format(timeFormat), dated, dated)
	if err != nil {
		return fmt.Errorf("sqlite: save %s story %s: %w", a.ID, a.Story, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save %s: %w", a.ID, err)
	}
	return nil
}

// titleRank is the title_lang column's value: "0" beats "1".
func titleRank(english bool) string {
	if english {
		return "0"
	}
	return "1"
}

// Stories implements store.Store.
func (s *Store) Stories(ctx context.Context, limit, offset int) ([]store.StorySummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.title, s.first_seen, s.last_seen,
			count(a.id), group_concat(DISTINCT CASE WHEN a.variety <> '' THEN a.variety ELSE a.lang END), group_concat(DISTINCT a.source)
		FROM stories s JOIN articles a ON a.story_id = s.id
		GROUP BY s.id ORDER BY s.last_seen DESC, s.id LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
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
	return out, rows.Err()
}

type scanner interface{ Scan(...any) error }

func scanSummary(row scanner) (store.StorySummary, error) {
	var st store.StorySummary
	var first, last string
	var langs, sources sql.NullString
	if err := row.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &langs, &sources); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return st, store.ErrNotFound
		}
		return st, fmt.Errorf("sqlite: story: %w", err)
	}
	st.FirstSeen, _ = time.Parse(timeFormat, first)
	st.LastSeen, _ = time.Parse(timeFormat, last)
	st.Languages = store.SplitSorted(langs.String)
	st.Sources = store.SplitSorted(sources.String)
	return st, nil
}

// Story implements store.Store.
func (s *Store) Story(ctx context.Context, id string) (store.StorySummary, []*article.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT s.id, s.title, s.first_seen, s.last_seen,
			count(a.id), group_concat(DISTINCT CASE WHEN a.variety <> '' THEN a.variety ELSE a.lang END), group_concat(DISTINCT a.source)
		FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.id = ? GROUP BY s.id`, id)
	st, err := scanSummary(row)
	if err != nil {
		return st, nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT data FROM articles WHERE story_id = ? ORDER BY coalesce(published, stored), id", id)
	if err != nil {
		return st, nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	defer rows.Close()
	var arts []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return st, nil, err
		}
		arts = append(arts, a)
	}
	return st, arts, rows.Err()
}

func scanArticle(row scanner) (*article.Article, error) {
	var data string
	if err := row.Scan(&data); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, store.ErrNotFound
		}
		return nil, fmt.Errorf("sqlite: article: %w", err)
	}
	var a article.Article
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return nil, fmt.Errorf("sqlite: article data: %w", err)
	}
	return &a, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id string) (*article.Article, error) {
	return scanArticle(s.db.QueryRowContext(ctx, "SELECT data FROM articles WHERE id = ?", id))
}

// Since implements store.Store.
func (s *Store) Since(ctx context.Context, t time.Time, fn func(*article.Article) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM articles
		WHERE coalesce(published, stored) >= ? ORDER BY coalesce(published, stored), id`, t.UTC().Format(timeFormat))
	if err != nil {
		return fmt.Errorf("sqlite: since: %w", err)
	}
	defer rows.Close()
	var arts []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: since: %w", err)
	}
	rows.Close() // fn may write; the single connection must be free
	for _, a := range arts {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// Latest implements store.Store.
func (s *Store) Latest(ctx context.Context) (time.Time, error) {
	var latest sql.NullString
	if err := s.db.QueryRowContext(ctx, "SELECT max(coalesce(published, stored)) FROM articles").Scan(&latest); err != nil {
		return time.Time{}, fmt.Errorf("sqlite: latest: %w", err)
	}
	if !latest.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeFormat, latest.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlite: latest: %w", err)
	}
	return t, nil
}

// EntityArticles implements store.Store.
func (s *Store) EntityArticles(ctx context.Context, entity string, limit int) ([]store.EntityArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.lang, a.source, a.story_id, a.published, e.mentions
		FROM article_entities e JOIN articles a ON a.id = e.article_id
		WHERE e.entity_id = ?
		ORDER BY coalesce(a.published, a.stored) DESC, a.id LIMIT ?`, entity, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s articles: %w", entity, err)
	}
	defer rows.Close()
	var out []store.EntityArticle
	for rows.Next() {
		var ea store.EntityArticle
		var published sql.NullString
		if err := rows.Scan(&ea.ID, &ea.Title, &ea.Lang, &ea.Source, &ea.Story, &published, &ea.Mentions); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s articles: %w", entity, err)
		}
		if published.Valid {
			if t, err := time.Parse(timeFormat, published.String); err == nil {
				ea.Published = &t
			}
		}
		out = append(out, ea)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity %s articles: %w", entity, err)
	}
	return out, nil
}

// CoEntities implements store.Store.
func (s *Store) CoEntities(ctx context.Context, entity string, limit int) ([]store.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.entity_id, count(*), sum(o.mentions)
		FROM article_entities e JOIN article_entities o ON o.article_id = e.article_id AND o.entity_id <> e.entity_id
		WHERE e.entity_id = ?
		GROUP BY o.entity_id ORDER BY count(*) DESC, sum(o.mentions) DESC, o.entity_id LIMIT ?`, entity, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s co-occurring: %w", entity, err)
	}
	defer rows.Close()
	var out []store.EntityCount
	for rows.Next() {
		var c store.EntityCount
		if err := rows.Scan(&c.ID, &c.Articles, &c.Mentions); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s co-occurring: %w", entity, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity %s co-occurring: %w", entity, err)
	}
	return out, nil
}

// Apply implements store.Store.
func (s *Store) Apply(ctx context.Context, e store.Edit) error {
	if e.Story == "" || e.Into == "" || e.Story == e.Into || len(e.Articles) == 0 {
		return fmt.Errorf("sqlite: edit %+v: want a story, another story and articles", e)
	}
	ids, err := json.Marshal(e.Articles)
	if err != nil {
		return fmt.Errorf("sqlite: edit: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: edit: %w", err)
	}
	defer tx.Rollback()
	for _, id := range e.Articles {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ?, data = json_set(data, '$.Story', ?)
			WHERE id = ? AND story_id = ?`, e.Into, e.Into, id, e.Story)
		if err != nil {
			return fmt.Errorf("sqlite: edit: move %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("sqlite: edit: article %s is not in story %s: %w", id, e.Story, store.ErrNotFound)
		}
	}
	at := e.At
	if at.IsZero() {
		at = time.Now()
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO story_edits (at, kind, story_id, into_id, articles) VALUES (?, ?, ?, ?, ?)",
		at.UTC().Format(timeFormat), e.Kind, e.Story, e.Into, string(ids)); err != nil {
		return fmt.Errorf("sqlite: edit: %w", err)
	}
	if e.Kind == store.EditMerge {
		// Links to the old story, and to stories merged into it, lead on.
		if _, err := tx.ExecContext(ctx, "UPDATE story_redirects SET to_id = ? WHERE to_id = ?", e.Into, e.Story); err != nil {
			return fmt.Errorf("sqlite: edit: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO story_redirects (from_id, to_id) VALUES (?, ?)", e.Story, e.Into); err != nil {
			return fmt.Errorf("sqlite: edit: %w", err)
		}
	}
	// A story that comes back (split out again) is no longer redirected.
	if _, err := tx.ExecContext(ctx, "DELETE FROM story_redirects WHERE from_id = ?", e.Into); err != nil {
		return fmt.Errorf("sqlite: edit: %w", err)
	}
	for _, id := range []string{e.Story, e.Into} {
		if err := refreshStory(ctx, tx, id); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: edit: %w", err)
	}
	return nil
}

// refreshStory recomputes a story's row from its articles after an edit,
// by the rules Save follows, and drops the row of a story left empty.
func refreshStory(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT lang, title, gloss, coalesce(published, json_extract(data, '$.Fetched'), stored),
			published IS NOT NULL OR json_extract(data, '$.Fetched') IS NOT NULL
		FROM articles WHERE story_id = ? ORDER BY stored, id`, id)
	if err != nil {
		return fmt.Errorf("sqlite: refresh story %s: %w", id, err)
	}
	defer rows.Close()
	var row store.StoryRow
	for rows.Next() {
		var lang, t, gloss, when string
		var dated bool
		if err := rows.Scan(&lang, &t, &gloss, &when, &dated); err != nil {
			return fmt.Errorf("sqlite: refresh story %s: %w", id, err)
		}
		at, err := time.Parse(timeFormat, when)
		if err != nil {
			return fmt.Errorf("sqlite: refresh story %s: %w", id, err)
		}
		row.Add(lang, t, gloss, at.UTC(), dated)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: refresh story %s: %w", id, err)
	}
	rows.Close()
	if !row.Done() {
		_, err := tx.ExecContext(ctx, "DELETE FROM stories WHERE id = ?", id)
		return err
	}
	now := time.Now().UTC().Format(timeFormat)
	_, err = tx.ExecContext(ctx, `INSERT INTO stories (id, title, title_lang, first_seen, last_seen, updated) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_lang = excluded.title_lang,
			first_seen = excluded.first_seen, last_seen = excluded.last_seen, updated = excluded.updated`,
		id, row.Title, titleRank(row.English), row.First.Format(timeFormat), row.Last.Format(timeFormat), now)
	if err != nil {
		return fmt.Errorf("sqlite: refresh story %s: %w", id, err)
	}
	return nil
}

// Edits implements store.Store.
func (s *Store) Edits(ctx context.Context, story string) ([]store.Edit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, kind, story_id, into_id, articles FROM story_edits
		WHERE story_id = ? OR into_id = ? ORDER BY seq`, story, story)
	if err != nil {
		return nil, fmt.Errorf("sqlite: edits of %s: %w", story, err)
	}
	defer rows.Close()
	var out []store.Edit
	for rows.Next() {
		var e store.Edit
		var at, ids string
		if err := rows.Scan(&at, &e.Kind, &e.Story, &e.Into, &ids); err != nil {
			return nil, fmt.Errorf("sqlite: edits of %s: %w", story, err)
		}
		e.At, _ = time.Parse(timeFormat, at)
		if err := json.Unmarshal([]byte(ids), &e.Articles); err != nil {
			return nil, fmt.Errorf("sqlite: edits of %s: %w", story, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: edits of %s: %w", story, err)
	}
	return out, nil
}

// Resolve implements store.Store.
func (s *Store) Resolve(ctx context.Context, id string) (string, error) {
	var to string
	err := s.db.QueryRowContext(ctx, "SELECT to_id FROM story_redirects WHERE from_id = ?", id).Scan(&to)
	switch {
	case err == nil:
		return to, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", fmt.Errorf("sqlite: resolve %s: %w", id, err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM stories WHERE id = ?", id).Scan(&n); err != nil {
		return "", fmt.Errorf("sqlite: resolve %s: %w", id, err)
	}
	if n == 0 {
		return "", store.ErrNotFound
	}
	return id, nil
}
