package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

// dealFlags are the fields deal add and deal edit set.
type dealFlags struct {
	title, account, contact, amount, currency, stage, pipeline, close, probability, owner, notes string
}

var dealEditFields = []string{"title", "account", "contact", "amount", "currency", "close", "probability", "owner", "notes"}

func (f *dealFlags) register(cmd *cobra.Command, isNew bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.title, "title", "", "what is being sold, e.g. \"Press line retrofit\"")
	fl.StringVar(&f.account, "account", "", "account name: linked by folded name, created when there is none (\"\" unlinks)")
	fl.StringVar(&f.contact, "contact", "", "primary contact: id or email (\"\" unlinks)")
	fl.StringVar(&f.amount, "amount", "", "amount in the deal's currency: 1200, 1200.50, 1.200,50")
	fl.StringVar(&f.currency, "currency", "", "ISO 4217 code (default currency.base)")
	fl.StringVar(&f.close, "close", "", "expected close date: 2027-01-31, 31.01.2027, today, +2w, next fri (\"\" clears)")
	fl.StringVar(&f.probability, "probability", "", "win probability override in percent (\"\" uses the stage's)")
	fl.StringVar(&f.owner, "owner", "", "owner: me, a team member's name or email")
	fl.StringVar(&f.notes, "notes", "", "notes")
	if isNew {
		fl.StringVar(&f.stage, "stage", "", "stage key or name, any case (default the pipeline's first stage)")
		fl.StringVar(&f.pipeline, "pipeline", "", "pipeline key or name (default the first in the config)")
	}
}

// apply copies the flags the user gave onto d. Amounts are read in the
// currency the deal will have.
func (f *dealFlags) apply(ctx context.Context, cmd *cobra.Command, s *Session, d *model.Deal) error {
	changed := cmd.Flags().Changed
	isNew := d.ID == 0
	if changed("title") {
		d.Title = f.title
	}
	if changed("account") {
		d.AccountID, d.AccountName = nil, strings.TrimSpace(f.account)
	}
	if changed("contact") {
		if strings.TrimSpace(f.contact) == "" {
			d.ContactID, d.ContactName = nil, ""
		} else {
			c, err := findContact(ctx, s, f.contact)
			if err != nil {
				return fmt.Errorf("contact: %w", err)
			}
			id := c.ID
			d.ContactID, d.ContactName = &id, c.Name()
		}
	}
	if isNew && changed("pipeline") {
		p, err := findPipeline(s, f.pipeline)
		if err != nil {
			return err
		}
		d.Pipeline = p.Key
	}
	if isNew && changed("stage") {
		d.Stage = f.stage
	}
	cur := d.Currency
	if cur == "" {
		cur = s.Config.Currency.Base
	}
	if changed("currency") {
		c, err := model.CheckCurrency("currency", f.currency)
		if err != nil {
			return err
		}
		if !isNew && !changed("amount") && d.Amount != 0 && model.MinorDigits(c) != model.MinorDigits(cur) {
			return usagef("%s and %s have different decimal places: give --amount with --currency", cur, c)
		}
		cur = c
	}
	d.Currency = cur
	if changed("amount") {
		if strings.TrimSpace(f.amount) == "" {
			d.Amount = 0
		} else {
			v, err := model.ParseAmount(f.amount, cur)
			if err != nil {
				return err
			}
			d.Amount = v
		}
	}
	if changed("close") {
		if strings.TrimSpace(f.close) == "" {
			d.CloseDate = ""
		} else {
			v, err := model.ParseDate("close_date", f.close, time.Now())
			if err != nil {
				return err
			}
			d.CloseDate = v
		}
	}
	if changed("probability") {
		p, err := parseProbability(f.probability)
		if err != nil {
			return err
		}
		d.Probability = p
	}
	if changed("owner") {
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return err
		}
		d.OwnerID = id
	}
	if changed("notes") {
		d.Notes = f.notes
	}
	return nil
}

