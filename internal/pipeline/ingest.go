package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/input"
	"github.com/khabar-news/khabar/internal/script"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/story"
)

// Ingester annotates documents, assigns them to stories and stores them.
// Story state is resumed from the store when the Ingester is made, so a
// later run continues the stories of an earlier one.
type Ingester struct {
	p       *Pipeline
	st      store.Store
	mu      sync.Mutex // orders assignment and saving
	stories *story.Assigner
}

// NewIngester resumes story assignment from what st holds.
func NewIngester(ctx context.Context, p *Pipeline, st store.Store, cfg story.Config) (*Ingester, error) {
	ing := &Ingester{p: p, st: st, stories: story.NewAssigner(cfg)}
	latest, err := st.Latest(ctx)
	if err != nil {
		return nil, err
	}
	if latest.IsZero() {
		return ing, nil
	}
	err = st.Since(ctx, latest.Add(-cfg.Window), func(a *article.Article) error {
		ing.stories.Restore(a.Story, p.stories.Features(a))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("resume stories: %w", err)
	}
	return ing, nil
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
func (ing *Ingester) Store(ctx context.Context, a *article.Article, hash string) (bool, error) {
	ing.mu.Lock()
	defer ing.mu.Unlock()
	// Checked again under the lock: two requests may carry one document.
	if dup, err := ing.st.Has(ctx, a.ID, hash); err != nil || dup {
		return dup, err
	}
	m := ing.p.stories.Features(a)
	pl := ing.stories.Assign(m)
	a.Story, a.Duplicate = pl.Story, pl.Duplicate
	if err := ing.st.Save(ctx, a, hash); err != nil {
		return false, err
	}
	return false, nil
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
