package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/storetest"
)

// TestStore runs the behaviour every store shares over a fresh file each.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "k.db")
		return func() (store.Store, error) { return Open(context.Background(), path) }
	})
}
