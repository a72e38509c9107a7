package pipeline

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/when"
)

// Dating is what publication-date inference found for one page.
type Dating struct {
	// Published is the publication time, zero when nothing dates the page.
	Published time.Time
	// From names the evidence that won: meta, header, dateline, relative
	// or fetched; "" when Published is zero.
	From string
	// Fetched is the capture time (the input's fetched, or the day the
	// page's own clock shows), zero when unknown. Clock says it came from
	// the page clock.
	Fetched time.Time
	Clock   bool
}

// Limits of the sanity checks on a publication date.
const (
	// maxAhead is how far past the capture time a publication date may
	// lie: time zones, and a day's slack for a clock read as a day.
	maxAhead = 36 * time.Hour
	// maxApart is how far a metadata date may lie from every date the
	// text writes before it is suspect: a CMS import stamp, a template's
	// year, an updated time that is the crawl time.
	maxApart = 2 * 365 * 24 * time.Hour
	// leadRunes bounds the part of the text where a relative day pinned
	// to a date ("yesterday, Monday (13 May)") dates the report.
	leadRunes = 1500
	// headLines is how many lines at the top of a page may hold a byline
	// or header date.
	headLines = 6
)

// candidate is one piece of evidence for the publication time.
type candidate struct {
	t    time.Time
	from string
	// ahead: after the capture time, so it loses to any sound evidence;
	// far: years from every date the text writes, so it loses to the
	// text's own evidence (not to the capture time).
	ahead, far bool
}

// Publication infers when a page was published. The evidence, strongest
// first:
//
//   - meta: the input's published, or the page's metadata;
//   - header: a labelled header line ("Published:", "تاریخ نشر"), or a
//     date written in the title or a byline or header line at the top;
//   - dateline: "KABUL, Afghanistan (Jan. 25, 2013) –";
//   - relative: the latest day the lead pins a relative day to, as in
//     "yesterday, Monday (13 May)", which was written on the 14th;
//   - fetched: the capture time.
//
// The order is weighed by sanity checks: a metadata or header date in the
// future of the capture time, or a metadata date years away from every date
// the text writes, is suspect and loses to any sound evidence after it.
// A page clock (the site's current date printed in its header) is a
// capture time, never a publication date: a page read months after it
// appeared still shows the day it was read, so it only counts as fetched.
func Publication(doc article.Document, page extract.Page, lang string) Dating {
	var d Dating
	if doc.Fetched != nil {
		d.Fetched = doc.Fetched.UTC()
	} else if page.Meta.Clock != "" {
		// A "clock" written as a dateline on a line of its own ("KABUL,
		// Afghanistan (Jan. 25, 2013)") is the article's dateline, not
		// the site's clock: headDates reads it.
		if e, err := when.Parse(page.Meta.Clock, lang, time.Time{}); err == nil && !isDateline(page.Meta.Clock, e) {
			d.Fetched, d.Clock = e.Date, true
		}
	}
	written := writtenDates(doc, page, lang)
	r := reader{lang: lang, ref: d.Fetched}
	if r.ref.IsZero() {
		r.floor = latest(written)
		r.ref = r.floor
		if r.ref.IsZero() {
			r.ref = time.Now().UTC()
		}
	}

	var cands []candidate
	add := func(t time.Time, from string, far bool) {
		ahead := !d.Fetched.IsZero() && t.Sub(d.Fetched) > maxAhead
		cands = append(cands, candidate{t: t, from: from, ahead: ahead, far: far})
	}
	if doc.Published != nil {
		t := doc.Published.UTC()
		add(t, "meta", farFromAll(t, written))
	}
	if page.Meta.Published != "" {
		if e, ok := r.parse(page.Meta.Published); ok {
			from := page.Meta.PublishedFrom
			if from == "" {
				from = "meta"
			}
			add(withClock(e), from, from == "meta" && farFromAll(e.Date, written))
		}
	}
	head, dateline := r.headDates(doc, page)
	if !head.IsZero() {
		add(head, "header", false)
	}
	if page.Meta.Dateline != "" {
		if e, ok := r.parse(page.Meta.Dateline); ok && e.Precision == "day" {
			add(e.Date, "dateline", false)
		}
	}
	if !dateline.IsZero() {
		add(dateline, "dateline", false)
	}
	if t, ok := r.relative(page.Text); ok {
		add(t, "relative", false)
	}
	if !d.Fetched.IsZero() {
		cands = append(cands, candidate{t: d.Fetched, from: "fetched"})
	}
	if c, ok := choose(cands); ok {
		d.Published, d.From = c.t, c.from
	}
	return d
}

