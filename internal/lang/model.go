package lang

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The character n-gram model; gen/main.go says how it is built, from
// what, and its format.
//
//go:embed data/ngrams.bin.gz
var ngramFile []byte

// Labels scored by the model, in the model's order: the four
// Arabic-script languages, then the two Persian varieties.
var (
	scriptLangs4 = []string{"ar", "fa", "ps", "ur"}
	modelLabels  = "ar fa ps ur fa-AF fa-IR"
)

const (
	nLabels = 6
	// absent marks a label with no probability for an n-gram.
	absent = 255
	// floor is the log10 probability charged for an n-gram no order of
	// the model has seen for a label.
	floor = -5
	// maxOrder is the longest n-gram in the model.
	maxOrder = 5
	// maxWords bounds the words the model reads of a long text: a few
	// hundred settle any language, and the cues read the rest.
	maxWords = 120
	// fullWords is how many words are scored with every order.
	fullWords = 12
)

// ngramModel is a table of n-grams with a byte per label: the n-gram's
// log10 probability times -20, or absent. An open-addressing hash table
// over it makes a lookup one hash and a probe or two.
type ngramModel struct {
	keys  []byte   // the n-grams, back to back
	off   []uint32 // n-gram i is keys[off[i]:off[i+1]]
	vals  []byte   // nLabels bytes per n-gram
	slots []uint32 // hash table: n-gram index + 1, or 0 for empty
	mask  uint64
}

// sharedModel parses the embedded model once per process: every
// Identifier reads the same table, and parsing it is the slow part of
// building one.
var sharedModel = sync.OnceValues(func() (*ngramModel, error) { return parseModel(ngramFile) })

func parseModel(data []byte) (*ngramModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("lang: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic, _ := br.ReadString('\n')
	labels, _ := br.ReadString('\n')
	if magic != "KHNG1\n" || strings.TrimSpace(labels) != modelLabels {
		return nil, fmt.Errorf("lang: model: not a khabar n-gram model for %q", modelLabels)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, fmt.Errorf("lang: model: bad count")
	}
	m := &ngramModel{off: make([]uint32, 0, n+1), vals: make([]byte, n*nLabels)}
	m.off = append(m.off, 0)
	for i := range n {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 64 {
			return nil, fmt.Errorf("lang: model: entry %d: bad length", i)
		}
		start := len(m.keys)
		m.keys = append(m.keys, make([]byte, l)...)
		if _, err := io.ReadFull(br, m.keys[start:]); err != nil {
			return nil, fmt.Errorf("lang: model: entry %d: %w", i, err)
		}
		if _, err := io.ReadFull(br, m.vals[i*nLabels:(i+1)*nLabels]); err != nil {
			return nil, fmt.Errorf("lang: model: entry %d: %w", i, err)
		}
		m.off = append(m.off, uint32(len(m.keys)))
	}
	size := uint64(1)
	for size < 2*n {
		size <<= 1
	}
	m.slots, m.mask = make([]uint32, size), size-1
	for i := range n {
		h := hash(m.keys[m.off[i]:m.off[i+1]]) & m.mask
		for m.slots[h] != 0 {
			h = (h + 1) & m.mask
		}
		m.slots[h] = uint32(i + 1)
	}
	return m, nil
}

// hash is FNV-1a.
func hash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// lookup returns the label bytes of the n-gram g (UTF-8), or nil.
func (m *ngramModel) lookup(g []byte) []byte {
	for h := hash(g) & m.mask; m.slots[h] != 0; h = (h + 1) & m.mask {
		i := m.slots[h] - 1
		if bytes.Equal(m.keys[m.off[i]:m.off[i+1]], g) {
			return m.vals[i*nLabels : (i+1)*nLabels]
		}
	}
	return nil
}

// score adds to out, per label, the log10 likelihood of the text's words:
// every n-gram of orders 1..maxOrder inside each word, each backing off to
// its own prefixes when a label has not seen it (as lingua-go scores).
// It returns the number of words read.
func (m *ngramModel) score(text string, out *[nLabels]float64) int {
	words := 0
	var buf []byte                   // the word, UTF-8
	var starts []int                 // byte offset of each of its characters, and its end
	var found [][maxOrder + 1][]byte // found[i][n]: the n-gram at character i, or nil
	flush := func() {
		if len(buf) == 0 {
			return
		}
		words++
		starts = append(starts, len(buf))
		chars := len(starts) - 1
		// Past the first words only trigrams count, as in lingua-go: the
		// long n-grams are for short texts, where every clue matters.
		order := maxOrder
		if words > fullWords {
			order = 3
		}
		// Look every n-gram up once; a longer one backs off to these.
		found = found[:0]
		for i := range chars {
			var row [maxOrder + 1][]byte
			for n := 1; n <= order && i+n <= chars; n++ {
				row[n] = m.lookup(buf[starts[i]:starts[i+n]])
			}
			found = append(found, row)
		}
		for n := 1; n <= order && n <= chars; n++ {
			for i := 0; i+n <= chars; i++ {
				addGram(&found[i], n, out)
			}
		}
		buf, starts = buf[:0], starts[:0]
	}
	for _, r := range text {
		if words >= maxWords {
			break
		}
		switch {
		case unicode.IsLetter(r):
			starts = append(starts, len(buf))
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsMark(r) || r == 0x0640:
			// diacritics and tatweel sit inside words without being letters
		default:
			flush()
		}
	}
	flush()
	return words
}

// addGram scores the n-gram of length n whose lookups (and its
// prefixes') are row, backing off to the longest prefix each label has.
func addGram(row *[maxOrder + 1][]byte, n int, out *[nLabels]float64) {
	var got [nLabels]bool
	left := nLabels
	for k := n; k >= 1 && left > 0; k-- {
		e := row[k]
		if e == nil {
			continue
		}
		for l := range nLabels {
			if !got[l] && e[l] != absent {
				out[l] -= float64(e[l]) / 20
				got[l] = true
				left--
			}
		}
	}
	for l := range nLabels {
		if !got[l] {
			out[l] += floor
		}
	}
}
