package web

import (
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/khabar-news/khabar/internal/article"
)

// parsePages parses each page template together with the shared layout
// and partials. The templates are embedded, so a parse error is a defect
// of the build that the tests catch; it panics.
func parsePages() map[string]*template.Template {
	funcs := template.FuncMap{
		"badge":      badge,
		"langBase":   langBase,
		"day":        day,
		"stamp":      stamp,
		"isoStamp":   isoStamp,
		"plural":     plural,
		"fewSources": fewSources,
	}
	names, err := fs.Glob(assets, "templates/page_*.html")
	if err != nil || len(names) == 0 {
		panic("web: no embedded page templates")
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		t := template.New(path.Base(name)).Funcs(funcs)
		t = template.Must(t.ParseFS(assets, "templates/layout.html", "templates/partials.html", name))
		key := strings.TrimSuffix(strings.TrimPrefix(path.Base(name), "page_"), ".html")
		pages[key] = t
	}
	return pages
}

// rtl are the languages written right to left. khabar's own are the four
// in Arabic script; the rest are here so that a stray Hebrew or Sindhi
// article is not laid out backwards.
var rtl = map[string]bool{"ar": true, "fa": true, "ps": true, "ur": true, "sd": true, "ckb": true, "ug": true, "he": true, "yi": true, "dv": true}

// direction returns the dir attribute for a language: "auto" for an
// undetermined one, so that the browser decides from the first letter.
func direction(lang string) string {
	switch {
	case rtl[lang]:
		return "rtl"
	case lang == "" || lang == "und":
		return "auto"
	}
	return "ltr"
}

// langTag returns the lang attribute for an article: the Persian variety
// when known, since fa-AF (Dari) and fa-IR differ in words and fonts may
// differ in shapes; empty for an undetermined language.
func langTag(lang, variety string) string {
	switch {
	case lang == "" || lang == "und":
		return ""
	case variety != "":
		return variety
	}
	return lang
}

// badge is the short label of a language: EN, PS, FA-AF …
func badge(code string) string {
	if code == "" {
		return "UND"
	}
	return strings.ToUpper(code)
}

// langBase is the language of a code without its region: fa for fa-AF.
// Badges are coloured by it.
func langBase(code string) string {
	base, _, _ := strings.Cut(code, "-")
	return base
}

func day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("2006-01-02")
}

