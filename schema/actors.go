package schema

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ActorDictionary is a set of actors read from PETRARCH-format files: the
// CAMEO actor dictionaries of TABARI, PETRARCH and Phoenix
// (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt), and
// their agents dictionary (Phoenix.agents.txt), which maps generic words
// for kinds of actor ("foreign minister", "rebels") to role codes.
//
// An actor entry is a name line, synonym lines that start with "+", and
// code lines in brackets, each a CAMEO code with an optional date
// restriction:
//
//	VLADIMIR_PUTIN_
//	+VLADIMIR_VLADIMIROVICH_PUTIN_
//		[RUSELI 700101-990809]
//		[RUSGOV >080508]
//		[RUSELI]
//
// Codes may also follow the name on its line ("AFGHANISTAN_ [AFG]",
// several of them in the International file). A restriction is a range
// "000101-991231", an open start "<991231" or an open end ">120101", each
// date YYMMDD (years up to 30 are 20YY, later ones 19YY) or YYYYMMDD;
// bounds are inclusive. The code "---" is PETRARCH's null code: the name
// is known and must not be coded. Everything after "#" is a comment, as
// are XML comments; "---STOP---" ends the file.
//
// A file whose codes carry "~" ([~GOV], [IGO~]) or that defines
// substitution sets ("!MINIST! = MINISTER, MINISTRY") is an agents file;
// see Agent.
//
// The zero value is an empty dictionary ready to Read into. Lookups are
// safe for concurrent use once reading is done.
type ActorDictionary struct {
	entries  []dictEntry
	names    nameIndex // folded names and synonyms → entries
	agents   []Agent
	agentIdx nameIndex // folded phrases → agents
	warnings []string
	stats    DictionaryStats
}

// DictActor is an actor of a dictionary with the code it has on a date.
type DictActor struct {
	// Name is the entry's name line, underscores as spaces ("VLADIMIR
	// PUTIN"); Synonyms its "+" lines written the same way (shared with
	// the dictionary: do not modify).
	Name     string
	Synonyms []string
	// Code is the CAMEO code valid on the date looked up ("RUSGOV"), "---"
	// for the null code, or empty when the entry has no code for the date
	// and no undated one.
	Code string
	// Country is the ISO3 code the first three letters of Code stand for
	// (CAMEO's few codes of its own are translated: USR is SUN, ROM is
	// ROU, ZAR is COD, TMP is TLS, KSV is XKX), IGO for IGO codes, and
	// empty for others (NGO, MNC).
	Country string
	// Role is the first CAMEO role code in Code after the country or IGO
	// part: GOV, ELI, MIL, OPP, REB, JUD, ... (empty for "USA", "IGOUNO").
	Role string
	// Source is where the entry is defined: "file:line".
	Source string
}

// NullActorCode is PETRARCH's null code: an entry with it names something
// that is not to be coded as an actor (oceans, "THE_GRAVEYARD_OF_EMPIRES").
const NullActorCode = "---"

// Agent is a generic word for a kind of actor from an agents dictionary:
// "FOREIGN_MINISTER [~GOV]" says a foreign minister is the government of
// whatever country the sentence names, so a Russian foreign minister is
// RUS + GOV = RUSGOV.
type Agent struct {
	// Phrase is the phrase as listed, underscores as spaces, with a
	// substitution set expanded ("MINISTER OF DEFENCE") or a plural
	// formed ("MINISTERS").
	Phrase string
	// Code is the agent code without its "~": "GOV", "GOVMIL", "IGO".
	Code string
	// Prefix is set when the code goes before the actor's code ([IGO~]),
	// and clear when it goes after it ([~GOV], the usual case).
	Prefix bool
	// Source is where the agent is defined: "file:line".
	Source string
}

