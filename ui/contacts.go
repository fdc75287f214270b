package ui

import (
	"strconv"

	"rolo/model"
	"rolo/store"
)

func contactKey(c model.Contact) store.Cursor { return store.Cursor{Sort: c.SortName(), ID: c.ID} }

func newContactsView(sh *shared) *listView[model.Contact] {
	repo := sh.deps.Store.Contacts
	return newListView(sh, listSpec[model.Contact]{
		kind:  "contact",
		title: "Contacts",
		noun:  "contacts",
		cols: []colSpec{
			{title: "Name", min: 14, weight: 2},
			{title: "Account", min: 12, weight: 2, drop: 3},
			{title: "Email", min: 14, weight: 3, drop: 2},
			{title: "Phone", min: 17, drop: 4},
			{title: "Owner", min: 10, weight: 1, drop: 5},
			{title: "Last", min: 8, drop: 6},
		},
		cells: func(sh *shared, c model.Contact) []string {
			return []string{c.Name(), c.AccountName, c.Email, c.Phone, c.OwnerName, sh.ago(c.LastActivityAt)}
		},
		ident: func(c model.Contact) (int64, string, int64) { return c.ID, c.Name(), c.Version },
		empty: []string{
			"No contacts yet.",
			"",
			"n                  add one here",
			"rolo contact add   add one from the command line",
			"rolo demo          fill the database with sample data to try rolo",
		},
		search: "names, emails, phones, accounts",
		merge:  true,
	}, source[model.Contact]{list: repo.List, count: repo.Count, key: contactKey})
}

func accountKey(a model.Account) store.Cursor { return store.Cursor{Sort: a.SortName(), ID: a.ID} }

func newAccountsView(sh *shared) *listView[model.Account] {
	repo := sh.deps.Store.Accounts
	return newListView(sh, listSpec[model.Account]{
		kind:  "account",
		title: "Accounts",
		noun:  "accounts",
		cols: []colSpec{
			{title: "Name", min: 16, weight: 4},
			{title: "Domain", min: 12, weight: 2, drop: 3},
			{title: "Industry", min: 10, weight: 2, drop: 4},
			{title: "Contacts", min: 8, right: true, drop: 2},
			{title: "Owner", min: 10, weight: 1, drop: 5},
			{title: "Last", min: 8, drop: 6},
		},
		cells: func(sh *shared, a model.Account) []string {
			return []string{a.Name, a.Domain, a.Industry, strconv.Itoa(a.Contacts), a.OwnerName, sh.ago(a.LastActivityAt)}
		},
		ident: func(a model.Account) (int64, string, int64) { return a.ID, a.Name, a.Version },
		empty: []string{
			"No accounts yet.",
			"",
			"n                  add one here",
			"rolo account add   add one from the command line",
			"rolo demo          fill the database with sample data to try rolo",
		},
		search: "names, domains, industries",
		merge:  true,
	}, source[model.Account]{list: repo.List, count: repo.Count, key: accountKey})
}

// newDealsView is a table of deals: a dashboard drill-down's.
func newDealsView(sh *shared, title string, base store.ListQuery) *listView[model.Deal] {
	repo := sh.deps.Store.Deals
	v := newListView(sh, listSpec[model.Deal]{
		kind:  "deal",
		title: title,
		noun:  "deals",
		cols: []colSpec{
			{title: "Title", min: 16, weight: 3},
			{title: "Account", min: 12, weight: 2, drop: 3},
			{title: "Stage", min: 12, drop: 4},
			{title: "Amount", min: 13, right: true},
			{title: "Close", min: 10, drop: 2},
			{title: "Owner", min: 10, weight: 1, drop: 5},
		},
		cells: func(sh *shared, d model.Deal) []string {
			return []string{d.Title, d.AccountName, d.StageName, model.FormatMoney(d.Money(), sh.locale()), d.CloseDate, d.OwnerName}
		},
		ident:  func(d model.Deal) (int64, string, int64) { return d.ID, d.Title, d.Version },
		empty:  []string{"No deals here."},
		search: "titles, accounts, contacts",
	}, source[model.Deal]{list: repo.List, count: repo.Count, key: func(d model.Deal) store.Cursor {
		return store.Cursor{Sort: d.SortTitle(), ID: d.ID}
	}})
	v.base = base
	return v
}
