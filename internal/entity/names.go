package entity

// Names returns the names in the text as flat NER corpora mark them:
// the outermost names only. It is Mentions, but that in Persian a name
// the ezafe joins to the place it belongs to runs over that place: an
// organisation's ("وزارت امور خارجه ترکیه", "گمرک
// پاکستان") and a town's or region's before its province or country
// ("هرات افغانستان", "ایالت پنجاب هند"). Mentions (and Find, the entities
// of the process output) keeps the two apart, each with its own id.
//
// In Persian, a place inside a facility's or an event's name
// ("ورزشگاه غازی کابل", "المپیک توکیو": a FAC or EVE head word of
// data/cues.txt at most two words before it, nothing but words between)
// is part of that name, which is none of PER, ORG and LOC, and is left
// out too, as the Persian corpus (ArmanPersoNER) leaves it; the Arabic one
// (ANERcorp) marks the place in "مطار كابول", and Names keeps it there.
func (r *Recognizer) Names(text, lang string) []Mention {
	ms := r.Mentions(text, lang)
	c := newContext(text, lang)
	runes := c.runes
	out := ms[:0:0]
	for i := 0; i < len(ms); i++ {
		a := ms[i]
		if lang == "fa" && a.Type == "LOC" && r.inFacility(c, a.Start) {
			continue
		}
		if lang == "fa" && i+1 < len(ms) && ezafePlace(a, ms[i+1], runes) {
			b := ms[i+1]
			a.Span.Text, a.End = string(runes[a.Start:b.End]), b.End
			i++
		}
		out = append(out, a)
	}
	return out
}

// ezafePlace reports whether place b follows name a with one space
// between, as its ezafe complement: a is an organisation, or a place
// smaller than a province or country b.
func ezafePlace(a, b Mention, runes []rune) bool {
	if a.Adjectival || b.Adjectival || b.Start-a.End != 1 || runes[a.End] != ' ' {
		return false
	}
	switch {
	case a.Type == "ORG" && !a.Polity:
		return b.Kind == "country" || b.Kind == "province" || b.Kind == "city" || b.Kind == "district"
	case a.Type == "LOC" && a.Kind != "country" && a.Kind != "region":
		return (b.Kind == "country" || b.Kind == "province") && !b.Polity
	}
	return false
}

// inFacility reports whether the name starting at code point start
// follows a facility's or an event's head word, past two words at most,
// with spaces alone between and no stop word.
func (r *Recognizer) inFacility(c *context, start int) bool {
	i := 0
	for i < len(c.toks) && c.toks[i].Start < start {
		i++
	}
	if i == len(c.toks) || c.toks[i].Start != start {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3 && c.joined(k); k-- {
		qs, ends := r.cuesAt(c, k)
		for q, cu := range qs {
			if (cu.typ == "FAC" || cu.typ == "EVE") && ends[q] <= i {
				return true
			}
		}
		if r.stop(c, c.toks[k].Norm) {
			return false
		}
	}
	return false
}
