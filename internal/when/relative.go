package when

// Urdu verb endings that decide whether کل is yesterday or tomorrow.
var (
	urduPast   = []string{"تھا", "تھی", "تھے", "گیا", "گئی", "گئے", "کیا", "کی"}
	urduFuture = []string{"گا", "گی", "گے"}
)

// relDirection guesses the tense of the clause after token i from the Urdu
// auxiliaries within 40 code points and the same sentence: -1 for past
// (also the default, as news mostly reports the past), +1 for future.
func (m *matcher) relDirection(i int) int {
	if i >= len(m.toks) {
		return -1
	}
	limit := m.toks[i-1].end + 40
	future := false
	for k := i; k < len(m.toks) && m.toks[k].start < limit && !m.punct(k, ".!?؟"); k++ {
		for _, w := range urduPast {
			if m.toks[k].norm == normalize(w) {
				return -1
			}
		}
		for _, w := range urduFuture {
			if m.toks[k].norm == normalize(w) {
				future = true
			}
		}
	}
	if future {
		return 1
	}
	return -1
}

// relativeAt matches an expression resolved against ref at token i.
func (m *matcher) relativeAt(i int) (cand, bool) {
	if !m.hasRef {
		return cand{}, false
	}
	if c, ok := m.relDayAt(i); ok {
		return c, true
	}
	if c, ok := m.relWeekdayAt(i); ok {
		return c, true
	}
	if h, ok := m.at(i, kPeriod); ok && !m.afterNumber(i) {
		return m.period(i, h.end, h.val, h.n), true
	}
	if c, ok := m.agoAt(i); ok {
		return c, true
	}
	return m.bareMonthAt(i)
}

// relDayAt matches yesterday, today, tomorrow and their kin. A weekday or a
// written date right after it ("yesterday, Monday (13 May)") joins the
// expression, and a written date then gives the day.
func (m *matcher) relDayAt(i int) (cand, bool) {
	h, ok := m.at(i, kRelDay)
	if !ok || m.inIdiom(i) {
		return cand{}, false
	}
	off := h.val
	if h.n == 1 { // Urdu کل, پرسوں: only with an Urdu hint, and by tense
		if m.hint != langUR {
			return cand{}, false
		}
		if m.relDirection(h.end) > 0 {
			off = -off
		}
	}
	c := cand{s: i, e: h.end, day: m.ref + off, cal: Gregorian, prec: "day", rel: true, relDay: true, offset: off}
	return m.follow(c, -1)
}

// follow extends a relative expression with a written date or a weekday
// that agrees with it, and a clock time. wd is the weekday the expression
// already names, or -1; a written date right after it that falls on another
// day makes the weekday a slip of the writer's, and the expression is
// dropped.
func (m *matcher) follow(c cand, wd int) (cand, bool) {
	j := c.e
	if m.punct(j, ",-") {
		j++
	}
	paren := m.punct(j, "(")
	if paren {
		j++
	}
	if a, ok := m.absoluteAt(j, wd); ok {
		if wd >= 0 && weekdayOf(a.day) != wd {
			return cand{}, false
		}
		e := a.e
		if paren && m.punct(e, ")") {
			e++
		}
		a.s, a.e, a.rel = c.s, e, true
		a.weekday = a.weekday || wd >= 0
		a.relDay, a.offset, a.pinned = c.relDay, c.offset, c.relDay
		return a, true
	}
	if !paren && c.prec == "day" && wd < 0 {
		if w, we, _, ok := m.weekdayAt(j, false); ok && weekdayOf(c.day) == w.val {
			c.e, c.weekday = we, true
		} else if ok && c.relDay && c.offset == 0 && weekdayOf(c.day-1) == w.val {
			// "امروز جمعه" on a page stamped Saturday: the stamp is when
			// the page was captured, a day late; the weekday written is
			// the day meant.
			c.day, c.e, c.weekday = c.day-1, we, true
		}
	}
	if t, te, ok := m.timeAt(c.e); ok && c.prec == "day" {
		c.time, c.e = t, te
	}
	return c, true
}

