// Package event codes the incidents an article reports with ACLED's
// taxonomy (event type, sub-event type, actors, location, date,
// fatalities) and finds the claims its actors make about each other
// (accuse, deny, claim responsibility, confirm, condemn, warn, agree), in
// English, Dari/Persian, Pashto, Urdu and Arabic.
//
// It works sentence by sentence over what earlier stages found: the
// entities (gazetteer ids and code-point offsets), the dates and the
// language. Words decide everything else, and the words live in plain data
// files per language (data/*.txt, documented in data/README.md) that an
// analyst can read and extend with a file of their own; the code holds only
// the taxonomy and the way the pieces of a sentence are put together.
// Sentences that report one incident (the lead and its follow-up details)
// are merged into one event; an incident dated or placed elsewhere stays
// apart.
package event

import (
	"github.com/khabar-news/khabar/internal/datafile"
	"slices"

	"embed"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/script"
	"github.com/khabar-news/khabar/internal/when"
)

//go:embed data/*.txt
var dataFS embed.FS

// Extractor finds events and claims. It is read-only once built and safe
// for concurrent use.
type Extractor struct {
	g      *gazetteer.Gazetteer
	lex    map[string]*lexicon // language → rules; "*" applies to every language
	actors map[string]*rule    // actors the lexicons add, by id
}

// languages are those the shipped lexicons cover.
var languages = []string{"en", "fa", "ps", "ur", "ar"}

// New builds an extractor over the gazetteer g, the embedded lexicons and
// the user's lexicon files, merged in order on top.
func New(g *gazetteer.Gazetteer, userFiles ...string) (*Extractor, error) {
	if g == nil {
		return nil, fmt.Errorf("event: no gazetteer")
	}
	x := &Extractor{g: g, lex: map[string]*lexicon{}, actors: map[string]*rule{}}
	err := datafile.Read(dataFS, "data/*.txt", userFiles, func(r io.Reader, name string, user bool) error {
		lang := "*" // a user file says its language with a [xx] line
		if !user {
			lang = strings.TrimSuffix(path.Base(name), ".txt")
		}
		return parseLexicon(r, name, lang, x.lex)
	})
	if err != nil {
		return nil, err // parseLexicon's errors name the file and line
	}
	for _, l := range x.lex {
		for _, rs := range l.first {
			for _, r := range rs {
				if r.kind == kActor && x.actors[r.sub] == nil {
					x.actors[r.sub] = r
				}
			}
		}
	}
	return x, nil
}

// Actor returns the English name and ACLED inter code of an actor id, from
// the gazetteer or from the actors the lexicons add; ok is false for an
// unknown id.
func (x *Extractor) Actor(id string) (name string, inter int, ok bool) {
	if e := x.g.Get(id); e != nil {
		inter = e.Inter
		if inter == 0 {
			for _, a := range x.g.Ancestors(id) {
				if a.Inter != 0 {
					inter = a.Inter
					break
				}
			}
		}
		return e.Name, inter, true
	}
	if r := x.actors[id]; r != nil {
		return r.name, r.inter, true
	}
	return "", 0, false
}

// lexicons returns the rule sets for a language: its own and the
// all-language rules; for a language without its own, every set.
func (x *Extractor) lexicons(lang string) []*lexicon {
	lang, _, _ = strings.Cut(lang, "-")
	var out []*lexicon
	if l := x.lex[lang]; l != nil {
		out = append(out, l)
		if all := x.lex["*"]; all != nil {
			out = append(out, all)
		}
		return out
	}
	keys := make([]string, 0, len(x.lex))
	for k := range x.lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, x.lex[k])
	}
	return out
}

// mention is an actor, place or unnamed source found in a sentence, at
// tokens [from, to).
type mention struct {
	id, name string
	kind     string // gazetteer kind; "generic" for a lexicon actor, "source" for a reporter
	typ      string // PER, ORG or LOC
	from, to int
	dateline bool // a place written in capitals at a dateline ("KABUL, Afghanistan")
	adj      bool // a country's adjective ("Afghan forces"), not its name
}

