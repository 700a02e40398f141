package schema

import (
	"sort"

	"github.com/cayleygraph/quad"
)

// CAMEO is one code of the Conflict and Mediation Event Observations event
// typology (Gerner, Schrodt, Yilmaz, Abu-Jabr: CAMEO codebook v1.1b3).
type CAMEO struct {
	Code  string // "046"
	Root  string // "04"
	Label string // "Engage in negotiation"
	// Goldstein is the code's weight on the Goldstein (1992) conflict-
	// cooperation scale, -10..+10, as GDELT maps it to CAMEO
	// (CAMEO.goldsteinscale.txt distributed with GDELT 1.0).
	Goldstein float64
	// QuadClass is CAMEO's four-way grouping: 1 verbal cooperation,
	// 2 material cooperation, 3 verbal conflict, 4 material conflict.
	QuadClass int
	// Symmetric codes (meetings, talks, agreements) have no direction:
	// source and target are interchangeable.
	Symmetric bool
}

// RootRelation names the direct actor-to-actor edge written for every
// asserted event of a root code, so "who did X deal with" is one hop.
var RootRelation = map[string]quad.IRI{
	"01": "dg:statementAbout",
	"02": "dg:appealedTo",
	"03": "dg:intendedToCooperateWith",
	"04": "dg:consultedWith",
	"05": "dg:cooperatedDiplomaticallyWith",
	"06": "dg:cooperatedMateriallyWith",
	"07": "dg:providedAidTo",
	"08": "dg:yieldedTo",
	"09": "dg:investigated",
	"10": "dg:demandedOf",
	"11": "dg:disapprovedOf",
	"12": "dg:rejected",
	"13": "dg:threatened",
	"14": "dg:protestedAgainst",
	"15": "dg:exhibitedForceToward",
	"16": "dg:reducedRelationsWith",
	"17": "dg:coerced",
	"18": "dg:assaulted",
	"19": "dg:fought",
	"20": "dg:usedMassViolenceAgainst",
}

