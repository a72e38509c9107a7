package when

import (
	"testing"
	"time"
)

func TestEventDate(t *testing.T) {
	// Tuesday 14 May 2024.
	pub := time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, lang, text string
		published        time.Time
		want, expr       string // the event day and the expression that gave it ("" for the publication day)
	}{
		{"yesterday against the dateline", "en",
			"JALALABAD, Afghanistan (May 14, 2024) – Border police reopened the crossing at Torkham yesterday after a week of talks.",
			pub, "2024-05-13", "yesterday"},
		{"last night", "en",
			"Gunmen attacked a checkpoint in Khost province last night, officials said. Two guards were wounded.",
			pub, "2024-05-13", "last night"},
		{"a weekday", "en",
			"Elders met in Spin Boldak district on Sunday to settle a land dispute between two villages.",
			pub, "2024-05-12", "Sunday"},
		{"the report's day passed over", "en",
			"Today, the ministry confirmed that a convoy was stopped in Zabul province Saturday by armed men.",
			pub, "2024-05-11", "Saturday"},
		{"a date without a year", "en",
			"KABUL (May 14) — Flood waters rose in Baghlan on May 10 and forced hundreds of families from their homes.",
			pub, "2024-05-10", "May 10"},
		{"none in the lead: the publication day", "en",
			"KABUL, Afghanistan (May 14, 2024) – In the same district, a patrol found a cache of rifles buried near a road. The cache was destroyed.",
			pub, "2024-05-14", ""},
		{"header lines skipped", "en",
			"Provincial Desk\nRelease 2024-05-S-101\n\nA road in Paktia province was cleared of mines by engineers yesterday, the governor's office said.",
			pub, "2024-05-13", "yesterday"},
		{"later sentences do not count", "en",
			"Traders in Kandahar said prices of flour had doubled. Wholesalers blamed the border closure. It began on May 2 and is not over.",
			pub, "2024-05-14", ""},
		{"background dates are passed over", "en",
			"Since 15 August 2021, when the Taliban took Kabul, the crossing has closed often; it shut again on Sunday.",
			pub, "2024-05-12", "Sunday"},
		{"a coming date is no event date", "en",
			"The council said it will meet on May 20 to choose a new chairman for the district.",
			pub, "2024-05-14", ""},
		{"Dari yesterday", "fa",
			"مقامات محلی در ننگرهار دیروز اعلام کردند که گذرگاه تورخم دوباره باز شد.",
			pub, "2024-05-13", "دیروز"},
		{"Pashto yesterday", "ps",
			"د ننګرهار چارواکو پرون وویل چې د تورخم لاره بیا پرانیستل شوه.",
			pub, "2024-05-13", "پرون"},
		{"Arabic yesterday", "ar",
			"أعلنت السلطات المحلية أمس إعادة فتح معبر تورخم أمام الشاحنات.",
			pub, "2024-05-13", "أمس"},
		{"Urdu کل in the past tense", "ur",
			"حکام نے کل طورخم سرحد دوبارہ کھول دی تھی۔",
			pub, "2024-05-13", "کل"},
		{"Solar Hijri date", "fa",
			"نشست شورای ولایتی در ۲۲ ثور ۱۴۰۳ در شهر مزار شریف برگزار شد و اعضا درباره بودجه گفتگو کردند.",
			pub, "2024-05-11", "۲۲ ثور ۱۴۰۳"},
		{"a day told gives way to the event's", "en",
			"KABUL (May 14) – Officials confirmed yesterday the death of a bomb maker in a raid in Logar province Saturday.",
			pub, "2024-05-11", "Saturday"},
		{"a day told stands alone", "en",
			"Officials said Monday that a bridge in Kunar province was washed away by floods.",
			pub, "2024-05-13", "Monday"},
		{"a date naming another incident", "en",
			"KABUL (May 14) – Police arrested a man in Jalalabad today. He had helped plan the May 3 attack on the airport.",
			pub, "2024-05-14", ""},
		{"a weekday's possessive names another event", "en",
			"Police increased patrols in Khost before Sunday's vote and arrested four men today.",
			pub, "2024-05-14", ""},
		{"overnight as an adverb", "en",
			"Border police seized two trucks of fuel near Spin Boldak overnight, the provincial office said.",
			pub, "2024-05-13", "overnight"},
		{"overnight as an adjective", "en",
			"An overnight raid in Paktia province on Sunday ended with the arrest of three men.",
			pub, "2024-05-12", "Sunday"},
		{"an editors' note and a heading are no lead", "en",
			"[Note from the archive: the release below was reissued with a corrected district name.]\n\nProvincial Operations Update for the Eastern Region\n\nA patrol cleared a road in Sabari district of Khost province yesterday after a report of mines. Nothing was found.",
			pub, "2024-05-13", "yesterday"},
		{"a lead of one-sentence paragraphs", "en",
			"KABUL (May 14) – The ministry confirmed the death of a militant commander in Zabul province.\n\nHe was killed in a clash with border police on Sunday.",
			pub, "2024-05-12", "Sunday"},
		{"no publication day: a written date", "en",
			"Officials said the bridge over the Kabul river reopened on 3 May 2024 after repairs.",
			time.Time{}, "2024-05-03", "3 May 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := EventDate(tt.text, tt.lang, tt.published)
			if !ok {
				t.Fatalf("EventDate(%q) found nothing", tt.text)
			}
			if got := e.Date.Format(time.DateOnly); got != tt.want || e.Text != tt.expr {
				t.Errorf("EventDate = %s from %q, want %s from %q", got, e.Text, tt.want, tt.expr)
			}
			if e.Text != "" && string([]rune(tt.text)[e.Start:e.End]) != e.Text {
				t.Errorf("span %d..%d does not hold %q", e.Start, e.End, e.Text)
			}
		})
	}
	if _, ok := EventDate("Nothing dated here at all, by anyone, in any way.", "en", time.Time{}); ok {
		t.Error("EventDate with no publication day and no date: ok, want none")
	}
}

func TestLead(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Title line\n\nThe first sentence of the body is here. The second one is here. The third is out.",
			"The first sentence of the body is here. The second one is here."},
		{"U.S. and Afghan officials met on Jan. 5 in Kabul to talk. Gen. Smith spoke. No more.",
			"U.S. and Afghan officials met on Jan. 5 in Kabul to talk. Gen. Smith spoke."},
		{"The body starts at once with enough words here\n\nNext paragraph is out.",
			"The body starts at once with enough words here\n"},
		{"short", "short"},
		{"[An editors' note in brackets, not the body of the report.]\n\nThe first sentence is the lead of it. The second too. Not this.",
			"The first sentence is the lead of it. The second too."},
		{"A heading line of enough words to pass\n\nThe body begins here with its lead. The second sentence.",
			"The body begins here with its lead. The second sentence."},
		{"The first paragraph is one full sentence here.\n\nThe second paragraph adds one more. Not this one.",
			"The first paragraph is one full sentence here.\n\nThe second paragraph adds one more."},
	}
	for _, tt := range tests {
		s, e := lead(tt.text, 2)
		if got := string([]rune(tt.text)[s:e]); got != tt.want {
			t.Errorf("lead(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
