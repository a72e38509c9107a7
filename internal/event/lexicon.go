package event

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/khabar-news/khabar/internal/script"
)

// Rule kinds of the lexicon files (data/README.md). They are the
// vocabulary between the data and the code: a new kind needs code, a new
// phrase only a line.
const (
	kEvent          = "event"
	kAttack         = "attack"
	kFatal          = "fatal"
	kInjured        = "injured"
	kCaptured       = "captured"
	kCount          = "count"
	kIndefinite     = "indefinite"
	kDefinite       = "definite"
	kPerson         = "person"
	kCivilian       = "civilian"
	kActor          = "actor"
	kForce          = "force"
	kBy             = "by"
	kAgent          = "agent"
	kAgainst        = "against"
	kObject         = "object"
	kPassive        = "passive"
	kPassiveAfter   = "passive_after"
	kIrrealis       = "irrealis"
	kStop           = "stop"
	kSay            = "say"
	kNegation       = "negation"
	kAccording      = "according"
	kAccordingAfter = "according_after"
	kSource         = "source"
	kClaim          = "claim"
	kTopic          = "topic"
	kAdditive       = "additive"
	kClause         = "clause"
	kJoin           = "join"
	kMore           = "more"
	kMoreAfter      = "more_after"
	kCumulative     = "cumulative"
	kPerfect        = "perfect"
	kRole           = "role"
	kSecurity       = "security"
	kAnyone         = "anyone"
	kOperations     = "operations"
	kSubset         = "subset"
	kSubsetAfter    = "subset_after"
	kAnaphor        = "anaphor"
	kUnverified     = "unverified"
	kContrast       = "contrast"
	kMetonym        = "metonym"
)

var knownKinds = map[string]bool{
	kEvent: true, kAttack: true, kFatal: true, kInjured: true, kCaptured: true, kCount: true,
	kIndefinite: true, kDefinite: true, kPerson: true, kCivilian: true, kActor: true, kForce: true,
	kBy: true, kAgent: true, kAgainst: true, kObject: true, kPassive: true, kPassiveAfter: true,
	kIrrealis: true, kStop: true, kSay: true, kNegation: true, kAccording: true,
	kAccordingAfter: true, kSource: true, kClaim: true, kTopic: true, kAdditive: true, kClause: true,
	kJoin: true, kMore: true, kMoreAfter: true, kCumulative: true, kPerfect: true, kRole: true, kSecurity: true, kAnyone: true, kOperations: true,
	kSubset: true, kSubsetAfter: true, kAnaphor: true, kUnverified: true, kContrast: true, kMetonym: true,
}

// claimKinds are the stances a claim can take, as the output contract
// names them.
var claimKinds = map[string]bool{
	"accuse": true, "deny": true, "claim_responsibility": true, "confirm": true,
	"condemn": true, "warn": true, "agree": true,
}

// gap is the word that stands for "up to maxGap words" in a phrase.
const (
	gap    = "..."
	maxGap = 12
)

// rule is one phrase of a lexicon line.
type rule struct {
	kind  string
	sub   string // event: sub-event type; claim: its kind; source, topic: gloss; actor: id
	name  string // actor: display name
	inter int    // actor: ACLED inter code
	min   int    // count
	max   int    // count
	words []string
}

// lexicon holds one language's rules, indexed by their first word.
type lexicon struct {
	first  map[string][]*rule
	prefix []*rule // rules whose first word ends in "*"
}

func newLexicon() *lexicon { return &lexicon{first: map[string][]*rule{}} }

func (l *lexicon) add(r *rule) {
	if w := r.words[0]; strings.HasSuffix(w, "*") {
		l.prefix = append(l.prefix, r)
	} else {
		l.first[w] = append(l.first[w], r)
	}
}

// parseLexicon reads lexicon lines into lex, keyed by language. lang is the
// language of lines before any [xx] header ("*" for all).
func parseLexicon(r io.Reader, name, lang string, lex map[string]*lexicon) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			lang = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		head, body, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("event: %s: want KIND [ARGS]: phrases, got %q", where, line)
		}
		proto, err := parseHead(strings.Fields(head))
		if err != nil {
			return fmt.Errorf("event: %s: %w", where, err)
		}
		if lex[lang] == nil {
			lex[lang] = newLexicon()
		}
		for _, p := range strings.Split(body, ";") {
			words := phraseWords(p)
			if len(words) == 0 || words[0] == gap || words[len(words)-1] == gap {
				continue
			}
			r := *proto
			r.words = words
			lex[lang].add(&r)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("event: %s: %w", name, err)
	}
	return nil
}

// phraseWords normalises a phrase as the text's tokens are normalised,
// keeping the "*" of a prefix word and the gap word.
func phraseWords(p string) []string {
	var out []string
	for _, f := range strings.Fields(p) {
		switch {
		case f == gap:
			out = append(out, gap)
		case strings.HasSuffix(f, "*"):
			if w := script.Words(strings.TrimSuffix(f, "*")); len(w) == 1 {
				out = append(out, w[0]+"*")
			}
		default:
			out = append(out, script.Words(f)...)
		}
	}
	return out
}

func parseHead(f []string) (*rule, error) {
	if len(f) == 0 || !knownKinds[f[0]] {
		return nil, fmt.Errorf("unknown kind in %q", strings.Join(f, " "))
	}
	r := &rule{kind: f[0]}
	args := strings.Join(f[1:], " ")
	switch r.kind {
	case kEvent:
		typ, sub, ok := strings.Cut(args, " / ")
		t, known := taxonomy[strings.TrimSpace(sub)]
		if !ok || !known || t.typ != strings.TrimSpace(typ) {
			return nil, fmt.Errorf("event %q: want an ACLED \"Type / Sub-event type\"", args)
		}
		r.sub = strings.TrimSpace(sub)
	case kClaim:
		if !claimKinds[args] {
			return nil, fmt.Errorf("claim kind %q: want accuse, deny, claim_responsibility, confirm, condemn, warn or agree", args)
		}
		r.sub = args
	case kMetonym:
		if len(f) != 2 {
			return nil, fmt.Errorf("metonym needs the gazetteer id of the country its place speaks for")
		}
		r.sub = f[1]
	case kSource, kTopic:
		if args == "" {
			return nil, fmt.Errorf("%s needs an English gloss", r.kind)
		}
		r.sub = args
	case kCount:
		lo, hi, rng := strings.Cut(args, "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := a, error(nil)
		if rng {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || a < 0 || b < a {
			return nil, fmt.Errorf("count %q: want N or N-M", args)
		}
		r.min, r.max = a, b
	case kActor:
		if len(f) < 4 {
			return nil, fmt.Errorf("actor needs an id, an inter code and a name")
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 1 || n > 8 {
			return nil, fmt.Errorf("actor inter %q: want an ACLED code 1–8", f[2])
		}
		r.sub, r.inter, r.name = f[1], n, strings.Join(f[3:], " ")
	default:
		if args != "" {
			return nil, fmt.Errorf("%s takes no arguments", r.kind)
		}
	}
	return r, nil
}

// hit is a rule matched at tokens [from, to) of a sentence.
type hit struct {
	*rule
	from, to int
}

// match returns every rule of the lexicons that matches at every token,
// longest first at each start; a shorter hit of a kind inside a longer
// hit of the same kind is dropped ("suicide attack" is not also an
// "attack"... unless the kinds differ).
func match(toks []string, lexs []*lexicon, arabic bool) []hit {
	var all []hit
	for i := range toks {
		for _, l := range lexs {
			cands := l.first[toks[i]]
			if arabic {
				if s, ok := stripConj(toks[i]); ok {
					cands = append(append([]*rule(nil), cands...), l.first[s]...)
				}
			}
			for _, r := range cands {
				if end, ok := matchFrom(toks, i, r.words, arabic); ok {
					all = append(all, hit{r, i, end})
				}
			}
			for _, r := range l.prefix {
				if end, ok := matchFrom(toks, i, r.words, arabic); ok {
					all = append(all, hit{r, i, end})
				}
			}
		}
	}
	out := all[:0]
	for _, h := range all {
		inside := false
		for _, o := range all {
			if o.kind == h.kind && o.from <= h.from && o.to >= h.to && (o.to-o.from) > (h.to-h.from) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return dedupe(out)
}

// dedupe drops repeated hits of one kind and span (two lexicons, or a rule
// listed twice).
func dedupe(hs []hit) []hit {
	type key struct {
		kind, sub string
		from, to  int
	}
	seen := map[key]bool{}
	out := hs[:0]
	for _, h := range hs {
		k := key{h.kind, h.sub, h.from, h.to}
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// stripConj takes a leading conjunction (و, ف) or preposition (ب, ل) off
// an Arabic word: "وقتل" is "قتل", "بإيواء" is "إيواء".
func stripConj(w string) (string, bool) {
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if s, ok := strings.CutPrefix(w, p); ok && len([]rune(s)) >= 3 {
			return s, true
		}
	}
	return "", false
}

// matchFrom matches words at toks[i:], returning the end of the match.
func matchFrom(toks []string, i int, words []string, arabic bool) (int, bool) {
	if len(words) == 0 {
		return i, true
	}
	if words[0] == gap {
		for k := 0; k <= maxGap && i+k <= len(toks); k++ {
			if end, ok := matchFrom(toks, i+k, words[1:], arabic); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(toks) || !wordMatch(toks[i], words[0], arabic) {
		return 0, false
	}
	return matchFrom(toks, i+1, words[1:], arabic)
}

func wordMatch(tok, w string, arabic bool) bool {
	if p, ok := strings.CutSuffix(w, "*"); ok {
		return strings.HasPrefix(tok, p)
	}
	if tok == w {
		return true
	}
	if arabic {
		s, ok := stripConj(tok)
		return ok && s == w
	}
	return false
}