// DictionaryStats counts what a dictionary holds.
type DictionaryStats struct {
	Actors   int // actor entries (name lines)
	Synonyms int // "+" synonym lines
	Codes    int // codes kept, dated or not
	Agents   int // distinct agent phrases, plurals and expanded substitutions included
	Warnings int // lines skipped or read leniently; see Warnings
}

// ReadActorDictionary reads a PETRARCH actor or agents dictionary. name is
// used in messages ("Phoenix.Countries.actors.txt:120: ...").
//
// A line that cannot be read gives an error that names the file and line:
// a code or synonym before any actor, an unclosed bracket, a code with
// characters other than letters and digits, a date with characters other
// than digits, a phrase of more than 64 words.
//
// Lines that PETRARCH reads with a warning are kept or skipped the same
// way, and the warning is kept (see Warnings): a date of other than 6 or 8
// digits is read as PETRARCH reads it (the first 6 digits as YYMMDD when
// there are fewer than 8, else the first 8 as YYYYMMDD); a date that is
// not a calendar date, or a range that ends before it starts, drops its
// code; a bare date ("[MNEGOV 20121204]") is taken as the start of an open
// range; text after the codes is ignored; an agent without a code, or with
// an undefined substitution set, is skipped. Text that is not UTF-8 is
// read as Windows-1252. PETRARCH's agent combination rules (<Combine>) are
// skipped: they say how codes join, not what a phrase means.
func ReadActorDictionary(r io.Reader, name string) (*ActorDictionary, error) {
	d := &ActorDictionary{}
	if err := d.Read(r, name); err != nil {
		return nil, err
	}
	return d, nil
}

// Read adds the actors or agents of one more dictionary file to d, so
// that several files make one dictionary. On error d is left unchanged.
// Read must not run at the same time as lookups.
func (d *ActorDictionary) Read(r io.Reader, name string) error {
	lines, err := readDictLines(r, name)
	if err != nil {
		return err
	}
	p := &dictParser{file: name}
	if isAgentFile(lines) {
		err = p.parseAgents(lines)
	} else {
		err = p.parseActors(lines)
	}
	if err != nil {
		return err
	}
	d.add(p)
	return nil
}

// Lookup finds the actor a name or synonym names, compared in folded form
// (see FoldName: case, accents and punctuation do not matter, and an
// underscore is a space), and gives it the code valid on date
// (YYYY-MM-DD): the first dated code whose range holds the date, else the
// entry's undated code. Without a date (or with one that does not parse)
// the undated code is given, or when there is none the dated code that
// ends last. When several entries have the name, the first with a dated
// code for the date wins, then the first with an undated code, then the
// first with any code, then the first. ok is false when no entry has the
// name.
func (d *ActorDictionary) Lookup(name, date string) (DictActor, bool) {
	if d == nil || d.names.keys == nil {
		return DictActor{}, false
	}
	return d.resolve(d.names.keys[FoldName(name)], date)
}

// Match finds the longest actor name or synonym at the start of a
// sequence of words (case is ignored) and returns how many words it spans and the actor with its
// code on date.
func (d *ActorDictionary) Match(words []string, date string) (n int, a DictActor, ok bool) {
	if d == nil || d.names.keys == nil {
		return 0, DictActor{}, false
	}
	n, refs := d.names.longest(words)
	if n == 0 {
		return 0, DictActor{}, false
	}
	a, ok = d.resolve(refs, date)
	return n, a, ok
}

// Agent finds the agent a phrase names ("foreign ministers",
// "Foreign_Minister"), compared in folded form.
func (d *ActorDictionary) Agent(phrase string) (Agent, bool) {
	if d == nil || d.agentIdx.keys == nil {
		return Agent{}, false
	}
	refs := d.agentIdx.keys[FoldName(phrase)]
	if len(refs) == 0 {
		return Agent{}, false
	}
	return d.agents[refs[0].index], true
}

