// Package model holds rolo's domain: plain records, validation, money,
// folding and the other pure rules. It does no I/O.
package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldSpecial maps letters that neither Unicode decomposition nor simple
// lower-casing turn into the ASCII letters a user types for them.
var foldSpecial = map[rune]string{
	'ı': "i", 'İ': "i", // Turkish dotless and dotted I
	'ß': "ss", 'ẞ': "ss",
	'ø': "o", 'Ø': "o",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th",
	'ħ': "h", 'Ħ': "h",
}

// Fold returns s as rolo compares and searches it: lower case, accents and
// other combining marks removed, compatibility forms decomposed (ﬁ → fi),
// Turkish İ/I/ı all become i and German ß becomes ss. "IŞIK", "Işık" and
// "isik" fold to the same string, as do "MÜLLER" and "muller".
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// isApostrophe reports the characters people and keyboards use for an
// apostrophe inside a name such as O'Neil.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´', '′':
		return true
	}
	return false
}

// FoldQuery folds a search query: Fold, then apostrophes are removed so
// that "o'neil" and "oneil" ask for the same thing.
func FoldQuery(s string) string {
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, Fold(s))
}

// SearchText builds the folded text a record is found by. Every part is
// folded; a word holding an apostrophe is also written without it (so
// "O'Neil" is found by "oneil", "o'neil" and "neil"), and every phone is
// added as the runs of its digits a user might type (see PhoneSearchTokens).
func SearchText(parts []string, phones []string) string {
	return SearchTextFold(parts, phones, func(s string) string { return Fold(Printable(s)) })
}

// SearchTextFold is SearchText with the folding of each part given (bulk
// writes pass a cached one: names and subjects repeat).
func SearchTextFold(parts []string, phones []string, fold func(string) string) string {
	var b strings.Builder
	for _, p := range parts {
		f := fold(p)
		if f == "" {
			continue
		}
		b.WriteString(f)
		b.WriteByte(' ')
		if strings.IndexFunc(f, isApostrophe) >= 0 {
			for _, w := range strings.Fields(f) {
				if strings.IndexFunc(w, isApostrophe) >= 0 {
					b.WriteString(strings.Map(func(r rune) rune {
						if isApostrophe(r) {
							return -1
						}
						return r
					}, w))
					b.WriteByte(' ')
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range phones {
		for _, t := range PhoneSearchTokens(p) {
			if !seen[t] {
				seen[t] = true
				b.WriteString(t)
				b.WriteByte(' ')
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// Digits returns the ASCII digits of s in order.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PhoneSearchTokens returns every suffix of at least four digits of the
// phone's digit string. A word-prefix search for any run of four or more
// consecutive digits then finds the phone: "0101" is a prefix of the suffix
// "0101" of 902125550101.
func PhoneSearchTokens(phone string) []string {
	d := Digits(phone)
	if len(d) < 4 {
		return nil
	}
	out := make([]string, 0, len(d)-3)
	for i := 0; i+4 <= len(d); i++ {
		out = append(out, d[i:])
	}
	return out
}
