package eval

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/event"
	"github.com/khabar-news/khabar/internal/pipeline"
)

// ACLEDRow is a row of an event file with the labels the events set reads.
// A label list may hold several values in one string ("airstrike;civiliancasualty").
type ACLEDRow struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Label struct {
		StartDate   string   `json:"start_date"`
		EventType   []string `json:"event_type"`
		Province    []string `json:"province"`
		TargetGroup []string `json:"target_group"`
		MinKilled   int      `json:"min_killed"`
		MinCaptured int      `json:"min_captured"`
	} `json:"label"`
}

// labelTypes maps the file's event labels to the ACLED sub-event types
// that code them. An ISAF "insurgents killed" report is a battle, or an air
// strike when the air weapons team did the killing; a capture-and-kill raid
// is a clash or an arrest; civilian casualties come from any violence.
var labelTypes = map[string][]string{
	"detention":        {event.Arrests},
	"airstrike":        {event.AirStrike},
	"insurgentskilled": {event.ArmedClash, event.AirStrike},
	"captureandkill":   {event.ArmedClash, event.Arrests, event.AirStrike},
	"civiliancasualty": {event.Attack, event.ArmedClash, event.AirStrike, event.IED, event.SuicideBomb, event.Shelling},
}

// labelGroups maps the file's target-group labels to gazetteer ids.
var labelGroups = map[string]string{
	"taliban": "taliban",
	"haqqani": "haqqani-network",
	"imu":     "imu",
	"hig":     "hezb-e-islami",
	"aq":      "al-qaeda",
	"let":     "lashkar-e-taiba",
}

// splitLabels flattens a label list whose strings may hold several
// values separated by ";", dropping empty and unknown ("??") ones.
func splitLabels(list []string) []string {
	var out []string
	for _, s := range list {
		for _, v := range strings.Split(s, ";") {
			if v = strings.TrimSpace(strings.ToLower(v)); v != "" && v != "??" {
				out = append(out, v)
			}
		}
	}
	return out
}

// looseName folds a place name for loose comparison: lower case, letters
// only, and the vowels that transliterations disagree on dropped
// ("Paktya" and "Paktia", "Sar-e Pul" and "Sar-e Pol" meet); a name
// inside the other counts too ("Wardak" in "Maidan Wardak").
func looseName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'y':
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ACLEDResult is khabar's reading of one row.
type ACLEDResult struct {
	Row    ACLEDRow
	Events []article.Event
	// Each field is right or not; the main event is the first.
	Date, Province, Type, Killed, Captured, Group bool
	// HasProvince and HasGroup say whether the row's labels name a
	// province and a known group: rows without are not scored on them.
	HasProvince, HasGroup  bool
	GotKilled, GotCaptured int
}

// ACLEDReport is the outcome of an events run.
type ACLEDReport struct {
	Results  []ACLEDResult
	Duration time.Duration
}

// EventsACLED runs the whole pipeline (extraction, language, dates,
// entities, events) on every row and compares the events with the labels.
// Counts are summed over the events of the main incident's date, the
// report's subject: a report may recall an older incident with its own
// dead.
func EventsACLED(path string) (*ACLEDReport, error) {
	var rows []ACLEDRow
	if err := readJSONL(path, func(r ACLEDRow) error { rows = append(rows, r); return nil }); err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	rep := &ACLEDReport{}
	start := time.Now()
	for _, r := range rows {
		a, err := p.Annotate(article.Document{ID: r.ID, Text: r.Text})
		res := ACLEDResult{Row: r}
		if err == nil {
			res.Events = a.Events
		}
		score(&res)
		rep.Results = append(rep.Results, res)
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

func score(res *ACLEDResult) {
	l := res.Row.Label
	evs := res.Events
	provinces := splitLabels(l.Province)
	groups := map[string]bool{}
	for _, g := range splitLabels(l.TargetGroup) {
		if id, ok := labelGroups[g]; ok {
			groups[id] = true
		}
	}
	res.HasProvince = len(provinces) > 0 && !strings.Contains(provinces[0], " ")
	res.HasGroup = len(groups) > 0
	main := ""
	if len(evs) > 0 {
		main = evs[0].Date
	}
	for _, e := range evs {
		if e.Date == l.StartDate {
			res.Date = true
		}
		if e.Location != nil {
			for _, p := range provinces {
				if a, b := looseName(e.Location.Admin1), looseName(p); a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)) {
					res.Province = true
				}
			}
		}
		for _, id := range actorIDs(e) {
			if groups[id] {
				res.Group = true
			}
		}
		if e.Date == main {
			if e.Fatalities != nil {
				res.GotKilled += e.Fatalities.Min
			}
			res.GotCaptured += e.Captured
		}
	}
	if len(evs) > 0 {
		for _, t := range splitLabels(l.EventType) {
			for _, sub := range labelTypes[t] {
				if evs[0].SubEventType == sub {
					res.Type = true
				}
			}
		}
	}
	res.Killed = res.GotKilled == l.MinKilled
	res.Captured = res.GotCaptured == l.MinCaptured
}

