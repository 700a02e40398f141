//go:build ignore

// torturehelp does for scripts/torture.sh what bash and coreutils cannot:
//
//	go run scripts/torturehelp.go utf16 le|be IN OUT   # UTF-8 file to UTF-16 with a byte-order mark
//	go run scripts/torturehelp.go future-store DIR     # a store from a newer diplograph
//	go run scripts/torturehelp.go measure CMD ARG...   # run CMD; print "ms maxrss_kb exit" on stderr
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
	"unicode/utf16"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"

	"github.com/diplograph/diplograph/graph"
)

func main() {
	if len(os.Args) < 2 {
		fail(errors.New("usage: torturehelp utf16|future-store|measure ..."))
	}
	var err error
	switch args := os.Args[2:]; os.Args[1] {
	case "utf16":
		err = toUTF16(args)
	case "future-store":
		err = futureStore(args)
	case "measure":
		os.Exit(measure(args))
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "torturehelp:", err)
	os.Exit(1)
}

func toUTF16(args []string) error {
	if len(args) != 3 {
		return errors.New("usage: utf16 le|be IN OUT")
	}
	var order binary.ByteOrder = binary.LittleEndian
	if args[0] == "be" {
		order = binary.BigEndian
	}
	text, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	var b bytes.Buffer
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(string(text)))...) {
		binary.Write(&b, order, u)
	}
	return os.WriteFile(args[2], b.Bytes(), 0o644)
}

// futureStore creates a store and marks it as written by a diplograph whose
// schema is one version newer, as an upgrade that was rolled back leaves it.
func futureStore(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: future-store DIR")
	}
	s, err := graph.Open(context.Background(), args[0], graph.Options{})
	if err != nil {
		return err
	}
	s.Close()
	db, err := hbolt.Open(filepath.Join(args[0], "indexes.bolt"), nil)
	if err != nil {
		return err
	}
	qs, err := ckv.New(db, cgraph.Options{ckv.OptNoBloom: true})
	if err != nil {
		return err
	}
	defer qs.Close()
	v := func(n int) quad.Quad {
		return quad.Quad{Subject: quad.IRI("dg:store"), Predicate: quad.IRI("dg:schemaVersion"), Object: quad.Int(n)}
	}
	// One delta at a time: Cayley mishandles batches that mix them.
	for _, d := range []cgraph.Delta{{Quad: v(graph.SchemaVersion), Action: cgraph.Delete}, {Quad: v(graph.SchemaVersion + 1), Action: cgraph.Add}} {
		if err := qs.ApplyDeltas([]cgraph.Delta{d}, cgraph.IgnoreOpts{}); err != nil {
			return err
		}
	}
	return nil
}

// measure runs a command with the helper's standard streams and prints its
// wall time, peak resident memory and exit status on the last line of
// stderr; its own exit status is the command's.
func measure(args []string) int {
	if len(args) == 0 {
		fail(errors.New("usage: measure CMD ARG..."))
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	ms := time.Since(start).Milliseconds()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fail(err)
	}
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss // KB on Linux
	}
	code := cmd.ProcessState.ExitCode()
	fmt.Fprintf(os.Stderr, "%d %d %d\n", ms, rss, code)
	return code
}
