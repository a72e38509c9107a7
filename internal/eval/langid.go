package eval

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/lang"
)

// LangRow is a row of a language identification file.
type LangRow struct {
	ID     string `json:"id"`
	Label  string `json:"label"`  // en, ar, ur, ps, fa, fa-AF or fa-IR
	Bucket string `json:"bucket"` // word, pair, sentence or document
	Text   string `json:"text"`
}

// Cell counts the rows of one label × bucket.
type Cell struct {
	N, Lang, Variety, VarietyN int
}

// LangReport is the outcome of a language identification run.
type LangReport struct {
	Cells    map[[2]string]*Cell // [language, bucket]
	Rows     int
	Duration time.Duration
}

// LangID identifies every row of the file. A row labelled fa-AF or
// fa-IR counts for the language when khabar says fa, and for the variety
// when it also gives that variety.
func LangID(path string, id *lang.Identifier) (*LangReport, error) {
	rep := &LangReport{Cells: map[[2]string]*Cell{}}
	var rows []LangRow
	if err := readJSONL(path, func(r LangRow) error { rows = append(rows, r); return nil }); err != nil {
		return nil, err
	}
	start := time.Now()
	for _, r := range rows {
		res := id.Identify(r.Text)
		want, variety, _ := strings.Cut(r.Label, "-")
		k := [2]string{want, r.Bucket}
		c := rep.Cells[k]
		if c == nil {
			c = &Cell{}
			rep.Cells[k] = c
		}
		c.N++
		if res.Lang == want {
			c.Lang++
		}
		if variety != "" {
			c.VarietyN++
			if res.Lang == "fa" && res.Variety == r.Label {
				c.Variety++
			}
		}
	}
	rep.Duration = time.Since(start)
	rep.Rows = len(rows)
	return rep, nil
}

var buckets = []string{"word", "pair", "sentence", "document"}

// Print writes the accuracy table: a row per language, a column per
// length bucket, then the Dari/Iranian variety accuracy.
func (rep *LangReport) Print(w io.Writer) {
	langs := map[string]bool{}
	for k := range rep.Cells {
		langs[k[0]] = true
	}
	names := slices.Sorted(maps.Keys(langs))
	tw := newTable(w)
	fmt.Fprintln(tw, "lang\tword\tpair\tsentence\tdocument\t")
	for _, l := range names {
		fmt.Fprintf(tw, "%s\t", l)
		for _, b := range buckets {
			if c := rep.Cells[[2]string{l, b}]; c != nil && c.N > 0 {
				fmt.Fprintf(tw, "%.3f (%d)\t", float64(c.Lang)/float64(c.N), c.N)
			} else {
				fmt.Fprint(tw, "-\t")
			}
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "fa variety\t")
	for _, b := range buckets {
		if c := rep.Cells[[2]string{"fa", b}]; c != nil && c.VarietyN > 0 {
			fmt.Fprintf(tw, "%.3f (%d)\t", float64(c.Variety)/float64(c.VarietyN), c.VarietyN)
		} else {
			fmt.Fprint(tw, "-\t")
		}
	}
	fmt.Fprintln(tw)
	tw.Flush()
	fmt.Fprintf(w, "%d rows in %v: %.0f rows/s on one goroutine\n", rep.Rows, rep.Duration.Round(time.Millisecond),
		float64(rep.Rows)/rep.Duration.Seconds())
}

func runLangID(path string, w io.Writer) error {
	id, err := lang.New()
	if err != nil {
		return err
	}
	rep, err := LangID(path, id)
	if err != nil {
		return err
	}
	rep.Print(w)
	return nil
}
