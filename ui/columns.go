package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/x/ansi"
)

// colSpec describes a table column: its minimum width, how much of the
// spare width it takes, the order it is dropped in when the terminal is
// narrow (0: never) and whether numbers in it are right-aligned.
type colSpec struct {
	title  string
	min    int
	weight int
	drop   int
	right  bool
}

// markerWidth is the selection marker column ("▌").
const markerWidth = 1

// layoutColumns fits specs into width cells (each column is followed by
// one space of padding), dropping the columns with the highest drop rank
// until the rest fit, then sharing the spare width by weight. It returns
// the table columns (marker first) and, for each spec, its width or 0
// when dropped.
func layoutColumns(width int, specs []colSpec) ([]table.Column, []int) {
	widths := make([]int, len(specs))
	keep := make([]bool, len(specs))
	for i := range specs {
		keep[i] = true
	}
	need := func() int {
		n := markerWidth + 1
		for i, s := range specs {
			if keep[i] {
				n += s.min + 1
			}
		}
		return n
	}
	for need() > width {
		worst := -1
		for i, s := range specs {
			if keep[i] && s.drop > 0 && (worst < 0 || s.drop > specs[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		keep[worst] = false
	}
	spare := max(0, width-need())
	totalWeight := 0
	for i, s := range specs {
		if keep[i] {
			widths[i] = s.min
			totalWeight += s.weight
		}
	}
	if totalWeight > 0 {
		given := 0
		last := -1
		for i, s := range specs {
			if keep[i] && s.weight > 0 {
				add := spare * s.weight / totalWeight
				widths[i] += add
				given += add
				last = i
			}
		}
		if last >= 0 {
			widths[last] += spare - given
		}
	}
	// when even the undroppable columns do not fit, shrink the widest
	used := markerWidth + 1
	for i := range specs {
		if keep[i] {
			used += widths[i] + 1
		}
	}
	for over := used - width; over > 0; over-- {
		wi := 0
		for i := range widths {
			if widths[i] > widths[wi] {
				wi = i
			}
		}
		if widths[wi] <= 1 {
			break
		}
		widths[wi]--
	}
	cols := []table.Column{{Title: "", Width: markerWidth}}
	for i, s := range specs {
		if keep[i] {
			cols = append(cols, table.Column{Title: s.title, Width: widths[i]})
		}
	}
	return cols, widths
}

// fitCells keeps the cells of the columns that are shown, cut to width
// (ansi-aware, with "…") and right-aligned where the spec says so.
func fitCells(specs []colSpec, widths []int, cells []string) []string {
	out := make([]string, 0, len(cells)+1)
	for i, c := range cells {
		if i >= len(widths) || widths[i] == 0 {
			continue
		}
		w := widths[i]
		if ansi.StringWidth(c) > w {
			c = ansi.Truncate(c, w, "…")
		}
		if specs[i].right {
			c = strings.Repeat(" ", max(0, w-ansi.StringWidth(c))) + c
		}
		out = append(out, c)
	}
	return out
}
