// Package lang identifies the language of a text and, for Persian, its
// variety: Dari (fa-AF) or Iranian Persian (fa-IR).
//
// This first version reads three kinds of evidence: the script of the
// letters (many languages are settled by script alone), the letters that
// only one of the Arabic-script languages writes (Pashto ښ ځ څ ې ۍ …,
// Urdu ے ں ٹ ہ …, Arabic ة ى ك …), and function words and vocabulary
// from a plain cue file (data/cues.txt) that a user can extend.
package lang

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/script"
)

//go:embed data/cues.txt
var cueFile string

// Result is an identification.
type Result struct {
	Lang       string  // ISO 639-1 code, or "und"
	Variety    string  // "fa-AF", "fa-IR" or "" (unknown or not Persian)
	Confidence float64 // 0..1
}

// Identifier identifies languages. It is safe for concurrent use.
type Identifier struct {
	cues map[string]map[string]float64 // word → label → weight
}

// New returns an identifier with the embedded cues and any user cue files.
func New(userFiles ...string) (*Identifier, error) {
	id := &Identifier{cues: map[string]map[string]float64{}}
	if err := id.read(strings.NewReader(cueFile), "cues.txt"); err != nil {
		return nil, err
	}
	for _, name := range userFiles {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("lang: cue file: %w", err)
		}
		err = id.read(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return id, nil
}

func (id *Identifier) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) < 3 {
			return fmt.Errorf("lang: %s:%d: want label weight word…", name, line)
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("lang: %s:%d: weight %q: %w", name, line, f[1], err)
		}
		for _, word := range f[2:] {
			word = clean(word)
			if id.cues[word] == nil {
				id.cues[word] = map[string]float64{}
			}
			id.cues[word][f[0]] = w
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lang: %s: %w", name, err)
	}
	return nil
}

// clean drops diacritics and zero-width characters but keeps the letters
// as written: ي and ی, ك and ک tell languages apart, so they are not folded
// here as they are for matching.
func clean(w string) string {
	var b strings.Builder
	for _, r := range w {
		if script.NormRune(r) < 0 {
			continue
		}
		if r < 0x80 || unicode.Is(unicode.Latin, r) {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// letterCues are letters that mark one Arabic-script language, with the
// weight a word containing one adds.
var letterCues = map[rune]map[string]float64{
	'ښ': {"ps": 3}, 'ځ': {"ps": 3}, 'څ': {"ps": 3}, 'ې': {"ps": 3}, 'ۍ': {"ps": 3},
	'ږ': {"ps": 3}, 'ټ': {"ps": 3}, 'ډ': {"ps": 3}, 'ړ': {"ps": 3}, 'ڼ': {"ps": 3}, 'ګ': {"ps": 3},
	'ٹ': {"ur": 3}, 'ڈ': {"ur": 3}, 'ڑ': {"ur": 3}, 'ں': {"ur": 3}, 'ے': {"ur": 3},
	'ۓ': {"ur": 3}, 'ہ': {"ur": 3}, 'ھ': {"ur": 2.5}, 'ۃ': {"ur": 2},
	'ة': {"ar": 2}, 'ى': {"ar": 1.5}, 'ك': {"ar": 2}, 'إ': {"ar": 1.5}, 'ؤ': {"ar": 1},
	'ي': {"ar": 1, "ps": 0.8},
	'پ': {"fa": 0.6, "ur": 0.5, "ps": 0.4}, 'چ': {"fa": 0.6, "ur": 0.5, "ps": 0.4},
	'ژ': {"fa": 0.8, "ps": 0.4}, 'گ': {"fa": 0.6, "ur": 0.6, "ps": 0.2},
	'ی': {"fa": 0.4, "ur": 0.4, "ps": 0.3}, 'ک': {"fa": 0.4, "ur": 0.4, "ps": 0.4},
}

// scriptLangs are scripts that settle the language alone, or nearly.
var scriptLangs = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Hangul, "ko"}, {unicode.Hiragana, "ja"}, {unicode.Katakana, "ja"}, {unicode.Han, "zh"},
	{unicode.Greek, "el"}, {unicode.Hebrew, "he"}, {unicode.Thai, "th"}, {unicode.Georgian, "ka"},
	{unicode.Armenian, "hy"}, {unicode.Bengali, "bn"}, {unicode.Gurmukhi, "pa"}, {unicode.Gujarati, "gu"},
	{unicode.Tamil, "ta"}, {unicode.Telugu, "te"}, {unicode.Kannada, "kn"}, {unicode.Malayalam, "ml"},
	{unicode.Sinhala, "si"}, {unicode.Lao, "lo"}, {unicode.Khmer, "km"}, {unicode.Myanmar, "my"},
	{unicode.Ethiopic, "am"}, {unicode.Tibetan, "bo"}, {unicode.Devanagari, "hi"}, {unicode.Cyrillic, "ru"},
}

// Identify returns the language of text.
func (id *Identifier) Identify(text string) Result {
	var arabic, latin int
	other := map[string]int{}
	ukrainian := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			for _, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					other[s.lang]++
					if r == 'і' || r == 'ї' || r == 'є' || r == 'ґ' {
						ukrainian++
					}
					break
				}
			}
		}
	}
	total := arabic + latin
	best, bestN := "", 0
	for l, n := range other {
		total += n
		if n > bestN || (n == bestN && l < best) {
			best, bestN = l, n
		}
	}
	if total == 0 {
		return Result{Lang: "und"}
	}
	switch {
	case bestN > arabic && bestN > latin:
		if best == "zh" && other["ja"] > 0 {
			best = "ja" // Japanese writes Han with kana
		}
		if best == "ru" && ukrainian > 0 {
			best = "uk"
		}
		return Result{Lang: best, Confidence: float64(bestN) / float64(total)}
	case arabic >= latin:
		return id.arabicScript(text, float64(arabic)/float64(total))
	default:
		return id.latinScript(text, float64(latin)/float64(total))
	}
}

