package story

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// synth makes articles for benchmarks: stories of 1 to 8 articles spread
// over days, each article naming a few of its story's own terms (places,
// people, numbers, name skeletons) and some of a vocabulary shared by all
// (countries, common concepts), with Zipf-like frequencies.
type synth struct {
	r     *rand.Rand
	day   time.Time
	story int
	left  int
	own   []string
	zipf  *rand.Zipf
}

func newSynth() *synth {
	r := rand.New(rand.NewPCG(1, 2))
	return &synth{r: r, day: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), zipf: rand.NewZipf(r, 1.3, 1, 20000)}
}

func (g *synth) next(i int) Member {
	if g.left == 0 {
		g.story++
		g.left = 1 + g.r.IntN(8)
		g.own = g.own[:0]
		for k := range 6 {
			g.own = append(g.own, fmt.Sprintf("e:s%d-%d", g.story, k))
		}
	}
	g.left--
	if i%300 == 0 { // about 300 articles a day
		g.day = g.day.Add(24 * time.Hour)
	}
	m := Member{ArticleID: fmt.Sprintf("a%d", i), Terms: map[string]float64{}, Day: g.day}
	for _, t := range g.own {
		if g.r.IntN(3) > 0 {
			m.Terms[t] = 1.2
		}
	}
	for range 25 {
		m.Terms[fmt.Sprintf("c:%d", g.zipf.Uint64())] = conceptWeight
	}
	m.Terms["e:country"] = kindWeight["country"]
	return m
}

// BenchmarkAssign places articles into an assigner that has already
// placed 10k, 100k or 1M generated articles; ns/op is the cost of placing
// one, which should stay flat as the store grows.
func BenchmarkAssign(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) {
			g := newSynth()
			s := NewAssigner(DefaultConfig)
			for i := range n {
				s.Assign(g.next(i))
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ResetTimer()
			i := n
			for b.Loop() {
				s.Assign(g.next(i))
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMiB")
			b.ReportMetric(float64(s.Active()), "active-stories")
		})
	}
}
