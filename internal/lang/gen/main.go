// Command gen builds the table of khabar's language identifier,
// internal/lang/data/ngrams.bin. Run it from the repository root after
// changing the training text or the word lists:
//
//	go mod download github.com/pemistahl/lingua-go@v1.4.0
//	go run ./internal/lang/gen -lingua "$(go env GOMODCACHE)/github.com/pemistahl/lingua-go@v1.4.0/language-models"
//
// Arabic, Persian and Urdu character n-grams come from the models that
// lingua-go ships (Apache License 2.0, © Peter M. Stahl; trained on the
// Leipzig corpora), read from the module cache. Pashto and the two Persian
// varieties have no such model: they are counted here, with interpolated
// Witten–Bell discounting, from the text the project wrote itself
// (internal/lang/train, CC0), from the project's demo corpus, and for
// Pashto from its word list. Both kinds are probabilities of a character
// given the n−1 before it, so they compare. The word lists
// (internal/lang/lexicon: Tesseract's tessdata_fast, Apache License 2.0)
// give the word-edge model and the lists' membership. See
// internal/lang/data/README.md.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/lang/keys"
	"github.com/khabar-news/khabar/internal/script"
)

var labels = []string{"ar", "fa", "ps", "ur", "fa-AF", "fa-IR"}

// maxOrder is the longest n-gram kept.
const maxOrder = 5

// minProb drops n-grams whose conditional probability is below it from
// the borrowed models, to keep the file small; a dropped n-gram backs off
// to its prefix at lookup.
const minProb = 0.0

func main() {
	lingua := flag.String("lingua", "", "lingua-go's language-models folder")
	train := flag.String("train", "internal/lang/train", "the project's training text")
	demo := flag.String("demo", "internal/demo/corpus", "the demo corpus (JSON Lines)")
	out := flag.String("out", "internal/lang/data/ngrams.bin", "output file")
	lexDir := flag.String("lexicon", "internal/lang/lexicon", "the word lists (see its README)")
	holdout := flag.String("holdout", "", "leave out training files whose name contains this (to validate on them)")
	flag.Parse()
	if *lingua == "" {
		log.Fatal("gen: -lingua is required")
	}
	models := map[string]map[string]float64{}
	for _, lang := range []string{"ar", "fa", "ur"} {
		m, err := readLingua(*lingua, lang)
		if err != nil {
			log.Fatal(err)
		}
		models[lang] = m
	}
	texts := map[string][]string{"ps": nil, "fa-AF": nil, "fa-IR": nil}
	for label := range texts {
		files, _ := filepath.Glob(filepath.Join(*train, label+"-*.txt"))
		for _, f := range files {
			if *holdout != "" && strings.Contains(filepath.Base(f), *holdout) {
				continue
			}
			lines, err := readLines(f)
			if err != nil {
				log.Fatal(err)
			}
			texts[label] = append(texts[label], lines...)
		}
	}
	lex, err := readLexicons(*lexDir)
	if err != nil {
		log.Fatal(err)
	}
	// The Pashto list also trains the Pashto n-grams: the project's own
	// Pashto text alone is small.
	for w := range lex["ps"] {
		texts["ps"] = append(texts["ps"], w)
	}
	demoTexts, err := readDemo(*demo)
	if err != nil {
		log.Fatal(err)
	}
	for label, lines := range demoTexts {
		texts[label] = append(texts[label], lines...)
	}
	pen := map[string]float64{}
	for label, lines := range texts {
		if len(lines) == 0 {
			log.Printf("gen: no training text for %s: left out", label)
			continue
		}
		models[label], pen[label] = count(lines)
	}
	for label, m := range models {
		if _, ok := pen[label]; !ok {
			pen[label] = backoffPenalty(m)
		}
		log.Printf("%s: backoff penalty %.2f", label, pen[label])
	}
	if err := write(*out, models, pen, lex); err != nil {
		log.Fatal(err)
	}
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// readDemo returns the Pashto texts of the demo corpus. A record does not
// say its language, so only what is certain is taken: text with many of
// the letters only Pashto writes.
func readDemo(dir string) (map[string][]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, f := range files {
		lines, err := readLines(f)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			var r struct{ Text, HTML string }
			if json.Unmarshal([]byte(l), &r) != nil || r.Text == "" {
				continue
			}
			if pashtoLetters(r.Text) > 20 {
				out["ps"] = append(out["ps"], strings.Split(r.Text, "\n")...)
			}
		}
	}
	return out, nil
}

