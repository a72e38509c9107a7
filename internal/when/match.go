package when

import (
	"fmt"
	"strings"
)

// matcher holds one text being searched.
type matcher struct {
	toks   []token
	hits   [][]hit
	hint   langSet
	hasRef bool
	ref    int // day number of ref
}

// cand is a candidate expression over tokens [s, e).
type cand struct {
	s, e      int
	day       int // day number of Date
	cal, prec string
	rel       bool
	hasYear   bool
	weekday   bool
	time      string
	relDay    bool // yesterday, today, tomorrow and their kin
	offset    int  // for relDay: the days from ref it names (-1 yesterday)
	pinned    bool // a relDay that the text also writes as a date
}

// at returns the longest phrase of kind k beginning at token i.
func (m *matcher) at(i int, k kind) (hit, bool) {
	var best hit
	ok := false
	if i < 0 || i >= len(m.toks) {
		return best, false
	}
	for _, h := range m.hits[i] {
		if h.kind == k && (!ok || h.end > best.end) {
			best, ok = h, true
		}
	}
	return best, ok
}

// punct reports whether token i is one of the punctuation marks in set.
func (m *matcher) punct(i int, set string) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].kind == tPunct && strings.ContainsRune(set, rune(m.toks[i].val))
}

// adjacent reports whether token i follows token i-1 without space.
func (m *matcher) adjacent(i int) bool {
	return i > 0 && i < len(m.toks) && !m.toks[i].space
}

func (m *matcher) num(i int) (token, bool) {
	if i < 0 || i >= len(m.toks) || m.toks[i].kind != tNum {
		return token{}, false
	}
	return m.toks[i], true
}

// inNumber reports whether the number at token i is glued by punctuation to
// another number (3.14, 10:30, 1/2), which makes it part of something else.
func (m *matcher) inNumber(i int) bool {
	before := m.adjacent(i) && m.punct(i-1, ".:/-,") && m.adjacent(i-1) && m.toks[i-2].kind == tNum &&
		!m.rangeEnd(i)
	after := m.adjacent(i+1) && m.punct(i+1, ".:/,") && m.adjacent(i+2) && m.toks[i+2].kind == tNum
	return before || after
}

// rangeEnd reports whether the number at token i ends a range of days
// glued by a hyphen to a smaller short number that is itself not part of
// a longer number: the 26 of "24-26 August", not the 14 of "2024-05-14"
// nor the 1 of a score "2-1".
func (m *matcher) rangeEnd(i int) bool {
	k := i - 2
	return m.punct(i-1, "-") && m.toks[k].ndig <= 2 && m.toks[k].val < m.toks[i].val &&
		!(m.adjacent(k) && m.punct(k-1, ".:/-,"))
}

// core is a date written with a month name, before weekday and time.
type core struct {
	s, e      int
	y, mo, d  int
	cal       string
	hasYear   bool
	dayFirst  bool
	ambiguous bool // the month name is also an ordinary word
	strong    bool // a word such as ماه or سال, or an era, confirms it is a date
	wordDay   bool // the day is a word (یکم), not a number
	prec      string
}

// orders are the sequences in which a day (D), month name (M) and year (Y)
// are written. Longer orders are preferred; a yearless order needs ref.
// "YM" is how ICU writes a month of the year in Persian and Pashto
// ("۱۴۰۳ جوزا").
var orders = []string{"DMY", "MDY", "YMD", "DM", "MD", "MY", "YM"}

// coreAt matches a date with a month name starting at token i.
func (m *matcher) coreAt(i int) (core, bool) {
	var best core
	found := false
	for _, o := range orders {
		c, ok := m.order(o, i)
		if ok && (!found || c.e > best.e) {
			best, found = c, true
		}
	}
	return best, found
}

