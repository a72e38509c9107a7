package event

import (
	"slices"
	"strings"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
)

// draft is the event one sentence reports, before sentences that report
// the same incident are merged.
type draft struct {
	sub      string
	derived  bool // no trigger word: the type comes from deaths or detentions alone
	sent     int
	last     int // the last sentence merged in
	date     string
	ownDate  bool
	loc      *mention
	actor1   string
	actor2   string
	assoc1   []string
	assoc2   []string
	fatal    tally
	captured tally
	claimant string
	evidence article.Span
	summary  bool // the sentence sums several operations
	anaphor  bool // "this attack": the incident the lead told
}

// tally is a count of people as a sentence reports it: numbers found, or
// only a definite mention ("the Taliban leader") that counts one unless the
// incident has already been counted.
type tally struct {
	min, max int
	definite bool
	found    bool // a death or detention word was there at all
	additive bool // the sentence says its people are more ("also", "additional")
	// kinds says what was counted, a set of the people* bits.
	kinds peopleKind
	// retold: the sentence opens another report (a dateline), which
	// tells the incident again rather than adding to it.
	retold bool
	// partisan: the figure comes with a claim of responsibility, a
	// party's own count of what it did.
	partisan bool
	// summary: the figure sums several operations ("detained numerous
	// insurgents during two operations"), which later sentences report
	// one by one.
	summary bool
	// named: the figure counts people named before by a definite phrase
	// too ("the commander, his driver and two additional men"): it
	// recounts the incident, whatever "additional" says.
	named bool
}

func (t tally) value() (int, int) {
	if t.min == 0 && t.definite {
		return 1, 1
	}
	return t.min, t.max
}

// add sums the tallies of one sentence's death or detention words.
func (t *tally) add(o tally) {
	t.found = t.found || o.found
	t.min += o.min
	t.max += o.max
	t.definite = t.definite || o.definite
	t.named = t.named || o.named
	t.kinds |= o.kinds
}

// follow merges a later sentence's tally into an incident's. A report
// gives its figures in the lead and repeats them in the details ("detained
// several insurgents … Several insurgents were detained"), so a later
// figure replaces a smaller one; it adds up only when the sentence says
// the people are more ("also detained two additional insurgents"). A
// definite mention counts only when nothing was counted before.
func (t *tally) follow(o tally) {
	t.found = t.found || o.found
	lo, hi := t.value()
	// Other people: the lead counts a leader, a detail the rank and file
	// ("captured a Taliban leader … also detained two suspected
	// insurgents"), or policemen and attackers; not when the detail names
	// someone already counted ("the leader and two of his associates"),
	// another report tells the incident again or a group claiming the
	// attack gives the figure (it counts the same dead its own way).
	other := lo > 0 && o.min > 0 && !o.definite && !o.retold && !o.partisan && t.kinds.apart(o.kinds)
	switch {
	case t.summary && !o.summary && o.min > 0:
		// The first operation a summary lead goes on to tell is the
		// incident; the lead's sum was over several.
		t.min, t.max, t.definite, t.kinds, t.summary = o.min, o.max, false, o.kinds, false
	case o.partisan && lo > 0:
		// A claimant's own count widens the range, never the minimum.
		t.max = max(hi, o.max)
	case o.min > 0 && (o.additive || other):
		t.min, t.max, t.definite = lo+o.min, hi+o.max, false
		t.kinds |= o.kinds
	case o.min > lo:
		t.min, t.max, t.definite = o.min, o.max, false
		t.kinds = o.kinds
	case o.definite && lo == 0:
		t.definite = true
	}
}

// events returns a draft for every sentence that reports an incident.
func (r *reader) events() []*draft {
	var out []*draft
	for _, s := range r.sents {
		if d := r.sentenceEvent(s); d != nil {
			out = append(out, d)
		}
	}
	return out
}

