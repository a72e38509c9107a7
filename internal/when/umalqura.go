package when

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// umalquraData holds the first day of every Umm al-Qura month from 1300 to
// 1500 AH, as ICU computes them (see the file's header).
//
//go:embed data/umalqura.txt
var umalquraData string

// ummAlQura is the parsed table: starts[i] is the day number of the first
// day of month i, counted from Muharram of year first; the last entry only
// closes the table.
type ummAlQura struct {
	first  int
	starts []int
}

var umalqura = mustParseUmmAlQura(umalquraData)

// mustParseUmmAlQura parses the embedded table; a malformed table is a
// build mistake, so it panics (TestUmmAlQuraTable checks the file).
func mustParseUmmAlQura(s string) *ummAlQura {
	t, err := parseUmmAlQura(s)
	if err != nil {
		panic(err)
	}
	return t
}

// parseUmmAlQura reads lines of "YYYY-MM YYYY-MM-DD", which must be
// consecutive months with 29 or 30 days each.
func parseUmmAlQura(s string) (*ummAlQura, error) {
	t := &ummAlQura{}
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		hm, g, ok := strings.Cut(line, " ")
		hy, hmo, ok2 := strings.Cut(hm, "-")
		gd := strings.Split(strings.TrimSpace(g), "-")
		if !ok || !ok2 || len(gd) != 3 {
			return nil, fmt.Errorf("when: umalqura.txt:%d: want \"YYYY-MM YYYY-MM-DD\", got %q", n+1, line)
		}
		var v [5]int
		for i, f := range []string{hy, hmo, gd[0], gd[1], gd[2]} {
			x, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("when: umalqura.txt:%d: %w", n+1, err)
			}
			v[i] = x
		}
		y, m := v[0], v[1]
		day := civilDays(v[2], v[3], v[4])
		if len(t.starts) == 0 {
			t.first = y
			if m != 1 {
				return nil, fmt.Errorf("when: umalqura.txt:%d: the table must begin with Muharram", n+1)
			}
		} else {
			want := len(t.starts)
			if got := (y-t.first)*12 + m - 1; got != want || m < 1 || m > 12 {
				return nil, fmt.Errorf("when: umalqura.txt:%d: %04d-%02d out of order", n+1, y, m)
			}
			if l := day - t.starts[len(t.starts)-1]; l != 29 && l != 30 {
				return nil, fmt.Errorf("when: umalqura.txt:%d: previous month has %d days", n+1, l)
			}
		}
		t.starts = append(t.starts, day)
	}
	if len(t.starts) < 2 {
		return nil, fmt.Errorf("when: umalqura.txt: no months")
	}
	return t, nil
}

// monthStart returns the day number of the first day of month m of year y
// and the month's length, or ok false outside the table.
func (t *ummAlQura) monthStart(y, m int) (start, length int, ok bool) {
	i := (y-t.first)*12 + m - 1
	if i < 0 || i+1 >= len(t.starts) {
		return 0, 0, false
	}
	return t.starts[i], t.starts[i+1] - t.starts[i], true
}

// date returns the Islamic date of day number n, or ok false outside the
// table.
func (t *ummAlQura) date(n int) (y, m, d int, ok bool) {
	if n < t.starts[0] || n >= t.starts[len(t.starts)-1] {
		return 0, 0, 0, false
	}
	// The last month beginning on or before n.
	lo, hi := 0, len(t.starts)-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if t.starts[mid] <= n {
			lo = mid
		} else {
			hi = mid
		}
	}
	return t.first + lo/12, lo%12 + 1, n - t.starts[lo] + 1, true
}
