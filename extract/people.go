package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// WithActors adds PETRARCH/CAMEO actor dictionaries: a person the article
// names that the dictionaries know gets their country, and their role
// code for the article's date when the text gives no title.
func WithActors(d *schema.ActorDictionary) Option {
	return func(x *Extractor) { x.dict = d }
}

// knownPerson returns the lexicon's entry for a full name or alias.
func knownPerson(name string) (schema.Person, bool) {
	ps := schema.LookupPerson(name)
	if len(ps) != 1 {
		return schema.Person{}, false
	}
	return ps[0], true
}

// applyKnownPeople gives every person the lexicon or a dictionary knows a
// canonical ID (so "Sergei Lavrov" and "Sergey Lavrov" are one node in
// every article), their country on the article's date, and, when the text
// states none, their role then.
func (d *document) applyKnownPeople(dict *schema.ActorDictionary) {
	for _, id := range append([]string(nil), d.actors.order...) {
		a := d.actors.byID[id]
		if a == nil || a.Kind != schema.KindPerson {
			continue
		}
		p, ok := knownPerson(a.Name)
		for _, al := range a.Aliases {
			if ok {
				break
			}
			if strings.Contains(al, " ") {
				p, ok = knownPerson(al)
			}
		}
		if !ok {
			d.applyDictionary(a, dict)
			continue
		}
		// One ID for every spelling; the article's own spelling stays the
		// display name, the lexicon's is an alias.
		if canon := "person/" + slug(p.Name); canon != a.ID {
			a = d.renameActor(a, canon, a.Name)
		}
		a.alias(p.Name)
		role, hasRole := p.RoleAt(d.art.Published)
		a.setCountry(personCountry(p, role, hasRole), 2) // a title the text states wins
		if hasRole && len(a.Roles) == 0 {
			a.role(schema.Role{Title: role.Title, Of: roleOf(role, a.Country), Date: d.art.Published})
		}
	}
}

// personCountry is the country a person acts for on the date: the
// organisation's for a post in an inter-governmental body (Stoltenberg as
// NATO's Secretary-General), else their own.
func personCountry(p schema.Person, role schema.PersonRole, ok bool) string {
	if ok && role.Of != "" {
		if len(role.Of) == 3 && strings.ToUpper(role.Of) == role.Of {
			return role.Of
		}
		for _, o := range schema.Organizations() {
			if o.Name == role.Of {
				return o.Country
			}
		}
	}
	return p.Country
}

// roleOf is the actor ID a lexicon role belongs to.
func roleOf(r schema.PersonRole, country string) string {
	if r.Of != "" && !(len(r.Of) == 3 && strings.ToUpper(r.Of) == r.Of) {
		return "organization/" + slug(r.Of)
	}
	if country != "" && country != schema.IGO {
		return "country/" + country
	}
	return ""
}

// applyDictionary looks a person up in the user's actor dictionaries.
func (d *document) applyDictionary(a *actorInfo, dict *schema.ActorDictionary) {
	if dict == nil {
		return
	}
	da, ok := dict.Lookup(a.Name, d.art.Published)
	if !ok || da.Code == "" || da.Code == schema.NullActorCode {
		return
	}
	a.setCountry(da.Country, 3)
	if len(a.Roles) == 0 && da.Role != "" {
		of := ""
		if da.Country != "" && da.Country != schema.IGO {
			of = "country/" + da.Country
		}
		a.role(schema.Role{Title: da.Code, Of: of, Date: d.art.Published})
	}
}

// renameActor gives an actor a new ID and name, keeping the old name as an
// alias; an actor already under the new ID absorbs it.
func (d *document) renameActor(a *actorInfo, id, name string) *actorInfo {
	if into := d.actors.byID[id]; into != nil {
		d.mergeActor(a, into)
		return into
	}
	old := a.ID
	oldName := a.Name
	a.ID, a.Name = id, name
	a.alias(oldName)
	a.Aliases = removeString(a.Aliases, name)
	delete(d.actors.byID, old)
	d.actors.byID[id] = a
	for i, x := range d.actors.order {
		if x == old {
			d.actors.order[i] = id
		}
	}
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.actor == old {
				m.actor = id
			}
		}
	}
	return a
}

func removeString(xs []string, s string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
