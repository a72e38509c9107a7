package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/entity"
	"github.com/khabar-news/khabar/internal/gazetteer"
)

// NERRow is a row of a named-entity file: a sentence and the names in it.
type NERRow struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Text     string    `json:"text"`
	Entities []NERSpan `json:"entities"`
}

// NERSpan is one labelled name, offsets in code points.
type NERSpan struct {
	Text  string `json:"text"`
	Type  string `json:"type"` // PER, ORG or LOC
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

func (c PRF) precision() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c PRF) recall() float64    { return ratio(c.TP, c.TP+c.FN) }
func (c PRF) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *PRF) add(o PRF) { c.TP, c.FP, c.FN = c.TP+o.TP, c.FP+o.FP, c.FN+o.FN }

// NERReport is the outcome of an entity recognition run.
type NERReport struct {
	Cells    map[[2]string]*PRF // [lang, type]
	Misses   []NERMiss
	Rows     int
	Duration time.Duration
}

// NERMiss is a sentence where khabar and the label disagree: the
// mentions khabar missed and those it found that the label lacks, as
// "TYPE text".
type NERMiss struct {
	Row           NERRow
	Missed, Extra []string
}

// adjectiveType is the type a language's corpus gives an adjective made
// from a name ("Pakistani", "ایرانی"). ANERcorp (Arabic) and UNER
// (Urdu) leave such adjectives unlabelled, as NER corpora mostly do;
// ArmanPersoNER labels Persian nationality words (ایرانی, آمریکائی,
// روسی) as organisations more often than not.
var adjectiveType = map[string]string{"fa": "ORG"}

// polityType is the type a language's corpus gives a country named as the
// state acting (entity.Mention.Polity: "دولت ایران", "حكومة باكستان",
// "بھارت نے کہا"), which khabar types ORG. ArmanPersoNER (Persian) labels
// such a country an organisation, as khabar does; ANERcorp (Arabic) and
// UNER (Urdu) label a country LOC whatever its role (in UNER no name is
// ever both), so there it counts as the LOC it is labelled.
var polityType = map[string]string{"ar": "LOC", "ur": "LOC"}

// Entities runs the recognizer on every sentence with its language,
// taking the names as flat NER corpora mark them (entity.Recognizer.Names),
// and leaves out adjectives made from names, as NER corpora do, or gives
// them the type the language's corpus gives them (adjectiveType); a
// country named as the state acting counts as the type the corpus gives
// it (polityType). It compares
// the mentions it finds with the labelled ones as (text, type) pairs per
// sentence, a multiset, so that offsets do not matter but a name found
// twice must be labelled twice.
func Entities(path string, r *entity.Recognizer) (*NERReport, error) {
	var rows []NERRow
	if err := readJSONL(path, func(row NERRow) error { rows = append(rows, row); return nil }); err != nil {
		return nil, err
	}
	rep := &NERReport{Cells: map[[2]string]*PRF{}, Rows: len(rows)}
	start := time.Now()
	for _, row := range rows {
		want := map[[2]string]int{}
		for _, e := range row.Entities {
			want[[2]string{e.Type, e.Text}]++
		}
		got := map[[2]string]int{}
		for _, m := range r.Names(row.Text, row.Lang) {
			switch {
			case m.Polity && polityType[row.Lang] != "" && !m.Adjectival:
				got[[2]string{polityType[row.Lang], m.Text}]++
			case !m.Adjectival:
				got[[2]string{m.Type, m.Text}]++
			case adjectiveType[row.Lang] != "":
				got[[2]string{adjectiveType[row.Lang], m.Text}]++
			}
		}
		var miss NERMiss
		count := func(k [2]string) *PRF {
			c := rep.Cells[[2]string{row.Lang, k[0]}]
			if c == nil {
				c = &PRF{}
				rep.Cells[[2]string{row.Lang, k[0]}] = c
			}
			return c
		}
		for k, n := range want {
			c := count(k)
			tp := min(n, got[k])
			c.TP += tp
			c.FN += n - tp
			for range n - tp {
				miss.Missed = append(miss.Missed, k[0]+" "+k[1])
			}
		}
		for k, n := range got {
			c := count(k)
			if fp := n - min(n, want[k]); fp > 0 {
				c.FP += fp
				for range fp {
					miss.Extra = append(miss.Extra, k[0]+" "+k[1])
				}
			}
		}
		if len(miss.Missed)+len(miss.Extra) > 0 {
			sort.Strings(miss.Missed)
			sort.Strings(miss.Extra)
			miss.Row = row
			rep.Misses = append(rep.Misses, miss)
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// Print writes a row per language × type with precision, recall, F1 and
// the number of labelled mentions, then each language's and the overall
// micro-averaged figures.
func (rep *NERReport) Print(w io.Writer) {
	langs, types := map[string]bool{}, map[string]bool{}
	for k := range rep.Cells {
		langs[k[0]], types[k[1]] = true, true
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "lang\ttype\tP\tR\tF1\tgold\tfound\t")
	line := func(l, t string, c PRF) {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", l, t, c.precision(), c.recall(), c.f1(), c.TP+c.FN, c.TP+c.FP)
	}
	var all PRF
	for _, l := range datesSortedKeys(langs) {
		var sum PRF
		for _, t := range datesSortedKeys(types) {
			if c := rep.Cells[[2]string{l, t}]; c != nil {
				line(l, t, *c)
				sum.add(*c)
			}
		}
		line(l, "all", sum)
		all.add(sum)
	}
	line("all", "all", all)
	tw.Flush()
	fmt.Fprintf(w, "%d sentences in %v\n", rep.Rows, rep.Duration.Round(time.Millisecond))
}

// PrintMisses lists the sentences where khabar and the label disagree.
func (rep *NERReport) PrintMisses(w io.Writer) {
	for _, m := range rep.Misses {
		fmt.Fprintf(w, "miss %s %s\n  text:   %s\n  missed: %s\n  extra:  %s\n", m.Row.ID, m.Row.Lang,
			m.Row.Text, strings.Join(m.Missed, " | "), strings.Join(m.Extra, " | "))
	}
}

func runEntities(path string, w io.Writer) error {
	g, err := gazetteer.Default()
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep, err := Entities(path, entity.New(g))
	if err != nil {
		return err
	}
	rep.Print(w)
	if evalMissesWanted() {
		rep.PrintMisses(w)
	}
	return nil
}