// relWeekdayAt matches a weekday meant relative to ref: "last Monday",
// "on Monday", "this Monday", "دوشنبه گذشته", "روز دوشنبه", "پیر کو",
// "د دوشنبې په ورځ", "يوم الاثنين الماضي". "last" means strictly before
// ref, "next" strictly after, "this" the nearest (the one of ref's own
// week, three days either way); otherwise the most recent such day, ref
// included. A weekday alone counts only in English ("said Monday");
// elsewhere it needs such a frame.
func (m *matcher) relWeekdayAt(i int) (cand, bool) {
	j, dir, framed, pashto, this := i, 0, false, false, false
	if h, ok := m.at(j, kLastPre); ok {
		j, dir, framed = h.end, -1, true
	} else if h, ok := m.at(j, kNextPre); ok {
		j, dir, framed = h.end, 1, true
	} else if h, ok := m.at(j, kThisPre); ok && m.at1(h.end, kWeekday) {
		j, framed, this = h.end, true, true
	} else if m.norm(j) == "د" {
		j, pashto = j+1, true
	}
	w, e, prefixed, ok := m.weekdayAt(j, true)
	if !ok {
		return cand{}, false
	}
	framed = framed || prefixed
	if h, ok := m.at(e, kLastPost); ok && dir == 0 {
		e, dir, framed = h.end, -1, true
	}
	onPost := false
	if h, ok := m.at(e, kOnPost); ok {
		e, framed, onPost = h.end, true, true
	}
	switch {
	case pashto && !onPost, w.ambiguous && !onPost:
		return cand{}, false
	case !framed && !(w.latin && !w.ambiguous && j == i):
		return cand{}, false
	}
	diff := floorMod(weekdayOf(m.ref)-w.val, 7)
	day := m.ref - diff
	switch {
	case this && diff > 3:
		day += 7
	case dir < 0 && diff == 0:
		day -= 7
	case dir > 0:
		day = m.ref + floorMod(w.val-weekdayOf(m.ref), 7)
		if day == m.ref {
			day += 7
		}
	}
	c := cand{s: i, e: e, day: day, cal: Gregorian, prec: "day", rel: true, weekday: true}
	return m.follow(c, w.val)
}

// inIdiom reports whether token i is part of a phrase such as Urdu آج کل
// ("nowadays") whose words are not dates there.
func (m *matcher) inIdiom(i int) bool {
	for k := max(0, i-2); k <= i; k++ {
		if h, ok := m.at(k, kIdiom); ok && h.end > i {
			return true
		}
	}
	return false
}

// afterNumber reports whether a number stands right before token i, as in
// "چهار سال گذشته" (the past four years), which is not "last year".
func (m *matcher) afterNumber(i int) bool {
	if i == 0 {
		return false
	}
	if m.toks[i-1].kind == tNum {
		return true
	}
	h, ok := m.at(i-1, kNumWord)
	return ok && h.end == i
}

func (m *matcher) at1(i int, k kind) bool {
	_, ok := m.at(i, k)
	return ok
}

// period resolves "last week", "two months ago" and the like: n units from
// ref, to the precision of the unit.
func (m *matcher) period(s, e, unit, n int) cand {
	c := cand{s: s, e: e, cal: Gregorian, rel: true}
	y, mo, _ := civilFromDays(m.ref)
	switch unit {
	case unitDay:
		c.day, c.prec = m.ref+n, "day"
	case unitWeek:
		c.day, c.prec = m.ref+7*n, "week"
	case unitMonth:
		mo += n
		y += floorDiv(mo-1, 12)
		mo = floorMod(mo-1, 12) + 1
		c.day, c.prec = civilDays(y, mo, 1), "month"
	default:
		c.day, c.prec = civilDays(y+n, 1, 1), "year"
	}
	return c
}

// agoAt matches "two days ago", "۳ روز پیش", "دوه ورځې مخکې",
// "دو دن پہلے", "قبل يومين", "قبل ثلاثة أيام".
func (m *matcher) agoAt(i int) (cand, bool) {
	j := i
	arabic := false
	if h, ok := m.at(j, kAgoPre); ok {
		j, arabic = h.end, true
	}
	n := 0
	if t, ok := m.num(j); ok && t.ndig <= 3 {
		n, j = t.val, j+1
	} else if h, ok := m.at(j, kNumWord); ok {
		n, j = h.val, h.end
	}
	u, ok := m.at(j, kUnit)
	if !ok || (n == 0 && !arabic) {
		return cand{}, false
	}
	if n == 0 {
		// قبل أسبوع, قبل يومين; but قبل يوم الاثنين is "before Monday".
		if u.n == 0 && u.val == unitDay {
			return cand{}, false
		}
		n = max(u.n, 1)
	} else if u.n != 0 {
		return cand{}, false
	}
	j = u.end
	if t, ok := m.num(j); ok && t.ndig == 4 { // منذ عام 2003: since the year 2003
		return cand{}, false
	}
	if !arabic {
		h, ok := m.at(j, kAgoPost)
		if !ok {
			return cand{}, false
		}
		j = h.end
	}
	if n > 100 {
		return cand{}, false
	}
	return m.period(i, j, u.val, -n), true
}

// bareMonthAt matches an English month name after a word such as "in" or
// "since" ("in March"), a month of the year nearest ref.
func (m *matcher) bareMonthAt(i int) (cand, bool) {
	h, ok := m.at(i, kMonth)
	if !ok || !h.latin || h.cal != Gregorian {
		return cand{}, false
	}
	// Full names only: "in Jan" is more likely a person.
	if name := m.toks[i].norm; len(name) < 5 && name != "may" && name != "june" && name != "july" {
		return cand{}, false
	}
	if i == 0 || !m.at1(i-1, kMonthPrep) || m.toks[i-1].kind != tWord {
		return cand{}, false
	}
	c := core{s: i, e: h.end, mo: h.val, d: 1, cal: h.cal, prec: "month"}
	day, _, ok := m.resolve(c, -1)
	if !ok {
		return cand{}, false
	}
	return cand{s: i, e: h.end, day: day, cal: h.cal, prec: "month"}, true
}
