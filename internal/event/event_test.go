package event_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/entity"
	"github.com/khabar-news/khabar/internal/event"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func annotate(t testing.TB, text string) *article.Article {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	pub := time.Date(2024, 5, 14, 9, 0, 0, 0, time.UTC)
	a, err := pipe.Annotate(article.Document{ID: "t", Text: text, Published: &pub})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The sentences are the project's own, written for these tests.
func TestEvents(t *testing.T) {
	tests := []struct {
		name, text   string
		sub          string
		admin1       string
		killed, held int
		actor        string // an actor (actor1, actor2 or associated) the event must have
	}{
		{"en air strike", "Pakistani jets carried out an air strike in Barmal district of Paktika province on Sunday, killing five militants, local officials said.",
			event.AirStrike, "Paktika", 5, 0, "pakistan-air-force"},
		{"en arrests", "Police arrested three suspected members of the Tehreek-e-Taliban Pakistan in Bannu on Monday.",
			event.Arrests, "Khyber Pakhtunkhwa", 0, 3, "ttp"},
		{"en suicide bomb", "A suicide bomber killed dozens of worshippers at a mosque in Kabul on Friday.",
			event.SuicideBomb, "Kabul", 24, 0, ""},
		{"en clash and capture", "Afghan forces clashed with Islamic State Khorasan fighters in Nangarhar province yesterday, killing two and detaining four.",
			event.ArmedClash, "Nangarhar", 2, 4, "isis-k"},
		{"fa air strike", "جت های جنگی پاکستان روز یکشنبه ولسوالی برمل پکتیکا را بمباران کردند و دوازده تن کشته شدند.",
			event.AirStrike, "Paktika", 12, 0, "pakistan"},
		{"fa arrests digits", "نیروهای امنیتی طالبان در ولایت هرات ۷ عضو داعش را بازداشت کردند.",
			event.Arrests, "Herat", 0, 7, "taliban"},
		{"ps clash", "د طالبانو او پاکستاني ځواکونو ترمنځ په ننګرهار کې نښته وشوه او دوه تنه ووژل شول.",
			event.ArmedClash, "Nangarhar", 2, 0, "taliban"},
		{"ur attack", "بنوں میں پولیس چوکی پر دہشت گردوں کے حملے میں چار پولیس اہلکار ہلاک ہو گئے۔",
			event.ArmedClash, "Khyber Pakhtunkhwa", 4, 0, ""},
		{"ur ied", "باجوڑ میں ریموٹ کنٹرول بم دھماکے میں دو افراد جاں بحق ہو گئے۔",
			event.IED, "Khyber Pakhtunkhwa", 2, 0, ""},
		{"ar air strike", "قتل ثلاثة مسلحين في غارة جوية على ولاية قندهار يوم الأحد.",
			event.AirStrike, "Kandahar", 3, 0, ""},
		{"ar arrests", "ألقت القبض قوات الأمن على خمسة عناصر من حركة طالبان باكستان في بيشاور.",
			event.Arrests, "Khyber Pakhtunkhwa", 0, 5, "ttp"},
		// A part of those counted adds nobody; in Urdu the whole follows
		// its parts; two reports of one toll make a range from the lower.
		{"fa including", "در بمباران هواپیماهای پاکستانی در ولسوالی برمل ولایت پکتیکا نه غیرنظامی، از جمله سه کودک و دو زن، کشته شدند.",
			event.AirStrike, "Paktika", 9, 0, ""},
		{"ar including", "قتل تسعة مدنيين بينهم ثلاثة أطفال في غارة جوية على ولاية بكتيكا.",
			event.AirStrike, "Paktika", 9, 0, ""},
		{"ur whole after parts", "بنوں میں خودکش حملے میں دو پولیس اہلکاروں اور ایک ڈرائیور سمیت تین افراد جاں بحق ہو گئے۔",
			event.SuicideBomb, "Khyber Pakhtunkhwa", 3, 0, ""},
		{"ps two reports", "په کندهار کې په نښته کې د ولسوالۍ چارواکو پنځه وسله وال وژل شوي ښودلي، خو اوسېدونکو اووه جسدونه لیدلي دي.",
			event.ArmedClash, "Kandahar", 5, 0, ""},
		{"ur named and guard", "باجوڑ میں بم دھماکے میں حاجی گل رحمان اپنے محافظ سمیت جاں بحق ہو گئے۔",
			event.IED, "Khyber Pakhtunkhwa", 2, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			if len(a.Events) == 0 {
				t.Fatalf("no event; entities %v", a.EntityIDs())
			}
			e := a.Events[0]
			if e.SubEventType != tt.sub || e.EventType != event.TypeOf(tt.sub) {
				t.Errorf("type %s / %s, want %s", e.EventType, e.SubEventType, tt.sub)
			}
			if e.Location == nil || e.Location.Admin1 != tt.admin1 {
				t.Errorf("location %+v, want admin1 %s", e.Location, tt.admin1)
			}
			killed := 0
			if e.Fatalities != nil {
				killed = e.Fatalities.Min
			}
			if killed != tt.killed || e.Captured != tt.held {
				t.Errorf("killed %d captured %d, want %d and %d", killed, e.Captured, tt.killed, tt.held)
			}
			if tt.actor != "" && !hasActor(e, tt.actor) {
				t.Errorf("actors %q %q %q %q, want %s", e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2, tt.actor)
			}
			rs := []rune(a.Text)
			if ev := e.Evidence; ev.Start < 0 || ev.End > len(rs) || string(rs[ev.Start:ev.End]) != ev.Text {
				t.Errorf("evidence %+v is not the text at its offsets", ev)
			}
		})
	}
}

