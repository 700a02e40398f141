package extract

// Word lists the recognisers read. They are grammar of news English, not
// names: titles, organisation head nouns, particles of personal names.

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleHeads end a job title: "Foreign Minister", "Kremlin spokesman".
var titleHeads = setOf(
	"president", "minister", "secretary", "secretary-general", "spokesman", "spokeswoman",
	"spokesperson", "leader", "chief", "speaker", "ambassador", "envoy", "adviser", "advisor",
	"chancellor", "king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "premier",
	"governor", "mayor", "senator", "congressman", "congresswoman", "lawmaker", "general",
	"admiral", "commander", "colonel", "officer", "director", "head", "chairman", "chairwoman",
	"chair", "diplomat", "negotiator", "representative", "commissioner", "monarch", "pope",
	"ayatollah", "vice-president", "vice-premier", "coordinator", "counselor", "counsellor",
	"attorney-general", "prosecutor", "judge", "justice", "chief-of-staff", "marshal",
	"lieutenant", "major", "captain", "sergeant", "dictator", "strongman", "tsar", "czar",
	"overseer", "administrator", "rapporteur", "ombudsman", "patriarch", "cleric", "imam",
	"rabbi", "bishop", "cardinal", "archbishop", "chieftain", "warlord", "commandant",
	"chairperson", "founder", "co-founder", "secretary-general", "high-representative",
	"col.", "gen.", "lt.", "maj.", "adm.", "capt.", "sgt.", "gov.", "sen.", "rep.", "president-elect",
	"prime-minister", "viceroy", "regent", "ruler", "crown-prince", "heir", "chief-of-staff",
)

// titleWords may stand inside a title before its head: "Foreign" in
// "Foreign Minister", "national security" in "national security adviser".
var titleWords = setOf(
	"foreign", "prime", "deputy", "vice", "defense", "defence", "finance", "interior", "trade",
	"economy", "economic", "energy", "health", "justice", "home", "state", "national", "security",
	"top", "senior", "special", "presidential", "acting", "interim", "supreme", "crown", "first",
	"opposition", "policy", "military", "intelligence", "press", "executive", "general",
	"permanent", "affairs", "assistant", "under", "undersecretary", "treasury", "commerce",
	"agriculture", "education", "labor", "labour", "environment", "climate", "transport",
	"culture", "information", "communications", "development", "cooperation", "european",
	"house", "senate", "majority", "minority", "party", "regional", "army", "naval", "navy",
	"air", "force", "staff", "joint", "chiefs", "cabinet", "government", "ruling", "exiled",
	"de", "facto", "self-declared", "human", "rights", "nuclear", "arms", "control", "security-council",
	"grand", "high", "federal", "council", "ministry", "central", "bank", "trade-union",
	"parliamentary", "legislative", "majority-leader", "chief-executive", "consul", "consul-general",
	"external", "mission", "chief-of-mission", "col", "col.", "gen", "gen.", "lt", "lt.", "maj", "maj.",
	"adm", "adm.", "capt", "capt.", "sgt", "sgt.", "brig", "brig.", "gov", "gov.", "sen", "sen.", "rep", "rep.",
	"former", "then", "ex", "outgoing", "incoming", "newly", "elected", "designate", "-",
)

// titleSkip are words in front of a title that are not part of it:
// "the jailed opposition leader", "former President".
var titleSkip = setOf("former", "then", "ex", "outgoing", "incoming", "newly", "elected", "-", "late", "jailed", "ousted", "exiled", "acting", "interim")

// orgHeads end an organisation's name: "Naval Group", "British Council".
var orgHeads = setOf(
	"council", "party", "group", "authority", "ministry", "bank", "agency", "organization",
	"organisation", "union", "committee", "commission", "forces", "army", "navy", "guard",
	"guards", "court", "parliament", "assembly", "congress", "corporation", "company", "corp",
	"inc", "institute", "front", "movement", "coalition", "alliance", "fund", "office",
	"department", "service", "services", "embassy", "consulate", "government", "administration",
	"cabinet", "senate", "duma", "brigade", "militia", "federation", "association", "league",
	"board", "bureau", "police", "military", "legislature", "secretariat", "mission",
	"directorate", "tribunal", "foundation", "network", "airlines", "airways", "media", "news",
	"agency", "holdings", "industries", "group", "command", "brigades", "battalion",
	"church", "pharma", "pharmaceuticals", "motors", "petroleum", "oil", "energy", "telecom",
	"university", "college", "hospital", "times", "post", "journal", "movements", "council",
	"partnership", "initiative", "observatory", "institution", "corps", "guard", "squad",
	"resistance", "liberation", "jihad", "taliban", "brotherhood", "dream", "platform",
	"parties", "unions", "chamber", "exchange", "reserve", "treasury", "systems", "technologies",
	"group", "consortium", "conference", "summit", "forum", "program", "programme",
)

