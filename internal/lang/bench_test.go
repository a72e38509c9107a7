package lang

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// BenchmarkIdentify identifies sentences of the project's own training
// text, one call a sentence; sentences/s is the figure to watch.
func BenchmarkIdentify(b *testing.B) {
	var lines []string
	for _, name := range []string{"train/ps-sentences.txt", "train/fa-AF-prose.txt", "train/fa-IR-prose.txt"} {
		f, err := os.Open(name)
		if err != nil {
			b.Skip(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		f.Close()
	}
	id, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		id.Identify(lines[n%len(lines)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkNew is the start-up cost of an identifier: the table is read
// in place, so this is the cue files alone.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
