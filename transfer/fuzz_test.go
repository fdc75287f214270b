package transfer

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var importKinds = []Kind{KindContacts, KindAccounts, KindLeads}

// addSeeds adds the test files with the given extensions to the corpus.
func addSeeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// checkRead reads data with opt and checks what a caller relies on: no
// panic, the reader stops, and every record holds valid UTF-8 under the
// canonical field names of its kind, trimmed, non-empty and free of
// control characters.
func checkRead(t *testing.T, data []byte, opt Options) {
	res, err := tryReadAll(bytes.NewReader(data), opt)
	if err != nil && strings.Contains(err.Error(), "does not stop") {
		t.Fatal(err)
	}
	var re *RowError
	if errors.As(err, &re) {
		t.Fatalf("NewReader or a fatal error returned a row error: %v", err)
	}
	for _, rec := range res.recs {
		if rec.Line < 1 {
			t.Errorf("record line %d", rec.Line)
		}
		for k, v := range rec.Fields {
			custom := allowsCustom(opt.Kind) && strings.HasPrefix(k, "custom.") && len(k) > len("custom.")
			if !hasField(opt.Kind, k) && !custom {
				t.Errorf("field %q is not a field of %s", k, opt.Kind)
			}
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Errorf("invalid UTF-8 in %q: %q", k, v)
			}
			if v == "" || v != strings.TrimSpace(v) {
				t.Errorf("field %s: untrimmed or empty value %q", k, v)
			}
			if c, ok := controlChar(v); ok {
				t.Errorf("field %s: control character %U in %q", k, c, v)
			}
		}
	}
	for _, e := range res.rowErrs {
		if e.Line < 1 || e.Err == nil {
			t.Errorf("row error %#v", e)
		}
	}
	for _, c := range res.cols {
		if c.Field != "" && !hasField(opt.Kind, c.Field) && !strings.HasPrefix(c.Field, "custom.") {
			t.Errorf("column %q maps to %q", c.Name, c.Field)
		}
	}
}

func FuzzCSVReader(f *testing.F) {
	addSeeds(f, ".csv")
	for _, s := range []string{
		"", "\uFEFF", "sep=;\nName;Email\nA;a@x\n", "Name\tEmail\n\"a\nb\"\tc\n", "Name,Notes\nA,'=1\n",
		"Name,Email\nA,\"unterminated\n", "Name,Email,Email\nA,a@x ::: b@x,c@x\n", "\xff\xfeN\x00a\x00m\x00e\x00\n\x00",
		"Ad;Soyad\n\xdd\xfe\n", "Business Street,Business City,Name\nx,y,z\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range importKinds {
			checkRead(t, data, Options{Kind: k, Format: FormatCSV, Name: "fuzz.csv"})
		}
		checkRead(t, data, Options{Kind: KindContacts, Format: FormatCSV, Encoding: "windows-1254"})
	})
}

func FuzzCSVMapping(f *testing.F) {
	for _, s := range []string{
		"First Name|Last Name|E-mail 2 - Value|Address 3 - City|Phone 99999999999 - Value",
		"Ad|Soyad|E-posta|Şirket|Telefon|İsim Soyisim", "custom.|custom. x |CUSTOM.y", "Title|Job Title|title",
		"|||", "\x00\xff|ǅ|ﬁrst name|ＦＩＲＳＴ ＮＡＭＥ",
	} {
		f.Add(s, "Mail")
	}
	f.Fuzz(func(t *testing.T, header, mapKey string) {
		cells := strings.Split(header, "|")
		for _, k := range importKinds {
			over := map[string]string{header: "-", mapKey: "email"}
			if mapKey == header {
				over = map[string]string{mapKey: "email"}
			}
			m, err := newMapper(k, over)
			if k == KindAccounts {
				if err == nil {
					t.Fatal("accounts have no email, yet --map to email passed")
				}
				m, err = newMapper(k, map[string]string{mapKey: "name"})
			}
			if err != nil {
				t.Fatal(err)
			}
			targets := m.mapHeader(cells)
			if len(targets) != len(cells) {
				t.Fatalf("%d targets for %d cells", len(targets), len(cells))
			}
			for i, tg := range targets {
				if tg.field == "" {
					continue
				}
				custom := allowsCustom(k) && strings.HasPrefix(tg.field, "custom.") && len(tg.field) > len("custom.")
				if !hasField(k, tg.field) && !custom && !(k == KindLeads && tg.field == "name") {
					t.Errorf("%s: column %q maps to %q", k, cells[i], tg.field)
				}
				if tg.role == roleAddr && (tg.group < 0 || tg.group >= addrGroups || tg.part < 0 || tg.part >= addrParts) {
					t.Errorf("column %q: address target %+v", cells[i], tg)
				}
			}
		}
	})
}