func (r *reader) sentenceEvent(s *sentence) *draft {
	var best, attack *hit
	for i := range s.hits {
		h := &s.hits[i]
		switch h.kind {
		case kEvent:
			if !s.irrealis(*h) && (best == nil || taxonomy[h.sub].rank > taxonomy[best.sub].rank) {
				best = h
			}
		case kAttack:
			if attack == nil && !s.irrealis(*h) {
				attack = h
			}
		}
	}
	d := &draft{sent: s.index, last: s.index}
	var anchor, prev *hit
	for _, h := range s.all(kFatal) {
		if s.irrealis(h) || r.runningTotal(s, h) || r.attributive(s, h) {
			continue
		}
		c := r.count(s, h)
		if prev != nil && d.fatal.min > 0 && c.min > 0 && s.findHit(func(o *hit) bool { return o.from >= prev.to && o.to <= h.from }, []string{kContrast}) != nil {
			// "the spokesman put the dead at seven, but residents saw
			// nine bodies": two reports of one toll, a range.
			d.fatal.min, d.fatal.max = min(d.fatal.min, c.min), max(d.fatal.max, c.max)
		} else {
			d.fatal.add(c)
		}
		prev = &h
		d.fatal.found = true
		if anchor == nil {
			anchor = &h
		}
	}
	var firstTaken *hit
	for _, h := range s.all(kCaptured) {
		if s.irrealis(h) || r.runningTotal(s, h) || r.attributive(s, h) {
			continue
		}
		if firstTaken == nil {
			firstTaken = &h
		}
		d.captured.add(r.count(s, h))
		d.captured.found = true
		if anchor == nil {
			anchor = &h
		}
	}
	d.fatal.additive = s.additive() && !d.fatal.named
	d.captured.additive = s.additive() && !d.captured.named
	for _, m := range s.ments {
		if m.dateline {
			d.fatal.retold, d.captured.retold = true, true
		}
	}
	civilians := s.first(kCivilian) != nil
	killed := d.fatal.min > 0 || d.fatal.definite
	taken := d.captured.min > 0 || d.captured.definite
	// Violence named after a detention, with no one killed, describes
	// the detainee ("detained a facilitator of roadside bomb attacks",
	// "captured a leader who used suicide bombers"): the event is the
	// arrest.
	if taken && !killed && firstTaken != nil {
		if best != nil && best.from > firstTaken.from {
			best = nil
		}
		if attack != nil && attack.from > firstTaken.from {
			attack = nil
		}
	}
	switch {
	case best != nil && best.sub == "Disrupted weapons use" && taken:
		d.sub, anchor = Arrests, best
	case best != nil && (violent(best.sub) || !killed):
		d.sub, anchor = best.sub, best
	case attack != nil:
		d.sub, anchor = ArmedClash, attack
		if civilians {
			d.sub = Attack
		}
	case killed:
		d.sub, d.derived = ArmedClash, true
		if civilians && !r.armedVictims(s) {
			d.sub = Attack
		}
	case taken:
		d.sub, d.derived = Arrests, true
	default:
		return nil
	}
	if best != nil && !violent(best.sub) && killed {
		d.sub = ArmedClash
	}
	// "در این حمله دو مأمور پلیس کشته شدند": this attack is the one
	// already told; the sentence adds its details, not an incident.
	if anchor != nil && (anchor == best || anchor == attack) && r.anaphoric(s, *anchor) {
		d.derived, d.anaphor = true, true
	}
	d.date, d.ownDate = r.sentenceDate(s)
	d.loc = r.place(s)
	if !d.fatal.found && !d.captured.found && !d.ownDate && d.loc == nil {
		// A trigger with no one hurt or held, no date and no place is
		// background ("the network's roadside bomb cells"), not an incident.
		return nil
	}
	d.evidence = r.span(s)
	d.claimant = r.claimant(s)
	// A figure given with a claim of responsibility, or one the report
	// says nobody could verify, only widens the range.
	if s.first(kUnverified) != nil || s.findHit(func(h *hit) bool { return h.sub == "claim_responsibility" }, []string{kClaim}) != nil {
		d.fatal.partisan, d.captured.partisan = true, true
	}
	if r.summary(s) {
		d.fatal.summary, d.captured.summary, d.summary = true, true, true
	}
	r.actors(s, anchor, d)
	if d.sub == Attack {
		// ACLED's coding of violence against civilians: the victims are
		// Civilians, and an attacker the report does not name is an
		// unidentified armed group.
		if d.actor1 == "" && d.actor2 != "" && d.actor2 != civiliansActor {
			d.actor1, d.actor2 = d.actor2, "" // the one actor named is the attacker
		}
		if d.actor2 == "" && d.actor1 != civiliansActor {
			d.actor2 = civiliansActor
		}
		if d.actor1 == "" {
			d.actor1 = unidentified
		}
	}
	return d
}

// anaphoric reports an event or attack word that a demonstrative points
// back with ("this attack", "این حمله", "دې برید", "اس حملے", "هذا الهجوم").
func (r *reader) anaphoric(s *sentence, h hit) bool {
	return s.findHit(func(a *hit) bool { return a.to == h.from || a.to == h.from-1 && r.sov() }, []string{kAnaphor}) != nil
}

// summary reports a sentence that sums several operations: a number or
// count word of two or more before a word for operations ("during two
// separate operations", "in several raids", "طی سه عملیات").
func (r *reader) summary(s *sentence) bool {
	for _, h := range s.all(kOperations) {
		for i := max(0, h.from-3); i < h.from; i++ {
			if lo, _, next, ok := r.quantity(s, i); ok && lo >= 2 && next <= h.from {
				return true
			}
		}
	}
	return false
}

