// Package store keeps articles and stories. Store is the interface the
// commands and the web server use; sqlite/ implements it over one embedded
// SQLite file, postgres/ over a PostgreSQL database shared by many
// workers (both through the queries of sqlstore/), and storetest/ holds
// the behaviour both must have. The rules a
// story's row is kept by (its title, its dates) are here, for both.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/khabar-news/khabar/internal/article"
)

// ErrNotFound is returned when an article or story does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrEdit marks a story edit that cannot be made as asked: a story merged
// into itself, articles not in the story, a split that would leave
// nothing behind.
var ErrEdit = errors.New("invalid story edit")

// StorySummary is a story as lists show it.
type StorySummary struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	Articles  int       `json:"articles"`
	Languages []string  `json:"languages"` // codes; Persian as its variety (fa-AF, fa-IR) when known
	Sources   []string  `json:"sources"`
}

// EntityArticle is an article that mentions an entity, as the entity's
// page lists it.
type EntityArticle struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Lang      string     `json:"lang"`
	Source    string     `json:"source"`
	Story     string     `json:"story"`
	Published *time.Time `json:"published"`
	Mentions  int        `json:"mentions"`
}

// EntityCount is an entity and the number of articles it is counted in.
type EntityCount struct {
	ID       string `json:"id"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Edit is a change to stories made by hand: Articles moved from Story
// into Into. A merge moves all of a story's articles, and the story's id
// then leads to Into; a split moves some of them into a new story.
type Edit struct {
	Kind     string    `json:"kind"` // EditMerge or EditSplit
	Story    string    `json:"story"`
	Into     string    `json:"into"`
	Articles []string  `json:"articles"`
	At       time.Time `json:"at"`
}

// Kinds of Edit.
const (
	EditMerge = "merge"
	EditSplit = "split"
)

// Store persists articles and their stories.
type Store interface {
	// Has reports whether a document with this id, or with this content
	// hash, is already stored.
	Has(ctx context.Context, id, hash string) (bool, error)
	// Save stores an annotated article (its Story set) and updates its
	// story. hash identifies the content, for Has.
	Save(ctx context.Context, a *article.Article, hash string) error
	// Stories lists stories, the most recently updated first.
	Stories(ctx context.Context, limit, offset int) ([]StorySummary, error)
	// Story returns one story and its articles in time order.
	Story(ctx context.Context, id string) (StorySummary, []*article.Article, error)
	// Article returns one article.
	Article(ctx context.Context, id string) (*article.Article, error)
	// Since calls fn for every article published or stored at or after t,
	// oldest first: what story assignment needs to resume.
	Since(ctx context.Context, t time.Time, fn func(*article.Article) error) error
	// Latest returns the newest publication (or storage) time stored,
	// zero when the store is empty.
	Latest(ctx context.Context) (time.Time, error)
	// EntityArticles returns up to limit articles that mention the
	// entity, newest first.
	EntityArticles(ctx context.Context, entity string, limit int) ([]EntityArticle, error)
	// CoEntities returns up to limit other entities named in the articles
	// that name this one, the most shared articles first.
	CoEntities(ctx context.Context, entity string, limit int) ([]EntityCount, error)
	// Apply records an edit made by hand and moves its articles: they
	// keep their new story from then on, and after a merge the old story
	// id resolves to the new one.
	Apply(ctx context.Context, e Edit) error
	// Edits returns the edits that touched a story, oldest first.
	Edits(ctx context.Context, story string) ([]Edit, error)
	// Resolve returns the id of the story that now holds what id named:
	// id itself, or the story it was merged into; ErrNotFound when there
	// is no such story.
	Resolve(ctx context.Context, id string) (string, error)
	Journal
	Close() error
}

// Position is how far a reader of a store's changes has got: the last
// article saved and the last edit applied that it has seen.
type Position struct {
	Article int64 `json:"article"`
	Edit    int64 `json:"edit"`
}

// Journal lets several processes that write one store keep their story
// assignment in step: one of them at a time assigns and saves, and each
// first reads what the others saved and edited since it last looked.
type Journal interface {
	// Exclusive runs fn while this process alone may assign stories in
	// the store (other processes' Exclusive calls wait).
	Exclusive(ctx context.Context, fn func() error) error
	// Head is the position of the newest article and edit.
	Head(ctx context.Context) (Position, error)
	// Changes calls saved for each article saved after from, then
	// edited for each edit applied after it, each in order, and returns
	// the position it read up to. Articles are as they are now (an
	// article since moved by an edit names its new story).
	Changes(ctx context.Context, from Position, saved func(*article.Article) error, edited func(Edit) error) (Position, error)
}
