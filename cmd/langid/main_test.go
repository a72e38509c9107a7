package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIdentifyLines(t *testing.T) {
	in := "The army said two soldiers were killed.\n" +
		`{"id":"x","text":"د ولسوالۍ چارواکو وویل چې په برید کې دوه کسان ووژل شول."}` + "\n" +
		"پولیس کے مطابق حملے میں دو اہلکار ہلاک ہو گئے ہیں۔\n\n"
	var out bytes.Buffer
	if err := run(nil, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{"en ", "ps ", "ur ", "und "}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i+1, lines[i], w)
		}
	}
}

func TestEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rows.jsonl")
	row := `{"id":"1","label":"en","bucket":"word","text":"the"}` + "\n"
	if err := os.WriteFile(path, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-eval", path}, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1.000 (1)") {
		t.Errorf("output:\n%s", out.String())
	}
	if err := run([]string{"-eval"}, nil, &out); err == nil {
		t.Error("-eval without a file: no error")
	}
	if err := run([]string{filepath.Join(t.TempDir(), "none")}, nil, &out); err == nil {
		t.Error("a missing file: no error")
	}
}
