package entity

import (
	"bufio"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/script"
)

// A cue is a word or phrase that tells a name is near and of what type:
// a title before a person ("before"), a role after one ("after"), the
// head word that starts an organisation's name ("head") or ends it
// ("tail"). See data/cues.txt.
type cue struct {
	pos, typ string
	words    []string // normalised
	langs    []string // the languages it holds in; all when empty
	// names: a place word that always comes before a name ("شهرستان",
	// position "place" in data/cues.txt), so that one word the
	// gazetteer lacks after it is a place's name too.
	names bool
}

// maxName bounds the words of a discovered person's name, and maxOrg
// the words an organisation's head word takes beside it.
const (
	maxName = 4
	maxOrg  = 4
)

// lines returns the non-blank, non-comment lines of an embedded file.
func lines(file string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(file))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// loadCues reads the embedded discovery data. The files are embedded and
// checked by the tests, so a malformed line is skipped rather than failed
// on.
func (r *Recognizer) loadCues() {
	r.cues, r.given, r.particle, r.stops = map[string][]cue{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	r.inner, r.langStops, r.family = map[string]bool{}, map[string]bool{}, map[string]bool{}
	r.addCues(lines(cuesFile))
	r.addNames(lines(namesFile))
	r.addStops(lines(stopFile))
	r.addPolity(lines(polityFile))
}

// addCues reads lines in the format of data/cues.txt.
func (r *Recognizer) addCues(ls []string) {
	for _, l := range ls {
		f := strings.Fields(l)
		if len(f) < 3 {
			continue
		}
		w := script.Words(strings.Join(f[2:], " "))
		if len(w) == 0 {
			continue
		}
		pos, langs, _ := strings.Cut(f[0], "@")
		if pos == "inner" {
			r.inner[strings.Join(w, " ")] = true
			continue
		}
		q := cue{pos: pos, typ: f[1], words: w}
		if pos == "place" {
			q.pos, q.names = "head", true
		}
		if langs != "" {
			q.langs = strings.Split(langs, ",")
		}
		r.cues[w[0]] = append(r.cues[w[0]], q)
	}
}

// addNames reads lines in the format of data/names.txt.
func (r *Recognizer) addNames(ls []string) {
	for _, l := range ls {
		if p, ok := strings.CutPrefix(l, "="); ok {
			r.particle[script.Normalize(p)] = true
			continue
		}
		if p, ok := strings.CutPrefix(l, "+"); ok {
			r.family[script.Normalize(p)] = true
			continue
		}
		name, langs, _ := strings.Cut(l, "@")
		w := strings.Join(script.Words(name), "")
		if langs == "" {
			r.given[w] = true
			continue
		}
		for _, lang := range strings.Split(langs, ",") {
			r.given[strings.TrimSpace(lang)+":"+w] = true
		}
	}
}

// addStops reads lines in the format of data/stop.txt.
func (r *Recognizer) addStops(ls []string) {
	for _, l := range ls {
		w, langs, _ := strings.Cut(l, "@")
		w = script.Normalize(strings.TrimSpace(w))
		if langs == "" {
			r.stops[w] = true
			continue
		}
		for _, lang := range strings.Split(langs, ",") {
			r.langStops[strings.TrimSpace(lang)+":"+w] = true
		}
	}
}

// addCommon reads lines in the format of data/common.txt.
func (r *Recognizer) addCommon(ls []string) {
	for _, l := range ls {
		r.common[script.Normalize(l)] = true
	}
}

// addUser reads a user's file: sections "[cues]", "[names]", "[stop]",
// "[common]" and "[polity]", each in the format of the embedded file of
// that name, added to it.
func (r *Recognizer) addUser(text, name string) error {
	section := ""
	parts := map[string][]string{}
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			section = strings.Trim(l, "[]")
			if section != "cues" && section != "names" && section != "stop" && section != "common" && section != "polity" {
				return fmt.Errorf("entity: %s:%d: unknown section %q (cues, names, stop, common, polity)", name, i+1, l)
			}
			continue
		}
		if section == "" {
			return fmt.Errorf("entity: %s:%d: a line before the first section ([cues], [names], [stop], [common], [polity])", name, i+1)
		}
		parts[section] = append(parts[section], l)
	}
	r.addCues(parts["cues"])
	r.addNames(parts["names"])
	r.addStops(parts["stop"])
	r.addCommon(parts["common"])
	r.addPolity(parts["polity"])
	return nil
}

// context is one text being read: its runes and tokens.
type context struct {
	runes []rune
	toks  []script.Token
	lang  string
}

func newContext(text, lang string) *context {
	return &context{runes: []rune(text), toks: script.Tokens(text), lang: lang}
}

// holds reports whether a cue holds in the text's language.
func (q cue) holds(lang string) bool {
	if len(q.langs) == 0 || lang == "" {
		return true
	}
	for _, l := range q.langs {
		if l == lang {
			return true
		}
	}
	return false
}

// joined reports whether tokens i and i+1 stand apart by spaces alone:
// a name does not run over punctuation.
func (c *context) joined(i int) bool {
	if i < 0 || i+1 >= len(c.toks) {
		return false
	}
	for _, r := range c.runes[c.toks[i].End:c.toks[i+1].Start] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// breaks reports whether punctuation that ends a name stands between
// tokens i and i+1: anything but spaces, joiners, hyphens, dots and
// apostrophes ("Tehreek-e-Taliban", "U.S.", "O'Neill").
func (c *context) breaks(i int) bool {
	if i < 0 || i+1 >= len(c.toks) {
		return true
	}
	for _, r := range c.runes[c.toks[i].End:c.toks[i+1].Start] {
		switch {
		case r == '\n' || r == '\r':
			return true
		case unicode.IsSpace(r) || invisible(r):
		case r == '-' || r == '\u2010' || r == '\u2011' || r == '.' || r == '\'' || r == '\u2019':
		default:
			return true
		}
	}
	return false
}

// opensQuote reports whether only spaces and one opening quote stand
// between tokens i and i+1 ("صحيفة « النهار »").
func (c *context) opensQuote(i int) bool {
	if i < 0 || i+1 >= len(c.toks) {
		return false
	}
	quotes := 0
	for _, r := range c.runes[c.toks[i].End:c.toks[i+1].Start] {
		switch {
		case r == '«' || r == '"' || r == '“' || r == '„':
			quotes++
		case !unicode.IsSpace(r):
			return false
		}
	}
	return quotes == 1
}

// commaBefore reports whether only spaces and at most one comma stand
// between tokens i-1 and i ("X، سخنگوی").
func (c *context) commaBefore(i int) bool {
	if i < 1 || i >= len(c.toks) {
		return false
	}
	commas := 0
	for _, r := range c.runes[c.toks[i-1].End:c.toks[i].Start] {
		switch {
		case r == '،' || r == ',':
			commas++
		case !unicode.IsSpace(r):
			return false
		}
	}
	return commas <= 1
}

// span is a name found at tokens [from, to).
type span struct {
	from, to        int
	id, name        string
	typ, kind       string
	adj, discovered bool
	clitic          bool // the first token carries a one-letter Arabic clitic ("وجورج")
	absorbs         bool // an organisation's name may hold gazetteer names ("دانشگاه تهران")
	polity          bool // a country named as the state acting (polity.go)
}

// invisible reports the zero-width and direction characters that may
// stick to a token but never start or end a name.
func invisible(r rune) bool {
	return r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r == '\u2060'
}

// mention turns a span into a Mention, its offsets trimmed of invisible
// characters (a byte-order mark before the first word).
func (c *context) mention(s span) Mention {
	start, end := c.toks[s.from].Start, c.toks[s.to-1].End
	for start < end && invisible(c.runes[start]) {
		start++
	}
	for end > start && invisible(c.runes[end-1]) {
		end--
	}
	return Mention{
		Span: article.Span{Text: string(c.runes[start:end]), Start: start, End: end},
		ID:   s.id, Name: s.name, Type: s.typ, Kind: s.kind, Adjectival: s.adj, Discovered: s.discovered,
		Polity: s.polity,
	}
}

// arabicScript reports whether a normalised word is in the Arabic script.
func arabicScript(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return script.IsArabicScript(r)
}

// peelConj returns an Arabic-script word without a one-letter clitic
// (و, ف, ب, ل) when that leaves a word of three letters or more.
func peelConj(w string) (string, bool) {
	if !arabicScript(w) {
		return w, false
	}
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if st, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(st) >= 3 {
			return st, true
		}
	}
	return w, false
}

// cuesAt returns the cues that start at token i, with the token after
// each. The first word may carry the Arabic conjunction ("وقال").
func (r *Recognizer) cuesAt(c *context, i int) (out []cue, ends []int) {
	n := c.toks[i].Norm
	cands := r.cues[n]
	if st, ok := peelConj(n); ok && strings.HasPrefix(n, "و") {
		cands = append(cands[:len(cands):len(cands)], r.cues[st]...)
	}
	for _, q := range cands {
		if !q.holds(c.lang) {
			continue
		}
		k := i + 1
		for _, w := range q.words[1:] {
			if k >= len(c.toks) || !c.joined(k-1) || c.toks[k].Norm != w {
				k = -1
				break
			}
			k++
		}
		if k > 0 && (q.typ != "PER" || q.pos == "after" || !latin(c.toks[i].Text) || capital(c.toks[i].Text) || q.pos == "before") {
			out = append(out, q)
			ends = append(ends, k)
		}
	}
	return out, ends
}

// cueType returns the type a cue right before token i calls for: PER
// after a title, LOC after a place word; "" when there is none.
func (r *Recognizer) cueType(c *context, i int) string {
	for j := max(0, i-3); j < i; j++ {
		qs, ends := r.cuesAt(c, j)
		for k, q := range qs {
			if ends[k] == i && (q.pos == "before" || q.pos == "role") && c.joined(i-1) {
				return q.typ
			}
		}
	}
	if i+1 < len(c.toks) && kindWords[c.toks[i+1].Norm] {
		return "LOC"
	}
	return ""
}

func latin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x250 && unicode.IsLetter(r)
}

func capital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isCue reports whether a cue of a person or organisation starts at
// token i: such a word ends a name.
func (r *Recognizer) isCue(c *context, i int) bool {
	qs, _ := r.cuesAt(c, i)
	for _, q := range qs {
		if q.typ != "LOC" {
			return true
		}
	}
	return false
}

