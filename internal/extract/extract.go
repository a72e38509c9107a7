// Package extract finds the main text, the title and the header metadata of
// a news page, given either as text copied from a browser (FromText) or as
// HTML markup (FromHTML).
//
// Both paths return text in the page's own script: the package never
// normalises letters, digits or spelling, because later stages (language
// identification, date parsing, entity matching) need to see exactly what the
// page said. Only whitespace is tidied: paragraphs are separated by a blank
// line ("\n\n").
//
// Dates are returned as the raw strings found on the page; parsing them is
// left to the caller, which knows the calendars and the reference time.
package extract

import "errors"

// Page is what extraction finds in one page.
type Page struct {
	Title string
	// Text is the clean main text: paragraphs separated by "\n\n", page
	// chrome removed, the original script untouched.
	Text string
	Meta Meta
}

// Meta is the header metadata of a page, as raw strings.
type Meta struct {
	// Published is the raw publication date string, from HTML metadata
	// (article:published_time, JSON-LD datePublished, <time datetime>…) or
	// from a labelled header line ("Published:", "تاریخ نشر", "نشر شوی"…).
	Published string
	// PublishedFrom tells where Published came from: "meta" for HTML
	// metadata, "header" for a labelled header line, "" when not found.
	PublishedFrom string
	// Clock is an unlabelled date or time line found in the page header,
	// such as a weekday, date, city and time shown by the site. It tells
	// when the page was captured, not when the article was written, so it is
	// kept apart from Published and removed from Text.
	Clock string
	// StoryCode is the site's identifier of the story ("Story Code : 123",
	// "کد خبر: 123").
	StoryCode string
	// Dateline is the leading dateline of the first paragraph
	// ("KABUL, Afghanistan (Jan. 25, 2013) —"); it is kept in Text too.
	Dateline string
	// Lang is the lang attribute of the <html> element, if any.
	Lang     string
	SiteName string
	Author   string
	URL      string
}

var (
	// ErrEmpty reports that nothing was left after extraction. The Page
	// returned with it still holds whatever metadata was found.
	ErrEmpty = errors.New("extract: no text")
	// ErrNotHTML reports that FromHTML was given something that is not HTML
	// markup, so that the caller can fall back to FromText.
	ErrNotHTML = errors.New("extract: not HTML")
)

// Extractor extracts pages. It holds the parsed word lists (data/*.txt)
// and is safe for concurrent use.
type Extractor struct {
	lex *lexicon
}

// New returns an Extractor over the embedded word lists.
func New() *Extractor { return &Extractor{lex: loadLexicon()} }
