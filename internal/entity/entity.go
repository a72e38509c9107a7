// Package entity finds the gazetteer's actors and places in an article's
// text, in any of the region's scripts, and gives one id to one actor
// whatever the language it is named in.
//
// Matching runs over normalised word tokens (package script), so letter
// variants, diacritics and zero-width characters do not matter; Arabic
// clitics and Persian, Urdu and Arabic suffixes are peeled off when the
// whole token is not a name; and an alias written in capitals ("US",
// "TTP") matches only capitals, so that the English pronoun "us" is not
// the United States.
package entity

import (
	"bufio"
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/script"
)

//go:embed data/common.txt
var commonFile string

// kindWords are the words that, next to a one-word place name that is
// also an ordinary word, say that it is the place.
var kindWords = map[string]bool{}

func init() {
	for _, w := range []string{"district", "province", "city", "town", "village", "valley",
		"ولسوالی", "ولسوالۍ", "ولایت", "شهر", "شهرستان", "استان", "ضلع", "صوبہ", "شہر", "ښار", "ولسوالي", "ولاية", "مدينة", "مديرية"} {
		kindWords[script.Normalize(w)] = true
	}
}

// Recognizer finds gazetteer entries in text. It is safe for concurrent use.
type Recognizer struct {
	g      *gazetteer.Gazetteer
	common map[string]bool // normalised ordinary words that are also names
	root   *node
	// kindRank orders kinds for choosing between entries that share a name.
	kindRank map[string]int
}

type node struct {
	next map[string]*node
	hits []hit // aliases that end here
}

type hit struct {
	id    string
	upper bool  // the alias is written in Latin capitals: match capitals only
	langs uint8 // the languages whose name lists hold the alias (bit per gazetteer.Langs)
}

// New builds a recognizer over every name of every entry in g.
func New(g *gazetteer.Gazetteer) *Recognizer {
	r := &Recognizer{g: g, root: &node{}, kindRank: map[string]int{}, common: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(commonFile))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			r.common[script.Normalize(w)] = true
		}
	}
	for i, k := range []string{"country", "province", "city", "district", "division", "region", "border_crossing"} {
		r.kindRank[k] = i + 1
	}
	for _, e := range g.Entries() {
		names := map[string]uint8{e.Name: 1} // the canonical name is English
		for i, l := range gazetteer.Langs {
			for _, n := range e.Names[l] {
				names[n] |= 1 << i
			}
		}
		for name, langs := range names {
			w := script.Words(name)
			r.add(w, name, e.ID, langs)
			// Persian writers join compounds with a zero-width non-joiner
			// or nothing ("ایالات‌متحده"): the joined form is a name too.
			if len(w) > 1 && w[0][0] >= 0x80 {
				r.add([]string{strings.Join(w, "")}, name, e.ID, langs)
			}
		}
	}
	return r
}

func (r *Recognizer) add(words []string, name, id string, langs uint8) {
	if len(words) == 0 {
		return
	}
	n := r.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[w]
		if c == nil {
			c = &node{}
			n.next[w] = c
		}
		n = c
	}
	for i, old := range n.hits {
		if old.id == id {
			n.hits[i].langs |= langs
			return
		}
	}
	n.hits = append(n.hits, hit{id: id, upper: isUpperLatin(name), langs: langs})
}

// isUpperLatin reports an alias such as "US", "TTP" or "U.S." whose
// letters are all Latin capitals.
func isUpperLatin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if r > unicode.MaxLatin1 || !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// Prefixes are the Arabic clitics (conjunction, prepositions, article)
// that attach to a name; suffixes the Persian, Urdu and Arabic endings
// (plural, ezafe, adjective, possessive) and the English plural. Both are
// in normalised form, longest first.
var (
	prefixes = []string{"وال", "بال", "فال", "کال", "لل", "ال", "و", "ب", "ل", "ف"}
	suffixes = []string{"هایی", "های", "ها", "یان", "یون", "یین", "یه", "ین", "ون", "ان", "یی", "ای", "ی", "s"}
)

// minStem is the shortest stem left after peeling, in code points.
const minStem = 3

// forms returns the ways a token may stand for a name word: itself, then
// with a suffix peeled, and for the first word of a name with a prefix
// peeled too.
func forms(norm string, first bool) []string {
	out := []string{norm}
	peel := func(s string) {
		for _, suf := range suffixes {
			if st, ok := strings.CutSuffix(s, suf); ok && utf8.RuneCountInString(st) >= minStem {
				if suf == "s" && (st[len(st)-1] >= 0x80 || len(st) < 4) {
					continue // the English plural only on Latin words of 4 letters or more
				}
				out = append(out, st)
			}
		}
	}
	peel(norm)
	if first && norm != "" && norm[0] >= 0x80 {
		for _, p := range prefixes {
			if st, ok := strings.CutPrefix(norm, p); ok && utf8.RuneCountInString(st) >= minStem {
				out = append(out, st)
				peel(st)
			}
		}
	}
	return out
}

