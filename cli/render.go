package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"rolo/config"
	"rolo/model"
)

// quoteDoc is everything a rendered quote shows.
type quoteDoc struct {
	Quote      model.Quote
	Seller     config.Company
	Contact    string    // the deal's contact, the person the quote is for
	Locale     string    // en, tr, de: how amounts and decimals are written
	DateFormat string    // dates.format
	Date       time.Time // the quote's date (when it was made)
}

func (d quoteDoc) money(v int64) string {
	return model.FormatMoney(model.Money{Amount: v, Currency: d.Quote.Currency}, d.Locale)
}

// number writes a scaled decimal with the locale's decimal mark, trailing
// zeros dropped: 2500 with 3 digits is "2.5" (en) or "2,5" (de, tr).
func (d quoteDoc) number(v int64, digits int) string {
	s := model.TrimDecimal(model.FormatDecimal(v, digits))
	if d.Locale == "tr" || d.Locale == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (d quoteDoc) date(s string) string {
	layout := d.DateFormat
	if layout == "" {
		layout = model.DateLayout
	}
	return formatDate(s, layout)
}

// sellerLines is the seller block, empty fields left out.
func (d quoteDoc) sellerLines() []string {
	c := d.Seller
	var out []string
	add := func(label, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		for _, l := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
			if l = strings.TrimSpace(model.Printable(l)); l != "" {
				out = append(out, label+l)
				label = ""
			}
		}
	}
	add("", c.Name)
	add("", c.Address)
	add("Tax ID: ", c.TaxID)
	add("Email: ", c.Email)
	add("Phone: ", c.Phone)
	add("Web: ", c.Website)
	return out
}

// infoRows are the quote's particulars: number, dates, customer.
func (d quoteDoc) infoRows() [][2]string {
	q := d.Quote
	rows := [][2]string{{"Quote", q.Number}}
	if !d.Date.IsZero() {
		rows = append(rows, [2]string{"Date", d.date(d.Date.Format(model.DateLayout))})
	}
	if q.ValidUntil != "" {
		rows = append(rows, [2]string{"Valid until", d.date(q.ValidUntil)})
	}
	if q.AccountName != "" {
		rows = append(rows, [2]string{"Customer", q.AccountName})
	}
	if d.Contact != "" {
		rows = append(rows, [2]string{"Attention", d.Contact})
	}
	for i := range rows {
		rows[i][1] = model.Printable(rows[i][1])
	}
	return rows
}

// hasSKU reports whether any line names a product.
func (d quoteDoc) hasSKU() bool {
	for _, l := range d.Quote.Lines {
		if l.SKU != "" {
			return true
		}
	}
	return false
}

// lineCells are the cells of the line table: #, [SKU], description, qty,
// unit price, discount %, net, tax %.
func (d quoteDoc) lineHeader() []string {
	h := []string{"#", "Description", "Qty", "Unit price", "Disc. %", "Net", "Tax %"}
	if d.hasSKU() {
		h = append([]string{"#", "Item"}, h[1:]...)
	}
	return h
}

func (d quoteDoc) lineCells(l model.QuoteLine, pos int) []string {
	a := l.Amounts()
	cells := []string{fmt.Sprint(pos), model.Printable(l.Description), d.number(l.Quantity, 3), d.money(l.UnitPrice),
		d.number(l.DiscountBP, 2), d.money(a.Net), d.number(l.TaxBP, 2)}
	if d.hasSKU() {
		cells = append([]string{cells[0], model.Printable(l.SKU)}, cells[1:]...)
	}
	return cells
}

// totalRows are the totals, from model.Quote.Totals: gross and discount
// (when there is a discount), the net subtotal, the tax per rate and the
// total.
func (d quoteDoc) totalRows() [][2]string {
	t := d.Quote.Totals()
	var rows [][2]string
	if t.Discount != 0 {
		rows = append(rows, [2]string{"Gross", d.money(t.Gross)}, [2]string{"Discount", "-" + d.money(t.Discount)})
	}
	rows = append(rows, [2]string{"Subtotal (net)", d.money(t.Net)})
	for _, tl := range t.Taxes {
		rows = append(rows, [2]string{fmt.Sprintf("Tax %s %% on %s", d.number(tl.RateBP, 2), d.money(tl.Base)), d.money(tl.Tax)})
	}
	return append(rows, [2]string{"Total", d.money(t.Total)})
}

// --- Markdown ---

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "~", `\~`)

// md escapes text for Markdown inline use (table cells, lines).
func md(s string) string { return mdEscaper.Replace(model.Printable(s)) }

