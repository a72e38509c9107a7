package extract

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage wraps a head and an article body in a news page with a menu
// and a footer, the chrome that extraction must leave out.
func htmlPage(lang, dir, head, title string, paras []string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="` + lang + `" dir="` + dir + `"><head><meta charset="utf-8">`)
	b.WriteString(head)
	b.WriteString(`</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>`)
	b.WriteString(`<main><article><h1>` + title + `</h1>`)
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article></main><footer><p>Contact us</p><p>© 2024 Example News. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

var (
	enParas = []string{
		"Heavy rains caused flash floods in three northern provinces of Afghanistan on Sunday, killing at least 42 people and destroying hundreds of homes, local officials said.",
		"The provincial disaster management office said that the water reached several villages before dawn, when most families were asleep in their homes.",
		"A spokesman for the provincial governor said that roads to two districts had been cut off and that helicopters were needed to deliver food and medicine.",
		"The United Nations said that its agencies were ready to help and that a joint assessment team would travel to the area on Tuesday.",
	}
	faParas = []string{
		"مقامات محلی در ولایت بغلان می‌گویند که سیلاب‌های ناگهانی روز یکشنبه دست‌کم چهل و دو تن را کشته و صدها خانه را ویران کرده است.",
		"سخنگوی والی بغلان گفت که راه‌های دو ولسوالی مسدود شده و برای رساندن غذا و دارو به هلیکوپتر نیاز است.",
		"سازمان ملل متحد اعلام کرد که نهادهای این سازمان آماده کمک هستند و یک تیم ارزیابی مشترک روز سه‌شنبه به منطقه سفر خواهد کرد.",
		"نهادهای امدادی هشدار داده‌اند که تغییرات اقلیمی و اقتصاد ضعیف، توان میلیون‌ها افغان را برای مقابله با چنین رویدادهایی کاهش داده است.",
	}
	psParas = []string{
		"په بغلان ولایت کې محلي چارواکي وايي چې د یکشنبې په ورځ ناڅاپي سیلابونو لږ تر لږه ۴۲ کسان وژلي او سلګونه کورونه یې ویجاړ کړي دي.",
		"د بغلان د والي ویاند وویل چې د دوو ولسوالیو لارې بندې شوې او خوړو او درملو رسولو ته چورلکو ته اړتیا ده.",
		"ملګرو ملتونو ویلي چې د دغه سازمان ادارې د مرستې لپاره چمتو دي او یو ګډ ټیم به د سه شنبې په ورځ سیمې ته سفر وکړي.",
	}
	urParas = []string{
		"پشاور (اے پی پی) افغانستان کے شمالی صوبوں میں اتوار کے روز اچانک آنے والے سیلاب سے کم از کم 42 افراد جاں بحق اور سینکڑوں مکانات تباہ ہو گئے۔",
		"مقامی حکام کے مطابق پانی صبح سویرے دیہات میں داخل ہوا جب زیادہ تر خاندان سو رہے تھے اور کسی کو خبر نہ ہوئی۔",
		"صوبائی گورنر کے ترجمان نے کہا کہ دو اضلاع کے راستے بند ہو گئے ہیں اور خوراک اور ادویات پہنچانے کے لیے ہیلی کاپٹروں کی ضرورت ہے۔",
	}
	arParas = []string{
		"كابول - قال مسؤولون محليون إن فيضانات مفاجئة ضربت ثلاث ولايات في شمال أفغانستان يوم الأحد وأسفرت عن مقتل 42 شخصا على الأقل وتدمير مئات المنازل.",
		"وأضافوا أن المياه وصلت إلى عدة قرى قبل الفجر عندما كانت معظم العائلات نائمة في منازلها ولم يتمكن كثيرون من الفرار.",
		"وقالت الأمم المتحدة إن وكالاتها مستعدة للمساعدة وإن فريق تقييم مشتركا سيتوجه إلى المنطقة يوم الثلاثاء المقبل.",
	}
)

func TestFromHTML(t *testing.T) {
	tests := []struct {
		name      string
		html      string
		title     string
		paras     []string
		published string
		lang      string
		dateline  string
	}{
		{
			name:      "english, article:published_time",
			html:      htmlPage("en", "ltr", `<title>Floods kill dozens | Example News</title><meta property="article:published_time" content="2024-06-03T09:12:00+04:30">`, "Flash floods kill dozens in northern Afghanistan", enParas),
			title:     "Flash floods kill dozens in northern Afghanistan",
			paras:     enParas,
			published: "2024-06-03T09:12:00+04:30",
			lang:      "en",
		},
		{
			name:      "dari, JSON-LD datePublished",
			html:      htmlPage("fa-AF", "rtl", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"سیلاب‌های ناگهانی در شمال افغانستان ده‌ها کشته بر جا گذاشت","datePublished":"2024-06-03T10:30:00+04:30"}]}</script>`, "سیلاب‌های ناگهانی در شمال افغانستان ده‌ها کشته بر جا گذاشت", faParas),
			title:     "سیلاب‌های ناگهانی در شمال افغانستان ده‌ها کشته بر جا گذاشت",
			paras:     faParas,
			published: "2024-06-03T10:30:00+04:30",
			lang:      "fa-AF",
		},
		{
			name:      "pashto, time element",
			html:      strings.Replace(htmlPage("ps", "rtl", "", "په شمالي افغانستان کې ناڅاپي سیلابونو لسګونه کسان ووژل", psParas), "</h1>", `</h1><time datetime="2024-06-03T11:00:00+04:30">۱۴ جوزا ۱۴۰۳</time>`, 1),
			title:     "په شمالي افغانستان کې ناڅاپي سیلابونو لسګونه کسان ووژل",
			paras:     psParas,
			published: "2024-06-03T11:00:00+04:30",
			lang:      "ps",
		},
		{
			name:     "urdu, dateline",
			html:     htmlPage("ur", "rtl", `<meta property="og:title" content="افغانستان میں سیلاب سے درجنوں افراد جاں بحق">`, "افغانستان میں سیلاب سے درجنوں افراد جاں بحق", urParas),
			title:    "افغانستان میں سیلاب سے درجنوں افراد جاں بحق",
			paras:    urParas,
			lang:     "ur",
			dateline: "پشاور (اے پی پی)",
		},
		{
			name:     "arabic",
			html:     htmlPage("ar", "rtl", `<title>فيضانات مفاجئة تقتل العشرات في شمال أفغانستان</title>`, "فيضانات مفاجئة تقتل العشرات في شمال أفغانستان", arParas),
			title:    "فيضانات مفاجئة تقتل العشرات في شمال أفغانستان",
			paras:    arParas,
			lang:     "ar",
			dateline: "كابول -",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New().FromHTML(tt.html, "https://news.example.org/2024/06/03/floods")
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if want := strings.Join(tt.paras, "\n\n"); p.Text != want {
				t.Errorf("text =\n%s\nwant\n%s", p.Text, want)
			}
			if tt.published != "" && (p.Meta.Published != tt.published || p.Meta.PublishedFrom != "meta") {
				t.Errorf("published = %q from %q, want %q from meta", p.Meta.Published, p.Meta.PublishedFrom, tt.published)
			}
			if p.Meta.Lang != tt.lang {
				t.Errorf("lang = %q, want %q", p.Meta.Lang, tt.lang)
			}
			if p.Meta.Dateline != tt.dateline {
				t.Errorf("dateline = %q, want %q", p.Meta.Dateline, tt.dateline)
			}
			if p.Meta.URL == "" {
				t.Errorf("no URL")
			}
		})
	}
}