// runningTotal reports a death or detention word that sums a campaign
// rather than reporting an incident: the sentence has a word for a period
// up to now ("since", "so far", "this year", "تاکنون") and, in English, the
// word is in the perfect ("have detained more than 35 … since January").
func (r *reader) runningTotal(s *sentence, h hit) bool {
	if s.first(kCumulative) == nil {
		return false
	}
	if r.lang != "en" {
		return true
	}
	for _, o := range s.all(kPerfect) {
		// "had conducted 10,115 operations since January and killed
		// more than 1,200": the perfect carries over "and".
		if o.to <= h.from && (h.from-o.to <= 2 || h.from-o.to <= 10 && s.first(kJoin) == nil && r.andBetween(s, o.to, h.from)) {
			return true
		}
	}
	return false
}

// andBetween reports an "and" among tokens [from, to): a verb coordinated
// with the perfect's.
func (r *reader) andBetween(s *sentence, from, to int) bool {
	for i := from; i < to && i < len(s.toks); i++ {
		if s.toks[i].Norm == "and" {
			return true
		}
	}
	return false
}

// attributive reports a death or detention word used as an adjective
// after an article ("the arrested leader", "the killed terrorists"): a
// reference to someone already counted, not a new death or detention.
func (r *reader) attributive(s *sentence, h hit) bool {
	if h.from > 0 && s.hitAt(h.from-1, kDefinite) != nil {
		return s.hitAt(h.to, kPerson, kCivilian) != nil
	}
	// In the verb-final languages the verb comes after the people it
	// counts; a death word before a person noun and after no number is
	// an adjective ("ہلاک دہشت گردوں میں", "وژل شوي کسان").
	if !r.sov() || s.hitAt(h.to, kPerson, kCivilian) == nil {
		return false
	}
	for i := max(0, h.from-2); i < h.from; i++ {
		if _, _, _, ok := r.quantity(s, i); ok {
			return false
		}
	}
	return true
}

// armedVictims reports a sentence whose dead include fighters too, which
// makes it a battle rather than violence against civilians.
func (r *reader) armedVictims(s *sentence) bool {
	for _, m := range s.ments {
		if m.kind == "armed_group" || m.id == "unidentified-armed-group" {
			return true
		}
	}
	return false
}

// count returns the people a death or detention word counts: the groups of
// a number (or "a", "several", "dozens") and a noun for people within its
// reach. The reach runs after the word in English and Arabic ("killed two
// insurgents") and before it in the verb-final languages and the passive
// ("دو تن کشته شدند", "two insurgents were killed"); the other side is
// tried when the first gives nothing.
func (r *reader) count(s *sentence, h hit) tally {
	after := !r.sov() && !s.passive(h)
	t := r.countSide(s, h, after)
	if t.min == 0 && !t.definite {
		t = r.countSide(s, h, !after)
	}
	t.found = true
	return t
}

// reachKinds end a count's reach: another clause's verb.
var reachKinds = []string{kEvent, kAttack, kFatal, kInjured, kCaptured, kSay, kClaim}

