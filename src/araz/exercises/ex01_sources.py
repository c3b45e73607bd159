"""Exercise 1 — reading the articles as sources: provenance, dating, who speaks.

Notebook: ``exercises/ex01_sources.ipynb`` (after ``notebooks/01_sources.ipynb``).
"""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ._core import corpus as shipped_corpus
from ._core import ALWAGHT, FTRIBUNE, ANON, MEHR  # noqa: F401
from ._core import (
    Case, CitationQuestion, Exercise, FunctionQuestion, OpenQuestion, ValueQuestion, norm_text,
)

EX = Exercise("ex01", "Sources: provenance, dating, who speaks", "ex01_sources.ipynb")



def _sentences(corpus, doc_id):
    s = corpus.sentences
    return s[s["doc_id"] == doc_id]


# ---- q1: provenance ---------------------------------------------------------------


def _identified_outlet(corpus):
    """The document, other than the Financial Tribune's, whose outlet the kit identified rather than read."""
    docs = corpus.documents
    found = docs.loc[docs["notes"].str.contains("identified, not stated", regex=False) & (docs["doc_id"] != FTRIBUNE), "doc_id"]
    return found.tolist()[0]


q1 = EX.add(ValueQuestion(
    """The Financial Tribune text does not name its outlet: the kit identified the outlet from an identical
copy published elsewhere, and its `notes` say so. One other document's outlet was identified the same way.
Which one? Answer with its `doc_id`.""",
    title="The other outlet identified, not stated",
    expected=_identified_outlet, compare="text", what="document",
    diagnose=[
        (lambda a, e: norm_text(a) == FTRIBUNE,
         "That is the example in the question. Which other document's `notes` say its outlet was identified, not stated?"),
        (lambda a, e: norm_text(a) in (ALWAGHT, MEHR),
         "This document names its outlet in its own text (a dateline or the closing lines) — its `notes` say where. "
         "Look for the other document whose outlet was found outside the text."),
    ],
    hints=[
        "Provenance lives in `corpus.documents`: one row per document; the `notes` column says how each field was found.",
        "Look for notes that say the outlet is 'identified, not stated'.",
        "`docs = corpus.documents; docs.loc[docs.notes.str.contains('identified, not stated'), 'doc_id']` lists two "
        "documents; one is the Financial Tribune's.",
    ],
    solution=lambda: (
        f"\"{_identified_outlet(shipped_corpus())}\"\n\n"
        "docs = corpus.documents\n"
        "docs.loc[docs.notes.str.contains(\"identified, not stated\"), \"doc_id\"]\n\n"
        "The April 2025 article carries no dateline, byline or outlet. The identical text is published on "
        "caspian-alpine.org, so the kit fills in `outlet` and `url` and says in `notes` that they are identified, not "
        "stated; that the site belongs to the Zurich-based Caspian-Alpine Society is inferred from its name, not verified. "
        "Its author is still unknown, and its perspective is inferred from its vocabulary."),
    cites=[f"{ANON} ¶2.3"],
))


# ---- q2: dating from internal evidence --------------------------------------------


def _dating_sentences(corpus):
    evidence = corpus[ALWAGHT].date_evidence
    return {r.citation for r in _sentences(corpus, ALWAGHT).itertuples() if r.text in evidence}


q2 = EX.add(CitationQuestion(
    """The Alwaght article does not print its date. Which **sentence** lets you date Araghchi's visit
to Baku from evidence inside the text? Answer with a citation such as `"alwaght-2025-araghchi-baku ¶3.1"`.""",
    title="Dating the Alwaght article from internal evidence",
    accept=_dating_sentences, docs=[ALWAGHT],
    wrong="This sentence does not give you anything to count from. Look for a named event with a date "
          "or a number of days.",
    near={
        f"{ALWAGHT} ¶1.1": "It places the visit after Israeli threats — but gives no date you can count from. "
                           "Look for a sentence with a named event and a number of days.",
        f"{ALWAGHT} ¶9.2": "A 'recent 12-day' war only says the article comes after June 2025 — a loose bound. "
                           "Find the sentence that lets you count the days to the visit.",
        f"{ALWAGHT} ¶2.1": "'The first official visit' tells you it is a first, not when. Look for a drill.",
    },
    hints=[
        "News texts often date themselves by relating the event to another event: 'two days after…'.",
        "Read paragraph 5 of the Alwaght article: a military drill with a name.",
        "Paragraph 5 relates the visit to the end of the drill, and gives the day the drill began: either of its sentences is a fair answer.",
    ],
    solution=lambda: (
        f"\"{ALWAGHT} ¶5.1\" (or ¶5.2). Together they date the visit: the trip came 'two days after the "
        "conclusion of the five-day ‘Sahand-2025’ joint anti-terrorism exercise', which 'launched on "
        "December 1'. The kit keeps both sentences as the document's `date_evidence`."),
    cites=[f"{ALWAGHT} ¶5.1", f"{ALWAGHT} ¶5.2"],
))


