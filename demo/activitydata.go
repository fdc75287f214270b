package demo

// The activities demo data is made of: what salespeople log around each
// step of a deal, with contacts outside deals and on accounts, and the
// tasks they set themselves. Subjects are in English, Turkish and German
// (empty: English only); activities.go combines them.

// topic is what an activity is about: a step of a deal, following one
// up, keeping in touch with a contact, or looking after an account.
type topic uint8

const (
	topIntro       topic = iota // the first open stage
	topAnalysis                 // open stages before the one quotes are sent in
	topProposal                 // the stage quotes are sent in
	topNegotiation              // open stages after it
	topWon
	topLost
	topFollow  // an open deal, since its last move
	topGeneral // a contact, outside deals
	topAccount // an account, without a contact
	numTopics
)

// tmpl is one kind of activity: its subject in three languages, the
// outcomes it may have, how long it takes (minutes; zero: no duration)
// and how often it is picked among its topic's.
type tmpl struct {
	kind       string
	w          int
	en, tr, de string
	outcomes   []string
	dur        [2]int
}

// topicData is what is logged (calls, emails, meetings, notes), done
// (tasks) and planned next (open tasks) for a topic, and the bodies of
// its notes and meetings ({first}: the contact's first name, {deal}: the
// deal's title, {reason}: why it was lost).
type topicData struct {
	logged, done, next []tmpl
	bodies             []string
}

