package eval

import (
	"io"

	"github.com/khabar-news/khabar/internal/eval/langid"
	"github.com/khabar-news/khabar/internal/lang"
)

// LangRow is a row of a language identification file; package langid
// measures them (it stands apart so that cmd/langid need not load the
// rest of khabar).
type LangRow = langid.Row

func runLangID(path string, w io.Writer) error {
	id, err := lang.New()
	if err != nil {
		return err
	}
	return langid.Run(path, id, w)
}
