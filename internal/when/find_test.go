package when

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// refWed is the reference time of most cases: Wednesday 15 May 2024.
var refWed = time.Date(2024, 5, 15, 9, 30, 0, 0, time.UTC)

// describe renders an Expr compactly for comparison: text=date calendar
// precision and flags.
func describe(e Expr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s=%s %s %s", e.Text, e.Date.Format(time.DateOnly), e.Calendar, e.Precision)
	if e.Relative {
		b.WriteString(" rel")
	}
	if e.HasYear {
		b.WriteString(" year")
	}
	if e.Weekday {
		b.WriteString(" wd")
	}
	if e.Time != "" {
		b.WriteString(" @" + e.Time)
	}
	return b.String()
}

// checkOffsets verifies the span invariants Find promises.
func checkOffsets(t *testing.T, text string, exprs []Expr) {
	t.Helper()
	rs := []rune(text)
	prev := 0
	for _, e := range exprs {
		if e.Start < prev || e.Start >= e.End || e.End > len(rs) {
			t.Fatalf("Find(%q): bad span %d..%d after %d", text, e.Start, e.End, prev)
		}
		if got := string(rs[e.Start:e.End]); got != e.Text {
			t.Fatalf("Find(%q): Text %q, but the span holds %q", text, e.Text, got)
		}
		if e.Date.Location() != time.UTC || e.Date.Hour() != 0 {
			t.Fatalf("Find(%q): Date %v is not UTC midnight", text, e.Date)
		}
		prev = e.End
	}
}

type findCase struct {
	lang, text string
	want       []string
}

func runFind(t *testing.T, ref time.Time, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		got := Find(tt.text, tt.lang, ref)
		checkOffsets(t, tt.text, got)
		var desc []string
		for _, e := range got {
			desc = append(desc, describe(e))
		}
		if strings.Join(desc, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Find(%q, %q)\n got: %q\nwant: %q", tt.text, tt.lang, desc, tt.want)
		}
	}
}

func TestFindEnglish(t *testing.T) {
	runFind(t, refWed, []findCase{
		{"en", "Talks opened on Tuesday 14 May 2024 - 15:07 in Doha.",
			[]string{"Tuesday 14 May 2024 - 15:07=2024-05-14 gregory day year wd @15:07"}},
		{"en", "The pact was signed May 14, 2024, and renewed on Jan. 25, 2013.",
			[]string{"May 14, 2024=2024-05-14 gregory day year", "Jan. 25, 2013=2013-01-25 gregory day year"}},
		{"en", "Voting ends on the 14th of May; results come May 7th or Sept 3.",
			[]string{"14th of May=2024-05-14 gregory day", "May 7th=2024-05-07 gregory day", "Sept 3=2023-09-03 gregory day"}},
		{"en", "Tuesday, May 14 was quiet in Kandahar.",
			[]string{"Tuesday, May 14=2024-05-14 gregory day wd"}},
		{"en", "Prices rose in March and fell in May 2023; in 2023 they doubled.",
			[]string{"March=2024-03-01 gregory month", "May 2023=2023-05-01 gregory month year"}},
		{"en", "Filed 2024-05-14, dated 14/05/2024, also 05/14/2024 and 14.05.2024.",
			[]string{"2024-05-14=2024-05-14 gregory day year", "14/05/2024=2024-05-14 gregory day year",
				"05/14/2024=2024-05-14 gregory day year", "14.05.2024=2024-05-14 gregory day year"}},
		{"en", "Updated 2024-05-14T15:07:00+04:30 by the desk.",
			[]string{"2024-05-14T15:07:00+04:30=2024-05-14 gregory day year @15:07"}},
		{"en", "The convoy left at dawn on 3 June 2021 at 4:30 pm.",
			[]string{"3 June 2021 at 4:30 pm=2021-06-03 gregory day year @16:30"}},
		// 14 May 2024 was a Tuesday: a wrong weekday stays out.
		{"en", "Monday, 14 May 2024", []string{"14 May 2024=2024-05-14 gregory day year"}},
		{"en", "Troops withdrew yesterday and will return tomorrow; today is calm.",
			[]string{"yesterday=2024-05-14 gregory day rel", "tomorrow=2024-05-16 gregory day rel", "today=2024-05-15 gregory day rel"}},
		{"en", "Officials said Monday that the prisoners were freed yesterday, Tuesday (14 May).",
			[]string{"Monday=2024-05-13 gregory day rel wd", "yesterday, Tuesday (14 May)=2024-05-14 gregory day rel wd"}},
		{"en", "It happened last Wednesday, on Wednesday, two days ago, last week, last month and last year.",
			[]string{"last Wednesday=2024-05-08 gregory day rel wd", "Wednesday=2024-05-15 gregory day rel wd",
				"two days ago=2024-05-13 gregory day rel", "last week=2024-05-08 gregory week rel",
				"last month=2024-04-01 gregory month rel", "last year=2023-01-01 gregory year rel"}},
		{"en", "A week ago and 3 months ago.",
			[]string{"A week ago=2024-05-08 gregory week rel", "3 months ago=2024-02-01 gregory month rel"}},
		// The weekday picks the year of a date written without one.
		{"en", "The vote was held on Sunday (March 22).", []string{"Sunday (March 22)=2020-03-22 gregory day wd"}},
		{"en", "Date: Tue, 14 Mar 2017 09:41:12 GMT", []string{"Tue, 14 Mar 2017 09:41:12 GMT=2017-03-14 gregory day year wd @09:41"}},
		{"en", "Eid fell on 1 Shawwal 1445 AH; during Ramadan prices rose; 27 Rabi' al-Awwal 1446 A.H.",
			[]string{"1 Shawwal 1445 AH=2024-04-10 islamic day year", "27 Rabi' al-Awwal 1446 A.H.=2024-09-30 islamic day year"}},
		// Not dates.
		{"en", "In 2023 about 1,500 people may march; Section 14 of the May report; pi is 3.14.", nil},
		{"en", "He may leave by march 3.", nil},
	})
}

