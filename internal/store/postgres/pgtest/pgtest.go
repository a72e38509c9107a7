// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema on the test server, dropped when the test ends.
//
// The server is KHABAR_TEST_POSTGRES (default
// postgres://postgres@127.0.0.1:5432/test?sslmode=disable). When it cannot
// be reached the test is skipped, or fails when KHABAR_REQUIRE_POSTGRES=1
// (as in CI).
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// DefaultURL is the test server when KHABAR_TEST_POSTGRES is not set.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// URL creates a schema with a random name on the test server and returns
// the server's URL with search_path set to it, so that what a test
// stores does not meet any other test's. The schema is dropped at t's
// cleanup.
func URL(t testing.TB) string {
	t.Helper()
	server := os.Getenv("KHABAR_TEST_POSTGRES")
	if server == "" {
		server = DefaultURL
	}
	unreachable := func(err error) {
		t.Helper()
		if os.Getenv("KHABAR_REQUIRE_POSTGRES") == "1" {
			t.Fatalf("PostgreSQL test server %s: %v", redact(server), err)
		}
		t.Skipf("no PostgreSQL test server at %s (%v): set KHABAR_TEST_POSTGRES to one, or KHABAR_REQUIRE_POSTGRES=1 to fail instead of skipping", redact(server), err)
	}
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("KHABAR_TEST_POSTGRES: %v", err)
	}
	db, err := sql.Open("pgx", server)
	if err != nil {
		unreachable(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		unreachable(err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "khabar_test_" + hex.EncodeToString(b)
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// redact hides a password in a server URL.
func redact(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "(unparsable URL)"
}
