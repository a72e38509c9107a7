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
	_ "embed"
	"fmt"
	"os"
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

//go:embed data/cues.txt
var cuesFile string

//go:embed data/names.txt
var namesFile string

//go:embed data/stop.txt
var stopFile string

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
	// Discovery data (data/cues.txt, names.txt, stop.txt): cues by their
	// first normalised word, given names, name particles, stop words.
	cues                   map[string][]cue
	given, particle, stops map[string]bool
	// inner are words that may stand inside an organisation's name
	// though they end other names ("ملی", "کشور", "امور").
	inner map[string]bool
	// langStops are stop words of one language, keyed "lang:word"
	// (Arabic "على" is the Persian and Urdu name "علی"); family are
	// family names that are ordinary words ("ملک"), names only after a
	// given name.
	langStops, family map[string]bool
	// polity holds the rules of data/polity.txt by position.
	polity map[string][]polityRule
	// siblings are the state bodies by name and country (ownBodies).
	siblings map[string]string
}

type node struct {
	next map[string]*node
	hits []hit // aliases that end here
}

type hit struct {
	id    string
	upper bool  // the alias is written in Latin capitals: match capitals only
	langs uint8 // the languages whose name lists hold the alias (bit per gazetteer.Langs)
	// demonym: the alias is the entry's adjective ("Pakistani",
	// "الباكستاني"), derived from another of its names.
	demonym bool
}

// New builds a recognizer over every name of every entry in g.
func New(g *gazetteer.Gazetteer) *Recognizer {
	r := &Recognizer{g: g, root: &node{}, kindRank: map[string]int{}, common: map[string]bool{}}
	r.addCommon(lines(commonFile))
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
		norms := map[string]bool{}
		for name := range names {
			norms[script.Normalize(name)] = true
		}
		// A language's first name is the entry's own name, never an
		// adjective of another: "روسیه" is Russia, though "روس" is too.
		first := map[string]bool{e.Name: true}
		for _, l := range gazetteer.Langs {
			if len(e.Names[l]) > 0 {
				first[e.Names[l][0]] = true
			}
		}
		for name, langs := range names {
			w := script.Words(name)
			dem := !first[name] && isDemonym(script.Normalize(name), norms)
			r.add(w, name, e.ID, langs, dem)
			// Persian writers join compounds with a zero-width non-joiner
			// or nothing ("ایالات‌متحده"): the joined form is a name too.
			if len(w) > 1 && w[0][0] >= 0x80 {
				r.add([]string{strings.Join(w, "")}, name, e.ID, langs, dem)
			}
		}
	}
	r.loadCues()
	r.addSiblings()
	return r
}

// Load builds a recognizer as New does, with the user's own files added
// to the embedded discovery data: each file holds sections "[cues]",
// "[names]", "[stop]", "[common]" and "[polity]" in the formats of
// data/cues.txt, names.txt, stop.txt, common.txt and polity.txt.
func Load(g *gazetteer.Gazetteer, userFiles ...string) (*Recognizer, error) {
	r := New(g)
	for _, name := range userFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("entity: %w", err)
		}
		if err := r.addUser(string(b), name); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// adjSuffixes make an adjective of a name: Persian, Urdu and Arabic nisba
// (پاکستانی, امریکایی, الباكستانية, برطانوی) and English -i, -an, -ese.
var adjSuffixes = []string{"ییه", "یه", "یی", "ای", "وی", "ی", "یان", "یون", "یین", "ian", "ians", "an", "ans", "ese", "i", "is"}

// isDemonym reports whether the normalised alias is an adjective made
// from another name of the same entry.
func isDemonym(a string, names map[string]bool) bool {
	if strings.Contains(a, " ") {
		return false
	}
	a = strings.TrimPrefix(a, "ال")
	for _, suf := range adjSuffixes {
		st, ok := strings.CutSuffix(a, suf)
		if !ok || utf8.RuneCountInString(st) < 3 {
			continue
		}
		// Arabic drops a final alef or "یا" and the article for the
		// nisba: فرنسا فرنسي, بريطانيا بريطاني, الصين صيني.
		if names[st] || names[st+"ه"] || names[st+"ا"] || names[st+"یا"] || names["ال"+st] ||
			(suf == "وی" && names[st+"یه"]) {
			return true
		}
	}
	return false
}

