package story

import (
	"github.com/khabar-news/khabar/internal/datafile"

	"bufio"
	"embed"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/script"
)

// The concept lexicon: news words of each language mapped to one concept
// (data/lexicon.txt documents the format).
//
//go:embed data
var dataFS embed.FS

// Term weights by kind of evidence. Entities say most; concepts (the
// lexicon's words) say what happened; numbers (casualty counts, sums)
// and name skeletons (names the gazetteer lacks, matched across scripts
// by their consonants) add what the others miss.
const (
	conceptWeight  = 0.35
	numberWeight   = 0.6
	skeletonWeight = 0.4
	// titleRepeat counts a title's terms this many times: a headline
	// says what the story is. (Counted twice, B-cubed F1 rose from 0.904
	// to 0.911 on the NTREX dev set, with the threshold retuned.)
	titleRepeat = 2
	// maxPhrase is the longest lexicon phrase, in words.
	maxPhrase = 4
)

// Featurizer turns an article into the terms story assignment compares.
// It is safe for concurrent use.
type Featurizer struct {
	// concepts maps a normalised word or phrase to its concept id, per
	// lexicon column (en, fa, ps, ur, ar), plus "" for all columns at once.
	// A word is looked up only in its article's language: Urdu "اور"
	// ("and") is Pashto for fire, and Urdu "میں" ("in") is written like
	// the Dari word for a mine.
	concepts map[string]map[string]string
	// skip holds, per column, the words too common to be a name skeleton.
	skip map[string]map[string]bool
}

// lexiconLangs are the lexicon's columns, in order.
var lexiconLangs = []string{"en", "fa", "ps", "ur", "ar"}

// column returns the lexicon column for an article language: its own
// when the lexicon has one, else all columns together.
func column(lang string) string {
	if slices.Contains(lexiconLangs, lang) {
		return lang
	}
	return ""
}

// NewFeaturizer loads the embedded lexicon and any user lexicon files.
func NewFeaturizer(userFiles ...string) (*Featurizer, error) {
	f := &Featurizer{concepts: map[string]map[string]string{"": {}}, skip: map[string]map[string]bool{"": {}}}
	for _, l := range lexiconLangs {
		f.concepts[l], f.skip[l] = map[string]string{}, map[string]bool{}
	}
	err := datafile.Read(dataFS, "data/*.txt", userFiles, func(r io.Reader, name string, _ bool) error {
		return f.read(r, name)
	})
	if err != nil {
		return nil, err // read's errors name the file
	}
	return f, nil
}

