package extract

import (
	"github.com/khabar-news/khabar/internal/script"

	"strings"
	"unicode"
	"unicode/utf8"
)

// FromText extracts the main text, title and header metadata of a page
// given as the text a browser copies: site chrome before and after the
// article, header lines, the headline, then the paragraphs.
//
// It scores each line (its length in words, sentence punctuation, share of
// digits, slug shape, repetition on the page, a match with the chrome
// lexicon) and takes as the body the run of lines with the highest total, so
// that a short line inside the article stays while menus, comment forms and
// footers around it go. Labelled header lines ("Published: …", "کد خبر: …")
// are read into Meta, and the headline is the headline-like line just above
// the body.
func (x *Extractor) FromText(raw string) (Page, error) {
	p := fromLines(raw, x.lex)
	if p.Text == "" {
		return p, ErrEmpty
	}
	return p, nil
}

// maxWrappedShare is the share of sentence-final lines above which a block
// of lines is taken as one paragraph per line rather than a hard-wrapped
// paragraph.
const maxWrappedShare = 0.4

// fromLines is FromText without the error, shared with FromHTML's fallback.
func fromLines(raw string, lex *lexicon) Page {
	var page Page
	lines := splitLines(raw)
	units := make([]line, 0, len(lines))
	for _, s := range lines {
		units = append(units, analyse(s, lex))
	}
	units = joinWrapped(units, lex)
	markRepeats(units)

	start, end := bestRun(units)

	readHeaders(units, start, &page.Meta)

	titleAt := -1
	if start >= 0 {
		titleAt = findTitle(units, start, end)
	}
	var paras []string
	if start >= 0 {
		for i := start; i <= end; i++ {
			u := units[i]
			if i == titleAt || !u.isBody() {
				continue
			}
			paras = append(paras, u.text)
		}
	}
	page.Text = strings.Join(paras, "\n\n")
	page.Meta.Dateline = findDateline(page.Text, lex)
	if titleAt >= 0 {
		page.Title = units[titleAt].text
	} else if len(paras) > 0 {
		// Nothing looks like a headline: the lead sentence stands for one.
		page.Title = leadTitle(paras[0], page.Meta.Dateline)
	}
	return page
}

// maxLeadTitle bounds a title made from a lead sentence, in code points.
const maxLeadTitle = 140

// leadTitle makes a title of a paragraph: its first sentence without the
// dateline, cut at a word boundary when long.
func leadTitle(para, dateline string) string {
	t := strings.TrimSpace(strings.TrimPrefix(para, dateline))
	t = strings.TrimLeft(t, " -–—:")
	if t == "" {
		t = para
	}
	if ss := script.Sentences(t); len(ss) > 0 {
		t = ss[0].Text
	}
	r := []rune(t)
	if len(r) <= maxLeadTitle {
		return t
	}
	cut := string(r[:maxLeadTitle])
	if i := strings.LastIndex(cut, " "); i > maxLeadTitle/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// splitLines splits raw text into trimmed lines, accepting \n, \r\n and \r.
func splitLines(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	lines := strings.Split(raw, "\n")
	for i, l := range lines {
		lines[i] = trimLine(l)
	}
	return lines
}

// trimLine trims spaces and the invisible marks (byte order mark,
// direction marks, zero-width space) that copied lines often carry at
// their ends. Inside the line they are left alone.
func trimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' || r == '\u200e' ||
			r == '\u200f' || r == '\u202a' || r == '\u202b' || r == '\u202c' ||
			r == '\u200c' || r == '\u200d' || r == '\u2066' || r == '\u2067' ||
			r == '\u2068' || r == '\u2069'
	})
}

// joinWrapped joins the lines of hard-wrapped paragraphs (text copied from
// a plain-text page or an e-mail, broken at a fixed width) into one unit
// each. Only a block of text lines standing between blank lines can be a
// wrapped paragraph; see wrapped for the test.
func joinWrapped(units []line, lex *lexicon) []line {
	out := make([]line, 0, len(units))
	for i := 0; i < len(units); {
		if units[i].kind != kindText {
			out = append(out, units[i])
			i++
			continue
		}
		j := i
		for j < len(units) && units[j].kind == kindText {
			j++
		}
		bounded := (i == 0 || units[i-1].kind == kindBlank) &&
			(j == len(units) || units[j].kind == kindBlank)
		if bounded && wrapped(units[i:j]) {
			parts := make([]string, 0, j-i)
			for _, u := range units[i:j] {
				parts = append(parts, u.text)
			}
			out = append(out, analyse(strings.Join(parts, " "), lex))
		} else {
			out = append(out, units[i:j]...)
		}
		i = j
	}
	return out
}