func (m *matcher) order(o string, i int) (core, bool) {
	c := core{s: i, prec: "day"}
	j := i
	// A leading word: "ماه مارچ", "برج حمل", Pashto "د ۲۰۰۷ د دسمبر".
	switch o[0] {
	case 'M':
		if h, ok := m.at(j, kFillMonth); ok && m.norm(j) != "of" {
			if _, ok := m.at(h.end, kMonth); ok {
				j, c.strong = h.end, true
			}
		}
	case 'Y':
		if m.norm(j) == "د" {
			j++
		}
	}
	for k := 0; k < len(o); k++ {
		if k > 0 {
			j = m.gap(j, o[k], &c)
		}
		var ok bool
		switch o[k] {
		case 'D':
			j, ok = m.dayAt(j, &c)
			c.dayFirst = strings.IndexByte(o, 'D') < strings.IndexByte(o, 'M')
		case 'M':
			j, ok = m.monthAt(j, &c)
		case 'Y':
			j, ok = m.yearAt(j, &c)
		}
		if !ok {
			return c, false
		}
	}
	c.e = j
	if o == "MY" || o == "YM" {
		c.prec = "month"
		c.d = 1
	}
	if c.hasYear && !plausibleYear(c.cal, c.y) {
		return c, false
	}
	if !c.hasYear && c.mo == 5 && c.cal == Gregorian && m.at1(c.e, kVerb) {
		return c, false
	}
	if c.ambiguous && !c.strong {
		// Also an ordinary word: accept it after a day number ("۱۰ تیر") or
		// with a year, never as "تیر ۱۰" alone, nor after a day written as
		// a word ("اول مهر" is also "first love"). A month and year alone
		// ("ثور ۱۴۰۳", "۱۴۰۳ ثور", "می ۲۰۲۴") must stand as a phrase of
		// their own, for "حمل ۱۴۰۰ تن" is "carrying 1400 tons" and "۱۴۰۰
		// حمل و نقل" 1400 transports.
		if c.prec == "month" && !m.phraseEnd(j) || c.prec == "day" && !c.hasYear && (!c.dayFirst || c.wordDay) {
			return c, false
		}
	}
	return c, true
}

// phraseEnd reports whether token j ends a phrase: the end of the text or
// a punctuation mark.
func (m *matcher) phraseEnd(j int) bool {
	return j >= len(m.toks) || m.toks[j].kind == tPunct
}

// gap skips what may stand between two parts of a date: a comma or an
// unspaced hyphen, and a word such as "of", "سال" or Pashto "د".
func (m *matcher) gap(j int, next byte, c *core) int {
	if m.punct(j, ",") || (m.punct(j, "-/") && !m.toks[j].space && m.adjacent(j+1)) {
		j++
	}
	var k kind
	switch next {
	case 'M':
		k = kFillMonth
	case 'Y':
		k = kFillYear
	default:
		k = kFillDay
	}
	if h, ok := m.at(j, k); ok {
		if k == kFillYear && m.norm(j) != "د" {
			c.strong = true
		}
		return h.end
	}
	return j
}

func (m *matcher) dayAt(j int, c *core) (int, bool) {
	t, ok := m.num(j)
	if !ok {
		// A day written as a word: Urdu یکم, Persian اول (the first).
		if h, ok := m.at(j, kDayWord); ok {
			if _, ok := m.at(h.end, kMonth); ok {
				c.d, c.wordDay = h.val, true
				return h.end, true
			}
		}
		return j, false
	}
	if t.ndig > 2 || t.val < 1 || t.val > 31 || m.inNumber(j) {
		return j, false
	}
	c.d = t.val
	j++
	if h, ok := m.at(j, kOrdinal); ok && (m.adjacent(j) || m.hint == langPS && h.langs == langPS) {
		j = h.end
	}
	return j, true
}

func (m *matcher) monthAt(j int, c *core) (int, bool) {
	h, ok := m.at(j, kMonth)
	if !ok {
		return j, false
	}
	c.mo, c.cal, c.ambiguous = h.val, h.cal, h.ambiguous
	j = h.end
	// "Jan. 25": the abbreviation's full stop, when a number follows.
	if h.latin && m.punct(j, ".") && m.adjacent(j) && j+1 < len(m.toks) && m.toks[j+1].kind == tNum {
		j++
	}
	if a, ok := m.at(j, kFillAfter); ok {
		j, c.strong = a.end, true
	}
	return j, true
}

func (m *matcher) yearAt(j int, c *core) (int, bool) {
	t, ok := m.num(j)
	if !ok || t.ndig != 4 || m.inNumber(j) {
		return j, false
	}
	c.y, c.hasYear = t.val, true
	j++
	if h, ok := m.at(j, kMarker); ok && (h.cal == c.cal || h.cal == "" && c.cal != Gregorian) {
		j, c.strong = h.end, true
	}
	if h, ok := m.at(j, kYearAfter); ok { // Pashto "د ۱۴۰۳ کال"
		j, c.strong = h.end, true
	}
	return j, true
}

