package cli

import (
	"fmt"
	"strings"
	"testing"

	"rolo/model"
)

func problemsText(ps []csvProblem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "line %d: %s: %s\n", p.Line, p.Field, p.Msg)
	}
	return b.String()
}

func TestParseProductCSV(t *testing.T) {
	stock := func(n int64) *int64 { return &n }
	cases := []struct {
		name, in string
		want     []model.Product
	}{
		{"comma, plain", "sku,name,price\nPL-100,Kit,1200.50\n",
			[]model.Product{{SKU: "PL-100", Name: "Kit", UnitPrice: 120050, Currency: "USD"}}},
		{"BOM, semicolons, any order and case, decimal comma", "\ufeffPrice;SKU;Name;Currency;Stock;External ID\r\n" +
			"1.200,50;PL-100;Kit;eur;4;ERP-1\r\n12,5;PL-200;\"Cable; 5 m\";EUR;;\r\n",
			[]model.Product{
				{SKU: "PL-100", Name: "Kit", UnitPrice: 120050, Currency: "EUR", Stock: stock(4), ExternalID: "ERP-1"},
				{SKU: "PL-200", Name: "Cable; 5 m", UnitPrice: 1250, Currency: "EUR"},
			}},
		{"quoted fields with commas, quotes and a line break; blank lines; JPY has no decimals", "sku,name,price,currency\n\n" +
			"PL-1,\"Kit, \"\"large\"\"\",\"1,200\",JPY\n" + "PL-2,\"two\nlines\",0,USD\n\n",
			[]model.Product{
				{SKU: "PL-1", Name: `Kit, "large"`, UnitPrice: 1200, Currency: "JPY"},
				{SKU: "PL-2", Name: "two\nlines", Currency: "USD"},
			}},
	}
	for _, c := range cases {
		rows, problems := parseProductCSV([]byte(c.in), "USD", nil)
		if len(problems) > 0 {
			t.Errorf("%s: %s", c.name, problemsText(problems))
			continue
		}
		if len(rows) != len(c.want) {
			t.Errorf("%s: %d rows, want %d", c.name, len(rows), len(c.want))
			continue
		}
		for i, r := range rows {
			got, want := r.Product, c.want[i]
			if got.SKU != want.SKU || got.Name != want.Name || got.UnitPrice != want.UnitPrice || got.Currency != want.Currency ||
				got.ExternalID != want.ExternalID || (got.Stock == nil) != (want.Stock == nil) || got.Stock != nil && *got.Stock != *want.Stock {
				t.Errorf("%s row %d:\n got %+v\nwant %+v", c.name, i, got, want)
			}
		}
	}
}

func TestParseProductCSVLineNumbers(t *testing.T) {
	in := "sku;name;price;currency;stock\n" + // 1
		"PL-100;Kit;1.200,50;EUR;3\n" + // 2 fine
		"PL-200;\"Cable\n5 m\";12,34.5;EUR;\n" + // 3-4: bad price, on the record's first line
		"PL-300;;abc;EURO;-1\n" + // 5: name, price, currency, stock
		"pl-100;Again;1;EUR;1\n" + // 6: SKU repeated (any case)
		"PL-400;Short\n" + // 7: too few fields
		"PL-500;Fine;1;EUR;2\n" // 8 fine
	rows, problems := parseProductCSV([]byte(in), "USD", nil)
	if rows != nil {
		t.Fatalf("rows returned with problems: %v", rows)
	}
	got := problemsText(problems)
	for _, want := range []string{
		"line 3: price: \"12,34.5\" is not a number",
		"line 5: currency: \"EURO\" is not an ISO 4217",
		"line 5: price: \"abc\" is not a number",
		"line 5: name: a product needs a name",
		"line 5: stock: cannot be negative",
		"line 6: sku: \"pl-100\" is also on line 2",
		"line 7: row: has 2 fields, the header has 5",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "line 2:") || strings.Contains(got, "line 8:") || len(problems) != 7 {
		t.Errorf("%d problems:\n%s", len(problems), got)
	}
}

