// Package sqlstore implements store.Store over database/sql, in the SQL
// that SQLite and PostgreSQL share; a Dialect says the little that
// differs. The sqlite and postgres packages open their databases, migrate
// their schemas (which name the same tables and columns) and wrap a
// Store.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
)

// Dialect is what differs between the databases.
type Dialect struct {
	// Name starts error messages ("sqlite", "postgres").
	Name string
	// Numbered placeholders ($1, $2, …) instead of "?".
	Numbered bool
	// Time is a time as a query parameter, in the form the schema keeps
	// times in. Times read back may be a time.Time or RFC 3339 text.
	Time func(time.Time) any
	// Concat is the aggregate of the distinct values of the expression %s
	// joined by commas.
	Concat string
	// Fetched is the expression of an article's capture time (null when
	// it has none), from its data column.
	Fetched string
	// SetStory is the expression of an article's data column with its
	// story set to the query's next parameter.
	SetStory string
	// Lock, when set, holds the stories with these ids against other
	// writers until tx ends, for databases that several processes write
	// at once. It must take the locks in one order, whatever the order of
	// ids.
	Lock func(ctx context.Context, tx *sql.Tx, ids ...string) error
	// Seq is the articles column that numbers them in the order they
	// were saved.
	Seq string
	// Exclusive, when set, runs fn holding a lock that one process at a
	// time may hold on the database; unset, fn just runs (a database one
	// process writes).
	Exclusive func(ctx context.Context, db *sql.DB, fn func() error) error
}

// Store is store.Store over a database whose schema is up to date.
type Store struct {
	db *sql.DB
	d  Dialect
}

var _ store.Store = (*Store)(nil)

// New makes a Store of db, which it closes on Close.
func New(db *sql.DB, d Dialect) *Store { return &Store{db: db, d: d} }

// q writes a query's placeholders in the dialect's way.
func (s *Store) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *Store) errorf(format string, args ...any) error {
	return fmt.Errorf(s.d.Name+": "+format, args...)
}

