package entity

import (
	_ "embed"
	"strings"

	"github.com/khabar-news/khabar/internal/script"
)

//go:embed data/polity.txt
var polityFile string

// A polityRule is a line of data/polity.txt: a head noun or verb that,
// next to a country, says the country is the state acting.
type polityRule struct {
	pos   string   // of, poss, subj, verb, mod, place or other
	words []string // normalised
	langs []string // the languages it holds in; all when empty
}

func (q polityRule) holds(lang string) bool {
	return cue{langs: q.langs}.holds(lang)
}

// addPolity reads lines in the format of data/polity.txt.
func (r *Recognizer) addPolity(ls []string) {
	if r.polity == nil {
		r.polity = map[string][]polityRule{}
	}
	for _, l := range ls {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		pos, langs, _ := strings.Cut(f[0], "@")
		switch pos {
		case "of", "poss", "subj", "verb", "mod", "place", "other":
		default:
			continue
		}
		w := script.Words(strings.Join(f[1:], " "))
		if len(w) == 0 {
			continue
		}
		q := polityRule{pos: pos, words: w}
		if langs != "" {
			q.langs = strings.Split(langs, ",")
		}
		r.polity[pos] = append(r.polity[pos], q)
	}
}

// sameWord compares a token with a word of a rule. In Arabic a token
// may carry a one-letter conjunction or the article the rule's word
// lacks, or lack the article the rule's word has ("حكومة" and
// "والحكومة", "الخارجية" and "خارجية").
func sameWord(tok, w, lang string) bool {
	if tok == w {
		return true
	}
	if lang != "ar" {
		return false
	}
	bare := func(s string) string {
		if st, ok := peelConj(s); ok && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
			s = st
		}
		if st, ok := strings.CutPrefix(s, "ال"); ok && len([]rune(st)) >= 2 {
			s = st
		}
		return s
	}
	return bare(tok) == bare(w)
}

// wordsAt reports whether the rule's words stand at tokens [i, i+n),
// joined by spaces alone.
func (c *context) wordsAt(i int, words []string) bool {
	if i < 0 || i+len(words) > len(c.toks) {
		return false
	}
	for k, w := range words {
		if !sameWord(c.toks[i+k].Norm, w, c.lang) || (k > 0 && !c.joined(i+k-1)) {
			return false
		}
	}
	return true
}

// ruleAt reports whether a rule of the position stands at tokens
// starting at i (before set: ending right before i), joined to the
// name by spaces alone.
func (r *Recognizer) ruleAt(c *context, pos string, i int, before bool) bool {
	return r.ruleWhich(c, pos, i, before) != ""
}

// ruleWhich returns the words of the rule ruleAt finds, "" when none.
func (r *Recognizer) ruleWhich(c *context, pos string, i int, before bool) string {
	for _, q := range r.polity[pos] {
		if !q.holds(c.lang) {
			continue
		}
		start := i
		if before {
			start = i - len(q.words)
		}
		if c.wordsAt(start, q.words) {
			if before && start+len(q.words) < len(c.toks) && !c.joined(start+len(q.words)-1) {
				continue
			}
			if !before && i > 0 && !c.joined(i-1) {
				continue
			}
			return pos + " " + strings.Join(q.words, " ")
		}
	}
	return ""
}

// polityRule returns the rule that says the country named at tokens
// [from, to) is the state acting, "" when none does: the country is the
// possessor of a head noun before it (past at most two modifiers), or
// of one after a genitive postposition, the subject of a verb right
// after it (no preposition of place before it), or of a verb right
// before it.
func (r *Recognizer) polityRule(c *context, from, to int) string {
	for gap := 0; gap <= 2; gap++ {
		at := from - gap
		if gap > 0 && (at < 0 || !r.ruleAt(c, "mod", at+1, true) || !c.joined(at)) {
			break
		}
		if q := r.ruleWhich(c, "of", at, true); q != "" {
			return q
		}
	}
	if to < len(c.toks) && c.joined(to-1) {
		switch c.toks[to].Norm {
		case "کا", "کی", "کے":
			if q := r.ruleWhich(c, "poss", to+1, false); q != "" {
				return q
			}
		}
		if q := r.ruleWhich(c, "subj", to, false); q != "" && !r.ruleAt(c, "place", from, true) {
			return q
		}
		// A score after it: "ایران ۲ بر ۱ ژاپن", a national side.
		if c.lang == "fa" && to+2 < len(c.toks) && c.joined(to) && number(c.toks[to].Norm) && c.toks[to+1].Norm == "بر" {
			return "score"
		}
	}
	return r.ruleWhich(c, "verb", from, true)
}