func hasActor(e article.Event, id string) bool {
	for _, s := range []string{e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2} {
		for _, x := range strings.Split(s, ";") {
			if strings.TrimSpace(x) == id {
				return true
			}
		}
	}
	return false
}

// TestNoClaim: sentences that make no claim of the kind: a negated claim
// of responsibility, a denial a negation governs, a spokesman who said
// nothing.
func TestNoClaim(t *testing.T) {
	tests := []struct{ name, text, kind string }{
		{"en nobody claimed", "No group has claimed responsibility for the bombing in Bannu.", "claim_responsibility"},
		{"ur nobody claimed", "بنوں دھماکے کی ذمہ داری تاحال کسی گروپ نے قبول نہیں کی۔", "claim_responsibility"},
		{"ps nobody claimed", "تر اوسه هېڅ ډلې د باجوړ د برید مسؤلیت نه دی منلی.", "claim_responsibility"},
		{"ar nobody claimed", "ولم تعلن أي جهة مسؤوليتها عن الهجوم في بانو.", "claim_responsibility"},
		{"ur undeniable", "آئی ایس پی آر نے کہا کہ اس کے ناقابل تردید شواہد موجود ہیں۔", "deny"},
		{"ps said nothing", "تحریک طالبان پاکستان تر اوسه په دې اړه څه نه دي ویلي.", "deny"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range annotate(t, tt.text).Claims {
				if c.Kind == tt.kind {
					t.Errorf("claim %+v", c)
				}
			}
		})
	}
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name, text      string
		kind            string
		speaker, target string
		about           string // a word the gloss must hold, "" for any
	}{
		{"en accuse", "Pakistan on Tuesday accused the Taliban of harbouring the TTP.", "accuse", "pakistan", "taliban", "harbouring"},
		{"en deny", "The Afghan Ministry of Defence rejected the claims of the Pakistan Army.", "deny", "ministry-of-defence-af", "pakistan-army", ""},
		{"en negated say", "Zabihullah Mujahid said that the TTP does not operate from Afghan soil.", "deny", "zabihullah-mujahid", "ttp", ""},
		{"en responsibility", "The TTP claimed responsibility for the attack in Bannu.", "claim_responsibility", "ttp", "", "attack"},
		{"en condemn", "The United Nations condemned the attack on the mosque.", "condemn", "un", "", ""},
		{"fa accuse", "پاکستان طالبان را به پناه دادن به تحریک طالبان پاکستان متهم کرد.", "accuse", "pakistan", "taliban", "harbouring"},
		{"fa deny", "وزارت دفاع طالبان این ادعای پاکستان را رد کرد.", "deny", "ministry-of-defence-af", "pakistan", ""},
		{"ps condemn", "طالبانو په کابل کې د برید غندنه وکړه.", "condemn", "taliban", "", ""},
		{"ps accuse", "پاکستان پر طالبانو تور پورې کړ چې ترهګرو ته پناه ورکوي.", "accuse", "pakistan", "taliban", ""},
		{"ur accuse", "پاکستان نے افغان طالبان پر ٹی ٹی پی کو پناہ دینے کا الزام عائد کیا۔", "accuse", "pakistan", "taliban", "harbouring"},
		{"ur deny", "افغان وزارت دفاع نے پاکستان کے الزامات کی تردید کی۔", "deny", "ministry-of-defence-af", "pakistan", ""},
		{"ar accuse", "اتهمت باكستان حركة طالبان بإيواء عناصر طالبان باكستان.", "accuse", "pakistan", "taliban", "harbouring"},
		{"ar deny", "نفت حركة طالبان اتهامات باكستان.", "deny", "taliban", "pakistan", ""},
		{"ps responsibility", "تحریک طالبان پاکستان د بنو د برید مسؤلیت منلی دی.", "claim_responsibility", "ttp", "", ""},
		{"ps spokesman", "د اسلامي امارت ویاند ذبیح الله مجاهد په ننګرهار کې برید وغانده.", "condemn", "zabihullah-mujahid", "", ""},
		{"ar spokesman", "وأدان المتحدث باسم حكومة طالبان ذبيح الله مجاهد الهجوم على المسجد.", "condemn", "zabihullah-mujahid", "", ""},
		{"fa said clause", "عنایت‌الله خوارزمی، سخنگوی وزارت دفاع ملی، گفت که پاکستان مسئول آغاز درگیری است.", "accuse", "inayatullah-khwarazmi", "pakistan", ""},
		{"ur disown", "کالعدم ٹی ٹی پی نے بنوں دھماکے سے لاتعلقی کا اعلان کیا۔", "deny", "ttp", "", ""},
		{"ar capital", "وتتهم إسلام آباد حكومة طالبان بإيواء مسلحين.", "accuse", "pakistan", "taliban", ""},
		{"en capital", "Islamabad on Tuesday accused the Taliban of harbouring the TTP.", "accuse", "pakistan", "taliban", "harbouring"},
		{"ur agree", "پاکستان اور افغانستان کے درمیان جنگ بندی برقرار رکھنے پر اتفاق ہو گیا ہے۔", "agree", "pakistan", "afghanistan", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			var got *article.Claim
			for i := range a.Claims {
				if a.Claims[i].Kind == tt.kind {
					got = &a.Claims[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s claim in %+v; entities %v", tt.kind, a.Claims, a.EntityIDs())
			}
			if got.Speaker != tt.speaker || got.Target != tt.target {
				t.Errorf("speaker %q target %q, want %q %q", got.Speaker, got.Target, tt.speaker, tt.target)
			}
			if !strings.Contains(got.About, tt.about) {
				t.Errorf("about %q, want it to hold %q", got.About, tt.about)
			}
			if got.Date != "2024-05-14" {
				t.Errorf("date %q, want the publication day", got.Date)
			}
		})
	}
}