// parseProbability reads "60", "60%" or "" (no override).
func parseProbability(s string) (*int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if t == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 100 {
		return nil, model.Invalid("probability", "%q is not a whole percent between 0 and 100", s)
	}
	return &n, nil
}

// findPipeline resolves --pipeline (key or name, any case).
func findPipeline(s *Session, name string) (model.Pipeline, error) {
	ps := s.Config.PipelineSet()
	p, ok := ps.Find(name)
	if !ok {
		return p, usagef("--pipeline: %q is not a pipeline (one of %s)", name, pipelineNames(ps))
	}
	return p, nil
}

func pipelineNames(ps model.Pipelines) string {
	var out []string
	for _, p := range ps {
		if p.Name != p.Key {
			out = append(out, fmt.Sprintf("%s (%s)", p.Key, p.Name))
		} else {
			out = append(out, p.Key)
		}
	}
	return strings.Join(out, ", ")
}

// findStage resolves --stage in the given pipeline, else in the default
// one, else in any pipeline.
func findStage(ps model.Pipelines, pipeline *model.Pipeline, stage string) (model.Pipeline, model.Stage, error) {
	if pipeline != nil {
		if st, ok := pipeline.Find(stage); ok {
			return *pipeline, st, nil
		}
		return *pipeline, model.Stage{}, usagef("--stage: %q is not a stage of %s (one of %s)", stage, pipeline.Name, pipeline.StageNames())
	}
	for _, p := range ps {
		if st, ok := p.Find(stage); ok {
			return p, st, nil
		}
	}
	if len(ps) == 0 {
		return model.Pipeline{}, model.Stage{}, usagef("--stage: no pipelines are configured")
	}
	return ps[0], model.Stage{}, usagef("--stage: %q is not a stage of %s (one of %s)", stage, ps[0].Name, ps[0].StageNames())
}

// findDeal resolves a deal id ("12" or "#12").
func findDeal(ctx context.Context, s *Session, key string) (model.Deal, error) {
	key = strings.TrimSpace(key)
	id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64)
	if err != nil || id <= 0 {
		return model.Deal{}, usagef("name a deal by its id, not %q (find it with: rolo deal list --search %q)", key, key)
	}
	return s.Store.Deals.Get(ctx, id)
}

func (a *app) dealCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "deal", Short: "Add, list, show, edit, move and archive deals"}
	cmd.AddCommand(a.dealAddCmd(), a.dealListCmd(), a.dealShowCmd(), a.dealEditCmd(), a.dealMoveCmd(), a.dealDeleteCmd())
	return cmd
}

