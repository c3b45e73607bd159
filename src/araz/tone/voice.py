"""Voice: is a sentence in the author's voice or does it quote someone (codebook V1–V4)?

Performance: the regular expressions run only on the sentences the scoring pass flagged
(a quotation mark, or a verb of saying found by the same automaton), not on every sentence.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .rules import REPORTING_PARTICIPLES, REPORTING_VERBS, TALK_VERBS
from .scoring import _is_title


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_SAY = _alt(REPORTING_VERBS) + "|" + rf"(?:{_alt(TALK_VERBS)})(?:\s+\w+){{0,3}}?\s+about"
_STOP = (
    "The|This|That|These|Those|Their|Its|It|A|An|In|On|At|For|With|As|By|From|Such|Some|Many|Multiple|"
    "Other|Another|Each|Neither|Although|Though|Despite|While|When|Also|But|And|Yet|So|If|Last|Next|"
    "During|After|Before|Following|Given|Today|Observers|Analysts|Experts|Reports|Report|Sources|Critics|"
    "Officials|Media|People|Residents|Witnesses|Experience|Altogether|Earlier|Later|Looking|Significantly|"
    "Participants|There|Here|What|Which|Who|Why|How|Most|All|Any|Several|Few|One|Two|Three|Our|We|I|You|Your|My"
)
_CONCESSIVE_LEAD = re.compile(r"^(?:Although|Though|Even though|Despite|While|Whereas)\b[^,]*,")
_SPEECH_QUOTE = re.compile(r"“([^”]+)”?|\"([^\"]+)\"")


_STOP_WORDS = frozenset(_STOP.split("|"))
_PRONOUNS = frozenset(("he", "she", "they"))
_NOT_BETWEEN = frozenset(("and", "or", "but", "nor", "that", "which", "who", "whom"))
_SAY_AT = re.compile(rf"(?:{_SAY})\b")
_PARTICIPLE_SET = frozenset(REPORTING_PARTICIPLES)
_SAY_FIND = re.compile(rf"\b(?:{_SAY}|{_alt(REPORTING_PARTICIPLES)})\b", re.IGNORECASE)


def _find_say(texts) -> tuple[np.ndarray, np.ndarray]:
    rows, offs = [], []
    for i, t in enumerate(texts):
        for mm in _SAY_FIND.finditer(t):
            rows.append(i)
            offs.append(mm.start())
    return np.array(rows, dtype=np.int64), np.array(offs, dtype=np.int64)


def _is_speaker(tokens: list[str], k: int) -> bool:
    """Is ``tokens[k]`` a named speaker: a capitalised name, he/she/they, or 'both sides'?"""
    w = tokens[k]
    if w.lower() in _PRONOUNS:
        return True
    if w.lower() == "sides" and k > 0 and tokens[k - 1].lower() in ("both", "two"):
        return True
    return bool(w[:1].isupper() and w[-1:].isalnum() and w not in _STOP_WORDS)


_FIRST_TOKEN = re.compile(r"\s*(\S+)")


def _lead_end(text: str) -> int:
    """Where a leading "although/despite …," clause of ``text`` ends; -1 when there is none."""
    lead = _CONCESSIVE_LEAD.match(text)
    return lead.end() if lead else -1


def _reported(text: str, off: int, lead_end: int | None = None) -> str | None:
    """The reason a verb of saying at ``off`` makes ``text`` quoted, or None (rule V3).

    ``lead_end`` is :func:`_lead_end` of ``text`` (a sentence with several verbs of saying
    computes it once).
    """
    if lead_end is None:
        lead_end = _lead_end(text)
    if off < lead_end:
        return None  # "Although officials denied ..., the author says ..."
    verb_m = _SAY_AT.match(text, off)
    if verb_m:
        # the last tokens before the verb are all that is read: split only those (the
        # first element of rsplit's list, the unsplit rest, is never reached below)
        tokens = text[max(0, off - 160):off].rsplit(None, 5)
        # subject + up to three lower-case words (has, also, firmly, aims to) + verb
        for k in range(len(tokens) - 1, max(len(tokens) - 5, -1), -1):
            if _is_speaker(tokens, k):
                subject = " ".join(tokens[k - 1:k + 1]) if tokens[k].lower() == "sides" else tokens[k]
                return f"reported speech: '{subject} {text[off:verb_m.end()]}'" if k == len(tokens) - 1 else \
                    f"reported speech: '{subject} {' '.join(tokens[k + 1:])} {text[off:verb_m.end()]}'"
            w = tokens[k]
            if not (w.isalpha() and w.islower()) or w in _NOT_BETWEEN:
                break
    first = _FIRST_TOKEN.match(text, off)  # the first whitespace-separated token from `off`
    word = first.group(1).strip(",.;:").lower() if first else ""
    if word in _PARTICIPLE_SET and text[:off].rstrip().endswith(","):
        # "He met X, stressing that ...": the sentence's subject must be a named speaker
        head = text[:off]
        first_comma = head.find(",")
        start = first_comma + 1 if 0 <= first_comma <= 60 and first_comma < len(head.rstrip()) - 1 else 0
        subj = head[start:].split()
        if subj and (_is_speaker(subj, 0) or (len(subj) > 1 and _is_speaker(subj, 1) and subj[1].lower() == "sides")):
            return f"reported speech: '…, {word}' with a named speaker as subject"
        if start and head.split() and _is_speaker(head.split(), 0):
            return f"reported speech: '…, {word}' with a named speaker as subject"
    return None


def _voice(sent: pd.DataFrame, say_rows=None, quote_rows=None) -> tuple[np.ndarray, np.ndarray]:
    """``author``/``quoted`` per sentence, with the reason (codebook rules V1–V4).

    ``say_rows`` and ``quote_rows`` (from the scoring pass) limit the regular expressions
    to the sentences that can be quoted at all.

    Precedence: a direct quotation (V1) wins over everything, a quotation continued from
    an earlier sentence (V2) over reported speech (V3). So V1 is found first, and V3 is
    tried only on sentences that neither V1 nor V2 already made quoted.
    """
    texts = sent["text"].tolist()
    n = len(texts)
    voice = np.full(n, "author", dtype=object)
    reason = np.full(n, "no quotation and no verb of saying with a named speaker", dtype=object)
    if quote_rows is None:
        quote_rows = np.array([i for i, t in enumerate(texts) if "“" in t or "”" in t or '"' in t], dtype=np.int64)
    decided = np.zeros(n, dtype=bool)  # quoted by V1 or V2: V3 need not look
    # V2: inside a quotation opened earlier in the same paragraph
    if len(quote_rows):
        opens = np.zeros(n, dtype=np.int64)
        straight = np.zeros(n, dtype=np.int64)
        for i in quote_rows.tolist():
            t = texts[i]
            opens[i] = t.count("“") - t.count("”")
            straight[i] = t.count('"') % 2
        doc = pd.factorize(sent["doc_id"])[0]
        par = sent["paragraph"].to_numpy()
        new = np.r_[True, (doc[1:] != doc[:-1]) | (par[1:] != par[:-1])]
        grp = np.cumsum(new) - 1
        def seg_before(x):
            cs = np.cumsum(x)
            first = np.flatnonzero(new)
            base = (cs - x)[first]
            return cs - x - base[grp]
        inside = (seg_before(opens) > 0) | (seg_before(straight) % 2 == 1)
        voice[inside] = "quoted"
        reason[inside] = "continues a quotation opened in an earlier sentence"
        decided |= inside
    # V1: a direct quotation of speech (>= 4 words, not a title)
    direct_rows, direct_reasons = [], []
    for i in quote_rows.tolist():
        for mm in _SPEECH_QUOTE.finditer(texts[i]):
            inner = next(g for g in mm.groups() if g is not None)
            if len(inner.split()) >= 4 and not _is_title(inner):
                short = inner if len(inner) <= 40 else inner[:37] + "…"
                direct_rows.append(i)
                direct_reasons.append(f"direct quotation: “{short}”")
                break
    decided[direct_rows] = True
    # V3: a verb of saying with a named speaker (not inside a leading concessive clause)
    if say_rows is None:  # no scoring pass: find the verbs here
        say_rows = _find_say(texts)
    rows, offs = (np.asarray(x, dtype=np.int64) for x in say_rows)
    todo = ~decided[rows]
    done = decided.tolist()            # a list: indexed once per verb, faster than an array
    said_rows, said_reasons = [], []
    lead_row, text, lead_end = -1, "", -1
    for i, off in zip(rows[todo].tolist(), offs[todo].tolist()):
        if done[i]:
            continue
        if i != lead_row:
            lead_row, text = i, texts[i]
            lead_end = _lead_end(text)
        found = _reported(text, off, lead_end)
        if found:
            done[i] = True
            said_rows.append(i)
            said_reasons.append(found)
    if said_rows:
        voice[said_rows] = "quoted"
        reason[said_rows] = said_reasons
    if direct_rows:
        voice[direct_rows] = "quoted"
        reason[direct_rows] = direct_reasons
    return voice, reason
