package extract

import (
	"github.com/khabar-news/khabar/internal/script"

	_ "embed"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The word lists live in plain text files so that a user can extend them
// for a new site or language without touching the code. Their formats are
// described at the top of each file.
var (
	//go:embed data/chrome.txt
	chromeData string
	//go:embed data/labels.txt
	labelsData string
	//go:embed data/datewords.txt
	dateWordsData string
)

// maxPrefixWords and maxWildcardWords bound the lines that a prefix or a
// contains phrase may match: a long line that happens to begin with
// "Photo" or to mention copyright is prose. A copyright footer can be long,
// a caption credit is not.
const (
	maxPrefixWords   = 12
	maxWildcardWords = 25
)

// phrase is one chrome entry, as a match key.
type phrase struct {
	key  string
	stop bool // the phrase ends the article
}

// label is one header label, as a sequence of folded runes.
type label struct {
	kind  string // published, updated, code, author
	runes []rune
}

// lexicon is the parsed word lists, built once per Extractor from the
// embedded files.
type lexicon struct {
	exact    map[string]bool // key → stop
	prefix   []phrase
	contains []phrase
	labels   []label // longest first
	agencies map[string]bool
	dateWord map[string][]string // key → sections (month, weekday, clock, ago, unit)
}

func loadLexicon() *lexicon {
	lex := &lexicon{
		exact:    make(map[string]bool),
		agencies: make(map[string]bool),
		dateWord: make(map[string][]string),
	}
	for _, l := range dataLines(chromeData) {
		stop := strings.HasPrefix(l, "!")
		l = strings.TrimPrefix(l, "!")
		pre := strings.HasPrefix(l, "*")
		suf := strings.HasSuffix(l, "*")
		// Inner stars ("*rights*reserved*") split a contains phrase into
		// parts that must appear in order.
		key := strings.Join(mapSplit(strings.Trim(l, "*"), "*", matchKey), "*")
		if key == "" {
			continue
		}
		switch {
		case pre && suf:
			lex.contains = append(lex.contains, phrase{key, stop})
		case suf:
			lex.prefix = append(lex.prefix, phrase{key, stop})
		default:
			lex.exact[key] = lex.exact[key] || stop
		}
	}
	section := ""
	for _, l := range dataLines(labelsData) {
		if s, ok := sectionName(l); ok {
			section = s
			continue
		}
		if section == "agency" {
			lex.agencies[matchKey(l)] = true
			continue
		}
		if r := labelRunes(l); len(r) > 0 {
			lex.labels = append(lex.labels, label{section, r})
		}
	}
	sort.SliceStable(lex.labels, func(i, j int) bool {
		return len(lex.labels[i].runes) > len(lex.labels[j].runes)
	})
	section = ""
	for _, l := range dataLines(dateWordsData) {
		if s, ok := sectionName(l); ok {
			section = s
			continue
		}
		for _, w := range strings.Fields(l) {
			if k := matchKey(w); k != "" {
				if !slices.Contains(lex.dateWord[k], section) {
					lex.dateWord[k] = append(lex.dateWord[k], section)
				}
			}
		}
	}
	return lex
}

// dataLines returns the non-empty, non-comment lines of a data file.
func dataLines(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func sectionName(l string) (string, bool) {
	if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
		return strings.TrimSpace(l[1 : len(l)-1]), true
	}
	return "", false
}

func mapSplit(s, sep string, f func(string) string) []string {
	parts := strings.Split(s, sep)
	out := parts[:0]
	for _, p := range parts {
		if k := f(p); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// chrome reports whether a line is a chrome phrase, and whether that
// phrase ends the article.
func (lex *lexicon) chrome(line string, words int) (isChrome, stop bool) {
	key := matchKey(line)
	if key == "" {
		return false, false
	}
	if stop, ok := lex.exact[key]; ok {
		return true, stop
	}
	if words > maxWildcardWords {
		return false, false
	}
	for _, p := range lex.prefix {
		if words > maxPrefixWords {
			break
		}
		if strings.HasPrefix(key, p.key) && wordBoundaryAfter(line, p.key) {
			return true, p.stop
		}
	}
	for _, p := range lex.contains {
		if containsInOrder(key, strings.Split(p.key, "*")) {
			return true, p.stop
		}
	}
	return false, false
}

// wordBoundaryAfter reports whether the letters of key, read from the
// start of line as matchKey reads them, end at the end of a word, so that
// the phrase "photo*" matches "Photo: AFP" but not "Photographers said".
func wordBoundaryAfter(line, key string) bool {
	rest := key
	for _, r := range line {
		if rest == "" {
			return !unicode.IsLetter(r) && r != '\u200c' && r != '\u200d' && r != 'ـ'
		}
		if r == 'ـ' || !unicode.IsLetter(r) {
			continue
		}
		k, size := utf8.DecodeRuneInString(rest)
		if foldRune(r) != k {
			return false
		}
		rest = rest[size:]
	}
	return rest == ""
}

func containsInOrder(s string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

// foldRune maps a rune to the form used for matching, the one the rest
// of khabar matches with (script.NormRune: lower case, and one letter for
// the letters the region's scripts write interchangeably).
func foldRune(r rune) rune { return script.NormRune(r) }

// matchKey reduces a line to its folded letters, dropping spaces, digits,
// punctuation, symbols, diacritics, tatweel and zero-width joiners. Two
// lines with the same key say the same words.
func matchKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 'ـ' || !unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// ignorable reports runes that label matching skips: spaces, zero-width
// joiners and marks, tatweel and Arabic diacritics.
func ignorable(r rune) bool {
	return unicode.IsSpace(r) || r == 'ـ' || r == '\u200c' || r == '\u200d' ||
		r == '\u200e' || r == '\u200f' || r == '\ufeff' || unicode.Is(unicode.Mn, r)
}

func labelRunes(l string) []rune {
	var out []rune
	for _, r := range l {
		if !ignorable(r) {
			out = append(out, foldRune(r))
		}
	}
	return out
}

// cutLabel matches lab at the start of line and returns the rest of the
// line. Spaces and joiners inside either are skipped, so "Publish date" also
// matches "Publishdate" and "PUBLISH  DATE". The label must end at a word
// boundary, or be glued to a capital letter as in "Publish dateTuesday",
// which is how copied pages join a label to its value.
func cutLabel(line string, lab []rune) (string, bool) {
	i, j := 0, 0
	var last rune
	for j < len(lab) {
		if i >= len(line) {
			return "", false
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if ignorable(r) {
			i += size
			continue
		}
		if foldRune(r) != lab[j] {
			return "", false
		}
		last = r
		i += size
		j++
	}
	rest := line[i:]
	next, _ := utf8.DecodeRuneInString(rest)
	if rest != "" && unicode.IsLetter(next) {
		glued := unicode.IsUpper(next) && unicode.IsLower(last)
		if !glued {
			return "", false
		}
	}
	return rest, true
}

// isDateWord reports whether word is listed in one of the given sections
// of the date words ("month", "weekday", "clock", "ago", "unit"). A word
// may be in several: "ساعت" is both a clock word and a unit.
func (lex *lexicon) isDateWord(word string, sections ...string) bool {
	k := matchKey(word)
	if k == "" {
		return false
	}
	for _, s := range lex.dateWord[k] {
		if slices.Contains(sections, s) {
			return true
		}
	}
	return false
}
