package store

import (
	"errors"
	"fmt"
)

// Sentinel errors; every typed error below matches one with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrDuplicate = errors.New("duplicate")
	ErrConflict  = errors.New("conflict")
	// ErrNotRolo is returned by Open for a file that is not a rolo database.
	ErrNotRolo = errors.New("not a rolo database")
	// ErrNewerSchema is returned by Open for a database written by a newer rolo.
	ErrNewerSchema = errors.New("database is from a newer rolo")
)

// NotFoundError names what was looked for.
type NotFoundError struct {
	Entity string // "contact", "account", ...
	Key    string // the id, email or name asked for
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no %s %s", e.Entity, e.Key) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(t error) bool { return t == ErrNotFound }

// DuplicateError says which existing record a write would duplicate.
type DuplicateError struct {
	Entity       string
	Field        string // email, phone, name
	Value        string
	ExistingID   int64
	ExistingName string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("a %s with %s %q already exists: %s (#%d)", e.Entity, e.Field, e.Value, e.ExistingName, e.ExistingID)
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(t error) bool { return t == ErrDuplicate }

// ConflictError refuses a write based on stale data, or one the current
// state does not allow.
type ConflictError struct {
	Entity string
	ID     int64
	Reason string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s #%d: %s", e.Entity, e.ID, e.Reason)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(t error) bool { return t == ErrConflict }

func staleConflict(entity string, id int64) error {
	return &ConflictError{Entity: entity, ID: id, Reason: "it was changed by someone else since you loaded it; reload and try again"}
}
