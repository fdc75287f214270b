package ui

import "github.com/charmbracelet/lipgloss"

// palette: one accent for focus, calm greys, red for errors.
var (
	colAccent = lipgloss.AdaptiveColor{Light: "#5A3FD6", Dark: "#A48BFF"}
	colMuted  = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"}
	colFaint  = lipgloss.AdaptiveColor{Light: "#B0B0B0", Dark: "#4A4A4A"}
	colError  = lipgloss.AdaptiveColor{Light: "#C0262D", Dark: "#FF6B6B"}
	colOK     = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#6BD38A"}
	colText   = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E6E6E6"}
)

// Styles are every style the views use, built once.
type Styles struct {
	App         lipgloss.Style
	Brand       lipgloss.Style
	Tab         lipgloss.Style
	TabActive   lipgloss.Style
	HeaderRight lipgloss.Style
	Title       lipgloss.Style
	Label       lipgloss.Style
	Value       lipgloss.Style
	Muted       lipgloss.Style
	Faint       lipgloss.Style
	Accent      lipgloss.Style
	Error       lipgloss.Style
	OK          lipgloss.Style
	TableHeader lipgloss.Style
	Cell        lipgloss.Style
	Selected    lipgloss.Style
	Section     lipgloss.Style
	SectionOn   lipgloss.Style
	FilterBar   lipgloss.Style
	Empty       lipgloss.Style
}

// NewStyles builds the styles from the palette.
func NewStyles() Styles {
	return Styles{
		Brand:       lipgloss.NewStyle().Bold(true).Foreground(colAccent),
		Tab:         lipgloss.NewStyle().Foreground(colMuted),
		TabActive:   lipgloss.NewStyle().Bold(true).Foreground(colText).Underline(true),
		HeaderRight: lipgloss.NewStyle().Foreground(colMuted),
		Title:       lipgloss.NewStyle().Bold(true).Foreground(colText),
		Label:       lipgloss.NewStyle().Foreground(colMuted),
		Value:       lipgloss.NewStyle().Foreground(colText),
		Muted:       lipgloss.NewStyle().Foreground(colMuted),
		Faint:       lipgloss.NewStyle().Foreground(colFaint),
		Accent:      lipgloss.NewStyle().Foreground(colAccent),
		Error:       lipgloss.NewStyle().Foreground(colError).Bold(true),
		OK:          lipgloss.NewStyle().Foreground(colOK),
		TableHeader: lipgloss.NewStyle().Bold(true).Foreground(colMuted).PaddingRight(1),
		Cell:        lipgloss.NewStyle().PaddingRight(1),
		Selected:    lipgloss.NewStyle().Bold(true).Foreground(colAccent),
		Section:     lipgloss.NewStyle().Foreground(colMuted),
		SectionOn:   lipgloss.NewStyle().Bold(true).Foreground(colAccent),
		FilterBar:   lipgloss.NewStyle().Foreground(colText),
		Empty:       lipgloss.NewStyle().Foreground(colMuted),
	}
}
