package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract"
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
}

func newCmdIngest(streams *ioStreams, runF func(*cobra.Command, *ingestOptions) error) *cobra.Command {
	opts := &ingestOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH] [--published DATE] PATH...",
		Short: "Extract articles and write them into the graph store",
		Long: `Ingest reads articles and writes their actors and events into the store.

PATH is a text file (.txt, .md), a folder (read recursively for .txt, .md and
.jsonl files), a JSON Lines file (.jsonl: one article per line, with the fields
"id", "title", "url", "published" and "text"), or - for standard input.

Each article is written in one transaction, labelled with the article's IRI.
An article already stored with the same text is skipped; one whose text
changed replaces its old version. A file that cannot be read or is not an
article is reported on its own line and the others go on; the exit status is
then 1.`,
		Example: `  diplograph ingest testdata/articles
  diplograph ingest --db news.db --published 2025-02-27 article.txt
  diplograph ingest feed.jsonl
  cat story.txt | diplograph ingest --published 2025-02-27 -`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Published != "" {
				if _, err := extract.ParseDate(opts.Published); err != nil {
					return usagef("--published: %v", err)
				}
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return ingestRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.DB, "db", defaultDB, "graph store `path`")
	cmd.Flags().StringVar(&opts.Published, "published", "", "publication date `YYYY-MM-DD` for articles that do not give one")
	cmd.Flags().IntVar(&opts.Top, "top", 10, "number of top relations to print after the summary")
	return cmd
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	New, Unchanged, Replaced, Failed int
	Actors, Events, Sentences        int
	Added, Removed                   int
	relations                        map[relationKey]int
	names                            map[string]string
}

type relationKey struct{ source, target, root string }

func ingestRun(cmd *cobra.Command, opts *ingestOptions) error {
	ctx := cmd.Context()
	start := time.Now()
	files, err := expandPaths(opts.Paths)
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	store, err := graph.Open(ctx, opts.DB, graph.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	sum := &ingestSummary{relations: map[relationKey]int{}, names: map[string]string{}}
	for _, path := range files {
		err := eachArticle(path, opts.IO.In, func(it inputItem) error {
			if it.err != nil {
				fmt.Fprintf(opts.IO.ErrOut, "ingest %v\n", it.err)
				sum.Failed++
				return nil
			}
			if err := ingestArticle(cmd, opts, x, store, it, sum); err != nil {
				fmt.Fprintf(opts.IO.ErrOut, "ingest %s: %v\n", it.src, err)
				sum.Failed++
			}
			return ctx.Err()
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(opts.IO.ErrOut, "ingest %v\n", err)
			sum.Failed++
		}
	}
	writeIngestSummary(opts.IO.Out, sum, time.Since(start), opts.Top)
	if sum.Failed > 0 {
		return partialError{sum.Failed}
	}
	return nil
}

// ingestArticle extracts one article unless the store already holds it,
// and writes it.
func ingestArticle(cmd *cobra.Command, opts *ingestOptions, x *extract.Extractor, store *graph.Store, it inputItem, sum *ingestSummary) error {
	ctx := cmd.Context()
	art := it.article
	if art.Published == "" {
		art.Published = opts.Published
	}
	digest := sha256.Sum256([]byte(art.Text))
	if art.ID == "" {
		art.ID = "sha256:" + hex.EncodeToString(digest[:])
	}
	have, err := store.HasArticle(ctx, schema.Document{ID: art.ID, SHA256: hex.EncodeToString(digest[:])})
	if err != nil {
		return err
	}
	if have {
		sum.Unchanged++
		return nil
	}
	res, err := x.Extract(ctx, art)
	if err != nil {
		return err
	}
	rep, err := store.Write(ctx, res)
	if err != nil {
		return err
	}
	switch rep.Status {
	case graph.StatusNew:
		sum.New++
	case graph.StatusReplaced:
		sum.Replaced++
	default:
		sum.Unchanged++
		return nil
	}
	sum.Added += rep.Added
	sum.Removed += rep.Removed
	sum.Actors += len(res.Actors)
	sum.Events += len(res.Events)
	sum.Sentences += res.Document.Sentences
	for _, a := range res.Actors {
		sum.names[a.ID] = a.Name
	}
	for _, e := range res.Events {
		if e.Negated {
			continue
		}
		for _, s := range e.Source {
			for _, t := range e.Target {
				sum.relations[relationKey{s, t, e.Root}]++
			}
		}
	}
	return nil
}

func writeIngestSummary(w io.Writer, sum *ingestSummary, elapsed time.Duration, top int) {
	fmt.Fprintf(w, "articles: %d new, %d replaced, %d unchanged, %d failed\n", sum.New, sum.Replaced, sum.Unchanged, sum.Failed)
	fmt.Fprintf(w, "extracted: %d actors, %d events from %d sentences\n", sum.Actors, sum.Events, sum.Sentences)
	fmt.Fprintf(w, "quads: %d added, %d removed\n", sum.Added, sum.Removed)
	fmt.Fprintf(w, "elapsed: %s\n", elapsed.Round(time.Millisecond))
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
