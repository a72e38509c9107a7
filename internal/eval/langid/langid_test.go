package langid

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/lang"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		line string
		want Row
		err  bool
	}{
		{`{"id":"a","label":"ps","bucket":"word","text":"ښه"}`, Row{"a", "ps", "word", "ښه"}, false},
		{` { "id" : "b" , "text" : "x \"y\" \u0628\nz" , "n": 3 } `, Row{ID: "b", Text: "x \"y\" ب\nz"}, false},
		{`{"id":"c","extra":{"k":[1,2]},"text":"t"}`, Row{ID: "c", Text: "t"}, false},
		{`{}`, Row{}, false},
		{`{"id":"d",}`, Row{}, true},
		{`{"id":"e"`, Row{}, true},
		{`not json`, Row{}, true},
	}
	for _, tt := range tests {
		got, err := Decode([]byte(tt.line))
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("Decode(%s) = %+v, %v; want %+v, error %v", tt.line, got, err, tt.want, tt.err)
		}
	}
}

func TestRun(t *testing.T) {
	rows := `{"id":"1","label":"en","bucket":"sentence","text":"The army said two soldiers were killed in the attack."}
{"id":"2","label":"ps","bucket":"sentence","text":"د ولسوالۍ چارواکو وویل چې په برید کې دوه کسان ووژل شول."}
{"id":"3","label":"fa-IR","bucket":"sentence","text":"پلیس شهرستان اعلام کرد که دو خودرو در این حادثه آسیب دید."}

{"id":"4","label":"ur","bucket":"word","text":"ہے"}
`
	path := filepath.Join(t.TempDir(), "rows.jsonl")
	if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	id, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Run(path, id, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1.000 (1)", "fa variety", "4 rows in"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := ReadFile(filepath.Join(t.TempDir(), "none"), func(Row) error { return nil }); err == nil {
		t.Error("a missing file: no error")
	}
}
