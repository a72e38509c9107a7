package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/gazetteer"
)

const testData = `
[pakistan]
name: Pakistan
type: LOC
kind: country
en: Pakistan; Pakistani
fa: پاکستان
ar: باكستان
ur: پاکستان

[united-states]
name: United States
type: LOC
kind: country
en: United States; US; U.S.; America
fa: ایالات متحده; امریکا; آمریکا
ar: الولايات المتحدة

[afghanistan]
name: Afghanistan
type: LOC
kind: country
en: Afghanistan
fa: افغانستان

[ttp]
name: Tehreek-e-Taliban Pakistan
type: ORG
kind: armed_group
en: Tehreek-e-Taliban Pakistan; TTP
fa: تحریک طالبان پاکستان; تحریک طالبان

[taliban]
name: Taliban
type: ORG
kind: armed_group
en: Taliban; Islamic Emirate
fa: طالبان; امارت اسلامی

[mod-af]
name: Ministry of Defence (Afghanistan)
type: ORG
kind: state_body
parent: afghanistan
en: Ministry of Defence; Ministry of Defense
fa: وزارت دفاع

[ahmed-sharif]
name: Ahmed Sharif Chaudhry
type: PER
kind: person
en: Ahmed Sharif Chaudhry; Sharif

[sharif-town]
name: Sharif
type: LOC
kind: city
en: Sharif

[mod-pk]
name: Ministry of Defence (Pakistan)
type: ORG
kind: state_body
parent: pakistan
en: Ministry of Defence; Ministry of Defense
fa: وزارت دفاع

[ali-khamenei]
name: Ali Khamenei
type: PER
kind: person
fa: علی خامنه‌ای; آیت‌الله خامنه‌ای

[russia]
name: Russia
type: LOC
kind: country
fa: روسیه; روس; روسی
ar: روسيا; الروسي; الروسية

[syria]
name: Syria
type: LOC
kind: country
fa: سوریه
ar: سوريا; سورية

[kabul]
name: Kabul
type: LOC
kind: city
fa: کابل
ar: كابول

[kandahar-province]
name: Kandahar Province
type: LOC
kind: province
fa: کندهار; ولایت کندهار

[kandahar-city]
name: Kandahar
type: LOC
kind: city
fa: کندهار; شهر کندهار

[bahrain]
name: Bahrain
type: LOC
kind: country
fa: بحرین

[oman]
name: Oman
type: LOC
kind: country
fa: عمان

[gulf-of-oman]
name: Gulf of Oman
type: LOC
kind: region
fa: بحر عمان; دریای عمان

[kurram]
name: Kurram
type: LOC
kind: district
fa: کرم

[india]
name: India
type: LOC
kind: country
fa: هند
ur: بھارت; ہندوستان
ar: الهند
`

func newTest(t *testing.T) *Recognizer {
	t.Helper()
	entries, err := gazetteer.Parse(strings.NewReader(testData), "test")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	return New(g)
}