func pashtoLetters(s string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune("ټډړږښګڼځڅېۍ", r) {
			n++
		}
	}
	return n
}

// Words splits text as the identifier does: runs of letters, lower-cased.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// count computes, for every n-gram of orders 1..maxOrder inside words,
// its probability given its first n−1 characters (for unigrams, its share
// of all characters), with Witten–Bell discounting: the project's text is
// small beside the corpora behind the borrowed models, and plain relative
// frequencies from it would be overconfident (every n-gram seen once
// after a rare prefix would get probability 1).
func count(lines []string) (map[string]float64, float64) {
	abs := make([]map[string]int, maxOrder+1)
	for n := range abs {
		abs[n] = map[string]int{}
	}
	total := 0
	for _, l := range lines {
		for _, w := range words(l) {
			rs := []rune(w)
			for n := 1; n <= maxOrder; n++ {
				for i := 0; i+n <= len(rs); i++ {
					abs[n][string(rs[i:i+n])]++
					if n == 1 {
						total++
					}
				}
			}
		}
	}
	// types[n][h]: how many distinct characters follow the prefix h.
	types := make([]map[string]int, maxOrder+1)
	for n := 2; n <= maxOrder; n++ {
		types[n] = map[string]int{}
		for g := range abs[n] {
			types[n][string([]rune(g)[:n-1])]++
		}
	}
	out := map[string]float64{}
	for n := 1; n <= maxOrder; n++ {
		for g, c := range abs[n] {
			if n == 1 {
				out[g] = float64(c) / float64(total+len(abs[1]))
				continue
			}
			// Interpolated: the discounted estimate plus the history's
			// backoff mass times the estimate from one character less of
			// history (the n-gram without its first character).
			rs := []rune(g)
			h := string(rs[:n-1])
			t := types[n][h]
			out[g] = (float64(c) + float64(t)*out[string(rs[1:])]) / float64(abs[n-1][h]+t)
		}
	}
	// The backoff penalty, as backoffPenalty estimates it for the borrowed
	// models, but from the counts themselves.
	sum, wt := 0.0, 0.0
	for n := 2; n <= maxOrder; n++ {
		for h, t := range types[n] {
			sum += float64(t) * math.Log10(float64(t)/float64(abs[n-1][h]+t))
			wt += float64(t)
		}
	}
	return out, sum / wt
}

// backoffPenalty estimates, from a model's conditional probabilities, the
// log10 weight Witten–Bell discounting gives to backing off from a history
// h to a shorter one: T(h)/(c(h)+T(h)), where T(h) is the number of
// distinct characters seen after h and c(h) how often h was seen, averaged
// over histories weighted by T(h) (the novel events each history saw).
// The borrowed models hold relative frequencies, not counts: c(h) is taken
// as 1/p for the rarest character seen after h, which was seen once.
func backoffPenalty(m map[string]float64) float64 {
	type hist struct {
		t    int
		minP float64
	}
	hs := map[string]*hist{}
	for g, p := range m {
		rs := []rune(g)
		if len(rs) < 2 {
			continue
		}
		h := string(rs[:len(rs)-1])
		e := hs[h]
		if e == nil {
			e = &hist{minP: 1}
			hs[h] = e
		}
		e.t++
		e.minP = min(e.minP, p)
	}
	sum, w := 0.0, 0.0
	for _, e := range hs {
		c := 1 / e.minP
		t := float64(e.t)
		sum += t * math.Log10(t/(c+t))
		w += t
	}
	return sum / w
}

// Word edges: the character models know nothing of where a word begins
// or ends (the borrowed ones are counted without boundaries), and how
// words begin and end tells Persian, Pashto and Urdu apart as much as
// anything. edgeModel counts, over a language's word list, the first
// edgeOrder−1 characters given the start of a word and the end of a word
// given the edgeOrder−1 characters before it, with Witten–Bell
// discounting. Keys mark the start with startMark and the end with
// endMark: "\x02ab" is P(b | start, a), "xy\x03" is P(end | x, y).
const (
	edgeOrder = 4
	startMark = "\x02"
	endMark   = "\x03"
)

