"""Exercise 5 — tone: code sentences by the codebook, then compare with the lexicon and VADER.

Notebook: ``exercises/ex05_tone.ipynb`` (after ``notebooks/05_tone.ipynb``).
"""
from __future__ import annotations

from ._core import (
    BLANK, CitationQuestion, CustomQuestion, Exercise, OpenQuestion, Outcome, ValueQuestion, Wrong,
    _describe, is_blank, norm_text,
)
from ._core import corpus as shipped_corpus
from ._core import ALWAGHT, FTRIBUNE, ANON, MEHR  # noqa: F401

EX = Exercise("ex05", "Tone: the codebook, the lexicon and VADER", "ex05_tone.ipynb")

LABELS = ("coop", "conf", "mixed", "neutral")

#: the five sentences students code by hand in question 1
TO_CODE = [f"{FTRIBUNE} ¶2.1", f"{FTRIBUNE} ¶4.1", f"{FTRIBUNE} ¶7.2", f"{ALWAGHT} ¶8.1", f"{ALWAGHT} ¶11.3"]
NEED_AGREE = 4


def _hand(corpus):
    from araz import tone

    lab = tone.load_labels()
    return dict(zip(lab["citation"], lab["label"]))


# ---- q1: code by the codebook ------------------------------------------------------------


def _grade_coding(answer):
    import pandas as pd

    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        raise Wrong(f"Answer with a dict, citation → label, e.g. {{\"{TO_CODE[0]}\": \"coop\", …}}; you gave "
                    f"{_describe(answer)}.")
    if is_blank(answer):
        return Outcome(BLANK, "Not answered yet: some labels are still ____. Code every sentence, then run the check.")
    missing = [c for c in TO_CODE if c not in answer]
    if missing:
        raise Wrong(f"{len(missing)} of the five sentences {'has' if len(missing) == 1 else 'have'} no label yet, e.g. "
                    f"{missing[0]}. Use the citations as they are written in the cell.")
    bad = {c: v for c, v in answer.items() if not isinstance(v, str) or norm_text(v) not in LABELS}
    if bad:
        c, v = next(iter(bad.items()))
        raise Wrong(f"{v!r} (for {c}) is not a label of the codebook: use one of {', '.join(LABELS)}.")
    hand = _hand(shipped_corpus())
    differ = [c for c in TO_CODE if norm_text(answer[c]) != hand[c]]
    agree = len(TO_CODE) - len(differ)
    if agree >= NEED_AGREE:
        msg = f"You agree with the hand coding on {agree} of {len(TO_CODE)} sentences."
        if differ:
            msg += (f" You differ on {differ[0]}: read the codebook's rule for that case again, and be ready to "
                    "defend your choice — coders disagree too, which is why the kit reports agreement.")
        return msg
    raise Wrong(f"You agree with the hand coding on {agree} of {len(TO_CODE)} sentences ({NEED_AGREE} are needed). "
                f"Look again at: {', '.join(differ)}. For each, ask the codebook's questions in order: is there "
                "cooperation? confrontation? both (mixed)? neither (neutral)?")


q1 = EX.add(CustomQuestion(
    f"""**Code five sentences by the codebook** (`data/lexicons/CODEBOOK.md`), *before* you look at the kit's
scores or the hand labels: for each, `coop`, `conf`, `mixed` or `neutral`. Answer with a dict citation → label.
Coders disagree at the margins, so the check passes when you agree with the kit's hand coding on at least
{NEED_AGREE} of the 5.""",
    title="Code five sentences by hand",
    kind="data question", grader=_grade_coding,
    hints=[
        "Read each sentence whole (corpus.cite) and ask: does it describe cooperation, confrontation, both, or neither?",
        "'Both' is mixed: a sentence that names common interests *and* disagreements. A list of participants with no "
        "evaluation is neutral. An attack, or blame for tensions, is conf.",
        "Two sentences are conf (an attack; blame for 'tensions'), one is mixed (commonalities but disagreements), "
        "one coop (advancing relations and cooperation), one neutral (a list).",
    ],
    solution=lambda: (
        "{\n" + "\n".join(f"    \"{c}\": \"{_hand(shipped_corpus())[c]}\"," for c in TO_CODE) + "\n}\n\n"
        "These are the hand labels in data/annotations/tone_labels.csv (how they were coded is documented with the "
        "codebook). ¶4.1 is mixed because it names both 'commonalities and mutual interests in cooperation' and "
        "'disagreements and misunderstandings'."),
    cites=TO_CODE,
))


