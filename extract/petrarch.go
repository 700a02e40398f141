package extract

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// This file reads PETRARCH/TABARI verb dictionaries (the format of
// PETRARCH's CAMEO.2.0.txt) onto our trigger matcher. The format:
//
//	&NAME                     a synonym set; + lines are its members
//	+MEMBER_WORDS             (multiword with _ or spaces; a final _ or a
//	                          label ending in _ means no plural)
//	--- NAME [CODE] ---       a verb block; CODE is the default code of
//	                          its verbs ([---]: the bare verb is no event)
//	WORD {FORMS} [CODE]       a verb of the block, its irregular forms,
//	+WORD_PRT {+FORMS} [CODE] a multiword verb ("+CALL_OFF [160]")
//	- words * words [CODE]    a pattern of every verb of the block: * is
//	                          the verb, (PREP ...) a prepositional phrase,
//	                          {A B} a multiword noun, &SET a synonym set,
//	                          $ + the source and target, ^ % other markers
//	~ ...                     a transformation (not supported: skipped)
//
// # and ; start comments. [xxx:yyy] codes take the first (the second when
// the first is empty); a trailing ! is dropped.
//
// Our matcher is simpler than PETRARCH's parse-tree matcher, so a pattern
// maps onto one rule: the first content word after the verb becomes the
// required object (a synonym set gives all its members, {A B} gives A,
// (PREP X) gives PREP), a leading particle ("SET OFF", "PUT DOWN") the
// particle. Patterns with words before the verb, null codes, statement
// codes (01x: the statements stage codes those) and codes outside the CAMEO
// table are skipped and counted, never errors: PETRARCH's own dictionary
// has all of them. Lines the reader cannot make sense of are errors.

// verbsReport counts what a verb dictionary produced and what it skipped.
type verbsReport struct {
	Rules    int
	Verbs    int // verb lines read
	Patterns int // pattern lines read
	// Skipped counts the verb and pattern lines that made no rule, by
	// reason.
	Skipped map[string]int
	// Duplicates counts rules dropped because an earlier line made the
	// same one (the dictionary repeats patterns across blocks and lines).
	Duplicates int
}

func (r *verbsReport) skip(reason string) { r.Skipped[reason]++ }

// String is a one-line summary, reasons in a fixed order.
func (r verbsReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rules from %d verbs and %d patterns (%d duplicate rules dropped)", r.Rules, r.Verbs, r.Patterns, r.Duplicates)
	reasons := make([]string, 0, len(r.Skipped))
	for k := range r.Skipped {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		fmt.Fprintf(&b, "; skipped %d %s", r.Skipped[k], k)
	}
	return b.String()
}

// Reasons for skipping, shared by the reader and its tests.
const (
	skipNull        = "null codes [---]"
	skipStatement   = "statement codes 01x"
	skipUnknownCode = "codes not in the CAMEO table"
	skipBefore      = "patterns with words before the verb"
	skipNothing     = "patterns with nothing to match after the verb"
	skipUndefined   = "patterns with an undefined synonym set"
	skipMalformed   = "malformed patterns"
	skipTransform   = "transformations (~ lines)"
)

// WithVerbs adds the verb patterns of a PETRARCH/TABARI verb dictionary
// (the format of PETRARCH's CAMEO.2.0.txt) to the event lexicon, after the
// built-in frames: for the same word a built-in frame is tried first
// unless the dictionary's rule is more specific (a required object or
// particle against a bare verb).
func WithVerbs(file string) Option {
	return func(x *Extractor) { x.verbFiles = append(x.verbFiles, file) }
}

func readVerbFile(file string) ([]rule, verbsReport, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, verbsReport{}, fmt.Errorf("verb dictionary: %w", err)
	}
	defer f.Close()
	return parsePetrarchVerbs(f, file)
}

// pVerb is one verb line of a block.
type pVerb struct {
	words []string // lower case: "call", "off"
	forms []string // irregular forms of the first word
	code  string   // own code, or "" for the block's
}

// pToken is one element of a pattern.
type pToken struct {
	kind  byte     // 'w' word, '&' synonym set, '*' the verb, '$' '+' '^' '%' markers, '(' phrase, '{' noun
	text  string   // word (lower case) or set name
	inner []pToken // of a phrase or noun
	plain bool     // word ended with _: no plural
}

