package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/store"
)

func typeText(t *testing.T, a *App, s string) {
	t.Helper()
	run(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// tabs moves through n form fields.
func tabs(t *testing.T, a *App, n int) {
	for i := 0; i < n; i++ {
		run(t, a, press(tea.KeyTab))
	}
}

func selectedContact(a *App) (modelContact, bool) {
	return a.tabs[1].view.(*listView[modelContact]).Selected()
}

func TestEditThroughFormWithInlineValidation(t *testing.T) {
	a, st := seededApp(t, 100, 40)
	c, _ := selectedContact(a) // Ayşe Yılmaz
	run(t, a, keys("e")...)
	if a.form == nil || !strings.Contains(a.View(), "Edit Ayşe Yılmaz") {
		t.Fatalf("no edit form:\n%s", a.View())
	}
	// third field: email. Replace it with something invalid.
	tabs(t, a, 2)
	for i := 0; i < 30; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "not-an-email")
	run(t, a, press(tea.KeyTab))
	if v := a.View(); !strings.Contains(v, "not an email address") {
		t.Fatalf("no inline error:\n%s", v)
	}
	// q is text in a form, not quit
	typeText(t, a, "q")
	if a.form == nil {
		t.Fatal("form closed on q")
	}
	run(t, a, press(tea.KeyEsc))
	if a.form != nil {
		t.Fatal("esc did not cancel the form")
	}
	got, _ := st.Contacts.Get(context.Background(), c.ID)
	if got.Email != c.Email || got.Version != c.Version {
		t.Fatalf("a cancelled form wrote: %+v", got)
	}
}

func submitForm(t *testing.T, a *App) {
	t.Helper()
	for i := 0; i < 12 && a.form != nil && a.form.dup == nil && !a.form.saving; i++ {
		run(t, a, press(tea.KeyEnter))
	}
}

func TestNewContactFormDuplicateAsksAndUndo(t *testing.T) {
	a, st := seededApp(t, 100, 40)
	run(t, a, keys("n")...)
	typeText(t, a, "Other")
	tabs(t, a, 2)
	typeText(t, a, "AYSE@isik.com.tr")
	submitForm(t, a)
	if a.form == nil || a.form.dup == nil || !strings.Contains(a.View(), "Save anyway?") {
		t.Fatalf("duplicate not asked about:\n%s", a.View())
	}
	run(t, a, keys("n")...) // back to the form, nothing saved
	if n, _ := st.Contacts.Count(context.Background(), store.ListQuery{}); n != 6 {
		t.Fatalf("%d contacts after declining", n)
	}
	submitForm(t, a)
	run(t, a, keys("y")...)
	if a.form != nil || !strings.Contains(a.View(), "added contact Other") {
		t.Fatalf("not saved after y:\n%s", a.View())
	}
	if c, ok := selectedContact(a); !ok || c.FirstName != "Other" {
		t.Fatalf("the new contact is not selected: %+v", c)
	}
	run(t, a, keys("u")...)
	if n, _ := st.Contacts.Count(context.Background(), store.ListQuery{}); n != 6 {
		t.Fatalf("%d contacts after undo", n)
	}
	if !strings.Contains(a.View(), "undid") {
		t.Fatalf("no undo message:\n%s", a.View())
	}
}

func TestStaleEditIsRefusedNotOverwritten(t *testing.T) {
	a, st := seededApp(t, 100, 40)
	c, _ := selectedContact(a)
	run(t, a, keys("e")...)
	// someone else changes the contact while the form is open
	other := c
	other.Title = "Changed elsewhere"
	if _, err := st.Contacts.Update(context.Background(), other, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tabs(t, a, 4)
	typeText(t, a, " (mine)")
	submitForm(t, a)
	if a.form == nil || !strings.Contains(a.View(), "changed by someone else") {
		t.Fatalf("stale save not refused:\n%s", a.View())
	}
	got, _ := st.Contacts.Get(context.Background(), c.ID)
	if got.Title != "Changed elsewhere" {
		t.Fatalf("the other change was overwritten: %q", got.Title)
	}
}

func TestArchiveAsksThenUndoRestores(t *testing.T) {
	a, st := seededApp(t, 100, 40)
	c, _ := selectedContact(a)
	run(t, a, keys("d")...)
	if !strings.Contains(a.View(), `Archive contact "Ayşe Yılmaz"? y/n`) {
		t.Fatalf("no confirmation:\n%s", a.View())
	}
	run(t, a, keys("n")...)
	if got, _ := st.Contacts.Get(context.Background(), c.ID); got.ArchivedAt != nil {
		t.Fatal("archived after n")
	}
	run(t, a, keys("d")...)
	run(t, a, keys("y")...)
	if got, _ := st.Contacts.Get(context.Background(), c.ID); got.ArchivedAt == nil {
		t.Fatal("not archived after y")
	}
	if strings.Contains(a.View(), "Ayşe Yılmaz  ") && strings.Contains(a.View(), "▌ Ayşe") {
		t.Fatalf("archived contact still listed:\n%s", a.View())
	}
	run(t, a, keys("u")...)
	if got, _ := st.Contacts.Get(context.Background(), c.ID); got.ArchivedAt != nil {
		t.Fatal("undo did not restore")
	}
	run(t, a, keys("u")...)
	if !strings.Contains(a.View(), "nothing to undo") {
		t.Fatalf("second u:\n%s", a.View())
	}
}

func TestOwnerFilterCycles(t *testing.T) {
	a, st := seededApp(t, 100, 40)
	ctx := context.Background()
	deniz, _ := st.Users.Find(ctx, "Deniz Kaya")
	c, _ := st.Contacts.FindByEmail(ctx, "sean@oneil.ie")
	c.OwnerID = deniz.ID
	if _, err := st.Contacts.Update(ctx, c, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	run(t, a, keys("r")...)
	want := []struct{ label, count string }{{"me", "5 contacts"}, {"Deniz Kaya", "1 contact"}, {"all", "6 contacts"}}
	for _, w := range want {
		run(t, a, keys("o")...)
		v := a.View()
		if !strings.Contains(v, "owner: "+w.label) || !strings.Contains(v, w.count) {
			t.Fatalf("owner %s: want %q:\n%s", w.label, w.count, v)
		}
	}
}

func TestDetailOpensRelatedAndBack(t *testing.T) {
	a, _ := seededApp(t, 120, 40)
	run(t, a, press(tea.KeyEnter)) // Ayşe
	run(t, a, press(tea.KeyTab), press(tea.KeyEnter))
	v := a.View()
	if !strings.Contains(v, "Accounts › Işık Tekstil A.Ş.") || !strings.Contains(v, "İsmail Işık") {
		t.Fatalf("account detail:\n%s", v)
	}
	run(t, a, press(tea.KeyTab), keys("j")[0], press(tea.KeyEnter))
	if v := a.View(); !strings.Contains(v, "Contacts › İsmail Işık") {
		t.Fatalf("related contact:\n%s", v)
	}
	run(t, a, press(tea.KeyEsc), press(tea.KeyEsc), press(tea.KeyEsc))
	if len(a.stack) != 0 || !strings.Contains(a.View(), "/ search") {
		t.Fatalf("esc did not go back to the list:\n%s", a.View())
	}
}