func (r *reader) countSide(s *sentence, h hit, after bool) tally {
	const reach = 8
	// A name of several words counts as one word of the reach ("a
	// Counter Terrorism Department (CTD) official was martyred").
	inName := func(i int) bool {
		for _, m := range s.ments {
			if m.from < i && i < m.to {
				return true
			}
		}
		return false
	}
	from, to := h.to, h.to
	if after {
		for n := 0; to < len(s.toks) && n < reach; to++ {
			if s.hitAt(to, reachKinds...) != nil || (to > h.to && s.hitAt(to, kStop) != nil && !s.joined(to)) {
				break
			}
			if !inName(to) {
				n++
			}
		}
	} else {
		from, to = h.from, h.from
		extended := false
		for n := 0; from > 0 && n < reach; from-- {
			if o := r.endingAt(s, from, reachKinds...); o != nil {
				break
			}
			// Past "از جمله" the figure the part belongs to stands
			// further back: reach it.
			if !extended && s.hitAt(from-1, kSubset) != nil {
				extended, n = true, n-4
			}
			if !inName(from - 1) {
				n++
			}
		}
	}
	var t tally
	named := 0 // people named by a definite noun phrase before any number
	for i := from; i < to; i++ {
		if t.min > 0 && s.hitAt(i, kSubset) != nil {
			break // "nine civilians, among them four children": a part of those counted
		}
		if sa := s.hitAt(i, kSubsetAfter); sa != nil && t.min > 0 {
			if _, _, _, ok := r.quantity(s, sa.to); ok {
				t = tally{} // "2 اہلکاروں اور ایک ڈرائیور سمیت 3 افراد": the whole follows its parts
				i = sa.to - 1
				continue
			}
		}
		lo, hi, next, ok := r.quantity(s, i)
		if !ok {
			if dh := s.hitAt(i, kDefinite); dh != nil {
				if p := r.personWithin(s, dh.to, 2); p >= 0 {
					t.definite = true
					if !r.quantityWithin(s, dh.to, p) {
						if t.min == 0 {
							named++
							t.classify(s, p)
						}
						i = p - 1
					}
				}
				continue
			}
			if m := r.mentionAt(s, i); m != nil && m.typ == "PER" {
				t.definite = true
				if t.min == 0 && m.from == i {
					named++ // "Haji Gul Rahman and his guard were killed"
				}
			}
			continue
		}
		if next < len(s.toks) && s.hitAt(next, kInjured) != nil {
			i = next - 1
			continue // "more than 20 wounded": the number counts the wounded
		}
		indefinite := s.hitAt(i, kIndefinite) != nil && next == i+1
		p := r.personWithin(s, next, 5)
		if p >= 0 && r.woundedAt(s, p) {
			i = p - 1
			continue // "two others were wounded"
		}
		if p >= 0 && s.findHit(func(o *hit) bool { return o.from >= next && o.from < p }, []string{kSubset}) != nil {
			// "نه غیرنظامی، از جمله چهار کودک": the count phrase holds its
			// noun; the one after "از جمله" is a part.
			t.min += lo
			t.max += hi
			i = next - 1
			continue
		}
		if p >= 0 {
			t.classify(s, p)
		}
		// Beside the verb, a number needs no noun ("۱۲ کشته"); an object
		// marker may stand between ("تعدادی را کشتند").
		adjacent := h.from-next <= 1 && next <= h.from || i == h.to || i == h.to+1 && s.hitAt(h.to, kStop) == nil
		switch {
		case p >= 0:
			t.min += lo
			t.max += hi
			i = p - 1
		case adjacent && !indefinite:
			t.min += lo
			t.max += hi
			i = next - 1
		}
	}
	// "killed Taliban leader Saifullah": a person noun with no article or
	// number right after the word is one person at least.
	if after && t.min == 0 && !t.definite {
		if p := r.personWithin(s, from, 2); p >= 0 && !r.quantityWithin(s, from, p) {
			t.definite = true
		}
	}
	// "the leader and two of his associates": the person named besides
	// the ones counted is one more.
	if t.min > 0 && named > 0 {
		t.min += named
		t.max += named
		t.named = true
	}
	// "Haji Gul Rahman and his guard": two people named, none counted.
	if t.min == 0 && named > 1 {
		t.min, t.max, t.named = named, named, true
	}
	return t
}

// peopleKind is a set of the kinds of people a figure counts.
type peopleKind uint8

const (
	peopleRole     peopleKind = 1 << iota // named by a role: "leader", "facilitator"
	peopleArmed                           // the rank and file of armed groups: "insurgents", "attackers", any other person noun
	peopleSecurity                        // police and soldiers
	peopleCivilian                        // civilians
	peopleAny                             // anyone: "people", "men"
)

// apart reports two figures that count different people: each knows what
// it counts and they share no kind ("captured a leader … detained two
// suspected insurgents", "six policemen were killed … four attackers were
// killed").
func (k peopleKind) apart(o peopleKind) bool {
	return k != 0 && o != 0 && k&peopleAny == 0 && o&peopleAny == 0 && k&o == 0
}

// classify marks what the person noun ending at token p counts.
func (t *tally) classify(s *sentence, p int) {
	ends := func(kind string) bool {
		return s.findHit(func(h *hit) bool { return h.to == p }, []string{kind}) != nil
	}
	switch {
	case ends(kRole):
		t.kinds |= peopleRole
	case ends(kSecurity):
		t.kinds |= peopleSecurity
	case ends(kCivilian):
		t.kinds |= peopleCivilian
	case ends(kAnyone):
		t.kinds |= peopleAny
	default:
		t.kinds |= peopleArmed
	}
}

// woundedAt reports a wound word at token p, or after an auxiliary there
// ("two others were wounded"): the people before it are the wounded.
func (r *reader) woundedAt(s *sentence, p int) bool {
	if p < len(s.toks) && s.hitAt(p, kInjured) != nil {
		return true
	}
	if h := s.hitAt(p, kPassive); h != nil && h.to < len(s.toks) {
		return s.hitAt(h.to, kInjured) != nil
	}
	return false
}

// quantityWithin reports a number or count word in tokens [i, j).
func (r *reader) quantityWithin(s *sentence, i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		if _, _, _, ok := r.quantity(s, k); ok && s.hitAt(k, kIndefinite) == nil {
			return true
		}
	}
	return false
}