func TestPairs(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := event.New(g)
	if err != nil {
		t.Fatal(err)
	}
	claims := []article.Claim{
		{Kind: "accuse", Speaker: "pakistan-army", Target: "taliban", About: "harbouring TTP"},
		{Kind: "deny", Speaker: "ministry-of-defence-af", Target: "pakistan-army"},
		{Kind: "accuse", Speaker: "ministry-of-defence-af", Target: "pakistan", About: "using its soil against"},
		{Kind: "deny", Speaker: "united-states", Target: ""},
		{Kind: "condemn", Speaker: "taliban", Target: "pakistan"},
	}
	type pair struct{ a, r int }
	want := map[pair]bool{{0, 1}: true, {0, 2}: true, {2, 0}: false}
	got := map[pair]bool{}
	index := func(c article.Claim) int {
		for i, x := range claims {
			if x == c {
				return i
			}
		}
		return -1
	}
	for _, p := range x.Pairs(claims) {
		got[pair{index(p.Accusation), index(p.Response)}] = true
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("pair %v: got %v, want %v", p, got[p], w)
		}
	}
	if got[pair{0, 3}] || got[pair{0, 4}] {
		t.Errorf("paired an unrelated denial or a condemnation: %v", got)
	}
}

func TestUserLexicon(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data string
		ok         bool
	}{
		{"new trigger", "[en]\nevent Battles / Armed clash: skirmished; traded fire\n", true},
		{"all languages", "captured: nabbed\n", true},
		{"unknown kind", "weapon: rifle\n", false},
		{"bad sub-event", "event Battles / Picnic: lunch\n", false},
		{"bad claim", "claim praise: praised\n", false},
		{"no colon", "event Battles / Armed clash\n", false},
		{"bad count", "count many: lots\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "user.txt")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := event.New(g, path)
			if (err == nil) != tt.ok {
				t.Errorf("New: %v, want ok %v", err, tt.ok)
			}
		})
	}
	path := filepath.Join(t.TempDir(), "user.txt")
	if err := os.WriteFile(path, []byte("[en]\nevent Battles / Armed clash: traded fire\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := event.New(g, path)
	if err != nil {
		t.Fatal(err)
	}
	text := "Taliban fighters traded fire with Pakistani troops near Torkham on Sunday."
	a := &article.Article{Text: text, Lang: "en", Entities: entity.New(g).Find(text, "en")}
	evs, _ := x.Extract(a)
	if len(evs) != 1 || evs[0].SubEventType != event.ArmedClash {
		t.Errorf("with the user's trigger: %+v", evs)
	}
	if _, err := event.New(g, filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("a missing user file gave no error")
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Police arrested three suspects in Bannu.",
		"جت های جنگی پاکستان پکتیکا را بمباران کردند و ده‌ها تن کشته شدند.",
		"طالبانو تور پورې کړ. ...",
		"قتل ۱۲ مسلحا في غارة جوية",
		"",
		"said not",
	} {
		f.Add(s, "en")
		f.Add(s, "fa")
	}
	g, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	x, err := event.New(g)
	if err != nil {
		f.Fatal(err)
	}
	rec := entity.New(g)
	f.Fuzz(func(t *testing.T, text, lang string) {
		pub := time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)
		a := &article.Article{Text: text, Lang: lang, Published: &pub, Entities: rec.Find(text, lang)}
		evs, claims := x.Extract(a)
		n := len([]rune(text))
		for _, e := range evs {
			if e.Evidence.Start < 0 || e.Evidence.End > n || e.Evidence.Start > e.Evidence.End {
				t.Fatalf("evidence %+v outside a text of %d code points", e.Evidence, n)
			}
		}
		for _, c := range claims {
			if c.Evidence.Start < 0 || c.Evidence.End > n || c.Evidence.Start > c.Evidence.End {
				t.Fatalf("claim evidence %+v outside a text of %d code points", c.Evidence, n)
			}
		}
	})
}