// sentence is one sentence of the article with what is found in it.
type sentence struct {
	index      int
	start, end int // code points
	toks       []script.Token
	hits       []hit
	ments      []mention
	dates      []article.Date
}

// reader holds one article's reading: shared by the event and claim passes.
type reader struct {
	x     *Extractor
	a     *article.Article
	lang  string // en, fa, ps, ur, ar or ""
	sents []*sentence
	runes []rune    // the article's text
	pub   time.Time // publication day, zero when unknown
	// eventDate is the date the report gives for its main event.
	eventDate string
}

// Extract returns the events (one per distinct incident) and the claims of
// an article.
func (x *Extractor) Extract(a *article.Article) (events []article.Event, claims []article.Claim) {
	events, claims = []article.Event{}, []article.Claim{}
	if a == nil || strings.TrimSpace(a.Text) == "" {
		return events, claims
	}
	r := x.read(a)
	drafts := r.events()
	for _, d := range mergeDrafts(r, drafts) {
		events = append(events, r.finish(d))
	}
	claims = r.claims(drafts)
	return events, claims
}

func (x *Extractor) read(a *article.Article) *reader {
	r := &reader{x: x, a: a}
	r.lang, _, _ = strings.Cut(a.Lang, "-")
	if a.Published != nil {
		y, m, d := a.Published.Date()
		r.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if e, ok := when.EventDate(a.Text, a.Lang, r.pub); ok {
		r.eventDate = e.Date.Format(time.DateOnly)
	}
	runes := []rune(a.Text)
	r.runes = runes
	toks := script.Tokens(a.Text)
	lexs := x.lexicons(a.Lang)
	ti := 0
	for i, s := range script.Sentences(a.Text) {
		st := &sentence{index: i, start: s.Start, end: s.End}
		for ti < len(toks) && toks[ti].Start < s.Start {
			ti++
		}
		for ti < len(toks) && toks[ti].End <= s.End {
			st.toks = append(st.toks, toks[ti])
			ti++
		}
		words := make([]string, len(st.toks))
		for k, t := range st.toks {
			words[k] = t.Norm
		}
		st.hits = match(words, lexs, r.lang == "ar")
		for _, d := range a.Dates {
			if d.Start >= s.Start && d.End <= s.End {
				st.dates = append(st.dates, d)
			}
		}
		r.sents = append(r.sents, st)
	}
	r.placeMentions(runes)
	return r
}

// parenDateline reports a place that opens the text and is followed by
// an outlet in brackets, as a dateline in a script without capitals is
// written ("اسلام آباد / استنبول (جنگ صبح نیوز)", "كابل (وكالة الأفق) -"):
// where the report was filed, not where the incident was.
func parenDateline(runes []rune, start, end int) bool {
	if start > 40 {
		return false
	}
	for _, c := range runes[:start] {
		if !unicode.IsLetter(c) && !unicode.IsSpace(c) && !unicode.IsMark(c) && c != '/' && c != '،' && c != ',' && c != '\u200c' {
			return false
		}
		if c == '\n' {
			return false
		}
	}
	for i := end; i < len(runes) && i < end+40; i++ {
		switch c := runes[i]; {
		case c == '(':
			return true
		case unicode.IsLetter(c) || unicode.IsSpace(c) || unicode.IsMark(c) || c == '/' || c == '،' || c == ',' || c == '\u200c':
			if c == '\n' {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// placeMentions puts the article's entity mentions and the lexicons'
// actors and sources into their sentences; where two overlap, the longer
// stays ("Afghan security forces" over "Afghan").
func (r *reader) placeMentions(runes []rune) {
	for _, e := range r.a.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
				continue
			}
			s := r.sentenceAt(m.Start)
			if s == nil {
				continue
			}
			from, to := -1, -1
			for k, t := range s.toks {
				if from < 0 && t.Start >= m.Start {
					from = k
				}
				if t.End <= m.End {
					to = k + 1
				}
			}
			if from < 0 || to <= from {
				continue
			}
			s.ments = append(s.ments, mention{
				id: e.ID, name: e.Name, kind: e.Kind, typ: e.Type, from: from, to: to,
				dateline: e.Type == "LOC" && (upperWord(string(runes[m.Start:m.End])) || parenDateline(runes, m.Start, m.End)),
				adj:      e.Kind == "country" && demonym(string(runes[m.Start:m.End]), r.x.g.Get(e.ID)),
			})
		}
	}
	for _, s := range r.sents {
		for _, h := range s.hits {
			switch h.kind {
			case kActor:
				s.ments = append(s.ments, mention{id: h.sub, name: h.name, kind: "generic", typ: "ORG", from: h.from, to: h.to})
			case kSource:
				s.ments = append(s.ments, mention{id: h.sub, name: h.sub, kind: "source", typ: "ORG", from: h.from, to: h.to})
			}
		}
		sort.SliceStable(s.ments, func(i, j int) bool {
			a, b := s.ments[i], s.ments[j]
			if a.from != b.from {
				return a.from < b.from
			}
			return a.to-a.from > b.to-b.from
		})
		kept := s.ments[:0]
		for _, m := range s.ments {
			if n := len(kept); n > 0 && m.from < kept[n-1].to {
				last := &kept[n-1]
				if m.to-m.from > last.to-last.from || (m.to-m.from == last.to-last.from && last.kind == "generic" && m.kind != "generic") {
					*last = m
				}
				continue
			}
			kept = append(kept, m)
		}
		s.ments = kept
	}
}

func (r *reader) sentenceAt(off int) *sentence {
	i := sort.Search(len(r.sents), func(i int) bool { return r.sents[i].end > off })
	if i < len(r.sents) && r.sents[i].start <= off {
		return r.sents[i]
	}
	return nil
}

// demonym reports a mention written as the adjective of a name rather
// than the name: a stem or an extension of the name in some language
// ("Afghan" of Afghanistan, "Pakistani" of Pakistan, "افغان" of
// افغانستان). The first name listed in each language is the name.
func demonym(text string, e *gazetteer.Entry) bool {
	if e == nil {
		return false
	}
	t := script.Normalize(text)
	names := []string{e.Name}
	for _, l := range gazetteer.Langs {
		if ns := e.Names[l]; len(ns) > 0 {
			names = append(names, ns[0])
		}
	}
	adj := false
	for _, name := range names {
		n := script.Normalize(name)
		if n == t {
			return false
		}
		if t != "" && n != "" && (strings.HasPrefix(n, t) || strings.HasPrefix(t, n)) {
			adj = true
		}
	}
	return adj || englishDemonym(t)
}

// demonymEndings are the endings of English adjectives of nationality
// that do not share a stem with the country's name ("Chinese", "French",
// "Swiss", "Dutch", "Greek"); demonym applies them only to a mention that
// is not the country's own name, so "Oman" and "Sudan" stay names.
var demonymEndings = []string{"ese", "ian", "ean", "ish", "ch", "ss", "ek", "i"}

// englishDemonym reports a normalised Latin-script word with a demonym
// ending.
func englishDemonym(t string) bool {
	if t == "" || t[0] >= 0x80 || strings.Contains(t, " ") {
		return false
	}
	for _, end := range demonymEndings {
		if strings.HasSuffix(t, end) && len(t) > len(end)+2 {
			return true
		}
	}
	return false
}

// upperWord reports a name written all in Latin capitals, as datelines
// write the city they are filed from.
func upperWord(s string) bool {
	letters := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if c > unicode.MaxLatin1 || !unicode.IsUpper(c) {
				return false
			}
			letters++
		}
	}
	return letters >= 3
}

