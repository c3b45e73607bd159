"""The rule settings of the tone measure: classes, labels, cue lists and thresholds.

Everything a seminar may read aloud or change lives here (documented in
``data/lexicons/CODEBOOK.md``). Assigning through the package — ``tone.SCOPE = 4``,
``tone.NEGATORS = (*tone.NEGATORS, "hardly")`` — changes the value here (see
``araz/tone/__init__.py``), and :func:`_rules_key` makes every cached score recompute.
"""
from __future__ import annotations

import hashlib

CLASSES = {
    "verbal_cooperation": 1, "material_cooperation": 1,
    "verbal_conflict": -1, "material_conflict": -1,
    "labelling": 0, "neutral": 0,
}
TONE_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
LABELS = ("coop", "conf", "mixed", "neutral")
VOICES = ("author", "quoted")
MAX_WEIGHT = 3.0

#: words that negate what follows ("no to confrontation", "does not pursue disputes")
NEGATORS = (
    "not", "no", "never", "without", "nor", "neither", "none", "no longer", "non", "zero",
    "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
    "won't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't", "far from", "free of",
    "free from", "lack of", "absence of", "refusal to", "refuse to", "refused to",
    "refuses to", "refusing to",
)
#: a rejected alternative ("cooperation instead of confrontation")
CONTRASTS = ("instead of", "rather than", "in place of")
#: de-escalation verbs: ending, resolving or preventing a conflict is cooperation
RESOLVERS = (
    "end", "ends", "ended", "ending", "resolve", "resolves", "resolved", "resolving",
    "settle", "settled", "settling", "prevent", "prevents", "prevented", "preventing",
    "prevention of", "avoid", "avoids", "avoided", "avoiding", "avert", "averted", "defuse",
    "defused", "ease", "eased", "easing", "overcome", "overcoming", "reduce", "reduced",
    "reducing", "stop", "stopped", "halt", "halted",
)
#: phrases that look like cues but flip nothing; they also shield what follows them
KEEPERS = (
    "not only", "not just", "not merely", "not simply", "not least", "no less", "no doubt",
    "no matter", "nothing but", "without doubt", "no wonder", "must not", "must never",
    "should not", "should never", "cannot allow", "will not allow", "would not allow",
    "not allow", "never allow", "of resolve", "firm resolve", "end of the day",
    "if it was not for", "if it were not for", "if not for", "were it not for", "had it not been for",
)
#: concessive openers: their clause counts :data:`CONCESSION`
CONCESSIVES = ("despite", "in spite of", "although", "though", "even though", "even if", "notwithstanding")
#: words that end a clause (besides , ; : ( ) and dashes)
BREAKERS = ("but", "yet", "however", "whereas")
SCOPE = 3            # words allowed between a cue and the term it flips
#: prepositions after a de-escalation verb introduce its means, not its object
MEANS = ("through", "by", "via", "with", "within")
_MEANS = frozenset(MEANS)
CONCESSION = 0.5     # weight of terms inside a concessive clause
MIXED_RATIO = 0.3    # weaker side / stronger side at or above this -> mixed (chosen on the tune split)

#: VADER's labels (used in :mod:`araz.tone.baseline`): its authors' compound thresholds (±0.05), plus "mixed" when both its
#: positive and its negative share of the text reach VADER_MIXED. VADER_MIXED was chosen
#: on the tune split from 0.05–0.3 (and compound thresholds from 0.05–0.5), the same
#: chance our rules had: the authors' ±0.05 with 0.05 scored best.
VADER_POS = 0.05
VADER_NEG = -0.05
VADER_MIXED = 0.05

_KIND_TERM, _KIND_NEG, _KIND_CONTRAST, _KIND_RESOLVE, _KIND_KEEP, _KIND_CONC, _KIND_BREAK, _KIND_SAY = range(8)


def _cue_groups() -> dict:
    """The cue lists as they are now (a seminar may edit ``tone.NEGATORS``)."""
    return {
        _KIND_NEG: NEGATORS, _KIND_CONTRAST: CONTRASTS, _KIND_RESOLVE: RESOLVERS,
        _KIND_KEEP: KEEPERS, _KIND_CONC: CONCESSIVES, _KIND_BREAK: BREAKERS,
    }


_EFFECT_WORD = {_KIND_NEG: "negated by", _KIND_CONTRAST: "rejected by", _KIND_RESOLVE: "ended by"}
_CLASS_NAMES = list(CLASSES)
_CLASS_LABEL = {
    "verbal_cooperation": "verbal cooperation", "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict", "material_conflict": "material conflict",
    "labelling": "labelling", "neutral": "neutral (name)",
}

