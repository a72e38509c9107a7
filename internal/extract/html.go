package extract

import (
	"encoding/json"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FromHTML extracts the main text, title and metadata of an HTML page. url
// is the page's address, used to resolve relative links and as Meta.URL
// when the page names none; it may be empty.
//
// The main text comes from go-trafilatura with its fallback extractors
// (readability and DOM distiller) enabled, which is the best of the
// extractors measured on news pages. If it finds nothing, the text of the
// <article> or <body> element is cleaned the way FromText cleans a copied
// page. If the markup has no HTML element at all, FromHTML returns
// ErrNotHTML so that the caller can use FromText instead.
func (x *Extractor) FromHTML(src, url string) (Page, error) {
	if !looksLikeHTML(src) {
		return Page{}, ErrNotHTML
	}
	lex := x.lex
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses some broken pages (elements nested past its
		// limit, as unclosed <font> tags do); their text is still there.
		page := fromLines(tokenText(src), lex)
		page.Meta.URL = url
		if page.Text == "" {
			return page, fmt.Errorf("%w (parse HTML: %v)", ErrEmpty, err)
		}
		return page, nil
	}

	var page Page
	hm := scanHTMLMeta(doc)
	page.Meta.Lang = hm.lang
	page.Meta.URL = url

	res, terr := runTrafilatura(doc, url)
	var paras []string
	if terr == nil && res != nil {
		md := res.Metadata
		page.Title = strings.TrimSpace(md.Title)
		page.Meta.Author = strings.TrimSpace(md.Author)
		page.Meta.SiteName = strings.TrimSpace(md.Sitename)
		if md.URL != "" {
			page.Meta.URL = md.URL
		}
		page.Meta.Published = chooseDate(md.Date, hm.published)
		paras = renderParagraphs(res.ContentNode)
	} else {
		page.Meta.Published = hm.published
	}
	if page.Meta.Published != "" {
		page.Meta.PublishedFrom = "meta"
	}
	if page.Title == "" {
		page.Title = hm.title
	}
	if page.Meta.SiteName == "" {
		page.Meta.SiteName = hm.siteName
	}
	if page.Meta.Author == "" {
		page.Meta.Author = hm.author
	}

	if len(paras) > 0 {
		paras = cleanExtracted(paras, lex, &page)
	}
	if len(paras) == 0 {
		paras = fallbackText(doc, lex, &page)
	}
	page.Text = strings.Join(paras, "\n\n")
	page.Meta.Dateline = findDateline(page.Text, lex)
	if page.Text == "" {
		if terr != nil {
			return page, fmt.Errorf("%w (trafilatura: %v)", ErrEmpty, terr)
		}
		return page, ErrEmpty
	}
	return page, nil
}

// fallbackText is used when trafilatura found nothing: it cleans the raw
// text of the <article>, or else of the <body>, the way a copied page is
// cleaned, which drops menus and footers. It fills the title and the
// metadata that the page still lacks.
func fallbackText(doc *html.Node, lex *lexicon, page *Page) []string {
	for _, a := range []atom.Atom{atom.Article, atom.Body} {
		raw := renderParagraphs(findElement(doc, a))
		if len(raw) == 0 {
			continue
		}
		tp := fromLines(strings.Join(raw, "\n\n"), lex)
		if tp.Text == "" {
			continue
		}
		if page.Title == "" {
			page.Title = tp.Title
		}
		mergeMeta(&page.Meta, tp.Meta)
		return strings.Split(tp.Text, "\n\n")
	}
	return nil
}

// looksLikeHTML reports whether src holds at least one known HTML element
// or a doctype. Plain text with a stray "<" is not HTML: the tokenizer reads
// "a < b" as text and "<Reuters>" as an unknown element.
func looksLikeHTML(src string) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.DoctypeToken:
			return true
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) != 0 {
				return true
			}
		}
	}
}

// runTrafilatura runs the extractor and turns a panic inside it into an
// error: it is third-party code fed with arbitrary pages, and one bad page
// must not stop a whole ingest.
func runTrafilatura(doc *html.Node, url string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("trafilatura panicked: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
	}
	if url != "" {
		if u, perr := nurl.ParseRequestURI(url); perr == nil {
			opts.OriginalURL = u
		}
	}
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("trafilatura: %w", err)
	}
	return res, nil
}

