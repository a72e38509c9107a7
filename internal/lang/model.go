package lang

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/khabar-news/khabar/internal/lang/keys"
)

// The character n-gram model and the word lists, one table; gen/main.go
// says how it is built, from what, and its layout. It is read in place:
// nothing is decompressed or built at start-up.
//
//go:embed data/ngrams.bin
var ngramFile string

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
	// floor is the log10 probability charged for a character no order
	// of a label's model has seen.
	floor = -5
	// maxOrder is the longest n-gram in the model.
	maxOrder = 5
	// maxWords bounds the words the model reads of a long text: a few
	// hundred settle any language, and the cues read the rest.
	maxWords = 120
	// fullWords is how many words are scored with every order; later
	// words use trigrams, which settle a long text as well and cost less.
	fullWords = 12
	// maxWordLen bounds the characters of one word the model reads.
	maxWordLen = 40
)

// ngramModel is the embedded table (see gen/main.go): a bucket index,
// a fingerprint per entry, and a byte per label and entry.
type ngramModel struct {
	index   string // (1<<bits + 1) uint32: first entry of each bucket
	fps     string // n uint32 fingerprints
	vals    string // n × nLabels bytes
	shift   uint   // 64 − bucket bits
	penalty [nLabels]float64
	lexicon [4]float64 // what a word in the word list of ar, fa, ps, ur counts
}

// sharedModel maps the embedded table once per process.
var sharedModel = sync.OnceValues(func() (*ngramModel, error) { return parseModel(ngramFile) })

func parseModel(data string) (*ngramModel, error) {
	head := "KHNG2\n" + modelLabels + "\n"
	if !strings.HasPrefix(data, head) {
		return nil, fmt.Errorf("lang: model: not a khabar n-gram table for %q", modelLabels)
	}
	d := data[len(head):]
	if len(d) < 4*(2+nLabels+4) {
		return nil, fmt.Errorf("lang: model: short")
	}
	bits, n := u32(d, 0), u32(d, 1)
	m := &ngramModel{shift: uint(64 - bits)}
	for l := range nLabels {
		m.penalty[l] = float64(math.Float32frombits(u32(d, 2+l)))
	}
	for l := range m.lexicon {
		m.lexicon[l] = float64(math.Float32frombits(u32(d, 2+nLabels+l)))
	}
	d = d[4*(2+nLabels+4):]
	nIndex := (1<<bits + 1) * 4
	if bits == 0 || bits > 30 || len(d) != nIndex+int(n)*(4+nLabels) {
		return nil, fmt.Errorf("lang: model: bad size")
	}
	m.index, m.fps, m.vals = d[:nIndex], d[nIndex:nIndex+int(n)*4], d[nIndex+int(n)*4:]
	return m, nil
}

// u32 is the i-th little-endian uint32 of s.
func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// lookup returns the label bytes of the key k (an n-gram's UTF-8, or
// 0x01 and a word), or "".
func (m *ngramModel) lookup(k []byte) string {
	h := keys.Hash(k)
	b := int(h >> m.shift)
	fp := uint32(h)
	for i, end := int(u32(m.index, b)), int(u32(m.index, b+1)); i < end; i++ {
		if f := u32(m.fps, i); f == fp {
			return m.vals[i*nLabels : (i+1)*nLabels]
		} else if f > fp {
			break
		}
	}
	return ""
}

// inLexicon sets, per language of scriptLangs4, whether its word list
// holds the cleaned word w; buf is scratch space.
func (m *ngramModel) inLexicon(w string, buf []byte) (in [4]bool, _ []byte) {
	buf = append(append(buf[:0], 1), w...)
	if v := m.lookup(buf); v != "" {
		for l := range in {
			in[l] = v[l] == 0
		}
	}
	return in, buf
}

// scorer holds the scratch space of one scoring.
type scorer struct {
	key    []byte // scratch for edge keys
	buf    []byte // the word, UTF-8
	starts []int  // byte offset of each of its characters, and its end
}