// stamp is a publication time as an analyst reads it, in UTC so that
// columns from Kabul, Islamabad and London compare at a glance.
func stamp(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "date unknown"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// isoStamp is the machine form of a time for <time datetime>.
func isoStamp(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// fewSources shortens a long list of outlets for a table cell.
func fewSources(sources []string) string {
	const show = 4
	if len(sources) <= show {
		return strings.Join(sources, ", ")
	}
	return strings.Join(sources[:show], ", ") + " +" + strconv.Itoa(len(sources)-show) + " more"
}

// entityView is an entity as the pages show it: its English canonical
// name and kind, from the gazetteer when it knows the id (the catalogue may
// have been corrected since the article was annotated), else from the
// article.
type entityView struct {
	ID   string
	Name string
	Type string
	Kind string
}

// Title is the tooltip of a mention: "Kabul (city)".
func (e *entityView) Title() string {
	if e.Kind == "" {
		return e.Name
	}
	return e.Name + " (" + e.Kind + ")"
}

// Class is the CSS class of the entity's type: ent-LOC, ent-PER, ent-ORG.
// Only letters pass, so an odd type cannot break out of the class list.
func (e *entityView) Class() string {
	t := strings.Map(func(r rune) rune {
		if r < 0x80 && unicode.IsLetter(r) {
			return r
		}
		return -1
	}, e.Type)
	if t == "" {
		t = "X"
	}
	return "ent-" + t
}

func (s *Server) entityView(e article.Entity) *entityView {
	v := &entityView{ID: e.ID, Name: e.Name, Type: e.Type, Kind: e.Kind}
	if s.g != nil {
		if g := s.g.Get(e.ID); g != nil {
			if g.Name != "" {
				v.Name = g.Name
			}
			if g.Type != "" {
				v.Type = g.Type
			}
			if g.Kind != "" {
				v.Kind = g.Kind
			}
		}
	}
	if v.Name == "" {
		v.Name = e.ID
	}
	return v
}

// segment is a run of an article's text: plain, or one mention of an
// entity.
type segment struct {
	Text   string
	Entity *entityView // nil for plain text
}

// paragraph is one paragraph of text, cut into segments.
type paragraph []segment

// mention is a span of text, in code points, that names an entity.
type mention struct {
	start, end int
	ent        *entityView
}

// markup cuts text into paragraphs (at every line break; blank lines fall
// away) and each paragraph into plain runs and mentions. Offsets count
// code points, as the pipeline writes them. A mention that falls outside
// the text, is empty or reversed, crosses a line break, or overlaps a
// mention already taken is skipped: the text must read correctly even when
// an annotation is wrong. Of overlapping mentions the one that starts
// first wins, and of two that start together the longer.
func markup(text string, mentions []mention) []paragraph {
	runes := []rune(text)
	ms := make([]mention, 0, len(mentions))
	for _, m := range mentions {
		if m.start < 0 || m.end > len(runes) || m.start >= m.end || m.ent == nil {
			continue
		}
		if slices.Contains(runes[m.start:m.end], '\n') {
			continue
		}
		ms = append(ms, m)
	}
	slices.SortStableFunc(ms, func(a, b mention) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	kept := ms[:0]
	end := 0
	for _, m := range ms {
		if m.start >= end {
			kept = append(kept, m)
			end = m.end
		}
	}
	ms = kept

	var out []paragraph
	for lineStart := 0; lineStart <= len(runes); {
		lineEnd := lineStart
		for lineEnd < len(runes) && runes[lineEnd] != '\n' {
			lineEnd++
		}
		line := runes[lineStart:lineEnd]
		if strings.TrimSpace(string(line)) != "" {
			var p paragraph
			at := lineStart
			for len(ms) > 0 && ms[0].start < lineEnd {
				m := ms[0]
				ms = ms[1:]
				if at < m.start {
					p = append(p, segment{Text: string(runes[at:m.start])})
				}
				p = append(p, segment{Text: string(runes[m.start:m.end]), Entity: m.ent})
				at = m.end
			}
			if at < lineEnd {
				p = append(p, segment{Text: string(runes[at:lineEnd])})
			}
			out = append(out, p)
		}
		lineStart = lineEnd + 1
	}
	return out
}

// entityCount is an entity with how often it is named: in how many of a
// story's articles, and how many times in all.
type entityCount struct {
	*entityView
	Articles int
	Mentions int
	Forms    []string // distinct surface forms, in order of first mention
}

// entityTable is the entities section of a page. Story says whether the
// rows count articles: on an article page that count is always one.
type entityTable struct {
	Rows  []entityCount
	Story bool
}

// articleView is an article as a column of a story page or the body of
// an article page shows it.
type articleView struct {
	A          *article.Article
	Badge      string // EN, FA-AF …
	Dir        string // rtl, ltr or auto
	Lang       string // lang attribute, empty when unknown
	Gloss      bool   // show English names over mentions: the text is not in English
	Paragraphs []paragraph
	Entities   []entityCount
}

func (s *Server) articleView(a *article.Article) articleView {
	v := articleView{
		A:     a,
		Badge: badge(langTag(a.Lang, a.Variety)),
		Dir:   direction(a.Lang),
		Lang:  langTag(a.Lang, a.Variety),
		Gloss: a.Lang != "en",
	}
	if a.Lang == "" {
		v.Badge = badge("und")
	}
	var ms []mention
	for _, e := range a.Entities {
		ev := s.entityView(e)
		c := entityCount{entityView: ev, Articles: 1, Mentions: len(e.Mentions)}
		for _, m := range e.Mentions {
			ms = append(ms, mention{start: m.Start, end: m.End, ent: ev})
			if m.Text != "" && !slices.Contains(c.Forms, m.Text) {
				c.Forms = append(c.Forms, m.Text)
			}
		}
		v.Entities = append(v.Entities, c)
	}
	v.Paragraphs = markup(a.Text, ms)
	sortCounts(v.Entities)
	return v
}

// storyEntities is the union of the articles' entities, the most widely
// reported first: what the story is about, across languages.
func storyEntities(cols []articleView) []entityCount {
	byID := map[string]int{}
	var out []entityCount
	for _, c := range cols {
		seen := map[string]bool{}
		for _, e := range c.Entities {
			i, ok := byID[e.ID]
			if !ok {
				i = len(out)
				byID[e.ID] = i
				out = append(out, entityCount{entityView: e.entityView})
			}
			if !seen[e.ID] {
				seen[e.ID] = true
				out[i].Articles++
			}
			out[i].Mentions += e.Mentions
			for _, f := range e.Forms {
				if !slices.Contains(out[i].Forms, f) {
					out[i].Forms = append(out[i].Forms, f)
				}
			}
		}
	}
	sortCounts(out)
	return out
}

func sortCounts(cs []entityCount) {
	slices.SortStableFunc(cs, func(a, b entityCount) int {
		if a.Articles != b.Articles {
			return b.Articles - a.Articles
		}
		if a.Mentions != b.Mentions {
			return b.Mentions - a.Mentions
		}
		return strings.Compare(a.Name, b.Name)
	})
}
