package pipeline

import (
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/extract"
)

func TestPublication(t *testing.T) {
	day := func(s string) *time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	body := "Border police reopened the crossing at Torkham after a week of talks between the two sides, officials said."
	tests := []struct {
		name      string
		doc       article.Document
		page      extract.Page
		lang      string
		want      string // YYYY-MM-DD, "" for none
		from      string
		fetched   string // the capture day, "" for none
		fromClock bool
	}{
		{
			name: "input published",
			doc:  article.Document{Published: day("2024-05-14")},
			page: extract.Page{Text: body, Meta: extract.Meta{Dateline: "KABUL (May 13) –"}},
			lang: "en", want: "2024-05-14", from: "meta",
		},
		{
			name: "page metadata",
			page: extract.Page{Text: body, Meta: extract.Meta{Published: "2024-05-14T09:30:00+04:30", PublishedFrom: "meta"}},
			lang: "en", want: "2024-05-14", from: "meta",
		},
		{
			name: "labelled header line",
			page: extract.Page{Text: body, Meta: extract.Meta{Published: "۲۵ ثور ۱۴۰۳", PublishedFrom: "header"}},
			lang: "fa", want: "2024-05-14", from: "header",
		},
		{
			name: "metadata after the capture loses to the dateline",
			doc:  article.Document{Fetched: day("2024-05-20")},
			page: extract.Page{Text: "KABUL (May 14, 2024) – " + body,
				Meta: extract.Meta{Published: "2024-09-01", PublishedFrom: "meta", Dateline: "KABUL (May 14, 2024) –"}},
			lang: "en", want: "2024-05-14", from: "dateline", fetched: "2024-05-20",
		},
		{
			name: "metadata years from every date of the text loses to a byline",
			page: extract.Page{Title: "Torkham reopens",
				Text: "By Staff Reporter | 14 May 2024\n\n" + body + " Trade fell sharply in April 2024.",
				Meta: extract.Meta{Published: "2019-01-01T00:00:00Z", PublishedFrom: "meta"}},
			lang: "en", want: "2024-05-14", from: "header",
		},
		{
			name: "suspect metadata with nothing better stands",
			page: extract.Page{Text: body + " Trade fell sharply in April 2024.",
				Meta: extract.Meta{Published: "2019-01-01T00:00:00Z", PublishedFrom: "meta"}},
			lang: "en", want: "2019-01-01", from: "meta",
		},
		{
			name: "suspect metadata stands against the capture time",
			doc:  article.Document{Published: day("2024-05-14"), Fetched: day("2024-05-15")},
			page: extract.Page{Text: "The Soviet army crossed the Amu Darya on 27 December 1979, the old soldier recalled in his talk."},
			lang: "en", want: "2024-05-14", from: "meta", fetched: "2024-05-15",
		},
		{
			name: "a title announcing an event is no header date",
			page: extract.Page{Title: "Parliament to vote on 20 May 2024", Text: body},
			lang: "en", want: "",
		},
		{
			name: "dated title",
			page: extract.Page{Title: "Operational update, May 14, 2024", Text: body},
			lang: "en", want: "2024-05-14", from: "header",
		},
		{
			name: "a date in a body sentence is no header",
			page: extract.Page{Text: "Talks opened on 3 May 2024.\n\n" + body},
			lang: "en", want: "",
		},
		{
			name: "dateline marked by extraction",
			page: extract.Page{Text: "KABUL, Afghanistan (Jan. 25, 2013) – " + body, Meta: extract.Meta{Dateline: "KABUL, Afghanistan (Jan. 25, 2013) –"}},
			lang: "en", want: "2013-01-25", from: "dateline",
		},
		{
			name: "dateline after header lines on one line",
			page: extract.Page{Text: "Regional Command East\u2028Release 2013-01-S-025\u2028KABUL, Afghanistan (Jan. 25, 2013) – " + body},
			lang: "en", want: "2013-01-25", from: "dateline",
		},
		{
			name: "yearless dateline takes its year from a release number",
			doc:  article.Document{Text: "Regional Command East\n2010-09-CA-125\n\nKABUL, Afghanistan (Sept. 8) – " + body},
			page: extract.Page{Text: "KABUL, Afghanistan (Sept. 8) – " + body},
			lang: "en", want: "2010-09-08", from: "dateline",
		},
		{
			name: "yearless dateline after the latest date the text writes",
			page: extract.Page{Text: "KABUL (Jan. 14) — " + body + " The group was formed in June 2011."},
			lang: "en", want: "2012-01-14", from: "dateline",
		},
		{
			name: "the latest pinned relative day",
			// A quoted earlier report's "the day before yesterday, Saturday
			// (11 May)" would date the text 13 May; the later pin wins.
			page: extract.Page{Text: "A spokesman had said the day before yesterday, Saturday (11 May), that talks were stalled. " +
				"Officials said yesterday, Monday (13 May), that the crossing would open."},
			doc:  article.Document{Fetched: day("2024-11-24")},
			lang: "en", want: "2024-05-14", from: "relative", fetched: "2024-11-24",
		},
		{
			name: "a page clock is a capture time, not the publication date",
			page: extract.Page{Text: "مقامات محلی دیروز دوشنبه (۱۳ می) اعلام کردند که گذرگاه تورخم باز شد.",
				Meta: extract.Meta{Clock: "یکشنبه ۴ قوس ۱۴۰۳ کابل ۰۴:۴۲"}},
			lang: "fa", want: "2024-05-14", from: "relative", fetched: "2024-11-24", fromClock: true,
		},
		{
			name: "a page clock with nothing better",
			page: extract.Page{Text: body, Meta: extract.Meta{Clock: "Sunday 24 November 2024"}},
			lang: "en", want: "2024-11-24", from: "fetched", fetched: "2024-11-24", fromClock: true,
		},
		{
			name: "the clock line is no header date",
			page: extract.Page{Title: "Sunday 24 November 2024", Text: body, Meta: extract.Meta{Clock: "Sunday 24 November 2024"}},
			lang: "en", want: "2024-11-24", from: "fetched", fetched: "2024-11-24", fromClock: true,
		},
		{
			name: "a dateline taken for a clock is a dateline",
			doc:  article.Document{Text: "Release 2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\n" + body},
			page: extract.Page{Text: body, Meta: extract.Meta{Clock: "KABUL, Afghanistan (Jan. 25, 2013)"}},
			lang: "en", want: "2013-01-25", from: "dateline",
		},
		{
			name: "input fetched",
			doc:  article.Document{Fetched: day("2024-05-15")},
			page: extract.Page{Text: body},
			lang: "en", want: "2024-05-15", from: "fetched", fetched: "2024-05-15",
		},
		{
			name: "nothing",
			page: extract.Page{Text: body},
			lang: "en", want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Publication(tt.doc, tt.page, tt.lang)
			got := ""
			if !d.Published.IsZero() {
				got = d.Published.Format(time.DateOnly)
			}
			if got != tt.want || d.From != tt.from {
				t.Errorf("published %q from %q, want %q from %q", got, d.From, tt.want, tt.from)
			}
			fetched := ""
			if !d.Fetched.IsZero() {
				fetched = d.Fetched.Format(time.DateOnly)
			}
			if fetched != tt.fetched || d.Clock != tt.fromClock {
				t.Errorf("fetched %q (clock %v), want %q (clock %v)", fetched, d.Clock, tt.fetched, tt.fromClock)
			}
		})
	}
}

func TestIsDateline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"KABUL, Afghanistan (Jan. 25, 2013) – Forces detained", true},
		{"Download PDF KABUL, Afghanistan (Jan. 25, 2013)", true},
		{"Kabul (Jan. 25, 2013) — talks", true},
		{"کابل (۲۵ ثور ۱۴۰۳) مقامات", true},
		{"The meeting (Jan. 25, 2013) was short", false},
		{"officials said (Jan. 25, 2013)", false},
		{"KABUL, Jan. 25, 2013 –", false},
	}
	for _, tt := range tests {
		r := reader{lang: "", ref: time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)}
		exprs := r.find(tt.line)
		if len(exprs) == 0 {
			t.Fatalf("no date in %q", tt.line)
		}
		if got := isDateline(tt.line, exprs[0]); got != tt.want {
			t.Errorf("isDateline(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
