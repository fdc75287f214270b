package main

// End-to-end tests of leads, duplicates, import and export, run as a new
// user would: files shaped like the exports real tools write, imported
// twice, near-duplicates merged, leads converted, everything exported and
// read back.

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Google Contacts' CSV export (2024 format), with its label columns, a
// multi-line note and the " ::: " label separator.
const googleCSV = "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,Organization Name,Organization Title," +
	"Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value," +
	"Address 1 - Label,Address 1 - Formatted\n" +
	"Ayşe,,Yılmaz,,,Işık Tekstil A.Ş.,CFO,,\"Met at the Istanbul fair\nwants a quote\",* myContacts ::: VIP,* Work," +
	"ayse@isik.com.tr,,,Mobile,+90 532 555 01 01,,\n" +
	"Hans,,Müller,,,Müller GmbH,Einkauf,,,* myContacts,* Work,hans@mueller-gmbh.de,Home,hans.m@gmail.com,Work,+49 30 1234567,,\n" +
	"Zeynep,,Kaya,,,,,,,* myContacts,,zeynep@kaya.com.tr,,,,,,\n"

// Outlook's CSV export: quoted everything, CRLF, its own column names.
const outlookCSV = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\",\"Job Title\"," +
	"\"Business Street\",\"Business City\",\"Business Postal Code\",\"Business Country/Region\",\"Business Phone\",\"Mobile Phone\"," +
	"\"E-mail Address\",\"E-mail Display Name\",\"Notes\",\"Categories\"\r\n" +
	"\"Mr.\",\"Hans\",\"\",\"Mueller\",\"\",\"Müller GmbH\",\"\",\"Head of Purchasing\",\"Hauptstr. 1\",\"Berlin\",\"10115\",\"Germany\"," +
	"\"+49 30 7654321\",\"\",\"h.mueller@mueller-gmbh.de\",\"Hans Mueller (h.mueller@mueller-gmbh.de)\",\"\",\"Customers\"\r\n" +
	"\"\",\"Liam\",\"\",\"Foster\",\"\",\"Stewart Health Ltd\",\"\",\"Buyer\",\"1 High St\",\"London\",\"EC1A 1BB\",\"United Kingdom\"," +
	"\"020 7946 0018\",\"\",\"liam@stewarthealth.co.uk\",\"\",\"\",\"\"\r\n" +
	"\"\",\"Emma\",\"\",\"Brown\",\"\",\"Brown & Co\",\"\",\"Owner\",\"\",\"\",\"\",\"\",\"(512) 555-0100\",\"\"," +
	"\"emma@brownco.com\",\"\",\"\",\"\"\r\n"

// Apple Contacts' vCard 3.0: grouped properties, type=pref, a photo.
const appleVCF = "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.0//EN\r\nN:Öztürk;Mehmet;;;\r\nFN:Mehmet Öztürk\r\n" +
	"ORG:Öztürk Lojistik;\r\nTITLE:Genel Müdür\r\nitem1.EMAIL;type=INTERNET;type=pref:mehmet@ozturk-lojistik.com\r\n" +
	"item1.X-ABLabel:_$!<Work>!$_\r\nitem2.EMAIL;type=INTERNET:mehmet.ozturk@gmail.com\r\nTEL;type=CELL;type=VOICE;type=pref:+90 533 444 55 66\r\n" +
	"TEL;type=WORK;type=VOICE:+90 212 444 55 66\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQE\r\n" +
	" BQUGBgUGBgYHCQgGBwkHBgYICwgJCgoKCgoGCAsMCwoMCQoKCv/AAAsIAAEAAQEBEQD/xAAUAAEA\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:\r\nNOTE:a card with nothing on it\r\nEND:VCARD\r\n"

// Android's vCard 2.1 with quoted-printable UTF-8 names, and a card with
// N but no FN.
const androidVCF = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=87elik;=C4=B0smail;;;\r\n" +
	"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C4=B0smail =C3=87elik\r\nTEL;CELL:+905321112233\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Nguyen;Anh;;;\r\nEMAIL;HOME:anh@example.com\r\nEND:VCARD\r\n"

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func (e *env) contacts() []map[string]any {
	e.t.Helper()
	var list []map[string]any
	out := e.mustRolo("contact", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		e.t.Fatalf("contact list --json: %v\n%s", err, out)
	}
	return list
}

func byEmail(list []map[string]any, email string) map[string]any {
	for _, c := range list {
		if c["email"] == email {
			return c
		}
	}
	return nil
}

