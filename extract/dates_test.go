package extract

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// sentenceOf builds a sentence of whitespace-separated tokens (enough for
// the time-expression reader, which looks only at words).
func sentenceOf(text string) *sentence {
	s := &sentence{text: text}
	pos := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[pos:], w) + pos
		s.tokens = append(s.tokens, token{text: w, lower: strings.ToLower(w), start: i, end: i + len(w)})
		pos = i + len(w)
	}
	return s
}

func TestFindTimexes(t *testing.T) {
	tests := []struct {
		published, text string
		want            []string // values in order; "wd:N" for an unresolved weekday
	}{
		{"2025-02-27", "held talks in Istanbul on Thursday", []string{"wd:4"}},
		{"2025-02-27", "Last week 's talks in Riyadh", []string{"2025-02-17/2025-02-23"}},
		{"2024-06-24", "agreed on the package last week", []string{"2024-06-17/2024-06-23"}},
		{"2020-09-15", "The UAE agreed last month to normalize", []string{"2020-08"}},
		{"2025-02-27", "annexed Crimea from Ukraine in 2014 and invaded Ukraine in 2022", []string{"2014", "2022"}},
		{"2018-03-17", "found on a bench on March 4 .", []string{"2018-03-04"}},
		{"2022-11-14", "in August , when House Speaker", []string{"2022-08"}},
		{"2023-03-10", "Xi visited Riyadh in December", []string{"2022-12"}},
		{"2019-02-28", "held in Singapore in June last year", []string{"2018-06"}},
		{"2022-06-28", "invaded Ukraine in February", []string{"2022-02"}},
		{"2024-06-24", "troops invaded the country in February 2022", []string{"2022-02"}},
		// "since" gives the interval; the expression inside stays for an
		// event it dates ("since troops invaded in February 2022").
		{"2023-03-10", "has fought rebels since 2015 .", []string{"2015-01-01/2023-03-10", "2015"}},
		{"2022-11-14", "since Biden took office in January 2021 .", []string{"2021-01-01/2022-11-14", "2021-01"}},
		{"2025-02-10", "talks earlier this month", []string{"2025-02-01/2025-02-10"}},
		{"2025-02-27", "will meet next week", []string{"2025-03-03/2025-03-09"}},
		{"2025-02-27", "Theresa May said", nil},
		{"2025-02-27", "the 2006 killing of Alexander Litvinenko", []string{"2006"}},
		{"2025-02-27", "it took 1500 troops", nil},
	}
	for _, tt := range tests {
		pub, err := schema.ParseDay(tt.published)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tx := range findTimexes(sentenceOf(tt.text), pub, true) {
			v := tx.value
			if v == "" && tx.weekday >= 0 {
				v = "wd:" + itoa(tx.weekday)
			}
			if v != "" {
				got = append(got, v)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s %q: got %v, want %v", tt.published, tt.text, got, tt.want)
		}
	}
}

func TestWeekdayDate(t *testing.T) {
	tests := []struct {
		published string
		weekday   int
		future    bool
		want      string
	}{
		{"2025-02-27", 4, false, "2025-02-27"}, // Thursday, published Thursday
		{"2025-02-27", 1, false, "2025-02-24"},
		{"2025-02-27", 5, false, "2025-02-21"},
		{"2025-02-27", 5, true, "2025-02-28"},
		{"2025-02-27", 4, true, "2025-02-27"},
		{"2018-03-17", 3, false, "2018-03-14"}, // "on Wednesday" in a Saturday story
	}
	for _, tt := range tests {
		pub, _ := schema.ParseDay(tt.published)
		if got := day(weekdayDate(pub, tt.weekday, tt.future)); got != tt.want {
			t.Errorf("weekday %d from %s (future %v): got %s, want %s", tt.weekday, tt.published, tt.future, got, tt.want)
		}
	}
}

func TestFindTimexesWithoutPublished(t *testing.T) {
	got := findTimexes(sentenceOf("met on Thursday in 2014 and last week"), ParseZero(), false)
	if len(got) != 1 || got[0].value != "2014" {
		t.Errorf("without a publication date only absolute dates resolve; got %+v", got)
	}
}

// TestDateGrammar: absolute and relative forms news uses, published on
// Sunday 2024-04-07, each on an expulsion the sentence states.
func TestDateGrammar(t *testing.T) {
	tests := []struct{ when, want string }{
		{"on Sunday, March 3", "2024-03-03"},
		{"on 4 March 2024", "2024-03-04"},
		{"on March 4th", "2024-03-04"},
		{"on March 4, 2024", "2024-03-04"},
		{"on 2024-03-04", "2024-03-04"},
		{"in mid-March", "2024-03-11/2024-03-20"},
		{"in early March", "2024-03-01/2024-03-10"},
		{"in late March", "2024-03-21/2024-03-31"},
		{"in early 2022", "2022-01-01/2022-04-30"},
		{"in late 2023", "2023-09-01/2023-12-31"},
		{"three days ago", "2024-04-04"},
		{"two weeks ago", "2024-03-18/2024-03-24"},
		{"last month", "2024-03"},
		{"earlier this week", "2024-04-01/2024-04-07"},
	}
	for _, tc := range tests {
		r := extractText(t, "T\nLONDON (Wire) — Russia expelled the British ambassador "+tc.when+".\n", "2024-04-07")
		if len(r.Events) != 1 || r.Events[0].Date != tc.want || r.Events[0].DateSource != schema.DateStated {
			var got []string
			for _, e := range r.Events {
				got = append(got, e.Date+" "+e.DateSource)
			}
			t.Errorf("%q: dates %q, want %s (stated)", tc.when, got, tc.want)
		}
	}
}