type pPattern struct {
	line          int
	before, after []pToken
	code          string // raw code text inside [...]
}

type pBlock struct {
	name     string
	code     string
	verbs    []pVerb
	patterns []pPattern
}

type petrarchReader struct {
	name   string
	sets   map[string][]pSetMember
	plainS map[string]bool // set label ends with _
	blocks []*pBlock
	report verbsReport
}

type pSetMember struct {
	word  string // the member's first word, lower case
	plain bool
}

// parsePetrarchVerbs reads a verb dictionary; errors read "name:line: problem".
func parsePetrarchVerbs(r io.Reader, name string) ([]rule, verbsReport, error) {
	p := &petrarchReader{name: name, sets: map[string][]pSetMember{}, plainS: map[string]bool{},
		report: verbsReport{Skipped: map[string]int{}}}
	if err := p.read(r); err != nil {
		return nil, verbsReport{}, err
	}
	rules := p.rules()
	p.report.Rules = len(rules)
	return rules, p.report, nil
}

func (p *petrarchReader) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	var set string // the synonym set + lines belong to, while in one
	var block *pBlock
	for sc.Scan() {
		line++
		text := stripComment(sc.Text())
		if text == "" {
			continue
		}
		fail := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", p.name, line, fmt.Sprintf(format, a...))
		}
		switch {
		case strings.HasPrefix(text, "---"):
			set = ""
			b, err := parseBlockHeader(text)
			if err != nil {
				return fail("%v", err)
			}
			block = b
			p.blocks = append(p.blocks, b)
		case text[0] == '&':
			label := strings.ToUpper(strings.TrimSpace(text[1:]))
			if label == "" || strings.ContainsAny(label, " \t&$+%^*()[]{}") {
				return fail("synonym set label %q: want &NAME alone on its line", text)
			}
			if _, dup := p.sets[label]; dup {
				return fail("synonym set &%s is defined twice", label)
			}
			set = label
			p.sets[set] = nil
			p.plainS[set] = strings.HasSuffix(label, "_")
		case text[0] == '+' && set != "":
			m := strings.TrimSpace(text[1:])
			if m == "" || strings.ContainsAny(m, "&$+%^*()[]{}") {
				return fail("synonym set member %q: want words only", text)
			}
			words := splitWords(m)
			if len(words) == 0 {
				return fail("synonym set member %q: want words only", text)
			}
			p.sets[set] = append(p.sets[set], pSetMember{word: words[0], plain: strings.HasSuffix(m, "_") || p.plainS[set]})
		case text[0] == '~':
			p.report.skip(skipTransform)
		case text[0] == '-':
			set = ""
			if block == nil {
				return fail("pattern before the first --- NAME [CODE] --- block")
			}
			pat, err := parsePattern(text[1:])
			if err != nil {
				return fail("%v", err)
			}
			pat.line = line
			p.report.Patterns++
			block.patterns = append(block.patterns, pat)
		case text[0] == '+' || isWordByte(text[0]):
			set = ""
			if block == nil {
				return fail("verb %q before the first --- NAME [CODE] --- block", strings.Fields(text)[0])
			}
			v, err := parseVerbLine(text)
			if err != nil {
				return fail("%v", err)
			}
			p.report.Verbs++
			block.verbs = append(block.verbs, v)
		default:
			return fail("unexpected %q: want a synonym set, a --- block ---, a verb or a - pattern", text[:1])
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", p.name, line, err)
	}
	return nil
}

// stripComment drops # and ; comments and <!-- --> on one line.
func stripComment(s string) string {
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + " " + s[i+j+3:]
	}
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func isWordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '.' || c == '-' || c == '_' || c >= 0x80
}