func edgeModel(words map[string]bool) map[string]float64 {
	counts := map[string]int{} // n-grams of the marked words, orders 1..edgeOrder
	for w := range words {
		rs := append(append([]rune(startMark), []rune(strings.ToLower(w))...), []rune(endMark)...)
		for n := 1; n <= edgeOrder; n++ {
			for i := 0; i+n <= len(rs); i++ {
				counts[string(rs[i:i+n])]++
			}
		}
	}
	hist := map[string]int{}  // c(h): how often h is followed by anything
	types := map[string]int{} // T(h): how many distinct characters follow h
	for g, c := range counts {
		rs := []rune(g)
		if len(rs) < 2 {
			continue
		}
		h := string(rs[:len(rs)-1])
		hist[h] += c
		types[h]++
	}
	out := map[string]float64{}
	for g, c := range counts {
		rs := []rune(g)
		if len(rs) < 2 || !(strings.HasPrefix(g, startMark) || strings.HasSuffix(g, endMark)) {
			continue
		}
		h := string(rs[:len(rs)-1])
		out[g] = float64(c) / float64(hist[h]+types[h])
	}
	return out
}

var files = []string{"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"}

func readLingua(dir, lang string) (map[string]float64, error) {
	out := map[string]float64{}
	for n, name := range files[:maxOrder] {
		path := filepath.Join(dir, lang, name+".pb.bin.zip")
		z, err := zip.OpenReader(path)
		if err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
		if len(z.File) != 1 {
			z.Close()
			return nil, fmt.Errorf("gen: %s: want one file in the zip", path)
		}
		f, err := z.File[0].Open()
		if err != nil {
			z.Close()
			return nil, fmt.Errorf("gen: %s: %w", path, err)
		}
		b, err := io.ReadAll(f)
		z.Close()
		if err != nil {
			return nil, fmt.Errorf("gen: %s: %w", path, err)
		}
		if err := decodeModel(b, func(p float64, gram string) {
			if n == 0 || p >= minProb {
				out[gram] = p
			}
		}); err != nil {
			return nil, fmt.Errorf("gen: %s: %w", path, err)
		}
	}
	return out, nil
}

// decodeModel reads lingua-go's SerializableLanguageModel protocol buffer
// (field 4: repeated n-gram sets of {1: double probability, 2: repeated
// string n-grams}) without a protobuf library.
func decodeModel(b []byte, fn func(p float64, gram string)) error {
	for len(b) > 0 {
		key, n := binary.Uvarint(b)
		if n <= 0 {
			return fmt.Errorf("bad key")
		}
		b = b[n:]
		switch key & 7 {
		case 0:
			_, n := binary.Uvarint(b)
			if n <= 0 {
				return fmt.Errorf("bad varint")
			}
			b = b[n:]
		case 1:
			b = b[8:]
		case 5:
			b = b[4:]
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || int(l) > len(b)-n {
				return fmt.Errorf("bad length")
			}
			msg := b[n : n+int(l)]
			b = b[n+int(l):]
			if key>>3 != 4 {
				continue
			}
			var p float64
			var grams []string
			for len(msg) > 0 {
				k, n := binary.Uvarint(msg)
				if n <= 0 {
					return fmt.Errorf("bad set key")
				}
				msg = msg[n:]
				switch k & 7 {
				case 1:
					p = math.Float64frombits(binary.LittleEndian.Uint64(msg[:8]))
					msg = msg[8:]
				case 2:
					l, n := binary.Uvarint(msg)
					if n <= 0 || int(l) > len(msg)-n {
						return fmt.Errorf("bad n-gram")
					}
					grams = append(grams, string(msg[n:n+int(l)]))
					msg = msg[n+int(l):]
				default:
					return fmt.Errorf("unexpected wire type %d in a set", k&7)
				}
			}
			for _, g := range grams {
				fn(p, g)
			}
		default:
			return fmt.Errorf("unexpected wire type %d", key&7)
		}
	}
	return nil
}