func (a *app) dealAddCmd() *cobra.Command {
	var f dealFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use: "add --title T [--account NAME] [--contact ID|EMAIL] [--amount A] [--currency C] [--stage S] [--pipeline P] " +
			"[--close DATE] [--probability N] [--owner me|NAME] [--notes N]",
		Short: "Add a deal",
		Example: `  rolo deal add --title "Press line retrofit" --account "Işık Tekstil" --amount 1.200,50 --currency EUR --close +2w
  rolo deal add --title Renewal --account Acme --stage proposal --amount 5000 --close 2027-01-31 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("title") {
				return usagef("deal add needs --title")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var d model.Deal
			if err := f.apply(ctx, cmd, s, &d); err != nil {
				return err
			}
			d, err = s.Store.Deals.Create(ctx, d, store.WriteOptions{})
			if err != nil {
				return gateHint(err, d.ID)
			}
			return report(cmd, asJSON, d, "added deal #%d %s in %s", d.ID, d.Title, d.StageName)
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new deal as JSON")
	return cmd
}

var dealStatuses = []string{model.StatusOpen, model.StatusWon, model.StatusLost}

func (a *app) dealListCmd() *cobra.Command {
	var stage, status, pipeline, account, owner, search string
	var limit int
	var archived, asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--stage S] [--status open|won|lost] [--pipeline P] [--account NAME] [--owner me|NAME] [--search Q] [--limit N] [--json]",
		Short: "List deals by title, or a stage in board order",
		Long: "deal list lists every deal (open, won and lost) by title. With --stage it lists\n" +
			"that board column in board order: open deals by expected close date, closed\n" +
			"ones newest first. --stage without --pipeline looks in the default pipeline first.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			q := store.ListQuery{Search: search, Archived: archived}
			var pipe *model.Pipeline
			if cmd.Flags().Changed("pipeline") {
				p, err := findPipeline(s, pipeline)
				if err != nil {
					return err
				}
				pipe, q.Pipeline = &p, p.Key
			}
			if cmd.Flags().Changed("stage") {
				p, st, err := findStage(s.Config.PipelineSet(), pipe, stage)
				if err != nil {
					return err
				}
				q.Pipeline, q.Stage, q.Board = p.Key, st.Key, true
			}
			if cmd.Flags().Changed("status") {
				q.Status = strings.ToLower(strings.TrimSpace(status))
				if !slices.Contains(dealStatuses, q.Status) {
					return usagef("--status: %q is not a deal status (one of %s)", status, strings.Join(dealStatuses, ", "))
				}
			}
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
			key := func(d model.Deal) store.Cursor { return store.Cursor{Sort: d.SortTitle(), ID: d.ID} }
			if q.Board {
				key = store.BoardCursor
			}
			return listing[model.Deal]{
				header: []string{"ID", "TITLE", "ACCOUNT", "STAGE", "AMOUNT", "CLOSE", "STATUS", "OWNER"},
				row: func(d model.Deal) []string {
					return []string{strconv.FormatInt(d.ID, 10), d.Title, d.AccountName, d.StageName,
						s.money(d.Money()), s.formatDate(d.CloseDate), d.Status, d.OwnerName}
				},
				key:   key,
				fetch: s.Store.Deals.List,
				empty: "no deals (add one with rolo deal add, or try rolo demo)",
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&stage, "stage", "", "only deals in this stage (key or name), in board order")
	fl.StringVar(&status, "status", "", "only open, won or lost deals")
	fl.StringVar(&pipeline, "pipeline", "", "only deals of this pipeline (key or name)")
	fl.StringVar(&account, "account", "", "only deals of this account (by name)")
	fl.StringVar(&owner, "owner", "", "only deals of this owner: me or a name")
	fl.StringVar(&search, "search", "", "word-prefix search over title, account, contact, notes (folded)")
	fl.IntVar(&limit, "limit", 0, "at most N deals (0: all)")
	fl.BoolVar(&archived, "archived", false, "list archived deals instead")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (s *Session) money(m model.Money) string { return model.FormatMoney(m, s.Config.Locale) }

// formatDate shows a stored YYYY-MM-DD date in dates.format.
func (s *Session) formatDate(d string) string { return formatDate(d, s.Config.Dates.Format) }

func formatDate(d, layout string) string {
	if d == "" || layout == "" || layout == model.DateLayout {
		return d
	}
	t, err := time.Parse(model.DateLayout, d)
	if err != nil {
		return d
	}
	return t.Format(layout)
}

// dealDetail is what deal show --json prints: the deal's own keys, then
// the probability used, the weighted amount, the stage history, the quotes
// and the change history.
type dealDetail struct {
	Deal         model.Deal
	Probability  int
	Weighted     int64
	StageHistory []model.StageMove
	Quotes       []model.Quote
	History      []model.Change
}

func (d dealDetail) MarshalJSON() ([]byte, error) {
	base, err := json.Marshal(d.Deal)
	if err != nil {
		return nil, err
	}
	extra, err := json.Marshal(struct {
		Probability  int               `json:"probability_used"`
		Weighted     string            `json:"weighted_amount"`
		StageHistory []model.StageMove `json:"stage_history"`
		Quotes       []model.Quote     `json:"quotes"`
		History      []model.Change    `json:"history"`
	}{d.Probability, model.FormatAmount(d.Weighted, d.Deal.Currency), orEmpty(d.StageHistory), orEmpty(d.Quotes), orEmpty(d.History)})
	if err != nil {
		return nil, err
	}
	// both are objects: splice the second's keys into the first
	out := append(base[:len(base)-1:len(base)-1], ',')
	return append(out, extra[1:]...), nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// weighted is amount × percent / 100, rounded half away from zero.
func weighted(amount int64, percent int) int64 {
	v, _ := model.RoundRat(big.NewRat(amount*int64(percent), 100))
	return v
}

func (a *app) dealShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID [--json]",
		Short: "Show a deal with its stage history, quotes and changes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			d, err := findDeal(ctx, s, args[0])
			if err != nil {
				return err
			}
			det := dealDetail{Deal: d}
			if det.StageHistory, err = s.Store.Deals.StageHistory(ctx, d.ID); err != nil {
				return err
			}
			if det.Quotes, err = s.Store.Quotes.List(ctx, d.ID, "", 0); err != nil {
				return err
			}
			if det.History, err = s.Store.History.For(ctx, "deal", d.ID, 50); err != nil {
				return err
			}
			p, _ := s.Config.PipelineSet().Find(d.Pipeline)
			st, stageKnown := p.Find(d.Stage)
			det.Probability = d.Weight(st)
			det.Weighted = weighted(d.Amount, det.Probability)
			if asJSON {
				return printJSON(cmd.OutOrStdout(), det)
			}
			printDeal(cmd.OutOrStdout(), s, det, p, stageKnown, time.Now())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the deal with stage history, quotes and history as JSON")
	return cmd
}

// wideCard is a card with room for longer labels.
type wideCard struct{ w io.Writer }

func (c wideCard) line(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	fmt.Fprintf(c.w, "  %-12s %s\n", label, model.Printable(value))
}

func printDeal(w io.Writer, s *Session, det dealDetail, p model.Pipeline, stageKnown bool, now time.Time) {
	d := det.Deal
	state := ""
	if d.ArchivedAt != nil {
		state = "  (archived)"
	}
	fmt.Fprintf(w, "%s  #%d  v%d%s\n", model.Printable(d.Title), d.ID, d.Version, state)
	k := wideCard{w}
	if d.AccountID != nil {
		k.line("account", fmt.Sprintf("%s (#%d)", d.AccountName, *d.AccountID))
	}
	if d.ContactID != nil {
		k.line("contact", fmt.Sprintf("%s (#%d)", d.ContactName, *d.ContactID))
	}
	pipeName := d.Pipeline
	if p.Key != "" {
		pipeName = p.Name
	}
	k.line("pipeline", pipeName)
	k.line("stage", d.StageName)
	k.line("status", d.Status)
	k.line("amount", s.money(d.Money()))
	switch {
	case d.Probability != nil:
		k.line("probability", fmt.Sprintf("%d%% (override)", det.Probability))
	case stageKnown:
		k.line("probability", fmt.Sprintf("%d%% (stage default)", det.Probability))
	}
	if d.Amount != 0 && (d.Probability != nil || stageKnown) {
		k.line("weighted", s.money(model.Money{Amount: det.Weighted, Currency: d.Currency}))
	}
	k.line("close date", s.formatDate(d.CloseDate))
	k.line("owner", d.OwnerName)
	k.line("lost reason", d.LostReason)
	if d.ClosedAt != nil {
		k.line("closed", s.formatTime(*d.ClosedAt))
	}
	if d.Status == model.StatusOpen {
		k.line("in stage", formatSpan(now.Sub(d.StageEnteredAt))+" (since "+s.formatTime(d.StageEnteredAt)+")")
	}
	k.line("created", s.formatTime(d.CreatedAt))
	k.line("updated", s.formatTime(d.UpdatedAt))
	if d.Notes != "" {
		fmt.Fprintln(w, "Notes")
		for _, l := range strings.Split(model.PrintableBlock(d.Notes), "\n") {
			fmt.Fprintln(w, "  "+l)
		}
	}
	if len(det.StageHistory) > 0 {
		fmt.Fprintln(w, "Stages")
		t := newTable(w, "  WHEN", "FROM", "TO", "BY", "TIME IN STAGE", "NOTE")
		for i, m := range det.StageHistory {
			span := ""
			switch {
			case i+1 < len(det.StageHistory):
				span = formatSpan(det.StageHistory[i+1].At.Sub(m.At))
			case d.Status == model.StatusOpen:
				span = formatSpan(now.Sub(m.At)) + " (now)"
			}
			note := ""
			from, _ := p.Find(m.From)
			to, _ := p.Find(m.To)
			switch {
			case m.From == "":
				note = "created"
			case m.LostReason != "" && to.Kind == model.StageLost:
				note = "lost: " + m.LostReason
			case from.Kind != "" && from.Kind != model.StageOpen && to.Kind == model.StageOpen:
				note = "reopened"
			}
			t.row("  "+s.formatTime(m.At), m.FromName, m.ToName, m.By, span, note)
		}
		t.flush()
	}
	if len(det.Quotes) > 0 {
		fmt.Fprintln(w, "Quotes")
		t := newTable(w, "  NUMBER", "ID", "STATUS", "VALID UNTIL", "TOTAL")
		for _, q := range det.Quotes {
			t.row("  "+q.Number, strconv.FormatInt(q.ID, 10), q.Status, s.formatDate(q.ValidUntil),
				s.money(model.Money{Amount: q.Totals().Total, Currency: q.Currency}))
		}
		t.flush()
	}
	printHistory(w, s, det.Deal.ID, det.History)
}

// formatSpan is a duration as people read it: 3d 4h, 2h 5m, 12m, <1m.
func formatSpan(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	days := int64(d / (24 * time.Hour))
	hours := int64(d/time.Hour) % 24
	mins := int64(d/time.Minute) % 60
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case days > 0:
		return fmt.Sprintf("%dd", days)
	case hours > 0 && mins > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	case hours > 0:
		return fmt.Sprintf("%dh", hours)
	case mins > 0:
		return fmt.Sprintf("%dm", mins)
	}
	return "<1m"
}

func (a *app) dealEditCmd() *cobra.Command {
	var f dealFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use: "edit ID [--title T] [--account NAME] [--contact ID|EMAIL] [--amount A] [--currency C] [--close DATE] " +
			"[--probability N|\"\"] [--owner me|NAME] [--notes N]",
		Short: "Change a deal's fields (rolo deal move changes its stage)",
		Example: `  rolo deal edit 12 --amount 15000 --close next fri
  rolo deal edit 12 --probability ""     # back to the stage's probability`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !anyChanged(cmd, dealEditFields...) {
				return usagef("deal edit needs at least one field to change, e.g. --amount A")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			d, err := findDeal(ctx, s, args[0])
			if err != nil {
				return err
			}
			if err := f.apply(ctx, cmd, s, &d); err != nil {
				return err
			}
			d, err = s.Store.Deals.Update(ctx, d, store.WriteOptions{})
			if err != nil {
				return gateHint(err, d.ID)
			}
			return report(cmd, asJSON, d, "saved deal #%d %s (v%d)", d.ID, d.Title, d.Version)
		},
	}
	f.register(cmd, false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved deal as JSON")
	return cmd
}

