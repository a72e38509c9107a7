package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/input"
	"github.com/khabar-news/khabar/internal/script"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/story"
)

// Ingester annotates documents, assigns them to stories and stores them.
// Story state is resumed from the store when the Ingester is made, so a
// later run continues the stories of an earlier one; and before each
// assignment it reads what other processes writing the same store saved
// and edited since (the store's Journal), so that several ingesters, in
// one process or many, place articles as one would.
type Ingester struct {
	p       *Pipeline
	st      store.Store
	mu      sync.Mutex // orders assignment and saving in this process
	stories *story.Assigner
	pos     store.Position  // how far the journal has been read
	mine    map[string]bool // articles this ingester saved, not yet seen in the journal
}

// NewIngester resumes story assignment from what st holds.
func NewIngester(ctx context.Context, p *Pipeline, st store.Store, cfg story.Config) (*Ingester, error) {
	ing := &Ingester{p: p, st: st, stories: story.NewAssigner(cfg), mine: map[string]bool{}}
	err := st.Exclusive(ctx, func() error {
		var err error
		if ing.pos, err = st.Head(ctx); err != nil {
			return err
		}
		latest, err := st.Latest(ctx)
		if err != nil || latest.IsZero() {
			return err
		}
		return st.Since(ctx, latest.Add(-cfg.Window), func(a *article.Article) error {
			ing.stories.Restore(a.Story, p.stories.Features(a))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("resume stories: %w", err)
	}
	return ing, nil
}

// exclusive runs fn with this ingester and the store's assignment lock
// held, after catching up with the store's journal.
func (ing *Ingester) exclusive(ctx context.Context, fn func() error) error {
	ing.mu.Lock()
	defer ing.mu.Unlock()
	return ing.st.Exclusive(ctx, func() error {
		if err := ing.catchUp(ctx); err != nil {
			return err
		}
		return fn()
	})
}

// catchUp brings the assigner up to date with the articles other
// ingesters saved and the edits made since it last looked: their
// articles join their stories, and edited stories are rebuilt from the
// store as they now stand.
func (ing *Ingester) catchUp(ctx context.Context) error {
	edited := map[string]bool{}
	pos, err := ing.st.Changes(ctx, ing.pos, func(a *article.Article) error {
		if ing.mine[a.ID] {
			delete(ing.mine, a.ID)
			return nil
		}
		ing.stories.Restore(a.Story, ing.p.stories.Features(a))
		return nil
	}, func(e store.Edit) error {
		edited[e.Story], edited[e.Into] = true, true
		return nil
	})
	ing.pos = pos
	if err != nil {
		return fmt.Errorf("catch up with the store: %w", err)
	}
	for _, id := range slices.Sorted(maps.Keys(edited)) {
		if err := ing.rebuild(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// rebuild replaces a story in the assigner by its articles in the store.
func (ing *Ingester) rebuild(ctx context.Context, id string) error {
	_, arts, err := ing.st.Story(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	members := make([]story.Member, len(arts))
	for i, a := range arts {
		members[i] = ing.p.stories.Features(a)
	}
	ing.stories.Rebuild(id, members)
	return nil
}

// Hash identifies a document's content, so that the same page stored
// under another id is still found a duplicate. Spaces and the letter
// variants that differ between copies of one page do not count.
func Hash(doc article.Document) string {
	h := sha256.New()
	h.Write([]byte(script.Normalize(doc.Title)))
	h.Write([]byte{0})
	body := doc.Text
	if doc.HTML != "" {
		body = doc.HTML
	}
	h.Write([]byte(script.Normalize(strings.TrimSpace(body))))
	return hex.EncodeToString(h.Sum(nil))
}

// Duplicate reports whether the document is already stored.
func (ing *Ingester) Duplicate(ctx context.Context, doc article.Document) (bool, error) {
	return ing.st.Has(ctx, doc.ID, Hash(doc))
}

// Ingest runs one document through the pipeline and stores it; a document
// already stored (same id or same content) is left as it is and reported
// as a duplicate.
func (ing *Ingester) Ingest(ctx context.Context, doc article.Document) (*article.Article, bool, error) {
	if dup, err := ing.Duplicate(ctx, doc); err != nil || dup {
		return nil, dup, err
	}
	a, err := ing.p.Annotate(doc)
	if err != nil {
		return nil, false, err
	}
	dup, err := ing.Store(ctx, a, Hash(doc))
	return a, dup, err
}

// Store assigns an annotated article to a story and saves it. Articles
// must come in the order they should be assigned.
func (ing *Ingester) Store(ctx context.Context, a *article.Article, hash string) (dup bool, err error) {
	err = ing.exclusive(ctx, func() error {
		// Checked again under the lock: two requests may carry one document.
		if dup, err = ing.st.Has(ctx, a.ID, hash); err != nil || dup {
			return err
		}
		pl := ing.stories.Assign(ing.p.stories.Features(a))
		a.Story, a.Duplicate = pl.Story, pl.Duplicate
		if err := ing.st.Save(ctx, a, hash); err != nil {
			// The assigner holds an article the store does not: take
			// it out again.
			ing.rebuild(ctx, a.Story)
			return err
		}
		ing.mine[a.ID] = true
		return nil
	})
	return dup, err
}

// Stats counts what an ingest run did.
type Stats struct {
	Read, Stored, Duplicates, Failed int
}

// ErrDuplicate marks a document skipped because it is already stored.
var ErrDuplicate = errors.New("already stored")

// IngestAll reads documents with read (one of the input package's
// readers), annotates them concurrently, and stores them in input order.
// report is called for every failed document and, with the running
// totals, after every document.
func (ing *Ingester) IngestAll(ctx context.Context, read func(input.Func) error, workers int, report func(Stats, *Result)) (Stats, error) {
	in := make(chan Item)
	out := make(chan Result)
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		readErr <- read(func(doc article.Document, where string, err error) error {
			it := Item{Doc: doc, Err: err, Where: where}
			if err == nil {
				if dup, derr := ing.Duplicate(ctx, doc); derr != nil {
					it.Err = derr
				} else if dup {
					it.Err = ErrDuplicate
				}
			}
			select {
			case in <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var st Stats
	go ing.p.Run(ctx, in, out, workers, func(a *article.Article) error {
		return nil // stories are assigned in Store, under the lock
	})
	for r := range out {
		st.Read++
		switch {
		case errors.Is(r.Err, ErrDuplicate):
			st.Duplicates++
		case r.Err != nil:
			st.Failed++
		default:
			dup, err := ing.Store(ctx, r.Article, Hash(r.Item.Doc))
			switch {
			case err != nil:
				r.Err = err
				st.Failed++
			case dup:
				st.Duplicates++
			default:
				st.Stored++
			}
		}
		if report != nil {
			report(st, &r)
		}
	}
	if err := <-readErr; err != nil {
		return st, err
	}
	return st, ctx.Err()
}

// Merge moves every article of story from into story into, by hand. The
// store remembers it (from then on, from leads to into) and assignment
// goes on with the merged story.
func (ing *Ingester) Merge(ctx context.Context, from, into string) (e store.Edit, err error) {
	err = ing.exclusive(ctx, func() error {
		e, err = ing.merge(ctx, from, into)
		return err
	})
	return e, err
}

func (ing *Ingester) merge(ctx context.Context, from, into string) (store.Edit, error) {
	var err error
	if from, err = ing.st.Resolve(ctx, from); err != nil {
		return store.Edit{}, fmt.Errorf("merge: story %s: %w", from, err)
	}
	if into, err = ing.st.Resolve(ctx, into); err != nil {
		return store.Edit{}, fmt.Errorf("merge: story %s: %w", into, err)
	}
	if from == into {
		return store.Edit{}, fmt.Errorf("merge %s into itself: %w", from, store.ErrEdit)
	}
	_, arts, err := ing.st.Story(ctx, from)
	if err != nil {
		return store.Edit{}, fmt.Errorf("merge: %w", err)
	}
	e := store.Edit{Kind: store.EditMerge, Story: from, Into: into, Articles: articleIDs(arts), At: time.Now().UTC().Truncate(time.Second)}
	return e, ing.apply(ctx, e)
}

// Split moves some articles of a story into a new story, by hand. The
// new story's id follows from the edit, so the same split gives the same
// id. The store remembers it; assignment goes on with both stories.
func (ing *Ingester) Split(ctx context.Context, storyID string, articles []string) (e store.Edit, err error) {
	err = ing.exclusive(ctx, func() error {
		e, err = ing.split(ctx, storyID, articles)
		return err
	})
	return e, err
}

func (ing *Ingester) split(ctx context.Context, storyID string, articles []string) (store.Edit, error) {
	var err error
	if storyID, err = ing.st.Resolve(ctx, storyID); err != nil {
		return store.Edit{}, fmt.Errorf("split: story %s: %w", storyID, err)
	}
	_, arts, err := ing.st.Story(ctx, storyID)
	if err != nil {
		return store.Edit{}, fmt.Errorf("split: %w", err)
	}
	in := map[string]bool{}
	for _, a := range arts {
		in[a.ID] = true
	}
	moved := map[string]bool{}
	for _, id := range articles {
		if !in[id] {
			return store.Edit{}, fmt.Errorf("split %s: article %q is not in the story: %w", storyID, id, store.ErrEdit)
		}
		moved[id] = true
	}
	if len(moved) == 0 || len(moved) == len(arts) {
		return store.Edit{}, fmt.Errorf("split %s: give some of its %d articles, not none or all: %w", storyID, len(arts), store.ErrEdit)
	}
	ids := slices.Sorted(maps.Keys(moved))
	e := store.Edit{Kind: store.EditSplit, Story: storyID, Into: story.NewID("split:" + storyID + ":" + strings.Join(ids, ",")), Articles: ids, At: time.Now().UTC().Truncate(time.Second)}
	return e, ing.apply(ctx, e)
}

// apply stores an edit and rebuilds both stories in the assigner from
// their articles as they now stand. (The journal shows the edit again on
// the next catch-up; rebuilding twice gives the same stories.)
func (ing *Ingester) apply(ctx context.Context, e store.Edit) error {
	if err := ing.st.Apply(ctx, e); err != nil {
		return fmt.Errorf("%s %s: %w", e.Kind, e.Story, err)
	}
	for _, id := range []string{e.Story, e.Into} {
		if err := ing.rebuild(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func articleIDs(arts []*article.Article) []string {
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}
