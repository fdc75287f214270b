package model

import (
	"strings"
)

// MergeField is one field of a merge of record B into record A: both
// values and which one the survivor keeps.
type MergeField struct {
	Name  string // JSON field name, as --pick takes it
	A, B  string // the values as shown
	TakeB bool   // the survivor takes B's value
}

// Differs reports whether the two sides disagree.
func (f MergeField) Differs() bool { return f.A != f.B }

// mergeSpec reads and writes one pickable field of a record.
type mergeSpec[T any] struct {
	name string
	get  func(T) string
	set  func(dst *T, src T)
}

func str[T any](name string, p func(*T) *string) mergeSpec[T] {
	return mergeSpec[T]{name,
		func(v T) string { return *p(&v) },
		func(dst *T, src T) { *p(dst) = *p(&src) }}
}

var contactMerge = []mergeSpec[Contact]{
	str("first_name", func(c *Contact) *string { return &c.FirstName }),
	str("last_name", func(c *Contact) *string { return &c.LastName }),
	str("email", func(c *Contact) *string { return &c.Email }),
	str("phone", func(c *Contact) *string { return &c.Phone }),
	str("title", func(c *Contact) *string { return &c.Title }),
	{"account", func(c Contact) string { return c.AccountName },
		func(dst *Contact, src Contact) { dst.AccountID, dst.AccountName = src.AccountID, src.AccountName }},
	str("source", func(c *Contact) *string { return &c.Source }),
	{"owner", func(c Contact) string { return c.OwnerName },
		func(dst *Contact, src Contact) { dst.OwnerID, dst.OwnerName = src.OwnerID, src.OwnerName }},
}

var accountMerge = []mergeSpec[Account]{
	str("name", func(a *Account) *string { return &a.Name }),
	str("domain", func(a *Account) *string { return &a.Domain }),
	str("industry", func(a *Account) *string { return &a.Industry }),
	str("phone", func(a *Account) *string { return &a.Phone }),
	str("website", func(a *Account) *string { return &a.Website }),
	str("address", func(a *Account) *string { return &a.Address }),
	str("external_id", func(a *Account) *string { return &a.ExternalID }),
	{"owner", func(a Account) string { return a.OwnerName },
		func(dst *Account, src Account) { dst.OwnerID, dst.OwnerName = src.OwnerID, src.OwnerName }},
}

func plan[T any](specs []mergeSpec[T], a, b T) []MergeField {
	out := make([]MergeField, 0, len(specs))
	for _, s := range specs {
		f := MergeField{Name: s.name, A: s.get(a), B: s.get(b)}
		f.TakeB = f.A == "" && f.B != ""
		out = append(out, f)
	}
	return out
}

func apply[T any](specs []mergeSpec[T], a, b T, fields []MergeField) T {
	out := a
	for i, s := range specs {
		if i < len(fields) && fields[i].TakeB {
			s.set(&out, b)
		}
	}
	return out
}

// MergeFieldNames lists the fields --pick takes for a kind.
func MergeFieldNames(account bool) []string {
	var out []string
	if account {
		for _, s := range accountMerge {
			out = append(out, s.name)
		}
	} else {
		for _, s := range contactMerge {
			out = append(out, s.name)
		}
	}
	return out
}

// ContactMergePlan is the fields of a merge of contact b into a, each
// defaulting to a's value, or b's where a has none.
func ContactMergePlan(a, b Contact) []MergeField { return plan(contactMerge, a, b) }

// AccountMergePlan is ContactMergePlan for accounts.
func AccountMergePlan(a, b Account) []MergeField { return plan(accountMerge, a, b) }

// MergeContacts is the survivor of merging b into a with the fields
// picked: tags and custom fields are joined (a's value wins a clash),
// notes kept from both.
//
// An email or phone the survivor does not keep is not lost: it joins the
// survivor's other_emails or other_phones, where a later import finds it.
func MergeContacts(a, b Contact, fields []MergeField) Contact {
	out := apply(contactMerge, a, b, fields)
	out.Tags = unionTags(a.Tags, b.Tags)
	out.Custom = unionCustom(a.Custom, b.Custom)
	out.Custom["other_emails"] = joinList(a.Custom["other_emails"], b.Custom["other_emails"])
	out.Custom["other_phones"] = joinList(a.Custom["other_phones"], b.Custom["other_phones"])
	for _, e := range []string{a.Email, b.Email} {
		if NormalizeEmail(e) != NormalizeEmail(out.Email) {
			out.Custom["other_emails"] = joinList(out.Custom["other_emails"], e)
		}
	}
	for _, p := range []string{a.Phone, b.Phone} {
		if Digits(p) != Digits(out.Phone) {
			out.Custom["other_phones"] = joinList(out.Custom["other_phones"], p)
		}
	}
	for _, k := range []string{"other_emails", "other_phones"} {
		if out.Custom[k] == "" {
			delete(out.Custom, k)
		}
	}
	out.Notes = joinNotes(a.Notes, b.Notes)
	return out
}

// joinList joins comma-separated lists, dropping empty and repeated items
// (compared folded).
func joinList(lists ...string) string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, item := range strings.Split(l, ",") {
			item = strings.TrimSpace(item)
			if k := Fold(item); item != "" && !seen[k] {
				seen[k] = true
				out = append(out, item)
			}
		}
	}
	return strings.Join(out, ", ")
}

// MergeAccounts is MergeContacts for accounts.
func MergeAccounts(a, b Account, fields []MergeField) Account {
	out := apply(accountMerge, a, b, fields)
	out.Tags = unionTags(a.Tags, b.Tags)
	out.Custom = unionCustom(a.Custom, b.Custom)
	out.Notes = joinNotes(a.Notes, b.Notes)
	return out
}

// PickMerge sets the side of the named field ("a" or "b"); it reports
// false when the plan has no such field.
func PickMerge(fields []MergeField, name string, b bool) bool {
	for i := range fields {
		if fields[i].Name == name {
			fields[i].TakeB = b
			return true
		}
	}
	return false
}

func unionTags(a, b []string) []string {
	return CleanTags(append(append([]string{}, a...), b...))
}

func unionCustom(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

func joinNotes(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case b == "" || strings.Contains(a, b):
		return a
	case a == "" || strings.Contains(b, a):
		return b
	}
	return a + "\n\n" + b
}
