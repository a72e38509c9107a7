package script

import "strings"

// Skeleton returns a Latin consonant skeleton of a name, in any of the
// region's scripts, so that transliterations meet: vowels and vowel
// letters inside words are dropped, letters that write one sound in the
// different scripts become one Latin letter, and doubled consonants one.
// Word boundaries are dropped too, since scripts split compound names
// differently (Zabihullah, ذبیح الله). Arabic has no p, so p is written b:
// Trump, ترامپ, ټرمپ, ٹرمپ and ترامب all give "trmb". It is a key for
// matching, not a transliteration for reading.
func Skeleton(s string) string {
	var words []string
	for _, w := range Words(s) {
		if k := skeletonWord(w); k != "" {
			words = append(words, k)
		}
	}
	return strings.Join(words, "")
}

// arabicLatin maps the (already folded) Arabic-script letters to skeleton
// letters. Capitals stand for the sounds that Latin writes with two
// letters: S sh, X kh, C ch, G gh, Z zh.
var arabicLatin = map[rune]string{
	'ب': "b", 'پ': "b", 'ت': "t", 'ٹ': "t", 'ث': "s", 'ج': "j", 'چ': "C",
	'ح': "h", 'خ': "X", 'څ': "ts", 'ځ': "dz", 'د': "d", 'ڈ': "d", 'ذ': "z",
	'ر': "r", 'ڑ': "r", 'ز': "z", 'ژ': "Z", 'ږ': "Z", 'س': "s", 'ش': "S",
	'ښ': "S", 'ص': "s", 'ض': "z", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "G",
	'ف': "f", 'ق': "k", 'ک': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n",
	'ڼ': "n", 'ه': "h", 'ء': "",
}

func skeletonWord(w string) string {
	runes := []rune(w)
	var out []byte
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			if len(out) > 0 && out[len(out)-1] == s[i] {
				continue
			}
			out = append(out, s[i])
		}
	}
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r >= '0' && r <= '9' {
			add(string(r))
			continue
		}
		if r >= 0x600 && r <= 0x6FF {
			switch r {
			case 'ا':
				continue
			case 'و':
				if i == 0 {
					add("v")
				}
				continue
			case 'ی':
				if i == 0 {
					add("y")
				}
				continue
			case 'ه':
				if i == len(runes)-1 && i > 0 {
					continue // final heh is a vowel: Mohammad-e, Kandahar keeps its medial h
				}
			}
			add(arabicLatin[r])
			continue
		}
		if r >= 'a' && r <= 'z' {
			next := rune(0)
			if i+1 < len(runes) {
				next = runes[i+1]
			}
			if next == 'h' {
				switch r {
				case 's':
					add("S")
					i++
					continue
				case 'k':
					add("X")
					i++
					continue
				case 'c':
					add("C")
					i++
					continue
				case 'g':
					add("G")
					i++
					continue
				case 'z':
					add("Z")
					i++
					continue
				case 'p':
					add("f")
					i++
					continue
				case 't', 'd':
					add(string(r))
					i++
					continue
				}
			}
			switch r {
			case 'a', 'e', 'i', 'o', 'u':
				continue
			case 'w':
				if i == 0 {
					add("v")
				}
				continue
			case 'y':
				if i == 0 {
					add("y")
				}
				continue
			case 'q', 'c':
				add("k")
			case 'p':
				add("b")
			case 'x':
				add("ks")
			case 'v':
				add("v")
			case 'h':
				if i == len(runes)-1 && i > 0 {
					continue // Allah, Kandahar: final h after a vowel
				}
				add("h")
			default:
				add(string(r))
			}
		}
	}
	return string(out)
}