// choose returns the first candidate that survives the sanity checks: one
// after the capture time never does while another is sound, and one far
// from the text's dates gives way to the text's own evidence after it.
// When none is sound, the first stands.
func choose(cands []candidate) (candidate, bool) {
	for i, c := range cands {
		if c.ahead {
			continue
		}
		if c.far && slices.ContainsFunc(cands[i+1:], func(o candidate) bool {
			return !o.ahead && !o.far && o.from != "fetched"
		}) {
			continue
		}
		return c, true
	}
	if len(cands) == 0 {
		return candidate{}, false
	}
	return cands[0], true
}

// reader reads the dates that may give the publication time: against the
// capture time when there is one; otherwise against the page's own
// latest date (floor), a date written without a year taking the first
// year that puts it on or after the floor, since a report is rarely older
// than the dates it gives (the dateline "(Sept. 8)" of a release numbered
// "2010-09-…" is 8 September 2010).
type reader struct {
	lang       string
	ref, floor time.Time
}

func (r reader) find(s string) []when.Expr {
	exprs := when.Find(s, r.lang, r.ref)
	for i, e := range exprs {
		if !r.floor.IsZero() && !e.HasYear && !e.Weekday && (!e.Relative || e.Pinned) {
			exprs[i].Date = notBefore(e, r.floor)
		}
	}
	return exprs
}

// parse reads s as a whole date, as when.Parse does.
func (r reader) parse(s string) (when.Expr, bool) {
	e, err := when.Parse(s, r.lang, r.ref)
	if err != nil {
		return e, false
	}
	if !r.floor.IsZero() && !e.HasYear && !e.Weekday && (!e.Relative || e.Pinned) {
		e.Date = notBefore(e, r.floor)
	}
	return e, true
}

// notBefore moves the date of e, written without a year, to the first
// year of its calendar that puts it on or after floor.
func notBefore(e when.Expr, floor time.Time) time.Time {
	t := e.Date
	for range 3 {
		if !t.Before(floor) {
			break
		}
		next, ok := addYears(t, e.Calendar, 1)
		if !ok {
			break
		}
		t = next
	}
	for range 3 {
		prev, ok := addYears(t, e.Calendar, -1)
		if !ok || prev.Before(floor) {
			break
		}
		t = prev
	}
	return t
}

// addYears moves t by n years of the calendar cal, keeping its month and
// day there; ok is false when that day does not exist in the other year.
func addYears(t time.Time, cal string, n int) (time.Time, bool) {
	var out time.Time
	var err error
	switch cal {
	case when.Persian:
		y, m, d := when.GregorianToPersian(t)
		out, err = when.PersianToGregorian(y+n, m, d)
	case when.Islamic:
		y, m, d := when.GregorianToIslamic(t)
		out, err = when.IslamicToGregorian(y+n, m, d)
	default:
		if t.Month() == time.February && t.Day() == 29 {
			return t, false
		}
		out = t.AddDate(n, 0, 0)
	}
	return out, err == nil
}

