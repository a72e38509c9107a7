package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// zytePath is the dev half of the Zyte article-extraction benchmark, kept
// outside the repository; the test skips where it is absent.
const zytePath = "../../../shared/eval/extract-zyte.jsonl"

type zyteRow struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	HTML string `json:"html"`
	Gold string `json:"gold"`
}

// tokenPRF scores got against gold as bags of whitespace-separated words.
func tokenPRF(got, gold string) (p, r, f float64) {
	want := make(map[string]int)
	gt := strings.Fields(gold)
	for _, w := range gt {
		want[w]++
	}
	gw := strings.Fields(got)
	match := 0
	for _, w := range gw {
		if want[w] > 0 {
			want[w]--
			match++
		}
	}
	if len(gw) > 0 {
		p = float64(match) / float64(len(gw))
	}
	if len(gt) > 0 {
		r = float64(match) / float64(len(gt))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func TestTokenPRF(t *testing.T) {
	tests := []struct {
		got, gold string
		p, r, f   float64
	}{
		{"a b c", "a b c", 1, 1, 1},
		{"a b", "a b c d", 1, 0.5, 2.0 / 3},
		{"", "a", 0, 0, 0},
		{"a a a", "a", 1.0 / 3, 1, 0.5},
	}
	for _, tt := range tests {
		p, r, f := tokenPRF(tt.got, tt.gold)
		if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
			t.Errorf("tokenPRF(%q, %q) = %.3f %.3f %.3f, want %.3f %.3f %.3f", tt.got, tt.gold, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestZyte measures FromHTML on the Zyte dev set and logs token precision,
// recall and F1 averaged per page. It does not fail on a low score: the
// numbers are for comparison (go-trafilatura alone: F1 0.953).
func TestZyte(t *testing.T) {
	f, err := os.Open(zytePath)
	if err != nil {
		t.Skipf("no Zyte eval set: %v", err)
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("Zyte eval is slow; skipped with -short")
	}
	type score struct {
		id      string
		p, r, f float64
	}
	var scores []score
	var sp, sr, sf float64
	start := time.Now()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var row zyteRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("decode row: %v", err)
		}
		page, err := New().FromHTML(row.HTML, row.URL)
		if err != nil {
			t.Logf("%s: %v", row.URL, err)
		}
		p, r, f1 := tokenPRF(page.Text, row.Gold)
		scores = append(scores, score{row.URL, p, r, f1})
		sp, sr, sf = sp+p, sr+r, sf+f1
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", zytePath, err)
	}
	n := float64(len(scores))
	if n == 0 {
		t.Skip("empty Zyte eval set")
	}
	t.Logf("Zyte dev: %d pages, F1 %.3f, precision %.3f, recall %.3f (%.1fs)",
		len(scores), sf/n, sp/n, sr/n, time.Since(start).Seconds())
	sort.Slice(scores, func(i, j int) bool { return scores[i].f < scores[j].f })
	for _, s := range scores[:min(8, len(scores))] {
		t.Logf("  low: F1 %.3f P %.3f R %.3f %s", s.f, s.p, s.r, s.id)
	}
}
