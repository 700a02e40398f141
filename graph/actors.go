package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// ActorFilter selects actors; the zero value selects all.
type ActorFilter struct {
	Kind    schema.Kind // only actors of this kind
	Country string      // only actors with this country code ("RUS", "IGO")
	// Search keeps actors whose name or an alias contains the text, in
	// any case and with or without accents.
	Search string
}

// Role is a position an actor holds, with the dates articles state it.
type Role struct {
	Title string    `json:"title"`
	Of    *ActorRef `json:"of,omitempty"`
	First string    `json:"first,omitempty"`
	Last  string    `json:"last,omitempty"`
	// Current marks the roles stated most recently.
	Current bool `json:"current,omitempty"`
}

// String is "Foreign Minister of Russia".
func (r Role) String() string {
	if r.Of != nil && r.Of.Name != "" {
		return r.Title + " of " + r.Of.Name
	}
	return r.Title
}

// ActorSummary is one line of the actor listing.
type ActorSummary struct {
	ActorRef
	Country string   `json:"country,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	// Roles are the current roles (all roles, in ActorDetail).
	Roles []Role `json:"roles,omitempty"`
	// Events counts the asserted events the actor takes part in; Articles
	// the articles that name it.
	Events   int `json:"events"`
	Articles int `json:"articles"`
}

// Actors lists the actors that pass the filter: those in the most events
// first, then by name.
func (s *Store) Actors(ctx context.Context, f ActorFilter) ([]ActorSummary, error) {
	var out []ActorSummary
	err := s.read(ctx, "list actors", func(r *reader, v *vocab) error {
		cands, err := r.actorNodes(v, f)
		if err != nil {
			return err
		}
		notAsserted, err := r.notAssertedEvents(v)
		if err != nil {
			return err
		}
		search := schema.FoldName(f.Search)
		cache := actorCache{}
		for _, n := range cands {
			a, err := r.summary(v, cache, n, notAsserted, false)
			if err != nil {
				return err
			}
			if search != "" && !matchesSearch(a, search) {
				continue
			}
			out = append(out, a)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Events != b.Events:
			return a.Events > b.Events
		case a.Articles != b.Articles:
			return a.Articles > b.Articles
		case a.Name != b.Name:
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return out, err
}

func matchesSearch(a ActorSummary, search string) bool {
	if strings.Contains(schema.FoldName(a.Name), search) || strings.Contains(a.ID, search) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(schema.FoldName(al), search) {
			return true
		}
	}
	return false
}

// actorNodes returns the distinct actors of a kind (any kind if none)
// and country.
func (r *reader) actorNodes(v *vocab, f ActorFilter) ([]node, error) {
	kinds := schema.Kinds
	if f.Kind != "" {
		kinds = []schema.Kind{f.Kind}
	}
	var byCountry map[node]bool
	if f.Country != "" {
		c, err := r.id(quad.String(f.Country))
		if err != nil {
			return nil, err
		}
		ns, err := r.subjectsOf(v.countryCode, c)
		if err != nil {
			return nil, err
		}
		byCountry = make(map[node]bool, len(ns))
		for _, n := range ns {
			byCountry[n] = true
		}
	}
	var out []node
	seen := make(map[node]bool)
	for _, k := range kinds {
		class, err := r.id(schema.KindClass(k))
		if err != nil {
			return nil, err
		}
		ns, err := r.subjectsOf(v.typ, class)
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			if !seen[n] && (byCountry == nil || byCountry[n]) {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out, nil
}

// notAssertedEvents is the set of events some report denies or imagines.
func (r *reader) notAssertedEvents(v *vocab) (map[node]bool, error) {
	t, err := r.id(quad.Bool(true))
	if err != nil {
		return nil, err
	}
	ns, err := r.subjectsOf(v.negated, t)
	out := make(map[node]bool, len(ns))
	for _, n := range ns {
		out[n] = true
	}
	return out, err
}

// summary reads an actor's summary; allRoles keeps every role, not only
// the current ones.
func (r *reader) summary(v *vocab, cache actorCache, n node, notAsserted map[node]bool, allRoles bool) (ActorSummary, error) {
	ref, err := r.actor(v, cache, n)
	if err != nil {
		return ActorSummary{}, err
	}
	a := ActorSummary{ActorRef: ref}
	if a.Country, err = r.preferred(n, v.countryCode); err != nil {
		return a, err
	}
	aliases, err := r.objects(n, v.alias)
	if err != nil {
		return a, err
	}
	texts, err := r.texts(aliases)
	if err != nil {
		return a, err
	}
	for _, t := range texts {
		if t != a.Name && !contains(a.Aliases, t) {
			a.Aliases = append(a.Aliases, t)
		}
	}
	sort.Strings(a.Aliases)
	if a.Roles, err = r.roles(v, cache, n); err != nil {
		return a, err
	}
	if !allRoles {
		current := a.Roles[:0]
		for _, role := range a.Roles {
			if role.Current {
				current = append(current, role)
			}
		}
		a.Roles = current
	}
	events, err := r.eventNodes(v, n)
	if err != nil {
		return a, err
	}
	for _, e := range events {
		if !notAsserted[e] {
			a.Events++
		}
	}
	articles, err := r.subjectsOf(v.mentions, n)
	a.Articles = len(articles)
	return a, err
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// roles reads an actor's roles, latest first; those stated on the latest
// date any role is stated are current.
func (r *reader) roles(v *vocab, cache actorCache, n node) ([]Role, error) {
	rns, err := r.objects(n, v.role)
	if err != nil {
		return nil, err
	}
	var out []Role
	latest := ""
	for _, rn := range rns {
		var role Role
		if role.Title, err = r.preferred(rn, v.title); err != nil {
			return nil, err
		}
		ofs, err := r.objects(rn, v.of)
		if err != nil {
			return nil, err
		}
		if len(ofs) > 0 {
			of, err := r.actor(v, cache, ofs[0])
			if err != nil {
				return nil, err
			}
			role.Of = &of
		}
		dates, err := r.objects(rn, v.date)
		if err != nil {
			return nil, err
		}
		ds, err := r.texts(dates)
		if err != nil {
			return nil, err
		}
		if len(ds) > 0 {
			role.First, role.Last = slicesMin(ds), slicesMax(ds)
		}
		latest = max(latest, role.Last)
		out = append(out, role)
	}
	for i := range out {
		out[i].Current = out[i].Last == latest
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Last != out[j].Last {
			return out[i].Last > out[j].Last
		}
		return out[i].String() < out[j].String()
	})
	return out, nil
}
