package syntax

import (
	"bytes"
	_ "embed"
	"sync"
)

// ModelVersion names the embedded model: the treebank release and our
// training recipe. Bump it whenever the model file is retrained.
const ModelVersion = "ewt-2.15-train+dev-arc-hybrid-2"

//go:embed model/english.model.gz
var embedded []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(embedded))
})

// Default returns the embedded English model, loaded once.
func Default() (*Model, error) { return loadDefault() }
