package model

import (
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// Rules are the validation settings that come from config.
type Rules struct {
	Region          string    // default phone region, e.g. "TR"
	RequiredContact []string  // contact fields that must not be empty
	RequiredAccount []string  // account fields that must not be empty
	Pipelines       Pipelines // the configured pipelines; empty: DefaultPipelines
	BaseCurrency    string    // currency of new deals and products without one
}

// PipelineSet is the configured pipelines, or the default one.
func (r Rules) PipelineSet() Pipelines {
	if len(r.Pipelines) == 0 {
		return DefaultPipelines()
	}
	return r.Pipelines
}

// Base is the base currency, USD when none is configured.
func (r Rules) Base() string {
	if r.BaseCurrency == "" {
		return "USD"
	}
	return r.BaseCurrency
}

// ContactRequirable and AccountRequirable are the fields config may make
// required (required.contact, required.account).
var (
	ContactRequirable = []string{"first_name", "last_name", "email", "phone", "title", "account", "source"}
	AccountRequirable = []string{"name", "domain", "industry", "phone", "website", "address", "external_id"}
)

const maxField = 500
const maxNotes = 100_000

func checkLen(errs *ValidationErrors, field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		*errs = append(*errs, Invalid(field, "longer than %d characters", max))
	}
}

// Normalize trims the contact's fields, cleans its tags, fills PhoneE164 and
// checks it against the rules. accountName is the name of the account the
// contact is being linked to, for the "account" required field.
func (c *Contact) Normalize(r Rules) error {
	var errs ValidationErrors
	c.FirstName = strings.TrimSpace(c.FirstName)
	c.LastName = strings.TrimSpace(c.LastName)
	c.Email = strings.TrimSpace(c.Email)
	c.Phone = strings.TrimSpace(c.Phone)
	c.Title = strings.TrimSpace(c.Title)
	c.Source = strings.TrimSpace(c.Source)
	c.Tags = CleanTags(c.Tags)
	if c.FirstName == "" && c.LastName == "" {
		errs = append(errs, Invalid("first_name", "a contact needs a first or a last name"))
	}
	for _, f := range [][2]string{{"first_name", c.FirstName}, {"last_name", c.LastName}, {"title", c.Title}, {"source", c.Source}} {
		checkLen(&errs, f[0], f[1], maxField)
	}
	checkLen(&errs, "notes", c.Notes, maxNotes)
	if err := CheckEmail(c.Email); err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	e164, err := NormalizePhone(c.Phone, r.Region)
	if err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	c.PhoneE164 = e164
	values := map[string]string{
		"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email, "phone": c.Phone,
		"title": c.Title, "source": c.Source,
	}
	for _, f := range r.RequiredContact {
		if f == "account" {
			if c.AccountID == nil && strings.TrimSpace(c.AccountName) == "" {
				errs = append(errs, Invalid("account", "required"))
			}
			continue
		}
		if v, ok := values[f]; ok && v == "" && errs.Field(f) == nil {
			errs = append(errs, Invalid(f, "required"))
		}
	}
	errs = append(errs, checkCustom(c.Custom)...)
	return errs.Err()
}

// Normalize trims the account's fields, normalises its domain and phone and
// checks it against the rules.
func (a *Account) Normalize(r Rules) error {
	var errs ValidationErrors
	a.Name = strings.TrimSpace(a.Name)
	a.Industry = strings.TrimSpace(a.Industry)
	a.Phone = strings.TrimSpace(a.Phone)
	a.Website = strings.TrimSpace(a.Website)
	a.Address = strings.TrimSpace(a.Address)
	a.ExternalID = strings.TrimSpace(a.ExternalID)
	a.Tags = CleanTags(a.Tags)
	if a.Name == "" {
		errs = append(errs, Invalid("name", "an account needs a name"))
	}
	for _, f := range [][2]string{{"name", a.Name}, {"industry", a.Industry}, {"website", a.Website}, {"address", a.Address}, {"external_id", a.ExternalID}} {
		checkLen(&errs, f[0], f[1], maxField)
	}
	checkLen(&errs, "notes", a.Notes, maxNotes)
	d, err := NormalizeDomain(a.Domain)
	if err != nil {
		errs = append(errs, err.(*ValidationError))
	} else {
		a.Domain = d
	}
	if a.Website != "" && strings.ContainsAny(a.Website, " \t\n") {
		errs = append(errs, Invalid("website", "%q is not a web address", a.Website))
	}
	e164, err := NormalizePhone(a.Phone, r.Region)
	if err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	a.PhoneE164 = e164
	values := map[string]string{
		"name": a.Name, "domain": a.Domain, "industry": a.Industry, "phone": a.Phone,
		"website": a.Website, "address": a.Address, "external_id": a.ExternalID,
	}
	for _, f := range r.RequiredAccount {
		if v, ok := values[f]; ok && v == "" && errs.Field(f) == nil {
			errs = append(errs, Invalid(f, "required"))
		}
	}
	errs = append(errs, checkCustom(a.Custom)...)
	return errs.Err()
}

func checkCustom(m map[string]string) ValidationErrors {
	var errs ValidationErrors
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.TrimSpace(k) == "" || utf8.RuneCountInString(k) > 64 {
			errs = append(errs, Invalid("custom", "field name %q must be 1 to 64 characters", k))
		}
		checkLen(&errs, "custom."+k, m[k], maxField)
	}
	return errs
}

// NormalizeDomain turns what people paste as a company domain
// ("https://www.Isik.com.tr/about") into its bare host ("isik.com.tr").
func NormalizeDomain(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return "", Invalid("domain", "%q is not a domain (expected example.com)", s)
		}
		s = u.Hostname()
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimPrefix(strings.TrimSuffix(s, "."), "www.")
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.Contains(s, "..") || len(s) > 253 {
		return "", Invalid("domain", "%q is not a domain (expected example.com)", s)
	}
	for _, r := range s {
		if !(r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127) {
			return "", Invalid("domain", "%q is not a domain (expected example.com)", s)
		}
	}
	return s, nil
}
