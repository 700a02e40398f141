package extract

import (
	"sort"
	"strings"
)

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
	// needPlace: the rule fires only with a place or country as its object
	// ("reached Vietnam", not "reached an agreement").
	needPlace bool
	// counterpart: with no target in the sentence, the act is aimed at the
	// article's other main country ("Moscow recalled its ambassador").
	counterpart bool
	// phone: the act becomes a phone call (041) when "phone", "telephone"
	// or "video" stands in its clause ("spoke with Putin by telephone").
	phone bool
	// actorObject: the rule fires only with an actor right after the verb
	// ("called Putin", "received Ruto"), not "called for", "received aid".
	actorObject bool
	// after: the noun fires only after one of these words ("missile test").
	after []string
	// window is how far object words may follow (default 5).
	window int
	// noTarget is the code when nothing is aimed at: "fired a missile into
	// the sea" is a show of force (150), "fired rockets into Israel" an
	// attack (190).
	noTarget string
	// passiveOnly: the verb fires only in the passive ("was beaten").
	passiveOnly bool
	// needIn: the verb fires only with a place after "in" ("was held in
	// Beijing").
	needIn bool
}

// eventRules is the trigger lexicon. IDs are "<code>.<lemma>[.<variant>]".
// Verbs match in every inflection, nouns in singular and plural; object
// words must follow within a few words; preps introduce the target.
var eventRules = []rule{
	// 02 appeal
	{id: "020.urge", lemma: "urge", code: "020"},
	{id: "020.appeal", lemma: "appeal", code: "020", preps: []string{"to"}},
	{id: "020.call-on", lemma: "call", code: "020", prt: "on"},
	{id: "020.call-for", lemma: "call", code: "020", prt: "for"},
	{id: "020.ask", lemma: "ask", code: "020", object: []string{"to"}},
	{id: "020.request", lemma: "request", code: "020"},
	{id: "020.implore", lemma: "implore", code: "020"},
	{id: "026.press", lemma: "press", code: "026", object: []string{"to", "for"}},
	{id: "022.apply", lemma: "apply", code: "022", preps: []string{"to"}, object: []string{"join", "for", "membership"}},
	// 03 intent to cooperate
	{id: "030.agree", lemma: "agree", code: "030", frame: frameMeet, preps: []string{"with"}},
	{id: "030.pledge", lemma: "pledge", code: "030", frame: frameMeet},
	{id: "030.promise", lemma: "promise", code: "030"},
	{id: "030.vow", lemma: "vow", code: "030", frame: frameMeet},
	{id: "030.commit", lemma: "commit", code: "030", object: []string{"to"}},
	{id: "030.offer", lemma: "offer", code: "030", object: []string{"to"}},
	{id: "036.accept-invitation", lemma: "accept", code: "036", object: []string{"invitation"}},
	{id: "036.invite", lemma: "invite", code: "036"},
	{id: "0312.unveil", lemma: "unveil", code: "031", frame: frameMeet, object: []string{"partnership", "pact", "alliance", "agreement", "deal", "plan", "initiative"}},
	{id: "030.announce-pact", lemma: "announce", code: "030", frame: frameMeet, object: []string{"partnership", "pact", "alliance", "agreement", "deal", "ceasefire", "truce"}},
	// 04 consult
	{id: "040.meet", lemma: "meet", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.meeting", lemma: "meeting", noun: true, code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "044.summit", lemma: "summit", noun: true, code: "044", frame: frameMeet, preps: []string{"with"}},
	{id: "040.conversation", lemma: "conversation", noun: true, code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.consult", lemma: "consult", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.consultations", lemma: "consultations", noun: true, code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.discuss", lemma: "discuss", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.confer", lemma: "confer", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "040.sit-down", lemma: "sit", prt: "down", code: "040", frame: frameMeet, preps: []string{"with"}},
	{id: "046.dialogue", lemma: "dialogue", noun: true, code: "046", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "040.speak-with", lemma: "speak", code: "040", frame: frameMeet, preps: []string{"with", "to"}, phone: true},
	{id: "040.talk-with", lemma: "talk", code: "040", frame: frameMeet, preps: []string{"with", "to"}, phone: true},
	{id: "046.talks", lemma: "talks", noun: true, code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "046.negotiate", lemma: "negotiate", code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "046.negotiations", lemma: "negotiations", noun: true, code: "046", frame: frameMeet, preps: []string{"with"}},
	{id: "046.round", lemma: "round", noun: true, code: "046", frame: frameMeet, object: []string{"of"}, preps: []string{"with"}},
	{id: "041.call", lemma: "call", noun: true, code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.phone-call", lemma: "phone", noun: true, code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.phone", lemma: "phone", code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.telephone", lemma: "telephone", code: "041", frame: frameMeet, preps: []string{"with"}},
	{id: "041.call-v", lemma: "call", code: "041", frame: frameMeet, actorObject: true},
	{id: "042.visit", lemma: "visit", code: "042", frame: frameVisit},
	{id: "042.visit-n", lemma: "visit", noun: true, code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.trip", lemma: "trip", noun: true, code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.tour", lemma: "tour", code: "042", frame: frameVisit},
	{id: "042.travel", lemma: "travel", code: "042", frame: frameVisit, preps: []string{"to"}},
	{id: "042.fly", lemma: "fly", code: "042", frame: frameVisit, preps: []string{"to"}, needPlace: true},
	{id: "042.land", lemma: "land", code: "042", frame: frameVisit, preps: []string{"in"}, needPlace: true},
	{id: "042.arrive", lemma: "arrive", code: "042", frame: frameVisit, preps: []string{"in"}, needPlace: true},
	{id: "042.reach", lemma: "reach", code: "042", frame: frameVisit, needPlace: true},
	{id: "043.host", lemma: "host", code: "043"},
	{id: "043.receive", lemma: "receive", code: "043", actorObject: true},
	{id: "043.welcome", lemma: "welcome", code: "043", actorObject: true},
	{id: "051.welcome", lemma: "welcome", code: "051"},
	{id: "045.mediate", lemma: "mediate", code: "045"},
	{id: "045.broker", lemma: "broker", code: "045"},
	{id: "045.facilitate", lemma: "facilitate", code: "045", object: []string{"talks", "deal", "agreement", "swap", "exchange", "negotiations", "dialogue"}},
	{id: "045.mediation", lemma: "mediation", noun: true, code: "045", preps: []string{"between"}},
	// 05 diplomatic cooperation
	{id: "057.sign", lemma: "sign", code: "057", frame: frameMeet, preps: []string{"with"}},
	{id: "057.signing", lemma: "signing", noun: true, code: "057", frame: frameMeet, preps: []string{"with"}},
	{id: "057.extend-treaty", lemma: "extend", code: "057", frame: frameMeet, object: []string{"treaty", "agreement", "accord", "pact"}},
	{id: "057.ratify", lemma: "ratify", code: "057", frame: frameMeet, preps: []string{"with"}},
	{id: "057.ink", lemma: "ink", code: "057", frame: frameMeet, preps: []string{"with"}},
	{id: "057.strike-deal", lemma: "strike", code: "057", frame: frameMeet, object: []string{"deal", "agreement", "accord", "pact"}, preps: []string{"with"}},
	{id: "057.reach-deal", lemma: "reach", code: "057", frame: frameMeet, object: []string{"deal", "agreement", "accord", "pact", "ceasefire", "truce", "settlement"}, preps: []string{"with"}},
	{id: "057.renew", lemma: "renew", code: "057", frame: frameMeet, object: []string{"treaty", "agreement", "accord", "pact", "deal"}},
	{id: "057.conclude", lemma: "conclude", code: "057", frame: frameMeet, object: []string{"agreement", "deal", "treaty", "accord", "pact"}, preps: []string{"with"}},
	{id: "051.praise", lemma: "praise", code: "051"},
	{id: "051.thank", lemma: "thank", code: "051"},
	{id: "051.hail", lemma: "hail", code: "051"},
	{id: "051.commend", lemma: "commend", code: "051"},
	{id: "051.endorse", lemma: "endorse", code: "051"},
	{id: "054.recognize", lemma: "recognize", code: "054"},
	{id: "054.recognise", lemma: "recognise", code: "054"},
	{id: "054.establish-ties", lemma: "establish", code: "054", frame: frameMeet, object: []string{"ties", "relations"}, preps: []string{"with"}},
	{id: "055.apologize", lemma: "apologize", code: "055", preps: []string{"to"}},
	{id: "055.apology", lemma: "apology", noun: true, code: "055", preps: []string{"to"}},
	// 06-08 material cooperation, aid, yield
	{id: "061.invest", lemma: "invest", code: "061", preps: []string{"in"}, needPlace: true},
	{id: "070.aid", lemma: "aid", noun: true, code: "070", preps: []string{"to", "for"}},
	{id: "070.send", lemma: "send", code: "070", object: []string{"aid", "assistance", "weapons", "arms", "troops", "soldiers", "missiles", "tanks", "jets", "ammunition", "supplies", "forces"}, preps: []string{"to"}},
	{id: "070.provide", lemma: "provide", code: "070", object: []string{"aid", "assistance", "weapons", "arms", "support", "funding", "loans", "ammunition"}, preps: []string{"to", "for"}},
	{id: "070.supply", lemma: "supply", code: "070", object: []string{"weapons", "arms", "missiles", "ammunition", "tanks", "jets"}, preps: []string{"to"}},
	{id: "070.deliver", lemma: "deliver", code: "070", object: []string{"aid", "weapons", "arms", "missiles", "ammunition", "tanks", "jets", "assistance", "supplies"}, preps: []string{"to"}},
	{id: "070.donate", lemma: "donate", code: "070", preps: []string{"to"}},
	{id: "070.dispatch", lemma: "dispatch", code: "070", object: []string{"troops", "soldiers", "forces", "aid"}, preps: []string{"to"}},
	{id: "075.asylum", lemma: "asylum", noun: true, code: "075", preps: []string{"to"}},
	{id: "057.declaration", lemma: "declaration", noun: true, code: "057", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "084.release", lemma: "release", code: "084"},
	{id: "084.free", lemma: "free", code: "084"},
	{id: "084.swap", lemma: "swap", noun: true, code: "084", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "084.prisoner-exchange", lemma: "exchange", noun: true, code: "084", frame: frameMeet, after: []string{"prisoner", "prisoners"}, preps: []string{"with", "between"}},
	{id: "084.hand-back", lemma: "hand", prt: "back", code: "084", preps: []string{"to"}},
	{id: "084.return", lemma: "return", code: "084", object: []string{"villages", "territory", "prisoners", "bodies", "detainees"}, preps: []string{"to"}},
	{id: "085.lift-sanctions", lemma: "lift", code: "085", object: []string{"sanctions", "embargo", "ban", "restrictions", "curbs"}, preps: []string{"on", "against", "to"}, announced: true},
	{id: "085.ease-sanctions", lemma: "ease", code: "085", object: []string{"sanctions", "embargo", "restrictions", "curbs"}, preps: []string{"on", "against", "to"}, announced: true},
	{id: "080.withdraw-complaint", lemma: "withdraw", code: "080", object: []string{"complaint", "objection", "objections", "veto"}, announced: true, counterpart: true},
	{id: "080.drop-objection", lemma: "drop", code: "080", object: []string{"objection", "objections", "opposition", "complaint", "veto"}, preps: []string{"to"}, announced: true},
	{id: "087.withdraw-troops", lemma: "withdraw", code: "087", object: []string{"troops", "forces", "soldiers"}, preps: []string{"from"}},
	{id: "087.pull-out", lemma: "pull", code: "087", object: []string{"troops", "forces", "out"}, preps: []string{"from", "of"}},
	{id: "087.ceasefire", lemma: "ceasefire", noun: true, code: "087", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "087.truce", lemma: "truce", noun: true, code: "087", frame: frameMeet, preps: []string{"with", "between"}},
	// 10 demand
	{id: "100.demand", lemma: "demand", code: "100"},
	{id: "100.demand-n", lemma: "demand", noun: true, code: "100"},
	// 11 disapprove
	{id: "111.criticize", lemma: "criticize", code: "111"},
	{id: "111.criticise", lemma: "criticise", code: "111"},
	{id: "111.condemn", lemma: "condemn", code: "111"},
	{id: "111.denounce", lemma: "denounce", code: "111"},
	{id: "111.decry", lemma: "decry", code: "111"},
	{id: "111.object", lemma: "object", code: "111", preps: []string{"to"}},
	{id: "111.slam", lemma: "slam", code: "111"},
	{id: "111.rebuke", lemma: "rebuke", code: "111"},
	{id: "111.blast", lemma: "blast", code: "111"},
	{id: "111.deplore", lemma: "deplore", code: "111"},
	{id: "111.lambaste", lemma: "lambaste", code: "111"},
	{id: "111.castigate", lemma: "castigate", code: "111"},
	{id: "111.censure", lemma: "censure", code: "111"},
	{id: "111.chide", lemma: "chide", code: "111"},
	{id: "111.call-naming", lemma: "call", code: "111", window: 9, object: []string{"provocation", "violation", "threat", "aggression", "crime", "outrage", "betrayal", "stab", "mistake", "unacceptable", "illegal", "unlawful", "act", "killer", "dictator", "war"}},
	{id: "111.condemnation", lemma: "condemnation", noun: true, code: "111", preps: []string{"of"}},
	{id: "112.accuse", lemma: "accuse", code: "112"},
	{id: "112.blame", lemma: "blame", code: "112", preps: []string{"on"}},
	{id: "112.accusation", lemma: "accusation", noun: true, code: "112", preps: []string{"against"}},
	{id: "114.summon", lemma: "summon", code: "114"},
	{id: "114.complain", lemma: "complain", code: "114", preps: []string{"to", "about"}},
	{id: "114.protest", lemma: "protest", code: "114", preps: []string{"to", "with", "against"}},
	{id: "114.lodge-protest", lemma: "lodge", code: "114", object: []string{"protest", "complaint"}, preps: []string{"with", "to", "against"}},
	// 12 reject
	{id: "120.reject", lemma: "reject", code: "120"},
	{id: "120.refuse", lemma: "refuse", code: "120", preps: []string{"to", "with"}},
	{id: "120.dismiss", lemma: "dismiss", code: "120"},
	{id: "120.rebuff", lemma: "rebuff", code: "120"},
	{id: "120.oppose", lemma: "oppose", code: "120"},
	{id: "129.veto", lemma: "veto", code: "129"},
	{id: "129.block", lemma: "block", code: "120", object: []string{"resolution", "sanctions", "membership", "bid", "bids", "deal", "agreement", "statement"}},
	// 13 threaten
	{id: "130.threaten", lemma: "threaten", code: "130"},
	{id: "130.warn", lemma: "warn", code: "130"},
	{id: "130.threat", lemma: "threat", noun: true, code: "130", preps: []string{"to", "against"}},
	{id: "139.ultimatum", lemma: "ultimatum", noun: true, code: "139", preps: []string{"to"}},
	// 14 protest
	{id: "141.demonstrate", lemma: "demonstrate", code: "141", preps: []string{"against", "outside"}},
	{id: "141.rally", lemma: "rally", code: "141", preps: []string{"against", "outside"}},
	{id: "141.march", lemma: "march", code: "141", preps: []string{"against", "on", "to"}},
	{id: "141.protests", lemma: "protests", noun: true, code: "141", preps: []string{"against"}},
	{id: "145.storm", lemma: "storm", code: "145"},
	{id: "145.riot", lemma: "riot", code: "145"},
	// 15 force posture
	{id: "150.drills", lemma: "drills", noun: true, code: "150", preps: []string{"around", "near", "against"}},
	{id: "150.exercises", lemma: "exercises", noun: true, code: "150", preps: []string{"around", "near", "against"}},
	{id: "150.drill", lemma: "drill", noun: true, code: "150", preps: []string{"around", "near", "against"}},
	{id: "150.test-fire", lemma: "test-fire", code: "150"},
	{id: "150.launch-missile", lemma: "launch", code: "150", object: []string{"missile", "missiles", "rocket", "rockets", "icbm", "satellite"}, noTarget: "150"},
	{id: "150.missile-test", lemma: "test", noun: true, code: "150", after: []string{"missile", "nuclear", "weapons"}},
	{id: "154.mobilize", lemma: "mobilize", code: "154"},
	{id: "154.deploy", lemma: "deploy", code: "154", preps: []string{"to"}},
	{id: "154.deployment", lemma: "deployment", noun: true, code: "154", preps: []string{"to", "in"}},
	// 16 reduce relations
	{id: "161.expel", lemma: "expel", code: "161", preps: []string{"from"}, announced: true},
	{id: "161.expulsion", lemma: "expulsion", noun: true, code: "161", preps: []string{"of", "from"}},
	{id: "161.recalls", lemma: "recall", noun: true, code: "161", preps: []string{"of", "to"}},
	{id: "161.order-out", lemma: "order", prt: "out", code: "161", announced: true},
	{id: "161.persona-non-grata", lemma: "declare", code: "161", object: []string{"persona", "non", "grata"}, announced: true, counterpart: true},
	{id: "161.recall", lemma: "recall", code: "161", object: []string{"ambassador", "ambassadors", "envoy", "envoys"}, preps: []string{"to", "from"}, announced: true, counterpart: true},
	{id: "161.cut-ties", lemma: "cut", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}, announced: true},
	{id: "161.sever", lemma: "sever", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}, announced: true},
	{id: "161.break-off", lemma: "break", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}},
	{id: "161.downgrade", lemma: "downgrade", code: "161", object: []string{"ties", "relations"}, preps: []string{"with"}},
	{id: "161.close-embassy", lemma: "close", code: "161", object: []string{"embassy", "consulate", "mission"}, announced: true},
	{id: "163.sanction", lemma: "sanction", code: "163", announced: true},
	{id: "163.impose", lemma: "impose", code: "163", object: []string{"sanctions", "embargo", "tariffs", "restrictions", "ban", "bans", "curbs", "penalties", "freezes", "duties"}, preps: []string{"on", "against", "to"}, announced: true},
	{id: "163.adopt-sanctions", lemma: "adopt", code: "163", object: []string{"sanctions", "package"}, preps: []string{"on", "against"}, announced: true},
	{id: "163.sanctions", lemma: "sanctions", noun: true, code: "163", preps: []string{"against", "on"}},
	{id: "163.embargo", lemma: "embargo", noun: true, code: "163", preps: []string{"against", "on"}},
	{id: "163.blacklist", lemma: "blacklist", code: "163", announced: true},
	{id: "163.boycott", lemma: "boycott", code: "163"},
	{id: "163.restrict", lemma: "restrict", code: "163", object: []string{"exports", "imports", "trade"}, preps: []string{"to", "from"}},
	{id: "163.ban", lemma: "ban", code: "163", object: []string{"imports", "exports", "flights", "entry"}, preps: []string{"from", "to"}},
	{id: "163.bar", lemma: "bar", code: "172", object: []string{"from", "entering", "entry"}},
	{id: "163.close-airspace", lemma: "close", code: "163", object: []string{"airspace", "border", "borders"}, preps: []string{"to"}},
	{id: "164.suspend-talks", lemma: "suspend", code: "164", object: []string{"talks", "negotiations", "dialogue"}, preps: []string{"with"}, announced: true, counterpart: true},
	{id: "160.suspend", lemma: "suspend", code: "160", object: []string{"cooperation", "contacts", "relations", "participation", "membership", "treaty", "agreement"}, preps: []string{"with"}, announced: true, counterpart: true},
	{id: "160.freeze", lemma: "freeze", code: "160", object: []string{"participation", "membership", "cooperation", "relations", "talks"}, preps: []string{"with"}, announced: true, counterpart: true},
	{id: "160.scrap", lemma: "scrap", code: "160", object: []string{"contract", "deal", "agreement", "order"}, preps: []string{"with", "for"}},
	{id: "160.withdraw-from", lemma: "withdraw", code: "160", object: []string{"treaty", "agreement", "accord", "deal", "pact"}, preps: []string{"from"}},
	{id: "162.cut-aid", lemma: "cut", code: "162", object: []string{"aid", "assistance", "funding"}, preps: []string{"to", "for"}},
	// 17 coerce
	{id: "173.arrest", lemma: "arrest", code: "173"},
	{id: "173.arrest-n", lemma: "arrest", noun: true, code: "173", preps: []string{"of"}},
	{id: "173.detain", lemma: "detain", code: "173"},
	{id: "173.detention", lemma: "detention", noun: true, code: "173", preps: []string{"of"}},
	{id: "173.jail", lemma: "jail", code: "173"},
	{id: "173.imprison", lemma: "imprison", code: "173"},
	{id: "173.convict", lemma: "convict", code: "173"},
	{id: "173.sentence", lemma: "sentence", code: "173", object: []string{"to"}},
	{id: "173.charge", lemma: "charge", code: "173", object: []string{"with"}},
	{id: "173.indict", lemma: "indict", code: "173"},
	{id: "174.extradite", lemma: "extradite", code: "174", preps: []string{"to"}},
	{id: "174.deport", lemma: "deport", code: "174"},
	{id: "171.seize", lemma: "seize", code: "171"},
	{id: "171.confiscate", lemma: "confiscate", code: "171"},
	{id: "171.raid", lemma: "raid", code: "171"},
	{id: "171.raid-n", lemma: "raid", noun: true, code: "171", preps: []string{"on"}},
	{id: "172.freeze-assets", lemma: "freeze", code: "172", object: []string{"assets"}},
	// 18 assault
	{id: "185.poison", lemma: "poison", code: "185"},
	{id: "185.poisoning", lemma: "poisoning", noun: true, code: "185", preps: []string{"of"}},
	{id: "186.killing", lemma: "killing", noun: true, code: "186", preps: []string{"of"}},
	{id: "186.assassinate", lemma: "assassinate", code: "186"},
	{id: "186.assassination", lemma: "assassination", noun: true, code: "186", preps: []string{"of"}},
	{id: "181.abduct", lemma: "abduct", code: "181"},
	{id: "181.kidnap", lemma: "kidnap", code: "181"},
	{id: "182.assault", lemma: "shove", code: "182"},
	{id: "182.beat", lemma: "beat", code: "182", passiveOnly: true},
	{id: "183.bomb", lemma: "bomb", code: "183"},
	{id: "183.bombing", lemma: "bombing", noun: true, code: "183", preps: []string{"of", "in"}},
	// 19 fight
	{id: "190.attack", lemma: "attack", code: "190"},
	{id: "190.attack-n", lemma: "attack", noun: true, code: "190", preps: []string{"on", "against"}},
	{id: "190.invade", lemma: "invade", code: "190"},
	{id: "190.invasion", lemma: "invasion", noun: true, code: "190", preps: []string{"of"}},
	{id: "190.offensive", lemma: "offensive", noun: true, code: "190", preps: []string{"against", "in"}},
	{id: "190.incursion", lemma: "incursion", noun: true, code: "190", preps: []string{"into"}},
	{id: "190.strike", lemma: "strike", code: "190"},
	{id: "195.strikes", lemma: "strikes", noun: true, code: "195", preps: []string{"on", "against"}},
	{id: "195.airstrikes", lemma: "airstrikes", noun: true, code: "195", preps: []string{"on", "against"}},
	{id: "190.fire-into", lemma: "fire", code: "190", object: []string{"rockets", "missiles", "shells", "rocket", "missile", "drones", "icbm"}, preps: []string{"into", "at", "on"}, noTarget: "150"},
	{id: "190.fight", lemma: "fight", code: "190"},
	{id: "190.fighting", lemma: "fighting", noun: true, code: "190", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "190.clash", lemma: "clash", code: "190", frame: frameMeet, preps: []string{"with"}},
	{id: "190.clashes", lemma: "clashes", noun: true, code: "190", frame: frameMeet, preps: []string{"with", "between"}},
	{id: "190.shoot-down", lemma: "shoot", prt: "down", code: "190"},
	{id: "194.shell", lemma: "shell", code: "194"},
	{id: "194.shelling", lemma: "shelling", noun: true, code: "194", preps: []string{"of"}},
	{id: "195.bombard", lemma: "bombard", code: "195"},
	{id: "190.wage", lemma: "wage", code: "190", object: []string{"war", "insurgency", "campaign"}, preps: []string{"against", "on"}},
	{id: "190.retaliate", lemma: "retaliate", code: "190", object: []string{"fire", "strikes", "attacks", "artillery", "missiles", "drones"}, preps: []string{"against", "on"}, counterpart: true},
	{id: "190.kill", lemma: "kill", code: "190"},
	{id: "190.brawl", lemma: "brawl", code: "190", frame: frameMeet, preps: []string{"with"}},
	{id: "171.force-way", lemma: "force", code: "171", object: []string{"way"}, preps: []string{"into"}},
	{id: "173.held", lemma: "hold", code: "173", passiveOnly: true, needIn: true},
	{id: "190.ambush", lemma: "ambush", code: "190"},
	{id: "192.annex", lemma: "annex", code: "192", frame: frameTake, preps: []string{"from"}},
	{id: "192.annexation", lemma: "annexation", noun: true, code: "192", frame: frameTake, preps: []string{"of"}},
	{id: "192.occupy", lemma: "occupy", code: "192", frame: frameTake},
	{id: "192.capture", lemma: "capture", code: "192", frame: frameTake, needPlace: true},
	{id: "192.seize-territory", lemma: "seize", code: "192", frame: frameTake, object: []string{"territory", "town", "towns", "city", "village", "villages", "swath", "region", "control"}},
	{id: "191.blockade", lemma: "blockade", code: "191"},
	{id: "191.besiege", lemma: "besiege", code: "191"},
	{id: "190.target", lemma: "target", code: "190", object: []string{"base", "bases", "positions", "camps", "facilities", "infrastructure", "targets", "troops", "forces"}},
	{id: "194.pound", lemma: "pound", code: "194"},
	{id: "154.mass-troops", lemma: "mass", code: "154", object: []string{"troops", "forces", "soldiers"}},
	{id: "196.violate-ceasefire", lemma: "violate", code: "196", object: []string{"ceasefire", "truce", "armistice"}},
	{id: "196.break-ceasefire", lemma: "breaking", noun: true, code: "196", object: []string{"ceasefire", "truce"}},
	// 20 mass violence
	{id: "202.massacre", lemma: "massacre", noun: true, code: "202", preps: []string{"of", "in"}},
	{id: "203.ethnic-cleansing", lemma: "cleansing", noun: true, code: "203", preps: []string{"of", "in"}},
}

