package extract

import (
	"context"
	"os"
	"strings"
	"testing"
)

// cameoVerbs is PETRARCH's verb dictionary where CI keeps it (../shared
// beside the clone); a user's clone does not have it.
const cameoVerbs = "../../shared/dictionaries/CAMEO.2.0.txt"

func needCAMEOVerbs(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(cameoVerbs); err != nil {
		t.Skipf("PETRARCH's verb dictionary is not at %s (../shared beside the clone): %v", cameoVerbs, err)
	}
}

const smallVerbs = `# a small dictionary in PETRARCH's format
&FOOD
+FOOD
+RICE_
+BABY_FORMULA

&AUX_
+WAS

####### VERB PATTERNS #######

---  ACCELERATE   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * &FOOD                           [073]   # RUSH
- * (TO BORDER)                     [154]
- * {ARMS SHIPMENT}                 [072:073]
- &MILITARY *                       [154]   # words before the verb
- * INCIDENTS                       [---]

---  ASK   [020]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
REQUEST
INTERVIEW [---]
QUERY {QUERYING QUERIES QUERIED } [999]
- * (FOR HELP)                      [:0233]
- $ * WITHDRAWAL                    [0256!]
- * OFF SANCTIONS                   [081]
- * (WITH +)                        [046]
- * (BY/WITH GRENADE)               [193]
- * &NOSUCH                         [020]
- * VENTURE (WITH VISIT)   VISIT)   [042]
- * CLARIFICATION                   [010]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

func TestParsePetrarchVerbs(t *testing.T) {
	rules, rep, err := parsePetrarchVerbs(strings.NewReader(smallVerbs), "small.txt")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]rule{}
	for _, r := range rules {
		if _, dup := byID[r.id]; dup {
			t.Errorf("rule ID %s twice", r.id)
		}
		byID[r.id] = r
	}
	j := func(s []string) string { return strings.Join(s, ",") }
	want := []struct{ id, lemma, prt, code, object, preps, forms string }{
		{"petrarch.accelerate.rush.1", "rush", "", "073", "food,foods,rice,baby,babies", "", ""},
		{"petrarch.accelerate.speed.1", "speed", "", "073", "food,foods,rice,baby,babies", "", "speeding,speeds,sped"},
		{"petrarch.accelerate.rush.2", "rush", "", "154", "to", "", ""},
		{"petrarch.accelerate.rush.3", "rush", "", "072", "arms", "", ""},
		{"petrarch.ask.ask_for.1", "ask", "for", "020", "", "", "asked,asking,asks"},
		{"petrarch.ask.request.1", "request", "", "020", "", "", ""},
		{"petrarch.ask.ask_for.2", "ask", "for", "0233", "help,helps", "", "asked,asking,asks"},
		{"petrarch.ask.request.2", "request", "", "0233", "for", "", ""},
		{"petrarch.ask.request.3", "request", "", "0256", "withdrawal,withdrawals", "", ""},
		{"petrarch.ask.request.4", "request", "off", "081", "sanctions", "", ""},
		{"petrarch.ask.request.5", "request", "", "046", "with", "with", ""},
		{"petrarch.ask.request.6", "request", "", "193", "by,with", "", ""},
		{"petrarch.ask.interview.1", "interview", "", "0233", "for", "", ""}, // the bare verb is [---], its patterns are not
	}
	for _, w := range want {
		r, ok := byID[w.id]
		if !ok {
			t.Errorf("no rule %s", w.id)
			continue
		}
		if r.lemma != w.lemma || r.prt != w.prt || r.code != w.code || j(r.object) != w.object || j(r.preps) != w.preps || j(r.forms) != w.forms {
			t.Errorf("%s = lemma %s prt %q code %s object %q preps %q forms %q, want %+v", w.id, r.lemma, r.prt, r.code, j(r.object), j(r.preps), j(r.forms), w)
		}
	}
	skipped := map[string]int{
		skipNull:        4, // RUSH and SPEED of a [---] block, INTERVIEW [---], * INCIDENTS [---]
		skipUnknownCode: 1, // QUERY [999]
		skipBefore:      1,
		skipUndefined:   1,
		skipMalformed:   1,
		skipStatement:   1,
		skipTransform:   1,
	}
	for why, n := range skipped {
		if rep.Skipped[why] != n {
			t.Errorf("skipped %d %s, want %d (report: %s)", rep.Skipped[why], why, n, rep)
		}
	}
	if rep.Verbs != 6 || rep.Patterns != 13 || rep.Rules != len(rules) {
		t.Errorf("report %s: want 6 verbs, 13 patterns, %d rules", rep, len(rules))
	}
	// "* (WITH +)" in the ASK block also makes an ask-for rule, and so on:
	// every pattern applies to every verb of its block.
	if len(rules) != 28 {
		for _, r := range rules {
			t.Logf("%s %s %s %v", r.id, r.code, r.prt, r.object)
		}
		t.Errorf("%d rules, want 28", len(rules))
	}
}

func TestParsePetrarchVerbsErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"RUSH\n", `f:1: verb "RUSH" before the first --- NAME [CODE] --- block`},
		{"- * AID [070]\n", "f:1: pattern before the first --- NAME [CODE] --- block"},
		{"--- RUSH [070]\n", `f:1: block header "--- RUSH [070]": want --- NAME [CODE] ---`},
		{"--- [070] ---\n", `f:1: block header "--- [070] ---": want --- NAME [CODE] ---`},
		{"--- RUSH [7x] ---\n", "f:1: code [7x]: want digits, [---] or [xxx:yyy]"},
		{"--- RUSH ---\nRUSH\n- * AID\n", `f:3: pattern "* AID" has no [CODE] at its end`},
		{"--- RUSH ---\nRUSH\n- AID [070]\n", `f:3: pattern "AID" has no * for the verb`},
		{"--- RUSH ---\nRUSH\n- * AID * [070]\n", `f:3: pattern "* AID *" has more than one * (the verb)`},
		{"--- RUSH ---\nRUSH {RUSHES\n", "f:2: verb RUSH: { without }"},
		{"--- RUSH ---\nRUSH [070] LATER\n", `f:2: verb RUSH: unexpected "LATER" after it: want WORD {FORMS} [CODE]`},
		{"--- RUSH ---\nRU$H\n", `f:2: verb "RU$H": want letters, _ - ' and .`},
		{"&FOOD\n+RICE\n&FOOD\n", "f:3: synonym set &FOOD is defined twice"},
		{"&FOOD BAR\n", `f:1: synonym set label "&FOOD BAR": want &NAME alone on its line`},
		{"&FOOD\n+&RICE\n", `f:2: synonym set member "+&RICE": want words only`},
		{"--- RUSH ---\n@RUSH\n", `f:2: unexpected "@": want a synonym set, a --- block ---, a verb or a - pattern`},
	}
	for _, c := range cases {
		_, _, err := parsePetrarchVerbs(strings.NewReader(c.text), "f")
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}

