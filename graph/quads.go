package graph

import (
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Quads returns the quads that represent one article in the graph: the
// article node, its actors and their roles, its events and their reports,
// the CAMEO code nodes the events use and the direct actor-to-actor
// relation edges.
//
// Every quad carries the article IRI (schema.ArticleIRI) as its label, so
// the article's contribution to a shared node (an actor mentioned by many
// articles, an event several articles report) can be found and replaced on
// its own. The result is sorted and free of duplicates, so the same Result
// always gives the same slice.
//
// Quads are the article as an empty store would hold it: events the
// article reports more than once share a node. Store.Write also joins the
// article's events to the matching events other articles reported, so it
// may write them under other event IRIs.
func Quads(r schema.Result) []quad.Quad {
	events, _ := assignEvents(r, nil) // no store, no error
	return quadsWith(r, events)
}

// quadsWith is Quads with the event node IRI of each event ID.
func quadsWith(r schema.Result, events map[string]quad.IRI) []quad.Quad {
	b := quadBuilder{
		label: schema.ArticleIRI(r.Document.ID),
		seen:  make(map[quad.Quad]struct{}),
	}
	b.article(r)
	countries := make(map[string]bool)
	for _, a := range r.Actors {
		if a.ID != "" {
			b.actor(a, countries)
		}
	}
	// Countries an actor belongs to are typed even when the article does
	// not name them itself, so that every node reached by dg:country is a
	// schema:Country with a dg:code.
	for code := range countries {
		iri := countryIRI(code)
		b.add(iri, schema.PredType, schema.ClassCountry)
		b.add(iri, schema.PredCode, quad.String(code))
	}
	for _, ev := range r.Events {
		if ev.ID != "" {
			b.event(r, ev, events[ev.ID])
		}
	}
	for _, st := range r.Statements {
		if st.ID != "" {
			b.statement(st)
		}
	}
	sortQuads(b.quads)
	return b.quads
}

// quadBuilder collects one article's quads, dropping duplicates.
type quadBuilder struct {
	label quad.IRI
	quads []quad.Quad
	seen  map[quad.Quad]struct{}
}

func (b *quadBuilder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if _, ok := b.seen[q]; ok {
		return
	}
	b.seen[q] = struct{}{}
	b.quads = append(b.quads, q)
}

// addString adds a text literal, skipping empty text.
func (b *quadBuilder) addString(s quad.IRI, p quad.IRI, v string) {
	if v != "" {
		b.add(s, p, quad.String(v))
	}
}

func (b *quadBuilder) article(r schema.Result) {
	d := r.Document
	a := b.label
	b.add(a, schema.PredType, schema.ClassArticle)
	name := d.Title
	if name == "" {
		name = d.ID
	}
	b.addString(a, schema.PredName, name)
	b.addString(a, schema.PredHeadline, d.Title)
	b.addString(a, schema.PredURL, d.URL)
	b.addString(a, schema.PredPublished, d.Published)
	b.addString(a, schema.PredSHA256, d.SHA256)
	b.addString(a, schema.PredDocID, d.ID)
	b.addString(a, schema.PredSource, d.Source)
	for _, au := range d.Authors {
		b.addString(a, schema.PredAuthor, au)
	}
	b.addString(a, schema.PredAgency, d.Agency)
	if d.DatelinePlace != "" {
		b.add(a, schema.PredDateline, schema.ActorIRI(d.DatelinePlace))
	}
	for _, act := range r.Actors {
		if act.ID != "" {
			b.add(a, schema.PredMentions, schema.ActorIRI(act.ID))
		}
	}
}

// actor adds an actor's node and roles, and records in countries the
// country codes it points to.
func (b *quadBuilder) actor(a schema.Actor, countries map[string]bool) {
	n := schema.ActorIRI(a.ID)
	b.add(n, schema.PredType, schema.KindClass(a.Kind))
	name := a.Name
	if name == "" {
		name = a.ID
	}
	b.addString(n, schema.PredName, name)
	for _, alias := range a.Aliases {
		b.addString(n, schema.PredAlias, alias)
	}
	for _, key := range nameKeys(a.Kind, name, a.Aliases) {
		b.add(n, schema.PredNameKey, quad.String(key))
	}
	if a.Country != "" {
		b.add(n, schema.PredCountryCode, quad.String(a.Country))
		if c := countryIRI(a.Country); a.Country != schema.IGO && c != n {
			b.add(n, schema.PredCountry, c)
			countries[a.Country] = true
		}
	}
	if a.Kind == schema.KindCountry {
		code := a.Country
		if code == "" {
			code = strings.TrimPrefix(a.ID, "country/")
		}
		b.addString(n, schema.PredCode, code)
	}
	for _, role := range a.Roles {
		if role.Title == "" {
			continue
		}
		rn := schema.RoleIRI(a.ID, role)
		b.add(n, schema.PredRole, rn)
		b.add(rn, schema.PredType, schema.ClassRole)
		b.add(rn, schema.PredName, quad.String(role.Title))
		b.add(rn, schema.PredTitle, quad.String(role.Title))
		if role.Of != "" {
			b.add(rn, schema.PredOf, schema.ActorIRI(role.Of))
		}
		b.addString(rn, schema.PredDate, role.Date)
	}
}

func (b *quadBuilder) event(r schema.Result, ev schema.Event, e quad.IRI) {
	if e == "" {
		e = schema.EventIRI(ev.ID)
	}
	code, root := ev.CAMEO, eventRoot(ev)
	b.add(e, schema.PredType, schema.ClassEvent)
	b.add(e, schema.PredName, quad.String(eventName(r, ev)))
	if code != "" {
		b.cameo(code, root, ev)
		b.add(e, schema.PredCAMEO, schema.CAMEOIRI(code))
	}
	if root != "" {
		b.cameo(root, root, ev)
		b.add(e, schema.PredRoot, schema.CAMEOIRI(root))
	}
	src, tgt := nonEmpty(ev.Source), nonEmpty(ev.Target)
	for _, id := range src {
		b.add(e, schema.PredEvSource, schema.ActorIRI(id))
		b.add(e, schema.PredParticipant, schema.ActorIRI(id))
	}
	for _, id := range tgt {
		b.add(e, schema.PredEvTarget, schema.ActorIRI(id))
		b.add(e, schema.PredParticipant, schema.ActorIRI(id))
	}
	if ev.Place != "" {
		b.add(e, schema.PredPlace, schema.ActorIRI(ev.Place))
	}
	if ev.Date != "" {
		b.add(e, schema.PredDate, quad.String(ev.Date))
		if start, end, ok := dateRange(ev.Date); ok {
			b.add(e, schema.PredDateStart, quad.String(start))
			b.add(e, schema.PredDateEnd, quad.String(end))
		}
	}
	b.add(e, schema.PredNegated, quad.Bool(ev.Negated))
	b.add(e, schema.PredModality, quad.String(modality(ev)))
	b.add(e, schema.PredGoldstein, quad.Float(ev.Goldstein))
	b.plover(e, ev)
	b.add(e, schema.PredReportedIn, b.label)
	if mergeable(ev) {
		start, end, _ := dateRange(ev.Date)
		key := matchKey(ev)
		for _, m := range months(start, end) {
			b.add(e, schema.PredMatchKey, quad.String(monthKey(key, m)))
		}
	}

	// The article's own account: what it said and why we read it so.
	rep := schema.ReportIRI(ev.ID)
	b.add(e, schema.PredReport, rep)
	b.add(rep, schema.PredType, schema.ClassReport)
	b.add(rep, schema.PredReportedIn, b.label)
	if code != "" {
		b.add(rep, schema.PredCAMEO, schema.CAMEOIRI(code))
	}
	b.addString(rep, schema.PredDate, ev.Date)
	b.addString(rep, schema.PredEvidence, ev.Evidence)
	b.add(rep, schema.PredSentence, quad.Int(ev.Sentence))
	// The article's other mentions of the same happening.
	for _, also := range ev.Also {
		b.addString(rep, schema.PredEvidence, also.Text)
		b.add(rep, schema.PredSentence, quad.Int(also.Sentence))
	}
	b.addString(rep, schema.PredTrigger, ev.Trigger)
	b.addString(rep, schema.PredRule, ev.Rule)

	// An event the text denies or only imagines is kept as an event node
	// but makes no relation between its actors.
	rel, ok := schema.RootRelation[root]
	if ev.Negated || !ok {
		return
	}
	for _, s := range src {
		for _, t := range tgt {
			if s != t {
				b.add(schema.ActorIRI(s), rel, schema.ActorIRI(t))
			}
		}
	}
}

// statement adds a statement node: who said it, to whom, the code, the
// evidence. Statements are not events: no relation edges, no dg:source.
func (b *quadBuilder) statement(st schema.Event) {
	n := schema.EventIRI(st.ID)
	b.add(n, schema.PredType, schema.ClassStatement)
	b.add(n, schema.PredReportedIn, b.label)
	if st.CAMEO != "" {
		root := eventRoot(st)
		b.cameo(st.CAMEO, root, st)
		b.cameo(root, root, st)
		b.add(n, schema.PredCAMEO, schema.CAMEOIRI(st.CAMEO))
	}
	for _, id := range nonEmpty(st.Source) {
		b.add(n, schema.PredSpeaker, schema.ActorIRI(id))
	}
	for _, id := range nonEmpty(st.Target) {
		b.add(n, schema.PredAddressee, schema.ActorIRI(id))
	}
	b.add(n, schema.PredNegated, quad.Bool(st.Negated))
	b.addString(n, schema.PredEvidence, st.Evidence)
	b.add(n, schema.PredSentence, quad.Int(st.Sentence))
	b.addString(n, schema.PredTrigger, st.Trigger)
	b.addString(n, schema.PredRule, st.Rule)
}

// cameo adds the node of a CAMEO code (or root). The table in package
// schema is authoritative; for a code it does not know, the event's own
// label and scores stand in, and an unknown root gets no label or scores.
func (b *quadBuilder) cameo(code, root string, ev schema.Event) {
	c, known := schema.LookupCAMEO(code)
	if !known && code == ev.CAMEO {
		c, known = schema.CAMEO{Label: ev.Label, Goldstein: ev.Goldstein, QuadClass: ev.QuadClass}, true
	}
	n := schema.CAMEOIRI(code)
	b.add(n, schema.PredType, schema.ClassCAMEO)
	b.add(n, schema.PredCode, quad.String(code))
	if root != "" && code != root {
		b.add(n, schema.PredRoot, schema.CAMEOIRI(root))
	}
	if !known {
		return
	}
	b.addString(n, schema.PredName, c.Label)
	b.add(n, schema.PredGoldstein, quad.Float(c.Goldstein))
	if c.QuadClass != 0 {
		b.add(n, schema.PredQuadClass, quad.Int(c.QuadClass))
	}
}

// plover adds the event's PLOVER type, mode and context: the extractor's,
// or for an event that has none the CAMEO-to-PLOVER table's.
func (b *quadBuilder) plover(e quad.IRI, ev schema.Event) {
	p := ev.PLOVER
	if p == nil {
		if lp, ok := schema.LookupPLOVER(ev.CAMEO); ok {
			p = &lp
		}
	}
	if p == nil {
		return
	}
	b.addString(e, schema.PredPLOVERType, p.Type)
	b.addString(e, schema.PredPLOVERMode, p.Mode)
	b.addString(e, schema.PredPLOVERContext, p.Context)
}

// modality is the event's stated modality, or the one its Negated flag
// implies when the extractor left it empty.
func modality(ev schema.Event) string {
	switch {
	case ev.Modality != "":
		return ev.Modality
	case ev.Negated:
		return schema.ModalityNegated
	default:
		return schema.ModalityAsserted
	}
}

// eventName is a display name: "Russia – United States: Engage in
// negotiation", with the modality appended to events that did not happen.
func eventName(r schema.Result, ev schema.Event) string {
	names := func(ids []string) string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if a, ok := r.Actor(id); ok && a.Name != "" {
				out = append(out, a.Name)
			} else {
				out = append(out, id)
			}
		}
		return strings.Join(out, ", ")
	}
	label := ev.Label
	if label == "" {
		if c, ok := schema.LookupCAMEO(ev.CAMEO); ok {
			label = c.Label
		} else {
			label = ev.CAMEO
		}
	}
	var parties []string
	if src := nonEmpty(ev.Source); len(src) > 0 {
		parties = append(parties, names(src))
	}
	if tgt := nonEmpty(ev.Target); len(tgt) > 0 {
		parties = append(parties, names(tgt))
	}
	name := label
	if len(parties) > 0 {
		name = strings.Join(parties, " – ") + ": " + label
	}
	if ev.Negated {
		name += " (" + modality(ev) + ")"
	}
	return name
}