// score adds to out, per label, the log10 likelihood of the text's words
// under each label's character model: every character given the (up to
// maxOrder−1) characters before it in its word, backing off to a shorter
// history, at the label's penalty, when the label has not seen the
// longer n-gram (a backoff model in the manner of Katz, with Witten–Bell
// weights; gen/main.go estimates them). It stops after maxWords words;
// once the best of the four languages leads the next by decided (when
// decided > 0) after at least minWords words, it scores only the Persian
// varieties if Persian leads, and stops otherwise. It returns the number
// of words read.
func (m *ngramModel) score(text string, out *[nLabels]float64, decided float64) int {
	var s scorer
	s.buf = make([]byte, 0, 64)
	s.starts = make([]int, 0, maxWordLen+1)
	words, from := 0, 0
	flush := func() bool {
		if len(s.buf) == 0 {
			return false
		}
		words++
		order := maxOrder
		if words > fullWords {
			order = 3
		}
		m.scoreWord(&s, order, from, out)
		s.buf, s.starts = s.buf[:0], s.starts[:0]
		if from == 0 && decided > 0 && words >= minWords && lead(out) >= decided {
			if argmax(out[:len(scriptLangs4)]) != 1 {
				return true // settled, and not Persian: no variety to read
			}
			from = len(scriptLangs4) // Persian: only the varieties are left
		}
		return false
	}
	for i, r := range text {
		if words >= maxWords {
			break
		}
		switch {
		case r >= 0xFB50 && r <= 0xFEFC:
			// Arabic presentation forms (from PDFs and old sites): their
			// letters, as the models know them.
			for _, q := range norm.NFKC.String(text[i : i+utf8.RuneLen(r)]) {
				if unicode.IsLetter(q) && len(s.starts) < maxWordLen {
					s.starts = append(s.starts, len(s.buf))
					s.buf = utf8.AppendRune(s.buf, q)
				}
			}
		case isLetter(r):
			if len(s.starts) < maxWordLen {
				s.starts = append(s.starts, len(s.buf))
				s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
			}
		case unicode.IsMark(r) || r == 0x0640:
			// diacritics and tatweel sit inside words without being letters
		default:
			if flush() {
				return words
			}
		}
	}
	flush()
	return words
}

// minWords is the fewest words read before a text may be decided early.
const minWords = 4

// lead is how far the best of the four languages leads the next.
func lead(v *[nLabels]float64) float64 {
	a, b := math.Inf(-1), math.Inf(-1)
	for _, x := range v[:len(scriptLangs4)] {
		if x > a {
			a, b = x, a
		} else if x > b {
			b = x
		}
	}
	return a - b
}

// edgeOrder is the longest n-gram of the word-edge model (gen/main.go).
const edgeOrder = 4

// scoreWord adds the log10 probability of the word in s.buf. Only labels
// from `from` on are scored.
func (m *ngramModel) scoreWord(s *scorer, order, from int, out *[nLabels]float64) {
	chars := len(s.starts)
	s.starts = append(s.starts, len(s.buf))
	var head [edgeOrder - 1][nLabels]float64 // what the first characters added
	for j := range chars {
		var got [nLabels]bool
		left := nLabels - from
		top := min(order, j+1)
		for n := top; n >= 1 && left > 0; n-- {
			e := m.lookup(s.buf[s.starts[j-n+1]:s.starts[j+1]])
			if e == "" {
				continue
			}
			for l := from; l < nLabels; l++ {
				if !got[l] && e[l] != absent {
					p := -float64(e[l])/20 + float64(top-n)*m.penalty[l]
					out[l] += p
					if j < len(head) {
						head[j][l] = p
					}
					got[l] = true
					left--
				}
			}
		}
		if left > 0 {
			for l := from; l < nLabels; l++ {
				if !got[l] {
					out[l] += floor
					if j < len(head) {
						head[j][l] = floor
					}
				}
			}
		}
	}
	if from < len(scriptLangs4) && chars > 0 {
		m.scoreEdges(s, chars, &head, out)
	}
}

// scoreEdges scores where the word begins and ends, for the four
// languages, by the word-edge model: the first characters' probabilities
// given that a word starts there replace the model's unconditioned ones,
// where the edge model has them, and the probability that the word ends
// after its last characters is added (backing off to fewer of them).
func (m *ngramModel) scoreEdges(s *scorer, chars int, head *[edgeOrder - 1][nLabels]float64, out *[nLabels]float64) {
	key := s.key[:0]
	key = append(key, 2)
	for j := 0; j < chars && j < edgeOrder-1; j++ {
		key = append(key, s.buf[s.starts[j]:s.starts[j+1]]...)
		e := m.lookup(key)
		if e == "" {
			break
		}
		for l := range scriptLangs4 {
			if e[l] != absent {
				out[l] += -float64(e[l])/20 - head[j][l]
			}
		}
	}
	var got [4]bool
	left := 4
	top := min(edgeOrder-1, chars)
	for n := top; n >= 1 && left > 0; n-- {
		key = append(append(key[:0], s.buf[s.starts[chars-n]:]...), 3)
		e := m.lookup(key)
		if e == "" {
			continue
		}
		for l := range got {
			if !got[l] && e[l] != absent {
				out[l] += -float64(e[l])/20 + float64(top-n)*m.penalty[l]
				got[l] = true
				left--
			}
		}
	}
	for l := range got {
		if !got[l] {
			out[l] += floor
		}
	}
	s.key = key
}
