package event

import (
	"strings"
	"testing"
)

// FuzzLexicon reads a user's trigger file: any bytes give lexicons or an
// error naming the file and line, never a panic.
func FuzzLexicon(f *testing.F) {
	for _, s := range []string{
		"[en]\nevent Battles / Armed clash: clash; clashes\n",
		"[fa]\nclaim deny: رد کرد; تکذیب کرد\n",
		"[]\n: nothing\n",
		"event: \nevent x / y:;;;\n",
		"[ps]\n# comment\n\nunknown line\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lex := map[string]*lexicon{}
		if err := parseLexicon(strings.NewReader(s), "user.txt", "*", lex); err != nil && !strings.Contains(err.Error(), "user.txt") {
			t.Errorf("error %q does not name the file", err)
		}
	})
}
