package transfer

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
)

func TestDetectFormat(t *testing.T) {
	for _, tc := range []struct {
		path, flag string
		want       Format
		err        string
	}{
		{"a.csv", "", FormatCSV, ""},
		{"A.TSV", "", FormatCSV, ""},
		{"export.txt", "", FormatCSV, ""},
		{"c.vcf", "", FormatVCF, ""},
		{"c.vcard", "", FormatVCF, ""},
		{"x.json", "", FormatJSON, ""},
		{"x.ndjson", "", FormatJSON, ""},
		{"x.jsonl", "", FormatJSON, ""},
		{"x.csv", "json", FormatJSON, ""},
		{"x", "vCard", FormatVCF, ""},
		{"x", " CSV ", FormatCSV, ""},
		{"x.csv", "xml", "", `unknown format "xml" (--format); choose csv, vcf or json`},
		{"contacts.xlsx", "", "", "cannot tell the format of contacts.xlsx from its extension; pass --format csv|vcf|json"},
		{"-", "", "", "cannot tell the format of -"},
	} {
		got, err := DetectFormat(tc.path, tc.flag)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("DetectFormat(%q, %q) error = %v, want %q", tc.path, tc.flag, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("DetectFormat(%q, %q) = %q, %v; want %q", tc.path, tc.flag, got, err, tc.want)
		}
	}
}

func csvOpt(k Kind) Options { return Options{Kind: k, Format: FormatCSV, Name: "in.csv"} }

func TestCSVFiles(t *testing.T) {
	res := readAll(t, readFile(t, "google.csv"), csvOpt(KindContacts))
	if len(res.recs) != 2 || len(res.rowErrs) != 0 {
		t.Fatalf("google: %d records, errors %v", len(res.recs), res.rowErrs)
	}
	want := map[string]string{
		"first_name": "Ayşe", "last_name": "Yılmaz", "account": "Deniz Lojistik A.Ş.", "title": "Satın Alma Müdürü",
		"notes": "Met at the fair.\nPrefers e-mail.", "tags": "VIP, Fuar 2024",
		"email": "ayse@denizlojistik.com.tr", "other_emails": "ayse.yilmaz@example.com",
		"phone": "+90 532 111 22 33", "other_phones": "+90 216 444 55 66",
		"address": "Kozyatağı Mah. Değirmen Sok. 5, 34742 Kadıköy, İstanbul, Türkiye", "website": "https://denizlojistik.com.tr",
	}
	if !equalFields(res.recs[0].Fields, want) {
		t.Errorf("google record 1:\n got %q\nwant %q", res.recs[0].Fields, want)
	}
	if res.recs[0].Line != 2 || res.recs[1].Line != 4 {
		t.Errorf("google lines %d, %d; want 2, 4", res.recs[0].Line, res.recs[1].Line)
	}
	if got := res.recs[1].Fields["address"]; got != "Hauptstraße 1, 80331 München, Deutschland" {
		t.Errorf("address from parts: %q", got)
	}
	if got := res.recs[1].Fields["other_phones"]; got != "+49 171 7654321" {
		t.Errorf("google ::: phones: %q", got)
	}

	res = readAll(t, readFile(t, "outlook.csv"), csvOpt(KindContacts))
	if len(res.recs) != 2 {
		t.Fatalf("outlook: %d records", len(res.recs))
	}
	want = map[string]string{
		"first_name": "John", "last_name": "Smith", "account": "Contoso Ltd.", "title": "Account Manager",
		"address": "1 Main Street, Suite 200, 62701 Springfield, IL, United States",
		"phone":   "+1 217 555 0101", "other_phones": "+1 217 555 0199, +1 217 555 0150", "tags": "Customers, VIP",
		"email": "john.smith@contoso.com", "other_emails": "jsmith@home.example", "notes": "Call on Mondays",
		"website": "www.contoso.com",
	}
	if !equalFields(res.recs[0].Fields, want) {
		t.Errorf("outlook record 1:\n got %q\nwant %q", res.recs[0].Fields, want)
	}
	// No business phone: the home phone is the phone; home address used.
	if f := res.recs[1].Fields; f["phone"] != "+90 216 555 11 22" || f["other_phones"] != "+90 533 555 11 22" ||
		f["address"] != "Bağdat Cad. 10, 34710 İstanbul, Türkiye" || f["email"] != "elif@example.com.tr" ||
		f["other_emails"] != "elif.kaya@example.org" || f["tags"] != "Family, Friends" {
		t.Errorf("outlook record 2: %q", f)
	}

	res = readAll(t, readFile(t, "hubspot.csv"), csvOpt(KindLeads))
	want = map[string]string{"name": "Maria García", "email": "maria.garcia@example.es", "phone": "+34 600 111 222",
		"company": "Acme Iberia", "title": "Head of Procurement", "status": "NEW", "owner": "owner@rolo.test"}
	if len(res.recs) != 2 || !equalFields(res.recs[0].Fields, want) {
		t.Errorf("hubspot leads: %v", res.recs)
	}

	res = readAll(t, readFile(t, "turkish.csv"), csvOpt(KindContacts))
	want = map[string]string{"first_name": "İsmail", "last_name": "Öztürk", "email": "ismail@ozturk.com.tr",
		"account": "Öztürk İnşaat", "phone": "0212 555 44 33", "title": "Genel Müdür", "tags": "inşaat, vip",
		"notes": "Ödeme: 30 gün; vade farkı yok"}
	if len(res.recs) != 2 || !equalFields(res.recs[0].Fields, want) {
		t.Errorf("turkish: %v", res.recs)
	}
	if len(res.cols) != 8 || res.cols[3] != (Column{Name: "Şirket", Field: "account"}) {
		t.Errorf("turkish columns: %v", res.cols)
	}
}