// RelationPredicates lists the actor-to-actor predicates in root order.
func RelationPredicates() []quad.IRI {
	roots := make([]string, 0, len(RootRelation))
	for r := range RootRelation {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	out := make([]quad.IRI, len(roots))
	for i, r := range roots {
		out[i] = RootRelation[r]
	}
	return out
}

// cameoRows: code, label, Goldstein. Roots are the two-digit rows.
var cameoRows = []struct {
	code, label string
	goldstein   float64
}{
	{"01", "Make public statement", 0},
	{"010", "Make statement", 0},
	{"011", "Decline comment", -0.1},
	{"012", "Make pessimistic comment", -0.4},
	{"013", "Make optimistic comment", 0.4},
	{"014", "Consider policy option", 0},
	{"015", "Acknowledge or claim responsibility", 0},
	{"016", "Deny responsibility", -2},
	{"017", "Engage in symbolic act", 0},
	{"018", "Make empathetic comment", 3.4},
	{"019", "Express accord", 3.4},
	{"02", "Appeal", 3},
	{"020", "Make an appeal or request", 3},
	{"021", "Appeal for material cooperation", 3.4},
	{"022", "Appeal for diplomatic cooperation", 3.2},
	{"023", "Appeal for aid", 3.4},
	{"024", "Appeal for political reform", -0.3},
	{"025", "Appeal to yield", -0.3},
	{"026", "Appeal to others to meet or negotiate", 4},
	{"027", "Appeal to others to settle dispute", 4},
	{"028", "Appeal to others to engage in or accept mediation", 4},
	{"03", "Express intent to cooperate", 4},
	{"030", "Express intent to cooperate", 4},
	{"031", "Express intent to engage in material cooperation", 5.2},
	{"032", "Express intent to engage in diplomatic cooperation", 4.5},
	{"033", "Express intent to provide material aid", 5.2},
	{"034", "Express intent to institute political reform", 7},
	{"035", "Express intent to yield", 7},
	{"036", "Express intent to meet or negotiate", 4},
	{"037", "Express intent to settle dispute", 5},
	{"038", "Express intent to accept mediation", 7},
	{"039", "Express intent to mediate", 5},
	{"04", "Consult", 1},
	{"040", "Consult", 1},
	{"041", "Discuss by telephone", 1},
	{"042", "Make a visit", 1.9},
	{"043", "Host a visit", 2.8},
	{"044", "Meet at a third location", 2.5},
	{"045", "Mediate", 5},
	{"046", "Engage in negotiation", 7},
	{"05", "Engage in diplomatic cooperation", 3.5},
	{"050", "Engage in diplomatic cooperation", 3.5},
	{"051", "Praise or endorse", 3.4},
	{"052", "Defend verbally", 3.5},
	{"053", "Rally support on behalf of", 3.8},
	{"054", "Grant diplomatic recognition", 6},
	{"055", "Apologize", 7},
	{"056", "Forgive", 7},
	{"057", "Sign formal agreement", 8},
	{"06", "Engage in material cooperation", 6},
	{"060", "Engage in material cooperation", 6},
	{"061", "Cooperate economically", 6.4},
	{"062", "Cooperate militarily", 7.4},
	{"063", "Engage in judicial cooperation", 7.4},
	{"064", "Share intelligence or information", 7},
	{"07", "Provide aid", 7},
	{"070", "Provide aid", 7},
	{"071", "Provide economic aid", 7.4},
	{"072", "Provide military aid", 8.3},
	{"073", "Provide humanitarian aid", 7.4},
	{"074", "Provide military protection or peacekeeping", 8.5},
	{"075", "Grant asylum", 7},
	{"08", "Yield", 5},
	{"080", "Yield", 5},
	{"081", "Ease administrative sanctions", 5},
	{"082", "Ease political dissent", 5},
	{"083", "Accede to requests or demands for political reform", 5},
	{"084", "Return, release", 7},
	{"085", "Ease economic sanctions, boycott, embargo", 7},
	{"086", "Allow international involvement", 9},
	{"087", "De-escalate military engagement", 9},
	{"09", "Investigate", -2},
	{"090", "Investigate", -2},
	{"091", "Investigate crime, corruption", -2},
	{"092", "Investigate human rights abuses", -2},
	{"093", "Investigate military action", -2},
	{"094", "Investigate war crimes", -2},
	{"10", "Demand", -5},
	{"100", "Demand", -5},
	{"101", "Demand material cooperation", -5},
	{"102", "Demand diplomatic cooperation", -4.9},
	{"103", "Demand material aid", -5},
	{"104", "Demand political reform", -5},
	{"105", "Demand that target yields", -5},
	{"106", "Demand meeting, negotiation", -5},
	{"107", "Demand settling of dispute", -5},
	{"108", "Demand mediation", -5},
	{"11", "Disapprove", -2},
	{"110", "Disapprove", -2},
	{"111", "Criticize or denounce", -2},
	{"112", "Accuse", -2},
	{"113", "Rally opposition against", -2},
	{"114", "Complain officially", -2},
	{"115", "Bring lawsuit against", -2},
	{"116", "Find guilty or liable (legally)", -2},
	{"12", "Reject", -4},
	{"120", "Reject", -4},
	{"121", "Reject material cooperation", -4},
	{"122", "Reject request or demand for material aid", -4},
	{"123", "Reject request or demand for political reform", -4},
	{"124", "Refuse to yield", -5},
	{"125", "Reject proposal to meet, discuss, or negotiate", -5},
	{"126", "Reject mediation", -5},
	{"127", "Reject plan, agreement to settle dispute", -5},
	{"128", "Defy norms, law", -5},
	{"129", "Veto", -5},
	{"13", "Threaten", -4.4},
	{"130", "Threaten", -4.4},
	{"131", "Threaten non-force", -5.8},
	{"132", "Threaten with administrative sanctions", -5.8},
	{"133", "Threaten with political dissent, protest", -5.8},
	{"134", "Threaten to halt negotiations", -5.8},
	{"135", "Threaten to halt mediation", -5.8},
	{"136", "Threaten to halt international involvement", -7},
	{"137", "Threaten with repression", -7},
	{"138", "Threaten to use military force", -7},
	{"139", "Give ultimatum", -7},
	{"14", "Protest", -6.5},
	{"140", "Engage in political dissent", -6.5},
	{"141", "Demonstrate or rally", -6.5},
	{"142", "Conduct hunger strike", -6.5},
	{"143", "Conduct strike or boycott", -6.5},
	{"144", "Obstruct passage, block", -7.5},
	{"145", "Protest violently, riot", -7.5},
	{"15", "Exhibit force posture", -7.2},
	{"150", "Demonstrate military or police power", -7.2},
	{"151", "Increase police alert status", -7.2},
	{"152", "Increase military alert status", -7.2},
	{"153", "Mobilize or increase police power", -7.2},
	{"154", "Mobilize or increase armed forces", -7.2},
	{"155", "Mobilize or increase cyber-forces", -7.2},
	{"16", "Reduce relations", -4},
	{"160", "Reduce relations", -4},
	{"161", "Reduce or break diplomatic relations", -4},
	{"162", "Reduce or stop material aid", -5.6},
	{"163", "Impose embargo, boycott, or sanctions", -8},
	{"164", "Halt negotiations", -7},
	{"165", "Halt mediation", -7},
	{"166", "Expel or withdraw", -7},
	{"17", "Coerce", -7},
	{"170", "Coerce", -7},
	{"171", "Seize or damage property", -9.2},
	{"172", "Impose administrative sanctions", -5},
	{"173", "Arrest, detain, or charge with legal action", -5},
	{"174", "Expel or deport individuals", -5},
	{"175", "Use tactics of violent repression", -9},
	{"176", "Attack cybernetically", -7},
	{"18", "Assault", -9},
	{"180", "Use unconventional violence", -9},
	{"181", "Abduct, hijack, or take hostage", -9},
	{"182", "Physically assault", -9.5},
	{"183", "Conduct suicide, car, or other non-military bombing", -10},
	{"184", "Use as human shield", -8},
	{"185", "Attempt to assassinate", -8},
	{"186", "Assassinate", -10},
	{"19", "Fight", -10},
	{"190", "Use conventional military force", -10},
	{"191", "Impose blockade, restrict movement", -9.5},
	{"192", "Occupy territory", -9.5},
	{"193", "Fight with small arms and light weapons", -10},
	{"194", "Fight with artillery and tanks", -10},
	{"195", "Employ aerial weapons", -10},
	{"196", "Violate ceasefire", -9.5},
	{"20", "Use unconventional mass violence", -10},
	{"200", "Use unconventional mass violence", -10},
	{"201", "Engage in mass expulsion", -9.5},
	{"202", "Engage in mass killings", -10},
	{"203", "Engage in ethnic cleansing", -10},
	{"204", "Use weapons of mass destruction", -10},
}

// symmetricCodes have no direction between their parties.
var symmetricCodes = map[string]bool{
	"030": true, "031": true, "032": true, "036": true, "037": true,
	"040": true, "041": true, "044": true, "046": true,
	"050": true, "057": true, "060": true, "061": true, "062": true, "063": true,
}

// quadClass maps a root code to its CAMEO quad class.
func quadClass(root string) int {
	switch {
	case root <= "05":
		return 1
	case root <= "09":
		return 2
	case root <= "14":
		return 3
	default:
		return 4
	}
}

// cameoTable is built once from cameoRows; it is read-only afterwards.
var cameoTable = func() map[string]CAMEO {
	t := make(map[string]CAMEO, len(cameoRows))
	for _, r := range cameoRows {
		root := r.code[:2]
		t[r.code] = CAMEO{
			Code: r.code, Root: root, Label: r.label, Goldstein: r.goldstein,
			QuadClass: quadClass(root), Symmetric: symmetricCodes[r.code],
		}
	}
	return t
}()

// LookupCAMEO returns the code's entry. A four-digit code falls back to its
// three-digit parent for label and score.
func LookupCAMEO(code string) (CAMEO, bool) {
	if c, ok := cameoTable[code]; ok {
		return c, true
	}
	if len(code) == 4 {
		if c, ok := cameoTable[code[:3]]; ok {
			c.Code = code
			return c, true
		}
	}
	return CAMEO{}, false
}

// CAMEOCodes returns every code in the table, sorted.
func CAMEOCodes() []CAMEO {
	out := make([]CAMEO, 0, len(cameoTable))
	for _, c := range cameoTable {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
