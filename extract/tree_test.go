package extract

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// TestTreeArguments: constructions whose arguments only the dependency
// tree reveals, in sentences written for this test. Lines are eventLine's
// ("ROOT source>target @place date"); published 2022-04-06, a Wednesday.
func TestTreeArguments(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"passive with by-agent and a weekday",
			"Two Iranian diplomats were expelled by Britain on Monday.",
			"16 United Kingdom>Iran 2022-04-04"},
		{"reported speech: the attacker is the inner subject",
			"The army said Houthi rebels had attacked Saudi Arabia on Sunday.",
			"19 Houthis>Saudi Arabia 2022-04-03"},
		{"coordinated subjects and a partitive object",
			"Italy, Spain and Denmark expelled dozens of Russian diplomats on Tuesday.",
			"16 Denmark,Italy,Spain>Russia 2022-04-05"},
		{"object control: urged X to release",
			"Washington urged Beijing to release the detained activists.",
			"02 United States>China 2022-04-06"},
		{"a modal over the adjective the trigger complements: not asserted",
			"President Vladimir Putin said he would be glad to welcome Prime Minister Narendra Modi to Russia.",
			"04 Vladimir Putin>Narendra Modi [hypothetical]"},
		{"a relative clause does not take the main verb's subject away",
			"Germany and France, which summoned the Russian ambassador on Monday, called for a tribunal.",
			"11 France,Germany>Russia 2022-04-04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractText(t, "Tree test\nLONDON (Wire) — "+tc.text+"\n", "2022-04-06")
			var got []string
			for _, e := range r.Events {
				line := eventLine(r, e)
				if e.Place != "" {
					// The dateline's place is not what these cases test.
					line = eventLine(r, withoutPlace(e))
				}
				got = append(got, line)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("events %q, want %q", got, tc.want)
			}
		})
	}
}

func withoutPlace(e schema.Event) schema.Event {
	e.Place = ""
	return e
}
