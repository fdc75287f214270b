package demo

// The word lists and the catalogue deals and quotes are made from. Like
// names.go, everything here is plain data; deals.go combines it.

// market is what deals with a country's accounts are written in: its
// currency, its VAT rate (basis points) and deal titles in its language.
type market struct {
	currency string
	other    []string // currencies some of its deals are in instead, more likely first
	otherP   float64  // the share of its deals in one of those
	vatBP    int64
	titles   []string // nil: English only
	phase    string   // a title's next phase: "%s – Phase %d"
}

var markets = map[string]market{
	"TR": {"TRY", []string{"EUR", "EUR", "USD"}, 0.35, 2000, []string{
		"Depo otomasyonu", "ERP geçişi", "Filo takip sistemi", "Bakım sözleşmesi yenileme",
		"Üretim hattı modernizasyonu", "Yedek parça çerçeve anlaşması", "Sunucu yenileme", "E-fatura entegrasyonu",
		"Personel eğitimi", "Barkod okuyucu projesi", "Soğuk zincir izleme", "Ağ altyapısı yenileme",
		"Kestirimci bakım pilotu", "Yeni fabrika BT altyapısı",
	}, "%s – %d. etap"},
	"DE": {"EUR", []string{"USD"}, 0.04, 1900, []string{
		"Lagerverwaltung Einführung", "ERP-Umstellung", "Flottenmanagement", "Wartungsvertrag Verlängerung",
		"Pressenlinie Modernisierung", "Rahmenvertrag Ersatzteile", "Serverumzug Rechenzentrum", "Schulungspaket Mitarbeiter",
		"Netzwerkerneuerung Werk", "Digitalisierung Rechnungseingang", "Zustandsüberwachung Anlagen", "Scanner-Ausstattung Lager",
	}, "%s – Phase %d"},
	"US": {"USD", []string{"EUR"}, 0.03, 0, nil, "%s – phase %d"},
	"GB": {"GBP", []string{"EUR", "USD"}, 0.08, 2000, nil, "%s – phase %d"},
	"ES": {"EUR", []string{"USD"}, 0.03, 2100, []string{
		"Implantación ERP", "Gestión de almacén", "Renovación contrato de mantenimiento", "Modernización línea de producción",
		"Formación del personal", "Migración a la nube", "Telemetría de flota", "Acuerdo marco de repuestos",
	}, "%s – fase %d"},
	"FR": {"EUR", []string{"USD"}, 0.03, 2000, []string{
		"Déploiement ERP", "Gestion d'entrepôt (WMS)", "Renouvellement contrat de maintenance",
		"Modernisation ligne de production", "Formation des équipes", "Migration vers le cloud", "Télématique flotte",
		"Accord-cadre pièces détachées",
	}, "%s – phase %d"},
	"IT": {"EUR", []string{"USD"}, 0.03, 2200, []string{
		"Implementazione ERP", "Gestione magazzino", "Rinnovo contratto di assistenza", "Ammodernamento linea di produzione",
		"Formazione del personale", "Migrazione al cloud", "Telematica flotta", "Accordo quadro ricambi",
	}, "%s – fase %d"},
	"NL": {"EUR", []string{"USD"}, 0.04, 2100, []string{
		"ERP-implementatie", "Magazijnbeheersysteem", "Verlenging onderhoudscontract", "Vernieuwing productielijn",
		"Training medewerkers", "Migratie naar de cloud", "Wagenparkbeheer", "Raamcontract reserveonderdelen",
	}, "%s – fase %d"},
	"PL": {"PLN", []string{"EUR", "EUR", "USD"}, 0.15, 2300, []string{
		"Wdrożenie ERP", "System magazynowy WMS", "Przedłużenie umowy serwisowej", "Modernizacja linii produkcyjnej",
		"Szkolenie pracowników", "Migracja do chmury", "Telematyka floty", "Umowa ramowa na części zamienne",
	}, "%s – etap %d"},
	"SE": {"SEK", []string{"EUR", "USD"}, 0.1, 2500, []string{
		"ERP-införande", "Lagerhanteringssystem", "Förnyelse av serviceavtal", "Modernisering av produktionslinje",
		"Utbildning för personal", "Molnmigrering", "Fordonstelematik", "Ramavtal reservdelar",
	}, "%s – etapp %d"},
	"NO": {"NOK", []string{"EUR", "USD"}, 0.1, 2500, []string{
		"ERP-innføring", "Lagerstyringssystem", "Fornyelse av serviceavtale", "Modernisering av produksjonslinje",
		"Opplæring av ansatte", "Skymigrering", "Flåtestyring", "Rammeavtale reservedeler",
	}, "%s – fase %d"},
}