// plausibleYear keeps years that news text dates in cal are written with,
// so that "14 May, 1500 people" is not a date in 1500.
func plausibleYear(cal string, y int) bool {
	switch cal {
	case Persian:
		return y >= 1100 && y <= 1600
	case Islamic:
		return y >= 1100 && y <= 1700
	}
	return y >= 1700 && y <= 2300
}

// numericAt matches an all-number date: 2024-05-14, 14/05/2024,
// ۱۴۰۳/۰۲/۲۵. The day comes first unless the year does, as in the region;
// a second number above 12 marks the American order.
func (m *matcher) numericAt(i int) (core, bool) {
	var n [3]token
	for k := range 3 {
		t, ok := m.num(i + 2*k)
		if !ok || (k > 0 && !m.adjacent(i+2*k)) {
			return core{}, false
		}
		n[k] = t
	}
	sep := m.toks[i+1]
	if !m.punct(i+1, "/-.") || !m.adjacent(i+1) || !m.punct(i+3, string(rune(sep.val))) || !m.adjacent(i+3) {
		return core{}, false
	}
	if m.adjacent(i) && m.punct(i-1, "/-.:") || m.adjacent(i+5) && m.punct(i+5, "/-.:") && m.adjacent(i+6) && m.toks[i+6].kind == tNum {
		return core{}, false
	}
	c := core{s: i, e: i + 5, prec: "day", hasYear: true}
	switch {
	case n[0].ndig == 4 && n[1].ndig <= 2 && n[2].ndig <= 2:
		c.y, c.mo, c.d = n[0].val, n[1].val, n[2].val
	case n[0].ndig <= 2 && n[1].ndig <= 2 && n[2].ndig == 4:
		c.d, c.mo, c.y = n[0].val, n[1].val, n[2].val
		if c.mo > 12 && c.d <= 12 {
			c.d, c.mo = c.mo, c.d
		}
	case n[0].ndig <= 2 && n[1].ndig <= 2 && n[2].ndig == 2:
		// A two-digit year, as short formats write it ("14/05/24",
		// "5/14/24"): Gregorian only, and with full stops only when day
		// and month have two digits too, as "1.2.24" is more likely a
		// version or a section number.
		if sep.val == '.' && (n[0].ndig != 2 || n[1].ndig != 2) {
			return core{}, false
		}
		c.d, c.mo, c.y = n[0].val, n[1].val, m.century(n[2].val)
		if c.mo > 12 && c.d <= 12 {
			c.d, c.mo = c.mo, c.d
		}
		c.cal = Gregorian
	default:
		return core{}, false
	}
	// An era after the date names its calendar; "هجری" alone says only
	// Hijri. Otherwise a year of 1300..1499 is Hijri: Lunar in Arabic and
	// Urdu, whose writers date by the Islamic calendar, else Solar.
	hijri := false
	if h, ok := m.at(c.e, kMarker); ok && c.cal == "" {
		c.cal, c.e, hijri = h.cal, h.end, h.cal == ""
	}
	if c.cal == "" {
		switch {
		case (hijri || c.y >= 1300 && c.y < 1500) && m.hint&(langAR|langUR) != 0:
			c.cal = Islamic
		case hijri || c.y >= 1300 && c.y < 1500:
			c.cal = Persian
		default:
			c.cal = Gregorian
		}
	}
	return c, plausibleYear(c.cal, c.y)
}

// century expands a two-digit year as ICU does, to the one within 80
// years before and 20 after ref, or, without ref, to 1950..2049.
func (m *matcher) century(yy int) int {
	if !m.hasRef {
		if yy < 50 {
			return 2000 + yy
		}
		return 1900 + yy
	}
	ry, _, _ := civilFromDays(m.ref)
	y := ry - floorMod(ry, 100) + yy
	switch {
	case y > ry+20:
		y -= 100
	case y <= ry-80:
		y += 100
	}
	return y
}