func TestCLIImportRealExportsTwiceThenMerge(t *testing.T) {
	e := newEnv(t)
	e.vars = append(e.vars, "ROLO_PHONE_DEFAULT_REGION=TR")
	google := writeFile(t, e.dir, "contacts.csv", googleCSV)
	outlook := writeFile(t, e.dir, "outlook.csv", outlookCSV)
	apple := writeFile(t, e.dir, "apple.vcf", appleVCF)
	android := writeFile(t, e.dir, "android.vcf", androidVCF)

	// A dry run writes nothing and says what would happen.
	out, errs, code := e.rolo("import", "contacts", google, "--dry-run")
	if code != 0 || !strings.Contains(out, "create") || !strings.Contains(errs, "3 created") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
	}
	if n := len(e.contacts()); n != 0 {
		t.Fatalf("dry run wrote %d contacts", n)
	}
	for _, f := range []string{google, outlook, apple, android} {
		_, errs, code := e.rolo("import", "contacts", f)
		if f == apple {
			// The empty card is reported with its line; the other imports.
			if code != 1 || !strings.Contains(errs, "apple.vcf line 16: card has no name") || !strings.Contains(errs, "1 created") {
				t.Fatalf("import apple.vcf: exit %d\n%s", code, errs)
			}
			continue
		}
		if code != 0 {
			t.Fatalf("import %s: exit %d\n%s", filepath.Base(f), code, errs)
		}
	}
	list := e.contacts()
	ayse := byEmail(list, "ayse@isik.com.tr")
	if ayse == nil || ayse["first_name"] != "Ayşe" || ayse["account_name"] != "Işık Tekstil A.Ş." || ayse["title"] != "CFO" ||
		ayse["phone_e164"] != "+905325550101" || !strings.Contains(ayse["notes"].(string), "wants a quote") {
		t.Errorf("Google row: %v", ayse)
	}
	if tags, _ := ayse["tags"].([]any); len(tags) != 1 || tags[0] != "vip" {
		t.Errorf("Google labels: %v", ayse["tags"])
	}
	if h := byEmail(list, "h.mueller@mueller-gmbh.de"); h == nil || h["title"] != "Head of Purchasing" || h["account_name"] != "Müller GmbH" {
		t.Errorf("Outlook row: %v", h)
	}
	if m := byEmail(list, "mehmet@ozturk-lojistik.com"); m == nil || m["last_name"] != "Öztürk" || m["phone"] != "+90 533 444 55 66" ||
		m["account_name"] != "Öztürk Lojistik" {
		t.Errorf("Apple card: %v", m)
	}
	var ismail, anh bool
	for _, c := range list {
		ismail = ismail || c["first_name"] == "İsmail" && c["last_name"] == "Çelik"
		anh = anh || c["first_name"] == "Anh" && c["last_name"] == "Nguyen"
	}
	if !ismail || !anh {
		t.Errorf("Android cards (quoted-printable, N without FN): %v", list)
	}
	if len(list) != 9 {
		t.Errorf("%d contacts, want 9 (3 Google, 3 Outlook, 1 Apple, 2 Android)", len(list))
	}
	// a phone without a country code is read in the row's country
	if l := byEmail(list, "liam@stewarthealth.co.uk"); l == nil || l["phone_e164"] != "+442079460018" {
		t.Errorf("UK row read with the Turkish region: %v", l)
	}

	// The second import of the same files creates nothing.
	for _, f := range []string{google, outlook, apple, android} {
		_, errs, code := e.rolo("import", "contacts", f, "--on-duplicate", "skip")
		if (code != 0 && f != apple) || !strings.Contains(errs, " 0 created") {
			t.Errorf("second import of %s: exit %d\n%s", filepath.Base(f), code, errs)
		}
	}
	if n := len(e.contacts()); n != 9 {
		t.Fatalf("%d contacts after importing twice, want 9", n)
	}

	// Hans Müller (Google) and Hans Mueller (Outlook) remain: dedupe
	// finds them, merge keeps one with both phones' better pick.
	out = e.mustRolo("dedupe", "contacts", "--json")
	var pairs []map[string]any
	json.Unmarshal([]byte(out), &pairs)
	if len(pairs) != 1 || pairs[0]["name"] != "Hans Mueller" || pairs[0]["a_name"] != "Hans Müller" {
		t.Fatalf("dedupe: %s", out)
	}
	a, b := jsonID(pairs[0]["a"]), jsonID(pairs[0]["id"])
	out = e.mustRolo("dedupe", "contacts", "--merge", a, b, "--pick", "title=b", "--json")
	var merged map[string]any
	json.Unmarshal([]byte(out), &merged)
	if merged["title"] != "Head of Purchasing" || merged["email"] != "hans@mueller-gmbh.de" {
		t.Errorf("merged: %v", merged)
	}
	if n := len(e.contacts()); n != 8 {
		t.Errorf("%d contacts after the merge, want 8", n)
	}
	if out := e.mustRolo("contact", "show", a); !strings.Contains(out, "create of #"+b+" (merged in)") {
		t.Errorf("the survivor's history does not show the merged contact's:\n%s", out)
	}
	if out := e.mustRolo("dedupe", "contacts", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("pairs left after the merge: %s", out)
	}
	e.mustRolo("undo")
	if n := len(e.contacts()); n != 9 {
		t.Errorf("%d contacts after undoing the merge, want 9", n)
	}

	// The Outlook batch is removed again by its number.
	out = e.mustRolo("import", "list", "--json")
	var batches []map[string]any
	json.Unmarshal([]byte(out), &batches)
	var outlookBatch string
	for _, bt := range batches {
		if bt["file"] == "outlook.csv" && bt["created"] == float64(3) {
			outlookBatch = jsonID(bt["id"])
		}
	}
	if outlookBatch == "" {
		t.Fatalf("no outlook batch: %s", out)
	}
	// (the merge was undone, so nothing of the batch changed since)
	e.mustRolo("import", "undo", outlookBatch)
	if n := len(e.contacts()); n != 6 {
		t.Errorf("%d contacts after undoing the Outlook import, want 6", n)
	}
}

