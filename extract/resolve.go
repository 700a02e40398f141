package extract

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// actorSet collects the article's actors in order of first mention.
type actorSet struct {
	byID  map[string]*actorInfo
	order []string
}

// actorInfo is an actor being built, with what resolution needs to know.
type actorInfo struct {
	schema.Actor
	first         int // sentence of the first mention
	countryWeight int // how sure the country is: 2 stated, 1 implied
	tokens        []string
}

func newActorSet() *actorSet { return &actorSet{byID: map[string]*actorInfo{}} }

func (as *actorSet) get(id string) *actorInfo { return as.byID[id] }

func (as *actorSet) add(e entry, first int) *actorInfo {
	if a, ok := as.byID[e.id]; ok {
		return a
	}
	a := &actorInfo{Actor: schema.Actor{ID: e.id, Name: e.name, Kind: e.kind, Country: e.country}, first: first}
	as.byID[e.id] = a
	as.order = append(as.order, e.id)
	return a
}

func (a *actorInfo) alias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == a.Name {
		return
	}
	for _, x := range a.Aliases {
		if x == s {
			return
		}
	}
	a.Aliases = append(a.Aliases, s)
}

func (a *actorInfo) role(r schema.Role) {
	if r.Title == "" {
		return
	}
	for _, x := range a.Roles {
		if strings.EqualFold(x.Title, r.Title) && x.Of == r.Of {
			return
		}
	}
	a.Roles = append(a.Roles, r)
}

func (a *actorInfo) setCountry(c string, weight int) {
	if c == "" || weight < a.countryWeight || weight == a.countryWeight && a.Country != "" {
		return
	}
	a.Country, a.countryWeight = c, weight
}

// list returns the actors in first-mention order with sorted aliases.
func (as *actorSet) list() []schema.Actor {
	out := make([]schema.Actor, 0, len(as.order))
	for _, id := range as.order {
		a := as.byID[id].Actor
		sort.Strings(a.Aliases)
		out = append(out, a)
	}
	return out
}

// resolve turns mentions into actors: gazetteer mentions by their entry,
// full names into people, and surnames onto the person they belong to.
func (d *document) resolve(lx *lexicon) {
	if d.dateline != nil {
		a := d.actors.add(*d.dateline, 0)
		a.alias(d.layout.dateline)
	}
	// Countries, places and organisations, and people named in full.
	for si, ms := range d.mentions {
		for _, m := range ms {
			switch m.kind {
			case mCountry, mDemonym, mPlace, mOrg:
				if m.ent.orgType == "news-agency" {
					continue
				}
				a := d.actors.add(m.ent, si)
				a.alias(m.text)
				m.actor = a.ID
				if m.kind == mDemonym || m.kind == mCountry || m.kind == mPlace && m.ent.capital {
					d.noteCountry(m)
				}
			case mPerson:
				if m.j-m.i >= 2 {
					d.addPerson(m, m.text)
				}
			}
		}
	}
	d.mergeContainedNames()
	// Surnames and titled single names.
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.actor != "" || (m.kind != mPartial && m.kind != mPerson) {
				continue
			}
			if p := d.matchPerson(m); p != nil {
				m.kind, m.actor = mPerson, p.ID
				p.alias(m.text)
				d.applyTitle(p, m)
				continue
			}
			if m.kind == mPerson || m.title != "" {
				d.addPerson(m, m.text)
			}
		}
	}
	// Titles standing for a person named elsewhere.
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.kind != mTitle {
				continue
			}
			if p := d.matchTitle(m); p != nil {
				m.kind, m.actor = mPerson, p.ID
			} else {
				m.kind = -1
			}
		}
	}
}

// matchTitle finds the person "the Kremlin leader" or "the chancellor"
// means: someone whose role has the title's head (any head of state or
// government for "leader") and, when the title names a country, of that
// country; the latest mentioned before wins.
func (d *document) matchTitle(m *mention) *actorInfo {
	f := strings.Fields(strings.ToLower(m.title))
	head := f[len(f)-1]
	var best *actorInfo
	bestAt := -1
	for _, id := range d.actors.order {
		p := d.actors.byID[id]
		if p.Kind != schema.KindPerson || m.country != "" && p.Country != m.country {
			continue
		}
		ok := false
		for _, r := range p.Roles {
			rt := strings.ToLower(r.Title)
			if strings.Contains(rt, head) || head == "leader" && leaderTitles[strings.Fields(rt)[0]] {
				ok = true
			}
			if len(f) > 1 && !strings.Contains(rt, strings.Join(f, " ")) && head != "leader" {
				ok = ok && strings.Contains(rt, f[len(f)-2])
			}
		}
		if !ok {
			continue
		}
		at := d.lastMention(id, m.sent)
		if at > bestAt {
			best, bestAt = p, at
		}
	}
	return best
}