# ---- q3: the date itself ----------------------------------------------------------

_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_MONTHS = {m: i for i, m in enumerate("January February March April May June July August September October "
                                      "November December".split(), start=1)}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _arrival_date(corpus):
    """Arrival by the article's own arithmetic: drill start + (length - 1) + gap, read from ¶5.1–5.2."""
    import datetime as dt

    s51, s52 = corpus.cite(f"{ALWAGHT} ¶5.1"), corpus.cite(f"{ALWAGHT} ¶5.2")
    gap = _number(re.search(r"(\w+) days after", s51).group(1))
    length = _number(re.search(r"(\w+)-day", s51).group(1))
    year = int(re.search(r"Sahand-(\d{4})", s51).group(1))
    month, day = re.search(r"launched on (\w+) (\d{1,2})", s52).groups()
    start = dt.date(year, _MONTHS[month], int(day))
    return start + dt.timedelta(days=length - 1 + gap)


def _date_label(corpus):
    return corpus.documents.set_index("doc_id").loc[ALWAGHT, "date_label"]


q3 = EX.add(ValueQuestion(
    """Using only ¶5.1 and ¶5.2 of the Alwaght article: on what date did Araghchi arrive in Baku, by the
article's own reckoning? Answer as text `"YYYY-MM-DD"`.""",
    title="Counting the days to the visit",
    expected=_arrival_date, compare="date", what="date of arrival",
    diagnose=[
        (lambda a, e: (a - e).days == 1,
         "One day late. A five-day drill that starts on 1 December runs 1–5 December (the 1st is day one), "
         "so it concludes on the 5th; then add the two days of ¶5.1. (The talks themselves were held on the "
         "next day — the Financial Tribune's 'Monday' — but this question asks what Alwaght's ¶5.1–5.2 imply "
         "for the arrival.)"),
        (lambda a, e: (a - e).days == -1,
         "One day early: ¶5.1 says the trip came two days after the drill's conclusion, not one."),
        (lambda a, e: a.year != e.year,
         "Check the year: the drill is called 'Sahand-2025'."),
    ],
    hints=[
        "You need the first day of the drill, its length, and the gap between its end and the trip.",
        "¶5.2: it launched on 1 December; ¶5.1: it lasted five days and the trip came two days after it ended.",
        "Day one is 1 December, so day five is 5 December; two days later is the answer. `datetime.timedelta` does the counting.",
    ],
    solution=lambda: (
        f"\"{_arrival_date(shipped_corpus()).isoformat()}\"\n\n"
        "1 December is day one, so the five-day drill ends on 5 December; two days later is 7 December 2025. "
        "The document's date_evidence gives the public record: Araghchi left Tehran on the evening of 7 December "
        "(Mehr News Agency, 7 December 2025) and met Aliyev on Monday 8 December (Kayhan, 8 December 2025). The kit dates the "
        f"article {_date_label(shipped_corpus())} (corpus.documents.date_label): from the day of the talks it reports."),
    cites=[f"{ALWAGHT} ¶5.1", f"{ALWAGHT} ¶5.2", "ftribune-2025-araghchi-baku ¶1.1"],
))


# ---- q4: who speaks: a direct quotation -------------------------------------------

_REPORTING = re.compile(r"\b(said|says|told|added)\b")


def _direct_quotes(corpus):
    out = set()
    for r in _sentences(corpus, FTRIBUNE).itertuples():
        if "“" in r.text and _REPORTING.search(r.text):
            out.add(r.citation)
    return out


q4 = EX.add(CitationQuestion(
    """Who speaks? In the Financial Tribune report, find the sentence in which Araghchi is quoted
**directly** — in his own words, inside quotation marks.""",
    title="Araghchi in his own words",
    accept=_direct_quotes, docs=[FTRIBUNE],
    wrong="This sentence is in the outlet's own voice, or reports what someone said without their words. "
          "Look for quotation marks around speech and a reporting verb.",
    near={
        f"{FTRIBUNE} ¶3.1": "Here the outlet *reports* what Araghchi stressed (indirect speech: 'stressed that…'). "
                            "The question asks for his own words inside quotation marks.",
        f"{FTRIBUNE} ¶4.2": "'He added that…' is reported (indirect) speech — the outlet's paraphrase. Look just "
                            "before it.",
        f"{FTRIBUNE} ¶5.2": "The quotation marks here mark a name (“3+3”), not speech.",
    },
    hints=[
        "Direct speech is inside quotation marks and comes with a reporting verb such as 'said'.",
        "Reported speech ('stressed that…', 'added that…') is the outlet's paraphrase, not his words. Look at paragraphs 3–4.",
        "Paragraph 4 opens with a quotation split by 'he said'.",
    ],
    solution=lambda: (
        f"\"{FTRIBUNE} ¶4.1\" — the only sentence in which the report gives Araghchi's words verbatim. "
        "¶3.1 and ¶4.2 report what he said in the outlet's words (indirect speech)."),
    cites=[f"{FTRIBUNE} ¶4.1", f"{FTRIBUNE} ¶3.1"],
))