// nameable reports whether token i may be a word of a discovered name:
// not a stop word, a number, a cue or a one-letter word; a Latin word
// must be capitalised.
func (r *Recognizer) nameable(c *context, i int) bool {
	t := c.toks[i]
	if utf8.RuneCountInString(t.Norm) < 2 || r.stop(c, t.Norm) || r.isCue(c, i) {
		return false
	}
	if st, ok := peelConj(t.Norm); ok && strings.HasPrefix(t.Norm, "و") && r.stop(c, st) {
		return false
	}
	for _, ch := range t.Norm {
		if unicode.IsDigit(ch) {
			return false
		}
	}
	if latin(t.Text) && !capital(t.Text) {
		return false
	}
	// A Persian or Pashto verb: "می‌گوید", "نمی‌شود".
	if strings.HasPrefix(t.Text, "می‌") || strings.HasPrefix(t.Text, "نمی‌") {
		return false
	}
	return true
}

// stop reports a stop word of the text's language, or of every language.
func (r *Recognizer) stop(c *context, w string) bool {
	return r.stops[w] || r.langStops[c.lang+":"+w]
}

// isGiven reports whether token i is a given name, and whether it
// carries a clitic ("ومحمد").
func (r *Recognizer) isGiven(c *context, i int) (ok, clitic bool) {
	n := c.toks[i].Norm
	if r.given[n] || r.given[c.lang+":"+n] {
		return true, false
	}
	// A preposition (ب, ل, ف) on a short word is more often part of an
	// ordinary word ("بشأن" is not "ب" + "شان"); the conjunction و is not.
	if st, ok := peelConj(n); ok && (r.given[st] || r.given[c.lang+":"+st]) && (strings.HasPrefix(n, "و") || utf8.RuneCountInString(st) >= 4) {
		return true, true
	}
	return false, false
}

// titleMods are the words that qualify a title before the name: former,
// late, current, newly elected.
var titleMods = map[string]bool{}

func init() {
	for _, w := range strings.Fields("السابق السابقة الأسبق الاسبق الراحل الراحلة الحالي الحالية الجديد الجديدة المخلوع المنتخب " +
		"سابق پیشین اسبق فقید مرحوم سابق سابقہ مرحوم") {
		titleMods[script.Normalize(w)] = true
	}
}

// directions are the words of a quarter that join a place's name in
// Persian and Urdu ("شمال تهران", "شمالی انگلینڈ").
var directions = map[string]bool{}

func init() {
	for _, w := range strings.Fields("شمال جنوب شرق غرب شمالی جنوبی مشرقی مغربی") {
		directions[script.Normalize(w)] = true
	}
}

// persianPlural reports a word in the Persian plural ("دهکده‌ها"), which
// names no one place.
func persianPlural(w string) bool {
	for suf := range pluralSuffix {
		if st, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(st) >= minStem {
			return true
		}
	}
	return false
}

// demonstratives before a place word say it is no name's ("این
// شهرستان کار کنند": "work in this county"), and a light verb
// after the word following it that the word is a verb's noun ("در
// شهرستان بازدید کرد": "visited the county").
var demonstratives, lightVerbs = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range []string{"این", "آن", "همین", "همان", "هر", "چند", "کدام"} {
		demonstratives[script.Normalize(w)] = true
	}
	for _, w := range []string{"کرد", "کردند", "کرده", "کند", "کنند", "کنیم", "کنید", "نکنید", "شوید", "شد", "شدند", "شده", "شود", "شوند", "است", "بود", "هست", "دارد", "داد", "دادند", "گرفت"} {
		lightVerbs[script.Normalize(w)] = true
	}
}

// kunya are the words "father of" and "mother of" that open an Arabic
// name by a child's name.
var kunya = map[string]bool{}

func init() {
	for _, w := range strings.Fields("أبو ابو أبي ابي أم") {
		kunya[script.Normalize(w)] = true
	}
}

// ordinals are the regnal and dynastic numbers that end a name
// ("عبدالله الثاني", "محمد السادس", "بنديكت السادس عشر").
var ordinals = map[string]bool{}

func init() {
	for _, w := range strings.Fields("الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي عشر " +
		"اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم شانزدهم") {
		ordinals[script.Normalize(w)] = true
	}
}

// ordinalEnd returns the end of the regnal number that may follow a
// name ending at token end.
func (c *context) ordinalEnd(end int) int {
	for k := 0; k < 2 && end < len(c.toks) && c.joined(end-1) && ordinals[c.toks[end].Norm]; k++ {
		end++
	}
	return end
}

// extendPeople widens the gazetteer's people to the full name the text
// gives: a given name before a family name ("حميد كرزاي"), a lineage
// after the name ("خليفة بن زايد آل نهيان"), a regnal number
// ("عبدالله الثاني").
func (r *Recognizer) extendPeople(c *context, ms []span) {
	taken := make([]bool, len(c.toks))
	for _, m := range ms {
		for t := m.from; t < m.to; t++ {
			taken[t] = true
		}
	}
	for k := range ms {
		m := &ms[k]
		if m.typ != "PER" || m.adj {
			continue
		}
		if b := m.from - 1; b >= 0 && !taken[b] && c.joined(b) {
			if g, _ := r.isGiven(c, b); g && !r.isCue(c, b) {
				m.from = b
				taken[b] = true
			}
		}
		end := m.to
		for end+1 < len(c.toks) && !taken[end] && !taken[end+1] && c.joined(end-1) && c.joined(end) &&
			r.particle[c.toks[end].Norm] && r.nameable(c, end+1) {
			end += 2
		}
		end = c.ordinalEnd(end)
		for t := m.to; t < end; t++ {
			taken[t] = true
		}
		m.to = end
	}
}

