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

type accountFlags struct {
	name, domain, industry, phone, website, address, externalID, notes, owner string
	tags                                                                      []string
}

var accountFields = []string{"name", "domain", "industry", "phone", "website", "address", "external-id", "notes", "owner", "tag"}

func (f *accountFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.name, "name", "", "company name")
	fl.StringVar(&f.domain, "domain", "", "web domain, e.g. isik.com.tr")
	fl.StringVar(&f.industry, "industry", "", "industry")
	fl.StringVar(&f.phone, "phone", "", "phone number")
	fl.StringVar(&f.website, "website", "", "web site")
	fl.StringVar(&f.address, "address", "", "postal address")
	fl.StringVar(&f.externalID, "external-id", "", "id of the account in the ERP")
	fl.StringVar(&f.notes, "notes", "", "notes")
	fl.StringVar(&f.owner, "owner", "", "owner: me, a team member's name or email")
	fl.StringArrayVar(&f.tags, "tag", nil, "tag (repeat or comma-separate; on edit replaces the tags)")
}

func (f *accountFlags) apply(ctx context.Context, cmd *cobra.Command, s *Session, a *model.Account) error {
	for flag, pair := range map[string]struct {
		dst *string
		v   string
	}{
		"name": {&a.Name, f.name}, "domain": {&a.Domain, f.domain}, "industry": {&a.Industry, f.industry},
		"phone": {&a.Phone, f.phone}, "website": {&a.Website, f.website}, "address": {&a.Address, f.address},
		"external-id": {&a.ExternalID, f.externalID}, "notes": {&a.Notes, f.notes},
	} {
		if cmd.Flags().Changed(flag) {
			*pair.dst = pair.v
		}
	}
	if cmd.Flags().Changed("tag") {
		a.Tags = f.tags
	}
	if cmd.Flags().Changed("owner") {
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return err
		}
		a.OwnerID = id
	}
	return nil
}

func (a *app) accountCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "account", Short: "Add, list, show, edit and archive accounts (companies)"}
	cmd.AddCommand(a.accountAddCmd(), a.accountListCmd(), a.accountShowCmd(), a.accountEditCmd(), a.accountDeleteCmd())
	return cmd
}

func (a *app) accountAddCmd() *cobra.Command {
	var f accountFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:     "add --name N [--domain D] [--industry I] [--external-id X]",
		Short:   "Add an account",
		Example: `  rolo account add --name "Işık Tekstil A.Ş." --domain isik.com.tr --industry Textiles`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("name") {
				return usagef("account add needs --name")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var acc model.Account
			if err := f.apply(ctx, cmd, s, &acc); err != nil {
				return err
			}
			acc, err = s.Store.Accounts.Create(ctx, acc, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			if ms, err := s.Store.Dupes.ForAccount(ctx, acc); err == nil {
				warnSimilar(cmd.ErrOrStderr(), "account", ms)
			}
			return report(cmd, asJSON, acc, "added account #%d %s", acc.ID, acc.Name)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when an account has the same name")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new account as JSON")
	return cmd
}

func (a *app) accountListCmd() *cobra.Command {
	var search, tag, owner string
	var limit int
	var archived, asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--search Q] [--tag X] [--owner me|NAME] [--limit N] [--json]",
		Short: "List accounts by name",
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
			return listing[model.Account]{
				header: []string{"ID", "NAME", "DOMAIN", "INDUSTRY", "CONTACTS", "OWNER"},
				row: func(x model.Account) []string {
					return []string{strconv.FormatInt(x.ID, 10), x.Name, x.Domain, x.Industry, strconv.Itoa(x.Contacts), x.OwnerName}
				},
				key:   func(x model.Account) store.Cursor { return store.Cursor{Sort: x.SortName(), ID: x.ID} },
				fetch: s.Store.Accounts.List,
				empty: "no accounts (add one with rolo account add, or try rolo demo)",
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&search, "search", "", "word-prefix search over name, domain, industry, tags, notes (folded)")
	fl.StringVar(&tag, "tag", "", "only accounts with this tag")
	fl.StringVar(&owner, "owner", "", "only accounts of this owner: me or a name")
	fl.IntVar(&limit, "limit", 0, "at most N accounts (0: all)")
	fl.BoolVar(&archived, "archived", false, "list archived accounts instead")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

// findAccount resolves ID|NAME (folded: "isik tekstil" finds "Işık Tekstil").
func findAccount(ctx context.Context, s *Session, key string) (model.Account, error) {
	key = strings.TrimSpace(key)
	if id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64); err == nil {
		return s.Store.Accounts.Get(ctx, id)
	}
	return s.Store.Accounts.FindByName(ctx, key)
}