func jsonID(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestCLIImportEncodingsAndTurkishHeaders(t *testing.T) {
	e := newEnv(t)
	text := "Ad;Soyad;E-posta;Şirket;Telefon;Ünvan\r\nIşık;Şahin;isik@sahin.com.tr;Çağ Gıda;0532 111 22 33;Satın Alma Müdürü\r\n"
	enc, err := charmap.Windows1254.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, e.dir, "excel.csv", enc)
	_, errs, code := e.rolo("import", "contacts", p)
	if code != 2 || !strings.Contains(errs, "windows-1254") || !strings.Contains(errs, "line 1") {
		t.Errorf("legacy encoding without --encoding: exit %d %s", code, errs)
	}
	if n := len(e.contacts()); n != 0 {
		t.Fatalf("a refused file wrote %d contacts", n)
	}
	e.mustRolo("import", "contacts", p, "--encoding", "windows-1254")
	c := byEmail(e.contacts(), "isik@sahin.com.tr")
	if c == nil || c["first_name"] != "Işık" || c["last_name"] != "Şahin" || c["account_name"] != "Çağ Gıda" || c["title"] != "Satın Alma Müdürü" {
		t.Errorf("Turkish row: %v", c)
	}
	// A column rolo does not know is named, and --map brings it in.
	p2 := writeFile(t, e.dir, "crm.csv", "\ufeffFull Name,Mail,Kaynak Kanal\nAli Veli,ali@veli.com,fuar\n")
	_, errs, _ = e.rolo("import", "leads", p2)
	if !strings.Contains(errs, "Kaynak Kanal") {
		t.Errorf("unknown column not named: %s", errs)
	}
	e.mustRolo("import", "undo", "2")
	e.mustRolo("import", "leads", p2, "--map", "Kaynak Kanal=source")
	out := e.mustRolo("lead", "list", "--json")
	if !strings.Contains(out, `"source": "fuar"`) && !strings.Contains(out, `"source":"fuar"`) {
		t.Errorf("--map: %s", out)
	}
}

