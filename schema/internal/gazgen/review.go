package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// reviewStoplist prints the kept cities whose one-word names are in the
// given word lists and that place_stoplist.txt neither drops nor marks as
// reviewed ("+name"): the candidates to decide on after a data update. Like
// the rule the stoplist was made by, it skips national capitals and cities
// of a million people or more.
func reviewStoplist(files []string, cities []city, countries []schema.Country, cur curatedPlaces, minPop int) error {
	words := make(map[string]bool)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("reading word list: %w", err)
		}
		for _, w := range strings.Fields(string(b)) {
			// Only lower-case entries are common words; capitalised ones
			// are names, which the list of people's names covers.
			if w != "" && !hasUpperFirst(w) {
				words[schema.FoldName(w)] = true
			}
		}
	}
	var out []string
	seen := make(map[string]bool)
	for _, c := range cities {
		f := schema.FoldName(c.Name)
		if c.Population < minPop || c.Population >= 1_000_000 || c.FeatureCode == "PPLC" || excludedFeatures[c.FeatureCode] ||
			strings.Contains(f, " ") || !words[f] || cur.stop[f] || cur.keep[f] || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, fmt.Sprintf("%s\t%s\t%d", f, c.Country, c.Population))
	}
	slices.Sort(out)
	fmt.Printf("# %d unreviewed dictionary-word city names (add to place_stoplist.txt, or +name to keep):\n", len(out))
	for _, l := range out {
		fmt.Println(l)
	}
	return nil
}

func hasUpperFirst(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z'
	}
	return false
}