// placeHeads end a place name the gazetteer may lack: "Galwan Valley",
// "Pangong Lake", "Second Thomas Shoal".
var placeHeads = setOf("valley", "lake", "river", "mountains", "mountain", "island", "islands",
	"strait", "sea", "gulf", "bay", "peninsula", "desert", "province", "region", "county",
	"district", "shoal", "reef", "heights", "plateau", "canal", "corridor", "pass", "border",
	"coast", "oblast", "governorate", "prefecture", "square", "airport", "port", "base",
	"palace", "hall", "villa", "hotel")

// orgNouns follow a country reference to name one of its institutions:
// "Russia's Foreign Ministry", "the Russian central bank", "Israeli military".
var orgNouns = [][]string{
	{"foreign", "ministry"}, {"defense", "ministry"}, {"defence", "ministry"},
	{"interior", "ministry"}, {"finance", "ministry"}, {"justice", "ministry"},
	{"ministry", "of", "foreign", "affairs"}, {"ministry", "of", "defense"}, {"ministry", "of", "defence"},
	{"foreign", "office"}, {"state", "department"}, {"defense", "department"},
	{"central", "bank"}, {"military"}, {"army"}, {"navy"}, {"air", "force"}, {"armed", "forces"},
	{"embassy"}, {"consulate"}, {"parliament"}, {"military", "intelligence"}, {"intelligence"},
	{"coast", "guard"}, {"security", "service"}, {"intelligence", "service"}, {"cabinet"},
	{"supreme", "court"}, {"constitutional", "court"}, {"navy"}, {"national", "guard"},
}

// nameParticles may stand inside personal names in lower case.
var nameParticles = setOf("bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del",
	"della", "di", "du", "van", "von", "der", "den", "le", "la", "ter", "y", "abu", "ben", "st.")

// notNames are capitalised words that begin sentences or name times, never
// people.
var notNames = setOf(
	"the", "a", "an", "in", "on", "at", "of", "for", "by", "with", "from", "to", "and", "but", "or",
	"as", "after", "before", "during", "since", "until", "under", "over", "last", "next", "this",
	"that", "these", "those", "earlier", "later", "speaking", "according", "prior", "asked",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "mr", "mrs", "ms", "dr", "he", "she", "it", "they", "we",
	"i", "you", "his", "her", "its", "their", "our", "my", "your", "no", "not", "both", "all",
	"some", "many", "several", "while", "when", "where", "which", "who", "what", "why", "how",
	"if", "though", "although", "because", "instead", "meanwhile", "however", "also", "still",
	"yet", "now", "then", "there", "here", "one", "two", "three", "sometimes", "hours", "days",
	"western", "eastern", "northern", "southern", "central", "president", "minister", "secretary",
	"prime", "foreign", "state", "house", "kingdom", "republic", "government", "parliament",
	"cold", "war", "world", "cup", "summit", "treaty", "accords", "accord", "agreement", "deal",
	"statement", "joint", "leaders", "officials", "ministers", "sheikh", "king", "queen", "prince",
	"emir", "sultan", "pope", "ayatollah", "chancellor", "premier", "speaker", "ambassador",
	"general", "secretary-general", "spokesman", "spokeswoman", "envoy", "new", "old", "great",
	"grand", "lunch", "dinner", "breakfast", "christmas", "easter", "ramadan", "eid", "god",
	"internet", "twitter", "facebook", "x", "telegram", "whatsapp", "covid-19", "covid",
	"coronavirus", "novichok", "lng", "gdp", "ceo", "tv",
)

// peopleNouns after a country adjective name the country acting:
// "Russian diplomats", "Ukrainian officials", "Israeli troops".
var peopleNouns = setOf(
	"diplomats", "diplomat", "officials", "official", "leaders", "leader", "troops", "forces",
	"soldiers", "negotiators", "negotiator", "delegation", "delegations", "envoys", "envoy",
	"authorities", "government", "administration", "side", "military", "army", "navy",
	"warships", "jets", "aircraft", "ministers", "minister", "counterpart", "counterparts",
	"police", "militants", "fighters", "president", "lawmakers", "prosecutors", "court",
	"courts", "regime", "team", "mission", "missions", "embassy", "ambassador", "state",
	"warplanes", "drones", "missiles", "navy", "coast", "guard", "security", "intelligence",
	"agents", "spies", "protesters", "demonstrators", "hackers", "airlines", "companies",
	"firms", "banks", "ships", "vessels", "people", "citizens", "nationals", "counterparts",
	"parliament", "legislators", "senators", "opposition", "rebels", "separatists",
	"officers", "commanders", "generals", "representatives", "personnel", "crews", "units",
	"gunmen", "fighters", "militia", "militias", "coalition", "operatives", "nationals",
)

// monthNames maps month names and abbreviations to month numbers.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// weekdayNames maps weekday names to time.Weekday numbers.
var weekdayNames = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}
