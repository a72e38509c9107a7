// Package datafile reads khabar's data files: the plain files embedded in
// the binary (gazetteer, lexicons) and the user's own files in the same
// format, laid on top. Every stage with data reads it this one way.
package datafile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
)

// Read calls fn for every file of fsys matching pattern, in name order,
// then for every user file, in the order given. user tells fn which kind
// it is reading (a user file may override what an embedded one defined).
// name is the file's name for messages.
func Read(fsys fs.FS, pattern string, userFiles []string, fn func(r io.Reader, name string, user bool) error) error {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return fmt.Errorf("list %s: %w", pattern, err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := readOne(func() (io.ReadCloser, error) { return fsys.Open(name) }, name, false, fn); err != nil {
			return err
		}
	}
	for _, name := range userFiles {
		if err := readOne(func() (io.ReadCloser, error) { return os.Open(name) }, name, true, fn); err != nil {
			return err
		}
	}
	return nil
}

func readOne(open func() (io.ReadCloser, error), name string, user bool, fn func(io.Reader, string, bool) error) error {
	f, err := open()
	if err != nil {
		return fmt.Errorf("data file: %w", err)
	}
	defer f.Close()
	return fn(f, name, user)
}