func (r *Recognizer) add(words []string, name, id string, langs uint8, demonym bool) {
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
			n.hits[i].demonym = n.hits[i].demonym && demonym
			return
		}
	}
	n.hits = append(n.hits, hit{id: id, upper: isUpperLatin(name), langs: langs, demonym: demonym})
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
	// adjEndings are the suffixes above that make an adjective of a
	// place: "ایرانی" is Iranian, not Iran.
	adjEndings = map[string]bool{"یان": true, "یون": true, "یین": true, "یه": true, "یی": true, "ای": true, "ی": true}
)

// pluralSuffix are the Persian plural endings among suffixes.
var pluralSuffix = map[string]bool{"ها": true, "های": true, "هایی": true}

// minStem is the shortest stem left after peeling, in code points.
const minStem = 3

// form is one way a token may stand for a name word, and the suffix
// peeled to get it.
type form struct {
	s, suf string
	// article: the Arabic article was peeled off a name that has none
	// ("السورية" read as "سوریه"): with a feminine ending it is the
	// adjective, "Syrian".
	article bool
}

// forms returns the ways a token may stand for a name word: itself, then
// with a suffix peeled, and for the first word of a name with a prefix
// peeled too when the language writes clitics on words (Arabic, or an
// unknown language; not Persian "فرقه", which is no "ف" + "رقه"). A
// clitic before the article ("وال", "لل") leaves the article on the
// word, since names carry it ("للأمم" is "الأمم").
func forms(norm string, first, clitics bool) []form {
	out := []form{{s: norm}}
	peel := func(s string) {
		for _, suf := range suffixes {
			if st, ok := strings.CutSuffix(s, suf); ok && utf8.RuneCountInString(st) >= minStem {
				if suf == "s" && (st[len(st)-1] >= 0x80 || len(st) < 4) {
					continue // the English plural only on Latin words of 4 letters or more
				}
				out = append(out, form{s: st, suf: suf})
			}
		}
	}
	peel(norm)
	if first && clitics && norm != "" && norm[0] >= 0x80 {
		for _, p := range prefixes {
			if st, ok := strings.CutPrefix(norm, p); ok && utf8.RuneCountInString(st) >= minStem {
				out = append(out, form{s: st, article: strings.HasSuffix(p, "ال")})
				peel(st)
				if strings.HasSuffix(p, "ل") && p != "ل" {
					out = append(out, form{s: "ال" + st})
				}
			}
		}
	}
	return out
}

// adjectival reports whether peeling suf off a token left an adjective
// of stem rather than the name itself. After a final alef or waw, a
// Persian "ی" is the ezafe ("آمریکای شمالی"), and the word is the name.
func adjectival(stem, suf string) bool {
	if !adjEndings[suf] {
		return false
	}
	if suf == "ی" && (strings.HasSuffix(stem, "ا") || strings.HasSuffix(stem, "و")) {
		return false
	}
	return true
}