// sov reports a language whose verb ends the clause: the subject comes
// first and counts and objects stand before the verb.
func (r *reader) sov() bool { return r.lang == "fa" || r.lang == "ps" || r.lang == "ur" }

// first returns the first hit of a kind in the sentence, or nil.
func (s *sentence) first(kind string) *hit {
	for i := range s.hits {
		if s.hits[i].kind == kind {
			return &s.hits[i]
		}
	}
	return nil
}

func (s *sentence) all(kind string) []hit {
	var out []hit
	for _, h := range s.hits {
		if h.kind == kind {
			out = append(out, h)
		}
	}
	return out
}

// hitAt returns a hit of one of the kinds that starts at token i.
func (s *sentence) hitAt(i int, kinds ...string) *hit {
	return s.findHit(func(h *hit) bool { return h.from == i }, kinds)
}

// findHit returns the first hit of one of the kinds that where accepts.
func (s *sentence) findHit(where func(*hit) bool, kinds []string) *hit {
	for k := range s.hits {
		if h := &s.hits[k]; where(h) && slices.Contains(kinds, h.kind) {
			return h
		}
	}
	return nil
}

// irrealis reports a trigger after "planning", "responsible for" …: the
// background of a person, not an incident.
func (s *sentence) irrealis(h hit) bool {
	for _, o := range s.hits {
		// "May" in "on May 7th" is the month, not the modal.
		if o.kind == kIrrealis && o.to <= h.from && h.from-o.to <= 4 && !s.inDate(o.from) {
			return true
		}
	}
	return false
}