// match is an alias found at tokens [from, to).
type match struct {
	from, to int
	hits     []hit
	exact    bool
}

// langBit returns the bit of a language in hit.langs, 0 when the
// gazetteer has no names in it.
func langBit(lang string) uint8 {
	for i, l := range gazetteer.Langs {
		if l == lang {
			return 1 << i
		}
	}
	return 0
}

// Find returns the entities the text mentions, in order of first mention,
// each with all its mentions. Offsets are code points into text. lang is
// the text's language: a one-word name counts only in the languages that
// list it (Pashto's word for a checkpost is a district's name in Dari),
// while longer names count in any.
func (r *Recognizer) Find(text, lang string) []article.Entity {
	toks := script.Tokens(text)
	var found []match
	bit := langBit(lang)
	for i := 0; i < len(toks); {
		m, ok := r.longest(toks, i, bit)
		if !ok {
			i++
			continue
		}
		found = append(found, m)
		i = m.to
	}
	return r.resolve(text, toks, found)
}

// longest finds the longest alias starting at token i.
func (r *Recognizer) longest(toks []script.Token, i int, bit uint8) (match, bool) {
	var best match
	var walk func(n *node, j int, exact bool)
	walk = func(n *node, j int, exact bool) {
		if len(n.hits) > 0 && j > i {
			var hits []hit
			for _, h := range n.hits {
				if h.upper && !upperTokens(toks[i:j]) {
					continue
				}
				if j == i+1 && bit != 0 && h.langs&bit == 0 {
					continue
				}
				if j == i+1 && r.common[toks[i].Norm] && !nextToKind(toks, i) {
					continue
				}
				hits = append(hits, h)
			}
			if len(hits) > 0 && (j > best.to || (j == best.to && exact && !best.exact)) {
				best = match{from: i, to: j, hits: hits, exact: exact}
			}
		}
		if j >= len(toks) || n.next == nil {
			return
		}
		for k, f := range forms(toks[j].Norm, j == i) {
			if c := n.next[f]; c != nil {
				walk(c, j+1, exact && k == 0)
			}
		}
	}
	walk(r.root, i, true)
	return best, best.to > i
}

// nextToKind reports whether a word such as "district" or "ولسوالی"
// stands right before or after token i.
func nextToKind(toks []script.Token, i int) bool {
	return (i > 0 && kindWords[toks[i-1].Norm]) || (i+1 < len(toks) && kindWords[toks[i+1].Norm])
}

func upperTokens(toks []script.Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// resolve picks one entry for every match whose alias several entries
// share, and groups the mentions by entry. An ambiguous name goes to the
// entry whose parents the article also mentions (the Ministry of Defence
// of the country in the story), then to the more general place.
func (r *Recognizer) resolve(text string, toks []script.Token, found []match) []article.Entity {
	certain := map[string]int{}
	for _, m := range found {
		if len(m.hits) == 1 {
			certain[m.hits[0].id]++
		}
	}
	runes := []rune(text)
	var out []article.Entity
	index := map[string]int{}
	for _, m := range found {
		id := m.hits[0].id
		if len(m.hits) > 1 {
			id = r.choose(m.hits, certain)
		}
		e := r.g.Get(id)
		start, end := toks[m.from].Start, toks[m.to-1].End
		span := article.Span{Text: string(runes[start:end]), Start: start, End: end}
		k, ok := index[id]
		if !ok {
			k = len(out)
			index[id] = k
			out = append(out, article.Entity{ID: id, Name: e.Name, Type: e.Type, Kind: e.Kind})
		}
		out[k].Mentions = append(out[k].Mentions, span)
	}
	return out
}

func (r *Recognizer) choose(hits []hit, certain map[string]int) string {
	type cand struct {
		id        string
		ctx, rank int
		order     int
	}
	cands := make([]cand, len(hits))
	for i, h := range hits {
		c := cand{id: h.id, order: i}
		for _, a := range r.g.Ancestors(h.id) {
			c.ctx += certain[a.ID]
		}
		if e := r.g.Get(h.id); e != nil {
			c.rank = r.kindRank[e.Kind]
			if c.rank == 0 {
				c.rank = 100
			}
		}
		cands[i] = c
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].ctx != cands[b].ctx {
			return cands[a].ctx > cands[b].ctx
		}
		return cands[a].rank < cands[b].rank
	})
	return cands[0].id
}