# ---- q2 --------------------------------------------------------------------------------

VADER_CITATION = f"{ALWAGHT} ¶11.1"


def _vader_label(corpus):
    from araz import tone

    v = tone.score_vader(corpus)
    return v.loc[v["citation"] == VADER_CITATION, "vader_label"].iloc[0]


def _our_label(corpus):
    from araz import tone

    s = tone.score_sentences(corpus)
    return s.loc[s["citation"] == VADER_CITATION, "label"].iloc[0]


q2 = EX.add(ValueQuestion(
    f""""Tehran is ready for cooperation instead of confrontation" ({VADER_CITATION}). The kit's lexicon labels
it `coop`. Which label does **VADER** give it (`araz.tone.score_vader(corpus)`)?""",
    title="VADER on a diplomatic sentence",
    expected=_vader_label, compare="choice", choices=LABELS, what="VADER's label",
    diagnose=[
        (lambda a, e: norm_text(a) == _our_label(shipped_corpus()),
         "That is the kit's own label (and the hand coder's). Look up the row of this citation in score_vader(corpus), "
         "column `vader_label`."),
    ],
    hints=[
        "score_vader has one row per sentence with a `citation` and a `vader_label`.",
        "Filter the rows on the citation; VADER's `compound` score is mapped to a label with documented thresholds.",
        "v = araz.tone.score_vader(corpus); v[v.citation == \"alwaght-2025-araghchi-baku ¶11.1\"]",
    ],
    solution=lambda: (
        f"\"{_vader_label(shipped_corpus())}\". VADER's lexicon has no entry for 'cooperation'; it scores 'ready' as "
        "positive and 'confrontation' as negative, and does not read 'instead of' as a contrast — so a plainly "
        "cooperative sentence gets both positive and negative weight. `araz.tone.explain(corpus, ...)` shows why "
        "the lexicon says coop: 'confrontation' is flipped by "
        "'instead of'."),
    cites=[VADER_CITATION],
))


# ---- q3 --------------------------------------------------------------------------------


def _vader_misreads(corpus):
    from araz import tone

    cmp = tone.compare(corpus)
    return set(cmp.loc[(cmp["hand_label"] == "coop") & cmp["vader_label"].isin(["conf", "mixed"]), "citation"])


def _vader_near(corpus):
    from araz import tone

    cmp = tone.compare(corpus)
    out = {}
    for r in cmp.itertuples():
        if r.hand_label == "coop" and r.vader_label in ("coop", "neutral"):
            out[r.citation] = (f"The hand coder says coop and VADER says {r.vader_label} here — not a misreading "
                               "towards confrontation. Find a coop sentence VADER calls conf or mixed.")
        elif r.hand_label != "coop":
            out[r.citation] = (f"The hand coder labels this sentence {r.hand_label}, not coop. The question asks for "
                               "a sentence coded coop.")
    return out


