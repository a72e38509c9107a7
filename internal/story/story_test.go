package story

import (
	"strings"
	"testing"
	"time"
)

func member(id, day string, ents ...string) Member {
	m := Member{ArticleID: id, Terms: map[string]float64{}}
	for _, e := range ents {
		w := 1.0
		if e == "pakistan" || e == "afghanistan" {
			w = kindWeight["country"] // as Features weighs a country
		}
		m.Terms["e:"+e] = w
	}
	m.Day, _ = time.Parse("2006-01-02", day)
	return m
}

func TestAssign(t *testing.T) {
	s := NewAssigner(DefaultConfig)
	steps := []struct {
		m    Member
		same string // id of an earlier article it should share a story with; "" for a new story
	}{
		{member("en1", "2025-11-02", "pakistan", "afghanistan", "paktika", "paktika-barmal", "pakistan-army"), ""},
		{member("ur1", "2025-11-05", "pakistan", "bannu", "ttp", "kp-police"), ""},
		{member("fa1", "2025-11-02", "pakistan", "afghanistan", "paktika-barmal", "taliban"), "en1"},
		{member("ps1", "2025-11-06", "bannu", "ttp", "pakistan"), "ur1"},
		{member("ar1", "2025-11-03", "pakistan", "afghanistan"), "en1"},
		{member("en2", "2025-12-20", "pakistan", "afghanistan", "paktika", "paktika-barmal"), ""}, // weeks later
	}
	story := map[string]string{}
	for _, st := range steps {
		pl := s.Assign(st.m)
		id, created := pl.Story, pl.New
		story[st.m.ArticleID] = id
		if st.same == "" && !created {
			t.Errorf("%s joined %s, want a new story", st.m.ArticleID, id)
		}
		if st.same != "" && id != story[st.same] {
			t.Errorf("%s in %s, want the story of %s (%s)", st.m.ArticleID, id, st.same, story[st.same])
		}
	}
	// The December article moved the window: November's stories left it.
	if s.Active() != 1 {
		t.Errorf("active stories = %d, want 1", s.Active())
	}
}

func TestNewIDStable(t *testing.T) {
	if NewID("a") != NewID("a") || NewID("a") == NewID("b") {
		t.Error("story ids are not a function of the first article")
	}
}

func TestDuplicate(t *testing.T) {
	wire := strings.Fields("militants attacked a police checkpoint in the district late on thursday killing six policemen and wounding four others officials said adding that the attackers fled")
	edited := append(append([]string{}, wire[:len(wire)-2]...), "escaped", "later")
	other := strings.Fields("the border crossing was closed for a third day as traders waited with hundreds of trucks on both sides and officials held talks to reopen it soon")
	s := NewAssigner(DefaultConfig)
	a := member("a", "2025-11-02", "lakki-marwat", "ttp")
	a.Print = simhash(wire)
	b := member("b", "2025-11-02", "lakki-marwat", "ttp")
	b.Print = simhash(edited)
	c := member("c", "2025-11-02", "lakki-marwat", "ttp")
	c.Print = simhash(other)
	s.Assign(a)
	if pl := s.Assign(b); !pl.Duplicate {
		t.Errorf("an edited copy is not flagged: %+v", pl)
	}
	if pl := s.Assign(c); pl.Duplicate {
		t.Errorf("a different text is flagged a copy: %+v", pl)
	}
}
