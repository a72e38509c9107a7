package eval

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/story"
)

// StoryRow is a row of a story clustering file.
type StoryRow struct {
	ID        string `json:"id"`
	Published string `json:"published"` // RFC 3339; an impossible date is read as none
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Story     string `json:"story"`
}

// runStories places every row, in file order, with the pipeline and the
// streaming assigner, and scores the clustering against the rows' story
// labels with B-cubed precision, recall and F1, and the share of
// same-story pairs across two languages that were put together.
func runStories(path string, w io.Writer) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	cfg := story.DefaultConfig
	// KHABAR_STORY_THRESHOLD overrides the join threshold, for tuning it.
	if v, err := strconv.ParseFloat(os.Getenv("KHABAR_STORY_THRESHOLD"), 64); err == nil {
		cfg.Threshold = v
	}
	assign := p.Assigner(cfg)
	var gold, got, langs, titles []string
	start := time.Now()
	err = readJSONL(path, func(r StoryRow) error {
		doc := article.Document{ID: r.ID, Title: r.Title, Text: r.Text, Source: r.Source}
		if t, err := time.Parse(time.RFC3339, r.Published); err == nil {
			doc.Published = &t
		}
		a, err := p.Annotate(doc)
		if err != nil {
			return fmt.Errorf("eval: %s: %w", r.ID, err)
		}
		if err := assign(a); err != nil {
			return err
		}
		gold, got = append(gold, r.Story), append(got, a.Story)
		titles = append(titles, r.ID+" "+r.Title)
		l := a.Lang
		if a.Variety != "" {
			l = a.Variety
		}
		langs = append(langs, l)
		return nil
	})
	if err != nil {
		return err
	}
	bp, br := bcubed(gold, got)
	if evalMissesWanted() {
		printMixed(w, gold, got, titles)
	}
	fmt.Fprintf(w, "B-cubed precision %.3f, recall %.3f, F1 %.3f over %d articles (%d stories found, %d in the labels) in %v\n",
		bp, br, f1(bp, br), len(gold), distinct(got), distinct(gold), time.Since(start).Round(time.Millisecond))
	// Cross-lingual pair recall: of the same-story pairs in two different
	// languages, the share placed in one story.
	type pair struct{ n, ok int }
	pairs := map[string]*pair{}
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			if gold[i] != gold[j] || langs[i] == langs[j] {
				continue
			}
			a, b := langs[i], langs[j]
			if a > b {
				a, b = b, a
			}
			k := a + "–" + b
			if pairs[k] == nil {
				pairs[k] = &pair{}
			}
			pairs[k].n++
			if got[i] == got[j] {
				pairs[k].ok++
			}
		}
	}
	keys := slices.Sorted(maps.Keys(pairs))
	tw := newTable(w)
	fmt.Fprintln(tw, "language pair\tpairs\trecall\t")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t\n", k, pairs[k].n, float64(pairs[k].ok)/float64(pairs[k].n))
	}
	return tw.Flush()
}

// bcubed returns B-cubed precision and recall of the clustering got
// against gold: for each item, the share of its found cluster that
// shares its gold label, and the share of its gold cluster found with it.
func bcubed(gold, got []string) (p, r float64) {
	both := map[[2]string]int{}
	nGold, nGot := map[string]int{}, map[string]int{}
	for i := range gold {
		both[[2]string{gold[i], got[i]}]++
		nGold[gold[i]]++
		nGot[got[i]]++
	}
	for i := range gold {
		c := float64(both[[2]string{gold[i], got[i]}])
		p += c / float64(nGot[got[i]])
		r += c / float64(nGold[gold[i]])
	}
	n := float64(len(gold))
	if n == 0 {
		return 0, 0
	}
	return p / n, r / n
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func distinct(s []string) int {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return len(m)
}

// printMixed lists the found stories that join articles of more than one
// labelled story, with each article's label and title (KHABAR_EVAL_MISSES=1).
func printMixed(w io.Writer, gold, got, titles []string) {
	labels := map[string]map[string]bool{}
	for i := range got {
		if labels[got[i]] == nil {
			labels[got[i]] = map[string]bool{}
		}
		labels[got[i]][gold[i]] = true
	}
	for _, id := range slices.Sorted(maps.Keys(labels)) {
		if len(labels[id]) < 2 {
			continue
		}
		fmt.Fprintf(w, "mixed %s:\n", id)
		for i := range got {
			if got[i] == id {
				fmt.Fprintf(w, "  %s  %.100s\n", gold[i], titles[i])
			}
		}
	}
}
