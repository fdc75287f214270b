package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
	"rolo/transfer"
)

// splitList reads a comma-separated list field.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// customOf collects custom.<x> fields and the contact fields rolo keeps as
// custom fields (other emails and phones, website, address).
func customOf(f map[string]string, extra ...string) map[string]string {
	out := map[string]string{}
	for k, v := range f {
		if name, ok := strings.CutPrefix(k, "custom."); ok && name != "" {
			out[name] = v
		}
	}
	for _, k := range extra {
		if v := f[k]; v != "" {
			out[k] = v
		}
	}
	return out
}

// importItem turns a record read from a file into the model record the
// store imports.
func importItem(kind transfer.Kind, rec transfer.Record) store.ImportItem {
	item := store.ImportItem{Line: rec.Line}
	f := rec.Fields
	item.Owner = f["owner"]
	item.Region = model.RegionOfAddress(f["address"])
	switch kind {
	case transfer.KindContacts:
		c := model.Contact{FirstName: f["first_name"], LastName: f["last_name"], Email: f["email"], Phone: f["phone"],
			Title: f["title"], AccountName: f["account"], Tags: splitList(f["tags"]), Notes: f["notes"], Source: f["source"],
			Custom: customOf(f, "other_emails", "other_phones", "website", "address")}
		if c.FirstName == "" && c.LastName == "" {
			c.FirstName, c.LastName = model.SplitName(f["name"])
		}
		item.Contact = &c
	case transfer.KindAccounts:
		a := model.Account{Name: f["name"], Domain: f["domain"], Industry: f["industry"], Phone: f["phone"],
			Website: f["website"], Address: f["address"], ExternalID: f["external_id"], Tags: splitList(f["tags"]),
			Notes: f["notes"], Custom: customOf(f)}
		item.Account = &a
	case transfer.KindLeads:
		l := model.Lead{Name: f["name"], Company: f["company"], Title: f["title"], Email: f["email"], Phone: f["phone"],
			Source: f["source"], Tags: splitList(f["tags"]), Notes: f["notes"]}
		if l.Name == "" {
			l.Name = strings.TrimSpace(f["first_name"] + " " + f["last_name"])
		}
		l.Reason = f["disqualify_reason"]
		if st := f["status"]; st != "" {
			s, ok := model.LeadStatusFromCRM(st)
			if !ok {
				s = model.LeadNew
				item.Note = fmt.Sprintf("status %q is not one rolo knows (%s): imported as new", st, strings.Join(model.LeadStatuses, ", "))
			}
			l.Status = s
			if s == model.LeadDisqualified && l.Reason == "" {
				l.Reason = st // the other CRM's status says why
			}
		}
		item.Lead = &l
	}
	return item
}

func (a *app) importCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import contacts|accounts|leads FILE | import list | import undo BATCH",
		Short: "Bring contacts, accounts or leads from CSV, vCard or JSON files",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	for _, k := range []transfer.Kind{transfer.KindContacts, transfer.KindAccounts, transfer.KindLeads} {
		cmd.AddCommand(a.importKindCmd(k))
	}
	cmd.AddCommand(a.importListCmd(), a.importUndoCmd())
	return cmd
}