// MatchAgent finds the longest agent phrase at the start of a sequence of
// words. PETRARCH lets words come between the words of a phrase written
// with spaces; MatchAgent, like Agent, wants them next to each other.
func (d *ActorDictionary) MatchAgent(words []string) (n int, a Agent, ok bool) {
	if d == nil || d.agentIdx.keys == nil {
		return 0, Agent{}, false
	}
	n, refs := d.agentIdx.longest(words)
	if n == 0 {
		return 0, Agent{}, false
	}
	return n, d.agents[refs[0].index], true
}

// Stats counts the entries, synonyms, codes and agents read.
func (d *ActorDictionary) Stats() DictionaryStats {
	if d == nil {
		return DictionaryStats{}
	}
	return d.stats
}

// Warnings returns the lines read leniently or skipped, as
// "file:line: problem", in the order read.
func (d *ActorDictionary) Warnings() []string {
	if d == nil {
		return nil
	}
	return slices.Clone(d.warnings)
}

// dictEntry is one actor of a dictionary.
type dictEntry struct {
	name     string
	synonyms []string
	codes    []dictCode
	source   string
}

// dictCode is a code and the days it holds, YYYYMMDD inclusive; an
// undated code has dated false.
type dictCode struct {
	code     string
	dated    bool
	from, to int
}

// How an entry's code for a date was found, best first.
const (
	codeNone     = iota
	codeLatest   // no date: the dated code that ends last
	codeUndated  // the undated code
	codeOnTheDay // a dated code whose range holds the date
)

// codeAt returns the code of the entry on day (0: no date) and how it was
// found.
func (e *dictEntry) codeAt(day int) (code string, how int) {
	if day > 0 {
		for _, c := range e.codes {
			if c.dated && c.from <= day && day <= c.to {
				return c.code, codeOnTheDay
			}
		}
	}
	for _, c := range e.codes {
		if !c.dated {
			return c.code, codeUndated
		}
	}
	if day == 0 {
		var last *dictCode
		for i, c := range e.codes {
			if last == nil || c.to > last.to {
				last = &e.codes[i]
			}
		}
		if last != nil {
			return last.code, codeLatest
		}
	}
	return "", codeNone
}

// resolve picks among the entries a name has, as Lookup documents.
func (d *ActorDictionary) resolve(refs []ref, date string) (DictActor, bool) {
	if len(refs) == 0 {
		return DictActor{}, false
	}
	day := 0
	if date != "" {
		if v, ok := parseRoleDate(date, false); ok {
			day = v
		}
	}
	best, bestCode, bestHow := refs[0].index, "", -1
	for _, r := range refs {
		code, how := d.entries[r.index].codeAt(day)
		if how > bestHow {
			best, bestCode, bestHow = r.index, code, how
		}
		if how == codeOnTheDay {
			break
		}
	}
	e := &d.entries[best]
	a := DictActor{
		Name:     e.name,
		Synonyms: e.synonyms,
		Code:     bestCode,
		Source:   e.source,
	}
	a.Country, a.Role = splitActorCode(bestCode)
	return a, true
}

// add appends what a parser read and indexes it.
func (d *ActorDictionary) add(p *dictParser) {
	if d.names.keys == nil {
		n := len(p.entries) + p.synonyms
		d.names = nameIndex{keys: make(map[string][]ref, n), prefixes: make(map[string]bool, n)}
		d.agentIdx = nameIndex{keys: make(map[string][]ref, len(p.agents)), prefixes: make(map[string]bool)}
	}
	d.entries = slices.Grow(d.entries, len(p.entries))
	for _, e := range p.entries {
		i := len(d.entries)
		d.entries = append(d.entries, e)
		// Lower case, so that the index sets no case rule: dictionaries
		// are written in capitals and news is not.
		d.names.add(strings.ToLower(e.name), ref{index: i})
		for _, s := range e.synonyms {
			d.names.add(strings.ToLower(s), ref{index: i})
		}
	}
	for _, a := range p.agents {
		key := FoldName(a.Phrase)
		if key == "" || len(d.agentIdx.keys[key]) > 0 {
			continue // the first definition of a phrase wins
		}
		d.agentIdx.add(strings.ToLower(a.Phrase), ref{index: len(d.agents)})
		d.agents = append(d.agents, a)
	}
	d.warnings = append(d.warnings, p.warnings...)
	d.stats.Actors += len(p.entries)
	d.stats.Synonyms += p.synonyms
	d.stats.Codes += p.codes
	d.stats.Agents = len(d.agents)
	d.stats.Warnings += len(p.warnings)
}

