package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/event"
	"github.com/khabar-news/khabar/internal/gazetteer"
)

// acledColumns are ACLED's column names, in ACLED's order, so that an
// export opens beside ACLED data.
var acledColumns = []string{
	"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities",
}

var claimColumns = []string{"article_id", "date", "kind", "speaker", "speaker_name", "target", "target_name", "about", "evidence", "source", "url"}

func cmdExport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	db := fs.String("db", defaultDB("khabar.db"), dbHelp)
	format := fs.String("format", "csv", "csv (ACLED columns), jsonl (one event a line) or claims (claims as CSV)")
	out := fs.String("o", "", "output `file` (default standard output)")
	opt := dataFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: khabar export [flags]\n\nWrites the events (or claims) of every stored article.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "csv" && *format != "jsonl" && *format != "claims" {
		return fmt.Errorf("export: unknown format %q (want csv, jsonl or claims)", *format)
	}
	g, err := gazetteer.Load(opt.GazetteerFiles...)
	if err != nil {
		return err
	}
	x, err := event.New(g)
	if err != nil {
		return err
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	ex := &exporter{g: g, x: x, format: *format, csv: csv.NewWriter(bw), json: json.NewEncoder(bw)}
	if err := ex.header(); err != nil {
		return err
	}
	if err := st.Since(ctx, time.Time{}, ex.article); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	ex.csv.Flush()
	if err := ex.csv.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exporter writes the events or claims of one article after another.
type exporter struct {
	g      *gazetteer.Gazetteer
	x      *event.Extractor
	format string
	csv    *csv.Writer
	json   *json.Encoder
}

func (ex *exporter) header() error {
	switch ex.format {
	case "csv":
		return ex.csv.Write(acledColumns)
	case "claims":
		return ex.csv.Write(claimColumns)
	}
	return nil
}

// eventLine is an event as one JSON Lines record: the article it comes
// from and the event as the process contract writes it.
type eventLine struct {
	ArticleID string `json:"article_id"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	article.Event
}

func (ex *exporter) article(a *article.Article) error {
	switch ex.format {
	case "jsonl":
		for _, e := range a.Events {
			if err := ex.json.Encode(eventLine{ArticleID: a.ID, Source: a.Source, URL: a.URL, Event: e}); err != nil {
				return err
			}
		}
	case "claims":
		for _, c := range a.Claims {
			rec := []string{a.ID, c.Date, c.Kind, c.Speaker, ex.name(c.Speaker), c.Target, ex.name(c.Target),
				c.About, oneLine(c.Evidence.Text), a.Source, a.URL}
			if err := ex.csv.Write(rec); err != nil {
				return err
			}
		}
	default:
		for i, e := range a.Events {
			if err := ex.csv.Write(ex.acled(a, i, e)); err != nil {
				return err
			}
		}
	}
	return nil
}

// acled returns one event as an ACLED row. Dates of month or year
// precision (YYYY-MM, YYYY) get ACLED's time_precision 3 and their first
// day; geo_precision is 1 for a town or a district's centre, 2 for a
// province and 3 for a country.
func (ex *exporter) acled(a *article.Article, i int, e article.Event) []string {
	date, tp := e.Date, "1"
	switch len(e.Date) {
	case 7:
		date, tp = e.Date+"-01", "3"
	case 4:
		date, tp = e.Date+"-01-01", "3"
	}
	inter1, inter2 := ex.inter(e.Actor1), ex.inter(e.Actor2)
	var country, admin1, admin2, place, lat, lon, geo, iso, cc string
	if l := e.Location; l != nil {
		country, admin1, admin2, place = l.Country, l.Admin1, l.Admin2, l.Name
		if l.Lat != nil && l.Lon != nil {
			lat = strconv.FormatFloat(*l.Lat, 'f', 4, 64)
			lon = strconv.FormatFloat(*l.Lon, 'f', 4, 64)
		}
		geo = "1"
		if ent := ex.g.Get(l.ID); ent != nil {
			switch ent.Kind {
			case "province", "division":
				geo = "2"
			case "country", "region":
				geo = "3"
			}
			cc = ent.ISO
			for _, p := range ex.g.Ancestors(l.ID) {
				if p.Kind == "country" {
					cc = p.ISO
				}
			}
		}
		iso = isoNumeric(cc)
	}
	if cc == "" {
		cc = "XX"
	}
	fat := ""
	if e.Fatalities != nil {
		fat = strconv.Itoa(e.Fatalities.Min)
	} else {
		fat = "0"
	}
	return []string{
		fmt.Sprintf("%s-%s-%d", cc, a.ID, i+1), date, tp, e.EventType, e.SubEventType,
		ex.name(e.Actor1), ex.names(e.AssocActor1), itoa0(inter1), ex.name(e.Actor2), ex.names(e.AssocActor2), itoa0(inter2),
		interaction(inter1, inter2), iso, country, admin1, admin2, place, lat, lon, geo,
		a.Source, "", oneLine(e.Evidence.Text), fat,
	}
}

// name is an actor's English name; ids the catalogue lacks stay as written.
func (ex *exporter) name(id string) string {
	if id == "" {
		return ""
	}
	if n, _, ok := ex.x.Actor(id); ok {
		return n
	}
	return id
}

func (ex *exporter) names(ids string) string {
	var out []string
	for _, id := range strings.Split(ids, ";") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, ex.name(id))
		}
	}
	return strings.Join(out, "; ")
}

func (ex *exporter) inter(id string) int {
	if id == "" {
		return 0
	}
	_, n, _ := ex.x.Actor(id)
	return n
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// interaction is ACLED's two-digit code of the two actors' types, the
// smaller first; one actor alone gives its code and 0.
func interaction(a, b int) string {
	switch {
	case a == 0 && b == 0:
		return ""
	case a == 0 || b == 0:
		return strconv.Itoa((a + b) * 10)
	case a > b:
		a, b = b, a
	}
	return strconv.Itoa(a*10 + b)
}

// isoNumeric is ACLED's iso column, the ISO 3166 numeric code, for the
// countries of the region's news; others are left empty.
func isoNumeric(alpha2 string) string {
	switch alpha2 {
	case "AF":
		return "4"
	case "PK":
		return "586"
	case "IR":
		return "364"
	case "IN":
		return "356"
	case "CN":
		return "156"
	case "TJ":
		return "762"
	case "UZ":
		return "860"
	case "TM":
		return "795"
	case "US":
		return "840"
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