// date sets the article's publication time and capture time and finds
// the dates its text writes, resolved against the publication day.
func date(a *article.Article, doc article.Document, page extract.Page) {
	d := Publication(doc, page, a.Lang)
	if d.Clock {
		fetched := d.Fetched
		a.Fetched = &fetched
	}
	ref := d.Fetched
	if d.From != "" {
		published := d.Published
		a.Published, a.PublishedFrom = &published, d.From
		ref = published
	}
	if ref.IsZero() {
		ref = latest(writtenDates(doc, page, a.Lang))
	}
	if ref.IsZero() {
		ref = time.Now().UTC()
	}
	for _, e := range when.Find(a.Text, a.Lang, ref) {
		a.Dates = append(a.Dates, article.Date{
			Text: e.Text, Start: e.Start, End: e.End, Date: e.Date.Format("2006-01-02"),
			Calendar: e.Calendar, Precision: e.Precision, Relative: e.Relative,
		})
	}
}

// writtenDates returns the dates with a year that the page writes in its
// title, its text and the top of the raw text (where a release number such
// as "2010-09-CA-125" may stand in a header line that extraction dropped),
// page clock excepted.
func writtenDates(doc article.Document, page extract.Page, lang string) []when.Expr {
	var out []when.Expr
	keep := func(s string) {
		for _, e := range when.Find(s, lang, time.Time{}) {
			if e.HasYear {
				out = append(out, e)
			}
		}
	}
	keep(page.Title)
	keep(page.Text)
	if raw := firstRunes(doc.Text, leadRunes); raw != "" {
		head := firstRunes(page.Text, 4*leadRunes)
		for _, line := range strings.FieldsFunc(raw, isLineBreak) {
			if line = strings.TrimSpace(line); !isClock(line, page.Meta.Clock) && !strings.Contains(head, line) {
				keep(line)
			}
		}
	}
	return out
}

// latest is the latest date with a year that the page writes, the floor
// for its publication date: a full day, or the first of the latest month
// it writes (a release number "2010-09-…"); zero when it writes none.
func latest(written []when.Expr) time.Time {
	var t time.Time
	for _, e := range written {
		if (e.Precision == "day" || e.Precision == "month") && e.Date.After(t) {
			t = e.Date
		}
	}
	return t
}

// farFromAll reports whether t lies years away from every dated day the
// text writes. A text that writes no such date gives no grounds for doubt.
func farFromAll(t time.Time, written []when.Expr) bool {
	dated := false
	for _, e := range written {
		if e.Precision != "day" && e.Precision != "month" {
			continue
		}
		dated = true
		if diff := t.Sub(e.Date); diff < maxApart && diff > -maxApart {
			return false
		}
	}
	return dated
}

// headDates reads the top of a page for dates: the title, and the lines
// before the first paragraph of body text, where bylines and header lines
// put the date ("By Staff Reporter | 14 May 2024", "Operational Update,
// Jan. 10, 2011"). The raw text's first lines count too, as extraction
// may drop a dated title as chrome. A header line is short and no
// sentence, and its date opens or closes it (see headerDate); a title may
// give the date without a year ("Dec. 6: Operations in …"). A date in parentheses after a place in capitals ("KABUL,
// Afghanistan (Jan. 25, 2013) –"), here or in the first paragraph, is a
// dateline the extractor did not mark; so is a page clock written that
// way, which extraction may take for the site's clock when it stands on a
// line of its own. Only full days count; the page clock is no header date.
func (r reader) headDates(doc article.Document, page extract.Page) (header, dateline time.Time) {
	type line struct {
		s     string
		title bool
	}
	var lines []line
	// top takes the first lines of text, up to the first paragraph of
	// body text when toBody is set; the raw text may open with a note or
	// a teaser before its header lines.
	top := func(text string, titled, toBody bool) {
		n := 0
		for _, l := range strings.FieldsFunc(firstRunes(text, leadRunes), isLineBreak) {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if n++; n > headLines {
				break
			}
			lines = append(lines, line{l, titled && n == 1})
			if toBody && isSentence(l) {
				break
			}
		}
	}
	top(page.Title, true, true)
	top(doc.Text, true, false)
	top(page.Text, false, true)
	if page.Meta.Clock != "" {
		lines = append([]line{{s: strings.TrimSpace(page.Meta.Clock)}}, lines...)
	}
	for _, l := range lines {
		clock := isClock(l.s, page.Meta.Clock)
		for _, e := range r.find(l.s) {
			if e.Precision != "day" || e.Relative {
				continue
			}
			if isDateline(l.s, e) {
				if dateline.IsZero() {
					dateline = e.Date
				}
				break
			}
			if clock {
				break
			}
			short := l.title && len(strings.Fields(l.s)) <= 14 || !isSentence(l.s)
			if header.IsZero() && short && (l.title || e.HasYear) && headerDate(l.s, e) {
				header = withClock(e)
			}
		}
	}
	return header, dateline
}

