"""Word lists used to attribute quotes: speech cues, titles, pronouns and glue words.

They describe how English news prose reports speech in general; nothing here names a
particular person or outlet.
"""

from __future__ import annotations


def words(block: str) -> list[str]:
    """The whitespace-separated words of a block of text: lists stay readable."""
    return block.split()


def _inflect(base: str) -> set[str]:
    """Regular -s/-ed/-ing forms of a verb, spelled the way English usually does."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


# Verbs that introduce reported speech, by their base form. Every form counts.
_VERB_CUES = words(
    """acknowledge add advise agree allege announce argue ask assert assure boast caution
chide complain concede conclude confirm contend declare deny describe dismiss
emphasise emphasize exclaim explain insist lament maintain mention muse observe opine
plead pledge predict proclaim recall recount reiterate reply respond retort reveal scoff
scream shout stress suggest testify urge vow warn whisper yell wonder write speak
tell"""
)

# Bases that are also everyday nouns ("a claim", "the report"): only the past tense counts.
_PAST_ONLY_CUES = words(
    """answer call charge claim comment counter cry echo estimate joke label laugh note point
post promise remark report state tweet brand demand exhort react chant"""
)

_IRREGULAR_CUES = words(
    """said say says saying told wrote written spoke reports admit admits
admitted admitting quipped snapped agreeing calls continued continues refer refers referred
referring read reads finds calling interjected interjects"""
)

SPEECH_CUES: frozenset[str] = (
    frozenset(form for base in _VERB_CUES for form in _inflect(base))
    | frozenset(_past(base) for base in _PAST_ONLY_CUES)
    | frozenset(_IRREGULAR_CUES)
) - frozenset({"writed", "speaked", "telled", "agreing"})

# Verbs of attitude that headlines use like speech verbs ("Moscow Hopes U.S. 'Serious'").
WEAK_CUES: frozenset[str] = frozenset(
    form
    for base in words("hope want fear believe think expect demand threaten blast slam hail")
    for form in _inflect(base)
) | frozenset({"thought"})

# "went on", "put it", "pointed out": the cue word needs a partner to count.
CUES_NEEDING_PARTNER: dict[str, frozenset[str]] = {
    "went": frozenset({"on"}),
    "goes": frozenset({"on"}),
    "put": frozenset({"it"}),
    "puts": frozenset({"it"}),
    "point": frozenset({"out"}),
    "points": frozenset({"out"}),
    "pointed": frozenset({"out"}),
    "pointing": frozenset({"out"}),
    "call": frozenset(),
    "calls": frozenset(),
    "called": frozenset(),
}

SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "i", "we", "you"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})

# Title words: kept as the speaker's role, never as part of the name.
TITLE_WORDS: frozenset[str] = frozenset(
    w.lower()
    for w in words(
        """president vice deputy prime foreign interior defence defense finance minister secretary
state senator sen. sen rep. rep representative congressman congresswoman gov. gov governor
mayor general gen. lt. col. colonel sgt. capt. captain major maj. adm. admiral commander
chairman chairwoman chair chief executive ceo director spokesman spokeswoman spokesperson
ambassador judge justice attorney chancellor king queen prince princess pope cardinal
bishop rev. dr. dr mr. mr mrs. mrs ms. ms sir dame lord professor prof. commissioner
speaker leader majority minority whip adviser advisor aide manager official officer
analyst strategist pollster candidate nominee host anchor editor columnist correspondent
moderator interviewer commentator consultant
reporter founder co-founder president-elect treasurer counsel solicitor inspector
superintendent sheriff chief-of-staff premier emir sheikh ayatollah leader presidential
clerk coroner auditor assessor registrar selectman selectwoman supervisor comptroller
ombudsman administrator undersheriff provost
press campaign campaign's national security house senate white economic trade health
education energy justice labor transportation homeland agriculture commerce former acting
interim then-candidate first lady assistant associate senior junior lawmaker legislator
delegate envoy negotiator secretary-general"""
    )
)

DETERMINERS: frozenset[str] = frozenset(
    {
        "the",
        "a",
        "an",
        "another",
        "one",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "several",
        "two",
        "three",
        "both",
        "other",
        "most",
        "few",
        "all",
        "each",
    }
)

# Words that open a sentence with a clause before its main verb: "While Clinton noted
# ..., Trump boasted": the speaker is in the main clause, after the first comma.
SUBORDINATORS: frozenset[str] = frozenset(
    words("while when whereas although though if because after before since unless as")
)

# Adverbs and auxiliaries that may sit between a speaker and the cue ("Trump also said").
SKIPPABLE_BEFORE_CUE: frozenset[str] = frozenset(
    words(
        """also later then previously again once recently earlier further subsequently just has
had have was were is are would will did does do had even never often already still
reportedly repeatedly publicly privately flatly quickly bluntly simply only initially
first finally yesterday today tonight since however meanwhile separately herself himself
themselves itself not always long now"""
    )
)

TIME_WORDS: frozenset[str] = frozenset(
    words(
        """monday tuesday wednesday thursday friday saturday sunday week month year night
morning evening afternoon weekend day time moment"""
    )
)
TIME_PREFIXES: frozenset[str] = frozenset(
    {"on", "last", "this", "next", "early", "late", "that", "the", "same"}
)

# Words that end a speaker phrase when met while collecting it.
PHRASE_BREAKERS: frozenset[str] = frozenset(
    words(
        """and or but that which when while if because as to in on at for with by from into
about after before than then so not nor who whom whose where how what why during
against between over under since until though although whether like via per despite
toward towards among amid upon is are was were be been being has have had will would
can could should may might must do does did it he she they we i you him them us me"""
    )
)

# Capitalised words that open sentences and are never the start of a name.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    words(
        """the a an but and or so yet when while if as in on at after before because although
