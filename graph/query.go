package graph

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// SyntaxError is a Gizmo query that is not valid JavaScript, with the
// position of the first error.
type SyntaxError struct {
	Line, Column int // 1-based; 0 when not known
	Msg          string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("syntax error at line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return "syntax error: " + e.Msg
}

// checkSyntax parses a query as Cayley will, to report a syntax error
// with its position: Cayley's own message buries it in goja's wording.
func checkSyntax(q string) error {
	_, err := parser.ParseFile(nil, "", q, 0)
	var list parser.ErrorList
	switch {
	case errors.As(err, &list) && len(list) > 0:
		return &SyntaxError{Line: list[0].Position.Line, Column: list[0].Position.Column, Msg: list[0].Message}
	case err != nil:
		return &SyntaxError{Msg: err.Error()}
	}
	// A few errors are found only when compiling ("return" outside a
	// function).
	_, err = goja.Compile("", q, false)
	var se *goja.CompilerSyntaxError
	if errors.As(err, &se) {
		e := &SyntaxError{Msg: se.Message}
		if se.File != nil {
			pos := se.File.Position(se.Offset)
			e.Line, e.Column = pos.Line, pos.Column
		}
		return e
	}
	return nil
}

// Query runs a Gizmo (JavaScript) query and calls emit with each result,
// at most limit results (0 means no limit). Results are JSON-encodable and
// rendered as Cayley's HTTP API renders them: a path's .All() gives one
// map per path from tag to value, with the path's end under "id";
// g.Emit(x) gives x. IRIs are strings in angle brackets ("<dg:country/RUS>"),
// literals their Go values (string, int64, float64, bool).
//
// Only .All(), .GetLimit(n) and g.Emit produce results (.ForEach calls a
// function, which may g.Emit). The value of the script's last expression
// is dropped, as Cayley drops it, so a bare g.V().Count() returns
// nothing: write g.Emit(g.V().Count()).
//
// Results are distinct: a fact that several articles state is stored once
// per article (the quads differ only in their label), so a path through it
// would repeat; Query drops a result identical to one it already emitted.
// g.V().Has("<schema:name>", "Vladimir Putin").All() gives one node however
// many articles name him. Counts computed inside Gizmo (.Count()) still
// count paths: use .Unique() there.
//
// A query that is not valid JavaScript fails with a *SyntaxError. Query
// stops when ctx is done, between results and while waiting for one (a
// script that loops forever is interrupted); an error from emit stops it
// too and is returned. Queries only read: Gizmo has no way to change the
// store. Writes wait until
// the query ends, so emit must not call the Store's methods.
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int, emit func(v any) error) error {
	if err := s.query(ctx, gizmoQuery, limit, emit); err != nil {
		return fmt.Errorf("query %s: %w", s.path, err)
	}
	return nil
}

// queryGrace is how long a stopped query's script may take to end.
const queryGrace = 3 * time.Second

// stop stops a query and waits for the goroutine Cayley runs its script in
// to end: the script reads the store, and bolt deadlocks if the store is
// closed under a read. Stopping cancels the script's context, which ends
// Cayley's iterators, and interrupts the JavaScript.
func (s *Store) stop(it query.Iterator) {
	it.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it.Next(context.Background()) { // the script's last results
		}
	}()
	select {
	case <-done:
	case <-time.After(queryGrace):
		s.abandoned.Store(true)
	}
}

func (s *Store) query(ctx context.Context, q string, limit int, emit func(v any) error) error {
	if limit < 0 {
		limit = 0
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkSyntax(q); err != nil {
		return err
	}
	s.commit.RLock()
	defer s.commit.RUnlock()
	// A session holds a JavaScript VM and is not safe for concurrent use;
	// one per query keeps Store safe.
	// No limit for Cayley: it would count repeated results.
	it, err := gizmo.NewSession(s.queryStore()).Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		return err
	}
	defer s.stop(it)
	// Cayley's Execute ignores its context, but the iterator's Next
	// watches the one it is given and interrupts the script.
	n := 0
	// Results already emitted, by a digest of their JSON: a query may
	// return millions.
	seen := make(map[[16]byte]bool)
	for it.Next(ctx) {
		if err := ctx.Err(); err != nil {
			return err
		}
		v := it.Result()
		if v == nil { // the script's own value, or a tag-less path
			continue
		}
		key, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("result %v: %w", v, err)
		}
		sum := sha256.Sum256(key)
		digest := [16]byte(sum[:16])
		if seen[digest] {
			continue
		}
		seen[digest] = true
		if err := emit(v); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			return nil
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// queryStore is the quad store Gizmo runs on (see the backends').
func (s *Store) queryStore() cgraph.QuadStore { return s.be.queryStore() }

// readOnlyQuads hides every method of a quad store but those of
// cgraph.QuadStore, and refuses writes.
type readOnlyQuads struct{ cgraph.QuadStore }

func (readOnlyQuads) ApplyDeltas([]cgraph.Delta, cgraph.IgnoreOpts) error {
	return errors.New("queries cannot write")
}

func (readOnlyQuads) NewQuadWriter() (quad.WriteCloser, error) {
	return nil, errors.New("queries cannot write")
}