// wrapped reports whether a block of lines is one paragraph broken at a
// fixed width. Such a block has lines of similar length, few of them end a
// sentence, and each line break falls where the next word would not have
// fitted: a line plus the next line's first word is longer than the
// longest line. In Latin script, a wrapped line seldom starts with a
// capital unless the line before ended a sentence. One paragraph per line,
// the common case, fails these tests even when its lines lack final
// punctuation.
func wrapped(block []line) bool {
	if len(block) < 3 {
		return false
	}
	maxLen := 0
	for _, u := range block {
		maxLen = max(maxLen, utf8.RuneCountInString(u.text))
	}
	if maxLen < 40 {
		return false
	}
	ends, latin, upper := 0, 0, 0
	for i, u := range block[:len(block)-1] {
		n := utf8.RuneCountInString(u.text)
		if n*10 < maxLen*7 {
			return false
		}
		next, _, _ := strings.Cut(block[i+1].text, " ")
		if n+1+utf8.RuneCountInString(next) <= maxLen {
			return false
		}
		if u.terminal {
			ends++
			continue
		}
		if r, _ := utf8.DecodeRuneInString(next); r < 0x250 && unicode.IsLetter(r) {
			latin++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if upper*2 > latin {
		return false
	}
	return float64(ends) <= maxWrappedShare*float64(len(block)-1)
}

// markRepeats flags lines that occur more than once on the page. Short
// repeated lines are chrome (slugs, menu items, captions shown twice); of
// a long repeated line, such as a pull quote, only the first copy is kept.
func markRepeats(units []line) {
	seen := make(map[string]int)
	for _, u := range units {
		if u.kind == kindText {
			seen[u.text]++
		}
	}
	first := make(map[string]bool)
	for i := range units {
		u := &units[i]
		if u.kind != kindText || seen[u.text] < 2 {
			continue
		}
		u.repeated = true
		if u.words >= 12 {
			if first[u.text] {
				u.dup = true
			}
			first[u.text] = true
		}
	}
}

// bestRun returns the first and last index of the run of units with the
// highest total value (the body), or -1, -1 when no unit scores above zero.
// When nothing scores, every text unit but a headline is body: a page of
// short lines is still a page.
func bestRun(units []line) (start, end int) {
	best, sum := 0.0, 0.0
	start, end = -1, -1
	cur := 0
	for i, u := range units {
		if sum <= 0 {
			sum, cur = 0, i
		}
		sum += u.score()
		if sum > best {
			best, start, end = sum, cur, i
		}
	}
	if start >= 0 {
		// The run starts at its first positive unit, not at blanks.
		for start < end && units[start].score() <= 0 {
			start++
		}
		return start, end
	}
	for i, u := range units {
		if u.isBody() {
			if start < 0 {
				start = i
			}
			end = i
		}
	}
	return start, end
}

// readHeaders reads labelled header lines into meta (the first of each
// kind wins) and takes the first unlabelled date line above the body as
// the page clock. It stops at the phrase that ends the article: the dates
// and names in a comment thread below it are the readers', not the
// article's.
func readHeaders(units []line, start int, meta *Meta) {
	for i, u := range units {
		if u.kind == kindStop && start >= 0 && i > start {
			return
		}
		switch u.kind {
		case kindHeader:
			switch u.label {
			case "published":
				v := u.value
				if v == "" {
					// "Published:" alone; the date is on the next line.
					if j := nextNonBlank(units, i); j >= 0 && units[j].kind == kindDate {
						v = units[j].text
						units[j].kind = kindHeader
						units[j].label = "consumed"
					}
				}
				applyHeader(meta, line{label: "published", value: v})
			default:
				applyHeader(meta, u)
			}
		case kindDate:
			if meta.Clock == "" && (start < 0 || i < start) {
				meta.Clock = u.text
			}
		}
	}
}

func nextNonBlank(units []line, i int) int {
	for j := i + 1; j < len(units); j++ {
		if units[j].kind != kindBlank {
			return j
		}
	}
	return -1
}

// maxTitleWords bounds a headline; a longer line is a paragraph.
const maxTitleWords = 40

// findTitle returns the index of the headline: the nearest text line above
// the body that looks like one, passing over header, date, chrome and
// blank lines, over a section label or two ("World", "Politics") and over
// a bare byline ("Jane Doe") when a headline stands above it. When there
// is none, a short first body line followed by more body is taken as the
// headline. It returns -1 when nothing fits.
func findTitle(units []line, start, end int) int {
	fallback, seen := -1, 0
	for i := start - 1; i >= 0 && seen < 3; i-- {
		u := units[i]
		if u.kind != kindText || u.dup {
			continue
		}
		seen++
		if u.slug || u.words > maxTitleWords {
			break
		}
		if !headlineLike(u) {
			continue
		}
		if !nameLike(u.text) {
			return i
		}
		if fallback < 0 {
			fallback = i
		}
	}
	if fallback >= 0 {
		return fallback
	}
	first := units[start]
	if start < end && first.words <= 20 && headlineLike(first) && !strings.HasSuffix(first.text, ".") {
		return start
	}
	return -1
}

// nameLike reports a line that reads as a person's name in Latin script:
// two to four capitalised words and nothing else, as a byline without "By"
// is printed.
func nameLike(s string) bool {
	fields := strings.Fields(s)
	if len(fields) < 2 || len(fields) > 4 {
		return false
	}
	for _, f := range fields {
		for i, r := range f {
			switch {
			case i == 0 && r >= 'A' && r <= 'Z':
			case i > 0 && (r >= 'a' && r <= 'z' || r == '-' || r == '\'' || r == '.'):
			default:
				return false
			}
		}
	}
	return true
}

// headlineLike reports a line that could be a headline: a few words,
// mostly letters.
func headlineLike(u line) bool {
	if u.words < 2 || u.words > maxTitleWords || u.digits > 0.5 {
		return false
	}
	return u.words >= 3 || utf8.RuneCountInString(u.text) >= 12
}

// applyHeader reads one labelled header line into meta; the first line of
// each kind wins.
func applyHeader(meta *Meta, u line) {
	switch u.label {
	case "published":
		if meta.Published == "" && u.value != "" {
			meta.Published, meta.PublishedFrom = u.value, "header"
		}
	case "code":
		if meta.StoryCode == "" {
			meta.StoryCode = u.value
		}
	case "author":
		if meta.Author == "" {
			meta.Author = u.value
		}
	}
}
