"""What the characters around a capitalised run say about it: not a person named.

Three shapes ``person_uncued`` checks before it reads a run as a name: quotation marks
that the run fills exactly (the title of a ship, school or exhibition), a word in the
genitive before a possessed title (the body the chairman belongs to, in Azerbaijani
and Turkish), and an Armenian country name with a case ending.
"""

from __future__ import annotations

import re

from desktop.extract.names import Token
from desktop.extract.person_words import country_names

_GENITIVE = re.compile(r"(?:n?[ıiuü]n|н?[ыиуү]н)$")
_POSSESSED = re.compile(r"(?:s?[ıiuü]|с?[ыиуү])$")


def possessor(words: list[Token], title: Token) -> bool:
    """ "ССРИ Али Советинин Сәдри", "Nazirlər Kabinetinin Sədri": a word in the genitive
    before a possessed title names whose chairman it is (Azerbaijani, Turkish)."""
    return bool(_GENITIVE.search(words[-1].key) and _POSSESSED.search(title.key))


_QUOTES = {"„": "“”", "“": "”", '"': '"', "«": "»", "‹": "›", "‚": "‘’"}


def quoted_title(text: str, start: int, end: int) -> bool:
    """A run that fills a pair of quotation marks names a ship, a school, an exhibition
    or a society ("die „Wilhelm Gustloff“", "liceo «Ennio Quirino Visconti»"), not a
    person mentioned."""
    if start == 0 or end >= len(text):
        return False
    closing = _QUOTES.get(text[start - 1])
    return closing is not None and text[end] in closing


_ARMENIAN_WORD = re.compile(r"^[\u0531-\u0587]+$")
_ARMENIAN_PLACE_ENDINGS = ("ից", "ում", "ով", "ին", "ի", "ը", "ն")


def armenian_country(word: str, key: str) -> bool:
    """'Հայաստանից', 'Վրաստանում': a country (CLDR) with an Armenian case ending."""
    if not _ARMENIAN_WORD.match(word):
        return False
    return any(
        key.endswith(ending) and key[: -len(ending)] in country_names()
        for ending in _ARMENIAN_PLACE_ENDINGS
    )