func (a *app) importKindCmd(kind transfer.Kind) *cobra.Command {
	var format, encoding, onDup, delimiter string
	var maps []string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   string(kind) + " FILE [--format csv|vcf|json] [--map column=field]... [--encoding NAME] [--dry-run] [--on-duplicate skip|update|merge|create]",
		Short: "Import " + string(kind) + " from a CSV, vCard or JSON file",
		Long: "import reads FILE (- for standard input, with --format) and writes its rows in one\n" +
			"transaction: one import batch, which `rolo import undo BATCH` removes again.\n\n" +
			"CSV headers map to fields by name in English and Turkish, including the exports\n" +
			"of Google Contacts, Outlook and common CRMs; --map column=field names others\n" +
			"(field \"-\" ignores a column). The delimiter (, ; or tab) is detected; UTF-8\n" +
			"with or without a BOM is read as is, other encodings with --encoding\n" +
			"(windows-1254, iso-8859-9, windows-1252). vCard 2.1, 3.0 and 4.0 are read.\n\n" +
			"Each row is checked against what is stored and the rows before it. A row with\n" +
			"the email or E.164 phone of an existing record (for accounts: the same name)\n" +
			"is a duplicate: --on-duplicate skip (default) leaves the record, update writes\n" +
			"the row's non-empty fields over it, merge fills only its empty fields, create\n" +
			"adds a second record. A similar name is a warning. A bad row is reported with\n" +
			"its line and field and left out; the other rows still import.\n\n" +
			"Fields: " + strings.Join(transfer.Fields(kind), ", "),
		Example: "  rolo import " + string(kind) + " google-contacts.csv --dry-run\n" +
			"  rolo import " + string(kind) + " export.csv --encoding windows-1254 --map \"Cep Tel=phone\"\n" +
			"  rolo import " + string(kind) + " phone.vcf --on-duplicate merge",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			fmtFlag := format
			if path == "-" && fmtFlag == "" {
				return usagef("reading standard input needs --format csv|vcf|json")
			}
			ff, err := transfer.DetectFormat(path, fmtFlag)
			if err != nil {
				return &usageError{err.Error()}
			}
			mapping := map[string]string{}
			for _, m := range maps {
				col, field, ok := strings.Cut(m, "=")
				if !ok || strings.TrimSpace(col) == "" {
					return usagef("--map %q: write column=field (field - ignores the column)", m)
				}
				mapping[strings.TrimSpace(col)] = strings.TrimSpace(field)
			}
			var delim rune
			switch delimiter {
			case "":
			case "tab", `\t`:
				delim = '\t'
			default:
				if len([]rune(delimiter)) != 1 {
					return usagef("--delimiter must be one character (or tab), not %q", delimiter)
				}
				delim = []rune(delimiter)[0]
			}
			var in io.Reader = cmd.InOrStdin()
			name := "standard input"
			if path != "-" {
				fh, err := os.Open(path)
				if errors.Is(err, os.ErrNotExist) {
					return &codedError{ExitNotFound, fmt.Errorf("no file %s", path)}
				}
				if err != nil {
					return fmt.Errorf("import: %w", err)
				}
				defer fh.Close()
				if st, err := fh.Stat(); err == nil && st.IsDir() {
					return usagef("%s is a directory, not a file", path)
				}
				in, name = fh, path
			}
			rd, err := transfer.NewReader(bufio.NewReaderSize(in, 64<<10), transfer.Options{Kind: kind, Format: ff,
				Encoding: encoding, Map: mapping, Delimiter: delim, Name: name})
			if err != nil {
				return &codedError{ExitUsage, err}
			}
			ctx := cmd.Context()
			a.noMap = true
			tightGC()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			return runImport(cmd, s, rd, kind, ff, name, onDup, dryRun, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "csv, vcf or json (default: from the file's extension)")
	fl.StringArrayVar(&maps, "map", nil, "column=field: read this CSV column (or JSON key) as this field; field - ignores it")
	fl.StringVar(&encoding, "encoding", "", "the file's character set when not UTF-8: windows-1254, iso-8859-9, windows-1252...")
	fl.StringVar(&delimiter, "delimiter", "", "CSV delimiter (default: detected among , ; and tab)")
	fl.StringVar(&onDup, "on-duplicate", store.OnDuplicateSkip, "what to do with a row that duplicates a record: skip, update, merge or create")
	fl.BoolVar(&dryRun, "dry-run", false, "show what would be created, updated and skipped, and write nothing")
	fl.BoolVar(&asJSON, "json", false, "print the result (and the rows that were not simply created) as JSON")
	return cmd
}

// importMemoryLimit is the Go heap an import aims to stay under.
const importMemoryLimit = 140 << 20

