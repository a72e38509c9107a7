package web

import (
	"testing"
	"unicode/utf8"
)

// FuzzReadDocuments feeds request bodies to the POST /api/documents
// reader: it must never panic, and every document it returns either has
// an error or carries valid UTF-8 text.
func FuzzReadDocuments(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "Floods in Kabul"}`,
		`[{"id": "a", "html": "<p>x</p>"}, {"id": "b"}]`,
		"{\"id\": \"a\", \"text\": \"x\"}\n{broken\n{\"title\": \"no id\"}\n",
		"\uFEFF{\"id\": \"bom\", \"text\": \"سلام\"}",
		`{"id": "a", "published": "not a date"}`,
		``, `null`, `[]`, `"text"`, `{"id": 7}`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, body []byte, lines bool) {
		docs, err := readDocuments(body, lines)
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.err == nil && (!utf8.ValidString(d.doc.Text) || !utf8.ValidString(d.doc.ID)) {
				t.Errorf("document %q read with invalid UTF-8", d.doc.ID)
			}
		}
	})
}