// isClock reports whether a line is, or holds, the page clock.
func isClock(line, clock string) bool {
	clock = strings.TrimSpace(clock)
	return clock != "" && (strings.Contains(line, clock) || strings.Contains(clock, line))
}

// headerDate reports whether the date e dates a title or header line
// itself rather than an event it announces: it opens the line ("Dec. 6:
// Operations in …", "14 May 2024 | Kabul"), or closes it after a
// separator or a capitalised word ("By Staff Reporter | 14 May 2024",
// "Operational Update March 17, 2011"), not after a preposition
// ("Parliament to vote on 20 October").
func headerDate(line string, e when.Expr) bool {
	rs := []rune(line)
	before := strings.TrimSpace(string(rs[:e.Start]))
	after := strings.TrimSpace(string(rs[e.End:]))
	if before == "" {
		return true
	}
	if strings.TrimFunc(after, unicode.IsPunct) != "" {
		return false
	}
	last := []rune(before)[len([]rune(before))-1]
	if unicode.IsPunct(last) || unicode.IsSymbol(last) {
		return true
	}
	words := strings.Fields(before)
	return startsUpper(words[len(words)-1])
}

// isSentence reports whether a line reads as body text rather than a
// header: a dozen words or more, or a full stop at its end.
func isSentence(line string) bool {
	line = strings.TrimSpace(line)
	if len(strings.Fields(line)) >= 12 {
		return true
	}
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, "۔") || strings.HasSuffix(line, "؟") ||
		strings.HasSuffix(line, "?") || strings.HasSuffix(line, "!")
}

// isDateline reports whether the date e stands in line the way a dateline
// writes it: in parentheses after a place of one to four words that begin
// with capitals, the first in capitals throughout unless it opens the line
// ("KABUL, Afghanistan (Jan. 25, 2013)", "Kabul (Jan. 25)"), or, in
// Arabic script, which has no capitals, after a place of one or two words
// that opens the line ("کابل (۲۵ ثور ۱۴۰۳)").
func isDateline(line string, e when.Expr) bool {
	rs := []rune(line)
	before := strings.TrimSpace(string(rs[:e.Start]))
	after := strings.TrimSpace(string(rs[e.End:]))
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ")") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(before, "("))
	if len(words) == 0 {
		return false
	}
	if r := []rune(words[0])[0]; r >= 0x600 && r <= 0x6ff {
		return len(words) <= 2
	}
	k := len(words)
	for k > 0 && len(words)-k < 4 && startsUpper(words[k-1]) {
		k--
	}
	if k == len(words) {
		return false
	}
	first := strings.TrimRight(words[k], ",")
	return k == 0 || strings.ToUpper(first) == first
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

func firstRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// withClock adds the expression's clock time to its day.
func withClock(e when.Expr) time.Time {
	if t, err := time.Parse("15:04", e.Time); err == nil {
		return e.Date.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
	}
	return e.Date
}

// relative reads the publication date off the relative expressions that
// the lead pins to a date, as in "yesterday, Monday (13 May)": the article
// was written the day after the 13th. When several are pinned, the latest
// day they imply wins, as a report may recall an earlier "yesterday" it
// quotes. Only the lead paragraphs count, where reports place the news peg.
func (r reader) relative(text string) (time.Time, bool) {
	var last time.Time
	for _, e := range r.find(firstRunes(text, leadRunes)) {
		if e.Pinned && e.Precision == "day" {
			if t := e.Date.AddDate(0, 0, -e.Offset); t.After(last) {
				last = t
			}
		}
	}
	return last, !last.IsZero()
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}