// tightGC makes the garbage collector of an import, or of its undo, work a
// little harder: they keep what is stored indexed in memory (about 80 MB
// for 200,000 people) and churn through short-lived rows. Measured on
// 100,000 rows this keeps the process under 200 MB resident (173 MB, from
// 316 MB) for about a tenth more time than the defaults.
func tightGC() {
	debug.SetGCPercent(75)
	debug.SetMemoryLimit(importMemoryLimit)
}

// rowMessages is how many rows of each kind (failed, skipped, updated,
// likely duplicate) an import names on stderr.
const rowMessages = 20

// fileError is a file that cannot be read on (bad encoding, not CSV):
// invalid input, exit 2.
type fileError struct{ err error }

func (e *fileError) Error() string { return e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

type importJSON struct {
	store.ImportResult
	Kind    string            `json:"kind"`
	File    string            `json:"file"`
	Columns []transfer.Column `json:"columns"`
	Rows    []store.ImportRow `json:"rows"`
}

func runImport(cmd *cobra.Command, s *Session, rd transfer.Reader, kind transfer.Kind, format transfer.Format, name, onDup string,
	dryRun, asJSON bool) error {
	ctx := cmd.Context()
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	next := func() (store.ImportItem, error) {
		rec, err := rd.Next()
		var re *transfer.RowError
		switch {
		case errors.As(err, &re):
			return store.ImportItem{Line: re.Line, Err: re}, nil
		case err == io.EOF:
			return store.ImportItem{}, err
		case err != nil:
			return store.ImportItem{}, &fileError{err}
		}
		return importItem(kind, rec), nil
	}
	var rows []store.ImportRow
	var table *table
	if dryRun && !asJSON {
		table = newTable(out, "LINE", "ACTION", "ID", "NAME", "WHY")
	}
	shown := map[string]int{}
	report := func(r store.ImportRow) {
		why := r.Reason
		if r.Warning != "" {
			why = strings.TrimPrefix(why+"; warning: "+r.Warning, "; ")
		}
		switch {
		case asJSON:
			if r.Action != store.RowCreated || r.Warning != "" || r.Note != "" {
				rows = append(rows, r)
			}
		case table != nil:
			id := ""
			if r.ID != 0 {
				id = strconv.FormatInt(r.ID, 10)
			}
			table.row(strconv.Itoa(r.Line), r.Action, id, r.Name, why)
		default:
			kind, msg := "", ""
			switch {
			case r.Action == store.RowFailed:
				kind, msg = "failed", strings.TrimPrefix(r.Reason, fmt.Sprintf("line %d: ", r.Line))
			case r.Action == store.RowSkipped:
				kind, msg = "skipped", fmt.Sprintf("skipped %s: %s", r.Name, r.Reason)
			case r.Action == store.RowUpdated:
				kind, msg = "updated", fmt.Sprintf("updated #%d %s: %s", r.ID, r.Name, r.Reason)
			case r.Warning != "":
				kind, msg = "likely duplicate", fmt.Sprintf("warning: %s may be a duplicate: %s", r.Name, r.Warning)
			}
			if r.Note != "" {
				fmt.Fprintf(errw, "%s line %d: %s\n", name, r.Line, model.Printable(r.Note))
			}
			if kind == "" {
				return
			}
			// A file of 100,000 rows must not bury the summary: each kind
			// of message is shown for the first rows only.
			if shown[kind]++; shown[kind] > rowMessages {
				return
			}
			fmt.Fprintf(errw, "%s line %d: %s\n", name, r.Line, model.Printable(msg))
		}
	}
	start := time.Now()
	res, err := s.Store.Import(ctx, store.ImportOptions{Kind: string(kind), File: filepath.Base(name), Format: string(format),
		OnDuplicate: onDup, DryRun: dryRun}, next, report)
	if err != nil {
		if errors.Is(err, model.ErrValidation) {
			return &usageError{strings.TrimPrefix(err.Error(), "on-duplicate: ") + " (--on-duplicate)"}
		}
		var fe *fileError
		if errors.As(err, &fe) {
			return &codedError{ExitUsage, fmt.Errorf("%w; nothing was imported", fe.err)}
		}
		return fmt.Errorf("%w; nothing was imported", err)
	}
	if table != nil {
		if err := table.flush(); err != nil {
			return err
		}
	}
	if asJSON {
		if rows == nil {
			rows = []store.ImportRow{}
		}
		if err := printJSON(out, importJSON{res, string(kind), name, rd.Columns(), rows}); err != nil {
			return err
		}
	}
	for _, kind := range []string{"failed", "skipped", "updated", "likely duplicate"} {
		if n := shown[kind] - rowMessages; n > 0 {
			fmt.Fprintf(errw, "... and %d more %s rows (--dry-run or --json lists every row)\n", n, kind)
		}
	}
	ignored := []string{}
	for _, c := range rd.Columns() {
		if c.Field == "" && c.Name != "" {
			ignored = append(ignored, c.Name)
		}
	}
	if len(ignored) > 0 && !asJSON {
		if len(ignored) > 12 {
			ignored = append(ignored[:12], fmt.Sprintf("and %d more", len(ignored)-12))
		}
		fmt.Fprintf(errw, "columns not imported: %s (name them with --map column=field)\n", model.Printable(strings.Join(ignored, ", ")))
	}
	verb := "imported"
	if dryRun {
		verb = "dry run, nothing written: would import"
	}
	summary := fmt.Sprintf("%s %s: %d created, %d updated, %d skipped, %d failed", verb, kind, res.Created, res.Updated, res.Skipped, res.Failed)
	if res.Warned > 0 {
		if kind == transfer.KindLeads {
			summary += fmt.Sprintf(", %d likely duplicates to review (named above; --dry-run lists them all)", res.Warned)
		} else {
			summary += fmt.Sprintf(", %d likely duplicates to review (rolo dedupe %s)", res.Warned, kind)
		}
	}
	if el := time.Since(start); !dryRun && el > 2*time.Second {
		summary += fmt.Sprintf(" in %s", el.Round(100*time.Millisecond))
	}
	fmt.Fprintln(errw, summary)
	if res.Batch != 0 {
		fmt.Fprintf(errw, "batch #%d: rolo import undo %d removes it\n", res.Batch, res.Batch)
	}
	if res.Failed > 0 {
		return &codedError{ExitError, fmt.Errorf("%d rows of %s failed (listed above)", res.Failed, name)}
	}
	return nil
}

func (a *app) importListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List past imports, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			bs, err := s.Store.ImportBatches(ctx)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), bs)
			}
			if len(bs) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no imports yet (rolo import contacts FILE)")
				return nil
			}
			t := newTable(cmd.OutOrStdout(), "BATCH", "KIND", "FILE", "CREATED", "UPDATED", "SKIPPED", "FAILED", "BY", "AT", "STATE")
			for _, b := range bs {
				state := "kept"
				if b.Undone {
					state = "undone"
				}
				t.row(strconv.FormatInt(b.ID, 10), b.Kind, b.File, strconv.Itoa(b.Created), strconv.Itoa(b.Updated),
					strconv.Itoa(b.Skipped), strconv.Itoa(b.Failed), b.User, s.formatTime(parseStoredTime(b.At)), state)
			}
			return t.flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func parseStoredTime(s string) time.Time {
	t, _ := time.Parse("2006-01-02T15:04:05.000Z", s)
	return t
}

