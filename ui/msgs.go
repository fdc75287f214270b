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
	// newMsg opens the form for a new record (a deal in pipeline and stage).
	newMsg struct {
		kind     string
		pipeline string
		stage    string
	}
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
		verb    string // added, saved, archived, moved
		name    string
		created bool
		deal    *model.Deal // a saved or moved deal, for the board to follow
		from    string      // the stage a moved deal left
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
		deal    *model.Deal
		lead    *model.Lead
		err     error
	}
	// askDisqualifyMsg asks why a lead is disqualified.
	askDisqualifyMsg struct {
		id, version int64
		name        string
		status      string // the lead's status: a converted one is refused before asking
	}
)

type (
	// newQuoteMsg starts a quote on a deal.
	newQuoteMsg struct{ dealID int64 }
	// openQuoteMsg opens a quote's line editor.
	openQuoteMsg struct{ id int64 }
)
