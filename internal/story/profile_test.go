package story

import (
	"testing"

	"github.com/khabar-news/khabar/internal/article"
)

func TestDescribe(t *testing.T) {
	ent := func(id, kind string, n int) article.Entity {
		e := article.Entity{ID: id, Name: id, Kind: kind}
		for range n {
			e.Mentions = append(e.Mentions, article.Span{Text: id})
		}
		return e
	}
	strike := article.Event{EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Date: "2025-11-02",
		Location: &article.Location{ID: "paktika-barmal", Name: "Barmal"}}
	arts := []*article.Article{
		{ID: "en1", Lang: "en", Title: "Strikes in Barmal", Entities: []article.Entity{ent("pakistan", "country", 3), ent("paktika", "province", 1), ent("dawn", "media", 5)},
			Events: []article.Event{strike},
			Claims: []article.Claim{{Kind: "accuse", Speaker: "pakistan", Target: "taliban", About: "sheltering TTP"}}},
		{ID: "fa1", Lang: "fa", Variety: "fa-AF", Entities: []article.Entity{ent("pakistan", "country", 1), ent("taliban", "armed_group", 2)},
			Events: []article.Event{strike},
			Claims: []article.Claim{{Kind: "deny", Speaker: "taliban", Target: "pakistan"}, {Kind: "accuse", Speaker: "pakistan", Target: "taliban", About: "sheltering TTP", Evidence: article.Span{Start: 9}}}},
		// The same exchange with the country named for its government,
		// answered by the same denial; and an unrelated exchange.
		{ID: "ps1", Lang: "ps", Claims: []article.Claim{
			{Kind: "accuse", Speaker: "pakistan", Target: "afghanistan"},
			{Kind: "accuse", Speaker: "iran", Target: "jaish-al-adl"}, {Kind: "deny", Speaker: "jaish-al-adl", Target: "iran"}}},
	}
	// The pairer stands in for the event stage's: every denial by the
	// accused answers every accusation.
	side := map[string]string{"afghanistan": "taliban"}
	pair := func(cs []article.Claim) [][2]int {
		var out [][2]int
		for i, a := range cs {
			for j, r := range cs {
				if a.Kind == "accuse" && r.Kind == "deny" && (r.Speaker == a.Target || r.Speaker == side[a.Target]) {
					out = append(out, [2]int{i, j})
				}
			}
		}
		return out
	}
	p := Describe(arts, pair)
	if len(p.Lead) != 3 || p.Lead[0].ID != "pakistan" || p.Lead[0].Articles != 2 || p.Lead[0].Mentions != 4 {
		t.Errorf("lead = %+v (outlets left out, the most named first)", p.Lead)
	}
	if len(p.Events) != 1 || len(p.Events[0].Articles) != 2 {
		t.Errorf("events = %+v, want one strike reported twice", p.Events)
	}
	if len(p.Threads) != 2 {
		t.Fatalf("threads = %+v, want two exchanges", p.Threads)
	}
	th := p.Threads[0]
	if th.Accuser != "pakistan" || th.Accused != "taliban" || len(th.Accusations) != 3 || len(th.Responses) != 1 ||
		th.Responses[0].Article != "fa1" || th.Responses[0].Lang != "fa-AF" {
		t.Errorf("thread = %+v", th)
	}
	if th := p.Threads[1]; th.Accuser != "iran" || len(th.Accusations) != 1 || len(th.Responses) != 1 {
		t.Errorf("second thread = %+v", th)
	}
	if len(p.Timeline) != 3 || p.Timeline[1].Lang != "fa-AF" {
		t.Errorf("timeline = %+v", p.Timeline)
	}
	if q := Describe(arts, nil); len(q.Threads) != 0 || q.Threads == nil {
		t.Errorf("no pairer: threads = %#v, want empty", q.Threads)
	}
}
