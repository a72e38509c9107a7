package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/store/postgres/pgtest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestProcessContract checks the output contract: one line per input
// line, in order, the fields in the documented order, errors per line.
func TestProcessContract(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "source": "Test Wire", "text": "Published: 3 November 2025\nBorder crossing at Torkham closed\nAfghan and Pakistani border forces exchanged fire at Torkham on Sunday night, officials in Nangarhar said.\nThe crossing stayed closed on Monday.\nShare\nPrint"}`,
		`{"id": "b", "text": "broken`,
		`{"id": "c", "html": "<html lang=\"fa\"><head><title>تورخم</title><meta property=\"article:published_time\" content=\"2025-11-03T08:00:00Z\"></head><body><article><h1>بسته شدن تورخم</h1><p>مقامات محلی در ولایت ننگرهار گفتند که گذرگاه تورخم پس از درگیری میان نیروهای مرزی افغانستان و پاکستان بسته شد.</p><p>صدها موتر باربری در دو سوی مرز منتظر مانده اند.</p></article></body></html>"}`,
		`{"id": "d", "text": ""}`,
		``,
		"{\"id\": \"e\", \"text\": \"\xff\xfe\"}",
	}, "\n")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"process", "-workers", "3"}, strings.NewReader(in), &out, quiet()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d output lines, want 5 (one per non-blank input line):\n%s", len(lines), out.String())
	}
	wantIDs := []string{"a", "b", "c", "d", "e"}
	wantErr := []bool{false, true, false, true, true}
	order := []string{"id", "lang", "variety", "title", "text", "published", "published_from", "dates", "entities", "events", "claims", "story"}
	var stories []string
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v", i, err)
		}
		if m["id"] != wantIDs[i] {
			t.Errorf("line %d id = %v, want %s", i, m["id"], wantIDs[i])
		}
		if _, isErr := m["error"]; isErr != wantErr[i] {
			t.Errorf("line %d: error field %v, want %v: %s", i, isErr, wantErr[i], l)
			continue
		}
		if wantErr[i] {
			continue
		}
		pos := -1
		for _, k := range order {
			p := strings.Index(l, `"`+k+`":`)
			if p < pos {
				t.Errorf("line %d: field %s out of order", i, k)
			}
			pos = p
		}
		stories = append(stories, m["story"].(string))
	}
	if len(stories) == 2 && stories[0] != stories[1] {
		t.Errorf("the English and Dari reports of one event are in stories %v", stories)
	}
}

// TestIngestAndStories ingests a folder twice (the second time stores
// nothing) and lists the stories.
func TestIngestAndStories(t *testing.T) {
	testIngestAndStories(t, filepath.Join(t.TempDir(), "k.db"))
}

// TestIngestPostgres does the same with the store in PostgreSQL (-db
// postgres://…), in a fresh schema of the test server, and exports it.
func TestIngestPostgres(t *testing.T) {
	db := pgtest.URL(t)
	testIngestAndStories(t, db)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "-db", db, "-format", "jsonl"}, nil, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"article_id":"one"`) {
		t.Errorf("export from PostgreSQL has no event of the stored article:\n%s", out.String())
	}
}

func testIngestAndStories(t *testing.T, db string) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "pages")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "one.txt"), []byte("Published: 3 November 2025\nTorkham closed after clashes\nAfghan and Pakistani border forces exchanged fire at Torkham, officials in Nangarhar said.\n"), 0o644)
	os.WriteFile(filepath.Join(docs, "two.html"), []byte("<html><body><article><h1>Torkham</h1><p>The Torkham crossing in Nangarhar stayed shut after Pakistani and Afghan forces clashed on Sunday.</p></article></body></html>"), 0o644)
	os.WriteFile(filepath.Join(docs, "bad.txt"), []byte{0xff, 0x00, 0x01}, 0o644)
	for range 2 {
		if err := run(context.Background(), []string{"ingest", "-db", db, docs}, nil, io.Discard, quiet()); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"stories", "-db", db}, nil, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 2 || !strings.Contains(rows[1], " 2 ") {
		t.Errorf("stories output:\n%s\nwant one story of 2 articles", out.String())
	}
}

func TestUnknownCommand(t *testing.T) {
	if err := run(context.Background(), []string{"frobnicate"}, nil, io.Discard, quiet()); err == nil {
		t.Error("unknown command accepted")
	}
}

// TestDemo ingests the embedded demo corpus: at least 40 articles in six
// languages (Persian in both varieties) forming at least 10 stories, most
// reported in two or more languages.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := run(context.Background(), []string{"demo", "-no-serve", "-db", db}, nil, io.Discard, quiet()); err != nil {
		t.Fatal(err)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stories, err := st.Stories(context.Background(), 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	articles, multi := 0, 0
	langs := map[string]bool{}
	for _, s := range stories {
		articles += s.Articles
		if len(s.Languages) >= 2 {
			multi++
		}
		for _, l := range s.Languages {
			langs[l] = true
		}
	}
	if articles < 40 || len(stories) < 10 || multi*2 <= len(stories) {
		t.Errorf("demo: %d articles in %d stories, %d of them multilingual", articles, len(stories), multi)
	}
	for _, l := range []string{"en", "fa-AF", "fa-IR", "ps", "ur", "ar"} {
		if !langs[l] {
			t.Errorf("no %s article identified in the demo", l)
		}
	}
	// A second run stores nothing new.
	if err := run(context.Background(), []string{"demo", "-no-serve", "-db", db}, nil, io.Discard, quiet()); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Stories(context.Background(), 1000, 0)
	if len(again) != len(stories) {
		t.Errorf("second demo run changed the stories: %d → %d", len(stories), len(again))
	}
}
