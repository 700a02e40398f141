package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// pipeline runs an ingest in three stages: one goroutine reads the inputs
// in order, --workers goroutines ask the store whether it already holds
// each article and extract those it does not, and the calling goroutine
// writes the results through one graph.Writer in input order, so the
// store ends the same whatever the number of workers.
//
// Memory stays flat however many articles stream in: the reader takes a
// token from window for each article before it reads the next, and the
// writer returns it once the article is written, so at most cap(window)
// articles (their text and extraction) are held at once.
type pipeline struct {
	opts   *ingestOptions
	files  []string
	sum    *ingestSummary
	report func(error)
	start  time.Time

	progress *progress

	mu     sync.Mutex // guards the fields below against close
	closed bool
	x      *extract.Extractor
	store  *graph.Store
	w      *graph.Writer

	// pending are the articles written into the writer's open batch: they
	// count once it commits.
	pending []articleSummary
}

// job is an input item for the workers; seq is its place in the input.
type job struct {
	seq   int
	item  inputItem
	fatal error
}

// outcome is what a worker made of a job.
type outcome struct {
	seq    int
	src    articleFile
	err    error // the input is bad or its extraction failed: reported
	fatal  error // the ingest stops
	stored bool  // the store holds the text already: not extracted
	res    schema.Result
}

// articleSummary is what one written article adds to the summary.
type articleSummary struct {
	rep graph.WriteReport
	res schema.Result
}

func (p *pipeline) workers() int { return max(p.opts.Workers, 1) }

// run ingests every input and returns the error that stopped it, if any.
func (p *pipeline) run(ctx context.Context) error {
	p.progress = newProgress(p.opts.IO, p.opts.progressEvery)
	go func() { p.progress.setTotal(countArticles(p.files)) }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n := p.workers()
	window := make(chan struct{}, 4*n+p.opts.Batch)
	jobs := make(chan job, n)
	results := make(chan outcome, n)
	go p.read(ctx, jobs, window)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(ctx, jobs, results)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	err := p.write(ctx, results, window)
	cancel()
	for range results { // let the workers end
	}
	return err
}

// read sends every input item to the workers, in order, opening the
// extractor and the store for the first good one (so that inputs without
// one leave no store behind).
func (p *pipeline) read(ctx context.Context, jobs chan<- job, window chan<- struct{}) {
	defer close(jobs)
	seq := 0
	send := func(j job) error {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, path := range p.files {
		err := eachArticle(path, p.opts.IO.In, p.opts.read, func(it inputItem) error {
			if it.err == nil {
				if err := p.prepare(ctx); err != nil {
					return err
				}
			}
			return send(job{item: it})
		})
		var fe fatalError
		switch {
		case errors.As(err, &fe):
			send(job{fatal: fe})
			return
		case ctx.Err() != nil:
			return
		case err != nil: // the file cannot be read: reported in its place
			if send(job{item: inputItem{err: err}}) != nil {
				return
			}
		}
	}
}

// prepare opens the extractor, the store and its writer once.
func (p *pipeline) prepare(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.closed:
		return fatalError{errors.New("ingest stopped")}
	case p.store != nil:
		return nil
	}
	xopts, err := extractorOptions(p.opts.Actors, p.opts.Verbs)
	if err != nil {
		return fatalError{err}
	}
	x, err := extract.New(xopts...)
	if err != nil {
		return fatalError{err}
	}
	store, err := graph.Open(ctx, p.opts.DB, graph.Options{})
	if err != nil {
		return fatalError{err}
	}
	p.x, p.store = x, store
	p.w = store.NewWriter()
	p.w.MaxBatch = p.opts.Batch
	return nil
}

// writer is the store's writer, nil until the first good article.
func (p *pipeline) writer() *graph.Writer {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.w
}

// close abandons what was not flushed and closes the store.
func (p *pipeline) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.w != nil {
		p.w.Close()
	}
	if p.store != nil {
		p.store.Close()
	}
}

func (p *pipeline) work(ctx context.Context, jobs <-chan job, results chan<- outcome) {
	for j := range jobs {
		o := p.process(ctx, j)
		select {
		case results <- o:
		case <-ctx.Done():
			return
		}
	}
}

// process extracts one article unless the store already holds it.
func (p *pipeline) process(ctx context.Context, j job) outcome {
	o := outcome{seq: j.seq, src: j.item.src}
	switch {
	case j.fatal != nil:
		o.fatal = j.fatal
		return o
	case j.item.err != nil:
		o.err = j.item.err
		return o
	}
	art := j.item.article
	if art.Published == "" {
		art.Published = p.opts.Published
	}
	var sha string
	art.ID, sha = schema.ArticleID(art.ID, art.Text)
	have, err := p.store.HasArticle(ctx, schema.Document{ID: art.ID, SHA256: sha})
	if err != nil {
		o.fatal = fatalError{err}
		return o
	}
	if have {
		o.stored = true
		return o
	}
	if o.res, err = p.x.Extract(ctx, art); err != nil {
		o.err = fmt.Errorf("%s: %w", o.src, err)
	}
	return o
}

