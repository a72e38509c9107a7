package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestValidateVariety measures the Dari/Iranian decision on the project's
// own held-out text (train/fa-*-prose.txt), for choosing the weight of
// the variety n-gram model without looking at evaluation data. Build the
// model without those files first (gen -holdout prose), then:
//
//	KHABAR_VALIDATE=1 go test ./internal/lang -run ValidateVariety -v
func TestValidateVariety(t *testing.T) {
	if os.Getenv("KHABAR_VALIDATE") == "" {
		t.Skip("KHABAR_VALIDATE not set")
	}
	id, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"fa-AF", "fa-IR"} {
		suffix := os.Getenv("KHABAR_VALIDATE_SUFFIX")
		if suffix == "" {
			suffix = "-prose.txt"
		}
		f, err := os.Open(filepath.Join("train", label+suffix))
		if err != nil {
			t.Fatal(err)
		}
		n, ok := 0, 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			n++
			if r := id.Identify(line); r.Variety == label {
				ok++
			}
		}
		f.Close()
		t.Logf("%s: %d/%d = %.3f", label, ok, n, float64(ok)/float64(n))
	}
}

// TestValidateWords measures single-word identification on the demo
// corpus (the project's own articles), each word labelled with its
// article's language as identified from the whole article. Build the
// model without the demo corpus first (gen -demo ""), then:
//
//	KHABAR_VALIDATE=1 go test ./internal/lang -run ValidateWords -v
func TestValidateWords(t *testing.T) {
	if os.Getenv("KHABAR_VALIDATE") == "" {
		t.Skip("KHABAR_VALIDATE not set")
	}
	id, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../demo/corpus/*.jsonl")
	n, ok := map[string]int{}, map[string]int{}
	seen := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var r struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &r) != nil || r.Text == "" {
				continue
			}
			doc := id.Identify(r.Text).Lang
			if doc == "en" {
				continue
			}
			for _, w := range strings.Fields(r.Text) {
				w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
				if len([]rune(w)) < 3 || seen[w] {
					continue
				}
				seen[w] = true
				n[doc]++
				if id.Identify(w).Lang == doc {
					ok[doc]++
				}
			}
		}
		f.Close()
	}
	for l, c := range n {
		t.Logf("%s words: %d/%d = %.3f", l, ok[l], c, float64(ok[l])/float64(c))
	}
}
