package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeRows writes JSON Lines to a file in a temporary folder.
func writeRows(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rows.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDates(t *testing.T) {
	path := writeRows(t,
		`{"id":"a","lang":"en","calendar":"gregory","locale":"en-GB","text":"Tuesday, 14 May 2024","date":"2024-05-14"}`,
		`{"id":"b","lang":"fa-AF","calendar":"persian","locale":"fa-AF-u-ca-persian","text":"۲۵ ثور ۱۴۰۳","date":"2024-05-14"}`,
		`{"id":"c","lang":"ar","calendar":"islamic-umalqura","locale":"ar-SA-u-ca-islamic-umalqura","text":"١ رمضان ١٤٤٦ هـ","date":"2025-03-01"}`,
		`{"id":"d","lang":"en","calendar":"gregory","locale":"en-GB","text":"no date","date":"2024-05-14"}`,
	)
	rep, err := Dates(path)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Cells[[2]string{"en", "gregory"}]; c == nil || c.N != 2 || c.Right != 1 {
		t.Errorf("en gregory cell %+v, want 1 of 2", c)
	}
	for _, k := range [][2]string{{"fa-AF", "persian"}, {"ar", "islamic-umalqura"}} {
		if c := rep.Cells[k]; c == nil || c.N != 1 || c.Right != 1 {
			t.Errorf("%v cell %+v, want 1 of 1", k, c)
		}
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Row.ID != "d" || rep.Misses[0].Got != "" {
		t.Errorf("misses %+v, want row d with no date", rep.Misses)
	}
	var out strings.Builder
	rep.Print(&out)
	rep.PrintMisses(&out)
	for _, want := range []string{"islamic-umalqura", "0.500 (2)", "overall 0.750 (3/4)", "miss d en gregory"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEventDates(t *testing.T) {
	path := writeRows(t,
		`{"id":"e1","text":"Release 2013-01-S-001\n\nKABUL, Afghanistan (Jan. 25, 2013)\nA patrol detained two men in Andar district, Ghazni province, yesterday. The men were questioned.","label":{"start_date":"2013-01-24"}}`,
		`{"id":"e2","text":"KABUL, Afghanistan (Jan. 25, 2013) – In the same area, a patrol found a cache of rifles buried near a road. The cache was destroyed.","label":{"start_date":"2013-01-25"}}`,
		`{"id":"e3","text":"A patrol detained two men in Andar district, Ghazni province, yesterday. The men were questioned.","label":{"start_date":"2013-01-24"}}`,
	)
	rep, err := EventDates(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rep.Results {
		got[r.Row.ID] = r.Got
	}
	want := map[string]string{"e1": "2013-01-24", "e2": "2013-01-25", "e3": ""}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: event date %q, want %q", id, got[id], w)
		}
	}
	var out strings.Builder
	rep.Print(&out)
	rep.PrintMisses(&out, 10)
	for _, want := range []string{"event date = start_date: 0.667 (2/3)", "miss e3"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
