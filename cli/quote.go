package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rolo/model"
)

const lineSpecHelp = "A line (--line, --add-line) is comma-separated key=value pairs: sku, desc,\n" +
	"qty (default 1), price, discount (%) and tax (%), e.g. sku=PL-100,qty=2,discount=10,tax=19\n" +
	"or desc=Installation,qty=1,price=500,tax=19. A product line without price takes the\n" +
	"product's price. Put a value holding \",key=\" in double quotes."

// lineKeys are the keys of a --line spec and the names they may be given by.
var lineKeys = map[string]string{
	"sku": "sku", "desc": "desc", "description": "desc", "qty": "qty", "quantity": "qty",
	"price": "price", "unit_price": "price", "discount": "discount", "tax": "tax",
}

// parseLineSpec reads the n-th (1-based) --line or --add-line (flag) into
// a quote line in the quote's currency. Errors are usage errors naming the
// flag, its number and the key.
func parseLineSpec(flag string, n int, spec, currency string) (model.QuoteLine, error) {
	bad := func(key, format string, args ...any) (model.QuoteLine, error) {
		return model.QuoteLine{}, usagef("--%s %d: %s: %s", flag, n, key, fmt.Sprintf(format, args...))
	}
	pairs, err := splitPairs(spec)
	if err != nil {
		return model.QuoteLine{}, usagef("--%s %d: %v", flag, n, err)
	}
	if len(pairs) == 0 {
		return model.QuoteLine{}, usagef("--%s %d: empty; write e.g. sku=PL-100,qty=2 or desc=Installation,price=500", flag, n)
	}
	l := model.QuoteLine{Quantity: 1000, UnitPrice: -1}
	seen := map[string]bool{}
	for _, p := range pairs {
		key, ok := lineKeys[p[0]]
		if !ok {
			return bad(p[0], "unknown key (use sku, desc, qty, price, discount, tax)")
		}
		if seen[key] {
			return bad(key, "given twice")
		}
		seen[key] = true
		v := p[1]
		switch key {
		case "sku":
			if v == "" {
				return bad(key, "empty")
			}
			l.SKU = v
		case "desc":
			if strings.TrimSpace(v) == "" {
				return bad(key, "empty")
			}
			l.Description = v
		case "qty":
			q, err := model.ParseDecimal(key, v, 3)
			if err != nil {
				return bad(key, "%s", validationMessage(err))
			}
			if q <= 0 {
				return bad(key, "must be more than 0, not %s", v)
			}
			if q > 1_000_000_000 {
				return bad(key, "%s is too large", v)
			}
			l.Quantity = q
		case "price":
			a, err := model.ParseAmount(v, currency)
			if err != nil {
				return bad(key, "%s", validationMessage(err))
			}
			if a < 0 {
				return bad(key, "cannot be negative")
			}
			if a > model.MaxAmount {
				return bad(key, "%s is too large", v)
			}
			l.UnitPrice = a
		case "discount", "tax":
			pct, err := model.ParseDecimal(key, strings.TrimSuffix(strings.TrimSpace(v), "%"), 2)
			if err != nil {
				return bad(key, "%s", validationMessage(err))
			}
			if pct < 0 || pct > 10000 {
				return bad(key, "%s is not a percentage between 0 and 100", v)
			}
			if key == "discount" {
				l.DiscountBP = pct
			} else {
				l.TaxBP = pct
			}
		}
	}
	if l.SKU == "" && l.Description == "" {
		return bad("desc", "a line needs sku=PRODUCT or desc=TEXT")
	}
	if l.SKU == "" && l.UnitPrice < 0 {
		return bad("price", "a line without sku needs a price")
	}
	return l, nil
}

// validationMessage is the message of a validation error without its field.
func validationMessage(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Message
	}
	return err.Error()
}

// splitPairs splits "k=v,k=v". A comma separates pairs only when a key and
// '=' follow it, so values may hold commas ("price=1.200,50",
// "desc=Cable, 5 m"); a value in double quotes may hold anything ("" is a
// quote).
func splitPairs(spec string) ([][2]string, error) {
	var out [][2]string
	rest := spec
	for {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			return out, nil
		}
		eq := strings.IndexByte(rest, '=')
		if eq < 0 {
			return nil, fmt.Errorf("%q is not key=value", rest)
		}
		key := strings.ToLower(strings.TrimSpace(rest[:eq]))
		if !isKey(key) {
			return nil, fmt.Errorf("%q is not key=value", strings.TrimSpace(rest[:eq+1]))
		}
		rest = rest[eq+1:]
		var val string
		if t := strings.TrimLeft(rest, " \t"); strings.HasPrefix(t, `"`) {
			var b strings.Builder
			t = t[1:]
			closed := false
			for i := 0; i < len(t); i++ {
				if t[i] == '"' {
					if i+1 < len(t) && t[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					closed, t = true, t[i+1:]
					break
				}
				b.WriteByte(t[i])
			}
			if !closed {
				return nil, fmt.Errorf("%s: the quoted value has no closing \"", key)
			}
			t = strings.TrimLeft(t, " \t")
			if t != "" && t[0] != ',' {
				return nil, fmt.Errorf("%s: unexpected %q after the quoted value", key, t)
			}
			if t != "" {
				t = t[1:]
			}
			val, rest = b.String(), t
		} else {
			end := len(rest)
			for i := 0; i < len(rest); i++ {
				if rest[i] == ',' && (isKeyAhead(rest[i+1:]) || strings.TrimSpace(rest[i+1:]) == "") {
					end = i
					break
				}
			}
			val = strings.TrimSpace(rest[:end])
			if end < len(rest) {
				rest = rest[end+1:]
			} else {
				rest = ""
			}
		}
		out = append(out, [2]string{key, val})
	}
}

func isKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-'
}

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isKeyChar(s[i]) {
			return false
		}
	}
	return true
}

// isKeyAhead reports whether s starts with "key=".
func isKeyAhead(s string) bool {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && isKeyChar(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	s = strings.TrimLeft(s[i:], " \t")
	return strings.HasPrefix(s, "=")
}

// parseLines parses every --line (or --add-line: flag).
func parseLines(flag string, specs []string, currency string) ([]model.QuoteLine, error) {
	var out []model.QuoteLine
	for i, spec := range specs {
		l, err := parseLineSpec(flag, i+1, spec, currency)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

func checkQuoteStatus(s string) (string, error) {
	st := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(model.QuoteStatuses, st) {
		return "", usagef("--status: %q is not a quote status (one of %s)", s, strings.Join(model.QuoteStatuses, ", "))
	}
	return st, nil
}

// findQuote resolves ID|NUMBER (12, #12, Q-2027-0001).
func findQuote(ctx context.Context, s *Session, key string) (model.Quote, error) {
	key = strings.TrimSpace(key)
	if id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64); err == nil {
		return s.Store.Quotes.Get(ctx, id)
	}
	return s.Store.Quotes.FindByNumber(ctx, key)
}

func (a *app) quoteCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "quote", Short: "Add, list, show (render) and edit quotes on deals"}
	cmd.AddCommand(a.quoteAddCmd(), a.quoteListCmd(), a.quoteShowCmd(), a.quoteEditCmd())
	return cmd
}

func (a *app) quoteAddCmd() *cobra.Command {
	var validUntil, status, notes string
	var lines []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add DEAL_ID [--valid-until DATE] [--status S] [--notes N] [--line SPEC]... [--json]",
		Short: "Add a quote to a deal, in the deal's currency",
		Long:  "quote add numbers a new quote (Q-YEAR-NNNN) on a deal, in the deal's currency.\n" + lineSpecHelp,
		Example: `  rolo quote add 12 --valid-until +30d --line sku=PL-100,qty=2,discount=10,tax=19 \
      --line desc=Installation,qty=1,price=500,tax=19`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := model.Quote{Notes: notes}
			var err error
			if cmd.Flags().Changed("status") {
				if q.Status, err = checkQuoteStatus(status); err != nil {
					return err
				}
			}
			if strings.TrimSpace(validUntil) != "" {
				if q.ValidUntil, err = model.ParseDate("valid_until", validUntil, time.Now()); err != nil {
					return err
				}
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
			q.DealID = d.ID
			if q.Lines, err = parseLines("line", lines, d.Currency); err != nil {
				return err
			}
			q, err = s.Store.Quotes.Create(ctx, q)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, q, "added quote %s (#%d) on deal #%d %s: %s", q.Number, q.ID, d.ID, d.Title,
				s.money(model.Money{Amount: q.Totals().Total, Currency: q.Currency}))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&validUntil, "valid-until", "", "date the offer expires: 2027-01-31, +30d, next fri")
	fl.StringVar(&status, "status", "", "draft (default), sent, accepted, declined or expired")
	fl.StringVar(&notes, "notes", "", "notes printed on the quote")
	fl.StringArrayVar(&lines, "line", nil, "a line (repeat): sku=PL-100,qty=2,discount=10,tax=19 or desc=Installation,price=500,tax=19")
	fl.BoolVar(&asJSON, "json", false, "print the new quote as JSON")
	return cmd
}