// The table's layout, which model.go reads in place from the embedded
// file without building anything at start-up (all integers little-endian):
//
//	"KHNG2\n", the labels joined by spaces and "\n"
//	uint32 bucket bits B, uint32 entry count N
//	nLabels float32: each label's backoff penalty (log10)
//	4 float32: what a word in the word list of ar, fa, ps, ur counts (log10)
//	(2^B + 1) uint32: the first entry of each bucket, then N
//	N uint32: the entries' fingerprints
//	N × nLabels bytes: per entry and label, the log10 probability times
//	-20, rounded (0..254), or 255 when the label has none
//
// An entry is an n-gram (its UTF-8 bytes) or a lexicon word (a 0x01 byte,
// then the word as clean makes it: byte 0 for the languages whose list
// holds it). Its key hashes (keys.Hash) to 64 bits: the top B bits pick the
// bucket, the low 32 are the fingerprint; entries are sorted by bucket,
// then fingerprint. Two keys with the same bucket and fingerprint are
// merged (none are, at this size, but the reader would not care).
func write(path string, models map[string]map[string]float64, pen map[string]float64, lex map[string]map[string]bool) error {
	edges := map[string]map[string]float64{}
	for l, words := range lex {
		edges[l] = edgeModel(words)
	}
	table := map[string][]byte{}
	entry := func(k string) []byte {
		v := table[k]
		if v == nil {
			v = bytes.Repeat([]byte{255}, len(labels))
			table[k] = v
		}
		return v
	}
	for li, l := range labels {
		for g, p := range models[l] {
			q := math.Round(-20 * math.Log10(p))
			entry(g)[li] = byte(min(254, max(0, q)))
		}
		for w := range lex[l] {
			entry("\x01" + w)[li] = 0
		}
		for g, p := range edges[l] {
			q := math.Round(-20 * math.Log10(p))
			entry(g)[li] = byte(min(254, max(0, q)))
		}
		log.Printf("%s: %d n-grams, %d words", l, len(models[l]), len(lex[l]))
	}
	bits := uint(1)
	for 1<<bits < len(table)/4 {
		bits++
	}
	type ent struct {
		h uint64
		v []byte
	}
	ents := make([]ent, 0, len(table))
	for k, v := range table {
		ents = append(ents, ent{keys.Hash([]byte(k)), v})
	}
	sort.Slice(ents, func(i, j int) bool {
		return ents[i].h>>(64-bits) < ents[j].h>>(64-bits) ||
			ents[i].h>>(64-bits) == ents[j].h>>(64-bits) && uint32(ents[i].h) < uint32(ents[j].h)
	})
	var b bytes.Buffer
	fmt.Fprintf(&b, "KHNG2\n%s\n", strings.Join(labels, " "))
	u32 := func(x uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, x)) }
	u32(uint32(bits))
	u32(uint32(len(ents)))
	for _, l := range labels {
		u32(math.Float32bits(float32(pen[l])))
	}
	for _, l := range labels[:4] {
		u32(math.Float32bits(float32(lexiconWeight(lex, l))))
	}
	next := 0
	for bucket := range 1 << bits {
		for next < len(ents) && ents[next].h>>(64-bits) < uint64(bucket) {
			next++
		}
		u32(uint32(next))
	}
	u32(uint32(len(ents)))
	for _, e := range ents {
		u32(uint32(e.h))
	}
	for _, e := range ents {
		b.Write(e.v)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// lexiconWeight is what a word counts, in log10 units, for a language
// whose word list holds it. Each list holds the commonest words of the
// language's web text; a word drawn from a list is about as likely as any
// other of it, one in the list's size, so being in a long list says less
// than being in a short one: the shortest list's words count 1, and a
// list k times longer counts 1 − log10 k (Arabic's list, 7.6 times the
// Persian one, counts 0.12). A list's size is counted in words, as
// khabar's matching tells words apart (script.Normalize), not in
// spellings: the Pashto list writes many of its words two or three ways
// (ي or ی, ې, ك or ک, ګ or گ), as Pashto writers do, and its 25,700
// spellings are 18,000 words; counted in spellings, a word of it counted
// less than the same word of the Persian list for no other reason.
func lexiconWeight(lex map[string]map[string]bool, l string) float64 {
	size := func(words map[string]bool) int {
		seen := map[string]bool{}
		for w := range words {
			seen[script.Normalize(w)] = true
		}
		return len(seen)
	}
	n := size(lex[l])
	shortest := n
	for _, m := range lex {
		shortest = min(shortest, size(m))
	}
	w := 1 - math.Log10(float64(n)/float64(shortest))
	log.Printf("%s: %d words in the list, each counts %.3f", l, n, w)
	return w
}

// readLexicons reads the word lists lexicon/{ar,fa,ps,ur}.txt, each word
// as the identifier cleans it.
func readLexicons(dir string) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	for _, l := range []string{"ar", "fa", "ps", "ur"} {
		lines, err := readLines(filepath.Join(dir, l+".txt"))
		if err != nil {
			return nil, err
		}
		out[l] = map[string]bool{}
		for _, w := range lines {
			if w = keys.Clean(w); w != "" {
				out[l][w] = true
			}
		}
	}
	return out, nil
}
