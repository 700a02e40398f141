//go:build ignore

// benchcorpus writes a corpus of N articles for scripts/bench.sh, as JSON
// Lines, made by varying the sample articles (testdata/articles and the
// texts of testdata/eval): each copy gets other people's names, other
// cities and a later publication date, so that the graph grows as a real
// archive does (new people and places, the same countries and
// organisations) instead of repeating one story.
//
//	go run scripts/benchcorpus.go -n 10000 -o corpus.jsonl
//	go run scripts/benchcorpus.go -n 2000 -from 10000 -o more.jsonl   # other copies
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

var firstNames = strings.Fields(`Anna Boris Carla Dmitri Elena Farid Greta Hassan Ines Jonas Karim Lena Marek
Nadia Oskar Priya Quentin Rosa Stefan Tamara Umar Vera Walter Ximena Yusuf Zofia Adrian Beatriz Cheng Daria
Emil Fatima Gustavo Hana Igor Julia Kenji Leila Mateo Nina`)

var lastNames = strings.Fields(`Abara Bergstrom Castellano Dragomir Esposito Fontaine Galanis Halvorsen Ibarra
Jankowski Kowalczyk Lindqvist Marchetti Novak Okafor Petrescu Quintero Rahimi Szabo Takahashi Urquhart
Varga Wojcik Xanthos Yilmaz Zielinski Amari Brennan Celik Dufresne Eriksen Ferreira Grimaldi Horvath Iwu`)

type record struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// base is a sample article with the names to vary in it.
type base struct {
	rec    record
	people []person
	places []string
}

type person struct{ full, surname string }

func main() {
	n := flag.Int("n", 1000, "number of articles")
	from := flag.Int("from", 0, "number of the first copy (copies with other numbers differ)")
	out := flag.String("o", "corpus.jsonl", "output JSON Lines file")
	root := flag.String("testdata", "testdata", "the repository's testdata folder")
	flag.Parse()
	bases, err := loadBases(*root)
	if err != nil {
		fail(err)
	}
	cities := bigCities()
	f, err := os.Create(*out)
	if err != nil {
		fail(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := *from; i < *from+*n; i++ {
		b := bases[i%len(bases)]
		if err := enc.Encode(vary(b, i/len(bases), cities)); err != nil {
			fail(err)
		}
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
}

// loadBases reads the sample articles and extracts them once to find the
// people and places they name.
func loadBases(root string) ([]base, error) {
	var recs []record
	for _, pattern := range []string{"articles/*.txt", "eval/*.txt"} {
		files, _ := filepath.Glob(filepath.Join(root, pattern))
		sort.Strings(files)
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			a := extract.ParseArticle(string(data))
			recs = append(recs, record{ID: filepath.Base(path), Title: a.Title, Published: a.Published, Text: a.Text})
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "articles/more.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	x, err := extract.New()
	if err != nil {
		return nil, err
	}
	var out []base
	for _, r := range recs {
		if r.Published == "" {
			r.Published = "2024-01-15"
		}
		res, err := x.Extract(context.Background(), extract.Article{ID: r.ID, Title: r.Title, Published: r.Published, Text: r.Text})
		if err != nil {
			return nil, err
		}
		b := base{rec: r}
		for _, a := range res.Actors {
			switch a.Kind {
			case schema.KindPerson:
				if words := strings.Fields(a.Name); len(words) >= 2 {
					b.people = append(b.people, person{a.Name, words[len(words)-1]})
				}
			case schema.KindPlace:
				b.places = append(b.places, a.Name)
			}
		}
		// Longest names first, so "Sergey Lavrov" goes before "Lavrov".
		sort.Slice(b.people, func(i, j int) bool { return len(b.people[i].full) > len(b.people[j].full) })
		out = append(out, b)
	}
	return out, nil
}

// bigCities are the gazetteer's cities of a million people or more.
func bigCities() []string {
	var out []string
	for _, p := range schema.Places() {
		if p.Population >= 1000000 && !strings.ContainsAny(p.Name, "()") {
			out = append(out, p.Name)
		}
	}
	sort.Strings(out)
	return out
}

func pick(list []string, keys ...any) string {
	h := fnv.New64a()
	fmt.Fprint(h, keys...)
	return list[h.Sum64()%uint64(len(list))]
}

// vary returns copy k of a sample article.
func vary(b base, k int, cities []string) record {
	r := b.rec
	text := r.Text
	title := r.Title
	if k > 0 {
		// The same person gets the same name in every article of one copy
		// number, so that copies of different stories share people.
		for _, p := range b.people {
			first, last := pick(firstNames, p.full, k), pick(lastNames, p.full, k, "last")
			text = replaceWord(text, p.full, first+" "+last)
			text = replaceWord(text, p.surname, last)
			title = replaceWord(title, p.full, first+" "+last)
			title = replaceWord(title, p.surname, last)
		}
		for _, c := range b.places {
			city := pick(cities, c, k)
			text = replaceWord(text, c, city)
			title = replaceWord(title, c, city)
		}
	}
	pub, err := time.Parse("2006-01-02", r.Published)
	if err != nil {
		pub = time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	}
	// A week apart, so that copies do not report the same happenings.
	pub = pub.AddDate(0, 0, 7*k)
	text = shiftYears(text, k)
	return record{
		ID:        fmt.Sprintf("bench/%s/%d", strings.TrimSuffix(r.ID, ".txt"), k),
		Title:     title,
		URL:       fmt.Sprintf("https://example.org/bench/%s/%d", strings.TrimSuffix(r.ID, ".txt"), k),
		Published: pub.Format("2006-01-02"),
		Text:      text,
	}
}

func replaceWord(s, old, new string) string {
	if old == "" || old == new {
		return s
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(old) + `\b`)
	return re.ReplaceAllLiteralString(s, new)
}

var yearRE = regexp.MustCompile(`\b(19[5-9][0-9]|20[0-4][0-9])\b`)

// shiftYears moves the years the text names as its dates move, a year
// per 52 copies.
func shiftYears(s string, k int) string {
	shift := k / 52
	if shift == 0 {
		return s
	}
	return yearRE.ReplaceAllStringFunc(s, func(y string) string {
		var n int
		fmt.Sscan(y, &n)
		return fmt.Sprint(n + shift)
	})
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchcorpus:", err)
	os.Exit(1)
}