func FuzzVCardReader(f *testing.F) {
	addSeeds(f, ".vcf")
	for _, s := range []string{
		"BEGIN:VCARD\nFN:a\nEND:VCARD\n", "BEGIN:VCARD\nN;QUOTED-PRINTABLE:=C3=\n=96\nEND:VCARD",
		"BEGIN:VCARD\nEMAIL;TYPE=\"a,b\";PREF=x:a@x\nEND:VCARD", "begin:vcard\r\n fn:x\r\nend:vcard",
		"BEGIN:VCARD\nPHOTO:x\n abc\nQUJD\n\nTEL:1\nEND:VCARD",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range importKinds {
			checkRead(t, data, Options{Kind: k, Format: FormatVCF, Name: "fuzz.vcf"})
		}
	})
}

func FuzzJSONReader(f *testing.F) {
	addSeeds(f, ".json", ".ndjson")
	for _, s := range []string{
		`[]`, `{}`, `{"a":[]}`, `{"a":[1]}`, `{"a":[{"name":"x"}],"b":{"c":[]}}`, `[{"custom":{"":1,"x":[1]}}]`,
		`{"name":"a"}{"name":"b"}`, `[{"email":["a","b",{"c":1}]}]`, `"x"`, `[[[[]]]]`, `{"tags":{"a":1}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range importKinds {
			checkRead(t, data, Options{Kind: k, Format: FormatJSON, Name: "fuzz.json"})
		}
	})
}

// FuzzRoundTrip writes a contact holding arbitrary text as CSV and JSON
// and reads it back: every value must survive (trimmed, with line breaks
// as "\n", lists normalised).
func FuzzRoundTrip(f *testing.F) {
	f.Add("Işık Şahin", "=SUM(A1)\r\nline 2, \"quoted\"", "+90 532", "a, b,,c")
	f.Add("'=x", "''@y", "-12.50", "* starred ::: x")
	f.Fuzz(func(t *testing.T, name, notes, phone, tags string) {
		norm := func(s string) string {
			return strings.TrimSpace(normalizeNewlines(strings.ToValidUTF8(s, "\uFFFD")))
		}
		fields := map[string]string{"name": norm(name), "notes": norm(notes), "phone": norm(phone),
			"tags": strings.Join(splitList(norm(tags), ","), ", "), "custom.x": norm(name)}
		for k, v := range fields {
			if _, bad := controlChar(v); bad || v == "" {
				delete(fields, k)
			}
		}
		if fields["phone"] != "" && strings.Contains(fields["phone"], ":::") {
			delete(fields, "phone")
		}
		for _, fm := range []Format{FormatCSV, FormatJSON} {
			var buf bytes.Buffer
			w, _ := NewWriter(&buf, KindContacts, fm, "")
			if err := w.Write(Record{Fields: fields}); err != nil {
				t.Fatal(err)
			}
			w.Close()
			want := maps.Clone(fields)
			if fm == FormatCSV {
				delete(want, "custom.x")
			}
			res, err := tryReadAll(bytes.NewReader(buf.Bytes()), Options{Kind: KindContacts, Format: fm})
			if len(want) == 0 {
				continue // a file with nothing in it may well be refused
			}
			if err != nil || len(res.rowErrs) > 0 || len(res.recs) != 1 {
				t.Fatalf("%s: %v %v %v\n%q", fm, err, res.rowErrs, res.recs, buf.String())
			}
			if !maps.Equal(res.recs[0].Fields, want) {
				t.Errorf("%s:\n got %q\nwant %q\nfile %q", fm, res.recs[0].Fields, want, buf.String())
			}
		}
	})
}
