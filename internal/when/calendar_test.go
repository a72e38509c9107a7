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
		{1, 1, 1, "0622-07-19"}, // tabular: 16 July 622 Julian
		{1299, 12, 29, "1882-11-11"},
		{1300, 1, 1, "1882-11-12"}, // the Umm al-Qura table begins
		{1400, 1, 1, "1979-11-21"},
		{1445, 9, 1, "2024-03-11"},
		{1445, 10, 1, "2024-04-10"},
		{1446, 1, 1, "2024-07-07"}, // tabular: 8 July
		{1446, 9, 1, "2025-03-01"},
		{1447, 1, 1, "2025-06-26"},
		{1446, 8, 30, "2025-03-01"}, // Sha'ban 1446 has 29 days: day 30 is 1 Ramadan
		{1500, 12, 30, "2077-11-16"},
		{1501, 1, 1, "2077-11-17"}, // tabular again
		{1600, 1, 1, "2173-12-06"}, // ICU islamic-civil agrees
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

func TestGregorianToIslamic(t *testing.T) {
	tests := []struct {
		day     string
		y, m, d int
	}{
		{"2025-03-01", 1446, 9, 1},
		{"2025-02-28", 1446, 8, 29},
		{"2025-06-26", 1447, 1, 1},
		{"2025-06-25", 1446, 12, 29},
		{"2024-07-07", 1446, 1, 1},
		{"1882-11-11", 1299, 12, 29},
		{"2077-11-17", 1501, 1, 1},
		{"0622-07-18", 0, 0, 0}, // before the epoch
	}
	for _, tt := range tests {
		day, _ := time.Parse(time.DateOnly, tt.day)
		if y, m, d := GregorianToIslamic(day); y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("GregorianToIslamic(%s) = %d/%d/%d, want %d/%d/%d", tt.day, y, m, d, tt.y, tt.m, tt.d)
		}
	}
}

// TestIslamicRoundTrip walks day by day across both ends of the Umm
// al-Qura table, checking that months advance in order, that every month
// has 29 or 30 days, and that converting back gives the same day.
func TestIslamicRoundTrip(t *testing.T) {
	start := time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2150, 12, 31, 0, 0, 0, 0, time.UTC)
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
		if n := islamicMonthLen(y, m); n != 29 && n != 30 {
			t.Fatalf("%d/%d has %d days", y, m, n)
		}
		py, pm, pd = y, m, d
	}
}

func TestUmmAlQuraTable(t *testing.T) {
	if umalqura.first != 1300 || len(umalqura.starts) != 201*12+1 {
		t.Errorf("table from %d with %d entries, want 1300 with %d", umalqura.first, len(umalqura.starts), 201*12+1)
	}
	tests := []struct {
		name, data string
		ok         bool
	}{
		{"good", "# c\n\n1446-01 2024-07-07\n1446-02 2024-08-06\n", true},
		{"not Muharram", "1446-02 2024-08-06\n1446-03 2024-09-04\n", false},
		{"gap", "1446-01 2024-07-07\n1446-03 2024-09-04\n", false},
		{"31 days", "1446-01 2024-07-07\n1446-02 2024-08-07\n", false},
		{"bad date", "1446-01 2024-07\n", false},
		{"bad number", "1446-01 2024-07-0x\n", false},
		{"one line", "1446-01 2024-07-07\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		_, err := parseUmmAlQura(tt.data)
		if (err == nil) != tt.ok {
			t.Errorf("%s: parseUmmAlQura error %v, want ok=%v", tt.name, err, tt.ok)
		}
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
