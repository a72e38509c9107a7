// Package lang identifies the language of a text and, for Persian, its
// variety: Dari (fa-AF) or Iranian Persian (fa-IR).
//
// It reads the script of the letters first (many languages are settled
// by script alone). Arabic-script text is scored, per language (ar, fa,
// ps, ur), by a character language model: each character given the up to
// four before it in its word, backing off to shorter histories, with where
// words begin and end, plus membership of each word in the language's
// list of common words (all in one table, data/ngrams.bin, read in place;
// gen/main.go builds it). Letters that only one language writes (Pashto
// ښ ځ څ ې ۍ …, Urdu ے ں ٹ ہ …, Arabic ة ى ك …) and function words and
// vocabulary from a plain cue file (data/cues.txt) that a user can extend
// add their weight. The Persian variety is told by Dari and Iranian
// vocabulary (data/variety.txt), spelling habits and two small character
// models.
package lang

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/lang/keys"
	"github.com/khabar-news/khabar/internal/script"
)

//go:embed data/cues.txt
var cueFile string

//go:embed data/variety.txt
var varietyFile string

// Result is an identification.
type Result struct {
	Lang       string  // ISO 639-1 code, or "und"
	Variety    string  // "fa-AF", "fa-IR" or "" (unknown or not Persian)
	Confidence float64 // 0..1
}

// Identifier identifies languages. It is safe for concurrent use.
type Identifier struct {
	cues   map[string]map[string]float64 // word → label → weight
	arCues map[string][nLabels]float32   // the same, for ar fa ps ur fa-AF fa-IR
	// dateCues are words that are cues only in a date (a label written
	// with ":date" in a cue file): month names that are also ordinary
	// words, as the Dari جدی (and the Persian "serious") or حمل ("carrying").
	dateCues map[string][nLabels]float32
	model    *ngramModel
}

// New returns an identifier with the embedded cues and any user cue files.
func New(userFiles ...string) (*Identifier, error) {
	m, err := sharedModel()
	if err != nil {
		return nil, err
	}
	id := &Identifier{cues: map[string]map[string]float64{}, model: m}
	dated := map[string]map[string]float64{}
	if err := id.read(strings.NewReader(cueFile), "cues.txt", dated); err != nil {
		return nil, err
	}
	id.readVariety(varietyFile)
	for _, name := range userFiles {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("lang: cue file: %w", err)
		}
		err = id.read(f, name, dated)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	pashtoYeh(id.cues)
	id.arCues, id.dateCues = arabicCues(id.cues), arabicCues(dated)
	return id, nil
}

// pashtoYeh adds, for each Pashto cue word, its spellings with the other
// yeh: Pashto writers put ي and ی (and ې, ۍ) where the standard has the
// other (وويل for وویل, شوی for شوي), and a cue file lists each word once.
// A spelling that is a cue of its own is left alone.
func pashtoYeh(cues map[string]map[string]float64) {
	swap := strings.NewReplacer("ي", "ی", "ی", "ي")
	var add []string
	for w, c := range cues {
		if _, ok := c["ps"]; ok && strings.ContainsAny(w, "يی") {
			add = append(add, w)
		}
	}
	for _, w := range add {
		for _, v := range []string{swap.Replace(w), strings.ReplaceAll(w, "ی", "ي"), strings.ReplaceAll(w, "ي", "ی")} {
			if _, ok := cues[v]; !ok {
				cues[v] = map[string]float64{"ps": cues[w]["ps"]}
			}
		}
	}
}

// arabicCues keeps the cues of the Arabic-script labels, as a vector in
// the model's label order.
func arabicCues(cues map[string]map[string]float64) map[string][nLabels]float32 {
	out := map[string][nLabels]float32{}
	labels := strings.Fields(modelLabels)
	for w, c := range cues {
		var v [nLabels]float32
		any := false
		for i, l := range labels {
			if wt, ok := c[l]; ok {
				v[i], any = float32(wt), true
			}
		}
		if any {
			out[w] = v
		}
	}
	return out
}

// read reads a cue file; cues whose label ends in ":date" go to dated.
func (id *Identifier) read(r io.Reader, name string, dated map[string]map[string]float64) error {
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
		cues, label := id.cues, f[0]
		if l, ok := strings.CutSuffix(label, ":date"); ok {
			cues, label = dated, l
		}
		for _, word := range f[2:] {
			word = clean(word)
			if cues[word] == nil {
				cues[word] = map[string]float64{}
			}
			cues[word][label] = w
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lang: %s: %w", name, err)
	}
	return nil
}