// chooseDate prefers trafilatura's date, as asked, but returns the page's
// own raw string when both name the same day, give or take one for time
// zones: the raw string keeps the time of day and the zone that
// trafilatura's value may have lost.
func chooseDate(t time.Time, raw string) string {
	if t.IsZero() {
		return raw
	}
	if len(raw) >= 10 {
		if d, err := time.Parse("2006-01-02", raw[:10]); err == nil {
			day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			if diff := d.Sub(day); diff >= -24*time.Hour && diff <= 24*time.Hour {
				return raw
			}
		}
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// htmlMeta is what the page's own markup says, read without trafilatura.
type htmlMeta struct {
	lang, title, published, siteName, author string
}

// dateMetaRank orders the <meta> names that carry a publication date; a
// lower rank wins. article:published_time is the Open Graph standard and
// the most reliable.
func dateMetaRank(name string) int {
	switch strings.ToLower(name) {
	case "article:published_time", "og:published_time", "og:article:published_time":
		return 1
	case "datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
		"article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued",
		"dcterms.issued", "date", "dc.date", "dcterms.date", "originalpublicationdate":
		return 3
	}
	return 0
}

// scanHTMLMeta reads the lang attribute, the title and the publication date
// from <meta> tags, JSON-LD and <time> elements.
func scanHTMLMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	bestRank := 100
	var timeDate string
	setDate := func(v string, rank int) {
		v = strings.TrimSpace(v)
		if v != "" && rank < bestRank {
			m.published, bestRank = v, rank
		}
	}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			if m.lang == "" {
				m.lang = strings.TrimSpace(attr(n, "lang"))
			}
		case atom.Title:
			if m.title == "" {
				m.title = collapseSpace(textOf(n))
			}
		case atom.Meta:
			key := attr(n, "property")
			if key == "" {
				key = attr(n, "name")
			}
			if key == "" {
				key = attr(n, "itemprop")
			}
			content := attr(n, "content")
			if r := dateMetaRank(key); r > 0 {
				setDate(content, r)
			}
			switch strings.ToLower(key) {
			case "og:title":
				if t := strings.TrimSpace(content); t != "" {
					m.title = t
				}
			case "og:site_name":
				m.siteName = strings.TrimSpace(content)
			case "author", "article:author":
				if m.author == "" && !strings.Contains(content, "://") {
					m.author = strings.TrimSpace(content)
				}
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				if d := jsonLDDate(textOf(n)); d != "" {
					setDate(d, 2)
				}
			}
			return false
		case atom.Time:
			if timeDate == "" || attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate") {
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					timeDate = dt
				}
			}
		}
		return true
	})
	setDate(timeDate, 4)
	return m
}

// jsonLDDate finds the first datePublished (or dateCreated) in a JSON-LD
// block, however deeply it is nested in @graph or arrays.
func jsonLDDate(src string) string {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return ""
	}
	var found, created string
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if found != "" || depth > 20 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok && strings.TrimSpace(s) != "" {
				found = strings.TrimSpace(s)
				return
			}
			if s, ok := x["dateCreated"].(string); ok && created == "" {
				created = strings.TrimSpace(s)
			}
			for _, c := range x {
				visit(c, depth+1)
			}
		case []any:
			for _, c := range x {
				visit(c, depth+1)
			}
		}
	}
	visit(v, 0)
	if found == "" {
		return created
	}
	return found
}

// cleanExtracted drops from trafilatura's paragraphs what is plainly page
// chrome or a header line, reading the header lines into page.Meta on the
// way. It is deliberately narrow: trafilatura has already chosen the body.
func cleanExtracted(paras []string, lex *lexicon, page *Page) []string {
	out := paras[:0]
	titleKey := matchKey(page.Title)
	for i, p := range paras {
		fields := strings.Fields(p)
		// The headline is Page.Title; trafilatura often keeps it as the
		// first paragraph too.
		if i < 3 && titleKey != "" && matchKey(p) == titleKey {
			continue
		}
		// A "related stories" or comments heading in the second half ends
		// the article; in the first half it is more likely a stray label.
		isChrome, stop := lex.chrome(p, len(fields))
		if stop && i >= len(paras)/2 {
			break
		}
		if isChrome || isCopyright(p, len(fields)) || isMenu(p) {
			continue
		}
		if lab, val, ok := headerLabel(p, len(fields), lex); ok {
			applyHeader(&page.Meta, line{label: lab, value: val})
			continue
		}
		// A date line opening the text is the page's clock or a dateline
		// of its own; later ones may be a live blog's timestamps, which
		// belong to the text.
		if i == 0 && len(fields) >= 3 && isDateLine(fields, lex) {
			if page.Meta.Clock == "" {
				page.Meta.Clock = p
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// mergeMeta fills the empty fields of dst from src.
func mergeMeta(dst *Meta, src Meta) {
	if dst.Published == "" && src.Published != "" {
		dst.Published, dst.PublishedFrom = src.Published, src.PublishedFrom
	}
	if dst.Clock == "" {
		dst.Clock = src.Clock
	}
	if dst.StoryCode == "" {
		dst.StoryCode = src.StoryCode
	}
	if dst.Author == "" {
		dst.Author = src.Author
	}
}

// isBlock reports the elements that start a new paragraph when rendering.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Pre, atom.Table, atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside,
		atom.Nav, atom.Main, atom.Figure, atom.Figcaption, atom.Form,
		atom.Address, atom.Details, atom.Summary, atom.Center, atom.Hr,
		atom.Body, atom.Html, atom.Caption, atom.Fieldset, atom.Legend:
		return true
	}
	return false
}

// skipped reports elements whose text is never page text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
		atom.Iframe, atom.Head, atom.Select, atom.Option, atom.Textarea,
		atom.Button, atom.Input, atom.Object, atom.Embed, atom.Canvas, atom.Math:
		return true
	}
	return false
}

