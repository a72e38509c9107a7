package pipeline

import (
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/when"
)

// date finds the article's dates and infers when it was published. The
// evidence, strongest first: a date given with the input or in the page's
// metadata, a labelled header line, a dateline, a date the text gives for
// "yesterday" or "today", and last the capture time. A page clock (the
// site's current date printed in its header) is a capture time, never a
// publication date: a page read months after it appeared still shows the
// day it was read.
func date(a *article.Article, doc article.Document, page extract.Page) {
	var capture time.Time
	if doc.Fetched != nil {
		capture = doc.Fetched.UTC()
	} else if page.Meta.Clock != "" {
		if e, err := when.Parse(page.Meta.Clock, a.Lang, time.Time{}); err == nil {
			capture = e.Date
			a.Fetched = &capture
		}
	}
	ref := capture
	if ref.IsZero() {
		ref = latestWritten(a.Text, a.Lang)
	}

	var published time.Time
	from := ""
	switch {
	case doc.Published != nil:
		published, from = doc.Published.UTC(), "meta"
	default:
		if page.Meta.Published != "" {
			if e, err := when.Parse(page.Meta.Published, a.Lang, ref); err == nil {
				published, from = withClock(e), page.Meta.PublishedFrom
				if from == "" {
					from = "meta"
				}
			}
		}
		if from == "" && page.Meta.Dateline != "" {
			if e, err := when.Parse(page.Meta.Dateline, a.Lang, ref); err == nil && e.Precision == "day" {
				published, from = e.Date, "dateline"
			}
		}
		if from == "" {
			if d, ok := relative(a.Text, a.Lang, ref); ok {
				published, from = d, "relative"
			}
		}
		if from == "" && !capture.IsZero() {
			published, from = capture, "fetched"
		}
	}
	if from != "" {
		a.Published, a.PublishedFrom = &published, from
		ref = published
	}
	for _, e := range when.Find(a.Text, a.Lang, ref) {
		a.Dates = append(a.Dates, article.Date{
			Text: e.Text, Start: e.Start, End: e.End, Date: e.Date.Format("2006-01-02"),
			Calendar: e.Calendar, Precision: e.Precision, Relative: e.Relative,
		})
	}
}

// latestWritten is the reference for a page with no capture time: the
// latest full date the text writes (an article is rarely older than the
// dates it gives), or else now.
func latestWritten(text, lang string) time.Time {
	var latest time.Time
	for _, e := range when.Find(text, lang, time.Time{}) {
		if e.HasYear && e.Precision == "day" && e.Date.After(latest) {
			latest = e.Date
		}
	}
	if latest.IsZero() {
		return time.Now().UTC()
	}
	return latest.AddDate(0, 0, 1)
}

// withClock adds the expression's clock time to its day.
func withClock(e when.Expr) time.Time {
	if t, err := time.Parse("15:04", e.Time); err == nil {
		return e.Date.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
	}
	return e.Date
}

// relative reads the publication date off a relative expression that the
// text pins to a date, as in "yesterday, Monday (13 May)": the article was
// written the day after the 13th. Only the lead paragraphs count, where
// reports place the news peg.
func relative(text, lang string, ref time.Time) (time.Time, bool) {
	lead := text
	if r := []rune(text); len(r) > 1500 {
		lead = string(r[:1500])
	}
	for _, e := range when.Find(lead, lang, ref) {
		if e.Pinned && e.Precision == "day" {
			return e.Date.AddDate(0, 0, -e.Offset), true
		}
	}
	return time.Time{}, false
}