// yearMonthAt matches an ISO 8601 year and month, "2024-05", a date of
// month precision as release numbers and file names write it
// ("2010-09-CA-125"). Two digits that continue the year are a second year
// instead ("2010-11", the 2010–11 season) unless a code goes on after
// them, and a number glued on either side makes it part of something else
// (a full date, a range).
func (m *matcher) yearMonthAt(i int) (core, bool) {
	y, ok1 := m.num(i)
	mo, ok2 := m.num(i + 2)
	if !ok1 || !ok2 || y.ndig != 4 || mo.ndig != 2 || !m.punct(i+1, "-") || !m.adjacent(i+1) || !m.adjacent(i+2) {
		return core{}, false
	}
	code := m.adjacent(i+3) && m.punct(i+3, "-/") // "2010-11-S-277" is no range
	if mo.val < 1 || mo.val > 12 || mo.val == (y.val+1)%100 && !code {
		return core{}, false
	}
	if m.adjacent(i) && m.punct(i-1, "/-.:") ||
		m.adjacent(i+3) && m.punct(i+3, "/-.:") && m.adjacent(i+4) && m.toks[i+4].kind == tNum {
		return core{}, false
	}
	c := core{s: i, e: i + 3, y: y.val, mo: mo.val, d: 1, hasYear: true, prec: "month", cal: Gregorian}
	if c.y >= 1300 && c.y < 1500 {
		c.cal = Persian
		if m.hint&(langAR|langUR) != 0 {
			c.cal = Islamic
		}
	}
	return c, plausibleYear(c.cal, c.y)
}

// weekdayOf returns the weekday of day number n (1970-01-01 was a Thursday).
func weekdayOf(n int) int { return floorMod(n+4, 7) }

// resolve turns a core into a day number, inferring a missing year from ref
// and checking a weekday (-1 for none). It reports whether the weekday
// agreed; a disagreeing weekday is left out of the expression. For the
// tabular Islamic calendar, which may be a day or two off the calendar the
// writer used, the weekday corrects the day instead.
func (m *matcher) resolve(c core, wd int) (day int, wdOK, ok bool) {
	if c.hasYear {
		n, err := calendarDays(c.cal, c.y, c.mo, c.d)
		if err != nil {
			return 0, false, false
		}
		n, wdOK = fitWeekday(c.cal, n, wd)
		return n, wdOK, true
	}
	if !m.hasRef {
		return 0, false, false
	}
	// The latest such date up to 300 days back, as news mostly reports what
	// has happened; failing that, the nearest (a coming date, or an old one
	// whose year the writer thought obvious).
	ry := calendarYear(c.cal, m.ref)
	bestY, bestDist, pastY := 0, -1, 0
	for y := ry - 1; y <= ry+1; y++ {
		n, err := calendarDays(c.cal, y, c.mo, c.d)
		if err != nil {
			continue
		}
		if n <= m.ref && m.ref-n <= 300 {
			pastY = y
		}
		if dist := max(n-m.ref, m.ref-n); bestDist < 0 || dist < bestDist {
			bestY, bestDist = y, dist
		}
	}
	if bestDist < 0 {
		return 0, false, false
	}
	if pastY != 0 {
		bestY = pastY
	}
	if wd >= 0 && c.cal != Islamic {
		for y := bestY; y >= bestY-11; y-- {
			if n, err := calendarDays(c.cal, y, c.mo, c.d); err == nil && weekdayOf(n) == wd {
				return n, true, true
			}
		}
	}
	n, _ := calendarDays(c.cal, bestY, c.mo, c.d)
	n, wdOK = fitWeekday(c.cal, n, wd)
	return n, wdOK, true
}

func fitWeekday(cal string, n, wd int) (int, bool) {
	if wd < 0 {
		return n, false
	}
	if weekdayOf(n) == wd {
		return n, true
	}
	if cal == Islamic {
		for _, d := range []int{-1, 1, -2, 2} {
			if weekdayOf(n+d) == wd {
				return n + d, true
			}
		}
	}
	return n, false
}

// weekdayAt matches a weekday name at i, with a word such as "روز" or
// "يوم" before it (prefixed). Ambiguous names (Pashto اونۍ, Urdu پیر) are
// taken only when allowAmbiguous.
func (m *matcher) weekdayAt(i int, allowAmbiguous bool) (w hit, end int, prefixed, ok bool) {
	if h, ok := m.at(i, kOnPre); ok {
		if w, ok := m.at(h.end, kWeekday); ok && (allowAmbiguous || !w.ambiguous) {
			return w, w.end, true, true
		}
	}
	if w, ok := m.at(i, kWeekday); ok && (allowAmbiguous || !w.ambiguous) {
		return w, w.end, false, true
	}
	return hit{}, 0, false, false
}

