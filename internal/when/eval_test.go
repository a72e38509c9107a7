package when

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"testing"
	"time"
)

// evalPath is the shared evaluation set of dates as ICU/CLDR renders them.
const evalPath = "../../../shared/eval/dates-icu.jsonl"

// TestEvalICU measures Parse against the shared evaluation set when it is
// present. It logs accuracy per language and calendar and does not fail:
// the set is for measurement, not a fixture.
func TestEvalICU(t *testing.T) {
	f, err := os.Open(evalPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no evaluation set at", evalPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type key struct{ lang, cal string }
	// right counts Parse with the row's language as hint, anyLang without
	// a hint, as when the language is unknown.
	total, right, anyLang := map[key]int{}, map[key]int{}, map[key]int{}
	var keys []key
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var row struct{ ID, Lang, Calendar, Text, Date string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("%s: %v", evalPath, err)
		}
		k := key{row.Lang, row.Calendar}
		if total[k] == 0 {
			keys = append(keys, k)
		}
		total[k]++
		if e, err := Parse(row.Text, "", time.Time{}); err == nil && e.Date.Format(time.DateOnly) == row.Date {
			anyLang[k]++
		}
		e, err := Parse(row.Text, row.Lang, time.Time{})
		if err == nil && e.Date.Format(time.DateOnly) == row.Date {
			right[k]++
		} else if testing.Verbose() && os.Getenv("WHEN_EVAL_MISSES") != "" {
			t.Logf("miss %s %s %q: got %v %v, want %s", row.ID, row.Lang, row.Text, e.Date.Format(time.DateOnly), err, row.Date)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.lang != b.lang {
			if a.lang < b.lang {
				return -1
			}
			return 1
		}
		if a.cal < b.cal {
			return -1
		}
		return 1
	})
	all, allRight, allAny := 0, 0, 0
	t.Logf("%-6s %-17s %9s  %5s  %s", "lang", "calendar", "right", "acc", "acc without hint")
	for _, k := range keys {
		t.Logf("%-6s %-17s %4d/%4d  %.3f  %.3f", k.lang, k.cal, right[k], total[k],
			float64(right[k])/float64(total[k]), float64(anyLang[k])/float64(total[k]))
		all += total[k]
		allRight += right[k]
		allAny += anyLang[k]
	}
	t.Logf("%-24s %4d/%4d  %.3f  %.3f", "overall", allRight, all, float64(allRight)/float64(all), float64(allAny)/float64(all))
}