# ---- q5: voice of a claim ---------------------------------------------------------

VOICE_CITATION = f"{MEHR} ¶1.6"


def _voice(corpus):
    try:
        from araz import claims

        led = claims.ledger(corpus)
        rows = led[led["citation"] == VOICE_CITATION]
        if len(rows):
            return rows["voice"].mode().iloc[0]
    except (ImportError, AttributeError):
        pass
    # Without a ledger: the claim stands inside quotation marks, so it is quoted speech.
    return "quoted" if "“" in corpus.cite(VOICE_CITATION) else "author"


q5 = EX.add(ValueQuestion(
    f"""The Mehr column says that the 3+3 format was "proposed by the President of Azerbaijan"
({VOICE_CITATION}). In whose voice is that claim made: the author's own (`"author"`) or someone the
author quotes (`"quoted"`)?""",
    title="Whose voice: the 3+3 proposal in the Mehr column",
    expected=_voice, compare="choice", choices=["author", "quoted"], what="voice",
    diagnose=[
        (lambda a, e: norm_text(a) == "author" and e == "quoted",
         "Look at the punctuation: the words about the proposal stand inside quotation marks, so the author "
         "is reporting someone else's words — whose, the paragraph suggests (an interview)."),
    ],
    hints=[
        "An opinion column mixes the author's voice with the words of people the author interviewed or read.",
        "Look at the quotation marks in the sentence: where do they open and close?",
        "The author's own words end at 'intriguing that'; what follows is inside quotation marks. The claims ledger records it as `voice`.",
    ],
    solution=lambda: (
        f"\"{_voice(shipped_corpus())}\" — the claim about who proposed the format "
        "stands inside quotation marks; the author introduces it ('it's really intriguing that…') but the "
        "words are quoted, most likely from the ambassador's interview (¶1.1), although the sentence does "
        "not say whose they are. An unattributed quote is itself a point for source criticism."),
    cites=[VOICE_CITATION, f"{MEHR} ¶1.1"],
))


# ---- q6: coding: cite every sentence with a word ----------------------------------


def _reference(corpus, word):
    pat = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    return [r.citation for r in corpus.sentences.itertuples() if pat.search(r.text)]


