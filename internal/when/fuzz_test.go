package when

import (
	"testing"
	"time"
)

// FuzzFind checks that Find, Parse and EventDate never panic and keep their
// span promises, with and without a reference time and a language hint.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Tuesday 14 May 2024 - 15:07",
		"yesterday, Monday (13 May)",
		"۱۴۰۳/۰۲/۲۵",
		"روز سه‌شنبه ۲۵ ثور ۱۴۰۳ کابل ۰۴:۴۲",
		"درېنۍ د ۲۰۲۴ د مۍ ۱۴",
		"کل اجلاس ہو گا",
		"واليوم الثلاثاء، ١٥ رمضان ١٤٤٥ هـ",
		"2024-05-14T15:07:00+04:30",
		"on 3 June 2021 at 4:30 pm",
		"last week, two days ago",
		"14/05/2024.1",
		"\u200c۱۴\u200cمی\u200c",
		"May",
		"24-26 August 2024, Aug. 24-26, 2024 and 28 Dec to 3 Jan 2025",
		"14/05/24 5/14/24 14.05.24 1.2.24",
		"2010-09-CA-125 and the 2010-11 season",
		"this Monday, last night, this morning",
		"یکم مئی اور اول حمل ۱۴۰۳ و ۲۴ تا ۲۶ اسد",
		"KABUL, Afghanistan (Jan. 25, 2013)\nA patrol left yesterday. It came back.",
		"[A note.]\n\nA heading line of six words here\n\nForces confirmed yesterday the death, Wednesday.\n\nThe Dec. 2 attack and Saturday's vote, overnight.",
		"",
	} {
		f.Add(s)
	}
	refs := []time.Time{{}, time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, text string) {
		for _, ref := range refs {
			for _, lang := range []string{"", "en", "fa", "ps", "ur", "ar"} {
				checkOffsets(t, text, Find(text, lang, ref))
			}
		}
		_, _ = Parse(text, "", refs[1])
		for _, ref := range refs {
			if e, ok := EventDate(text, "en", ref); ok && e.Text != "" {
				checkOffsets(t, text, []Expr{e})
			}
		}
		rs := []rune(text)
		for _, e := range Find(text, "en", refs[1]) {
			_ = Attributive(rs, e.Start, e.End, e.Relative, "en")
		}
		_ = Attributive(rs, -1, len(rs)+1, false, "en")
	})
}