func (a *app) quoteListCmd() *cobra.Command {
	var deal, status string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--deal ID] [--status S] [--limit N] [--json]",
		Short: "List quotes, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return usagef("--limit must be 0 (no limit) or more")
			}
			var err error
			if cmd.Flags().Changed("status") {
				if status, err = checkQuoteStatus(status); err != nil {
					return err
				}
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var dealID int64
			if cmd.Flags().Changed("deal") {
				d, err := findDeal(ctx, s, deal)
				if err != nil {
					return err
				}
				dealID = d.ID
			}
			qs, err := s.Store.Quotes.List(ctx, dealID, status, limit)
			if err != nil {
				return err
			}
			if asJSON {
				arr := &jsonArray{w: cmd.OutOrStdout()}
				for _, q := range qs {
					if err := arr.add(q); err != nil {
						return err
					}
				}
				return arr.close()
			}
			if len(qs) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no quotes (add one with rolo quote add DEAL_ID --line ...)")
				return nil
			}
			t := newTable(cmd.OutOrStdout(), "NUMBER", "ID", "DEAL", "ACCOUNT", "STATUS", "VALID UNTIL", "TOTAL")
			for _, q := range qs {
				t.row(q.Number, strconv.FormatInt(q.ID, 10), fmt.Sprintf("#%d %s", q.DealID, q.DealTitle), q.AccountName,
					q.Status, s.formatDate(q.ValidUntil), s.money(model.Money{Amount: q.Totals().Total, Currency: q.Currency}))
			}
			return t.flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&deal, "deal", "", "only quotes of this deal (id)")
	fl.StringVar(&status, "status", "", "only quotes with this status")
	fl.IntVar(&limit, "limit", 0, "at most N quotes (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (a *app) quoteShowCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show ID|NUMBER [--format md|text|json]",
		Short: "Render a quote for the customer: Markdown, plain text or JSON",
		Long: "quote show renders a quote with the seller block from the config (company.*),\n" +
			"the customer, the lines and the totals, ready to send.",
		Example: `  rolo quote show Q-2027-0001 --format md > quote.md`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format = strings.ToLower(strings.TrimSpace(format))
			switch format {
			case "md", "markdown", "text", "txt", "json":
			default:
				return usagef("--format: %q is not md, text or json", format)
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			q, err := findQuote(ctx, s, args[0])
			if err != nil {
				return err
			}
			if format == "json" {
				return printJSON(cmd.OutOrStdout(), q)
			}
			d, err := s.Store.Deals.Get(ctx, q.DealID)
			if err != nil {
				return err
			}
			if strings.TrimSpace(s.Config.Company.Name) == "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning: the quote has no seller: set company.name in the config (and company.address, tax_id, payment_terms)")
			}
			doc := quoteDoc{Quote: q, Seller: s.Config.Company, Contact: d.ContactName, Locale: s.Config.Locale,
				DateFormat: s.Config.Dates.Format, Date: q.CreatedAt.Local()}
			out := renderQuoteText(doc)
			if format == "md" || format == "markdown" {
				out = renderQuoteMarkdown(doc)
			}
			_, err = io.WriteString(cmd.OutOrStdout(), out)
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "md, text or json")
	return cmd
}

func (a *app) quoteEditCmd() *cobra.Command {
	var status, validUntil, notes string
	var addLines []string
	var removeLines []int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "edit ID|NUMBER [--status S] [--valid-until DATE] [--notes N] [--add-line SPEC]... [--remove-line N]... [--json]",
		Short: "Change a quote's status, dates, notes or lines",
		Long: "quote edit changes a quote. --remove-line N removes line N (as quote show numbers\n" +
			"them); --add-line appends a line.\n" + lineSpecHelp,
		Example: `  rolo quote edit Q-2027-0001 --status sent
  rolo quote edit Q-2027-0001 --remove-line 2 --add-line desc=Training,qty=2,price=300,tax=19`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !anyChanged(cmd, "status", "valid-until", "notes", "add-line", "remove-line") {
				return usagef("quote edit needs something to change, e.g. --status sent")
			}
			var err error
			if cmd.Flags().Changed("status") {
				if status, err = checkQuoteStatus(status); err != nil {
					return err
				}
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			q, err := findQuote(ctx, s, args[0])
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("status") {
				q.Status = status
			}
			if cmd.Flags().Changed("valid-until") {
				q.ValidUntil = ""
				if strings.TrimSpace(validUntil) != "" {
					if q.ValidUntil, err = model.ParseDate("valid_until", validUntil, time.Now()); err != nil {
						return err
					}
				}
			}
			if cmd.Flags().Changed("notes") {
				q.Notes = notes
			}
			drop := map[int]bool{}
			for _, n := range removeLines {
				if n < 1 || n > len(q.Lines) {
					return usagef("--remove-line: the quote has no line %d (it has %d)", n, len(q.Lines))
				}
				drop[n] = true
			}
			var kept []model.QuoteLine
			for i, l := range q.Lines {
				if !drop[i+1] {
					kept = append(kept, l)
				}
			}
			added, err := parseLines("add-line", addLines, q.Currency)
			if err != nil {
				return err
			}
			q.Lines = append(kept, added...)
			q, err = s.Store.Quotes.Update(ctx, q)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, q, "saved quote %s (#%d, v%d): %s", q.Number, q.ID, q.Version,
				s.money(model.Money{Amount: q.Totals().Total, Currency: q.Currency}))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&status, "status", "", "draft, sent, accepted, declined or expired")
	fl.StringVar(&validUntil, "valid-until", "", "date the offer expires (\"\" clears)")
	fl.StringVar(&notes, "notes", "", "notes printed on the quote")
	fl.StringArrayVar(&addLines, "add-line", nil, "append a line (repeat); see quote add --help")
	fl.IntSliceVar(&removeLines, "remove-line", nil, "remove line N (repeat)")
	fl.BoolVar(&asJSON, "json", false, "print the saved quote as JSON")
	return cmd
}
