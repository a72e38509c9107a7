package extract

import "testing"

func TestAnalyseKind(t *testing.T) {
	lex := loadLexicon()
	tests := []struct {
		line string
		want kind
	}{
		{"", kindBlank},
		{"The talks ended on Tuesday without a joint statement.", kindText},
		{"Home", kindChrome},
		{"COMMENTS (12)", kindStop},
		{"Leave a comment", kindStop},
		{"Email address", kindStop},
		{"Share this article", kindChrome},
		{"Photo: AFP", kindChrome},
		{"Photographers were not allowed into the hall.", kindText},
		{"Read more: Talks resume in Doha", kindChrome},
		{"PAKISTAN-ATTACK/", kindChrome},
		{"XS", kindChrome},
		{"NATO SAYS TROOPS WILL STAY IN KABUL", kindText},
		{"Home | World | Asia | Sport", kindChrome},
		{"3 hours ago", kindChrome},
		{"۲ ساعت پیش", kindChrome},
		{"© 2024 Example News", kindCopyright},
		{"Copyright 2024 Example News", kindChrome},
		{"جميع الحقوق محفوظة © 2024", kindChrome},
		{"پرش به محتوای اصلی", kindChrome},
		{"پرش به مسیریابی اصلی", kindChrome},
		{"تازه ترین خبرها", kindChrome},
		{"د لاسرسي وړ لینکونه", kindChrome},
		{"مرکزی صفحہ", kindChrome},
		{"الرئيسية", kindChrome},
		{"اقرأ أيضا", kindStop},
		{"Published: 3 November 2025", kindHeader},
		{"Publish dateMonday 3 November 2025 - 09:12", kindHeader},
		{"Published by a group of students, the report was ignored.", kindText},
		{"Story Code : 518822", kindHeader},
		{"کد خبر: ۱۲۳۴۵", kindHeader},
		{"تاریخ انتشار: ۲۵ ثور ۱۴۰۳", kindHeader},
		{"تاریخچه این منطقه به قرن‌ها پیش باز می‌گردد", kindText},
		{"نشر شوی: ۱۴۰۳/۰۲/۲۵", kindHeader},
		{"تاریخ اشاعت: 14 مئی 2024", kindHeader},
		{"تاريخ النشر: 14 مايو 2024", kindHeader},
		{"By Jane Doe", kindHeader},
		{"By-election in Kabul postponed", kindText},
		{"By our correspondent", kindHeader},
		{"By a staff reporter", kindHeader},
		{"By air and by road", kindText},
		{"Sunday 24 November 2024 Kabul 04:42", kindDate},
		{"یکشنبه ۴ قوس ۱۴۰۳ کابل ۰۴:۴۲", kindDate},
		{"۱۴۰۳/۰۹/۰۴", kindText}, // one number is no date line
		{"3 November 2025", kindDate},
		{"2024 was a hard year for Kabul", kindText},
	}
	for _, tt := range tests {
		if got := analyse(tt.line, lex).kind; got != tt.want {
			t.Errorf("analyse(%q).kind = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestHeaderLabel(t *testing.T) {
	lex := loadLexicon()
	tests := []struct {
		line, kind, value string
	}{
		{"Publish dateMonday 3 November 2025 - 09:12", "published", "Monday 3 November 2025 - 09:12"},
		{"PUBLISHED ON: 2024-05-14", "published", "2024-05-14"},
		{"Story Code : 518822", "code", "518822"},
		{"تاریخ نشر: ۲۵ ثور ۱۴۰۳", "published", "۲۵ ثور ۱۴۰۳"},
		{"تاریخ‌انتشار ۱۴۰۳/۰۲/۲۵", "published", "۱۴۰۳/۰۲/۲۵"},
		{"د خبر کوډ: ۴۵۶۷۸", "code", "۴۵۶۷۸"},
		{"تاريخ النشر: 14 مايو 2024", "published", "14 مايو 2024"},
		{"Updated 12 Jun, 2024 10:41pm", "updated", "12 Jun, 2024 10:41pm"},
		{"Author: Jane Doe", "author", "Jane Doe"},
		{"نویسنده: احمد رحیمی", "author", "احمد رحیمی"},
	}
	for _, tt := range tests {
		l := analyse(tt.line, lex)
		if l.kind != kindHeader || l.label != tt.kind || l.value != tt.value {
			t.Errorf("analyse(%q) = kind %d label %q value %q, want header %q %q", tt.line, l.kind, l.label, l.value, tt.kind, tt.value)
		}
	}
}

func TestFindDateline(t *testing.T) {
	lex := loadLexicon()
	tests := []struct {
		para, want string
	}{
		{"KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces detained two suspects.", "KABUL, Afghanistan (Jan. 25, 2013) —"},
		{"PESHAWAR, Nov 3 (Reuters) - Pakistan reopened the crossing.", "PESHAWAR, Nov 3 (Reuters) -"},
		{"ISLAMABAD: The Senate passed the budget on Wednesday.", "ISLAMABAD:"},
		{"NEW DELHI -- India said on Monday it would send wheat.", "NEW DELHI --"},
		{"Kabul (Pajhwok): Officials in the capital said the road was open.", "Kabul (Pajhwok):"},
		{"کابل (پژواک) – مقامات محلی می‌گویند که راه باز شده است.", "کابل (پژواک) –"},
		{"پشاور (اے پی پی) صوبائی حکومت نے نئے منصوبے کا اعلان کیا۔", "پشاور (اے پی پی)"},
		{"كابول - قال مسؤولون محليون إن الطريق فتح من جديد بعد أيام من الإغلاق.", "كابول -"},
		{"Officials said: the road is open.", ""},
		{"Officials: the road between the two cities is open again after a week.", ""},
		{"اسلام آباد: وزیر اعظم نے آج کابینہ کے اجلاس کی صدارت کی اور نئے بجٹ پر بات کی۔", "اسلام آباد:"},
		{"The Tehreek-e-Taliban Pakistan (TTP) has claimed the attack.", ""},
		{"تحریک طالبان پاکستان (ٹی ٹی پی) نے حملے کی ذمہ داری قبول کی۔", ""},
		{"US officials said the talks - held in Doha - went well.", ""},
		{"The meeting began at 10:30 and ended at noon.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := findDateline(tt.para, lex); got != tt.want {
			t.Errorf("findDateline(%q) = %q, want %q", tt.para, got, tt.want)
		}
	}
}

func TestWrapped(t *testing.T) {
	lex := loadLexicon()
	mk := func(lines ...string) []line {
		var out []line
		for _, l := range lines {
			out = append(out, analyse(l, lex))
		}
		return out
	}
	tests := []struct {
		name  string
		block []line
		want  bool
	}{
		{"hard wrapped", mk(
			"Pakistan reopened the main border crossing with Afghanistan on",
			"Sunday after a week-long closure that left hundreds of trucks",
			"stranded on both sides, officials said."), true},
		{"one paragraph per line", mk(
			"Pakistan reopened the main border crossing with Afghanistan on Sunday.",
			"The closure had left hundreds of trucks stranded on both sides.",
			"Officials said talks would continue."), false},
		{"too short to tell", mk("a b c", "d e f", "g h i"), false},
		{"unpunctuated lines that are paragraphs", mk(
			"Pakistan reopened the main border crossing with Afghanistan on Sunday",
			"The closure had left hundreds of trucks stranded on both sides",
			"Officials said talks would continue next week in Islamabad"), false},
	}
	for _, tt := range tests {
		if got := wrapped(tt.block); got != tt.want {
			t.Errorf("%s: wrapped = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCutLabel(t *testing.T) {
	tests := []struct {
		line, label, rest string
		ok                bool
	}{
		{"Publish dateTuesday", "publish date", "Tuesday", true},
		{"PUBLISH DATE: x", "publish date", ": x", true},
		{"Publisher: x", "published", "", false},
		{"Dates of talks", "date", "", false},
		{"تاریخ‌نشر ۱۴۰۳", "تاریخ نشر", " ۱۴۰۳", true},
		{"تاريخ النشر 2024", "تاریخ النشر", " 2024", true},
		{"Pub", "published", "", false},
	}
	for _, tt := range tests {
		rest, ok := cutLabel(tt.line, labelRunes(tt.label))
		if ok != tt.ok || rest != tt.rest {
			t.Errorf("cutLabel(%q, %q) = %q, %v; want %q, %v", tt.line, tt.label, rest, ok, tt.rest, tt.ok)
		}
	}
}

func TestLexiconData(t *testing.T) {
	lex := loadLexicon()
	if len(lex.exact) < 100 || len(lex.prefix) == 0 || len(lex.contains) == 0 {
		t.Errorf("chrome lexicon looks truncated: %d exact, %d prefix, %d contains", len(lex.exact), len(lex.prefix), len(lex.contains))
	}
	kinds := map[string]int{}
	for _, l := range lex.labels {
		kinds[l.kind]++
	}
	for _, k := range []string{"published", "updated", "code", "author"} {
		if kinds[k] == 0 {
			t.Errorf("no %s labels", k)
		}
	}
	for w, want := range map[string]string{"May": "month", "قوس": "month", "یکشنبه": "weekday", "الأحد": "weekday", "ago": "ago", "ساعت": "unit"} {
		if !lex.isDateWord(w, want) {
			t.Errorf("%q is no %s word", w, want)
		}
	}
}
