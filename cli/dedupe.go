package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"rolo/model"
)

func (a *app) dedupeCmd() *cobra.Command {
	var merge bool
	var minScore, limit int
	var picks []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "dedupe [contacts|accounts] [--min-score N] [--json] | dedupe [contacts|accounts] --merge A B [--pick FIELD=a|b]...",
		Short: "List likely duplicate contacts or accounts, and merge them",
		Long: "dedupe lists pairs of live records that are likely one customer, best first,\n" +
			"with a score (0-100) and the reasons: the same email (100) or E.164 phone (90),\n" +
			"the same or a similar folded name (50 / 40; Turkish and German spellings fold\n" +
			"alike), plus the same account (25) or company email domain (20). Accounts match\n" +
			"by name without legal forms (Ltd, GmbH, A.Ş.), domain and phone. By default pairs\n" +
			"from 60 are listed: a name alone is not enough for people.\n\n" +
			"--merge A B keeps A and merges B into it: each field keeps A's value, or B's where\n" +
			"A has none, unless --pick FIELD=b (or =a) says otherwise; tags and custom fields\n" +
			"are joined, notes kept from both. B's activities, deals and leads (for accounts\n" +
			"also its contacts) move to A and B is archived, in one transaction: rolo undo\n" +
			"reverses the whole merge.",
		Example: `  rolo dedupe contacts
  rolo dedupe accounts --json
  rolo dedupe contacts --merge 12 345 --pick phone=b --pick title=b`,
		Args: cobra.RangeArgs(0, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := "contacts"
			if len(args) > 0 && (args[0] == "contacts" || args[0] == "accounts" || args[0] == "contact" || args[0] == "account") {
				kind = strings.TrimSuffix(args[0], "s") + "s"
				args = args[1:]
			}
			if merge {
				if len(args) != 2 {
					return usagef("--merge takes two ids: the one to keep, then the one merged into it")
				}
				return a.dedupeMerge(cmd, kind, args[0], args[1], picks, asJSON)
			}
			if len(args) > 0 {
				return usagef("dedupe takes contacts or accounts, not %q (to merge two records: --merge A B)", args[0])
			}
			if minScore < 0 || minScore > 100 {
				return usagef("--min-score must be 0-100, not %d", minScore)
			}
			if limit < 0 {
				return usagef("--limit must be 0 (no limit) or more, not %d", limit)
			}
			ctx := cmd.Context()
			a.noMap = true
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var pairs []model.Pair
			if kind == "accounts" {
				pairs, err = s.Store.Dupes.AccountPairs(ctx, minScore)
			} else {
				pairs, err = s.Store.Dupes.ContactPairs(ctx, minScore)
			}
			if err != nil {
				return err
			}
			total := len(pairs)
			if limit > 0 && len(pairs) > limit {
				pairs = pairs[:limit]
			}
			if asJSON {
				if pairs == nil {
					pairs = []model.Pair{}
				}
				return printJSON(cmd.OutOrStdout(), pairs)
			}
			if total == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "no likely duplicate %s (from score %d)\n", kind, minScore)
				return nil
			}
			t := newTable(cmd.OutOrStdout(), "SCORE", "A", "NAME", "B", "NAME", "WHY")
			for _, p := range pairs {
				t.row(strconv.Itoa(p.Score), strconv.FormatInt(p.A, 10), p.AName, strconv.FormatInt(p.ID, 10), p.Name,
					strings.Join(p.Reasons, ", "))
			}
			if err := t.flush(); err != nil {
				return err
			}
			more := ""
			if total > len(pairs) {
				more = fmt.Sprintf(" (%d shown)", len(pairs))
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d likely duplicate pairs%s; merge one with: rolo dedupe %s --merge A B\n", total, more, kind)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&merge, "merge", false, "merge record B into record A (A is kept)")
	fl.StringArrayVar(&picks, "pick", nil, "with --merge: FIELD=a or FIELD=b, which side a field's value comes from")
	fl.IntVar(&minScore, "min-score", model.MinScore, "list pairs scoring at least this much (0-100)")
	fl.IntVar(&limit, "limit", 0, "list at most N pairs (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// parsePicks reads --pick FIELD=a|b onto a merge plan.
func parsePicks(fields []model.MergeField, picks []string, account bool) error {
	for _, p := range picks {
		name, side, ok := strings.Cut(p, "=")
		side = strings.ToLower(strings.TrimSpace(side))
		if !ok || (side != "a" && side != "b") {
			return usagef("--pick %q: write FIELD=a or FIELD=b", p)
		}
		if !model.PickMerge(fields, strings.TrimSpace(name), side == "b") {
			return usagef("--pick %q: no field %q (fields: %s)", p, name, strings.Join(model.MergeFieldNames(account), ", "))
		}
	}
	return nil
}

func printMergePlan(w io.Writer, fields []model.MergeField) {
	t := newTable(w, "FIELD", "A", "B", "KEPT")
	for _, f := range fields {
		if f.A == "" && f.B == "" {
			continue
		}
		kept := "a"
		if f.TakeB {
			kept = "b"
		}
		t.row(f.Name, f.A, f.B, kept)
	}
	t.flush()
}

func (a *app) dedupeMerge(cmd *cobra.Command, kind, keepKey, dropKey string, picks []string, asJSON bool) error {
	ctx := cmd.Context()
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	if kind == "accounts" {
		keep, err := findAccount(ctx, s, keepKey)
		if err != nil {
			return err
		}
		drop, err := findAccount(ctx, s, dropKey)
		if err != nil {
			return err
		}
		fields := model.AccountMergePlan(keep, drop)
		if err := parsePicks(fields, picks, true); err != nil {
			return err
		}
		out, err := s.Store.Dupes.MergeAccounts(ctx, model.MergeAccounts(keep, drop, fields), drop.ID, drop.Version)
		if err != nil {
			return err
		}
		if !asJSON {
			printMergePlan(cmd.OutOrStdout(), fields)
		}
		return report(cmd, asJSON, out, "merged account #%d %s into #%d %s (rolo undo reverses it)", drop.ID, drop.Name, out.ID, out.Name)
	}
	keep, err := findContact(ctx, s, keepKey)
	if err != nil {
		return err
	}
	drop, err := findContact(ctx, s, dropKey)
	if err != nil {
		return err
	}
	fields := model.ContactMergePlan(keep, drop)
	if err := parsePicks(fields, picks, false); err != nil {
		return err
	}
	out, err := s.Store.Dupes.MergeContacts(ctx, model.MergeContacts(keep, drop, fields), drop.ID, drop.Version)
	if err != nil {
		return err
	}
	if !asJSON {
		printMergePlan(cmd.OutOrStdout(), fields)
	}
	return report(cmd, asJSON, out, "merged contact #%d %s into #%d %s (rolo undo reverses it)", drop.ID, drop.Name(), out.ID, out.Name())
}