// coordinated reports whether spans a and b (a first) are conjuncts:
// only a comma, or one "و", "اور", "and" between them, or an Arabic
// conjunction written on b's first word.
func (c *context) coordinated(a, b span) bool {
	switch b.from - a.to {
	case 0:
		if c.commaBefore(b.from) && !c.joined(b.from-1) {
			return true
		}
		return c.lang == "ar" && strings.HasPrefix(c.toks[b.from].Norm, "و") && c.joined(b.from-1)
	case 1:
		switch c.toks[a.to].Norm {
		case "و", "اور", "and":
			return c.joined(a.to-1) && c.joined(a.to)
		}
	}
	return false
}

// markPolity gives the type ORG to every country mention that names
// the state acting (polityRule), and to the countries coordinated with
// one or with an organisation ("روابط پاکستان و ترکیه", "قطر، ترکیه و
// عربستان اعلام کردند", "آمریکا و ناتو").
//
// A country after a word whose "other" rule says the name names
// something else ("زبان فرانسه", "دلار آمریکا") is dropped.
func (r *Recognizer) markPolity(c *context, ms []span) []span {
	country := func(s span) bool { return s.kind == "country" && !s.discovered }
	kept := ms[:0]
	for _, s := range ms {
		if country(s) && !s.adj && r.ruleAt(c, "other", s.from, true) {
			continue
		}
		kept = append(kept, s)
	}
	ms = kept
	for i := range ms {
		if country(ms[i]) {
			ms[i].polity = r.polityRule(c, ms[i].from, ms[i].to) != ""
		}
	}
	// An actor: a state, or an organisation that is no place.
	actor := func(s span) bool { return s.polity || (s.typ == "ORG" && s.kind != "country" && !s.adj) }
	for changed := true; changed; {
		changed = false
		for i := 0; i+1 < len(ms); i++ {
			a, b := &ms[i], &ms[i+1]
			if !c.coordinated(*a, *b) {
				continue
			}
			// With an organisation only "and" coordinates: a comma
			// often ends a clause ("… در شرق ترکیه، دولت قطر …").
			if (country(*a) && !a.polity && actor(*b) || country(*b) && !b.polity && actor(*a)) &&
				(country(*a) && country(*b) || b.from-a.to == 1) {
				a.polity = a.polity || country(*a)
				b.polity = b.polity || country(*b)
				changed = true
			}
		}
	}
	for i := range ms {
		if ms[i].polity {
			ms[i].typ = "ORG"
		}
	}
	return ms
}

// siblingKey is the key of Recognizer.siblings: an organisation's
// English name without its country ("Ministry of Foreign Affairs" of
// "Ministry of Foreign Affairs (Turkey)") and the country's id.
func siblingKey(base, country string) string { return base + "|" + country }

// addSiblings indexes the gazetteer's state bodies named "X (Country)"
// by X and their country.
func (r *Recognizer) addSiblings() {
	r.siblings = map[string]string{}
	for _, e := range r.g.Entries() {
		base, _, ok := strings.Cut(e.Name, " (")
		if !ok || e.Type != "ORG" {
			continue
		}
		if c := r.countryOf(e.ID); c != "" {
			r.siblings[siblingKey(base, c)] = e.ID
		}
	}
}

// countryOf returns the id of the country an entry belongs to, "" when
// none.
func (r *Recognizer) countryOf(id string) string {
	for _, a := range r.g.Ancestors(id) {
		if a.Kind == "country" {
			return a.ID
		}
	}
	return ""
}

// ownBodies gives a Persian state body written right before another
// country (the ezafe: "وزارت امور خارجه ترکیه") to that country. The
// bare name is one country's in the gazetteer ("وزارت امور خارجه" is
// Afghanistan's in Dari news); before Turkey it is Turkey's ministry:
// the gazetteer's entry of that name for Turkey, else a discovered
// organisation named with the country.
func (r *Recognizer) ownBodies(c *context, ms []span) {
	if c.lang != "fa" {
		return
	}
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], ms[i+1]
		if a.typ != "ORG" || a.discovered || a.adj || b.kind != "country" || b.adj || b.from != a.to || !c.joined(a.to-1) {
			continue
		}
		own := r.countryOf(a.id)
		if own == "" || own == b.id {
			continue
		}
		e := r.g.Get(a.id)
		base, _, _ := strings.Cut(e.Name, " (")
		if id := r.siblings[siblingKey(base, b.id)]; id != "" {
			s := r.g.Get(id)
			a.id, a.name, a.kind = s.ID, s.Name, s.Kind
			continue
		}
		whole := *a
		whole.to = b.to
		r.name(c, &whole)
		a.id, a.name, a.kind, a.discovered = whole.id, whole.name, whole.kind, true
	}
}

// number reports a word of digits alone.
func number(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
