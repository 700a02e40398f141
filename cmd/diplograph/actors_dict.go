package main

import (
	"fmt"
	"os"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

// extractorOptions turns --actors and --verbs files into extractor
// options: the PETRARCH/CAMEO actor and verb dictionaries a user already
// maintains. A verb dictionary is read by extract.New, whose errors name
// its file and line.
func extractorOptions(actorFiles, verbFiles []string) ([]extract.Option, error) {
	var opts []extract.Option
	for _, path := range verbFiles {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("--verbs %s: %w", path, unwrapPathError(err))
		}
		opts = append(opts, extract.WithVerbs(path))
	}
	if len(actorFiles) == 0 {
		return opts, nil
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
	return append(opts, extract.WithActors(dict)), nil
}
