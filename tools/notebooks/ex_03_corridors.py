"""Build exercises/ex03_corridors.ipynb and exercises/solutions/ex03_corridors.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ex_common import HOWTO, Q, build, code, md, setup_cell  # noqa: E402

EX = "ex03"
HEADER = f"""
# Exercise 3 — Corridors: routes, names and the map

Goes with `notebooks/03_corridors.ipynb` and session 4 of the seminar guide. About **50 minutes**.

**Learning goals**

- find which source talks about which route, and in which words;
- read a route on the ground from a sentence and from the map;
- draw the competing routes between mainland Azerbaijan and Nakhchivan;
- explain why the name of a route is itself a position.

{HOWTO}
"""

ITEMS = [
    md("""
Which document talks about which route, how often, and in which words:
"""),
    code("""
b = araz.corridors.by_source(corpus)
b[["doc_id", "entity_id", "n_mentions", "surfaces"]]
"""),
    Q("q1",
      blank="answer = ____   # a list of entity ids\nq1.check(answer)",
      answer='answer = list(b[b.doc_id == "alwaght-2025-araghchi-baku"].entity_id)\nq1.check(answer)'),
    Q("q2",
      blank="answer = ____\nq2.check(answer)",
      answer='answer = "alwaght-2025-araghchi-baku ¶17.2"\nprint(corpus.cite(answer))\nq2.check(answer)'),
    md("""
Each route in the gazetteer has waypoints — real places with coordinates and a source for each:
"""),
    code("""
araz.corridors.waypoints().query("entity_id in ['aras-corridor', 'zangezur-corridor']")[["entity_id", "order", "place", "country"]]
"""),
    Q("q3",
      blank="""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 6))
# draw the map on ax here
____
q3.check(ax)
""",
      answer="""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 6))
araz.plots.corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor"], extent="aras")
q3.check(ax)
"""),
    Q("q4",
      blank="araz.corridors.load_corridors()[[\"entity_id\", \"label\", \"states\"]]\n\nanswer = ____\nq4.check(answer)",
      answer='t = araz.corridors.load_corridors().set_index("entity_id").states\n'
             'answer = (set(t["aras-corridor"].split("|")) - set(t["zangezur-corridor"].split("|"))).pop()\n'
             'q4.check(answer)'),
    Q("q5",
      blank="answer = ____\nq5.check(answer)",
      answer='answer = "alwaght-2025-araghchi-baku ¶16.3"\nprint(corpus.cite(answer))\nq5.check(answer)'),
    Q("q6",
      blank="""
def naming(corpus, entity_id):
    # for one route: {outlet: sorted list of the distinct words used for it}
    return ____

q6.check(naming)
""",
      answer="""
def naming(corpus, entity_id):
    m = araz.corridors.mentions(corpus)
    m = m[m.entity_id == entity_id]
    outlet = corpus.documents.set_index("doc_id").outlet
    m = m.assign(outlet=m.doc_id.map(outlet))
    return {o: sorted(set(g.surface)) for o, g in m.groupby("outlet")}

print(naming(corpus, "aras-corridor"))
q6.check(naming)
"""),
    Q("q7",
      blank='answer = """\n____\n"""\nq7.check(answer)',
      answer='''answer = """
The same route across southern Armenia can be the "Zangezur Corridor", which Alwaght puts in quotation marks and
calls a matter of "supreme national security sensitivity" (alwaght-2025-araghchi-baku ¶16.2), or a US-backed
route that Alwaght describes without naming it, "the envisioned transit route between Azerbaijan and Armenia"
(alwaght-2025-araghchi-baku ¶15.2). Iran's condition is that "any transit project must not lead to the manipulation
of internationally recognized borders" (alwaght-2025-araghchi-baku ¶16.3). The route through Iran is the "Aras
River Transit Corridor" for Alwaght (alwaght-2025-araghchi-baku ¶17.1) but the "Araz Corridor" in the
Azerbaijani-perspective text (anon-2025-pezeshkian-visit ¶10.2). A name says whose route it is and whose
sovereignty it touches, so a briefing should quote the names with their sources rather than choose one.
"""
q7.check(answer)'''),
]

FOOTER = """
## Discussion

1. The map draws straight lines between real places. What does a schematic line hide about a route that is
   still being negotiated?
2. Alwaght names the "Zangezur Corridor" but not TRIPP. What would you expect an Armenian or a US source to call
   the same road?
3. Which routes in the corpus are *described as agreed*, and which as *proposed* or *envisioned*? Cite.

Your progress so far:
"""

if __name__ == "__main__":
    build(EX, "ex03_corridors.ipynb", HEADER, setup_cell(EX, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]), ITEMS, FOOTER)
