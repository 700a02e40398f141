package extract

import "strings"

// frame says how a trigger finds its arguments beyond subject and object.
type frame int

const (
	frameAct   frame = iota // subject acts on object: "Russia expelled 23 British diplomats"
	frameMeet               // parties meet: subject + "with X", "between A and B"
	frameVisit              // subject goes to a place: target is the place's country
	frameTake               // subject takes a place: "annexed Crimea (from Ukraine)"
)

// rule is one entry of the trigger lexicon.
type rule struct {
	id    string // stable ID, recorded on every event it produces
	lemma string // head word: verb lemma or noun
	noun  bool
	code  string // CAMEO code
	frame frame
	// object, when set, must appear within a few words after the trigger
	// ("impose" only with "sanctions", "sign" with "agreement").
	object []string
	// prt is a particle that must follow the verb ("order out", "call off").
	prt string
	// preps introduce the target in addition to the direct object.
	preps []string
	// announced: a future form still reports the act ("Russia said it would
	// expel 23 diplomats" is the expulsion announced).
	announced bool
}

// eventRules is the trigger lexicon. IDs are "<code>.<lemma>[.<variant>]".
var eventRules = []rule{
	// 02 appeal
	{id: "020.urge", lemma: "urge", code: "020"},
	{id: "020.appeal", lemma: "appeal", code: "020", preps: []string{"to"}},
	{id: "020.call-on", lemma: "call", code: "020", prt: "on"},
	{id: "026.press", lemma: "press", code: "020", object: []string{"to"}},
	{id: "022.apply", lemma: "apply", code: "022", preps: []string{"to"}, object: []string{"join", "for"}},
	// 03 intent to cooperate
	{id: "030.agree", lemma: "agree", code: "030", frame: frameMeet, preps: []string{"with"}},
	{id: "030.pledge", lemma: "pledge", code: "030", frame: frameMeet},
	{id: "030.promise", lemma: "promise", code: "030"},
	{id: "030.vow", lemma: "vow", code: "030", frame: frameMeet},
	{id: "036.accept-invitation", lemma: "accept", code: "036", object: []string{"invitation"}},
	{id: "0312.unveil", lemma: "unveil", code: "030", frame: frameMeet, object: []string{"partnership", "pact", "alliance", "agreement", "deal", "plan"}},
	// 04 consult
	{id: "040.meet", lemma: "meet", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.meeting", lemma: "meeting", noun: true, code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "044.summit", lemma: "summit", noun: true, code: "044", frame: frameMeet, preps: []string{"with"}},
	{id: "040.conversation", lemma: "conversation", noun: true, code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.consult", lemma: "consult", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "046.talks", lemma: "talks", noun: true, code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "046.negotiate", lemma: "negotiate", code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "046.negotiations", lemma: "negotiations", noun: true, code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "041.call", lemma: "call", noun: true, code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.phone", lemma: "phone", code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.speak-phone", lemma: "speak", code: "041", frame: frameMeet, object: []string{"phone", "telephone", "video"}, preps: []string{"with", "to"}},
	{id: "041.telephone", lemma: "telephone", code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "042.visit", lemma: "visit", code: "042", frame: frameVisit},
	{id: "042.visit-n", lemma: "visit", noun: true, code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.trip", lemma: "trip", noun: true, code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.travel", lemma: "travel", code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.arrive", lemma: "arrive", code: "042", frame: frameVisit, preps: []string{"in"}},
	{id: "042.reach", lemma: "reach", code: "042", frame: frameVisit},
	{id: "043.host", lemma: "host", code: "043"},
	{id: "045.mediate", lemma: "mediate", code: "045"},
	{id: "045.broker", lemma: "broker", code: "045"},
	// 05 diplomatic cooperation
	{id: "057.sign", lemma: "sign", code: "057", frame: frameMeet, preps: []string{"with"}},
	{id: "057.extend-treaty", lemma: "extend", code: "057", frame: frameMeet, object: []string{"treaty", "agreement", "accord", "pact"}},
	{id: "051.praise", lemma: "praise", code: "051"},
	{id: "051.thank", lemma: "thank", code: "051"},
	{id: "054.recognize", lemma: "recognize", code: "054"},
	{id: "054.recognise", lemma: "recognise", code: "054"},
	{id: "055.apologize", lemma: "apologize", code: "055", preps: []string{"to"}},
	// 06-08 material cooperation, aid, yield
	{id: "071.aid", lemma: "aid", noun: true, code: "070", preps: []string{"to", "for"}},
	{id: "073.send-aid", lemma: "send", code: "070", object: []string{"aid", "assistance", "weapons", "arms", "troops"}, preps: []string{"to"}},
	{id: "084.release", lemma: "release", code: "084"},
	{id: "084.free", lemma: "free", code: "084"},
	{id: "085.lift-sanctions", lemma: "lift", code: "085", object: []string{"sanctions", "embargo", "ban"}, preps: []string{"on", "against"}},
	{id: "085.ease-sanctions", lemma: "ease", code: "085", object: []string{"sanctions", "embargo", "restrictions"}, preps: []string{"on", "against"}},
	// 10 demand
	{id: "100.demand", lemma: "demand", code: "100"},
	{id: "100.demand-n", lemma: "demand", noun: true, code: "100"},
	// 11 disapprove
	{id: "111.criticize", lemma: "criticize", code: "111"},
	{id: "111.criticise", lemma: "criticise", code: "111"},
	{id: "111.condemn", lemma: "condemn", code: "111"},
	{id: "111.denounce", lemma: "denounce", code: "111"},
	{id: "111.object", lemma: "object", code: "111", preps: []string{"to"}},
	{id: "111.slam", lemma: "slam", code: "111"},
	{id: "111.rebuke", lemma: "rebuke", code: "111"},
	{id: "111.blast", lemma: "blast", code: "111"},
	{id: "112.accuse", lemma: "accuse", code: "112"},
	{id: "112.blame", lemma: "blame", code: "112"},
	{id: "114.summon", lemma: "summon", code: "114"},
	{id: "114.complain", lemma: "complain", code: "114", preps: []string{"to", "about"}},
	// 12 reject
	{id: "120.reject", lemma: "reject", code: "120"},
	{id: "120.refuse", lemma: "refuse", code: "120"},
	{id: "129.veto", lemma: "veto", code: "129"},
	{id: "120.dismiss", lemma: "dismiss", code: "120"},
	// 13 threaten
	{id: "130.threaten", lemma: "threaten", code: "130"},
	{id: "130.warn", lemma: "warn", code: "130"},
	{id: "130.threat", lemma: "threat", noun: true, code: "130", preps: []string{"to", "against"}},
	{id: "138.ultimatum", lemma: "ultimatum", noun: true, code: "139", preps: []string{"to"}},
	// 14 protest
	{id: "140.protest", lemma: "protest", code: "140", preps: []string{"against"}},
	{id: "145.storm", lemma: "storm", code: "145"},
	// 15 force posture
	{id: "150.drills", lemma: "drills", noun: true, code: "150", preps: []string{"around", "near", "against"}},
	{id: "150.exercises", lemma: "exercises", noun: true, code: "150", preps: []string{"around", "near", "against"}},
	{id: "154.mobilize", lemma: "mobilize", code: "154"},
	{id: "154.deploy", lemma: "deploy", code: "154", preps: []string{"to"}},
	// 16 reduce relations
	{id: "161.expel", lemma: "expel", code: "161", preps: []string{"from"}, announced: true},
	{id: "161.expulsion", lemma: "expulsion", noun: true, code: "161", preps: []string{"of", "from"}},
	{id: "161.order-out", lemma: "order", prt: "out", code: "161", announced: true},
	{id: "161.recall", lemma: "recall", code: "161", object: []string{"ambassador", "ambassadors", "envoy", "envoys"}, preps: []string{"to", "from"}, announced: true},
	{id: "161.cut-ties", lemma: "cut", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}, announced: true},
	{id: "161.sever", lemma: "sever", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}, announced: true},
	{id: "161.break-off", lemma: "break", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}},
	{id: "161.downgrade", lemma: "downgrade", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}},
	{id: "161.close-embassy", lemma: "close", code: "161", object: []string{"embassy", "consulate", "mission"}, announced: true},
	{id: "163.sanction", lemma: "sanction", code: "163", announced: true},
	{id: "163.impose", lemma: "impose", code: "163", object: []string{"sanctions", "embargo", "tariffs", "restrictions", "ban", "bans"}, preps: []string{"on", "against"}, announced: true},
	{id: "163.adopt-sanctions", lemma: "adopt", code: "163", object: []string{"sanctions"}, preps: []string{"on", "against"}, announced: true},
	{id: "163.sanctions", lemma: "sanctions", noun: true, code: "163", preps: []string{"against", "on"}},
	{id: "163.restrict-exports", lemma: "restrict", code: "163", object: []string{"exports", "imports", "trade"}, preps: []string{"to", "from"}},
	{id: "164.suspend-talks", lemma: "suspend", code: "164", object: []string{"talks", "negotiations", "contacts", "dialogue"}, preps: []string{"with"}},
	{id: "160.suspend", lemma: "suspend", code: "160", object: []string{"cooperation", "contacts", "relations"}, preps: []string{"with"}},
	{id: "160.scrap", lemma: "scrap", code: "160", object: []string{"contract", "deal", "agreement", "order"}, preps: []string{"with", "for"}},
	// 17 coerce
	{id: "173.arrest", lemma: "arrest", code: "173"},
	{id: "173.detain", lemma: "detain", code: "173"},
	{id: "173.jail", lemma: "jail", code: "173"},
	{id: "174.deport", lemma: "deport", code: "174"},
	{id: "171.seize", lemma: "seize", code: "171"},
	// 18 assault
	{id: "185.poison", lemma: "poison", code: "185"},
	{id: "186.kill", lemma: "killing", noun: true, code: "186", preps: []string{"of"}},
	{id: "186.assassinate", lemma: "assassinate", code: "186"},
	{id: "181.abduct", lemma: "abduct", code: "181"},
	{id: "183.bomb", lemma: "bomb", code: "183"},
	// 19 fight
	{id: "190.attack", lemma: "attack", code: "190"},
	{id: "190.attack-n", lemma: "attack", noun: true, code: "190", preps: []string{"on", "against"}},
	{id: "190.invade", lemma: "invade", code: "190"},
	{id: "190.invasion", lemma: "invasion", noun: true, code: "190", preps: []string{"of"}},
	{id: "190.offensive", lemma: "offensive", noun: true, code: "190", preps: []string{"against", "in"}},
	{id: "190.strike", lemma: "strike", code: "190"},
	{id: "190.airstrikes", lemma: "airstrikes", noun: true, code: "195", preps: []string{"on", "against"}},
	{id: "190.fire-into", lemma: "fire", code: "190", object: []string{"rockets", "missiles", "shells", "rocket", "missile"}, preps: []string{"into", "at"}},
	{id: "190.fight", lemma: "fight", code: "190"},
	{id: "190.shell", lemma: "shell", code: "194"},
	{id: "190.bombard", lemma: "bombard", code: "195"},
	{id: "190.wage", lemma: "wage", code: "190", object: []string{"war", "insurgency", "campaign"}, preps: []string{"against", "on"}},
	{id: "192.annex", lemma: "annex", code: "192", frame: frameTake, preps: []string{"from"}},
	{id: "192.annexation", lemma: "annexation", noun: true, code: "192", frame: frameTake, preps: []string{"of"}},
	{id: "192.occupy", lemma: "occupy", code: "192", frame: frameTake},
	{id: "191.blockade", lemma: "blockade", code: "191"},
}

