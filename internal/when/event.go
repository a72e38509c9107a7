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
// before publication are background, not the event, and so is a date that
// names another incident ("the Dec. 2 attack", "Saturday's vote"). A day
// beside a verb of telling ("confirmed yesterday the death of …,
// Wednesday") is when the news was told: another day in the lead wins
// over it. Without a publication day, the first full date the lead writes
// is taken; ok is false when there is none.
func EventDate(text, lang string, published time.Time) (Expr, bool) {
	var pub int
	if !published.IsZero() {
		pub = dayNumber(published)
	}
	start, end := lead(text, leadSentences)
	rs := []rune(text)
	part := rs[start:end]
	// A day the lead gives to a report of the event ("confirmed
	// yesterday the death of …, Wednesday") is the day it was told, and
	// gives way to another day the lead gives.
	var told *Expr
	for _, e := range Find(string(part), lang, published) {
		if e.Precision != "day" {
			continue
		}
		if published.IsZero() {
			if !e.HasYear {
				continue
			}
		} else if n := dayNumber(e.Date); n >= pub || pub-n > maxEventAge {
			continue
		}
		if attributive(part, e, lang) {
			continue // "the Dec. 2 attack": another incident, named by its day
		}
		if reportingVerbNextTo(part, e, lang) {
			if told == nil {
				t := shift(e, start)
				told = &t
			}
			continue
		}
		return shift(e, start), true
	}
	if told != nil {
		return *told, true
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

// reportingVerbs are the verbs of telling that a date right beside dates
// the telling ("confirmed yesterday", "said Monday", "دیروز اعلام کرد",
// "پرون وویل", "أعلن أمس"), by language; English and Arabic put the date
// after the verb, Persian, Pashto and Urdu before it.
var reportingVerbs = map[string][]string{
	"en": {"said", "says", "confirmed", "confirms", "announced", "announces", "reported", "reports", "stated",
		"told", "added", "disclosed", "revealed", "acknowledged", "released"},
	"fa": {"گفت", "گفتند", "اعلام", "تایید", "تأیید", "افزود", "خبر"},
	"ps": {"وویل", "ویلي", "وايي", "اعلان", "تایید", "تایيد", "څرګنده", "زیاته"},
	"ur": {"کہا", "بتایا", "تصدیق", "اعلان"},
	"ar": {"أعلن", "اعلن", "أعلنت", "اعلنت", "أكد", "أكدت", "قال", "قالت", "ذكر", "ذكرت", "أفاد", "أفادت"},
}

// Told reports whether the date expression at code points [start, end) of
// text dates a telling ("said on May 7", "دیروز اعلام کرد") rather than
// what was told: a verb of telling stands right beside it.
func Told(text []rune, start, end int, lang string) bool {
	return reportingVerbNextTo(text, Expr{Start: start, End: end}, lang)
}

// reportingVerbNextTo reports whether the word next to the expression e in
// text (after it in Persian, Pashto and Urdu, before it elsewhere, and a
// preposition "on" passed over) is a verb of telling.
func reportingVerbNextTo(text []rune, e Expr, lang string) bool {
	lang, _, _ = strings.Cut(lang, "-")
	verbs := reportingVerbs[lang]
	if len(verbs) == 0 {
		return false
	}
	var word string
	switch lang {
	case "fa", "ps", "ur":
		words := strings.FieldsFunc(string(text[e.End:]), notWordRune)
		if len(words) > 0 {
			word = words[0]
		}
	default:
		words := strings.FieldsFunc(string(text[:e.Start]), notWordRune)
		if n := len(words); n > 0 {
			word = words[n-1]
			if strings.EqualFold(word, "on") && n > 1 {
				word = words[n-2]
			}
		}
	}
	for _, v := range verbs {
		if strings.EqualFold(word, v) {
			return true
		}
	}
	return false
}

// attributive reports an English date written as a modifier after an
// article ("the Dec. 2 attack", "the Aug. 8 suicide bombing") or as a
// possessive ("Saturday's election"): it names an incident the report
// refers back to, not the one it reports.
func attributive(text []rune, e Expr, lang string) bool {
	return Attributive(text, e.Start, e.End, e.Relative, lang)
}

// Attributive reports whether the date expression at code points
// [start, end) of text names another incident rather than dating the
// sentence's own: an English date after an article and before a noun
// ("the Dec. 2 attack"; relative expressions aside) or a possessive
// ("Saturday's election").
func Attributive(text []rune, start, end int, relative bool, lang string) bool {
	if lang, _, _ = strings.Cut(lang, "-"); lang != "en" || start < 0 || end > len(text) || start > end {
		return false
	}
	rest := string(text[end:])
	if strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
		return true // "during Saturday's election"
	}
	before := strings.FieldsFunc(string(text[:start]), notWordRune)
	after := strings.Fields(rest)
	if relative || len(before) == 0 || len(after) == 0 {
		return false
	}
	article := strings.ToLower(before[len(before)-1])
	next := []rune(after[0])
	return (article == "the" || article == "a" || article == "an" || article == "that" || article == "this") &&
		unicode.IsLower(next[0])
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '\u200c' }

// shift moves an expression found in a part of the text that begins at
// offset start to the offsets of the whole text.
func shift(e Expr, start int) Expr {
	e.Start += start
	e.End += start
	return e
}

// lead returns the code-point span of the first n sentences of the body
// of text: header lines (a title, a release number, a dateline on a line
// of its own: lines of fewer than minBodyWords words) and editors' notes
// in square brackets are skipped, and a dateline that opens the first
// paragraph stays in, its date being the publication day's. The lead runs
// on over a paragraph break after a full sentence (releases that give
// each sentence a paragraph); a line without a full stop before a blank
// line is a heading, passed over when body text follows.
func lead(text string, n int) (start, end int) {
	const minBodyWords = 6
	rs := []rune(text)
	heading := -1 // the first heading: the lead when no body follows
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && !isLineBreak(rs[j]) {
			j++
		}
		line := strings.TrimSpace(string(rs[i:j]))
		note := strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]")
		if !note && len(strings.Fields(line)) >= minBodyWords {
			e, head := leadFrom(rs, i, n)
			if !head {
				return i, e
			}
			if heading < 0 {
				heading = i
			}
			j = e
		}
		i = j + 1
	}
	if heading >= 0 {
		e, _ := leadFrom(rs, heading, n)
		return heading, e
	}
	return 0, len(rs)
}

// leadFrom returns the end of the first n sentences from start; heading
// is set when a blank line comes first after text without a full stop.
func leadFrom(rs []rune, start, n int) (end int, heading bool) {
	count, ended := 0, false
	for k := start; k < len(rs); k++ {
		if isLineBreak(rs[k]) && k > start && isLineBreak(rs[k-1]) && !ended {
			return k, count == 0
		}
		if sentenceEnd(rs, k) {
			count++
			if count == n {
				return k + 1, false
			}
			ended = true
		} else if !unicode.IsSpace(rs[k]) {
			ended = false
		}
	}
	return len(rs), false
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
