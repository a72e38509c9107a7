package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/entity"
	"github.com/khabar-news/khabar/internal/gazetteer"
)

func TestEntities(t *testing.T) {
	g, err := gazetteer.New([]*gazetteer.Entry{
		{ID: "pakistan", Name: "Pakistan", Type: "LOC", Kind: "country", Names: map[string][]string{"fa": {"پاکستان", "پاکستانی"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Written for this test: one hit, one adjective left out, one miss
	// (a name with no cue), one discovered person.
	rows := `{"id":"1","lang":"fa","text":"مقامات پاکستانی به پاکستان رفتند","entities":[{"text":"پاکستان","type":"LOC","start":19,"end":26}]}
{"id":"2","lang":"fa","text":"کریمی به کابل رفت","entities":[{"text":"کریمی","type":"PER","start":0,"end":5},{"text":"کابل","type":"LOC","start":9,"end":13}]}
{"id":"3","lang":"fa","text":"آقای کریمی گفت","entities":[{"text":"کریمی","type":"PER","start":5,"end":10}]}
`
	path := filepath.Join(t.TempDir(), "ner.jsonl")
	if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Entities(path, entity.New(g))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		typ  string
		want PRF
	}{
		{"LOC", PRF{TP: 1, FN: 1}},
		{"PER", PRF{TP: 1, FN: 1}},
	}
	for _, tt := range tests {
		if got := rep.Cells[[2]string{"fa", tt.typ}]; got == nil || *got != tt.want {
			t.Errorf("fa %s = %+v, want %+v", tt.typ, got, tt.want)
		}
	}
	var b strings.Builder
	rep.Print(&b)
	if !strings.Contains(b.String(), "fa   LOC  1.000  0.500  0.667") {
		t.Errorf("table:\n%s", b.String())
	}
}

// A country named as the state acting counts as the type its corpus
// gives it: ORG in Persian, LOC in Arabic and Urdu (polityType).
func TestEntitiesPolity(t *testing.T) {
	g, err := gazetteer.New([]*gazetteer.Entry{
		{ID: "pakistan", Name: "Pakistan", Type: "LOC", Kind: "country", Names: map[string][]string{
			"fa": {"پاکستان"}, "ar": {"باكستان"}, "ur": {"پاکستان"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Written for this test.
	rows := `{"id":"1","lang":"fa","text":"نخست‌وزیر پاکستان گفت","entities":[{"text":"پاکستان","type":"ORG","start":10,"end":17}]}
{"id":"2","lang":"ar","text":"قالت باكستان إن","entities":[{"text":"باكستان","type":"LOC","start":5,"end":12}]}
{"id":"3","lang":"ur","text":"پاکستان نے کہا","entities":[{"text":"پاکستان","type":"LOC","start":0,"end":7}]}
`
	path := filepath.Join(t.TempDir(), "ner.jsonl")
	if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Entities(path, entity.New(g))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range [][2]string{{"fa", "ORG"}, {"ar", "LOC"}, {"ur", "LOC"}} {
		if got := rep.Cells[k]; got == nil || *got != (PRF{TP: 1}) {
			t.Errorf("%s %s = %+v, want one hit", k[0], k[1], got)
		}
	}
}
