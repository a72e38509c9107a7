package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/story"
)

// Stories merged and split through the API, with the pipeline's own
// ingester keeping assignment in step.
func TestAPIEdits(t *testing.T) {
	ctx := context.Background()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, fixtureArticles(t))
	ing, err := pipeline.NewIngester(ctx, p, st, story.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	h := New(st, ing, testGazetteer(t), p.PairClaims, quietLog()).Handler()
	post := func(path, body string) (int, map[string]json.RawMessage) {
		t.Helper()
		rec := do(t, h, http.MethodPost, path, "application/json", body)
		var out map[string]json.RawMessage
		json.Unmarshal(rec.Body.Bytes(), &out)
		return rec.Code, out
	}
	type summary struct {
		ID       string `json:"id"`
		Articles int    `json:"articles"`
	}

	code, out := post("/api/stories/s-border/merge", `{"into": "s-flood"}`)
	var sum summary
	json.Unmarshal(out["story"], &sum)
	if code != http.StatusOK || sum.ID != "s-flood" || sum.Articles != 5 {
		t.Fatalf("merge: %d %s", code, out["story"])
	}
	var edit struct {
		Kind string    `json:"kind"`
		At   time.Time `json:"at"`
	}
	if json.Unmarshal(out["edit"], &edit); edit.Kind != "merge" || time.Since(edit.At) > time.Hour {
		t.Errorf("edit = %s", out["edit"])
	}
	for path, want := range map[string]string{"/api/stories/s-border": "/api/stories/s-flood", "/stories/s-border": "/stories/s-flood"} {
		if rec := get(t, h, path); rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want a redirect to %s", path, rec.Code, rec.Header().Get("Location"), want)
		}
	}

	code, out = post("/api/stories/s-flood/split", `{"articles": ["ar-border", "en-border"]}`)
	json.Unmarshal(out["story"], &sum)
	if code != http.StatusCreated || sum.Articles != 2 || sum.ID == "s-flood" {
		t.Fatalf("split: %d %s", code, out["story"])
	}
	rec := get(t, h, "/api/stories/s-flood")
	var got struct {
		Edits []struct {
			Kind string `json:"kind"`
		} `json:"edits"`
		Profile struct {
			Timeline []struct {
				Article string `json:"article"`
			} `json:"timeline"`
		} `json:"profile"`
	}
	decode(t, rec.Body.Bytes(), rec.Header().Get("Content-Type"), &got)
	if len(got.Edits) != 2 || got.Edits[0].Kind != "merge" || got.Edits[1].Kind != "split" || len(got.Profile.Timeline) != 3 {
		t.Errorf("story after the edits = %s", rec.Body)
	}

	bad := []struct {
		path, body string
		want       int
	}{
		{"/api/stories/s-flood/merge", `{"into": ""}`, http.StatusBadRequest},
		{"/api/stories/s-flood/merge", `{"into": "s-flood"}`, http.StatusBadRequest},
		{"/api/stories/s-flood/merge", `{"story": "s-x"}`, http.StatusBadRequest},
		{"/api/stories/s-flood/merge", `not json`, http.StatusBadRequest},
		{"/api/stories/s-nope/merge", `{"into": "s-flood"}`, http.StatusNotFound},
		{"/api/stories/s-flood/split", `{"articles": ["en-flood", "fa-flood", "ps-flood"]}`, http.StatusBadRequest},
		{"/api/stories/s-flood/split", `{"articles": ["en-border"]}`, http.StatusBadRequest},
		{"/api/stories/s-flood/split", `{"articles": []}`, http.StatusBadRequest},
	}
	for _, b := range bad {
		if code, out := post(b.path, b.body); code != b.want || out["error"] == nil {
			t.Errorf("POST %s %s = %d %v, want %d with an error", b.path, b.body, code, out, b.want)
		}
	}
	if rec := get(t, h, "/api/stories/s-flood/merge"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET merge = %d", rec.Code)
	}
	ro := New(st, nil, nil, nil, quietLog()).Handler()
	if rec := do(t, ro, http.MethodPost, "/api/stories/s-flood/merge", "application/json", `{"into": "x"}`); rec.Code != http.StatusNotImplemented {
		t.Errorf("read-only merge = %d", rec.Code)
	}
}

// The story page shows the story's profile: lead entities, events, the
// exchange of claims and the timeline.
func TestStoryPageProfile(t *testing.T) {
	arts := fixtureArticles(t)[3:] // the border story: ar-border, en-border
	strike := article.Event{EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Date: "2025-11-09",
		Location: &article.Location{ID: "nangarhar", Name: "Nangarhar", Admin1: "Nangarhar"}, Actor1: "pakistan",
		Fatalities: &article.Fatalities{Min: 3, Max: 5, Claimant: "local officials"}}
	arts[0].Events = []article.Event{strike}
	arts[1].Events = []article.Event{strike}
	arts[0].Claims = []article.Claim{{Kind: "accuse", Speaker: "pakistan", Target: "afghanistan", Evidence: article.Span{Text: "اتهمت باكستان"}}}
	arts[1].Claims = []article.Claim{{Kind: "deny", Speaker: "afghanistan", Target: "pakistan", Evidence: article.Span{Text: "Kabul rejected the charge"}}}
	pair := func(cs []article.Claim) [][2]int { return [][2]int{{0, 1}} }
	h := New(openStore(t, arts), nil, testGazetteer(t), pair, quietLog()).Handler()
	rec := get(t, h, "/stories/s-border")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<h2>Events</h2>`, `Air/drone strike`, `<td>Nangarhar</td>`, `3–5 <span class="muted">(local officials)</span>`,
		`<h2>Claims and responses</h2>`, `Pakistan accuses Afghanistan`, `Kabul rejected the charge`,
		`<h2>Timeline</h2>`, `href="#a-en-border"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}
