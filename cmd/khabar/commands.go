package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/demo"
	"github.com/khabar-news/khabar/internal/eval"
	"github.com/khabar-news/khabar/internal/input"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/store/postgres"
	"github.com/khabar-news/khabar/internal/store/sqlite"
	"github.com/khabar-news/khabar/internal/story"
	"github.com/khabar-news/khabar/internal/web"
)

func cmdProcess(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("process", flag.ContinueOnError)
	workers := fs.Int("workers", 0, "annotating goroutines (0: one per CPU)")
	opt := dataFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: khabar process [flags] [FILE...]\n\nReads JSON Lines documents and writes one annotated JSON object per input line, in order.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := pipeline.New(*opt)
	if err != nil {
		return err
	}
	in := make(chan pipeline.Item)
	out := make(chan pipeline.Result)
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		send := func(doc article.Document, where string, err error) error {
			select {
			case in <- pipeline.Item{Doc: doc, Err: err, Where: where}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if fs.NArg() == 0 {
			readErr <- input.JSONLines(stdin, "stdin", send)
			return
		}
		for _, name := range fs.Args() {
			f, err := os.Open(name)
			if err != nil {
				readErr <- err
				return
			}
			err = input.JSONLines(f, name, send)
			f.Close()
			if err != nil {
				readErr <- err
				return
			}
		}
		readErr <- nil
	}()
	go p.Run(ctx, in, out, *workers, p.Assigner(story.DefaultConfig))
	w := bufio.NewWriterSize(stdout, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var n, failed int
	start := time.Now()
	for r := range out {
		n++
		if r.Err != nil {
			failed++
			var id *string
			if r.Item.Doc.ID != "" {
				id = &r.Item.Doc.ID
			}
			msg := r.Err.Error()
			if r.Item.Where != "" && !strings.HasPrefix(msg, r.Item.Where) {
				msg = r.Item.Where + ": " + msg
			}
			err = enc.Encode(article.ErrorRecord{ID: id, Error: msg})
		} else {
			err = enc.Encode(r.Article.Record())
		}
		if err == nil {
			err = w.Flush() // each line as soon as it is done
		}
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	log.Info("processed", "documents", n, "errors", failed, "seconds", time.Since(start).Seconds())
	return ctx.Err()
}

// dbHelp is the -db flag's help.
const dbHelp = "the store: a SQLite database `file`, or a postgres:// URL (or set KHABAR_DB)"

// openStore opens the store db names: a postgres:// or postgresql:// URL
// is a PostgreSQL database, anything else a SQLite file (made, with its
// folder, if need be).
func openStore(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	return sqlite.Open(ctx, db)
}

// openExisting opens a store that must be there already: a command that
// only reads makes no empty SQLite file.
func openExisting(ctx context.Context, db string) (store.Store, error) {
	if !postgres.IsURL(db) {
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("no store at %s (run khabar ingest or khabar demo first): %w", db, err)
		}
	}
	return openStore(ctx, db)
}

// ingest runs read through the pipeline into the store at dbPath,
// showing progress on stderr.
func ingest(ctx context.Context, ing *pipeline.Ingester, read func(input.Func) error, log *slog.Logger) (pipeline.Stats, error) {
	start := time.Now()
	last := start
	st, err := ing.IngestAll(ctx, read, 0, func(st pipeline.Stats, r *pipeline.Result) {
		if r.Err != nil && !errors.Is(r.Err, pipeline.ErrDuplicate) {
			log.Warn("skipped", "document", r.Item.Doc.ID, "where", r.Item.Where, "error", r.Err)
		}
		if now := time.Now(); now.Sub(last) >= time.Second {
			last = now
			fmt.Fprintf(os.Stderr, "\ringested %d: %d stored, %d duplicates, %d failed, %.0f/s ",
				st.Read, st.Stored, st.Duplicates, st.Failed, float64(st.Read)/now.Sub(start).Seconds())
		}
	})
	if time.Since(start) >= time.Second {
		fmt.Fprintln(os.Stderr)
	}
	log.Info("ingested", "read", st.Read, "stored", st.Stored, "duplicates", st.Duplicates, "failed", st.Failed,
		"seconds", time.Since(start).Seconds())
	return st, err
}

func cmdIngest(ctx context.Context, args []string, log *slog.Logger) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	db := fs.String("db", defaultDB("khabar.db"), dbHelp)
	opt := dataFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: khabar ingest [flags] PATH...\n\nPATH: files or folders of raw page text (.txt and others), HTML (.html, .htm) and JSON Lines (.jsonl, .ndjson).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("ingest: no PATH given")
	}
	p, err := pipeline.New(*opt)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := pipeline.NewIngester(ctx, p, st, story.DefaultConfig)
	if err != nil {
		return err
	}
	paths := fs.Args()
	_, err = ingest(ctx, ing, func(fn input.Func) error { return input.Paths(paths, fn) }, log)
	return err
}

func cmdServe(ctx context.Context, args []string, log *slog.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	db := fs.String("db", defaultDB("khabar.db"), dbHelp)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	opt := dataFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := pipeline.New(*opt)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := pipeline.NewIngester(ctx, p, st, story.DefaultConfig)
	if err != nil {
		return err
	}
	return serve(ctx, *addr, web.New(st, ing, p.Gazetteer, p.PairClaims, log).Handler(), log)
}

func serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

func cmdDemo(ctx context.Context, args []string, log *slog.Logger) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	db := fs.String("db", defaultDB("demo.db"), "the demo's store: a SQLite database `file`, or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	noServe := fs.Bool("no-serve", false, "ingest the demo corpus and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := pipeline.NewIngester(ctx, p, st, story.DefaultConfig)
	if err != nil {
		return err
	}
	if _, err := ingest(ctx, ing, demo.Read, log); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	return serve(ctx, *addr, web.New(st, ing, p.Gazetteer, p.PairClaims, log).Handler(), log)
}

func cmdStories(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	db := fs.String("db", defaultDB("khabar.db"), dbHelp)
	n := fs.Int("n", 50, "how many stories")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, err := st.Stories(ctx, *n, 0)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tLAST SEEN\tARTICLES\tLANGUAGES\tSOURCES\tTITLE")
	for _, s := range stories {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%d\t%s\n", s.ID, s.LastSeen.Format("2006-01-02"), s.Articles,
			strings.Join(s.Languages, ","), len(s.Sources), truncate(s.Title, 80))
	}
	return tw.Flush()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func cmdEval(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return errors.New("usage: khabar eval SET FILE (SET: " + strings.Join(eval.Names(), ", ") + ")")
	}
	return eval.Run(args[0], args[1], stdout)
}
