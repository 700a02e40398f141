package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how an ingest advances on standard error: on a terminal,
// a progress bar with articles/s and the time left; otherwise one line
// every interval, so that logs stay readable and short runs print none.
type progress struct {
	mu    sync.Mutex
	out   io.Writer
	bar   *progressbar.ProgressBar // on a terminal
	every time.Duration
	start time.Time
	last  time.Time // of the last line

	total                      int64 // articles, -1 until counted or if unknown
	articles, sentences, quads int64
}

func newProgress(streams *ioStreams, every time.Duration) *progress {
	p := &progress{out: streams.ErrOut, every: every, start: time.Now(), total: -1}
	p.last = p.start
	if streams.ErrIsTerminal {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(streams.ErrOut),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// setTotal sets the number of articles to ingest, -1 if unknown.
func (p *progress) setTotal(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
	if p.bar != nil && n >= 0 {
		p.bar.ChangeMax64(n)
	}
}

// add counts articles done, with the sentences extracted and the quads
// written.
func (p *progress) add(articles, sentences, quads int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.articles += int64(articles)
	p.sentences += int64(sentences)
	p.quads += int64(quads)
	if p.bar != nil {
		p.bar.Add(articles)
	}
}

// tick writes a progress line if one is due (off a terminal), or updates
// the bar's rates.
func (p *progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < p.every && p.bar == nil || p.bar != nil && now.Sub(p.last) < time.Second {
		return
	}
	p.last = now
	secs := max(now.Sub(p.start).Seconds(), 1e-3)
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("ingest (%.0f sentences/s, %.0f quads/s)", float64(p.sentences)/secs, float64(p.quads)/secs))
		return
	}
	line := fmt.Sprintf("ingest: %d articles", p.articles)
	if p.total >= 0 {
		line = fmt.Sprintf("ingest: %d of %d articles", p.articles, p.total)
	}
	rate := float64(p.articles) / secs
	line += fmt.Sprintf(", %.1f articles/s, %.0f sentences/s, %.0f quads/s, %s elapsed", rate,
		float64(p.sentences)/secs, float64(p.quads)/secs, now.Sub(p.start).Round(time.Second))
	if p.total > p.articles && rate > 0 {
		left := time.Duration(float64(p.total-p.articles) / rate * float64(time.Second))
		line += fmt.Sprintf(", about %s left", left.Round(time.Second))
	}
	fmt.Fprintln(p.out, line)
}

// clear takes the bar off the terminal before a message is written; the
// next update draws it again.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
}

// finish takes the bar away for the summary.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
