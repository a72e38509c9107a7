// Package article is khabar's shared vocabulary: the values that flow from
// one stage of the pipeline to the next. It holds data only, no behaviour
// beyond small helpers, so that every stage can depend on it and on nothing
// else of the project.
package article

import (
	"slices"
	"strings"
	"time"
)

// Document is one input as it arrives: a JSON Lines record, a raw page
// capture or an HTML file. Exactly one of HTML or Text is usually set.
type Document struct {
	ID        string     `json:"id"`
	HTML      string     `json:"html,omitempty"`
	Text      string     `json:"text,omitempty"`
	Title     string     `json:"title,omitempty"`
	URL       string     `json:"url,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Fetched   *time.Time `json:"fetched,omitempty"`
	Source    string     `json:"source,omitempty"`
}

// Article is a document after the pipeline: clean text and every stage's
// annotations. Offsets in annotations count Unicode code points in Text.
type Article struct {
	ID            string
	Source        string
	URL           string
	Lang          string  // en, ar, ur, ps, fa, another ISO 639-1 code, or und
	Variety       string  // fa-AF, fa-IR or empty
	LangScore     float64 // confidence of Lang, 0..1
	Title         string
	Text          string
	Published     *time.Time
	PublishedFrom string     // meta, header, dateline, relative, fetched or empty
	Fetched       *time.Time // capture time: input field or a page clock
	Dates         []Date
	Entities      []Entity
	Events        []Event
	Claims        []Claim
	Story         string
	Duplicate     bool // a near-copy of an article already in its story
}

// Span is a stretch of Text, in code points.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Date is a date expression found in the text and the Gregorian day it names.
type Date struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Date     string `json:"date"`     // YYYY-MM-DD (for a partial date, its first day)
	Calendar string `json:"calendar"` // gregory, persian or islamic
	// Precision is "day", "month" or "year"; Relative is set when the
	// expression ("yesterday", "on Monday") was resolved against a reference.
	Precision string `json:"-"`
	Relative  bool   `json:"-"`
}

// Entity is one gazetteer entry (or discovered name) and where the article
// mentions it.
type Entity struct {
	ID       string `json:"id"`
	Name     string `json:"name"` // English canonical name
	Type     string `json:"type"` // PER, ORG or LOC
	Kind     string `json:"kind"` // country, province, armed_group, person …
	Mentions []Span `json:"mentions"`
}

// Location is where an event happened.
type Location struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Admin1  string   `json:"admin1"`
	Admin2  string   `json:"admin2"`
	Country string   `json:"country"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

// Fatalities are deaths as reported, and by whom.
type Fatalities struct {
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	Claimant string `json:"claimant"`
}

// Event is one incident coded with ACLED's taxonomy.
type Event struct {
	EventType    string      `json:"event_type"`
	SubEventType string      `json:"sub_event_type"`
	Date         string      `json:"date"`
	Location     *Location   `json:"location"`
	Actor1       string      `json:"actor1"`
	Actor2       string      `json:"actor2"`
	AssocActor1  string      `json:"assoc_actor_1"`
	AssocActor2  string      `json:"assoc_actor_2"`
	Fatalities   *Fatalities `json:"fatalities"`
	Captured     int         `json:"captured"`
	Evidence     Span        `json:"evidence"`
}

// Claim is a statement one actor makes about another: an accusation, a
// denial, a claim of responsibility …
type Claim struct {
	Kind     string `json:"kind"`
	Speaker  string `json:"speaker"`
	Target   string `json:"target"`
	About    string `json:"about"`
	Date     string `json:"date"`
	Evidence Span   `json:"evidence"`
}

// Story is a group of articles reporting one event.
type Story struct {
	ID        string
	Title     string
	FirstSeen time.Time
	LastSeen  time.Time
	Articles  int
	Languages []string
	Sources   []string
}

// EntityIDs returns the ids of the article's entities, in order.
func (a *Article) EntityIDs() []string {
	ids := make([]string, len(a.Entities))
	for i, e := range a.Entities {
		ids[i] = e.ID
	}
	return ids
}

// Gloss is an English line for an article, made of what the stages found
// in it: its first event's type and place and its lead actors ("Air/drone
// strike in Paktika: Pakistan Army, TTP"), or, with no event, the
// entities it names most. Story lists use it for stories that have no
// English article yet; it is empty when nothing was found.
func (a *Article) Gloss() string {
	where := ""
	var head string
	if len(a.Events) > 0 {
		ev := a.Events[0]
		head = ev.SubEventType
		if head == "" {
			head = ev.EventType
		}
		if ev.Location != nil && ev.Location.Name != "" {
			where = ev.Location.Name
			head += " in " + where
		}
	}
	ents := slices.Clone(a.Entities)
	slices.SortStableFunc(ents, func(x, y Entity) int { return len(y.Mentions) - len(x.Mentions) })
	var names []string
	for _, e := range ents {
		if len(names) == 3 {
			break
		}
		if e.Name == "" || e.Name == where || e.Kind == "discovered" || e.Kind == "media" {
			continue
		}
		names = append(names, e.Name)
	}
	switch {
	case head != "" && len(names) > 0:
		return head + ": " + strings.Join(names, ", ")
	case head != "":
		return head
	default:
		return strings.Join(names, ", ")
	}
}
