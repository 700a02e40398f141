package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEventDateJSON(t *testing.T) {
	tests := []struct {
		date string
		want string
	}{
		{"", `"date":null`},
		{"2025-02-27", `"date":"2025-02-27"`},
		{"2025-02-16/2025-02-23", `"date":"2025-02-16/2025-02-23"`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(Event{ID: "e", CAMEO: "046", Date: tt.date})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tt.want) || strings.Count(string(b), `"date"`) != 1 {
			t.Errorf("date %q: got %s, want it to contain %s once", tt.date, b, tt.want)
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Date != tt.date || back.CAMEO != "046" {
			t.Errorf("round trip of %q gave %+v", tt.date, back)
		}
	}
}