// varietyWeight is what one word of data/variety.txt counts for its
// variety.
const varietyWeight = 2.0

// readVariety adds the one-word Dari and Iranian equivalents of
// data/variety.txt as cues, where cues.txt does not weigh them already.
func (id *Identifier) readVariety(text string) {
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		for i, label := range []string{"fa-AF", "fa-IR"} {
			w := clean(strings.TrimSpace(f[i]))
			if w == "" || strings.Contains(w, " ") {
				continue
			}
			if id.cues[w] == nil {
				id.cues[w] = map[string]float64{}
			}
			if _, ok := id.cues[w][label]; !ok {
				id.cues[w][label] = varietyWeight
			}
		}
	}
}

// orthography scores the spelling habits that set the varieties apart:
// Iranian writing follows the Academy's rules and joins the verbal prefix
// می and the plural ها to their word with a zero-width non-joiner, and
// quotes with «»; Afghan writing more often leaves a space (می گویند,
// کشور های) or nothing, and quotes with "". A habit is the writer's, not
// each word's: it counts once per text, by the share of joined and
// separate forms, up to habitWeight (3, the best of 1 … 6 on the
// project's held-out text; see validate_test.go), not once per word, which
// would let a long text's habit outweigh all its vocabulary.
func orthography(text string) (af, ir float64) {
	var joined, apart float64
	for rest := text; rest != ""; {
		var f string
		f, rest = nextField(rest)
		switch {
		case strings.HasPrefix(f, "می\u200c") || strings.HasPrefix(f, "نمی\u200c") || strings.Contains(f, "\u200cها"):
			joined++
		case (f == "می" || f == "نمی") && strings.TrimSpace(rest) != "":
			apart++
		case f == "ها" || f == "های" || f == "هایی" || f == "گان":
			apart++
		}
	}
	if joined+apart > 0 {
		ir = habitWeight * joined / (joined + apart)
		af = habitWeight * apart / (joined + apart)
	}
	if strings.Contains(text, "«") {
		ir += 0.5
	}
	if strings.Contains(text, "\"") {
		af += 0.25
	}
	return af, ir
}

const habitWeight = 3.0

// clean is keys.Clean, with a quick look first for the common word that
// it would leave as it is.
func clean(w string) string {
	plain := true
	for _, r := range w {
		switch {
		case r < 0x80:
			plain = r < 'A' || r > 'Z'
		case r >= 0x0600 && r <= 0x06FF:
			plain = !arabicBlock[r-0x0600].ignore
		default:
			plain = script.NormRune(r) >= 0 && (!unicode.Is(unicode.Latin, r) || unicode.ToLower(r) == r)
		}
		if !plain {
			break
		}
	}
	if plain {
		return w
	}
	return keys.Clean(w)
}

// letterCues are letters that mark one Arabic-script language, with the
// weight a word containing one adds (per label: ar fa ps ur).
var letterCues = []struct {
	r       rune
	weights [4]float64
}{
	{'ښ', [4]float64{0, 0, 3, 0}}, {'ځ', [4]float64{0, 0, 3, 0}}, {'څ', [4]float64{0, 0, 3, 0}},
	{'ې', [4]float64{0, 0, 3, 0}}, {'ۍ', [4]float64{0, 0, 3, 0}}, {'ږ', [4]float64{0, 0, 3, 0}},
	{'ټ', [4]float64{0, 0, 3, 0}}, {'ډ', [4]float64{0, 0, 3, 0}}, {'ړ', [4]float64{0, 0, 3, 0}},
	{'ڼ', [4]float64{0, 0, 3, 0}}, {'ګ', [4]float64{0, 0, 3, 0}},
	{'ٹ', [4]float64{0, 0, 0, 3}}, {'ڈ', [4]float64{0, 0, 0, 3}}, {'ڑ', [4]float64{0, 0, 0, 3}},
	{'ں', [4]float64{0, 0, 0, 3}}, {'ے', [4]float64{0, 0, 0, 3}}, {'ۓ', [4]float64{0, 0, 0, 3}}, {'ۂ', [4]float64{0, 0, 0, 3}},
	{'ہ', [4]float64{0, 0, 0, 3}}, {'ھ', [4]float64{0, 0, 0, 2.5}}, {'ۃ', [4]float64{0, 0, 0, 2}},
	{'ة', [4]float64{2, 0, 0, 0}}, {'ى', [4]float64{1.5, 0, 0, 0}}, {'ك', [4]float64{2, 0, 0, 0}},
	{'إ', [4]float64{1.5, 0, 0, 0}}, {'ؤ', [4]float64{1, 0, 0, 0}},
	{'ي', [4]float64{1, 0, 0.8, 0}},
	{'پ', [4]float64{0, 0.6, 0.4, 0.5}}, {'چ', [4]float64{0, 0.6, 0.4, 0.5}},
	{'ژ', [4]float64{0, 0.8, 0.4, 0}}, {'ۀ', [4]float64{0, 2, 0, 0}}, {'گ', [4]float64{0, 0.6, 0.2, 0.6}},
	{'ی', [4]float64{0, 0.4, 0.3, 0.4}}, {'ک', [4]float64{0, 0.4, 0.4, 0.4}},
}

