// Package pipeline composes khabar's stages. Annotate runs the pure stages
// on one document (extract, language, dates, entities); Run streams many
// documents through them concurrently and assigns stories in input order,
// the only stateful step.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/entity"
	"github.com/khabar-news/khabar/internal/event"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/lang"
	"github.com/khabar-news/khabar/internal/story"
)

// MaxDocumentBytes is the largest page khabar reads. Real news pages are
// well under a megabyte; a larger "page" is a dump or a mistake, and
// reading it whole would cost memory for nothing.
const MaxDocumentBytes = 16 << 20

// Pipeline holds the read-only resources of the stages. Annotate is safe
// for concurrent use.
type Pipeline struct {
	Gazetteer *gazetteer.Gazetteer
	extract   *extract.Extractor
	lang      *lang.Identifier
	entities  *entity.Recognizer
	stories   *story.Featurizer
	events    *event.Extractor
}

// Options names user data files merged over the embedded ones.
type Options struct {
	GazetteerFiles []string
	LangCueFiles   []string
	LexiconFiles   []string // concept lexicons for story assignment
	EventFiles     []string // event and claim trigger lexicons
	EntityFiles    []string // name discovery data: cues, given names, stop and common words
}

// New builds a pipeline over the embedded data and the user's files.
func New(opt Options) (*Pipeline, error) {
	g, err := gazetteer.Load(opt.GazetteerFiles...)
	if err != nil {
		return nil, err
	}
	id, err := lang.New(opt.LangCueFiles...)
	if err != nil {
		return nil, err
	}
	sf, err := story.NewFeaturizer(opt.LexiconFiles...)
	if err != nil {
		return nil, err
	}
	ev, err := event.New(g, opt.EventFiles...)
	if err != nil {
		return nil, err
	}
	rec, err := entity.Load(g, opt.EntityFiles...)
	if err != nil {
		return nil, err
	}
	return &Pipeline{Gazetteer: g, extract: extract.New(), lang: id, entities: rec, stories: sf, events: ev}, nil
}

// Check returns an error for a document khabar cannot read, saying why.
func Check(doc article.Document) error {
	if strings.TrimSpace(doc.ID) == "" {
		return errors.New("document has no id")
	}
	body := doc.Text
	if doc.HTML != "" {
		body = doc.HTML
	}
	switch {
	case strings.TrimSpace(body) == "" && strings.TrimSpace(doc.Title) == "":
		return errors.New("document has no text, html or title")
	case len(body) > MaxDocumentBytes:
		return fmt.Errorf("document is %d bytes, over the %d MiB limit for one page", len(body), MaxDocumentBytes>>20)
	}
	return CheckText([]byte(body))
}

// CheckText rejects bytes that are not text: invalid UTF-8 or binary
// data (NUL bytes, many control characters).
func CheckText(b []byte) error {
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8 first", i)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return errors.New("binary data (NUL bytes), not text")
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	if ctl > 8 && ctl*100 > len(b) {
		return errors.New("binary data (control characters), not text")
	}
	return nil
}

// Annotate runs the stages on one document. The returned article has no
// story yet: assignment needs the stream (see Run and Assign).
func (p *Pipeline) Annotate(doc article.Document) (*article.Article, error) {
	if err := Check(doc); err != nil {
		return nil, err
	}
	page, err := p.extractPage(doc)
	if err != nil {
		return nil, err
	}
	a := &article.Article{
		ID:      doc.ID,
		Source:  doc.Source,
		URL:     doc.URL,
		Title:   page.Title,
		Text:    page.Text,
		Fetched: doc.Fetched,
	}
	if doc.Title != "" {
		a.Title = strings.TrimSpace(doc.Title)
	}
	if a.Source == "" {
		a.Source = page.Meta.SiteName
	}
	if a.URL == "" {
		a.URL = page.Meta.URL
	}
	res := p.lang.Identify(a.Title + "\n" + a.Text)
	a.Lang, a.Variety, a.LangScore = res.Lang, res.Variety, res.Confidence
	date(a, doc, page)
	a.Entities = p.entities.Find(a.Text, a.Lang)
	a.Events, a.Claims = p.events.Extract(a)
	return a, nil
}

func (p *Pipeline) extractPage(doc article.Document) (extract.Page, error) {
	if doc.HTML != "" {
		page, err := p.extract.FromHTML(doc.HTML, doc.URL)
		if errors.Is(err, extract.ErrNotHTML) {
			// Plain text sent as HTML: read it as the text it is.
			page, err = p.extract.FromText(doc.HTML)
		}
		if err != nil && doc.Title == "" {
			return page, fmt.Errorf("extract: %w", err)
		}
		return page, nil
	}
	page, err := p.extract.FromText(doc.Text)
	if err != nil && !(errors.Is(err, extract.ErrEmpty) && doc.Title != "") {
		return page, fmt.Errorf("extract: %w", err)
	}
	return page, nil
}

// PairClaims is a story.Pairer: the event stage's pairing of accusations
// and their answers, as indexes into claims.
func (p *Pipeline) PairClaims(claims []article.Claim) [][2]int {
	var out [][2]int
	used := map[[2]int]bool{}
	// Pairs returns the claims themselves; find each one's index, the
	// first not yet used in the same role, so that equal claims from two
	// articles each keep their own.
	index := func(c article.Claim, role int, other int) int {
		for i, x := range claims {
			if x == c && i != other && !used[[2]int{role, i}] {
				return i
			}
		}
		for i, x := range claims {
			if x == c && i != other {
				return i
			}
		}
		return -1
	}
	for _, pr := range p.events.Pairs(claims) {
		a := index(pr.Accusation, 0, -1)
		r := index(pr.Response, 1, a)
		if a < 0 || r < 0 {
			continue
		}
		used[[2]int{0, a}], used[[2]int{1, r}] = true, true
		out = append(out, [2]int{a, r})
	}
	return out
}
