package when

import (
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/script"
)

// Digits converts Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII,
// leaving everything else alone, so that numbers written in any of the
// region's scripts can be parsed with strconv. Each digit stays one code
// point, so offsets into the result match offsets into s.
func Digits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return digitValue(r) >= 0 && r > '9' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if v := digitValue(r); v >= 0 {
			return '0' + rune(v)
		}
		return r
	}, s)
}

// digitValue returns the value of an ASCII, Arabic-Indic or Persian digit,
// or -1.
func digitValue(r rune) int {
	if d, ok := script.Digit(r); ok {
		return d
	}
	return -1
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// A token is a word, a run of digits or one punctuation mark of the text.
// Matching works on tokens so that spelling variants, spaces and joiners do
// not have to be spelled out in every pattern; the code-point offsets keep
// the way back to the original text.
type token struct {
	kind       tokKind
	start, end int    // code points in the text
	norm       string // lookup form: see normalize; ASCII digits for tNum
	val        int    // value of a tNum (capped), or the rune of a tPunct
	ndig       int    // digits in a tNum
	upper      bool   // a word beginning with an upper-case letter
	space      bool   // white space separates it from the previous token
}

const zwnj, zwj = '\u200c', '\u200d'

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || r == zwnj || r == zwj
}

// tokenize splits runes into tokens. Format characters other than the
// joiners (bidi marks, for instance) are skipped without counting as space.
func tokenize(rs []rune) []token {
	var toks []token
	space := true
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case digitValue(r) >= 0:
			j, v := i, 0
			for j < len(rs) && digitValue(rs[j]) >= 0 {
				if v < 1e8 {
					v = v*10 + digitValue(rs[j])
				}
				j++
			}
			var b strings.Builder
			for _, c := range rs[i:j] {
				b.WriteRune('0' + rune(digitValue(c)))
			}
			toks = append(toks, token{kind: tNum, start: i, end: j, norm: b.String(), val: v, ndig: j - i, space: space})
			i, space = j, false
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) && digitValue(rs[j]) < 0 {
				j++
			}
			norm := normalize(string(rs[i:j]))
			if norm == "" { // joiners or marks alone
				i = j
				continue
			}
			toks = append(toks, token{kind: tWord, start: i, end: j, norm: norm, upper: unicode.IsUpper(r), space: space})
			i, space = j, false
		case unicode.IsSpace(r):
			i, space = i+1, true
		case unicode.Is(unicode.Cf, r):
			i++
		default:
			toks = append(toks, token{kind: tPunct, start: i, end: i + 1, norm: string(normPunct(r)), val: int(normPunct(r)), space: space})
			i, space = i+1, false
		}
	}
	return toks
}

// normPunct folds look-alike punctuation.
func normPunct(r rune) rune {
	switch r {
	case '،', '٫', '٬', '，':
		return ','
	case '–', '—', '−', '‐', '‑':
		return '-'
	case '٪':
		return '%'
	case '۔':
		return '.'
	case '∶', '：':
		return ':'
	}
	return r
}

// normalize folds the spelling variation of the region's scripts so that one
// table entry matches them all: Arabic and Persian yeh and kaf, Urdu and
// Arabic heh forms, hamza carriers, Pashto letters often typed with their
// Persian look-alikes, diacritics, tatweel and zero-width joiners, and Latin
// case.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		n := script.NormRune(r)
		if n < 0 {
			continue
		}
		if f, ok := lookalike[n]; ok {
			n = f
		}
		b.WriteRune(n)
	}
	return b.String()
}

// lookalike folds the Pashto and Urdu letters that writers often replace
// with their Persian look-alikes, beyond what script.NormRune folds.
var lookalike = map[rune]rune{
	'ٹ': 'ت', 'ڈ': 'د', 'ڑ': 'ر', 'ڼ': 'ن', 'ښ': 'ش', 'ږ': 'ژ', 'ځ': 'ز', 'څ': 'س',
}