// arabicBlock describes each rune of the Arabic block U+0600–U+06FF:
// its place in letterCues plus one (0 for none), whether it is a letter,
// and whether clean drops it.
var arabicBlock = func() (t [256]struct {
	cue            int8
	letter, ignore bool
}) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i].letter = unicode.IsLetter(r)
		t[i].ignore = script.NormRune(r) < 0
	}
	for i, c := range letterCues {
		t[c.r-0x0600].cue = int8(i + 1)
	}
	return t
}()

// isLetter is unicode.IsLetter, quick for ASCII and the Arabic block.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 0x0600 && r <= 0x06FF:
		return arabicBlock[r-0x0600].letter
	}
	return unicode.IsLetter(r)
}

// isSpace is unicode.IsSpace, quick for ASCII and the Arabic block.
func isSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || '\t' <= r && r <= '\r'
	case r >= 0x0600 && r <= 0x06FF:
		return false
	}
	return unicode.IsSpace(r)
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
	var arabic, latin, ukrainian int
	var other [32]int // per scriptLangs entry
	for _, r := range text {
		switch {
		case r < 0x80:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
		case r >= 0x0600 && r <= 0x06FF:
			if arabicBlock[r-0x0600].letter {
				arabic++
			}
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			for i, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					other[i]++
					if r == 'і' || r == 'ї' || r == 'є' || r == 'ґ' {
						ukrainian++
					}
					break
				}
			}
		}
	}
	total := arabic + latin
	counts := map[string]int{}
	for i, n := range other[:len(scriptLangs)] {
		if n > 0 {
			counts[scriptLangs[i].lang] += n
		}
	}
	best, bestN := "", 0
	for l, n := range counts {
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
		if best == "zh" && counts["ja"] > 0 {
			best = "ja" // Japanese writes Han with kana
		}
		if best == "ru" && ukrainian > 0 {
			best = "uk"
		}
		return Result{Lang: best, Confidence: float64(bestN) / float64(total)}
	case arabic*10 >= latin*3:
		// The region's pages mix English names and site boilerplate into
		// Arabic-script text; the Arabic-script part is the content.
		return id.arabicScript(text, float64(arabic)/float64(arabic+latin))
	default:
		return id.latinScript(text, float64(latin)/float64(total))
	}
}

// prior is the log10 prior of each of ar, fa, ps, ur in khabar's input:
// it reads six varieties (English, Dari, Iranian Persian, Pashto, Urdu,
// Arabic), each as likely as the next, and two of them are Persian, so
// among Arabic-script texts Persian is twice as likely as each other
// language. It matters only for a word or two, where the letters leave
// the language open (a word Persian lends to Urdu and Pashto).
var prior = [4]float64{0, math.Log10(2), 0, 0}

// decided is the lead, in log10 units, past which the n-gram model stops
// reading a text's words for the language (a likelihood ratio of 10^25:
// no later word overturns it).
const decided = 25

