// Package input reads documents: JSON Lines records, raw page text and
// HTML files, from files, folders and streams. A record or file that
// cannot be read is reported with the reason and the reading goes on, so
// that one bad line never loses the others.
package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/article"
)

// MaxLineBytes bounds one JSON Lines record; MaxFileBytes one page file.
// A larger record is reported as an error and skipped, the rest read.
const (
	MaxLineBytes = 32 << 20
	MaxFileBytes = 16 << 20
)

// Func receives each document, or the error that stopped reading one.
// where says which file and line it came from. Returning an error stops
// the reading.
type Func func(doc article.Document, where string, err error) error

// record is the JSON form of a document. Dates are read as strings so a
// bad date is an error about that field, not about the line.
type record struct {
	ID        json.RawMessage `json:"id"`
	HTML      string          `json:"html"`
	Text      string          `json:"text"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Fetched   string          `json:"fetched"`
	Source    string          `json:"source"`
}

var idPattern = regexp.MustCompile(`"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)`)

// ParseLine reads one JSON Lines record. On error the document carries
// whatever id could be recovered from the line.
func ParseLine(line []byte) (article.Document, error) {
	var doc article.Document
	if m := idPattern.FindSubmatch(line); m != nil {
		doc.ID = idString(m[1])
	}
	if !utf8.Valid(line) {
		return doc, errors.New("not valid UTF-8; convert the file to UTF-8")
	}
	var r record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&r); err != nil {
		return doc, fmt.Errorf("malformed JSON: %w", err)
	}
	if dec.More() {
		return doc, errors.New("malformed JSON: more than one value on the line")
	}
	doc.ID = idString(r.ID)
	if doc.ID == "" {
		return doc, errors.New(`record has no "id" (a string or a number)`)
	}
	doc.HTML, doc.Text, doc.Title, doc.URL, doc.Source = r.HTML, r.Text, r.Title, r.URL, r.Source
	var err error
	if doc.Published, err = parseTime("published", r.Published); err != nil {
		return doc, err
	}
	if doc.Fetched, err = parseTime("fetched", r.Fetched); err != nil {
		return doc, err
	}
	return doc, nil
}

func idString(raw []byte) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func parseTime(field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t, nil
		}
	}
	return nil, fmt.Errorf("%s %q is not an RFC 3339 time", field, s)
}

// JSONLines reads records from r, one per line, calling fn for each in
// order. Blank lines are skipped. name labels errors.
func JSONLines(r io.Reader, name string, fn Func) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			where := fmt.Sprintf("%s:%d", name, n)
			var doc article.Document
			var perr error
			if tooLong {
				if m := idPattern.FindSubmatch(line); m != nil {
					doc.ID = idString(m[1])
				}
				perr = fmt.Errorf("record is over the %d MiB limit for one line", MaxLineBytes>>20)
			} else {
				doc, perr = ParseLine(line)
			}
			if perr != nil {
				perr = fmt.Errorf("%s: %w", where, perr)
			}
			if ferr := fn(doc, where, perr); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

// readLine returns the next line without its end. A line longer than
// MaxLineBytes is read to its end but only its first kilobyte kept.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > MaxLineBytes {
				tooLong = true
				line = line[:min(len(line), 1024)]
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// Kind is how a file is read, by its name.
func Kind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return "text"
}

// Paths reads every file named, and every file under every folder named
// (in name order, hidden files skipped): JSON Lines by record, HTML and
// raw text files as one document each, with the file name (without its
// extension) as id.
func Paths(paths []string, fn Func) error {
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			if ferr := fn(article.Document{}, root, fmt.Errorf("%s: %w", root, err)); ferr != nil {
				return ferr
			}
			continue
		}
		if !info.IsDir() {
			if err := File(root, fn); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != root {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			if ferr := fn(article.Document{}, root, fmt.Errorf("%s: %w", root, err)); ferr != nil {
				return ferr
			}
		}
		sort.Strings(files)
		for _, f := range files {
			if err := File(f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// File reads one file.
func File(path string, fn Func) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(article.Document{}, path, fmt.Errorf("%s: %w", path, err))
	}
	defer f.Close()
	if Kind(path) == "jsonl" {
		return JSONLines(f, path, fn)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	doc := article.Document{ID: id}
	info, err := f.Stat()
	if err != nil {
		return fn(doc, path, fmt.Errorf("%s: %w", path, err))
	}
	if info.Size() > MaxFileBytes {
		return fn(doc, path, fmt.Errorf("%s: file is %d MB, over the %d MiB limit for one page (JSON Lines files have no limit but per line)",
			path, info.Size()>>20, MaxFileBytes>>20))
	}
	if info.Size() == 0 {
		return fn(doc, path, fmt.Errorf("%s: empty file", path))
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return fn(doc, path, fmt.Errorf("%s: %w", path, err))
	}
	// The file's modification time is not taken as the capture time: a
	// copy or a checkout resets it. The page's own clock is better evidence.
	if Kind(path) == "html" {
		doc.HTML = string(b)
	} else {
		doc.Text = string(b)
	}
	if !utf8.Valid(b) {
		return fn(doc, path, fmt.Errorf("%s: not valid UTF-8; convert it to UTF-8 first", path))
	}
	return fn(doc, path, nil)
}