// inDate reports a token that is part of a date expression ("Jan. 28,
// 2011"): its digits count days, not people, and its "May" is a month.
func (s *sentence) inDate(i int) bool {
	t := s.toks[i]
	for _, d := range s.dates {
		if t.Start >= d.Start && t.End <= d.End {
			return true
		}
	}
	return false
}

// additive reports a word beside a death or detention word that makes the
// sentence's people more than those counted before ("also detained", "two
// additional insurgents"); the "more" of "more than ten" is a count, not
// one.
func (s *sentence) additive() bool {
	const near = 4
	for _, h := range s.all(kAdditive) {
		if s.findHit(func(o *hit) bool { return o.from <= h.from && h.to <= o.to }, []string{kMore}) != nil {
			continue
		}
		// Beside a death or detention word: "also detained", "detained
		// two additional insurgents", not "for further questioning".
		if s.findHit(func(o *hit) bool {
			return h.to <= o.from && o.from-h.to <= near || o.to <= h.from && h.from-o.to < near
		}, []string{kFatal, kCaptured}) != nil {
			return true
		}
	}
	return false
}

// joined reports a token inside a phrase that carries a list of people
// on ("along with", "together with"): no stop word there ends a count.
func (s *sentence) joined(i int) bool {
	return s.findHit(func(h *hit) bool { return h.from <= i && i < h.to }, []string{kJoin}) != nil
}

// endingAt returns a hit of one of the kinds that ends at token i.
func (r *reader) endingAt(s *sentence, i int, kinds ...string) *hit {
	return s.findHit(func(h *hit) bool { return h.to == i }, kinds)
}

// quantity reads a number, a count word or an indefinite article at token
// i, returning its range and the token after it.
func (r *reader) quantity(s *sentence, i int) (lo, hi, next int, ok bool) {
	if h := s.hitAt(i, kMore); h != nil && h.to < len(s.toks) {
		// "more than 10", "بیش از ۱۰": at least one more than the number.
		if lo, hi, next, ok := r.quantity(s, h.to); ok {
			return lo + 1, max(hi, lo+1), next, true
		}
	}
	if n, ok := number(s.toks[i]); ok && n > 0 && n < 10000 && !s.inDate(i) {
		if s.hitAt(i+1, kMoreAfter) != nil { // "۱۰ سے زائد"
			return n + 1, n + 1, s.hitAt(i+1, kMoreAfter).to, true
		}
		return n, n, i + 1, true
	}
	if h := s.hitAt(i, kCount); h != nil {
		if s.hitAt(h.to, kMoreAfter) != nil {
			return h.min + 1, max(h.max, h.min+1), s.hitAt(h.to, kMoreAfter).to, true
		}
		return h.min, h.max, h.to, true
	}
	if h := s.hitAt(i, kIndefinite); h != nil {
		return 1, 1, h.to, true
	}
	return 0, 0, 0, false
}

// personWithin returns the end of a noun for people starting within n
// tokens of i, or -1. Adjectives and modifiers may stand between ("two
// suspected insurgents", "a Taliban leader").
func (r *reader) personWithin(s *sentence, i, n int) int {
	limit := i + n
	for k := i; k < len(s.toks) && k <= limit; k++ {
		if h := s.hitAt(k, kPerson, kCivilian); h != nil {
			return h.to
		}
		if s.hitAt(k, reachKinds...) != nil || k > i && s.hitAt(k, kStop) != nil && !s.joined(k) {
			return -1
		}
		// A name of several words is one modifier ("an Islamic Movement
		// of Uzbekistan leader").
		if m := r.mentionAt(s, k); m != nil && m.typ != "PER" && m.to-m.from > 1 {
			limit += m.to - m.from - 1
		}
	}
	return -1
}

func (r *reader) mentionAt(s *sentence, i int) *mention {
	for k := range s.ments {
		if s.ments[k].from == i {
			return &s.ments[k]
		}
	}
	return nil
}

// placeRank orders kinds of place from the most specific.
func placeRank(kind string) int {
	switch kind {
	case "district", "border_crossing":
		return 5
	case "city":
		return 4
	case "province":
		return 3
	case "division":
		return 2
	case "region", "country":
		return 1
	}
	return 0
}

// place returns the most specific place the sentence names, a dateline's
// city aside, or nil.
func (r *reader) place(s *sentence) *mention {
	var places []*mention
	for i := range s.ments {
		m := &s.ments[i]
		if m.typ != "LOC" || m.dateline || m.adj || placeRank(m.kind) == 0 || r.forceNear(s, *m) {
			continue
		}
		places = append(places, m)
	}
	var best *mention
	for _, m := range places {
		if (best == nil || placeRank(m.kind) > placeRank(best.kind)) && r.consistent(m, places) {
			best = m
		}
	}
	return best
}

