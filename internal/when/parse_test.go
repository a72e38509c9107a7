package when

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, lang string
		want     string // describe() of the result, "" for an error
	}{
		{"Tuesday 14 May 2024 - 15:07", "en", "Tuesday 14 May 2024 - 15:07=2024-05-14 gregory day year wd @15:07"},
		{"2024-05-14T15:07:00+04:30", "", "2024-05-14T15:07:00+04:30=2024-05-14 gregory day year @15:07"},
		{"2024-05-13T22:30:00Z", "", "2024-05-13T22:30:00Z=2024-05-13 gregory day year @22:30"},
		{"2024-05-14T15:07:00.000+0430", "", "2024-05-14T15:07:00.000+0430=2024-05-14 gregory day year @15:07"},
		{"2024-05-14 15:07:00", "", "2024-05-14 15:07:00=2024-05-14 gregory day year @15:07"},
		{"Tue, 14 May 2024 15:07:00 GMT", "", "Tue, 14 May 2024 15:07:00 GMT=2024-05-14 gregory day year wd @15:07"},
		{"Tue, 14 May 2024 15:07:00 +0430", "", "Tue, 14 May 2024 15:07:00 +0430=2024-05-14 gregory day year wd @15:07"},
		{"2024-05-14", "", "2024-05-14=2024-05-14 gregory day year"},
		{"۱۴۰۳/۰۲/۲۵", "fa", "۱۴۰۳/۰۲/۲۵=2024-05-14 persian day year"},
		{"25 ثور 1403", "fa", "25 ثور 1403=2024-05-14 persian day year"},
		{"سه‌شنبه ۲۵ ثور ۱۴۰۳ - ۱۵:۰۷", "fa", "سه\u200cشنبه ۲۵ ثور ۱۴۰۳ - ۱۵:۰۷=2024-05-14 persian day year wd @15:07"},
		{"١٤ مايو ٢٠٢٤", "ar", "١٤ مايو ٢٠٢٤=2024-05-14 gregory day year"},
		{"۱۴ مئی ۲۰۲۴", "ur", "۱۴ مئی ۲۰۲۴=2024-05-14 gregory day year"},
		{"Published: May 2024", "en", "May 2024=2024-05-01 gregory month year"},
		{"", "", ""},
		{"no date here", "en", ""},
		{"2023", "", ""},
		{"14 May", "en", ""}, // no year and no ref
	}
	for _, tt := range tests {
		got, err := Parse(tt.in, tt.lang, time.Time{})
		if tt.want == "" {
			if err == nil {
				t.Errorf("Parse(%q) = %s, want error", tt.in, describe(got))
			} else if !errors.Is(err, ErrNoDate) {
				t.Errorf("Parse(%q) error %v does not wrap ErrNoDate", tt.in, err)
			}
			continue
		}
		if err != nil || describe(got) != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, describe(got), err, tt.want)
		}
	}
}

func TestParseOffsets(t *testing.T) {
	in := "  ۲۰۲۴-05-14T15:07:00Z\n"
	got, err := Parse(in, "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(in)
	if got.Start != 2 || string(rs[got.Start:got.End]) != got.Text || got.Date.Format(time.DateOnly) != "2024-05-14" {
		t.Errorf("Parse(%q) = %+v", in, got)
	}
}

func TestParseRelative(t *testing.T) {
	got, err := Parse("دیروز", "fa", refWed)
	if err != nil || got.Date.Format(time.DateOnly) != "2024-05-14" || !got.Relative {
		t.Errorf("Parse(دیروز) = %+v, %v", got, err)
	}
}
