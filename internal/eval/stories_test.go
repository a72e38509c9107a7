package eval

import (
	"math"
	"testing"
)

func TestBcubed(t *testing.T) {
	tests := []struct {
		gold, got []string
		p, r      float64
	}{
		{[]string{"a", "a", "b"}, []string{"x", "x", "y"}, 1, 1},
		{[]string{"a", "a", "b"}, []string{"x", "y", "z"}, 1, 2.0 / 3},
		{[]string{"a", "a", "b"}, []string{"x", "x", "x"}, (2.0/3*2 + 1.0/3) / 3, 1},
	}
	for _, tt := range tests {
		p, r := bcubed(tt.gold, tt.got)
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 {
			t.Errorf("bcubed(%v, %v) = %.3f, %.3f, want %.3f, %.3f", tt.gold, tt.got, p, r, tt.p, tt.r)
		}
	}
}
