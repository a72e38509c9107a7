package event

import (
	"sort"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
)

// claims returns the claims of the article: a claim verb (or a speech
// verb followed by a negation, a denial) with its speaker, target, what it
// is about and the sentence as evidence. drafts are the article's
// per-sentence events, which say what a claim without a topic word is
// about.
func (r *reader) claims(drafts []*draft) []article.Claim {
	bySent := map[int]*draft{}
	for _, d := range drafts {
		bySent[d.sent] = d
	}
	var out []article.Claim
	for _, s := range r.sents {
		r.metonyms(s)
		done := map[string]bool{}
		var verbs []hit
		for _, h := range s.hits {
			if h.kind == kClaim && !done[h.sub] {
				done[h.sub] = true
				verbs = append(verbs, h)
			}
		}
		if !done["deny"] {
			if h, ok := r.negatedSay(s); ok {
				verbs = append(verbs, h)
			}
		}
		for _, h := range verbs {
			if h.sub == "accuse" && r.deniedAccusation(s, h) {
				continue // "rejected the accusations", "تورونه رد کړي": what is denied
			}
			if r.negatedClaim(s, h) {
				continue // "no group has claimed", "ذمہ داری قبول نہیں کی"
			}
			c := article.Claim{Kind: h.sub, Evidence: r.span(s)}
			sp := r.speaker(s, h)
			if sp != nil {
				c.Speaker = sp.id
			}
			if tg := r.target(s, h, sp); tg != nil {
				c.Target = tg.id
			}
			if c.Target == "" && c.Kind == "deny" {
				c.Target = r.accuser(out, c.Speaker)
			}
			if c.Speaker == "" && c.Target == "" {
				continue
			}
			c.About = r.about(s, h, bySent[s.index])
			c.Date = r.claimDate(s)
			out = append(out, c)
		}
	}
	if out == nil {
		out = []article.Claim{}
	}
	return out
}

// metonyms adds to a sentence's mentions the capitals that speak for
// their countries ("Islamabad accuses", "وتتهم إسلام آباد", "Kabul
// denies"): the lexicons' metonym phrases, where the gazetteer found a
// place. Claims only: events keep the place.
func (r *reader) metonyms(s *sentence) {
	added := false
	for _, h := range s.all(kMetonym) {
		for _, m := range s.ments {
			// "in Kabul", "په کابل کې", "کابل میں", "في كابل": a place.
			if s.hitAt(h.to, kStop) != nil || s.findHit(func(o *hit) bool { return o.to == h.from }, []string{kStop}) != nil {
				break
			}
			if m.typ == "LOC" && m.from == h.from && m.to == h.to {
				name := h.sub
				if e := r.x.g.Get(h.sub); e != nil {
					name = e.Name
				}
				s.ments = append(s.ments, mention{id: h.sub, name: name, kind: "metonym", typ: "ORG", from: h.from, to: h.to})
				added = true
				break
			}
		}
	}
	if added {
		sort.SliceStable(s.ments, func(i, j int) bool { return s.ments[i].from < s.ments[j].from })
	}
}

// negatedSay finds "said that … does not …": a denial without a verb of
// denial ("Mujahid has said ISIS does not have a presence").
func (r *reader) negatedSay(s *sentence) (hit, bool) {
	for _, h := range s.hits {
		if h.kind != kSay {
			continue
		}
		for _, n := range s.hits {
			if n.kind == kNegation && n.from >= h.to && n.from-h.to <= 10 {
				return hit{rule: &rule{kind: kClaim, sub: "deny"}, from: h.from, to: h.to}, true
			}
			// In verb-final languages the negation comes before the
			// speech verb that reports it.
			// "څه نه دي ویلي", "کچھ نہیں کہا": a negation right before
			// the speech verb says nothing was said, which denies nothing.
			if r.sov() && n.kind == kNegation && n.to <= h.from && h.from-n.to > 0 {
				return hit{rule: &rule{kind: kClaim, sub: "deny"}, from: h.from, to: h.to}, true
			}
		}
	}
	return hit{}, false
}

