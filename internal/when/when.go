// Package when finds and reads dates in the news text khabar handles:
// English, Persian (Dari and Iranian), Pashto, Urdu and Arabic, written in
// the Gregorian, Solar Hijri or Lunar Hijri calendar, with any of the
// region's digits, and relative to the day of publication ("yesterday",
// "دیروز", "پرون").
//
// Matching works on tokens against tables of month names, weekdays, era
// markers and relative words (lexicon.go), so that a new spelling or form
// is a table row rather than new code. The calendars are implemented here
// (calendar.go) so that the package depends on the standard library only.
package when

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Expr is a date expression found in text.
type Expr struct {
	Text       string    // as in the text
	Start, End int       // offsets in Unicode code points into the text given to Find
	Date       time.Time // the Gregorian day (UTC midnight); for month precision the 1st, for year 1 January
	Calendar   string    // "gregory", "persian" or "islamic": how the date was written
	Precision  string    // "day", "week", "month" or "year"
	Relative   bool      // resolved against ref ("yesterday", "on Monday", "دیروز")
	HasYear    bool      // the year was written; otherwise it was inferred from ref
	Weekday    bool      // a weekday name was part of the expression and agreed with the date
	Time       string    // "15:07" when a clock time is attached, else ""
	// Offset is, for yesterday, today, tomorrow and their kin, the days
	// from the reference day the word names (-1 for yesterday); Pinned
	// says the text also wrote that day as a date ("yesterday, Monday
	// (13 May)"), which then is Date. A pinned expression dates the text
	// that contains it: its reference day is Date minus Offset.
	Offset int
	Pinned bool
}

// Find returns the date expressions in text, in order and not overlapping:
// where candidates overlap, the longest wins. A range of days ("24-26
// August 2024", "24 Aug – 5 Sep 2024") is one expression, dated by its
// first day. lang is a hint ("en", "fa", "ps", "ur", "ar", a tag such as
// "fa-AF", or "" for any) that keeps words of one language from being read
// as dates in another. ref is the reference time, normally the
// publication time: relative expressions are resolved against its calendar
// day in its location, and a year left out is the one that puts the date
// nearest to ref, preferring the past. With a zero ref, relative and
// yearless expressions are skipped.
func Find(text, lang string, ref time.Time) []Expr {
	rs := []rune(text)
	toks := lex.splitClitics(rs, tokenize(rs))
	hint := langHint(lang)
	m := &matcher{toks: toks, hits: lex.lookupAll(toks, hint), hint: hint, hasRef: !ref.IsZero()}
	if m.hasRef {
		m.ref = dayNumber(ref)
	}
	var cands []cand
	for i := range toks {
		if c, ok := m.absoluteAt(i, -1); ok {
			cands = append(cands, c)
		}
		if c, ok := m.relativeAt(i); ok {
			cands = append(cands, c)
		}
		if c, ok := m.rangeAt(i); ok {
			cands = append(cands, c)
		}
	}
	// Longest first; between equal spans, a written date before a relative
	// reading of it, then the earlier.
	slices.SortStableFunc(cands, func(a, b cand) int {
		la, lb := toks[a.e-1].end-toks[a.s].start, toks[b.e-1].end-toks[b.s].start
		if la != lb {
			return cmp.Compare(lb, la)
		}
		if a.rel != b.rel {
			if a.rel {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.s, b.s)
	})
	var chosen []cand
	taken := make([]bool, len(toks))
	for _, c := range cands {
		if slices.Contains(taken[c.s:c.e], true) {
			continue
		}
		for k := c.s; k < c.e; k++ {
			taken[k] = true
		}
		chosen = append(chosen, c)
	}
	slices.SortFunc(chosen, func(a, b cand) int { return cmp.Compare(a.s, b.s) })
	out := make([]Expr, 0, len(chosen))
	for _, c := range chosen {
		start, end := toks[c.s].start, toks[c.e-1].end
		out = append(out, Expr{
			Text:      string(rs[start:end]),
			Start:     start,
			End:       end,
			Date:      dayTime(c.day),
			Calendar:  c.cal,
			Precision: c.prec,
			Relative:  c.rel,
			HasYear:   c.hasYear,
			Weekday:   c.weekday,
			Time:      c.time,
			Offset:    c.offset,
			Pinned:    c.pinned,
		})
	}
	return out
}

// ErrNoDate is returned by Parse for a string without a date.
var ErrNoDate = errors.New("when: no date")

// metaLayouts are the machine formats of HTML metadata and feeds, tried
// before the text grammar because they carry a time zone.
var metaLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006 15:04:05 Z",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
}

// Parse reads one whole string as a date, as found in metadata: RFC 3339
// and the other formats of HTML meta tags and feeds ("2024-05-14T15:07:00+04:30",
// "Tue, 14 May 2024 15:07:00 GMT"), or a written date such as
// "Tuesday 14 May 2024 - 15:07", "۱۴۰۳/۰۲/۲۵" or "25 ثور 1403". For a
// machine format the date is the calendar day in the zone written. Otherwise
// it returns the first expression Find sees, preferring one with a full day.
func Parse(s, lang string, ref time.Time) (Expr, error) {
	trimmed := strings.TrimSpace(s)
	if e, ok := parseMeta(Digits(trimmed)); ok {
		e.Start = utf8.RuneCountInString(s[:strings.Index(s, trimmed)])
		e.End = e.Start + utf8.RuneCountInString(trimmed)
		e.Text = trimmed
		return e, nil
	}
	exprs := Find(s, lang, ref)
	if len(exprs) == 0 {
		return Expr{}, fmt.Errorf("%w in %q", ErrNoDate, s)
	}
	for _, e := range exprs {
		if e.Precision == "day" {
			return e, nil
		}
	}
	return exprs[0], nil
}

func parseMeta(s string) (Expr, bool) {
	for _, layout := range metaLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		y, mo, d := t.Date()
		return Expr{
			Date:      time.Date(y, mo, d, 0, 0, 0, 0, time.UTC),
			Calendar:  Gregorian,
			Precision: "day",
			HasYear:   true,
			Weekday:   strings.HasPrefix(layout, "Mon") && strings.HasPrefix(s, t.Format("Mon")),
			Time:      t.Format("15:04"),
		}, true
	}
	return Expr{}, false
}