func TestParseProductCSVBadFiles(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "line 1: header: the file is empty"},
		{"\ufeff\n\n", "line 1: header: the file is empty"},
		{"sku,title,price\n", "line 1: header: unknown column \"title\""},
		{"sku,name\nA,B\n", "line 1: header: no price column"},
		{"\n\nsku,name,price,sku\n", "line 3: header: column \"sku\" appears twice"},
		{"sku,name,price\nA,\"B,1\nC,D,2\n", "csv: extraneous or missing \" in quoted-field"},
		{"sku,name,price\nA,B\"x,1\n", "line 2: csv: bare \" in non-quoted-field"},
		{"sku,name,price\nA,Bad\xff,1\n", "line 2: file: not UTF-8"},
	}
	for _, c := range cases {
		_, problems := parseProductCSV([]byte(c.in), "USD", nil)
		if got := problemsText(problems); !strings.Contains(got, c.want) {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
	// a header alone is no problem and no rows; a trailing delimiter is fine
	rows, problems := parseProductCSV([]byte("sku;name;price;\nA;B;1;\n"), "USD", nil)
	if len(problems) != 0 || len(rows) != 1 {
		t.Errorf("trailing delimiter: %v %s", rows, problemsText(problems))
	}
}

// Columns left out keep the existing product's values; the price is read
// in the existing product's currency.
func TestParseProductCSVKeepsMissingColumns(t *testing.T) {
	n := int64(7)
	existing := func(sku string) (model.Product, bool) {
		if model.Fold(sku) == "pl-100" {
			return model.Product{SKU: "PL-100", Currency: "JPY", Stock: &n, ExternalID: "E-1"}, true
		}
		return model.Product{}, false
	}
	rows, problems := parseProductCSV([]byte("sku,name,price\nPL-100,Kit,\"1,200\"\nNEW,New,5\n"), "EUR", existing)
	if len(problems) > 0 {
		t.Fatal(problemsText(problems))
	}
	p := rows[0].Product
	if p.Currency != "JPY" || p.UnitPrice != 1200 || p.Stock == nil || *p.Stock != 7 || p.ExternalID != "E-1" {
		t.Errorf("kept: %+v", p)
	}
	if q := rows[1].Product; q.Currency != "EUR" || q.UnitPrice != 500 || q.Stock != nil {
		t.Errorf("new: %+v", q)
	}
}

func FuzzParseProductCSV(f *testing.F) {
	for _, s := range []string{
		"sku,name,price\nPL-100,Kit,1200.50\n",
		"\ufeffSKU;Name;Price;Currency;Stock;External_ID\r\nPL-1;\"a;b\";1.200,50;EUR;3;X\r\n",
		"sku,name,price\n\"unterminated,1\n",
		"sku;name;price\nA;B;12,34.5\nA;C;-1\n",
		"price,sku,name,stock\n1,a,b,1.000\n1,a,b,x\n",
		"sku\tname\tprice\nA\tB\t1\n",
		"sku,name,price,\n,,,\n",
		"\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, problems := parseProductCSV(data, "USD", nil)
		if len(problems) > 0 {
			if rows != nil {
				t.Fatal("rows returned with problems")
			}
			for _, p := range problems {
				if p.Field == "" || p.Msg == "" || p.Line < 0 {
					t.Fatalf("bad problem %+v", p)
				}
			}
			return
		}
		last := 1
		seen := map[string]bool{}
		for _, r := range rows {
			if r.Line <= last {
				t.Fatalf("line %d after %d", r.Line, last)
			}
			last = r.Line
			p := r.Product
			if err := p.Normalize("USD"); err != nil {
				t.Fatalf("accepted a product the model refuses: %+v: %v", r.Product, err)
			}
			if seen[model.Fold(p.SKU)] {
				t.Fatalf("SKU %q twice", p.SKU)
			}
			seen[model.Fold(p.SKU)] = true
		}
	})
}
