package when

import (
	"fmt"
	"time"
)

// Calendar names, as used in Expr.Calendar. They follow the CLDR/ICU
// identifiers so that values can be compared with other tools' output.
const (
	Gregorian = "gregory"
	Persian   = "persian"
	Islamic   = "islamic"
)

// persianBreaks are the Solar Hijri years in which the 33-year leap cycle is
// interrupted (Borkowski 1996, as used by the jalaali libraries). Between two
// breaks the leap years follow the 33-year rule; the table covers the years
// -61..3177, i.e. Gregorian 560..3798.
var persianBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// persianYear describes Solar Hijri year jy: leap is the number of years
// since the last leap year (0 means jy itself is a leap year), gy the
// Gregorian year in which it begins, and march the day of March of gy on
// which 1 Farvardin falls.
func persianYear(jy int) (leap, gy, march int, err error) {
	n := len(persianBreaks)
	jp := persianBreaks[0]
	if jy < jp || jy >= persianBreaks[n-1] {
		return 0, 0, 0, fmt.Errorf("when: Solar Hijri year %d outside %d..%d", jy, jp, persianBreaks[n-1]-1)
	}
	gy = jy + 621
	leapJ := -14
	jump := 0
	for i := 1; i < n; i++ {
		jm := persianBreaks[i]
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += floorDiv(jump, 33)*8 + floorDiv(floorMod(jump, 33), 4)
		jp = jm
	}
	k := jy - jp
	// Leap years from the last break up to jy.
	leapJ += floorDiv(k, 33)*8 + floorDiv(floorMod(k, 33)+3, 4)
	if floorMod(jump, 33) == 4 && jump-k == 4 {
		leapJ++
	}
	// Gregorian leap years up to gy.
	leapG := floorDiv(gy, 4) - floorDiv((floorDiv(gy, 100)+1)*3, 4) - 150
	march = 20 + leapJ - leapG
	if jump-k < 6 {
		k = k - jump + floorDiv(jump+4, 33)*33
	}
	leap = floorMod(floorMod(k+1, 33)-1, 4)
	if leap == -1 {
		leap = 4
	}
	return leap, gy, march, nil
}

// persianMonthLen is the length of month m of Solar Hijri year y: six months
// of 31 days, five of 30, and Esfand of 29 or, in leap years, 30.
func persianMonthLen(y, m int) (int, error) {
	switch {
	case m < 1 || m > 12:
		return 0, fmt.Errorf("when: Solar Hijri month %d out of range", m)
	case m <= 6:
		return 31, nil
	case m <= 11:
		return 30, nil
	}
	leap, _, _, err := persianYear(y)
	if err != nil {
		return 0, err
	}
	if leap == 0 {
		return 30, nil
	}
	return 29, nil
}

// persianDays returns the day number (days since 1970-01-01) of a Solar
// Hijri date, validating it.
func persianDays(y, m, d int) (int, error) {
	n, err := persianMonthLen(y, m)
	if err != nil {
		return 0, err
	}
	if d < 1 || d > n {
		return 0, fmt.Errorf("when: Solar Hijri day %d out of range for %d/%d", d, y, m)
	}
	_, gy, march, err := persianYear(y)
	if err != nil {
		return 0, err
	}
	return civilDays(gy, 3, march) + (m-1)*31 - m/7*(m-7) + d - 1, nil
}

// PersianToGregorian converts a Solar Hijri (Jalali, Shamsi) date — the civil
// calendar of Afghanistan and Iran, whose month names differ between the two
// but whose days agree — to the Gregorian day at UTC midnight. It fails for a
// month outside 1..12, a day outside the month, or a year outside -61..3177.
func PersianToGregorian(y, m, d int) (time.Time, error) {
	n, err := persianDays(y, m, d)
	if err != nil {
		return time.Time{}, err
	}
	return dayTime(n), nil
}

// GregorianToPersian returns the Solar Hijri date of t's calendar day in t's
// own location. Outside the Gregorian years 560..3797 it returns zeros.
func GregorianToPersian(t time.Time) (y, m, d int) {
	gy, gm, gd := t.Date()
	return persianFromDays(civilDays(gy, int(gm), gd))
}

func persianFromDays(n int) (y, m, d int) {
	gy, _, _ := civilFromDays(n)
	jy := gy - 621
	leap, _, march, err := persianYear(jy)
	if err != nil {
		return 0, 0, 0
	}
	k := n - civilDays(gy, 3, march)
	if k >= 0 {
		if k <= 185 {
			return jy, 1 + k/31, k%31 + 1
		}
		k -= 186
	} else {
		// Before 1 Farvardin: the last months of the previous year, which
		// has 30 days in Esfand when it was a leap year (leap == 1 for jy).
		jy--
		if _, _, _, err := persianYear(jy); err != nil {
			return 0, 0, 0
		}
		k += 179
		if leap == 1 {
			k++
		}
	}
	return jy, 7 + k/30, k%30 + 1
}