func TestFindPersian(t *testing.T) {
	runFind(t, refWed, []findCase{
		// "Today, Tuesday" written the day before the page's stamp.
		{"fa", "امروز سه‌شنبه", []string{"امروز سه\u200cشنبه=2024-05-14 gregory day rel wd"}},
		{"fa", "بعدازظهر شنبه و شامگاه جمعه", []string{"بعدازظهر شنبه=2024-05-11 gregory day rel wd", "شامگاه جمعه=2024-05-10 gregory day rel wd"}},
		{"fa", "نشست روز سه‌شنبه ۲۵ ثور ۱۴۰۳ کابل ۰۴:۴۲ پایان یافت.",
			[]string{"روز سه\u200cشنبه ۲۵ ثور ۱۴۰۳ کابل ۰۴:۴۲=2024-05-14 persian day year wd @04:42"}},
		{"fa", "این قانون در ۲۵ اردیبهشت ۱۴۰۳ هـ ش و ۱ حمل ۱۴۰۳ هجری شمسی تصویب شد.",
			[]string{"۲۵ اردیبهشت ۱۴۰۳ هـ ش=2024-05-14 persian day year", "۱ حمل ۱۴۰۳ هجری شمسی=2024-03-20 persian day year"}},
		{"fa", "نامه به تاریخ ۱۴۰۳/۰۲/۲۵ و ۲۵/۰۲/۱۴۰۳ ثبت شد.",
			[]string{"۱۴۰۳/۰۲/۲۵=2024-05-14 persian day year", "۲۵/۰۲/۱۴۰۳=2024-05-14 persian day year"}},
		{"fa", "او در ۱۳ می به کابل رسید و ۱۳ می ۲۰۲۴ بازگشت.",
			[]string{"۱۳ می=2024-05-13 gregory day", "۱۳ می ۲۰۲۴=2024-05-13 gregory day year"}},
		{"fa", "در ماه مارچ سال ۲۰۲۳ و جنوری ۲۰۲۴ و ژانویه ۲۰۲۴",
			[]string{"ماه مارچ سال ۲۰۲۳=2023-03-01 gregory month year", "جنوری ۲۰۲۴=2024-01-01 gregory month year",
				"ژانویه ۲۰۲۴=2024-01-01 gregory month year"}},
		{"fa", "در ۱۲ دی ماه ۱۴۰۲ و ۲۳ آبان و در آذر ۱۴۰۲ و مهر دولت",
			[]string{"۱۲ دی ماه ۱۴۰۲=2024-01-02 persian day year", "۲۳ آبان=2023-11-14 persian day"}},
		{"fa", "میزان ۲۰ درصد کاهش یافت و در جوزا ۱۴۰۲ باران بارید.",
			[]string{"جوزا ۱۴۰۲=2023-05-22 persian month year"}},
		// The written date wins over the relative word.
		{"fa", "دیروز دوشنبه (۱۳ می) گفت", []string{"دیروز دوشنبه (۱۳ می)=2024-05-13 gregory day rel wd"}},
		{"fa", "دیروز سه‌شنبه (۱۴ می) و امروز و فردا و پریروز",
			[]string{"دیروز سه\u200cشنبه (۱۴ می)=2024-05-14 gregory day rel wd", "امروز=2024-05-15 gregory day rel",
				"فردا=2024-05-16 gregory day rel", "پریروز=2024-05-13 gregory day rel"}},
		{"fa", "روز دوشنبه، دوشنبه گذشته، هفته گذشته و سه روز پیش",
			[]string{"روز دوشنبه=2024-05-13 gregory day rel wd", "دوشنبه گذشته=2024-05-13 gregory day rel wd",
				"هفته گذشته=2024-05-08 gregory week rel", "سه روز پیش=2024-05-12 gregory day rel"}},
		{"fa", "در ۱۵ رمضان ۱۴۴۵ هجری قمری", []string{"۱۵ رمضان ۱۴۴۵ هجری قمری=2024-03-25 islamic day year"}},
		{"fa", "شمار کشته‌ها به ۳ می رسد و ۳ می شد.", nil},
		{"fa", "در چهار سال گذشته", nil},
		{"fa", "۲۵ ثور ۱۴۰۳ ه.ش، ۲۶ ثور ۱۴۰۳ش و ۱۵ شعبان ۱۴۴۵ ه.ق",
			[]string{"۲۵ ثور ۱۴۰۳ ه.ش=2024-05-14 persian day year", "۲۶ ثور ۱۴۰۳ش=2024-05-15 persian day year",
				"۱۵ شعبان ۱۴۴۵ ه.ق=2024-02-25 islamic day year"}},
		{"fa", "۱۴۰۳ ثور ۲۵, سه‌شنبه", []string{"۱۴۰۳ ثور ۲۵, سه\u200cشنبه=2024-05-14 persian day year wd"}},
	})
}

