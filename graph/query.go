package graph

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

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
// Query stops when ctx is done, between results and while waiting for
// one; an error from emit stops it too and is returned. Writes wait until
// the query ends, so emit must not call the Store's methods.
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int, emit func(v any) error) error {
	if err := s.query(ctx, gizmoQuery, limit, emit); err != nil {
		return fmt.Errorf("query %s: %w", s.path, err)
	}
	return nil
}

func (s *Store) query(ctx context.Context, q string, limit int, emit func(v any) error) error {
	if limit < 0 {
		limit = 0
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.commit.RLock()
	defer s.commit.RUnlock()
	// A session holds a JavaScript VM and is not safe for concurrent use;
	// one per query keeps Store safe.
	// No limit for Cayley: it would count repeated results.
	it, err := gizmo.NewSession(s.qs).Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		return err
	}
	defer it.Close()
	// Cayley's Execute ignores its context, but the iterator's Next
	// watches the one it is given and interrupts the script.
	n := 0
	seen := make(map[string]bool)
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
		if seen[string(key)] {
			continue
		}
		seen[string(key)] = true
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
