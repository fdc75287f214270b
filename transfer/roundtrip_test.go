package transfer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"
)

// fullRecords returns records of kind k with every field set, holding the
// text that is hard to carry: Turkish and German letters, commas, quotes,
// newlines, a phone starting with '+' and a note starting with '='.
func fullRecords(k Kind) []Record {
	var recs []Record
	for i, fields := range []map[string]string{
		{
			"first_name": "Işık", "last_name": "Şahin-Öztürk", "name": "Dr. Işık Şahin",
			"email": "isik@example.com.tr", "other_emails": "isik.sahin@example.com, is@example.org",
			"phone": "+90 532 000 11 22", "other_phones": "+90 (212) 000-33-44, 0212 555 66 77",
			"title": `Kıdemli "Baş" Danışman`, "account": "Boğaziçi Danışmanlık, Ltd.", "company": "Müller & Söhne GmbH",
			"website": "https://example.com.tr/a?b=c,d", "address": "Büyükdere Cad. No:1, 34394 Şişli, İstanbul\nTürkiye",
			"tags": "vip, İstanbul, größe", "notes": "=SUM(A1)\nSecond line, with \"quotes\" and a comma; and a semicolon",
			"source": "fuar 2024", "owner": "ayşe@rolo.test", "status": "disqualified", "domain": "example.com.tr",
			"disqualify_reason": "Bütçe yok; \"next year\", maybe\nsecond line",
			"industry":          "Lojistik", "external_id": "-12.50",
			"id": "42", "contact": "Jürgen Müller", "pipeline": "Satış", "stage": "Teklif", "amount": "1234.50",
			"currency": "TRY", "probability": "60", "close_date": "2025-06-30", "lost_reason": "+fiyat",
			"created_at": "2025-01-02T03:04:05Z", "closed_at": "2025-07-01T00:00:00Z",
		},
		{
			"first_name": "Jürgen", "last_name": "Müller", "email": "juergen@example.de", "phone": "+49 89 1234567",
			"notes": "@mention -minus +plus", "tags": "a", "title": "'=quoted", "account": "Straße AG",
			"name": "Größe GmbH", "company": "Straße AG", "id": "7", "amount": "-5", "lost_reason": "-",
			"disqualify_reason": "=no budget",
		},
	} {
		f := map[string]string{}
		for _, name := range Fields(k) {
			if v, ok := fields[name]; ok {
				f[name] = v
			}
		}
		recs = append(recs, Record{Line: i, Fields: f})
	}
	return recs
}

func TestRoundTrip(t *testing.T) {
	type format struct {
		f       Format
		version string
	}
	formats := []format{{FormatCSV, ""}, {FormatJSON, ""}, {FormatVCF, "4.0"}, {FormatVCF, "3.0"}}
	for _, k := range []Kind{KindContacts, KindAccounts, KindLeads, KindDeals} {
		for _, fm := range formats {
			t.Run(fmt.Sprintf("%s/%s%s", k, fm.f, fm.version), func(t *testing.T) {
				if k == KindDeals && fm.f == FormatVCF {
					if _, err := NewWriter(&bytes.Buffer{}, k, fm.f, fm.version); err == nil {
						t.Fatal("deals as vCard: no error")
					}
					return
				}
				var buf bytes.Buffer
				w, err := NewWriter(&buf, k, fm.f, fm.version)
				if err != nil {
					t.Fatal(err)
				}
				want := fullRecords(k)
				for _, rec := range want {
					if err := w.Write(rec); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if k == KindDeals {
					// Deals are export only; check the file parses with
					// the reader of another kind's machinery instead.
					checkDealsExport(t, fm.f, buf.Bytes(), want)
					return
				}
				res := readAll(t, buf.String(), Options{Kind: k, Format: fm.f, Name: "roundtrip"})
				if len(res.rowErrs) > 0 {
					t.Fatalf("row errors: %v\n%s", res.rowErrs, buf.String())
				}
				if len(res.recs) != len(want) {
					t.Fatalf("read %d records, want %d\n%s", len(res.recs), len(want), buf.String())
				}
				for i := range want {
					if !maps.Equal(res.recs[i].Fields, want[i].Fields) {
						t.Errorf("record %d:\n got %q\nwant %q\nfile:\n%s", i, res.recs[i].Fields, want[i].Fields, buf.String())
					}
				}
			})
		}
	}
}

// checkDealsExport parses a deals export with the standard library, as a
// spreadsheet or a script would, and compares it with what was written.
func checkDealsExport(t *testing.T, f Format, data []byte, want []Record) {
	t.Helper()
	var got []map[string]string
	switch f {
	case FormatCSV:
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], Fields(KindDeals)) {
			t.Fatalf("header %q", rows[0])
		}
		for _, row := range rows[1:] {
			m := map[string]string{}
			for i, v := range row {
				if v = unguard(v); v != "" {
					m[rows[0][i]] = v
				}
			}
			got = append(got, m)
		}
	case FormatJSON:
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d deals, want %d", len(got), len(want))
	}
	for i := range want {
		if !maps.Equal(got[i], want[i].Fields) {
			t.Errorf("deal %d:\n got %q\nwant %q", i, got[i], want[i].Fields)
		}
	}
}