// idleEvery is how often the writer, waiting for results, lets a batch
// commit and the progress line be written.
const idleEvery = 200 * time.Millisecond

// write writes the outcomes in input order and returns what stopped the
// ingest, if anything. What was written before a stop is committed.
func (p *pipeline) write(ctx context.Context, results <-chan outcome, window <-chan struct{}) error {
	waiting := make(map[int]outcome)
	next := 0
	tick := time.NewTicker(idleEvery)
	defer tick.Stop()
	for {
		select {
		case o, ok := <-results:
			if !ok {
				return p.flush()
			}
			waiting[o.seq] = o
			for {
				o, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				<-window
				if err := p.handle(ctx, o); err != nil {
					p.flushAfter()
					return err
				}
			}
			if len(results) == 0 {
				if err := p.idle(); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := p.idle(); err != nil {
				return err
			}
		case <-ctx.Done():
			if err := p.flush(); err != nil {
				return err
			}
			return ctx.Err()
		}
	}
}

// handle writes (or reports) one outcome.
func (p *pipeline) handle(ctx context.Context, o outcome) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer p.progress.tick()
	switch {
	case o.fatal != nil:
		return o.fatal
	case o.err != nil:
		p.progress.clear()
		p.report(o.err)
		p.progress.add(1, 0, 0)
		return nil
	case o.stored:
		p.sum.Unchanged++
		p.progress.add(1, 0, 0)
		return nil
	}
	rep, err := p.w.Write(ctx, o.res)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return ctx.Err()
		}
		p.pending = nil // the batch was abandoned
		return fatalError{fmt.Errorf("%s: %w", o.src, err)}
	}
	switch rep.Status {
	case graph.StatusNew, graph.StatusReplaced:
		p.pending = append(p.pending, articleSummary{rep, o.res})
	default:
		p.sum.Unchanged++
	}
	if p.w.Pending() == 0 { // the writer committed its batch
		p.committed()
	}
	p.progress.add(1, o.res.Document.Sentences, rep.Added+rep.Removed)
	return nil
}

// idle lets the writer commit while no result is ready.
func (p *pipeline) idle() error {
	p.progress.tick()
	w := p.writer()
	if w == nil || w.Pending() == 0 {
		return nil
	}
	if err := w.Idle(); err != nil {
		p.pending = nil
		return fatalError{err}
	}
	if w.Pending() == 0 {
		p.committed()
	}
	return nil
}

// flush commits the open batch.
func (p *pipeline) flush() error {
	w := p.writer()
	if w == nil {
		return nil
	}
	if err := w.Flush(); err != nil {
		p.pending = nil
		return fatalError{err}
	}
	p.committed()
	return nil
}

// flushAfter tries to commit what was written before an error stopped the
// ingest; if the store cannot, the summary shows what it holds, and the
// error that stopped the ingest is the one to report.
func (p *pipeline) flushAfter() {
	if len(p.pending) > 0 {
		p.flush()
	}
}

// committed counts the articles of the batch the writer committed.
func (p *pipeline) committed() {
	sum := p.sum
	for _, a := range p.pending {
		res := a.res
		if a.rep.Status == graph.StatusNew {
			sum.New++
		} else {
			sum.Replaced++
		}
		sum.Added += a.rep.Added
		sum.Removed += a.rep.Removed
		sum.Actors += len(res.Actors)
		sum.Events += len(res.Events)
		sum.Sentences += res.Document.Sentences
		if res.Document.Published == "" {
			sum.Undated++
		}
		for _, act := range res.Actors {
			sum.names[act.ID] = act.Name
		}
		for _, e := range res.Events {
			if e.Negated {
				continue
			}
			for _, s := range e.Source {
				for _, t := range e.Target {
					sum.relations[relationKey{s, t, e.Root}]++
				}
			}
		}
	}
	p.pending = p.pending[:0]
}

// countArticles counts the articles of the inputs for the progress
// display, -1 if one is standard input.
func countArticles(files []string) int64 {
	var n int64
	for _, f := range files {
		switch {
		case f == "-":
			return -1
		case isJSONLines(f):
			n += countRecords(f)
		default:
			n++
		}
	}
	return n
}

// countRecords counts the non-blank lines of a JSON Lines file.
func countRecords(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0 // reported when it is read
	}
	defer f.Close()
	var n int64
	blank := true
	buf := make([]byte, 64<<10)
	for {
		k, err := f.Read(buf)
		for _, c := range buf[:k] {
			switch c {
			case '\n':
				if !blank {
					n++
				}
				blank = true
			case ' ', '\t', '\r':
			default:
				blank = false
			}
		}
		if err != nil {
			break
		}
	}
	if !blank {
		n++
	}
	return n
}
