package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

// leadFlags are the fields lead add and lead edit set.
type leadFlags struct {
	name, company, title, email, phone, source, status, notes, owner string
	tags                                                             []string
}

var leadEditFields = []string{"name", "company", "title", "email", "phone", "source", "status", "notes", "owner", "tag"}

func (f *leadFlags) register(cmd *cobra.Command, isNew bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.name, "name", "", "the person's full name")
	fl.StringVar(&f.company, "company", "", "the company they are with")
	fl.StringVar(&f.title, "title", "", "job title")
	fl.StringVar(&f.email, "email", "", "email address")
	fl.StringVar(&f.phone, "phone", "", "phone number (stored also in E.164 form)")
	fl.StringVar(&f.source, "source", "", "where the lead came from: web, fair, referral...")
	fl.StringVar(&f.notes, "notes", "", "notes")
	fl.StringVar(&f.owner, "owner", "", "owner: me, a team member's name or email")
	fl.StringArrayVar(&f.tags, "tag", nil, "tag (repeat or comma-separate; on edit replaces the tags)")
	if !isNew {
		fl.StringVar(&f.status, "status", "", "new, contacted or qualified (disqualify and convert have their own commands)")
	}
}

func (f *leadFlags) apply(ctx context.Context, cmd *cobra.Command, s *Session, l *model.Lead) error {
	set := func(name string, dst *string, v string) {
		if cmd.Flags().Changed(name) {
			*dst = v
		}
	}
	set("name", &l.Name, f.name)
	set("company", &l.Company, f.company)
	set("title", &l.Title, f.title)
	set("email", &l.Email, f.email)
	set("phone", &l.Phone, f.phone)
	set("source", &l.Source, f.source)
	set("notes", &l.Notes, f.notes)
	if cmd.Flags().Changed("status") {
		st, err := model.ParseLeadStatus(f.status)
		if err != nil {
			return err
		}
		switch st {
		case model.LeadDisqualified:
			return usagef("--status disqualified: use rolo lead disqualify %d --reason R", l.ID)
		case model.LeadConverted:
			return usagef("--status converted: use rolo lead convert %d", l.ID)
		}
		l.Status = st
	}
	if cmd.Flags().Changed("tag") {
		l.Tags = f.tags
	}
	if cmd.Flags().Changed("owner") {
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return err
		}
		l.OwnerID = id
	}
	return nil
}

func (a *app) leadCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "lead", Short: "Add, list, qualify, disqualify and convert leads"}
	cmd.AddCommand(a.leadAddCmd(), a.leadListCmd(), a.leadShowCmd(), a.leadEditCmd(), a.leadDeleteCmd(),
		a.leadConvertCmd(), a.leadDisqualifyCmd())
	return cmd
}

// findLead resolves ID|EMAIL.
func findLead(ctx context.Context, s *Session, key string) (model.Lead, error) {
	key = strings.TrimSpace(key)
	if id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64); err == nil {
		return s.Store.Leads.Get(ctx, id)
	}
	if strings.Contains(key, "@") {
		return s.Store.Leads.FindByEmail(ctx, key)
	}
	return model.Lead{}, usagef("name a lead by id or email, not %q (find it with: rolo lead list --search %q)", key, key)
}

// warnSimilar says on stderr which records look like the one just
// written: likely duplicates warn, never block.
func warnSimilar(w io.Writer, what string, ms []model.Match) {
	for _, m := range ms {
		if m.Exact {
			continue
		}
		fmt.Fprintf(w, "warning: may be the same as %s %s\n", what, model.Printable(m.String()))
	}
}