func actorIDs(e article.Event) []string {
	ids := []string{e.Actor1, e.Actor2}
	for _, s := range []string{e.AssocActor1, e.AssocActor2} {
		for _, id := range strings.Split(s, ";") {
			ids = append(ids, strings.TrimSpace(id))
		}
	}
	return ids
}

// Print writes the share of reports each field is right for.
func (rep *ACLEDReport) Print(w io.Writer) {
	type cell struct{ n, right int }
	var date, prov, typ, killed, captured, group, none cell
	for _, r := range rep.Results {
		add := func(c *cell, ok bool) {
			c.n++
			if ok {
				c.right++
			}
		}
		add(&date, r.Date)
		add(&typ, r.Type)
		add(&killed, r.Killed)
		add(&captured, r.Captured)
		add(&none, len(r.Events) == 0)
		if r.HasProvince {
			add(&prov, r.Province)
		}
		if r.HasGroup {
			add(&group, r.Group)
		}
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "field\treports\tright\tshare\tgoal\t")
	for _, f := range []struct {
		name string
		c    cell
		goal float64
	}{
		{"event date = start_date (any event)", date, 0.95},
		{"province among admin1", prov, 0.95},
		{"event type (main event) maps", typ, 0.90},
		{"killed = min_killed", killed, 0.85},
		{"captured = min_captured", captured, 0.85},
		{"target group among actors", group, 0.85},
	} {
		share := 0.0
		if f.c.n > 0 {
			share = float64(f.c.right) / float64(f.c.n)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.2f\t\n", f.name, f.c.n, f.c.right, share, f.goal)
	}
	tw.Flush()
	fmt.Fprintf(w, "reports without any event: %d of %d; %v\n", none.right, none.n, rep.Duration.Round(time.Millisecond))
}

// PrintMisses lists the rows with a wrong field, what was found and the
// start of the row, for KHABAR_EVAL_MISSES=1.
func (rep *ACLEDReport) PrintMisses(w io.Writer, field string, max int) {
	n := 0
	for _, r := range rep.Results {
		bad := map[string]bool{
			"date": !r.Date, "province": r.HasProvince && !r.Province, "type": !r.Type,
			"killed": !r.Killed, "captured": !r.Captured, "group": r.HasGroup && !r.Group,
		}
		if field != "" && !bad[field] || field == "" && !anyTrue(bad) {
			continue
		}
		if n++; n > max {
			break
		}
		l := r.Row.Label
		fmt.Fprintf(w, "miss %s: want date %s type %v prov %v group %v killed %d captured %d; got killed %d captured %d\n",
			r.Row.ID, l.StartDate, l.EventType, l.Province, l.TargetGroup, l.MinKilled, l.MinCaptured, r.GotKilled, r.GotCaptured)
		for _, e := range r.Events {
			loc := ""
			if e.Location != nil {
				loc = e.Location.Name + "/" + e.Location.Admin1
			}
			f := ""
			if e.Fatalities != nil {
				f = fmt.Sprintf("%d-%d", e.Fatalities.Min, e.Fatalities.Max)
			}
			ev := []rune(strings.Join(strings.Fields(e.Evidence.Text), " "))
			if len(ev) > 160 {
				ev = append(ev[:160], '…')
			}
			fmt.Fprintf(w, "    %s %s @%s a1=%s a2=%s as=%s|%s k=%s c=%d: %s\n", e.Date, e.SubEventType, loc,
				e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2, f, e.Captured, string(ev))
		}
	}
}

func anyTrue(m map[string]bool) bool {
	for _, v := range m {
		if v {
			return true
		}
	}
	return false
}

func runEventsACLED(path string, w io.Writer) error {
	rep, err := EventsACLED(path)
	if err != nil {
		return err
	}
	rep.Print(w)
	if evalMissesWanted() {
		rep.PrintMisses(w, evalMissesField(), evalMissesMax(80))
	}
	return nil
}

// evalMissesField narrows the misses listed to one field
// (KHABAR_EVAL_FIELD=date, province, type, killed, captured or group).
func evalMissesField() string { return os.Getenv("KHABAR_EVAL_FIELD") }
