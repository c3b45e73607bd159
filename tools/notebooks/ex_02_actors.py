"""Build exercises/ex02_actors.ipynb and exercises/solutions/ex02_actors.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

EX = "ex02"
HEADER = f"""
# Exercise 2 — Actors: names, metonyms, labels

Goes with `notebooks/02_actors.ipynb` and session 3 of the seminar guide. About **45 minutes**.

**Learning goals**

- count who is spoken about with the kit's gazetteer, and say what the counts include;
- tell names, metonyms ("Tehran", "Official Baku"), demonyms and labels ("the Israeli regime") apart;
- read what a metonym as grammatical subject does to a sentence;
- extend the gazetteer with a place it does not know, and test it on new text.

{HOWTO}
"""

ITEMS = [
    md("""
Every mention of an actor the gazetteer knows, one row each, with its citation and the *kind* of alias:
"""),
    code("""
m = araz.actors.mentions(corpus)
m[["citation", "surface", "entity_id", "kind", "entity_type"]].head(10)
"""),
    Q("q1",
      blank="answer = ____\nq1.check(answer)",
      answer='answer = len(m[(m.doc_id == "alwaght-2025-araghchi-baku") & (m.entity_id == "iran")])\nq1.check(answer)'),
    Q("q2",
      blank="answer = ____   # a dict or Series: doc_id -> share\nq2.check(answer)",
      answer='st = m[m.entity_type == "state"]\nanswer = st.groupby("doc_id").kind.apply(lambda k: (k == "metonym").mean())\nprint(answer.round(3))\nq2.check(answer)'),
    md("""
`araz.actors.metonyms(corpus)` looks at each metonym and says whether it is the grammatical subject of a verb:
"""),
    code("""
araz.actors.metonyms(corpus)[["citation", "surface", "as_subject", "verb"]].head(12)
"""),
    Q("q3",
      blank="answer = ____\nq3.check(answer)",
      answer='answer = "anon-2025-pezeshkian-visit ¶2.3"\nprint(corpus.cite(answer))\nq3.check(answer)'),
    Q("q4",
      blank='m[m.entity_id == "israel"][["citation", "surface", "kind"]]\n\nanswer = ____\nq4.check(answer)',
      answer='print(m[m.entity_id == "israel"][["citation", "surface", "kind"]])\n\nanswer = "alwaght-2025-araghchi-baku ¶12.1"\nq4.check(answer)'),
    md("""
Names that no gazetteer knows yet — what a lecturer who adds documents would add next:
"""),
    code("""
araz.actors.candidates(corpus)[["candidate", "count", "first_citation"]].head(12)
"""),
    Q("q5",
      intro="Write into a temporary folder, never into the kit's own `data/` folder.",
      blank='''
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
(folder / "actors.csv").write_text("""entity_id,label,type,country,role,role_years,source,note
____
""", encoding="utf-8")
(folder / "actor_aliases.csv").write_text("""entity_id,alias,kind,lang,case_sensitive,ambiguous,note
____
""", encoding="utf-8")
q5.check(folder)
''',
      answer='''
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
(folder / "actors.csv").write_text("""entity_id,label,type,country,role,role_years,source,note
bandar-abbas,Bandar Abbas,other,IRN,port city on the Strait of Hormuz (Hormozgan province),,"Encyclopædia Iranica, 'BANDAR-E ʿABBAS(I)', online edition 2014; corpus: anon-2025-pezeshkian-visit ¶4.2",
""", encoding="utf-8")
(folder / "actor_aliases.csv").write_text("""entity_id,alias,kind,lang,case_sensitive,ambiguous,note
bandar-abbas,Bandar Abbas,name,en,false,false,
bandar-abbas,Bandar-e Abbas,transliteration,en,false,false,Persian ezafe form
""", encoding="utf-8")
q5.check(folder)
''',
      after="""
With your files, the matcher finds the new place everywhere — try it on a sentence of your own:
`araz.gazetteer.find("...", araz.gazetteer.load_gazetteer(extra=[folder / "actors.csv", folder / "actor_aliases.csv"]))`.
"""),
    Q("q6",
      blank="e = araz.actors.cooccurrence(corpus)\ne.head()\n\nanswer = ____\nq6.check(answer)",
      answer='e = araz.actors.cooccurrence(corpus)\nanswer = e[(e.source == "azerbaijan") & (e.target == "israel")].weight.iloc[0]\nq6.check(answer)'),
    Q("q7",
      blank='answer = """\n____\n"""\nq7.check(answer)',
      answer='''answer = """
A metonym presents a government as one actor with one will. "Tehran has concluded that a significant portion
of these hostile activities originated along its northern border" (alwaght-2025-araghchi-baku ¶9.3) names no
official and no evidence, and it is the outlet's own voice, not an official statement. "Official Baku continues
to prioritize strong partnerships" (anon-2025-pezeshkian-visit ¶2.3) gives an unsigned text the authority of the
state. In a briefing I would attribute such sentences to the outlet ("Alwaght writes that...") with the citation.
"""
q7.check(answer)'''),
]

FOOTER = """
## Discussion

1. The Alwaght article speaks of states through their capitals more than any other document. Is that a matter
   of style, of register, or of stance? What would you need to decide?
2. Which of the names for Israel in the corpus would you use in your own writing, and why?
3. What does a count of mentions *not* tell you about an actor's importance in a text?

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex02_actors.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]), ITEMS, FOOTER)
