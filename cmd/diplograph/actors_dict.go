package main

import (
	"fmt"
	"os"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

// extractorOptions turns --actors files into extractor options: the
// PETRARCH/CAMEO actor dictionaries a user already maintains.
func extractorOptions(actorFiles []string) ([]extract.Option, error) {
	if len(actorFiles) == 0 {
		return nil, nil
	}
	var dict *schema.ActorDictionary
	for _, path := range actorFiles {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--actors %s: %w", path, unwrapPathError(err))
		}
		if dict == nil {
			dict, err = schema.ReadActorDictionary(f, path)
		} else {
			err = dict.Read(f, path)
		}
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("--actors %s: %w", path, err)
		}
	}
	return []extract.Option{extract.WithActors(dict)}, nil
}
