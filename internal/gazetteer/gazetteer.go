// Package gazetteer is khabar's catalogue of actors and places: each entry
// has an English canonical name, a type and kind, and its names in English,
// Persian, Pashto, Urdu and Arabic. The catalogue ships as plain text files
// embedded in the binary (data/*.txt, documented in data/README.md); a
// user's own files in the same format are merged on top.
package gazetteer

import (
	"github.com/khabar-news/khabar/internal/datafile"

	"bufio"
	"embed"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

//go:embed data
var embedded embed.FS

// Langs are the languages whose names an entry may carry, in file order.
var Langs = []string{"en", "fa", "ps", "ur", "ar"}

// Entry is one actor or place.
type Entry struct {
	ID       string
	Name     string // English canonical name
	Type     string // PER, ORG or LOC
	Kind     string // country, province, district, city, armed_group, state_body, person …
	Wikidata string
	ISO      string
	Parent   string // id of the admin parent or the body a person speaks for
	Role     string
	Inter    int // ACLED actor-type code, 0 when unknown
	Lat, Lon *float64
	Names    map[string][]string // language → names, most common first
	Origin   string              // file:line of the block that defined it
}

// AllNames returns every name of the entry in every language, the English
// canonical name first.
func (e *Entry) AllNames() []string {
	out := []string{e.Name}
	for _, l := range Langs {
		out = append(out, e.Names[l]...)
	}
	return out
}

// Gazetteer is a merged catalogue. It is read-only once built.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]*Entry
}

// Default returns the embedded catalogue.
func Default() (*Gazetteer, error) { return Load() }

// Load returns the embedded catalogue with the named user files merged on
// top, in order.
func Load(userFiles ...string) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]*Entry{}}
	err := datafile.Read(embedded, "data/*.txt", userFiles, func(r io.Reader, name string, user bool) error {
		if !user {
			name = path.Base(name)
		}
		entries, err := Parse(r, name)
		if err != nil {
			return err
		}
		return g.add(entries, user)
	})
	if err != nil {
		return nil, err // Parse's and add's errors name the gazetteer and the file
	}
	return g, g.check()
}

// add merges entries. Within the shipped data an id may be defined once;
// a user file may extend or override a shipped entry.
func (g *Gazetteer) add(entries []*Entry, override bool) error {
	for _, e := range entries {
		old, ok := g.byID[e.ID]
		if !ok {
			g.byID[e.ID] = e
			g.entries = append(g.entries, e)
			continue
		}
		if !override {
			return fmt.Errorf("gazetteer: %s: id %q already defined at %s", e.Origin, e.ID, old.Origin)
		}
		merge(old, e)
	}
	return nil
}

// merge lays the fields of e over old: set fields replace, names add.
func merge(old, e *Entry) {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&old.Name, e.Name}, {&old.Type, e.Type}, {&old.Kind, e.Kind}, {&old.Wikidata, e.Wikidata},
		{&old.ISO, e.ISO}, {&old.Parent, e.Parent}, {&old.Role, e.Role},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	if e.Inter != 0 {
		old.Inter = e.Inter
	}
	if e.Lat != nil {
		old.Lat, old.Lon = e.Lat, e.Lon
	}
	for l, names := range e.Names {
		for _, n := range names {
			if !contains(old.Names[l], n) {
				old.Names[l] = append(old.Names[l], n)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// check verifies what a block alone cannot: parents exist.
func (g *Gazetteer) check() error {
	for _, e := range g.entries {
		if e.Parent != "" && g.byID[e.Parent] == nil {
			return fmt.Errorf("gazetteer: %s: parent %q of %q is not defined", e.Origin, e.Parent, e.ID)
		}
	}
	return nil
}

// New builds a catalogue from entries alone, without the embedded data:
// for tests and for tools that bring their own catalogue.
func New(entries []*Entry) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]*Entry{}}
	if err := g.add(entries, false); err != nil {
		return nil, err
	}
	return g, g.check()
}

// Get returns the entry with the id, or nil.
func (g *Gazetteer) Get(id string) *Entry { return g.byID[id] }

// Entries returns all entries in file order.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Ancestors returns the chain of parents of id, nearest first.
func (g *Gazetteer) Ancestors(id string) []*Entry {
	var out []*Entry
	seen := map[string]bool{id: true}
	for e := g.byID[id]; e != nil && e.Parent != "" && !seen[e.Parent]; e = g.byID[e.Parent] {
		seen[e.Parent] = true
		if p := g.byID[e.Parent]; p != nil {
			out = append(out, p)
		}
	}
	return out
}

var validTypes = map[string]bool{"PER": true, "ORG": true, "LOC": true}

// Parse reads entries in the gazetteer file format. name is used in
// error messages.
func Parse(r io.Reader, name string) ([]*Entry, error) {
	var (
		out  []*Entry
		cur  *Entry
		line int
	)
	finish := func() error {
		if cur == nil {
			return nil
		}
		switch {
		case cur.Name == "":
			return fmt.Errorf("gazetteer: %s: entry %q has no name", cur.Origin, cur.ID)
		case !validTypes[cur.Type]:
			return fmt.Errorf("gazetteer: %s: entry %q has type %q, want PER, ORG or LOC", cur.Origin, cur.ID, cur.Type)
		case cur.Kind == "":
			return fmt.Errorf("gazetteer: %s: entry %q has no kind", cur.Origin, cur.ID)
		}
		out = append(out, cur)
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		if strings.HasPrefix(text, "[") {
			if !strings.HasSuffix(text, "]") || len(text) < 3 {
				return nil, fmt.Errorf("gazetteer: %s: malformed id line %q", where, text)
			}
			if err := finish(); err != nil {
				return nil, err
			}
			cur = &Entry{ID: strings.TrimSpace(text[1 : len(text)-1]), Names: map[string][]string{}, Origin: where}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("gazetteer: %s: %q before the first [id]", where, text)
		}
		key, val, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("gazetteer: %s: want key: value, got %q", where, text)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if err := cur.set(key, val); err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", where, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

func (e *Entry) set(key, val string) error {
	switch key {
	case "name":
		e.Name = val
	case "type":
		e.Type = val
	case "kind":
		e.Kind = val
	case "wikidata":
		e.Wikidata = val
	case "iso":
		e.ISO = val
	case "parent":
		e.Parent = val
	case "role":
		e.Role = val
	case "inter":
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 || n > 8 {
			return fmt.Errorf("inter %q: want an ACLED code 1–8", val)
		}
		e.Inter = n
	case "coords":
		la, lo, ok := strings.Cut(val, ",")
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(la), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
		if !ok || err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return fmt.Errorf("coords %q: want lat, lon", val)
		}
		e.Lat, e.Lon = &lat, &lon
	case "en", "fa", "ps", "ur", "ar":
		for _, n := range strings.Split(val, ";") {
			if n = strings.TrimSpace(n); n != "" && !contains(e.Names[key], n) {
				e.Names[key] = append(e.Names[key], n)
			}
		}
	default:
		return fmt.Errorf("unknown key %q", key)
	}
	return nil
}