// absoluteAt matches a written date starting at token i, with an optional
// weekday before or after it and a clock time after it. ext is a weekday
// named just before the match ("on Sunday (March 22)"), or -1: it guides the
// choice of a missing year like a weekday of the date's own.
func (m *matcher) absoluteAt(i, ext int) (cand, bool) {
	w, j, _, hasWD := m.weekdayAt(i, true)
	wd := w.val
	paren := false
	if hasWD {
		if m.punct(j, ",-") {
			j++
		}
		if m.punct(j, "(") {
			j, paren = j+1, true
		}
	} else {
		j = i
	}
	c, ok := m.coreAt(j)
	if !ok {
		c, ok = m.numericAt(j)
	}
	if !ok {
		c, ok = m.yearMonthAt(j)
	}
	if !ok {
		return cand{}, false
	}
	e := c.e
	if hasWD {
		if paren && m.punct(e, ")") {
			e++
		}
	} else if m.punct(e, ",") {
		// A weekday after the date, as ICU writes "۱۴۰۳ ثور ۲۵, سه‌شنبه".
		if w, we, _, ok := m.weekdayAt(e+1, true); ok {
			wd, hasWD = w.val, true
			j = we
		}
	}
	want := wdIf(hasWD, wd)
	if !hasWD {
		want = ext
	}
	day, wdOK, ok := m.resolve(c, want)
	if !ok {
		return cand{}, false
	}
	if !hasWD {
		wdOK = false
	}
	if hasWD && !wdOK {
		if c.s != i { // the weekday came first: the plain date is matched on its own
			return cand{}, false
		}
	} else if hasWD && c.s == i {
		e = j
	}
	out := cand{s: i, e: e, day: day, cal: c.cal, prec: c.prec, hasYear: c.hasYear, weekday: hasWD && wdOK}
	if t, te, ok := m.timeAt(out.e); ok && out.prec == "day" {
		out.time, out.e = t, te
	}
	return out, true
}

func wdIf(ok bool, wd int) int {
	if ok {
		return wd
	}
	return -1
}

// timeAt matches a clock time after a date: "15:07", "- 15:07",
// "at 3:07 pm", "T15:07:00+04:30", or with a place name between, as
// datelines do ("کابل ۰۴:۴۲").
func (m *matcher) timeAt(i int) (string, int, bool) {
	j := i
	if m.adjacent(j) && m.norm(j) == "t" {
		j++
	} else {
		if h, ok := m.at(j, kTimePre); ok {
			j = h.end
		}
		if j < len(m.toks) && m.toks[j].kind == tWord && len(m.hits[j]) == 0 && j+1 < len(m.toks) && m.toks[j+1].kind == tNum {
			j++ // a place name
		}
		if h, ok := m.at(j, kTimePre); ok && j > i {
			j = h.end
		}
	}
	hh, ok1 := m.num(j)
	mm, ok2 := m.num(j + 2)
	if !ok1 || !ok2 || !m.punct(j+1, ":") || !m.adjacent(j+1) || !m.adjacent(j+2) ||
		hh.ndig > 2 || hh.val > 24 || mm.ndig != 2 || mm.val > 59 {
		return "", i, false
	}
	h := hh.val
	j += 3
	if s, ok := m.num(j + 1); ok && m.punct(j, ":") && m.adjacent(j) && m.adjacent(j+1) && s.ndig == 2 {
		j += 2
		if f, ok := m.num(j + 1); ok && m.punct(j, ".") && m.adjacent(j) && m.adjacent(j+1) && f.ndig > 0 {
			j += 2
		}
	}
	switch {
	case m.adjacent(j) && m.norm(j) == "z":
		j++
	case m.adjacent(j) && m.punct(j, "+-") && m.adjacent(j+1) && m.toks[j+1].kind == tNum:
		j += 2
		if m.punct(j, ":") && m.adjacent(j) && m.adjacent(j+1) && m.toks[j+1].kind == tNum {
			j += 2
		}
	default:
		if a, ok := m.at(j, kAmPm); ok && h <= 12 {
			if a.val == 12 && h < 12 {
				h += 12
			} else if a.val == 0 && h == 12 {
				h = 0
			}
			j = a.end
		}
	}
	if z, ok := m.at(j, kZone); ok && m.toks[j].upper {
		j = z.end
	}
	if h == 24 {
		h = 0
	}
	return fmt.Sprintf("%02d:%02d", h, mm.val), j, true
}