func TestFindPashto(t *testing.T) {
	runFind(t, refWed, []findCase{
		{"ps", "پرون د کابل په ښار کې غونډه وشوه او نن ورځ پای ته ورسېده.",
			[]string{"پرون=2024-05-14 gregory day rel", "نن ورځ=2024-05-15 gregory day rel"}},
		{"ps", "تېره دوشنبه، د دوشنبې په ورځ، تېره اونۍ او دوه ورځې مخکې",
			[]string{"تېره دوشنبه=2024-05-13 gregory day rel wd", "د دوشنبې په ورځ=2024-05-13 gregory day rel wd",
				"تېره اونۍ=2024-05-08 gregory week rel", "دوه ورځې مخکې=2024-05-13 gregory day rel"}},
		{"ps", "د ۱۴۰۳ کال د غویی ۲۵مه، ۲۵ غبرګولی ۱۴۰۳ او ۱۴ مۍ ۲۰۲۴",
			[]string{"د ۱۴۰۳ کال د غویی ۲۵مه=2024-05-14 persian day year", "۲۵ غبرګولی ۱۴۰۳=2024-06-14 persian day year",
				"۱۴ مۍ ۲۰۲۴=2024-05-14 gregory day year"}},
		{"ps", "د مۍ په ۱۴مه او د سرطان ۱۰مه نېټه",
			[]string{"د مۍ په ۱۴مه=2024-05-14 gregory day", "د سرطان ۱۰مه=2024-06-30 persian day"}},
		// ICU's order; اونۍ (Saturday, also "week") only where it agrees.
		{"ps", "درېنۍ د ۲۰۲۴ د مۍ ۱۴ او ۱۴۰۳ وری ۲, اونۍ او ۱۴۰۳ وری ۴, اونۍ",
			[]string{"درېنۍ د ۲۰۲۴ د مۍ ۱۴=2024-05-14 gregory day year wd", "۱۴۰۳ وری ۲=2024-03-21 persian day year",
				"۱۴۰۳ وری ۴, اونۍ=2024-03-23 persian day year wd"}},
		{"ps", "شمېر ۱۲ دی.", nil},
		// A weekday written as one word, and the part of the day after it.
		{"ps", "د پنجشنبې په شپه او د دوشنبې په سهار",
			[]string{"د پنجشنبې په شپه=2024-05-09 gregory day rel wd", "د دوشنبې په سهار=2024-05-13 gregory day rel wd"}},
		{"ps", "د چهار شنبې په ورځ (د جنورۍ په ۱۰ مه)، ولسمشر وویل",
			[]string{"د چهار شنبې په ورځ (د جنورۍ په ۱۰ مه)=2024-01-10 gregory day rel wd"}},
	})
}