// inEUR is roughly what one unit of a currency is worth in euros (late
// 2026), to give deals of every country amounts of a similar real size and
// to price catalogue items in a deal's currency. Not the config's rates.
var inEUR = map[string]float64{
	"EUR": 1, "USD": 0.92, "GBP": 1.16, "TRY": 0.022, "PLN": 0.235, "SEK": 0.088, "NOK": 0.085,
}

// titles are deal titles in English: generalTitles fit any account,
// sectorTitles (in the order of industries) the account's line of work.
var generalTitles = []string{
	"ERP rollout", "CRM migration", "Fleet telematics rollout", "Warehouse WMS",
	"Annual support renewal", "Service contract renewal", "Data centre refresh", "Network upgrade", "Cloud migration",
	"Cybersecurity assessment", "Laptop refresh", "Printer fleet replacement", "Staff training programme",
	"Spare parts framework agreement", "Maintenance contract", "Reporting & BI dashboards", "E-invoicing integration",
	"Barcode scanners for the warehouse", "Field service app", "Meeting room video conferencing",
	"Backup and disaster recovery", "Office move IT", "Licence true-up", "Predictive maintenance pilot",
}

var sectorTitles = [][]string{
	{"Dye house MES", "Loom monitoring sensors", "Fabric inspection cameras"},                           // Textiles
	{"Fleet telematics rollout", "Warehouse WMS", "Route optimisation", "Handheld scanners for depots"}, // Logistics
	{"Cold chain monitoring", "Lot traceability", "Filling line upgrade"},                               // Food & Beverage
	{"Developer laptops", "Build servers", "Penetration test"},                                          // Software
	{"Site cameras", "Equipment tracking", "Project cost control"},                                      // Construction
	{"Press line retrofit", "Supplier EDI portal", "Quality inspection cell"},                           // Automotive
	{"SCADA upgrade", "Substation monitoring", "Smart meter pilot"},                                     // Energy
	{"Clinic tablets", "Patient scheduling system", "Lab equipment service"},                            // Healthcare
	{"CNC line retrofit", "Showroom configurator", "Dealer order portal"},                               // Furniture
	{"LIMS implementation", "Tank level sensors", "Safety data sheet system"},                           // Chemicals
	{"Press line retrofit", "Predictive maintenance", "Spare parts portal"},                             // Machinery
	{"Labelling line upgrade", "Print-and-apply labellers", "Warehouse WMS"},                            // Packaging
	{"SMT line traceability", "Test bench automation", "ESD-safe workstations"},                         // Electronics
	{"Booking engine integration", "Guest Wi-Fi upgrade", "Call centre telephony"},                      // Travel & Tourism
	{"Timesheet and billing system", "Laptop refresh", "Knowledge base"},                                // Consulting
}

// looseTitles are deals with a freelancer or a prospect not yet filed
// under an account.
var looseTitles = []string{
	"Website enquiry: scanners", "Consulting engagement", "Training seats", "Trade fair lead: telematics",
	"Partner referral", "Inbound enquiry: support contract",
}

// lostReasons, repeated by how often deals are lost for them.
var lostReasons = []string{
	"Price too high", "Price too high", "Price too high", "Price too high", "Price too high",
	"Went with a competitor", "Went with a competitor", "Went with a competitor", "Went with a competitor",
	"No budget", "No budget", "No budget",
	"Timing: postponed to next year", "Timing: postponed to next year",
	"No decision", "No decision",
	"Lost contact", "Lost contact",
	"Requirements not met", "Project cancelled", "Chose an in-house solution",
}

var dealNotes = []string{
	"Budget approved by the board.",
	"Competitor already on site; we need a reference visit.",
	"Decision expected after the annual planning meeting.",
	"Procurement wants three quotes.",
	"Pilot at one plant first, rollout later.",
	"Champion is the operations manager; CFO signs.",
	"Asked for payment in two instalments.",
	"Existing customer: upsell from the support contract.",
}

// product is a catalogue item; stock is -1 for services (not tracked).
type product struct {
	sku, name string
	price     int64 // whole units of currency
	currency  string
	stock     int64
	erp       int   // ERP-P-%05d; 0: not in the ERP
	most      int64 // the most a quote line orders
}