func (s *Store) lock(ctx context.Context, tx *sql.Tx, ids ...string) error {
	if s.d.Lock == nil {
		return nil
	}
	return s.d.Lock(ctx, tx, ids...)
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// scanTime reads a time the schema keeps, as the driver gives it (a
// time.Time, or RFC 3339 text), in UTC; Valid is false for null.
type scanTime struct {
	Time  time.Time
	Valid bool
}

func (t *scanTime) Scan(src any) error {
	var err error
	switch v := src.(type) {
	case nil:
		t.Valid = false
		return nil
	case time.Time:
		t.Time = v
	case string:
		t.Time, err = time.Parse(time.RFC3339, v)
	case []byte:
		t.Time, err = time.Parse(time.RFC3339, string(v))
	default:
		err = fmt.Errorf("time of type %T", src)
	}
	t.Time, t.Valid = t.Time.UTC(), err == nil
	return err
}

// Has implements store.Store.
func (s *Store) Has(ctx context.Context, id, hash string) (bool, error) {
	var ok bool
	err := s.db.QueryRowContext(ctx, s.q("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ? OR hash = ?)"), id, hash).Scan(&ok)
	if err != nil {
		return false, s.errorf("has %s: %w", id, err)
	}
	return ok, nil
}

// titleRank is a story's title_rank: 0 for an English article's title,
// which beats any other (1). The queries compare it with '0', which
// SQLite's text column and PostgreSQL's integer one both read right.
func titleRank(english bool) int {
	if english {
		return 0
	}
	return 1
}

// Save implements store.Store.
func (s *Store) Save(ctx context.Context, a *article.Article, hash string) error {
	if a.Story == "" {
		return s.errorf("save %s: article has no story", a.ID)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return s.errorf("save %s: %w", a.ID, err)
	}
	now := time.Now().UTC()
	var published any
	if a.Published != nil {
		published = s.d.Time(a.Published.UTC())
	}
	when, dated := store.Day(a, now)
	title, english := store.StoryTitle(a.Lang, a.Title, a.Gloss())
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errorf("save %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	if err := s.lock(ctx, tx, a.Story); err != nil {
		return s.errorf("save %s: %w", a.ID, err)
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO articles (id, hash, story_id, source, url, lang, variety, title, gloss, published, stored, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		a.ID, hash, a.Story, a.Source, a.URL, a.Lang, a.Variety, a.Title, a.Gloss(), published, s.d.Time(now), string(data))
	if err != nil {
		return s.errorf("save %s: %w", a.ID, err)
	}
	for _, e := range a.Entities {
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, ?, ?)"),
			a.ID, e.ID, len(e.Mentions)); err != nil {
			return s.errorf("save %s entity %s: %w", a.ID, e.ID, err)
		}
	}
	// The title by store.StoryTitle: the first article's, until the first
	// English article's. The dates by store.Day: an undated article moves
	// no dates of a story that has them.
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO stories (id, title, title_rank, first_seen, last_seen, updated)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			title = CASE WHEN stories.title = '' OR (stories.title_rank <> '0' AND excluded.title_rank = '0') THEN excluded.title ELSE stories.title END,
			title_rank = CASE WHEN stories.title = '' OR (stories.title_rank <> '0' AND excluded.title_rank = '0') THEN excluded.title_rank ELSE stories.title_rank END,
			first_seen = CASE WHEN ? AND excluded.first_seen < stories.first_seen THEN excluded.first_seen ELSE stories.first_seen END,
			last_seen = CASE WHEN ? AND excluded.last_seen > stories.last_seen THEN excluded.last_seen ELSE stories.last_seen END,
			updated = excluded.updated`),
		a.Story, title, titleRank(english), s.d.Time(when), s.d.Time(when), s.d.Time(now), dated, dated)
	if err != nil {
		return s.errorf("save %s story %s: %w", a.ID, a.Story, err)
	}
	if err := tx.Commit(); err != nil {
		return s.errorf("save %s: %w", a.ID, err)
	}
	return nil
}

// summaries is the query of story summaries (for scanSummary) from the
// stories rows from names s, then rest.
func (s *Store) summaries(from, rest string) string {
	return `SELECT s.id, s.title, s.first_seen, s.last_seen, count(a.id), ` +
		fmt.Sprintf(s.d.Concat, "CASE WHEN a.variety <> '' THEN a.variety ELSE a.lang END") + `, ` +
		fmt.Sprintf(s.d.Concat, "a.source") + `
		FROM ` + from + ` JOIN articles a ON a.story_id = s.id ` + rest
}

// Stories implements store.Store.
func (s *Store) Stories(ctx context.Context, limit, offset int) ([]store.StorySummary, error) {
	out, err := list(ctx, s, s.scanSummary, s.summaries("(SELECT * FROM stories ORDER BY last_seen DESC, id LIMIT ? OFFSET ?) s",
		"GROUP BY s.id, s.title, s.first_seen, s.last_seen ORDER BY s.last_seen DESC, s.id"), limit, offset)
	if err != nil {
		return nil, s.errorf("stories: %w", err)
	}
	return out, nil
}

// list runs a query (with "?" placeholders) and scans its rows.
func list[T any](ctx context.Context, s *Store, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(...any) error }

func (s *Store) scanSummary(row scanner) (store.StorySummary, error) {
	var st store.StorySummary
	var first, last scanTime
	var langs, sources sql.NullString
	if err := row.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &langs, &sources); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return st, store.ErrNotFound
		}
		return st, s.errorf("story: %w", err)
	}
	st.FirstSeen, st.LastSeen = first.Time, last.Time
	st.Languages = store.SplitSorted(langs.String)
	st.Sources = store.SplitSorted(sources.String)
	return st, nil
}

// Story implements store.Store.
func (s *Store) Story(ctx context.Context, id string) (store.StorySummary, []*article.Article, error) {
	st, err := s.scanSummary(s.db.QueryRowContext(ctx, s.q(s.summaries("stories s",
		"WHERE s.id = ? GROUP BY s.id, s.title, s.first_seen, s.last_seen")), id))
	if err != nil {
		return st, nil, err
	}
	arts, err := s.articles(ctx, "WHERE story_id = ?", id)
	if err != nil {
		return st, nil, s.errorf("story %s: %w", id, err)
	}
	return st, arts, nil
}

// articles returns the articles where says, in time order. It reads them
// all before it returns, so the caller may write.
func (s *Store) articles(ctx context.Context, where string, args ...any) ([]*article.Article, error) {
	return list(ctx, s, s.scanArticle, "SELECT data FROM articles "+where+" ORDER BY coalesce(published, stored), id", args...)
}

func (s *Store) scanArticle(row scanner) (*article.Article, error) {
	var data []byte
	if err := row.Scan(&data); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, store.ErrNotFound
		}
		return nil, s.errorf("article: %w", err)
	}
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, s.errorf("article data: %w", err)
	}
	return &a, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id string) (*article.Article, error) {
	return s.scanArticle(s.db.QueryRowContext(ctx, s.q("SELECT data FROM articles WHERE id = ?"), id))
}

// Since implements store.Store. fn sees the store as it was when Since
// was called, and may write to it.
func (s *Store) Since(ctx context.Context, t time.Time, fn func(*article.Article) error) error {
	arts, err := s.articles(ctx, "WHERE coalesce(published, stored) >= ?", s.d.Time(t.UTC()))
	if err != nil {
		return s.errorf("since: %w", err)
	}
	for _, a := range arts {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// Latest implements store.Store.
func (s *Store) Latest(ctx context.Context) (time.Time, error) {
	var latest scanTime
	if err := s.db.QueryRowContext(ctx, "SELECT max(coalesce(published, stored)) FROM articles").Scan(&latest); err != nil {
		return time.Time{}, s.errorf("latest: %w", err)
	}
	return latest.Time, nil
}

// EntityArticles implements store.Store.
func (s *Store) EntityArticles(ctx context.Context, entity string, limit int) ([]store.EntityArticle, error) {
	out, err := list(ctx, s, func(row scanner) (store.EntityArticle, error) {
		var ea store.EntityArticle
		var published scanTime
		err := row.Scan(&ea.ID, &ea.Title, &ea.Lang, &ea.Source, &ea.Story, &published, &ea.Mentions)
		if published.Valid {
			ea.Published = &published.Time
		}
		return ea, err
	}, `SELECT a.id, a.title, a.lang, a.source, a.story_id, a.published, e.mentions
		FROM article_entities e JOIN articles a ON a.id = e.article_id
		WHERE e.entity_id = ?
		ORDER BY coalesce(a.published, a.stored) DESC, a.id LIMIT ?`, entity, limit)
	if err != nil {
		return nil, s.errorf("entity %s articles: %w", entity, err)
	}
	return out, nil
}

// CoEntities implements store.Store.
func (s *Store) CoEntities(ctx context.Context, entity string, limit int) ([]store.EntityCount, error) {
	out, err := list(ctx, s, func(row scanner) (store.EntityCount, error) {
		var c store.EntityCount
		err := row.Scan(&c.ID, &c.Articles, &c.Mentions)
		return c, err
	}, `SELECT o.entity_id, count(*), sum(o.mentions)
		FROM article_entities e JOIN article_entities o ON o.article_id = e.article_id AND o.entity_id <> e.entity_id
		WHERE e.entity_id = ?
		GROUP BY o.entity_id ORDER BY count(*) DESC, sum(o.mentions) DESC, o.entity_id LIMIT ?`, entity, limit)
	if err != nil {
		return nil, s.errorf("entity %s co-occurring: %w", entity, err)
	}
	return out, nil
}

// Apply implements store.Store.
func (s *Store) Apply(ctx context.Context, e store.Edit) error {
	if e.Story == "" || e.Into == "" || e.Story == e.Into || len(e.Articles) == 0 {
		return s.errorf("edit %+v: want a story, another story and articles", e)
	}
	ids, err := json.Marshal(e.Articles)
	if err != nil {
		return s.errorf("edit: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errorf("edit: %w", err)
	}
	defer tx.Rollback()
	if err := s.lock(ctx, tx, e.Story, e.Into); err != nil {
		return s.errorf("edit: %w", err)
	}
	for _, id := range e.Articles {
		res, err := tx.ExecContext(ctx, s.q("UPDATE articles SET story_id = ?, data = "+s.d.SetStory+" WHERE id = ? AND story_id = ?"),
			e.Into, e.Into, id, e.Story)
		if err != nil {
			return s.errorf("edit: move %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return s.errorf("edit: article %s is not in story %s: %w", id, e.Story, store.ErrNotFound)
		}
	}
	at := e.At
	if at.IsZero() {
		at = time.Now()
	}
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO story_edits (at, kind, story_id, into_id, articles) VALUES (?, ?, ?, ?, ?)"),
		s.d.Time(at.UTC()), e.Kind, e.Story, e.Into, string(ids)); err != nil {
		return s.errorf("edit: %w", err)
	}
	if e.Kind == store.EditMerge {
		// Links to the old story, and to stories merged into it, lead on.
		if _, err := tx.ExecContext(ctx, s.q("UPDATE story_redirects SET to_id = ? WHERE to_id = ?"), e.Into, e.Story); err != nil {
			return s.errorf("edit: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO story_redirects (from_id, to_id) VALUES (?, ?)
			ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`), e.Story, e.Into); err != nil {
			return s.errorf("edit: %w", err)
		}
	}
	// A story that comes back (split out again) is no longer redirected.
	if _, err := tx.ExecContext(ctx, s.q("DELETE FROM story_redirects WHERE from_id = ?"), e.Into); err != nil {
		return s.errorf("edit: %w", err)
	}
	for _, id := range []string{e.Story, e.Into} {
		if err := s.refreshStory(ctx, tx, id); err != nil {
			return s.errorf("refresh story %s: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.errorf("edit: %w", err)
	}
	return nil
}

// refreshStory recomputes a story's row from its articles after an edit,
// by the rules Save follows (store.StoryRow), and drops the row of a
// story left empty.
func (s *Store) refreshStory(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT lang, title, gloss, coalesce(published, `+s.d.Fetched+`, stored),
			published IS NOT NULL OR `+s.d.Fetched+` IS NOT NULL
		FROM articles WHERE story_id = ? ORDER BY stored, id`), id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var row store.StoryRow
	for rows.Next() {
		var lang, title, gloss string
		var when scanTime
		var dated bool
		if err := rows.Scan(&lang, &title, &gloss, &when, &dated); err != nil {
			return err
		}
		row.Add(lang, title, gloss, when.Time, dated)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if !row.Done() {
		_, err := tx.ExecContext(ctx, s.q("DELETE FROM stories WHERE id = ?"), id)
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO stories (id, title, title_rank, first_seen, last_seen, updated) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_rank = excluded.title_rank,
			first_seen = excluded.first_seen, last_seen = excluded.last_seen, updated = excluded.updated`),
		id, row.Title, titleRank(row.English), s.d.Time(row.First), s.d.Time(row.Last), s.d.Time(time.Now().UTC()))
	return err
}

