package main

import (
	"os"
	"runtime/debug"
)

// ingestMemoryLimit is the soft limit of the Go heap during an ingest:
// well above what it holds live (the lexicons, the articles in flight and
// the open batch, about 150 MB), so the collector works harder only when
// an ingest would otherwise let garbage pile up.
const ingestMemoryLimit = 288 << 20

// limitMemory sets the heap's soft limit for an ingest, unless the user
// chose one with GOMEMLIMIT.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
}