// catalogue is every demo database's product list, whatever the seed and
// size: software licences, hardware, services, spare parts, training and
// support contracts, priced in the currency of their main market.
var catalogue = []product{
	{"SW-100", "Fleet telematics licence (per vehicle, annual)", 180, "EUR", -1, 42, 400},
	{"SW-110", "WMS Standard licence (per user, annual)", 420, "EUR", -1, 43, 400},
	{"SW-120", "ERP connector (SAP, Logo, DATEV)", 2400, "EUR", -1, 44, 400},
	{"SW-130", "MES shop-floor licence (per line)", 6500, "EUR", -1, 45, 400},
	{"SW-140", "Analytics & BI add-on (per site)", 3200, "EUR", -1, 46, 400},
	{"SW-150", "Field service app licence (per user, annual)", 240, "USD", -1, 51, 400},
	{"SW-160", "Depo yönetim yazılımı lisansı (kullanıcı başı, yıllık)", 16500, "TRY", -1, 0, 400},
	{"HW-200", "Rugged handheld scanner RH-5", 1150, "EUR", 84, 101, 150},
	{"HW-210", "Vehicle telematics unit T4 (4G, GNSS)", 219, "USD", 412, 102, 150},
	{"HW-220", "Endüstriyel barkod yazıcı ZT-410", 38500, "TRY", 23, 103, 150},
	{"HW-230", "Industrial edge gateway EG-2", 1890, "EUR", 35, 104, 150},
	{"HW-240", "Vibration sensor kit VS-3 (4 sensors)", 760, "EUR", 120, 105, 150},
	{"HW-250", "Industrial label printer LP-4", 2350, "USD", 18, 106, 150},
	{"HW-260", "Rack server R7, 2x Xeon, 256 GB", 9800, "USD", 6, 0, 150},
	{"HW-270", "Industrial Wi-Fi 6 access point", 540, "EUR", 200, 108, 150},
	{"SP-400", "Scanner battery pack 5200 mAh", 49, "EUR", 640, 210, 800},
	{"SP-410", "Hydraulic seal kit HK-80", 185, "EUR", 95, 211, 800},
	{"SP-420", "Servo drive SD-7.5 kW", 2780, "EUR", 12, 212, 800},
	{"SP-430", "Konveyör bandı 800 mm (metre)", 3450, "TRY", 310, 213, 800},
	{"SP-440", "Printhead 203 dpi for LP-4", 310, "USD", 44, 214, 800},
	{"SP-450", "Vehicle unit wiring harness", 35, "USD", 0, 215, 800},
	{"SV-300", "On-site installation (per day)", 1100, "EUR", -1, 301, 30},
	{"SV-310", "Project management (per day)", 1250, "EUR", -1, 302, 30},
	{"SV-320", "Remote configuration (per hour)", 135, "EUR", -1, 303, 30},
	{"SV-330", "Data migration package", 4800, "EUR", -1, 304, 30},
	{"SV-340", "Kurulum ve devreye alma (gün)", 28000, "TRY", -1, 0, 30},
	{"SV-350", "Integration workshop (2 days)", 2900, "USD", -1, 306, 30},
	{"TR-500", "User training (half day, up to 8 people)", 690, "EUR", -1, 401, 12},
	{"TR-510", "Administrator certification course", 1950, "USD", -1, 402, 12},
	{"TR-520", "Kullanıcı eğitimi (gün)", 18500, "TRY", -1, 0, 12},
	{"SU-600", "Support Standard (annual, 8x5)", 3600, "EUR", -1, 501, 6},
	{"SU-610", "Support Premium (annual, 24x7, 4 h response)", 9900, "EUR", -1, 502, 6},
	{"SU-620", "Extended hardware warranty (3 years)", 290, "USD", -1, 503, 6},
	{"SU-630", "Yıllık bakım sözleşmesi", 96000, "TRY", -1, 504, 6},
}

// freeLines are quote lines without a product.
var freeLines = []string{
	"Travel expenses (flat rate)", "Freight and insurance", "Custom report development", "On-site commissioning",
	"Integration with existing systems", "Project documentation", "Hypercare after go-live (2 weeks)",
}

// projectLines are free-text lines for the larger part of a big offer.
var projectLines = []string{
	"Implementation project (fixed price)", "Integration with existing systems", "Custom development (fixed price)",
	"Rollout services, all sites", "Process consulting and configuration",
}

var quoteNotes = []string{
	"Delivery 4–6 weeks after order.",
	"Payment 30 days net.",
	"Prices exclude shipping.",
	"Valid for the quantities quoted.",
	"Installation dates to be agreed.",
}