func TestFindUrdu(t *testing.T) {
	runFind(t, refWed, []findCase{
		{"ur", "منگل، 14 مئی، 2024 کو اجلاس ہوا۔",
			[]string{"منگل، 14 مئی، 2024=2024-05-14 gregory day year wd"}},
		{"ur", "کل وزیر اعظم نے اجلاس کی صدارت کی۔", []string{"کل=2024-05-14 gregory day rel"}},
		{"ur", "کل کابینہ کا اجلاس ہو گا۔", []string{"کل=2024-05-16 gregory day rel"}},
		// The next sentence's verb does not count.
		{"ur", "کل اجلاس ہو گا۔ یہ کیا تھا", []string{"کل=2024-05-16 gregory day rel"}},
		{"ur", "آج، گزشتہ روز، پیر کو، گزشتہ ہفتے اور دو دن پہلے",
			[]string{"آج=2024-05-15 gregory day rel", "گزشتہ روز=2024-05-14 gregory day rel", "پیر کو=2024-05-13 gregory day rel wd",
				"گزشتہ ہفتے=2024-05-08 gregory week rel", "دو دن پہلے=2024-05-13 gregory day rel"}},
		// ہفتہ (Saturday, also "week") with the part of the day after it.
		{"ur", "ہفتہ کی رات اور ہفتے کی سہ پہر",
			[]string{"ہفتہ کی رات=2024-05-11 gregory day rel wd", "ہفتے کی سہ پہر=2024-05-11 gregory day rel wd"}},
		{"ur", "۱۴ مئی ۲۰۲۴ء اور 5 جولائی اور ستمبر 2023",
			[]string{"۱۴ مئی ۲۰۲۴ء=2024-05-14 gregory day year", "5 جولائی=2024-07-05 gregory day", "ستمبر 2023=2023-09-01 gregory month year"}},
		// Urdu dates Hijri years by the Lunar calendar; ICU writes ربیع apart.
		{"ur", "14/1/1383 ہجری اور 18 ر بیع الاول، 1481 ہجری",
			[]string{"14/1/1383 ہجری=1963-06-06 islamic day year", "18 ر بیع الاول، 1481 ہجری=2058-09-06 islamic day year"}},
		// آج کل is "nowadays".
		{"ur", "آج کل بازار میں کل تعداد کم ہے", nil},
		// کل is "all" in Persian: only Urdu reads it as a day.
		{"fa", "کل کشور", nil},
	})
}

func TestFindArabic(t *testing.T) {
	runFind(t, refWed, []findCase{
		// The part of the day frames a weekday; ليلة (the eve) does not.
		{"ar", "انفجرت العبوة بعد ظهر السبت وفجر الثلاثاء", []string{"بعد ظهر السبت=2024-05-11 gregory day rel wd", "فجر الثلاثاء=2024-05-14 gregory day rel wd"}},
		{"ar", "أمس الثلاثاء ١٤ مايو، واليوم، ويوم الاثنين الماضي",
			[]string{"أمس الثلاثاء ١٤ مايو=2024-05-14 gregory day rel wd", "اليوم=2024-05-15 gregory day rel",
				"يوم الاثنين الماضي=2024-05-13 gregory day rel wd"}},
		{"ar", "في ١٤ تشرين الأول ٢٠٢٣ وفي كانون الثاني ٢٠٢٤ وفي ٢٥ نيسان ٢٠٢٤",
			[]string{"١٤ تشرين الأول ٢٠٢٣=2023-10-14 gregory day year", "كانون الثاني ٢٠٢٤=2024-01-01 gregory month year",
				"٢٥ نيسان ٢٠٢٤=2024-04-25 gregory day year"}},
		{"ar", "الخميس، ٩ مايو ٢٠٢٤ ١٠:١٥", []string{"الخميس، ٩ مايو ٢٠٢٤ ١٠:١٥=2024-05-09 gregory day year wd @10:15"}},
		{"ar", "١٥ رمضان ١٤٤٥ هـ", []string{"١٥ رمضان ١٤٤٥ هـ=2024-03-25 islamic day year"}},
		// 15 Ramadan 1445 was a Monday in Umm al-Qura; a Tuesday is the
		// same day of a calendar that began the month a day later, as
		// sighting-based calendars often do.
		{"ar", "الثلاثاء، ١٥ رمضان ١٤٤٥ هـ", []string{"الثلاثاء، ١٥ رمضان ١٤٤٥ هـ=2024-03-26 islamic day year wd"}},
		{"ar", "وقبل يومين والأسبوع الماضي وغدا",
			[]string{"قبل يومين=2024-05-13 gregory day rel", "الأسبوع الماضي=2024-05-08 gregory week rel", "غدا=2024-05-16 gregory day rel"}},
		{"ar", "منذ عام 2003 تعمل", nil},
		{"ar", "قبل يوم الاثنين", []string{"يوم الاثنين=2024-05-13 gregory day rel wd"}},
		{"ar", "١٤٤٥/٠٩/١٥", []string{"١٤٤٥/٠٩/١٥=2024-03-25 islamic day year"}},
	})
}