func TestCSVDialects(t *testing.T) {
	type row = map[string]string
	tests := []struct {
		name  string
		data  string
		lines []int
		rows  []row
	}{
		{"BOM", "\uFEFFName,Email\nAda,ada@x\n", []int{2}, []row{{"name": "Ada", "email": "ada@x"}}},
		{"semicolon", "Name;Email;Notes\nAda;ada@x;\"a, b; c\"\n", []int{2}, []row{{"name": "Ada", "email": "ada@x", "notes": "a, b; c"}}},
		{"tab", "Name\tEmail\nAda\tada@x\n", []int{2}, []row{{"name": "Ada", "email": "ada@x"}}},
		{"sep line", "sep=;\r\nName;Email\r\nAda;ada@x\r\n", []int{3}, []row{{"name": "Ada", "email": "ada@x"}}},
		{"sep line after BOM", "\uFEFFsep=|\nName|Email\nAda|ada@x\n", []int{3}, []row{{"name": "Ada", "email": "ada@x"}}},
		{"quoted delimiters do not count", "\"Full, Name\";Email\nAda;ada@x\n", []int{2}, []row{{"name": "Ada", "email": "ada@x"}}},
		{"quoted newlines", "Name,Notes\nAda,\"one\ntwo\nthree\"\nGrace,\"x\r\ny\"\n\nAlan,z\n",
			[]int{2, 5, 8}, []row{{"name": "Ada", "notes": "one\ntwo\nthree"}, {"name": "Grace", "notes": "x\ny"}, {"name": "Alan", "notes": "z"}}},
		{"excel", "\"First Name\",\"Last Name\",\"E-mail Address\"\r\n\"Ada\",\"Lovelace\",\"ada@x\"\r\n\"Grace\",\"Hopper\",\"\"\r\n",
			[]int{2, 3}, []row{{"first_name": "Ada", "last_name": "Lovelace", "email": "ada@x"}, {"first_name": "Grace", "last_name": "Hopper"}}},
		{"empty rows and empty extra cells", "Name,Email\n,\n  ,  \nAda,ada@x,, ,\nGrace\n", []int{4, 5},
			[]row{{"name": "Ada", "email": "ada@x"}, {"name": "Grace"}}},
		{"formula guard", "Name,Notes,Title\nAda,'=SUM(A1),'hello\nB,'+1,''@x\n", []int{2, 3},
			[]row{{"name": "Ada", "notes": "=SUM(A1)", "title": "'hello"}, {"name": "B", "notes": "+1", "title": "'@x"}}},
		{"bare quotes", "Name,Notes\nAda,say \"hi\" now\n", []int{2}, []row{{"name": "Ada", "notes": `say "hi" now`}}},
		{"no final newline", "Name\nAda", []int{2}, []row{{"name": "Ada"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, tc.data, csvOpt(KindContacts))
			if len(res.rowErrs) > 0 {
				t.Fatalf("row errors %v", res.rowErrs)
			}
			if len(res.recs) != len(tc.rows) {
				t.Fatalf("got %d records %v, want %d", len(res.recs), res.recs, len(tc.rows))
			}
			for i, rec := range res.recs {
				if rec.Line != tc.lines[i] || !equalFields(rec.Fields, tc.rows[i]) {
					t.Errorf("record %d: line %d %q; want line %d %q", i, rec.Line, rec.Fields, tc.lines[i], tc.rows[i])
				}
			}
		})
	}
}

