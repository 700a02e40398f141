package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// eventLine renders an event for comparison:
// "ROOT source>target @place date [modality]", actors by name, sorted.
func eventLine(r schema.Result, e schema.Event) string {
	names := map[string]string{}
	for _, a := range r.Actors {
		names[a.ID] = a.Name
	}
	side := func(ids []string) string {
		var ns []string
		for _, id := range ids {
			ns = append(ns, names[id])
		}
		sort.Strings(ns)
		return strings.Join(ns, ",")
	}
	s := e.Root + " " + side(e.Source) + ">" + side(e.Target)
	if e.Place != "" {
		s += " @" + names[e.Place]
	}
	if e.Date != "" {
		s += " " + e.Date
	}
	if e.Negated {
		s += " [" + e.Modality + "]"
	}
	return s
}

// TestEvents: one phenomenon a row, a sentence written for it, and the
// event lines it must produce (and, with not, must not).
func TestEvents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		not        []string
	}{
		{"talks with place and weekday",
			"Russian and U.S. diplomats held talks in Istanbul on Thursday.",
			[]string{"04 Russia>United States @Istanbul 2025-02-27"}, nil},
		{"meeting of two named leaders",
			"Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday.",
			[]string{"04 Xi Jinping>Vladimir Putin @Moscow 2025-02-24"}, nil},
		{"phone call, nominal with possessive",
			"The plan followed President Donald Trump's call with Russian President Vladimir Putin last week.",
			[]string{"04 Donald Trump>Vladimir Putin 2025-02-17/2025-02-23"}, nil},
		{"spoke by telephone is a phone call",
			"German Chancellor Olaf Scholz spoke with Russian President Vladimir Putin by telephone on Friday.",
			[]string{"04 Olaf Scholz>Vladimir Putin 2025-02-21"}, nil},
		{"between A and B",
			"The deal followed talks in Madrid between Turkey and Sweden.",
			[]string{"04 Turkey>Sweden @Madrid"}, nil},
		{"list of parties kept as one event",
			"Israel signed agreements with the United Arab Emirates and Bahrain at the White House on Tuesday.",
			[]string{"05 Israel>Bahrain,United Arab Emirates @Washington 2025-02-25"}, nil},
		{"visit: target is the place's country",
			"Chinese President Xi Jinping visited Riyadh in December.",
			[]string{"04 Xi Jinping>Saudi Arabia @Riyadh 2024-12"}, nil},
		{"nominal visit during the main clause",
			"Speaking during a visit to Qatar, Russian Foreign Minister Sergey Lavrov said the talks were useful.",
			[]string{"04 Sergey Lavrov>Qatar"}, nil},
		{"expulsion announced with would",
			"Russia said on Saturday it would expel 23 British diplomats.",
			[]string{"16 Russia>United Kingdom 2025-02-22"}, nil},
		{"passive with agent",
			"Twenty Russian diplomats were expelled by Britain on Wednesday.",
			[]string{"16 United Kingdom>Russia 2025-02-26"}, nil},
		{"sanctions with a year",
			"The European Union first imposed sanctions on Russia in 2014.",
			[]string{"16 European Union>Russia 2014"}, nil},
		{"annexation takes a place from a country",
			"Russia annexed Crimea from Ukraine in 2014.",
			[]string{"19 Russia>Ukraine @Crimea 2014"}, nil},
		{"capital as subject is its country",
			"In Riyadh, Moscow and Washington agreed to restore embassy staffing.",
			[]string{"03 Russia>United States @Riyadh"}, nil},
		{"host",
			"Turkish President Recep Tayyip Erdogan hosted Ukrainian President Volodymyr Zelensky in Ankara.",
			[]string{"04 Recep Tayyip Erdogan>Volodymyr Zelensky @Ankara"}, nil},
		{"accuse",
			"Japan accused China of violating its airspace.",
			[]string{"11 Japan>China"}, nil},
		{"threat is an event, the threatened act is not",
			"Ankara had threatened to veto Sweden's membership.",
			[]string{"13 Turkey>Sweden"}, []string{"12 Turkey>Sweden"}},
		{"negated meeting",
			"Biden and Putin did not hold a joint news conference or meet again.",
			nil, []string{"04 Joe Biden>Vladimir Putin"}},
		{"negated recall",
			"France did not recall its ambassador to Britain.",
			[]string{"16 France>United Kingdom [negated]"}, nil},
		{"hypothetical future visit",
			"Secretary of State Antony Blinken will travel to China next week.",
			[]string{"04 Antony Blinken>China 2025-03-03/2025-03-09 [hypothetical]"}, nil},
		{"conditional",
			"Russia could take further measures if London expelled more diplomats.",
			nil, []string{"16 United Kingdom>"}},
		{"refused to sign",
			"Hungary refused to sign the agreement with Ukraine.",
			[]string{"05 Hungary>Ukraine [negated]"}, nil},
		{"without reaching an agreement",
			"Trump and Kim ended their summit in Hanoi without reaching an agreement.",
			nil, []string{"03 "}},
		{"since gives an interval with the perfect",
			"A Saudi-led coalition has fought Houthi rebels since 2015.",
			[]string{"19 Saudi Arabia>Houthis 2015-01-01/2025-02-27"}, nil},
		{"last month",
			"The UAE agreed last month to normalize relations with Israel.",
			[]string{"03 United Arab Emirates>Israel 2025-01"}, nil},
		{"the two leaders refers to the pair named before",
			"President Joe Biden and Chinese President Xi Jinping met in Bali. The two leaders agreed to keep talking.",
			[]string{"03 Joe Biden>Xi Jinping"}, nil},
		{"attack from a place",
			"Militants in the Gaza Strip fired two rockets into southern Israel.",
			[]string{"19 Palestine>Israel @Israel"}, nil},
		{"dateline place for the lead event",
			"Title\nMADRID (Wire) — Turkey signed an agreement with Sweden on Tuesday.",
			[]string{"05 Turkey>Sweden @Madrid 2025-02-25"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if !strings.Contains(text, "\n") {
				text = "Headline\n" + text
			}
			res := extractText(t, text, "2025-02-27")
			var lines []string
			for _, e := range res.Events {
				lines = append(lines, eventLine(res, e))
			}
			for _, w := range tt.want {
				if !containsPrefix(lines, w) {
					t.Errorf("want event %q; got %q", w, lines)
				}
			}
			for _, n := range tt.not {
				for _, l := range lines {
					if strings.HasPrefix(l, n) && !strings.HasSuffix(l, "]") {
						t.Errorf("must not code %q; got %q", n, lines)
					}
				}
			}
		})
	}
}

func containsPrefix(lines []string, p string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

func TestVerbForms(t *testing.T) {
	tests := map[string][]string{
		"agree": {"agree", "agrees", "agreed", "agreeing"},
		"expel": {"expels", "expelled", "expelling"},
		"meet":  {"met", "meeting"},
		"annex": {"annexes", "annexed"},
		"deny":  {"denies", "denied"},
	}
	for lemma, want := range tests {
		got := strings.Join(verbForms(lemma), " ")
		for _, w := range want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("verbForms(%q) = %s, missing %s", lemma, got, w)
			}
		}
	}
}

func TestRefusalIsReject(t *testing.T) {
	res := extractText(t, "Headline\nNorth Korea wanted sanctions lifted. U.S. President Donald Trump said Washington could not agree to that.", "2019-02-28")
	var lines []string
	for _, e := range res.Events {
		lines = append(lines, eventLine(res, e))
	}
	if !containsPrefix(lines, "12 United States>North Korea") {
		t.Errorf("want a 12 reject from the United States to North Korea; got %q", lines)
	}
}
