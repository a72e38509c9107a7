// Package keys is what the identifier (package lang) and the generator
// of its table (lang/gen) must do alike: clean a word and hash a table
// key. It is its own package because gen must build before the table it
// writes exists, and package lang embeds that table.
package keys

import (
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/script"
)

// Clean drops diacritics and zero-width characters but keeps the letters
// as written (ي and ی, ك and ک tell languages apart, so they are not
// folded here as they are for matching), and lower-cases Latin letters.
func Clean(w string) string {
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

// Hash is FNV-1a with MurmurHash3's final avalanche (fmix64), so that the
// top bits of a key's hash pick the table's buckets evenly.
func Hash(k []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range k {
		h ^= uint64(c)
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