though since for with by from this that these those then there here however meanwhile
still also instead asked speaking writing according even only more most now just
conversely indeed perhaps yes no"""
    )
)

# Nouns for people by what they do, which follow a name used as a modifier.
ROLE_NOUNS: frozenset[str] = frozenset(
    words(
        """supporter supporters voter voters surrogate spokesman spokeswoman adviser advisers
aide aides staffer staffers official officials lawyer attorney ally allies critic critics
friend member members worker workers resident residents leader leaders source sources"""
    )
)

# Nouns for one person; "a senior nurse said" is someone "she" can refer to later.
PERSON_NOUNS: frozenset[str] = (
    frozenset(
        words(
            """nurse doctor surgeon teacher woman man mother father wife husband daughter son
sister brother resident worker patient student engineer lawyer farmer driver passenger
pilot soldier veteran voter supporter critic friend neighbour neighbor owner
shopkeeper witness victim survivor professor scientist economist analyst expert
manager director official spokesman spokeswoman spokesperson secretary chairman
chairwoman chair minister senator governor mayor president candidate nominee leader
adviser advisor aide source officer commissioner judge councillor councilor
campaigner activist organiser organizer author writer reporter editor host"""
        )
    )
    | ROLE_NOUNS
)

# Last words of place names, which are never the "he" or "she" who speaks.
PLACE_HEADS: frozenset[str] = frozenset(
    words(
        """road street avenue lane square bridge river bay sea ocean lake mountain mountains
hill valley county state province district city town village island islands estate park
hall station airport harbour harbor port coast border region"""
    )
)

PLURAL_SPEAKERS: frozenset[str] = frozenset(
    words(
        """officials sources people experts critics analysts residents supporters voters
observers aides lawmakers members leaders protesters police authorities investigators
prosecutors democrats republicans"""
    )
)

# Nouns for bodies, groups and documents that news reports as saying things: "the
# committee said", "the crowd chanted", "the statement read", "a letter warns".
SPEAKING_BODIES: frozenset[str] = frozenset(
    words(
        """campaign committee council agency company group board party government
administration department ministry office court union network newspaper paper magazine
service team firm bank organization organisation non-profit nonprofit charity coalition
association club church diocese police army military panel commission authority station
outlet website site channel show crowd audience family jury staff delegation caucus
opposition people public state city county district school university college institute
foundation center centre hospital clinic lab laboratory regulator watchdog unit bureau
senate house congress parliament assembly cabinet white establishment movement
statement report letter message email e-mail memo ad advert advertisement video release
filing complaint lawsuit suit petition document cable poll survey study ruling order
decision opinion brief editorial column article post tweet book film movie transcript
note sign banner headline caption text notice warning guidance website account page
narrator voice voiceover voice-over script spot commercial indictment affidavit motion
verdict judgment judgement testimony bill law rule rules resolution platform manifesto
news wire"""
    )
)
# Nouns for people beyond PERSON_NOUNS, many of them titles used as nouns.
SPEAKING_PEOPLE: frozenset[str] = frozenset(
    words(
        """ambassador chancellor king queen prince princess pope cardinal bishop priest
pastor rabbi imam counsel sheriff envoy delegate premier emir sheikh ayatollah captain
general colonel admiral commander representative rep sen executive chief head boss
star mogul tycoon actress actor child boy girl kid colleague insider investor partner
relative cousin uncle aunt grandmother grandfather parent parents family fan fans
representative staff staffer intern volunteer protester demonstrator nun monk
citizen citizens neighbours neighbors everyone someone somebody nobody anyone"""
    )
)
# Word endings of nouns for people by what they do: "organizers", "pianist", "trustee".
_PERSON_ENDINGS: tuple[str, ...] = ("ist", "ian", "ee", "man", "men", "woman", "women", "person")
_AGENT_ENDINGS: tuple[str, ...] = ("er", "or")
# Words with an agent ending that name no one.
_NOT_AGENTS: frozenset[str] = frozenset(
    words(
        """number matter power water other another error mirror colour color floor door
corner border manner summer winter center centre chapter cover factor sector order
after under over never ever either neither whether rather later earlier further
better letter paper poster banner answer danger anger hunger fever favor favour honor
honour humor humour labor labour rumor rumour vapor flavor behavior behaviour major
minor motor meteor horror terror tenor interior exterior superior inferior mirror
register quarter character monster shelter filter river silver cancer offer powder
weather leather feather pressure temper timber member"""
    )
) - {"letter", "paper", "poster", "banner", "member"}


def _one_noun_speaks(word: str) -> bool:
    plain = word[:-1] if word.endswith("s") and len(word) > 3 else word
    for form in (word, plain):
        if form in PERSON_NOUNS or form in SPEAKING_PEOPLE or form in SPEAKING_BODIES:
            return True
    if word in PLURAL_SPEAKERS:
        return True
    if any(form.endswith(_PERSON_ENDINGS) for form in (word, plain)) and len(plain) > 4:
        return True
    if plain in _NOT_AGENTS or word in _NOT_AGENTS or len(plain) < 5:
        return False
    return plain.endswith(_AGENT_ENDINGS) or any(
        plain.endswith(noun) for noun in PERSON_NOUNS if len(noun) > 4
    )


def names_a_speaker(lowered: list[str]) -> bool:
    """Whether a nominal phrase ("the retired neurosurgeon", "The cable news networks")
    holds a noun for someone or something that can speak: a person, a role, a body, a
    group or a document. "The promise", "His standing" and "The music" hold none."""
    return any(_one_noun_speaks(word.strip(".,;:'’\"")) for word in lowered)
