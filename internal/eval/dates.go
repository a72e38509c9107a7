package eval

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/khabar-news/khabar/internal/when"
)

// DateRow is a row of a date expression file: a date as some locale
// writes it, and the Gregorian day it means.
type DateRow struct {
	ID       string `json:"id"`
	Lang     string `json:"lang"`     // en, ar, ur, ps, fa-AF or fa-IR
	Calendar string `json:"calendar"` // gregory, persian or islamic-umalqura
	Locale   string `json:"locale"`   // the ICU locale that wrote it
	Text     string `json:"text"`
	Date     string `json:"date"` // YYYY-MM-DD
}

// Score counts the rows of one cell and how many were read right.
type Score struct{ N, Right int }

func (s Score) acc() float64 { return float64(s.Right) / float64(s.N) }

// DatesReport is the outcome of a date parsing run.
type DatesReport struct {
	Cells    map[[2]string]*Score // [lang, calendar]
	NoHint   Score                // the same rows read without a language hint
	Misses   []DateMiss
	Rows     int
	Duration time.Duration
}

// DateMiss is a row read wrong: what khabar gave ("" when it found no
// date).
type DateMiss struct {
	Row DateRow
	Got string
}

// Dates parses the text of every row as a whole date, with no reference
// time, as khabar reads a metadata or header date, and compares the
// Gregorian day with the row's. The row's language is the hint; a second
// pass without it tells how much the hint matters.
func Dates(path string) (*DatesReport, error) {
	var rows []DateRow
	if err := readJSONL(path, func(r DateRow) error { rows = append(rows, r); return nil }); err != nil {
		return nil, err
	}
	rep := &DatesReport{Cells: map[[2]string]*Score{}, Rows: len(rows)}
	start := time.Now()
	for _, r := range rows {
		k := [2]string{r.Lang, r.Calendar}
		c := rep.Cells[k]
		if c == nil {
			c = &Score{}
			rep.Cells[k] = c
		}
		c.N++
		got := parseDay(r.Text, r.Lang)
		if got == r.Date {
			c.Right++
		} else {
			rep.Misses = append(rep.Misses, DateMiss{Row: r, Got: got})
		}
		rep.NoHint.N++
		if parseDay(r.Text, "") == r.Date {
			rep.NoHint.Right++
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

func parseDay(text, lang string) string {
	e, err := when.Parse(text, lang, time.Time{})
	if err != nil {
		return ""
	}
	return e.Date.Format(time.DateOnly)
}

// Print writes the accuracy table: a row per language, a column per
// calendar, each cell "accuracy (rows)", then the overall figure.
func (rep *DatesReport) Print(w io.Writer) {
	langs, cals := map[string]bool{}, map[string]bool{}
	total := Score{}
	byLang := map[string]*Score{}
	for k, c := range rep.Cells {
		langs[k[0]], cals[k[1]] = true, true
		total.N += c.N
		total.Right += c.Right
		if byLang[k[0]] == nil {
			byLang[k[0]] = &Score{}
		}
		byLang[k[0]].N += c.N
		byLang[k[0]].Right += c.Right
	}
	langNames, calNames := datesSortedKeys(langs), datesSortedKeys(cals)
	tw := newTable(w)
	fmt.Fprint(tw, "lang\t")
	for _, c := range calNames {
		fmt.Fprintf(tw, "%s\t", c)
	}
	fmt.Fprintln(tw, "all\t")
	for _, l := range langNames {
		fmt.Fprintf(tw, "%s\t", l)
		for _, c := range calNames {
			if s := rep.Cells[[2]string{l, c}]; s != nil && s.N > 0 {
				fmt.Fprintf(tw, "%.3f (%d)\t", s.acc(), s.N)
			} else {
				fmt.Fprint(tw, "-\t")
			}
		}
		fmt.Fprintf(tw, "%.3f (%d)\t\n", byLang[l].acc(), byLang[l].N)
	}
	tw.Flush()
	if total.N == 0 {
		fmt.Fprintln(w, "no rows")
		return
	}
	fmt.Fprintf(w, "overall %.3f (%d/%d); without a language hint %.3f\n", total.acc(), total.Right, total.N, rep.NoHint.acc())
	fmt.Fprintf(w, "%d rows in %v\n", rep.Rows, rep.Duration.Round(time.Millisecond))
}

// PrintMisses lists the rows read wrong.
func (rep *DatesReport) PrintMisses(w io.Writer) {
	for _, m := range rep.Misses {
		got := m.Got
		if got == "" {
			got = "no date"
		}
		fmt.Fprintf(w, "miss %s %s %s %q: got %s, want %s\n", m.Row.ID, m.Row.Lang, m.Row.Calendar, m.Row.Text, got, m.Row.Date)
	}
}

func datesSortedKeys(set map[string]bool) []string { return slices.Sorted(maps.Keys(set)) }

// evalMissesWanted reports whether the caller asked for the rows each set gets
// wrong (KHABAR_EVAL_MISSES=1).
func evalMissesWanted() bool { return os.Getenv("KHABAR_EVAL_MISSES") == "1" }

// evalMissesMax is how many misses to list: KHABAR_EVAL_MAX when set to a
// positive number, else def.
func evalMissesMax(def int) int {
	if n, err := strconv.Atoi(os.Getenv("KHABAR_EVAL_MAX")); err == nil && n > 0 {
		return n
	}
	return def
}

func runDates(path string, w io.Writer) error {
	rep, err := Dates(path)
	if err != nil {
		return err
	}
	rep.Print(w)
	if evalMissesWanted() {
		rep.PrintMisses(w)
	}
	return nil
}
