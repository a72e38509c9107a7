package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/article"
)

// flat renders paragraphs for comparison: mentions as [text=id],
// paragraphs joined by " | ".
func flat(ps []paragraph) string {
	var out []string
	for _, p := range ps {
		var b strings.Builder
		for _, s := range p {
			if s.Entity != nil {
				b.WriteString("[" + s.Text + "=" + s.Entity.ID + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		out = append(out, b.String())
	}
	return strings.Join(out, " | ")
}

func TestMarkup(t *testing.T) {
	a, b := &entityView{ID: "a"}, &entityView{ID: "b"}
	m := func(start, end int, e *entityView) mention { return mention{start: start, end: end, ent: e} }
	tests := []struct {
		name     string
		text     string
		mentions []mention
		want     string
	}{
		{"plain", "One.\n\nTwo.\nThree.", nil, "One. | Two. | Three."},
		{"blank and space-only lines fall away", "\n\nOne.\n \t\n\nTwo.\n", nil, "One. | Two."},
		{"empty", "", nil, ""},
		{"ascii", "Kabul and Herat", []mention{m(10, 15, b), m(0, 5, a)}, "[Kabul=a] and [Herat=b]"},
		// Offsets count code points: ZWNJ (U+200C) counts one, and each
		// Persian letter one, though two bytes in UTF-8.
		{"persian", "سیل‌ها در کابل", []mention{m(10, 14, a)}, "سیل‌ها در [کابل=a]"},
		{"astral code point counts one", "🌧 Kabul", []mention{m(2, 7, a)}, "🌧 [Kabul=a]"},
		{"mention at both ends", "Kabul", []mention{m(0, 5, a)}, "[Kabul=a]"},
		{"across paragraphs", "Kabul.\n\nHerat.", []mention{m(0, 5, a), m(8, 13, b)}, "[Kabul=a]. | [Herat=b]."},
		{"crossing a line break is skipped", "Kabul\nHerat", []mention{m(3, 8, a)}, "Kabul | Herat"},
		{"overlap: the first wins", "abcdefgh", []mention{m(3, 8, b), m(0, 5, a)}, "[abcde=a]fgh"},
		{"nested: the outer wins", "abcdefgh", []mention{m(2, 4, b), m(0, 8, a)}, "[abcdefgh=a]"},
		{"same start: the longer wins", "abcdefgh", []mention{m(0, 3, b), m(0, 6, a)}, "[abcdef=a]gh"},
		{"same span: the first given wins", "abcdefgh", []mention{m(0, 3, a), m(0, 3, b)}, "[abc=a]defgh"},
		{"touching spans both kept", "abcdef", []mention{m(0, 3, a), m(3, 6, b)}, "[abc=a][def=b]"},
		{"out of range", "Kabul", []mention{m(2, 9, a), m(-1, 2, b), m(5, 6, a), m(9, 12, b)}, "Kabul"},
		{"empty and reversed", "Kabul", []mention{m(2, 2, a), m(4, 1, b)}, "Kabul"},
		{"no entity", "Kabul", []mention{m(0, 5, nil)}, "Kabul"},
		{"invalid UTF-8 counts a code point per bad byte", "\xffKabul", []mention{m(1, 6, a)}, "\uFFFD[Kabul=a]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flat(markup(tt.text, tt.mentions)); got != tt.want {
				t.Errorf("markup = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		lang, variety, dir, tag, badge string
	}{
		{"en", "", "ltr", "en", "EN"},
		{"fa", "fa-AF", "rtl", "fa-AF", "FA-AF"},
		{"fa", "fa-IR", "rtl", "fa-IR", "FA-IR"},
		{"fa", "", "rtl", "fa", "FA"},
		{"ps", "", "rtl", "ps", "PS"},
		{"ur", "", "rtl", "ur", "UR"},
		{"ar", "", "rtl", "ar", "AR"},
		{"und", "", "auto", "", "UND"},
		{"", "", "auto", "", "UND"},
	}
	s := New(nil, nil, nil, nil, quietLog())
	for _, tt := range tests {
		v := s.articleView(&article.Article{Lang: tt.lang, Variety: tt.variety})
		if v.Dir != tt.dir || v.Lang != tt.tag || v.Badge != tt.badge || v.Gloss != (tt.lang != "en") {
			t.Errorf("%s/%s: dir %q lang %q badge %q gloss %v; want %q %q %q", tt.lang, tt.variety, v.Dir, v.Lang, v.Badge, v.Gloss, tt.dir, tt.tag, tt.badge)
		}
	}
}

func TestEntityView(t *testing.T) {
	s := New(nil, nil, testGazetteer(t), nil, quietLog())
	tests := []struct {
		in                 article.Entity
		name, title, class string
	}{
		{article.Entity{ID: "kabul", Name: "Kabul", Type: "LOC", Kind: "city"}, "Kabul City", "Kabul City (city)", "ent-LOC"},
		{article.Entity{ID: "new-group", Name: "New Front", Type: "ORG", Kind: "armed_group"}, "New Front", "New Front (armed_group)", "ent-ORG"},
		{article.Entity{ID: "someone"}, "someone", "someone", "ent-X"},
		{article.Entity{ID: "odd", Name: "Odd", Type: `LOC" onmouseover="x`}, "Odd", "Odd", "ent-LOConmouseoverx"},
	}
	for _, tt := range tests {
		v := s.entityView(tt.in)
		if v.Name != tt.name || v.Title() != tt.title || v.Class() != tt.class {
			t.Errorf("%s: %q %q %q, want %q %q %q", tt.in.ID, v.Name, v.Title(), v.Class(), tt.name, tt.title, tt.class)
		}
	}
}

func TestStoryEntities(t *testing.T) {
	s := New(nil, nil, testGazetteer(t), nil, quietLog())
	var cols []articleView
	for _, a := range fixtureArticles(t)[:3] {
		cols = append(cols, s.articleView(a))
	}
	var got []string
	for _, e := range storyEntities(cols) {
		got = append(got, e.ID+":"+strconv.Itoa(e.Articles)+":"+strings.Join(e.Forms, "/"))
	}
	want := "kabul:3:Kabul/کابل taliban:3:Taliban/طالبان/طالبانو afghanistan:1:Afghanistan"
	if strings.Join(got, " ") != want {
		t.Errorf("entities = %s, want %s", strings.Join(got, " "), want)
	}
}
