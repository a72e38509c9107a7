package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(name string) (string, error) {
	b, err := os.ReadFile(filepath.Join("testdata", "pages", name))
	return string(b), err
}

func readPage(t *testing.T, name string) string {
	t.Helper()
	s, err := readFixture(name)
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return s
}

func TestFromTextPages(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		meta      Meta
		paras     int      // number of paragraphs in Text
		keep      []string // substrings that must stay in Text
		drop      []string // substrings that must not be in Text
		firstPara string   // prefix of the first paragraph
	}{
		{
			file:  "en_agency.txt",
			title: "Flash floods kill dozens in northern Afghanistan",
			meta: Meta{
				Published: "Monday 3 June 2024 - 09:12", PublishedFrom: "header",
				StoryCode: "301122",
			},
			paras: 6,
			keep:  []string{"Rescue teams are still searching for the missing.", "climate shocks"},
			drop:  []string{"Leave a comment", "Full name", "Email address", "Story Code", "Publish date"},
		},
		{
			file:  "fa_voa.txt",
			title: "سیلاب‌های ناگهانی در شمال افغانستان ده‌ها کشته بر جا گذاشت",
			meta:  Meta{Clock: "دوشنبه ۱۴ جوزا ۱۴۰۳ کابل ۰۹:۱۵"},
			paras: 5,
			keep:  []string{"امدادگران هنوز در جستجوی مفقودان هستند.", "کاهش داده است"},
			drop:  []string{"AFGHANISTAN-FLOODS", "XS", "LG", "تازه ترین خبرها", "پرش به محتوای", "پرش به", "۰۹:۱۵"},
		},
		{
			file:  "ps_site.txt",
			title: "په شمالي افغانستان کې ناڅاپي سیلابونو لسګونه کسان ووژل",
			meta: Meta{
				Published: "۱۴۰۳/۰۳/۱۴ - ۱۰:۳۰", PublishedFrom: "header",
				StoryCode: "۴۵۶۷۸",
			},
			paras: 4,
			keep:  []string{"ژغورونکي ټیمونه لا هم د ورکو کسانو په لټه کې دي."},
			drop:  []string{"کور پاڼه", "سیاست", "اړوند خبرونه", "زلزلې", "ټول حقونه", "نشر شوی", "کوډ"},
		},
		{
			file:  "ur_paper.txt",
			title: "افغانستان میں سیلاب سے درجنوں افراد جاں بحق",
			meta: Meta{
				Published: "4 جون 2024", PublishedFrom: "header",
				Dateline: "پشاور (اے پی پی)",
			},
			paras:     4,
			keep:      []string{"امدادی کارکن لاپتہ افراد کی تلاش جاری رکھے ہوئے ہیں۔"},
			drop:      []string{"مرکزی صفحہ", "تازہ ترین", "شیئر", "تبصرے", "جملہ حقوق", "تاریخ اشاعت"},
			firstPara: "پشاور (اے پی پی) افغانستان",
		},
		{
			file:  "ar_site.txt",
			title: "فيضانات مفاجئة تقتل العشرات في شمال أفغانستان",
			meta: Meta{
				Published: "04 يونيو 2024 - 11:20", PublishedFrom: "header",
				Dateline: "كابول -",
			},
			paras: 4,
			keep:  []string{"ولا تزال فرق الإنقاذ تبحث عن المفقودين."},
			drop:  []string{"الرئيسية", "عاجل", "اقرأ أيضا", "زلزال", "نقص المياه", "جميع الحقوق"},
		},
		{
			file:  "en_wire.txt",
			title: "Afghan and coalition forces detain insurgent leader in Helmand",
			meta: Meta{
				Author:   "Staff Reporter",
				Dateline: "KABUL, Afghanistan (March 3, 2012) —",
			},
			paras:     4,
			keep:      []string{"No civilians were harmed during the operation."},
			drop:      []string{"World", "Share this", "Facebook", "Related", "Kandahar", "By Staff"},
			firstPara: "KABUL, Afghanistan (March 3, 2012) — An Afghan",
		},
		{
			file:  "en_wrapped.txt",
			title: "Pakistan reopens border crossing after week-long closure",
			meta:  Meta{Dateline: "PESHAWAR, Nov 3 (Reuters) -"},
			paras: 3,
			keep: []string{
				"closure that left hundreds of trucks stranded",
				"whatever their political differences were at the time.",
			},
			drop: []string{"Example Wire", "rights reserved"},
		},
		{
			// A question headline, a byline without "By", an unlabelled
			// date line, a subheading inside the body, related headlines.
			file:  "en_question.txt",
			title: "Will Kabul and Islamabad resume trade talks?",
			meta:  Meta{Clock: "May 20, 2024 - 18:32"},
			paras: 5,
			keep:  []string{"Reaction in Kabul", "said Ahmad, a fruit exporter."},
			drop:  []string{"Sayed Sharif", "Related News", "refugees", "railway", "Download", "Example TV"},
		},
		{
			// A newspaper's masthead heads the page; the headline is
			// below the date line.
			file:  "ur_masthead.txt",
			title: "سوات میں سیلابی ریلے سے پل بہہ گیا، کئی دیہات کا رابطہ منقطع",
			meta:  Meta{Clock: "جمعرات 4 دسمبر 2025"},
			paras: 2,
			keep:  []string{"امدادی سامان ہیلی کاپٹر کے ذریعے پہنچایا جائے گا۔"},
			drop:  []string{"روزنامہ", "صفحہ اول"},
		},
		{
			file:  "ps_nav.txt",
			title: "په پکتیا کې د سړک پرانیستل",
			meta:  Meta{Clock: "۲۰ مه ۲۰۲۴"},
			paras: 3,
			keep:  []string{"سیمه‌ییز خلک وايي چې د سړک بندېدو د خوړو بیې لوړې کړې وې."},
			drop:  []string{"BBC", "ورشئ", "اړونده", "نورې کیسې"},
		},
		{
			// Reader comments follow the article; "Comments (12)" ends it.
			file:  "en_comments.txt",
			title: "Senate passes budget amid opposition walkout",
			meta:  Meta{Dateline: "ISLAMABAD:"},
			paras: 3,
			keep:  []string{"hurt the salaried class the most."},
			drop:  []string{"Home >", "Updated", "Comments", "disaster", "Another year", "Ali Khan"},
		},
		{
			// Paragraphs without final stops, one per line, no blank
			// lines: not to be joined as a wrapped paragraph.
			file:      "ur_unpunctuated.txt",
			title:     "طورخم بارڈر ایک ہفتے بعد دوبارہ کھول دیا گیا",
			meta:      Meta{Dateline: "پشاور:"},
			paras:     3,
			keep:      []string{"سرحد کو کھلا رکھیں"},
			drop:      []string{"ہوم", "کھیل", "ویب ڈیسک", "اپ ڈیٹ", "متعلقہ خبریں", "چمن", "مہاجرین"},
			firstPara: "پشاور: پاک افغان سرحد",
		},
		{
			file:  "en_tags.txt",
			title: "Taliban announce new governor for Kandahar",
			meta:  Meta{Dateline: "KABUL (Pajhwok):"},
			paras: 3,
			keep:  []string{"focus on jobs and security."},
			drop:  []string{"Skip", "Print", "Font size", "Tags", "Islamic Emirate\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := New().FromText(readPage(t, tt.file))
			if err != nil {
				t.Fatalf("FromText: %v", err)
			}
			if p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if p.Meta != tt.meta {
				t.Errorf("meta = %+v\nwant   %+v", p.Meta, tt.meta)
			}
			paras := strings.Split(p.Text, "\n\n")
			if len(paras) != tt.paras {
				t.Errorf("%d paragraphs, want %d:\n%s", len(paras), tt.paras, p.Text)
			}
			for _, s := range tt.keep {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lost %q", s)
				}
			}
			for _, s := range tt.drop {
				if strings.Contains(p.Text, s) {
					t.Errorf("text kept %q", s)
				}
			}
			if strings.Contains(p.Text, p.Title) {
				t.Errorf("title repeated in text")
			}
			if tt.firstPara != "" && !strings.HasPrefix(paras[0], tt.firstPara) {
				t.Errorf("first paragraph = %q, want prefix %q", paras[0], tt.firstPara)
			}
		})
	}
}