// splitWords splits "SHUT_DOWN" or "AUSTRIAN FLORIN" into lower-case words.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// parseBlockHeader reads "---  NAME   [CODE]  ---".
func parseBlockHeader(text string) (*pBlock, error) {
	body := strings.TrimPrefix(text, "---")
	if !strings.HasSuffix(body, "---") || len(strings.TrimSpace(body)) < 3 {
		return nil, fmt.Errorf("block header %q: want --- NAME [CODE] ---", text)
	}
	body = strings.TrimSpace(strings.TrimSuffix(body, "---"))
	b := &pBlock{}
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body, ']')
		if j < i || strings.Trim(body[j+1:], " \t-") != "" { // "[110]---  ---" is in CAMEO.2.0.txt
			return nil, fmt.Errorf("block header %q: want --- NAME [CODE] ---", text)
		}
		b.code = strings.TrimSpace(body[i+1 : j])
		if err := checkCodeSyntax(b.code); err != nil {
			return nil, err
		}
		body = body[:i]
	}
	name := strings.Join(strings.Fields(strings.ToLower(body)), "_")
	if name == "" || strings.ContainsAny(name, "[]{}()*&$+%^") {
		return nil, fmt.Errorf("block header %q: want --- NAME [CODE] ---", text)
	}
	b.name = name
	return b, nil
}

// parseVerbLine reads "WORD {FORMS} [CODE]" or "+WORD_PRT {+FORMS} [CODE]".
func parseVerbLine(text string) (pVerb, error) {
	var v pVerb
	rest := strings.TrimPrefix(text, "+")
	end := strings.IndexAny(rest, " \t{[")
	if end < 0 {
		end = len(rest)
	}
	word := rest[:end]
	for i := 0; i < len(word); i++ {
		if !isWordByte(word[i]) {
			return v, fmt.Errorf("verb %q: want letters, _ - ' and .", word)
		}
	}
	v.words = splitWords(word)
	if len(v.words) == 0 {
		return v, fmt.Errorf("verb line %q has no verb", text)
	}
	rest = strings.TrimSpace(rest[end:])
	if strings.HasPrefix(rest, "{") {
		j := strings.IndexByte(rest, '}')
		if j < 0 {
			return v, fmt.Errorf("verb %s: { without }", word)
		}
		for _, f := range strings.FieldsFunc(rest[1:j], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
			if fw := splitWords(strings.TrimPrefix(f, "+")); len(fw) > 0 {
				v.forms = append(v.forms, fw[0])
			}
		}
		rest = strings.TrimSpace(rest[j+1:])
	}
	if strings.HasPrefix(rest, "[") {
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return v, fmt.Errorf("verb %s: [ without ]", word)
		}
		v.code = strings.TrimSpace(rest[1:j])
		if err := checkCodeSyntax(v.code); err != nil {
			return v, err
		}
		rest = strings.TrimSpace(rest[j+1:])
	}
	if rest != "" {
		return v, fmt.Errorf("verb %s: unexpected %q after it: want WORD {FORMS} [CODE]", word, rest)
	}
	return v, nil
}

// parsePattern reads the part of a pattern line after its "-".
func parsePattern(text string) (pPattern, error) {
	var pat pPattern
	text = strings.TrimSpace(text)
	i := strings.LastIndexByte(text, '[')
	if i < 0 || !strings.HasSuffix(text, "]") {
		return pat, fmt.Errorf("pattern %q has no [CODE] at its end", text)
	}
	pat.code = strings.TrimSpace(text[i+1 : len(text)-1])
	if err := checkCodeSyntax(pat.code); err != nil {
		return pat, err
	}
	toks, ok := lexPattern(text[:i])
	if !ok {
		// PETRARCH's own dictionary has stray brackets; such a pattern is
		// skipped (see the report), the rest of the file still loads.
		pat.before, pat.after = nil, []pToken{{kind: '!'}}
		return pat, nil
	}
	star := -1
	for n, t := range toks {
		if t.kind == '*' {
			if star >= 0 {
				return pat, fmt.Errorf("pattern %q has more than one * (the verb)", strings.TrimSpace(text[:i]))
			}
			star = n
		}
	}
	if star < 0 {
		return pat, fmt.Errorf("pattern %q has no * for the verb", strings.TrimSpace(text[:i]))
	}
	pat.before, pat.after = toks[:star], toks[star+1:]
	return pat, nil
}

