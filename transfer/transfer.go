// Package transfer reads and writes the outside file formats rolo imports
// from and exports to: CSV (with the column names of Google Contacts,
// Outlook, common CRMs and Turkish spreadsheets), vCard 2.1/3.0/4.0 and
// JSON (an array, an object wrapping an array, or one object per line).
//
// Readers stream: they hold one record (capped at 1 MiB) in memory, never
// the whole file. Each Record carries the canonical field names of its Kind
// (see Fields) and the line it started on, so the caller can report
// problems the way a person finds them in an editor. A bad record is a
// *RowError and reading goes on; anything else a Reader returns is fatal
// for the file.
//
// Writers take records with the same canonical field names, so a file
// exported by rolo imports back to the same fields.
package transfer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Kind is the kind of record a file holds.
type Kind string

// The kinds of record rolo imports and exports. Deals are export only.
const (
	KindContacts Kind = "contacts"
	KindAccounts Kind = "accounts"
	KindLeads    Kind = "leads"
	KindDeals    Kind = "deals"
)

// Format is a file format.
type Format string

// The file formats.
const (
	FormatCSV  Format = "csv"
	FormatVCF  Format = "vcf"
	FormatJSON Format = "json"
)

// DetectFormat returns the format of the file at path. A non-empty flag (the
// value of --format) wins: "csv", "vcf" or "vcard", "json". Without it the
// extension decides: .csv, .tsv and .txt are CSV; .vcf and .vcard are vCard;
// .json, .ndjson and .jsonl are JSON.
func DetectFormat(path, flag string) (Format, error) {
	if flag != "" {
		switch strings.ToLower(strings.TrimSpace(flag)) {
		case "csv":
			return FormatCSV, nil
		case "vcf", "vcard":
			return FormatVCF, nil
		case "json":
			return FormatJSON, nil
		}
		return "", fmt.Errorf("unknown format %q (--format); choose csv, vcf or json", flag)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		return FormatCSV, nil
	case ".vcf", ".vcard":
		return FormatVCF, nil
	case ".json", ".ndjson", ".jsonl":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("cannot tell the format of %s from its extension; pass --format csv|vcf|json", path)
}

// Options says how to read a file.
type Options struct {
	// Kind is the kind of record the file holds. Deals cannot be imported.
	Kind Kind
	// Format is the file's format, usually from DetectFormat.
	Format Format
	// Encoding names the file's character set: "" means UTF-8 (a leading
	// byte order mark is skipped; a UTF-16 byte order mark switches to
	// UTF-16). Other names such as windows-1254, iso-8859-9, windows-1252
	// or latin1 are looked up case-insensitively in the IANA and WHATWG
	// registries.
	Encoding string
	// Map maps a CSV column or JSON key to a canonical field of Kind,
	// overriding the built-in synonyms. Keys match after folding case,
	// accents, spaces and punctuation; a value of "" or "-" ignores the
	// column. Values may also be "custom.<name>" for contacts and accounts.
	// For CSV every key must match a header column; NewReader says which
	// does not.
	Map map[string]string
	// Delimiter is the CSV field separator. 0 detects ',', ';' or tab from
	// the header line; '|' is accepted when given explicitly.
	Delimiter rune
	// Name is the file name used in error messages.
	Name string
}

// Record is one imported row, card or object.
type Record struct {
	// Line is the 1-based line of the file where the record starts: for CSV
	// the physical line (quoted newlines count), for vCard the BEGIN:VCARD
	// line, for JSON the line of the object's '{'.
	Line int
	// Fields maps canonical field names (see Fields) and "custom.<name>"
	// keys to trimmed, non-empty values. List fields (tags, other_emails,
	// other_phones) hold items joined with ", ".
	Fields map[string]string
}

// Reader reads records from a file.
type Reader interface {
	// Next returns the next record, or io.EOF after the last one. A
	// *RowError means this record is bad and was skipped; the caller may
	// call Next again. Any other error is fatal for the file.
	Next() (Record, error)
	// Columns describes how the file's columns map to fields: the CSV
	// header, the JSON keys seen so far, or the vCard properties used.
	Columns() []Column
}

// Column describes one column of a file and the field it maps to.
type Column struct {
	Name  string `json:"name"`  // as written in the file
	Field string `json:"field"` // canonical field, "" when the column is ignored
}

// RowError reports a bad record. Reading can go on with the next one.
type RowError struct {
	Line  int    // the line where the record starts
	Field string // canonical field, or "" when the whole record is bad
	Err   error
}

// Error returns "line 12: email: <msg>" or "line 12: <msg>".
func (e *RowError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("line %d: %s: %v", e.Line, e.Field, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

func rowErr(line int, field, format string, args ...any) *RowError {
	return &RowError{Line: line, Field: field, Err: fmt.Errorf(format, args...)}
}

var kindFields = map[Kind][]string{
	KindContacts: {"first_name", "last_name", "name", "email", "other_emails", "phone", "other_phones",
		"title", "account", "website", "address", "tags", "notes", "source", "owner"},
	KindAccounts: {"name", "domain", "industry", "phone", "website", "address", "external_id", "tags", "notes", "owner"},
	KindLeads: {"name", "company", "title", "email", "phone", "source", "status", "disqualify_reason", "notes",
		"owner", "tags"},
	KindDeals: {"id", "title", "account", "contact", "pipeline", "stage", "status", "amount", "currency",
		"probability", "close_date", "owner", "lost_reason", "created_at", "closed_at"},
}

// Fields lists the canonical fields of a kind in export column order. It
// returns nil for an unknown kind.
func Fields(k Kind) []string {
	return append([]string(nil), kindFields[k]...)
}

// hasField reports whether field is a canonical field of k.
func hasField(k Kind, field string) bool {
	for _, f := range kindFields[k] {
		if f == field {
			return true
		}
	}
	return false
}

// allowsCustom reports whether records of k may carry custom.<name> keys.
func allowsCustom(k Kind) bool { return k == KindContacts || k == KindAccounts }

// isListField reports whether field holds a comma-separated list.
func isListField(field string) bool {
	return field == "tags" || field == "other_emails" || field == "other_phones"
}

func checkKind(k Kind) error {
	if _, ok := kindFields[k]; !ok {
		return fmt.Errorf("unknown kind %q; choose contacts, accounts, leads or deals", k)
	}
	return nil
}

// NewReader starts reading a file: it checks the encoding, rejects empty
// and binary files, and for CSV reads the header and maps its columns.
func NewReader(r io.Reader, opt Options) (Reader, error) {
	if err := checkKind(opt.Kind); err != nil {
		return nil, err
	}
	if opt.Kind == KindDeals {
		return nil, errors.New("deals cannot be imported; import contacts, accounts or leads")
	}
	name := opt.Name
	if name == "" {
		name = "input"
	}
	m, err := newMapper(opt.Kind, opt.Map)
	if err != nil {
		return nil, err
	}
	var label string
	switch opt.Format {
	case FormatCSV:
		label = "CSV"
	case FormatVCF:
		label = "a vCard file"
	case FormatJSON:
		label = "JSON"
	case "":
		return nil, errors.New("no format given; choose csv, vcf or json")
	default:
		return nil, fmt.Errorf("unknown format %q; choose csv, vcf or json", opt.Format)
	}
	in, err := openInput(r, name, opt.Encoding, label)
	if err != nil {
		return nil, err
	}
	if opt.Format != FormatJSON {
		// Old Mac files end their lines in a lone CR.
		in = bufio.NewReaderSize(&crReader{br: in}, bufSize)
	}
	switch opt.Format {
	case FormatCSV:
		return newCSVReader(in, name, opt, m)
	case FormatVCF:
		return newVCardReader(in, name, opt.Kind)
	default:
		return newJSONReader(in, name, opt.Kind, m), nil
	}
}