func (a *app) importUndoCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "undo BATCH",
		Short: "Remove what an import wrote (the records it created, its updates reversed)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
			if err != nil {
				return usagef("BATCH is the number rolo import printed (see rolo import list), not %q", args[0])
			}
			ctx := cmd.Context()
			a.noMap = true
			tightGC()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			b, err := s.Store.ImportBatch(ctx, id)
			if err != nil {
				return err
			}
			if b.Group == 0 {
				return &codedError{ExitConflict, fmt.Errorf("import batch #%d wrote nothing", id)}
			}
			changes, err := s.Store.History.Undo(ctx, b.Group)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, map[string]any{"batch": id, "undone": len(changes)},
				"undid import batch #%d (%s from %s): %d changes reversed", id, b.Kind, b.File, len(changes))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

// exportRecords pages through a list and writes each record.
func exportRecords[T any](ctx context.Context, w transfer.Writer, fetch func(context.Context, store.ListQuery) ([]T, error),
	q store.ListQuery, key func(T) store.Cursor, rec func(T) map[string]string) (int, error) {
	n := 0
	err := pageAll(0, func(size int, after *store.Cursor) (int, *store.Cursor, error) {
		q.Limit, q.After = size, after
		rows, err := fetch(ctx, q)
		if err != nil || len(rows) == 0 {
			return 0, nil, err
		}
		for _, r := range rows {
			if err := w.Write(transfer.Record{Fields: compact(rec(r))}); err != nil {
				return 0, nil, err
			}
			n++
		}
		k := key(rows[len(rows)-1])
		return len(rows), &k, nil
	})
	return n, err
}

