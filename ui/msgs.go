package ui

import (
	"rolo/model"
	"rolo/store"
)

// Messages views send to the root, which owns navigation, forms, dialogs
// and the undo stack.
type (
	// openMsg opens the detail view of a record.
	openMsg struct {
		kind string
		id   int64
	}
	// newMsg opens the form for a new record.
	newMsg struct{ kind string }
	// editMsg loads a record and opens its form.
	editMsg struct {
		kind string
		id   int64
	}
	// askArchiveMsg asks to confirm archiving a record.
	askArchiveMsg struct {
		kind    string
		id      int64
		version int64
		name    string
	}
	// savedMsg reports a write; views reload after it.
	savedMsg struct {
		kind    string
		id      int64
		key     store.Cursor
		verb    string // added, saved, archived
		name    string
		created bool
	}
	// errMsg shows an error in the status line.
	errMsg struct{ err error }
	// statusMsg shows a message in the status line.
	statusMsg struct{ text string }
	// usersMsg delivers the team for the owner filter.
	usersMsg struct {
		users []model.User
		err   error
	}
	// undoneMsg reports an undo.
	undoneMsg struct {
		group   int64
		changes []model.Change
		err     error
	}
	// editLoadedMsg delivers a fresh record for its form.
	editLoadedMsg struct {
		contact *model.Contact
		account *model.Account
		err     error
	}
)
