package extract

import (
	"context"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// stage is one named step of the pipeline: it reads the document and
// adds one kind of annotation to it.
type stage struct {
	name string
	run  func(ctx context.Context, x *Extractor, d *document) error
}

// stages is the pipeline, in order (doc.go describes each).
var stages = []stage{
	{"segment", func(_ context.Context, x *Extractor, d *document) error {
		d.layout = segment(d.norm.text)
		d.resolveDateline(x.lex)
		return nil
	}},
	{"tokenize", func(ctx context.Context, x *Extractor, d *document) error { return x.tokenize(ctx, d) }},
	{"mentions", func(_ context.Context, x *Extractor, d *document) error {
		d.mentions = make([][]*mention, len(d.sents))
		for i := range d.sents {
			d.mentions[i] = x.findMentions(d, i)
		}
		return nil
	}},
	{"resolve", func(_ context.Context, x *Extractor, d *document) error {
		d.actors = newActorSet()
		d.resolve(x.lex)
		d.applyKnownPeople(x.dict)
		return nil
	}},
	{"events", func(_ context.Context, x *Extractor, d *document) error {
		d.events = x.findEvents(d)
		return nil
	}},
	{"statements", func(_ context.Context, x *Extractor, d *document) error {
		d.statements = x.findStatements(d)
		return nil
	}},
}

// Profile is the time an extraction spent in each stage, in pipeline order.
type Profile []StageTime

// StageTime is one stage's time.
type StageTime struct {
	Stage string
	Time  time.Duration
}

// Add adds another extraction's times, stage by stage.
func (p Profile) Add(q Profile) Profile {
	if len(p) == 0 {
		return append(Profile(nil), q...)
	}
	for i := range p {
		if i < len(q) {
			p[i].Time += q[i].Time
		}
	}
	return p
}

// Analysis is an extraction with what the pipeline saw on the way.
type Analysis struct {
	Result schema.Result
	// Sentences are every sentence with its syntax, as Sentences gives
	// them.
	Sentences []Sentence
	// Profile is the time each stage took.
	Profile Profile
}

// Analyze is Extract that also returns the sentences' analysis and the
// time of each stage, from the one pass.
func (x *Extractor) Analyze(ctx context.Context, a Article) (Analysis, error) {
	d, prof, err := x.run(ctx, a, true)
	if err != nil {
		return Analysis{}, err
	}
	return Analysis{Result: d.resultWithStatements(), Sentences: x.sentencesOf(d), Profile: prof}, nil
}

// run runs every stage over the article, timing them when profile is set.
func (x *Extractor) run(ctx context.Context, a Article, profile bool) (*document, Profile, error) {
	d := &document{art: a, norm: normalize(a.Text)}
	if a.Published != "" {
		t, err := schema.ParseDay(a.Published)
		if err != nil {
			return nil, nil, err
		}
		d.published, d.hasPublished = t, true
	}
	var prof Profile
	for _, st := range stages {
		start := time.Now()
		if err := st.run(ctx, x, d); err != nil {
			return nil, nil, err
		}
		if profile {
			prof = append(prof, StageTime{st.name, time.Since(start)})
		}
	}
	return d, prof, nil
}

func (d *document) resultWithStatements() schema.Result {
	res := d.result(d.events)
	res.Statements = d.statements
	return res
}
