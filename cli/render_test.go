package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"rolo/config"
	"rolo/model"
)

// sampleQuote has discounts and two tax rates. Worked by hand (EUR, each
// step rounded half away from zero to the cent, as model.QuoteLine.Amounts):
//
//	1  PL-100  3 × 999.99   = 2999.97; −12.5 % = 374.99625 → 375.00; net 2624.97; 19 % = 498.7443 → 498.74
//	2  1.5 × 333.33         = 499.995 → 500.00; no discount;          net  500.00; 19 % =  95.00
//	3  2 × 25.00            =   50.00; −10 %   =   5.00;              net   45.00;  7 % =   3.15
//
//	gross    2999.97 + 500.00 + 50.00 = 3549.97
//	discount  375.00 + 5.00           =  380.00
//	net      2624.97 + 500.00 + 45.00 = 3169.97
//	tax  7 % on   45.00 =   3.15
//	tax 19 % on 3124.97 = 498.74 + 95.00 = 593.74
//	total    3169.97 + 3.15 + 593.74  = 3766.86
func sampleQuote() model.Quote {
	return model.Quote{
		ID: 1, Number: "Q-2027-0001", DealID: 7, DealTitle: "Press line", Status: "sent", ValidUntil: "2027-03-01",
		Currency: "EUR", AccountName: "Işık Tekstil A.Ş.", Notes: "Prices ex works.\nDelivery in 6 weeks.",
		Lines: []model.QuoteLine{
			{Position: 1, SKU: "PL-100", Description: "Press line retrofit kit", Quantity: 3000, UnitPrice: 99999, DiscountBP: 1250, TaxBP: 1900},
			{Position: 2, Description: "Installation, on site", Quantity: 1500, UnitPrice: 33333, TaxBP: 1900},
			{Position: 3, Description: "Manual", Quantity: 2000, UnitPrice: 2500, DiscountBP: 1000, TaxBP: 700},
		},
	}
}

func sampleDoc() quoteDoc {
	return quoteDoc{
		Quote: sampleQuote(),
		Seller: config.Company{Name: "Acme Industrial GmbH", Address: "Hauptstraße 1\n10115 Berlin", TaxID: "DE123456789",
			Email: "sales@acme.example", PaymentTerms: "30 days net"},
		Contact: "Ayşe Yılmaz", Locale: "en", DateFormat: "2006-01-02",
		Date: time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC),
	}
}

func TestSampleTotalsByHand(t *testing.T) {
	tot := sampleQuote().Totals()
	if tot.Gross != 354997 || tot.Discount != 38000 || tot.Net != 316997 || tot.Tax != 59689 || tot.Total != 376686 {
		t.Fatalf("totals %+v", tot)
	}
	if len(tot.Taxes) != 2 || tot.Taxes[0] != (model.TaxLine{RateBP: 700, Base: 4500, Tax: 315}) ||
		tot.Taxes[1] != (model.TaxLine{RateBP: 1900, Base: 312497, Tax: 59374}) {
		t.Fatalf("taxes %+v", tot.Taxes)
	}
}