// arabicScript tells ar, fa, ps and ur apart, then the Persian variety.
func (id *Identifier) arabicScript(text string, share float64) Result {
	var ng [nLabels]float64
	if id.model.score(text, &ng, decided) == 0 {
		return Result{Lang: "und"}
	}
	var score [nLabels]float64 // cue points: ar fa ps ur fa-AF fa-IR
	var buf []byte
	words := 0
	// The Dari and Iranian words seen: each counts once, as a word of one
	// variety tends to come back in a text (a name, a title) and says no
	// more the second time.
	var varietyWords []string
	var prev string // the field before w
	for rest := text; rest != ""; {
		var field, w string
		field, rest = nextField(rest)
		w = clean(strings.TrimFunc(field, func(r rune) bool { return !isLetter(r) && !unicode.IsMark(r) }))
		before := prev
		prev = field
		if w == "" {
			continue
		}
		c, ok := id.arCues[w]
		if d, dok := id.dateCues[w]; dok {
			if next, _ := nextField(rest); inDate(before, next) {
				for l := range d {
					c[l] += d[l]
				}
				ok = true
			}
		}
		if ok {
			for l, wt := range c[:4] {
				score[l] += float64(wt)
			}
			if c[4] != 0 || c[5] != 0 {
				if !slices.Contains(varietyWords, w) {
					varietyWords = append(varietyWords, w)
					score[4] += float64(c[4])
					score[5] += float64(c[5])
				}
			}
		}
		var seen uint64
		for _, r := range w {
			if r < 0x0600 || r > 0x06FF {
				continue
			}
			if i := arabicBlock[r-0x0600].cue - 1; i >= 0 && seen&(1<<i) == 0 {
				seen |= 1 << i
				for l, wt := range letterCues[i].weights {
					score[l] += wt
				}
			}
		}
		if strings.HasPrefix(w, "ال") && len(w) > 6 {
			score[0] += 1.2
		}
		if words++; words <= maxWords {
			var in [4]bool
			in, buf = id.model.inLexicon(w, buf)
			for l, ok := range in {
				if ok {
					score[l] += id.model.lexicon[l]
				}
			}
		}
	}
	var total [4]float64
	for i := range total {
		total[i] = ng[i] + cueWeight*score[i] + prior[i]
	}
	best := argmax(total[:])
	res := Result{Lang: scriptLangs4[best], Confidence: share * softmaxTop(total[:], best)}
	if res.Lang == "fa" {
		af, ir := orthography(text)
		af = varietyNgramWeight*ng[4] + cueWeight*(score[4]+af)
		ir = varietyNgramWeight*ng[5] + cueWeight*(score[5]+ir)
		switch {
		case af > ir:
			res.Variety = "fa-AF"
		case ir > af:
			res.Variety = "fa-IR"
		}
	}
	return res
}

// inDate reports whether a word between the fields before and next is in
// a date: next to a number (۱۵ حمل ۱۴۰۲, حمل ۱۴۰۲), or after ماه or برج
// ("month", "sign": برج حمل).
func inDate(before, next string) bool {
	hasDigit := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { _, ok := script.Digit(r); return ok })
	}
	if hasDigit(before) || hasDigit(next) {
		return true
	}
	switch clean(strings.TrimFunc(before, func(r rune) bool { return !isLetter(r) })) {
	case "ماه", "برج", "ماہ":
		return true
	}
	return false
}

// nextField returns the text up to the next white space, and the rest
// after it, skipping leading white space (strings.Fields without the
// slice).
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, isSpace)
	if i := strings.IndexFunc(s, isSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// cueWeight converts cue points (data/cues.txt) into the model's log10
// units: one strong function word counts like a clearly likelier word.
const cueWeight = 1.0

func argmax(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

// softmaxTop is the probability of v[best] when v are log10 likelihoods.
func softmaxTop(v []float64, best int) float64 {
	sum := 0.0
	for _, x := range v {
		sum += math.Pow(10, x-v[best])
	}
	return 1 / sum
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
	res := pick(score, labels, "en", share)
	if res.Lang != "en" && score[res.Lang] <= score["en"]+otherLatin {
		// English is khabar's one Latin-script language: another needs
		// more than a stray word of its own (an abbreviation, a name).
		res = Result{Lang: "en", Confidence: 0.3 * share}
	}
	return res
}

// otherLatin is the lead, in cue points, that a Latin-script language
// other than English needs over English: more than one function word.
const otherLatin = 2.0

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

// varietyNgramWeight scales the Dari and Iranian n-gram models against
// the cue words and spelling habits. The models are counted from the
// project's own text, far smaller than the corpora behind the language
// models, so they get a small weight: 0.05, the best of 0 … 1 on held-out
// text the project wrote (train/fa-*-prose.txt left out of the model; see
// validate_test.go), never on evaluation data.
const varietyNgramWeight = 0.05