// lexPattern splits pattern text into tokens; ok is false when its
// brackets do not balance or it holds a character patterns do not use.
func lexPattern(s string) ([]pToken, bool) {
	var stack [][]pToken
	var cur []pToken
	var opener []byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '*':
			for i < len(s) && s[i] == '*' { // TABARI's ** is the verb too
				i++
			}
			if len(stack) > 0 {
				return nil, false
			}
			cur = append(cur, pToken{kind: '*'})
		case c == '$' || c == '+' || c == '^' || c == '%':
			cur = append(cur, pToken{kind: c})
			i++
		case c == '(' || c == '{':
			stack = append(stack, cur)
			opener = append(opener, c)
			cur = nil
			i++
		case c == ')' || c == '}':
			if len(stack) == 0 || opener[len(opener)-1] != map[byte]byte{')': '(', '}': '{'}[c] {
				return nil, false
			}
			inner := cur
			cur = stack[len(stack)-1]
			stack, opener = stack[:len(stack)-1], opener[:len(opener)-1]
			cur = append(cur, pToken{kind: map[byte]byte{')': '(', '}': '{'}[c], inner: inner})
			i++
		case c == '&' || isWordByte(c):
			j := i + 1
			for j < len(s) && (isWordByte(s[j]) || s[j] == '/' && c != '&') { // TABARI's A/B: either word
				j++
			}
			w := s[i:j]
			i = j
			if c == '&' {
				if len(w) == 1 {
					return nil, false
				}
				cur = append(cur, pToken{kind: '&', text: strings.ToUpper(w[1:])})
				continue
			}
			var alts []string
			for _, a := range strings.Split(w, "/") {
				if words := splitWords(a); len(words) > 0 {
					alts = append(alts, words[0])
				}
			}
			if len(alts) == 0 {
				continue
			}
			cur = append(cur, pToken{kind: 'w', text: strings.Join(alts, "/"), plain: strings.HasSuffix(w, "_")})
		default:
			return nil, false
		}
	}
	if len(stack) > 0 {
		return nil, false
	}
	return cur, true
}

// checkCodeSyntax accepts ---, digits, a:b pairs of them and a trailing !.
func checkCodeSyntax(code string) error {
	if code == "---" {
		return nil
	}
	for _, part := range strings.Split(strings.TrimSuffix(code, "!"), ":") {
		if part == "---" {
			continue
		}
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return fmt.Errorf("code [%s]: want digits, [---] or [xxx:yyy]", code)
			}
		}
	}
	return nil
}

// resolveCode turns a code's text into a CAMEO code, or the reason to skip.
func resolveCode(code string) (string, string) {
	for _, part := range strings.Split(strings.TrimSuffix(code, "!"), ":") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		switch {
		case part == "---":
			return "", skipNull
		case strings.HasPrefix(part, "01"):
			return "", skipStatement
		}
		if _, ok := schema.LookupCAMEO(part); !ok || len(part) < 3 {
			return "", skipUnknownCode
		}
		return part, ""
	}
	return "", skipNull
}

// particles are words right after a verb that belong to it ("set off").
var particles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "back": true,
	"forward": true, "away": true, "aside": true, "together": true, "over": true}

var articles = map[string]bool{"a": true, "an": true, "the": true}

// rules turns the blocks into matcher rules.
func (p *petrarchReader) rules() []rule {
	var out []rule
	seen := map[string]bool{}
	// counter numbers a block's rules per verb; two blocks may share a
	// name, so it counts across blocks.
	counter := map[string]int{}
	for _, b := range p.blocks {
		add := func(r rule, v pVerb) {
			key := strings.Join([]string{r.lemma, r.prt, strings.Join(r.object, ","), strings.Join(r.preps, ","), r.code}, "|")
			if seen[key] {
				p.report.Duplicates++
				return
			}
			seen[key] = true
			name := strings.Join(v.words, "_")
			ck := b.name + "\x00" + name
			counter[ck]++
			r.id = fmt.Sprintf("petrarch.%s.%s.%d", b.name, name, counter[ck])
			r.forms = v.forms
			setFrame(&r)
			out = append(out, r)
		}
		for _, v := range b.verbs {
			code := v.code
			if code == "" {
				code = b.code
			}
			if code == "" {
				code = "---"
			}
			if c, why := resolveCode(code); why != "" {
				p.report.skip(why)
			} else {
				add(verbRule(v, c), v)
			}
		}
		for _, pat := range b.patterns {
			c, why := resolveCode(pat.code)
			if why == "" {
				why = p.checkPattern(pat)
			}
			if why != "" {
				p.report.skip(why)
				continue
			}
			made := false
			for _, v := range b.verbs {
				r := verbRule(v, c)
				if p.applyPattern(&r, pat.after) {
					add(r, v)
					made = true
				}
			}
			if !made {
				p.report.skip(skipNothing)
			}
		}
	}
	return out
}