// passive reports a trigger in the passive voice ("was killed", "کشته
// شدند"): its subject is the one it happened to.
func (s *sentence) passive(h hit) bool {
	for _, o := range s.hits {
		if o.kind == kPassive && o.to <= h.from && h.from-o.to <= 1 {
			return true
		}
		if o.kind == kPassiveAfter && o.from >= h.to && o.from-h.to <= 1 {
			return true
		}
	}
	return false
}

// span returns the evidence span of a sentence.
func (r *reader) span(s *sentence) article.Span {
	rs := []rune(r.a.Text)
	return article.Span{Text: string(rs[s.start:s.end]), Start: s.start, End: s.end}
}

// sentenceDate returns the date a sentence writes for what it reports: a
// date before publication that is not the publication day itself (a
// dateline or "today" says when the report was written), with own true;
// otherwise the report's event date, with own false. Month-precision dates
// are written YYYY-MM, year-precision YYYY.
func (r *reader) sentenceDate(s *sentence) (date string, own bool) {
	pub := ""
	if !r.pub.IsZero() {
		pub = r.pub.Format(time.DateOnly)
	}
	// A day first; a month or a year only when it is not the publication's
	// own (a release number such as "2011-02-S-154" writes one).
	// A date naming another incident ("the May 2 kidnapping") is not
	// the sentence's.
	// A date beside a verb of telling ("said on May 7th that the attack
	// … in March") dates the statement: the sentence's other dates come
	// first.
	var dates, told []article.Date
	for _, d := range s.dates {
		switch {
		case when.Attributive(r.runes, d.Start, d.End, d.Relative, r.lang):
		case when.Told(r.runes, d.Start, d.End, r.lang):
			told = append(told, d)
		default:
			dates = append(dates, d)
		}
	}
	for _, ds := range [][]article.Date{dates, told} {
		for _, d := range ds {
			if (d.Precision == "day" || d.Precision == "week") && d.Date != pub && (pub == "" || d.Date < pub) {
				return d.Date, true
			}
		}
		for _, d := range ds {
			switch {
			case d.Precision == "month" && (pub == "" || d.Date[:7] < pub[:7]):
				return d.Date[:7], true
			case d.Precision == "year" && (pub == "" || d.Date[:4] < pub[:4]):
				return d.Date[:4], true
			}
		}
	}
	if r.eventDate != "" {
		return r.eventDate, false
	}
	return pub, false
}

// number reads a token written in digits of any of the region's scripts.
func number(t script.Token) (int, bool) {
	if t.Norm == "" || len(t.Norm) > 6 {
		return 0, false
	}
	for _, c := range t.Norm {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(t.Norm)
	return n, err == nil
}
