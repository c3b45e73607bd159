"""Build exercises/ex05_tone.ipynb and exercises/solutions/ex05_tone.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

EX = "ex05"
HEADER = f"""
# Exercise 5 — Tone: the codebook, the lexicon and VADER

Goes with `notebooks/05_tone.ipynb` and session 5 of the seminar guide. About **60 minutes**.

**Learning goals**

- code sentences by a written codebook, and compare your coding with a hand-coded reference;
- read how the kit's lexicon scores a sentence, and why a general sentiment tool (VADER) misreads diplomatic text;
- report agreement honestly: macro-F1 on sentences the lexicon was not tuned on;
- extend the lexicon and test the extension on new sentences;
- keep the outlet's voice apart from the voices it quotes.

{HOWTO}
"""

ITEMS = [
    md("""
First read the codebook — `data/lexicons/CODEBOOK.md` in the kit (open it in JupyterLab) — then code these five
sentences **before** looking at any score:
"""),
    code("""
from araz.exercises.ex05 import TO_CODE

for citation in TO_CODE:
    print(citation, "—", corpus.cite(citation))
"""),
    Q("q1",
      blank="""
answer = {
    "ftribune-2025-araghchi-baku ¶2.1": ____,
    "ftribune-2025-araghchi-baku ¶4.1": ____,
    "ftribune-2025-araghchi-baku ¶7.2": ____,
    "alwaght-2025-araghchi-baku ¶8.1": ____,
    "alwaght-2025-araghchi-baku ¶11.3": ____,
}
q1.check(answer)
""",
      answer="""
answer = {
    "ftribune-2025-araghchi-baku ¶2.1": "coop",
    "ftribune-2025-araghchi-baku ¶4.1": "mixed",
    "ftribune-2025-araghchi-baku ¶7.2": "conf",
    "alwaght-2025-araghchi-baku ¶8.1": "neutral",
    "alwaght-2025-araghchi-baku ¶11.3": "conf",
}
q1.check(answer)
"""),
    md("""
Now the machine. The kit's lexicon explains every score — each matched word, its class and contribution:
"""),
    code("""
print(araz.tone.explain(corpus, "alwaght-2025-araghchi-baku ¶11.1"))
"""),
    Q("q2",
      blank="v = araz.tone.score_vader(corpus)\n\nanswer = ____\nq2.check(answer)",
      answer='v = araz.tone.score_vader(corpus)\nanswer = v[v.citation == "alwaght-2025-araghchi-baku ¶11.1"].vader_label.iloc[0]\nq2.check(answer)'),
    code("""
cmp = araz.tone.compare(corpus)
cmp[["citation", "label", "vader_label", "hand_label", "split"]].head(10)
"""),
    Q("q3",
      blank="answer = ____\nq3.check(answer)",
      answer='print(cmp[(cmp.hand_label == "coop") & cmp.vader_label.isin(["conf", "mixed"])].citation.tolist())\n\n'
             'answer = "ftribune-2025-araghchi-baku ¶3.1"\nq3.check(answer)'),
    Q("q4",
      blank="v = araz.tone.validate(corpus)\nv.summary\n\nanswer = ____\nq4.check(answer)",
      answer='v = araz.tone.validate(corpus)\nprint(v.summary)\n\n'
             'answer = v.summary.query("method == \'ours\' and split == \'test\'").macro_f1.iloc[0]\nq4.check(answer)'),
    Q("q5",
      intro="`araz.tone.load_lexicon().table` shows the terms; your function receives a copy, so the kit's own lexicon is not changed.",
      blank="""
def extend(lexicon):
    # lexicon.add(term, cls, weight) ...
    return ____

q5.check(extend)
""",
      answer="""
def extend(lexicon):
    lexicon.add("mediat*", "verbal_cooperation", 1.0, note="CAMEO 04: mediate")
    lexicon.add("embargo*", "material_conflict", 1.5, note="CAMEO 16: impose embargo")
    lexicon.add("boycott*", "material_conflict", 1.5, note="CAMEO 16: boycott")
    return lexicon

mine = extend(araz.tone.load_lexicon().copy())
print(araz.tone.score_text("Turkey offered to mediate between the two neighbours.", mine).label)
q5.check(extend)
""",
      after="""
An extended lexicon must be validated again: `araz.tone.validate(corpus, lexicon=mine)` — agreement with the hand
labels should not drop.
"""),
    Q("q6",
      blank="s = araz.tone.score_sentences(corpus)\n\nanswer = ____\nq6.check(answer)",
      answer='s = araz.tone.score_sentences(corpus)\n'
             'print(s[s.doc_id == "ftribune-2025-araghchi-baku"][["citation", "voice", "voice_reason"]])\n'
             'answer = int(((s.doc_id == "ftribune-2025-araghchi-baku") & (s.voice == "quoted")).sum())\nq6.check(answer)'),
    Q("q7",
      blank='answer = """\n____\n"""\nq7.check(answer)',
      answer='''answer = """
The corpus has four documents of different kinds and dates: an opinion column from 2021, an unsigned
celebratory text, an analysis and a news report from 2025, all with estimated dates. A difference in tone
between them is a difference of genre and occasion as much as of time, and the kit's over-time chart warns that
four articles are an anecdote, not a trend. Much of the cooperative language in the December 2025 report is
Araghchi's, quoted (ftribune-2025-araghchi-baku ¶4.1), not the outlet's, which also writes that relations "have
faced strains in recent years" (ftribune-2025-araghchi-baku ¶7.1). A trend would need many comparable documents
per period, with the outlet's own voice scored apart from the voices it quotes.
"""
q7.check(answer)'''),
]

FOOTER = """
## Discussion

1. Where did your coding differ from the hand coding, and which rule of the codebook decided it?
2. VADER reads "stressed" as stress. Which other words of diplomatic reporting would a general tool misread?
3. The lexicon beats VADER on the held-back sentences. Does that make it right? What would you need to trust it
   on a corpus of your own?

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex05_tone.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]), ITEMS, FOOTER)
