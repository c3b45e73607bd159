"""Key points: 3–7 extractive statements chosen by a fixed, documented rule.

The rule (also printed at the foot of every note):

1. **Candidates.** Every claims-ledger entry of 8 words or more whose document is in scope
   (its verbatim quote, who asserts it and in which voice), and every sentence of a document in scope
   that is not a heading and has 8–60 words (who asserts it: the author, or the outlet
   when the author is unknown; "a speaker quoted by …" when the tone module marks the
   sentence as quoted speech).
2. **Score.** ``2 × focus + topic + ledger``: *focus* is the number of distinct selected
   actors and corridors mentioned in the candidate's sentence; *topic* the number of
   distinct words of the topic (4+ letters, or a year; not a stop word) found in that
   sentence; *ledger* is 1 for a claims-ledger entry (hand-checked), 0 for a plain sentence.
3. **Balance.** Sources take turns: in each round, every document that still has a
   candidate gives its best one, documents with the better best candidate first; rounds
   repeat until 7 points are chosen. Candidates that score 0 are used only to reach 3.
4. **Ties** go to the claims ledger, then to the earlier sentence (the lead first), then
   to the earlier document (publication date, then ``doc_id``). One point per sentence.
5. The points are listed by document (in corpus order), then by position in the text.

Nothing is paraphrased: each point is a quote with its citation and who asserts it.
"""
from __future__ import annotations

import re

import pandas as pd