q3 = EX.add(CitationQuestion(
    f"""VADER was not built for diplomatic text. Find a sentence that the hand coder labelled **coop** but VADER
labels **conf** or **mixed** (other than {VADER_CITATION}). Several are right.""",
    title="A cooperative sentence VADER misreads",
    accept=lambda c: _vader_misreads(c) - {VADER_CITATION}, near=_vader_near,
    wrong="Check the two labels of this sentence in araz.tone.compare(corpus).",
    hints=[
        "`araz.tone.compare(corpus)` puts the lexicon's label, VADER's label and the hand label side by side.",
        "Filter: hand_label == \"coop\" and vader_label in (\"conf\", \"mixed\").",
        "Look at the Financial Tribune report, paragraph 3, or the heading of Alwaght's paragraph 10.",
    ],
    solution=lambda: (
        "cmp = araz.tone.compare(corpus)\n"
        "cmp[(cmp.hand_label == \"coop\") & cmp.vader_label.isin([\"conf\", \"mixed\"])]\n\n"
        f"{len(_vader_misreads(shipped_corpus()))} sentences, for example the two below. Words that VADER's "
        "general-purpose lexicon scores as negative — 'stressed' (here a verb of saying), 'war', 'confrontation', "
        "even the 'no' of 'no to confrontation' — pull it towards the negative where the sentence reports, ends or "
        "rejects them."),
    cites=[f"{ALWAGHT} ¶10.1", f"{FTRIBUNE} ¶3.1"],
))


# ---- q4 --------------------------------------------------------------------------------


def _summary(corpus):
    from araz import tone

    return tone.validate(corpus).summary


def _f1(method, split, col="macro_f1"):
    s = _summary(shipped_corpus())
    return float(s.loc[(s["method"] == method) & (s["split"] == split), col].iloc[0])


q4 = EX.add(ValueQuestion(
    """How well does the lexicon agree with the hand labels on the **held-back test split** — the sentences it
was not tuned on? Give its **macro-F1** (a number between 0 and 1; two decimals are enough). Use
`araz.tone.validate(corpus)`.""",
    title="The lexicon's macro-F1 on the held-back sentences",
    expected=lambda c: float(_summary(c).query("method == 'ours' and split == 'test'")["macro_f1"].iloc[0]),
    compare="number", tol=0.006, what="macro-F1",
    diagnose=[
        (lambda a, e: abs(a - _f1("ours", "all")) < 0.006 or abs(a - _f1("ours", "tune")) < 0.006,
         "That is the lexicon's macro-F1 on another split (all sentences, or the ones it was tuned on). The "
         "held-back split is called 'test'."),
        (lambda a, e: abs(a - _f1("ours", "test", "accuracy")) < 0.006,
         "That is accuracy. Macro-F1 averages the F1 of the four labels, so rare labels (conf, neutral) count as "
         "much as coop: look at the `macro_f1` column."),
        (lambda a, e: abs(a - _f1("vader", "test")) < 0.006,
         "That is VADER's macro-F1 on the test split. The question asks for the lexicon's ('ours')."),
        (lambda a, e: a > 1,
         "Give it as a number between 0 and 1, not a percentage."),
    ],
    hints=[
        "`v = araz.tone.validate(corpus)`; `v.summary` has one row per method (ours, vader) and split (test, tune, all).",
        "Pick method 'ours' and split 'test'; the column is `macro_f1`.",
        "v.summary.query(\"method == 'ours' and split == 'test'\").macro_f1",
    ],
    solution=lambda: (
        f"{_f1('ours', 'test'):.2f} (VADER: {_f1('vader', 'test'):.2f}; accuracy "
        f"{_f1('ours', 'test', 'accuracy'):.2f}).\n\n"
        "v = araz.tone.validate(corpus)\n"
        "v.summary.query(\"method == 'ours' and split == 'test'\").macro_f1\n\n"
        "The test split was held back: the lexicon was tuned on the other sentences only, so this is the fairer "
        "number. With so few conf and neutral sentences, one sentence more or less moves it a lot."),
    cites=[VADER_CITATION],
))


# ---- q5: extend the lexicon ----------------------------------------------------------------

_UNSEEN = [
    ("Turkey offered to mediate between the two neighbours.", "coop", "'mediate' (a verb)"),
    ("The mediation effort was welcomed by both capitals.", "coop", "'mediation' (a noun)"),
    ("A mediator was appointed.", "coop", "'mediator'"),
    ("Washington imposed an embargo on the port.", "conf", "'embargo'"),
    ("Traders announced a boycott of the port.", "conf", "'boycott'"),
    ("Importers boycotted the goods.", "conf", "'boycotted'"),
]