#: verbs of saying (finite forms): with a named speaker as subject they make a sentence `quoted`
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "stated", "states", "noted", "notes", "remarked", "remarks",
    "added", "adds", "stressed", "stresses", "stress", "emphasized", "emphasised", "emphasizes", "emphasises",
    "emphasize", "emphasise", "underlined", "underlines", "declared", "declares", "announced", "announces",
    "affirmed", "affirms", "reaffirmed", "reaffirms", "suggested", "suggests", "believes", "believed", "agreed",
    "agrees", "argued", "argues", "claimed", "claims", "insisted", "insists", "warned", "warns", "urged", "urges",
    "called for", "calls for", "denied", "denies", "rejected", "rejects", "accused", "accuses", "welcomed",
    "welcomes", "highlighted", "signaled", "signalled", "signaling", "signalling", "signals", "concluded",
    "explained", "explains", "pointed out", "asserted", "asserts", "vowed", "pledged", "promised", "proposed",
    "recalled", "expressed", "acknowledged", "confirmed", "confirms", "reiterated", "reiterates", "replied",
    "responded",
)
#: "talked / spoke ... about": speech with content (talking *to* someone is a meeting)
TALK_VERBS = ("talked", "spoke", "speaks", "talks")
#: participles after a comma ("He met X, stressing that ..."): quoted when the subject is a named speaker
REPORTING_PARTICIPLES = (
    "stressing", "noting", "adding", "saying", "affirming", "reaffirming", "emphasizing", "emphasising",
    "arguing", "warning", "insisting", "declaring", "stating", "underlining", "recalling", "telling",
    "explaining", "asserting", "reiterating",
)


def _rules_key() -> str:
    """A hash of the rule settings, so that changing e.g. ``tone.MIXED_RATIO`` re-scores."""
    parts = (NEGATORS, CONTRASTS, RESOLVERS, KEEPERS, CONCESSIVES, BREAKERS, MEANS, SCOPE, CONCESSION,
             MIXED_RATIO, REPORTING_VERBS, TALK_VERBS, REPORTING_PARTICIPLES)
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------
# Intensity: a Goldstein-like signed scale, −10 (most conflictual) … +10 (most cooperative)
# ---------------------------------------------------------------------------------------
#: The Goldstein (1992) weights of the 20 CAMEO root codes as the CAMEO codebook lists them
#: (01 make a public statement … 20 use unconventional mass violence). A lexicon term's
#: ``intensity`` (data/lexicons/tone.csv) is the value of the root code named in its note
#: ("CAMEO 16"; the first code when several are named), else its class default below. It is
#: an estimate of how strong a kind of event is, not a measurement of the sentence.
GOLDSTEIN = {
    1: 0.0, 2: 3.0, 3: 4.0, 4: 1.0, 5: 3.5, 6: 6.0, 7: 7.0, 8: 5.0, 9: -2.0, 10: -5.0,
    11: -2.0, 12: -4.0, 13: -4.4, 14: -6.5, 15: -7.2, 16: -4.0, 17: -7.0, 18: -9.0, 19: -10.0, 20: -10.0,
}
#: intensity of a term whose note names no CAMEO code: the value of the quad class's most
#: typical root code (05 diplomatic cooperation, 06 material cooperation, 12 reject, 17 coerce)
CLASS_INTENSITY = {
    "verbal_cooperation": 3.5, "material_cooperation": 6.0,
    "verbal_conflict": -4.0, "material_conflict": -7.0,
    "labelling": 0.0, "neutral": 0.0,
}
#: intensity of a term flipped by a negation/contrast/de-escalation cue: rejecting or ending
#: conflict is CAMEO 08 "yield" (+5, material: ceasefire, withdrawal) or 03 "express intent
#: to cooperate" (+4, verbal: "no to confrontation"); negated cooperation is 12 "reject" (−4)
#: or 16 "reduce relations" (−4)
FLIPPED_INTENSITY = {
    ("material", +1): 5.0, ("verbal", +1): 4.0, ("material", -1): -4.0, ("verbal", -1): -4.0,
}
#: the sentence's ``quad_class`` values (CAMEO quad classes) and "none"
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "none")


def default_intensity(cls: str, note: str = "") -> float:
    """The intensity a lexicon row gets when its ``intensity`` cell is empty.

    >>> default_intensity("material_conflict", "CAMEO 16 reduce relations")
    -4.0
    >>> default_intensity("verbal_cooperation", "")
    3.5
    """
    import re

    if cls in ("labelling", "neutral"):
        return 0.0
    m = re.search(r"CAMEO\s+(\d{1,2})", note or "")
    if m and int(m.group(1)) in GOLDSTEIN:
        v = GOLDSTEIN[int(m.group(1))]
        if v != 0 and (v > 0) == (CLASSES[cls] > 0):
            return v
    return CLASS_INTENSITY[cls]
