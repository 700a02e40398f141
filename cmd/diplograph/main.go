// Command diplograph turns news articles about international affairs into a
// knowledge graph: who met, called, visited, sanctioned or expelled whom,
// where and when, each edge explained by the sentence it came from. The
// graph is an embedded Cayley store queried with Gizmo.
//
//	diplograph ingest testdata/articles     # articles in, graph out
//	diplograph stats                        # what the graph holds
//	diplograph query 'g.V().Has("<schema:name>", "Vladimir Putin").Out("<dg:consultedWith>").Out("<schema:name>").All()'
//	diplograph extract --format json article.txt
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
)

// Exit statuses; the README has the table.
const (
	exitOK        = 0
	exitFailure   = 1 // a command failed, or some inputs did
	exitUsage     = 2 // bad flags or arguments, or an unknown command
	exitNotFound  = 3 // an actor, event or article the command names is not in the store
	exitAmbiguous = 4 // a name several actors share; the message lists them
)

// ioStreams are the command's standard streams; tests pass buffers.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// IsTerminal reports whether Out is a terminal (for human output).
	IsTerminal bool
	// ErrIsTerminal reports whether ErrOut is a terminal (for progress bars).
	ErrIsTerminal bool
}

// usageError marks an error as the user's invocation being wrong.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// partialError says some inputs failed after the others were done; the
// failures were already reported one per line.
type partialError struct{ failed int }

func (e partialError) Error() string { return fmt.Sprintf("%d input(s) failed", e.failed) }

// notFoundError says a read command named something the store does not
// hold. msg says what (an event, an article, an actor) and how to list the
// ones there are; err is the store's error.
type notFoundError struct {
	msg string
	err error
}

func (e notFoundError) Error() string { return e.msg }
func (e notFoundError) Unwrap() error { return e.err }

// exitStatus is the exit status that err calls for. The store's lookup
// errors (graph.NotFoundError, graph.AmbiguousError) count wherever they
// come from: every read command that takes a name reaches them.
func exitStatus(err error) int {
	var ue usageError
	var nf notFoundError
	var gnf *graph.NotFoundError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &amb):
		return exitAmbiguous
	case errors.As(err, &nf), errors.As(err, &gnf):
		return exitNotFound
	}
	return exitFailure
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	streams := &ioStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, IsTerminal: isTerminal(os.Stdout),
		ErrIsTerminal: isTerminal(os.Stderr)}
	os.Exit(run(ctx, os.Args[1:], streams))
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, streams *ioStreams) (code int) {
	// A damaged store can make the storage library panic deep inside a
	// read; the user gets one line, not a stack trace.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(streams.ErrOut, "diplograph: internal error: %v (if a store is involved, run diplograph check)\n", r)
			code = exitFailure
		}
	}()
	root := newRootCmd(streams)
	root.SetArgs(args)
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var pe partialError
	if errors.As(err, &pe) {
		return exitFailure
	}
	// cobra's unknown command error is a plain one, with its "Did you mean
	// this?" lines; Find failing again on the same arguments tells it apart.
	if _, _, ferr := root.Find(args); ferr != nil {
		msg, sep := strings.TrimRight(ferr.Error(), "\n"), "\n"
		if strings.Contains(msg, "\n") {
			sep = "\n\n" // after the suggestions, as cobra does
		}
		fmt.Fprintf(streams.ErrOut, "diplograph: %s%sRun 'diplograph --help' for usage.\n", msg, sep)
		return exitUsage
	}
	fmt.Fprintln(streams.ErrOut, "diplograph: "+err.Error())
	return exitStatus(err)
}

func newRootCmd(streams *ioStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "diplograph",
		Short: "Turn news articles about international affairs into a queryable knowledge graph",
		Long: `diplograph reads news articles, extracts the actors (people with their titles,
organisations, countries, places) and the events between them (meetings, calls,
visits, agreements, sanctions, expulsions, threats, attacks: CAMEO-coded, with
place, date, negation and the evidence sentence), and stores them as a graph in
an embedded Cayley database that you query with Gizmo.

The store is --db, or $DIPLOGRAPH_DB when set, or ./diplograph.db.
Exit status: 0 done, 1 failure, 2 usage, 3 not found (an actor, event or
article named), 4 ambiguous (a name several actors share).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionText(),
	}
	root.SetVersionTemplate("{{.Version}}")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newCmdExtract(streams, nil),
		newCmdIngest(streams, nil),
		newCmdQuery(streams, nil),
		newCmdStats(streams, nil),
		newCmdCheck(streams, nil),
		newCmdActors(streams, nil),
		newCmdRelations(streams, nil),
		newCmdEvents(streams, nil),
		newCmdTimeline(streams, nil),
		newCmdShow(streams, nil),
		newCmdExport(streams, nil),
		newCmdCAMEO(streams, nil),
		newCmdVersion(streams),
	)
	return root
}

// exactArgs is cobra.ExactArgs with a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MaximumNArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// dbEnv names the environment variable that sets the default store.
const dbEnv = "DIPLOGRAPH_DB"

// addDBFlag adds --db, the store every command but extract reads or writes.
// Its default is $DIPLOGRAPH_DB when set, so a session can point every
// command at one store; a --db given wins.
func addDBFlag(cmd *cobra.Command, db *string) {
	def := defaultDB
	if v := os.Getenv(dbEnv); v != "" {
		def = v
	}
	cmd.Flags().StringVar(db, "db", def, "graph store: a bolt `path` (a folder) or a postgres:// URL; $"+dbEnv+" sets the default")
	// --help shows the default: not a password the variable holds.
	if u, err := url.Parse(def); err == nil && u.User != nil {
		cmd.Flags().Lookup("db").DefValue = u.Redacted()
	}
}
