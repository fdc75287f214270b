package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// filterBox is the search-as-you-type field of a list: / opens it, each
// keystroke echoes at once and reports a changed value, enter keeps the
// filter and returns to the list, esc clears it.
type filterBox struct {
	input  textinput.Model
	active bool
	keys   filterKeys
}

func newFilterBox(placeholder string) filterBox {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = placeholder
	in.CharLimit = 200
	return filterBox{input: in, keys: newFilterKeys()}
}

// start gives the field focus.
func (f *filterBox) start() tea.Cmd {
	f.active = true
	f.input.CursorEnd()
	return f.input.Focus()
}

// value is the filter text.
func (f *filterBox) value() string { return f.input.Value() }

// clear empties the filter; changed is false when it was empty.
func (f *filterBox) clear() (changed bool) {
	if f.input.Value() == "" {
		return false
	}
	f.input.SetValue("")
	return true
}

// update handles a key while the field has focus; changed says the list
// must be filtered again.
func (f *filterBox) update(msg tea.KeyMsg) (changed bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, f.keys.Keep):
		f.active = false
		f.input.Blur()
		return false, nil
	case key.Matches(msg, f.keys.Clear):
		f.active = false
		f.input.Blur()
		return f.clear(), nil
	}
	before := f.input.Value()
	f.input, cmd = f.input.Update(msg)
	return f.input.Value() != before, cmd
}

// keyMap is the help while the field has focus.
func (f *filterBox) keyMap() keyMap {
	return keyMap{short: []key.Binding{f.keys.Keep, f.keys.Clear}, full: [][]key.Binding{{f.keys.Keep, f.keys.Clear}}}
}

// moveKeys move a cursor through a list.
type moveKeys struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp key.Binding
}

func newMoveKeys() moveKeys {
	return moveKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "pgdown"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "pgup"), key.WithHelp("ctrl+u", "half page up")),
	}
}

func (m moveKeys) bindings() []key.Binding {
	return []key.Binding{m.Up, m.Down, m.Top, m.Bottom, m.HalfDown, m.HalfUp}
}

// navigate moves w's cursor for a movement key; ok is false for any other
// key.
func navigate[T any](w *window[T], msg tea.KeyMsg, m moveKeys) (cmd tea.Cmd, ok bool) {
	half := max(1, w.height/2)
	switch {
	case key.Matches(msg, m.Down):
		return w.move(1), true
	case key.Matches(msg, m.Up):
		return w.move(-1), true
	case key.Matches(msg, m.HalfDown):
		return w.move(half), true
	case key.Matches(msg, m.HalfUp):
		return w.move(-half), true
	case key.Matches(msg, m.Top):
		return w.home(), true
	case key.Matches(msg, m.Bottom):
		return w.end(), true
	}
	return nil, false
}
