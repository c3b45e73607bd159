"""Build exercises/ex01_sources.ipynb and exercises/solutions/ex01_sources.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

EX = "ex01"
HEADER = f"""
# Exercise 1 — Sources: provenance, dating, who speaks

Goes with `notebooks/01_sources.ipynb` and sessions 1–2 of the seminar guide (`docs/seminar_guide.md`).
About **45 minutes**.

**Learning goals**

- read a document's provenance and say what is known, estimated or unknown;
- date an undated article from evidence inside its text, and check the arithmetic;
- tell the outlet's own voice from the words it quotes or reports;
- find and cite sentences with code, so that every claim can be traced back.

{HOWTO}
"""

ITEMS = [
    md("""
Start with the provenance of the four documents: one row per document.
"""),
    code("""
corpus.documents[["doc_id", "outlet", "author", "date_label", "perspective", "notes"]]
"""),
    Q("q1",
      blank="answer = ____   # a doc_id, in quotes\nq1.check(answer)",
      answer="docs = corpus.documents\nanswer = docs.loc[docs.outlet == \"unknown\", \"doc_id\"].iloc[0]\nq1.check(answer)"),
    md("""
The kit keeps the evidence for each estimated date with the document. `araz.sources.card` shows it as a
provenance card, with each evidence sentence resolved to its citation:
"""),
    code("""
card = araz.sources.card(corpus, "alwaght-2025-araghchi-baku")
card["date_label"], card["date_reasoning"]
"""),
    Q("q2",
      intro="Try it before you look at the card's evidence: read paragraphs 1–9 of the article.",
      blank="""
for r in corpus.sentences[corpus.sentences.doc_id == "alwaght-2025-araghchi-baku"].head(12).itertuples():
    print(r.citation, r.text)

answer = ____   # e.g. "alwaght-2025-araghchi-baku ¶3.1"
q2.check(answer)
""",
      answer="""
for r in corpus.sentences[corpus.sentences.doc_id == "alwaght-2025-araghchi-baku"].head(12).itertuples():
    print(r.citation, r.text)

answer = "alwaght-2025-araghchi-baku ¶5.1"
q2.check(answer)
"""),
    Q("q3",
      blank="""
import datetime as dt

drill_start = dt.date(2025, 12, 1)
answer = ____   # "YYYY-MM-DD"
q3.check(answer)
""",
      answer="""
import datetime as dt

drill_start = dt.date(2025, 12, 1)
drill_end = drill_start + dt.timedelta(days=5 - 1)   # day one is 1 December
answer = (drill_end + dt.timedelta(days=2)).isoformat()
q3.check(answer)
"""),
    Q("q4",
      blank="""
for r in corpus.sentences[corpus.sentences.doc_id == "ftribune-2025-araghchi-baku"].itertuples():
    print(r.citation, r.text)

answer = ____
q4.check(answer)
""",
      answer="""
answer = "ftribune-2025-araghchi-baku ¶4.1"
q4.check(answer)
"""),
    Q("q5",
      blank='print(corpus.cite("mehr-2021-korybko ¶1.6"))\n\nanswer = ____   # "author" or "quoted"\nq5.check(answer)',
      answer='print(corpus.cite("mehr-2021-korybko ¶1.6"))\n\nanswer = "quoted"\nq5.check(answer)',
      after="""
The claims ledger records the voice of every claim. Look at how it describes who asserts the 3+3 claims:
"""),
    code("""
ledger = araz.claims.ledger(corpus)
ledger[ledger.topic == "3+3/proposer"][["citation", "asserted_by", "voice", "stance"]]
"""),
    Q("q6",
      blank="""
import re

def cite_word(corpus, word):
    # return the citations of the sentences that contain `word` as a whole word, ignoring case
    return ____

q6.check(cite_word)
""",
      answer="""
import re

def cite_word(corpus, word):
    pattern = re.compile(r"(?<!\\w)" + re.escape(word) + r"(?!\\w)", re.IGNORECASE)
    s = corpus.sentences
    return [c for c, t in zip(s.citation, s.text) if pattern.search(t)]

print(cite_word(corpus, "Bayramov"))
q6.check(cite_word)
"""),
    Q("q7",
      blank='answer = """\n____\n"""\nq7.check(answer)',
      answer='''answer = """
Outlet and author are unknown and the title is supplied by the kit. The date is an estimate: the text calls
the Baku meeting "recent" (anon-2025-pezeshkian-visit ¶4.1) and mentions the Bandar Abbas explosion
(anon-2025-pezeshkian-visit ¶4.2). Its Azerbaijani perspective is inferred from its words, e.g. "Official
Baku" (anon-2025-pezeshkian-visit ¶2.3) and "Second Karabakh War" (anon-2025-pezeshkian-visit ¶8.3), not
stated. Cite it as an unsigned text written from an Azerbaijani perspective, quote it with its citation,
and find a second source for its facts; it is not "the Azerbaijani view".
"""
q7.check(answer)'''),
]

FOOTER = """
## Discussion

1. Three of the four documents are dated by inference. Which of those inferences would you trust most, and why?
2. The Financial Tribune's outlet is *identified* from a published copy, not *stated* in the text. How should
   a footnote show the difference?
3. When an opinion column quotes words without saying whose they are (mehr-2021-korybko ¶1.6), what can you
   still say about them?

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex01_sources.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]), ITEMS, FOOTER)
