package model

import (
	"encoding/json"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Deal statuses.
const (
	StatusOpen = "open"
	StatusWon  = "won"
	StatusLost = "lost"
)

// MaxAmount caps a deal's or a line's amount (in minor units) so that
// sums over every deal stay exact in 64 bits.
const MaxAmount = 1_000_000_000_000

// Deal is an opportunity moving through a pipeline. Amount is exact minor
// units of Currency; JSON carries it as a decimal string.
type Deal struct {
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	AccountID      *int64     `json:"account_id"`
	AccountName    string     `json:"account_name"`
	ContactID      *int64     `json:"contact_id"`
	ContactName    string     `json:"contact_name"`
	Pipeline       string     `json:"pipeline"`
	Stage          string     `json:"stage"` // stage key
	StageName      string     `json:"stage_name"`
	Amount         int64      `json:"-"`
	Currency       string     `json:"currency"`
	Probability    *int       `json:"probability"` // override; nil: the stage's
	CloseDate      string     `json:"close_date"`  // expected, YYYY-MM-DD
	OwnerID        int64      `json:"owner_id"`
	OwnerName      string     `json:"owner"`
	Status         string     `json:"status"`
	LostReason     string     `json:"lost_reason"`
	ClosedAt       *time.Time `json:"closed_at"`
	StageEnteredAt time.Time  `json:"stage_entered_at"`
	Notes          string     `json:"notes"`
	LastActivityAt *time.Time `json:"last_activity_at"`
	NextTask       *NextTask  `json:"next_task"` // the earliest open task, if any
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	ArchivedAt     *time.Time `json:"archived_at"`
	Version        int64      `json:"version"`
}

type dealAlias Deal

type dealJSON struct {
	dealAlias
	Amount string `json:"amount"`
}

// MarshalJSON writes the amount as a decimal string ("1200.50").
func (d Deal) MarshalJSON() ([]byte, error) {
	return json.Marshal(dealJSON{dealAlias(d), FormatAmount(d.Amount, d.Currency)})
}

// UnmarshalJSON reads the decimal amount back.
func (d *Deal) UnmarshalJSON(b []byte) error {
	var j dealJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*d = Deal(j.dealAlias)
	if j.Amount != "" {
		v, err := ParseAmount(j.Amount, d.Currency)
		if err != nil {
			return err
		}
		d.Amount = v
	}
	return nil
}

// NextTask is a deal's next step: its earliest open task.
type NextTask struct {
	ID      int64     `json:"id"`
	Subject string    `json:"subject"`
	Due     time.Time `json:"due"`
	AllDay  bool      `json:"all_day"`
}

// Idle is how long nothing happened with the deal: no edit, move or
// logged activity.
func (d Deal) Idle(now time.Time) time.Duration {
	last := d.UpdatedAt
	if d.LastActivityAt != nil && d.LastActivityAt.After(last) {
		last = *d.LastActivityAt
	}
	return now.Sub(last)
}

// Money is the deal's amount.
func (d Deal) Money() Money { return Money{d.Amount, d.Currency} }

// Weight is the probability used for forecasts: the override, else the
// stage's.
func (d Deal) Weight(stage Stage) int {
	if d.Probability != nil {
		return *d.Probability
	}
	return stage.Probability
}

// SortTitle is the folded title, for ordering and search.
func (d Deal) SortTitle() string { return Fold(Printable(d.Title)) }

// SearchText is what the deal is found by on the board and in lists.
func (d Deal) SearchText() string {
	return SearchText([]string{d.Title, d.AccountName, d.ContactName, d.Notes}, nil)
}

// Normalize trims and checks a deal against its pipeline. It does not
// check stage gates (see Missing), which apply when a deal enters a stage.
func (d *Deal) Normalize(p Pipeline, baseCurrency string) error {
	var errs ValidationErrors
	d.Title = strings.TrimSpace(d.Title)
	d.LostReason = strings.TrimSpace(d.LostReason)
	if d.Title == "" {
		errs = append(errs, Invalid("title", "a deal needs a title"))
	}
	if utf8.RuneCountInString(d.Title) > maxField {
		errs = append(errs, Invalid("title", "longer than %d characters", maxField))
	}
	checkLen(&errs, "notes", d.Notes, maxNotes)
	checkLen(&errs, "lost_reason", d.LostReason, maxField)
	if d.Currency == "" {
		d.Currency = baseCurrency
	}
	if c, err := CheckCurrency("currency", d.Currency); err != nil {
		errs = append(errs, err.(*ValidationError))
	} else {
		d.Currency = c
	}
	if d.Amount < 0 {
		errs = append(errs, Invalid("amount", "cannot be negative"))
	}
	if d.Amount > MaxAmount {
		errs = append(errs, Invalid("amount", "larger than %s", FormatAmount(MaxAmount, d.Currency)))
	}
	if d.Probability != nil && (*d.Probability < 0 || *d.Probability > 100) {
		errs = append(errs, Invalid("probability", "%d is not between 0 and 100", *d.Probability))
	}
	if err := CheckDate("close_date", d.CloseDate); err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	d.Pipeline = p.Key
	st, ok := p.Find(d.Stage)
	if d.Stage == "" {
		st, ok = p.Open()[0], true
	}
	if !ok {
		errs = append(errs, Invalid("stage", "%q is not a stage of %s (one of %s)", d.Stage, p.Name, p.StageNames()))
	} else {
		d.Stage, d.StageName = st.Key, st.Name
		d.Status = string(st.Kind)
		if st.Kind == StageLost && d.LostReason == "" {
			errs = append(errs, Invalid("lost_reason", "a lost deal needs a reason"))
		}
		if st.Kind != StageLost {
			d.LostReason = ""
		}
	}
	return errs.Err()
}

// Missing lists the fields a stage requires that the deal lacks.
func (d Deal) Missing(s Stage) []string {
	var out []string
	for _, f := range s.Requires {
		switch f {
		case "amount":
			if d.Amount == 0 {
				out = append(out, f)
			}
		case "close_date":
			if d.CloseDate == "" {
				out = append(out, f)
			}
		case "contact":
			if d.ContactID == nil && d.ContactName == "" {
				out = append(out, f)
			}
		case "account":
			if d.AccountID == nil && d.AccountName == "" {
				out = append(out, f)
			}
		case "probability":
			if d.Probability == nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// GateError refuses a move into a stage whose required fields are empty,
// or an edit that would empty them while the deal is in it (Staying).
type GateError struct {
	Stage   string
	Missing []string
	Staying bool
}

func (e *GateError) Error() string {
	if e.Staying {
		return "a deal in " + e.Stage + " needs " + strings.Join(e.Missing, " and ") + "; keep them filled in"
	}
	return "moving to " + e.Stage + " needs " + strings.Join(e.Missing, " and ") + "; fill them in first"
}

// Is makes a gate refusal a validation error.
func (e *GateError) Is(t error) bool { return t == ErrValidation }

// StageMove is one row of a deal's stage history.
type StageMove struct {
	From       string    `json:"from"` // stage key, "" for the first
	To         string    `json:"to"`
	FromName   string    `json:"from_name"`
	ToName     string    `json:"to_name"`
	At         time.Time `json:"at"`
	By         string    `json:"by"`
	LostReason string    `json:"lost_reason,omitempty"`
}

// StageTotal sums the live deals of one stage, per currency.
type StageTotal struct {
	Stage   string
	Deals   int
	Amounts []CurrencyTotal
}

// CurrencyTotal is the part of a stage's total in one currency. Plain is
// Σ amount of the deals without a probability override, Weighted Σ amount
// × probability (minor units × percent) of those with one.
type CurrencyTotal struct {
	Currency string
	Deals    int
	Amount   int64
	Plain    int64
	Weighted int64
}

// InBase converts a stage's total and weighted total into the base
// currency, weighing deals without an override by the stage probability.
// converted is true when any amount was in another currency (the totals
// are then approximate and shown with ≈); amounts in currencies without a
// rate are left out and listed in missing.
func (t StageTotal) InBase(r Rates, stage Stage) (total, weighted int64, converted bool, missing []string) {
	for _, c := range t.Amounts {
		if !r.Has(c.Currency) {
			missing = append(missing, c.Currency)
			continue
		}
		a, err := r.Convert(c.Amount, c.Currency, 1)
		w, werr := r.Convert(c.Weighted+c.Plain*int64(stage.Probability), c.Currency, 100)
		if err != nil || werr != nil {
			missing = append(missing, c.Currency)
			continue
		}
		total += a
		weighted += w
		converted = converted || c.Currency != r.Base
	}
	sort.Strings(missing)
	return total, weighted, converted, missing
}
