package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestGuardCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"plain":             "plain",
		"=SUM(A1)":          "'=SUM(A1)",
		"+cmd":              "'+cmd",
		"-cmd":              "'-cmd",
		"@SUM(A1)":          "'@SUM(A1)",
		"\tx":               "'\tx",
		"\rx":               "'\rx",
		"+90 532 000 11 22": "+90 532 000 11 22",
		"+1 (555) 010-0100": "+1 (555) 010-0100",
		"+1.555.0100":       "+1.555.0100",
		"+":                 "'+",
		"+ ":                "'+ ",
		"-12.50":            "-12.50",
		"+3":                "+3",
		"-":                 "'-",
		"-1.":               "'-1.",
		"-1+1":              "'-1+1",
		"'=x":               "''=x",
		"'hello":            "'hello",
		"'":                 "'",
		"a=b":               "a=b",
	} {
		got := guardCell(in)
		if got != want {
			t.Errorf("guardCell(%q) = %q, want %q", in, got, want)
		}
		if in == strings.TrimSpace(in) && unguard(got) != in {
			t.Errorf("unguard(guardCell(%q)) = %q", in, unguard(got))
		}
	}
}

func TestNewWriterChecks(t *testing.T) {
	var buf bytes.Buffer
	_, err := NewWriter(&buf, KindDeals, FormatVCF, "")
	if err == nil || err.Error() != "deals cannot be exported as vCard; use csv or json" {
		t.Errorf("deals vcf: %v", err)
	}
	_, err = NewWriter(&buf, KindContacts, FormatVCF, "2.1")
	if err == nil || !strings.Contains(err.Error(), "4.0 or 3.0") {
		t.Errorf("vcard 2.1: %v", err)
	}
	if _, err = NewWriter(&buf, "people", FormatCSV, ""); err == nil {
		t.Error("unknown kind: no error")
	}
	if _, err = NewWriter(&buf, KindContacts, "xml", ""); err == nil {
		t.Error("unknown format: no error")
	}
}

func TestWriterOutput(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, KindAccounts, FormatCSV, "")
	if err := w.Write(Record{Fields: map[string]string{"name": "Acme", "phone": "+1 555", "notes": "a\r\nb", "bogus": "x"}}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	want := "name,domain,industry,phone,website,address,external_id,tags,notes,owner\nAcme,,,+1 555,,,,,\"a\nb\",\n"
	if buf.String() != want {
		t.Errorf("csv:\n%q\nwant\n%q", buf.String(), want)
	}
	if err := w.Write(Record{}); !errors.Is(err, errClosed) {
		t.Errorf("write after close: %v", err)
	}

	buf.Reset()
	w, _ = NewWriter(&buf, KindContacts, FormatJSON, "")
	w.Close()
	if buf.String() != "[\n]\n" {
		t.Errorf("empty json %q", buf.String())
	}
	buf.Reset()
	w, _ = NewWriter(&buf, KindContacts, FormatJSON, "")
	w.Write(Record{Fields: map[string]string{"name": "<A&B>", "tags": "x, ,y", "custom.b": "2", "custom.a": "1"}})
	w.Write(Record{Fields: map[string]string{}})
	w.Close()
	want = "[\n{\"name\":\"<A&B>\",\"tags\":[\"x\",\"y\"],\"custom\":{\"a\":\"1\",\"b\":\"2\"}},\n{}\n]\n"
	if buf.String() != want {
		t.Errorf("json:\n%s\nwant\n%s", buf.String(), want)
	}
	res := readAll(t, buf.String(), jsonOpt(KindContacts))
	if len(res.recs) != 2 || !equalFields(res.recs[0].Fields, map[string]string{"name": "<A&B>", "tags": "x, y", "custom.a": "1", "custom.b": "2"}) {
		t.Errorf("json read back: %v", res.recs)
	}

	buf.Reset()
	w, _ = NewWriter(&buf, KindAccounts, FormatVCF, "")
	w.Write(Record{Fields: map[string]string{"name": "Acme"}})
	w.Close()
	want = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Acme\r\nKIND:org\r\nORG:Acme\r\nEND:VCARD\r\n"
	if buf.String() != want {
		t.Errorf("vcf:\n%q\nwant\n%q", buf.String(), want)
	}
}