// renderParagraphs turns an element tree into paragraphs: block elements
// start a new paragraph, <br> a new line inside one, and runs of whitespace
// become one space.
func renderParagraphs(root *html.Node) []string {
	if root == nil {
		return nil
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		paras = append(paras, splitParagraphs(cur.String())...)
		cur.Reset()
	}
	walkEnter(root, func(n *html.Node, enter bool) bool {
		switch n.Type {
		case html.TextNode:
			if enter {
				// Newlines in the source are only whitespace; line
				// breaks come from <br>.
				cur.WriteString(strings.Map(func(r rune) rune {
					if unicode.IsSpace(r) {
						return ' '
					}
					return r
				}, n.Data))
			}
		case html.ElementNode:
			a := elemAtom(n)
			if skipped(a) {
				return false
			}
			switch {
			case a == atom.Br:
				if enter {
					cur.WriteString("\n")
				}
			case isBlock(a) || a == 0 && isTrafilaturaBlock(n.Data):
				flush()
			case a == atom.Td || a == atom.Th:
				cur.WriteString(" ")
			}
		}
		return true
	})
	flush()
	return paras
}

// tokenText is the text of markup that the parser refused, read token by
// token: block elements break paragraphs, scripts and styles are skipped.
func tokenText(src string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Noscript ||
				a == atom.Template || a == atom.Svg || a == atom.Math || a == atom.Iframe ||
				a == atom.Select || a == atom.Textarea || a == atom.Object || a == atom.Canvas:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case a == atom.Br:
				b.WriteString("\n")
			case isBlock(a):
				b.WriteString("\n\n")
			}
		}
	}
}

// elemAtom returns the element's atom. Trafilatura builds its output tree
// with nodes that carry only a tag name, so the atom is looked up when the
// parser did not set it.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// isTrafilaturaBlock reports the non-HTML block names trafilatura may leave
// in its output tree.
func isTrafilaturaBlock(name string) bool {
	switch name {
	case "head", "list", "item", "quote", "code", "row", "cell", "graphic", "lb":
		return true
	}
	return false
}

// splitParagraphs tidies the text of one block: whitespace inside each
// line collapses to one space, a single line break (<br>) stays inside the
// paragraph, and an empty line (<br><br>, the way many older sites mark
// paragraphs) starts a new one.
func splitParagraphs(s string) []string {
	var paras, cur []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapseSpace(l); l != "" {
			cur = append(cur, l)
			continue
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, "\n"))
	}
	return paras
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// walk visits the tree depth first; visit returns false to skip a subtree.
// It keeps its own stack so that deeply nested markup cannot exhaust the
// goroutine stack.
func walk(root *html.Node, visit func(*html.Node) bool) {
	walkEnter(root, func(n *html.Node, enter bool) bool {
		if !enter {
			return true
		}
		return visit(n)
	})
}

// walkEnter visits every node twice, on entering and on leaving; returning
// false on entering skips the node's children and its leaving visit.
func walkEnter(root *html.Node, visit func(n *html.Node, enter bool) bool) {
	if root == nil {
		return
	}
	type frame struct {
		n     *html.Node
		enter bool
	}
	stack := []frame{{root, true}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f.enter {
			visit(f.n, false)
			continue
		}
		if !visit(f.n, true) {
			continue
		}
		stack = append(stack, frame{f.n, false})
		// Push children in reverse so the first child is visited first.
		var kids []*html.Node
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{kids[i], true})
		}
	}
}

func findElement(root *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == a {
			found = n
			return false
		}
		return true
	})
	return found
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}
