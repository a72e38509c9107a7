package eval

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/lang"
)

// TestLangMisses lists misidentified rows of a langid file for study:
// KHABAR_LANGID_MISSES=FILE KHABAR_BUCKET=word go test -run LangMisses -v
func TestLangMisses(t *testing.T) {
	path := os.Getenv("KHABAR_LANGID_MISSES")
	if path == "" {
		t.Skip("KHABAR_LANGID_MISSES not set")
	}
	bucket := os.Getenv("KHABAR_BUCKET")
	id, err := lang.New()
	if err != nil {
		t.Fatal(err)
	}
	conf := map[string]int{}
	n := 0
	readJSONL(path, func(r LangRow) error {
		if bucket != "" && r.Bucket != bucket {
			return nil
		}
		res := id.Identify(r.Text)
		want, _, _ := strings.Cut(r.Label, "-")
		conf[want+"→"+res.Lang]++
		if strings.HasPrefix(r.Label, "fa-") {
			conf[r.Label+"⇒"+res.Variety]++
		}
		if (res.Lang != want || strings.HasPrefix(r.Label, "fa-") && res.Variety != r.Label) && n < 40 {
			n++
			t.Logf("%s %s got %s %.2f: %.100s", r.Label, r.Bucket, res.Lang, res.Confidence, r.Text)
		}
		return nil
	})
	var keys []string
	for k := range conf {
		keys = append(keys, fmt.Sprintf("%s %d", k, conf[k]))
	}
	sort.Strings(keys)
	t.Log(strings.Join(keys, ", "))
}
