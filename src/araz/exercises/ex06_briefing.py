"""Exercise 6 — a briefing note: scope, key points, where sources disagree, a short cited note.

Notebook: ``exercises/ex06_briefing.ipynb`` (after ``notebooks/07_briefing.ipynb``).
"""
from __future__ import annotations

import re

from ._core import (
    BLANK, CitationQuestion, CustomQuestion, Exercise, OpenQuestion, Outcome, ValueQuestion, Wrong, _describe,
)
from ._core import corpus as shipped_corpus
from ._core import ALWAGHT, FTRIBUNE, ANON, MEHR  # noqa: F401

EX = Exercise("ex06", "A briefing note: from the corpus to a cited note", "ex06_briefing.ipynb")

TOPIC = "Araghchi's December 2025 visit to Baku"


def _ledger(corpus):
    from araz import claims

    return claims.ledger(corpus)


# ---- q1 --------------------------------------------------------------------------------


def _in_scope(corpus):
    from araz.briefing import build_brief

    return len(build_brief(corpus, topic=TOPIC, start="2025-12", end="2025-12").documents)


q1 = EX.add(ValueQuestion(
    f"""Build a briefing note on {TOPIC}: `araz.briefing.build_brief(corpus, topic=..., start="2025-12",
end="2025-12")`. How many documents are in its scope?""",
    title="Documents in the scope of the note",
    expected=_in_scope, compare="number", what="number of documents",
    diagnose=[
        (lambda a, e: a == len(shipped_corpus()),
         "That is the whole corpus. Pass start=\"2025-12\" and end=\"2025-12\" so that only documents published in "
         "December 2025 are in scope."),
    ],
    hints=[
        "The Brief object has a `documents` table: one row per document in scope.",
        "Documents are selected by their publication dates; estimated ranges count when they fall in the scope.",
        "b = araz.briefing.build_brief(corpus, topic=\"...\", start=\"2025-12\", end=\"2025-12\"); len(b.documents)",
    ],
    solution=lambda: (
        f"{_in_scope(shipped_corpus())} — the Alwaght analysis and the Financial Tribune report, both about the "
        "visit (below). The scope line of the note names them, their outlets and perspectives."),
    cites=[f"{ALWAGHT} ¶1.1", f"{FTRIBUNE} ¶1.1"],
))


# ---- q2 --------------------------------------------------------------------------------

_OUTCOME = re.compile(r"\b(outcome|decided|agreement to)\b")


def _outcome_sentences(corpus):
    s = corpus.sentences
    s = s[s["doc_id"] == FTRIBUNE]
    return {r.citation for r in s.itertuples() if _OUTCOME.search(r.text)}


q2 = EX.add(CitationQuestion(
    """A key point for the note: what did the talks produce, **according to Araghchi**? Find a sentence that
says.""",
    title="A key point: the outcome of the talks",
    accept=_outcome_sentences, docs=[FTRIBUNE, ALWAGHT],
    near={
        f"{FTRIBUNE} ¶4.1": "Araghchi's own words — about commonalities and disagreements, not about what the talks "
                            "produced. The outcome is reported just before and just after.",
        f"{ALWAGHT} ¶17.3": "This is Alwaght's expectation ('it is expected that…'), not an outcome reported from the talks.",
        f"{FTRIBUNE} ¶2.1": "This says what the meetings focused on, not what they produced.",
    },
    wrong="This sentence does not report an outcome of the December 2025 talks. Look at the press conference.",
    hints=[
        "The Financial Tribune reports the joint press conference with Bayramov.",
        "Look for words like 'outcome' or 'decided'.",
        "Paragraphs 3 and 4 of the Financial Tribune report: reported speech around the one direct quotation.",
    ],
    solution=(
        f"\"{FTRIBUNE} ¶3.1\" ('the most important outcome of the talks was the agreement to continue dialogue, "
        f"consultations, and reciprocal visits') or ¶4.2. Both are reported speech: in the note, attribute them — "
        "'Araghchi said that…' — rather than state them as fact."),
    cites=[f"{FTRIBUNE} ¶3.1", f"{FTRIBUNE} ¶4.2"],
))


# ---- q3 --------------------------------------------------------------------------------


def _framing(corpus, doc_id, stance):
    led = _ledger(corpus)
    rows = led[(led["topic"] == "visit-2025-12/framing") & (led["doc_id"] == doc_id) & (led["stance"] == stance)]
    return set(rows["citation"])


