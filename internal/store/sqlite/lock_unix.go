//go:build unix

package sqlite

import (
	"fmt"
	"os"
	"syscall"
)

// exclusive runs fn holding an exclusive lock on the file at path (made
// if missing): processes that write one database file, an ingest beside
// a server, assign stories one at a time.
func exclusive(path string, fn func() error) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("sqlite: assignment lock: %w", err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("sqlite: assignment lock %s: %w", path, err)
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return fn()
}
