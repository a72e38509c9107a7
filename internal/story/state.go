package story

import (
	"container/heap"
	"hash/fnv"
	"time"
)

// State is what assignment keeps between articles: the open stories, the
// postings from each term to the open stories that hold it, and how many
// articles seen hold each term. Memory keeps it in the
// process, which is all one binary needs; a deployment where many workers
// place articles can keep it in its database behind the same methods.
//
// The Assigner changes a Story only through Put, so an implementation may
// store copies.
type State interface {
	// Story returns the open story id, or nil.
	Story(id string) *Story
	// Put stores st after an article whose weighted terms are added
	// joined it, and indexes those terms.
	Put(st *Story, added map[string]float64)
	// Remove closes story id. The counts keep its articles.
	Remove(id string)
	// Expire closes the stories whose last day is before cut.
	Expire(cut time.Time)
	// Count adds delta to the document frequency of each term and to the
	// number of articles.
	Count(terms map[string]float64, delta int)
	// Articles is the number of articles counted; DF how many of them
	// hold term.
	Articles() int
	DF(term string) int
	// Posted is the number of open stories that hold term; Postings
	// lists them.
	Posted(term string) int
	Postings(term string) []string
	// Len is the number of open stories.
	Len() int
}

// Memory is a State in the process's memory.
type Memory struct {
	stories  map[string]*Story
	index    map[string]map[string]bool // term → story ids
	df       *sketch
	articles int
	ages     ages                 // stories by last day, for expiry
	aged     map[string]time.Time // the last day of each story's newest ages entry
}

var _ State = (*Memory)(nil)

// NewMemory returns an empty in-memory state.
func NewMemory() *Memory {
	return &Memory{stories: map[string]*Story{}, index: map[string]map[string]bool{}, df: newSketch(), aged: map[string]time.Time{}}
}

// Story implements State.
func (m *Memory) Story(id string) *Story { return m.stories[id] }

// Put implements State.
func (m *Memory) Put(st *Story, added map[string]float64) {
	m.stories[st.ID] = st
	for t := range added {
		if m.index[t] == nil {
			m.index[t] = map[string]bool{}
		}
		m.index[t][st.ID] = true
	}
	// A new heap entry only when the story's last day moved: expiry skips
	// the entries a story has left behind.
	if last, ok := m.aged[st.ID]; !st.Last.IsZero() && (!ok || !last.Equal(st.Last)) {
		heap.Push(&m.ages, age{last: st.Last, id: st.ID})
		m.aged[st.ID] = st.Last
	}
}

// Remove implements State.
func (m *Memory) Remove(id string) {
	st := m.stories[id]
	if st == nil {
		return
	}
	for t := range st.Terms {
		delete(m.index[t], id)
		if len(m.index[t]) == 0 {
			delete(m.index, t)
		}
	}
	delete(m.stories, id)
	delete(m.aged, id)
}

// Expire implements State.
func (m *Memory) Expire(cut time.Time) {
	for len(m.ages) > 0 && m.ages[0].last.Before(cut) {
		a := heap.Pop(&m.ages).(age)
		st := m.stories[a.id]
		if st == nil || !st.Last.Equal(a.last) {
			continue // the story moved on since this entry; a later one stands for it
		}
		m.Remove(a.id)
	}
}

// Count implements State.
func (m *Memory) Count(terms map[string]float64, delta int) {
	for t := range terms {
		m.df.add(t, delta)
	}
	m.articles += delta
}

// Articles implements State.
func (m *Memory) Articles() int { return m.articles }

// DF implements State.
func (m *Memory) DF(term string) int { return m.df.count(term) }

// Posted implements State.
func (m *Memory) Posted(term string) int { return len(m.index[term]) }

// Postings implements State.
func (m *Memory) Postings(term string) []string {
	out := make([]string, 0, len(m.index[term]))
	for id := range m.index[term] {
		out = append(out, id)
	}
	return out
}

// Len implements State.
func (m *Memory) Len() int { return len(m.stories) }

// age is a story's last day when it was recorded; ages is a min-heap of
// them, so that expiry looks only at the stories due to leave.
type age struct {
	last time.Time
	id   string
}

type ages []age

func (h ages) Len() int           { return len(h) }
func (h ages) Less(i, j int) bool { return h[i].last.Before(h[j].last) }
func (h ages) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ages) Push(x any)        { *h = append(*h, x.(age)) }
func (h *ages) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sketch counts terms in fixed memory (a count-min sketch): each term
// adds to one counter in each of sketchRows rows, and its count is the
// smallest of them, which is exact unless every one of its counters is
// shared with another term, and never too low. A map of every term ever
// seen would grow without end as the store grows (numbers and names keep
// coming); this stays at sketchRows × sketchWidth counters, 16 MiB.
type sketch struct {
	rows [sketchRows][]int32
}

const (
	sketchRows  = 4
	sketchWidth = 1 << 20
)

func newSketch() *sketch {
	s := &sketch{}
	for i := range s.rows {
		s.rows[i] = make([]int32, sketchWidth)
	}
	return s
}

// slots returns the term's counter in each row, from one 64-bit hash
// (h1 + i·h2, the usual double hashing). The hash is FNV, not a seeded
// one, so that the same input gives the same stories on every run.
func (s *sketch) slots(term string) [sketchRows]uint32 {
	f := fnv.New64a()
	f.Write([]byte(term))
	h := f.Sum64()
	h1, h2 := uint32(h), uint32(h>>32)|1
	var out [sketchRows]uint32
	for i := range out {
		out[i] = (h1 + uint32(i)*h2) % sketchWidth
	}
	return out
}

func (s *sketch) add(term string, delta int) {
	for i, j := range s.slots(term) {
		s.rows[i][j] += int32(delta)
	}
}

func (s *sketch) count(term string) int {
	n := int32(1<<31 - 1)
	for i, j := range s.slots(term) {
		n = min(n, s.rows[i][j])
	}
	return int(max(n, 0))
}
