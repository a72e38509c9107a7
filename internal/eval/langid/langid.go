// Package langid measures language identification on a file in the
// format of the project's langid evaluation data: JSON Lines rows
// {id, label, bucket, text}. It is its own package, apart from package
// eval, so that a command can measure identification without loading the
// rest of khabar (cmd/langid).
package langid

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/khabar-news/khabar/internal/eval/jsonl"
	"github.com/khabar-news/khabar/internal/lang"
)

// Row is a row of a language identification file.
type Row struct {
	ID     string `json:"id"`
	Label  string `json:"label"`  // en, ar, ur, ps, fa, fa-AF or fa-IR
	Bucket string `json:"bucket"` // word, pair, sentence or document
	Text   string `json:"text"`
}

// Cell counts the rows of one label × bucket.
type Cell struct {
	N, Lang, Variety, VarietyN int
}

// Report is the outcome of a language identification run.
type Report struct {
	Cells    map[[2]string]*Cell // [language, bucket]
	Rows     int
	Duration time.Duration
	Misses   []Miss // the rows identified wrongly (language, or variety when labelled)
}

// Miss is a row identified wrongly.
type Miss struct {
	Row Row
	Got lang.Result
}

// ReadFile reads every row of a JSON Lines file.
func ReadFile(path string, fn func(Row) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("langid: %w", err)
	}
	defer f.Close()
	return Read(f, path, fn)
}

// Read decodes JSON Lines rows and calls fn with each.
func Read(r io.Reader, name string, fn func(Row) error) error {
	return jsonl.Lines(r, name, func(line []byte, where string) error {
		row, err := Decode(line)
		if err != nil {
			return fmt.Errorf("langid: %s: %w", where, err)
		}
		return fn(row)
	})
}

// Decode reads one row. Rows of string fields, the format's own, are
// read by a small scanner that copies only the four strings; anything
// else goes to encoding/json.
func Decode(line []byte) (Row, error) {
	if row, ok := decodeFlat(line); ok {
		return row, nil
	}
	var row Row
	err := json.Unmarshal(line, &row)
	return row, err
}

// decodeFlat reads {"key": "string", …} with no escapes other than those
// strconv-free copying can skip (a string with a backslash is unquoted by
// encoding/json); ok is false for anything else.
func decodeFlat(b []byte) (row Row, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return row, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return row, skipSpace(b, i+1) == len(b)
	}
	for {
		var key, val []byte
		var esc bool
		if key, _, i, ok = str(b, i); !ok {
			return row, false
		}
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != ':' {
			return row, false
		}
		i = skipSpace(b, i+1)
		start := i
		if val, esc, i, ok = str(b, i); !ok {
			return row, false
		}
		s := string(val)
		if esc {
			if json.Unmarshal(b[start:i], &s) != nil {
				return row, false
			}
		}
		switch string(key) {
		case "id":
			row.ID = s
		case "label":
			row.Label = s
		case "bucket":
			row.Bucket = s
		case "text":
			row.Text = s
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return row, false
		}
		if b[i] == '}' {
			return row, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return row, false
		}
		i = skipSpace(b, i+1)
	}
}

// str reads the JSON string at b[i]: its raw contents, whether it holds
// an escape, and the index after its closing quote.
func str(b []byte, i int) (s []byte, esc bool, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, false, i, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return b[i+1 : j], esc, j + 1, true
		case c == '\\':
			esc = true
			j++
		case c < 0x20:
			return nil, false, j, false
		}
	}
	return nil, false, len(b), false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// Measure identifies every row. A row labelled fa-AF or fa-IR counts for
// the language when the identifier says fa, and for the variety when it
// also gives that variety.
func Measure(rows []Row, id *lang.Identifier) *Report {
	rep := &Report{Cells: map[[2]string]*Cell{}, Rows: len(rows)}
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
		ok := res.Lang == want
		if ok {
			c.Lang++
		}
		if variety != "" {
			c.VarietyN++
			if res.Lang == "fa" && res.Variety == r.Label {
				c.Variety++
			} else {
				ok = false
			}
		}
		if !ok {
			rep.Misses = append(rep.Misses, Miss{r, res})
		}
	}
	rep.Duration = time.Since(start)
	return rep
}

// Buckets are the text lengths of the format, shortest first.
var Buckets = []string{"word", "pair", "sentence", "document"}

// Print writes the accuracy table: a row per language, a column per
// length bucket, then the Dari/Iranian variety accuracy.
func (rep *Report) Print(w io.Writer) {
	langs := map[string]bool{}
	for k := range rep.Cells {
		langs[k[0]] = true
	}
	names := slices.Sorted(maps.Keys(langs))
	tw := tabwriter.NewWriter(w, 4, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\tword\tpair\tsentence\tdocument\t")
	for _, l := range names {
		fmt.Fprintf(tw, "%s\t", l)
		for _, b := range Buckets {
			if c := rep.Cells[[2]string{l, b}]; c != nil && c.N > 0 {
				fmt.Fprintf(tw, "%.3f (%d)\t", float64(c.Lang)/float64(c.N), c.N)
			} else {
				fmt.Fprint(tw, "-\t")
			}
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "fa variety\t")
	for _, b := range Buckets {
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

// Run measures the identifier on the file at path and prints the table,
// then the misses when KHABAR_EVAL_MISSES=1.
func Run(path string, id *lang.Identifier, w io.Writer) error {
	var rows []Row
	if err := ReadFile(path, func(r Row) error { rows = append(rows, r); return nil }); err != nil {
		return err
	}
	rep := Measure(rows, id)
	rep.Print(w)
	if os.Getenv("KHABAR_EVAL_MISSES") == "1" {
		rep.PrintMisses(w)
	}
	return nil
}

// PrintMisses lists the rows identified wrongly: label, bucket, what the
// identifier said, and the start of the text.
func (rep *Report) PrintMisses(w io.Writer) {
	for _, m := range rep.Misses {
		text := []rune(strings.Join(strings.Fields(m.Row.Text), " "))
		if len(text) > 80 {
			text = append(text[:80], '…')
		}
		got := m.Got.Lang
		if m.Got.Variety != "" {
			got = m.Got.Variety
		}
		fmt.Fprintf(w, "%s\t%s\t%s\tgot %s %.2f\t%s\n", m.Row.ID, m.Row.Label, m.Row.Bucket, got, m.Got.Confidence, string(text))
	}
}