func TestCSVExplicitDelimiter(t *testing.T) {
	res := readAll(t, "Name|Email\nAda|ada@x\n", Options{Kind: KindContacts, Format: FormatCSV, Delimiter: '|'})
	if len(res.recs) != 1 || res.recs[0].Fields["email"] != "ada@x" {
		t.Errorf("pipe: %v", res.recs)
	}
	if _, err := NewReader(strings.NewReader("a\n"), Options{Kind: KindContacts, Format: FormatCSV, Delimiter: '#'}); err == nil {
		t.Error("delimiter '#': no error")
	}
}

func encode(t *testing.T, enc *charmap.Charmap, s string) string {
	t.Helper()
	b, err := enc.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCSVEncodings(t *testing.T) {
	turkish := "Ad Soyad;Sirket\nIşık Şahin;Öğüt Ltd.\n"
	w1254 := encode(t, charmap.Windows1254, turkish)
	for _, name := range []string{"windows-1254", "Windows-1254", "cp1254"} {
		res := readAll(t, w1254, Options{Kind: KindContacts, Format: FormatCSV, Encoding: name})
		if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Işık Şahin" || res.recs[0].Fields["account"] != "Öğüt Ltd." {
			t.Errorf("%s: %v", name, res.recs)
		}
	}
	res := readAll(t, encode(t, charmap.Windows1254, "Adı Soyadı;Şirket Adı\nIşık Şahin;Öğüt Ltd.\n"),
		Options{Kind: KindContacts, Format: FormatCSV, Encoding: "windows-1254"})
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Işık Şahin" || res.recs[0].Fields["account"] != "Öğüt Ltd." ||
		res.cols[1] != (Column{Name: "Şirket Adı", Field: "account"}) {
		t.Errorf("windows-1254 header: %v %v", res.recs, res.cols)
	}
	res = readAll(t, encode(t, charmap.ISO8859_9, turkish), Options{Kind: KindContacts, Format: FormatCSV, Encoding: "iso-8859-9"})
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Işık Şahin" {
		t.Errorf("iso-8859-9: %v", res.recs)
	}
	german := "Name,Firma\nJürgen Müller,Straße & Söhne\n"
	for _, name := range []string{"windows-1252", "latin1", "ISO-8859-1"} {
		res := readAll(t, encode(t, charmap.Windows1252, german), Options{Kind: KindContacts, Format: FormatCSV, Encoding: name})
		if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Jürgen Müller" || res.recs[0].Fields["account"] != "Straße & Söhne" {
			t.Errorf("%s: %v", name, res.recs)
		}
	}
	res = readAll(t, "\uFEFFName\nAda\n", Options{Kind: KindContacts, Format: FormatCSV, Encoding: "UTF-8"})
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Ada" {
		t.Errorf("utf-8 named: %v", res.recs)
	}

	// Without --encoding the same bytes are a fatal error with a hint,
	// the likelier encoding first.
	_, err := tryReadAll(strings.NewReader(w1254), csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 2: not valid UTF-8", "try --encoding windows-1254 (Turkish) or --encoding windows-1252")
	_, err = tryReadAll(strings.NewReader(encode(t, charmap.Windows1252, german)), csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 2: not valid UTF-8", "try --encoding windows-1252 (Western European) or --encoding windows-1254")
	// Far into the file, the line is still right.
	long := "Name\n" + strings.Repeat("Ada\n", 30000) + encode(t, charmap.Windows1254, "Işık\n")
	res, err = tryReadAll(strings.NewReader(long), csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 30002: not valid UTF-8")
	if len(res.recs) != 30000 {
		t.Errorf("read %d records before the bad line, want 30000", len(res.recs))
	}

	_, err = NewReader(strings.NewReader("Name\nAda\n"), Options{Kind: KindContacts, Format: FormatCSV, Encoding: "klingon"})
	wantErr(t, err, `unknown encoding "klingon"`, "windows-1254", "iso-8859-9")
}

func TestCSVUTF16(t *testing.T) {
	// Excel's "Unicode Text": UTF-16LE with a byte order mark, tabs.
	text := "Name\tE-mail\nIşık Şahin\tisik@x\n"
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range text {
		b.Write([]byte{byte(r), byte(r >> 8)})
	}
	res := readAll(t, b.String(), csvOpt(KindContacts))
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Işık Şahin" || res.recs[0].Fields["email"] != "isik@x" {
		t.Errorf("utf-16: %v", res.recs)
	}
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("no error, want one mentioning %q", parts)
		return
	}
	var re *RowError
	if errors.As(err, &re) {
		t.Errorf("got a row error %v, want a fatal one", err)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

func TestCSVControlCharacters(t *testing.T) {
	data := "Name,Email,Notes\nAda,ada@x,\"fine\tand\r\nfine\"\nBell,b\x07@x,\nGrace,g@x,ok\nEsc,e@x,\"\x1b[31mred\"\nC1,c@x,\u009b31m\n"
	res := readAll(t, data, csvOpt(KindContacts))
	if len(res.recs) != 2 || res.recs[0].Fields["notes"] != "fine\tand\nfine" || res.recs[1].Fields["name"] != "Grace" {
		t.Errorf("records %v", res.recs)
	}
	want := []string{"line 4: email: contains a control character (U+0007)", "line 6: notes: contains a control character (U+001B)",
		"line 7: notes: contains a control character (U+009B)"}
	if len(res.rowErrs) != len(want) {
		t.Fatalf("row errors %v, want %q", res.rowErrs, want)
	}
	for i, w := range want {
		if res.rowErrs[i].Error() != w {
			t.Errorf("row error %d = %q, want %q", i, res.rowErrs[i], w)
		}
	}
	// A NUL past the start of the file is a row error too.
	data = "Name,Notes\n" + strings.Repeat("Ada,x\n", 2000) + "Nul,a\x00b\nGrace,y\n"
	res = readAll(t, data, csvOpt(KindContacts))
	if len(res.recs) != 2001 || len(res.rowErrs) != 1 || res.rowErrs[0].Line != 2002 || res.rowErrs[0].Field != "notes" {
		t.Errorf("NUL: %d records, errors %v", len(res.recs), res.rowErrs)
	}
}

func TestCSVTooManyColumns(t *testing.T) {
	header := strings.Repeat("c,", 9999) + "Email\n"
	_, err := NewReader(strings.NewReader(header+"x\n"), csvOpt(KindContacts))
	wantErr(t, err, "in.csv: the header has 10000 columns; rolo reads at most 1000")
}

// repeatReader produces n bytes of b lazily, then EOF.
type repeatReader struct {
	b byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.b
	}
	r.n -= int64(len(p))
	return len(p), nil
}

func TestCSVLongLine(t *testing.T) {
	// A 50 MB file of one line.
	_, err := tryReadAll(&repeatReader{b: 'a', n: 50 << 20}, csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 1: a record longer than 1 MiB; is this really a CSV file?")

	// A long record after good ones: the good ones are read, the error
	// names the long record's line.
	r := io.MultiReader(strings.NewReader("Name,Notes\nAda,x\nGrace,\"y\nz\"\n\nAlan,"), &repeatReader{b: 'b', n: 3 << 20})
	res, err := tryReadAll(r, csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 6: a record longer than 1 MiB")
	if len(res.recs) != 2 {
		t.Errorf("read %d records before the long one, want 2", len(res.recs))
	}

	// A quoted field that never ends.
	r = io.MultiReader(strings.NewReader("Name,Notes\nAda,\""), &repeatReader{b: '\n', n: 3 << 20})
	_, err = tryReadAll(r, csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 2: a record longer than 1 MiB")

	// Just under the cap is fine.
	r = io.MultiReader(strings.NewReader("Name,Notes\nAda,"), &repeatReader{b: 'c', n: 1<<20 - 100}, strings.NewReader("\nGrace,x\n"))
	res, err = tryReadAll(r, csvOpt(KindContacts))
	if err != nil || len(res.recs) != 2 {
		t.Errorf("a record just under 1 MiB: %v, %d records", err, len(res.recs))
	}
}

func TestBinaryAndEmpty(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
	xlsx := "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"
	ctrl := strings.Repeat("ab\x01\x02\x03\x04\x05", 100)
	for _, f := range []Format{FormatCSV, FormatVCF, FormatJSON} {
		opt := Options{Kind: KindContacts, Format: f, Name: "in"}
		label := map[Format]string{FormatCSV: "CSV", FormatVCF: "a vCard file", FormatJSON: "JSON"}[f]
		for _, bin := range []string{png, xlsx, ctrl} {
			_, err := NewReader(strings.NewReader(bin), opt)
			wantErr(t, err, "in looks like a binary file, not "+label)
		}
		for _, empty := range []string{"", "\n\r\n  \t\n", "\uFEFF", "\uFEFF\n"} {
			_, err := NewReader(strings.NewReader(empty), opt)
			wantErr(t, err, "in is empty")
		}
	}
	_, err := NewReader(strings.NewReader(xlsx), csvOpt(KindContacts))
	wantErr(t, err, ".xlsx")
}

func TestNewReaderChecks(t *testing.T) {
	_, err := NewReader(strings.NewReader("Name\n"), Options{Kind: KindDeals, Format: FormatCSV})
	wantErr(t, err, "deals cannot be imported")
	_, err = NewReader(strings.NewReader("Name\n"), Options{Kind: "people", Format: FormatCSV})
	wantErr(t, err, `unknown kind "people"`)
	_, err = NewReader(strings.NewReader("Name\n"), Options{Kind: KindContacts, Format: "xml"})
	wantErr(t, err, `unknown format "xml"`)
	_, err = NewReader(strings.NewReader("Name\n"), Options{Kind: KindContacts})
	wantErr(t, err, "no format")
	// A header alone is fine: no records.
	res := readAll(t, "Name,Email\n", csvOpt(KindContacts))
	if len(res.recs) != 0 || len(res.cols) != 2 {
		t.Errorf("header only: %v %v", res.recs, res.cols)
	}
}

// errReader fails after its data.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadErrorIsFatal(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, f := range []Format{FormatCSV, FormatVCF, FormatJSON} {
		data := map[Format]string{FormatCSV: "Name\nAda\n", FormatVCF: "BEGIN:VCARD\nFN:Ada\n", FormatJSON: `[{"name":"Ada"},`}[f]
		res, err := tryReadAll(&errReader{data: data, err: boom}, Options{Kind: KindContacts, Format: f, Name: "in"})
		if !errors.Is(err, boom) && (err == nil || !strings.Contains(err.Error(), boom.Error())) {
			t.Errorf("%s: error %v, want %v", f, err, boom)
		}
		if len(res.rowErrs) > 0 {
			t.Errorf("%s: row errors %v", f, res.rowErrs)
		}
	}
}

func TestCSVUnclosedQuote(t *testing.T) {
	const msg = "a quote opened here is never closed (the rest of the file would be one field); " +
		"fix the quotes or save the file again as CSV"
	for _, tc := range []struct {
		name, data string
		recs       int    // records read before the error
		err        string // "" for no error
	}{
		{"fewer cells than the header", "Name,Email,Notes\nAda,ada@x,ok\nBad,\"Quote,bad@example.com,oops\nGrace,g@x,fine\nAlan,a@x,z\n",
			1, "in.csv line 3: " + msg},
		{"CRLF", "Name,Email,Notes\r\nAda,ada@x,ok\r\nBad,\"Quote,bad@example.com,oops\r\nGrace,g@x,fine\r\n",
			1, "in.csv line 3: " + msg},
		{"last column runs to the end", "Name,Email,Notes\nAda,ada@x,\"ok\nthen\"\nBad,b@x,\"oops\nGrace,g@x,fine\nAlan,a@x,z",
			1, "in.csv line 4: " + msg},
		{"after a sep line", "sep=,\nName,Email,Notes\nBad,\"x\nAda,a@x,y\n", 0, "in.csv line 3: " + msg},
		{"in the header", "Name,\"Email\nAda,a@x\nGrace,g@x\n", 0, "in.csv line 1: " + msg},
		// Quoted notes over several lines, with every cell, are fine,
		// closed at the end of the file too.
		{"multi-line notes", "Name,Email,Notes\nAda,a@x,\"one\ntwo\"\nGrace,g@x,\"x\r\ny\"\r\n", 2, ""},
		{"multi-line notes at the end without a line end", "Name,Email,Notes\nAda,a@x,\"one\ntwo\"", 1, ""},
		{"multi-line notes in the middle", "Name,Notes,Email\nAda,\"one\ntwo\",a@x\n", 1, ""},
		// An unclosed quote on the last line swallows no row.
		{"last line", "Name,Email\nAda,\"a@x\n", 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tryReadAll(strings.NewReader(tc.data), csvOpt(KindContacts))
			if tc.err == "" {
				if err != nil || len(res.rowErrs) > 0 {
					t.Fatalf("error %v, row errors %v", err, res.rowErrs)
				}
			} else {
				wantErr(t, err, tc.err)
			}
			if len(res.recs) != tc.recs {
				t.Errorf("read %d records %v, want %d", len(res.recs), res.recs, tc.recs)
			}
		})
	}
	res := readAll(t, "Name,Email,Notes\nAda,a@x,\"one\ntwo\"\nGrace,g@x,\"x\r\ny\"\r\n", csvOpt(KindContacts))
	if len(res.recs) != 2 || res.recs[0].Fields["notes"] != "one\ntwo" || res.recs[1].Fields["notes"] != "x\ny" ||
		res.recs[1].Line != 4 {
		t.Errorf("multi-line notes: %v", res.recs)
	}
}

func TestCSVExtraCells(t *testing.T) {
	data := "Name,Email,Notes\nAda,a@x,n,,\nBad,b@x,n,shifted,x\nGrace,g@x,, ,\nTail,t@x,,,more,\n"
	res := readAll(t, data, csvOpt(KindContacts))
	if len(res.recs) != 2 || res.recs[0].Fields["name"] != "Ada" || res.recs[1].Fields["name"] != "Grace" {
		t.Errorf("records %v", res.recs)
	}
	want := []string{"line 3: has 5 cells but the header has 3; are the columns shifted?",
		"line 5: has 5 cells but the header has 3; are the columns shifted?"}
	if len(res.rowErrs) != len(want) {
		t.Fatalf("row errors %v, want %q", res.rowErrs, want)
	}
	for i, w := range want {
		if res.rowErrs[i].Error() != w || res.rowErrs[i].Field != "" {
			t.Errorf("row error %d = %q (field %q), want %q", i, res.rowErrs[i], res.rowErrs[i].Field, w)
		}
	}
}

func TestMapColumnNotInHeader(t *testing.T) {
	_, err := NewReader(strings.NewReader("A,B,C\n1,2,3\n"), Options{Kind: KindContacts, Format: FormatCSV, Name: "in.csv",
		Map: map[string]string{"A": "name", "NotAColumn": "email"}})
	wantErr(t, err, `in.csv: --map names a column "NotAColumn" that is not in the header (columns: A, B, C)`)

	// Columns match after folding, as in the header mapping.
	res := readAll(t, "E Mail,Şirket Adı,X\na@x,Acme,Ada\n", Options{Kind: KindContacts, Format: FormatCSV,
		Map: map[string]string{"e-mail": "email", "SIRKET_ADI": "-", "x": "name"}})
	if len(res.recs) != 1 || !equalFields(res.recs[0].Fields, map[string]string{"email": "a@x", "name": "Ada"}) {
		t.Errorf("folded --map columns: %v", res.recs)
	}

	// JSON keys are only known as records come: no check.
	res = readAll(t, `[{"name":"Ada"}]`, Options{Kind: KindContacts, Format: FormatJSON,
		Map: map[string]string{"NotAKey": "email"}})
	if len(res.recs) != 1 {
		t.Errorf("json: %v", res.recs)
	}
}

func TestCSVOldMacLineEnds(t *testing.T) {
	data := "Name,Email,Notes\rAda,ada@x,\"one\rtwo\"\r\rGrace,g@x,\"x\r\ny\"\rAlan,a@x,z\r"
	want := []Record{
		{Line: 2, Fields: map[string]string{"name": "Ada", "email": "ada@x", "notes": "one\ntwo"}},
		{Line: 5, Fields: map[string]string{"name": "Grace", "email": "g@x", "notes": "x\ny"}},
		{Line: 7, Fields: map[string]string{"name": "Alan", "email": "a@x", "notes": "z"}},
	}
	check := func(name string, r io.Reader) {
		t.Helper()
		res, err := tryReadAll(r, csvOpt(KindContacts))
		if err != nil || len(res.rowErrs) > 0 || len(res.recs) != len(want) {
			t.Fatalf("%s: error %v, row errors %v, records %v", name, err, res.rowErrs, res.recs)
		}
		for i, w := range want {
			if res.recs[i].Line != w.Line || !equalFields(res.recs[i].Fields, w.Fields) {
				t.Errorf("%s: record %d = %d %q, want %d %q", name, i, res.recs[i].Line, res.recs[i].Fields, w.Line, w.Fields)
			}
		}
	}
	check("whole", strings.NewReader(data))
	// Read a byte at a time, every CR is at the end of a read.
	check("one byte at a time", iotest.OneByteReader(strings.NewReader(data)))
	// A sep= line and the delimiter on it.
	res := readAll(t, "sep=;\rName;Email\rAda;a@x\r", csvOpt(KindContacts))
	if len(res.recs) != 1 || res.recs[0].Line != 3 || res.recs[0].Fields["email"] != "a@x" {
		t.Errorf("sep line: %v", res.recs)
	}
	// Windows-1254 and UTF-16 are decoded first.
	res = readAll(t, encode(t, charmap.Windows1254, "Ad;Soyad\rIşık;Şahin\rAda;Lovelace\r"),
		Options{Kind: KindContacts, Format: FormatCSV, Encoding: "windows-1254"})
	if len(res.recs) != 2 || res.recs[0].Fields["first_name"] != "Işık" || res.recs[1].Fields["last_name"] != "Lovelace" {
		t.Errorf("windows-1254: %v", res.recs)
	}
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range "Name\tE-mail\rIşık\tisik@x\r" {
		b.Write([]byte{byte(r), byte(r >> 8)})
	}
	res = readAll(t, b.String(), csvOpt(KindContacts))
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "Işık" || res.recs[0].Fields["email"] != "isik@x" {
		t.Errorf("utf-16: %v", res.recs)
	}
	// The line of bytes that are not UTF-8 counts lone CRs.
	_, err := tryReadAll(strings.NewReader("Name\rAda\r\r\nGr\xfdce\r"), csvOpt(KindContacts))
	wantErr(t, err, "in.csv line 4: not valid UTF-8")
}

func TestCRReader(t *testing.T) {
	for in, want := range map[string]string{
		"":               "",
		"a\rb":           "a\nb",
		"a\r\nb":         "a\r\nb",
		"a\r":            "a\n",
		"\r":             "\n",
		"\r\r\n\r":       "\n\r\n\n",
		"a\n\rb\r\r\r\n": "a\n\nb\n\n\r\n",
		"no line end":    "no line end",
	} {
		for _, oneByte := range []bool{false, true} {
			var src io.Reader = strings.NewReader(in)
			if oneByte {
				src = iotest.OneByteReader(src)
			}
			got, err := io.ReadAll(&crReader{br: bufio.NewReaderSize(src, 16)})
			if err != nil || string(got) != want {
				t.Errorf("crReader(%q) one byte %v = %q, %v; want %q", in, oneByte, got, err, want)
			}
		}
	}
	// An error met while peeking past a final CR is not lost.
	boom := errors.New("boom")
	got, err := io.ReadAll(&crReader{br: bufio.NewReaderSize(&errReader{data: "a\r", err: boom}, 16)})
	if string(got) != "a\n" || !errors.Is(err, boom) {
		t.Errorf("error after CR: %q, %v", got, err)
	}
}
