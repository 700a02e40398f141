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

// ExtractProfiled is Extract that also reports the time of each stage.
func (x *Extractor) ExtractProfiled(ctx context.Context, a Article) (schema.Result, Profile, error) {
	return x.extract(ctx, a, true)
}

func (x *Extractor) extract(ctx context.Context, a Article, profile bool) (schema.Result, Profile, error) {
	d := &document{art: a, norm: normalize(a.Text)}
	if a.Published != "" {
		t, err := schema.ParseDay(a.Published)
		if err != nil {
			return schema.Result{}, nil, err
		}
		d.published, d.hasPublished = t, true
	}
	var prof Profile
	for _, st := range stages {
		start := time.Now()
		if err := st.run(ctx, x, d); err != nil {
			return schema.Result{}, nil, err
		}
		if profile {
			prof = append(prof, StageTime{st.name, time.Since(start)})
		}
	}
	res := d.result(d.events)
	res.Statements = d.statements
	return res, prof, nil
}