// norm returns the lookup form of token i, or "" past the end.
func (m *matcher) norm(i int) string {
	if i < 0 || i >= len(m.toks) {
		return ""
	}
	return m.toks[i].norm
}

// rangeAt matches a range of days and reads it as its first day, with the
// month and year that the range writes once for both ends: "24-26 August
// 2024", "۲۴ تا ۲۶ اسد ۱۴۰۳", "24 Aug – 5 Sep 2024", "Aug. 24-26, 2024",
// and "28 Dec – 3 Jan 2025", which begins in 2024. The expression spans
// the whole range, so that its end is not read as a date of its own.
func (m *matcher) rangeAt(i int) (cand, bool) {
	// A range opens as a date does, with a number, a month name or a word
	// before one ("ماه", Pashto "د"): most tokens are none of these.
	if m.toks[i].kind != tNum && !m.at1(i, kMonth) && !m.at1(i, kFillMonth) && m.norm(i) != "د" {
		return cand{}, false
	}
	// A lone day, then a date: "24-26 August", "24 to 26 August". A spaced
	// dash is no range here: "Article 3 – 14 May 2024".
	if t, ok := m.num(i); ok && t.ndig <= 2 && t.val >= 1 && !(m.adjacent(i) && m.punct(i-1, ".:/-,")) {
		j, ok := m.rangeSep(i + 1)
		spaced := m.punct(i+1, "-") && (m.toks[i+1].space || !m.adjacent(i+2))
		if ok && !spaced {
			if c, ok := m.coreAt(j); ok && c.dayFirst && !c.wordDay && c.prec == "day" && c.d > t.val {
				c.s, c.d = i, t.val
				return m.rangeCand(c, c.e)
			}
		}
	}
	c1, ok := m.coreAt(i)
	if !ok || c1.prec != "day" || c1.hasYear {
		return cand{}, false
	}
	j, ok := m.rangeSep(c1.e)
	if !ok {
		return cand{}, false
	}
	// Two dates: "24 Aug – 5 Sep 2024", "Aug. 24 – Sept. 5, 2024".
	if c2, ok := m.coreAt(j); ok && c2.cal == c1.cal && c2.prec == "day" {
		if c2.hasYear {
			c1.y, c1.hasYear = c2.y, true
			if c1.mo > c2.mo || c1.mo == c2.mo && c1.d > c2.d {
				c1.y--
			}
		}
		return m.rangeCand(c1, c2.e)
	}
	// A month, a day, and the day the range ends: "Aug. 24-26, 2024".
	if t, ok := m.num(j); ok && !c1.dayFirst && t.ndig <= 2 && t.val > c1.d && t.val <= 31 {
		k := j + 1
		if m.punct(k, ",") {
			k++
		}
		if y, ok := m.num(k); ok && y.ndig == 4 && !m.inNumber(k) {
			c1.y, c1.hasYear = y.val, true
			return m.rangeCand(c1, k+1)
		}
		return m.rangeCand(c1, j+1)
	}
	return cand{}, false
}

// rangeSep returns the token after a range's separator at j: a dash or a
// word such as "to" or "تا".
func (m *matcher) rangeSep(j int) (int, bool) {
	if m.punct(j, "-") {
		return j + 1, true
	}
	if h, ok := m.at(j, kRangeSep); ok {
		return h.end, true
	}
	return j, false
}

// rangeCand resolves the first day of a range over tokens [c.s, e).
func (m *matcher) rangeCand(c core, e int) (cand, bool) {
	if c.hasYear && !plausibleYear(c.cal, c.y) {
		return cand{}, false
	}
	day, _, ok := m.resolve(c, -1)
	if !ok {
		return cand{}, false
	}
	return cand{s: c.s, e: e, day: day, cal: c.cal, prec: "day", hasYear: c.hasYear}, true
}