def _framing_near(corpus):
    out = {}
    for c in _framing(corpus, ALWAGHT, "dialogue-and-cooperation"):
        out[c] = ("Alwaght frames the visit as cooperation here — the same article holds both framings! For this "
                  "question, find where it presents the visit as a show of resolve.")
    return out


q3 = EX.add(CitationQuestion(
    """Where the sources disagree: the two December reports frame the visit differently. Give **two** citations
as a list — one sentence in which Alwaght frames the visit as a show of **resolve** (after the military drills),
and one in which the Financial Tribune frames it as **dialogue**.""",
    title="Two framings of the same visit",
    accept=lambda c: _framing(c, ALWAGHT, "show-of-resolve") | _framing(c, FTRIBUNE, "dialogue-and-cooperation"),
    near=_framing_near, many=True, need=2, distinct_docs=True, docs=[ALWAGHT, FTRIBUNE],
    wrong="This sentence does not frame the visit (as resolve, or as dialogue). `araz.claims.disagreements(corpus)` "
          "lists the claims on the topic 'visit-2025-12/framing'.",
    hints=[
        "`araz.claims.disagreements(corpus)` shows the topics on which sources differ, with the claims side by side.",
        "Filter on topic == \"visit-2025-12/framing\": one stance is 'show-of-resolve', the other 'dialogue-and-cooperation'.",
        "Alwaght's heading 'Iran’s FM visits Baku after military drills' (¶4.1) and its paragraph 7; the Financial "
        "Tribune's paragraphs 2–4.",
    ],
    solution=(
        f"[\"{ALWAGHT} ¶7.1\", \"{FTRIBUNE} ¶3.1\"] — or any resolve sentence of Alwaght (¶4.1, ¶7.1, ¶9.3) with any "
        "dialogue sentence of the Financial Tribune (¶2.1, ¶3.1, ¶4.1). Note that Alwaght also says 'Tehran is ready "
        "for cooperation instead of confrontation' (¶11.1): the disagreement is one of emphasis, and a note should "
        "say so."),
    cites=[f"{ALWAGHT} ¶7.1", f"{FTRIBUNE} ¶3.1", f"{ALWAGHT} ¶11.1"],
))


# ---- q4: a verified quote ------------------------------------------------------------------


def _resolve(text):
    from araz.briefing import NotesError, resolve_notes

    try:
        return resolve_notes(shipped_corpus(), text)
    except NotesError as exc:
        raise Wrong("The kit cannot verify your citation — it says:\n" + str(exc)) from None


def _denials(corpus):
    led = _ledger(corpus)
    rows = led[(led["topic"] == "war-2025-06/azerbaijani-territory") & (led["stance"] == "denied")]
    return list(zip(rows["citation"], rows["quote"]))


def _grade_quote(answer):
    from araz.briefing import find_quote

    if not isinstance(answer, str):
        raise Wrong(f"Answer with text such as '[[doc_id ¶p.s | \"exact words\"]]'; you gave {_describe(answer)}.")
    if "____" in answer:
        return Outcome(BLANK, "Not answered yet: replace ____ with the citation and the quoted words.")
    if answer.count("[[") != 1 or "]]" not in answer:
        raise Wrong("Write exactly one citation in double square brackets: [[doc_id ¶p.s | \"exact words\"]].")
    notes = _resolve(answer)
    fn = notes.footnotes[0]
    if not fn.quotes:
        raise Wrong("The citation resolves — now add the exact words after a bar: [[doc_id ¶p.s | \"exact words\"]]. "
                    "A quote lets the reader check the claim at a glance.")
    denials = [(c, q) for c, q in _denials(shipped_corpus()) if c == fn.citation]
    if not denials:
        raise Wrong(f"{fn.citation} does not report a denial. The accusations are in several sentences; find the one "
                    "in which Azerbaijan (or its officials) answer them.")
    span = find_quote(denials[0][1], fn.text)
    a, b = span if span else (0, len(fn.text))
    if not any(s < b and e > a for s, e in fn.highlights):
        raise Wrong(f"Right sentence — but your quoted words are not the denial. In {fn.citation}, quote the words "
                    "that deny or reject the claims.")
    return (f"Verified: {fn.citation} says it, in those words. In the note this becomes a numbered footnote with the "
            "sentence verbatim.")


