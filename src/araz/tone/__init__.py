"""Tone: an explainable cooperation–conflict measure per sentence, with VADER beside it.

A sentence's tone comes from an editable lexicon (``data/lexicons/tone.csv``) of terms
after the CAMEO quad classes — verbal and material cooperation, verbal and material
conflict — plus hostile ``labelling`` (counted apart) and ``neutral`` names that mask the
tone words inside them. The rules a seminar can read aloud:

1. **Matching.** Whole words, case-insensitive; punctuation and hyphens count as spaces; a
   trailing ``*`` matches any ending; the longest phrase wins ("Shanghai Cooperation
   Organization" is a name, so its "cooperation" does not count).
2. **Negation and contrast.** A cue (:data:`NEGATORS`, :data:`CONTRASTS`,
   :data:`RESOLVERS`) flips the sign of a term that follows it within :data:`SCOPE`
   words in the same clause: "cooperation *instead of* confrontation" counts the
   confrontation as cooperation; "*no* to confrontation", "*prevent* crises", "*end* the
   war" likewise. A clause ends at , ; : ( ) — and at "but", "yet", "however".
   "Not X but Y" is a correction, not a rejection: X counts 0. Fixed phrases that only
   look negative ("not only", "no less", "must not" — a warning) flip nothing
   (:data:`KEEPERS`).
3. **Concession.** Terms in a "despite / although" clause count half
   (:data:`CONCESSION`) in ``coop``/``conf``, and the label follows the main clause
   ("Despite such strains, Iran moved to restore ties" is ``coop``, not ``mixed``).
4. **Titles and names in quotation marks** (most words capitalised, as in “Friendship
   Bridge” or a book title) are not scored.
5. **Label.** ``coop`` and ``conf`` are the summed cooperation and conflict weights;
   ``score = (coop - conf) / (coop + conf)`` (0 when nothing matched). The label is
   ``neutral`` when nothing matched, ``mixed`` when the weaker side is at least
   :data:`MIXED_RATIO` of the stronger, else ``coop`` or ``conf``.
6. **Voice.** ``quoted`` when the sentence holds a direct quotation of speech (four
   words or more in quotation marks, not a title), continues a quotation opened in an
   earlier sentence of the paragraph, or reports speech with a verb of saying whose
   subject is a named speaker (a person, title, pronoun, state or capital, "both
   sides"); unnamed sources ("some observers") stay in the author's voice. A reporting
   verb inside a leading "although/despite" clause does not make the sentence quoted.

The package, one idea per module: :mod:`~araz.tone.rules` (classes, cues, thresholds),
:mod:`~araz.tone.textprep` (normalisation), :mod:`~araz.tone.lexicon`,
:mod:`~araz.tone.scoring` (the one-pass scorer), :mod:`~araz.tone.voice`,
:mod:`~araz.tone.sentences` (the sentence table), :mod:`~araz.tone.explain`,
:mod:`~araz.tone.aggregate` (per paragraph/document/outlet/time),
:mod:`~araz.tone.baseline` (VADER), :mod:`~araz.tone.validation` (hand labels);
the 2020–2025 tone record: :mod:`~araz.tone.record`, :mod:`~araz.tone.features`,
:mod:`~araz.tone.context` (the article around a sentence), :mod:`~araz.tone.learned` (word cues learned from the record),
:mod:`~araz.tone.model`, :mod:`~araz.tone.crossval`, :mod:`~araz.tone.shifts`.
Every public name is importable from ``araz.tone`` itself.

The written coding rules are in ``data/lexicons/CODEBOOK.md``; hand labels for every
sentence of the shipped corpus are in ``data/annotations/tone_labels.csv``.

>>> import araz
>>> from araz import tone
>>> corpus = araz.load_corpus()
>>> tone.score_sentences(corpus).set_index("citation").loc["alwaght-2025-araghchi-baku ¶11.1", "label"]
'coop'
"""
from __future__ import annotations

import sys
import types

from . import rules
from .aggregate import (
    MIN_DOCS_PER_PERIOD, MIN_PERIODS, STAT_COLUMNS, by_document, by_outlet, by_paragraph, over_time, trend_warning,
)
from .baseline import compare, score_vader, vader_label
from .explain import Explanation, explain, score_text
from .lexicon import Lexicon, load_lexicon
from .rules import (
    BREAKERS, CLASSES, CONCESSION, CONCESSIVES, CONTRASTS, KEEPERS, LABELS, MAX_WEIGHT, MEANS, MIXED_RATIO, NEGATORS,
    REPORTING_PARTICIPLES, REPORTING_VERBS, RESOLVERS, SCOPE, TALK_VERBS, TONE_CLASSES, VADER_MIXED, VADER_NEG,
    VADER_POS, VOICES,
)
from .scoring import MATCH_COLUMNS
from .sentences import SENTENCE_COLUMNS, MatchList, TermMatch, _readable, matches, score_sentences
from .textprep import _prepare, normalise
from .validation import Validation, load_labels, validate
# the 2020–2025 tone record: the data, its features, the model, out-of-article evaluation, shifts
from . import crossval, features, learned, model, record, shifts  # noqa: E402  (scikit-learn loads on first use)
from .shifts import over_time_record, record_shifts  # noqa: E402

#: settings a seminar may change through the package (``tone.SCOPE = 4``): the name is
#: set in the module that reads it, so the change takes effect (and, through
#: ``rules._rules_key``, invalidates cached scores), exactly as when ``araz.tone`` was one module
_SETTINGS = {
    **{name: rules for name in (
        "CLASSES", "TONE_CLASSES", "LABELS", "VOICES", "MAX_WEIGHT", "NEGATORS", "CONTRASTS", "RESOLVERS",
        "KEEPERS", "CONCESSIVES", "BREAKERS", "SCOPE", "MEANS", "CONCESSION", "MIXED_RATIO", "VADER_POS",
        "VADER_NEG", "VADER_MIXED", "REPORTING_VERBS", "TALK_VERBS", "REPORTING_PARTICIPLES")},
    "MIN_PERIODS": sys.modules[__name__ + ".aggregate"],
    "MIN_DOCS_PER_PERIOD": sys.modules[__name__ + ".aggregate"],
}


class _TonePackage(types.ModuleType):
    """``araz.tone`` itself: forwards assignments of :data:`_SETTINGS` to their home module."""

    def __setattr__(self, name, value):
        home = _SETTINGS.get(name)
        if home is not None:
            setattr(home, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _TonePackage

__all__ = [
    "Lexicon", "load_lexicon", "normalise", "score_sentences", "matches", "score_text", "explain",
    "Explanation", "by_paragraph", "by_document", "by_outlet", "over_time", "trend_warning",
    "score_vader", "vader_label", "compare", "load_labels", "validate", "Validation",
    "CLASSES", "LABELS", "VOICES", "NEGATORS", "CONTRASTS", "RESOLVERS", "KEEPERS", "CONCESSIVES",
    "BREAKERS", "SCOPE", "CONCESSION", "MIXED_RATIO",
    "record", "features", "learned", "model", "crossval", "shifts", "over_time_record", "record_shifts",
]