type accountWithHistory struct {
	model.Account
	History []model.Change `json:"history"`
}

func (a *app) accountShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID|NAME [--json]",
		Short: "Show an account with its contacts and history",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			acc, err := findAccount(ctx, s, args[0])
			if err != nil {
				return err
			}
			hist, err := s.Store.History.For(ctx, "account", acc.ID, 50)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), accountWithHistory{acc, hist})
			}
			w := cmd.OutOrStdout()
			state := ""
			if acc.ArchivedAt != nil {
				state = "  (archived)"
			}
			fmt.Fprintf(w, "%s  #%d  v%d%s\n", model.Printable(acc.Name), acc.ID, acc.Version, state)
			k := card{w}
			k.line("domain", acc.Domain)
			k.line("industry", acc.Industry)
			k.line("phone", acc.Phone)
			k.line("website", acc.Website)
			k.line("address", acc.Address)
			k.line("erp id", acc.ExternalID)
			k.line("tags", strings.Join(acc.Tags, ", "))
			for _, key := range slices.Sorted(maps.Keys(acc.Custom)) {
				k.line(key, acc.Custom[key])
			}
			k.line("owner", acc.OwnerName)
			k.line("created", s.formatTime(acc.CreatedAt))
			k.line("updated", s.formatTime(acc.UpdatedAt))
			if acc.Notes != "" {
				fmt.Fprintln(w, "Notes")
				for _, l := range strings.Split(model.PrintableBlock(acc.Notes), "\n") {
					fmt.Fprintln(w, "  "+l)
				}
			}
			if acc.Contacts > 0 {
				const shown = 20
				cs, err := s.Store.Contacts.List(ctx, store.ListQuery{AccountID: acc.ID, Limit: shown})
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "Contacts (%d)\n", acc.Contacts)
				t := newTable(w, "  ID", "NAME", "TITLE", "EMAIL", "PHONE")
				for _, c := range cs {
					t.row("  "+strconv.FormatInt(c.ID, 10), c.Name(), c.Title, c.Email, c.Phone)
				}
				t.flush()
				if acc.Contacts > shown {
					fmt.Fprintf(w, "  … and %d more: rolo contact list --account %q\n", acc.Contacts-shown, acc.Name)
				}
			}
			printHistory(w, s, acc.ID, hist)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the account and its history as JSON")
	return cmd
}

func (a *app) accountEditCmd() *cobra.Command {
	var f accountFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:   "edit ID|NAME [--name N] [--domain D] [--industry I] ...",
		Short: "Change an account's fields",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !anyChanged(cmd, accountFields...) {
				return usagef("account edit needs at least one field to change, e.g. --industry I")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			acc, err := findAccount(ctx, s, args[0])
			if err != nil {
				return err
			}
			if err := f.apply(ctx, cmd, s, &acc); err != nil {
				return err
			}
			acc, err = s.Store.Accounts.Update(ctx, acc, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			return report(cmd, asJSON, acc, "saved account #%d %s (v%d)", acc.ID, acc.Name, acc.Version)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when an account has the same name")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved account as JSON")
	return cmd
}

func (a *app) accountDeleteCmd() *cobra.Command {
	return archiveCmd(a, "account", "ID|NAME", findAccount,
		func(ctx context.Context, s *Session, x model.Account) (model.Account, error) {
			return s.Store.Accounts.Archive(ctx, x.ID, x.Version)
		},
		func(x model.Account) (int64, string) { return x.ID, x.Name })
}
