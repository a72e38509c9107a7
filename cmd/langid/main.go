// Command langid identifies the language of each line of its input with
// khabar's identifier (package lang), and nothing else of khabar loaded:
//
//	langid [FILE...]         one answer a line: "lang[ variety] confidence"
//	langid -eval FILE...     accuracy by language × length on langid rows
//
// A line that starts with "{" is read as a JSON object and its "text" field
// identified (the langid evaluation rows, or khabar's documents); any other
// line is the text itself. Without FILE it reads standard input. -eval
// prints the table `khabar eval langid` prints, for files in the format of
// the project's langid evaluation data.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/khabar-news/khabar/internal/eval/langid"
	"github.com/khabar-news/khabar/internal/lang"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "langid:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("langid", flag.ContinueOnError)
	eval := fs.Bool("eval", false, "measure accuracy on langid evaluation rows ({id, label, bucket, text})")
	cues := fs.String("lang-cues", "", "a language cue `file` of your own")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var files []string
	if *cues != "" {
		files = append(files, *cues)
	}
	id, err := lang.New(files...)
	if err != nil {
		return err
	}
	if *eval {
		if fs.NArg() == 0 {
			return fmt.Errorf("-eval needs a FILE")
		}
		for _, name := range fs.Args() {
			if err := langid.Run(name, id, stdout); err != nil {
				return err
			}
		}
		return nil
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	defer w.Flush()
	if fs.NArg() == 0 {
		return identify(id, stdin, "stdin", w)
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = identify(id, f, name, w)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// identify writes one answer for each line of r.
func identify(id *lang.Identifier, r io.Reader, name string, w *bufio.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []byte
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		var text string
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] == '{' {
			row, err := langid.Decode(t)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", name, n, err)
			}
			text = row.Text
		} else {
			text = string(line)
		}
		res := id.Identify(text)
		out = append(out[:0], res.Lang...)
		if res.Variety != "" {
			out = append(append(out, ' '), res.Variety...)
		}
		out = append(out, ' ')
		out = strconv.AppendFloat(out, res.Confidence, 'f', 3, 64)
		out = append(out, '\n')
		w.Write(out)
	}
	return sc.Err()
}
