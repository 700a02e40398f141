package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// NotFoundError says no actor has the name asked for. Suggestions are
// actors with the same surname, when there are some.
type NotFoundError struct {
	Name        string
	Suggestions []ActorRef
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no actor is called %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean:" + listActors(e.Suggestions)
	}
	return msg
}

// AmbiguousError says several actors have the name asked for; the caller
// should ask again with one of the candidates' IDs or full names.
type AmbiguousError struct {
	Name       string
	Candidates []ActorRef
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q names %d actors; give one of these IDs or names:%s", e.Name, len(e.Candidates), listActors(e.Candidates))
}

func listActors(as []ActorRef) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "\n  %-40s %s (%s)", a.ID, a.Name, a.Kind)
	}
	return b.String()
}

// LookupActor finds the one actor a user means by name. It accepts an
// actor ID ("person/sergey-lavrov", "dg:country/RUS", "<dg:place/riyadh>"),
// a name or alias in any case and with or without accents ("sergey
// lavrov", "Lavrov", "Türkiye"), a person's surname, and a full name whose
// first name is spelt another way ("Sergei Lavrov" finds Sergey Lavrov
// when he is the only Lavrov whose first name is that close). A name that
// is an actor's name or alias wins over a surname. When several actors
// fit equally well it returns an *AmbiguousError listing them; when none
// does, a *NotFoundError.
//
// The lookup is a few index reads, whatever the size of the store: every
// actor carries its folded names as dg:nameKey values.
func (s *Store) LookupActor(ctx context.Context, name string) (ActorRef, error) {
	var out ActorRef
	err := s.read(ctx, "look up "+fmt.Sprintf("%q", name), func(r *reader, v *vocab) error {
		n, err := r.lookupActor(v, name)
		if err != nil {
			return err
		}
		out, err = r.actor(v, nil, n)
		return err
	})
	if err != nil {
		// The caller shows the candidates; the store path is noise there.
		var amb *AmbiguousError
		var nf *NotFoundError
		if errors.As(err, &amb) {
			return ActorRef{}, amb
		}
		if errors.As(err, &nf) {
			return ActorRef{}, nf
		}
	}
	return out, err
}

// lookupActor is LookupActor inside a read.
func (r *reader) lookupActor(v *vocab, name string) (node, error) {
	name = strings.TrimSpace(name)
	if n, ok, err := r.actorByID(v, name); err != nil || ok {
		return n, err
	}
	key := schema.FoldName(strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"))
	if key == "" {
		return 0, &NotFoundError{Name: name}
	}
	cache := actorCache{}
	matches, err := r.byNameKey(v, key)
	if err != nil {
		return 0, err
	}
	// A name or alias beats a surname: "Putin" is the person whose alias
	// it is before any other Putin.
	var exact []node
	for _, n := range matches {
		ok, err := r.hasName(v, n, key)
		if err != nil {
			return 0, err
		}
		if ok {
			exact = append(exact, n)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0], nil
	case len(exact) > 1:
		return 0, r.ambiguous(v, cache, name, exact)
	case len(matches) == 1:
		return matches[0], nil
	case len(matches) > 1:
		return 0, r.ambiguous(v, cache, name, matches)
	}
	// "Sergei Lavrov": people called Lavrov whose first name is spelt
	// nearly the same.
	words := strings.Fields(key)
	if len(words) > 1 {
		surnamed, err := r.byNameKey(v, words[len(words)-1])
		if err != nil {
			return 0, err
		}
		var close []node
		for _, n := range surnamed {
			a, err := r.actor(v, cache, n)
			if err != nil {
				return 0, err
			}
			if theirs := strings.Fields(schema.FoldName(a.Name)); len(theirs) > 1 && sameGivenName(words[0], theirs[0]) {
				close = append(close, n)
			}
		}
		switch {
		case len(close) == 1:
			return close[0], nil
		case len(close) > 1:
			return 0, r.ambiguous(v, cache, name, close)
		case len(surnamed) > 0:
			sugg, err := r.actors(v, cache, surnamed)
			if err != nil {
				return 0, err
			}
			sortActorRefs(sugg)
			return 0, &NotFoundError{Name: name, Suggestions: sugg}
		}
	}
	// "RUS": a country code.
	if len(name) == 3 && strings.IndexFunc(name, func(c rune) bool { return !unicode.IsLetter(c) }) < 0 {
		if n, ok, err := r.actorByID(v, "country/"+strings.ToUpper(name)); err != nil || ok {
			return n, err
		}
	}
	return 0, &NotFoundError{Name: name}
}

// actorByID finds an actor by its ID, IRI or <IRI>.
func (r *reader) actorByID(v *vocab, id string) (node, bool, error) {
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	if !strings.Contains(id, "/") || strings.ContainsAny(id, " \t") {
		return 0, false, nil
	}
	if !strings.HasPrefix(id, schema.Prefix) {
		id = schema.Prefix + id
	}
	n, err := r.id(quad.IRI(id))
	if err != nil || n == 0 {
		return 0, false, err
	}
	ok, err := r.isActor(v, n)
	return n, ok, err
}

// isActor reports whether a node has an actor type.
func (r *reader) isActor(v *vocab, n node) (bool, error) {
	found := false
	err := r.out(n, v.typ, func(l link) error {
		if _, ok := v.actorClass[l.o]; ok {
			found = true
			return errStop
		}
		return nil
	})
	return found, err
}

// byNameKey returns the actors carrying a dg:nameKey, sorted by ID.
func (r *reader) byNameKey(v *vocab, key string) ([]node, error) {
	k, err := r.id(quad.String(key))
	if err != nil || k == 0 {
		return nil, err
	}
	ns, err := r.subjectsOf(v.nameKey, k)
	if err != nil {
		return nil, err
	}
	return r.sortByIRI(ns)
}

// sortByIRI orders nodes by their IRI, for a stable listing.
func (r *reader) sortByIRI(ns []node) ([]node, error) {
	vals, err := r.values(ns)
	if err != nil {
		return nil, err
	}
	idx := make([]int, len(ns))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return str(vals[idx[i]]) < str(vals[idx[j]]) })
	out := make([]node, len(ns))
	for i, j := range idx {
		out[i] = ns[j]
	}
	return out, nil
}

// hasName reports whether an actor's name or one of its aliases folds to
// key (its surname alone does not count).
func (r *reader) hasName(v *vocab, n node, key string) (bool, error) {
	var ns []node
	for _, p := range []node{v.name, v.alias} {
		objs, err := r.objects(n, p)
		if err != nil {
			return false, err
		}
		ns = append(ns, objs...)
	}
	texts, err := r.texts(ns)
	if err != nil {
		return false, err
	}
	for _, t := range texts {
		if schema.FoldName(t) == key {
			return true, nil
		}
	}
	return false, nil
}

func (r *reader) ambiguous(v *vocab, cache actorCache, name string, ns []node) error {
	cands, err := r.actors(v, cache, ns)
	if err != nil {
		return err
	}
	sortActorRefs(cands)
	return &AmbiguousError{Name: name, Candidates: cands}
}

func sortActorRefs(as []ActorRef) {
	sort.Slice(as, func(i, j int) bool { return as[i].ID < as[j].ID })
}

// sameGivenName reports whether two folded first names can be one name
// transliterated two ways ("sergei", "sergey"; "aleksei", "alexei") or a
// name and its initial ("s").
func sameGivenName(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	if a[0] != b[0] {
		return false
	}
	return schema.EditDistance(a, b) <= 2
}