func TestFindRanges(t *testing.T) {
	runFind(t, refWed, []findCase{
		{"en", "Talks ran 24-26 August 2024 in Doha.", []string{"24-26 August 2024=2024-08-24 gregory day year"}},
		{"en", "Talks ran 24 Aug – 5 Sep 2024.", []string{"24 Aug – 5 Sep 2024=2024-08-24 gregory day year"}},
		{"en", "Talks ran Aug. 24-26, 2024.", []string{"Aug. 24-26, 2024=2024-08-24 gregory day year"}},
		{"en", "Talks ran Aug. 24 – Sept. 5, 2024.", []string{"Aug. 24 – Sept. 5, 2024=2024-08-24 gregory day year"}},
		// The year written at the end belongs to the end.
		{"en", "The recess ran from 28 Dec to 3 Jan 2025.", []string{"28 Dec to 3 Jan 2025=2024-12-28 gregory day year"}},
		{"en", "Voting ran 2-4 May.", []string{"2-4 May=2024-05-02 gregory day"}},
		{"fa", "نشست از ۲۴ تا ۲۶ اسد ۱۴۰۳ برگزار شد.", []string{"۲۴ تا ۲۶ اسد ۱۴۰۳=2024-08-14 persian day year"}},
		{"ar", "من 24 إلى 26 أغسطس 2024", []string{"24 إلى 26 أغسطس 2024=2024-08-24 gregory day year"}},
		// Not ranges: a spaced dash after a number, a score, a descending pair.
		{"en", "Article 3 – 14 May 2024 applies.", []string{"14 May 2024=2024-05-14 gregory day year"}},
		{"en", "The score was 2-1 May fans said.", nil},
	})
}

func TestFindShortForms(t *testing.T) {
	runFind(t, refWed, []findCase{
		// Two-digit years, day first unless the second number is over 12.
		{"en", "Filed 14/05/24, 5/14/24 and 14.05.24.", []string{"14/05/24=2024-05-14 gregory day year",
			"5/14/24=2024-05-14 gregory day year", "14.05.24=2024-05-14 gregory day year"}},
		{"en", "Born 03/07/61.", []string{"03/07/61=1961-07-03 gregory day year"}},
		{"en", "See section 1.2.24 and v10.5.24.", nil},
		// ISO year and month, as release numbers write them; "2010-11" alone is two years.
		{"en", "Release 2010-09-CA-125 and the 2024-05 report.",
			[]string{"2010-09=2010-09-01 gregory month year", "2024-05=2024-05-01 gregory month year"}},
		{"en", "The 2010-11 season and 2010-11-S-277.", []string{"2010-11=2010-11-01 gregory month year"}},
		// A month of the year, year first as ICU writes it in Persian and
		// Pashto; an ambiguous month name only as a phrase of its own.
		{"fa", "گزارش ۱۴۰۳ جوزا و ۲۰۱۹ جنوری", []string{"۱۴۰۳ جوزا=2024-05-21 persian month year", "۲۰۱۹ جنوری=2019-01-01 gregory month year"}},
		{"fa", "۱۳۹۸ ثور", []string{"۱۳۹۸ ثور=2019-04-21 persian month year"}},
		{"fa", "حمل ۱۴۰۰ تن گندم و ۱۴۰۰ حمل و نقل", nil},
		// Days written as words.
		{"ur", "یکم مئی کو اور یکم جنوری 2024 کو", []string{"یکم مئی=2024-05-01 gregory day", "یکم جنوری 2024=2024-01-01 gregory day year"}},
		{"fa", "اول حمل ۱۴۰۳ و اول مهر", []string{"اول حمل ۱۴۰۳=2024-03-20 persian day year"}},
		// "this" names the weekday nearest ref.
		{"en", "It happened this Monday; this Friday and this Sunday come.",
			[]string{"this Monday=2024-05-13 gregory day rel wd", "this Friday=2024-05-17 gregory day rel wd",
				"this Sunday=2024-05-12 gregory day rel wd"}},
		{"fa", "همین دوشنبه", []string{"همین دوشنبه=2024-05-13 gregory day rel wd"}},
		{"en", "Troops left last night and return this morning.",
			[]string{"last night=2024-05-14 gregory day rel", "this morning=2024-05-15 gregory day rel"}},
	})
}

