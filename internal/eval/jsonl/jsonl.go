// Package jsonl walks the lines of an evaluation file in JSON Lines, for
// the eval package and for the langid evaluation, which keeps its own
// small package so that the langid command loads nothing else.
package jsonl

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// Lines calls fn with every line of r that is not blank, and where it is
// ("name:line"), for error messages. A line may be up to 64 MiB.
func Lines(r io.Reader, name string, fn func(line []byte, where string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := fn(line, fmt.Sprintf("%s:%d", name, n)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