// Edits implements store.Store.
func (s *Store) Edits(ctx context.Context, story string) ([]store.Edit, error) {
	edits, err := list(ctx, s, scanEdit, `SELECT seq, at, kind, story_id, into_id, articles FROM story_edits
		WHERE story_id = ? OR into_id = ? ORDER BY seq`, story, story)
	if err != nil {
		return nil, s.errorf("edits of %s: %w", story, err)
	}
	out := make([]store.Edit, len(edits))
	for i, x := range edits {
		out[i] = x.e
	}
	return out, nil
}

// seqEdit is an edit and its place in the order edits were applied.
type seqEdit struct {
	seq int64
	e   store.Edit
}

// scanEdit reads seq, at, kind, story_id, into_id, articles.
func scanEdit(row scanner) (seqEdit, error) {
	var x seqEdit
	var at scanTime
	var ids []byte
	if err := row.Scan(&x.seq, &at, &x.e.Kind, &x.e.Story, &x.e.Into, &ids); err != nil {
		return x, err
	}
	x.e.At = at.Time
	return x, json.Unmarshal(ids, &x.e.Articles)
}

// Resolve implements store.Store.
func (s *Store) Resolve(ctx context.Context, id string) (string, error) {
	var to sql.NullString
	err := s.db.QueryRowContext(ctx, s.q(`SELECT coalesce(
			(SELECT to_id FROM story_redirects WHERE from_id = ?),
			(SELECT id FROM stories WHERE id = ?))`), id, id).Scan(&to)
	if err != nil {
		return "", s.errorf("resolve %s: %w", id, err)
	}
	if !to.Valid {
		return "", store.ErrNotFound
	}
	return to.String, nil
}