var (
	voicemail = []string{"left voicemail", "left voicemail", "no answer, will try again", "left a message with the assistant"}
	topics    = [numTopics]topicData{
		topIntro: {
			logged: []tmpl{
				{"call", 4, "Intro call", "Tanışma görüşmesi", "Erstgespräch", append([]string{
					"interested, wants a demo", "interested, wants a demo", "asked for references", "send brochure and prices",
					"the right person is the plant manager", "asked us to call back next month"}, voicemail...), [2]int{5, 30}},
				{"email", 3, "Intro + brochure", "Tanıtım ve broşür", "Vorstellung + Broschüre", nil, [2]int{}},
				{"meeting", 2, "Discovery meeting", "Tanışma toplantısı", "Kennenlerntermin",
					[]string{"agreed next steps", "agreed next steps", "they want a demo for IT"}, [2]int{30, 60}},
				{"note", 1, "First contact at the trade fair", "Fuarda ilk temas", "Erstkontakt auf der Messe", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 2, "Send brochure", "Broşür gönder", "Broschüre schicken", nil, [2]int{}},
				{"task", 1, "Research the company", "Firmayı araştır", "Firma recherchieren", nil, [2]int{}},
			},
			next: []tmpl{
				{"task", 2, "Call to schedule a demo", "Demo için randevu al", "Termin für Demo vereinbaren", nil, [2]int{}},
				{"task", 1, "Qualify budget and timeline", "Bütçe ve zamanlamayı netleştir", "Budget und Zeitplan klären", nil, [2]int{}},
			},
			bodies: []string{
				"Met {first} at the trade fair.\n- Looking at options for next year\n- About 40 users on three sites\n- Send the brochure and a price indication",
				"{first} found us through the website.\nCurrent supplier's contract ends in spring.\nWants to see a demo before the summer.",
			},
		},
		topAnalysis: {
			logged: []tmpl{
				{"meeting", 3, "Requirements workshop", "İhtiyaç analizi toplantısı", "Anforderungsworkshop",
					[]string{"requirements agreed", "needs integration with their ERP", "IT wants single sign-on"}, [2]int{60, 180}},
				{"meeting", 2, "Product demo", "Ürün demosu", "Produktdemo",
					[]string{"demo went well, IT has questions", "wants a pilot at one site", "impressed by the reporting"}, [2]int{45, 90}},
				{"meeting", 1, "Site visit", "Saha ziyareti", "Vor-Ort-Termin", []string{"saw the warehouse, three shifts"}, [2]int{90, 240}},
				{"call", 3, "Follow-up on requirements", "İhtiyaçlar hakkında takip", "Rückfragen zu den Anforderungen",
					append([]string{"sent the missing figures", "IT joins the next call", "volumes confirmed"}, voicemail...), [2]int{10, 40}},
				{"email", 2, "Demo recording and next steps", "Demo kaydı ve sonraki adımlar", "Aufzeichnung der Demo und nächste Schritte",
					nil, [2]int{}},
				{"note", 1, "Requirements summary", "İhtiyaç özeti", "Zusammenfassung Anforderungen", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 2, "Prepare demo", "Demo hazırla", "Demo vorbereiten", nil, [2]int{}},
				{"task", 1, "Send requirements summary", "İhtiyaç özetini gönder", "Anforderungen zusammenfassen und schicken", nil, [2]int{}},
			},
			next: []tmpl{
				{"task", 2, "Prepare proposal", "Teklif hazırla", "Angebot vorbereiten", nil, [2]int{}},
				{"task", 1, "Schedule site visit", "Saha ziyareti planla", "Vor-Ort-Termin planen", nil, [2]int{}},
				{"task", 1, "Send requirements summary", "İhtiyaç özetini gönder", "Anforderungen zusammenfassen und schicken", nil, [2]int{}},
			},
			bodies: []string{
				"Workshop with {first} and their IT.\n- Three sites, about 40 users\n- Go-live wanted before the summer\n- Needs an interface to their ERP\n- Next: proposal with two options",
				"Demo for {deal}.\nQuestions on:\n1. Offline use in the warehouse\n2. Export to Excel\n3. Hosting in the EU",
				"Site visit notes:\n- Old scanners, many manual steps\n- {first} is the champion, the CFO signs\n- Budget not fixed yet",
			},
		},
		topProposal: {
			logged: []tmpl{
				{"email", 4, "Proposal sent", "Teklif gönderildi", "Angebot verschickt", nil, [2]int{}},
				{"email", 2, "Revised proposal", "Revize teklif", "Überarbeitetes Angebot", nil, [2]int{}},
				{"call", 3, "Walk through the proposal", "Teklifin üzerinden geçtik", "Angebot durchgesprochen",
					append([]string{"questions on pricing", "needs internal approval", "wants a longer warranty",
						"comparing us with two others"}, voicemail[:2]...), [2]int{15, 45}},
				{"meeting", 1, "Proposal presentation", "Teklif sunumu", "Angebotspräsentation",
					[]string{"positive, waiting for the board", "asked for a phased rollout"}, [2]int{45, 90}},
				{"note", 1, "Feedback on the proposal", "Teklif hakkında geri bildirim", "Feedback zum Angebot", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 2, "Send proposal", "Teklifi gönder", "Angebot schicken", nil, [2]int{}},
				{"task", 1, "Check prices with the product team", "Fiyatları ürün ekibiyle kontrol et",
					"Preise mit dem Produktteam abstimmen", nil, [2]int{}},
			},
			next: []tmpl{
				{"task", 3, "Follow up on proposal", "Teklifi takip et", "Angebot nachfassen", nil, [2]int{}},
				{"task", 2, "Send revised proposal", "Revize teklifi gönder", "Überarbeitetes Angebot schicken", nil, [2]int{}},
			},
			bodies: []string{
				"{first} read the proposal.\n- Price is above their budget\n- Likes the support terms\n- Next: revised proposal with a smaller first phase",
				"Feedback on {deal}:\nProcurement wants three quotes.\nWe are the only one with local support.\nFollow up after their board meeting.",
			},
		},
		topNegotiation: {
			logged: []tmpl{
				{"call", 3, "Pricing discussion", "Fiyat görüşmesi", "Preisverhandlung",
					[]string{"asked for 10% discount", "agreed on payment terms", "wants a three-year term",
						"waiting for the CFO to sign off"}, [2]int{10, 45}},
				{"meeting", 2, "Negotiation meeting with procurement", "Satın alma ile pazarlık toplantısı",
					"Verhandlung mit dem Einkauf", []string{"close to agreement", "discount capped at 7%"}, [2]int{60, 120}},
				{"email", 3, "Contract draft", "Sözleşme taslağı", "Vertragsentwurf", nil, [2]int{}},
				{"email", 1, "Final offer", "Son teklif", "Finales Angebot", nil, [2]int{}},
				{"note", 1, "Negotiation status", "Pazarlık durumu", "Stand der Verhandlung", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 1, "Get the contract reviewed by legal", "Sözleşmeyi hukuka kontrol ettir",
					"Vertrag von der Rechtsabteilung prüfen lassen", nil, [2]int{}},
				{"task", 1, "Approve the discount", "İndirimi onayla", "Rabatt freigeben", nil, [2]int{}},
			},
			next: []tmpl{
				{"task", 2, "Send contract for signature", "Sözleşmeyi imzaya gönder", "Vertrag zur Unterschrift schicken", nil, [2]int{}},
				{"task", 1, "Call about the final offer", "Son teklif için ara", "Wegen des finalen Angebots anrufen", nil, [2]int{}},
				{"task", 1, "Chase the signed order", "İmzalı siparişi takip et", "Unterschriebene Bestellung nachhalten", nil, [2]int{}},
			},
			bodies: []string{
				"Where we are with {deal}:\n- Discount: they ask 10%, we offer 5%\n- Payment: 30 days agreed\n- Legal reviews the liability clause\n- Signature expected this month",
			},
		},
		topWon: {
			logged: []tmpl{
				{"email", 3, "Order confirmation", "Sipariş onayı", "Auftragsbestätigung", nil, [2]int{}},
				{"note", 2, "Won – handover to delivery", "Kazanıldı – teslimata devir", "Gewonnen – Übergabe an die Umsetzung",
					nil, [2]int{}},
				{"meeting", 2, "Kickoff meeting", "Proje başlangıç toplantısı", "Kick-off-Termin",
					[]string{"project plan agreed", "go-live date set"}, [2]int{60, 120}},
				{"call", 1, "Thank-you call", "Teşekkür araması", "Dankeschön-Anruf",
					[]string{"happy with the process", "asked about training dates"}, [2]int{5, 15}},
			},
			done: []tmpl{
				{"task", 2, "Hand over to delivery", "Teslimat ekibine devret", "An die Umsetzung übergeben", nil, [2]int{}},
				{"task", 1, "Send invoice details to accounting", "Fatura bilgilerini muhasebeye ilet",
					"Rechnungsdaten an die Buchhaltung", nil, [2]int{}},
			},
			bodies: []string{
				"Signed order received for {deal}.\n- Delivery team informed\n- Kickoff with {first} next week\n- Invoice on delivery",
			},
		},
		topLost: {
			logged: []tmpl{
				{"note", 3, "Deal lost: {reason}", "", "", nil, [2]int{}},
				{"call", 2, "Loss debrief", "Kayıp değerlendirme görüşmesi", "Absage nachbesprochen",
					[]string{"chose a cheaper supplier", "budget moved to next year", "open to talk again in six months"},
					[2]int{10, 30}},
				{"email", 1, "Thanks for the feedback", "Geri bildirim için teşekkürler", "Danke für die Rückmeldung", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 1, "Ask for feedback", "Geri bildirim iste", "Um Feedback bitten", nil, [2]int{}},
				{"task", 1, "Record the lost reason", "", "", nil, [2]int{}},
			},
			bodies: []string{
				"Reason given: {reason}.\nThey liked the product but not the terms.\nTry again when their current contract ends.",
				"{first} called to say no: {reason}.\nKeep in touch; ask again in six months.",
			},
		},
		topFollow: {
			logged: []tmpl{
				{"call", 4, "Follow-up call", "Takip araması", "Nachfassanruf",
					append([]string{"interested, wants a demo", "decision next week", "still comparing offers",
						"asked to call back after the holidays", "budget approved"}, voicemail...), [2]int{3, 25}},
				{"email", 3, "Checking in", "Durum hakkında", "Kurze Nachfrage", nil, [2]int{}},
				{"meeting", 1, "Status meeting", "Durum toplantısı", "Statustermin", []string{"next steps agreed"}, [2]int{30, 60}},
				{"note", 1, "Status update", "Durum notu", "Statusnotiz", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 2, "Follow up by phone", "Telefonla takip et", "Telefonisch nachfassen", nil, [2]int{}},
				{"task", 1, "Update the deal notes", "", "", nil, [2]int{}},
			},
			bodies: []string{
				"Status of {deal}:\n- {first} is back from holiday\n- Decision moved to the end of the month\n- Next: call on Friday",
				"Quiet for two weeks.\n{first} says the project is still on.\nTry the CFO's assistant if no reply.",
			},
		},
		topGeneral: {
			logged: []tmpl{
				{"call", 4, "Check-in call", "Hal hatır araması", "Kurzer Austausch",
					append([]string{"no current needs", "asked about new products", "new budget in spring",
						"moved to a new role"}, voicemail...), [2]int{5, 20}},
				{"email", 2, "Intro + brochure", "Tanıtım ve broşür", "Vorstellung + Broschüre", nil, [2]int{}},
				{"email", 2, "Invitation to our customer day", "Müşteri günümüze davet", "Einladung zum Kundentag", nil, [2]int{}},
				{"email", 1, "New price list", "Yeni fiyat listesi", "Neue Preisliste", nil, [2]int{}},
				{"meeting", 1, "Coffee meeting", "Kahve sohbeti", "Kaffee-Termin", nil, [2]int{30, 60}},
				{"meeting", 1, "Meeting at the trade fair", "Fuarda görüşme", "Gespräch auf der Messe",
					[]string{"interested in the new scanners"}, [2]int{15, 45}},
				{"note", 1, "Prefers email over phone", "Telefon yerine e-postayı tercih ediyor", "Bevorzugt E-Mail statt Telefon",
					nil, [2]int{}},
				{"note", 1, "Met at the trade fair", "Fuarda tanıştık", "Auf der Messe getroffen", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 2, "Update contact details", "İletişim bilgilerini güncelle", "Kontaktdaten aktualisieren", nil, [2]int{}},
				{"task", 1, "Send product catalogue", "Ürün kataloğunu gönder", "Produktkatalog schicken", nil, [2]int{}},
			},
			bodies: []string{
				"Call notes:\n- Happy with the current service\n- Asked about training for new staff\n- Send dates for the next course",
				"{first} prefers short emails; calls only after 14:00.\nAssistant handles the calendar.",
				"Met {first} at the trade fair.\nInterested in the new handheld scanners; no project yet.",
			},
		},
		topAccount: {
			logged: []tmpl{
				{"note", 3, "Account review", "Müşteri değerlendirmesi", "Kundenanalyse", nil, [2]int{}},
				{"note", 1, "Credit check OK", "Kredi kontrolü olumlu", "Bonitätsprüfung positiv", nil, [2]int{}},
				{"meeting", 1, "Quarterly business review", "Üç aylık iş değerlendirmesi", "Quartalsgespräch",
					[]string{"renewal likely", "new plant opening next year"}, [2]int{60, 120}},
				{"email", 1, "Annual price adjustment", "Yıllık fiyat güncellemesi", "Jährliche Preisanpassung", nil, [2]int{}},
			},
			done: []tmpl{
				{"task", 1, "Check credit limit", "Kredi limitini kontrol et", "Kreditlimit prüfen", nil, [2]int{}},
				{"task", 1, "Prepare account plan", "Müşteri planını hazırla", "Account-Plan erstellen", nil, [2]int{}},
			},
			bodies: []string{
				"Account review:\n- Revenue up on last year\n- Two open opportunities\n- New purchasing process from January",
				"Payment record good; no overdue invoices.\nCredit limit can be raised.",
			},
		},
	}
)

// taskTimes are the times of day (UTC, minutes) tasks with a time are due.
var taskTimes = []int{9 * 60, 9*60 + 30, 10 * 60, 11 * 60, 13*60 + 30, 14 * 60, 15 * 60, 16*60 + 30}