func TestFromTextEmpty(t *testing.T) {
	tests := []struct {
		name, raw string
	}{
		{"empty", ""},
		{"blank", " \n\n\t\r\n"},
		{"chrome only", "Home\nSearch\nShare\nLeave a comment\nFull name\n"},
		{"slugs", "XS\nSM\nMD\nLG\n"},
		{"clock only", "Sunday 24 November 2024 Kabul 04:42\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New().FromText(tt.raw)
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("err = %v, want ErrEmpty (page %+v)", err, p)
			}
		})
	}
}

func TestFromTextShort(t *testing.T) {
	tests := []struct {
		name, raw, title, text string
	}{
		{
			name:  "one sentence",
			raw:   "Two soldiers were wounded in Khost on Friday.",
			title: "Two soldiers were wounded in Khost on Friday.",
			text:  "Two soldiers were wounded in Khost on Friday.",
		},
		{
			name:  "headline and one paragraph",
			raw:   "Border reopens\n\nThe Torkham crossing reopened on Monday after talks between the two sides.",
			title: "Border reopens",
			text:  "The Torkham crossing reopened on Monday after talks between the two sides.",
		},
		{
			name:  "short line inside the body stays",
			raw:   "Talks end without a deal\nThe two delegations met for six hours in Doha on Tuesday and left without a joint statement.\nBoth blamed the other.\nA new round is expected in the coming weeks, diplomats said, but no date has been set yet.\nShare\n",
			title: "Talks end without a deal",
			text:  "The two delegations met for six hours in Doha on Tuesday and left without a joint statement.\n\nBoth blamed the other.\n\nA new round is expected in the coming weeks, diplomats said, but no date has been set yet.",
		},
		{
			name:  "CRLF and invisible marks",
			raw:   "\ufeffTalks end without a deal\r\n\u200fThe two delegations met for six hours in Doha on Tuesday and left without a joint statement.\u200f\r\n",
			title: "Talks end without a deal",
			text:  "The two delegations met for six hours in Doha on Tuesday and left without a joint statement.",
		},
		{
			name:  "published label with the date on the next line",
			raw:   "Published:\n12 March 2024\nTalks end without a deal\nThe two delegations met for six hours in Doha on Tuesday and left without a joint statement.",
			title: "Talks end without a deal",
			text:  "The two delegations met for six hours in Doha on Tuesday and left without a joint statement.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New().FromText(tt.raw)
			if err != nil {
				t.Fatalf("FromText: %v", err)
			}
			if p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if p.Text != tt.text {
				t.Errorf("text = %q\nwant   %q", p.Text, tt.text)
			}
		})
	}
}