def _grade_lexicon(fn):
    from araz import tone

    if not callable(fn):
        raise Wrong(f"Pass your function itself — q5.check(extend) — without calling it; you gave {_describe(fn)}.")
    original = tone.load_lexicon()
    n0 = len(original.table)
    try:
        lex = fn(original.copy())
    except Exception as exc:
        raise Wrong(f"Your function raised {type(exc).__name__}: {exc}. Lexicon.add(term, cls, weight) needs a class "
                    f"from {', '.join(tone.TONE_CLASSES)} and a weight from 0 to 3.") from None
    if is_blank(lex):
        return Outcome(BLANK, "Not answered yet: your function still returns ____. Add the terms, return the lexicon, "
                              "then run the check.")
    if lex is None:
        raise Wrong("Your function returns None — return the lexicon at the end (`return lexicon`).")
    if not isinstance(lex, tone.Lexicon):
        raise Wrong(f"Your function should return a Lexicon (the one it was given, extended); it returned {_describe(lex)}.")
    if len(lex.table) < n0:
        raise Wrong("Your lexicon has fewer terms than the one you were given: add terms, do not remove any.")
    for text, want, about in _UNSEEN:
        got = tone.score_text(text, lex).label
        if got != want:
            word = {"coop": "cooperation", "conf": "conflict"}[want]
            raise Wrong(f"On a sentence you have not seen, with {about}, your lexicon says {got!r}; it should read as "
                        f"{want!r}. Does one of your terms match this form of the word (a wildcard * covers endings)? "
                        f"Is its class a {word} class?")
    base = tone.score_text(_UNSEEN[0][0]).label
    return (f"Your lexicon reads all {len(_UNSEEN)} unseen sentences as the codebook would (the shipped lexicon said "
            f"{base!r} for the first). Save it with lexicon.save(path) and score with score_sentences(corpus, lexicon=…).")


q5 = EX.add(CustomQuestion(
    """**Extend the lexicon.** It has no entry for mediating (verbal cooperation in CAMEO) nor for embargoes and
boycotts (material conflict: CAMEO's 'impose embargo, boycott, or sanctions'). Write `extend(lexicon)` that adds
terms so that *mediate, mediation, mediator* count as `verbal_cooperation` and *embargo, boycott, boycotted* as
`material_conflict`, and returns the lexicon. It will be run on sentences you have not seen.""",
    title="Teach the lexicon new words",
    grader=_grade_lexicon,
    hints=[
        "`lexicon.add(term, cls, weight)` adds one term and returns the lexicon; `lexicon.table` shows the terms and classes.",
        "A term ending in `*` matches every ending: `sanction*` matches 'sanctions' and 'sanctioned'. Look at how the "
        "shipped lexicon writes them.",
        "lexicon.add(\"mediat*\", \"verbal_cooperation\", 1.0); then one wildcard term each for embargo and boycott "
        "with class \"material_conflict\" and weight 1.5; return lexicon.",
    ],
    solution=(
        "def extend(lexicon):\n"
        "    lexicon.add(\"mediat*\", \"verbal_cooperation\", 1.0, note=\"CAMEO 04: mediate\")\n"
        "    lexicon.add(\"embargo*\", \"material_conflict\", 1.5, note=\"CAMEO 16: impose embargo\")\n"
        "    lexicon.add(\"boycott*\", \"material_conflict\", 1.5, note=\"CAMEO 16: boycott\")\n"
        "    return lexicon\n\n"
        "q5.check(extend)\n\n"
        "None of these words is in the corpus: an extension is tested on new text, then re-validated against the hand "
        "labels (validate(corpus, lexicon=...)) so that agreement does not drop. The sentence below, for instance, is "
        "scored by 'cooperation' and 'instead of', which the lexicon already knows."),
    cites=[VADER_CITATION],
))