// lastMention is the latest sentence up to si that mentions the actor, or
// -1.
func (d *document) lastMention(id string, si int) int {
	for s := min(si, len(d.mentions)-1); s >= 0; s-- {
		for _, m := range d.mentions[s] {
			if m.actor == id {
				return s
			}
		}
	}
	return -1
}

// noteCountry makes sure a capital's country exists as a node too, so
// that events whose actor is "Moscow" can name Russia.
func (d *document) noteCountry(m *mention) {}

// addPerson creates (or finds) the person a full-name mention names.
func (d *document) addPerson(m *mention, name string) *actorInfo {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "'")
	e := entry{id: personID(name), name: name, kind: schema.KindPerson}
	p := d.actors.add(e, m.sent)
	if len(p.tokens) == 0 {
		p.tokens = nameKeys(name)
	}
	m.kind, m.actor = mPerson, p.ID
	d.applyTitle(p, m)
	return p
}

func (d *document) applyTitle(p *actorInfo, m *mention) {
	if m.title == "" {
		return
	}
	p.role(schema.Role{Title: m.title, Of: m.titleOf, Date: d.art.Published})
	w := 1
	if m.titleOf != "" {
		w = 2
	}
	p.setCountry(m.country, w)
}

// nameKeys folds each word of a name.
func nameKeys(name string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ReplaceAll(name, "-", " - ")) {
		if k := foldKey(f); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// mergeContainedNames merges a person whose name is contained in a longer
// one ("Abdullah bin Zayed" into "Abdullah bin Zayed Al Nahyan").
func (d *document) mergeContainedNames() {
	for _, id := range append([]string(nil), d.actors.order...) {
		short := d.actors.byID[id]
		if short == nil || short.Kind != schema.KindPerson {
			continue
		}
		for _, oid := range d.actors.order {
			long := d.actors.byID[oid]
			if oid == id || long == nil || long.Kind != schema.KindPerson || len(long.tokens) <= len(short.tokens) {
				continue
			}
			if containsSeq(long.tokens, short.tokens) {
				d.mergeActor(short, long)
				break
			}
		}
	}
}

func containsSeq(long, short []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for j := range short {
			if long[i+j] != short[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// mergeActor folds actor from into into and repoints its mentions.
func (d *document) mergeActor(from, into *actorInfo) {
	into.alias(from.Name)
	for _, a := range from.Aliases {
		into.alias(a)
	}
	for _, r := range from.Roles {
		into.role(r)
	}
	into.setCountry(from.Country, from.countryWeight)
	if from.first < into.first {
		into.first = from.first
	}
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.actor == from.ID {
				m.actor = into.ID
			}
		}
	}
	delete(d.actors.byID, from.ID)
	for i, id := range d.actors.order {
		if id == from.ID {
			d.actors.order = append(d.actors.order[:i], d.actors.order[i+1:]...)
			break
		}
	}
}

// matchPerson finds the person a partial name refers to: the name's first
// or last words ("Lavrov", "Xi", "Le Drian", "von der Leyen"). Of several
// candidates the one mentioned most recently before wins.
func (d *document) matchPerson(m *mention) *actorInfo {
	keys := nameKeys(m.text)
	if len(keys) == 0 {
		return nil
	}
	var best *actorInfo
	for _, id := range d.actors.order {
		p := d.actors.byID[id]
		if p.Kind != schema.KindPerson || len(p.tokens) <= len(keys) {
			continue
		}
		if !hasPrefix(p.tokens, keys) && !hasSuffix(p.tokens, keys) {
			continue
		}
		if best == nil || p.first <= m.sent && (best.first > m.sent || p.first > best.first) {
			best = p
		}
	}
	return best
}

func hasPrefix(a, b []string) bool {
	if len(b) > len(a) {
		return false
	}
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasSuffix(a, b []string) bool {
	if len(b) > len(a) {
		return false
	}
	off := len(a) - len(b)
	for i := range b {
		if a[off+i] != b[i] {
			return false
		}
	}
	return true
}

// personID is the ID of a person's name without middle initials, so that
// "Joseph R. Biden" and "Joseph Biden" are one node.
func personID(name string) string {
	var parts []string
	for _, f := range strings.Fields(name) {
		if len(strings.TrimSuffix(f, ".")) == 1 {
			continue
		}
		parts = append(parts, f)
	}
	if len(parts) == 0 {
		return "person/" + slug(name)
	}
	return "person/" + slug(strings.Join(parts, " "))
}
