package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a line of a page is, before the body is chosen.
type kind int

const (
	kindBlank     kind = iota
	kindText           // prose or a headline: scored for the body
	kindChrome         // a chrome phrase, a menu, a slug or a relative time
	kindStop           // a chrome phrase that ends the article
	kindCopyright      // a copyright footer
	kindHeader         // a labelled header line, read into Meta
	kindDate           // an unlabelled date or clock line
)

// line is one unit of a page with the features that decide its fate.
type line struct {
	text     string
	kind     kind
	words    int
	terminal bool    // ends like a sentence
	inner    bool    // has clause punctuation inside (commas, semicolons)
	digits   float64 // share of digits among letters and digits
	slug     bool    // a Latin upper-case slug ("PAKISTAN-ATTACK/", "XS")
	repeated bool    // the same line occurs elsewhere on the page
	dup      bool    // a later copy of a long line
	label    string  // for kindHeader: published, updated, code, author
	value    string  // for kindHeader: the text after the label
}

// analyse classifies one line of text.
func analyse(s string, lex *lexicon) line {
	l := line{text: s}
	if s == "" {
		l.kind = kindBlank
		return l
	}
	fields := strings.Fields(s)
	l.words = len(fields)
	l.terminal = endsSentence(s)
	l.inner = strings.ContainsAny(s, ",،;؛")
	l.digits = digitShare(s)
	l.slug = isSlug(fields)

	if isChrome, stop := lex.chrome(s, l.words); isChrome {
		l.kind = kindChrome
		if stop {
			l.kind = kindStop
		}
		return l
	}
	if isCopyright(s, l.words) {
		l.kind = kindCopyright
		return l
	}
	if lab, val, ok := headerLabel(s, l.words, lex); ok {
		l.kind, l.label, l.value = kindHeader, lab, val
		return l
	}
	switch {
	case l.slug, isMenu(s), isRelativeTime(fields, lex):
		l.kind = kindChrome
	case isDateLine(fields, lex):
		l.kind = kindDate
	default:
		l.kind = kindText
	}
	return l
}

// isBody reports whether a text line may be part of the article: not a
// later copy of a long line, nor a short line repeated on the page.
func (l line) isBody() bool {
	return l.kind == kindText && !l.dup && !(l.repeated && l.words < 12)
}

// score is the line's contribution to the body score: prose counts for its
// length in words, headlines and short labels a little against it, chrome
// as much as a six-word sentence against it, and a phrase that ends the
// article without limit. The body is the run of lines with the highest
// sum, so it bridges an advertisement or a subheading inside the article
// but not a block of menus or a list of headlines around it.
func (l line) score() float64 {
	switch l.kind {
	case kindBlank:
		return 0
	case kindStop:
		return -1e6
	case kindText:
	default:
		return -6
	}
	if l.dup {
		return -2
	}
	w := float64(l.words)
	switch {
	case l.repeated && l.words < 12:
		return -4
	case l.digits > 0.4 && !l.terminal:
		return -3
	case l.terminal && l.words >= 5:
		return w
	case l.terminal:
		return w * 0.5
	case l.words >= 20:
		return w * 0.8
	case l.words >= 16:
		// Longer than a headline: prose whose final stop was lost.
		return w * 0.5
	case l.words >= 12 && l.inner:
		return 0.5
	case l.words < 4:
		return -2
	}
	return -1
}

// endsSentence reports whether s ends with sentence punctuation, looking
// past closing quotes and brackets. It knows the Arabic question mark and
// the Urdu full stop.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»›)]}*\u200f\u200e", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?؟۔…।:", r)
}

// digitShare is the share of digits, in any script, among the letters and
// digits of s.
func digitShare(s string) float64 {
	var letters, digits int
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters+digits == 0 {
		return 0
	}
	return float64(digits) / float64(letters+digits)
}

// isSlug reports a line made only of Latin capitals, digits and joiners,
// such as a wire photo slug ("PAKISTAN-ATTACK/") or a responsive-layout marker
// ("XS"). An upper-case headline of several words is not a slug.
func isSlug(fields []string) bool {
	if len(fields) == 0 || len(fields) > 3 {
		return false
	}
	upper, slash := 0, false
	for _, f := range fields {
		for _, r := range f {
			switch {
			case r >= 'A' && r <= 'Z':
				upper++
			case r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			case r == '/':
				slash = true
			default:
				return false
			}
		}
	}
	return upper > 0 && (len(fields) == 1 || slash)
}

// isMenu reports a line of short items joined by separators:
// "Home | World | Asia", "News » Afghanistan » Kabul".
func isMenu(s string) bool {
	seps := 0
	parts := strings.FieldsFunc(s, func(r rune) bool {
		if strings.ContainsRune("|•·►»›«‹▸◂∙⁄>", r) {
			seps++
			return true
		}
		return false
	})
	if seps < 2 || len(parts) < 3 {
		return false
	}
	words := 0
	for _, p := range parts {
		words += len(strings.Fields(p))
	}
	return words <= 4*len(parts) && !endsSentence(s)
}