func TestFind(t *testing.T) {
	r := newTest(t)
	tests := []struct {
		text string
		want []string // "id=mention" in order of first mention
	}{
		{"Let us meet the US envoy in America.", []string{"united-states=US", "united-states=America"}},
		{"Tehreek-e-Taliban Pakistan (TTP) and the Taliban's Islamic Emirate.",
			[]string{"ttp=Tehreek-e-Taliban Pakistan", "ttp=TTP", "taliban=Taliban", "taliban=Islamic Emirate"}},
		{"Pakistan's army; Pakistani officials", []string{"pakistan=Pakistan", "pakistan=Pakistani"}},
		{"مقامات پاکستانی و تحریک طالبان پاکستان در افغانستان", []string{"pakistan=پاکستانی", "ttp=تحریک طالبان پاکستان", "afghanistan=افغانستان"}},
		{"نیروهای امریکایی و ایالات‌متحده", []string{"united-states=امریکایی", "united-states=ایالات‌متحده"}},
		{"وقالت الولايات المتحدة وباكستان", []string{"united-states=الولايات المتحدة", "pakistan=وباكستان"}},
		{"طالبان در افغانستان گفتند وزارت دفاع", []string{"taliban=طالبان", "afghanistan=افغانستان", "mod-af=وزارت دفاع"}},
		{"The Ministry of Defense of Pakistan said", []string{"mod-pk=Ministry of Defense", "pakistan=Pakistan"}},
		{"ttp taliban", []string{"taliban=taliban"}},
	}
	for _, tt := range tests {
		var got []string
		ents := r.Find(tt.text, "")
		runes := []rune(tt.text)
		for _, e := range ents {
			for _, m := range e.Mentions {
				if string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("%q: mention %+v does not match its offsets", tt.text, m)
				}
			}
		}
		// Flatten in text order.
		type pos struct {
			start int
			s     string
		}
		var all []pos
		for _, e := range ents {
			for _, m := range e.Mentions {
				all = append(all, pos{m.Start, e.ID + "=" + m.Text})
			}
		}
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				if all[j].start < all[i].start {
					all[i], all[j] = all[j], all[i]
				}
			}
		}
		for _, p := range all {
			got = append(got, p.s)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	r := newTest(t)
	tests := []struct {
		name, text, lang string
		want             []string // "id type text" of each mention in text order; adjectives end in " adj"
	}{
		{"adjective", "نیروهای پاکستانی در پاکستان", "fa",
			[]string{"pakistan LOC پاکستانی adj", "pakistan LOC پاکستان"}},
		{"the adjective of a state's officials names the state", "مقامات پاکستانی در پاکستان", "fa",
			[]string{"pakistan ORG پاکستانی adj", "pakistan LOC پاکستان"}},
		{"ezafe is no adjective", "امریکای شمالی", "fa", []string{"united-states LOC امریکای"}},
		{"title picks the person", "General Sharif said", "en", []string{"ahmed-sharif PER Sharif"}},
		{"place word picks the place", "in Sharif city", "en", []string{"sharif-town LOC Sharif"}},
		{"title discovers a name and its short form", "آقای ذبیح‌الله مجاهد گفت که مجاهد امروز آمد", "fa",
			[]string{"new:zbhlmjhd PER ذبیح‌الله مجاهد", "new:zbhlmjhd PER مجاهد"}},
		{"same id in Latin script", "The spokesman Zabihullah Mujahid said", "en",
			[]string{"new:zbhlmjhd PER Zabihullah Mujahid"}},
		{"role after a name", "ذبیح‌الله مجاهد، سخنگوی طالبان", "fa",
			[]string{"new:zbhlmjhd PER ذبیح‌الله مجاهد", "taliban ORG طالبان"}},
		{"organisation head absorbs a place", "وزارت معادن افغانستان اعلام کرد", "fa",
			[]string{"new:vzrtmdnfGnstn ORG وزارت معادن افغانستان"}},
		{"Arabic head takes words with the article", "أعلنت منظمة الصحة العالمية في باكستان", "ar",
			[]string{"new:mnzmlshlm ORG منظمة الصحة العالمية", "pakistan LOC باكستان"}},
		{"Urdu head-final organisation", "نیشنل ڈیزاسٹر اتھارٹی نے کہا", "ur",
			[]string{"new:nSnldzstrthrt ORG نیشنل ڈیزاسٹر اتھارٹی"}},
		{"place cue", "وصل إلى مدينة طرطوشة", "ar", []string{"new:trtS LOC طرطوشة"}},
		{"Persian writes the place word in the name", "در شهر کابل", "fa", []string{"kabul LOC شهر کابل"}},
		{"Arabic writes it apart", "في مدينة كابول", "ar", []string{"kabul LOC كابول"}},
		{"title left out of a person's name", "آیت‌الله خامنه‌ای گفت", "fa", []string{"ali-khamenei PER خامنه‌ای"}},
		{"a person after a facility's word names the facility", "در خیابان علی خامنه‌ای", "fa", nil},
		{"an Arabic verb before a role is no name", "انتقد وزير الخارجية", "ar", nil},
		{"no Persian place from an ordinary word", "در بخش خصوصی و استان قرار", "fa", nil},
		{"given name with a clitic", "وقال ومحمد البرادعي", "ar", []string{"new:mhmdlbrd PER ومحمد البرادعي"}},
		{"byte-order mark is not in the name", "\ufeffپاکستان", "fa", []string{"pakistan LOC پاکستان"}},
		{"a minister's portfolio is the ministry", "وزیر اطلاعات گفت", "fa", []string{"new:tlt ORG اطلاعات"}},
		{"Persian joins a body's fields with and", "وزارت فرهنگ و ارشاد اسلامی گفت", "fa",
			[]string{"new:vzrtfrhngvrSdslm ORG وزارت فرهنگ و ارشاد اسلامی"}},
		{"Arabic writes a paper's kind apart", "ذكرت صحيفة « نيويورك تايمز » أن", "ar", []string{"new:nrktmz ORG نيويورك تايمز"}},
		{"Urdu family name that is an ordinary word", "شعیب ملک نے کہا", "ur", []string{"new:Sbmlk PER شعیب ملک"}},
		{"a language's first name is no adjective", "روسیه و روسی", "fa", []string{"russia LOC روسیه", "russia LOC روسی adj"}},
		{"an Arabic name with the article and a feminine ending is an adjective", "المدن السورية", "ar", []string{"syria LOC السورية adj"}},
		{"the adjective of a government names the state", "الحكومة السورية", "ar", []string{"syria ORG السورية adj"}},
		{"a place ends a Persian body's name", "شهرداری کابل اعلام کرد", "fa", []string{"new:Shrdrkbl ORG شهرداری کابل"}},
	}
	for _, tt := range tests {
		var got []string
		runes := []rune(tt.text)
		for _, m := range r.Mentions(tt.text, tt.lang) {
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %+v does not match its offsets", tt.name, m)
			}
			if m.Discovered != strings.HasPrefix(m.ID, "new:") || (m.Discovered && m.Kind != "discovered") {
				t.Errorf("%s: mention %+v: discovered and id disagree", tt.name, m)
			}
			s := m.ID + " " + m.Type + " " + m.Text
			if m.Adjectival {
				s += " adj"
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Mentions(%q)\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// Sentences written for these tests.
func TestPolity(t *testing.T) {
	r := newTest(t)
	tests := []struct {
		name, text, lang string
		want             []string // "id type text" of each mention in text order
	}{
		{"Persian office-holder", "نخست‌وزیر پاکستان به کابل رفت", "fa",
			[]string{"pakistan ORG پاکستان", "kabul LOC کابل"}},
		{"Persian office-holder past a modifier", "سفیر سابق روسیه گفت", "fa", []string{"russia ORG روسیه"}},
		{"Persian subject of a verb of saying", "پاکستان اعلام کرد که هند خواستار گفتگو شد", "fa",
			[]string{"pakistan ORG پاکستان", "india ORG هند"}},
		{"Persian place before the verb", "در پاکستان اعلام کرد", "fa", []string{"pakistan LOC پاکستان"}},
		{"Persian people of a place", "مردم افغانستان به پاکستان رفتند", "fa",
			[]string{"afghanistan LOC افغانستان", "pakistan LOC پاکستان"}},
		{"conjuncts share the role", "روابط پاکستان و افغانستان", "fa",
			[]string{"pakistan ORG پاکستان", "afghanistan ORG افغانستان"}},
		{"a state as a party", "همکاری با روسیه", "fa", []string{"russia ORG روسیه"}},
		{"a country and an organisation are actors", "طالبان و پاکستان توافق کردند", "fa",
			[]string{"taliban ORG طالبان", "pakistan ORG پاکستان"}},
		{"a comma is no and beside an organisation", "در جنوب روسیه، طالبان آمدند", "fa",
			[]string{"russia LOC جنوب روسیه", "taliban ORG طالبان"}},
		{"Arabic verb first", "قالت باكستان إن", "ar", []string{"pakistan ORG باكستان"}},
		{"Arabic construct", "رئيس وزراء باكستان في كابول", "ar",
			[]string{"pakistan ORG باكستان", "kabul LOC كابول"}},
		{"Arabic place", "وصل إلى باكستان", "ar", []string{"pakistan LOC باكستان"}},
		{"Urdu genitive", "پاکستان کی حکومت نے کہا", "ur", []string{"pakistan ORG پاکستان"}},
		{"Urdu agent", "بھارت نے الزام لگایا", "ur", []string{"india ORG بھارت"}},
		{"Urdu place", "پاکستان میں بارش ہوئی", "ur", []string{"pakistan LOC پاکستان"}},
		{"a currency names no country", "ده دلار آمریکا", "fa", nil},
		{"a country's subject use leaves a city alone", "کابل اعلام کرد", "fa", []string{"kabul LOC کابل"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.Mentions(tt.text, tt.lang) {
			if m.Polity != (m.Type == "ORG" && m.Kind == "country") {
				t.Errorf("%s: mention %+v: Polity and type disagree", tt.name, m)
			}
			got = append(got, m.ID+" "+m.Type+" "+m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Mentions(%q)\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// An entity is an ORG when the text names it only as a state acting, and
// keeps its place type when it names it as a place once; its id is the
// country's either way.
func TestFindPolityType(t *testing.T) {
	r := newTest(t)
	tests := []struct{ text, want string }{
		{"نخست‌وزیر پاکستان گفت", "pakistan ORG country 1"},
		{"نخست‌وزیر پاکستان در پاکستان گفت", "pakistan LOC country 2"},
		{"در پاکستان نخست‌وزیر پاکستان گفت", "pakistan LOC country 2"},
	}
	for _, tt := range tests {
		ents := r.Find(tt.text, "fa")
		if len(ents) != 1 {
			t.Fatalf("Find(%q) = %+v", tt.text, ents)
		}
		e := ents[0]
		if got := fmt.Sprintf("%s %s %s %d", e.ID, e.Type, e.Kind, len(e.Mentions)); got != tt.want {
			t.Errorf("Find(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A state body written before another country is that country's.
func TestOwnBodies(t *testing.T) {
	r := newTest(t)
	tests := []struct{ text, want string }{
		{"وزارت دفاع پاکستان گفت", "mod-pk"},
		{"وزارت دفاع افغانستان گفت", "mod-af"},
		{"وزارت دفاع روسیه گفت", "new:"}, // no Russian ministry in the test gazetteer
	}
	for _, tt := range tests {
		ms := r.Mentions(tt.text, "fa")
		if len(ms) == 0 || !strings.HasPrefix(ms[0].ID, tt.want) || ms[0].Text != "وزارت دفاع" {
			t.Errorf("Mentions(%q) = %+v, want the ministry %s…", tt.text, ms, tt.want)
		}
	}
}

// Sentences written for these tests.
func TestNamesAndSpans(t *testing.T) {
	r := newTest(t)
	tests := []struct {
		name, text, lang string
		mentions, names  []string // "id type text"
	}{
		{"a plural place word is left out but picks the place", "در ولایت‌های کندهار و کابل", "fa",
			[]string{"kandahar-province LOC کندهار", "kabul LOC کابل"}, nil},
		{"a one-word name in the plural is no name", "کرمهای خاکی", "fa", nil, nil},
		{"no name runs over a comma", "بحرین، عمان و قطر", "fa", []string{"bahrain LOC بحرین", "oman LOC عمان"}, nil},
		{"a place inside a facility's name", "در ورزشگاه غازی کابل", "fa", []string{"kabul LOC کابل"}, []string{}},
		{"an organisation's name runs over its country (ezafe)", "وزیر امور خارجه روسیه گفت", "fa",
			[]string{"new:mrXrj ORG امور خارجه", "russia ORG روسیه"}, []string{"new:mrXrj ORG امور خارجه روسیه"}},
		{"a town's name runs over its country (ezafe)", "در کابل افغانستان", "fa",
			[]string{"kabul LOC کابل", "afghanistan LOC افغانستان"}, []string{"kabul LOC کابل افغانستان"}},
		{"a place word that always names", "در شهرستان زرین‌دشت", "fa", []string{"new:zrndSt LOC شهرستان زرین‌دشت"}, nil},
		{"no place after a demonstrative", "در این شهرستان کار کنند", "fa", nil, nil},
	}
	show := func(ms []Mention) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID+" "+m.Type+" "+m.Text)
		}
		return out
	}
	for _, tt := range tests {
		if got := show(r.Mentions(tt.text, tt.lang)); strings.Join(got, "|") != strings.Join(tt.mentions, "|") {
			t.Errorf("%s: Mentions(%q)\n got %q\nwant %q", tt.name, tt.text, got, tt.mentions)
		}
		want := tt.names
		if want == nil {
			want = tt.mentions
		}
		if got := show(r.Names(tt.text, tt.lang)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: Names(%q)\n got %q\nwant %q", tt.name, tt.text, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	entries, err := gazetteer.Parse(strings.NewReader(testData), "test")
	if err != nil {
		f.Fatal(err)
	}
	g, err := gazetteer.New(entries)
	if err != nil {
		f.Fatal(err)
	}
	r := New(g)
	for _, s := range []string{"", "US TTP", "وباكستان", "\u200cطالبان\u064b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		for _, e := range r.Find(s, "") {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("bad mention %+v in %q", m, s)
				}
			}
		}
	})
}

func TestLoadUserFile(t *testing.T) {
	entries, err := gazetteer.Parse(strings.NewReader(testData), "test")
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.txt")
	os.WriteFile(good, []byte("# my cues\n[cues]\nbefore PER کمیسار\n[names]\nزرغونه\n[polity]\nof@fa کاپیتان\n"), 0o644)
	r, err := Load(g, good)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range r.Mentions("کمیسار رحیمی گفت و زرغونه احمدزی آمد", "fa") {
		got = append(got, m.Type+" "+m.Text)
	}
	if want := "PER رحیمی|PER زرغونه احمدزی"; strings.Join(got, "|") != want {
		t.Errorf("with a user file: got %q, want %q", got, want)
	}
	if ms := r.Mentions("کاپیتان پاکستان آمد", "fa"); len(ms) != 1 || ms[0].Type != "ORG" || !ms[0].Polity {
		t.Errorf("a user's polity rule: got %+v", ms)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("before PER X\n"), 0o644)
	if _, err := Load(g, bad); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("a line before any section: err %v", err)
	}
	if _, err := Load(g, filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("a missing file: no error")
	}
}

// Arabic and Persian names the gazetteer lacks, found by their shape and
// their neighbours. Sentences written for these tests.
func TestDiscoverNames(t *testing.T) {
	r := newTest(t)
	tests := []struct {
		name, text, lang string
		want             []string // "type text" of each discovered mention
	}{
		{"a demonym standing as a noun names a person", "وفاز الروسي نيكولاي دافيدينكو بالمباراة", "ar",
			[]string{"PER نيكولاي دافيدينكو"}},
		{"a feminine demonym too, and a long foreign name alone", "وتأهلت الروسية كوزنيتسوفا", "ar",
			[]string{"PER كوزنيتسوفا"}},
		{"a demonym after a definite noun is its adjective", "وحقق المنتخب الروسي فوزا", "ar", nil},
		{"a plural demonym is a people", "وكان الروسيون يعارضون", "ar", nil},
		{"no verb after a demonym", "وقال الروسي يعتقد", "ar", nil},
		{"a definite role before a name no list holds", "واستقبل الرئيس طالبانيان الوفد", "ar",
			[]string{"PER طالبانيان"}},
		{"a bare role takes its complement, no name", "وقال رئيس بلدية المدينة", "ar", nil},
		{"no past verb after a definite role", "وكان الرئيس رفض العرض", "ar", nil},
		{"a description before a given name is left out", "وقال المواطن أحمد عبد الرحيم إن", "ar",
			[]string{"PER أحمد عبد الرحيم"}},
		{"a compound given name keeps its second half", "وأشار جمال الدين إلى", "ar", []string{"PER جمال الدين"}},
		{"a verb of saying before a given name", "وأشار غسان سليمان إلى الخطر", "ar", []string{"PER غسان سليمان"}},
		{"Ali with the dotted yeh before a full name", "واتهم علي حسن المجيد", "ar", []string{"PER علي حسن المجيد"}},
		{"the preposition before a single given name is no name", "اعتمد علي محمد", "ar", nil},
		{"a definite body takes adjectives only", "وقال البنك المركزي إن البنك يفيد", "ar",
			[]string{"ORG البنك المركزي"}},
		{"an Arabic body's field with li-al", "ويدرس في معهد ماساتشوستس للتكنولوجيا", "ar",
			[]string{"ORG معهد ماساتشوستس للتكنولوجيا"}},
		{"a bare head and a bare adjective is no name", "ونشرت قوة دولية جنودا", "ar", nil},
		{"a feminine head agrees with its adjective", "وأسست جمعية خيرية مدرسة", "ar", nil},
		{"a Persian town in -آباد", "روستاهای قاسم‌آباد و کوه", "fa", []string{"LOC قاسم‌آباد"}},
		{"a Persian plain", "در دشت آهوچر", "fa", []string{"LOC دشت آهوچر"}},
		{"an imperative after a place word", "از رفتن به دشت خودداری کنید", "fa", nil},
		{"an Urdu given name is a word in Arabic", "كانت صائمة طوال اليوم", "ar", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.Mentions(tt.text, tt.lang) {
			if m.Discovered {
				got = append(got, m.Type+" "+m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Mentions(%q)\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// A national side in a Persian score is an organisation.
func TestPolityScore(t *testing.T) {
	r := newTest(t)
	ms := r.Mentions("روسیه 2 بر 1 از سوریه برد", "fa")
	if len(ms) == 0 || ms[0].Type != "ORG" || !ms[0].Polity {
		t.Errorf("Mentions: got %+v, want Russia as ORG", ms)
	}
}

// A word in Latin letters in an Arabic-script text takes the English
// name it spells. Sentence written for this test.
func TestLatinNameInArabicText(t *testing.T) {
	r := newTest(t)
	var got []string
	for _, m := range r.Mentions("وقالت Taliban في بيان", "ar") {
		got = append(got, m.ID+" "+m.Text)
	}
	if strings.Join(got, "|") != "taliban Taliban" {
		t.Errorf("Mentions: got %q, want the Taliban", got)
	}
}
