package schema

import "encoding/json"

// Kind is the kind of an actor node.
type Kind string

// The actor kinds. A place is a city, region or other sub-national location;
// a country is a sovereign state (or a territory with its own ISO code).
const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindCountry      Kind = "country"
	KindPlace        Kind = "place"
)

// Kinds lists the actor kinds in display order.
var Kinds = []Kind{KindPerson, KindOrganization, KindCountry, KindPlace}

// IGO is the country code given to inter-governmental bodies (UN, NATO, EU).
const IGO = "IGO"

// Document describes one article.
type Document struct {
	// ID is the article's stable identity: a JSON Lines id or url, a file's
	// absolute path, or the text's hash when nothing else identifies it.
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
	// Published is the publication date, YYYY-MM-DD, if known.
	Published string `json:"published,omitempty"`
	// Dateline is the place named in the article's dateline ("ISTANBUL").
	Dateline string `json:"dateline,omitempty"`
	// DatelinePlace is the actor ID the dateline resolved to, if any.
	DatelinePlace string `json:"dateline_place,omitempty"`
	// Source is where the text was read from (a path, "-" for stdin).
	Source string `json:"source,omitempty"`
	// SHA256 is the hex digest of the article text; a changed digest means
	// a changed article.
	SHA256 string `json:"sha256,omitempty"`
	// Sentences is the number of sentences the extractor read.
	Sentences int `json:"sentences,omitempty"`
	// Authors are the journalists the byline names; Agency the news
	// agency of the dateline ("AP"). They are article metadata, not
	// actors of the graph.
	Authors []string `json:"authors,omitempty"`
	Agency  string   `json:"agency,omitempty"`
}

// Role is a position an actor holds, as one article states it.
type Role struct {
	// Title is the job title as written, normalised in case
	// ("Foreign Minister").
	Title string `json:"title"`
	// Of is the actor ID of the country or organisation the role belongs
	// to, if known ("country/RUS").
	Of string `json:"of,omitempty"`
	// Date is the date the article states it (its publication date).
	Date string `json:"date,omitempty"`
}

// Mention is one place in the text where an actor is named.
type Mention struct {
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"` // byte offset in the article text
	End      int    `json:"end"`
}

// Actor is a person, organisation, country or place the article names.
type Actor struct {
	// ID is stable across articles: the same real actor has the same ID
	// wherever it is extracted ("person/sergey-lavrov", "country/RUS").
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    Kind     `json:"kind"`
	Aliases []string `json:"aliases,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code the actor belongs to (IGO for
	// inter-governmental bodies), or empty when unknown.
	Country  string    `json:"country,omitempty"`
	Roles    []Role    `json:"roles,omitempty"`
	Mentions []Mention `json:"mentions,omitempty"`
}

// Where an event's date comes from (Event.DateSource).
const (
	DateStated   = "stated"
	DateAnchored = "anchored"
	DateStory    = "story"
	DateNone     = "none"
)

// Event is one coded interaction between actors.
type Event struct {
	// ID is stable for the same article text and extractor version.
	ID string `json:"id"`
	// CAMEO is the event code ("046"); Root its two-digit root ("04").
	CAMEO string `json:"cameo"`
	Root  string `json:"root"`
	Label string `json:"label"`
	// Source and Target are actor IDs; either may be empty.
	Source []string `json:"source"`
	Target []string `json:"target"`
	// Place is the actor ID of where it happened, if stated.
	Place string `json:"place,omitempty"`
	// Date is YYYY, YYYY-MM, YYYY-MM-DD or an interval START/END; empty
	// when the text gives no time (printed as null).
	Date string `json:"date"`
	// DateSource says where Date comes from: DateStated (an expression
	// the text attaches to the event), DateAnchored (another event's date:
	// "the same day", "in Riyadh" again), DateStory (none: the
	// publication date, or for a background event in the perfect the year
	// up to it, as GDELT and ICEWS date events) or DateNone (no date at
	// all: the article has no publication date).
	DateSource string `json:"dateSource,omitempty"`
	// Negated is true when the text denies the event or only imagines it
	// (a future, conditional or hypothetical event); Modality says which.
	Negated  bool   `json:"negated"`
	Modality string `json:"modality,omitempty"`
	// Sentence is the 0-based index of the evidence sentence; Evidence its
	// text; Start and End the sentence's byte offsets in the article text.
	Sentence int    `json:"sentence"`
	Evidence string `json:"evidence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Trigger is the text that fired the rule; Rule the lexicon entry ID.
	Trigger string `json:"trigger,omitempty"`
	Rule    string `json:"rule,omitempty"`
	// Also are the article's other mentions of the same happening ("the
	// talks" again two sentences on), each with its own evidence.
	Also []Evidence `json:"also,omitempty"`
	// Goldstein is the code's Goldstein score (-10 conflict .. +10
	// cooperation); QuadClass its CAMEO quad class (1..4).
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
	// PLOVER is the code's PLOVER event type, mode and context; nil for
	// codes PLOVER does not code (comments and appeals, roots 01 and 02).
	PLOVER *PLOVER `json:"plover,omitempty"`
}

// Evidence is one more sentence that reports an event.
type Evidence struct {
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Trigger  string `json:"trigger,omitempty"`
	Rule     string `json:"rule,omitempty"`
}

// Modalities of an event.
const (
	ModalityAsserted     = "asserted"
	ModalityNegated      = "negated"
	ModalityHypothetical = "hypothetical"
)

// Result is everything extracted from one article.
type Result struct {
	Document Document `json:"document"`
	Actors   []Actor  `json:"actors"`
	Events   []Event  `json:"events"`
	// Statements are the article's public statements (CAMEO 010-019: "X
	// said", "X denied"), kept apart from Events: they are many and carry
	// little, and a statement is never a fallback for an act.
	Statements []Event `json:"statements,omitempty"`
}

// Actor returns the actor with the given ID.
func (r *Result) Actor(id string) (Actor, bool) {
	for _, a := range r.Actors {
		if a.ID == id {
			return a, true
		}
	}
	return Actor{}, false
}

// MarshalJSON writes an empty Date as null, as the prediction contract
// asks ("null when the text gives no time").
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	var date *string
	if e.Date != "" {
		date = &e.Date
	}
	return json.Marshal(struct {
		plain
		Date *string `json:"date"`
	}{plain(e), date})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	var v struct {
		plain
		Date *string `json:"date"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Event(v.plain)
	if v.Date != nil {
		e.Date = *v.Date
	}
	return nil
}
