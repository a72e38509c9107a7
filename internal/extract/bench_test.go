package extract

import "testing"

func BenchmarkFromText(b *testing.B) {
	raw, err := readFixture("fa_voa.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New().FromText(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		loadLexicon()
	}
}
