package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// isoCountry is one ISO 3166-1 entry as iso-codes gives it.
type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

// isoSubdivision is one ISO 3166-2 entry as iso-codes gives it.
type isoSubdivision struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// isoData is what the generator reads from iso-codes.
type isoData struct {
	countries    []isoCountry
	subdivisions []isoSubdivision
	version      string
}

// loadISO reads iso_3166-1.json and iso_3166-2.json from dir.
func loadISO(dir string) (isoData, error) {
	var d isoData
	var c struct {
		Countries []isoCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(dir, "iso_3166-1.json"), &c); err != nil {
		return d, err
	}
	var s struct {
		Subdivisions []isoSubdivision `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(dir, "iso_3166-2.json"), &s); err != nil {
		return d, err
	}
	d.countries, d.subdivisions = c.Countries, s.Subdivisions
	d.version = "(version unknown)"
	if out, err := exec.Command("dpkg-query", "-W", "-f=${Version}", "iso-codes").Output(); err == nil {
		d.version = strings.TrimSpace(string(out))
	}
	return d, nil
}

// readJSON decodes the JSON file at path into v.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parsing %s: %w", path, err)
	}
	return nil
}