func (a *app) leadAddCmd() *cobra.Command {
	var f leadFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:   "add --name N [--company C] [--email E] [--phone P] [--source S] [--title T] [--tag X]...",
		Short: "Add a lead",
		Example: `  rolo lead add --name "Ayşe Yılmaz" --company "Işık Tekstil" --email ayse@isik.com.tr --source fair
  rolo lead add --name "Hans Müller" --phone "+49 30 1234567" --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("name") {
				return usagef("lead add needs --name")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var l model.Lead
			if err := f.apply(ctx, cmd, s, &l); err != nil {
				return err
			}
			l, err = s.Store.Leads.Create(ctx, l, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			if cs, _, err := s.Store.Dupes.ForLead(ctx, l); err == nil {
				warnSimilar(cmd.ErrOrStderr(), "contact", cs)
			}
			if ls, err := s.Store.Dupes.LeadsLike(ctx, l); err == nil {
				warnSimilar(cmd.ErrOrStderr(), "lead", ls)
			}
			return report(cmd, asJSON, l, "added lead #%d %s", l.ID, l.Name)
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when a contact or open lead has the same email or phone")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new lead as JSON")
	return cmd
}

func (a *app) leadListCmd() *cobra.Command {
	var search, status, owner, tag string
	var limit int
	var archived, asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--status S] [--search Q] [--owner me|NAME] [--limit N] [--json]",
		Short: "List leads by name",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			q := store.ListQuery{Search: search, Tag: model.NormalizeTag(tag), Archived: archived}
			if status != "" {
				st, err := model.ParseLeadStatus(status)
				if err != nil {
					return &usageError{"--status: " + strings.TrimPrefix(err.Error(), "status: ")}
				}
				q.Status = st
			}
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if q.OwnerID, err = s.resolveOwner(ctx, owner); err != nil {
				return err
			}
			return listing[model.Lead]{
				header: []string{"ID", "NAME", "COMPANY", "STATUS", "EMAIL", "PHONE", "SOURCE", "OWNER"},
				row: func(l model.Lead) []string {
					return []string{strconv.FormatInt(l.ID, 10), l.Name, l.Company, l.Status, l.Email, l.Phone, l.Source, l.OwnerName}
				},
				key:   func(l model.Lead) store.Cursor { return store.Cursor{Sort: l.SortName(), ID: l.ID} },
				fetch: s.Store.Leads.List,
				empty: "no leads (add one with rolo lead add, or bring a file with rolo import leads FILE)",
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&status, "status", "", "only leads in this status: "+strings.Join(model.LeadStatuses, ", "))
	fl.StringVar(&search, "search", "", "word-prefix search over names, companies, emails, phones, tags, notes (folded)")
	fl.StringVar(&tag, "tag", "", "only leads with this tag")
	fl.StringVar(&owner, "owner", "", "only leads of this owner: me or a name")
	fl.IntVar(&limit, "limit", 0, "at most N leads (0: all)")
	fl.BoolVar(&archived, "archived", false, "list archived leads instead")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

type leadWithHistory struct {
	model.Lead
	History []model.Change `json:"history"`
}

func (a *app) leadShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID|EMAIL [--json]",
		Short: "Show a lead with its history",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			l, err := findLead(ctx, s, args[0])
			if err != nil {
				return err
			}
			hist, err := s.Store.History.For(ctx, "lead", l.ID, 50)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), leadWithHistory{l, orEmpty(hist)})
			}
			w := cmd.OutOrStdout()
			state := ""
			if l.ArchivedAt != nil {
				state = "  (archived)"
			}
			fmt.Fprintf(w, "%s  #%d  v%d  %s%s\n", model.Printable(l.Name), l.ID, l.Version, l.Status, state)
			k := card{w}
			k.line("company", l.Company)
			k.line("title", l.Title)
			k.line("email", l.Email)
			phone := l.Phone
			if l.PhoneE164 != "" && l.PhoneE164 != l.Phone {
				phone += "  (" + l.PhoneE164 + ")"
			}
			k.line("phone", phone)
			k.line("source", l.Source)
			k.line("tags", strings.Join(l.Tags, ", "))
			k.line("reason", l.Reason)
			if l.ContactID != nil {
				k.line("contact", "#"+strconv.FormatInt(*l.ContactID, 10))
			}
			if l.AccountID != nil {
				k.line("account", "#"+strconv.FormatInt(*l.AccountID, 10))
			}
			if l.DealID != nil {
				k.line("deal", "#"+strconv.FormatInt(*l.DealID, 10))
			}
			if l.ConvertedAt != nil {
				k.line("converted", s.formatTime(*l.ConvertedAt))
			}
			k.line("owner", l.OwnerName)
			k.line("created", s.formatTime(l.CreatedAt))
			if l.Notes != "" {
				fmt.Fprintln(w, "Notes")
				for _, line := range strings.Split(model.PrintableBlock(l.Notes), "\n") {
					fmt.Fprintln(w, "  "+line)
				}
			}
			printHistory(w, s, l.ID, hist)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the lead and its history as JSON")
	return cmd
}

func (a *app) leadEditCmd() *cobra.Command {
	var f leadFlags
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:     "edit ID|EMAIL [--name N] [--company C] [--status new|contacted|qualified] [--email E] [--phone P]...",
		Short:   "Change a lead's fields or status",
		Example: `  rolo lead edit 12 --status qualified`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !anyChanged(cmd, leadEditFields...) {
				return usagef("lead edit needs at least one field to change, e.g. --status qualified")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			l, err := findLead(ctx, s, args[0])
			if err != nil {
				return err
			}
			if err := f.apply(ctx, cmd, s, &l); err != nil {
				return err
			}
			l, err = s.Store.Leads.Update(ctx, l, store.WriteOptions{AllowDuplicate: allowDup})
			if err != nil {
				return err
			}
			return report(cmd, asJSON, l, "saved lead #%d %s (%s, v%d)", l.ID, l.Name, l.Status, l.Version)
		},
	}
	f.register(cmd, false)
	cmd.Flags().BoolVar(&allowDup, "allow-duplicate", false, "save even when a contact or open lead has the same email or phone")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved lead as JSON")
	return cmd
}

func (a *app) leadDeleteCmd() *cobra.Command {
	return archiveCmd(a, "lead", "ID|EMAIL", findLead,
		func(ctx context.Context, s *Session, l model.Lead) (model.Lead, error) {
			return s.Store.Leads.Archive(ctx, l.ID, l.Version)
		},
		func(l model.Lead) (int64, string) { return l.ID, l.Name })
}

func (a *app) leadDisqualifyCmd() *cobra.Command {
	var reason string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "disqualify ID|EMAIL --reason R",
		Short:   "Mark a lead disqualified, saying why",
		Example: `  rolo lead disqualify 12 --reason "no budget this year"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return usagef("lead disqualify needs --reason, e.g. --reason \"no budget\"")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			l, err := findLead(ctx, s, args[0])
			if err != nil {
				return err
			}
			l, err = s.Store.Leads.Disqualify(ctx, l.ID, l.Version, reason)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, l, "disqualified lead #%d %s: %s", l.ID, l.Name, l.Reason)
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the lead is disqualified")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the lead as JSON")
	return cmd
}

func (a *app) leadConvertCmd() *cobra.Command {
	var deal dealFlags
	var contact, account string
	var allowDup, asJSON bool
	cmd := &cobra.Command{
		Use:   "convert ID|EMAIL [--deal TITLE --amount A [--currency C] [--stage S] [--close DATE]] [--account NAME|ID] [--contact ID|EMAIL]",
		Short: "Turn a lead into an account, a contact and optionally a deal",
		Long: "convert creates, in one transaction, an account for the lead's company (or links\n" +
			"the account of that name), a contact for the person and, with --deal or --amount,\n" +
			"a deal; it moves the lead's activities to the contact and marks the lead converted.\n" +
			"When a contact with the lead's email or phone exists, convert refuses (exit 4) and\n" +
			"names it: pass --contact ID to link that contact, or --allow-duplicate to create\n" +
			"a second one. Similar names are a warning.",
		Example: `  rolo lead convert 12
  rolo lead convert 12 --deal "Looms for 2027" --amount 120000 --currency EUR
  rolo lead convert 12 --contact 345`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			l, err := findLead(ctx, s, args[0])
			if err != nil {
				return err
			}
			if l.Status == model.LeadDisqualified {
				fmt.Fprintf(cmd.ErrOrStderr(), "note: lead #%d was disqualified (%s); converting it anyway\n", l.ID, model.Printable(l.Reason))
			}
			opt := store.ConvertOptions{AllowDuplicate: allowDup}
			if contact != "" {
				c, err := findContact(ctx, s, contact)
				if err != nil {
					return fmt.Errorf("--contact: %w", err)
				}
				opt.ContactID = c.ID
			}
			if account != "" {
				acc, err := findAccount(ctx, s, account)
				if err != nil {
					return fmt.Errorf("--account: %w", err)
				}
				opt.AccountID = acc.ID
			}
			if anyChanged(cmd, "deal", "amount", "currency", "stage", "pipeline", "close", "probability") {
				var d model.Deal
				if cmd.Flags().Changed("deal") {
					d.Title = deal.title
				}
				if err := deal.apply(ctx, cmd, s, &d); err != nil {
					return err
				}
				opt.Deal = &d
			}
			conv, err := s.Store.Leads.Convert(ctx, l.ID, l.Version, opt)
			var dup *store.DuplicateError
			if errors.As(err, &dup) {
				fmt.Fprintf(cmd.ErrOrStderr(), "to link that contact: rolo lead convert %d --contact %d\n", l.ID, dup.ExistingID)
			}
			if err != nil {
				return err
			}
			warnSimilar(cmd.ErrOrStderr(), "contact", conv.Similar)
			msg := fmt.Sprintf("converted lead #%d %s: contact #%d", l.ID, l.Name, conv.Contact.ID)
			if !conv.ContactCreated {
				msg += " (existing)"
			}
			if conv.Account != nil {
				msg += fmt.Sprintf(", account #%d %s", conv.Account.ID, conv.Account.Name)
				if !conv.AccountCreated {
					msg += " (existing)"
				}
			}
			if conv.Deal != nil {
				msg += fmt.Sprintf(", deal #%d %s", conv.Deal.ID, conv.Deal.Title)
			}
			if conv.MovedActivities > 0 {
				msg += fmt.Sprintf("; %d activities moved to the contact", conv.MovedActivities)
			}
			if conv.Similar == nil {
				conv.Similar = []model.Match{}
			}
			return report(cmd, asJSON, conv, "%s", msg)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&deal.title, "deal", "", "create a deal with this title (default: the company)")
	fl.StringVar(&deal.amount, "amount", "", "the deal's amount: 1200, 1200.50, 1.200,50")
	fl.StringVar(&deal.currency, "currency", "", "the deal's currency (default currency.base)")
	fl.StringVar(&deal.stage, "stage", "", "the deal's stage (default the pipeline's first)")
	fl.StringVar(&deal.pipeline, "pipeline", "", "the deal's pipeline")
	fl.StringVar(&deal.close, "close", "", "the deal's expected close date")
	fl.StringVar(&deal.probability, "probability", "", "the deal's win probability override in percent")
	fl.StringVar(&contact, "contact", "", "link this existing contact (id or email) instead of creating one")
	fl.StringVar(&account, "account", "", "link this existing account (name or id) instead of the company's")
	fl.BoolVar(&allowDup, "allow-duplicate", false, "create the contact even when one has the same email or phone")
	fl.BoolVar(&asJSON, "json", false, "print the lead, contact, account and deal as JSON")
	return cmd
}
