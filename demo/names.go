package demo

// The word lists demo data is built from. Everything here is plain data;
// demo.go decides how it is combined.
//
// Patterns (phones, postcodes): '#' is any digit, 'N' a digit 2-9, 'L' a
// capital letter; every other character is copied. A phone pattern is
// written in international format, so its digits are its E.164 form.

// industries are the account industries, in the order of every country's
// sectors list (the word a company name uses for that industry).
var industries = []string{
	"Textiles", "Logistics", "Food & Beverage", "Software", "Construction",
	"Automotive", "Energy", "Healthcare", "Furniture", "Chemicals",
	"Machinery", "Packaging", "Electronics", "Travel & Tourism", "Consulting",
}

// city is where an account sits: its address and its landline numbers.
type city struct {
	name  string // short name, used to tell two same-named companies apart
	area  string // as written in an address ("Şişli/İstanbul", "Austin, TX"); name when empty
	post  string // postcode pattern
	phone string // landline pattern
}

// country is one market: names of its people, how its companies are named,
// addressed and phoned.
type country struct {
	code      string
	tld       string
	weight    int
	male      []string
	female    []string
	last      []string
	translit  bool                     // German: ä ö ü ß become ae oe ue ss in email addresses and domains
	feminine  func(last string) string // Polish: the female form of a surname
	second    bool                     // Spanish: many people carry two surnames
	templates []string                 // company names: {L} {L2} surnames, {W} a word, {S} the sector, {s} it in lower case
	words     []string                 // place and brand words for company names
	sectors   []string                 // one word per entry of industries
	legal     []string                 // legal forms, repeated by frequency
	titles    []string                 // job titles in the local language; "his|her" where they differ
	cities    []city                   // where accounts are
	streets   []string                 // street names
	address   func(street, no, post, area string) string
	mobiles   []string // mobile phone patterns
	providers []string // mail providers of private addresses
	notes     []string // short contact notes in the local language
}

func numberAfter(street, no, post, area string) string {
	return street + " " + no + ", " + post + " " + area
}
func numberBefore(street, no, post, area string) string {
	return no + " " + street + ", " + post + " " + area
}

var enMale = []string{
	"James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Christopher",
	"Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Ryan",
	"Seán", "Liam", "Connor", "Oliver", "Harry", "George", "Ethan", "Nathan", "Aaron", "Patrick",
}

var enFemale = []string{
	"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
	"Emily", "Megan", "Olivia", "Emma", "Chloe", "Sophie", "Charlotte", "Grace", "Siobhán", "Niamh",
	"Zoë", "Renée", "Hannah", "Abigail", "Rachel", "Lauren", "Amy", "Rebecca", "Mary-Kate", "Anne-Marie",
}

var enLast = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
	"Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
	"Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
	"Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Evans", "Hughes", "Edwards", "Collins", "Murphy",
	"O'Neil", "O'Brien", "O'Connor", "O'Sullivan", "McDonald", "MacKenzie", "Fitzgerald", "Campbell", "Stewart", "Kelly",
	"Taylor-Johnson", "Lloyd-Webber", "Price", "Bennett", "Foster", "Hayes", "Brooks", "Reed", "Ward", "Cooper",
}

var enWords = []string{
	"Summit", "Pioneer", "Liberty", "Evergreen", "Redwood", "Atlas", "Keystone", "Northstar", "Bluewater", "Ironwood",
	"Granite", "Silverline", "Crescent", "Beacon", "Frontier", "Horizon", "Meridian", "Pinnacle", "Riverside", "Oakridge",
	"Lakeside", "Cedar", "Falcon", "Eagle", "Sterling", "Union", "Premier", "Apex", "Vanguard", "Highland",
}

var enSectors = []string{
	"Textiles", "Logistics", "Foods", "Software", "Construction", "Motors", "Energy", "Health", "Furniture", "Chemicals",
	"Engineering", "Packaging", "Electronics", "Travel", "Consulting",
}

var enTemplates = []string{
	"{L} {S}", "{L} {S}", "{W} {S}", "{W} {S}", "{W} {S} Group", "{L} & Sons", "{L} Brothers", "{L} & {L2}", "{L} & {L2} {S}",
}

// enTitles are also used now and then in the other countries.
var enTitles = []string{
	"CEO", "CFO", "CTO", "COO", "Head of Procurement", "Purchasing Manager", "Sales Director", "Operations Manager",
	"IT Manager", "Office Manager", "VP Marketing", "Finance Manager", "Project Manager", "Key Account Manager",
	"Supply Chain Manager", "HR Business Partner", "Managing Director", "Product Manager",
}

var enNotes = []string{
	"Prefers email over phone.",
	"Met at the trade fair; follow up after Q3.",
	"Decision maker for the renewal.",
	"Asked for a demo of the reporting module.",
	"Call before 11:00 their time.",
	"Budget approved for next year.",
	"Introduced by an existing customer.",
	"Out of office until the end of the month.",
}