// cameoCountries maps the CAMEO country codes that are not ISO 3166-1
// alpha-3 codes to the codes Countries() uses.
var cameoCountries = map[string]string{
	"USR": "SUN", // Soviet Union
	"ROM": "ROU", // Romania, before ISO changed ROM to ROU
	"ZAR": "COD", // Zaire
	"TMP": "TLS", // East Timor, before TLS
	"KSV": "XKX", // Kosovo
	"FRY": "SRB", // Federal Republic of Yugoslavia: Serbia continues it
	"SCG": "SRB", // Serbia and Montenegro
	"PAL": "PSE", // Palestine in older CAMEO versions
}

// cameoRoles are the CAMEO role codes that Role reports: the domestic
// roles (government, military, rebels, ...) and the sectors (business,
// media, ...), not religions, ethnic groups or regions.
var cameoRoles = map[string]bool{
	"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true,
	"OPP": true, "REB": true, "SEP": true, "SPY": true, "UAF": true,
	"AGR": true, "BUS": true, "CRM": true, "CVL": true, "DEV": true,
	"EDU": true, "ELI": true, "ENV": true, "HLH": true, "HRI": true,
	"LAB": true, "LEG": true, "MED": true, "REF": true, "MOD": true,
	"RAD": true, "PTY": true, "IMG": true, "NGM": true, "UIS": true,
}

// splitActorCode returns the country (ISO3 or IGO) and the role a CAMEO
// code stands for.
func splitActorCode(code string) (country, role string) {
	if len(code) < 3 || code == NullActorCode {
		return "", ""
	}
	prefix := code[:3]
	switch {
	case prefix == IGO:
		country = IGO
	case cameoCountries[prefix] != "":
		country = cameoCountries[prefix]
	default:
		if _, ok := CountryByISO3(prefix); ok {
			country = prefix
		}
	}
	for i := 3; i+3 <= len(code); i += 3 {
		if cameoRoles[code[i:i+3]] {
			return country, code[i : i+3]
		}
	}
	return country, ""
}

// dictLine is one line of a dictionary with its comments removed.
type dictLine struct {
	n    int    // line number, from 1
	text string // trimmed; never empty
}

// maxDictLine is the longest line a dictionary may have.
const maxDictLine = 1 << 20

// readDictLines reads a file's lines, drops comments and blank lines, and
// stops at "---STOP---".
func readDictLines(r io.Reader, name string) ([]dictLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxDictLine)
	var (
		lines   []dictLine
		n       int
		inBlock bool // inside a multi-line XML comment
		combine bool // inside a <CombineBlock> of agent rules
	)
	for sc.Scan() {
		n++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			raw = decodeWindows1252(raw)
		}
		var text string
		text, inBlock = stripXMLComments(raw, inBlock)
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		trimmed := strings.TrimSpace(text)
		if strings.Contains(trimmed, "---STOP---") {
			break
		}
		// PETRARCH agent combination rules: <Combine rule = "...">, and
		// <CombineBlock> ... </CombineBlock>. They change how codes join,
		// not what a phrase means, and are not kept.
		lower := strings.ToLower(trimmed)
		switch {
		case strings.HasPrefix(lower, "<combineblock"):
			combine = true
			continue
		case strings.HasPrefix(lower, "</combineblock"):
			combine = false
			continue
		case combine, strings.HasPrefix(lower, "<combine"):
			continue
		}
		if trimmed == "" {
			continue
		}
		lines = append(lines, dictLine{n: n, text: trimmed})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, n+1, maxDictLine)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return lines, nil
}