q4 = EX.add(CustomQuestion(
    """A verified quote. Write the citation, with the quoted words, for the statement that **Azerbaijan denied**
the accusations that its territory was used against Iran in the June 2025 war — in the notes syntax of the
briefing builder: `[[doc_id ¶p.s | "exact words"]]`. The kit checks that the words stand at that place.""",
    title="Cite a denial, with its words",
    kind="citation question", grader=_grade_quote,
    hints=[
        "Both December reports mention the accusations — and the denial.",
        "The claims ledger has the topic 'war-2025-06/azerbaijani-territory' with the stances 'asserted' and 'denied'.",
        "Financial Tribune ¶8.3 or Alwaght ¶12.2; copy the words of denial exactly from corpus.cite(...).",
    ],
    solution=(
        f"'[[{FTRIBUNE} ¶8.3 | \"Azerbaijan has firmly rejected these claims\"]]' or "
        f"'[[{ALWAGHT} ¶12.2 | \"Azerbaijani officials strongly denied these claims\"]]'. Note that Alwaght follows the "
        "denial with its own argument that the scenario is 'more plausible' — a note must not quote the first half "
        "of the sentence as if it were the whole."),
    cites=[f"{FTRIBUNE} ¶8.3", f"{ALWAGHT} ¶12.2"],
))


# ---- q5: the note ----------------------------------------------------------------------------

MIN_WORDS, MAX_WORDS, MIN_CITES, MIN_DOCS = 80, 250, 4, 2

#: a model answer to question 5 (the solution notebook uses it; every citation and quote is verified)
MODEL_NOTE = "\n".join([
    f"Iran's foreign minister Abbas Araghchi held talks in Baku with President Ilham Aliyev and Foreign Minister Jeyhun Bayramov [[{FTRIBUNE} ¶1.1]].",
    "The two Iranian outlets in the corpus frame the visit differently.",
    f"The Financial Tribune reports Araghchi saying that the main outcome was \"the agreement to continue dialogue, consultations, and reciprocal visits\" [[{FTRIBUNE} ¶3.1 | \"agreement to continue dialogue\"]].",
    f"Alwaght places the trip after the Sahand-2025 drill and presents it as following a \"firm demonstration of resolve\" [[{ALWAGHT} ¶9.3 | \"firm demonstration of resolve\"]], while also writing that Tehran is ready for cooperation instead of confrontation [[{ALWAGHT} ¶11.1]].",
    f"Both report accusations that Azerbaijan helped Israel in the June 2025 war — its territory used, according to the reports Alwaght cites [[{ALWAGHT} ¶12.1]]; intelligence and airspace, according to the observers the Financial Tribune cites [[{FTRIBUNE} ¶8.2]] — and Azerbaijan's denial [[{FTRIBUNE} ¶8.3 | \"Azerbaijan has firmly rejected these claims\"]].",
    "Uncertain: the accusations rest on unnamed \"reports from media and intelligence sources\" and \"some observers\"; neither text gives Azerbaijani officials' own account beyond the denial.",
])

RUBRIC = """Marking rubric (10 points):
  - accurate summary of what happened, attributed (2)
  - both framings, each attributed to its outlet (3)
  - the accusation and the denial kept apart, neither stated as fact (2)
  - uncertainty and missing voices named (2)
  - plain, neutral wording (1)"""
_CIT = re.compile(r"\[\[.*?\]\]", re.S)


def _grade_note(answer):
    if not isinstance(answer, str):
        raise Wrong(f"Write your note as text (a triple-quoted string); you gave {_describe(answer)}.")
    if "____" in answer:
        return Outcome(BLANK, "Not answered yet: replace ____ with your note.")
    words = len(_CIT.sub(" ", answer).split())
    if words < MIN_WORDS:
        raise Wrong(f"Your note has {words} words (citations not counted); write at least {MIN_WORDS}.")
    if words > MAX_WORDS:
        raise Wrong(f"Your note has {words} words; a decision-maker reads {MAX_WORDS} at most. Cut.")
    notes = _resolve(answer)
    n = len(notes.footnotes) if notes else 0
    if n < MIN_CITES:
        raise Wrong(f"Your note has {n} citation{'s' if n != 1 else ''} in [[…]]; it needs at least {MIN_CITES}. Every "
                    "claim about what a source says should carry one.")
    paragraphs = [f.citation for f in notes.footnotes if "." not in f.citation.split("¶")[1]]
    if paragraphs:
        raise Wrong(f"Cite sentences, not whole paragraphs: {paragraphs[0]} — add the sentence number (¶p.s) so that "
                    "the reader finds the exact words.")
    docs = {f.doc_id for f in notes.footnotes}
    if len(docs) < MIN_DOCS:
        raise Wrong(f"All your citations come from one document. A briefing compares sources: cite at least {MIN_DOCS}.")
    if not any(f.quotes for f in notes.footnotes):
        raise Wrong("Quote the exact words of at least one source ([[doc_id ¶p.s | \"exact words\"]]), where the "
                    "wording matters.")
    return (f"Every citation resolves and every quote stands verbatim: {n} footnotes from {len(docs)} documents, "
            f"{words} words. That is what can be checked automatically; your lecturer marks the content with the "
            "rubric in q5.solution().")