// irregular verb forms the inflector cannot derive.
var irregular = map[string][]string{
	"meet": {"met"}, "speak": {"spoke", "spoken"}, "fight": {"fought"}, "strike": {"struck", "stricken"},
	"break": {"broke", "broken"}, "cut": {"cut"}, "send": {"sent"}, "free": {"freed"},
	"hold": {"held"}, "lead": {"led"}, "shoot": {"shot"}, "seize": {"seized"},
	"wage": {"waged"}, "fire": {"fired"}, "storm": {"stormed"},
}

// verbForms returns the inflected forms of a regular English verb.
func verbForms(lemma string) []string {
	forms := []string{lemma}
	forms = append(forms, irregular[lemma]...)
	last := lemma[len(lemma)-1]
	switch {
	case strings.HasSuffix(lemma, "e"):
		forms = append(forms, lemma+"s", lemma+"d", lemma[:len(lemma)-1]+"ing")
	case last == 'y' && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		stem := lemma[:len(lemma)-1]
		forms = append(forms, stem+"ies", stem+"ied", lemma+"ing")
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x"):
		forms = append(forms, lemma+"es", lemma+"ed", lemma+"ing")
	default:
		forms = append(forms, lemma+"s", lemma+"ed", lemma+"ing")
		if doubles(lemma) {
			d := lemma + string(last)
			forms = append(forms, d+"ed", d+"ing")
		}
	}
	return forms
}

// doubles: a final consonant-vowel-consonant doubles before -ed/-ing
// ("expel" -> "expelled"); both spellings are accepted where usage varies.
func doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	v := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	c1, c2, c3 := w[n-3], w[n-2], w[n-1]
	return !v(c1) && v(c2) && !v(c3) && strings.IndexByte("wxy", c3) < 0
}

// nounForms: the noun and its plural.
func nounForms(n string) []string {
	if strings.HasSuffix(n, "s") {
		return []string{n}
	}
	if strings.HasSuffix(n, "y") {
		return []string{n, n[:len(n)-1] + "ies"}
	}
	return []string{n, n + "s"}
}

// triggerIndex maps a lower-cased word form to the rules it may fire.
type triggerIndex map[string][]*rule

func newTriggerIndex() triggerIndex {
	ix := triggerIndex{}
	for i := range eventRules {
		r := &eventRules[i]
		forms := verbForms(r.lemma)
		if r.noun {
			forms = nounForms(r.lemma)
		}
		for _, f := range forms {
			ix[f] = append(ix[f], r)
		}
	}
	return ix
}