// stripXMLComments removes the XML comments from a line, each replaced by
// a space; inBlock says whether the line starts inside a comment, and the
// result whether it ends inside one.
func stripXMLComments(line string, inBlock bool) (string, bool) {
	if !inBlock && !strings.Contains(line, "<!--") {
		return line, false
	}
	var b strings.Builder
	for {
		if inBlock {
			end := strings.Index(line, "-->")
			if end < 0 {
				return b.String(), true
			}
			line, inBlock = line[end+3:], false
			b.WriteByte(' ')
		}
		start := strings.Index(line, "<!--")
		if start < 0 {
			b.WriteString(line)
			return b.String(), false
		}
		b.WriteString(line[:start])
		line, inBlock = line[start+4:], true
	}
}

// isAgentFile reports whether a file's first telling line is an agents
// dictionary's: a substitution set or a code with "~", rather than a
// synonym, a code line or a code without "~".
func isAgentFile(lines []dictLine) bool {
	for _, l := range lines {
		t := l.text
		if isSubstitutionSet(t) {
			return true
		}
		if t[0] == '+' || t[0] == '[' {
			return false
		}
		if i := strings.IndexByte(t, '['); i >= 0 {
			end := strings.IndexAny(t[i:], "]}")
			if end < 0 {
				end = len(t) - i
			}
			return strings.Contains(t[i:i+end], "~")
		}
	}
	return false
}

// isSubstitutionSet reports whether a line defines a substitution set:
// "!MINIST! = MINISTER, MINISTERS".
func isSubstitutionSet(t string) bool {
	eq := strings.IndexByte(t, '=')
	return t[0] == '!' && eq > 0 && !strings.Contains(t[:eq], "[")
}

// dictParser reads the lines of one file.
type dictParser struct {
	file     string
	entries  []dictEntry
	synonyms int
	codes    int
	agents   []Agent
	subsets  map[string][]string
	warnings []string
}

func (p *dictParser) errorf(n int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, n, fmt.Sprintf(format, args...))
}

func (p *dictParser) warnf(n int, format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf("%s:%d: %s", p.file, n, fmt.Sprintf(format, args...)))
}

