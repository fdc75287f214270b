package ui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work in every view when no text field has focus.
type globalKeys struct {
	Views    []key.Binding
	Help     key.Binding
	Quit     key.Binding
	Undo     key.Binding
	Owner    key.Binding
	Reload   key.Binding
	Back     key.Binding
	ForceEnd key.Binding
	Log      key.Binding
	Task     key.Binding
	Notes    key.Binding
}

// listKeys move in lists and act on the selected row.
type listKeys struct {
	moveKeys
	Filter, Open, New, Edit, Delete key.Binding
	NextPane, PrevPane              key.Binding
	Merge                           key.Binding
}

// formKeys are shown while a filter or form has focus.
type filterKeys struct {
	Keep, Clear key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Views: []key.Binding{
			key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "pipeline")),
			key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "contacts")),
			key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "accounts")),
			key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "leads")),
			key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "activities")),
			key.NewBinding(key.WithKeys("6"), key.WithHelp("6", "dashboard")),
		},
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Owner:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		ForceEnd: key.NewBinding(key.WithKeys("ctrl+c")),
		Log:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "log a call, email, meeting, note")),
		Task:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "add a task")),
		Notes:    key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "notes in $EDITOR")),
	}
}

func newListKeys() listKeys {
	return listKeys{
		moveKeys: newMoveKeys(),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "archive")),
		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next section")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous section")),
		Merge:    key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "merge")),
	}
}

func newFilterKeys() filterKeys {
	return filterKeys{
		Keep:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Clear: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
	}
}

// keyMap is a help.KeyMap built from binding lists.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }
