package cli

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

// contactFlags are the fields add and edit set.
type contactFlags struct {
	first, last, email, phone, account, title, source, notes, owner string
	tags                                                            []string
}

func (f *contactFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.first, "first", "", "first name")
	fl.StringVar(&f.last, "last", "", "last name")
	fl.StringVar(&f.email, "email", "", "email address")
	fl.StringVar(&f.phone, "phone", "", "phone number (stored also in E.164 form)")
	fl.StringVar(&f.account, "account", "", "account name: linked by folded name, created when there is none (\"\" unlinks)")
	fl.StringVar(&f.title, "title", "", "job title")
	fl.StringVar(&f.source, "source", "", "where the contact came from")
	fl.StringVar(&f.notes, "notes", "", "notes")
	fl.StringVar(&f.owner, "owner", "", "owner: me, a team member's name or email")
	fl.StringArrayVar(&f.tags, "tag", nil, "tag (repeat or comma-separate; on edit replaces the tags)")
}

// apply copies the flags the user gave onto c.
func (f *contactFlags) apply(ctx context.Context, cmd *cobra.Command, s *Session, c *model.Contact) error {
	set := func(name string, dst *string, v string) {
		if cmd.Flags().Changed(name) {
			*dst = v
		}
	}
	set("first", &c.FirstName, f.first)
	set("last", &c.LastName, f.last)
	set("email", &c.Email, f.email)
	set("phone", &c.Phone, f.phone)
	set("title", &c.Title, f.title)
	set("source", &c.Source, f.source)
	set("notes", &c.Notes, f.notes)
	if cmd.Flags().Changed("account") {
		c.AccountID, c.AccountName = nil, f.account
	}
	if cmd.Flags().Changed("tag") {
		c.Tags = f.tags
	}
	if cmd.Flags().Changed("owner") {
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return err
		}
		c.OwnerID = id
	}
	return nil
}

func (a *app) contactCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "contact", Short: "Add, list, show, edit and archive contacts"}
	cmd.AddCommand(a.contactAddCmd(), a.contactListCmd(), a.contactShowCmd(), a.contactEditCmd(), a.contactDeleteCmd())
	return cmd
}

func (a *app) contactAddCmd() *cobra.Command {
	var f contactFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:   "add --first F --last L [--email E] [--phone P] [--account NAME] [--title T] [--tag X]... [--source S]",
		Short: "Add a contact",
		Example: `  rolo contact add --first Ayşe --last Yılmaz --email ayse@isik.com.tr --account "Işık Tekstil A.Ş."
  rolo contact add --first Hans --last Müller --phone "+49 30 1234567" --tag vip --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("first") && !cmd.Flags().Changed("last") {
				return usagef("contact add needs --first or --last")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var c model.Contact
			if err := f.apply(ctx, cmd, s, &c); err != nil {
				return err
			}
			c, err = s.Store.Contacts.Create(ctx, c, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			if ms, err := s.Store.Dupes.ForContact(ctx, c); err == nil {
				warnSimilar(cmd.ErrOrStderr(), "contact", ms)
			}
			return report(cmd, asJSON, c, "added contact #%d %s", c.ID, c.Name())
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when a contact has the same email or phone")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new contact as JSON")
	return cmd
}

func (a *app) contactListCmd() *cobra.Command {
	var search, tag, account, owner string
	var limit int
	var archived, asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--search Q] [--tag X] [--account NAME] [--owner me|NAME] [--limit N] [--json]",
		Short: "List contacts by name",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			q := store.ListQuery{Search: search, Tag: model.NormalizeTag(tag), Archived: archived}
			if q.OwnerID, err = s.resolveOwner(ctx, owner); err != nil {
				return err
			}
			if account != "" {
				acc, err := s.Store.Accounts.FindByName(ctx, account)
				if err != nil {
					return err
				}
				q.AccountID = acc.ID
			}
			return listing[model.Contact]{
				header: []string{"ID", "NAME", "ACCOUNT", "EMAIL", "PHONE", "OWNER"},
				row: func(c model.Contact) []string {
					return []string{strconv.FormatInt(c.ID, 10), c.Name(), c.AccountName, c.Email, c.Phone, c.OwnerName}
				},
				key:   func(c model.Contact) store.Cursor { return store.Cursor{Sort: c.SortName(), ID: c.ID} },
				fetch: s.Store.Contacts.List,
				empty: "no contacts (add one with rolo contact add, or try rolo demo)",
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&search, "search", "", "word-prefix search over names, emails, phones, account, tags, notes (folded)")
	fl.StringVar(&tag, "tag", "", "only contacts with this tag")
	fl.StringVar(&account, "account", "", "only contacts of this account (by name)")
	fl.StringVar(&owner, "owner", "", "only contacts of this owner: me or a name")
	fl.IntVar(&limit, "limit", 0, "at most N contacts (0: all)")
	fl.BoolVar(&archived, "archived", false, "list archived contacts instead")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

// pageAll calls fetch for keyset pages until limit rows (0: all) were
// produced or a page comes back short.
func pageAll(limit int, fetch func(page int, after *store.Cursor) (int, *store.Cursor, error)) error {
	const pageSize = 500
	var after *store.Cursor
	total := 0
	for limit == 0 || total < limit {
		page := pageSize
		if limit > 0 && limit-total < page {
			page = limit - total
		}
		n, next, err := fetch(page, after)
		if err != nil {
			return err
		}
		total += n
		if n < page {
			return nil
		}
		after = next
	}
	return nil
}

// findContact resolves ID|EMAIL.
func findContact(ctx context.Context, s *Session, key string) (model.Contact, error) {
	key = strings.TrimSpace(key)
	if id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64); err == nil {
		return s.Store.Contacts.Get(ctx, id)
	}
	if strings.Contains(key, "@") {
		return s.Store.Contacts.FindByEmail(ctx, key)
	}
	return model.Contact{}, usagef("name a contact by id or email, not %q (find it with: rolo contact list --search %q)", key, key)
}

type contactWithHistory struct {
	model.Contact
	History []model.Change `json:"history"`
}

func (a *app) contactShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID|EMAIL [--json]",
		Short: "Show a contact with its history",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			c, err := findContact(ctx, s, args[0])
			if err != nil {
				return err
			}
			hist, err := s.Store.History.For(ctx, "contact", c.ID, 50)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), contactWithHistory{c, hist})
			}
			w := cmd.OutOrStdout()
			state := ""
			if c.ArchivedAt != nil {
				state = "  (archived)"
			}
			fmt.Fprintf(w, "%s  #%d  v%d%s\n", model.Printable(c.Name()), c.ID, c.Version, state)
			k := card{w}
			k.line("title", c.Title)
			if c.AccountID != nil {
				k.line("account", fmt.Sprintf("%s (#%d)", c.AccountName, *c.AccountID))
			}
			k.line("email", c.Email)
			phone := c.Phone
			if c.PhoneE164 != "" && c.PhoneE164 != c.Phone {
				phone += "  (" + c.PhoneE164 + ")"
			}
			k.line("phone", phone)
			k.line("tags", strings.Join(c.Tags, ", "))
			k.line("source", c.Source)
			for _, key := range slices.Sorted(maps.Keys(c.Custom)) {
				k.line(key, c.Custom[key])
			}
			k.line("owner", c.OwnerName)
			k.line("created", s.formatTime(c.CreatedAt))
			k.line("updated", s.formatTime(c.UpdatedAt))
			if c.Notes != "" {
				fmt.Fprintln(w, "Notes")
				for _, l := range strings.Split(model.PrintableBlock(c.Notes), "\n") {
					fmt.Fprintln(w, "  "+l)
				}
			}
			printHistory(w, s, c.ID, hist)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the contact and its history as JSON")
	return cmd
}

func (a *app) contactEditCmd() *cobra.Command {
	var f contactFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:     "edit ID|EMAIL [--first F] [--last L] [--email E] [--phone P] [--account NAME] [--title T] [--tag X]...",
		Short:   "Change a contact's fields",
		Example: `  rolo contact edit 12 --title "Genel Müdür" --account "Işık Tekstil"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !anyChanged(cmd, "first", "last", "email", "phone", "account", "title", "source", "notes", "owner", "tag") {
				return usagef("contact edit needs at least one field to change, e.g. --title T")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			c, err := findContact(ctx, s, args[0])
			if err != nil {
				return err
			}
			if err := f.apply(ctx, cmd, s, &c); err != nil {
				return err
			}
			c, err = s.Store.Contacts.Update(ctx, c, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			return report(cmd, asJSON, c, "saved contact #%d %s (v%d)", c.ID, c.Name(), c.Version)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when a contact has the same email or phone")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved contact as JSON")
	return cmd
}

func anyChanged(cmd *cobra.Command, names ...string) bool {
	for _, n := range names {
		if cmd.Flags().Changed(n) {
			return true
		}
	}
	return false
}

func (a *app) contactDeleteCmd() *cobra.Command {
	return archiveCmd(a, "contact", "ID|EMAIL", findContact,
		func(ctx context.Context, s *Session, c model.Contact) (model.Contact, error) {
			return s.Store.Contacts.Archive(ctx, c.ID, c.Version)
		},
		func(c model.Contact) (int64, string) { return c.ID, c.Name() })
}