// surnameLike reports a word shaped like a family name: the Persian
// "-زاده", "-پور", "-نیا" and the nisba "-ی" (هاشمی رفسنجانی).
func surnameLike(w string) bool {
	for _, suf := range []string{"زاده", "پور", "نیا", "ی"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > utf8.RuneCount([]byte(suf))+2 {
			return true
		}
	}
	return false
}

// closing are the particles that may end a name: "خان", and the
// second half of a compound given name ("جمال الدين", "نصر الله").
var closing = map[string]bool{}

func init() {
	for _, w := range strings.Fields("خان الدين الدین الله اللہ") {
		closing[script.Normalize(w)] = true
	}
}

// nameRun returns the end of a person's name that starts at token j: the
// first word, then more while they are linked to it as names are (a
// given name before, a particle between, a family-name shape, Latin
// capitals).
func (r *Recognizer) nameRun(c *context, covered []int, j int) int {
	if j >= len(c.toks) || covered[j] != 0 || !r.nameable(c, j) {
		return j
	}
	end := j + 1
	words := 1                 // name words, particles ("بن", "آل") not counted
	lead, _ := r.isGiven(c, j) // every word so far is a given name
	for end < len(c.toks) && words < maxName && c.joined(end-1) && covered[end] == 0 {
		if !r.particle[c.toks[end].Norm] {
			words++
		}
		prev, cur := c.toks[end-1].Norm, c.toks[end].Norm
		g, _ := r.isGiven(c, end-1)
		if g && r.family[cur] {
			end++ // "شعیب ملک": a family name that is an ordinary word, after a given name
			continue
		}
		if !r.nameable(c, end) {
			break
		}
		g2, _ := r.isGiven(c, end)
		if g2 && end-j >= 2 && !r.particle[prev] {
			break // "احمد شہزاد محمد حفیظ": a given name after a full name starts another
		}
		// After the given names that open the run any word may be the
		// family name ("كارلوس ألبرتو باريرا"); further words need their
		// own sign of a name.
		free := lead && !g2 && !r.particle[cur] && !surnameLike(cur)
		if free && c.lang == "ar" && (strings.HasPrefix(cur, "و") || strings.HasSuffix(cur, "ها") || strings.HasSuffix(cur, "هم")) {
			break // "خالد وريم", "حمد حولها": a conjunction or a pronoun is no family name
		}
		if free && c.lang == "ar" && arabicScript(cur) && !strings.HasPrefix(cur, "ال") && !arabicSurname(c.toks[end]) {
			break // "نزار عدداً", "سعيد بالاسلام": an adverb, a preposition's noun
		}
		// An Arabic nisba takes the article ("الخطابي"); without it a
		// word in "-ي" is as often a verb ("يغني").
		nisba := surnameLike(cur) && (c.lang != "ar" || strings.HasPrefix(cur, "ال"))
		if !(lead || g2 || r.particle[prev] || r.particle[cur] || nisba ||
			(latin(c.toks[end].Text) && capital(c.toks[end].Text)) ||
			(strings.HasPrefix(cur, "ال") && end == j+1 && g)) {
			break
		}
		lead = lead && g2
		end++
	}
	end = c.ordinalEnd(end)
	for end > j+1 && r.particle[c.toks[end-1].Norm] && !closing[c.toks[end-1].Norm] {
		end-- // a name does not end on "بن"
	}
	return end
}