// arabicScript tells ar, fa, ps and ur apart, then the Persian variety.
func (id *Identifier) arabicScript(text string, share float64) Result {
	score := map[string]float64{}
	for _, w := range strings.Fields(text) {
		w = clean(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }))
		if w == "" {
			continue
		}
		for label, wt := range id.cues[w] {
			score[label] += wt
		}
		seen := map[rune]bool{}
		for _, r := range w {
			if c := letterCues[r]; c != nil && !seen[r] {
				seen[r] = true
				for l, wt := range c {
					score[l] += wt
				}
			}
		}
		if strings.HasPrefix(w, "ال") && len([]rune(w)) > 3 {
			score["ar"] += 1.2
		}
	}
	langs := []string{"fa", "ar", "ps", "ur"}
	res := pick(score, langs, "fa", share)
	if res.Lang == "fa" {
		res.Variety = variety(score)
	}
	return res
}

// variety decides Dari or Iranian Persian from their vocabulary; with no
// evidence either way it says nothing.
func variety(score map[string]float64) string {
	af, ir := score["fa-AF"], score["fa-IR"]
	switch {
	case af > ir:
		return "fa-AF"
	case ir > af:
		return "fa-IR"
	}
	return ""
}

func (id *Identifier) latinScript(text string, share float64) Result {
	score := map[string]float64{}
	for _, w := range strings.Fields(text) {
		w = clean(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		for label, wt := range id.cues[w] {
			if !strings.Contains(label, "-") {
				score[label] += wt
			}
		}
	}
	labels := make([]string, 0, len(score)+1)
	labels = append(labels, "en")
	for l := range score {
		if l != "en" && l != "ar" && l != "fa" && l != "ps" && l != "ur" {
			labels = append(labels, l)
		}
	}
	return pick(score, labels, "en", share)
}

// pick returns the best-scoring label. Confidence grows with the margin
// over the runner-up and with the amount of evidence; with no evidence the
// fallback (the likeliest language of the script in khabar's news) comes
// back with a low confidence.
func pick(score map[string]float64, labels []string, fallback string, share float64) Result {
	sort.Strings(labels[1:])
	best, second := "", 0.0
	bestScore := 0.0
	for _, l := range labels {
		s := score[l]
		if s > bestScore {
			best, second, bestScore = l, bestScore, s
		} else if s > second {
			second = s
		}
	}
	if best == "" {
		return Result{Lang: fallback, Confidence: 0.3 * share}
	}
	margin := (bestScore - second) / bestScore
	evidence := 1 - math.Exp(-bestScore/3)
	return Result{Lang: best, Confidence: share * (0.5 + 0.5*margin) * (0.4 + 0.6*evidence)}
}
