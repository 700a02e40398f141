package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// CheckReport is what Check found.
type CheckReport struct {
	Articles int `json:"articles"` // article nodes
	Events   int `json:"events"`   // event nodes
	Quads    int `json:"quads"`    // quads read
	// Problems are the broken invariants, one sentence each, sorted.
	Problems []string `json:"problems"`
}

// Check reads the whole store and verifies the invariants Write keeps, so
// that a store that survived a crash, a full disk or a bug can be trusted:
//
//   - every quad carries the label of a stored article (an article node
//     typed schema:NewsArticle with its dg:sha256, both from itself), except
//     the store's own unlabelled schema version;
//   - no dangling nodes: every node an article writes about, and every
//     node it points to, is typed (rdf:type) by that article;
//   - every event and report says which article reported it
//     (dg:reportedIn the article, from that article);
//   - every actor-to-actor relation edge is backed by an asserted event of
//     the same article, with that source, target and CAMEO root;
//   - Cayley's indexes agree with its quad log.
//
// A problem is reported, not returned as an error; the error is for a
// store that cannot be read at all.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	rep, err := s.check(ctx)
	if err != nil {
		return rep, fmt.Errorf("check %s: %w", s.path, err)
	}
	return rep, nil
}

// checkQuad is a quad as the IDs of its values; 0 is no value.
type checkQuad struct{ s, p, o, l uint64 }

// checker holds what Check learns about a store.
type checker struct {
	s     *Store
	src   checkSource
	quads []checkQuad
	names map[uint64]quad.Value
	probs []string
}

func (s *Store) check(ctx context.Context) (rep CheckReport, err error) {
	s.commit.RLock()
	defer s.commit.RUnlock()
	c := &checker{s: s, names: make(map[uint64]quad.Value)}
	// bolt panics on a page it finds damaged: that is a problem to report.
	defer func() {
		if r := recover(); r != nil {
			s.abandoned.Store(true)
			rep, err = CheckReport{Quads: len(c.quads), Problems: []string{fmt.Sprintf("the store's file is damaged (bolt: %v): rebuild the store by ingesting the articles into a new one", r)}}, nil
		}
	}()
	if c.src, err = s.be.checkSource(ctx); err != nil {
		return CheckReport{}, err
	}
	defer c.src.close()
	if err := c.load(ctx); err != nil {
		return CheckReport{}, err
	}
	articles, events, err := c.invariants()
	if err != nil {
		return CheckReport{}, err
	}
	if err := c.src.indexes(ctx, c); err != nil {
		return CheckReport{}, err
	}
	c.values()
	sort.Strings(c.probs)
	return CheckReport{Articles: articles, Events: events, Quads: len(c.quads), Problems: c.probs}, nil
}

func (c *checker) problem(format string, a ...any) {
	c.probs = append(c.probs, fmt.Sprintf(format, a...))
}

// checkSource is what Check reads a store through, one per backend.
type checkSource interface {
	// load calls fn with every quad of the store.
	load(ctx context.Context, fn func(checkQuad)) error
	// name is the value of an ID (nil: none), id the ID of a value (0:
	// none).
	name(id uint64) (quad.Value, error)
	id(v quad.Value) (uint64, error)
	// indexes checks the backend's own bookkeeping against the quads
	// loaded (c.quads), reporting problems to c.
	indexes(ctx context.Context, c *checker) error
	close() error
}

// load reads every quad of the store.
func (c *checker) load(ctx context.Context) error {
	return c.src.load(ctx, func(q checkQuad) { c.quads = append(c.quads, q) })
}

// name is the value of an ID, nil if the store has none.
func (c *checker) name(id uint64) quad.Value {
	if id == 0 {
		return nil
	}
	if v, ok := c.names[id]; ok {
		return v
	}
	v, err := c.src.name(id)
	if err != nil || v == nil {
		c.problem("value %d, used by a quad, is missing from the store", id)
		v = nil
	}
	c.names[id] = v
	return v
}

// str renders a value for a message.
func (c *checker) str(id uint64) string {
	if v := c.name(id); v != nil {
		return quad.StringOf(v)
	}
	return fmt.Sprintf("#%d", id)
}

func (c *checker) quadString(q checkQuad) string {
	s := c.str(q.s) + " " + c.str(q.p) + " " + c.str(q.o)
	if q.l != 0 {
		s += " " + c.str(q.l)
	}
	return s
}

// id is the ID of a value, 0 if no quad uses it.
func (c *checker) id(v quad.Value) (uint64, error) { return c.src.id(v) }