// deniedAccusation reports an accusation word that is the object of a
// denial in the same sentence: after the denial verb in English and
// Arabic ("rejected the accusations", "نفت الاتهامات"), before it in the
// verb-final languages ("تورونه رد کړي", "الزامات کو مسترد کر دیا").
func (r *reader) deniedAccusation(s *sentence, h hit) bool {
	for _, d := range s.hits {
		if d.kind != kClaim || d.sub != "deny" {
			continue
		}
		if r.sov() && h.to <= d.from && d.from-h.to <= 3 || !r.sov() && d.to <= h.from && h.from-d.to <= 4 {
			return true
		}
	}
	return false
}

// negatedClaim reports a claim verb that is negated: a negation inside
// the phrase ("مسؤلیت نه دی منلی"), just before it ("no group claimed", "لم
// تعلن أي جهة مسؤوليتها"), or in a verb-final language just after it
// ("ذمہ داری قبول نہیں کی"). A denial is negated only by a negation
// right beside it ("did not deny", "ناقابل تردید", "مسترد نہیں کیا"): its
// own phrases may hold one.
func (r *reader) negatedClaim(s *sentence, h hit) bool {
	deny := h.sub == "deny" // its phrases may hold a negation ("ونه منل")
	for _, n := range s.hits {
		if n.kind != kNegation {
			continue
		}
		switch {
		case n.from >= h.from && n.to <= h.to:
			return !deny
		case n.to <= h.from && h.from-n.to <= 3:
			return !deny || n.to == h.from // "لم ينف", "ناقابل تردید"
		case r.sov() && n.from >= h.to && n.from-h.to <= 1:
			return true
		}
	}
	return false
}

// speakerKind reports a mention that can speak: a person, an organisation,
// a country or an unnamed source.
func speakerKind(m mention) bool {
	return (m.typ == "PER" || m.typ == "ORG" || m.kind == "country") && m.id != civiliansActor
}

// speaker returns who makes the claim: the one "according to" names, else
// the subject before the verb (the nearest in English and Arabic, the first
// in the verb-final languages), else in Arabic the one after the verb.
func (r *reader) speaker(s *sentence, h hit) *mention {
	for _, a := range s.hits {
		switch a.kind {
		case kAccording:
			for i := range s.ments {
				if m := &s.ments[i]; speakerKind(*m) && m.from >= a.from && m.from-a.to <= 3 {
					return m
				}
			}
		case kAccordingAfter:
			for i := len(s.ments) - 1; i >= 0; i-- {
				if m := &s.ments[i]; speakerKind(*m) && m.to <= a.from && a.from-m.to <= 2 {
					return m
				}
			}
		}
	}
	// In a verb-final language the subject opens the verb's clause: after
	// the last "که" before the verb, if one stands there.
	open := 0
	if r.sov() {
		for _, c := range s.all(kClause) {
			// "خوارزمی گفته است که … پاکستان مسئول آغاز درگیری است": a
			// claim inside what someone says is theirs; the clause after
			// a speech verb does not open a new subject.
			if c.to <= h.from && r.speakerIn(s, c.to, h.from) && !r.saidBefore(s, c.from) {
				open = c.to
			}
		}
	}
	var best *mention
	for i := range s.ments {
		m := &s.ments[i]
		if !speakerKind(*m) || m.to > h.from || m.from < open || r.objectMarked(s, *m) || r.dashBetween(s, m.to, h.from) || r.againstMarked(s, *m) {
			continue
		}
		if r.sov() {
			return r.head(s, r.owner(s, m), h.from)
		}
		best = m
	}
	if best != nil {
		return r.owner(s, best)
	}
	if best == nil && r.lang == "ar" {
		for i := range s.ments {
			if m := &s.ments[i]; speakerKind(*m) && m.from >= h.to {
				return r.head(s, m, len(s.toks))
			}
		}
	}
	return best
}

// head returns the person a body or country introduces as its title (the
// spokesman of the Islamic Emirate Zabihullah Mujahid: "د اسلامي امارت
// ویاند ذبیح الله مجاهد", "المتحدث باسم حكومة طالبان ذبيح الله مجاهد", "رئيس
// الوزراء الباكستاني شهباز شريف"): a person named within two words after it,
// before limit, is who speaks.
func (r *reader) head(s *sentence, m *mention, limit int) *mention {
	if m.typ == "PER" {
		return m
	}
	for i := range s.ments {
		p := &s.ments[i]
		if p.typ == "PER" && p.from >= m.to && p.from-m.to <= 2 && p.to <= limit {
			return p
		}
		// A Pashto chain of genitives names the body last: "د اسلامي
		// امارت د ملي دفاع وزارت" is the ministry of the emirate.
		if r.lang == "ps" && p.typ == "ORG" && p.id != m.id && p.to <= limit && r.genitiveAfter(s, m, p) && r.x.overlap(p.id, m.id) {
			return r.head(s, p, limit)
		}
	}
	return m
}

