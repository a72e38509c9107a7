package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word of the text: letters, digits and the marks and
// zero-width characters inside them. Punctuation, hyphens and apostrophes
// end a token, so "ISIS-Khorasan" and "ISIS Khorasan" tokenise alike.
type Token struct {
	Text       string // as written
	Norm       string // Normalize(Text)
	Start, End int    // code-point offsets into the text
}

// Tokens splits text into word tokens with their code-point offsets.
func Tokens(text string) []Token {
	var toks []Token
	start, startByte := -1, 0
	cp := 0
	for i, r := range text {
		if wordRune(r) {
			if start < 0 {
				start, startByte = cp, i
			}
		} else if start >= 0 {
			toks = appendToken(toks, text[startByte:i], start, cp)
			start = -1
		}
		cp++
	}
	if start >= 0 {
		toks = appendToken(toks, text[startByte:], start, cp)
	}
	return toks
}

func appendToken(toks []Token, s string, start, end int) []Token {
	n := Normalize(s)
	if n == "" { // only diacritics or zero-width characters
		return toks
	}
	return append(toks, Token{Text: s, Norm: n, Start: start, End: end})
}

// Words returns the normalised tokens of text.
func Words(text string) []string {
	toks := Tokens(text)
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.Norm
	}
	return w
}

// sentenceEnd reports runes that end a sentence in the region's scripts:
// the full stop, the Urdu full stop (۔), question marks (? ؟) and !.
func sentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '۔', '।':
		return true
	}
	return false
}

// Sentence is a stretch of text with its code-point offsets.
type Sentence struct {
	Text       string
	Start, End int
}

// Sentences splits text into sentences at sentence-ending punctuation
// followed by space, and at line breaks. A full stop after a single
// capital letter or a short title ("U.S.", "Gen.") does not end one.
func Sentences(text string) []Sentence {
	var out []Sentence
	runes := []rune(text)
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Sentence{Text: string(runes[s:e]), Start: s, End: e})
		}
		start = end
	}
	for i, r := range runes {
		switch {
		case r == '\n':
			emit(i + 1)
		case sentenceEnd(r):
			next := i + 1
			for next < len(runes) && (runes[next] == '"' || runes[next] == '»' || runes[next] == ')' || runes[next] == '”') {
				next++
			}
			if next < len(runes) && !unicode.IsSpace(runes[next]) {
				continue
			}
			if r == '.' && abbreviation(runes[start:i]) {
				continue
			}
			emit(next)
		}
	}
	emit(len(runes))
	return out
}

// abbreviation reports whether the word before a full stop is an
// abbreviation rather than a sentence's last word.
func abbreviation(before []rune) bool {
	j := len(before)
	for j > 0 && !unicode.IsSpace(before[j-1]) {
		j--
	}
	w := string(before[j:])
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(before[j]) {
		return true // "U.S.", initials
	}
	switch strings.ToLower(strings.TrimLeft(w, "(\"")) {
	case "gen", "lt", "col", "maj", "capt", "mr", "mrs", "ms", "dr", "prof", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "vs", "etc":
		return true
	}
	return false
}
