"""Build exercises/ex06_briefing.ipynb and exercises/solutions/ex06_briefing.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from araz.exercises.ex06_briefing import MODEL_NOTE  # noqa: E402

EX = "ex06"
HEADER = f"""
# Exercise 6 — A briefing note: from the corpus to a cited note

Goes with `notebooks/07_briefing.ipynb` and session 6 of the seminar guide. About **60 minutes**.

**Learning goals**

- scope a briefing note by date and read what the kit assembles;
- choose key points and say whose words they are;
- show where sources disagree, with a citation for each side;
- write a short note in which every claim about a source carries a verified citation.

{HOWTO}
"""

ITEMS = [
    Q("q1",
      blank="""
b = ____   # araz.briefing.build_brief(corpus, topic="...", start=..., end=...)
answer = ____
q1.check(answer)
""",
      answer="""
b = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku", start="2025-12", end="2025-12")
answer = len(b.documents)
q1.check(answer)
"""),
    md("""
The key points the kit picked — extractive, each with its citation and who asserts it:
"""),
    code("""
b = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku", start="2025-12", end="2025-12")
b.key_points
"""),
    Q("q2",
      blank="answer = ____\nq2.check(answer)",
      answer='answer = "ftribune-2025-araghchi-baku ¶3.1"\nq2.check(answer)'),
    code("""
d = araz.claims.disagreements(corpus)
d[d.topic == "visit-2025-12/framing"][["stance", "outlets", "citations", "quotes"]]
"""),
    Q("q3",
      blank="answer = [____, ____]\nq3.check(answer)",
      answer='answer = ["alwaght-2025-araghchi-baku ¶7.1", "ftribune-2025-araghchi-baku ¶3.1"]\nq3.check(answer)'),
    Q("q4",
      blank="answer = '[[____ | \"____\"]]'\nq4.check(answer)",
      answer="answer = '[[ftribune-2025-araghchi-baku ¶8.3 | \"Azerbaijan has firmly rejected these claims\"]]'\nq4.check(answer)"),
    Q("q5",
      intro="Keep each `[[…]]` on one line. When the check passes, build the note with your text and read it.",
      blank='note = """\n____\n"""\nq5.check(note)',
      answer=f'note = """\n{MODEL_NOTE}\n"""\nq5.check(note)',
      after="""
Your note inside a full briefing (Markdown here; `to_html()` and `to_pdf(path)` give the other formats —
write them outside the kit's folder):
"""),
    code("""
from IPython.display import Markdown

try:
    brief = araz.briefing.build_brief(corpus, topic="Araghchi's December 2025 visit to Baku",
                                      start="2025-12", end="2025-12", notes=note)
    display(Markdown(brief.to_markdown()[:3000]))
except araz.CitationError as err:   # a citation that does not resolve is rejected, with its line
    print(err)
"""),
    Q("q6",
      blank='answer = """\n____\n"""\nq6.check(answer)',
      answer='''answer = """
"Alwaght presents it as following a firm demonstration of resolve" reports a framing: the outlet is the subject
and its words are quoted (alwaght-2025-araghchi-baku ¶9.3), instead of "Iran demonstrated resolve". The outcome
is Araghchi's account as reported (ftribune-2025-araghchi-baku ¶3.1). On the April 2025 visit, the Financial
Tribune counts "more than 50 agreements" (ftribune-2025-araghchi-baku ¶9.2); the ledger's note gives the public
record of seven documents signed (Kayhan, 28 April 2025), so a note should report the count as the outlet's.
"""
q6.check(answer)'''),
]

FOOTER = """
## Discussion

1. Which of your sentences would a reader most likely repeat as fact? Is it attributed?
2. Both documents in scope are Iranian outlets. What does your note need to say about the voices that are missing?
3. When is it right to bring in the public record (the ledger's notes) — and how do you mark it in a note?

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex06_briefing.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6"]), ITEMS, FOOTER)
