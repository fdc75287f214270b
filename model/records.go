package model

import (
	"sort"
	"strings"
	"time"
)

// User is a team member. Every record has an owner.
type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Contact is a person. The JSON names are the stable field names used on
// the command line, in --json output and in the change history.
type Contact struct {
	ID             int64             `json:"id"`
	FirstName      string            `json:"first_name"`
	LastName       string            `json:"last_name"`
	Email          string            `json:"email"`
	Phone          string            `json:"phone"`
	PhoneE164      string            `json:"phone_e164"`
	Title          string            `json:"title"`
	AccountID      *int64            `json:"account_id"`
	AccountName    string            `json:"account_name"`
	Tags           []string          `json:"tags"`
	Notes          string            `json:"notes"`
	Source         string            `json:"source"`
	Custom         map[string]string `json:"custom"`
	OwnerID        int64             `json:"owner_id"`
	OwnerName      string            `json:"owner"`
	MergedInto     *int64            `json:"merged_into"` // the contact this one was merged into
	LastActivityAt *time.Time        `json:"last_activity_at"`
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
	ArchivedAt     *time.Time        `json:"archived_at"`
	Version        int64             `json:"version"`
}

// Name is the display name: first and last name.
func (c Contact) Name() string {
	return strings.TrimSpace(strings.TrimSpace(c.FirstName) + " " + strings.TrimSpace(c.LastName))
}

// SortName is the folded display name lists are ordered by.
func (c Contact) SortName() string { return Fold(Printable(c.Name())) }

// SearchText is what the contact is found by.
func (c Contact) SearchText() string {
	return SearchText(
		[]string{c.FirstName, c.LastName, c.Email, c.AccountName, c.Title, strings.Join(c.Tags, " "), c.Notes},
		[]string{c.Phone, c.PhoneE164})
}

// Account is a company.
type Account struct {
	ID             int64             `json:"id"`
	Name           string            `json:"name"`
	Domain         string            `json:"domain"`
	Industry       string            `json:"industry"`
	Phone          string            `json:"phone"`
	PhoneE164      string            `json:"phone_e164"`
	Website        string            `json:"website"`
	Address        string            `json:"address"`
	ExternalID     string            `json:"external_id"`
	Tags           []string          `json:"tags"`
	Notes          string            `json:"notes"`
	Custom         map[string]string `json:"custom"`
	OwnerID        int64             `json:"owner_id"`
	OwnerName      string            `json:"owner"`
	Contacts       int               `json:"contacts"`
	MergedInto     *int64            `json:"merged_into"` // the account this one was merged into
	LastActivityAt *time.Time        `json:"last_activity_at"`
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
	ArchivedAt     *time.Time        `json:"archived_at"`
	Version        int64             `json:"version"`
}

// SortName is the folded name: lists are ordered by it and two accounts
// with the same folded name are duplicates.
func (a Account) SortName() string { return Fold(strings.TrimSpace(Printable(a.Name))) }

// SearchText is what the account is found by.
func (a Account) SearchText() string {
	return SearchText(
		[]string{a.Name, a.Domain, a.Industry, a.Website, a.ExternalID, strings.Join(a.Tags, " "), a.Notes},
		[]string{a.Phone, a.PhoneE164})
}

// ReadOnlyFields are JSON fields of a record that are derived or kept by
// the store and never written by a user; history leaves them out.
var ReadOnlyFields = map[string]bool{
	"id": true, "version": true, "created_at": true, "updated_at": true, "archived_at": true,
	"account_name": true, "owner": true, "contacts": true, "last_activity_at": true, "phone_e164": true,
	"contact_name": true, "stage_name": true, "stage_entered_at": true, "deal_title": true, "next_task": true, "lead_name": true,
	"subtotal": true, "discount": true, "tax": true, "total": true, "sent_at": true,
}

// Change is one row of the history: a create, update, archive, restore or
// delete of one record.
type Change struct {
	ID       int64                  `json:"id"`
	Group    int64                  `json:"group"`
	Entity   string                 `json:"entity"`
	EntityID int64                  `json:"entity_id"`
	Action   string                 `json:"action"`
	Fields   map[string]FieldChange `json:"fields"`
	User     string                 `json:"user"`
	At       time.Time              `json:"at"`
	Undoes   int64                  `json:"undoes,omitempty"`
}

// FieldNames are the changed fields in order.
func (c Change) FieldNames() []string {
	out := make([]string, 0, len(c.Fields))
	for k := range c.Fields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// FieldChange is a field's value before and after a change.
type FieldChange struct {
	Old any `json:"old"`
	New any `json:"new"`
}
