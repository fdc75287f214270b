package store

import (
	"strings"
	"unicode"

	"rolo/model"
)

const (
	maxSearchTerms   = 16
	maxSearchTermLen = 64
)

// ftsQuery turns what a user typed into an FTS5 MATCH expression that
// cannot fail: the input is folded like the indexed text (model.FoldQuery),
// split into words, and each word becomes a quoted prefix phrase of its
// letter and digit runs, so `o'neil` asks for "oneil"*, `Jean-Pierre` for
// "jean pierre"* and `AND`, `"`, `*` or `NEAR(` are plain words or
// nothing. A query made only of digits and phone punctuation is one
// number ("555 01 01" asks for "5550101"*); inside other words, a word of digits and phone punctuation (`555-0101`,
// `+90 (212)`) becomes its digits, matching the digit runs indexed for
// phones. An empty result means nothing in the input is searchable.
func ftsQuery(input string) string {
	words := strings.Fields(model.FoldQuery(input))
	allPhone := len(words) > 0
	for _, w := range words {
		allPhone = allPhone && isPhoneLike(w)
	}
	if allPhone {
		// "555 01 01" or "+90 (212) 555" is one number typed with spaces.
		return `"` + model.Digits(strings.Join(words, "")) + `"*`
	}
	var terms []string
	for _, word := range words {
		if len(terms) == maxSearchTerms {
			break
		}
		if isPhoneLike(word) {
			terms = append(terms, `"`+model.Digits(word)+`"*`)
			continue
		}
		toks := strings.FieldsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if len(toks) == 0 {
			continue
		}
		phrase := strings.Join(toks, " ")
		if len(phrase) > maxSearchTermLen {
			phrase = phrase[:maxSearchTermLen]
			phrase = strings.ToValidUTF8(phrase, "")
		}
		terms = append(terms, `"`+phrase+`"*`)
	}
	return strings.Join(terms, " ")
}

func isPhoneLike(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-().//", r):
		default:
			return false
		}
	}
	return digits > 0
}