// TestWithVerbs: a user's dictionary reaches the matcher, irregular forms
// included, behind the built-in frames for the same word.
func TestWithVerbs(t *testing.T) {
	path := t.TempDir() + "/mine.verbs"
	writeFile(t, path, "--- HURRY [---] ---\nSPEED {SPEEDS SPEEDING SPED}\n- * AID [070]\n--- MEET [036] ---\nMEET\n")
	x, err := New(WithVerbs(path))
	if err != nil {
		t.Fatal(err)
	}
	if rs := x.triggers["sped"]; len(rs) != 1 || rs[0].id != "petrarch.hurry.speed.1" {
		t.Errorf(`"sped" fires %v, want petrarch.hurry.speed.1`, rs)
	}
	if rs := x.triggers["met"]; len(rs) < 2 || strings.HasPrefix(rs[0].id, "petrarch.") || rs[len(rs)-1].id != "petrarch.meet.meet.1" {
		t.Errorf(`"met": the built-in frames must come first, the dictionary's bare verb last: %v`, rs)
	}
	writeFile(t, path, "--- HURRY [---] ---\n- * AID\n")
	if _, err := New(WithVerbs(path)); err == nil || err.Error() != path+`:2: pattern "* AID" has no [CODE] at its end` {
		t.Errorf("a bad verb dictionary: %v, want an error naming %s:2", err, path)
	}
}