// againstMarked reports a mention an Arabic "against" word governs ("ضد
// مخابئ لحركة طالبان باكستان"): a target, not who speaks.
func (r *reader) againstMarked(s *sentence, m mention) bool {
	if r.lang != "ar" {
		return false // English "of" and "on" govern speakers too ("the spokesman of the Taliban")
	}
	for _, a := range s.all(kAgainst) {
		if a.to <= m.from && m.from-a.to <= 2 {
			return true
		}
	}
	return false
}

// genitiveAfter reports a Pashto genitive "د" between two mentions, or
// opening the second ("اسلامي امارت د ملي دفاع وزارت").
func (r *reader) genitiveAfter(s *sentence, m, p *mention) bool {
	switch {
	case p.from == m.to && p.from < len(s.toks):
		return s.toks[p.from].Norm == "د"
	case p.from == m.to+1:
		return s.toks[m.to].Norm == "د"
	}
	return false
}

// dashBetween reports a dash between tokens (a dateline's: "كابل (وكالة
// الأفق) - تبنى تنظيم داعش"): what stands before it is no subject.
func (r *reader) dashBetween(s *sentence, from, to int) bool {
	if from <= 0 || to >= len(s.toks) || from > to {
		return false
	}
	gap := string(r.runes[s.toks[from-1].End:s.toks[to].Start])
	return strings.Contains(gap, " - ") || strings.ContainsAny(gap, "–—")
}

// saidBefore reports a speech verb ending just before token i ("گفت که",
// "وویل چې", "کہا کہ").
func (r *reader) saidBefore(s *sentence, i int) bool {
	for _, h := range s.all(kSay) {
		if h.to <= i && i-h.to <= 1 {
			return true
		}
	}
	return false
}

// speakerIn reports a possible speaker within tokens [from, to).
func (r *reader) speakerIn(s *sentence, from, to int) bool {
	for _, m := range s.ments {
		if speakerKind(m) && m.from >= from && m.to <= to {
			return true
		}
	}
	return false
}

// owner returns, for an unnamed source, the country or body it belongs to
// when the text names one beside it ("Pakistan's senior officials",
// "مقامات پاکستانی"): the claim is theirs.
func (r *reader) owner(s *sentence, m *mention) *mention {
	if m.kind != "source" {
		return m
	}
	var best *mention
	dist := 7
	for i := range s.ments {
		o := &s.ments[i]
		if o.kind == "source" || o.kind == "generic" || o.kind == "discovered" || !speakerKind(*o) {
			continue
		}
		d := dist
		switch {
		case o.to <= m.from:
			d = m.from - o.to
		case o.from >= m.to && o.from-m.to <= 1:
			d = o.from - m.to
		}
		if d < dist {
			best, dist = o, d
		}
	}
	if best != nil {
		return best
	}
	return m
}

// objectMarked reports a mention followed by an object postposition (را,
// کو, پر): a target, not a subject.
func (r *reader) objectMarked(s *sentence, m mention) bool {
	for _, h := range s.hits {
		if h.kind == kObject && h.from == m.to {
			return true
		}
	}
	return false
}