// discover finds names the gazetteer does not hold by their cues and
// adds them to ms (the gazetteer's spans, in text order), which an
// organisation's name may swallow ("دانشگاه تهران" is a university).
func (r *Recognizer) discover(c *context, lang string, ms []span) []span {
	n := len(c.toks)
	covered := make([]int, n) // index+1 into ms
	for k, m := range ms {
		for t := m.from; t < m.to; t++ {
			covered[t] = k + 1
		}
	}
	arabic := lang == "ar"
	var cands []span
	drop := map[int]bool{} // people inside a facility's name
	for i := 0; i < n; i++ {
		var qs []cue
		var ends []int
		if covered[i] == 0 { // a cue word inside a gazetteer name is part of that name
			qs, ends = r.cuesAt(c, i)
		}
		for q, cu := range qs {
			k := ends[q]
			if k > i+1 && covered[k-1] != 0 {
				continue
			}
			switch cu.pos {
			case "before", "role":
				j := k
				// Skip adjectives and further titles: "الرئيس الأمريكي جورج بوش".
				for j < n && c.joined(j-1) {
					if m := covered[j]; m != 0 && ms[m-1].adj {
						j = ms[m-1].to
						continue
					}
					if more, e := r.cuesAt(c, j); len(more) > 0 && more[0].pos == cu.pos && more[0].typ == cu.typ {
						j = e[0]
						continue
					}
					if cu.typ == "PER" && titleMods[c.toks[j].Norm] {
						j++ // "الرئيس الأمريكي السابق بيل كلينتون"
						continue
					}
					break
				}
				if cu.pos == "role" {
					// Skip the role's complement: "وزير الخارجية", "سخنگوی وزارت".
					for skip := 0; j < n && c.joined(j-1) && skip < 3; skip++ {
						if m := covered[j]; m != 0 {
							j = ms[m-1].to
						} else if strings.HasPrefix(c.toks[j].Norm, "ال") {
							j++
						} else {
							break
						}
					}
					if j >= n {
						continue
					}
					if g, _ := r.isGiven(c, j); !g && !(latin(c.toks[j].Text) && capital(c.toks[j].Text)) &&
						!(arabic && j > k-1 && r.definiteBefore(c, covered, j) && r.bareName(c, j)) {
						continue
					}
				}
				quoted := cu.typ == "ORG" && j == k && c.opensQuote(j-1)
				if j >= n || (!c.joined(j-1) && !quoted) || covered[j] != 0 {
					continue
				}
				// "وقال المواطن أحمد": a word with the Arabic article before
				// a given name is the person's description, not the name.
				if cu.typ == "PER" && arabic && j+1 < n && c.joined(j) && covered[j] == 0 && covered[j+1] == 0 &&
					strings.HasPrefix(c.toks[j].Norm, "ال") {
					if g, _ := r.isGiven(c, j+1); g {
						j++
					}
				}
				end := j + 1
				_, clitic := r.isGiven(c, j)
				switch {
				case cu.typ == "PER" && arabic && cu.pos == "role" && r.bareName(c, j):
					// A name no list holds, after a definite role: its
					// words that may be names too ("رئيس الوزراء جيريجا
					// براساد كويرالا").
					end = max(r.nameRun(c, covered, j), j+1)
					for end < n && end-j < maxName-1 && c.joined(end-1) && covered[end] == 0 && r.bareName(c, end) {
						end++
					}
				case cu.typ == "PER":
					end = r.nameRun(c, covered, j)
				case quoted:
					// "صحيفة « واشنطن بوست »": the words up to the closing quote.
					for end < n && end-j < maxOrg && c.joined(end-1) && covered[end] == 0 {
						end++
					}
					if end < n && end-j >= maxOrg {
						end = j
					}
				case !r.nameable(c, j):
					end = j
				}
				if cu.typ == "LOC" && end == j+1 && (r.common[c.toks[j].Norm] || persianPlural(c.toks[j].Norm)) {
					end = j // "بخش خصوصی" is the private sector; "روستای دهکده‌ها" no village
				}
				if cu.typ == "PER" && arabic && end == j+1 && strings.HasPrefix(c.toks[j].Norm, "ال") {
					end = j // "وأعلن التنظيم": one word with the article is no name
				}
				// After a title or a verb a word no list holds is a name
				// only by its shape: "وقال الروسي يعتقد", "وأشار بيان" name
				// no one.
				if g, _ := r.isGiven(c, j); cu.typ == "PER" && arabic && !g && !r.bareName(c, j) {
					end = j
				}
				if end > j {
					cands = append(cands, span{from: j, to: end, typ: cu.typ, clitic: clitic})
				}
			case "after":
				b := i - 1
				if b < 0 || !c.commaBefore(i) || covered[b] != 0 || !r.nameable(c, b) {
					continue
				}
				for b > 0 && i-b < maxName-1 && c.joined(b-1) && covered[b-1] == 0 && r.nameable(c, b-1) {
					g, _ := r.isGiven(c, b-1)
					if !g && !r.particle[c.toks[b-1].Norm] && !r.particle[c.toks[b].Norm] {
						break
					}
					b--
				}
				// Arabic puts the verb first ("انتقد وزير الخارجية"), and
				// Persian joins a noun to its adjective ("ادعاهای اخیر
				// سخنگوی"): a word before a role with no comma between,
				// or any such word in Arabic, is a name only from a given
				// name.
				if g, _ := r.isGiven(c, b); !g && (arabic || c.joined(i-1)) && !(latin(c.toks[b].Text) && capital(c.toks[b].Text)) {
					continue
				}
				cands = append(cands, span{from: b, to: i, typ: cu.typ})
			case "head", "complement":
				if cu.typ == "FAC" || cu.typ == "EVE" {
					// A person after a facility's word names the facility
					// ("فرودگاه بین‌المللی امام خمینی"), not the person.
					j := k
					for skip := 0; j < n && c.joined(j-1) && covered[j] == 0 && skip < 2; skip++ {
						j++
					}
					if j < n && c.joined(j-1) && covered[j] != 0 {
						if m := ms[covered[j]-1]; m.typ == "PER" && m.from == j {
							drop[covered[j]-1] = true
						}
					}
					continue
				}
				if cu.pos == "complement" && (k >= n || !c.joined(k-1) || covered[k] != 0 || !r.inner[c.toks[k].Norm]) {
					continue // "وزیر امور خارجه": the portfolio is an organisation
				}
				end, count, own := k, 0, 0
				limit, plain := maxOrg, 0
				if cu.typ == "LOC" {
					limit = 1 // "استان X": one gazetteer place
				}
				for end < n && count < limit && c.joined(end-1) {
					t := c.toks[end]
					if m := covered[end]; m != 0 {
						if cu.pos == "complement" {
							break // "وزیر خارجه پاکستان": the portfolio, and the country stays a place
						}
						end = ms[m-1].to
						count++
						if lang == "fa" && ms[m-1].typ == "LOC" {
							break // "شهرداری اصفهان": a place ends a Persian body's name
						}
						continue
					}
					own++
					if latin(t.Text) && (t.Norm == "of" || t.Norm == "for" || t.Norm == "and") && end+1 < n && capital(c.toks[end+1].Text) {
						end++
						continue
					}
					// Persian joins a body's fields with "و": "وزارت فرهنگ و
					// ارشاد اسلامی".
					if lang == "fa" && t.Norm == "و" && count > 0 && end+1 < n && c.joined(end) && covered[end+1] == 0 &&
						(r.inner[c.toks[end+1].Norm] || r.nameable(c, end+1)) {
						end++
						continue
					}
					if cu.typ == "ORG" && r.inner[t.Norm] && !r.isCue(c, end) {
						end++
						count++
						continue
					}
					// An Arabic body's complement after its first word is an
					// adjective with the article ("البنك المركزي الأوروبي") or a
					// field with "لل" ("معهد ماساتشوستس للتكنولوجيا"); a
					// definite head takes no bare word ("البنك يفيد").
					definite := strings.HasPrefix(cu.words[0], "ال")
					// A bare head and a bare adjective ("قوة دولية", "حركة
					// إسلامية") or a purpose ("قوة لحفظ السلام") is "a force",
					// "a movement": no name.
					if arabic && count == 0 && !definite && cu.typ == "ORG" && !strings.HasPrefix(t.Norm, "ال") {
						_, cl := peelConj(t.Norm)
						// A feminine head agrees with its adjective: "رابطة
						// فضفاضة", "جمعية خيرية".
						agrees := strings.HasSuffix(cu.words[0], "ه") && strings.HasSuffix(t.Norm, "ه")
						if surnameLike(t.Norm) || strings.HasSuffix(t.Norm, "یه") || agrees || (cl && strings.HasPrefix(t.Norm, "ل")) {
							break
						}
					}
					if !r.nameable(c, end) || (arabic && (count > 0 || definite) && !strings.HasPrefix(t.Norm, "ال") &&
						!(count > 0 && strings.HasPrefix(t.Norm, "لل") && utf8.RuneCountInString(t.Norm) >= 5)) {
						break
					}
					// A Persian body's name holds two words of its own at
					// most (more are inner words): the words after it are
					// the sentence's ("قوه قضائیه دخالت").
					if lang == "fa" && plain >= 2 {
						break
					}
					plain++
					end++
					count++
				}
				for end > k && c.toks[end-1].Norm == "و" {
					end--
				}
				// A place word before a gazetteer place joins its name
				// ("استان اصفهان").
				if cu.typ == "LOC" && own == 0 && count == 1 {
					// A country takes a direction ("شمال پاکستان"), not a
					// province's or city's word ("ایالت پنجاب پاکستان").
					if m := &ms[covered[k]-1]; m.typ == "LOC" && m.from == k && (m.kind != "country" || directions[cu.words[0]]) {
						m.from = i
						covered[i] = covered[k]
					}
					continue
				}
				// An unknown word after a place word is too often an
				// ordinary one ("استان قرار"): places come from the
				// gazetteer, but for a word that always names one
				// ("شهرستان زرین‌دشت").
				if cu.typ == "LOC" && cu.names && own == 1 && count == 1 && end == k+1 && !r.common[c.toks[k].Norm] && !persianPlural(c.toks[k].Norm) &&
					!directions[c.toks[k].Norm] && // "صحرای جنوب غربی" is a desert in the south-west

					!(i > 0 && demonstratives[c.toks[i-1].Norm]) && !(end < n && lightVerbs[c.toks[end].Norm]) {
					cands = append(cands, span{from: i, to: end, typ: "LOC"})
					continue
				}
				if cu.typ == "ORG" && own == 0 && count == 1 && ms[covered[k]-1].typ == "ORG" {
					continue // "نادي ريال مدريد": the club's name stands alone
				}
				if count > 0 && cu.typ != "LOC" {
					from := i
					if cu.pos == "complement" {
						from = k
					}
					cands = append(cands, span{from: from, to: end, typ: cu.typ, absorbs: true})
				}
			case "tail":
				b, count, own := i, 0, 0
				for b > 0 && count < maxOrg-1 && c.joined(b-1) {
					if m := covered[b-1]; m != 0 {
						b = ms[m-1].from
						count++
						continue
					}
					if !r.nameable(c, b-1) {
						break
					}
					b--
					count++
					own++
				}
				if count > 0 && (own > 0 || cu.typ != "LOC") {
					cands = append(cands, span{from: b, to: k, typ: cu.typ, absorbs: true})
				}
			}
		}
		if g, clitic := r.isGiven(c, i); g && covered[i] == 0 && i+1 < n && c.joined(i) {
			if end := r.nameRun(c, covered, i); end-i >= 2 {
				cands = append(cands, span{from: i, to: end, typ: "PER", clitic: clitic})
			}
		}
		// A Persian, Dari, Pashto or Urdu word in "-آباد" is a town's name
		// ("عباس‌آباد", "قجرآباد"): the suffix makes places and nothing else.
		if (lang == "fa" || lang == "ps" || lang == "ur") && covered[i] == 0 && townName(c.toks[i].Norm) && r.nameable(c, i) {
			cands = append(cands, span{from: i, to: i + 1, typ: "LOC"})
		}
		// Arabic "علي" is "on" ("على") to the matcher, a stop word; written
		// with the dotted yeh before a full name it is the given name Ali
		// ("علي حسن المجيد").
		if arabic && (c.toks[i].Text == "علي" || c.toks[i].Text == "وعلي") && covered[i] == 0 && i+1 < n && c.joined(i) && covered[i+1] == 0 {
			if g, _ := r.isGiven(c, i+1); g {
				if end := r.nameRun(c, covered, i+1); end-i >= 3 {
					cands = append(cands, span{from: i, to: end, typ: "PER", clitic: c.toks[i].Text == "وعلي"})
				}
			}
		}
		// "عبد" and a name of God is a given name: "عبد العزيز", "وعبد الله".
		if w, _ := peelConj(c.toks[i].Norm); (w == "عبد" || c.toks[i].Norm == "عبد") && covered[i] == 0 && i+1 < n && c.joined(i) &&
			covered[i+1] == 0 && strings.HasPrefix(c.toks[i+1].Norm, "ال") {
			if end := r.nameRun(c, covered, i); end-i >= 2 {
				cands = append(cands, span{from: i, to: end, typ: "PER", clitic: w == "عبد" && c.toks[i].Norm != "عبد"})
			}
		}
		// A kunya, "father of" and a given name: "أبو أيوب", "أبو عبد الله".
		if kunya[c.toks[i].Norm] && covered[i] == 0 && i+1 < n && c.joined(i) && covered[i+1] == 0 {
			if g, _ := r.isGiven(c, i+1); g || r.particle[c.toks[i+1].Norm] {
				if end := r.nameRun(c, covered, i+1); end > i+1 {
					cands = append(cands, span{from: i, to: end, typ: "PER"})
				}
			}
		}
	}
	if arabic {
		cands = r.demonymNouns(c, ms, covered, cands)
	}
	if len(drop) > 0 {
		kept := ms[:0:0]
		for k, m := range ms {
			if !drop[k] {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	return r.merge(c, ms, cands)
}

// merge adds the discovered candidates to the gazetteer's spans: the
// longest first at each token, none over another, and an organisation
// over the gazetteer names inside it.
func (r *Recognizer) merge(c *context, ms, cands []span) []span {
	taken := make([]bool, len(c.toks))
	dropped := make([]bool, len(ms))
	owner := make([]int, len(c.toks)) // index+1 into ms
	for k, m := range ms {
		for t := m.from; t < m.to; t++ {
			owner[t] = k + 1
		}
	}
	sortSpans(cands)
	var out []span
	for _, s := range cands {
		ok := true
		var inside []int
		for t := s.from; t < s.to && ok; t++ {
			if taken[t] {
				ok = false
			} else if o := owner[t]; o != 0 {
				m := ms[o-1]
				if !s.absorbs || m.from < s.from || m.to > s.to {
					ok = false
				}
				inside = append(inside, o-1)
			}
		}
		if !ok {
			continue
		}
		for _, k := range inside {
			dropped[k] = true
		}
		for t := s.from; t < s.to; t++ {
			taken[t] = true
		}
		r.name(c, &s)
		out = append(out, s)
	}
	for k, m := range ms {
		if !dropped[k] {
			out = append(out, m)
		}
	}
	sortSpans(out)
	return out
}

// name gives a discovered span its id, "new:" and the consonant skeleton
// of its words, so that the name written in another script meets it.
func (r *Recognizer) name(c *context, s *span) {
	var words []string
	from := s.from
	if s.typ == "LOC" && s.to-from > 1 {
		// "شهرستان زرین‌دشت" is the place "زرین‌دشت", named so alone too.
		if qs, ends := r.cuesAt(c, from); len(qs) > 0 && qs[0].typ == "LOC" && ends[0] < s.to {
			from = ends[0]
		}
	}
	for t := from; t < s.to; t++ {
		w := c.toks[t].Norm
		if t == from && s.clitic {
			w, _ = peelConj(w)
		}
		words = append(words, w)
	}
	text := strings.Join(words, " ")
	s.id, s.name, s.kind, s.discovered = "new:"+script.Skeleton(text), text, "discovered", true
	if script.Skeleton(text) == "" {
		s.id = "new:" + text
	}
}

func sortSpans(s []span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].from < s[j-1].from || (s[j].from == s[j-1].from && s[j].to > s[j-1].to)); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// shortForms adds the later mentions of a name by part of it: the family
// name of a person named in full ("Mujahid" after "Zabihullah Mujahid"),
// and every repetition of a discovered name.
func (r *Recognizer) shortForms(c *context, ms []span) []span {
	covered := make([]bool, len(c.toks))
	for _, m := range ms {
		for t := m.from; t < m.to; t++ {
			covered[t] = true
		}
	}
	key := func(from, to int) string {
		var w []string
		for t := from; t < to; t++ {
			w = append(w, c.toks[t].Norm)
		}
		return strings.Join(w, " ")
	}
	// Repetitions of discovered names, anywhere in the text.
	var added []span
	seen := map[string]bool{}
	for _, m := range ms {
		k := key(m.from, m.to)
		if !m.discovered || seen[k] {
			continue
		}
		seen[k] = true
		l := m.to - m.from
		for t := 0; t+l <= len(c.toks); t++ {
			if covered[t] || key(t, t+l) != k {
				continue
			}
			free := true
			for u := t; u < t+l; u++ {
				free = free && !covered[u]
			}
			if free {
				s := m
				s.from, s.to, s.clitic = t, t+l, false
				added = append(added, s)
				for u := t; u < t+l; u++ {
					covered[u] = true
				}
			}
		}
	}
	ms = append(ms, added...)
	sortSpans(ms)
	// Family names of people named in full, after the full name.
	last := map[string]*span{}
	ambiguous := map[string]bool{}
	var out []span
	next := 0
	for t := 0; t < len(c.toks); t++ {
		for next < len(ms) && ms[next].from == t {
			m := ms[next]
			out = append(out, m)
			if m.typ == "PER" && m.to-m.from >= 2 && !m.adj {
				w := c.toks[m.to-1].Norm
				if utf8.RuneCountInString(w) >= 3 && !r.particle[w] && !r.stops[w] && !r.given[w] {
					if old := last[w]; old != nil && old.id != m.id {
						ambiguous[w] = true
					}
					last[w] = &m
				}
			}
			next++
		}
		if covered[t] {
			continue
		}
		w := c.toks[t].Norm
		m := last[w]
		if m == nil {
			if st, ok := peelConj(w); ok {
				m, w = last[st], st
			}
		}
		if m != nil && !ambiguous[w] {
			s := *m
			s.from, s.to, s.adj, s.clitic = t, t+1, false, false
			out = append(out, s)
		}
	}
	return out
}

// demonymNouns adds the person an Arabic demonym stands for as a noun:
// "وفاز السويسري روجر فيدرر", "ومنح الفرنسي لويس ساها" (the Swiss, the
// Frenchman). The demonym is a noun when no word with the article, nor
// a name, stands right before it: after one ("المنتخب الألماني فاز") it
// is that noun's adjective. The name is a given name, two words or
// more, or one long word that does not open like a verb in the present
// ("الروسي كافلنيكوف", not "الألماني يفوز").
func (r *Recognizer) demonymNouns(c *context, ms []span, covered []int, cands []span) []span {
	n := len(c.toks)
	for _, m := range ms {
		i, e := m.from, m.to
		w, _ := peelConj(c.toks[i].Norm)
		if !m.adj || m.typ != "LOC" || !strings.HasPrefix(w, "ال") || e >= n || !c.joined(e-1) || covered[e] != 0 {
			continue
		}
		if i > 0 && c.joined(i-1) && (covered[i-1] != 0 || strings.HasPrefix(c.toks[i-1].Norm, "ال")) {
			continue
		}
		// A plural ("الأمريكيون") names a people, not one person.
		if d := c.toks[e-1].Norm; strings.HasSuffix(d, "ون") || strings.HasSuffix(d, "ین") {
			continue
		}
		first := c.toks[e].Norm
		if strings.HasPrefix(first, "ال") {
			continue
		}
		end := r.nameRun(c, covered, e)
		g, clitic := r.isGiven(c, e)
		// Nor does it carry a clitic ("بالسياح", "لتحرير") or end in
		// the feminine "ة" of a noun ("منطقة").
		_, cl := peelConj(first)
		plain := !cl && !strings.HasSuffix(first, "ه") && !strings.HasSuffix(c.toks[e].Text, "\u064b") &&
			!strings.HasPrefix(first, "ی") && !strings.HasPrefix(first, "ت") && !strings.HasPrefix(first, "ن")
		if end > e && (g || (plain && (end-e >= 2 || utf8.RuneCountInString(first) >= 5))) {
			cands = append(cands, span{from: e, to: end, typ: "PER", clitic: clitic})
		}
	}
	return cands
}

// definiteBefore reports whether the word before token j is definite:
// it has the Arabic article ("الرئيس", "وزير الخارجية") or is a name.
// A definite noun ends a construct chain, so a bare word after it is no
// complement of it but a name in apposition ("الرئيس طالباني");
// after a bare one it is ("رئيس بلدية", "رئيس تحرير").
func (r *Recognizer) definiteBefore(c *context, covered []int, j int) bool {
	if j < 1 || !c.joined(j-1) {
		return false
	}
	if covered[j-1] != 0 {
		return true
	}
	w, _ := peelConj(c.toks[j-1].Norm)
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(c.toks[j-1].Norm, "ال")
}

// bareName reports whether Arabic token j may be a name no list holds:
// no article or clitic, not the feminine "ة" of a noun, nor an adverb's
// tanween ("عموماً"), nor the prefix of a verb in the present ("يؤكد",
// "تحمل") or a short past verb in "أ" ("أعلن").
func (r *Recognizer) bareName(c *context, j int) bool {
	t := c.toks[j]
	w := t.Norm
	n := utf8.RuneCountInString(w)
	if n < 3 || !r.nameable(c, j) || strings.HasPrefix(w, "ال") || strings.HasSuffix(w, "ه") || strings.HasSuffix(t.Text, "\u064b") {
		return false
	}
	if _, cl := peelConj(w); cl {
		return false
	}
	if strings.HasPrefix(w, "ی") || strings.HasPrefix(w, "ت") || strings.HasPrefix(w, "ن") || (strings.HasPrefix(w, "ا") && n <= 4) {
		return false
	}
	// Past verbs are mostly of three or four letters ("رفض", "غادر"),
	// the future takes "س" ("ستزور"), participles "مت", "مس" ("متحمس"),
	// and an adverb or object the accusative "ا" ("ردا", "غدا").
	if n < 5 || strings.HasSuffix(w, "ات") || strings.HasPrefix(w, "س") || strings.HasPrefix(w, "است") || strings.HasSuffix(w, "اء") || strings.HasPrefix(w, "مت") || strings.HasPrefix(w, "مس") ||
		strings.HasSuffix(w, "ا") || strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم") {
		return false
	}
	return true
}

// arabicSurname reports whether an Arabic word with no article may be
// a family name after a given name: not an adverb or object with the
// tanween ("عدداً") nor a word with the clitic and the article
// ("بالاسلام").
func arabicSurname(t script.Token) bool {
	w := t.Norm
	return !strings.HasSuffix(t.Text, "\u064b") && !strings.HasPrefix(w, "بال") && !strings.HasPrefix(w, "لل") && !strings.HasPrefix(w, "کال")
}

// townName reports a word in the suffix "-آباد" of town names, with a
// stem of two letters or more before it.
func townName(w string) bool {
	st, ok := strings.CutSuffix(w, "اباد")
	return ok && utf8.RuneCountInString(st) >= 2
}
