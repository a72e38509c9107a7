package eval

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/lang"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/when"
)

// EventRow is a row of an event file: a report as raw text and what
// annotators found in it. Only the event's date is read here.
type EventRow struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Label struct {
		StartDate string `json:"start_date"` // YYYY-MM-DD
	} `json:"label"`
}

// EventDateResult is khabar's reading of one row.
type EventDateResult struct {
	Row       EventRow
	Published string // the publication day found, "" for none
	From      string // the evidence it came from
	Got       string // the event date, "" for none
	Expr      string // the expression that gave it; "" for the publication day
}

// EventDatesReport is the outcome of an event date run.
type EventDatesReport struct {
	Results  []EventDateResult
	Duration time.Duration
}

// EventDates reads every row as khabar reads a page: extraction of the
// raw text, language identification, publication-date inference from the
// page's own evidence (here mostly a dateline such as "KABUL, Afghanistan
// (Jan. 25, 2013)"), then the event's date as the lead gives it, resolved
// against the publication day.
func EventDates(path string) (*EventDatesReport, error) {
	var rows []EventRow
	if err := readJSONL(path, func(r EventRow) error { rows = append(rows, r); return nil }); err != nil {
		return nil, err
	}
	id, err := lang.New()
	if err != nil {
		return nil, err
	}
	x := extract.New()
	rep := &EventDatesReport{}
	start := time.Now()
	for _, r := range rows {
		res := EventDateResult{Row: r}
		doc := article.Document{ID: r.ID, Text: r.Text}
		page, err := x.FromText(r.Text)
		if err == nil {
			lg := id.Identify(page.Title + "\n" + page.Text).Lang
			d := pipeline.Publication(doc, page, lg)
			if d.From != "" {
				res.Published, res.From = d.Published.Format(time.DateOnly), d.From
			}
			if e, ok := when.EventDate(page.Text, lg, d.Published); ok {
				res.Got, res.Expr = e.Date.Format(time.DateOnly), e.Text
			}
		}
		rep.Results = append(rep.Results, res)
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// Print writes the share of rows whose event date is right, overall and
// by the evidence the publication date came from.
func (rep *EventDatesReport) Print(w io.Writer) {
	type cell struct{ n, right int }
	byFrom := map[string]*cell{}
	var all cell
	for _, r := range rep.Results {
		from := r.From
		if from == "" {
			from = "(none)"
		}
		c := byFrom[from]
		if c == nil {
			c = &cell{}
			byFrom[from] = c
		}
		c.n++
		all.n++
		if r.Got == r.Row.Label.StartDate {
			c.right++
			all.right++
		}
	}
	froms := slices.Sorted(maps.Keys(byFrom))
	tw := newTable(w)
	fmt.Fprintln(tw, "published from\trows\tevent date right\t")
	for _, f := range froms {
		c := byFrom[f]
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t\n", f, c.n, float64(c.right)/float64(c.n))
	}
	tw.Flush()
	if all.n == 0 {
		fmt.Fprintln(w, "no rows")
		return
	}
	fmt.Fprintf(w, "event date = start_date: %.3f (%d/%d) in %v\n", float64(all.right)/float64(all.n), all.right, all.n,
		rep.Duration.Round(time.Millisecond))
}

// PrintMisses lists up to max rows whose event date is wrong, with the
// publication day and the expression used, and the start of the row.
func (rep *EventDatesReport) PrintMisses(w io.Writer, max int) {
	n := 0
	for _, r := range rep.Results {
		if r.Got == r.Row.Label.StartDate {
			continue
		}
		if n++; n > max {
			break
		}
		head := strings.Join(strings.Fields(r.Row.Text), " ")
		if rs := []rune(head); len(rs) > 240 {
			head = string(rs[:240]) + "…"
		}
		fmt.Fprintf(w, "miss %s: got %q from %q, published %q (%s), want %s\n    %s\n",
			r.Row.ID, r.Got, r.Expr, r.Published, r.From, r.Row.Label.StartDate, head)
	}
}

func runEventDates(path string, w io.Writer) error {
	rep, err := EventDates(path)
	if err != nil {
		return err
	}
	rep.Print(w)
	if evalMissesWanted() {
		rep.PrintMisses(w, evalMissesMax(60))
	}
	return nil
}
