// Package storetest is the behaviour every store.Store implementation
// must have, as tests each implementation's own test runs: the SQLite and
// the PostgreSQL stores pass the same ones.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
)

// Opener opens a test's database. Every call opens the same database,
// empty at the first call, so a test can close the store and open it
// again.
type Opener func() (store.Store, error)

// Run runs the shared tests, each as a subtest. fresh makes a new, empty
// database for one subtest (removing it at t's cleanup) and returns how
// to open it.
func Run(t *testing.T, fresh func(t *testing.T) Opener) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, Opener)
	}{
		{"Basics", testBasics},
		{"EntityQueries", testEntityQueries},
		{"Edits", testEdits},
		{"EditDates", testEditDates},
		{"ConcurrentSaves", testConcurrentSaves},
		{"ConcurrentEdits", testConcurrentEdits},
		{"Journal", testJournal},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, fresh(t)) })
	}
}

func date(s string) *time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return &t
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func open(t *testing.T, o Opener) store.Store {
	t.Helper()
	s, err := o()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func save(t *testing.T, s store.Store, arts ...*article.Article) {
	t.Helper()
	for _, a := range arts {
		if err := s.Save(context.Background(), a, "h"+a.ID); err != nil {
			t.Fatalf("save %s: %v", a.ID, err)
		}
	}
}

// Save, Has, Stories, Story, Article, Latest and Since, and a reopen that
// keeps the data (and runs no migration twice).
func testBasics(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	arts := []*article.Article{
		{ID: "a1", Story: "s1", Lang: "fa", Variety: "fa-AF", Source: "Kabul Daily", Title: "عنوان", Text: "متن", Published: date("2025-11-02"),
			Entities: []article.Entity{{ID: "pakistan", Name: "Pakistan", Type: "LOC", Kind: "country", Mentions: []article.Span{{Text: "پاکستان", Start: 0, End: 7}}}}},
		{ID: "a2", Story: "s1", Lang: "en", Source: "Frontier Post", Title: "Border shut", Text: "text", Published: date("2025-11-03")},
		{ID: "a3", Story: "s2", Lang: "ps", Source: "Da Pulse", Title: "سرلیک", Text: "متن", Published: date("2025-10-01")},
	}
	save(t, s, arts...)
	if err := s.Save(ctx, arts[0], "other"); err == nil {
		t.Error("saving the same id twice succeeded")
	}
	if err := s.Save(ctx, &article.Article{ID: "a9", Story: "s1", Lang: "en"}, "ha1"); err == nil {
		t.Error("saving the same content twice succeeded")
	}
	if err := s.Save(ctx, &article.Article{ID: "a8", Lang: "en"}, "h8"); err == nil {
		t.Error("saving an article with no story succeeded")
	}
	for _, tc := range []struct {
		id, hash string
		want     bool
	}{{"a1", "x", true}, {"x", "ha2", true}, {"x", "y", false}} {
		if got, err := s.Has(ctx, tc.id, tc.hash); err != nil || got != tc.want {
			t.Errorf("Has(%s, %s) = %v, %v", tc.id, tc.hash, got, err)
		}
	}
	list, err := s.Stories(ctx, 10, 0)
	if err != nil || len(list) != 2 {
		t.Fatalf("Stories = %v, %v", list, err)
	}
	if list[0].ID != "s1" || list[0].Articles != 2 || list[0].Title != "Border shut" ||
		strings.Join(list[0].Languages, ",") != "en,fa-AF" || strings.Join(list[0].Sources, ",") != "Frontier Post,Kabul Daily" {
		t.Errorf("first story = %+v", list[0])
	}
	if page, err := s.Stories(ctx, 10, 1); err != nil || len(page) != 1 || page[0].ID != "s2" || page[0].Title != "سرلیک" {
		t.Errorf("Stories from 1 = %+v, %v", page, err)
	}
	sum, members, err := s.Story(ctx, "s1")
	if err != nil || len(members) != 2 || members[0].ID != "a1" || day(sum.FirstSeen) != "2025-11-02" || day(sum.LastSeen) != "2025-11-03" {
		t.Fatalf("Story = %+v %v %v", sum, members, err)
	}
	if len(members[0].Entities) != 1 || members[0].Entities[0].Mentions[0].Text != "پاکستان" || members[0].Variety != "fa-AF" {
		t.Errorf("article not kept whole: %+v", members[0])
	}
	if _, _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing story: %v", err)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	latest, err := s.Latest(ctx)
	if err != nil || day(latest) != "2025-11-03" {
		t.Errorf("Latest = %v, %v", latest, err)
	}
	var since []string
	err = s.Since(ctx, *date("2025-11-01"), func(a *article.Article) error { since = append(since, a.ID); return nil })
	if err != nil || strings.Join(since, ",") != "a1,a2" {
		t.Errorf("Since = %v, %v", since, err)
	}
	stop := errors.New("stop")
	if err := s.Since(ctx, time.Time{}, func(*article.Article) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Since did not pass fn's error on: %v", err)
	}
	s.Close()
	s = open(t, o)
	defer s.Close()
	if a, err := s.Article(ctx, "a3"); err != nil || a.Lang != "ps" || a.Published == nil || day(*a.Published) != "2025-10-01" {
		t.Errorf("after reopen: %+v %v", a, err)
	}
}

// An empty store has no latest time and no stories.
func testEmpty(t *testing.T, s store.Store) {
	ctx := context.Background()
	if latest, err := s.Latest(ctx); err != nil || !latest.IsZero() {
		t.Errorf("Latest of an empty store = %v, %v", latest, err)
	}
	if list, err := s.Stories(ctx, 10, 0); err != nil || len(list) != 0 {
		t.Errorf("Stories of an empty store = %v, %v", list, err)
	}
}

func testEntityQueries(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	defer s.Close()
	testEmpty(t, s)
	ent := func(id string, n int) article.Entity {
		e := article.Entity{ID: id, Name: id, Type: "LOC", Kind: "country"}
		for range n {
			e.Mentions = append(e.Mentions, article.Span{Text: id, Start: 0, End: 1})
		}
		return e
	}
	save(t, s,
		&article.Article{ID: "a1", Story: "s1", Lang: "en", Title: "One", Published: date("2025-11-01"), Entities: []article.Entity{ent("pakistan", 2), ent("afghanistan", 1), ent("ttp", 1)}},
		&article.Article{ID: "a2", Story: "s1", Lang: "fa", Title: "Two", Published: date("2025-11-03"), Entities: []article.Entity{ent("pakistan", 1), ent("afghanistan", 3)}},
		&article.Article{ID: "a3", Story: "s2", Lang: "ur", Title: "Three", Published: date("2025-11-02"), Entities: []article.Entity{ent("afghanistan", 1)}},
	)
	tests := []struct {
		entity       string
		wantArticles []string // newest first
		wantCo       []string // "id:articles:mentions"
	}{
		{"pakistan", []string{"a2", "a1"}, []string{"afghanistan:2:4", "ttp:1:1"}},
		{"afghanistan", []string{"a2", "a3", "a1"}, []string{"pakistan:2:3", "ttp:1:1"}},
		{"nowhere", nil, nil},
	}
	for _, tt := range tests {
		list, err := s.EntityArticles(ctx, tt.entity, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range list {
			got = append(got, a.ID)
		}
		if strings.Join(got, ",") != strings.Join(tt.wantArticles, ",") {
			t.Errorf("EntityArticles(%s) = %v, want %v", tt.entity, got, tt.wantArticles)
		}
		co, err := s.CoEntities(ctx, tt.entity, 10)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, c := range co {
			got = append(got, fmt.Sprintf("%s:%d:%d", c.ID, c.Articles, c.Mentions))
		}
		if strings.Join(got, ",") != strings.Join(tt.wantCo, ",") {
			t.Errorf("CoEntities(%s) = %v, want %v", tt.entity, got, tt.wantCo)
		}
	}
	list, _ := s.EntityArticles(ctx, "pakistan", 10)
	if len(list) != 2 || list[1].Mentions != 2 || list[1].Story != "s1" || list[1].Title != "One" || list[1].Lang != "en" ||
		list[1].Published == nil || day(*list[1].Published) != "2025-11-01" {
		t.Errorf("EntityArticles rows = %+v", list)
	}
	if list, _ := s.EntityArticles(ctx, "afghanistan", 1); len(list) != 1 || list[0].ID != "a2" {
		t.Errorf("EntityArticles with limit 1 = %+v", list)
	}
	if co, _ := s.CoEntities(ctx, "afghanistan", 1); len(co) != 1 || co[0].ID != "pakistan" {
		t.Errorf("CoEntities with limit 1 = %+v", co)
	}
}

// Edits by hand move articles, reshape both stories' rows, survive a
// reopen, and leave the merged story's id leading to the story it joined.
func testEdits(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	taliban := article.Entity{ID: "taliban", Name: "Taliban", Type: "ORG", Kind: "armed_group", Mentions: []article.Span{{Text: "طالبان"}}}
	save(t, s,
		&article.Article{ID: "a1", Story: "s1", Lang: "en", Title: "Talks open in Doha", Published: date("2025-11-02")},
		&article.Article{ID: "a2", Story: "s1", Lang: "ps", Title: "سرلیک", Published: date("2025-11-04"), Entities: []article.Entity{taliban}},
		&article.Article{ID: "a3", Story: "s2", Lang: "fa", Title: "عنوان", Published: date("2025-11-03")},
		&article.Article{ID: "a4", Story: "s3", Lang: "ur", Title: "سرخی", Published: date("2025-11-05")},
	)
	// Split the Pashto article out of s1, then merge s2 into it.
	edits := []store.Edit{
		{Kind: store.EditSplit, Story: "s1", Into: "s9", Articles: []string{"a2"}},
		{Kind: store.EditMerge, Story: "s2", Into: "s9", Articles: []string{"a3"}},
	}
	for _, e := range edits {
		if err := s.Apply(ctx, e); err != nil {
			t.Fatalf("%+v: %v", e, err)
		}
	}
	if err := s.Apply(ctx, store.Edit{Kind: store.EditSplit, Story: "s1", Into: "s8", Articles: []string{"a4"}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving an article from a story it is not in: %v", err)
	}
	if err := s.Apply(ctx, store.Edit{Kind: store.EditMerge, Story: "s1", Into: "s1", Articles: []string{"a1"}}); err == nil {
		t.Error("merging a story into itself succeeded")
	}
	if sum, _, err := s.Story(ctx, "s3"); err != nil || sum.Articles != 1 {
		t.Errorf("s3 after a failed edit = %+v, %v", sum, err)
	}
	s.Close()
	s = open(t, o)
	defer s.Close()
	sum, members, err := s.Story(ctx, "s9")
	if err != nil || sum.Articles != 2 || members[0].ID != "a3" || members[1].Story != "s9" {
		t.Fatalf("s9 = %+v %v %v", sum, members, err)
	}
	if a, err := s.Article(ctx, "a2"); err != nil || a.Story != "s9" {
		t.Errorf("moved article = %+v, %v", a, err)
	}
	// No English article: the title is the English gloss of the first
	// stored (a2, which names the Taliban).
	if sum.Title != "Taliban" || day(sum.FirstSeen) != "2025-11-03" || day(sum.LastSeen) != "2025-11-04" {
		t.Errorf("s9 row = %+v", sum)
	}
	if sum, _, _ := s.Story(ctx, "s1"); sum.Articles != 1 || sum.Title != "Talks open in Doha" || day(sum.LastSeen) != "2025-11-02" {
		t.Errorf("s1 after the split = %+v", sum)
	}
	if _, _, err := s.Story(ctx, "s2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged story still listed: %v", err)
	}
	// s9 merged on into s3: the redirect from s2 follows it.
	if err := s.Apply(ctx, store.Edit{Kind: store.EditMerge, Story: "s9", Into: "s3", Articles: []string{"a2", "a3"}}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"s2": "s3", "s9": "s3", "s3": "s3", "s1": "s1"} {
		if got, err := s.Resolve(ctx, id); got != want || err != nil {
			t.Errorf("Resolve(%s) = %s, %v; want %s", id, got, err, want)
		}
	}
	if _, err := s.Resolve(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Resolve(nope): %v", err)
	}
	// Split back out into s9: s9 is a story again, no longer redirected.
	if err := s.Apply(ctx, store.Edit{Kind: store.EditSplit, Story: "s3", Into: "s9", Articles: []string{"a2"}}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Resolve(ctx, "s9"); got != "s9" || err != nil {
		t.Errorf("Resolve(s9) after splitting it out again = %s, %v", got, err)
	}
	got, err := s.Edits(ctx, "s9")
	if err != nil || len(got) != 4 || got[0].Kind != store.EditSplit || got[1].Articles[0] != "a3" || got[1].At.IsZero() ||
		got[2].Kind != store.EditMerge || strings.Join(got[2].Articles, ",") != "a2,a3" || got[3].Into != "s9" {
		t.Errorf("Edits(s9) = %+v, %v", got, err)
	}
	if got, err := s.Edits(ctx, "s1"); err != nil || len(got) != 1 {
		t.Errorf("Edits(s1) = %+v, %v", got, err)
	}
	at := time.Date(2025, 11, 6, 12, 0, 0, 0, time.UTC)
	if err := s.Apply(ctx, store.Edit{Kind: store.EditSplit, Story: "s1", Into: "s7", Articles: []string{"a1"}, At: at}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Edits(ctx, "s7"); len(got) != 1 || !got[0].At.Equal(at) {
		t.Errorf("Edits(s7) = %+v, want one at %v", got, at)
	}
	if list, _ := s.Stories(ctx, 10, 0); len(list) != 3 {
		t.Errorf("%d stories listed, want 3 (s3, s9, s7): %+v", len(list), list)
	}
}

// A story rebuilt after an edit is dated as Save dates it: by an
// article's capture time when it has no publication date.
func testEditDates(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	defer s.Close()
	save(t, s,
		&article.Article{ID: "b1", Story: "t1", Lang: "ur", Title: "سرخی", Fetched: date("2025-11-07")},
		&article.Article{ID: "b2", Story: "t1", Lang: "en", Title: "Clash at Chaman", Published: date("2025-11-06")},
	)
	if sum, _, err := s.Story(ctx, "t1"); err != nil || sum.Title != "Clash at Chaman" || day(sum.FirstSeen) != "2025-11-06" || day(sum.LastSeen) != "2025-11-07" {
		t.Errorf("t1 = %+v, %v", sum, err)
	}
	if err := s.Apply(ctx, store.Edit{Kind: store.EditSplit, Story: "t1", Into: "t2", Articles: []string{"b2"}}); err != nil {
		t.Fatal(err)
	}
	if sum, _, err := s.Story(ctx, "t1"); err != nil || sum.Title != "سرخی" || day(sum.FirstSeen) != "2025-11-07" || day(sum.LastSeen) != "2025-11-07" {
		t.Errorf("t1 after the split = %+v, %v", sum, err)
	}
	if sum, _, err := s.Story(ctx, "t2"); err != nil || sum.Title != "Clash at Chaman" || day(sum.FirstSeen) != "2025-11-06" {
		t.Errorf("t2 = %+v, %v", sum, err)
	}
}

// Writers saving into the same stories at once leave each story's row
// agreeing with its articles.
func testConcurrentSaves(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	defer s.Close()
	const writers, each, stories = 4, 12, 3
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				n := w*each + i
				a := &article.Article{ID: fmt.Sprintf("c%03d", n), Story: fmt.Sprintf("s%d", n%stories), Lang: "fa",
					Title: fmt.Sprintf("عنوان %d", n), Published: date(fmt.Sprintf("2025-10-%02d", 1+n%28))}
				if n%5 == 4 {
					a.Lang, a.Title = "en", fmt.Sprintf("English %d", n)
				}
				if err := s.Save(ctx, a, fmt.Sprintf("hash%d", n)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, err := s.Stories(ctx, 10, 0)
	if err != nil || len(list) != stories {
		t.Fatalf("Stories = %+v, %v", list, err)
	}
	total := 0
	for _, st := range list {
		total += st.Articles
		_, members, err := s.Story(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		first, last := *members[0].Published, *members[len(members)-1].Published
		if !st.FirstSeen.Equal(first) || !st.LastSeen.Equal(last) {
			t.Errorf("%s dated %v–%v, its articles %v–%v", st.ID, st.FirstSeen, st.LastSeen, first, last)
		}
		if !strings.HasPrefix(st.Title, "English ") {
			t.Errorf("%s titled %q, want one of its English titles", st.ID, st.Title)
		}
	}
	if total != writers*each {
		t.Errorf("%d articles in stories, want %d", total, writers*each)
	}
}

// Edits by hand running while a writer saves into the same story leave
// the story's row agreeing with its articles.
func testConcurrentEdits(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	defer s.Close()
	save(t, s, &article.Article{ID: "seed", Story: "s1", Lang: "ps", Title: "سرلیک", Published: date("2025-10-15")})
	const n = 30
	var wg sync.WaitGroup
	var saveErr, editErr error
	wg.Go(func() {
		for i := range n {
			a := &article.Article{ID: fmt.Sprintf("c%02d", i), Story: "s1", Lang: "fa", Title: "عنوان",
				Published: date(fmt.Sprintf("2025-%02d-%02d", 9+i%3, 1+i))}
			if saveErr = s.Save(ctx, a, a.ID); saveErr != nil {
				return
			}
		}
	})
	wg.Go(func() {
		for range n / 2 {
			for _, e := range []store.Edit{
				{Kind: store.EditSplit, Story: "s1", Into: "s2", Articles: []string{"seed"}},
				{Kind: store.EditMerge, Story: "s2", Into: "s1", Articles: []string{"seed"}},
			} {
				if editErr = s.Apply(ctx, e); editErr != nil {
					return
				}
			}
		}
	})
	wg.Wait()
	if saveErr != nil || editErr != nil {
		t.Fatalf("save: %v; edit: %v", saveErr, editErr)
	}
	sum, members, err := s.Story(ctx, "s1")
	if err != nil || sum.Articles != n+1 || len(members) != n+1 {
		t.Fatalf("s1 = %+v with %d articles, %v", sum, len(members), err)
	}
	first, last := *members[0].Published, *members[n].Published
	if !sum.FirstSeen.Equal(first) || !sum.LastSeen.Equal(last) {
		t.Errorf("s1 dated %v–%v, its articles %v–%v", sum.FirstSeen, sum.LastSeen, first, last)
	}
	if list, err := s.Stories(ctx, 10, 0); err != nil || len(list) != 1 {
		t.Errorf("Stories = %+v, %v; want s1 alone", list, err)
	}
}

// testJournal: the journal gives the articles and edits made after a
// position, in order, as they now stand; and Exclusive lets one opener
// of the database in at a time.
func testJournal(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	if p, err := s.Head(ctx); err != nil || p != (store.Position{}) {
		t.Errorf("Head of an empty store = %+v, %v", p, err)
	}
	save(t, s,
		&article.Article{ID: "a1", Story: "s1", Lang: "en", Title: "One", Published: date("2025-11-02")},
		&article.Article{ID: "a2", Story: "s2", Lang: "en", Title: "Two", Published: date("2025-11-01")},
	)
	mid, err := s.Head(ctx)
	if err != nil || mid.Article == 0 {
		t.Fatalf("Head = %+v, %v", mid, err)
	}
	save(t, s, &article.Article{ID: "a3", Story: "s2", Lang: "fa", Title: "سه", Published: date("2025-11-03")})
	if err := s.Apply(ctx, store.Edit{Kind: store.EditMerge, Story: "s2", Into: "s1", Articles: []string{"a2", "a3"}}); err != nil {
		t.Fatal(err)
	}
	read := func(from store.Position) (arts, edits []string, to store.Position) {
		t.Helper()
		to, err := s.Changes(ctx, from, func(a *article.Article) error {
			arts = append(arts, a.ID+"@"+a.Story)
			return nil
		}, func(e store.Edit) error {
			edits = append(edits, e.Kind+":"+e.Story+">"+e.Into)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return arts, edits, to
	}
	arts, edits, head := read(store.Position{})
	if strings.Join(arts, " ") != "a1@s1 a2@s1 a3@s1" || strings.Join(edits, " ") != "merge:s2>s1" {
		t.Errorf("all changes: %v %v (in saving order, with their stories now)", arts, edits)
	}
	if h, _ := s.Head(ctx); h != head {
		t.Errorf("Changes read to %+v, Head is %+v", head, h)
	}
	if arts, edits, _ := read(mid); strings.Join(arts, " ") != "a3@s1" || len(edits) != 1 {
		t.Errorf("changes after the first two: %v %v", arts, edits)
	}
	if arts, edits, to := read(head); len(arts)+len(edits) != 0 || to != head {
		t.Errorf("changes after the head: %v %v, to %+v", arts, edits, to)
	}

	// Two openers of one database: the second waits for the first.
	s2 := open(t, o)
	var mu sync.Mutex
	var order []string
	note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
	inside := make(chan bool)
	done := make(chan error)
	go func() {
		done <- s.Exclusive(ctx, func() error {
			note("first in")
			inside <- true
			time.Sleep(100 * time.Millisecond)
			note("first out")
			return nil
		})
	}()
	<-inside
	if err := s2.Exclusive(ctx, func() error { note("second in"); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ", ") != "first in, first out, second in" {
		t.Errorf("Exclusive let two in at once: %v", order)
	}
}