// isCopyright reports a short copyright footer.
func isCopyright(s string, words int) bool {
	if words > maxWildcardWords {
		return false
	}
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "©") || strings.HasPrefix(strings.ToLower(t), "(c) ") ||
		(strings.Contains(t, "©") && words <= 12)
}

// isRelativeTime reports a short relative time such as "3 hours ago" or
// "۲ ساعت پیش", which a page shows beside teasers and comments.
func isRelativeTime(fields []string, lex *lexicon) bool {
	if len(fields) > 5 {
		return false
	}
	var num, unit, ago bool
	for _, f := range fields {
		unit = unit || lex.isDateWord(f, "unit")
		ago = ago || lex.isDateWord(f, "ago")
		num = num || hasDigit(f)
	}
	return num && unit && ago
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isDateLine reports an unlabelled date or clock line: short, made mostly
// of numbers and date words, with a month, a weekday, a time of day or a
// numeric date. A place name or two may stand among them ("Kabul").
func isDateLine(fields []string, lex *lexicon) bool {
	if len(fields) == 0 || len(fields) > 10 {
		return false
	}
	var dateToks, other int
	var digit, strong bool
	for _, f := range fields {
		f = strings.Trim(f, ",،.;:()[]|-–—/")
		if f == "" {
			continue
		}
		switch {
		case hasDigit(f):
			dateToks++
			digit = true
			if isClockOrNumericDate(f) {
				strong = true
			}
		case lex.isDateWord(f, "month", "weekday"):
			dateToks++
			strong = true
		case lex.isDateWord(f, "clock"):
			dateToks++
		case matchKey(f) == "":
			// punctuation only
		default:
			other++
		}
	}
	return digit && strong && other <= 2 && dateToks >= 2 && dateToks > other
}

// isClockOrNumericDate reports "04:42", "14/05/2024", "2024-05-14" and the
// like in any digit script.
func isClockOrNumericDate(f string) bool {
	groups, seps := 0, 0
	inDigits := false
	for _, r := range f {
		switch {
		case unicode.IsDigit(r):
			if !inDigits {
				groups++
			}
			inDigits = true
		case strings.ContainsRune(":/-.٫", r):
			seps++
			inDigits = false
		default:
			return false
		}
	}
	return groups >= 2 && seps >= 1
}

// headerLabel reads a labelled header line: a known label at the start,
// then a value of the right shape (a date for published and updated, an
// identifier for a story code, a short name for an author).
func headerLabel(s string, words int, lex *lexicon) (kindName, value string, ok bool) {
	if words > 14 {
		return "", "", false
	}
	for _, lab := range lex.labels {
		rest, ok := cutLabel(s, lab.runes)
		if !ok {
			continue
		}
		v := strings.TrimLeftFunc(rest, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(":：-–—|،,=\u200c\u200f\u200e", r)
		})
		v = strings.TrimSpace(v)
		if validHeaderValue(lab.kind, v, lex) {
			return lab.kind, v, true
		}
	}
	return "", "", false
}

func validHeaderValue(kindName, v string, lex *lexicon) bool {
	fields := strings.Fields(v)
	switch kindName {
	case "published", "updated":
		if v == "" {
			// A bare label; its date may be on the next line.
			return true
		}
		return hasDigit(v) && dateish(fields, lex)
	case "code":
		return len(fields) >= 1 && len(fields) <= 2 && hasDigit(v)
	case "author":
		return len(fields) >= 1 && len(fields) <= 6 && !hasDigit(v) && !endsSentence(v) &&
			nameCased(fields)
	}
	return false
}

// dateish reports whether a label's value looks like a date: a numeric
// date or clock, a month or weekday name, or mostly numbers.
func dateish(fields []string, lex *lexicon) bool {
	var nums, other int
	for _, f := range fields {
		f = strings.Trim(f, ",،.;:()[]|-–—")
		switch {
		case f == "":
		case isClockOrNumericDate(f):
			return true
		case lex.isDateWord(f, "month", "weekday"):
			return true
		case hasDigit(f):
			nums++
		case matchKey(f) == "":
		default:
			other++
		}
	}
	return nums > 0 && nums >= other
}

// nameCased reports whether the Latin words of a name start with a
// capital, as in "By Jane Doe", or name an unnamed writer ("By our
// correspondent"); "By-election postponed" is no byline.
// Arabic-script names have no case and always pass.
func nameCased(fields []string) bool {
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if r < 0x250 && unicode.IsLetter(r) && !unicode.IsUpper(r) {
			switch strings.ToLower(f) {
			case "and", "de", "van", "von", "al", "bin", "ul", "ur",
				// An unnamed writer: "By our correspondent", "By a staff reporter".
				"our", "a", "staff", "special", "correspondent", "correspondents", "reporter", "reporters", "desk":
				continue
			}
			return false
		}
	}
	return true
}