// parseActors reads the lines of an actor dictionary.
func (p *dictParser) parseActors(lines []dictLine) error {
	for _, l := range lines {
		t := l.text
		switch {
		case t[0] == '[':
			if len(p.entries) == 0 {
				return p.errorf(l.n, "code %s before any actor", clip(t))
			}
			if err := p.parseCodes(l.n, t); err != nil {
				return err
			}
		case t[0] == '+':
			if len(p.entries) == 0 {
				return p.errorf(l.n, "synonym %s before any actor", clip(t))
			}
			phrase, codes := splitAtCodes(t[1:])
			if phrase == "" {
				return p.errorf(l.n, "empty synonym")
			}
			if err := p.checkPhrase(l.n, phrase); err != nil {
				return err
			}
			e := &p.entries[len(p.entries)-1]
			e.synonyms = append(e.synonyms, phrase)
			p.synonyms++
			if codes != "" {
				if err := p.parseCodes(l.n, codes); err != nil {
					return err
				}
			}
		default:
			if strings.Contains(t, "~") {
				return p.errorf(l.n, "agent code in an actor dictionary: %s", clip(t))
			}
			phrase, codes := splitAtCodes(t)
			if strings.ContainsAny(phrase, "]{}") {
				return p.errorf(l.n, "stray bracket in actor name %s", clip(phrase))
			}
			if err := p.checkPhrase(l.n, phrase); err != nil {
				return err
			}
			p.entries = append(p.entries, dictEntry{name: phrase, source: fmt.Sprintf("%s:%d", p.file, l.n)})
			if codes != "" {
				if err := p.parseCodes(l.n, codes); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// maxPhraseWords is the most words a name, synonym or agent phrase may
// have; the index stores every word prefix of a phrase.
const maxPhraseWords = 64

// maxSubstitutions is the most phrases one agent line may expand to.
const maxSubstitutions = 256

// checkPhrase rejects a phrase too long to index.
func (p *dictParser) checkPhrase(n int, phrase string) error {
	if w := strings.Count(phrase, " ") + 1; w > maxPhraseWords {
		return p.errorf(n, "phrase of %d words, at most %d", w, maxPhraseWords)
	}
	return nil
}

// splitAtCodes splits a name line into the phrase, written with spaces
// for underscores, and the codes that follow it.
func splitAtCodes(t string) (phrase, codes string) {
	if i := strings.IndexByte(t, '['); i >= 0 {
		t, codes = t[:i], t[i:]
	}
	return phrasePart(t), codes
}

// phrasePart writes a dictionary phrase with spaces: "VLADIMIR_V._PUTIN_"
// is "VLADIMIR V. PUTIN".
func phrasePart(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// parseCodes reads one or more bracketed codes, "[RUSGOV >080508]", into
// the current entry.
func (p *dictParser) parseCodes(n int, s string) error {
	e := &p.entries[len(p.entries)-1]
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		if s[0] != '[' {
			p.warnf(n, "text after code ignored: %s", clip(s))
			return nil
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return p.errorf(n, "unclosed [ in %s", clip(s))
		}
		c, keep, err := p.parseCode(n, s[1:end])
		if err != nil {
			return err
		}
		if keep {
			e.codes = append(e.codes, c)
			p.codes++
		}
		s = s[end+1:]
	}
}

// parseCode reads the inside of one bracket: a code and an optional date
// restriction. keep is false when the code line is dropped with a
// warning.
func (p *dictParser) parseCode(n int, s string) (c dictCode, keep bool, err error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return c, false, p.errorf(n, "empty code []")
	}
	c.code = strings.ToUpper(f[0])
	if c.code != NullActorCode && !isCodeWord(c.code) {
		return c, false, p.errorf(n, "bad code %q", f[0])
	}
	if len(f) == 1 {
		return c, true, nil
	}
	r := strings.Join(f[1:], "")
	c.dated = true
	switch {
	case r[0] == '<':
		c.to, keep, err = p.parseDictDate(n, r[1:], true)
	case r[0] == '>':
		c.from, keep, err = p.parseDictDate(n, r[1:], false)
		c.to = openEnd
	case strings.Contains(r, "-"):
		from, to, _ := strings.Cut(r, "-")
		if c.from, keep, err = p.parseDictDate(n, from, false); err != nil || !keep {
			return c, keep, err
		}
		if c.to, keep, err = p.parseDictDate(n, to, true); err != nil || !keep {
			return c, keep, err
		}
		if c.to < c.from {
			p.warnf(n, "range %s ends before it starts; code dropped", r)
			return c, false, nil
		}
	default:
		p.warnf(n, "date %s without < or >; read as >%s", r, r)
		c.from, keep, err = p.parseDictDate(n, r, false)
		c.to = openEnd
	}
	return c, keep, err
}

// isCodeWord reports whether s is a CAMEO code: capital letters and
// digits.
func isCodeWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !('A' <= s[i] && s[i] <= 'Z' || '0' <= s[i] && s[i] <= '9') {
			return false
		}
	}
	return s != ""
}

// parseDictDate reads a YYMMDD or YYYYMMDD date as a day number YYYYMMDD.
// keep is false, with a warning, for a date PETRARCH would not read.
func (p *dictParser) parseDictDate(n int, s string, end bool) (day int, keep bool, err error) {
	if s == "" {
		return 0, false, p.errorf(n, "missing date")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false, p.errorf(n, "bad date %q", s)
		}
	}
	digits := s
	switch {
	case len(s) == 6 || len(s) == 8:
	case len(s) == 7:
		digits = s[:6]
		p.warnf(n, "date %s has 7 digits; read as YYMMDD %s", s, digits)
	case len(s) > 8:
		digits = s[:8]
		p.warnf(n, "date %s has %d digits; read as YYYYMMDD %s", s, len(s), digits)
	default:
		p.warnf(n, "date %s is too short; code dropped", s)
		return 0, false, nil
	}
	atoi := func(s string) int {
		v := 0
		for i := 0; i < len(s); i++ {
			v = v*10 + int(s[i]-'0')
		}
		return v
	}
	var y, m, dd int
	if len(digits) == 6 {
		y, m, dd = atoi(digits[:2]), atoi(digits[2:4]), atoi(digits[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	} else {
		y, m, dd = atoi(digits[:4]), atoi(digits[4:6]), atoi(digits[6:8])
	}
	if m < 1 || m > 12 || dd < 1 || dd > daysIn(y, m) {
		p.warnf(n, "date %s is not a calendar date; code dropped", s)
		return 0, false, nil
	}
	return y*10000 + m*100 + dd, true, nil
}

// daysIn returns the number of days of a month.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseAgents reads the lines of an agents dictionary.
func (p *dictParser) parseAgents(lines []dictLine) error {
	p.subsets = make(map[string][]string)
	for _, l := range lines {
		t := l.text
		if isSubstitutionSet(t) {
			if err := p.defineSubstitution(l.n, t); err != nil {
				return err
			}
			continue
		}
		if t[0] == '+' {
			return p.errorf(l.n, "synonym line in an agents dictionary")
		}
		open := strings.IndexByte(t, '[')
		if open < 0 {
			p.warnf(l.n, "agent %s has no code; skipped", clip(t))
			continue
		}
		closing := strings.IndexAny(t[open:], "]}")
		if closing < 0 {
			return p.errorf(l.n, "unclosed [ in %s", clip(t))
		}
		closing += open
		if t[closing] == '}' {
			p.warnf(l.n, "code closed with }")
		}
		if rest := strings.TrimSpace(t[closing+1:]); rest != "" {
			p.warnf(l.n, "text after code ignored: %s", clip(rest))
		}
		a, err := p.agentCode(l.n, strings.TrimSpace(t[open+1:closing]))
		if err != nil {
			return err
		}
		phrase := t[:open]
		plural := ""
		explicit := false
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase, '}')
			if j < i {
				return p.errorf(l.n, "unclosed { in %s", clip(phrase))
			}
			if strings.TrimSpace(phrase[j+1:]) != "" {
				return p.errorf(l.n, "text after plural: %s", clip(phrase[j+1:]))
			}
			plural, explicit = phrasePart(phrase[i+1:j]), true
			phrase = phrase[:i]
		}
		if strings.ContainsAny(phrase, "[]{}") {
			return p.errorf(l.n, "stray bracket in %s", clip(phrase))
		}
		phrase = phrasePart(phrase)
		if phrase == "" {
			return p.errorf(l.n, "code without an agent phrase")
		}
		if err := p.checkPhrase(l.n, phrase); err != nil {
			return err
		}
		a.Source = fmt.Sprintf("%s:%d", p.file, l.n)
		if strings.Contains(phrase, "!") {
			// Substituted phrases get no plurals: the set lists them.
			forms, err := p.substitute(l.n, phrase, 1)
			if err != nil {
				return err
			}
			for _, f := range forms {
				if err := p.checkPhrase(l.n, f); err != nil {
					return err
				}
				a.Phrase = f
				p.agents = append(p.agents, a)
			}
			continue
		}
		a.Phrase = phrase
		p.agents = append(p.agents, a)
		if !explicit {
			plural = regularPlural(phrase)
		}
		if plural != "" && plural != phrase {
			a.Phrase = plural
			p.agents = append(p.agents, a)
		}
	}
	return nil
}

