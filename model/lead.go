package model

import (
	"strings"
	"time"
)

// Lead statuses. A lead moves from new through contacted and qualified;
// it ends disqualified (with a reason) or converted into an account, a
// contact and optionally a deal.
const (
	LeadNew          = "new"
	LeadContacted    = "contacted"
	LeadQualified    = "qualified"
	LeadDisqualified = "disqualified"
	LeadConverted    = "converted"
)

// LeadStatuses are the statuses in the order a lead goes through them.
var LeadStatuses = []string{LeadNew, LeadContacted, LeadQualified, LeadDisqualified, LeadConverted}

// Lead is a potential customer who is not yet an account.
type Lead struct {
	ID             int64      `json:"id"`
	Name           string     `json:"name"`
	Company        string     `json:"company"`
	Title          string     `json:"title"`
	Email          string     `json:"email"`
	Phone          string     `json:"phone"`
	PhoneE164      string     `json:"phone_e164"`
	Source         string     `json:"source"`
	Status         string     `json:"status"`
	Reason         string     `json:"disqualify_reason"`
	Tags           []string   `json:"tags"`
	Notes          string     `json:"notes"`
	OwnerID        int64      `json:"owner_id"`
	OwnerName      string     `json:"owner"`
	ContactID      *int64     `json:"contact_id"` // what a converted lead became
	AccountID      *int64     `json:"account_id"`
	DealID         *int64     `json:"deal_id"`
	ConvertedAt    *time.Time `json:"converted_at"`
	LastActivityAt *time.Time `json:"last_activity_at"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	ArchivedAt     *time.Time `json:"archived_at"`
	Version        int64      `json:"version"`
}

// SortName is the folded name leads are ordered by.
func (l Lead) SortName() string { return Fold(strings.TrimSpace(Printable(l.Name))) }

// SearchText is what the lead is found by.
func (l Lead) SearchText() string {
	return SearchText(
		[]string{l.Name, l.Company, l.Email, l.Title, l.Source, strings.Join(l.Tags, " "), l.Notes},
		[]string{l.Phone, l.PhoneE164})
}

// ValidLeadStatus reports whether s is a lead status.
func ValidLeadStatus(s string) bool {
	for _, v := range LeadStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// ParseLeadStatus accepts a status in any case, or a unique prefix of one
// ("qual" is qualified).
func ParseLeadStatus(s string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(s))
	var hit []string
	for _, v := range LeadStatuses {
		if v == f {
			return v, nil
		}
		if f != "" && strings.HasPrefix(v, f) {
			hit = append(hit, v)
		}
	}
	if len(hit) == 1 {
		return hit[0], nil
	}
	return "", Invalid("status", "%q is not a lead status (one of %s)", s, strings.Join(LeadStatuses, ", "))
}

// crmStatuses are the lead statuses other CRMs export (HubSpot, Salesforce,
// Pipedrive, Zoho), folded, and the rolo status each means.
var crmStatuses = map[string]string{
	"open": LeadNew, "open not contacted": LeadNew, "not contacted": LeadNew, "unassigned": LeadNew,
	"in progress": LeadContacted, "attempted to contact": LeadContacted, "connected": LeadContacted,
	"working": LeadContacted, "working contacted": LeadContacted, "contact in future": LeadContacted,
	"attempted": LeadContacted, "in contact": LeadContacted, "open deal": LeadQualified, "sql": LeadQualified,
	"mql": LeadQualified, "sales qualified lead": LeadQualified, "marketing qualified lead": LeadQualified,
	"pre qualified": LeadQualified, "closed converted": LeadConverted, "unqualified": LeadDisqualified,
	"bad timing": LeadDisqualified, "closed not converted": LeadDisqualified, "junk lead": LeadDisqualified,
	"lost lead": LeadDisqualified, "not qualified": LeadDisqualified, "nurture": LeadContacted,
	// Turkish
	"yeni": LeadNew, "iletisime gecildi": LeadContacted, "gorusuluyor": LeadContacted, "nitelikli": LeadQualified,
	"diskalifiye": LeadDisqualified, "donusturuldu": LeadConverted,
}

// LeadStatusFromCRM reads a status as rolo writes it or as another CRM
// exports it ("IN_PROGRESS", "Open - Not Contacted", "Unqualified").
func LeadStatusFromCRM(s string) (string, bool) {
	if st, err := ParseLeadStatus(s); err == nil {
		return st, true
	}
	key := strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ")
	st, ok := crmStatuses[key]
	return st, ok
}

// Normalize trims the lead's fields, fills PhoneE164 and checks it. The
// statuses disqualified and converted are reached through Disqualify and
// conversion, which set what goes with them.
func (l *Lead) Normalize(r Rules) error {
	var errs ValidationErrors
	l.Name = strings.TrimSpace(l.Name)
	l.Company = strings.TrimSpace(l.Company)
	l.Title = strings.TrimSpace(l.Title)
	l.Email = strings.TrimSpace(l.Email)
	l.Phone = strings.TrimSpace(l.Phone)
	l.Source = strings.TrimSpace(l.Source)
	l.Reason = strings.TrimSpace(l.Reason)
	l.Tags = CleanTags(l.Tags)
	if l.Tags == nil {
		l.Tags = []string{}
	}
	if l.Status == "" {
		l.Status = LeadNew
	}
	if l.Name == "" {
		errs = append(errs, Invalid("name", "a lead needs a name"))
	}
	if !ValidLeadStatus(l.Status) {
		errs = append(errs, Invalid("status", "%q is not a lead status (one of %s)", l.Status, strings.Join(LeadStatuses, ", ")))
	}
	if l.Status == LeadDisqualified && l.Reason == "" {
		errs = append(errs, Invalid("disqualify_reason", "say why the lead is disqualified"))
	}
	for _, f := range [][2]string{{"name", l.Name}, {"company", l.Company}, {"title", l.Title}, {"source", l.Source}, {"disqualify_reason", l.Reason}} {
		checkLen(&errs, f[0], f[1], maxField)
		if f[1] != Printable(f[1]) {
			errs = append(errs, Invalid(f[0], "contains control characters"))
		}
	}
	checkLen(&errs, "notes", l.Notes, maxNotes)
	if err := CheckEmail(l.Email); err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	e164, err := NormalizePhone(l.Phone, r.Region)
	if err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	l.PhoneE164 = e164
	return errs.Err()
}

// SplitName splits a full name into first and last name: the last word
// is the last name ("Ayşe Nur Yılmaz" is Ayşe Nur / Yılmaz); a single word
// is a first name. "Last, First" is read the other way round.
func SplitName(full string) (first, last string) {
	full = strings.Join(strings.Fields(full), " ")
	if l, f, ok := strings.Cut(full, ","); ok {
		return strings.TrimSpace(f), strings.TrimSpace(l)
	}
	i := strings.LastIndexByte(full, ' ')
	if i < 0 {
		return full, ""
	}
	return full[:i], full[i+1:]
}