// consistent reports whether a place agrees with the provinces the same
// sentence names: "Wali Kot district, Kandahar province" is not the Kot of
// another province that shares part of the name.
func (r *reader) consistent(m *mention, places []*mention) bool {
	if m.kind != "district" && m.kind != "city" {
		return true
	}
	up := map[string]bool{}
	for _, a := range r.x.g.Ancestors(m.id) {
		up[a.ID] = true
	}
	for _, p := range places {
		if p.kind == "province" && !up[p.id] {
			return false
		}
	}
	return true
}

// nearestPlace returns the place of the nearest sentence before (else
// after) sentence i that names one: a follow-up sentence ("the force
// engaged the insurgents with an air strike") happens where the lead says.
func (r *reader) nearestPlace(i int) *mention {
	for k := i - 1; k >= 0; k-- {
		if m := r.place(r.sents[k]); m != nil {
			return m
		}
	}
	for k := i + 1; k < len(r.sents) && k <= i+2; k++ {
		if m := r.place(r.sents[k]); m != nil {
			return m
		}
	}
	return nil
}

// forceNear reports a country named beside a word for armed forces
// ("Pakistani jets", "اردوی پاکستان"): an actor, not a place.
func (r *reader) forceNear(s *sentence, m mention) bool {
	if m.kind != "country" {
		return false
	}
	for _, h := range s.hits {
		if h.kind == kForce && (h.from >= m.to && h.from-m.to <= 1 || m.from >= h.to && m.from-h.to <= 2) {
			return true
		}
	}
	return false
}

// eventActor reports whether a mention can be a party to an event.
func (r *reader) eventActor(s *sentence, m mention, sub string) bool {
	switch m.kind {
	case "generic", "armed_group", "military", "police", "intelligence", "state_body", "government":
		return true
	case "country":
		return r.forceNear(s, m) || taxonomy[sub].typ == StrategicDevelopments && sub != Arrests
	}
	return false
}

// teller reports a mention that is the one telling of the event, not a
// party to it: in English and Arabic, where the verb of saying comes
// before what is said, a mention before a verb of saying that comes
// before the trigger at token t ("the army's spokesman said on Tuesday
// that the attack on …").
func (r *reader) teller(s *sentence, m mention, t int) bool {
	if r.sov() {
		return false
	}
	for _, h := range s.all(kSay) {
		if m.to <= h.from && h.to <= t {
			return true
		}
	}
	return false
}

