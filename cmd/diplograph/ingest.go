package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// defaultDB is the store used when --db is not given.
const defaultDB = "diplograph.db"

// ingestOptions are the inputs of `diplograph ingest`.
type ingestOptions struct {
	IO        *ioStreams
	DB        string
	Published string
	Paths     []string
	Top       int
	MaxSize   string
	KeepGoing bool
	Actors    []string
	Verbs     []string
	Workers   int
	Batch     int
	read      readOptions
	// progressEvery is the interval of the progress lines written off a
	// terminal (tests shorten it).
	progressEvery time.Duration
}

func newCmdIngest(streams *ioStreams, runF func(*cobra.Command, *ingestOptions) error) *cobra.Command {
	opts := &ingestOptions{IO: streams, progressEvery: 10 * time.Second}
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH|URL] [--workers N] [--published DATE] [--max-size SIZE] [--keep-going] PATH...",
		Short: "Extract articles and write them into the graph store",
		Long: `Ingest reads articles and writes their actors and events into the store.

PATH is a text file (.txt, .md), a web page (.html, .htm: the article is read
out of the page), a folder (read recursively for .txt, .md, .html and .jsonl
files), a JSON Lines file (.jsonl: one article per line, with the fields
"id", "title", "url", "published" and "text"), or - for standard input.
Text may be UTF-8, or UTF-16 with a byte-order mark.

--workers extractors run in parallel (default: one per CPU) while one writer
stores their results in input order, so the store ends the same whatever
the number of workers. The writer commits up to --batch articles in one
transaction, labelling each quad with its article's IRI, so the store only
ever holds whole articles, even if ingest is killed. An article already
stored with the same text is skipped (so re-running an interrupted ingest
completes it); one whose text changed replaces its old version.

--db is a store folder (bolt, the default) or a PostgreSQL database,
postgres://user:password@host:5432/dbname?sslmode=disable, which several
ingests, on several machines, may write at once.

On a terminal a progress bar shows articles/s and the time left; otherwise
a progress line goes to standard error every 10 seconds. The summary ends
with the throughput in articles, sentences and quads per second and the
peak resident memory. Ingest keeps the Go heap near 288 MiB (more work for
the garbage collector, flat memory however large the input); set the
GOMEMLIMIT environment variable to choose another limit.

A file that is not an article (empty, binary, not UTF-8, larger than
--max-size) is reported on its own line on standard error and the others go
on; the exit status is then 1. JSON Lines files are checked first: a bad
record (malformed JSON, no text, a bad date) stops the ingest before anything
is written, unless --keep-going, which reports it and ingests the other
records. A store that cannot be written (disk full, read-only) stops the
ingest at once; the articles written before stay whole.`,
		Example: `  diplograph ingest testdata/articles
  diplograph ingest --db news.db --published 2025-02-27 article.txt
  diplograph ingest --workers 8 --db 'postgres://news@db.example.org/news?sslmode=disable' archive/
  diplograph ingest --keep-going feed.jsonl
  diplograph ingest --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt archive/
  diplograph ingest --max-size 8MB long-report.txt
  cat story.txt | diplograph ingest --published 2025-02-27 -`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Published != "" {
				if _, err := schema.ParseDay(opts.Published); err != nil {
					return usagef("--published: %v", err)
				}
			}
			n, err := parseSize(opts.MaxSize)
			if err != nil {
				return usagef("--max-size: %v", err)
			}
			opts.read.maxSize = n
			if opts.Workers < 1 {
				return usagef("--workers must be at least 1, not %d", opts.Workers)
			}
			if opts.Batch < 1 {
				return usagef("--batch must be at least 1, not %d", opts.Batch)
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return ingestRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().IntVar(&opts.Workers, "workers", runtime.NumCPU(), "extract `N` articles at once")
	cmd.Flags().IntVar(&opts.Batch, "batch", graph.DefaultBatch, "commit up to `N` articles per transaction")
	cmd.Flags().StringVar(&opts.Published, "published", "", "publication date `YYYY-MM-DD` for articles that do not give one")
	cmd.Flags().IntVar(&opts.Top, "top", 10, "number of top relations to print after the summary")
	cmd.Flags().StringVar(&opts.MaxSize, "max-size", formatSize(defaultMaxSize), "refuse an article (a file or a JSON Lines record) larger than `SIZE` (512KB, 4MB)")
	cmd.Flags().BoolVar(&opts.KeepGoing, "keep-going", false, "ingest the good records of a JSON Lines file that has bad ones")
	cmd.Flags().StringArrayVar(&opts.Actors, "actors", nil, "PETRARCH/CAMEO actor dictionary `FILE` (repeatable): countries and role codes for the people it knows")
	cmd.Flags().StringArrayVar(&opts.Verbs, "verbs", nil, "PETRARCH/TABARI verb dictionary `FILE` (repeatable): event patterns added after the built-in lexicon")
	return cmd
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	New, Unchanged, Replaced, Failed int
	Actors, Events, Sentences        int
	// Undated counts written articles with no publication date: their
	// events keep only the dates the text states.
	Undated        int
	Added, Removed int
	relations      map[relationKey]int
	names          map[string]string
}