func TestRenderQuoteText(t *testing.T) {
	got := renderQuoteText(sampleDoc())
	want := `Acme Industrial GmbH
Hauptstraße 1
10115 Berlin
Tax ID: DE123456789
Email: sales@acme.example

QUOTE Q-2027-0001

Date         2027-02-01
Valid until  2027-03-01
Customer     Işık Tekstil A.Ş.
Attention    Ayşe Yılmaz

#  Item    Description              Qty  Unit price  Disc. %        Net  Tax %
------------------------------------------------------------------------------
1  PL-100  Press line retrofit kit    3     €999.99     12.5  €2,624.97     19
2          Installation, on site    1.5     €333.33        0    €500.00     19
3          Manual                     2      €25.00       10     €45.00      7
------------------------------------------------------------------------------
                                                              Gross  €3,549.97
                                                           Discount   -€380.00
                                                     Subtotal (net)  €3,169.97
                                                  Tax 7 % on €45.00      €3.15
                                              Tax 19 % on €3,124.97    €593.74
                                              ================================
                                                              Total  €3,766.86

Payment terms: 30 days net

Notes:
  Prices ex works.
  Delivery in 6 weeks.
`
	if got != want {
		t.Fatalf("text quote:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderQuoteMarkdown(t *testing.T) {
	got := renderQuoteMarkdown(sampleDoc())
	want := `# Quote Q-2027-0001

**Acme Industrial GmbH**  
Hauptstraße 1  
10115 Berlin  
Tax ID: DE123456789  
Email: sales@acme.example

**Date:** 2027-02-01  
**Valid until:** 2027-03-01  
**Customer:** Işık Tekstil A.Ş.  
**Attention:** Ayşe Yılmaz

| # | Item | Description | Qty | Unit price | Disc. % | Net | Tax % |
|---:|---|---|---:|---:|---:|---:|---:|
| 1 | PL-100 | Press line retrofit kit | 3 | €999.99 | 12.5 | €2,624.97 | 19 |
| 2 |  | Installation, on site | 1.5 | €333.33 | 0 | €500.00 | 19 |
| 3 |  | Manual | 2 | €25.00 | 10 | €45.00 | 7 |

| | |
|---:|---:|
| Gross | €3,549.97 |
| Discount | -€380.00 |
| Subtotal (net) | €3,169.97 |
| Tax 7 % on €45.00 | €3.15 |
| Tax 19 % on €3,124.97 | €593.74 |
| **Total** | **€3,766.86** |

**Payment terms:** 30 days net

## Notes

Prices ex works.  
Delivery in 6 weeks.
`
	if got != want {
		t.Fatalf("markdown quote:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderQuoteLocaleAndEmptySeller(t *testing.T) {
	d := sampleDoc()
	d.Locale, d.DateFormat = "de", "02.01.2006"
	d.Seller = config.Company{}
	d.Quote.Notes = ""
	got := renderQuoteText(d)
	for _, want := range []string{"Date         01.02.2027", "Valid until  01.03.2027", "1,5", "12,5",
		"Tax 19 % on 3.124,97 €", "3.766,86 €"} {
		if !strings.Contains(got, want) {
			t.Errorf("de quote lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(got, "QUOTE Q-2027-0001\n") || strings.Contains(got, "Payment terms") || strings.Contains(got, "Notes") {
		t.Errorf("empty seller, terms and notes should be left out:\n%s", got)
	}
	// no discount: no gross and discount rows
	d.Quote.Lines = d.Quote.Lines[1:2]
	got = renderQuoteMarkdown(d)
	if strings.Contains(got, "Gross") || strings.Contains(got, "Discount |") || strings.Contains(got, "| Item |") {
		t.Errorf("no discount, no SKU:\n%s", got)
	}
	d.Quote.Lines = nil
	if got := renderQuoteText(d); !strings.Contains(got, "No items.") || !strings.Contains(got, "Total  0,00 €") {
		t.Errorf("empty quote:\n%s", got)
	}
}

// Wide characters take two cells: columns stay aligned by display width,
// and long descriptions wrap.
func TestRenderQuoteTextAlignsByDisplayWidth(t *testing.T) {
	d := sampleDoc()
	d.Quote.Lines[1].Description = "東京の設置作業"
	d.Quote.Lines[2].Description = strings.Repeat("very long description ", 4)
	got := renderQuoteText(d)
	var table []string
	in := false
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(l, "#  ") {
			in = true
		}
		if in && strings.HasPrefix(l, "----") && len(table) > 1 {
			break
		}
		if in && !strings.HasPrefix(l, "----") {
			table = append(table, l)
		}
	}
	if len(table) < 5 {
		t.Fatalf("the long description did not wrap:\n%s", got)
	}
	// every row with a Net cell ends that cell at the same column
	headEnd := strings.Index(table[0], "Net") + 3
	for _, l := range table[1:] {
		if !strings.Contains(l, "€") {
			continue // a wrapped continuation line
		}
		cells := strings.Fields(l)
		net := cells[len(cells)-2]
		i := strings.LastIndex(l, net)
		if w := ansi.StringWidth(l[:i+len(net)]); w != headEnd {
			t.Errorf("net cell of %q ends at %d, header at %d", l, w, headEnd)
		}
	}
}

func TestRenderQuoteHostileText(t *testing.T) {
	d := sampleDoc()
	d.Quote.Lines[0].Description = "Evil\x1b]0;PWNED\x07 | *bold* <script>"
	d.Seller.Name = "Acme\x1b[31m"
	md := renderQuoteMarkdown(d)
	txt := renderQuoteText(d)
	for _, out := range []string{md, txt} {
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Fatalf("escape sequence in a rendered quote: %q", out)
		}
	}
	if !strings.Contains(md, `\| \*bold\* \<script\>`) {
		t.Errorf("markdown not escaped:\n%s", md)
	}
}

// Columns line up by display width: a wide emoji, CJK or a combining
// accent does not push the next column.
func TestTableAlignsByDisplayWidth(t *testing.T) {
	var b strings.Builder
	tb := newTable(&b, "NAME", "EMAIL")
	for _, name := range []string{"Ayşe Yılmaz", "Emoji 😀 Fan", "Rene\u0301 Dupont", "王小明"} {
		tb.row(name, "x@example.com")
	}
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	col := -1
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		i := strings.LastIndex(line, "  ")
		w := ansi.StringWidth(line[:i+2])
		if col >= 0 && w != col {
			t.Errorf("second column at %d, want %d:\n%s", w, col, b.String())
		}
		col = w
	}
}