// irregular verb forms the inflector cannot derive.
var irregular = map[string][]string{
	"meet": {"met"}, "speak": {"spoke", "spoken"}, "fight": {"fought"}, "strike": {"struck", "stricken"},
	"break": {"broke", "broken"}, "cut": {"cut"}, "send": {"sent"}, "free": {"freed"},
	"hold": {"held"}, "lead": {"led"}, "shoot": {"shot"}, "seize": {"seized"},
	"wage": {"waged"}, "fire": {"fired"}, "storm": {"stormed"}, "fly": {"flew", "flown"},
	"beat": {"beaten", "beat"}, "freeze": {"froze", "frozen"}, "withdraw": {"withdrew", "withdrawn"},
	"bar": {"barred", "barring"}, "kill": {"killed"}, "force": {"forced"}, "ban": {"banned", "banning"}, "shove": {"shoved"},
	"test-fire": {"test-fired", "test-fires", "test-firing"}, "sentence": {"sentenced"},
	"sit": {"sat", "sitting"}, "land": {"landed"}, "ink": {"inked"},
}

// verbForms returns the inflected forms of a regular English verb.
func verbForms(lemma string) []string {
	forms := []string{lemma}
	forms = append(forms, irregular[lemma]...)
	last := lemma[len(lemma)-1]
	switch {
	case strings.HasSuffix(lemma, "ee"):
		forms = append(forms, lemma+"s", lemma+"d", lemma+"ing") // "agreeing", "freeing"
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
	// The most specific reading of a word is tried first: a particle or a
	// required object ("call on", "called ... a killer") before the bare
	// verb ("called Putin").
	for f, rs := range ix {
		sort.SliceStable(rs, func(i, j int) bool { return specificity(rs[i]) > specificity(rs[j]) })
		ix[f] = rs
	}
	return ix
}

func specificity(r *rule) int {
	n := 0
	if r.prt != "" {
		n += 2
	}
	if len(r.object) > 0 || len(r.after) > 0 {
		n++
	}
	return n
}
