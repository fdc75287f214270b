package model

import (
	"strings"
	"sync"
)

// countryRegions are the names people write a country in (English, the
// country's own, Turkish, German), folded, and its phone region. An
// address or a country column naming one tells how to read a phone number
// written without a country code.
// (Built on first use: every command would pay for it at start.)
var (
	countryRegions     = map[string]string{}
	countryRegionsOnce sync.Once
)

func loadCountryRegions() {
	for code, names := range map[string]string{
		"US": "united states|united states of america|usa|u.s.a.|u.s.|america|abd|amerika birlesik devletleri|vereinigte staaten",
		"GB": "united kingdom|uk|u.k.|great britain|britain|england|scotland|wales|northern ireland|birlesik krallik|ingiltere|vereinigtes konigreich|grossbritannien",
		"DE": "germany|deutschland|almanya",
		"TR": "turkey|turkiye|turkei|turkiye cumhuriyeti",
		"FR": "france|fransa|frankreich",
		"ES": "spain|espana|ispanya|spanien",
		"IT": "italy|italia|italya|italien",
		"NL": "netherlands|the netherlands|nederland|holland|hollanda|niederlande",
		"PL": "poland|polska|polonya|polen",
		"SE": "sweden|sverige|isvec|schweden",
		"NO": "norway|norge|norvec|norwegen",
		"DK": "denmark|danmark|danimarka|danemark",
		"FI": "finland|suomi|finlandiya|finnland",
		"AT": "austria|osterreich|avusturya",
		"CH": "switzerland|schweiz|suisse|svizzera|isvicre",
		"BE": "belgium|belgie|belgique|belcika|belgien",
		"PT": "portugal|portekiz",
		"GR": "greece|hellas|ellada|yunanistan|griechenland",
		"IE": "ireland|eire|irlanda|irland",
		"CZ": "czechia|czech republic|cesko|cekya|tschechien",
		"HU": "hungary|magyarorszag|macaristan|ungarn",
		"RO": "romania|romanya|rumanien",
		"BG": "bulgaria|bulgaristan|bulgarien",
		"CY": "cyprus|kibris|zypern",
		"AZ": "azerbaijan|azerbaycan|aserbaidschan",
		"RU": "russia|russian federation|rusya|russland",
		"UA": "ukraine|ukrayna",
		"CA": "canada|kanada",
		"MX": "mexico|meksika|mexiko",
		"BR": "brazil|brasil|brezilya|brasilien",
		"AR": "argentina|arjantin|argentinien",
		"CN": "china|cin|people's republic of china",
		"JP": "japan|japonya",
		"KR": "south korea|korea|republic of korea|guney kore|sudkorea",
		"IN": "india|hindistan|indien",
		"AU": "australia|avustralya|australien",
		"NZ": "new zealand|yeni zelanda|neuseeland",
		"AE": "united arab emirates|uae|birlesik arap emirlikleri|vereinigte arabische emirate",
		"SA": "saudi arabia|suudi arabistan|saudi-arabien",
		"IL": "israel|israil",
		"EG": "egypt|misir|agypten",
		"ZA": "south africa|guney afrika|sudafrika",
		"SG": "singapore|singapur",
	} {
		countryRegions[strings.ToLower(code)] = code
		for _, n := range strings.Split(names, "|") {
			countryRegions[Fold(n)] = code
		}
	}
}

// RegionOfCountry is the phone region of a country named in any of the
// usual ways ("Germany", "Deutschland", "Almanya", "DE"), or "".
func RegionOfCountry(name string) string {
	countryRegionsOnce.Do(loadCountryRegions)
	return countryRegions[Fold(strings.Trim(strings.TrimSpace(name), ".,;"))]
}

// RegionOfAddress is the phone region of the country an address ends
// with ("Hauptstr. 1, 10115 Berlin, Germany"), or "".
func RegionOfAddress(addr string) string {
	addr = strings.TrimSpace(addr)
	if i := strings.LastIndexAny(addr, ",\n"); i >= 0 {
		addr = addr[i+1:]
	}
	return RegionOfCountry(addr)
}