// renderQuoteMarkdown renders a quote as a Markdown document.
func renderQuoteMarkdown(d quoteDoc) string {
	q := d.Quote
	var b strings.Builder
	fmt.Fprintf(&b, "# Quote %s\n\n", md(q.Number))
	if seller := d.sellerLines(); len(seller) > 0 {
		for i, l := range seller {
			if i == 0 {
				fmt.Fprintf(&b, "**%s**", md(l))
			} else {
				b.WriteString(md(l))
			}
			if i < len(seller)-1 {
				b.WriteString("  ")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	info := d.infoRows()[1:] // the number is in the title
	for i, r := range info {
		fmt.Fprintf(&b, "**%s:** %s", r[0], md(r[1]))
		if i < len(info)-1 {
			b.WriteString("  ")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	if len(q.Lines) == 0 {
		b.WriteString("*No items.*\n\n")
	} else {
		head := d.lineHeader()
		b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
		for _, h := range head {
			if h == "Item" || h == "Description" {
				b.WriteString("---|")
			} else {
				b.WriteString("---:|")
			}
		}
		b.WriteString("\n")
		for i, l := range q.Lines {
			cells := d.lineCells(l, i+1)
			for j := range cells {
				cells[j] = md(cells[j])
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("| | |\n|---:|---:|\n")
	totals := d.totalRows()
	for i, r := range totals {
		if i == len(totals)-1 {
			fmt.Fprintf(&b, "| **%s** | **%s** |\n", md(r[0]), md(r[1]))
		} else {
			fmt.Fprintf(&b, "| %s | %s |\n", md(r[0]), md(r[1]))
		}
	}
	if terms := strings.TrimSpace(d.Seller.PaymentTerms); terms != "" {
		fmt.Fprintf(&b, "\n**Payment terms:** %s\n", md(terms))
	}
	if notes := strings.TrimSpace(q.Notes); notes != "" {
		b.WriteString("\n## Notes\n\n")
		lines := strings.Split(model.PrintableBlock(notes), "\n")
		for i, l := range lines {
			b.WriteString(mdEscaper.Replace(strings.TrimRight(l, " ")))
			if i < len(lines)-1 && strings.TrimSpace(lines[i+1]) != "" && strings.TrimSpace(l) != "" {
				b.WriteString("  ")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// --- plain text ---

const descWidth = 40 // descriptions wrap at this many cells in text

// padLeft and padRight pad to a display width (wide and combining
// characters count as they are drawn, not as bytes or runes).
func padRight(s string, w int) string { return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) }
func padLeft(s string, w int) string  { return strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + s }

// renderQuoteText renders a quote as plain text with aligned columns.
func renderQuoteText(d quoteDoc) string {
	q := d.Quote
	var b strings.Builder
	if seller := d.sellerLines(); len(seller) > 0 {
		for _, l := range seller {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("QUOTE " + model.Printable(q.Number) + "\n\n")
	info := d.infoRows()
	lw := 0
	for _, r := range info[1:] {
		lw = max(lw, ansi.StringWidth(r[0]))
	}
	for _, r := range info[1:] {
		b.WriteString(strings.TrimRight(padRight(r[0], lw)+"  "+r[1], " ") + "\n")
	}
	b.WriteString("\n")

	head := d.lineHeader()
	descCol := 1
	if d.hasSKU() {
		descCol = 2
	}
	// every line is one or more rows: a long description wraps
	var rows [][]string
	for i, l := range q.Lines {
		cells := d.lineCells(l, i+1)
		wrapped := strings.Split(ansi.Wrap(cells[descCol], descWidth, ""), "\n")
		cells[descCol] = wrapped[0]
		rows = append(rows, cells)
		for _, more := range wrapped[1:] {
			cont := make([]string, len(cells))
			cont[descCol] = more
			rows = append(rows, cont)
		}
	}
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = ansi.StringWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	leftAligned := func(i int) bool { return i == descCol || (descCol == 2 && i == 1) }
	writeRow := func(cells []string) {
		var parts []string
		for i, c := range cells {
			if leftAligned(i) {
				parts = append(parts, padRight(c, widths[i]))
			} else {
				parts = append(parts, padLeft(c, widths[i]))
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	tableWidth := 2 * (len(widths) - 1)
	for _, w := range widths {
		tableWidth += w
	}
	totals := d.totalRows()
	labelW, amountW := 0, 0
	for _, r := range totals {
		labelW = max(labelW, ansi.StringWidth(r[0]))
		amountW = max(amountW, ansi.StringWidth(r[1]))
	}
	ruleW := max(tableWidth, labelW+2+amountW)
	if len(q.Lines) == 0 {
		b.WriteString("No items.\n")
	} else {
		writeRow(head)
		b.WriteString(strings.Repeat("-", ruleW) + "\n")
		for _, r := range rows {
			writeRow(r)
		}
	}
	b.WriteString(strings.Repeat("-", ruleW) + "\n")
	for i, r := range totals {
		if i == len(totals)-1 {
			b.WriteString(strings.Repeat(" ", ruleW-labelW-2-amountW) + strings.Repeat("=", labelW+2+amountW) + "\n")
		}
		b.WriteString(padLeft(padLeft(r[0], labelW)+"  "+padLeft(r[1], amountW), ruleW) + "\n")
	}
	if terms := strings.TrimSpace(d.Seller.PaymentTerms); terms != "" {
		b.WriteString("\nPayment terms: " + model.Printable(terms) + "\n")
	}
	if notes := strings.TrimSpace(q.Notes); notes != "" {
		b.WriteString("\nNotes:\n")
		for _, l := range strings.Split(model.PrintableBlock(notes), "\n") {
			b.WriteString(strings.TrimRight("  "+l, " ") + "\n")
		}
	}
	return b.String()
}
