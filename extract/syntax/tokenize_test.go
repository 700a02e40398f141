package syntax

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Russia's envoy didn't attend.", "Russia|'s|envoy|did|n't|attend|."},
		{"The U.S.-brokered truce held.", "The|U.S.|-|brokered|truce|held|."},
		{"Mr. Lavrov met Sen. Rubio on Jan. 5.", "Mr.|Lavrov|met|Sen.|Rubio|on|Jan.|5|."},
		{"\"We cannot accept this,\" she said.", "\"|We|can|not|accept|this|,|\"|she|said|."},
		{"a long-range missile (a Taurus)", "a|long|-|range|missile|(|a|Taurus|)"},
		{"co-host and e-mail stay whole", "co-host|and|e-mail|stay|whole"},
		{"$50 billion, up 3.5% since 2019-2020", "$|50|billion|,|up|3.5|%|since|2019-2020"},
		{"talks — the first since 2022 — ended", "talks|—|the|first|since|2022|—|ended"},
		{"the countries' leaders", "the|countries|'|leaders"},
		{"see https://example.org/a-b.html.", "see|https://example.org/a-b.html|."},
		{"and/or", "and|/|or"},
		{"Wait...", "Wait|..."},
		{"They're here; we'll see.", "They|'re|here|;|we|'ll|see|."},
		{"President Biden’s visit", "President|Biden|’s|visit"},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range Tokenize(c.in) {
			if c.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets %d-%d", c.in, tk.Text, tk.Start, tk.End)
			}
			got = append(got, tk.Text)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, strings.Join(got, "|"), c.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Russia's U.S.-brokered talks didn't (really) end... “No,” he said.")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v after %d in %q", tk, end, s)
			}
			if strings.TrimSpace(tk.Text) != tk.Text {
				t.Fatalf("token with space %q", tk.Text)
			}
			end = tk.End
		}
	})
}
