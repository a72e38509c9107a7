package lang

import "testing"

func TestIdentify(t *testing.T) {
	id, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, lang, variety string }{
		{"The army said that two soldiers were killed in the attack on Monday.", "en", ""},
		{"قال المتحدث باسم الجيش إن الهجوم وقع في المنطقة الحدودية.", "ar", ""},
		{"سخنگوی وزارت دفاع گفت که این حمله را محکوم می‌کند.", "fa", "*"}, // either variety
		{"پولیس ولسوالی گفت که دو موتر در سرک عمومی آسیب دیده است.", "fa", "fa-AF"},
		{"پلیس شهرستان اعلام کرد که دو خودرو در این حادثه آسیب دید.", "fa", "fa-IR"},
		{"د ولسوالۍ چارواکو وویل چې په برید کې دوه کسان ووژل شول.", "ps", ""},
		{"پولیس کے مطابق حملے میں دو اہلکار ہلاک ہو گئے ہیں۔", "ur", ""},
		{"Привет, как дела?", "ru", ""},
		{"Der Angriff wurde von der Armee nicht bestätigt.", "de", ""},
		{"1234 !!!", "und", ""},
		{"کشور های منطقه می گویند که همکاری ادامه دارد", "fa", "fa-AF"},
		{"کشورهای منطقه می‌گویند که همکاری ادامه دارد", "fa", "fa-IR"},
		{"ښه", "ps", ""},
		{"ہے", "ur", ""},
		{"", "und", ""},
		{"Shipping notes, Ottawa, Ont., 1998.", "en", ""}, // one stray French word is not French
		{"هلیکوپټرونو", "ps", ""},
		{"ﮐﺘﺎﺑﻮﻧﻪ", "ps", ""}, // presentation forms: کتابونه
		// A month name that is also a word counts only in a date.
		{"این جلسه در ۱۵ جدی برگزار شد", "fa", "fa-AF"},
		{"این جلسه در ماه جدی برگزار شد", "fa", "fa-AF"},
		{"این موضوع جدی است", "fa", "fa-IR"},
		{"این جلسه در ۱۵ دی برگزار شد", "fa", "fa-IR"},
	}
	for _, tt := range tests {
		got := id.Identify(tt.text)
		if got.Lang != tt.lang || (tt.variety != "*" && got.Variety != tt.variety) {
			t.Errorf("Identify(%q) = %+v, want %s %q", tt.text, got, tt.lang, tt.variety)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Errorf("Identify(%q) confidence %v out of range", tt.text, got.Confidence)
		}
	}
}

func FuzzIdentify(f *testing.F) {
	id, err := New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "سلام", "hello", "\xff", "ښه"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := id.Identify(s)
		if r.Lang == "" || r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("Identify(%q) = %+v", s, r)
		}
	})
}

func TestPashtoYeh(t *testing.T) {
	cues := map[string]map[string]float64{
		"وویل":    {"ps": 2.5},
		"ولسوالي": {"ps": 1.2},
		"ولسوالی": {"fa-AF": 3},
		"علی":     {"fa": 1}, // not Pashto: no variant
	}
	pashtoYeh(cues)
	if cues["وويل"]["ps"] != 2.5 {
		t.Errorf("وويل: %v, want ps 2.5", cues["وويل"])
	}
	if _, ok := cues["ولسوالی"]["ps"]; ok {
		t.Errorf("ولسوالی took a Pashto weight: %v", cues["ولسوالی"])
	}
	if _, ok := cues["علي"]; ok {
		t.Error("a Persian cue got a variant")
	}
}
