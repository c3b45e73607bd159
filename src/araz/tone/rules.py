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