q5 = EX.add(CustomQuestion(
    f"""**Write a short cited note** ({MIN_WORDS}–{MAX_WORDS} words) for a decision-maker on {TOPIC}: what happened,
how the two reports frame it, where they disagree, and what remains uncertain. Cite every claim about a source
with `[[doc_id ¶p.s]]`, quote exact words with `[[doc_id ¶p.s | "exact words"]]`; use at least {MIN_CITES}
citations from at least {MIN_DOCS} documents. The check verifies every citation and quote; your lecturer marks
the content.""",
    title="A short cited briefing note",
    kind="writing task", grader=_grade_note,
    hints=[
        "Start from the brief the kit builds (`b.to_markdown()`): its key points and 'where sources disagree' are "
        "your raw material, each with a citation.",
        "Structure: one sentence on what happened; two on the framings (resolve vs dialogue); one on the accusations "
        "and the denial; one on what is uncertain. Attribute each claim: 'Alwaght writes…', 'Araghchi said…'.",
        f"Cite e.g. {FTRIBUNE} ¶1.1 (who met), ¶3.1 (outcome), {ALWAGHT} ¶9.3 (resolve), ¶12.2 or {FTRIBUNE} ¶8.3 "
        "(denial); pass your note to build_brief(..., notes=note) to see the footnotes.",
    ],
    solution=lambda: (
        "A model note (about 150 words; one sentence per line, so that every [[…]] stays on one line):\n\n"
        + MODEL_NOTE + "\n\n" + RUBRIC),
    cites=[f"{FTRIBUNE} ¶1.1", f"{FTRIBUNE} ¶3.1", f"{ALWAGHT} ¶9.3", f"{FTRIBUNE} ¶8.3"],
))


# ---- q6 --------------------------------------------------------------------------------

q6 = EX.add(OpenQuestion(
    """Reflect on your note in 60–120 words: which sentence of it reports a source's framing rather than a fact,
and how did you signal that? What does the claims ledger's `note` column add about the April 2025 agreements
that neither text says?""",
    title="Framing, fact and the public record",
    min_words=50,
    model_answer=f"""
"Alwaght presents the visit as following a firm demonstration of resolve" reports a framing: I signalled it by
naming the outlet as the subject and quoting its words ({ALWAGHT} ¶9.3), instead of writing "Iran demonstrated
resolve". The same goes for the outcome, which is Araghchi's account as reported ({FTRIBUNE} ¶3.1). The ledger's
notes bring in the public record where the corpus is silent or differs: the Financial Tribune counts "more than
50 agreements" for the April 2025 visit ({FTRIBUNE} ¶9.2) and the anonymous text speaks only of "concrete
agreements" ({ANON} ¶9.2); the ledger's note gives the public record — seven documents signed (Kayhan, 28 April 2025).
A note should report the count as the outlet's and, if it matters, give the public figure with its source.
""",
    rubric=[
        ("Identifies a framing sentence in their own note and how it is attributed", 3),
        ("Distinguishes reported speech (Araghchi) from the outlet's voice", 2),
        ("Uses the ledger note on the April 2025 agreements correctly, naming its public source", 3),
        ("Correct citations; no invented facts", 2),
    ],
    hints=[
        "Read your note sentence by sentence: whose words or view is each?",
        "`ledger[ledger.topic == \"visit-2025-04/agreements\"][[\"citation\", \"quote\", \"note\"]]`",
        "Compare the Financial Tribune's count with the other text and with the public record in the note column.",
    ],
))

__all__ = ["EX", "q1", "q2", "q3", "q4", "q5", "q6"]
