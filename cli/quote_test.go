package cli

import (
	"errors"
	"strings"
	"testing"

	"rolo/model"
)

func TestParseLineSpec(t *testing.T) {
	cases := []struct {
		spec string
		cur  string
		want model.QuoteLine
	}{
		{"sku=PL-100,qty=2,discount=10,tax=19", "EUR",
			model.QuoteLine{SKU: "PL-100", Quantity: 2000, UnitPrice: -1, DiscountBP: 1000, TaxBP: 1900}},
		{"desc=Installation,qty=1,price=500,tax=19", "EUR",
			model.QuoteLine{Description: "Installation", Quantity: 1000, UnitPrice: 50000, TaxBP: 1900}},
		// defaults: qty 1, no discount, no tax
		{"desc=Setup,price=12.5", "USD", model.QuoteLine{Description: "Setup", Quantity: 1000, UnitPrice: 1250}},
		// commas inside values: a decimal comma and a description
		{"desc=Cable, 5 m,price=1.200,50,qty=2,5", "EUR",
			model.QuoteLine{Description: "Cable, 5 m", Quantity: 2500, UnitPrice: 120050}},
		// quoted values, spaces, key aliases and case, percent signs
		{` Description = "Service, incl. travel=yes" , Quantity=0.125 , unit_price=99, Discount=12,5%, TAX=7%`, "EUR",
			model.QuoteLine{Description: "Service, incl. travel=yes", Quantity: 125, UnitPrice: 9900, DiscountBP: 1250, TaxBP: 700}},
		{`desc="say ""hi""",price=0`, "EUR", model.QuoteLine{Description: `say "hi"`, Quantity: 1000}},
		// a product with its own price and a description override
		{"sku=PL-100,desc=Kit,price=10,", "JPY", model.QuoteLine{SKU: "PL-100", Description: "Kit", Quantity: 1000, UnitPrice: 10}},
	}
	for _, c := range cases {
		got, err := parseLineSpec("line", 1, c.spec, c.cur)
		if err != nil {
			t.Errorf("%q: %v", c.spec, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q:\n got %+v\nwant %+v", c.spec, got, c.want)
		}
	}
}

func TestParseLineSpecErrors(t *testing.T) {
	cases := []struct{ spec, cur, want string }{
		{"sku=PL-100,qty=-2", "EUR", "--line 3: qty: must be more than 0"},
		{"sku=PL-100,qty=0", "EUR", "--line 3: qty: must be more than 0"},
		{"sku=PL-100,qty=abc", "EUR", "--line 3: qty: \"abc\" is not a number"},
		{"sku=PL-100,colour=red", "EUR", "--line 3: colour: unknown key"},
		{"sku=PL-100,sku=PL-200", "EUR", "--line 3: sku: given twice"},
		{"desc=x,price=-5", "EUR", "--line 3: price: cannot be negative"},
		{"desc=x,price=12,34.5", "EUR", "--line 3: price: \"12,34.5\" is not a number"},
		{"desc=x,price=1.5", "JPY", "--line 3: price: \"1.5\" is not a number: JPY has 0 decimal places"},
		{"desc=x", "EUR", "--line 3: price: a line without sku needs a price"},
		{"qty=2,price=5", "EUR", "--line 3: desc: a line needs sku=PRODUCT or desc=TEXT"},
		{"desc=x,price=5,discount=101", "EUR", "--line 3: discount: 101 is not a percentage"},
		{"desc=x,price=5,tax=-1", "EUR", "--line 3: tax: -1 is not a percentage"},
		{"desc=x,price=5,qty=1.2345", "EUR", "--line 3: qty: \"1.2345\" is not a number: at most 3 decimal places"},
		{"PL-100", "EUR", "--line 3: \"PL-100\" is not key=value"},
		{"", "EUR", "--line 3: empty"},
		{`desc="open`, "EUR", "--line 3: desc: the quoted value has no closing"},
		{`desc="a"b`, "EUR", "--line 3: desc: unexpected"},
		{"sku=", "EUR", "--line 3: sku: empty"},
	}
	for _, c := range cases {
		_, err := parseLineSpec("line", 3, c.spec, c.cur)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want a usage error with %q", c.spec, err, c.want)
		}
	}
}

func FuzzParseLineSpec(f *testing.F) {
	for _, s := range []string{"sku=PL-100,qty=2,discount=10,tax=19", "desc=Installation,qty=1,price=500,tax=19",
		"desc=Cable, 5 m,price=1.200,50", `desc="a ""b"", c",price=1`, "qty=-1", "=,=,", `desc="`, "a=b=c,,d=",
		"price=99999999999999999999", "desc=x,price=1e5", "sku=\x00,qty=\u00a01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		l, err := parseLineSpec("line", 1, spec, "EUR")
		if err != nil {
			var ue *usageError
			if !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), "--line 1: ") {
				t.Fatalf("%q: not a usage error naming the line: %v", spec, err)
			}
			return
		}
		if l.SKU == "" && l.Description == "" || l.Quantity <= 0 || l.Quantity > 1_000_000_000 ||
			l.UnitPrice < -1 || l.UnitPrice > model.MaxAmount || l.SKU == "" && l.UnitPrice < 0 ||
			l.DiscountBP < 0 || l.DiscountBP > 10000 || l.TaxBP < 0 || l.TaxBP > 10000 {
			t.Fatalf("%q: accepted an invalid line %+v", spec, l)
		}
		// what parses is a line the model accepts, once priced
		q := model.Quote{Currency: "EUR", Lines: []model.QuoteLine{l}}
		if q.Lines[0].UnitPrice < 0 {
			q.Lines[0].UnitPrice = 0
		}
		if q.Lines[0].Description == "" {
			q.Lines[0].Description = "product"
		}
		if err := q.Normalize(); err != nil && !strings.Contains(err.Error(), "description") && !strings.Contains(err.Error(), "line total") {
			t.Fatalf("%q: parsed %+v but the model refuses it: %v", spec, l, err)
		}
	})
}
