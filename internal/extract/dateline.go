package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDatelineRunes bounds how far into the first paragraph a dateline may
// reach; "DERA ISMAIL KHAN, Pakistan, Nov. 3 (Reuters) —" is about 50.
const maxDatelineRunes = 100

// findDateline returns the dateline that opens the first paragraph of
// text, delimiter included, or "". A dateline is a place, often with a date
// or an agency in parentheses, then a dash or colon:
//
//	KABUL, Afghanistan (Jan. 25, 2013) —
//	PESHAWAR, Nov 3 (Reuters) -
//	ISLAMABAD:
//	کابل (پژواک) –
//	پشاور (اے پی پی)
//	اسلام آباد:
//
// The place must be in capitals, or be followed by a parenthesis, or be a
// word or three before a spaced dash; a plain sentence with a colon, such
// as "Officials said: …", is no dateline.
func findDateline(text string, lex *lexicon) string {
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if first == "" {
		return ""
	}
	head := first
	if n := runeIndex(head, maxDatelineRunes); n < len(head) {
		head = head[:n]
	}
	di, dlen, colon := findDelimiter(head)
	if di < 0 {
		// Urdu papers often close the dateline with the agency's
		// parenthesis alone: "پشاور (اے پی پی) وزیر اعلیٰ نے …".
		return parenDateline(head, first, lex)
	}
	prefix := strings.TrimSpace(head[:di])
	rest := strings.TrimSpace(first[di+dlen:])
	if prefix == "" || rest == "" || strings.ContainsAny(prefix, "?!؟۔") {
		return ""
	}
	words := strings.Fields(prefix)
	if len(words) > 12 {
		return ""
	}
	before, _, hasParen := strings.Cut(prefix, "(")
	place, _, _ := strings.Cut(before, ",")
	place = strings.TrimSpace(place)
	ok := false
	switch {
	case capitalPlace(place):
		ok = true
	case hasParen && strings.Contains(prefix, ")") && len(strings.Fields(before)) <= 4 &&
		strings.TrimSpace(before) != "":
		ok = true
	case !colon && len(words) <= 3 && !hasDigit(prefix) && len(strings.Fields(rest)) >= 8:
		ok = true
	case colon && len(words) <= 2 && !hasDigit(prefix) && !hasLatin(prefix) && len(strings.Fields(rest)) >= 8:
		// "پشاور: …", "اسلام آباد: …": Urdu and Persian papers close the
		// place with a colon. In Latin script only capitals count, since
		// "Officials: …" is no place.
		ok = true
	}
	if !ok {
		return ""
	}
	return strings.TrimSpace(head[:di+dlen])
}

// findDelimiter finds the first dash or colon that can close a dateline
// and reports its byte offset, its length and whether it is a colon. A
// hyphen inside a word ("Tehreek-e-Taliban") does not count.
func findDelimiter(s string) (at, size int, colon bool) {
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '—', '–', ':', '-':
			if depth > 0 {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if r == '-' || r == ':' {
				// A colon or hyphen between digits is part of a time or a
				// date; a hyphen between letters joins a word.
				if unicode.IsDigit(prev) && unicode.IsDigit(next) {
					continue
				}
				if r == '-' && !unicode.IsSpace(prev) && prev != ')' {
					continue
				}
			}
			if r == ':' && !unicode.IsSpace(next) && next != utf8.RuneError {
				continue
			}
			n := utf8.RuneLen(r)
			// Take a doubled dash ("--") whole.
			if strings.HasPrefix(s[i+n:], "-") {
				n++
			}
			return i, n, r == ':'
		}
	}
	return -1, 0, false
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// capitalPlace reports a place written in Latin capitals, as wire datelines
// are: "KABUL", "NEW DELHI", "DERA ISMAIL KHAN".
func capitalPlace(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == ' ', r == '.', r == '-', r == '\'':
		default:
			return false
		}
	}
	return letters >= 3
}

// parenDateline handles a dateline closed by a parenthesis that credits an
// agency or a reporter, with no dash after it.
func parenDateline(head, first string, lex *lexicon) string {
	open := strings.Index(head, "(")
	if open <= 0 {
		return ""
	}
	closeAt := strings.Index(head[open:], ")")
	if closeAt < 0 {
		return ""
	}
	closeAt += open
	place := strings.TrimSpace(head[:open])
	if n := len(strings.Fields(place)); n == 0 || n > 3 || hasDigit(place) {
		return ""
	}
	if !lex.agencies[matchKey(head[open+1:closeAt])] {
		return ""
	}
	if len(strings.Fields(first[closeAt+1:])) < 3 {
		return ""
	}
	return strings.TrimSpace(head[:closeAt+1])
}

// runeIndex returns the byte offset of the n-th rune of s, or len(s).
func runeIndex(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
