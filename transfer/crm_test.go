package transfer

import (
	"testing"
)

// TestCRMExports reads one row of the files CRMs export, with their
// headers as the tools write them: every field must map without --map.
func TestCRMExports(t *testing.T) {
	const (
		pipedrivePeople = "Person - ID,Person - Name,Person - First name,Person - Last name,Person - Organization," +
			"Person - Email - Work,Person - Email - Home,Person - Email - Other,Person - Phone - Work,Person - Phone - Home," +
			"Person - Phone - Mobile,Person - Phone - Other,Person - Job title,Person - Labels,Person - Owner,Person - Notes," +
			"Person - Open deals,Person - Add time,Person - Visible to\n" +
			"1042,Ayşe Yılmaz,Ayşe,Yılmaz,Deniz Lojistik A.Ş.,ayse@denizlojistik.com.tr,ayse.yilmaz@example.com,," +
			"+90 216 444 55 66,,+90 532 111 22 33,,Satın Alma Müdürü,\"Customer, VIP\",Mehmet Demir,Met at the fair," +
			"2,2024-05-02 10:11:12,Entire company\n"
		pipedriveOrgs = "Organization - ID,Organization - Name,Organization - Owner,Organization - Labels," +
			"Organization - Address,Organization - Website,Organization - Industry,Organization - Phone," +
			"Organization - People,Organization - Open deals,Organization - Add time\n" +
			"311,Anadolu Gıda A.Ş.,Mehmet Demir,\"Customer, Food\",\"Atatürk Bulvarı 12, 06420 Çankaya, Ankara, Türkiye\"," +
			"https://anadolugida.example,Food & Beverage,+90 312 111 00 00,3,1,2024-01-15 09:00:00\n"
		pipedriveLeads = "Lead - ID,Lead - Title,Lead - Owner,Lead - Labels,Lead - Source,Lead - Value,Person - Name," +
			"Person - Email - Work,Person - Phone - Mobile,Person - Job title,Organization - Name,Lead - Add time\n" +
			"a1b2c3,Anadolu Gıda deal,Mehmet Demir,Hot,Web forms,5000,Can Aydın,can@anadolugida.example," +
			"+90 532 999 88 77,Genel Müdür,Anadolu Gıda A.Ş.,2024-06-01 08:30:00\n"
		hubspotContacts = "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title," +
			"Website URL,Street Address,City,State/Region,Postal Code,Country/Region,Lead Status,Contact owner," +
			"Lifecycle Stage,Create Date,Last Activity Date\n" +
			"5101,Maria,García,maria.garcia@example.es,+34 91 123 45 67,+34 600 111 222,Acme Iberia,Head of Procurement," +
			"https://acme.example.es,Calle Mayor 1,Madrid,Comunidad de Madrid,28013,Spain,IN_PROGRESS,Laura Pérez," +
			"lead,2024-05-02 10:11,2024-06-01 09:00\n"
		hubspotCompanies = "Record ID,Company name,Company Domain Name,Company owner,Phone Number,Industry,Street Address," +
			"City,State/Region,Postal Code,Country/Region,Website URL,Create Date,Lifecycle Stage,Number of Employees\n" +
			"9001,Acme Iberia,acme.example.es,Laura Pérez,+34 91 123 45 67,WHOLESALE,Calle Mayor 1,Madrid," +
			"Comunidad de Madrid,28013,Spain,https://acme.example.es,2024-01-10 08:00,customer,250\n"
		salesforceLeads = "\"Salutation\",\"First Name\",\"Last Name\",\"Title\",\"Company / Account\",\"Email\",\"Phone\"," +
			"\"Mobile\",\"Website\",\"Street\",\"City\",\"State/Province\",\"Zip/Postal Code\",\"Country\",\"Lead Source\"," +
			"\"Lead Status\",\"Lead Owner\",\"Rating\",\"Create Date\"\r\n" +
			"\"Mr.\",\"John\",\"Smith\",\"VP Operations\",\"Contoso Ltd.\",\"john.smith@contoso.example\",\"(217) 555-0101\"," +
			"\"(217) 555-0199\",\"www.contoso.example\",\"1 Main Street\",\"Springfield\",\"IL\",\"62701\",\"United States\"," +
			"\"Trade Show\",\"Working - Contacted\",\"Jane Doe\",\"Hot\",\"5/2/2024\"\r\n"
		salesforceContacts = "\"Salutation\",\"First Name\",\"Last Name\",\"Title\",\"Account Name\",\"Email\",\"Phone\"," +
			"\"Mobile\",\"Mailing Street\",\"Mailing City\",\"Mailing State/Province\",\"Mailing Zip/Postal Code\"," +
			"\"Mailing Country\",\"Lead Source\",\"Contact Owner\",\"Description\"\r\n" +
			"\"Ms.\",\"Jane\",\"Roe\",\"CFO\",\"Contoso Ltd.\",\"jane.roe@contoso.example\",\"(217) 555-0102\"," +
			"\"(217) 555-0188\",\"1 Main Street\",\"Springfield\",\"IL\",\"62701\",\"United States\",\"Partner Referral\"," +
			"\"Jane Doe\",\"Prefers email\"\r\n"
	)
	type fields = map[string]string
	for _, tc := range []struct {
		name string
		kind Kind
		csv  string
		want fields
	}{
		{"pipedrive people as contacts", KindContacts, pipedrivePeople, fields{
			"name": "Ayşe Yılmaz", "first_name": "Ayşe", "last_name": "Yılmaz", "account": "Deniz Lojistik A.Ş.",
			"email": "ayse@denizlojistik.com.tr", "other_emails": "ayse.yilmaz@example.com",
			"phone": "+90 216 444 55 66", "other_phones": "+90 532 111 22 33", "title": "Satın Alma Müdürü",
			"tags": "Customer, VIP", "owner": "Mehmet Demir", "notes": "Met at the fair"}},
		{"pipedrive people as leads", KindLeads, pipedrivePeople, fields{
			"name": "Ayşe Yılmaz", "company": "Deniz Lojistik A.Ş.", "email": "ayse@denizlojistik.com.tr",
			"phone": "+90 216 444 55 66", "title": "Satın Alma Müdürü", "tags": "Customer, VIP", "owner": "Mehmet Demir",
			"notes": "Met at the fair"}},
		{"pipedrive organizations", KindAccounts, pipedriveOrgs, fields{
			"name": "Anadolu Gıda A.Ş.", "owner": "Mehmet Demir", "tags": "Customer, Food",
			"address": "Atatürk Bulvarı 12, 06420 Çankaya, Ankara, Türkiye", "website": "https://anadolugida.example",
			"industry": "Food & Beverage", "phone": "+90 312 111 00 00"}},
		{"pipedrive leads", KindLeads, pipedriveLeads, fields{
			"name": "Can Aydın", "email": "can@anadolugida.example", "phone": "+90 532 999 88 77", "title": "Genel Müdür",
			"company": "Anadolu Gıda A.Ş.", "owner": "Mehmet Demir", "source": "Web forms"}},
		{"hubspot contacts", KindContacts, hubspotContacts, fields{
			"first_name": "Maria", "last_name": "García", "email": "maria.garcia@example.es", "phone": "+34 91 123 45 67",
			"other_phones": "+34 600 111 222", "account": "Acme Iberia", "title": "Head of Procurement",
			"website": "https://acme.example.es", "address": "Calle Mayor 1, 28013 Madrid, Comunidad de Madrid, Spain",
			"owner": "Laura Pérez"}},
		{"hubspot contacts as leads", KindLeads, hubspotContacts, fields{
			"name": "Maria García", "email": "maria.garcia@example.es", "phone": "+34 91 123 45 67",
			"company": "Acme Iberia", "title": "Head of Procurement", "status": "IN_PROGRESS", "owner": "Laura Pérez"}},
		{"hubspot companies", KindAccounts, hubspotCompanies, fields{
			"name": "Acme Iberia", "domain": "acme.example.es", "owner": "Laura Pérez", "phone": "+34 91 123 45 67",
			"industry": "WHOLESALE", "address": "Calle Mayor 1, 28013 Madrid, Comunidad de Madrid, Spain",
			"website": "https://acme.example.es"}},
		{"salesforce leads", KindLeads, salesforceLeads, fields{
			"name": "John Smith", "title": "VP Operations", "company": "Contoso Ltd.", "email": "john.smith@contoso.example",
			"phone": "(217) 555-0101", "source": "Trade Show", "status": "Working - Contacted", "owner": "Jane Doe"}},
		{"salesforce leads as contacts", KindContacts, salesforceLeads, fields{
			"first_name": "John", "last_name": "Smith", "title": "VP Operations", "account": "Contoso Ltd.",
			"email": "john.smith@contoso.example", "phone": "(217) 555-0101", "other_phones": "(217) 555-0199",
			"website": "www.contoso.example", "address": "1 Main Street, 62701 Springfield, IL, United States",
			"source": "Trade Show", "owner": "Jane Doe"}},
		{"salesforce contacts", KindContacts, salesforceContacts, fields{
			"first_name": "Jane", "last_name": "Roe", "title": "CFO", "account": "Contoso Ltd.",
			"email": "jane.roe@contoso.example", "phone": "(217) 555-0102", "other_phones": "(217) 555-0188",
			"address": "1 Main Street, 62701 Springfield, IL, United States", "source": "Partner Referral",
			"owner": "Jane Doe", "notes": "Prefers email"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, tc.csv, Options{Kind: tc.kind, Format: FormatCSV, Name: "export.csv"})
			if len(res.recs) != 1 || len(res.rowErrs) > 0 {
				t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
			}
			if got := res.recs[0].Fields; !equalFields(got, tc.want) {
				t.Errorf("\n got %q\nwant %q\ncolumns %v", got, tc.want, res.cols)
			}
		})
	}
}