func TestCLIImportHostileFiles(t *testing.T) {
	e := newEnv(t)
	e.mustRolo("contact", "add", "--first", "Keep", "--last", "Me")
	dir := e.dir
	// 50 MB on one line
	big := filepath.Join(dir, "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("First Name,Last Name,Notes\nA,B,")
	chunk := strings.Repeat("x", 1<<20)
	for i := 0; i < 50; i++ {
		w.WriteString(chunk)
	}
	w.Flush()
	f.Close()
	binFile := writeFile(t, dir, "photo.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"+strings.Repeat("\x00\x01\x02", 100))
	wide := writeFile(t, dir, "wide.csv", strings.Repeat("col,", 9999)+"email\n")
	ctrl := writeFile(t, dir, "ctrl.csv", "First Name,Last Name,Email\nBell,Ringer,bell\x07@x.com\nGood,Row,good@row.com\n")
	noName := writeFile(t, dir, "noname.vcf", "BEGIN:VCARD\nVERSION:4.0\nNOTE:nothing else\nEND:VCARD\n"+
		"BEGIN:VCARD\nVERSION:4.0\nEMAIL:only@email.com\nEND:VCARD\n")
	for _, tc := range []struct {
		file string
		code int
		want string
	}{
		{big, 2, "line 2"},
		{binFile, 2, "binary"},
		{wide, 2, "columns"},
		{ctrl, 1, "control character"},
		{noName, 1, "line 1"},
	} {
		_, errs, code := e.rolo("import", "contacts", tc.file)
		if code != tc.code || !strings.Contains(errs, tc.want) || strings.Contains(errs, "panic") {
			t.Errorf("%s: exit %d, want %d with %q:\n%s", filepath.Base(tc.file), code, tc.code, tc.want, errs)
		}
	}
	names := map[string]bool{}
	for _, c := range e.contacts() {
		names[c["first_name"].(string)+" "+c["last_name"].(string)] = true
	}
	// Only the good rows of the files that could be read were written.
	if len(names) != 2 || !names["Keep Me"] || !names["Good Row"] {
		t.Errorf("contacts after hostile files: %v", names)
	}
}

func TestCLIExportImportRoundTrip(t *testing.T) {
	src := newEnv(t)
	src.mustRolo("demo", "--size", "small", "--seed", "3")
	src.mustRolo("lead", "add", "--name", "Ayşe Nur Yılmaz", "--company", "Işık Tekstil", "--email", "ayse.nur@isik.com.tr",
		"--phone", "+90 532 000 11 22", "--source", "fair", "--tag", "vip", "--notes", "likes \"quotes\", commas\nand lines")
	src.mustRolo("lead", "add", "--name", "=cmd|' /C calc'!A0", "--company", "Formula Ltd")
	// A disqualified lead keeps its reason; a converted one its status.
	out := src.mustRolo("lead", "add", "--name", "Cold Lead", "--json")
	var cold map[string]any
	json.Unmarshal([]byte(out), &cold)
	src.mustRolo("lead", "disqualify", jsonID(cold["id"]), "--reason", "no budget, maybe 2028")
	out = src.mustRolo("lead", "add", "--name", "Won Lead", "--company", "Won Co", "--json")
	json.Unmarshal([]byte(out), &cold)
	src.mustRolo("lead", "convert", jsonID(cold["id"]))
	for _, kind := range []string{"contacts", "accounts", "leads"} {
		formats := []string{"csv", "json", "vcf"}
		for _, format := range formats {
			args := []string{"export", kind, "--format", format}
			if format == "vcf" {
				args = append(args, "--vcard-version", "3")
			}
			first := src.mustRolo(args...)
			if strings.TrimSpace(first) == "" || first == "[]\n" {
				t.Fatalf("export %s %s is empty", kind, format)
			}
			dst := newEnv(t)
			file := writeFile(t, dst.dir, kind+"."+format, first)
			// The demo's owners are new to the target: the import adds them
			// to its team, so the records come back with the same owners.
			if _, errs, code := dst.rolo("import", kind, file); code != 0 {
				t.Fatalf("import %s %s: exit %d\n%s", kind, format, code, errs)
			}
			again := dst.mustRolo(args...)
			if again != first {
				t.Errorf("export %s %s, import, export again differs:\n%s", kind, format, firstDiff(first, again))
			}
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + jsonID(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths " + jsonID(len(al)) + " and " + jsonID(len(bl))
}

// Lead statuses as other CRMs export them import without --map.
func TestCLIImportCRMLeadStatuses(t *testing.T) {
	e := newEnv(t)
	hubspot := writeFile(t, e.dir, "hubspot-leads.csv", "Record ID,First Name,Last Name,Email,Company Name,Lead Status,Contact owner,Create Date\n"+
		"101,Ann,Lee,ann@lee.com,Lee Ltd,NEW,,2026-01-02\n"+
		"102,Bob,Stone,bob@stone.com,Stone Inc,IN_PROGRESS,,2026-01-03\n"+
		"103,Cem,Kaya,cem@kaya.com,Kaya AŞ,UNQUALIFIED,,2026-01-04\n"+
		"104,Dee,Ray,dee@ray.com,Ray Co,OPEN_DEAL,,2026-01-05\n"+
		"105,Eve,Fox,eve@fox.com,Fox Co,SOMETHING_ELSE,,2026-01-05\n")
	_, errs, code := e.rolo("import", "leads", hubspot)
	if code != 0 || !strings.Contains(errs, `status "SOMETHING_ELSE" is not one rolo knows`) {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	out := e.mustRolo("lead", "list", "--json")
	var leads []map[string]any
	json.Unmarshal([]byte(out), &leads)
	got := map[string]string{}
	for _, l := range leads {
		got[l["name"].(string)] = l["status"].(string) + "/" + l["disqualify_reason"].(string)
	}
	want := map[string]string{"Ann Lee": "new/", "Bob Stone": "contacted/", "Cem Kaya": "disqualified/UNQUALIFIED",
		"Dee Ray": "qualified/", "Eve Fox": "new/"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

func TestCLILeads(t *testing.T) {
	e := newEnv(t)
	out := e.mustRolo("lead", "add", "--name", "Ayşe Yılmaz", "--company", "Işık Tekstil", "--email", "ayse@isik.com.tr", "--json")
	var lead map[string]any
	json.Unmarshal([]byte(out), &lead)
	id := jsonID(lead["id"])
	if lead["status"] != "new" {
		t.Fatalf("lead add: %s", out)
	}
	e.mustRolo("log", "call", "--subject", "first call", "--lead", "AYSE@isik.com.tr") // a lead by id or email
	if _, errs, code := e.rolo("log", "call", "--subject", "x", "--lead", "999"); code != 3 || !strings.Contains(errs, "no lead") {
		t.Errorf("log on a missing lead: exit %d %s", code, errs)
	}
	e.mustRolo("lead", "edit", id, "--status", "qualified")
	if out := e.mustRolo("lead", "list", "--status", "qualified", "--json"); !strings.Contains(out, "Ayşe") {
		t.Errorf("status filter: %s", out)
	}
	out = e.mustRolo("lead", "convert", id, "--deal", "Looms 2027", "--amount", "120000", "--currency", "EUR", "--json")
	var conv map[string]any
	json.Unmarshal([]byte(out), &conv)
	contact, _ := conv["contact"].(map[string]any)
	deal, _ := conv["deal"].(map[string]any)
	l, _ := conv["lead"].(map[string]any)
	if contact["first_name"] != "Ayşe" || contact["account_name"] != "Işık Tekstil" || deal["title"] != "Looms 2027" ||
		deal["amount"] != "120000.00" || l["status"] != "converted" || conv["moved_activities"] != float64(1) {
		t.Errorf("convert: %s", out)
	}
	if _, errs, code := e.rolo("lead", "convert", id); code != 4 || !strings.Contains(errs, "already converted") {
		t.Errorf("second convert: exit %d %s", code, errs)
	}
	// A lead whose email is a contact's is refused on convert, then linked.
	e.mustRolo("contact", "add", "--first", "Zeynep", "--last", "Kaya", "--email", "zeynep@kaya.com")
	out = e.mustRolo("lead", "add", "--name", "Zeynep Kaya", "--email", "zk@other.com", "--json")
	json.Unmarshal([]byte(out), &lead)
	id2 := jsonID(lead["id"])
	e.mustRolo("lead", "edit", id2, "--email", "zeynep@kaya.com", "--allow-duplicate")
	_, errs, code := e.rolo("lead", "convert", id2)
	if code != 4 || !strings.Contains(errs, "--contact") {
		t.Errorf("convert onto an existing contact: exit %d %s", code, errs)
	}
	out = e.mustRolo("lead", "convert", id2, "--contact", "zeynep@kaya.com", "--json")
	json.Unmarshal([]byte(out), &conv)
	if conv["contact_created"] != false {
		t.Errorf("link existing: %s", out)
	}
	if n := len(e.contacts()); n != 2 {
		t.Errorf("%d contacts, want 2", n)
	}
	out = e.mustRolo("lead", "add", "--name", "Cold Lead", "--json")
	json.Unmarshal([]byte(out), &lead)
	if _, errs, code := e.rolo("lead", "disqualify", jsonID(lead["id"])); code != 2 || !strings.Contains(errs, "--reason") {
		t.Errorf("disqualify without a reason: %d %s", code, errs)
	}
	e.mustRolo("lead", "disqualify", jsonID(lead["id"]), "--reason", "no budget")
	if out := e.mustRolo("lead", "show", jsonID(lead["id"])); !strings.Contains(out, "no budget") || !strings.Contains(out, "disqualified") {
		t.Errorf("show: %s", out)
	}
	if _, errs, code := e.rolo("lead", "list", "--status", "bogus"); code != 2 || !strings.Contains(errs, "status") {
		t.Errorf("bad status: %d %s", code, errs)
	}
}