// match is an alias found at tokens [from, to).
type match struct {
	from, to int
	hits     []hit
	exact    bool
	adj      bool // the last word was read as an adjective of the name
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

// Mention is one name found in a text: the entity it names and how it was
// found.
type Mention struct {
	article.Span
	ID, Name, Type, Kind string
	// Adjectival is set for an adjective made from the name: "Pakistani
	// officials", "الجيش الباكستاني". It names the entity but is not a
	// name, as NER corpora count them.
	Adjectival bool
	// Discovered is set for a name the gazetteer does not hold, found by
	// its title, role or head word; its id is "new:" and its skeleton.
	Discovered bool
	// Polity is set for a country named as the state acting: the
	// possessor of a government, office-holder, ministry, army or team
	// ("نخست‌وزیر ژاپن", "حكومة باكستان", "پاکستان کی حکومت") or the
	// subject of a verb of saying or deciding ("ایران اعلام کرد",
	// "بھارت نے کہا"). Its Type is ORG; its ID stays the country's.
	Polity bool
}

// Find returns the entities the text mentions, in order of first mention,
// each with all its mentions. Offsets are code points into text. lang is
// the text's language: a one-word name counts only in the languages that
// list it (Pashto's word for a checkpost is a district's name in Dari),
// while longer names count in any.
//
// An entity's type is its mentions' type. A country the text names only
// as the state acting (Mention.Polity: "دولت ایران", "بھارت نے کہا") is
// an ORG; a country named at least once as a place ("in Iran") stays a
// LOC, so that the events stage may still place an incident in it. Its
// id and kind stay the country's either way.
func (r *Recognizer) Find(text, lang string) []article.Entity {
	var out []article.Entity
	index := map[string]int{}
	for _, m := range r.Mentions(text, lang) {
		k, ok := index[m.ID]
		if !ok {
			k = len(out)
			index[m.ID] = k
			out = append(out, article.Entity{ID: m.ID, Name: m.Name, Type: m.Type, Kind: m.Kind})
		}
		if !m.Polity && m.Type != out[k].Type {
			out[k].Type = m.Type // a place mention of a country met first as a polity
		}
		out[k].Mentions = append(out[k].Mentions, m.Span)
	}
	return out
}

// Mentions returns every name in the text, in text order: the
// gazetteer's names, names discovered by their cues, and the short forms
// ("Mujahid") of people named in full earlier on.
func (r *Recognizer) Mentions(text, lang string) []Mention {
	c := newContext(text, lang)
	bit := langBit(lang)
	var found []match
	for i := 0; i < len(c.toks); {
		m, ok := r.longest(c, i, bit, lang == "ar" || lang == "")
		if !ok {
			i++
			continue
		}
		found = append(found, m)
		i = m.to
	}
	ms := r.resolve(c, found)
	r.extendPeople(c, ms)
	ms = r.discover(c, lang, ms)
	ms = r.shortForms(c, ms)
	ms = r.markPolity(c, ms)
	r.ownBodies(c, ms)
	out := make([]Mention, 0, len(ms))
	for _, m := range ms {
		out = append(out, c.mention(m))
	}
	return out
}

// longest finds the longest alias starting at token i. No punctuation
// but a hyphen or a dot stands between a name's words: "کویت ، عمان" is
// no "بحر عمان".
func (r *Recognizer) longest(c *context, i int, bit uint8, clitics bool) (match, bool) {
	toks := c.toks
	var best match
	var walk func(n *node, j int, exact, adj bool, plural int)
	walk = func(n *node, j int, exact, adj bool, plural int) {
		// A plural word is no name's but the last's: "استانهای کرمان" is
		// "the provinces of Tehran, …", not "Tehran Province". A plural
		// place word before the rest of a place's name ("ولایت‌های
		// کندهار، پکتیکا") still says which place it is, but is left out
		// of the mention.
		from := i
		if plural == i && j-i >= 2 {
			from = i + 1
		}
		if len(n.hits) > 0 && j > i && (plural < 0 || plural == j-1 || from > i) {
			var hits []hit
			for _, h := range n.hits {
				if h.upper && !upperTokens(toks[i:j]) {
					continue
				}
				// A word in Latin letters in an Arabic-script text is
				// the English name ("CNN", "IBM" in an Arabic report).
				if j == i+1 && bit != 0 && h.langs&bit == 0 && !(latin(toks[i].Text) && h.langs&langBit("en") != 0) {
					continue
				}
				if j == i+1 && r.common[toks[i].Norm] && !nextToKind(toks, i) {
					continue
				}
				// A one-word name in the plural is an ordinary word's
				// plural ("کرمها", "پروانه‌ها", "پیروان" are no Kurram,
				// no Parwan, no Peru);
				// an adjective in the plural names its people
				// ("پاکستانی‌ها").
				if j == i+1 && plural == i && !h.demonym {
					continue
				}
				// Past a plural place word, the rest must be a name by
				// itself: "شهرهای بزرگ" ("big cities") is no Shahr-e Bozorg,
				// while "ولایت‌های کندهار" is Kandahar Province.
				if from > i && !r.isName(c, from, j, bit, clitics) {
					continue
				}
				hits = append(hits, h)
			}
			if len(hits) > 0 && (j > best.to || (j == best.to && exact && !best.exact)) {
				best = match{from: from, to: j, hits: hits, exact: exact, adj: adj || (j == i+1 && hits[0].demonym)}
			}
		}
		if j >= len(toks) || n.next == nil || (j > i && c.breaks(j-1)) {
			return
		}
		for k, f := range forms(toks[j].Norm, j == i, clitics) {
			if c := n.next[f.s]; c != nil {
				pl := plural
				if pl < 0 && (pluralSuffix[f.suf] || (f.suf == "ان" && j == i)) {
					pl = j // "ان" makes the plural of people: "پیروان"
				}
				walk(c, j+1, exact && k == 0, (f.suf != "" && adjectival(f.s, f.suf)) || (f.article && strings.HasSuffix(f.s, "یه")), pl)
			}
		}
	}
	walk(r.root, i, true, false, -1)
	return best, best.to > best.from
}

// isName reports whether tokens [from, to) are by themselves a name.
func (r *Recognizer) isName(c *context, from, to int, bit uint8, clitics bool) bool {
	m, ok := r.longest(c, from, bit, clitics)
	return ok && m.from == from && m.to == to
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
// share. An ambiguous name goes to the entry of the type its cue calls
// for (a person after "General", a place after "district"), then to the
// entry whose parents the article also mentions (the Ministry of Defence
// of the country in the story), then to the more general place.
func (r *Recognizer) resolve(c *context, found []match) []span {
	certain := map[string]int{}
	for _, m := range found {
		if len(m.hits) == 1 {
			certain[m.hits[0].id]++
		}
	}
	out := make([]span, 0, len(found))
	for _, m := range found {
		id := m.hits[0].id
		if len(m.hits) > 1 {
			id = r.choose(m.hits, certain, r.cueType(c, m.from))
		}
		e := r.g.Get(id)
		from := m.from
		switch e.Type {
		case "PER":
			from = r.afterCues(c, m.from, m.to, "PER")
		case "LOC", "ORG":
			from = r.afterCues(c, m.from, m.to, e.Type)
		}
		out = append(out, span{from: from, to: m.to, id: id, name: e.Name, typ: e.Type, kind: e.Kind, adj: m.adj})
	}
	return out
}

func (r *Recognizer) choose(hits []hit, certain map[string]int, typ string) string {
	type cand struct {
		id          string
		cue, ctx    int
		rank, order int
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
			if typ != "" && e.Type == typ {
				c.cue = 1
			}
		}
		cands[i] = c
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].cue != cands[b].cue {
			return cands[a].cue > cands[b].cue
		}
		if cands[a].ctx != cands[b].ctx {
			return cands[a].ctx > cands[b].ctx
		}
		return cands[a].rank < cands[b].rank
	})
	return cands[0].id
}

// afterCues returns the first token of a name in tokens [from, to)
// after the words of its type that open it: a person's titles
// ("الملك عبدالله" names "عبدالله", "آیت‌الله خامنه‌ای" "خامنه‌ای"), a
// place's kind word where the language writes it apart ("ضلع کرک",
// "قطاع غزة"). NER corpora leave them out of the name; the last word
// always stays.
func (r *Recognizer) afterCues(c *context, from, to int, typ string) int {
	for from < to-1 {
		qs, ends := r.cuesAt(c, from)
		next := from
		for k, q := range qs {
			if q.typ == typ && (q.pos == "before" || q.pos == "role") && ends[k] < to && ends[k] > next {
				next = ends[k]
			}
		}
		if next == from {
			break
		}
		from = next
	}
	return from
}