func compact(m map[string]string) map[string]string {
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m
}

func contactRecord(c model.Contact) map[string]string {
	f := map[string]string{"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email, "phone": c.Phone,
		"title": c.Title, "account": c.AccountName, "tags": strings.Join(c.Tags, ", "), "notes": c.Notes,
		"source": c.Source, "owner": c.OwnerName}
	for k, v := range c.Custom {
		switch k {
		case "other_emails", "other_phones", "website", "address":
			f[k] = v
		default:
			f["custom."+k] = v
		}
	}
	return f
}

func accountRecord(a model.Account) map[string]string {
	f := map[string]string{"name": a.Name, "domain": a.Domain, "industry": a.Industry, "phone": a.Phone,
		"website": a.Website, "address": a.Address, "external_id": a.ExternalID, "tags": strings.Join(a.Tags, ", "),
		"notes": a.Notes, "owner": a.OwnerName}
	for k, v := range a.Custom {
		f["custom."+k] = v
	}
	return f
}

func leadRecord(l model.Lead) map[string]string {
	return map[string]string{"name": l.Name, "company": l.Company, "title": l.Title, "email": l.Email, "phone": l.Phone,
		"source": l.Source, "status": l.Status, "disqualify_reason": l.Reason, "notes": l.Notes, "owner": l.OwnerName, "tags": strings.Join(l.Tags, ", ")}
}

func dealRecord(d model.Deal) map[string]string {
	f := map[string]string{"id": strconv.FormatInt(d.ID, 10), "title": d.Title, "account": d.AccountName,
		"contact": d.ContactName, "pipeline": d.Pipeline, "stage": d.StageName, "status": d.Status,
		"amount": model.FormatAmount(d.Amount, d.Currency), "currency": d.Currency, "close_date": d.CloseDate,
		"owner": d.OwnerName, "lost_reason": d.LostReason, "created_at": d.CreatedAt.UTC().Format(time.RFC3339)}
	if d.Probability != nil {
		f["probability"] = strconv.Itoa(*d.Probability)
	}
	if d.ClosedAt != nil {
		f["closed_at"] = d.ClosedAt.UTC().Format(time.RFC3339)
	}
	return f
}

