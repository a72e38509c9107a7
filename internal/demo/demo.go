// Package demo holds khabar's demo corpus: news articles the project wrote
// itself (fiction, CC0; see corpus/README.md), in English, Dari, Iranian
// Persian, Pashto, Urdu and Arabic, embedded in the binary so that
// `khabar demo` needs nothing else.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"github.com/khabar-news/khabar/internal/input"
)

//go:embed corpus/*.jsonl
var corpus embed.FS

// Read calls fn for every document of the corpus, story file by story
// file, in order.
func Read(fn input.Func) error {
	names, err := fs.Glob(corpus, "corpus/*.jsonl")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := corpus.Open(name)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		err = input.JSONLines(f, name, fn)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
