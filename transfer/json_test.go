package transfer

import (
	"io"
	"strings"
	"testing"
)

func jsonOpt(k Kind) Options { return Options{Kind: k, Format: FormatJSON, Name: "in.json"} }

func TestJSONArray(t *testing.T) {
	res := readAll(t, readFile(t, "contacts.json"), jsonOpt(KindContacts))
	if len(res.recs) != 2 || len(res.rowErrs) != 0 {
		t.Fatalf("records %v errors %v", res.recs, res.rowErrs)
	}
	want := map[string]string{
		"first_name": "Işık", "last_name": "Şahin", "email": "isik@example.com.tr", "phone": "+90 532 000 11 22",
		"account": "Boğaziçi Danışmanlık", "tags": "vip, istanbul",
		"custom.segment": "A", "custom.employees": "42", "custom.active": "true",
	}
	if res.recs[0].Line != 2 || !equalFields(res.recs[0].Fields, want) {
		t.Errorf("line %d\n got %q\nwant %q", res.recs[0].Line, res.recs[0].Fields, want)
	}
	if res.recs[1].Line != 16 || res.recs[1].Fields["notes"] != "Line 1\nLine 2" {
		t.Errorf("second: %v", res.recs[1])
	}
	want2 := []Column{{"id", ""}, {"first_name", "first_name"}, {"last_name", "last_name"}}
	for i, c := range want2 {
		if res.cols[i] != c {
			t.Errorf("column %d = %v, want %v", i, res.cols[i], c)
		}
	}
	// Leads have no custom fields; the object is still read.
	res = readAll(t, `[{"name":"A","custom":{"x":"y"}}]`, jsonOpt(KindLeads))
	if len(res.recs) != 1 || !equalFields(res.recs[0].Fields, map[string]string{"name": "A"}) {
		t.Errorf("lead with custom: %v", res.recs)
	}
}

func TestJSONWrappedAndNDJSON(t *testing.T) {
	res := readAll(t, readFile(t, "wrapped.json"), jsonOpt(KindContacts))
	if len(res.recs) != 2 || res.recs[0].Line != 2 || res.recs[1].Line != 4 ||
		!equalFields(res.recs[1].Fields, map[string]string{"name": "Grace Hopper", "phone": "5550100"}) {
		t.Errorf("records %v", res.recs)
	}
	if len(res.rowErrs) != 1 || res.rowErrs[0].Error() != "line 3: expected a JSON object" {
		t.Errorf("row errors %v", res.rowErrs)
	}

	res = readAll(t, readFile(t, "contacts.ndjson"), jsonOpt(KindContacts))
	if len(res.recs) != 3 {
		t.Fatalf("records %v errors %v", res.recs, res.rowErrs)
	}
	wants := []struct {
		line   int
		fields map[string]string
	}{
		{1, map[string]string{"name": "Ayşe Yılmaz", "email": "ayse@example.com"}},
		{3, map[string]string{"first_name": "Can", "last_name": "Demir", "account": "Firma Ltd."}},
		{5, map[string]string{"name": "Zeynep", "tags": "a, b", "email": "z@example.com", "other_emails": "zeynep@example.org"}},
	}
	for i, w := range wants {
		if res.recs[i].Line != w.line || !equalFields(res.recs[i].Fields, w.fields) {
			t.Errorf("record %d: %v, want %d %q", i, res.recs[i], w.line, w.fields)
		}
	}
	if len(res.rowErrs) != 2 || res.rowErrs[0].Line != 4 {
		t.Errorf("row errors %v", res.rowErrs)
	}

	// Shapes that are not wrappers.
	for _, tc := range []struct {
		data string
		want []map[string]string
	}{
		{`{"tags": ["a", "b"], "name": "X"}`, []map[string]string{{"tags": "a, b", "name": "X"}}},
		{`{"aliases": ["a", "b"], "name": "X"}`, []map[string]string{{"name": "X"}}},
		{`{"data": [], "total": 0}`, nil},
		{`{}`, []map[string]string{{}}},
		{`{"people": [{"name": "A"}, {"name": "B"}]} {"name": "C"}`, []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}}},
		{`[] [{"name": "A"}]`, []map[string]string{{"name": "A"}}},
	} {
		res := readAll(t, tc.data, jsonOpt(KindContacts))
		if len(res.recs) != len(tc.want) || len(res.rowErrs) > 0 {
			t.Errorf("%s: records %v errors %v", tc.data, res.recs, res.rowErrs)
			continue
		}
		for i, w := range tc.want {
			if !equalFields(res.recs[i].Fields, w) {
				t.Errorf("%s: record %d %q, want %q", tc.data, i, res.recs[i].Fields, w)
			}
		}
	}
}

