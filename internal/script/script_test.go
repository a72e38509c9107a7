package script

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"كابل", "کابل"},
		{"پاکستاني", "پاکستانی"},
		{"مُحَمَّد", "محمد"},
		{"افغانســتان", "افغانستان"},
		{"می\u200cگوید", "میگوید"},
		{"۱۴۰۳ و ١٤٠٣ and 1403", "1403 و 1403 and 1403"},
		{"  Tehreek-e-Taliban   Pakistan ", "tehreek-e-taliban pakistan"},
		{"ګروپ", "گروپ"},
		{"پاکستانی فوج نے کہا", "پاکستانی فوج نی کها"},
		{"أمريكا", "امریکا"},
		{"ٹرمپ", "ٹرمپ"},
		{"ټرمپ", "ٹرمپ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	text := "سخنگوی اردو‌ی پاکستان، Pakistan's ISIS-K."
	toks := Tokens(text)
	want := []string{"سخنگوی", "اردوی", "پاکستان", "pakistan", "s", "isis", "k"}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %v, want %d", len(toks), toks, len(want))
	}
	runes := []rune(text)
	for i, tok := range toks {
		if tok.Norm != want[i] {
			t.Errorf("token %d norm = %q, want %q", i, tok.Norm, want[i])
		}
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Errorf("token %d offsets give %q, text is %q", i, got, tok.Text)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The U.S. envoy met Gen. Khan. He left.", []string{"The U.S. envoy met Gen. Khan.", "He left."}},
		{"وزارت دفاع گفت. این ادعا رد شد؟ بله", []string{"وزارت دفاع گفت.", "این ادعا رد شد؟", "بله"}},
		{"فوج نے کہا۔ حملہ ہوا", []string{"فوج نے کہا۔", "حملہ ہوا"}},
		{"line one\nline two", []string{"line one", "line two"}},
		{"Version 2.5 is out.", []string{"Version 2.5 is out."}},
	}
	for _, tt := range tests {
		got := Sentences(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Sentences(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		runes := []rune(tt.in)
		for i, s := range got {
			if s.Text != tt.want[i] || string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("Sentences(%q)[%d] = %+v, want %q", tt.in, i, s, tt.want[i])
			}
		}
	}
}

func TestSkeleton(t *testing.T) {
	groups := [][]string{
		{"Trump", "ترامپ", "ټرمپ", "ٹرمپ", "ترمپ", "ترامب"},
		{"Zabihullah Mujahid", "ذبیح‌الله مجاهد", "ذبيح الله مجاهد"},
		{"Waziristan", "وزیرستان", "وزيرستان"},
		{"Khorasan", "خراسان"},
		{"Shehbaz Sharif", "شهباز شریف", "شہباز شریف"},
		{"Mehsud", "محسود"},
	}
	for _, g := range groups {
		want := Skeleton(g[0])
		for _, s := range g[1:] {
			if got := Skeleton(s); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", s, got, want, g[0])
			}
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "سلام", "a-b c", "\u200c\u064b", "U.S. ۱۲", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, tok := range Tokens(s) {
			if tok.Start < 0 || tok.End > n || tok.Start >= tok.End || tok.Norm == "" {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
		}
		for _, sen := range Sentences(s) {
			if sen.Start < 0 || sen.End > n || sen.Start >= sen.End {
				t.Fatalf("bad sentence %+v in %q", sen, s)
			}
		}
		Skeleton(s)
	})
}