// agentCode reads "~GOV" or "IGO~".
func (p *dictParser) agentCode(n int, s string) (Agent, error) {
	var a Agent
	switch {
	case strings.HasPrefix(s, "~") && !strings.HasSuffix(s[1:], "~"):
		a.Code = s[1:]
	case strings.HasSuffix(s, "~") && !strings.HasPrefix(s, "~"):
		a.Code, a.Prefix = s[:len(s)-1], true
	default:
		return a, p.errorf(n, "agent code %q wants one ~, before or after it", s)
	}
	a.Code = strings.ToUpper(strings.TrimSpace(a.Code))
	if !isCodeWord(a.Code) {
		return a, p.errorf(n, "bad agent code %q", s)
	}
	return a, nil
}

// defineSubstitution reads "!MINIST! = MINISTER, MINISTERS".
func (p *dictParser) defineSubstitution(n int, t string) error {
	head, list, _ := strings.Cut(t, "=")
	head = strings.TrimSpace(head)
	if len(head) < 3 || head[len(head)-1] != '!' || strings.Count(head, "!") != 2 {
		return p.errorf(n, "bad substitution set name %q, want !NAME!", head)
	}
	var items []string
	for _, it := range strings.Split(list, ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, strings.ReplaceAll(it, "_", " "))
		}
	}
	if len(items) == 0 {
		return p.errorf(n, "empty substitution set %s", head)
	}
	p.subsets[strings.ToUpper(head[1:len(head)-1])] = items
	return nil
}