// Lunar Hijri dates are read in the Umm al-Qura calendar, the one ICU/CLDR
// and most Arabic sites print, from a table of its months (umalqura.go) for
// 1300–1500 AH (1882–2077). Outside the table they fall back to the tabular
// calendar, which counts from the civil ("Friday") epoch, 16 July 622
// Julian, and has 11 leap years in 30 (years 2, 5, 7, 10, 13, 16, 18, 21,
// 24, 26 and 29 of the cycle): the usual arithmetic approximation, within a
// day or two of the observed calendars. Both begin 1300 and 1501 AH on the
// same day, so the two join without a gap or an overlap.
const islamicEpoch = -492148 // days from 1970-01-01 to 1 Muharram 1 AH

func islamicLeap(y int) bool { return floorMod(14+11*y, 30) < 11 }

// islamicMonthLen is the length of month m of year y: Umm al-Qura's inside
// the table, else the tabular calendar's.
func islamicMonthLen(y, m int) int {
	if _, n, ok := umalqura.monthStart(y, m); ok {
		return n
	}
	if m%2 == 1 || (m == 12 && islamicLeap(y)) {
		return 30
	}
	return 29
}

// islamicDays returns the day number of an Islamic date without validating
// it.
func islamicDays(y, m, d int) int {
	if start, _, ok := umalqura.monthStart(y, m); ok {
		return start + d - 1
	}
	return tabularIslamicDays(y, m, d)
}

func tabularIslamicDays(y, m, d int) int {
	return islamicEpoch - 1 + d + (59*(m-1)+1)/2 + (y-1)*354 + floorDiv(3+11*y, 30)
}

// IslamicToGregorian converts a Lunar Hijri date to the Gregorian day at
// UTC midnight: exactly for the Umm al-Qura calendar in 1300–1500 AH, with
// the tabular calendar outside it. Sighting-based calendars (Pakistan's,
// Afghanistan's) may begin a month a day earlier or later, so day 30 is
// accepted in every month (in a 29-day month it falls on the first of the
// next); the year must be 1..9999.
func IslamicToGregorian(y, m, d int) (time.Time, error) {
	switch {
	case y < 1 || y > 9999:
		return time.Time{}, fmt.Errorf("when: Lunar Hijri year %d out of range", y)
	case m < 1 || m > 12:
		return time.Time{}, fmt.Errorf("when: Lunar Hijri month %d out of range", m)
	case d < 1 || d > 30:
		return time.Time{}, fmt.Errorf("when: Lunar Hijri day %d out of range", d)
	}
	return dayTime(islamicDays(y, m, d)), nil
}

// GregorianToIslamic returns the Lunar Hijri date of t's calendar day in
// t's location (Umm al-Qura within 1882–2077, tabular outside; see
// IslamicToGregorian). Before the Hijri epoch it returns zeros.
func GregorianToIslamic(t time.Time) (y, m, d int) {
	gy, gm, gd := t.Date()
	return islamicFromDays(civilDays(gy, int(gm), gd))
}

func islamicFromDays(n int) (y, m, d int) {
	if y, m, d, ok := umalqura.date(n); ok {
		return y, m, d
	}
	if n < islamicEpoch {
		return 0, 0, 0
	}
	y = floorDiv(30*(n-islamicEpoch)+10646, 10631)
	for y > 1 && n < tabularIslamicDays(y, 1, 1) {
		y--
	}
	for n >= tabularIslamicDays(y+1, 1, 1) {
		y++
	}
	m = 1
	for m < 12 && n >= tabularIslamicDays(y, m+1, 1) {
		m++
	}
	return y, m, n - tabularIslamicDays(y, m, 1) + 1
}

// civilDays returns the number of days from 1970-01-01 to the proleptic
// Gregorian date y-m-d (H. Hinnant's days_from_civil), so that calendar
// arithmetic needs no time.Time and no time zones.
func civilDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(n int) (y, m, d int) {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dayTime returns the UTC midnight of day number n.
func dayTime(n int) time.Time {
	y, m, d := civilFromDays(n)
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// dayNumber returns the day number of t's calendar day in t's location.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return civilDays(y, int(m), d)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// calendarDays converts a date of the named calendar to a day number,
// validating it.
func calendarDays(cal string, y, m, d int) (int, error) {
	switch cal {
	case Persian:
		return persianDays(y, m, d)
	case Islamic:
		t, err := IslamicToGregorian(y, m, d)
		if err != nil {
			return 0, err
		}
		return dayNumber(t), nil
	default:
		if m < 1 || m > 12 || d < 1 || d > gregorianMonthLen(y, m) {
			return 0, fmt.Errorf("when: invalid Gregorian date %04d-%02d-%02d", y, m, d)
		}
		return civilDays(y, m, d), nil
	}
}

// calendarYear returns the year, in the named calendar, of day number n.
func calendarYear(cal string, n int) int {
	switch cal {
	case Persian:
		y, _, _ := persianFromDays(n)
		return y
	case Islamic:
		y, _, _ := islamicFromDays(n)
		return y
	default:
		y, _, _ := civilFromDays(n)
		return y
	}
}

func gregorianMonthLen(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
