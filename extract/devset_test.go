package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// sharedEval is the evaluation folder that exists beside the repository in
// CI and on developers' machines, never in a user's clone.
const sharedEval = "../../shared/eval"

func sharedArticle(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedEval, "dev", name))
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s is absent (../shared exists in CI and on developer machines only)", sharedEval)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAPArticle is the foundation's acceptance check on the real AP
// article of the dev set.
func TestAPArticle(t *testing.T) {
	text := sharedArticle(t, "ap-istanbul-embassy-talks.txt")
	res, err := testExtractor(t).Extract(context.Background(), Article{ID: "ap", Text: text, Published: "2025-02-27"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]schema.Actor{}
	for _, a := range res.Actors {
		names[a.Name] = a
	}
	for _, want := range []struct {
		name    string
		kind    schema.Kind
		country string
	}{
		{"Dmitry Peskov", schema.KindPerson, "RUS"},
		{"Sergey Lavrov", schema.KindPerson, "RUS"},
		{"Valentina Matvienko", schema.KindPerson, "RUS"},
		{"Donald Trump", schema.KindPerson, "USA"},
		{"Vladimir Putin", schema.KindPerson, "RUS"},
		{"Russia", schema.KindCountry, "RUS"},
		{"United States", schema.KindCountry, "USA"},
		{"Istanbul", schema.KindPlace, "TUR"},
		{"Riyadh", schema.KindPlace, "SAU"},
	} {
		a, ok := names[want.name]
		if !ok {
			t.Errorf("actor %q not extracted", want.name)
			continue
		}
		if a.Kind != want.kind || a.Country != want.country {
			t.Errorf("actor %q: kind %s country %s, want %s %s", want.name, a.Kind, a.Country, want.kind, want.country)
		}
	}
	byID := map[string]schema.Actor{}
	for _, a := range res.Actors {
		byID[a.ID] = a
	}
	found := false
	for _, e := range res.Events {
		if e.Root != "04" || e.Negated || e.Date != "2025-02-27" || byID[e.Place].Name != "Istanbul" {
			continue
		}
		countries := map[string]bool{}
		for _, id := range append(append([]string{}, e.Source...), e.Target...) {
			countries[byID[id].Country] = true
		}
		if countries["RUS"] && countries["USA"] {
			found = true
		}
	}
	if !found {
		t.Errorf("no talks event between Russia and the United States in Istanbul on 2025-02-27; events: %+v", res.Events)
	}
}