// invariants checks everything but the indexes and returns the number of
// articles and events.
func (c *checker) invariants() (articles, events int, err error) {
	ids := make(map[quad.Value]uint64)
	for _, v := range []quad.Value{
		schema.PredType, schema.ClassArticle, schema.ClassEvent, schema.ClassReport, schema.PredSHA256,
		schema.PredReportedIn, schema.PredEvSource, schema.PredEvTarget, schema.PredRoot, schema.PredNegated,
		quad.Bool(false), storeNode, predSchemaVersion,
	} {
		if ids[v], err = c.id(v); err != nil {
			return 0, 0, err
		}
	}
	typ := ids[schema.PredType]
	relations := make(map[uint64]string) // relation predicate -> root code
	for root, pred := range schema.RootRelation {
		id, err := c.id(pred)
		if err != nil {
			return 0, 0, err
		}
		if id != 0 {
			relations[id] = root
		}
	}

	type node struct{ label, id uint64 }
	typed := make(map[node]bool)    // typed by the label
	class := make(map[node]uint64)  // the class the label gives it
	reported := make(map[node]bool) // dg:reportedIn its label, from it
	digests := make(map[uint64]int) // article -> its own dg:sha256 quads
	labels := make(map[uint64]int)  // label -> quads
	kinds := make(map[uint64]bool)  // values used as a class
	hasVersion := false
	for _, q := range c.quads {
		if q.s == 0 || q.p == 0 || q.o == 0 {
			c.problem("broken quad: %s (a direction is missing)", c.quadString(q))
			continue
		}
		if q.l == 0 {
			if q.s == ids[storeNode] && q.p == ids[predSchemaVersion] {
				hasVersion = true
			} else {
				c.problem("quad without an article label: %s", c.quadString(q))
			}
			continue
		}
		labels[q.l]++
		n := node{q.l, q.s}
		switch q.p {
		case typ:
			typed[n] = true
			class[n] = q.o
			kinds[q.o] = true
		case ids[schema.PredSHA256]:
			if q.s == q.l {
				digests[q.l]++
			}
		case ids[schema.PredReportedIn]:
			if q.o == q.l {
				reported[n] = true
			} else {
				c.problem("%s is reported in %s according to article %s", c.str(q.s), c.str(q.o), c.str(q.l))
			}
		}
	}
	if !hasVersion {
		c.problem("the store has no schema version quad (<dg:store> <dg:schemaVersion>)")
	}

	// Every label is a whole article.
	for l, n := range labels {
		switch {
		case class[node{l, l}] != ids[schema.ClassArticle] || ids[schema.ClassArticle] == 0:
			c.problem("label %s of %d quads is not an article: it has no rdf:type schema:NewsArticle from itself (a partly written or partly deleted article)", c.str(l), n)
		case digests[l] != 1:
			c.problem("article %s has %d dg:sha256 digests, want 1", c.str(l), digests[l])
		default:
			articles++
		}
	}

	// Typed nodes, events with their article, relations with their event.
	type eventFacts struct{ sources, targets, roots map[uint64]bool }
	facts := make(map[node]*eventFacts)
	asserted := make(map[node]bool)
	for n, cl := range class {
		switch cl {
		case ids[schema.ClassArticle]:
			if n.id != n.label {
				c.problem("article %s is typed by another article, %s", c.str(n.id), c.str(n.label))
			}
		case ids[schema.ClassEvent], ids[schema.ClassReport]:
			if !reported[n] {
				c.problem("%s %s from article %s has no dg:reportedIn that article", c.str(cl), c.str(n.id), c.str(n.label))
			}
			if cl == ids[schema.ClassEvent] {
				facts[n] = &eventFacts{map[uint64]bool{}, map[uint64]bool{}, map[uint64]bool{}}
			}
		}
	}
	for _, q := range c.quads {
		if f := facts[node{q.l, q.s}]; f != nil {
			switch q.p {
			case ids[schema.PredEvSource]:
				f.sources[q.o] = true
			case ids[schema.PredEvTarget]:
				f.targets[q.o] = true
			case ids[schema.PredRoot]:
				f.roots[q.o] = true
			case ids[schema.PredNegated]:
				if q.o == ids[quad.Bool(false)] {
					asserted[node{q.l, q.s}] = true
				}
			}
		}
	}
	type edge struct{ label, s, rel, t uint64 }
	backed := make(map[edge]bool)
	eventNodes := make(map[uint64]bool)
	for n, f := range facts {
		eventNodes[n.id] = true
		if !asserted[n] {
			continue
		}
		for r := range f.roots {
			iri, ok := c.name(r).(quad.IRI)
			if !ok {
				continue
			}
			rel, err := c.id(schema.RootRelation[strings.TrimPrefix(schema.IDOfIRI(iri), "cameo/")])
			if err != nil {
				return 0, 0, err
			}
			for src := range f.sources {
				for tgt := range f.targets {
					backed[edge{n.label, src, rel, tgt}] = true
				}
			}
		}
	}
	untyped := make(map[node]bool)
	for _, q := range c.quads {
		if q.l == 0 || q.s == 0 || q.p == 0 || q.o == 0 {
			continue
		}
		if !typed[node{q.l, q.s}] {
			untyped[node{q.l, q.s}] = true
		}
		if _, iri := c.name(q.o).(quad.IRI); iri && q.p != typ && !typed[node{q.l, q.o}] && !kinds[q.o] {
			untyped[node{q.l, q.o}] = true
		}
		if _, ok := relations[q.p]; ok && !backed[edge{q.l, q.s, q.p, q.o}] {
			c.problem("relation %s is backed by no asserted event of article %s with that source, target and root", c.quadString(q), c.str(q.l))
		}
	}
	for n := range untyped {
		c.problem("dangling node %s: article %s writes about it or points to it but gives it no rdf:type", c.str(n.id), c.str(n.label))
	}
	return articles, len(eventNodes), nil
}

// values reads every value a quad uses, so that a missing one is found.
func (c *checker) values() {
	for _, q := range c.quads {
		for _, id := range []uint64{q.s, q.p, q.o, q.l} {
			c.name(id)
		}
	}
}
