package datafile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRead(t *testing.T) {
	fsys := fstest.MapFS{
		"data/b.txt": {Data: []byte("B")},
		"data/a.txt": {Data: []byte("A")},
		"data/x.md":  {Data: []byte("X")},
	}
	user := filepath.Join(t.TempDir(), "mine.txt")
	os.WriteFile(user, []byte("U"), 0o644)
	var got []string
	err := Read(fsys, "data/*.txt", []string{user}, func(r io.Reader, name string, isUser bool) error {
		b, _ := io.ReadAll(r)
		got = append(got, string(b)+map[bool]string{true: "!", false: ""}[isUser])
		return nil
	})
	if err != nil || strings.Join(got, ",") != "A,B,U!" {
		t.Errorf("Read = %v, %v; want A,B,U!", got, err)
	}
	if err := Read(fsys, "data/*.txt", []string{"/no/such/file"}, func(io.Reader, string, bool) error { return nil }); err == nil {
		t.Error("a missing user file is no error")
	}
}