func (a *app) exportRecordsCmd(kind transfer.Kind) *cobra.Command {
	var format, output, vcardVersion, owner, search, status string
	var archived bool
	formats := "csv|json|vcf"
	if kind == transfer.KindDeals {
		formats = "csv|json"
	}
	cmd := &cobra.Command{
		Use:   string(kind) + " [--format " + formats + "] [-o FILE] [--owner me|NAME] [--search Q]",
		Short: "Export " + string(kind) + " as " + strings.ReplaceAll(formats, "|", ", "),
		Long: "export writes every live " + strings.TrimSuffix(string(kind), "s") + " (or those --owner and --search select)\n" +
			"to FILE, or to standard output without -o. The format comes from --format, else\n" +
			"from the file's extension, else CSV. CSV and JSON use the field names\n" +
			"rolo import reads, so exporting and importing again gives the same records.\n" +
			"vCard is 4.0 unless --vcard-version 3.",
		Example: "  rolo export " + string(kind) + " -o " + string(kind) + ".csv\n" +
			"  rolo export " + string(kind) + " --format json --owner me",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ff := transfer.FormatCSV
			if format != "" || output != "" {
				f, err := transfer.DetectFormat(output, format)
				switch {
				case err == nil:
					ff = f
				case format != "":
					return &usageError{err.Error()}
				}
			}
			if vcardVersion != "" && vcardVersion != "3" && vcardVersion != "4" && vcardVersion != "3.0" && vcardVersion != "4.0" {
				return usagef("--vcard-version is 3 or 4, not %q", vcardVersion)
			}
			vv := "4.0"
			if strings.HasPrefix(vcardVersion, "3") {
				vv = "3.0"
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			q := store.ListQuery{Search: search, Archived: archived}
			if q.OwnerID, err = s.resolveOwner(ctx, owner); err != nil {
				return err
			}
			if status != "" {
				if kind == transfer.KindLeads {
					st, err := model.ParseLeadStatus(status)
					if err != nil {
						return &usageError{"--status: " + strings.TrimPrefix(err.Error(), "status: ")}
					}
					q.Status = st
				} else {
					q.Status = strings.ToLower(status)
				}
			}
			var dst io.Writer = cmd.OutOrStdout()
			var tmp *os.File
			if output != "" && output != "-" {
				// Written beside the target and renamed over it at the end,
				// so a failed export never leaves half a file.
				tmp, err = os.CreateTemp(filepath.Dir(output), "."+filepath.Base(output)+".*")
				if err != nil {
					return fmt.Errorf("export: cannot write %s: %w", output, errors.Unwrap(err))
				}
				defer os.Remove(tmp.Name())
				defer tmp.Close()
				dst = tmp
			}
			bw := bufio.NewWriterSize(dst, 64<<10)
			w, err := transfer.NewWriter(bw, kind, ff, vv)
			if err != nil {
				return &usageError{err.Error()}
			}
			var n int
			switch kind {
			case transfer.KindContacts:
				n, err = exportRecords(ctx, w, s.Store.Contacts.List, q,
					func(c model.Contact) store.Cursor { return store.Cursor{Sort: c.SortName(), ID: c.ID} }, contactRecord)
			case transfer.KindAccounts:
				n, err = exportRecords(ctx, w, s.Store.Accounts.List, q,
					func(a model.Account) store.Cursor { return store.Cursor{Sort: a.SortName(), ID: a.ID} }, accountRecord)
			case transfer.KindLeads:
				n, err = exportRecords(ctx, w, s.Store.Leads.List, q,
					func(l model.Lead) store.Cursor { return store.Cursor{Sort: l.SortName(), ID: l.ID} }, leadRecord)
			case transfer.KindDeals:
				n, err = exportRecords(ctx, w, s.Store.Deals.List, q,
					func(d model.Deal) store.Cursor { return store.Cursor{Sort: d.SortTitle(), ID: d.ID} }, dealRecord)
			}
			if err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if tmp != nil {
				if err := tmp.Close(); err != nil {
					return err
				}
				if err := os.Rename(tmp.Name(), output); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "exported %d %s to %s (%s)\n", n, kind, output, ff)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", formats+" (default: from -o's extension, else csv)")
	fl.StringVarP(&output, "output", "o", "", "write to FILE instead of standard output")
	if kind != transfer.KindDeals {
		fl.StringVar(&vcardVersion, "vcard-version", "4", "vCard version: 4 (default) or 3 for older clients")
	}
	fl.StringVar(&owner, "owner", "", "only records of this owner: me or a name")
	fl.StringVar(&search, "search", "", "only records this search finds")
	if kind == transfer.KindLeads || kind == transfer.KindDeals {
		fl.StringVar(&status, "status", "", "only records with this status")
	}
	fl.BoolVar(&archived, "archived", false, "export archived records instead")
	return cmd
}