func TestFromHTMLNotHTML(t *testing.T) {
	tests := []string{
		"",
		"plain text with no markup at all",
		"a < b and c > d",
		"PESHAWAR, Nov 3 <Reuters> - a line with an unknown tag",
		"تازه ترین خبرها\nمقامات محلی می‌گویند",
		"\xff\xfe\x00\x01binary",
	}
	for _, in := range tests {
		_, err := New().FromHTML(in, "")
		if !errors.Is(err, ErrNotHTML) {
			t.Errorf("New().FromHTML(%q) err = %v, want ErrNotHTML", in, err)
		}
	}
}

func TestFromHTMLEmpty(t *testing.T) {
	tests := []string{
		"<html><body></body></html>",
		"<p></p>",
		"<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
	}
	for _, in := range tests {
		p, err := New().FromHTML(in, "")
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("New().FromHTML(%q) = %+v, %v; want ErrEmpty", in, p, err)
		}
	}
}

func TestFromHTMLFragment(t *testing.T) {
	// A fragment without html or body elements is still HTML.
	in := "<p>" + strings.Join(enParas, "</p><p>") + "</p>"
	p, err := New().FromHTML(in, "")
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	if want := strings.Join(enParas, "\n\n"); p.Text != want {
		t.Errorf("text =\n%s\nwant\n%s", p.Text, want)
	}
}

func TestRenderParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"<p>one  two</p><p>three</p>", []string{"one two", "three"}},
		{"<div>a<br>b</div>", []string{"a\nb"}},
		{"<div>one<br><br>two<br> <br>three</div>", []string{"one", "two", "three"}},
		{"<p>source\n   newlines\tare spaces</p>", []string{"source newlines are spaces"}},
		{"<ul><li>x</li><li>y</li></ul>", []string{"x", "y"}},
		{"<p>keep <b>bold</b> inline</p><script>drop()</script>", []string{"keep bold inline"}},
		{"<table><tr><td>a</td><td>b</td></tr></table>", []string{"a b"}},
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.in)
		got := renderParagraphs(findElementForTest(doc))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("renderParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSONLDDate(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{`{"datePublished":"2024-05-14T15:07:00+04:30"}`, "2024-05-14T15:07:00+04:30"},
		{`[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-05-14"}]`, "2024-05-14"},
		{`{"@graph":[{"dateCreated":"2024-05-13"}]}`, "2024-05-13"},
		{`not json`, ""},
	}
	for _, tt := range tests {
		if got := jsonLDDate(tt.src); got != tt.want {
			t.Errorf("jsonLDDate(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

func findElementForTest(doc *html.Node) *html.Node { return findElement(doc, atom.Body) }

func TestFromHTMLTooDeep(t *testing.T) {
	// Unclosed inline tags nest past the parser's limit; the text is
	// still read, token by token.
	in := "<html><body>" + strings.Repeat("<font>", 600) + "<p>" +
		strings.Join(enParas, "</p><p>") + "</p><input type=text><p>After the input, more prose follows here.</p></body></html>"
	p, err := New().FromHTML(in, "")
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	for _, s := range append(enParas[1:], "After the input, more prose follows here.") {
		if !strings.Contains(p.Text, s) {
			t.Errorf("lost %q", s)
		}
	}
}

func TestChooseDate(t *testing.T) {
	day := time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		t    time.Time
		raw  string
		want string
	}{
		{time.Time{}, "2024-05-14T15:07:00+04:30", "2024-05-14T15:07:00+04:30"},
		{day, "2024-05-14T15:07:00+04:30", "2024-05-14T15:07:00+04:30"},
		{day, "2024-05-13T23:30:00Z", "2024-05-13T23:30:00Z"},
		{day, "2023-01-01", "2024-05-14"},
		{day, "Tuesday", "2024-05-14"},
		{day.Add(15*time.Hour + 7*time.Minute), "", "2024-05-14T15:07:00Z"},
		{time.Time{}, "", ""},
	}
	for _, tt := range tests {
		if got := chooseDate(tt.t, tt.raw); got != tt.want {
			t.Errorf("chooseDate(%v, %q) = %q, want %q", tt.t, tt.raw, got, tt.want)
		}
	}
}

func TestFallbackText(t *testing.T) {
	// The <article> holds only a share button; the prose stands outside
	// it, in the body, among a menu and a footer.
	in := `<html><body><nav><a>Home</a> | <a>World</a> | <a>Sport</a></nav>
<article><p>Share</p></article>
<div>Published: 3 June 2024</div><h2>Flash floods kill dozens in northern Afghanistan</h2><div>` +
		strings.Join(enParas[:2], "<br><br>") + `</div><footer>© 2024 Example News</footer></body></html>`
	var p Page
	paras := fallbackText(mustParse(t, in), loadLexicon(), &p)
	if got, want := strings.Join(paras, "\n\n"), strings.Join(enParas[:2], "\n\n"); got != want {
		t.Errorf("text =\n%s\nwant\n%s", got, want)
	}
	if p.Title != "Flash floods kill dozens in northern Afghanistan" {
		t.Errorf("title = %q", p.Title)
	}
	if p.Meta.Published != "3 June 2024" || p.Meta.PublishedFrom != "header" {
		t.Errorf("published = %q from %q", p.Meta.Published, p.Meta.PublishedFrom)
	}
}