MAX_POINTS = 7
MIN_POINTS = 3
MIN_WORDS, MAX_WORDS = 8, 60
MIN_CLAIM_WORDS = 8
STOP = frozenset("""about above after again against also among and another any are around because been
before being between both but came can could does doing down during each else even ever every from
further have having here hers herself himself into itself just last made make many more most much must
near next none only other ought ours over same should since some such than that their theirs them
themselves then there these they this those through under until upon very was were what when where
which while whom whose will with within without would your yours brief note question topic""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

KEYPOINT_COLUMNS = ["number", "text", "citation", "doc_id", "outlet", "asserted_by", "voice", "kind",
                    "claim_id", "claim_topic", "score", "focus", "topic_hits", "why", "ledger_note"]


def topic_words(topic: str | None) -> frozenset[str]:
    """The distinct content words of a topic: 4+ letters or a 4-digit year, no stop words, possessives cut."""
    if not topic:
        return frozenset()
    out = set()
    for w in _WORD.findall(topic.lower()):
        w = re.sub(r"['’]s$", "", w)
        if (len(w) >= 4 and not w.isdigit() and w not in STOP) or (w.isdigit() and len(w) == 4):
            out.add(w)
    return frozenset(out)


def _words(text: str) -> set[str]:
    return {re.sub(r"['’]s$", "", w) for w in _WORD.findall(text.lower())}


def select_key_points(*, sentences: pd.DataFrame, documents: pd.DataFrame, claims: pd.DataFrame | None,
                      entity_hits: dict, topic: str | None, voices: dict | None = None,
                      max_points: int = MAX_POINTS, min_points: int = MIN_POINTS) -> pd.DataFrame:
    """Choose the key points; see the module docstring for the rule.

    ``sentences``: the corpus's sentence table restricted to documents in scope, plus an
    ``is_heading`` column; ``documents``: the documents in scope in corpus order;
    ``claims``: ledger rows in scope (or ``None``); ``entity_hits``: ``{(doc_id, paragraph,
    sentence): set of selected entity ids mentioned there}``; ``voices``: ``{citation: voice}``.
    """
    voices = voices or {}
    twords = topic_words(topic)
    doc_rank = {d: i for i, d in enumerate(documents["doc_id"])}
    by_key = {(r.doc_id, r.paragraph, r.sentence): r for r in sentences.itertuples(index=False)}
    para_keys: dict[tuple, list] = {}
    for key in by_key:
        para_keys.setdefault(key[:2], []).append(key)

    authors = dict(zip(documents["doc_id"], documents["author"]))
    outlets = dict(zip(documents["doc_id"], documents["outlet"]))

    def who(doc_id: str) -> str:
        author, outlet = authors[doc_id], outlets[doc_id]
        if author and author != "unknown":
            return f"{author} ({outlet})" if outlet != "unknown" else str(author)
        return f"{outlet} (outlet's voice)" if outlet != "unknown" else "unattributed text (outlet unknown)"

    def signals(keys) -> tuple[int, int]:
        ents: set = set()
        words: set = set()
        for k in keys:
            ents |= entity_hits.get(k, set())
            r = by_key.get(k)
            if r is not None and twords:
                words |= _words(r.text)
        return len(ents), len(twords & words)

    # A ledger note (e.g. what the public record says about a count or a date) travels with the
    # claim it is about, so a contradicted claim is never shown bare — and only with that claim:
    # a sentence can hold several claims (an agreement count and a trade volume), and a key
    # point that is one claim must not carry the note on another. A key point that is a whole
    # sentence carries the note of each claim quoted in it, each labelled with the claim's words.
    note_of: dict[str, str] = {}
    claims_at: dict[str, list[tuple[str, str]]] = {}
    if claims is not None and not claims.empty and "note" in claims.columns:
        for cid, cit, quote, note in zip(claims["claim_id"], claims["citation"], claims["quote"], claims["note"]):
            note = str(note or "").strip()
            if note:
                note_of[cid] = note
                claims_at.setdefault(cit, []).append((str(quote), note))

    def ledger_note(c: dict) -> str:
        if c["kind"] == "claim":
            return note_of.get(c["claim_id"], "")
        found = [(q, n) for q, n in claims_at.get(c["citation"], []) if q in c["text"]]
        if len(found) == 1:
            return found[0][1]
        return " ".join(f"On “{q}”: {n}" for q, n in found)

    cands = []
    if claims is not None and not claims.empty:
        for c in claims.itertuples(index=False):
            if len(str(c.quote).split()) < MIN_CLAIM_WORDS:
                continue
            parts = str(c.citation).rsplit("¶", 1)[1].split(".")
            p = int(parts[0])
            keys = [(c.doc_id, p, int(parts[1]))] if len(parts) > 1 else sorted(para_keys.get((c.doc_id, p), []))
            if not keys:
                continue
            focus, hits = signals(keys)
            cands.append(dict(text=c.quote, citation=c.citation, doc_id=c.doc_id, asserted_by=c.asserted_by,
                              voice=c.voice, kind="claim", claim_id=c.claim_id, claim_topic=c.topic,
                              focus=focus, topic_hits=hits, ledger=1, pos=keys[0], key=keys[0]))
    for r in sentences.itertuples(index=False):
        if getattr(r, "is_heading", False):
            continue
        n_words = len(r.text.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            continue
        key = (r.doc_id, r.paragraph, r.sentence)
        focus, hits = signals([key])
        voice = voices.get(r.citation, "author")
        asserted = who(r.doc_id) if voice != "quoted" else f"a speaker quoted by {outlets[r.doc_id]}"
        cands.append(dict(text=r.text, citation=r.citation, doc_id=r.doc_id, asserted_by=asserted, voice=voice,
                          kind="sentence", claim_id="", claim_topic="", focus=focus, topic_hits=hits, ledger=0,
                          pos=key, key=key))
    for c in cands:
        c["score"] = 2 * c["focus"] + c["topic_hits"] + c["ledger"]
        c["order"] = (-c["score"], -c["ledger"], c["pos"][1], c["pos"][2], doc_rank[c["doc_id"]])
    per_doc: dict[str, list] = {}
    for c in sorted(cands, key=lambda c: c["order"]):
        per_doc.setdefault(c["doc_id"], []).append(c)

    chosen: list[dict] = []
    used: set = set()

    def rounds(allow_zero: bool, limit: int) -> None:
        while len(chosen) < limit:
            heads = []
            for doc_id, lst in per_doc.items():
                while lst and (lst[0]["key"] in used):
                    lst.pop(0)
                if lst and (allow_zero or lst[0]["score"] > 0):
                    heads.append(lst[0])
            if not heads:
                return
            heads.sort(key=lambda c: (c["order"][0], c["order"][1], doc_rank[c["doc_id"]], c["order"][2], c["order"][3]))
            for c in heads:
                if len(chosen) >= limit:
                    return
                chosen.append(c)
                used.add(c["key"])
                per_doc[c["doc_id"]].pop(0)

    rounds(False, max_points)
    if len(chosen) < min_points:
        rounds(True, min_points)
    chosen.sort(key=lambda c: (doc_rank[c["doc_id"]], c["pos"][1], c["pos"][2]))
    rows = []
    for i, c in enumerate(chosen, start=1):
        why = []
        if c["focus"]:
            why.append(f"mentions {c['focus']} selected actor/corridor{'s' if c['focus'] != 1 else ''}")
        if c["topic_hits"]:
            why.append(f"{c['topic_hits']} topic word{'s' if c['topic_hits'] != 1 else ''}")
        if c["ledger"]:
            why.append(f"claims ledger {c['claim_id']}")
        if not why:
            why.append("lead sentence of its source")
        rows.append(dict(number=i, text=c["text"], citation=c["citation"], doc_id=c["doc_id"],
                         outlet=outlets[c["doc_id"]], asserted_by=c["asserted_by"], voice=c["voice"],
                         kind=c["kind"], claim_id=c["claim_id"], claim_topic=c["claim_topic"], score=c["score"],
                         focus=c["focus"], topic_hits=c["topic_hits"], why="; ".join(why),
                         ledger_note=ledger_note(c)))
    return pd.DataFrame(rows, columns=KEYPOINT_COLUMNS)
