package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/article"
)

type got struct {
	doc   article.Document
	where string
	err   error
}

func collect(t *testing.T, read func(Func) error) []got {
	t.Helper()
	var out []got
	if err := read(func(doc article.Document, where string, err error) error {
		out = append(out, got{doc, where, err})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "متن", "published": "2025-11-03T09:15:00Z"}`,
		``,
		`{"id": "b", "text": "broken`,
		`{"id": 7, "html": "<p>x</p>"}`,
		"{\"id\": \"c\", \"text\": \"bad \xff byte\"}",
		`{"text": "no id"}`,
		`{"id": "d", "published": "yesterday"}`,
		`[1, 2]`,
		`{"id": "e"} {"id": "f"}`,
	}, "\n")
	res := collect(t, func(fn Func) error { return JSONLines(strings.NewReader(in), "in.jsonl", fn) })
	want := []struct {
		id, where, err string
	}{
		{"a", "in.jsonl:1", ""},
		{"b", "in.jsonl:3", "malformed JSON"},
		{"7", "in.jsonl:4", ""},
		{"c", "in.jsonl:5", "not valid UTF-8"},
		{"", "in.jsonl:6", `no "id"`},
		{"d", "in.jsonl:7", "not an RFC 3339 time"},
		{"", "in.jsonl:8", "malformed JSON"},
		{"e", "in.jsonl:9", "more than one value"},
	}
	if len(res) != len(want) {
		t.Fatalf("got %d records, want %d: %+v", len(res), len(want), res)
	}
	for i, w := range want {
		r := res[i]
		if r.doc.ID != w.id || r.where != w.where {
			t.Errorf("record %d: id %q at %s, want %q at %s", i, r.doc.ID, r.where, w.id, w.where)
		}
		switch {
		case w.err == "" && r.err != nil:
			t.Errorf("record %d: unexpected error %v", i, r.err)
		case w.err != "" && (r.err == nil || !strings.Contains(r.err.Error(), w.err)):
			t.Errorf("record %d: error %v, want it to say %q", i, r.err, w.err)
		}
	}
	if res[0].doc.Published == nil || res[0].doc.Published.Day() != 3 {
		t.Errorf("published not read: %v", res[0].doc.Published)
	}
}

func TestJSONLinesLongLine(t *testing.T) {
	long := `{"id": "big", "text": "` + strings.Repeat("x", MaxLineBytes+10) + `"}`
	in := long + "\n" + `{"id": "after", "text": "ok"}` + "\n"
	res := collect(t, func(fn Func) error { return JSONLines(strings.NewReader(in), "in", fn) })
	if len(res) != 2 {
		t.Fatalf("got %d records, want 2", len(res))
	}
	if res[0].doc.ID != "big" || res[0].err == nil || !strings.Contains(res[0].err.Error(), "limit") {
		t.Errorf("long line: %q %v", res[0].doc.ID, res[0].err)
	}
	if res[1].doc.ID != "after" || res[1].err != nil {
		t.Errorf("line after the long one: %q %v", res[1].doc.ID, res[1].err)
	}
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "Title\n\nSome page text.",
		"b.html":      "<html><body><p>x</p></body></html>",
		"c.jsonl":     `{"id": "c1", "text": "t"}` + "\n",
		"empty.txt":   "",
		"latin1.txt":  "caf\xe9",
		".hidden.txt": "skip me",
		"sub/d.txt":   "nested",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // a sparse 100 MB file
		t.Fatal(err)
	}
	f.Close()
	res := collect(t, func(fn Func) error { return Paths([]string{dir, filepath.Join(dir, "missing.txt")}, fn) })
	byID := map[string]got{}
	for _, r := range res {
		byID[r.doc.ID] = r
	}
	for id, wantErr := range map[string]string{
		"a": "", "b": "", "c1": "", "d": "",
		"empty": "empty file", "latin1": "not valid UTF-8", "huge": "limit",
	} {
		r, ok := byID[id]
		switch {
		case !ok:
			t.Errorf("%s not read", id)
		case wantErr == "" && r.err != nil:
			t.Errorf("%s: %v", id, r.err)
		case wantErr != "" && (r.err == nil || !strings.Contains(r.err.Error(), wantErr)):
			t.Errorf("%s: error %v, want %q", id, r.err, wantErr)
		}
	}
	if _, ok := byID[".hidden"]; ok {
		t.Error("hidden file read")
	}
	if byID["b"].doc.HTML == "" || byID["a"].doc.Text == "" {
		t.Error("kinds not told apart")
	}
	if r := res[len(res)-1]; r.err == nil || !strings.Contains(r.err.Error(), "missing.txt") {
		t.Errorf("missing path: %v", r.err)
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"x"}`, `{"id":1}`, `{`, "\xff", `{"id":"a","published":"2020-01-01"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := ParseLine(b)
		if err == nil && doc.ID == "" {
			t.Fatalf("no error and no id for %q", b)
		}
	})
}
