package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// This file holds what the read commands share: the vocabulary as value
// IDs, actor references and whole events read from the store.

// ActorRef names an actor node.
type ActorRef struct {
	ID   string      `json:"id"` // "person/sergey-lavrov", "country/RUS"
	Name string      `json:"name"`
	Kind schema.Kind `json:"kind,omitempty"`
}

// String is the actor's name, or its ID if it has none.
func (a ActorRef) String() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// ArticleRef names an article node.
type ArticleRef struct {
	ID        string `json:"id"` // "article/2dc017b04f80dfad"
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Event is one happening as the store holds it: the reports of every
// article that gives it, merged.
type Event struct {
	ID string `json:"id"` // "event/f88db042c9d1f734"
	// Date is the most precise date a report gives ("2025-02-18", or
	// "2025-02" if none is finer); Start and End bound the days every
	// report allows. All are empty for an undated event.
	Date  string `json:"date,omitempty"`
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Code is the CAMEO code most reports give (the most specific on a
	// tie), Codes every code reported; Label and Goldstein are Code's.
	Code      string   `json:"code"`
	Codes     []string `json:"codes,omitempty"`
	Root      string   `json:"root"`
	Label     string   `json:"label"`
	Goldstein float64  `json:"goldstein"`
	// PLOVER is Code's PLOVER type, mode and context, if PLOVER codes it.
	PLOVER   *schema.PLOVER `json:"plover,omitempty"`
	Source   []ActorRef     `json:"source"`
	Target   []ActorRef     `json:"target"`
	Place    *ActorRef      `json:"place,omitempty"`
	Modality string         `json:"modality"`
	// Articles are the articles reporting it, Evidence the sentence of the
	// first report (by article date).
	Articles []ArticleRef `json:"articles"`
	Evidence string       `json:"evidence,omitempty"`
	Reports  []Report     `json:"reports,omitempty"`

	node     node
	labels   []node // the articles (labels) stating what was read
	place    node
	sources  []node
	targets  []node
	articles []node
	reports  []node
}

// Asserted reports whether the event happened, as its reports tell it.
func (e *Event) Asserted() bool { return e.Modality == schema.ModalityAsserted }

// Report is one article's account of an event.
type Report struct {
	ID       string     `json:"id"` // "report/riyadh-1"
	Article  ArticleRef `json:"article"`
	Code     string     `json:"code,omitempty"`
	Date     string     `json:"date,omitempty"`
	Evidence string     `json:"evidence,omitempty"`
	Sentence int64      `json:"sentence"`
	Trigger  string     `json:"trigger,omitempty"`
	Rule     string     `json:"rule,omitempty"`
}

// vocab holds the IDs of the predicates and classes the reads use; a term
// the store does not hold has ID 0, and scans through it find nothing.
type vocab struct {
	typ, name, alias, nameKey, countryCode, country, code, role, title, of, date node
	headline, url, published, mentions                                           node
	cameo, root, source, target, participant, place, dateStart, dateEnd          node
	negated, modality, evidence, sentence, trigger, rule, goldstein              node
	reportedIn, report                                                           node
	event, article, cameoClass, roleClass, reportClass                           node
	actorClass                                                                   map[node]schema.Kind
	// eventPreds are the predicates loadEvent reads (not the name, type,
	// participants or match key).
	eventPreds func(node) bool
	// relationPreds are the fewer that relations need: the range of days
	// is then derived from the dates, and the articles from the labels.
	relationPreds func(node) bool
}

// read runs fn with a reader holding the store's read lock.
func (s *Store) read(ctx context.Context, what string, fn func(r *reader, v *vocab) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.commit.RLock()
	defer s.commit.RUnlock()
	r, err := s.newReader(ctx)
	if err == nil {
		var v *vocab
		if v, err = r.vocab(); err == nil {
			err = fn(r, v)
		}
		err = errors.Join(err, r.close())
	}
	if err != nil {
		return fmt.Errorf("%s in %s: %w", what, s.path, err)
	}
	return nil
}

func (r *reader) vocab() (*vocab, error) {
	terms := []quad.Value{
		schema.PredType, schema.PredName, schema.PredAlias, schema.PredNameKey, schema.PredCountryCode,
		schema.PredCountry, schema.PredCode, schema.PredRole, schema.PredTitle, schema.PredOf, schema.PredDate,
		schema.PredHeadline, schema.PredURL, schema.PredPublished, schema.PredMentions,
		schema.PredCAMEO, schema.PredRoot, schema.PredEvSource, schema.PredEvTarget, schema.PredParticipant,
		schema.PredPlace, schema.PredDateStart, schema.PredDateEnd,
		schema.PredNegated, schema.PredModality, schema.PredEvidence, schema.PredSentence, schema.PredTrigger,
		schema.PredRule, schema.PredGoldstein, schema.PredReportedIn, schema.PredReport,
		schema.ClassEvent, schema.ClassArticle, schema.ClassCAMEO, schema.ClassRole, schema.ClassReport,
	}
	for _, k := range schema.Kinds {
		terms = append(terms, schema.KindClass(k))
	}
	ids, err := r.idsOf(terms...)
	if err != nil {
		return nil, err
	}
	v := &vocab{actorClass: make(map[node]schema.Kind)}
	for i, p := range []*node{
		&v.typ, &v.name, &v.alias, &v.nameKey, &v.countryCode,
		&v.country, &v.code, &v.role, &v.title, &v.of, &v.date,
		&v.headline, &v.url, &v.published, &v.mentions,
		&v.cameo, &v.root, &v.source, &v.target, &v.participant,
		&v.place, &v.dateStart, &v.dateEnd,
		&v.negated, &v.modality, &v.evidence, &v.sentence, &v.trigger,
		&v.rule, &v.goldstein, &v.reportedIn, &v.report,
		&v.event, &v.article, &v.cameoClass, &v.roleClass, &v.reportClass,
	} {
		*p = ids[i]
	}
	for i, k := range schema.Kinds {
		if n := ids[len(ids)-len(schema.Kinds)+i]; n != 0 {
			v.actorClass[n] = k
		}
	}
	read := map[node]bool{}
	for _, p := range []node{v.cameo, v.root, v.source, v.target, v.place, v.date, v.dateStart, v.dateEnd,
		v.modality, v.goldstein, v.reportedIn, v.report} {
		read[p] = true
	}
	v.eventPreds = func(p node) bool { return read[p] }
	rel := map[node]bool{}
	for _, p := range []node{v.cameo, v.source, v.target, v.date, v.modality} {
		rel[p] = true
	}
	v.relationPreds = func(p node) bool { return rel[p] }
	return v, nil
}

// iri returns a node's IRI, "" if it is not one.
func (r *reader) iri(n node) (quad.IRI, error) {
	v, err := r.value(n)
	if err != nil {
		return "", err
	}
	iri, _ := v.(quad.IRI)
	return iri, nil
}

// texts returns the text of several nodes, in order.
func (r *reader) texts(ns []node) ([]string, error) {
	vs, err := r.values(ns)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = str(v)
	}
	return out, nil
}

// preferSample is how many statements of a name or kind preferred reads.
// Every article that names an actor states its name and type again, so a
// country has thousands; the first few (the index keeps them in the order
// they were written) tell the usual name as well.
const preferSample = 2

// preferred returns the object of <n> <p> ? that most of the first
// preferSample statements give (the longest, then the first in order, on a
// tie), "" if there is none.
func (r *reader) preferred(n, p node) (string, error) {
	counts := make(map[node]int)
	var order []node
	seen := 0
	err := r.out(n, p, func(l link) error {
		if counts[l.o] == 0 {
			order = append(order, l.o)
		}
		counts[l.o]++
		if seen++; seen == preferSample {
			return errStop
		}
		return nil
	})
	if err != nil || len(order) == 0 {
		return "", err
	}
	texts, err := r.texts(order)
	if err != nil {
		return "", err
	}
	best := 0
	for i := range order {
		ci, cb := counts[order[i]], counts[order[best]]
		if ci > cb || ci == cb && (len(texts[i]) > len(texts[best]) || len(texts[i]) == len(texts[best]) && texts[i] < texts[best]) {
			best = i
		}
	}
	return texts[best], nil
}

// actorCache remembers the actors a read has named.
type actorCache map[node]ActorRef

// actor names an actor node: its ID, preferred name and kind (the kind
// most articles give it).
func (r *reader) actor(v *vocab, cache actorCache, n node) (ActorRef, error) {
	if a, ok := cache[n]; ok {
		return a, nil
	}
	iri, err := r.iri(n)
	if err != nil {
		return ActorRef{}, err
	}
	a := ActorRef{ID: schema.IDOfIRI(iri)}
	if a.Name, err = r.preferred(n, v.name); err != nil {
		return a, err
	}
	// Actor IDs start with their kind ("person/", "country/"); only an
	// ID that does not needs its types read.
	if k := schema.Kind(strings.SplitN(a.ID, "/", 2)[0]); contains(kindNames, string(k)) {
		a.Kind = k
		if cache != nil {
			cache[n] = a
		}
		return a, nil
	}
	kinds := make(map[schema.Kind]int)
	seen := 0
	err = r.out(n, v.typ, func(l link) error {
		if k, ok := v.actorClass[l.o]; ok {
			kinds[k]++
		}
		if seen++; seen == preferSample {
			return errStop
		}
		return nil
	})
	if err != nil {
		return a, err
	}
	for _, k := range schema.Kinds { // display order breaks ties
		if kinds[k] > kinds[a.Kind] {
			a.Kind = k
		}
	}
	if cache != nil {
		cache[n] = a
	}
	return a, nil
}

var kindNames = func() []string {
	out := make([]string, len(schema.Kinds))
	for i, k := range schema.Kinds {
		out[i] = string(k)
	}
	return out
}()

// actors names several nodes, in order.
func (r *reader) actors(v *vocab, cache actorCache, ns []node) ([]ActorRef, error) {
	out := make([]ActorRef, 0, len(ns))
	for _, n := range ns {
		a, err := r.actor(v, cache, n)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// article names an article node.
func (r *reader) article(v *vocab, n node) (ArticleRef, error) {
	if a, ok := r.articles[n]; ok {
		return a, nil
	}
	iri, err := r.iri(n)
	if err != nil {
		return ArticleRef{}, err
	}
	a := ArticleRef{ID: schema.IDOfIRI(iri)}
	for _, f := range []struct {
		p   node
		dst *string
	}{{v.name, &a.Title}, {v.published, &a.Published}, {v.url, &a.URL}} {
		if *f.dst, err = r.preferred(n, f.p); err != nil {
			return a, err
		}
	}
	r.articles[n] = a
	return a, nil
}

// eventNodes returns the distinct events an actor takes part in.
func (r *reader) eventNodes(v *vocab, actor node) ([]node, error) {
	return r.subjectsOf(v.participant, actor)
}

// eventCandidates is eventNodes without checking that the statements
// behind them survive: it reads no quads, only index keys. The caller
// must find the actor among the event's sources and targets as
// loadEventOf reads them, which drops deleted statements.
func (r *reader) eventCandidates(v *vocab, actor node) ([]node, error) {
	if actor == 0 || v.participant == 0 {
		return nil, nil
	}
	return r.ix.candidates(v.participant, actor)
}

// loadEvent reads an event node: everything but its ID, actor names,
// articles and reports, which setID and fillEvent add for display.
func (r *reader) loadEvent(v *vocab, n node) (*Event, error) {
	return r.loadEventOf(v, n, v.eventPreds)
}

// loadEventOf reads the predicates of an event that want passes; the root
// and score then come from the code when not read.
func (r *reader) loadEventOf(v *vocab, n node, want func(node) bool) (*Event, error) {
	e := &Event{node: n}
	var codes, roots, dates, starts, ends, modalities, places, goldsteins []node
	// An event has a few dozen statements: slices beat maps here.
	var codeLabels [][]node      // per code, the articles giving it
	var srcCount, tgtCount []int // per source, per target: reports
	var seen []link              // predicate and object pairs read
	add := func(dst *[]node, o node) {
		if !containsNode(*dst, o) {
			*dst = append(*dst, o)
		}
	}
	count := func(ns *[]node, counts *[]int, o node) {
		for i, x := range *ns {
			if x == o {
				(*counts)[i]++
				return
			}
		}
		*ns = append(*ns, o)
		*counts = append(*counts, 1)
	}
	err := r.outAll(n, want, func(l link) error {
		if !containsNode(e.labels, l.l) {
			e.labels = append(e.labels, l.l)
		}
		k := link{p: l.p, o: l.o}
		first := !slices.Contains(seen, k)
		if first {
			seen = append(seen, k)
		}
		switch l.p {
		case v.cameo:
			i := slices.Index(codes, l.o)
			if i < 0 {
				codes = append(codes, l.o)
				codeLabels = append(codeLabels, nil)
				i = len(codes) - 1
			}
			if !containsNode(codeLabels[i], l.l) {
				codeLabels[i] = append(codeLabels[i], l.l)
			}
		case v.root:
			add(&roots, l.o)
		case v.source:
			count(&e.sources, &srcCount, l.o)
		case v.target:
			count(&e.targets, &tgtCount, l.o)
		case v.place:
			add(&places, l.o)
		case v.date:
			add(&dates, l.o)
		case v.dateStart:
			add(&starts, l.o)
		case v.dateEnd:
			add(&ends, l.o)
		case v.modality:
			add(&modalities, l.o)
		case v.goldstein:
			add(&goldsteins, l.o)
		case v.reportedIn:
			if first {
				e.articles = append(e.articles, l.o)
			}
		case v.report:
			if first {
				e.reports = append(e.reports, l.o)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Reports that tell it the other way round ("Rubio met Lavrov"): an
	// actor goes on the side most reports put it.
	reports := func(ns []node, counts []int, a node) int {
		if i := slices.Index(ns, a); i >= 0 {
			return counts[i]
		}
		return 0
	}
	var keepSrc, keepTgt []node
	for i, a := range e.sources {
		if srcCount[i] >= reports(e.targets, tgtCount, a) {
			keepSrc = append(keepSrc, a)
		}
	}
	for i, a := range e.targets {
		if tgtCount[i] >= reports(e.sources, srcCount, a) {
			keepTgt = append(keepTgt, a)
		}
	}
	e.sources, e.targets = keepSrc, keepTgt

	// Read every literal and code at once.
	var all []node
	for _, ns := range [][]node{codes, roots, dates, starts, ends, modalities, goldsteins} {
		all = append(all, ns...)
	}
	if _, err := r.values(all); err != nil {
		return nil, err
	}
	text := func(ns []node) []string {
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = str(r.vals[n]) // read above
		}
		return out
	}
	codeID := func(c node) string {
		return strings.TrimPrefix(schema.IDOfIRI(quad.IRI(str(r.vals[c]))), "cameo/")
	}
	for _, c := range codes {
		e.Codes = append(e.Codes, codeID(c))
	}
	best := 0
	if len(codes) > 0 {
		for i := range codes {
			ni, nb := len(codeLabels[i]), len(codeLabels[best])
			ci, cb := e.Codes[i], e.Codes[best]
			if ni > nb || ni == nb && (len(ci) > len(cb) || len(ci) == len(cb) && ci < cb) {
				best = i
			}
		}
		e.Code = e.Codes[best]
		sort.Strings(e.Codes)
	}
	if len(roots) > 0 {
		e.Root = codeID(roots[0])
	} else if len(e.Code) >= 2 {
		e.Root = e.Code[:2]
	}
	if p, ok := schema.LookupPLOVER(e.Code); ok {
		e.PLOVER = &p
	}
	if c, ok := schema.LookupCAMEO(e.Code); ok {
		e.Label, e.Goldstein = c.Label, c.Goldstein
	} else if e.Code != "" {
		if e.Label, err = r.preferred(codes[best], v.name); err != nil {
			return nil, err
		}
		for _, g := range goldsteins {
			if f, ok := r.vals[g].(quad.Float); ok {
				e.Goldstein = float64(f)
				break
			}
		}
	}
	// The days every report allows: the latest start and earliest end.
	st, en := text(starts), text(ends)
	if len(starts) == 0 { // not read: from the dates
		for _, d := range text(dates) {
			if s, e, ok := dateRange(d); ok {
				st, en = append(st, s), append(en, e)
			}
		}
	}
	for _, s := range st {
		e.Start = max(e.Start, s)
	}
	for i, s := range en {
		if i == 0 || s < e.End {
			e.End = s
		}
	}
	if e.End != "" && e.End < e.Start { // reports that disagree: span them
		e.Start, e.End = slicesMin(st), slicesMax(en)
	}
	e.Date = mostPrecise(text(dates))
	if e.Date == "" && e.Start != "" {
		e.Date = dateOfRange(e.Start, e.End)
	}
	ms := text(modalities)
	e.Modality = schema.ModalityAsserted
	for _, m := range ms { // a report that doubts it wins
		if m != schema.ModalityAsserted {
			e.Modality = m
		}
	}
	if len(places) > 0 {
		e.place = places[0] // named by fillEvent
	}
	return e, nil
}

// mostPrecise returns the date with the shortest range (the earliest on a
// tie); dates that do not parse come last.
func mostPrecise(dates []string) string {
	best, bestDays := "", 0
	for _, d := range dates {
		s, en, ok := dateRange(d)
		if !ok {
			if best == "" {
				best = d
			}
			continue
		}
		days := dayCount(s, en)
		if _, _, bok := dateRange(best); !bok || days < bestDays || days == bestDays && s < bestStart(best) {
			best, bestDays = d, days
		}
	}
	return best
}

func bestStart(d string) string {
	s, _, _ := dateRange(d)
	return s
}

// dateOfRange writes a range of days as the shortest date that means it:
// "2025-02-18", "2025-02", "2014" or "2014-02-27/2014-03-18".
func dateOfRange(start, end string) string {
	if start == end {
		return start
	}
	for _, d := range []string{start[:min(7, len(start))], start[:min(4, len(start))]} {
		if s, e, ok := dateRange(d); ok && s == start && e == end {
			return d
		}
	}
	return start + "/" + end
}

// dayCount is the number of days from start to end, both "YYYY-MM-DD".
func dayCount(start, end string) int {
	s, _, ok1 := schema.Date(start).Bounds()
	e, _, ok2 := schema.Date(end).Bounds()
	if !ok1 || !ok2 {
		return 0
	}
	return int(e.Sub(s).Hours()/24) + 1
}

func slicesMin(xs []string) string {
	var m string
	for i, x := range xs {
		if i == 0 || x < m {
			m = x
		}
	}
	return m
}

func slicesMax(xs []string) string {
	var m string
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// setID reads the event's ID (its IRI) if it is not known yet.
func (r *reader) setID(e *Event) error {
	if e.ID != "" {
		return nil
	}
	iri, err := r.iri(e.node)
	e.ID = schema.IDOfIRI(iri)
	return err
}

// fillEvent names an event's actors and articles, and with reports set
// reads its reports; Evidence is the first report's sentence.
func (r *reader) fillEvent(v *vocab, cache actorCache, e *Event, reports bool) error {
	if err := r.setID(e); err != nil {
		return err
	}
	var err error
	if e.Source, err = r.actors(v, cache, e.sources); err != nil {
		return err
	}
	if e.Target, err = r.actors(v, cache, e.targets); err != nil {
		return err
	}
	if e.place != 0 {
		p, err := r.actor(v, cache, e.place)
		if err != nil {
			return err
		}
		e.Place = &p
	} else {
		e.Place = nil
	}
	e.Articles = e.Articles[:0]
	for _, a := range e.articles {
		art, err := r.article(v, a)
		if err != nil {
			return err
		}
		e.Articles = append(e.Articles, art)
	}
	sortArticles(e.Articles)
	e.Reports = e.Reports[:0]
	for _, rn := range e.reports {
		rep, err := r.readReport(v, rn)
		if err != nil {
			return err
		}
		e.Reports = append(e.Reports, rep)
	}
	// Reports in the order of their articles, then of their sentences.
	order := make(map[string]int, len(e.Articles))
	for i, a := range e.Articles {
		order[a.ID] = i
	}
	sort.SliceStable(e.Reports, func(i, j int) bool {
		a, b := e.Reports[i], e.Reports[j]
		if order[a.Article.ID] != order[b.Article.ID] {
			return order[a.Article.ID] < order[b.Article.ID]
		}
		return a.Sentence < b.Sentence
	})
	for i := range e.Reports {
		if a, ok := articleByID(e.Articles, e.Reports[i].Article.ID); ok {
			e.Reports[i].Article = a
		}
	}
	if len(e.Reports) > 0 {
		e.Evidence = e.Reports[0].Evidence
	}
	if !reports {
		e.Reports = nil
	}
	return nil
}

func articleByID(as []ArticleRef, id string) (ArticleRef, bool) {
	for _, a := range as {
		if a.ID == id {
			return a, true
		}
	}
	return ArticleRef{}, false
}

// sortArticles orders articles by publication date, then ID.
func sortArticles(as []ArticleRef) {
	sort.Slice(as, func(i, j int) bool {
		if as[i].Published != as[j].Published {
			return as[i].Published < as[j].Published
		}
		return as[i].ID < as[j].ID
	})
}

// readReport reads a report node. Its article is named by ID only.
func (r *reader) readReport(v *vocab, n node) (Report, error) {
	iri, err := r.iri(n)
	if err != nil {
		return Report{}, err
	}
	rep := Report{ID: schema.IDOfIRI(iri)}
	var article, code, date, evidence, sentence, trigger, rule node
	err = r.outAll(n, nil, func(l link) error {
		switch l.p {
		case v.reportedIn:
			article = l.o
		case v.cameo:
			code = l.o
		case v.date:
			date = l.o
		case v.evidence:
			evidence = l.o
		case v.sentence:
			sentence = l.o
		case v.trigger:
			trigger = l.o
		case v.rule:
			rule = l.o
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	vals, err := r.values([]node{article, code, date, evidence, sentence, trigger, rule})
	if err != nil {
		return rep, err
	}
	rep.Article.ID = schema.IDOfIRI(quad.IRI(str(vals[0])))
	rep.Code = strings.TrimPrefix(schema.IDOfIRI(quad.IRI(str(vals[1]))), "cameo/")
	rep.Date, rep.Evidence = str(vals[2]), str(vals[3])
	if i, ok := vals[4].(quad.Int); ok {
		rep.Sentence = int64(i)
	}
	rep.Trigger, rep.Rule = str(vals[5]), str(vals[6])
	return rep, nil
}

// overlaps reports whether the event lies at least partly within since
// and until ("YYYY-MM-DD", either empty for no bound). An undated event
// overlaps only when there are no bounds.
func (e *Event) overlaps(since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	if e.Start == "" {
		return false
	}
	return (since == "" || e.End >= since) && (until == "" || e.Start <= until)
}

// hasType reports whether the event is of type t: one of its codes is
// (or, without codes, its root); the zero type matches every event.
func (e *Event) hasType(t schema.EventType) bool {
	if t.IsZero() {
		return true
	}
	if len(e.Codes) == 0 {
		return t.Match(e.Root)
	}
	for _, c := range e.Codes {
		if t.Match(c) {
			return true
		}
	}
	return false
}

// side says where an actor node is in an event: as source, as target.
func (e *Event) side(a node) (source, target bool) {
	for _, s := range e.sources {
		source = source || s == a
	}
	for _, t := range e.targets {
		target = target || t == a
	}
	return source, target
}

// counterparts are the actors on the other side from a: the targets if a
// is a source, the sources if a is a target, everyone else if both.
func (e *Event) counterparts(a node) []node {
	src, tgt := e.side(a)
	var out []node
	add := func(ns []node) {
		for _, n := range ns {
			if n != a && !containsNode(out, n) {
				out = append(out, n)
			}
		}
	}
	if src {
		add(e.targets)
	}
	if tgt {
		add(e.sources)
	}
	return out
}

func containsNode(ns []node, n node) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

// sortEvents orders events by date, newest first unless oldestFirst;
// undated events come last, and ties go by ID so the order is stable.
func sortEvents(es []*Event, oldestFirst bool) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if (a.Start == "") != (b.Start == "") {
			return a.Start != ""
		}
		if a.Start != b.Start {
			return (a.Start < b.Start) == oldestFirst
		}
		if a.End != b.End {
			return (a.End < b.End) == oldestFirst
		}
		return a.ID < b.ID
	})
}
