package when

import (
	"testing"
	"time"

	jalaali "github.com/jalaali/go-jalaali"
	ptime "github.com/yaa110/go-persian-calendar"
)

// TestPersianAgreement checks every day of 1900..2100 against two
// independent implementations, in both directions.
func TestPersianAgreement(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
	bad := 0
	for day := start; !day.After(end); day = day.AddDate(0, 0, 1) {
		y, m, d := GregorianToPersian(day)
		py, pm, pd := ptime.New(day).Date()
		jy, jm, jd, err := jalaali.ToJalaali(day.Year(), day.Month(), day.Day())
		if err != nil {
			t.Fatalf("go-jalaali %v: %v", day, err)
		}
		if y != py || m != int(pm) || d != pd || y != jy || m != int(jm) || d != jd {
			t.Errorf("GregorianToPersian(%s) = %d/%d/%d; go-persian-calendar %d/%d/%d, go-jalaali %d/%d/%d",
				day.Format(time.DateOnly), y, m, d, py, pm, pd, jy, jm, jd)
			bad++
		}
		back, err := PersianToGregorian(y, m, d)
		if err != nil || !back.Equal(day) {
			t.Errorf("PersianToGregorian(%d, %d, %d) = %v, %v; want %v", y, m, d, back, err, day)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many errors")
		}
	}
}

func TestPersianToGregorian(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string // "" for an error
	}{
		{1403, 1, 1, "2024-03-20"},
		{1403, 2, 25, "2024-05-14"},
		{1402, 12, 29, "2024-03-19"},
		{1403, 12, 30, "2025-03-20"}, // 1403 is a leap year
		{1402, 12, 30, ""},           // 1402 is not
		{1403, 7, 1, "2024-09-22"},
		{1403, 7, 31, ""},
		{1403, 13, 1, ""},
		{1403, 0, 1, ""},
		{1403, 1, 0, ""},
		{1357, 11, 22, "1979-02-11"},
		{3178, 1, 1, ""},
	}
	for _, tt := range tests {
		got, err := PersianToGregorian(tt.y, tt.m, tt.d)
		if tt.want == "" {
			if err == nil {
				t.Errorf("PersianToGregorian(%d, %d, %d) = %v, want error", tt.y, tt.m, tt.d, got)
			}
			continue
		}
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("PersianToGregorian(%d, %d, %d) = %v, %v; want %s", tt.y, tt.m, tt.d, got, err, tt.want)
		}
	}
}

func TestIslamic(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"}, // 16 July 622 Julian
		{1445, 9, 1, "2024-03-11"},
		{1445, 10, 1, "2024-04-10"},
		{1446, 1, 1, "2024-07-08"}, // Umm al-Qura: 7 July; 1445 is a tabular leap year
		{1400, 1, 1, "1979-11-21"},
	}
	for _, tt := range tests {
		got, err := IslamicToGregorian(tt.y, tt.m, tt.d)
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("IslamicToGregorian(%d, %d, %d) = %v, %v; want %s", tt.y, tt.m, tt.d, got, err, tt.want)
		}
	}
	for _, bad := range [][3]int{{0, 1, 1}, {1445, 13, 1}, {1445, 1, 31}, {1445, 1, 0}} {
		if got, err := IslamicToGregorian(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("IslamicToGregorian(%v) = %v, want error", bad, got)
		}
	}
}

// TestIslamicRoundTrip walks day by day, checking that months advance in
// order and that converting back gives the same day.
func TestIslamicRoundTrip(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
	py, pm, pd := GregorianToIslamic(start.AddDate(0, 0, -1))
	for day := start; !day.After(end); day = day.AddDate(0, 0, 1) {
		y, m, d := GregorianToIslamic(day)
		back, err := IslamicToGregorian(y, m, d)
		if err != nil || !back.Equal(day) {
			t.Fatalf("IslamicToGregorian(GregorianToIslamic(%v)) = %v, %v", day, back, err)
		}
		next := d == pd+1 && m == pm && y == py
		newMonth := d == 1 && pd == islamicMonthLen(py, pm) && (m == pm+1 && y == py || m == 1 && pm == 12 && y == py+1)
		if !next && !newMonth {
			t.Fatalf("%v: %d/%d/%d follows %d/%d/%d", day, y, m, d, py, pm, pd)
		}
		py, pm, pd = y, m, d
	}
}

func TestCivilDays(t *testing.T) {
	for n := -800000; n < 800000; n += 7 {
		y, m, d := civilFromDays(n)
		if got := civilDays(y, m, d); got != n {
			t.Fatalf("civilDays(civilFromDays(%d)) = %d", n, got)
		}
		want := time.Unix(int64(n)*86400, 0).UTC()
		if want.Year() != y || int(want.Month()) != m || want.Day() != d {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %v", n, y, m, d, want)
		}
	}
}
