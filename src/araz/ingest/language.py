"""The language of a text, as a BCP 47 tag, with lingua.

lingua is restricted to the languages ``araz import`` expects — English, Persian,
Azerbaijani, Russian, Turkish, Armenian — and a few neighbours a page about the region
may be written in (Arabic, Georgian, Ukrainian, Kazakh), so that a Turkish or Kazakh
text is not forced into the nearest expected language. Fewer languages also make the
detector faster and its model smaller in memory.

Azerbaijani is written in Latin script (``az``; the official script since 1991–2001) and,
in older and some Iranian and Russian publications, in Cyrillic (``az-Cyrl``). lingua's
Azerbaijani model is Latin-only, so a Cyrillic text is recognised by the letters only
Azerbaijani Cyrillic uses (``ҹ``, ``ҝ``, ``ј``, with ``ә``): Russian, Ukrainian and Kazakh have
none of ``ҹ ҝ ј``.

>>> detect("Bakı və Tehran arasında yeni körpü tikintisi barədə danışıqlar davam edir.")
'az'
>>> detect("Бакы вә Теһран арасында јени көрпү тикинтиси барәдә данышыглар давам едир.")
'az-Cyrl'
"""
from __future__ import annotations

from functools import lru_cache

UNKNOWN = "unknown"
_AZ_CYRILLIC = set("ҹҝјҸҜЈ")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.PERSIAN, Language.AZERBAIJANI, Language.RUSSIAN, Language.TURKISH,
             Language.ARMENIAN, Language.ARABIC, Language.GEORGIAN, Language.UKRAINIAN, Language.KAZAKH]
    return LanguageDetectorBuilder.from_languages(*langs).with_minimum_relative_distance(0.05).build()


def detect(text: str, *, sample: int = 4000) -> str:
    """The BCP 47 tag of ``text`` (``en``, ``fa``, ``az``, ``az-Cyrl``, ``ru``, ``tr``,
    ``hy``, …), or ``"unknown"`` when lingua cannot tell. Only the first ``sample``
    characters are read: enough for a reliable answer, and fast on long texts."""
    head = text[:sample]
    cyr = sum(1 for c in head if "\u0400" <= c <= "\u04ff")
    if cyr and sum(1 for c in head if c in _AZ_CYRILLIC) >= max(1, cyr // 300):
        return "az-Cyrl"
    lang = _detector().detect_language_of(head)
    if lang is None:
        return UNKNOWN
    return lang.iso_code_639_1.name.lower()