// substitute expands the substitution sets in a phrase, one form per
// member of each set. made is the number of forms the sets expanded so
// far make, to stop a line that would make too many.
func (p *dictParser) substitute(n int, phrase string, made int) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, p.errorf(n, "unclosed substitution marker in %s", clip(phrase))
	}
	j += i + 1
	items, ok := p.subsets[strings.ToUpper(phrase[i+1:j])]
	if !ok {
		p.warnf(n, "undefined substitution set %s; skipped", phrase[i:j+1])
		return nil, nil
	}
	if made *= len(items); made > maxSubstitutions {
		return nil, p.errorf(n, "substitution sets make more than %d phrases", maxSubstitutions)
	}
	rest, err := p.substitute(n, phrase[j+1:], made)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range items {
		for _, r := range rest {
			out = append(out, phrasePart(phrase[:i]+it+r))
		}
	}
	return out, nil
}

// regularPlural forms the regular English plural of a phrase's last word,
// as PETRARCH does for agents: MINISTRY, MINISTRIES; WITNESS, WITNESSES;
// SOLDIER, SOLDIERS.
func regularPlural(phrase string) string {
	if phrase == "" {
		return ""
	}
	up := strings.ToUpper(phrase)
	last := up[len(up)-1]
	switch {
	case last == 'Y' && len(up) > 1 && !strings.ContainsRune("AEIOU", rune(up[len(up)-2])):
		return phrase[:len(phrase)-1] + "IES"
	case last == 'S' || last == 'X' || last == 'Z' || strings.HasSuffix(up, "CH") || strings.HasSuffix(up, "SH"):
		return phrase + "ES"
	case 'A' <= last && last <= 'Z':
		return phrase + "S"
	}
	return ""
}

// clip shortens a line for an error message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// decodeWindows1252 reads a line that is not UTF-8 as Windows-1252, the
// encoding of the stray bytes in older TABARI dictionaries: its valid
// UTF-8 sequences are kept and each other byte is decoded on its own.
func decodeWindows1252(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(windows1252(s[i]))
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// windows1252 decodes one byte of Windows-1252 (undefined bytes as
// U+FFFD).
func windows1252(c byte) rune {
	if c < 0x80 || c >= 0xA0 {
		return rune(c)
	}
	return cp1252High[c-0x80]
}

// cp1252High decodes the bytes 0x80 to 0x9F of Windows-1252.
var cp1252High = []rune("€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ")
