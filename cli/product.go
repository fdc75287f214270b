package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

func (a *app) productCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "product", Short: "Add, list and import products (SKU, name, price, stock)"}
	cmd.AddCommand(a.productAddCmd(), a.productListCmd(), a.productImportCmd())
	return cmd
}

func (a *app) productAddCmd() *cobra.Command {
	var sku, name, price, currency, externalID string
	var stock int64
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "add --sku S --name N --price P [--currency C] [--stock N] [--external-id X] [--json]",
		Short:   "Add a product",
		Example: `  rolo product add --sku PL-100 --name "Press line retrofit kit" --price 1.200,50 --currency EUR --stock 4`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, f := range []string{"sku", "name", "price"} {
				if !cmd.Flags().Changed(f) {
					return usagef("product add needs --sku, --name and --price")
				}
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			p := model.Product{SKU: sku, Name: name, ExternalID: externalID, Currency: s.Config.Currency.Base}
			if cmd.Flags().Changed("currency") {
				if p.Currency, err = model.CheckCurrency("currency", currency); err != nil {
					return err
				}
			}
			if p.UnitPrice, err = model.ParseAmount(price, p.Currency); err != nil {
				return model.Invalid("price", "%s", validationMessage(err))
			}
			if cmd.Flags().Changed("stock") {
				p.Stock = &stock
			}
			p, err = s.Store.Products.Create(ctx, p)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, p, "added product #%d %s %s at %s", p.ID, p.SKU, p.Name,
				s.money(model.Money{Amount: p.UnitPrice, Currency: p.Currency}))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&sku, "sku", "", "stock keeping unit, unique (any case)")
	fl.StringVar(&name, "name", "", "product name, as quotes show it")
	fl.StringVar(&price, "price", "", "unit price: 1200, 1200.50, 1.200,50")
	fl.StringVar(&currency, "currency", "", "ISO 4217 code (default currency.base)")
	fl.Int64Var(&stock, "stock", 0, "stock on hand (not tracked when left out)")
	fl.StringVar(&externalID, "external-id", "", "id of the product in the ERP")
	fl.BoolVar(&asJSON, "json", false, "print the new product as JSON")
	return cmd
}

func (a *app) productListCmd() *cobra.Command {
	var search string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--search Q] [--limit N] [--json]",
		Short: "List products by name",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			return listing[model.Product]{
				header: []string{"ID", "SKU", "NAME", "PRICE", "STOCK", "ERP ID"},
				row: func(p model.Product) []string {
					stock := ""
					if p.Stock != nil {
						stock = strconv.FormatInt(*p.Stock, 10)
					}
					return []string{strconv.FormatInt(p.ID, 10), p.SKU, p.Name,
						s.money(model.Money{Amount: p.UnitPrice, Currency: p.Currency}), stock, p.ExternalID}
				},
				key:   func(p model.Product) store.Cursor { return store.Cursor{Sort: model.Fold(p.Name), ID: p.ID} },
				fetch: s.Store.Products.List,
				empty: "no products (add one with rolo product add, or rolo product import FILE)",
			}.run(cmd, store.ListQuery{Search: search}, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&search, "search", "", "match SKU and name (folded)")
	fl.IntVar(&limit, "limit", 0, "at most N products (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (a *app) productImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Create or update products from a CSV file (by SKU), all or nothing",
		Long: "product import reads a CSV file whose header names the columns, in any order and any case:\n" +
			"sku, name, price (required), currency, stock, external_id. The delimiter (, or ;) is taken\n" +
			"from the header line; the file is UTF-8, with or without a BOM; prices may be written\n" +
			"1200.50 or 1.200,50. Every row is checked first: any bad row is reported as\n" +
			"\"FILE line N: field: problem\" and nothing is written. Otherwise products are created,\n" +
			"or updated when their SKU exists, in one transaction. A column left out keeps the\n" +
			"existing product's value. FILE - reads standard input.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			var data []byte
			var err error
			if name == "-" {
				data, err = io.ReadAll(cmd.InOrStdin())
			} else {
				data, err = os.ReadFile(name)
			}
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			existing := func(sku string) (model.Product, bool) {
				p, err := s.Store.Products.FindBySKU(ctx, sku)
				return p, err == nil
			}
			rows, problems := parseProductCSV(data, s.Config.Currency.Base, existing)
			if len(problems) > 0 {
				for _, p := range problems {
					fmt.Fprintln(cmd.ErrOrStderr(), model.Printable(fmt.Sprintf("%s line %d: %s: %s", name, p.Line, p.Field, p.Msg)))
				}
				return &codedError{ExitUsage, fmt.Errorf("%s: %d %s; nothing was imported", name, len(problems),
					plural(len(problems), "problem", "problems"))}
			}
			if len(rows) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: no products to import\n", name)
				return nil
			}
			ps := make([]model.Product, len(rows))
			for i, r := range rows {
				ps[i] = r.Product
			}
			created, updated, err := s.Store.Products.Import(ctx, ps)
			var re *store.RowError
			if errors.As(err, &re) && re.Row >= 1 && re.Row <= len(rows) {
				return fmt.Errorf("%s line %d: %w; nothing was imported", name, rows[re.Row-1].Line, re.Err)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "imported %s: created %d, updated %d\n", name, created, updated)
			return nil
		},
	}
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// csvProblem is what is wrong with one line of an input file.
type csvProblem struct {
	Line  int
	Field string
	Msg   string
}