// read parses "concept: en words | fa words | ps words | ur words | ar
// words" lines.
func (f *Featurizer) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		concept, rest, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(concept) == "" {
			return fmt.Errorf("story: %s:%d: want concept: words | words …", name, n)
		}
		concept = strings.TrimSpace(concept)
		groups := strings.Split(rest, "|")
		if len(groups) > len(lexiconLangs) {
			return fmt.Errorf("story: %s:%d: %d groups; want at most %d (en | fa | ps | ur | ar)", name, n, len(groups), len(lexiconLangs))
		}
		for i, group := range groups {
			for _, w := range strings.Split(group, ",") {
				norm := strings.Join(script.Words(w), " ")
				if norm == "" {
					continue
				}
				for _, l := range []string{lexiconLangs[i], ""} {
					f.concepts[l][norm] = concept
					for _, part := range strings.Fields(norm) {
						f.skip[l][part] = true
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("story: %s: %w", name, err)
	}
	return nil
}

// Features returns what assignment reads of an article: its entities,
// the concepts of its title and text, the numbers it gives, and the
// consonant skeletons of the capitalised names it uses that no entity
// covers.
func (f *Featurizer) Features(a *article.Article) Member {
	m := Member{ArticleID: a.ID, Terms: map[string]float64{}, Lang: a.Lang, Source: a.Source}
	covered := map[int]bool{} // code points inside entity mentions
	for _, e := range a.Entities {
		w, ok := kindWeight[e.Kind]
		if !ok {
			w = 1
		}
		m.Terms["e:"+e.ID] = w * (1 + math.Log(float64(len(e.Mentions))))
		if e.Kind == "discovered" {
			continue // its words still count one by one, as skeletons
		}
		for _, s := range e.Mentions {
			for i := s.Start; i < s.End; i++ {
				covered[i] = true
			}
		}
	}
	counts := map[string]int{}
	col := column(a.Lang)
	for range titleRepeat {
		f.scan(col, a.Title, nil, counts)
	}
	f.scan(col, a.Text, covered, counts)
	for k, c := range counts {
		w := conceptWeight
		switch k[0] {
		case 'n':
			w = numberWeight
		case 'k':
			w = skeletonWeight
		}
		m.Terms[k] = w * (1 + math.Log(float64(c)))
	}
	m.Print = simhash(script.Words(a.Text))
	if a.Published != nil {
		m.Day = a.Published.UTC().Truncate(24 * time.Hour)
	} else if a.Fetched != nil {
		m.Day = a.Fetched.UTC().Truncate(24 * time.Hour)
	}
	return m
}

// scan counts the concept, number and skeleton terms of text. Tokens
// inside entity mentions (covered) are left to the entities.
func (f *Featurizer) scan(col, text string, covered map[int]bool, counts map[string]int) {
	concepts, skip := f.concepts[col], f.skip[col]
	toks := script.Tokens(text)
	for i := 0; i < len(toks); i++ {
		if covered[toks[i].Start] {
			continue
		}
		// The longest lexicon phrase starting here.
		found := 0
		for n := min(maxPhrase, len(toks)-i); n >= 1; n-- {
			parts := make([]string, n)
			for j := range n {
				parts[j] = toks[i+j].Norm
			}
			if c, ok := concepts[strings.Join(parts, " ")]; ok {
				counts["c:"+c]++
				found = n
				break
			}
		}
		if found > 0 {
			i += found - 1
			continue
		}
		t := toks[i]
		if c, ok := peeled(concepts, t.Norm); ok {
			counts["c:"+c]++
			continue
		}
		if isNumber(t.Norm) {
			if len(t.Norm) >= 2 || t.Norm >= "3" {
				counts["n:"+strings.TrimLeft(t.Norm, "0")]++
			}
			continue
		}
		if skip[t.Norm] || utf8.RuneCountInString(t.Norm) < 4 {
			continue
		}
		if k := script.Skeleton(t.Norm); len(k) >= 3 && nameLike(t, text) {
			counts["k:"+k]++
		}
	}
}

// Clitics and endings peeled off a word that is not in the lexicon as
// written: the Arabic conjunction, prepositions and article, and the
// plural endings of Persian, Pashto, Urdu and Arabic (normalised forms).
var (
	conceptPrefixes = []string{"وال", "بال", "فال", "لل", "ال", "و", "ب", "ل"}
	conceptSuffixes = []string{"هایی", "های", "ها", "ات", "ان", "ون", "ین", "ونه", "ی"}
)

// peeled looks a word up with a clitic or an ending taken off.
func peeled(concepts map[string]string, w string) (string, bool) {
	if w == "" || w[0] < 0x80 {
		return "", false
	}
	try := func(s string) (string, bool) {
		if utf8.RuneCountInString(s) < 3 {
			return "", false
		}
		c, ok := concepts[s]
		return c, ok
	}
	for _, p := range conceptPrefixes {
		if st, ok := strings.CutPrefix(w, p); ok {
			if c, ok := try(st); ok {
				return c, true
			}
		}
	}
	for _, sfx := range conceptSuffixes {
		if st, ok := strings.CutSuffix(w, sfx); ok {
			if c, ok := try(st); ok {
				return c, true
			}
		}
	}
	return "", false
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// nameLike keeps the tokens that may be names: in Latin script, the
// capitalised ones; in Arabic script, which has no capitals, all of them
// (the idf of common words' skeletons keeps them from counting much).
func nameLike(t script.Token, text string) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return true
}

// simhash folds the hashes of the text's three-word shingles into 64
// bits, each bit the majority of the shingles' bits: near-identical texts
// get near-identical prints. A text of fewer than ten words gets none.
func simhash(words []string) uint64 {
	if len(words) < 10 {
		return 0
	}
	var votes [64]int
	for i := 0; i+3 <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+3] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var p uint64
	for b := range 64 {
		if votes[b] > 0 {
			p |= 1 << b
		}
	}
	return p
}
