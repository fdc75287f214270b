package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// While a contact, account or lead form is filled in, the fields that
// identify the record (names, email, phone, domain) are checked against
// the database for likely duplicates: a pause in typing (dupDelay) starts
// the check in a command, off the UI goroutine; a newer keystroke makes
// the pending check return nothing, and a reply for an older probe is
// dropped. The form shows the best matches under it. Fuzzy matches only
// warn; the store refuses an exact duplicate on save, which asks first.

// dupDelay is the pause in typing after which the form checks for
// duplicates.
var dupDelay = 250 * time.Millisecond

// dupProbes numbers the checks of every form, so a reply meant for a
// closed form never matches an open one.
var dupProbes atomic.Int64

// dupWarnMsg carries the warning lines of probe seq.
type dupWarnMsg struct {
	seq   int64
	lines []dupLine
	err   error
}

// dupLine is one warning under a form.
type dupLine struct {
	text  string
	exact bool
}

// dupCheck is what a form checks, captured by value for the command.
type dupCheck func(ctx context.Context, st *store.Store) ([]dupLine, error)

// dupProbe is the key of the identifying fields and the check to run on
// them; ok is false for forms that do not check.
func (f *formView) dupProbe() (probeKey string, check dupCheck, ok bool) {
	v := func(k string) string {
		if p := f.vals[k]; p != nil {
			return strings.TrimSpace(*p)
		}
		return ""
	}
	join := func(ks ...string) string {
		var parts []string
		empty := true
		for _, k := range ks {
			parts = append(parts, v(k))
			empty = empty && v(k) == ""
		}
		if empty {
			return ""
		}
		return strings.Join(parts, "\x00")
	}
	switch f.kind {
	case "contact":
		c := f.contact
		c.FirstName, c.LastName, c.Email, c.Phone = v("first_name"), v("last_name"), v("email"), v("phone")
		if acc := v("account"); acc != c.AccountName || c.AccountID == nil {
			c.AccountID, c.AccountName = nil, acc
		}
		return join("first_name", "last_name", "email", "phone", "account"), func(ctx context.Context, st *store.Store) ([]dupLine, error) {
			ms, err := st.Dupes.ForContact(ctx, c)
			return matchLines("", ms), err
		}, true
	case "account":
		a := f.account
		a.Name, a.Domain, a.Phone, a.Website = v("name"), v("domain"), v("phone"), v("website")
		return join("name", "domain", "phone", "website"), func(ctx context.Context, st *store.Store) ([]dupLine, error) {
			ms, err := st.Dupes.ForAccount(ctx, a)
			return matchLines("", ms), err
		}, true
	case "lead":
		l := f.lead
		l.Name, l.Company, l.Email, l.Phone = v("name"), v("company"), v("email"), v("phone")
		return join("name", "company", "email", "phone"), func(ctx context.Context, st *store.Store) ([]dupLine, error) {
			cs, as, err := st.Dupes.ForLead(ctx, l)
			if err != nil {
				return nil, err
			}
			lines := matchLines("contact ", cs)
			if len(lines) == 0 {
				ls, err := st.Dupes.LeadsLike(ctx, l)
				if err != nil {
					return nil, err
				}
				lines = matchLines("lead ", ls)
			}
			if len(as) > 0 {
				lines = append(lines, dupLine{text: "Company is likely account " + as[0].String()})
			}
			return lines, err
		}, true
	}
	return "", nil, false
}

// matchLines is the warning for the best match, and how many more.
func matchLines(what string, ms []model.Match) []dupLine {
	if len(ms) == 0 {
		return nil
	}
	text := "Likely duplicate: " + what + ms[0].String()
	if len(ms) > 1 {
		text += " (and " + plural(len(ms)-1, "other", "others", "en") + ")"
	}
	if ms[0].Exact {
		text += "; saving asks first"
	}
	return []dupLine{{text: text, exact: ms[0].Exact}}
}

// probeDupes starts a check when the identifying fields changed.
func (f *formView) probeDupes() tea.Cmd {
	probeKey, check, ok := f.dupProbe()
	if !ok || probeKey == f.dupKey {
		return nil
	}
	f.dupKey = probeKey
	seq := dupProbes.Add(1)
	f.dupLatest.Store(seq)
	if probeKey == "" {
		f.warn = nil
		f.resize()
		return nil
	}
	st, latest, delay := f.sh.deps.Store, &f.dupLatest, dupDelay
	return func() tea.Msg {
		if delay > 0 {
			time.Sleep(delay)
		}
		if latest.Load() != seq {
			return nil // typed on: a newer check follows
		}
		lines, err := check(context.Background(), st)
		return dupWarnMsg{seq: seq, lines: lines, err: err}
	}
}

// setWarning applies a check's reply unless a newer one was asked.
func (f *formView) setWarning(m dupWarnMsg) {
	if m.seq != f.dupLatest.Load() || m.err != nil {
		return
	}
	f.warn = m.lines
	f.resize()
}
