package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// The store ends the same whatever the number of workers and the batch
// size: results are written in input order.
func TestIngestWorkersDeterministic(t *testing.T) {
	in, err := filepath.Abs("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, tt := range []struct{ workers, batch string }{
		{"1", "1"}, {"3", "2"}, {"4", "128"},
	} {
		db := filepath.Join(t.TempDir(), "g.db")
		code, out, errOut := runCmd(t, "", "ingest", "--db", db, "--workers", tt.workers, "--batch", tt.batch, in)
		if code != exitOK {
			t.Fatalf("workers %s batch %s: exit %d\n%s\n%s", tt.workers, tt.batch, code, out, errOut)
		}
		if !strings.Contains(out, "("+tt.workers+" workers)") {
			t.Errorf("workers %s: summary does not name them:\n%s", tt.workers, out)
		}
		code, nq, errOut := runCmd(t, "", "export", "--db", db, "--format", "nquads")
		if code != exitOK {
			t.Fatalf("export: exit %d: %s", code, errOut)
		}
		// dg:sourcePath is the same folder; nothing else may differ.
		switch {
		case want == "":
			want = nq
		case nq != want:
			t.Errorf("workers %s batch %s: the store differs from one worker's", tt.workers, tt.batch)
		}
	}
}

// Off a terminal, ingest writes a progress line to standard error at each
// interval, with rates and the time left; the summary gives throughput and
// peak memory.
func TestIngestProgressLines(t *testing.T) {
	in, err := filepath.Abs("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	cmd := newCmdIngest(streams, func(cmd *cobra.Command, opts *ingestOptions) error {
		opts.progressEvery = time.Nanosecond
		return ingestRun(cmd, opts)
	})
	cmd.SetArgs([]string{"--db", filepath.Join(t.TempDir(), "g.db"), "--workers", "2", in})
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	line := regexp.MustCompile(`(?m)^ingest: \d+ of \d+ articles, [0-9.]+ articles/s, \d+ sentences/s, \d+ quads/s, \S+ elapsed`)
	if !line.MatchString(errOut.String()) {
		t.Errorf("no progress line on standard error:\n%s", errOut.String())
	}
	summary := regexp.MustCompile(`(?m)^throughput: [0-9.]+ articles/s, \d+ sentences/s, \d+ quads/s \(2 workers\)$`)
	if !summary.MatchString(out.String()) {
		t.Errorf("no throughput in the summary:\n%s", out.String())
	}
	if peakRSS() > 0 && !strings.Contains(out.String(), "peak memory: ") {
		t.Errorf("no peak memory in the summary:\n%s", out.String())
	}
}
