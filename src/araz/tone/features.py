"""Interpretable per-sentence features: what the lexicon rules saw, split by CAMEO quad class.

Every feature can be read aloud for one sentence ("two verbal-conflict words, one of them
negated; a hedge; quoted speech"), and none holds the sentence's text, so the tone record
ships them (``data/tone_record/sentence_features.csv``) and the measure can be trained and
checked on a clean checkout. :data:`FEATURE_COLUMNS` lists them with their meaning.

>>> from araz.tone import features
>>> f = features.compute(["Tehran may reject the corridor, officials said."])
>>> int(f.loc[0, "n_hedges"]), f.loc[0, "rule_label"], float(f.loc[0, "w_vconf"]) > 0
(1, 'conf', True)
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .lexicon import _lexicon
from .scoring import _score_texts
from .voice import _voice

#: words that hedge a claim (modal verbs, "reportedly"): many hedges often mean reported
#: or speculative tone, which coders mark less often than the lexicon does
HEDGES = ("may", "might", "could", "would", "reportedly", "allegedly", "possibly", "perhaps", "likely", "unlikely",
          "apparently", "appears", "appear", "seems", "seem", "probably", "potential", "potentially", "rumored",
          "rumoured", "speculation")
_HEDGE_RE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_][\w'’\-]*")
#: connectives that join two clauses that both stand (codebook R5: "mixed" needs both to stand)
CONTRAST_WORDS = ("but", "yet", "while", "whereas", "however", "although", "though", "despite")
_CONTRAST_RE = re.compile(r"\b(?:" + "|".join(CONTRAST_WORDS) + r")\b", re.IGNORECASE)

#: Register words per CAMEO quad class, for the model only (the lexicon rules do not use them):
#: the vocabulary of diplomatic and security reporting that the codebook counts (R2, R3) but
#: that the lexicon, tuned on four articles, weighs not at all or only in some forms. Written
#: from the codebook and the CAMEO verb categories, not mined from the record's sentences; a
#: trailing * matches any ending. The model learns how much each register counts.
REGISTERS = {
    "vcoop": ("talks", "meeting*", "meet", "meets", "met", "visit*", "consult*", "negotiat*", "dialogue", "discuss*",
              "summit", "delegation*", "host*", "welcom*", "congratulat*", "condolence*", "thank*", "prais*",
              "commend*", "appreciat*", "friend*", "brother*", "neighbourly", "neighborly", "goodwill", "mutual*",
              "trust", "respect*", "common", "shared", "joint*", "bilateral", "together", "rapprochement",
              "normaliz*", "normalis*", "restor*", "strengthen*", "deepen*", "expand*", "promot*", "support*",
              "agree*", "memorand*", "accord", "treaty", "sign*", "pledg*", "promis*", "invit*", "peace*",
              "reconcil*", "ties", "relations", "partner*", "ally", "allies", "solidarity",
              # CAMEO 03-05 forms common in diplomatic reporting: resume, attend, apologize, contacts
              "apolog*", "resum*", "restart*", "contact*", "relationship*", "participat*", "attend*", "accept*",
              "glad", "pleased", "hope*", "cordial", "warm", "constructive", "fruitful", "converg*", "invitation*",
              "phone call", "telephone"),
    "mcoop": ("trade", "invest*", "project*", "construct*", "build*", "railway*", "railroad*", "highway*", "road*",
              "bridge*", "pipeline*", "gas", "electricity", "energy", "transit", "swap*", "suppl*", "deliver*",
              "export*", "import*", "aid", "assist*", "donat*", "humanitarian", "reopen*", "release*", "exchange*",
              "launch*", "inaugurat*", "turnover", "connect*", "link*", "route*", "customs", "visa-free"),
    "vconf": ("accus*", "condemn*", "criticiz*", "criticis*", "denounc*", "protest*", "oppos*", "reject*", "deny",
              "denied", "denies", "warn*", "threat*", "demand*", "ultimatum*", "provocat*", "provok*", "hostil*",
              "enmity", "tension*", "friction", "strain*", "dispute*", "disagree*", "rift", "row", "spat", "crisis",
              "concern*", "alarm*", "anger*", "angry", "outrag*", "blam*", "allegation*", "alleg*", "propaganda",
              "smear*", "insult*", "chauvin*", "separatis*", "irredent*", "aggress*", "expansion*", "interfer*",
              "meddl*", "plot*", "conspir*", "destabiliz*", "destabilis*", "undermin*", "pressur*", "unacceptable",
              "illegal", "violat*", "enemy", "enemies", "rival*", "confront*", "escalat*", "retaliat*",
              # CAMEO 11-13 and 16 forms: summon an ambassador, evacuate staff, punish, distrust, baseless claims
              "summon*", "evacuat*", "punish*", "suspic*", "distrust", "mistrust", "controvers*", "discord",
              "offens*", "scandal*", "unfriendly", "slander*", "baseless", "groundless", "fake", "lies", "downgrad*",
              "recall*"),
    "mconf": ("drill*", "exercise*", "troop*", "deploy*", "mobiliz*", "mobilis*", "military", "army", "armed",
              "weapon*", "arms", "missile*", "drone*", "artillery", "shell*", "attack*", "strike*", "bomb*", "kill*",
              "dead", "death*", "wound*", "injur*", "shoot*", "shot", "gunman", "gunmen", "assault*", "war", "wars",
              "fight*", "clash*", "battle*", "invad*", "invasion", "arrest*", "detain*", "detention", "jail*",
              "prison*", "execut*", "expel*", "block*", "seiz*", "spy", "spies", "espionage", "terror*", "militan*",
              "occup*", "offensive", "siege", "casualt*", "sanction*", "ban", "banned", "closed", "shut*",
              "disarm*", "criminal*", "smuggl*", "hostage*", "raid*"),
}


def _register_re(words) -> re.Pattern:
    alts = sorted((re.escape(w[:-1]) + r"[\w\-]*" if w.endswith("*") else re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


_REGISTER_RE = {k: _register_re(v) for k, v in REGISTERS.items()}

#: Phrase patterns of the diplomatic, military and legal register, per side (CAMEO 01-08 against
#: 10-20): set phrases ("strategic partnership", "red line", "internal affairs", "pay the price")
#: and reporting verbs in the past tense (welcomed, summoned, warned). Written from the field's
#: vocabulary, not mined from the record; added in tone2 (see data/tone_record/README.md for its
#: effect on the development figures). A trailing * matches any ending; a space any whitespace.
PHRASES = {
 "coop": ("strategic partner*", "strategic ally", "strategic allies", "good neighbo*", "good-neighbo*", "mutual respect",
          "mutual interest*", "mutual benefit*", "mutually beneficial", "win-win", "roadmap", "road map",
          "memorandum of understanding", "intergovernmental commission", "joint commission", "working group",
          "expressed readiness", "expressed hope", "expressed interest", "ready to cooperate", "new page", "new chapter",
          "historic ties", "historical ties", "common history", "common religion", "brotherly", "fraternal", "kinship",
          "friendly countries", "friendly relations", "close ties", "deep ties", "bilateral relations", "bilateral ties",
          "bilateral cooperation", "regional cooperation", "economic cooperation", "cooperation in", "cooperation between",
          "agreed to", "agreement on", "signed an", "signed a", "signed the", "called for dialogue", "called for calm",
          "peaceful solution", "peaceful settlement", "diplomatic solution", "de-escalat*", "thaw", "warming",
          "reopened", "reopening", "back on track", "improve relations", "improving relations", "improved relations",
          "strengthen ties", "strengthening ties", "deepen ties", "expand ties", "high level", "high-level",
          "welcomed", "congratulated", "thanked", "praised", "hailed", "lauded"),
 "conf": ("red line*", "will not tolerate", "won't tolerate", "internal affairs", "so-called", "zionist*", "puppet*",
          "play* with fire", "pay the price", "pay a price", "harsh response", "crushing response", "decisive response",
          "firm response", "respond decisively", "change of borders", "border changes", "geopolitical change*",
          "anti-iran*", "anti-azerbaijan*", "anti-azeri", "war games", "military drills", "military exercises",
          "show of force", "saber-rattling", "sabre-rattling", "at odds", "war of words", "war of word",
          "cold war", "diplomatic row", "diplomatic crisis", "war footing", "on alert", "high alert", "state of war",
          "terrorist attack", "terror attack", "called on", "summoned", "expelled", "persona non grata",
          "strongly condemn*", "sharply criticiz*", "lashed out", "slammed", "blasted", "rebuk*", "accused", "warned",
          "threatened", "hostile", "hostility", "enmity", "deteriorat*", "worsen*", "soured", "tense*", "strained",
          "standoff", "stand-off", "flashpoint", "powder keg", "existential threat", "security threat", "threat to",
          "grave concern", "serious concern", "deep concern", "crackdown", "repression", "persecut*", "discriminat*"),
}


def _phrase_re(words) -> re.Pattern:
    alts = sorted(((re.escape(w[:-1]) + r"[\w\-]*") if w.endswith("*") else re.escape(w) for w in words),
                  key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(a.replace(r"\ ", r"\s+") for a in alts) + r")\b", re.IGNORECASE)


_PHRASE_RE = {k: _phrase_re(v) for k, v in PHRASES.items()}

#: the feature columns, in file order, with what each means
FEATURE_COLUMNS = {
    "n_words": "words in the sentence",
    "rule_label": "the lexicon rules' label (coop/conf/mixed/neutral)",
    "rule_coop": "summed cooperation weight after negation (the sentence table's coop)",
    "rule_conf": "summed conflict weight after negation (conf)",
    "quad_class": "CAMEO quad class of the decisive cue (verbal/material cooperation/conflict, none)",
    "intensity": "Goldstein-like intensity of that cue, -10..+10",
    "w_vcoop": "weight of verbal-cooperation cues (after flips: a negated verbal conflict counts here)",
    "w_mcoop": "weight of material-cooperation cues",
    "w_vconf": "weight of verbal-conflict cues",
    "w_mconf": "weight of material-conflict cues",
    "n_flipped": "tone words flipped by a negation, contrast or de-escalation cue",
    "n_conceded": "tone words inside a concessive clause (despite, although)",
    "n_zeroed": "tone words counted 0 (quoted titles, 'not X but Y')",
    "labelling": "weight of hostile labels (kept apart from tone)",
    "n_hedges": "hedging words (may, might, reportedly, ...)",
    "n_actors": "distinct actors named (states, capitals, leaders, organisations of the gazetteer)",
    "n_contrast": "contrast or concession connectives (but, yet, while, whereas, however, although, despite)",
    "reg_vcoop": "words of the verbal-cooperation register (talks, visit, agree, ...; REGISTERS)",
    "reg_mcoop": "words of the material-cooperation register (trade, railway, aid, ...)",
    "reg_vconf": "words of the verbal-conflict register (accuse, warn, tension, ...)",
    "reg_mconf": "words of the material-conflict register (drills, troops, attack, ...)",
    "phr_coop": "cooperative phrase patterns matched (strategic partnership, mutual respect, welcomed, ...; PHRASES)",
    "phr_conf": "conflictual phrase patterns matched (red line, internal affairs, summoned, warned, ...)",
    "question": "the sentence ends with a question mark",
    "voice": "author or quoted (the voice rules)",
    "voice_rule": "which voice rule fired: direct, continued, reported or none (attribution)",
    "vader_compound": "VADER compound score (the baseline)",
    "vader_pos": "VADER positive share",
    "vader_neg": "VADER negative share",
    "lex_coop": "sum of the learned cooperation weights of the sentence's words (araz.tone.learned)",
    "lex_conf": "sum of the learned conflict weights",
    "lex_mixed": "sum of the learned mixed weights",
    "lex_neutral": "sum of the learned neutral weights",
    "lex_words": "up to three learned words with the largest weight, as word:label, '|'-separated",
    "terms": "matched lexicon terms, '|'-separated, with flags after ':' (f flipped, c conceded, z zeroed)",
    "lexicon": "first 12 hex digits of the lexicon fingerprint the features were computed with",
}


def _n_actors(texts) -> list[int]:
    """Distinct actors (states, capitals, leaders, organisations of the gazetteer) named per sentence.

    A sentence that names two actors usually carries a relation (codebook §4a); one that names
    none is more often neutral (D3).
    """
    from ..gazetteer import build_matcher

    m = build_matcher()
    ent = m.gazetteer.aliases["entity_id"].to_numpy()
    cat = m.gazetteer.aliases["category"].to_numpy()
    out = []
    for t in texts:
        aid = m.spans(t)[2]
        out.append(len({e for e, c in zip(ent[aid], cat[aid]) if c == "actor"}))
    return out


def _voice_rule(reason: str) -> str:
    if reason.startswith("direct quotation"):
        return "direct"
    if reason.startswith("continues"):
        return "continued"
    if reason.startswith("reported speech"):
        return "reported"
    return "none"


def compute(texts, *, groups=None, paragraphs=None, lexicon=None, vader: bool = True, learned=None) -> pd.DataFrame:
    """Return one row of :data:`FEATURE_COLUMNS` per sentence of ``texts`` (same order).

    ``groups`` (article or document ids) and ``paragraphs`` let the voice rules see a
    quotation continued from an earlier sentence of the same paragraph; without them each
    sentence stands alone. ``vader=False`` leaves VADER's columns at 0 (faster).
    ``learned`` is the learned word lexicon (:mod:`araz.tone.learned`; default: the shipped
    ``data/lexicons/learned_words.csv``, learned on the whole tone record's development part);
    ``learned=False`` leaves the ``lex_`` columns at 0.
    """
    texts = list(texts)
    n = len(texts)
    lex = _lexicon(lexicon)
    sc = _score_texts(texts, lex)
    frame = pd.DataFrame({
        "doc_id": list(groups) if groups is not None else [f"s{i}" for i in range(n)],
        "paragraph": list(paragraphs) if paragraphs is not None else [1] * n,
        "text": texts,
    })
    voice, reason = _voice(frame, sc.say_rows, sc.quote_rows)
    m = sc.matches
    rows = m["row"].to_numpy()
    cls = m["class"].to_numpy().astype(str)
    contrib = m["contribution"].to_numpy()
    effect = m["effect"].to_numpy().astype(str)
    tone_word = np.isin(cls, ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"])
    material = np.char.startswith(cls, "material_")

    def per(weights, sel):
        return np.bincount(rows[sel], weights=weights[sel], minlength=n)[:n] if n else np.zeros(0)

    pos, neg = np.clip(contrib, 0, None), np.clip(-contrib, 0, None)
    flipped = tone_word & np.char.startswith(effect, "flipped")
    conceded = tone_word & (np.char.find(effect, "concessive") >= 0)
    zeroed = tone_word & (contrib == 0)
    out = pd.DataFrame({
        "n_words": [len(_WORD_RE.findall(t)) for t in texts],
        "rule_label": sc.label,
        "rule_coop": np.asarray(sc.coop, float), "rule_conf": np.asarray(sc.conf, float),
        "quad_class": sc.quad, "intensity": sc.intensity,
        "w_vcoop": per(pos, tone_word & ~material), "w_mcoop": per(pos, tone_word & material),
        "w_vconf": per(neg, tone_word & ~material), "w_mconf": per(neg, tone_word & material),
        "n_flipped": per(np.ones(len(rows)), flipped).astype(int),
        "n_conceded": per(np.ones(len(rows)), conceded).astype(int),
        "n_zeroed": per(np.ones(len(rows)), zeroed).astype(int),
        "labelling": np.asarray(sc.labelling, float),
        "n_hedges": [len(_HEDGE_RE.findall(t)) for t in texts],
        "n_actors": _n_actors(texts),
        "n_contrast": [len(_CONTRAST_RE.findall(t)) for t in texts],
        **{f"reg_{k}": [len(rx.findall(t)) for t in texts] for k, rx in _REGISTER_RE.items()},
        **{f"phr_{k}": [len(rx.findall(t)) for t in texts] for k, rx in _PHRASE_RE.items()},
        "question": [t.rstrip(" ”\"’')").endswith("?") for t in texts],
        "voice": voice, "voice_rule": [_voice_rule(r) for r in reason],
    })
    if vader:
        from .baseline import _vader

        sia = _vader()
        v = [sia.polarity_scores(t) for t in texts]
        out["vader_compound"] = [x["compound"] for x in v]
        out["vader_pos"] = [x["pos"] for x in v]
        out["vader_neg"] = [x["neg"] for x in v]
    else:
        out["vader_compound"] = out["vader_pos"] = out["vader_neg"] = 0.0
    if learned is False:
        for c in ("coop", "conf", "mixed", "neutral"):
            out[f"lex_{c}"] = 0.0
        out["lex_words"] = ""
    else:
        from . import learned as L

        lw = L.apply(L.load() if learned is None else learned, texts)
        for c in lw.columns:
            out[c] = lw[c].to_numpy()
    terms = [[] for _ in range(n)]
    for r, term, f, c, z in zip(rows.tolist(), m["term"].tolist(), flipped.tolist(), conceded.tolist(), zeroed.tolist()):
        flags = ("f" if f else "") + ("c" if c else "") + ("z" if z else "")
        terms[r].append(f"{term}:{flags}" if flags else term)
    out["terms"] = ["|".join(t) for t in terms]
    out["lexicon"] = lex.fingerprint[:12]
    return out[list(FEATURE_COLUMNS)]


def for_corpus(corpus=None, lexicon=None, *, vader: bool = True) -> pd.DataFrame:
    """:func:`compute` over every sentence of a corpus, with ``citation, doc_id`` first."""
    from ..corpus import corpus_or_default

    corpus = corpus_or_default(corpus)
    s = corpus.sentences
    f = compute(s["text"].tolist(), groups=s["doc_id"].tolist(), paragraphs=s["paragraph"].tolist(),
                lexicon=lexicon, vader=vader)
    f.insert(0, "doc_id", s["doc_id"].to_numpy())
    f.insert(0, "citation", s["citation"].to_numpy())
    return f


__all__ = ["compute", "for_corpus", "FEATURE_COLUMNS", "HEDGES", "PHRASES"]