// verbRule is the bare verb: "call off" is call with the particle off;
// a third word ("get hold of") is a required object.
func verbRule(v pVerb, code string) rule {
	r := rule{lemma: v.words[0], code: code}
	if len(v.words) > 1 {
		r.prt = v.words[1]
	}
	if len(v.words) > 2 {
		r.object = []string{v.words[2]}
		r.window = 1
	}
	return r
}

// checkPattern says why a pattern cannot be expressed, or "".
func (p *petrarchReader) checkPattern(pat pPattern) string {
	if len(pat.after) == 1 && pat.after[0].kind == '!' {
		return skipMalformed
	}
	for _, t := range pat.before {
		if t.kind != '$' && t.kind != '%' { // the source before the verb is the subject, as always
			return skipBefore
		}
	}
	var undefined func([]pToken) bool
	undefined = func(ts []pToken) bool {
		for _, t := range ts {
			if t.kind == '&' {
				if _, ok := p.sets[t.text]; !ok {
					return true
				}
			}
			if undefined(t.inner) {
				return true
			}
		}
		return false
	}
	if undefined(pat.after) {
		return skipUndefined
	}
	return ""
}

// applyPattern sets the rule's particle, object and target prepositions
// from the tokens after the verb; false when nothing is left to match.
func (p *petrarchReader) applyPattern(r *rule, after []pToken) bool {
	r.object, r.window = nil, 0 // the pattern's object replaces a multiword verb's
	for _, t := range after {
		switch t.kind {
		case 'w':
			if articles[t.text] {
				continue
			}
			if particles[t.text] && r.prt == "" && len(r.object) == 0 {
				r.prt = t.text
				continue
			}
			r.object = altForms(t)
		case '&':
			r.object = p.setWords(t.text)
		case '{':
			for _, in := range t.inner {
				if in.kind == 'w' && !articles[in.text] {
					r.object = altForms(in)
					break
				}
				if in.kind == '&' {
					r.object = p.setWords(in.text)
					break
				}
			}
		case '(':
			if len(t.inner) == 0 || t.inner[0].kind != 'w' {
				continue
			}
			if t.inner[0].text == r.prt && len(t.inner) > 1 { // "ASK_FOR" with "(FOR HELP)"
				if p.applyPattern(r, t.inner[1:]) && len(r.object) > 0 {
					return true
				}
				continue
			}
			r.object = strings.Split(t.inner[0].text, "/")
			if len(t.inner) == 1 || len(t.inner) == 2 && t.inner[1].kind == '+' {
				r.preps = r.object // "(AGAINST)", "(WITH +)": the phrase names the target
			}
		default: // $ + ^ % markers
			continue
		}
		if len(r.object) > 0 {
			return true
		}
	}
	return r.prt != ""
}

// setWords lists a synonym set's members as object words.
func (p *petrarchReader) setWords(name string) []string {
	var out []string
	have := map[string]bool{}
	for _, m := range p.sets[name] {
		for _, f := range wordForms(m.word, m.plain) {
			if !have[f] {
				have[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// altForms are a pattern word's forms, of each alternative of A/B.
func altForms(t pToken) []string {
	var out []string
	for _, a := range strings.Split(t.text, "/") {
		out = append(out, wordForms(a, t.plain)...)
	}
	return out
}

func wordForms(w string, plain bool) []string {
	if plain {
		return []string{w}
	}
	return nounForms(w)
}

// setFrame gives meetings and visits our frames, so "met with X" and
// "visited Y" find their target as the built-in frames do.
func setFrame(r *rule) {
	switch {
	case r.code == "042" || strings.HasPrefix(r.code, "042"):
		r.frame = frameVisit
		r.preps = appendNew(r.preps, "to")
	case strings.HasPrefix(r.code, "04") && !strings.HasPrefix(r.code, "043"):
		r.frame = frameMeet
		r.preps = appendNew(r.preps, "with")
	}
}

func appendNew(list []string, w string) []string {
	if containsWord(list, w) {
		return list
	}
	return append(list, w)
}
