package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// builtinFrames is the event lexicon shipped with diplograph: a text file
// a user can read, and extend with their own (WithFrames).
//
//go:embed lexicon/events.frames
var builtinFrames string

// frameNames are the frame= values.
var frameNames = map[string]frame{"act": frameAct, "meet": frameMeet, "visit": frameVisit, "take": frameTake}

// parseFrames reads a frame lexicon (the format of lexicon/events.frames).
// name is used in errors, which read "name:line: problem".
func parseFrames(r io.Reader, name string) ([]rule, error) {
	var out []rule
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		r, err := parseFrame(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if prev, ok := seen[r.id]; ok {
			return nil, fmt.Errorf("%s:%d: rule ID %s is already used on line %d", name, line, r.id, prev)
		}
		seen[r.id] = line
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return out, nil
}

func parseFrame(text string) (rule, error) {
	f := strings.Fields(text)
	if len(f) < 4 {
		return rule{}, fmt.Errorf("want ID CODE KIND LEMMA [OPTION ...], got %d fields", len(f))
	}
	r := rule{id: f[0], code: f[1], lemma: f[3]}
	if _, ok := schema.LookupCAMEO(r.code); !ok || len(r.code) < 3 {
		return r, fmt.Errorf("%q is not a CAMEO event code", r.code)
	}
	switch f[2] {
	case "verb":
	case "noun":
		r.noun = true
	default:
		return r, fmt.Errorf("kind %q: want verb or noun", f[2])
	}
	if r.lemma != strings.ToLower(r.lemma) {
		return r, fmt.Errorf("lemma %q must be lower case", r.lemma)
	}
	for _, o := range f[4:] {
		if err := r.setOption(o); err != nil {
			return r, err
		}
	}
	return r, nil
}

// setOption applies one option of a frame line.
func (r *rule) setOption(o string) error {
	k, v, hasValue := strings.Cut(o, "=")
	flags := map[string]*bool{"announced": &r.announced, "need-place": &r.needPlace, "counterpart": &r.counterpart,
		"phone": &r.phone, "actor-object": &r.actorObject, "passive-only": &r.passiveOnly, "need-in": &r.needIn}
	if p, ok := flags[k]; ok {
		if hasValue {
			return fmt.Errorf("option %s takes no value", k)
		}
		*p = true
		return nil
	}
	if !hasValue || v == "" {
		return fmt.Errorf("unknown option %q", o)
	}
	list := strings.Split(v, ",")
	switch k {
	case "frame":
		fr, ok := frameNames[v]
		if !ok {
			return fmt.Errorf("frame=%s: want meet, visit, take or act", v)
		}
		r.frame = fr
	case "prt":
		r.prt = v
	case "object":
		r.object = list
	case "preps":
		r.preps = list
	case "after":
		r.after = list
	case "window":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 20 {
			return fmt.Errorf("window=%s: want a number of words from 1 to 20", v)
		}
		r.window = n
	case "no-target":
		if _, ok := schema.LookupCAMEO(v); !ok {
			return fmt.Errorf("no-target=%s is not a CAMEO code", v)
		}
		r.noTarget = v
	default:
		return fmt.Errorf("unknown option %q", k)
	}
	return nil
}
