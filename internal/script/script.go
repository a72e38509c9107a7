// Package script holds the text tools that every stage shares for the
// Arabic script (Arabic, Persian, Pashto, Urdu) and for Latin: a
// normalisation for matching, tokens with code-point offsets, sentences,
// and a Latin consonant skeleton that lets a name meet itself across
// scripts (ترامپ, ټرمپ, ٹرمپ and Trump all become "trmp").
//
// Normalisation is for matching only: stages keep and output the original
// text, and use the offsets of Token to point into it.
package script

import (
	"strings"
	"unicode"
)

// Zero-width characters that Persian and Urdu put inside words.
const (
	ZWNJ = '\u200c'
	ZWJ  = '\u200d'
)

// fold maps the letter variants that the region's languages and keyboards
// write for one letter to a single form. Retroflex letters that Pashto and
// Urdu encode differently (ټ/ٹ, ډ/ڈ, ړ/ڑ) meet too.
var fold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
	'ي': 'ی', 'ى': 'ی', 'ې': 'ی', 'ۍ': 'ی', 'ے': 'ی', 'ۓ': 'ی', 'ئ': 'ی', 'ێ': 'ی',
	'ك': 'ک', 'ڪ': 'ک',
	'ګ': 'گ',
	'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ە': 'ه', 'ۂ': 'ه', 'ۃ': 'ه',
	'ؤ': 'و', 'ۄ': 'و', 'ۆ': 'و',
	'ں': 'ن',
	'ټ': 'ٹ', 'ډ': 'ڈ', 'ړ': 'ڑ',
	'’': '\'', '‘': '\'', 'ʼ': '\'',
}

// Digit returns the value of an ASCII, Arabic-Indic or Persian digit.
func Digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '٠' && r <= '٩':
		return int(r - '٠'), true
	case r >= '۰' && r <= '۹':
		return int(r - '۰'), true
	}
	return 0, false
}

// ignorable reports characters that carry no meaning for matching:
// Arabic diacritics (harakat, shadda, superscript alef, Quranic marks),
// tatweel and the zero-width joiners.
func ignorable(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED,
		r >= 0x0610 && r <= 0x061A:
		return true
	case r == 0x0640, r == ZWNJ, r == ZWJ, r == 0x200E, r == 0x200F, r == 0xFEFF:
		return true
	}
	return false
}

// NormRune returns the matching form of one rune, or -1 when the rune is
// dropped.
func NormRune(r rune) rune {
	if ignorable(r) {
		return -1
	}
	if d, ok := Digit(r); ok {
		return rune('0' + d)
	}
	if f, ok := fold[r]; ok {
		return f
	}
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	}
	// Arabic presentation forms (from PDFs and old sites) have no
	// one-rune fold here; they are rare in news text.
	return unicode.ToLower(r)
}

// Normalize returns s in its matching form: letter variants folded, all
// digits ASCII, diacritics, tatweel and zero-width characters dropped,
// Latin lower-cased, runs of spaces made one.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		n := NormRune(r)
		if n < 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(n)
	}
	return b.String()
}

// IsArabicScript reports whether r is a letter of the Arabic script.
func IsArabicScript(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// wordRune reports whether r belongs inside a word token.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || ignorable(r)
}