// productRow is a product read from a line of a CSV file.
type productRow struct {
	Line    int
	Product model.Product
}

// productColumns maps header names (folded, spaces and dashes as _) to
// the columns they fill.
var productColumns = map[string]string{
	"sku": "sku", "name": "name", "price": "price", "unit_price": "price", "currency": "currency",
	"stock": "stock", "external_id": "external_id",
}

const productHeaderHelp = "sku,name,price[,currency,stock,external_id]"

// parseProductCSV reads a product CSV file and checks every row. It
// returns the products, or every problem found (with the 1-based line
// each is on). existing, when not nil, looks a product up by SKU so that
// columns the file leaves out keep their values.
func parseProductCSV(data []byte, base string, existing func(sku string) (model.Product, bool)) ([]productRow, []csvProblem) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return nil, []csvProblem{{bytes.Count(data[:i], []byte("\n")) + 1, "file", "not UTF-8 text (save it as UTF-8)"}}
	}
	// the delimiter is the one the header line uses most
	headLine, lineNo := "", 0
	for _, l := range strings.Split(string(data), "\n") {
		lineNo++
		if strings.TrimSpace(l) != "" {
			headLine = l
			break
		}
	}
	if headLine == "" {
		return nil, []csvProblem{{1, "header", "the file is empty; the first line names the columns: " + productHeaderHelp}}
	}
	delim := ','
	if semi, comma := countOutsideQuotes(headLine, ';'), countOutsideQuotes(headLine, ','); semi > comma {
		delim = ';'
	} else if tabs := countOutsideQuotes(headLine, '\t'); tabs > comma && tabs > semi {
		delim = '\t'
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = delim != '\t'
	head, err := r.Read()
	if err != nil {
		return nil, []csvProblem{{lineNo, "header", csvErrorMessage(err)}}
	}
	lineNo, _ = r.FieldPos(0)
	col := map[string]int{}
	var problems []csvProblem
	for i, h := range head {
		key := strings.ToLower(strings.TrimSpace(h))
		key = strings.NewReplacer(" ", "_", "-", "_").Replace(key)
		c, ok := productColumns[key]
		switch {
		case key == "" && i == len(head)-1:
			continue // a trailing delimiter
		case !ok:
			problems = append(problems, csvProblem{lineNo, "header", fmt.Sprintf("unknown column %q (the columns are %s)", h, productHeaderHelp)})
		case col[c] != 0:
			problems = append(problems, csvProblem{lineNo, "header", fmt.Sprintf("column %q appears twice", c)})
		default:
			col[c] = i + 1 // 0 means absent
		}
	}
	for _, need := range []string{"sku", "name", "price"} {
		if col[need] == 0 {
			problems = append(problems, csvProblem{lineNo, "header", fmt.Sprintf("no %s column (the columns are %s)", need, productHeaderHelp)})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	var rows []productRow
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			problems = append(problems, csvProblem{line, "csv", csvErrorMessage(err)})
			break // the rest of the file cannot be read reliably
		}
		line, _ := r.FieldPos(0)
		blank := true
		for _, f := range rec {
			if strings.TrimSpace(f) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		if len(rec) != len(head) && !(len(rec) == len(head)-1 && strings.TrimSpace(head[len(head)-1]) == "") {
			problems = append(problems, csvProblem{line, "row", fmt.Sprintf("has %d fields, the header has %d", len(rec), len(head))})
			continue
		}
		cell := func(c string) (string, bool) {
			i := col[c]
			if i == 0 || i > len(rec) {
				return "", false
			}
			return strings.TrimSpace(rec[i-1]), true
		}
		rowProblems := map[string]string{}
		bad := func(field, format string, args ...any) {
			if _, dup := rowProblems[field]; !dup {
				rowProblems[field] = fmt.Sprintf(format, args...)
				problems = append(problems, csvProblem{line, field, rowProblems[field]})
			}
		}
		var p model.Product
		p.SKU, _ = cell("sku")
		p.Name, _ = cell("name")
		old, hasOld := model.Product{}, false
		if existing != nil && p.SKU != "" {
			old, hasOld = existing(p.SKU)
		}
		if v, ok := cell("currency"); ok && v != "" {
			c, err := model.CheckCurrency("currency", v)
			if err != nil {
				bad("currency", "%s", validationMessage(err))
			}
			p.Currency = c
		} else if !ok && hasOld {
			p.Currency = old.Currency
		}
		digitsOf := p.Currency
		if digitsOf == "" {
			digitsOf = base
		}
		if v, _ := cell("price"); v == "" {
			bad("price", "empty")
		} else if amount, err := model.ParseAmount(v, digitsOf); err != nil {
			bad("price", "%s", validationMessage(err))
		} else {
			p.UnitPrice = amount
		}
		if v, ok := cell("stock"); ok && v != "" {
			n, err := model.ParseDecimal("stock", v, 0)
			if err != nil {
				bad("stock", "%s", validationMessage(err))
			}
			p.Stock = &n
		} else if !ok && hasOld {
			p.Stock = old.Stock
		}
		if v, ok := cell("external_id"); ok {
			p.ExternalID = v
		} else if hasOld {
			p.ExternalID = old.ExternalID
		}
		check := p
		if err := check.Normalize(base); err != nil {
			var ves model.ValidationErrors
			if errors.As(err, &ves) {
				for _, ve := range ves {
					field := ve.Field
					if field == "unit_price" {
						field = "price"
					}
					bad(field, "%s", ve.Message)
				}
			} else {
				bad("row", "%v", err)
			}
		}
		if key := model.Fold(p.SKU); p.SKU != "" {
			if first, dup := seen[key]; dup {
				bad("sku", "%q is also on line %d", p.SKU, first)
			} else {
				seen[key] = line
			}
		}
		if len(rowProblems) == 0 {
			rows = append(rows, productRow{Line: line, Product: check})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return rows, nil
}

// countOutsideQuotes counts c in a CSV line outside double-quoted fields.
func countOutsideQuotes(line string, c rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == c && !quoted:
			n++
		}
	}
	return n
}

// csvErrorMessage is encoding/csv's error without its position (the
// caller names the line).
func csvErrorMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
