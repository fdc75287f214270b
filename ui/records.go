package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// recordRef names a record an activity can be about.
type recordRef struct {
	kind string // contact, account, deal, lead, activity
	id   int64
	name string
}

// recordPicker is a screen with a selected record: a and t log on it, E
// edits its notes.
type recordPicker interface {
	selectedRecord() (recordRef, bool)
}

func (v *listView[T]) selectedRecord() (recordRef, bool) {
	row, ok := v.win.selected()
	if !ok {
		return recordRef{}, false
	}
	id, name, _ := v.spec.ident(row)
	return recordRef{kind: v.spec.kind, id: id, name: name}, true
}

func (v *pipelineView) selectedRecord() (recordRef, bool) {
	d, ok := v.Selected()
	return recordRef{kind: "deal", id: d.ID, name: d.Title}, ok
}

func (d *detailView) selectedRecord() (recordRef, bool) {
	name, _ := d.nameVersion()
	return recordRef{kind: d.kind, id: d.id, name: name}, d.rec != nil
}

func (v *activitiesView) selectedRecord() (recordRef, bool) {
	a, ok := v.Selected()
	return recordRef{kind: "activity", id: a.ID, name: a.Subject}, ok
}

// linkOf is the record a new activity is about: the record itself, or
// for an activity, what that activity is about.
func (a *App) linkOf(ctx context.Context, r recordRef) (model.Activity, error) {
	var act model.Activity
	switch r.kind {
	case "contact":
		act.ContactID = &r.id
	case "account":
		act.AccountID = &r.id
	case "deal":
		act.DealID = &r.id
	case "lead":
		act.LeadID = &r.id
	case "activity":
		src, err := a.sh.deps.Store.Activities.Get(ctx, r.id)
		if err != nil {
			return act, err
		}
		act.ContactID, act.AccountID, act.DealID, act.LeadID = src.ContactID, src.AccountID, src.DealID, src.LeadID
	}
	return act, nil
}

// editorLoadedMsg carries the text to edit in $EDITOR.
type editorLoadedMsg struct {
	rec     recordRef
	text    string
	version int64
	err     error
}

// editorDoneMsg is sent when the editor exits.
type editorDoneMsg struct {
	rec     recordRef
	version int64
	path    string
	before  string
	err     error
}

// loadNotes reads the notes (or an activity's body) of a record.
func (a *App) loadNotes(r recordRef) tea.Cmd {
	st := a.sh.deps.Store
	return func() tea.Msg {
		ctx := context.Background()
		msg := editorLoadedMsg{rec: r}
		switch r.kind {
		case "contact":
			c, err := st.Contacts.Get(ctx, r.id)
			msg.text, msg.version, msg.err = c.Notes, c.Version, err
		case "account":
			x, err := st.Accounts.Get(ctx, r.id)
			msg.text, msg.version, msg.err = x.Notes, x.Version, err
		case "deal":
			d, err := st.Deals.Get(ctx, r.id)
			msg.text, msg.version, msg.err = d.Notes, d.Version, err
		case "lead":
			l, err := st.Leads.Get(ctx, r.id)
			msg.text, msg.version, msg.err = l.Notes, l.Version, err
		case "activity":
			x, err := st.Activities.Get(ctx, r.id)
			msg.text, msg.version, msg.err = x.Body, x.Version, err
		default:
			msg.err = fmt.Errorf("%s has no notes", r.kind)
		}
		return msg
	}
}

// editorCommand is $VISUAL, else $EDITOR, else vi, split into words.
func editorCommand() []string {
	for _, env := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(os.Getenv(env)); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

// openEditor writes the notes to a temp file and suspends the TUI while
// the editor runs.
func (a *App) openEditor(m editorLoadedMsg) tea.Cmd {
	f, err := os.CreateTemp("", "rolo-notes-*.md")
	if err != nil {
		return send(errMsg{err})
	}
	path := f.Name()
	_, err = f.WriteString(m.text)
	f.Close()
	if err != nil {
		os.Remove(path)
		return send(errMsg{err})
	}
	args := append(editorCommand(), path)
	cmd := exec.Command(args[0], args[1:]...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		return editorDoneMsg{rec: m.rec, version: m.version, path: path, before: m.text, err: err}
	})
}

// editorDone saves what the editor left, unless it failed, changed
// nothing or left nothing.
func (a *App) editorDone(m editorDoneMsg) tea.Cmd {
	defer os.Remove(m.path)
	if m.err != nil {
		return send(errMsg{fmt.Errorf("the editor failed (%v); nothing was changed", m.err)})
	}
	b, err := os.ReadFile(m.path)
	if err != nil {
		return send(errMsg{err})
	}
	text := strings.TrimRight(string(b), "\n")
	if text == strings.TrimRight(m.before, "\n") || strings.TrimSpace(text) == "" {
		return send(statusMsg{"notes unchanged"})
	}
	st, ctx, r, version := a.sh.deps.Store, a.sh.writeCtx, m.rec, m.version
	return func() tea.Msg {
		stale := errors.New("it was changed while you edited; your text is lost only if you close without copying it")
		var err error
		switch r.kind {
		case "contact":
			var c model.Contact
			if c, err = st.Contacts.Get(ctx, r.id); err == nil {
				if c.Version != version {
					err = stale
				} else {
					c.Notes = text
					_, err = st.Contacts.Update(ctx, c, store.WriteOptions{AllowDuplicate: true})
				}
			}
		case "account":
			var x model.Account
			if x, err = st.Accounts.Get(ctx, r.id); err == nil {
				if x.Version != version {
					err = stale
				} else {
					x.Notes = text
					_, err = st.Accounts.Update(ctx, x, store.WriteOptions{AllowDuplicate: true})
				}
			}
		case "deal":
			var d model.Deal
			if d, err = st.Deals.Get(ctx, r.id); err == nil {
				if d.Version != version {
					err = stale
				} else {
					d.Notes = text
					_, err = st.Deals.Update(ctx, d, store.WriteOptions{AllowDuplicate: true})
				}
			}
		case "lead":
			var l model.Lead
			if l, err = st.Leads.Get(ctx, r.id); err == nil {
				if l.Version != version {
					err = stale
				} else {
					l.Notes = text
					_, err = st.Leads.Update(ctx, l, store.WriteOptions{AllowDuplicate: true})
				}
			}
		case "activity":
			var x model.Activity
			if x, err = st.Activities.Get(ctx, r.id); err == nil {
				if x.Version != version {
					err = stale
				} else {
					x.Body = text
					_, err = st.Activities.Update(ctx, x)
				}
			}
		}
		if err != nil {
			return errMsg{fmt.Errorf("notes not saved: %w", err)}
		}
		return savedMsg{kind: r.kind, id: r.id, verb: "saved notes of", name: r.name + " (u undoes)"}
	}
}