type relationKey struct{ source, target, root string }

// fatalError is a failure of the store or the extractor, not of an
// article: it stops the ingest.
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }
func (e fatalError) Unwrap() error { return e.err }

func ingestRun(cmd *cobra.Command, opts *ingestOptions) error {
	ctx := cmd.Context()
	start := time.Now()
	sum := &ingestSummary{relations: map[relationKey]int{}, names: map[string]string{}}
	report := func(err error) {
		fmt.Fprintf(opts.IO.ErrOut, "ingest %v\n", err)
		sum.Failed++
	}
	files := expandPaths(opts.Paths, report)
	if len(files) == 0 {
		return partialError{sum.Failed}
	}
	if !opts.KeepGoing {
		if err := checkJSONLines(ctx, files, opts.read, report); err != nil {
			return err
		}
	}
	limitMemory()
	p := &pipeline{opts: opts, files: files, sum: sum, report: report, start: start}
	defer p.close()
	fatal := p.run(ctx)
	p.progress.finish()
	writeIngestSummary(opts.IO.Out, sum, time.Since(start), opts.Top, p.workers())
	if errors.Is(fatal, context.Canceled) {
		fatal = errors.New("interrupted")
	}
	switch n := sum.New + sum.Replaced; {
	case fatal != nil && n == 0:
		return fmt.Errorf("ingest: %w; nothing was written", fatal)
	case fatal != nil:
		return fmt.Errorf("ingest stopped: %w; the %d articles written before are stored whole, and running the same ingest again completes it", fatal, n)
	}
	if sum.Failed > 0 {
		return partialError{sum.Failed}
	}
	return nil
}

// checkJSONLines reads every JSON Lines file before anything is written and
// refuses them all if a record is bad, so that a feed is ingested whole or
// not at all (unless --keep-going).
func checkJSONLines(ctx context.Context, files []string, opt readOptions, report func(error)) error {
	bad := 0
	for _, path := range files {
		if path == "-" || !isJSONLines(path) {
			continue
		}
		err := eachArticle(path, nil, opt, func(it inputItem) error {
			if it.err != nil {
				report(it.err)
				bad++
			}
			return ctx.Err()
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			report(err)
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("ingest: %d bad JSON Lines record(s), listed above: nothing was written; fix them, or give --keep-going to ingest the other records", bad)
	}
	return nil
}

func writeIngestSummary(w io.Writer, sum *ingestSummary, elapsed time.Duration, top, workers int) {
	fmt.Fprintf(w, "articles: %d new, %d replaced, %d unchanged, %d failed\n", sum.New, sum.Replaced, sum.Unchanged, sum.Failed)
	fmt.Fprintf(w, "extracted: %d actors, %d events from %d sentences\n", sum.Actors, sum.Events, sum.Sentences)
	fmt.Fprintf(w, "quads: %d added, %d removed\n", sum.Added, sum.Removed)
	fmt.Fprintf(w, "elapsed: %s\n", elapsed.Round(time.Millisecond))
	secs := max(elapsed.Seconds(), 1e-3)
	fmt.Fprintf(w, "throughput: %.1f articles/s, %.0f sentences/s, %.0f quads/s (%d workers)\n",
		float64(sum.New+sum.Replaced+sum.Unchanged+sum.Failed)/secs, float64(sum.Sentences)/secs,
		float64(sum.Added+sum.Removed)/secs, workers)
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, "peak memory: %d MiB resident\n", rss>>20)
	}
	if sum.Undated > 0 {
		fmt.Fprintf(w, "warning: %d article(s) have no publication date, so their undated events stay undated (dateSource none); give one with --published YYYY-MM-DD, a \"Published:\" line, or \"published\" in JSON Lines\n", sum.Undated)
	}
	if sum.New+sum.Replaced == 0 && sum.Unchanged > 0 {
		fmt.Fprintln(w, "nothing new to write: every article is already in the store")
	}
	if top <= 0 || len(sum.relations) == 0 {
		return
	}
	type rel struct {
		relationKey
		n int
	}
	var rels []rel
	for k, n := range sum.relations {
		rels = append(rels, rel{k, n})
	}
	sort.Slice(rels, func(i, j int) bool {
		if rels[i].n != rels[j].n {
			return rels[i].n > rels[j].n
		}
		a, b := rels[i].relationKey, rels[j].relationKey
		return a.source+a.target+a.root < b.source+b.target+b.root
	})
	fmt.Fprintln(w, "\ntop relations in these articles:")
	for i, r := range rels {
		if i == top {
			break
		}
		c, _ := schema.LookupCAMEO(r.root)
		fmt.Fprintf(w, "  %3d  %s -> %s  (%s)\n", r.n, sum.names[r.source], sum.names[r.target], strings.ToLower(c.Label))
	}
}