var countries = []*country{
	{
		code: "TR", tld: "com.tr", weight: 22,
		male: []string{
			"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Murat", "Ömer",
			"Osman", "Yusuf", "Emre", "Burak", "Serkan", "Oğuz", "Çağrı", "Barış", "Uğur", "Gökhan",
			"Tolga", "Kerem", "Onur", "Volkan", "Ertuğrul", "Selçuk", "Can", "Şükrü", "Eren", "Halil",
		},
		female: []string{
			"Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Merve", "Büşra", "Çağla", "Işık", "Gülşen",
			"Özlem", "Şule", "Derya", "Ebru", "Sibel", "Tuğba", "Gizem", "Ece", "İrem", "Nazlı",
			"Şeyma", "Gökçe", "Dilek", "Aslı", "Pınar", "Hülya", "Sevgi", "Nur", "İpek", "Deniz",
		},
		last: []string{
			"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
			"Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
			"Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Güneş", "Aktaş", "Işık", "Uçar", "Keskin",
			"Ünal", "Tekin", "Acar", "Bulut", "Güler", "Karaca", "Altıntaş", "Bozkurt", "Sarı", "Ateş",
			"Taş", "Akgül", "Uysal", "Gündoğdu", "Ekinci", "Büyükkaya", "Erdem", "Türkmen", "Gürbüz", "Karagöz",
		},
		templates: []string{"{L} {S}", "{L} {S}", "{W} {S}", "{W} {S}", "{L} Kardeşler {S}", "{L} & {L2} {S}", "{W} {S} Sanayi"},
		words: []string{
			"Anadolu", "Ege", "Marmara", "Karadeniz", "Akdeniz", "Yıldız", "Başak", "Atlas", "Kuzey", "Güney",
			"Toros", "Boğaziçi", "Kartal", "Umut", "Özgür", "Ekin", "Çınar", "Pınar", "Doğu", "Batı",
			"Gökkuşağı", "Altın", "Sedef", "Lale", "Güneşli", "Ardıç", "Zirve", "Koza", "Birlik", "Kardelen",
		},
		sectors: []string{
			"Tekstil", "Lojistik", "Gıda", "Yazılım", "İnşaat", "Otomotiv", "Enerji", "Sağlık", "Mobilya", "Kimya",
			"Makina", "Ambalaj", "Elektronik", "Turizm", "Danışmanlık",
		},
		legal: []string{"A.Ş.", "A.Ş.", "A.Ş.", "Ltd. Şti.", "Ltd. Şti.", "Ltd. Şti.", "San. ve Tic. A.Ş."},
		titles: []string{
			"Genel Müdür", "Genel Müdür Yardımcısı", "Satın Alma Müdürü", "Satış Müdürü", "Finans Müdürü",
			"İnsan Kaynakları Uzmanı", "Bilgi İşlem Müdürü", "Proje Yöneticisi", "Muhasebe Uzmanı",
			"Yönetim Kurulu Başkanı", "Pazarlama Müdürü", "Üretim Müdürü", "Lojistik Sorumlusu", "Satın Alma Uzmanı",
		},
		cities: []city{
			{"İstanbul", "Şişli/İstanbul", "343##", "+90 212 N## ## ##"},
			{"İstanbul", "Beşiktaş/İstanbul", "343##", "+90 212 N## ## ##"},
			{"İstanbul", "Kadıköy/İstanbul", "347##", "+90 216 N## ## ##"},
			{"İstanbul", "Ümraniye/İstanbul", "347##", "+90 216 N## ## ##"},
			{"Ankara", "Çankaya/Ankara", "066##", "+90 312 N## ## ##"},
			{"İzmir", "Konak/İzmir", "352##", "+90 232 N## ## ##"},
			{"İzmir", "Bornova/İzmir", "350##", "+90 232 N## ## ##"},
			{"Bursa", "Nilüfer/Bursa", "161##", "+90 224 N## ## ##"},
			{"Antalya", "Muratpaşa/Antalya", "070##", "+90 242 N## ## ##"},
			{"Kocaeli", "Gebze/Kocaeli", "414##", "+90 262 N## ## ##"},
			{"Konya", "Selçuklu/Konya", "420##", "+90 332 N## ## ##"},
			{"Gaziantep", "Şehitkamil/Gaziantep", "270##", "+90 342 N## ## ##"},
			{"Kayseri", "Kocasinan/Kayseri", "380##", "+90 352 N## ## ##"},
			{"Adana", "Seyhan/Adana", "010##", "+90 322 N## ## ##"},
			{"Denizli", "Pamukkale/Denizli", "200##", "+90 258 N## ## ##"},
		},
		streets: []string{
			"İnönü Cad.", "Atatürk Bulvarı", "Cumhuriyet Cad.", "Kazım Karabekir Cad.", "Fatih Sultan Mehmet Bulvarı",
			"Gazi Mustafa Kemal Bulvarı", "Zafer Sok.", "Barbaros Bulvarı", "Mithatpaşa Cad.",
			"Fevzi Çakmak Cad.", "Şehit Ahmet Sok.", "Gül Sok.", "Lale Sok.", "Menekşe Sok.", "Organize Sanayi Bölgesi 3. Cad.",
		},
		address: func(street, no, post, area string) string {
			return street + " No: " + no + ", " + post + " " + area
		},
		mobiles: []string{
			"+90 53# N## ## ##", "+90 53# N## ## ##", "+90 54N N## ## ##", "+90 505 N## ## ##",
			"+90 506 N## ## ##", "+90 507 N## ## ##", "+90 555 N## ## ##",
		},
		providers: []string{"gmail.com", "gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"},
		notes: []string{
			"Fuarda tanıştık, teklif bekliyor.",
			"Öğleden önce aranmayı tercih ediyor.",
			"Yeni depo projesi için bütçe onaylandı.",
			"Ödeme vadesi 60 gün.",
			"Çarşamba günleri ofiste değil.",
		},
	},
	{
		code: "DE", tld: "de", weight: 18, translit: true,
		male: []string{
			"Jürgen", "Günter", "Jörg", "Björn", "Uwe", "Klaus", "Stefan", "Thomas", "Michael", "Andreas",
			"Matthias", "Tobias", "Sebastian", "Florian", "Lukas", "Maximilian", "Jonas", "Felix", "Moritz", "Niklas",
			"Sören", "Horst", "Dieter", "Wolfgang", "Hans-Peter", "Karl-Heinz", "Ralf", "Frank", "Jens", "Torsten",
		},
		female: []string{
			"Ursula", "Käthe", "Sabine", "Petra", "Monika", "Claudia", "Susanne", "Katrin", "Anja", "Julia",
			"Lena", "Hannah", "Leonie", "Jana", "Birgit", "Anneliese", "Bärbel", "Jutta", "Dörte", "Maren",
			"Friederike", "Heike", "Annegret", "Gisela", "Johanna", "Lea", "Mia", "Marie-Luise", "Franziska", "Jördis",
		},
		last: []string{
			"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
			"Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
			"Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
			"Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Möller", "Weiß", "Jung",
			"Hahn", "Vogel", "Günther", "Keller", "Böhm", "Jäger", "Krämer", "Groß", "Schütz", "Großmann",
			"Müller-Lüdenscheidt", "Vogt", "Sommer", "Engel", "Brandt", "Haas", "Ziegler", "Kühn", "Seidel", "Dietrich",
		},
		templates: []string{"{L} {S}", "{L} {S}", "{W} {S}", "{W}-{S}", "{W}{s}", "{L} & Söhne", "{L} & Partner", "{L} & {L2}", "{L} & {L2} {S}"},
		words: []string{
			"Nordlicht", "Alpen", "Rhein", "Elbe", "Spree", "Donau", "Hanse", "Sonnen", "Adler", "Falken",
			"Löwen", "Eichen", "Linden", "Stern", "Blau", "Grün", "Bayern", "Schwaben", "Süd", "Nord",
			"Main", "Isar", "Weser", "Harz", "Taunus", "Wald", "Kristall", "Ostsee", "Nordsee", "Schwarzwald",
		},
		sectors: []string{
			"Textil", "Logistik", "Feinkost", "Software", "Bau", "Automobil", "Energie", "Medizintechnik", "Möbel", "Chemie",
			"Maschinenbau", "Verpackung", "Elektronik", "Reisen", "Beratung",
		},
		legal: []string{"GmbH", "GmbH", "GmbH", "GmbH", "KG", "AG", "GmbH & Co. KG", "GmbH & Co. KG", "e.K."},
		titles: []string{
			"Geschäftsführer|Geschäftsführerin", "Einkaufsleiter|Einkaufsleiterin", "Einkaufsleiter|Einkaufsleiterin",
			"Vertriebsleiter|Vertriebsleiterin", "Prokurist|Prokuristin", "Leiter Buchhaltung|Leiterin Buchhaltung",
			"IT-Leiter|IT-Leiterin", "Projektmanager|Projektmanagerin", "Personalreferent|Personalreferentin",
			"Marketingleiter|Marketingleiterin", "Technischer Leiter|Technische Leiterin",
			"Teamleiter Logistik|Teamleiterin Logistik", "Sachbearbeiter Einkauf|Sachbearbeiterin Einkauf",
		},
		cities: []city{
			{"Berlin", "", "10###", "+49 30 N#######"},
			{"München", "", "80###", "+49 89 N#######"},
			{"Hamburg", "", "20###", "+49 40 N#######"},
			{"Frankfurt am Main", "", "60###", "+49 69 N#######"},
			{"Köln", "", "50###", "+49 221 N######"},
			{"Stuttgart", "", "70###", "+49 711 N######"},
			{"Düsseldorf", "", "40###", "+49 211 N######"},
			{"Leipzig", "", "04###", "+49 341 N######"},
			{"Nürnberg", "", "90###", "+49 911 N######"},
			{"Bremen", "", "28###", "+49 421 N######"},
			{"Hannover", "", "30###", "+49 511 N######"},
			{"Dresden", "", "01###", "+49 351 N######"},
		},
		streets: []string{
			"Hauptstraße", "Bahnhofstraße", "Friedrichstraße", "Königstraße", "Goethestraße", "Schillerstraße",
			"Industriestraße", "Gewerbering", "Mühlenweg", "Lindenstraße", "Am Hafen", "Gartenstraße",
			"Marktplatz", "Schloßstraße", "Weißdornweg",
		},
		address: numberAfter,
		mobiles: []string{
			"+49 151 N#######", "+49 160 N######", "+49 170 N######", "+49 171 N######", "+49 172 N######",
			"+49 175 N######", "+49 176 N#######", "+49 179 N######",
		},
		providers: []string{"web.de", "gmx.de", "gmx.net", "t-online.de", "gmail.com"},
		notes: []string{
			"Bevorzugt Rückruf am Vormittag.",
			"Auf der Hannover Messe kennengelernt.",
			"Angebot bis Ende des Monats schicken.",
			"Zuständig für Rahmenverträge.",
			"Möchte Unterlagen per Post.",
		},
	},
	{
		code: "US", tld: "com", weight: 13,
		male: enMale, female: enFemale, last: enLast,
		templates: enTemplates, words: enWords, sectors: enSectors,
		legal:  []string{"Inc.", "Inc.", "Inc.", "LLC", "LLC", "Corp."},
		titles: enTitles,
		cities: []city{
			{"San Francisco", "San Francisco, CA", "941##", "+1 415 N## ####"},
			{"New York", "New York, NY", "100##", "+1 212 N## ####"},
			{"Chicago", "Chicago, IL", "606##", "+1 312 N## ####"},
			{"Boston", "Boston, MA", "021##", "+1 617 N## ####"},
			{"Seattle", "Seattle, WA", "981##", "+1 206 N## ####"},
			{"Austin", "Austin, TX", "787##", "+1 512 N## ####"},
			{"Denver", "Denver, CO", "802##", "+1 303 N## ####"},
			{"Atlanta", "Atlanta, GA", "303##", "+1 404 N## ####"},
			{"Miami", "Miami, FL", "331##", "+1 305 N## ####"},
			{"Los Angeles", "Los Angeles, CA", "900##", "+1 213 N## ####"},
		},
		streets: []string{
			"Market St", "Main St", "Center St", "Broadway", "5th Avenue", "Oak Street", "Maple Avenue", "Elm Street",
			"Park Avenue", "Washington Blvd", "Lincoln Way", "Highland Ave", "Pine St", "Cedar Lane", "Commerce Dr",
		},
		address: func(street, no, post, area string) string {
			return no + " " + street + ", " + area + " " + post
		},
		mobiles: []string{
			"+1 415 N## ####", "+1 646 N## ####", "+1 917 N## ####", "+1 312 N## ####", "+1 617 N## ####",
			"+1 206 N## ####", "+1 512 N## ####", "+1 720 N## ####", "+1 404 N## ####", "+1 786 N## ####", "+1 310 N## ####",
		},
		providers: []string{"gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com"},
		notes:     enNotes,
	},
	{
		code: "GB", tld: "co.uk", weight: 8,
		male: enMale, female: enFemale, last: enLast,
		templates: enTemplates, words: enWords, sectors: enSectors,
		legal:  []string{"Ltd", "Ltd", "Ltd", "Ltd", "PLC", "LLP"},
		titles: enTitles,
		cities: []city{
			{"London", "", "EC1A NLL", "+44 20 7### ####"},
			{"London", "", "SW1A NLL", "+44 20 3### ####"},
			{"London", "", "E1 NLL", "+44 20 8### ####"},
			{"Manchester", "", "M1 NLL", "+44 161 N## ####"},
			{"Birmingham", "", "B1 NLL", "+44 121 4## ####"},
			{"Leeds", "", "LS1 NLL", "+44 113 2## ####"},
			{"Glasgow", "", "G2 NLL", "+44 141 N## ####"},
			{"Edinburgh", "", "EH1 NLL", "+44 131 5## ####"},
			{"Bristol", "", "BS1 NLL", "+44 117 9## ####"},
		},
		streets: []string{
			"High Street", "Station Road", "Church Lane", "King's Road", "Victoria Street", "Queen Street", "Mill Lane",
			"Park Road", "Bridge Street", "Oxford Road", "Regent Street", "St John's Road", "George Street", "Castle Street",
		},
		address: func(street, no, post, area string) string {
			return no + " " + street + ", " + area + " " + post
		},
		mobiles: []string{
			"+44 7412 ######", "+44 7463 ######", "+44 7507 ######", "+44 7540 ######", "+44 7710 ######", "+44 7723 ######",
			"+44 7752 ######", "+44 7766 ######", "+44 7801 ######", "+44 7824 ######", "+44 7852 ######", "+44 7900 ######",
			"+44 7930 ######", "+44 7958 ######", "+44 7984 ######",
		},
		providers: []string{"gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "hotmail.co.uk"},
		notes:     enNotes,
	},
	{
		code: "ES", tld: "es", weight: 7, second: true,
		male: []string{
			"José", "Antonio", "Manuel", "Francisco", "Javier", "Jesús", "Ángel", "Sergio", "Raúl", "Álvaro",
			"Rubén", "Andrés", "Íñigo", "Joaquín", "Juan Carlos", "Pablo", "Alejandro", "Diego", "Adrián", "Óscar",
		},
		female: []string{
			"María", "Lucía", "Sofía", "Carmen", "Ana", "Isabel", "Pilar", "Mercedes", "Inés", "Marta",
			"Elena", "Begoña", "Nuria", "Rocío", "Ainhoa", "Montserrat", "María José", "Cristina", "Laura", "Raquel",
		},
		last: []string{
			"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
			"Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
			"Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
			"Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Ibáñez",
		},
		templates: []string{"{S} {L}", "{S} {W}", "{S} {W}", "{L} e Hijos", "Hermanos {L}", "Grupo {W}", "{S} {L} y {L2}"},
		words: []string{
			"Ibérica", "Levante", "Mediterráneo", "Cantábrico", "Atlántico", "Sierra", "del Sol", "Castilla", "Aragón", "Galicia",
			"Andaluza", "del Norte", "del Sur", "Olivo", "Encina", "Faro", "Brisa", "Marea", "Peñalara", "Guadalquivir",
		},
		sectors: []string{
			"Textil", "Logística", "Alimentación", "Software", "Construcciones", "Automoción", "Energía", "Salud", "Muebles", "Química",
			"Maquinaria", "Embalajes", "Electrónica", "Viajes", "Consultores",
		},
		legal: []string{"S.L.", "S.L.", "S.L.", "S.A."},
		titles: []string{
			"Director General|Directora General", "Jefe de Compras|Jefa de Compras", "Director Financiero|Directora Financiera",
			"Responsable de IT", "Director Comercial|Directora Comercial", "Jefe de Proyecto|Jefa de Proyecto",
			"Responsable de Logística", "Técnico de Compras|Técnica de Compras", "Gerente",
		},
		cities: []city{
			{"Madrid", "", "280##", "+34 91 N## ## ##"},
			{"Barcelona", "", "080##", "+34 93 N## ## ##"},
			{"Valencia", "", "460##", "+34 96 N## ## ##"},
			{"Sevilla", "", "410##", "+34 954 ## ## ##"},
			{"Bilbao", "", "480##", "+34 94 N## ## ##"},
			{"Zaragoza", "", "500##", "+34 976 ## ## ##"},
		},
		streets: []string{
			"Calle Mayor", "Calle del Carmen", "Gran Vía", "Paseo de la Estación", "Avenida de la Constitución", "Calle Nueva",
			"Calle Real", "Avenida de Europa", "Plaza de España", "Calle San Vicente", "Calle de Colón", "Calle de la Iglesia",
		},
		address: func(street, no, post, area string) string {
			return street + ", " + no + ", " + post + " " + area
		},
		mobiles:   []string{"+34 6## ### ###", "+34 6## ### ###", "+34 72# ### ###"},
		providers: []string{"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"},
		notes: []string{
			"Prefiere que le llamen por la mañana.",
			"Lo conocimos en la feria de Madrid.",
			"Pide la oferta en castellano y en inglés.",
			"Presupuesto aprobado para el próximo año.",
		},
	},
	{
		code: "FR", tld: "fr", weight: 7,
		male: []string{
			"Jean-Pierre", "Jean-Luc", "François", "Frédéric", "Stéphane", "Jérôme", "Sébastien", "Benoît", "Nicolas", "Julien",
			"Thierry", "Laurent", "Mathéo", "Raphaël", "Loïc", "Hervé", "Gérard", "Aurélien", "Cédric", "Rémi",
		},
		female: []string{
			"Marie-Claire", "Anne-Sophie", "Hélène", "Élodie", "Céline", "Amélie", "Chloé", "Léa", "Zoé", "Inès",
			"Camille", "Émilie", "Gaëlle", "Noémie", "Anaïs", "Françoise", "Mélanie", "Clémence", "Béatrice", "Sylvie",
		},
		last: []string{
			"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
			"Simon", "Laurent", "Lefèvre", "Michel", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
			"Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier", "Faure",
			"Rousseau", "Blanc", "Guérin", "Chevalier", "Fontaine", "Gauthier", "Clément", "D'Amboise", "Lemaître", "Bélanger",
		},
		templates: []string{"{S} {L}", "{L} {S}", "{S} {W}", "{S} {W}", "{L} et Fils", "{L} Frères", "{L} & {L2}"},
		words: []string{
			"Atlantique", "Provence", "Alpes", "Bretagne", "Normandie", "Azur", "Loire", "Lumière", "Étoile", "Horizon",
			"du Chêne", "Océan", "Méridien", "Avenir", "Soleil", "Rivage", "Vallée", "Garonne", "Rhône", "Aquitaine",
		},
		sectors: []string{
			"Textile", "Logistique", "Alimentaire", "Logiciels", "Bâtiment", "Automobiles", "Énergie", "Santé", "Meubles", "Chimie",
			"Mécanique", "Emballages", "Électronique", "Voyages", "Conseil",
		},
		legal: []string{"SARL", "SARL", "SAS", "SAS", "S.A."},
		titles: []string{
			"Directeur Général|Directrice Générale", "Responsable des Achats", "Directeur Financier|Directrice Financière",
			"Chef de Projet|Cheffe de Projet", "Directeur Commercial|Directrice Commerciale", "Responsable Informatique",
			"Gérant|Gérante", "Acheteur|Acheteuse", "Responsable Logistique",
		},
		cities: []city{
			{"Paris", "", "750##", "+33 1 4# ## ## ##"},
			{"Lyon", "", "6900#", "+33 4 7# ## ## ##"},
			{"Marseille", "", "130##", "+33 4 9# ## ## ##"},
			{"Toulouse", "", "310##", "+33 5 6# ## ## ##"},
			{"Bordeaux", "", "330##", "+33 5 56 ## ## ##"},
			{"Lille", "", "590##", "+33 3 20 ## ## ##"},
			{"Nantes", "", "440##", "+33 2 40 ## ## ##"},
			{"Strasbourg", "", "670##", "+33 3 88 ## ## ##"},
		},
		streets: []string{
			"rue de la République", "boulevard Voltaire", "avenue du Général de Gaulle", "rue Victor Hugo",
			"avenue Jean Jaurès", "rue de la Paix", "rue Pasteur", "rue Gambetta", "place de la Mairie",
			"rue Nationale", "boulevard de la Liberté", "rue de l'Église", "chemin des Vignes",
		},
		address: numberBefore,
		mobiles: []string{
			"+33 6 1# ## ## ##", "+33 6 2# ## ## ##", "+33 6 4# ## ## ##", "+33 6 5# ## ## ##", "+33 6 6# ## ## ##",
			"+33 6 7# ## ## ##", "+33 6 8# ## ## ##", "+33 7 8# ## ## ##",
		},
		providers: []string{"orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"},
		notes: []string{
			"Préfère être contacté par e-mail.",
			"Rencontré au salon de Lyon ; rappeler en septembre.",
			"Décideur pour le renouvellement du contrat.",
			"Absent le mercredi après-midi.",
		},
	},
	{
		code: "IT", tld: "it", weight: 7,
		male: []string{
			"Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Alessandro", "Andrea", "Marco", "Matteo",
			"Lorenzo", "Niccolò", "Federico", "Gianluca", "Pierpaolo", "Davide", "Stefano", "Simone", "Fabrizio", "Nicolò",
		},
		female: []string{
			"Maria", "Anna", "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Alessia", "Giorgia", "Valentina",
			"Elisa", "Beatrice", "Federica", "Silvia", "Paola", "Roberta", "Ilaria", "Elena", "Lucrezia", "Noemi",
		},
		last: []string{
			"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
			"Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
			"Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
			"Longo", "Gentile", "Martinelli", "Vitale", "De Santis", "D'Angelo", "D'Amico", "Patanè", "Cantù", "Sanfilippo",
		},
		templates: []string{"{S} {W}", "{S} {W}", "{L} {S}", "{L} {S}", "Fratelli {L}", "{L} & Figli", "{L} & {L2} {S}"},
		words: []string{
			"Adriatica", "Tirrena", "Alpina", "Padana", "Lombarda", "Toscana", "Veneta", "Mediterranea", "Italica", "Aurora",
			"Stella", "del Sole", "Fenice", "Delta", "Laguna", "Ulivo", "Vesuvio", "Etna", "Dolomiti", "Riviera",
		},
		sectors: []string{
			"Tessile", "Logistica", "Alimentari", "Software", "Costruzioni", "Automotive", "Energia", "Sanità", "Arredamenti", "Chimica",
			"Meccanica", "Imballaggi", "Elettronica", "Viaggi", "Consulenza",
		},
		legal: []string{"S.r.l.", "S.r.l.", "S.r.l.", "S.p.A."},
		titles: []string{
			"Amministratore Delegato|Amministratrice Delegata", "Responsabile Acquisti", "Direttore Commerciale|Direttrice Commerciale",
			"Direttore Finanziario|Direttrice Finanziaria", "Responsabile IT", "Project Manager", "Responsabile Logistica",
			"Ufficio Acquisti", "Titolare",
		},
		cities: []city{
			{"Milano", "", "201##", "+39 02 N### ####"},
			{"Roma", "", "001##", "+39 06 5### ####"},
			{"Torino", "", "101##", "+39 011 N## ####"},
			{"Napoli", "", "801##", "+39 081 N## ####"},
			{"Bologna", "", "401##", "+39 051 N## ####"},
			{"Firenze", "", "501##", "+39 055 N## ####"},
			{"Venezia", "", "301##", "+39 041 N## ####"},
		},
		streets: []string{
			"Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Mazzini", "Via Dante", "Via Verdi",
			"Via XX Settembre", "Via Nazionale", "Viale Europa", "Via dell'Industria", "Piazza della Libertà", "Via Cavour",
		},
		address: numberAfter,
		mobiles: []string{
			"+39 32# ### ####", "+39 33# ### ####", "+39 34# ### ####", "+39 38# ### ####", "+39 39# ### ####",
		},
		providers: []string{"libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"},
		notes: []string{
			"Preferisce essere contattato via e-mail.",
			"Conosciuto alla fiera di Milano.",
			"Richiamare dopo le 15:00.",
			"Budget approvato per l'anno prossimo.",
		},
	},
	{
		code: "NL", tld: "nl", weight: 6,
		male: []string{
			"Jan", "Pieter", "Kees", "Henk", "Willem", "Joost", "Bram", "Daan", "Sem", "Thijs",
			"Ruud", "Maarten", "Sjoerd", "Geert", "Bart", "Wouter", "Jeroen", "Niels", "Ruben", "Gijs",
		},
		female: []string{
			"Anouk", "Femke", "Sanne", "Lotte", "Eva", "Marloes", "Ilse", "Iris", "Noor", "Fleur",
			"Mieke", "Joëlle", "Zoë", "Esmée", "Ineke", "Marieke", "Annelies", "Lieke", "Roos", "Floor",
		},
		last: []string{
			"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
			"de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
			"Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
			"de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Verhoeven", "Koster", "Prins",
		},
		templates: []string{"{W} {S}", "{W}{s}", "{L} {S}", "{L} {S}", "{L} & Zonen", "{L} & {L2}", "{W} {S} Groep"},
		words: []string{
			"Noordzee", "Polder", "Delta", "Oranje", "Tulp", "Molen", "Dijk", "Haven", "Zeeland", "Brabant",
			"Holland", "Friesland", "Eiland", "Kust", "Duin", "Wind", "Zon", "Lelie", "Kroon", "Ster",
		},
		sectors: []string{
			"Textiel", "Logistiek", "Voeding", "Software", "Bouw", "Automotive", "Energie", "Zorg", "Meubelen", "Chemie",
			"Machinebouw", "Verpakkingen", "Elektronica", "Reizen", "Advies",
		},
		legal: []string{"B.V.", "B.V.", "B.V.", "B.V.", "N.V."},
		titles: []string{
			"Algemeen Directeur", "Inkoper", "Hoofd Inkoop", "Financieel Directeur", "Salesmanager",
			"Projectleider", "IT-manager", "Office Manager", "Bedrijfsleider", "Accountmanager",
		},
		cities: []city{
			{"Amsterdam", "", "10## LL", "+31 20 N## ####"},
			{"Rotterdam", "", "30## LL", "+31 10 N## ####"},
			{"Den Haag", "", "25## LL", "+31 70 N## ####"},
			{"Utrecht", "", "35## LL", "+31 30 N## ####"},
			{"Eindhoven", "", "56## LL", "+31 40 N## ####"},
			{"Groningen", "", "97## LL", "+31 50 N## ####"},
		},
		streets: []string{
			"Stationsweg", "Hoofdstraat", "Molenstraat", "Nieuwstraat", "Julianalaan", "Stationsplein", "Kerkstraat",
			"Dorpsstraat", "Marktplein", "Industrieweg", "Havenstraat", "Kanaalweg",
		},
		address: numberAfter,
		mobiles: []string{
			"+31 6 1#######", "+31 6 2#######", "+31 6 3#######", "+31 6 4#######", "+31 6 5#######",
		},
		providers: []string{"ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl"},
		notes: []string{
			"Belt liever na 14:00.",
			"Ontmoet op de beurs in Utrecht.",
			"Wil de offerte in het Engels.",
			"Beslisser voor de verlenging.",
		},
	},
	{
		code: "PL", tld: "pl", weight: 5, feminine: polishFeminine,
		male: []string{
			"Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Grzegorz", "Łukasz", "Jakub",
			"Mateusz", "Wojciech", "Rafał", "Przemysław", "Bartłomiej", "Jarosław", "Sławomir", "Zbigniew", "Jędrzej", "Maciej",
		},
		female: []string{
			"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna", "Aleksandra",
			"Zofia", "Monika", "Dorota", "Jadwiga", "Żaneta", "Grażyna", "Bożena", "Urszula", "Agata", "Weronika",
		},
		last: []string{
			"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
			"Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
			"Michalski", "Nowicki", "Adamczyk", "Dudek", "Zając", "Wieczorek", "Jabłoński", "Król", "Majewski", "Olszewski",
			"Stępień", "Górski", "Sikora", "Bąk", "Sokołowski", "Kaźmierczak", "Ziółkowski", "Wróbel", "Czarnecki", "Głowacki",
		},
		templates: []string{"{W} {S}", "{W} {S}", "{S} {L}", "{S} {L}", "{L} i Synowie", "{W}-{S}", "{L} & {L2}"},
		words: []string{
			"Polska", "Wisła", "Mazowsze", "Bałtyk", "Tatry", "Pomorze", "Śląsk", "Orzeł", "Sokół", "Jantar",
			"Warta", "Odra", "Mazury", "Karpaty", "Podhale", "Kujawy", "Wielkopolska", "Bursztyn", "Zorza", "Promień",
		},
		sectors: []string{
			"Tekstylia", "Logistyka", "Żywność", "Informatyka", "Budownictwo", "Motoryzacja", "Energetyka", "Medycyna", "Meble", "Chemia",
			"Maszyny", "Opakowania", "Elektronika", "Podróże", "Doradztwo",
		},
		legal: []string{"Sp. z o.o.", "Sp. z o.o.", "Sp. z o.o.", "S.A."},
		titles: []string{
			"Prezes Zarządu", "Kierownik Zakupów|Kierowniczka Zakupów", "Dyrektor Finansowy|Dyrektor Finansowa",
			"Kierownik Sprzedaży|Kierowniczka Sprzedaży", "Specjalista ds. IT|Specjalistka ds. IT", "Kierownik Projektu",
			"Główny Księgowy|Główna Księgowa", "Specjalista ds. Zakupów|Specjalistka ds. Zakupów", "Dyrektor Handlowy|Dyrektor Handlowa",
		},
		cities: []city{
			{"Warszawa", "", "00-###", "+48 22 N## ## ##"},
			{"Kraków", "", "31-###", "+48 12 N## ## ##"},
			{"Wrocław", "", "50-###", "+48 71 N## ## ##"},
			{"Poznań", "", "60-###", "+48 61 N## ## ##"},
			{"Gdańsk", "", "80-###", "+48 58 N## ## ##"},
			{"Łódź", "", "90-###", "+48 42 N## ## ##"},
			{"Katowice", "", "40-###", "+48 32 N## ## ##"},
		},
		streets: []string{
			"ul. Polna", "ul. Lipowa", "ul. Długa", "ul. Ogrodowa", "ul. Kolejowa", "ul. Słoneczna",
			"ul. Grunwaldzka", "ul. Mickiewicza", "ul. Kościuszki", "ul. Słowackiego", "ul. Żeromskiego", "ul. Wrocławska",
		},
		address: numberAfter,
		mobiles: []string{
			"+48 50# ### ###", "+48 51# ### ###", "+48 60# ### ###", "+48 66# ### ###", "+48 69# ### ###",
			"+48 72# ### ###", "+48 79# ### ###", "+48 88# ### ###",
		},
		providers: []string{"wp.pl", "onet.pl", "o2.pl", "gmail.com", "interia.pl"},
		notes: []string{
			"Woli kontakt mailowy.",
			"Poznany na targach w Poznaniu.",
			"Prosi o ofertę do końca miesiąca.",
			"Decyduje o przedłużeniu umowy.",
		},
	},
	{
		code: "SE", tld: "se", weight: 4,
		male: []string{
			"Lars", "Anders", "Johan", "Erik", "Per", "Nils", "Karl", "Mikael", "Björn", "Göran",
			"Åke", "Örjan", "Stefan", "Fredrik", "Magnus", "Olof", "Gustav", "Henrik", "Pär", "Jöns",
		},
		female: []string{
			"Maria", "Anna", "Eva", "Karin", "Kristina", "Lena", "Sara", "Åsa", "Elin", "Ingrid",
			"Märta", "Linnéa", "Maja", "Saga", "Ebba", "Agneta", "Birgitta", "Ulla", "Sofia", "Frida",
		},
		last: []string{
			"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
			"Pettersson", "Jonsson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Magnusson", "Lindström", "Lindqvist", "Lindgren",
			"Berglund", "Sandberg", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Håkansson", "Björk", "Bergström",
			"Åberg", "Öberg", "Ström", "Sjögren", "Löfgren", "Åström", "Nyström", "Holmström", "Wikström", "Söderberg",
		},
		templates: []string{"{W}{s}", "{W}{s}", "{L} {S}", "{L} {S}", "{W} {S}", "{L} & {L2}", "{L} & Söner"},
		words: []string{
			"Nord", "Fjäll", "Skog", "Sjö", "Ström", "Älv", "Björk", "Gran", "Ek", "Vind",
			"Sol", "Ljus", "Berg", "Dal", "Vik", "Hav", "Norrland", "Skåne", "Gotland", "Vänern",
		},
		sectors: []string{
			"Textil", "Logistik", "Livsmedel", "Data", "Bygg", "Motor", "Energi", "Vård", "Möbler", "Kemi",
			"Mekaniska", "Förpackningar", "Elektronik", "Resor", "Konsult",
		},
		legal: []string{"AB"},
		titles: []string{
			"VD", "Inköpschef", "Ekonomichef", "Försäljningschef", "IT-chef", "Projektledare", "Logistikchef", "Inköpare", "Kontorschef",
		},
		cities: []city{
			{"Stockholm", "", "111 ##", "+46 8 N## ### ##"},
			{"Göteborg", "", "411 ##", "+46 31 N## ## ##"},
			{"Malmö", "", "211 ##", "+46 40 N## ## ##"},
			{"Uppsala", "", "753 ##", "+46 18 N## ## ##"},
			{"Linköping", "", "582 ##", "+46 13 N## ## ##"},
			{"Västerås", "", "722 ##", "+46 21 N## ## ##"},
		},
		streets: []string{
			"Drottninggatan", "Kungsgatan", "Storgatan", "Skolgatan", "Vasagatan", "Parkvägen",
			"Västra vägen", "Industrivägen", "Kyrkogatan", "Järnvägsgatan", "Ågatan", "Hamngatan",
		},
		address:   numberAfter,
		mobiles:   []string{"+46 70 N## ## ##", "+46 72 N## ## ##", "+46 73 N## ## ##", "+46 76 N## ## ##", "+46 79 N## ## ##"},
		providers: []string{"gmail.com", "telia.com", "outlook.com", "hotmail.se", "bredband.net"},
		notes: []string{
			"Föredrar e-post.",
			"Träffades på mässan i Göteborg.",
			"Ring efter lunch.",
		},
	},
	{
		code: "NO", tld: "no", weight: 3,
		male: []string{
			"Ole", "Lars", "Knut", "Håkon", "Øystein", "Ørjan", "Sindre", "Eirik", "Magnus", "Bjørn",
			"Jørgen", "Sigurd", "Torstein", "Geir", "Trond", "Espen", "Åsmund", "Stian", "Vegard", "Kåre",
		},
		female: []string{
			"Kari", "Ingrid", "Solveig", "Sigrid", "Åse", "Tone", "Marit", "Ragnhild", "Liv", "Silje",
			"Ingvild", "Hege", "Guro", "Mette", "Synnøve", "Bjørg", "Therese", "Kjersti", "Tuva", "Åshild",
		},
		last: []string{
			"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
			"Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
			"Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
			"Ødegård", "Sæther", "Bråten", "Løvås", "Økland", "Grønli", "Østby", "Kvåle", "Bjørnstad", "Aasen",
		},
		templates: []string{"{W}{s}", "{W}{s}", "{L} {S}", "{L} {S}", "{W} {S}", "{L} & {L2}", "{L} & Sønner"},
		words: []string{
			"Fjord", "Nord", "Fjell", "Skog", "Havs", "Vest", "Øst", "Sør", "Lofoten", "Polar",
			"Nordlys", "Viking", "Bjørk", "Elve", "Snø", "Vind", "Stein", "Bølge", "Trøndelag", "Fosna",
		},
		sectors: []string{
			"Tekstil", "Logistikk", "Mat", "Data", "Bygg", "Bil", "Energi", "Helse", "Møbler", "Kjemi",
			"Mekaniske", "Emballasje", "Elektronikk", "Reiser", "Rådgivning",
		},
		legal: []string{"AS", "AS", "AS", "ASA"},
		titles: []string{
			"Daglig leder", "Innkjøpssjef", "Økonomisjef", "Salgssjef", "IT-sjef", "Prosjektleder", "Logistikksjef", "Innkjøper",
		},
		cities: []city{
			{"Oslo", "", "01##", "+47 22 ## ## ##"},
			{"Oslo", "", "02##", "+47 23 ## ## ##"},
			{"Bergen", "", "50##", "+47 55 ## ## ##"},
			{"Trondheim", "", "70##", "+47 73 ## ## ##"},
			{"Stavanger", "", "40##", "+47 51 ## ## ##"},
			{"Tromsø", "", "90##", "+47 77 ## ## ##"},
			{"Kristiansand", "", "46##", "+47 38 ## ## ##"},
		},
		streets: []string{
			"Skolegata", "Storgata", "Kirkegata", "Dronningens gate", "Strandgata", "Parkveien",
			"Kongens gate", "Torggata", "Nedre Slottsgate", "Sjøgata", "Industriveien", "Fjordveien",
		},
		address: numberAfter,
		mobiles: []string{
			"+47 40# ## ###", "+47 41# ## ###", "+47 45# ## ###", "+47 46# ## ###", "+47 47# ## ###", "+47 48# ## ###",
			"+47 9## ## ###", "+47 9## ## ###", "+47 9## ## ###",
		},
		providers: []string{"gmail.com", "online.no", "hotmail.no", "outlook.com"},
		notes: []string{
			"Foretrekker e-post.",
			"Møttes på messen i Lillestrøm.",
			"Ring før kl. 11.",
		},
	},
}

// polishFeminine turns a Polish surname into the form a woman carries:
// Kowalski → Kowalska, Czarnecki → Czarnecka. Other surnames do not change.
func polishFeminine(last string) string {
	for _, suf := range []string{"ski", "cki", "dzki"} {
		if len(last) > len(suf) && last[len(last)-len(suf):] == suf {
			return last[:len(last)-1] + "a"
		}
	}
	return last
}

// Things shared by every country.
var (
	sources     = []string{"web form", "web form", "referral", "referral", "trade fair", "cold call", "linkedin", "linkedin", "import"}
	contactTags = []string{"decision-maker", "newsletter", "vip", "champion", "technical", "billing", "event-invite", "beta-tester"}
	accountTags = []string{"customer", "customer", "customer", "prospect", "prospect", "partner", "supplier", "key-account", "reseller", "churn-risk"}
	accountNote = []string{
		"Framework agreement renewed every January.",
		"Payment terms 30 days net.",
		"Orders through the EDI portal only.",
		"Head office handles all purchasing.",
		"Visit planned for the next quarter.",
	}
	postLetters = "ABDEFGHJLNPQRSTUWXYZ"
)

// team are the colleagues Run adds so records have several owners.
var team = []struct{ name, email string }{
	{"Deniz Kaya", "deniz@example.com"},
	{"Jonas Weber", "jonas@example.com"},
	{"Maria García", "maria@example.com"},
}