// TestCAMEOVerbs loads PETRARCH's own dictionary: thousands of rules, no
// error, and sentences coded as its patterns say.
func TestCAMEOVerbs(t *testing.T) {
	needCAMEOVerbs(t)
	rules, rep, err := readVerbFile(cameoVerbs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CAMEO.2.0.txt: %s", rep)
	if len(rules) < 5000 {
		t.Errorf("%d rules from CAMEO.2.0.txt, want thousands", len(rules))
	}
	ids := map[string]bool{}
	for _, r := range rules {
		if ids[r.id] {
			t.Fatalf("rule ID %s twice", r.id)
		}
		ids[r.id] = true
	}
	x, err := New(WithVerbs(cameoVerbs))
	if err != nil {
		t.Fatal(err)
	}
	// Verbs our lexicon lacks, coded by the dictionary's patterns; each
	// row names the rule family that must fire.
	tests := []struct{ text, code, rulePrefix string }{
		// ACCELERATE: "- * &FOOD [073]", with the irregular SPED.
		{"Japan sped food and medicine into Indonesia on Monday.", "073", "petrarch.accelerate.speed."},
		// GUNFIRE: the multiword verb "+GUN_DOWN {+GUNNED_DOWN} [193]".
		{"Pakistani troops gunned down three Afghan militants on Monday.", "193", "petrarch.gunfire.gun_down."},
		// COMPROMISE: MEDIATE "- * (BETWEEN) [045]" (meetings get frame=meet).
		{"Egypt mediated between Israel and Hamas on Monday.", "045", "petrarch.compromise.mediate."},
	}
	for _, tc := range tests {
		res, err := x.Extract(context.Background(), Article{ID: "t", Text: tc.text, Published: "2025-03-03"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		var got []string
		for _, e := range res.Events {
			got = append(got, e.CAMEO+" "+e.Rule)
			if e.CAMEO == tc.code && strings.HasPrefix(e.Rule, tc.rulePrefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: events %v, want %s from %s*", tc.text, got, tc.code, tc.rulePrefix)
		}
	}
}

func FuzzPetrarchVerbs(f *testing.F) {
	f.Add(smallVerbs)
	f.Add("--- X [010:020] ---\nX {XS}\n- * (A (B {C &D})) [---]\n- $ * ^ % + [042]\n")
	f.Add("&S_\n+A_B\n--- Y [190] ---\n+Y_Z_Q {+YS_Z}\n- * A/B/ (C/D) {/} [0211]\n")
	f.Add("--- Y ---\nY\n- ** <!-- x --> Z ; c\n- * ) ( [1]\n")
	f.Fuzz(func(t *testing.T, text string) {
		rules, rep, err := parsePetrarchVerbs(strings.NewReader(text), "f")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line starting f:LINE:", err)
			}
			return
		}
		ids := map[string]bool{}
		for _, r := range rules {
			if r.lemma == "" || r.lemma != strings.ToLower(r.lemma) || len(r.code) < 3 || ids[r.id] {
				t.Errorf("bad rule %+v", r)
			}
			ids[r.id] = true
		}
		if rep.Rules != len(rules) {
			t.Errorf("report says %d rules, %d made", rep.Rules, len(rules))
		}
		newTriggerIndex(rules)
	})
}
