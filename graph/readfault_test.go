package graph

import (
	"context"
	"errors"
	"testing"

	"github.com/diplograph/diplograph/schema"
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

// TestEventsPlaceReadError: an error scanning an event's places while
// filtering by place is returned, not taken for "not there". Riyadh's
// article puts the talks of Feb. 18 at Riyadh, Ankara's in Saudi Arabia:
// the event keeps the first place, the others are scanned for.
func TestEventsPlaceReadError(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	q := EventQuery{Place: "country/SAU", Type: schema.EventType{Code: "046"}}
	if evs, err := s.Events(ctx, q); err != nil || len(evs) != 1 || evs[0].Place == nil || evs[0].Place.ID != "place/riyadh" {
		t.Fatalf("the talks in Saudi Arabia: %+v, %v; want the one at Riyadh", evs, err)
	}
	failScans(t, func(r *reader, op string, _, p node) bool {
		v, err := r.value(p)
		return op == "out" && err == nil && v == schema.PredPlace
	})
	if evs, err := s.Events(ctx, q); !errors.Is(err, errInjected) {
		t.Fatalf("Events at a place with a failing place scan: %d events, %v; want the read error", len(evs), err)
	}
}
