package extract

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/schema"
)

// Article is one article to extract from.
type Article struct {
	// ID identifies the article across runs (a path, a URL, a feed ID);
	// when empty the text's hash is used.
	ID    string
	Title string // optional: the first line of Text is used otherwise
	URL   string
	// Published is YYYY-MM-DD; relative dates ("on Thursday", "last week")
	// are resolved against it and left unresolved without it.
	Published string
	Source    string // where the text came from, for messages
	Text      string
}

// Extractor extracts actors and events from articles. It is safe for
// concurrent use; create one with New and reuse it.
type Extractor struct {
	tag      *tagger
	lex      *lexicon
	triggers triggerIndex
	dict     *schema.ActorDictionary // user dictionaries, optional
	// syntaxModel, when set, is a model file to use instead of the
	// embedded one.
	syntaxModel string
	frameFiles  []string // WithFrames
	verbFiles   []string // WithVerbs
}

// WithFrames adds the event frames of a lexicon file in the format of the
// built-in one (extract/lexicon/events.frames) to the built-in frames.
func WithFrames(file string) Option {
	return func(x *Extractor) { x.frameFiles = append(x.frameFiles, file) }
}

func readFrameFile(file string) ([]rule, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("event frames: %w", err)
	}
	defer f.Close()
	return parseFrames(f, file)
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithSyntaxModel makes the extractor tag and parse with the model in
// file (one written by syntax.Model.WriteTo) instead of the embedded one.
func WithSyntaxModel(file string) Option {
	return func(x *Extractor) { x.syntaxModel = file }
}

// New loads the models and builds the lexicons. It takes about half a
// second; do it once.
func New(opts ...Option) (*Extractor, error) {
	x := &Extractor{lex: newLexicon()}
	for _, o := range opts {
		o(x)
	}
	rules, err := parseFrames(strings.NewReader(builtinFrames), "lexicon/events.frames")
	if err != nil {
		return nil, fmt.Errorf("the built-in event lexicon: %w", err)
	}
	for _, file := range x.frameFiles {
		more, err := readFrameFile(file)
		if err != nil {
			return nil, err
		}
		rules = append(rules, more...)
	}
	for _, file := range x.verbFiles {
		more, _, err := readVerbFile(file)
		if err != nil {
			return nil, err
		}
		rules = append(rules, more...)
	}
	x.triggers = newTriggerIndex(rules)
	syn, err := loadSyntax(x.syntaxModel)
	if err != nil {
		return nil, err
	}
	if x.tag, err = newTagger(syn); err != nil {
		return nil, err
	}
	return x, nil
}

// loadSyntax loads the syntax model from file, or the embedded one.
func loadSyntax(file string) (*syntax.Model, error) {
	if file == "" {
		m, err := syntax.Default()
		if err != nil {
			return nil, fmt.Errorf("load the embedded syntax model: %w", err)
		}
		return m, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("load the syntax model: %w", err)
	}
	defer f.Close()
	m, err := syntax.Load(f)
	if err != nil {
		return nil, fmt.Errorf("load the syntax model %s: %w", file, err)
	}
	return m, nil
}

// document is the working state of one extraction.
type document struct {
	art             Article
	norm            normText
	layout          layout
	published       time.Time
	hasPublished    bool
	sents           []sentence
	mentions        [][]*mention // per sentence, in token order
	dateline        *entry
	datelineCountry string
	actors          *actorSet
	events          []schema.Event
	statements      []schema.Event
}

// Extract runs the pipeline over one article.
func (x *Extractor) Extract(ctx context.Context, a Article) (schema.Result, error) {
	d, _, err := x.run(ctx, a, false)
	if err != nil {
		return schema.Result{}, err
	}
	return d.resultWithStatements(), nil
}

// splitWord reports whether a hyphenated token is a compound of names to
// split: "U.S.-Russian", "Saudi-led", "then-President"; not "Jean-Yves" or
// "Guinea-Bissau".
func (x *Extractor) splitWord(w string) bool {
	if len(x.lex.lookup(foldKey(w))) > 0 {
		return false
	}
	parts := strings.Split(w, "-")
	for n, p := range parts {
		if p == "" {
			continue
		}
		if len(x.lex.lookup(foldKey(p))) > 0 && isCapitalized(p) {
			return true
		}
		if n == 0 && (p == "then" || p == "ex" || p == "former") && len(parts) > 1 && isCapitalized(parts[1]) {
			return true
		}
	}
	return false
}

// resolveDateline finds the dateline's place: "HANOI, Vietnam" is the
// Hanoi in Vietnam.
func (d *document) resolveDateline(lx *lexicon) {
	if d.layout.dateline == "" {
		return
	}
	city, country, _ := strings.Cut(d.layout.dateline, ",")
	var want string
	if country != "" {
		for _, e := range lx.lookup(foldKey(country)) {
			if e.ref == refCountry {
				want = e.country
				break
			}
		}
	}
	for _, e := range lx.lookup(foldKey(city)) {
		if e.ref == refPlace && (want == "" || e.country == want) {
			e := e
			d.dateline, d.datelineCountry = &e, e.country
			return
		}
		if e.ref == refCountry && want == "" {
			d.datelineCountry = e.country
		}
	}
	if want != "" {
		d.datelineCountry = want
		// A small place the gazetteer lacks, named with its country:
		// "NUSA DUA, Indonesia".
		name := capitalizeWords(city)
		d.dateline = &entry{ref: refPlace, id: placeID(want, name), name: name, kind: schema.KindPlace, country: want}
	}
}

// capitalizeWords turns "NUSA DUA" into "Nusa Dua".
func capitalizeWords(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// result assembles the schema.Result.
func (d *document) result(events []schema.Event) schema.Result {
	id, sha := schema.ArticleID(d.art.ID, d.art.Text)
	doc := schema.Document{
		ID:        id,
		Title:     d.art.Title,
		URL:       d.art.URL,
		Published: d.art.Published,
		Dateline:  d.layout.dateline,
		Source:    d.art.Source,
		SHA256:    sha,
		Sentences: len(d.sents),
	}
	if doc.Title == "" {
		doc.Title = d.layout.headline
	}
	if d.dateline != nil {
		doc.DatelinePlace = d.dateline.id
	}
	doc.Authors, doc.Agency = d.layout.authors, d.layout.agency
	if events == nil {
		events = []schema.Event{}
	}
	return schema.Result{Document: doc, Actors: d.actors.list(), Events: events}
}

func itoa(n int) string { return strconv.Itoa(n) }
