package model

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Printable returns s safe to draw on a terminal on one line: escape
// sequences (colours, OSC titles, cursor moves) and control characters are
// removed, line breaks and tabs become spaces, and bidirectional overrides
// that could reorder what the user reads are dropped. Records keep what the
// user typed; this runs where text is drawn.
func Printable(s string) string {
	if isPlain(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)
}

// PrintableBlock is Printable for multi-line text such as notes: line
// breaks are kept, everything else is cleaned the same way.
func PrintableBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Printable(l)
	}
	return strings.Join(lines, "\n")
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// CleanTags trims tags, lower-cases them, joins inner spaces with '-' and
// drops empty and repeated ones, keeping the first order.
func CleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		for _, part := range strings.Split(t, ",") {
			n := NormalizeTag(part)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// NormalizeTag is the form a tag is stored and matched in: folded (so
// "VIP", "vip" and "Vİp" are one tag), inner spaces joined with '-'.
func NormalizeTag(t string) string {
	return Fold(strings.Join(strings.Fields(Printable(t)), "-"))
}
