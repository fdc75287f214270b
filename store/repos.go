package store

import (
	"context"
	"time"

	"rolo/model"
)

// Cursor is a position in a list ordered by folded name: the sort key and
// id of a row. Lists page by keyset, never by OFFSET.
type Cursor struct {
	Sort string
	ID   int64
}

// ListQuery selects and pages a list of contacts or accounts.
type ListQuery struct {
	Search    string // folded word-prefix search; see ftsQuery
	OwnerID   int64  // 0: every owner
	AccountID int64  // contacts of one account
	Tag       string // records carrying this tag
	Archived  bool   // archived records instead of live ones
	Pipeline  string // deals of one pipeline (key)
	Stage     string // deals in one stage (key)
	Status    string // deals with this status: open, won, lost
	ContactID int64  // deals of one contact
	Board     bool   // deals in board order (Cursor.Sort is the board key)
	CloseFrom string // deals expected to close on or after this day (YYYY-MM-DD)
	CloseTo   string // ... and before this day

	// Activities (Cursor.Sort is the stored time).
	Kind   string    // activities of one kind
	Open   bool      // tasks not done
	Agenda time.Time // tasks: open ones due before this time, then every task due from it on
	Since  time.Time // happened or due at or after
	Until  time.Time // happened or due before
	Desc   bool      // newest first: After and Before follow that order
	DealID int64     // activities of one deal
	LeadID int64     // activities of one lead
	After  *Cursor   // rows after this one, ascending
	Before *Cursor   // rows before this one (returned ascending)
	Last   bool      // the last page (with Before nil)
	Limit  int       // 0: no limit
}

// WriteOptions tune a create or update.
type WriteOptions struct {
	// AllowDuplicate saves even when another record has the same email,
	// E.164 phone or (accounts) folded name.
	AllowDuplicate bool

	// normalized says the record was already normalized and checked
	// (an import does that before deciding what to do with a row).
	normalized bool
	// imported lets a lead arrive already converted (in the system it
	// was exported from), without links to what it became.
	imported bool
}

// UserRepo stores team members.
type UserRepo interface {
	// Ensure returns the user with this (folded) name, creating it.
	Ensure(ctx context.Context, name, email string) (model.User, error)
	List(ctx context.Context) ([]model.User, error)
	Get(ctx context.Context, id int64) (model.User, error)
	// Find looks a user up by folded name or email.
	Find(ctx context.Context, nameOrEmail string) (model.User, error)
}

// AccountRepo stores accounts.
type AccountRepo interface {
	Create(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error)
	Get(ctx context.Context, id int64) (model.Account, error)
	// FindByName finds a live account by folded name ("isik tekstil"
	// finds "Işık Tekstil").
	FindByName(ctx context.Context, name string) (model.Account, error)
	Update(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error)
	// Archive hides the account; version 0 skips the stale-data check.
	Archive(ctx context.Context, id, version int64) (model.Account, error)
	Restore(ctx context.Context, id, version int64) (model.Account, error)
	List(ctx context.Context, q ListQuery) ([]model.Account, error)
	Count(ctx context.Context, q ListQuery) (int, error)
}

// ContactRepo stores contacts.
type ContactRepo interface {
	// Create saves a new contact. With AccountID nil and AccountName set,
	// it links the account of that folded name, creating it when there is
	// none, in the same transaction.
	Create(ctx context.Context, c model.Contact, opt WriteOptions) (model.Contact, error)
	Get(ctx context.Context, id int64) (model.Contact, error)
	FindByEmail(ctx context.Context, email string) (model.Contact, error)
	// Update saves c if c.Version is still current, else ErrConflict.
	// Account linking works as in Create.
	Update(ctx context.Context, c model.Contact, opt WriteOptions) (model.Contact, error)
	Archive(ctx context.Context, id, version int64) (model.Contact, error)
	Restore(ctx context.Context, id, version int64) (model.Contact, error)
	List(ctx context.Context, q ListQuery) ([]model.Contact, error)
	Count(ctx context.Context, q ListQuery) (int, error)
}

// HistoryRepo reads the change history and undoes changes.
type HistoryRepo interface {
	// For lists the changes of one record, newest first.
	For(ctx context.Context, entity string, id int64, limit int) ([]model.Change, error)
	// Last is the newest change group by the actor that is not an undo and
	// has not been undone; 0 when there is none.
	Last(ctx context.Context) (int64, error)
	// Undo reverses every change of a group in one transaction.
	Undo(ctx context.Context, group int64) ([]model.Change, error)
}
