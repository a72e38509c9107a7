package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/story"
)

// Item is one input of a stream: a document, or the error met reading it
// (a malformed line), which passes through in its place.
type Item struct {
	Doc article.Document
	Err error
	// Where says where the item came from ("file.jsonl:12"), for messages.
	Where string
}

// Result is the outcome for one Item, in input order.
type Result struct {
	Item    Item
	Article *article.Article // nil when Err is set
	Err     error
}

// Run annotates the items from in with workers goroutines (0: one per
// CPU), assigns stories in input order with assign, and sends the results
// to out in input order, each as soon as it and all before it are done.
// It closes out when in is closed and drained, or ctx is done.
func (p *Pipeline) Run(ctx context.Context, in <-chan Item, out chan<- Result, workers int, assign func(*article.Article) error) {
	defer close(out)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Each item gets a slot; slots queue in input order, so the
	// collector below emits in order while workers finish in any order.
	type slot struct {
		item Item
		done chan Result
	}
	slots := make(chan *slot, workers*4)
	work := make(chan *slot)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				r := Result{Item: s.item, Err: s.item.Err}
				if r.Err == nil {
					r.Article, r.Err = p.Annotate(s.item.Doc)
				}
				s.done <- r
			}
		}()
	}
	go func() {
		defer close(slots)
		defer close(work)
		for {
			select {
			case <-ctx.Done():
				return
			case it, ok := <-in:
				if !ok {
					return
				}
				s := &slot{item: it, done: make(chan Result, 1)}
				select {
				case slots <- s:
				case <-ctx.Done():
					return
				}
				select {
				case work <- s:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	for s := range slots {
		var r Result
		select {
		case r = <-s.done:
		case <-ctx.Done():
			return // workers stop when the producer closes work
		}
		if r.Err == nil && assign != nil {
			r.Err = assign(r.Article)
		}
		select {
		case out <- r:
		case <-ctx.Done():
			return
		}
	}
	wg.Wait()
}

// Assigner returns an assign function that places each article into a
// story with an in-memory story.Assigner: what `khabar process` uses.
func (p *Pipeline) Assigner(cfg story.Config) func(*article.Article) error {
	s := story.NewAssigner(cfg)
	return func(a *article.Article) error {
		pl := s.Assign(p.stories.Features(a))
		a.Story, a.Duplicate = pl.Story, pl.Duplicate
		return nil
	}
}