// nameKeys are the dg:nameKey values of an actor: its name and aliases
// folded (schema.FoldName), and a person's surname, the last word of the
// name, so "lavrov" finds Sergey Lavrov even if no article calls him that.
func nameKeys(kind schema.Kind, name string, aliases []string) []string {
	var keys []string
	add := func(s string) {
		if k := schema.FoldName(s); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	add(name)
	for _, a := range aliases {
		add(a)
	}
	if kind == schema.KindPerson {
		if words := strings.Fields(schema.FoldName(name)); len(words) > 1 {
			add(words[len(words)-1])
		}
	}
	return keys
}

// nonEmpty drops empty actor IDs, which would all name the node "dg:".
func nonEmpty(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

func countryIRI(code string) quad.IRI { return schema.ActorIRI("country/" + code) }

// dateRange returns the first and last day ("YYYY-MM-DD") of an event date
// (see schema.Date); ok is false for anything else.
func dateRange(date string) (start, end string, ok bool) { return schema.Date(date).Days() }

// sortQuads orders quads by subject, predicate, object and label, as
// N-Quads text would sort.
func sortQuads(qs []quad.Quad) {
	type keyed struct {
		key [4]string
		q   quad.Quad
	}
	ks := make([]keyed, len(qs))
	for i, q := range qs {
		ks[i] = keyed{[4]string{
			quad.StringOf(q.Subject), quad.StringOf(q.Predicate),
			quad.StringOf(q.Object), quad.StringOf(q.Label),
		}, q}
	}
	sort.Slice(ks, func(i, j int) bool {
		ki, kj := &ks[i].key, &ks[j].key
		for n := range ki {
			if ki[n] != kj[n] {
				return ki[n] < kj[n]
			}
		}
		return false
	})
	for i := range ks {
		qs[i] = ks[i].q
	}
}
