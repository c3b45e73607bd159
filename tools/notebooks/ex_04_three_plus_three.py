"""Build exercises/ex04_three_plus_three.ipynb and exercises/solutions/ex04_three_plus_three.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

EX = "ex04"
HEADER = f"""
# Exercise 4 — The 3+3 format: members and proposer, according to whom

Goes with `notebooks/04_three_plus_three.ipynb` and session 4 of the seminar guide. About **40 minutes**.

**Learning goals**

- find who each source says proposed the format, and in whose voice;
- compare how two sources group the same six states;
- count mentions of a format that is often referred to without its name;
- write a small function that compares groupings regardless of order.

{HOWTO}
"""

ITEMS = [
    md("""
Everything the corpus says about the format, computed from the text and the claims ledger:
"""),
    code("""
t = araz.formats.three_plus_three(corpus)
t.proposer[["citation", "proposer", "proposal_kind", "voice", "asserted_by"]]
"""),
    Q("q1",
      blank="answer = ____\nq1.check(answer)",
      answer='answer = "mehr-2021-korybko ¶1.6"\nq1.check(answer)'),
    Q("q2",
      blank="answer = ____\nq2.check(answer)",
      answer='answer = "mehr-2021-korybko ¶1.7"\nq2.check(answer)'),
    code("""
t.membership[["citation", "group", "members", "label", "voice"]]
"""),
    Q("q3",
      blank="answer = ____   # a list of state names\nq3.check(answer)",
      answer='answer = ["Azerbaijan", "Russia", "Armenia"]\nq3.check(answer)'),
    Q("q4",
      blank="answer = ____\nq4.check(answer)",
      answer='answer = t.groupings[t.groupings.south_caucasus_together].doc_id.iloc[0]\nq4.check(answer)'),
    Q("q5",
      blank="t.mentions[[\"citation\", \"surface\", \"how\"]]\n\nanswer = ____\nq5.check(answer)",
      answer='answer = t.mentions.groupby("doc_id").size()\nprint(answer)\nq5.check(answer)'),
    Q("q6",
      blank="""
def same_grouping(a, b):
    return ____

q6.check(same_grouping)
""",
      answer="""
def same_grouping(a, b):
    return {frozenset(g) for g in a} == {frozenset(g) for g in b}

mehr = [["Azerbaijan", "Russia", "Armenia"], ["Iran", "Turkey", "Georgia"]]
ftribune = [["Armenia", "Azerbaijan", "Georgia"], ["Iran", "Turkey", "Russia"]]
print(same_grouping(mehr, ftribune))
q6.check(same_grouping)
"""),
    Q("q7",
      blank='t.purpose[["citation", "purpose", "voice"]]\n\nanswer = """\n____\n"""\nq7.check(answer)',
      answer='''answer = """
In 2021 the Mehr column links the format to a plan "to end the Nagorno-Karabakh war once and for all" in quoted
words (mehr-2021-korybko ¶1.6) and, in the author's voice, expects "supercontinental strategic consequences if
the 3+3 format is successful" (mehr-2021-korybko ¶1.22). In December 2025 the Financial Tribune describes it as
an initiative "to discuss peace, security, and economic cooperation" (ftribune-2025-araghchi-baku ¶6.1) and
reports Araghchi saying that strengthening it would contribute to stability (ftribune-2025-araghchi-baku ¶5.2).
Both outlets are Iranian: the difference is of genre and moment (an opinion column after the 2020 war, a news
report in 2025), and the quoted speakers must be kept apart from the authors.
"""
q7.check(answer)'''),
]

FOOTER = """
## Discussion

1. The Mehr column credits the proposal both to Azerbaijan's president (in quoted words) and to Iran (in its
   own voice). What does the column gain from holding both?
2. The claims ledger notes what the public record says about the proposal. When should a briefing bring in a
   source outside the corpus, and how should it mark it?
3. Why might a source group the six states differently — error, or a view of the region?

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex04_three_plus_three.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]), ITEMS, FOOTER)