def _cases():
    import araz

    shipped = araz.load_corpus()
    tmp = Path(tempfile.mkdtemp(prefix="araz-ex01-"))
    (tmp / "t.md").write_text(
        "---\ntitle: Test\noutlet: Test Daily\npublished: 2024-01-01\n---\n"
        "Bakunin was a writer, not a city.\n"
        "A Baku-based firm signed.\n"
        "Officials in BAKU said so.\n"
        "Iranians travelled.\n"
        "Iran and Azerbaijan met.\n"
        "Nothing here.\n", encoding="utf-8")
    try:
        small = araz.load_corpus(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    cases = [
        Case((small, "Baku"), _reference(small, "Baku"),
             "a small corpus where 'Baku' appears in capitals, in 'Baku-based' and inside 'Bakunin' (must not count)"),
        Case((small, "Iran"), _reference(small, "Iran"), "a small corpus with 'Iranians' (must not count) and 'Iran'"),
        Case((small, "baku"), _reference(small, "Baku"), "the same, with the word in lower case"),
        Case((shipped, "Bayramov"), _reference(shipped, "Bayramov"), "the shipped corpus, the word 'Bayramov'"),
        Case((shipped, "3+3"), _reference(shipped, "3+3"), "the shipped corpus, the text '3+3' (has a + sign)"),
        Case((shipped, "Sahand"), _reference(shipped, "Sahand"), "the shipped corpus, the word 'Sahand'"),
        Case((shipped, "Yerevan"), _reference(shipped, "Yerevan"), "the shipped corpus, the word 'Yerevan'"),
        Case((shipped, "zzzz"), [], "a word that is nowhere (the answer is an empty list)"),
    ]
    return cases


q6 = EX.add(FunctionQuestion(
    """Write `cite_word(corpus, word)`: the citations (`"doc_id ¶p.s"`) of every sentence that contains
`word` as a whole word — not inside a longer word ("Iran" must not match "Iranian"), ignoring case —
as a list, in the order of `corpus.sentences`. It will be run on cases you have not seen.""",
    title="Cite every sentence with a word",
    cases=_cases, signature="cite_word(corpus, word)",
    compare=lambda r, e: list(r) == list(e),
    show=lambda v: repr(list(v)[:6]) + (f" … ({len(list(v))} in all)" if len(list(v)) > 6 else ""),
    hints=[
        "Loop over `corpus.sentences` (or filter it) and keep the `citation` of the sentences that match.",
        "`in` finds 'Iran' inside 'Iranian'. A regular expression can say 'no letter before or after': "
        "`(?<!\\w)` and `(?!\\w)`, with `re.escape(word)` in between and `re.IGNORECASE`.",
        "pattern = re.compile(r\"(?<!\\w)\" + re.escape(word) + r\"(?!\\w)\", re.IGNORECASE); then return "
        "[c for c, t in zip(corpus.sentences.citation, corpus.sentences.text) if pattern.search(t)].",
    ],
    solution=(
        "import re\n\n"
        "def cite_word(corpus, word):\n"
        "    pattern = re.compile(r\"(?<!\\w)\" + re.escape(word) + r\"(?!\\w)\", re.IGNORECASE)\n"
        "    s = corpus.sentences\n"
        "    return [c for c, t in zip(s.citation, s.text) if pattern.search(t)]\n\n"
        "cite_word(corpus, \"Bayramov\") finds the three sentences below; each citation resolves to its "
        "sentence with corpus.cite(...)."),
    cites=[f"{ALWAGHT} ¶2.2", f"{FTRIBUNE} ¶1.1", f"{FTRIBUNE} ¶3.1"],
))


# ---- q7: open: source criticism -------------------------------------------------------

q7 = EX.add(OpenQuestion(
    f"""Source criticism. A classmate wants to quote `{ANON}` in an essay as "the Azerbaijani view" of
the April 2025 visit. In 80–150 words: what do we know and not know about this source, and how should it
be cited? Support each point with a citation (`doc_id ¶p.s`).""",
    title="Can we call it 'the Azerbaijani view'?",
    min_words=60,
    model_answer=f"""
The text names neither its outlet nor its author. The kit identified the outlet from an identical copy published
on caspian-alpine.org (its notes: identified, not stated; that the site is a Zurich-based Swiss–Azerbaijani society's
is inferred from its name), the author is unknown, and the kit's title is supplied in square brackets. Its date is
an estimate: it calls the Baku meeting "recent" ({ANON} ¶4.1) and mentions the Bandar Abbas explosion ({ANON} ¶4.2),
which places it after 28 April 2025. Its perspective is inferred, not stated: it speaks of "Official Baku"
({ANON} ¶2.3), the "Second Karabakh War" ({ANON} ¶8.3) and the "so-called “Friendship Bridge”" ({ANON} ¶8.4), and it
praises Azerbaijan's foreign policy ({ANON} ¶2.1). Its register is celebratory and general ({ANON} ¶13.1). So it can
be cited as "an unsigned English-language text published on caspian-alpine.org, written from an Azerbaijani
perspective", quoted with its citation, but not as the view of the Azerbaijani government or of Azerbaijanis in
general. Any fact in it needs a second source, and the second source must be checked too: on the agreements of the
visit it gives no count ({ANON} ¶9.2), while the Financial Tribune's "more than 50" ({FTRIBUNE} ¶9.2) is disputed —
the claims ledger gives the public record of seven documents signed (Kayhan, 28 April 2025).
""",
    rubric=[
        ("Names what is and is not known of its provenance: outlet identified from a published copy (not stated), author unknown, title supplied", 2),
        ("Says the date is an estimate and how it is inferred (recent meeting, Bandar Abbas explosion), with a citation", 2),
        ("Says the perspective is inferred from vocabulary, with at least one cited example", 2),
        ("Draws the consequence: how to describe and cite it (not 'the Azerbaijani view'); seeks a second source and checks it", 3),
        ("Every claim about the text carries a resolving citation; no invented facts", 1),
    ],
    hints=[
        "Start from its provenance card: `corpus.documents` row for this doc_id — which fields say 'unknown', and which were identified?",
        "Its `notes` and `date_evidence` say how its perspective and date were inferred. Which words in the text give it away?",
        f"Look at {ANON} ¶2.3, ¶4.1–4.2 and ¶8.3–8.4; then say how you would describe the source in a footnote.",
    ],
))

__all__ = ["EX", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