// target returns whom the claim is about: the one marked as object or
// after "against", else the first actor after the verb (English, Arabic) or
// between the speaker and the verb (the verb-final languages).
func (r *reader) target(s *sentence, h hit, sp *mention) *mention {
	other := func(m *mention) bool {
		// The body a speaker is named as speaking for ("المتحدث باسم حكومة
		// طالبان ذبيح الله مجاهد") is not the target.
		title := sp != nil && sp.typ == "PER" && m.to <= sp.from && sp.from-m.to <= 2
		return speakerKind(*m) && m.kind != "source" && m.kind != "discovered" && m.kind != "metonym" && (sp == nil || m.id != sp.id) && (sp == nil || m.from != sp.from) && !title
	}
	// In the verb-final languages the speaker's title ("خوارزمی، سخنگوی
	// وزارت دفاع ملی") stands between the speaker and the verb: the
	// target is sought after the speech verb's clause, when there is one.
	if r.sov() && sp != nil {
		for _, c := range s.all(kClause) {
			if c.from > sp.to && c.to <= h.from && r.saidBefore(s, c.from) {
				for i := range s.ments {
					if m := &s.ments[i]; other(m) && m.from >= c.to && m.to <= h.from && !r.x.overlap(m.id, sp.id) {
						return m
					}
				}
			}
		}
	}
	for i := range s.ments {
		m := &s.ments[i]
		if other(m) && r.objectMarked(s, *m) && m.to <= h.from {
			return m
		}
	}
	for _, a := range s.all(kAgainst) {
		for i := range s.ments {
			if m := &s.ments[i]; other(m) && m.from >= a.to && m.from-a.to <= 3 {
				return m
			}
		}
	}
	if r.sov() {
		for i := range s.ments {
			if m := &s.ments[i]; other(m) && m.to <= h.from && (sp == nil || m.from > sp.from) {
				return m
			}
		}
	}
	for i := range s.ments {
		if m := &s.ments[i]; other(m) && m.from >= h.to {
			return m
		}
	}
	return nil
}

// accuser returns the speaker of the latest accusation in claims whose
// target is on the side of the denier: a denial answers it.
func (r *reader) accuser(claims []article.Claim, denier string) string {
	for i := len(claims) - 1; i >= 0; i-- {
		c := claims[i]
		if c.Kind == "accuse" && c.Speaker != "" && denier != "" && r.x.overlap(c.Target, denier) {
			return c.Speaker
		}
	}
	return ""
}

// about glosses in English what a claim is about: the topic word and the
// actor after it ("harbouring Tehreek-e-Taliban Pakistan"), else the
// incident the sentence reports.
func (r *reader) about(s *sentence, h hit, d *draft) string {
	for _, t := range s.all(kTopic) {
		if !r.sov() && r.lang != "" && t.to <= h.from {
			continue
		}
		gloss := t.sub
		for _, m := range s.ments {
			if m.from >= t.to && m.from-t.to <= 4 && m.typ != "LOC" {
				return gloss + " " + r.displayName(m)
			}
		}
		return gloss
	}
	if d != nil {
		return strings.ToLower(d.sub)
	}
	if h.sub == "claim_responsibility" {
		return "the attack"
	}
	return ""
}

// claimDate is the day a sentence dates its statement, else the
// publication day.
func (r *reader) claimDate(s *sentence) string {
	for _, d := range s.dates {
		if r.pub.IsZero() || d.Date <= r.pub.Format(time.DateOnly) {
			return d.Date
		}
	}
	if !r.pub.IsZero() {
		return r.pub.Format(time.DateOnly)
	}
	return ""
}

// side returns an actor and everything it belongs to: the Ministry of
// Defence of Afghanistan is on the side of Afghanistan.
func (x *Extractor) side(id string) map[string]bool {
	out := map[string]bool{id: true}
	for _, a := range x.g.Ancestors(id) {
		out[a.ID] = true
	}
	return out
}

// overlap reports two actors on one side: the same, or one part of the
// other, or both parts of one country or body.
func (x *Extractor) overlap(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	sa, sb := x.side(a), x.side(b)
	for k := range sa {
		if sb[k] {
			return true
		}
	}
	return false
}

// Pair is an accusation and a claim that answers it: a denial by its
// target, or a counter-accusation of its speaker.
type Pair struct {
	Accusation, Response article.Claim
}

// Pairs finds the accusations among claims (from one article or many) and
// the denials and counter-accusations that answer them: the response's
// speaker is on the accused's side, and its target, when it has one, on
// the accuser's. The story stage uses it to thread an exchange across
// articles and languages.
func (x *Extractor) Pairs(claims []article.Claim) []Pair {
	var out []Pair
	for i, a := range claims {
		if a.Kind != "accuse" || a.Target == "" {
			continue
		}
		for j, b := range claims {
			if i == j || (b.Kind != "deny" && b.Kind != "accuse") || !x.overlap(b.Speaker, a.Target) {
				continue
			}
			// A counter-accusation answers an earlier accusation only.
			if b.Kind == "accuse" && (j < i || !x.overlap(b.Target, a.Speaker)) {
				continue
			}
			if b.Kind == "deny" && b.Target != "" && !x.overlap(b.Target, a.Speaker) {
				continue
			}
			out = append(out, Pair{Accusation: a, Response: b})
		}
	}
	return out
}
