package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// M on Ayşe lists her likely duplicate; picking it shows the fields side
// by side; b takes B's email; s merges; u undoes the whole merge.
func TestMergeContactsPickFieldAndUndo(t *testing.T) {
	a, st := seededApp(t, 100, 30)
	ctx := context.Background()
	ayse, _ := st.Contacts.FindByEmail(ctx, "ayse@isik.com.tr")
	dup, err := st.Contacts.Create(ctx, model.Contact{FirstName: "Ayse", LastName: "Yilmaz", Email: "ayse.yilmaz@gmail.com",
		Phone: "+90 212 555 01 01", Title: "GM", Tags: []string{"fair"}}, store.WriteOptions{AllowDuplicate: true})
	if err != nil {
		t.Fatal(err)
	}
	run(t, a, keys("r")...)
	if c, _ := selectedContact(a); c.ID != ayse.ID {
		t.Fatalf("selected %s", c.Name())
	}
	run(t, a, keys("?")...)
	if !regexp.MustCompile(`M\s+merge`).MatchString(a.View()) {
		t.Fatalf("the help lacks M:\n%s", a.View())
	}
	run(t, a, keys("x")...)
	run(t, a, keys("M")...)
	if _, ok := a.dialog.(*mergeView); !ok {
		t.Fatalf("no merge screen:\n%s", a.View())
	}
	wantIn(t, a.View(), "Merge into Ayşe Yılmaz", "Ayse Yilmaz (#7, 100: same phone, same name)")
	golden(t, "merge_pick_100x30", a.View())
	run(t, a, press(tea.KeyEnter))
	wantIn(t, a.View(), "Merge Ayse Yilmaz into Ayşe Yılmaz", "A #1 (kept)", "B #7 (archived)", "ayse.yilmaz@gmail.com")
	golden(t, "merge_fields_100x30", a.View())
	run(t, a, keys("jj")...) // email
	run(t, a, keys("b")...)
	run(t, a, keys("j")...) // phone: the same on both sides
	run(t, a, keys("j")...) // title: toggled to B and back
	run(t, a, keys("  ")...)
	run(t, a, keys("s")...)
	if a.dialog != nil {
		t.Fatalf("still open:\n%s", a.View())
	}
	if a.status != "merged Ayse Yilmaz (#7) into Ayşe Yılmaz (#1) (u undoes)" {
		t.Fatalf("status %q", a.status)
	}
	keep, _ := st.Contacts.Get(ctx, ayse.ID)
	gone, _ := st.Contacts.Get(ctx, dup.ID)
	if keep.Email != "ayse.yilmaz@gmail.com" || keep.FirstName != "Ayşe" || keep.Title != "Genel Müdür" ||
		strings.Join(keep.Tags, ",") != "vip,textile,fair" {
		t.Fatalf("survivor %+v", keep)
	}
	if gone.ArchivedAt == nil || gone.MergedInto == nil || *gone.MergedInto != ayse.ID {
		t.Fatalf("merged contact %+v", gone)
	}
	if v := a.View(); strings.Contains(v, "ayse@isik.com.tr") || !strings.Contains(v, "ayse.yilmaz@gmail.c") || !strings.Contains(v, "6 contacts") {
		t.Fatalf("the list did not reload:\n%s", v)
	}
	run(t, a, keys("u")...)
	keep, _ = st.Contacts.Get(ctx, ayse.ID)
	gone, _ = st.Contacts.Get(ctx, dup.ID)
	if keep.Email != "ayse@isik.com.tr" || gone.ArchivedAt != nil || gone.MergedInto != nil {
		t.Fatalf("undo left %+v / %+v (%s)", keep, gone, a.status)
	}
	wantIn(t, a.View(), "undid")
}

// esc steps back from the fields to the list of duplicates, then closes;
// a record with no likely duplicate says so.
func TestMergeEscAndNoDuplicates(t *testing.T) {
	a, st := seededApp(t, 100, 30)
	ctx := context.Background()
	if _, err := st.Contacts.Create(ctx, model.Contact{FirstName: "Ayse", LastName: "Yilmaz"}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	run(t, a, keys("r")...)
	run(t, a, keys("M")...)
	run(t, a, press(tea.KeyEnter))
	wantIn(t, a.View(), "A #1 (kept)")
	// ? shows the merge screen's keys; any key closes the help
	run(t, a, keys("?")...)
	if !a.showHelp {
		t.Fatalf("? on the merge screen shows no help:\n%s", a.View())
	}
	run(t, a, keys("?")...)
	wantIn(t, a.View(), "A #1 (kept)")
	run(t, a, press(tea.KeyEsc))
	wantIn(t, a.View(), "Merge into Ayşe Yılmaz", "enter picks")
	run(t, a, press(tea.KeyEsc))
	if a.dialog != nil || a.status != "not merged" {
		t.Fatalf("esc: %q", a.status)
	}
	if n, _ := st.Contacts.Count(ctx, store.ListQuery{}); n != 7 {
		t.Fatalf("%d contacts", n)
	}
	run(t, a, keys("G")...) // Sean O'Neil
	run(t, a, keys("M")...)
	wantIn(t, a.View(), "No likely duplicates of Sean O'Neil.")
	run(t, a, press(tea.KeyEsc))
}

// M on an account: B's domain fills A's empty one by default, B's
// contacts move to A.
func TestMergeAccounts(t *testing.T) {
	a, st := seededApp(t, 100, 30)
	ctx := context.Background()
	dup, err := st.Accounts.Create(ctx, model.Account{Name: "Isik Tekstil", Domain: "isik.com.tr"}, store.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Contacts.Create(ctx, model.Contact{FirstName: "Deniz", LastName: "Ak", AccountID: &dup.ID}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	run(t, a, keys("3")...)
	run(t, a, keys("/tekstil a")...)
	run(t, a, press(tea.KeyEnter))
	run(t, a, press(tea.KeyEnter)) // the detail; M works there too
	wantIn(t, a.View(), "Accounts › Işık Tekstil A.Ş.", "M merge")
	run(t, a, keys("M")...)
	wantIn(t, a.View(), "Isik Tekstil (#4, 90: same name but for the legal form)")
	run(t, a, press(tea.KeyEnter))
	run(t, a, press(tea.KeyEnter)) // enter saves too
	if !strings.HasPrefix(a.status, "merged Isik Tekstil (#4) into Işık Tekstil A.Ş. (#1)") {
		t.Fatalf("status %q", a.status)
	}
	keep, _ := st.Accounts.Get(ctx, 1)
	if keep.Name != "Işık Tekstil A.Ş." || keep.Domain != "isik.com.tr" || keep.Contacts != 3 {
		t.Fatalf("survivor %+v", keep)
	}
	// the detail in front reloaded
	wantIn(t, a.View(), "isik.com.tr", "Deniz Ak")
}
