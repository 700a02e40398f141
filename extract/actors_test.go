package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// actorLine renders an actor for comparison: "kind name country [roles]".
func actorLine(a schema.Actor) string {
	var roles []string
	for _, r := range a.Roles {
		roles = append(roles, strings.ToLower(r.Title))
	}
	return strings.TrimSpace(string(a.Kind) + " " + a.Name + " " + a.Country + " " + strings.Join(roles, ";"))
}

// TestActors: one rule a row, a sentence in, the actors it must (and must
// not) produce out.
func TestActors(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // actorLine prefixes that must be present
		not        []string // names that must not be actors
	}{
		{"pre-name title with country adjective",
			"Russian Foreign Minister Sergey Lavrov arrived.",
			[]string{"person Sergey Lavrov RUS foreign minister", "country Russia RUS"}, nil},
		{"organisation in the title gives the country",
			"Kremlin spokesman Dmitry Peskov said the talks went well.",
			[]string{"person Dmitry Peskov RUS spokesman", "organization Kremlin RUS"}, nil},
		{"US office without a country",
			"U.S. Secretary of State Marco Rubio landed.",
			[]string{"person Marco Rubio USA secretary of state"}, nil},
		{"appositive title",
			"Valentina Matvienko, the speaker of the Russian parliament's upper house, said Thursday.",
			[]string{"person Valentina Matvienko RUS speaker"}, nil},
		{"possessive title before a comma",
			"Blinken met China's top diplomat, Wang Yi, on Monday.",
			[]string{"person Wang Yi CHN top diplomat"}, nil},
		{"surname resolves to the full name",
			"Russian Foreign Minister Sergey Lavrov spoke. Lavrov added that talks would go on.",
			[]string{"person Sergey Lavrov RUS"}, []string{"Lavrov"}},
		{"transliteration variant is the same person",
			"Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi.",
			[]string{"person Sergei Lavrov RUS"}, nil},
		{"demonym names the country",
			"No Ukrainian officials were present.",
			[]string{"country Ukraine UKR"}, []string{"Ukrainian"}},
		{"Washington the capital, not the state",
			"Officials in Washington said the talks would resume.",
			[]string{"place Washington USA"}, nil},
		{"Georgia the country",
			"Georgia's prime minister said the talks failed.",
			[]string{"country Georgia GEO"}, nil},
		{"Georgia the US state after a city",
			"The envoy spoke in Atlanta, Georgia, on Monday.",
			[]string{"place Atlanta USA", "place Georgia USA"}, []string{"Georgia "}},
		{"Washington the person is not the place",
			"Denzel Washington, the actor, met the minister.",
			nil, []string{"Washington"}},
		{"Turkiye is Turkey",
			"Turkiye hosted the talks in Istanbul.",
			[]string{"country Turkey TUR", "place Istanbul TUR"}, nil},
		{"two Koreas",
			"North Korea fired a missile toward South Korea.",
			[]string{"country North Korea PRK", "country South Korea KOR"}, nil},
		{"Congo as written",
			"The Democratic Republic of the Congo accused Rwanda.",
			[]string{"country Democratic Republic of the Congo COD", "country Rwanda RWA"}, nil},
		{"Jordan the person is not the country",
			"Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign Minister Sameh Shoukry in Cairo.",
			[]string{"person Ayman Safadi JOR", "person Sameh Shoukry EGY", "place Cairo EGY"}, nil},
		{"town name inside a person's name",
			"Armenian Foreign Minister Ararat Mirzoyan met his counterpart.",
			[]string{"person Ararat Mirzoyan ARM"}, []string{"Ararat"}},
		{"country institution",
			"Russia's Foreign Ministry summoned the ambassador.",
			[]string{"organization Russian Foreign Ministry RUS"}, nil},
		{"named organisation with a head noun",
			"Ali Shamkhani, the secretary of the Supreme National Security Council, signed.",
			[]string{"organization Supreme National Security Council", "person Ali Shamkhani"}, []string{"National Security Council"}},
		{"inter-governmental body",
			"NATO Secretary-General Jens Stoltenberg hosted the talks.",
			[]string{"person Jens Stoltenberg IGO secretary-general", "organization"}, nil},
		{"title-only mention resolves to the person",
			"Russian President Vladimir Putin spoke with Scholz. The Kremlin leader said little.",
			[]string{"person Vladimir Putin RUS president"}, []string{"Kremlin leader"}},
		{"dateline place with its country",
			"NUSA DUA, Indonesia (Wire) — Leaders met.",
			[]string{"place Nusa Dua IDN"}, nil},
		{"byline and agency are not actors",
			"Title\nMOSCOW (AP) — Russian President Vladimir Putin spoke.\nBy JANE DOE\nAssociated Press",
			[]string{"person Vladimir Putin RUS"}, []string{"Jane Doe", "JANE DOE", "Associated Press", "AP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if !strings.Contains(text, "\n") && !strings.Contains(text, "(Wire)") {
				text = "Headline\nMOSCOW (Wire) — " + text
			}
			res := extractText(t, text, "2025-02-27")
			var lines []string
			names := map[string]bool{}
			for _, a := range res.Actors {
				lines = append(lines, actorLine(a))
				names[a.Name] = true
			}
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					if strings.HasPrefix(l, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("want an actor %q; got %q", w, lines)
				}
			}
			for _, n := range tt.not {
				if names[n] {
					t.Errorf("%q must not be an actor; got %q", n, lines)
				}
			}
		})
	}
}

func TestPersonIDIgnoresMiddleInitials(t *testing.T) {
	if a, b := personID("Joseph R. Biden"), personID("Joseph Biden"); a != b {
		t.Errorf("%s != %s", a, b)
	}
}

// TestActorDictionary: a person only the user's dictionary knows gets its
// country and role code (a dictionary written here, in the PETRARCH
// format).
func TestActorDictionary(t *testing.T) {
	dict, err := schema.ReadActorDictionary(strings.NewReader("JOHN_QUIXOTE_ZARATE_\n+JOHN_ZARATE_\n[PERGOV 200101-301231]\n"), "test.txt")
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(WithActors(dict))
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Extract(context.Background(), Article{ID: "t", Published: "2025-02-27", Text: "Headline\nLIMA (Wire) — John Quixote Zarate, who spoke for the cabinet, said talks would go on."})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Actors {
		if a.Name == "John Quixote Zarate" {
			if a.Country != "PER" || len(a.Roles) == 0 || a.Roles[0].Title != "PERGOV" {
				t.Errorf("dictionary person: %+v", a)
			}
			return
		}
	}
	t.Errorf("person not found: %+v", res.Actors)
}
