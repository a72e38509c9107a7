package when

import (
	"strings"
	"time"
	"unicode"
)

const (
	// leadSentences is how many sentences of the body EventDate reads:
	// news reports give the date of what they report in the lead, and
	// later sentences bring in background with dates of their own.
	leadSentences = 2
	// maxEventAge is how many days before publication a date in the lead
	// may lie and still be the news: older ones are background ("since 15
	// August 2021, when the Taliban took Kabul").
	maxEventAge = 31
)

// EventDate returns the date a report gives for the main event it
// reports, resolved against published (the publication day): the first
// day-precision date expression in the lead sentences that differs from
// the publication day and does not lie after it ("yesterday", "on
// Monday", "Jan. 23", "دیروز"). Expressions naming the publication day
// itself (the dateline, "today", "confirmed today") are passed over,
// because a lead such as "Today, forces confirmed a leader was arrested
// Sunday" reports on that day an event of another; when the lead gives no
// other day, the event is dated by the publication day, as in operational
// updates ("In the same area, coalition forces …") that report the day's
// events; the Expr returned then has no Text. Dates more than a month
// before publication are background, not the event. Without a publication
// day, the first full date the lead writes is taken; ok is false when
// there is none.
func EventDate(text, lang string, published time.Time) (Expr, bool) {
	var pub int
	if !published.IsZero() {
		pub = dayNumber(published)
	}
	start, end := lead(text, leadSentences)
	rs := []rune(text)
	for _, e := range Find(string(rs[start:end]), lang, published) {
		if e.Precision != "day" {
			continue
		}
		if published.IsZero() {
			if e.HasYear {
				return shift(e, start), true
			}
			continue
		}
		if n := dayNumber(e.Date); n < pub && pub-n <= maxEventAge {
			return shift(e, start), true
		}
	}
	if published.IsZero() {
		return Expr{}, false
	}
	return Expr{
		Date:      dayTime(pub),
		Calendar:  Gregorian,
		Precision: "day",
		HasYear:   true,
	}, true
}

// shift moves an expression found in a part of the text that begins at
// offset start to the offsets of the whole text.
func shift(e Expr, start int) Expr {
	e.Start += start
	e.End += start
	return e
}

// lead returns the code-point span of the first n sentences of the body
// of text: header lines (a title, a release number, a dateline on a line
// of its own: lines of fewer than minBodyWords words) are skipped, and a
// dateline that opens the first paragraph stays in, its date being the
// publication day's.
func lead(text string, n int) (start, end int) {
	const minBodyWords = 6
	rs := []rune(text)
	start = -1
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && !isLineBreak(rs[j]) {
			j++
		}
		if len(strings.Fields(string(rs[i:j]))) >= minBodyWords {
			start = i
			break
		}
		i = j + 1
	}
	if start < 0 {
		return 0, len(rs)
	}
	count := 0
	for k := start; k < len(rs); k++ {
		if isLineBreak(rs[k]) && k > start && isLineBreak(rs[k-1]) {
			return start, k // a blank line ends the paragraph
		}
		if sentenceEnd(rs, k) {
			count++
			if count == n {
				return start, k + 1
			}
		}
	}
	return start, len(rs)
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\u2028' || r == '\u2029' || r == '\r' }

// sentenceEnd reports whether rs[k] ends a sentence: a full stop,
// question or exclamation mark followed by space and not closing an
// abbreviation ("Jan. 25", "U.S. forces", "Gen. Smith") or a number.
func sentenceEnd(rs []rune, k int) bool {
	switch rs[k] {
	case '!', '?', '؟', '۔':
	case '.':
		// The word before: an initial or a short capitalised abbreviation
		// is no sentence end.
		w := k
		for w > 0 && unicode.IsLetter(rs[w-1]) {
			w--
		}
		word := string(rs[w:k])
		if len([]rune(word)) == 1 || abbreviations[strings.ToLower(word)] {
			return false
		}
	default:
		return false
	}
	if k+1 < len(rs) && !unicode.IsSpace(rs[k+1]) {
		return false
	}
	// The next word must not start with a digit or a lower-case letter.
	for j := k + 1; j < len(rs); j++ {
		if unicode.IsSpace(rs[j]) {
			continue
		}
		return !unicode.IsDigit(rs[j]) && !unicode.IsLower(rs[j])
	}
	return true
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "gov": true, "sen": true, "rep": true, "st": true,
	"no": true, "vs": true, "inc": true, "co": true, "corp": true, "jr": true, "sr": true,
}
