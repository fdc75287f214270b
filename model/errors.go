package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrValidation is matched (errors.Is) by every ValidationError.
var ErrValidation = errors.New("invalid input")

// ValidationError names the field that is wrong and what is wrong with it.
type ValidationError struct {
	Field   string // snake_case field name, as in JSON and on the command line
	Message string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Message }

// Is makes errors.Is(err, ErrValidation) true.
func (e *ValidationError) Is(target error) bool { return target == ErrValidation }

// Invalid returns a ValidationError for field.
func Invalid(field, format string, args ...any) *ValidationError {
	return &ValidationError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// ValidationErrors is every problem found in one record.
type ValidationErrors []*ValidationError

func (es ValidationErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrValidation) true.
func (es ValidationErrors) Is(target error) bool { return target == ErrValidation }

// Field returns the problem with the named field, or nil.
func (es ValidationErrors) Field(name string) *ValidationError {
	for _, e := range es {
		if e.Field == name {
			return e
		}
	}
	return nil
}

// Err returns nil when there are no problems.
func (es ValidationErrors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