func TestJSONBadValues(t *testing.T) {
	data := `[
{"name": "Good", "email": "g@x"},
{"name": "Nested", "email": {"work": "n@x"}},
{"name": "Deep", "custom": {"a": {"b": 1}}},
{"name": "List in list", "tags": [["a"]]},
{"name": "Bell\u0007"},
42,
"text",
[{"name": "inside"}],
{"name": "Null", "email": null, "unknown": {"deep": [1, {"x": 2}]}},
{"name": "Last", "phone": 123.50, "title": true}
]`
	res := readAll(t, data, jsonOpt(KindContacts))
	var names []string
	for _, r := range res.recs {
		names = append(names, r.Fields["name"])
	}
	if strings.Join(names, "|") != "Good|Null|Last" {
		t.Errorf("records %v", res.recs)
	}
	if f := res.recs[2].Fields; f["phone"] != "123.50" || f["title"] != "true" || res.recs[2].Line != 11 {
		t.Errorf("last: %v", res.recs[2])
	}
	want := []string{
		"line 3: email: a nested object or array is not a value",
		"line 4: custom.a: a nested object or array is not a value",
		"line 5: tags: a nested object or array is not a value",
		"line 6: name: contains a control character (U+0007)",
		"line 7: expected a JSON object",
		"line 8: expected a JSON object",
		"line 9: expected a JSON object",
	}
	if len(res.rowErrs) != len(want) {
		t.Fatalf("row errors %v, want %q", res.rowErrs, want)
	}
	for i, w := range want {
		if res.rowErrs[i].Error() != w {
			t.Errorf("row error %d = %q, want %q", i, res.rowErrs[i], w)
		}
	}
}

func TestJSONInvalid(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"[\n{\"name\": \"A\"},\n{\"name\": \"B\",,}\n]", "in.json line 3: invalid JSON"},
		{"[\n{\"name\": \"A\"},\n{\"name\": \"B\"", "in.json line 3: the JSON ends in the middle of a value"},
		{"{\"name\": \"A\"}\n\n{\"name\" \"B\"}", "in.json line 3: invalid JSON"},
		{"[\n{\"name\": \"A\"}\n]\n]", "in.json line 4: invalid JSON"},
		{"name,email\nA,a@x\n", "in.json line 1: invalid JSON"},
		{"[\n{\"name\": \"A\"},\n{\"name\": \"\\q\"}\n]", "in.json line 3: invalid JSON"},
	} {
		res, err := tryReadAll(strings.NewReader(tc.data), jsonOpt(KindContacts))
		wantErr(t, err, tc.want)
		if strings.Contains(tc.data, `"A"}`) && len(res.recs) != 1 {
			t.Errorf("%q: records before the error %v", tc.data, res.recs)
		}
	}
	// A value longer than 1 MiB is fatal, without reading it all.
	r := io.MultiReader(strings.NewReader("[{\"name\":\"A\"},\n{\"notes\": \""), &repeatReader{b: 'n', n: 50 << 20})
	res, err := tryReadAll(r, jsonOpt(KindContacts))
	wantErr(t, err, "in.json line 2: a JSON value longer than 1 MiB")
	if len(res.recs) != 1 {
		t.Errorf("records before the long one: %v", res.recs)
	}
	// Big objects one after another are fine.
	big := `{"name":"B","notes":"` + strings.Repeat("x", 900<<10) + `"}`
	res = readAll(t, "["+big+",\n"+big+",\n"+big+"]", jsonOpt(KindContacts))
	if len(res.recs) != 3 || res.recs[2].Line != 3 {
		t.Errorf("big objects: %d records", len(res.recs))
	}
}
