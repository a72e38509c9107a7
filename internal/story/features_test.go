package story

import (
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/article"
)

// A lexicon word counts only in its own language: the same letters are
// another word in a neighbouring language.
func TestConceptsByLanguage(t *testing.T) {
	f, err := NewFeaturizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text string
		want, not  string
	}{
		// Urdu "اور" is "and"; in Pashto it is fire.
		{"ur", "پولیس اور فوج نے علاقے کو گھیرے میں لے لیا", "", "c:fire"},
		{"ps", "په بازار کې اور ولګېد او دوه دوکانونه وسوځېدل", "c:fire", ""},
		// Urdu "میں" ("in") is written like the Dari word for a mine.
		{"ur", "شہر میں بارش ہوئی", "", "c:ied"},
		{"fa", "یک مین در کنار سرک منفجر شد", "c:ied", ""},
		// An article in a language the lexicon lacks reads every column.
		{"und", "دوه دوکانونه اور ولګېد", "c:fire", ""},
	}
	for _, tt := range tests {
		m := f.Features(&article.Article{ID: "x", Lang: tt.lang, Text: tt.text})
		if tt.want != "" && m.Terms[tt.want] == 0 {
			t.Errorf("%s %q: no %s in %v", tt.lang, tt.text, tt.want, m.Terms)
		}
		if tt.not != "" && m.Terms[tt.not] != 0 {
			t.Errorf("%s %q: %s counted", tt.lang, tt.text, tt.not)
		}
	}
}

// FuzzLexicon reads a user's lexicon file: any bytes give a featurizer or
// an error naming the file, never a panic.
func FuzzLexicon(f *testing.F) {
	for _, s := range []string{
		"flood: flood, floods | سیل | سیلاب | سیلاب | فيضان\n",
		"# comment\n\nx: a | b\n",
		"no colon here\n",
		": empty concept\n",
		"c: a | b | c | d | e | f\n",
		"c: ,,, | | \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fz := &Featurizer{concepts: map[string]map[string]string{"": {}}, skip: map[string]map[string]bool{"": {}}}
		for _, l := range lexiconLangs {
			fz.concepts[l], fz.skip[l] = map[string]string{}, map[string]bool{}
		}
		if err := fz.read(strings.NewReader(s), "user.txt"); err != nil {
			if !strings.Contains(err.Error(), "user.txt") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		fz.Features(&article.Article{ID: "x", Lang: "en", Title: s, Text: s})
	})
}