// TestYearInference checks the year chosen for dates written without one.
func TestYearInference(t *testing.T) {
	tests := []struct {
		ref  string
		text string
		want string
	}{
		{"2024-01-10", "on 25 December", "2023-12-25"},
		{"2024-01-10", "on 5 March", "2024-03-05"},  // 311 days back: the nearest instead
		{"2024-01-10", "on 15 April", "2023-04-15"}, // 270 days back: the past wins
		{"2024-05-15", "on 16 May", "2024-05-16"},
		{"2025-01-01", "Tuesday, May 14", "2024-05-14"},
		{"2026-06-01", "Tuesday, May 14", "2024-05-14"}, // back to the year where the weekday fits
		{"2024-05-15", "۲۵ ثور", "2024-05-14"},
		{"2024-03-25", "۲۸ حوت", "2024-03-18"},
		{"2024-03-10", "۲ حمل", "2024-03-21"},
		{"2024-05-15", "in December", "2023-12-01"},
		{"2024-05-15", "since June", "2024-06-01"},
	}
	for _, tt := range tests {
		ref, _ := time.Parse(time.DateOnly, tt.ref)
		got := Find(tt.text, "", ref)
		if len(got) != 1 || got[0].Date.Format(time.DateOnly) != tt.want || got[0].HasYear {
			t.Errorf("Find(%q) with ref %s = %v, want one date %s", tt.text, tt.ref, got, tt.want)
		}
	}
}

// TestRelativeWeekday checks "on" and "last" on the weekday of ref itself.
func TestRelativeWeekday(t *testing.T) {
	monday := time.Date(2024, 5, 13, 23, 0, 0, 0, time.UTC)
	runFind(t, monday, []findCase{
		{"en", "on Monday and last Monday and next Monday",
			[]string{"Monday=2024-05-13 gregory day rel wd", "last Monday=2024-05-06 gregory day rel wd", "next Monday=2024-05-20 gregory day rel wd"}},
		{"fa", "روز دوشنبه و دوشنبه گذشته و روز شنبه",
			[]string{"روز دوشنبه=2024-05-13 gregory day rel wd", "دوشنبه گذشته=2024-05-06 gregory day rel wd", "روز شنبه=2024-05-11 gregory day rel wd"}},
		{"ar", "يوم الأحد", []string{"يوم الأحد=2024-05-12 gregory day rel wd"}},
		// A weekday that disagrees with the date after it is a slip: the date wins.
		{"en", "said Friday, 14 May 2024", []string{"14 May 2024=2024-05-14 gregory day year"}},
	})
}

// TestZeroRef checks that without a reference relative and yearless
// expressions are skipped.
func TestZeroRef(t *testing.T) {
	got := Find("Yesterday, on 14 May and last week; but 14 May 2024 stands.", "en", time.Time{})
	if len(got) != 1 || got[0].Text != "14 May 2024" {
		t.Errorf("Find with zero ref = %v, want only 14 May 2024", got)
	}
}

func TestLangHint(t *testing.T) {
	// Iranian month names are not read in Pashto text, nor Urdu کل in Persian.
	for _, tt := range []struct{ lang, text string }{{"ps", "۱۲ دی"}, {"fa", "کل"}, {"ar", "۱۲ دی"}} {
		if got := Find(tt.text, tt.lang, refWed); len(got) != 0 {
			t.Errorf("Find(%q, %q) = %v, want none", tt.text, tt.lang, got)
		}
	}
	if got := Find("۱۲ دی", "fa-IR", refWed); len(got) != 1 {
		t.Errorf("Find(۱۲ دی, fa-IR) = %v, want one date", got)
	}
}

func TestDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"۱۴۰۳/۰۲/۲۵", "1403/02/25"},
		{"١٤ مايو ٢٠٢٤", "14 مايو 2024"},
		{"May 14", "May 14"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Digits(tt.in); got != tt.want {
			t.Errorf("Digits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
