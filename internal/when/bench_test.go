package when

import (
	"strings"
	"testing"
)

var benchText = strings.Repeat("Talks opened on Tuesday 14 May 2024 - 15:07 in Doha; officials said yesterday that "+
	"نشست روز سه‌شنبه ۲۵ ثور ۱۴۰۳ کابل ۰۴:۴۲ پایان یافت و دیروز ", 200)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText, "", refWed)
	}
}