// actors fills actor1 (who acted), actor2 (whom it was done to) and the
// associated actors of a draft from the sentence's word order and markers.
func (r *reader) actors(s *sentence, anchor *hit, d *draft) {
	t := 0
	passive := false
	if anchor != nil {
		t = anchor.from
		passive = s.passive(*anchor)
	}
	var cands []mention
	for _, m := range s.ments {
		// Who announces an agreement is a party to it; who tells of an
		// attack is not.
		if r.eventActor(s, m, d.sub) && (taxonomy[d.sub].typ == StrategicDevelopments || !r.teller(s, m, t)) {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 {
		return
	}
	a1, a2 := -1, -1
	for i, m := range cands {
		for _, h := range s.hits {
			switch {
			case h.kind == kBy && m.from >= h.to && m.from-h.to <= 3 && a1 < 0:
				a1 = i
			case h.kind == kAgent && m.to <= h.from && h.from-m.to <= 1:
				a1 = i
			case h.kind == kAgainst && m.from >= h.to && m.from-h.to <= 3 && a2 < 0 && i != a1:
				a2 = i
			case h.kind == kObject && m.to == h.from && a2 < 0 && i != a1:
				a2 = i
			}
		}
	}
	before := func(skip int) int {
		if r.sov() {
			for i, m := range cands {
				if i != skip && m.from < t {
					return i
				}
			}
			return -1
		}
		for i := len(cands) - 1; i >= 0; i-- {
			if i != skip && cands[i].from < t {
				return i
			}
		}
		return -1
	}
	afterT := func(skip int) int {
		for i, m := range cands {
			if i != skip && i != a1 && m.from >= t {
				return i
			}
		}
		return -1
	}
	if passive {
		if a2 < 0 {
			a2 = before(a1)
		}
	} else if a1 < 0 {
		a1 = before(a2)
		if a1 < 0 && r.lang == "ar" {
			a1 = afterT(a2)
		}
	}
	if a2 < 0 {
		a2 = afterT(a1)
	}
	if a1 >= 0 {
		d.actor1 = cands[a1].id
	}
	if a2 >= 0 && (a1 < 0 || cands[a2].id != cands[a1].id) {
		d.actor2 = cands[a2].id
	}
	for i, m := range cands {
		if i == a1 || i == a2 || m.id == d.actor1 || m.id == d.actor2 || m.kind == "source" {
			continue
		}
		if m.from < t {
			d.assoc1 = appendNew(d.assoc1, m.id)
		} else {
			d.assoc2 = appendNew(d.assoc2, m.id)
		}
	}
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// claimant returns who reported the sentence's figures: the actor or
// source after "according to" or before "said", or "".
func (r *reader) claimant(s *sentence) string {
	for _, h := range s.hits {
		switch h.kind {
		case kAccording:
			for _, m := range s.ments {
				if m.from >= h.from && m.from-h.to <= 1 && m.typ != "LOC" {
					return r.displayName(m)
				}
			}
		case kAccordingAfter:
			for i := len(s.ments) - 1; i >= 0; i-- {
				if m := s.ments[i]; m.to <= h.from && h.from-m.to <= 2 && m.typ != "LOC" {
					return r.displayName(m)
				}
			}
		case kSay:
			var last *mention
			for i := range s.ments {
				m := &s.ments[i]
				if m.to <= h.from && m.typ != "LOC" {
					if r.sov() && last != nil {
						break
					}
					last = m
				}
			}
			if last != nil {
				return r.displayName(*last)
			}
		}
	}
	return ""
}

// displayName is how an actor or source is named in a claimant.
func (r *reader) displayName(m mention) string {
	if m.kind == "source" {
		return m.name
	}
	if name, _, ok := r.x.Actor(m.id); ok {
		return name
	}
	return m.name
}

// sameFamily reports whether two drafts can be one incident: the same
// sub-event type, or a sentence with no trigger of its own (deaths,
// detentions) beside a violent incident or an arrest operation, or a
// violent incident and an arrest operation together (a raid that killed
// some and detained others).
func sameFamily(a, b *draft) bool {
	if a.sub == b.sub {
		return true
	}
	op := func(d *draft) bool { return violent(d.sub) || d.sub == Arrests }
	if !op(a) || !op(b) {
		return false
	}
	return a.derived || b.derived || a.sub == Arrests || b.sub == Arrests
}

// related reports whether two places can be one incident's: the same, or
// one inside the other.
func (r *reader) related(a, b *mention) bool {
	if a == nil || b == nil || a.id == b.id {
		return true
	}
	for _, p := range r.x.g.Ancestors(a.id) {
		if p.ID == b.id {
			return true
		}
	}
	for _, p := range r.x.g.Ancestors(b.id) {
		if p.ID == a.id {
			return true
		}
	}
	return false
}

// mergeDrafts joins the sentences that report one incident: a lead and the
// details that follow it, when type, date and place agree.
func mergeDrafts(r *reader, ds []*draft) []*draft {
	var out []*draft
	for _, d := range ds {
		merged := false
		for k := range out {
			j := len(out) - 1 - k
			if d.anaphor {
				j = k // "this attack" is the lead's, the first incident told
			}
			e := out[j]
			if !sameFamily(e, d) || otherTime(e, d) || !e.summary && !r.related(e.loc, d.loc) {
				continue
			}
			absorb(e, d)
			merged = true
			break
		}
		if !merged {
			c := *d
			out = append(out, &c)
		}
	}
	return out
}

// otherTime reports a sentence dated apart from an incident: both write
// their own days and they differ, or the sentence writes a month or year
// that does not hold the incident's day ("the January and May, 2012
// bombings"). A day a detail sentence writes for an incident the lead
// left undated is its date.
func otherTime(e, d *draft) bool {
	if !d.ownDate || e.date == d.date {
		return false
	}
	return e.ownDate || len(d.date) < len("2006-01-02") && !strings.HasPrefix(e.date, d.date)
}

func absorb(e, d *draft) {
	strong := d.fatal.found || d.captured.found || d.ownDate
	if rank := taxonomy[d.sub].rank; !d.derived && strong && (e.derived || rank > taxonomy[e.sub].rank) {
		e.sub, e.derived = d.sub, false
	}
	if !e.ownDate && d.ownDate {
		e.date, e.ownDate = d.date, true
	}
	if e.loc == nil || d.loc != nil && (e.summary || placeRank(d.loc.kind) > placeRank(e.loc.kind)) {
		e.loc = d.loc // a summary lead's places are all its operations'
	}
	if e.summary && !d.summary && (d.fatal.min > 0 || d.captured.min > 0) {
		e.summary = false
	}
	e.fatal.follow(d.fatal)
	e.captured.follow(d.captured)
	if e.claimant == "" {
		e.claimant = d.claimant
	}
	for _, a := range []struct {
		dst   *string
		assoc *[]string
		src   string
	}{{&e.actor1, &e.assoc1, d.actor1}, {&e.actor2, &e.assoc2, d.actor2}} {
		switch {
		case a.src == "" || a.src == *a.dst:
		case *a.dst == "" && a.src != e.actor1 && a.src != e.actor2:
			*a.dst = a.src
		default:
			*a.assoc = appendNew(*a.assoc, a.src)
		}
	}
	for _, a := range d.assoc1 {
		e.assoc1 = appendNew(e.assoc1, a)
	}
	for _, a := range d.assoc2 {
		e.assoc2 = appendNew(e.assoc2, a)
	}
	e.last = d.sent
}

// finish turns a draft into the output event.
func (r *reader) finish(d *draft) article.Event {
	ev := article.Event{
		EventType:    TypeOf(d.sub),
		SubEventType: d.sub,
		Date:         d.date,
		Actor1:       d.actor1,
		Actor2:       d.actor2,
		AssocActor1:  strings.Join(without(d.assoc1, d.actor1, d.actor2), "; "),
		AssocActor2:  strings.Join(without(d.assoc2, d.actor1, d.actor2), "; "),
		Evidence:     d.evidence,
	}
	if d.fatal.found {
		lo, hi := d.fatal.value()
		ev.Fatalities = &article.Fatalities{Min: lo, Max: hi, Claimant: d.claimant}
	}
	ev.Captured, _ = d.captured.value()
	if d.loc == nil {
		d.loc = r.nearestPlace(d.sent)
	}
	if g := r.insurgentsGroup(d); len(g) > 0 {
		// Beside the unnamed fighters, on the side they stand.
		if d.actor1 == unidentified || slices.Contains(d.assoc1, unidentified) {
			ev.AssocActor1 = strings.Join(without(appendAll(d.assoc1, g), d.actor1, d.actor2), "; ")
		} else {
			ev.AssocActor2 = strings.Join(without(appendAll(d.assoc2, g), d.actor1, d.actor2), "; ")
		}
	}
	if d.loc != nil {
		ev.Location = r.location(d.loc.id)
	}
	return ev
}

// insurgentsGroup returns the armed groups that unnamed insurgents in an
// event belong to, when the event names none: those of the nearest
// sentence before (else just after) that names one, as a report says
// whom its operation targeted ("searching for a Taliban leader") and then
// calls the fighters "insurgents". Nil when the event names an armed
// group, or has no unnamed one.
func (r *reader) insurgentsGroup(d *draft) []string {
	actors := append([]string{d.actor1, d.actor2}, append(append([]string(nil), d.assoc1...), d.assoc2...)...)
	unnamed := false
	for _, id := range actors {
		if r.armedGroup(id) {
			return nil
		}
		unnamed = unnamed || id == unidentified
	}
	if !unnamed {
		return nil
	}
	groups := func(k int) []string {
		var out []string
		for _, m := range r.sents[k].ments {
			if r.armedGroup(m.id) {
				out = appendNew(out, m.id)
			}
		}
		return out
	}
	for k := d.last; k >= 0 && k >= d.sent-3; k-- {
		if g := groups(k); len(g) > 0 {
			return g
		}
	}
	for k := d.last + 1; k < len(r.sents) && k <= d.last+2; k++ {
		if g := groups(k); len(g) > 0 {
			return g
		}
	}
	return nil
}

// unidentified is the lexicons' actor for unnamed fighters ("insurgents",
// "مسلحین").
const unidentified = "unidentified-armed-group"

// civiliansActor is the lexicons' actor for civilian victims.
const civiliansActor = "civilians"

// armedGroup reports a gazetteer armed group.
func (r *reader) armedGroup(id string) bool {
	e := r.x.g.Get(id)
	return e != nil && e.Kind == "armed_group"
}

func appendAll(list, more []string) []string {
	out := append([]string(nil), list...)
	for _, s := range more {
		out = appendNew(out, s)
	}
	return out
}

func without(list []string, drop ...string) []string {
	var out []string
	for _, s := range list {
		keep := true
		for _, d := range drop {
			if s == d {
				keep = false
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// location describes a gazetteer place with its province (admin1),
// district (admin2) and country, and the nearest coordinates on the way up.
func (r *reader) location(id string) *article.Location {
	e := r.x.g.Get(id)
	if e == nil {
		return nil
	}
	loc := &article.Location{ID: e.ID, Name: e.Name}
	chain := append([]*gazetteer.Entry{e}, r.x.g.Ancestors(id)...)
	for _, p := range chain {
		switch p.Kind {
		case "country":
			if loc.Country == "" {
				loc.Country = p.Name
			}
		case "province":
			if loc.Admin1 == "" {
				// ACLED names a province without the word.
				loc.Admin1 = strings.TrimSuffix(p.Name, " Province")
			}
		case "district", "division":
			if loc.Admin2 == "" && p.Kind == "district" {
				loc.Admin2 = p.Name
			}
		}
		if loc.Lat == nil && p.Lat != nil {
			lat, lon := *p.Lat, *p.Lon
			loc.Lat, loc.Lon = &lat, &lon
		}
	}
	return loc
}