// gateFlags say which flag fills a field a stage requires.
var gateFlags = map[string]string{"amount": "--amount A", "close_date": "--close DATE", "contact": "--contact ID|EMAIL",
	"account": "--account NAME", "probability": "--probability N"}

// gateHint adds how to fill the fields a stage gate asks for.
func gateHint(err error, id int64) error {
	var ge *model.GateError
	if !errors.As(err, &ge) {
		return err
	}
	var flags []string
	for _, m := range ge.Missing {
		if f, ok := gateFlags[m]; ok {
			flags = append(flags, f)
		}
	}
	if len(flags) == 0 {
		return err
	}
	if id == 0 {
		return fmt.Errorf("%w (give %s)", err, strings.Join(flags, " "))
	}
	return fmt.Errorf("%w (rolo deal edit %d %s)", err, id, strings.Join(flags, " "))
}

func (a *app) dealMoveCmd() *cobra.Command {
	var stage, reason string
	var won, lost, asJSON bool
	cmd := &cobra.Command{
		Use:   "move ID (--stage S | --won | --lost --reason R) [--json]",
		Short: "Move a deal to another stage, or mark it won or lost",
		Long: "move puts a deal into a stage of its pipeline. A stage may require fields\n" +
			"(pipelines[].stages[].requires in the config) before a deal can enter it.\n" +
			"Moving a won or lost deal to an open stage reopens it.",
		Example: `  rolo deal move 12 --stage proposal
  rolo deal move 12 --won
  rolo deal move 12 --lost --reason "went with a competitor"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 0
			for _, c := range []bool{cmd.Flags().Changed("stage"), won, lost} {
				if c {
					n++
				}
			}
			if n != 1 {
				return usagef("deal move needs exactly one of --stage S, --won or --lost --reason R")
			}
			if lost && strings.TrimSpace(reason) == "" {
				return usagef("--lost needs --reason R (why the deal was lost)")
			}
			if won && cmd.Flags().Changed("reason") {
				return usagef("--reason goes with --lost, not --won")
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			d, err := findDeal(ctx, s, args[0])
			if err != nil {
				return err
			}
			target := stage
			if won || lost {
				p, ok := s.Config.PipelineSet().Find(d.Pipeline)
				if !ok {
					return fmt.Errorf("deal #%d is in pipeline %q, which is not in the config", d.ID, d.Pipeline)
				}
				kind := model.StageWon
				if lost {
					kind = model.StageLost
				}
				target = p.Closing(kind).Key
			}
			moved, err := s.Store.Deals.Move(ctx, d.ID, 0, target, reason)
			if err != nil {
				return gateHint(err, d.ID)
			}
			var msg string
			switch {
			case moved.Version == d.Version:
				msg = fmt.Sprintf("deal #%d %s is already in %s", d.ID, d.Title, d.StageName)
			case d.Status != model.StatusOpen && moved.Status == model.StatusOpen:
				msg = fmt.Sprintf("reopened deal #%d %s: %s → %s", d.ID, moved.Title, d.StageName, moved.StageName)
			case moved.Status == model.StatusWon:
				msg = fmt.Sprintf("won deal #%d %s", d.ID, moved.Title)
			case moved.Status == model.StatusLost:
				msg = fmt.Sprintf("lost deal #%d %s (%s)", d.ID, moved.Title, moved.LostReason)
			default:
				msg = fmt.Sprintf("moved deal #%d %s: %s → %s", d.ID, moved.Title, d.StageName, moved.StageName)
			}
			return report(cmd, asJSON, moved, "%s", msg)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&stage, "stage", "", "stage key or name, any case")
	fl.BoolVar(&won, "won", false, "mark the deal won")
	fl.BoolVar(&lost, "lost", false, "mark the deal lost (needs --reason)")
	fl.StringVar(&reason, "reason", "", "why the deal was lost")
	fl.BoolVar(&asJSON, "json", false, "print the moved deal as JSON")
	return cmd
}

func (a *app) dealDeleteCmd() *cobra.Command {
	return archiveCmd(a, "deal", "ID", findDeal,
		func(ctx context.Context, s *Session, d model.Deal) (model.Deal, error) {
			return s.Store.Deals.Archive(ctx, d.ID, d.Version)
		},
		func(d model.Deal) (int64, string) { return d.ID, d.Title })
}
