"""Word lists the rules consult: qualifiers, hedges, speech cues, roles, months and page furniture."""

import re

# Qualifier phrases before a figure, longest first; value is the qualifier.
QUALIFIERS_BEFORE = [
    ("greater than or equal to", "at_least"), ("more than or equal to", "at_least"),
    ("larger than or equal to", "at_least"), ("higher than or equal to", "at_least"),
    ("less than or equal to", "up_to"), ("smaller than or equal to", "up_to"), ("lower than or equal to", "up_to"),
    ("bigger or equal than", "at_least"), ("larger or equal than", "at_least"), ("higher or equal than", "at_least"),
    ("greater or equal than", "at_least"), ("less or equal than", "up_to"), ("smaller or equal than", "up_to"),
    ("lower or equal than", "up_to"), ("equal to or less than", "up_to"), ("equal to or more than", "at_least"),
    ("equal to or greater than", "at_least"), ("equal to or fewer than", "up_to"),
    ("at least or equal to", "at_least"), ("at most or equal to", "up_to"),
    ("larger than", "more_than"), ("bigger than", "more_than"), ("smaller than", "less_than"),
    ("exceeding", "more_than"), ("exceeds", "more_than"), ("exceed", "more_than"), ("exceeded", "more_than"),
    ("surpassing", "more_than"), ("surpass", "more_than"), ("surpassed", "more_than"), ("topping", "more_than"),
    ("equal to", "exact"), ("equals to", "exact"), ("equals", "exact"), ("equaling to", "exact"),
    ("equalling", "exact"), ("> =", "at_least"), ("≥", "at_least"), (">", "more_than"), ("< =", "up_to"),
    ("≤", "up_to"), ("<", "less_than"),
    ("upwards of", "more_than"), ("in excess of", "more_than"), ("more than", "more_than"),
    ("greater than", "more_than"), ("higher than", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("north of", "more_than"), ("beyond", "more_than"), ("past", "more_than"), ("topped", "more_than"),
    ("tops", "more_than"), ("crossed", "more_than"), ("crosses", "more_than"), ("passed", "more_than"),
    ("at least", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
    ("a minimum of", "at_least"), ("minimum of", "at_least"), ("as little as", "at_least"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("under", "less_than"), ("below", "less_than"),
    ("lower than", "less_than"), ("short of", "less_than"), ("just shy of", "less_than"),
    ("up to", "up_to"), ("as much as", "up_to"), ("as many as", "up_to"), ("as high as", "up_to"),
    ("at most", "up_to"), ("no more than", "up_to"), ("not more than", "up_to"), ("a maximum of", "up_to"),
    ("maximum of", "up_to"), ("as large as", "up_to"),
    ("approximately", "about"), ("approx", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("nearly", "about"), ("almost", "about"), ("some", "about"), ("circa", "about"),
    ("close to", "about"), ("an estimated", None), ("estimated", None), ("just over", "more_than"),
    ("just under", "less_than"), ("near", "about"), ("an approximate", "about"),
    ("~", "about"), ("≈", "about"), ("anywhere from", None),
    ("somewhere around", "about"), ("somewhere between", None), ("on the order of", "about"),
]
# Words that may stand between a qualifier and its figure without changing it: "up to a combined $15 billion",
# "more than an additional 2,000 jobs".  Longest first, as tuples of lower-cased tokens.
QUALIFIER_FILLERS = sorted([
    ("a", "combined"), ("a", "combined", "total", "of"), ("a", "total", "of"), ("total", "of"), ("an", "additional"),
    ("additional",), ("a", "further"), ("further",), ("another",), ("a", "record"), ("an", "average", "of"),
    ("an", "extra"), ("a", "cumulative"), ("a", "collective"), ("an", "aggregate", "of"), ("an", "aggregate"),
    ("a", "net"), ("a", "gross"), ("an", "initial"), ("a", "new"), ("a",), ("an",),
], key=len, reverse=True)
# "the company said", "the startup was valued at": a definite description that points back at an organisation
# named before
ORG_NOUNS = {"company", "firm", "group", "bank", "utility", "carmaker", "automaker", "retailer", "startup",
              "lender", "insurer", "airline", "chipmaker", "developer", "operator", "manufacturer", "agency",
              "ministry", "department", "regulator", "council", "university", "club", "charity", "fund", "union",
              "conglomerate", "brewer", "miner", "producer", "supplier", "business", "organisation",
              "organization", "government", "administration", "association", "federation", "authority",
              "commission", "board", "trust", "society", "institute", "alliance", "coalition", "school", "hospital",
              "party"}
HEDGES = [
    "reportedly", "allegedly", "is expected to", "are expected to", "was expected to", "expected to", "expected",
    "expects", "expect", "is estimated", "estimated", "estimates", "could", "might", "may", "would", "plans to",
    "predict", "predicts", "predicted", "anticipate",
    "planned", "plans", "projected", "projects", "projections", "forecast", "forecasts", "anticipated",
    "anticipates", "is set to", "likely", "potentially", "proposed", "aims to", "targets", "intends to",
    "is poised to", "rumored", "rumoured", "said to be", "believed to",
]
# Reporting verbs that introduce a quotation or a claim.
SPEECH_CUES = {
    "said", "says", "say", "saying", "told", "tells", "added", "adds", "adding", "wrote", "writes", "noted",
    "notes", "explained", "explains", "stated", "states", "argued", "argues", "called", "calling", "calls",
    "praising", "praised", "described", "describes", "describing", "insisted", "insists", "warned", "warns",
    "asked", "asks", "replied", "replies", "continued", "continues", "declared", "declares", "commented",
    "comments", "remarked", "remarks", "stressed", "stresses", "emphasized", "emphasised", "acknowledged",
    "acknowledges", "recalled", "recalls", "posted", "tweeted", "announced", "announces", "observed",
    "observes", "predicted", "predicts", "suggested", "suggests", "admitted", "admits", "conceded",
    "concedes", "claimed", "claims", "countered", "counters", "quipped", "joked", "urged", "urges",
    "cautioned", "cautions", "pointed", "put", "according", "told", "testified", "blogged", "wrote",
    "dubbed", "dubbing", "hailed", "hailing", "labeled", "labelled", "branded", "reply", "insist", "concede",
    "explain", "note", "add", "tell", "write", "argue", "claim", "warn", "state", "answer", "answered", "answers",
    "respond", "responded", "responds", "retorted", "exclaimed", "shouted", "whispered", "wondered", "mused",
    "agreed", "agrees", "recounted", "recounts", "reiterated", "reiterates", "confirmed", "confirms", "denied",
    "vowed", "vows", "promised", "promises", "boasted", "lamented", "complained", "conceded", "spoke", "speaks",
}
# Cue verbs that quote a phrase the speaker used ("called it X"), not introduce a whole statement.
CHARACTERISING_CUES = {"called", "calling", "calls", "praising", "praised", "described", "describing",
                       "dubbed", "dubbing", "hailed", "hailing", "labeled", "labelled", "branded"}
PRONOUNS = {"he", "she", "they", "we", "i"}
# Words that make up a speaker's role, job title or affiliation.
ROLE_WORDS = {
    "ceo", "cfo", "cto", "coo", "chief", "executive", "officer", "president", "vice", "chair", "chairman",
    "chairwoman", "chairperson", "director", "secretary", "minister", "governor", "senator", "sen", "rep",
    "representative", "spokesperson", "spokesman", "spokeswoman", "analyst", "economist", "founder",
    "co-founder", "cofounder", "head", "manager", "partner", "advisor", "adviser", "deputy", "administrator",
    "commissioner", "mayor", "professor", "prof", "dr", "mr", "mrs", "ms", "general", "counsel", "leader",
    "researcher", "strategist", "investor", "chancellor", "premier", "prime", "ambassador", "attorney",
    "judge", "justice", "lead", "principal", "associate", "senior", "managing", "group", "global", "national",
    "assistant", "undersecretary", "under", "member", "board", "editor", "correspondent", "reporter",
    "engineer", "scientist", "owner", "trustee", "treasurer", "svp", "evp", "vp", "md", "gm", "boss",
    # titles written before a name, in full and abbreviated: "Col. Andrea Whitfield", "Gov. Tom Hale"
    "col", "colonel", "maj", "major", "gen", "lt", "lieutenant", "sgt", "sergeant", "capt", "captain", "cpl",
    "corporal", "adm", "admiral", "cmdr", "commander", "gov", "supt", "superintendent", "insp", "inspector",
    "det", "detective", "rev", "reverend", "hon", "atty", "sheriff", "marshal", "pres", "rabbi", "imam",
    "bishop", "archbishop", "pastor", "father", "speaker", "councillor", "councilor", "councilman",
    "councilwoman", "alderman", "assemblyman", "assemblywoman", "congressman", "congresswoman", "lawmaker",
    "mp", "mep", "delegate", "cllr", "sir", "dame",
}
# Titles abbreviated with a full stop that does not end the sentence or the speaker's name
TITLE_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
                       "sgt", "cpl", "adm", "cmdr", "supt", "insp", "det", "rev", "hon", "atty", "pres", "st", "cllr"}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Abbreviations that end with a dot but do not end a sentence.
ABBREVIATIONS = {
    "rs", "l.e",
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc", "plc", "no", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "fla", "calif", "mass", "wash", "gov", "sen", "rep", "gen", "lt", "col",
    "capt", "sgt", "maj", "cpl", "adm", "cmdr", "supt", "insp", "det", "rev", "hon", "atty", "pres", "ave", "blvd", "dept", "est", "approx", "fig", "mt", "ft", "ariz", "tex", "mich", "ill",
    "ga", "pa", "va", "n.y", "d.c", "s.a", "n.v", "b.v", "a.g", "p.m", "a.m", "u.s.a",
}
# Page furniture: a line that matches is marked boilerplate and nothing is extracted from it.
BOILERPLATE = re.compile(
    r"""^\W*(?:
        share\s+(?:this|on)\b | share\s*$ | tweet\s*$ | email\s*$ | print\s*$
      | sign\s+up\b | subscribe\b | newsletter\b | follow\s+us\b | related\s*(?::|articles|stories|coverage)
      | read\s+(?:more|next|also)\b | see\s+also\b | more\s+from\b | recommended\b | advertisement\b
      | (?:©|\(c\)|copyright\b) | all\s+rights\s+reserved | click\s+here\b | download\s+(?:the|our)\s+app
      | the\s+latest\s+news\s+in\s+your | terms\s+of\s+(?:use|service) | privacy\s+policy | cookie
      | listen\s+to\s+this\s+article | photo\s*(?::|credit) | image\s*(?::|credit) | getty\s+images
      | skip\s+to\s+(?:main\s+)?content | trending\s+now | most\s+read | you\s+may\s+also\s+like
      | (?:facebook|twitter|linkedin|whatsapp|reddit)(?:\s*[|/·,]\s*\w+)+\s*$
      | media\s+(?:contact|inquiries|enquiries)\b | press\s+contact\b | investor\s+(?:contact|relations)\s*:?\s*$
      | (?:this\s+(?:press\s+)?release|this\s+(?:communication|announcement))\s+(?:contains|includes|may\s+contain)
        [^.]*forward[-\s]looking
      | (?:cautionary\s+(?:note|statement)|safe\s+harbor)\b | forward[-\s]looking\s+statements?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