# ---- q6 --------------------------------------------------------------------------------


def _quoted_in_ftribune(corpus):
    from araz import tone

    s = tone.score_sentences(corpus)
    return int(((s["doc_id"] == FTRIBUNE) & (s["voice"] == "quoted")).sum())


def _with_quote_marks(corpus):
    s = corpus.sentences
    return int(((s["doc_id"] == FTRIBUNE) & s["text"].str.contains("“")).sum())


q6 = EX.add(ValueQuestion(
    """The kit keeps the outlet's own voice apart from the voices it reports. How many sentences of the Financial
Tribune report does `araz.tone.score_sentences(corpus)` mark as **quoted** voice?""",
    title="Quoted voice in the Financial Tribune report",
    expected=_quoted_in_ftribune, compare="number", what="number of sentences",
    diagnose=[
        (lambda a, e: a == _with_quote_marks(shipped_corpus()),
         "You counted the sentences with quotation marks. Reported speech — 'Araghchi stressed that…', 'He added "
         "that…' — is quoted voice too: count the rows with voice == \"quoted\"."),
    ],
    hints=[
        "score_sentences has a `voice` column (author or quoted) and a `voice_reason` column that says why.",
        "Keep the rows of this document, then count those whose voice is 'quoted'.",
        "s = araz.tone.score_sentences(corpus); ((s.doc_id == \"ftribune-2025-araghchi-baku\") & (s.voice == \"quoted\")).sum()",
    ],
    solution=lambda: (
        f"{_quoted_in_ftribune(shipped_corpus())}: one direct quotation and several sentences of reported speech "
        "(voice_reason says which), e.g. the two below. Scoring the outlet's voice apart from Araghchi's avoids "
        "crediting the outlet with his conciliatory words."),
    cites=[f"{FTRIBUNE} ¶4.1", f"{FTRIBUNE} ¶3.1"],
))


# ---- q7 --------------------------------------------------------------------------------

q7 = EX.add(OpenQuestion(
    """A classmate writes: "Tone between Iran and Azerbaijan improved from 2021 to 2025 — the lexicon proves it."
In 100–180 words, say what the kit can and cannot support here, with at least two citations.""",
    title="Is there a trend?",
    min_words=80,
    model_answer=f"""
The corpus has four documents from four sources of different kinds — a 2021 opinion column ({MEHR} ¶1.25 names
its author as a political analyst), an unsigned celebratory text ({ANON} ¶13.3), an analysis ({ALWAGHT} ¶9.3) and
a news report ({FTRIBUNE} ¶7.1) — and each date is an estimated range. A difference between them is a difference
of genre, outlet and occasion as much as of time; the kit's over-time chart says so in its warning: four articles
are an anecdote, not a trend. Tone scores also mix voices: much of the cooperative language in the December 2025
report is Araghchi's, quoted ({FTRIBUNE} ¶4.1), not the outlet's. The lexicon agrees with hand coding better than
VADER, but it measures words, not relations: "Relations between Iran and Azerbaijan, however, have faced strains
in recent years" ({FTRIBUNE} ¶7.1) sits beside conciliatory quotes. A trend would need many documents per period
from comparable outlets, with the author's voice scored apart.
""",
    rubric=[
        ("Points out the corpus size and the estimated dates (the small-corpus warning)", 3),
        ("Points out genre/outlet differences as a confound", 2),
        ("Separates quoted voice from the outlet's voice", 2),
        ("Says what evidence a trend would need", 1),
        ("At least two correct citations; no invented facts", 2),
    ],
    hints=[
        "Look at corpus.documents: how many documents, which genres, which dates (exact or estimated)?",
        "Plot araz.plots.tone_over_time and read its warning; then split by voice.",
        "Ask what would have to change in the corpus for the claim to be testable.",
    ],
))

__all__ = ["EX", "TO_CODE", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