// Exclusive implements store.Journal.
func (s *Store) Exclusive(ctx context.Context, fn func() error) error {
	if s.d.Exclusive == nil {
		return fn()
	}
	return s.d.Exclusive(ctx, s.db, fn)
}

// Head implements store.Journal.
func (s *Store) Head(ctx context.Context) (store.Position, error) {
	var p store.Position
	err := s.db.QueryRowContext(ctx, "SELECT coalesce((SELECT max("+s.d.Seq+") FROM articles), 0), coalesce((SELECT max(seq) FROM story_edits), 0)").Scan(&p.Article, &p.Edit)
	if err != nil {
		return p, s.errorf("head: %w", err)
	}
	return p, nil
}

// Changes implements store.Journal.
func (s *Store) Changes(ctx context.Context, from store.Position, saved func(*article.Article) error, edited func(store.Edit) error) (store.Position, error) {
	to := from
	type seqArticle struct {
		seq int64
		a   *article.Article
	}
	arts, err := list(ctx, s, func(row scanner) (seqArticle, error) {
		var x seqArticle
		var data []byte
		if err := row.Scan(&x.seq, &data); err != nil {
			return x, err
		}
		x.a = new(article.Article)
		return x, json.Unmarshal(data, x.a)
	}, "SELECT "+s.d.Seq+", data FROM articles WHERE "+s.d.Seq+" > ? ORDER BY "+s.d.Seq, from.Article)
	if err != nil {
		return from, s.errorf("changes: %w", err)
	}
	edits, err := list(ctx, s, scanEdit,
		"SELECT seq, at, kind, story_id, into_id, articles FROM story_edits WHERE seq > ? ORDER BY seq", from.Edit)
	if err != nil {
		return from, s.errorf("changes: %w", err)
	}
	// The rows are read before the callbacks run: they may query the
	// store, and SQLite has one connection.
	for _, x := range arts {
		if err := saved(x.a); err != nil {
			return to, err
		}
		to.Article = x.seq
	}
	for _, x := range edits {
		if err := edited(x.e); err != nil {
			return to, err
		}
		to.Edit = x.seq
	}
	return to, nil
}
