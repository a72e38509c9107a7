// Package eval measures khabar's stages on evaluation files in the formats
// of the project's evaluation data (see the README), and prints tables.
// It reads the files; it never needs or keeps their text.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/khabar-news/khabar/internal/eval/jsonl"
)

// readJSONL decodes every line of the file into a new T and calls fn.
func readJSONL[T any](path string, fn func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return decodeJSONL(f, path, fn)
}

func decodeJSONL[T any](r io.Reader, name string, fn func(T) error) error {
	return jsonl.Lines(r, name, func(line []byte, where string) error {
		var row T
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("eval: %s: %w", where, err)
		}
		return fn(row)
	})
}

// Sets are the evaluations `khabar eval SET FILE` runs, each in its own
// file of this package.
var Sets = map[string]func(path string, w io.Writer) error{
	"langid":       runLangID,
	"dates":        runDates,
	"events-dates": runEventDates,
	"events":       runEventsACLED,
	"stories":      runStories,
	"entities":     runEntities,
}

// Run measures set on the file at path and prints the table to w.
func Run(set, path string, w io.Writer) error {
	fn, ok := Sets[set]
	if !ok {
		return fmt.Errorf("eval: unknown set %q (have %s)", set, strings.Join(Names(), ", "))
	}
	return fn(path, w)
}

// Names lists the sets, sorted.
func Names() []string { return slices.Sorted(maps.Keys(Sets)) }

// newTable returns the right-aligned table writer every set prints with.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 4, 4, 2, ' ', tabwriter.AlignRight)
}
