package story

import (
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
