package graph

import (
	"context"
	"errors"
	"testing"
)

var errInjected = errors.New("injected read error")

// failScans makes the scans fault accepts fail until the test ends.
func failScans(t *testing.T, fault func(r *reader, op string, s, p node) bool) {
	t.Helper()
	scanFault = func(r *reader, op string, s, p node) error {
		if fault(r, op, s, p) {
			return errInjected
		}
		return nil
	}
	t.Cleanup(func() { scanFault = nil })
}

// TestDescribeEventReadError: an error reading an event's statements is
// returned, not lost (it was shadowed inside Describe).
func TestDescribeEventReadError(t *testing.T) {
	s := openQueryFixtures(t)
	failScans(t, func(_ *reader, op string, _, _ node) bool { return op == "outAll" })
	d, err := s.Describe(context.Background(), "event/f88db042c9d1f734", 0)
	if !errors.Is(err, errInjected) {
		t.Fatalf("Describe with a failing event read: %+v, %v; want the read error", d, err)
	}
}
