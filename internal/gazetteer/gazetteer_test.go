package gazetteer

import (
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"pakistan", "afghanistan", "united-states", "ttp", "isis-k", "taliban", "ahmed-sharif-chaudhry"} {
		e := g.Get(id)
		if e == nil {
			t.Errorf("entry %q missing", id)
			continue
		}
		for _, l := range []string{"en", "fa"} {
			if len(e.Names[l]) == 0 {
				t.Errorf("entry %q has no %s names", id, l)
			}
		}
	}
}

func TestUserFileMerges(t *testing.T) {
	g, err := Load("testdata/user.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !contains(g.Get("pakistan").Names["fa"], "پاکستون") || !contains(g.Get("pakistan").Names["fa"], "پاکستان") {
		t.Errorf("user name not merged: %v", g.Get("pakistan").Names["fa"])
	}
	if e := g.Get("test-commander"); e == nil || e.Type != "PER" {
		t.Errorf("user entry not added: %+v", e)
	}
	if a := g.Ancestors("test-commander"); len(a) != 1 || a[0].ID != "pakistan" {
		t.Errorf("Ancestors = %v", a)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"name: x", "before the first [id]"},
		{"[a]\nname: A\ntype: XYZ\nkind: city", "type \"XYZ\""},
		{"[a]\ntype: LOC\nkind: city", "has no name"},
		{"[a]\nname: A\ntype: LOC\nkind: city\ncoords: 95, 10", "coords"},
		{"[a]\nname: A\ntype: LOC\nkind: city\ncolour: red", "unknown key"},
		{"[a\nname: A", "malformed id"},
		{"[a]\nname A", "want key: value"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "t.txt")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to say %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("[a]\nname: A\ntype: LOC\nkind: city\nen: A; B\ncoords: 1, 2\n")
	f.Add("# c\n[x]\ninter: 2\n")
	f.Fuzz(func(t *testing.T, s string) {
		entries, err := Parse(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.ID == "" && e.Name == "" {
				t.Fatalf("entry without id and name: %+v", e)
			}
		}
	})
}
