// Command khabar reads news pages about Afghanistan and Pakistan in
// English, Dari, Persian, Pashto, Urdu and Arabic and turns them into
// annotated articles grouped into cross-lingual stories. This file only
// wires flags to the internal packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/khabar-news/khabar/internal/pipeline"
)

const usage = `khabar: news about Afghanistan and Pakistan, in every language, as intelligence.

Usage:
  khabar process [flags] [FILE...]   annotate JSON Lines documents (stdin when no FILE) to stdout
  khabar ingest  [flags] PATH...     annotate files and folders and store them
  khabar serve   [flags]             web UI and JSON API over the store
  khabar demo    [flags]             ingest the embedded demo corpus and serve it
  khabar stories [flags]             list stories in the terminal
  khabar export  [flags]             events as ACLED CSV or JSON Lines, or claims as CSV
  khabar eval SET FILE               measure a stage on an evaluation file (SET: langid, …)
  khabar version

Run 'khabar COMMAND -h' for a command's flags.
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, log); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "khabar:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return errors.New("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "process":
		return cmdProcess(ctx, rest, stdin, stdout, log)
	case "ingest":
		return cmdIngest(ctx, rest, log)
	case "serve":
		return cmdServe(ctx, rest, log)
	case "demo":
		return cmdDemo(ctx, rest, log)
	case "stories":
		return cmdStories(ctx, rest, stdout)
	case "export":
		return cmdExport(ctx, rest, stdout)
	case "eval":
		return cmdEval(rest, stdout)
	case "version":
		fmt.Fprintln(stdout, "khabar", version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(os.Stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

// defaultDB is where the store lives unless -db or KHABAR_DB says
// otherwise: the XDG data folder.
func defaultDB(name string) string {
	if p := os.Getenv("KHABAR_DB"); p != "" && name == "khabar.db" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "khabar", name)
}

// dataFlags are the user data files every command that runs the pipeline
// accepts.
func dataFlags(fs *flag.FlagSet) *pipeline.Options {
	opt := &pipeline.Options{}
	fs.Func("gazetteer", "a gazetteer `file` of your own, merged over the built-in one (repeatable)", func(v string) error {
		opt.GazetteerFiles = append(opt.GazetteerFiles, v)
		return nil
	})
	fs.Func("lang-cues", "a language cue `file` of your own (repeatable)", func(v string) error {
		opt.LangCueFiles = append(opt.LangCueFiles, v)
		return nil
	})
	fs.Func("events", "an event and claim trigger `file` of your own (repeatable)", func(v string) error {
		opt.EventFiles = append(opt.EventFiles, v)
		return nil
	})
	fs.Func("lexicon", "a concept lexicon `file` of your own for story assignment (repeatable)", func(v string) error {
		opt.LexiconFiles = append(opt.LexiconFiles, v)
		return nil
	})
	fs.Func("entity-cues", "a name discovery `file` of your own: [cues], [names], [stop], [common] and [polity] sections (repeatable)", func(v string) error {
		opt.EntityFiles = append(opt.EntityFiles, v)
		return nil
	})
	return opt
}
