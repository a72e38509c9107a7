package lang

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		f, err := os.Open(filepath.Join("train", label+"-prose.txt"))
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
