"""Is this word a first name, or shaped like a surname? Evidence for names without cues.

Two capitalised words are a person far more often when the first is a known given name
("Joachim Gauck", "Vüqar Məmmədov") or one of them carries a surname ending ("-ov",
"-yan", "-შვილი", "-enko"). The given names come from Jörg Michael's list of about
45,000 first names with their frequency in 55 countries, Armenia, Azerbaijan, Georgia,
Turkey, Russia and Ukraine included, as shipped by the ``gender-guesser`` package
(GPL-3.0; the list itself under the GNU FDL, read from the installed package, not
copied). It is written in Latin letters, so names in other scripts are looked up through
their ``anyascii`` romanisation ("Иосиф" → "iosif", "გიორგი" → "giorgi"). The list is
read once per process, on first use (about 0.1 s), never at import time.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from anyascii import anyascii

from desktop.extract.text_nearby import word_set

_NOT_LETTER = re.compile(r"[^a-z]")
_JOINERS = str.maketrans("", "", "+-' .")
_lock = threading.Lock()
_first_names: frozenset[str] | None = None
_georgian_names: frozenset[str] | None = None

# Given names that are more often ordinary capitalised words in running text.
_AMBIGUOUS = word_set(
    "will may june april august grace hope faith joy rose mark bill art guy major victoria "
    "georgia jordan florence paris israel china india salvador lorraine christian german "
    "ernst frank justice king say sunday tuesday ali kim long van den der del la le el al "
    "ben bin mai juli imam general president union roma sofia lima adelaide regina eugene "
    "austin jackson charlotte lincoln nancy"
)

# Surname endings per script: enough on their own to make a capitalised pair a person.
_SURNAME_ENDING = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|ovich|evich|ovych|ovna|evna|enko|chuk|czuk|yuk|shvili|"
    r"dze|yan|yants|zadə|zade|oğlu|oglu|ski|sky|skiy|skyi|ska|skaya|"
    r"ović|ovic|ević|evic|ič|ić|viç|ич|ов|ова|ев|ева|ёв|ёва|ин|ина|ский|ская|енко|чук|"
    r"ович|евич|овна|евна|зада|յան|յանց|ունի|"
    r"ez)$"  # Spanish patronymic surnames: Sánchez, Fernández (five letters at least)
)
# Georgian surnames in any case ("ბერიძე", "ბერიძემ", "სააკაშვილის", "ჟვანიას").
_GEORGIAN_SURNAME = re.compile(
    r"(?:შვილ(?:ი|მა|ის|ს|ით|ად)|ძ(?:ე|ემ|ეს|ის|ით|ედ)|(?:ი|ავ|უ)(?:ა|ამ|ას|ის|ით)|"
    r"(?:ურ|ულ|ან|ელ|ონ|ოვ|ევ|ინ)(?:ი|მა|ის|ს|ით))$"
)
_NAME_END = 29  # the name field is columns 3-28 of the list
_GEORGIA_COLUMN = 30 + 44  # the list's column for Georgia (see its header)
_LATIN_SURNAME_MIN = 5


def _data_file() -> Path | None:
    spec = find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    return path if path.exists() else None


def name_key(word: str) -> str:
    """The romanised, folded key a given name is looked up by ("Vüqar" → "vuqar")."""
    if not word.isascii():
        word = anyascii(word.replace("ə", "a").replace("Ə", "A"))
    key = word.casefold().translate(_JOINERS)
    return key if key.isalpha() else _NOT_LETTER.sub("", key)


def _load() -> tuple[frozenset[str], frozenset[str]]:
    """Every given name's key, and the keys of those given in Georgia."""
    path = _data_file()
    if path is None:
        return frozenset(), frozenset()
    found: set[str] = set()
    georgian: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < _NAME_END:
                continue
            key = name_key(line[3:_NAME_END])  # the name field; "+" joins parts
            if len(key) >= 3:
                found.add(key)
                if line[_GEORGIA_COLUMN : _GEORGIA_COLUMN + 1].strip():
                    georgian.add(key)
    # Romanisations differ: Azerbaijani q/x/ə for g/kh/a ("Vüqar" = "Vugar").
    plain = {k.replace("kh", "x").replace("sh", "s").replace("ch", "c") for k in found}
    variants = plain | {key.replace("g", "q") for key in plain}
    return frozenset(found | variants), frozenset(georgian)


def first_names() -> frozenset[str]:
    return _lists()[0]


def _lists() -> tuple[frozenset[str], frozenset[str]]:
    global _first_names, _georgian_names
    with _lock:
        if _first_names is None or _georgian_names is None:
            _first_names, _georgian_names = _load()
        return _first_names, _georgian_names


@lru_cache(maxsize=16384)
def is_georgian_first_name(word: str) -> bool:
    """A given name in use in Georgia ("ნინო", "დავით"), from the list's Georgia column."""
    return name_key(word) in _lists()[1]


@lru_cache(maxsize=16384)
def is_first_name(word: str) -> bool:
    """A known given name in any script, not one that is mostly an ordinary word."""
    key = name_key(word)
    if len(key) < 3 or key in _AMBIGUOUS:
        return False
    names = first_names()
    if key not in names and "-" in word:
        return is_first_name(word.split("-")[0])  # "Rolf-Dieter", "Jean-Luc"
    return key in names


@lru_cache(maxsize=16384)
def has_surname_ending(word: str) -> bool:
    """Ends like a surname of the region ("Məmmədov", "Hovsepyan", "Beridze")."""
    bare = word.rstrip(".").replace("’", "'").split("'")[0]
    if len(bare) < _LATIN_SURNAME_MIN:
        return False
    return bool(_SURNAME_ENDING.search(bare.casefold()))


def is_georgian_surname(word: str) -> bool:
    """A Georgian word shaped like a surname, in any case ("ბერიძემ", "ჟვანიას")."""
    return len(word) >= 6 and bool(_GEORGIAN_SURNAME.search(word))


# Russian and Ukrainian case endings, longest first: "Савчука" → "Савчук", "Анной" → "Анн".
_SLAVIC_ENDINGS = (
    "ами",
    "ями",
    "ого",
    "его",
    "ому",
    "ему",
    "ой",
    "ей",
    "ою",
    "ею",
    "ом",
    "ем",
    "ым",
    "им",
    "ых",
    "их",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "і",
    "и",
    "ы",
    "ї",
    "о",  # the Ukrainian vocative of a name in -а: "Ларисо", "Олено"
)
_SLAVIC_NOMINATIVE = ("", "a", "ya", "y", "o")  # romanised: -а, -я, -й, -о (-ь is silent)


@lru_cache(maxsize=16384)
def slavic_name_shape(word: str) -> bool:
    """A Russian or Ukrainian word that is a given name or a surname in some case form.

    Cheap on purpose (no dictionary): the endings are taken off and the nominative
    endings tried on the stem ("Игоря" → "Игорь", "Мельникову" → "Мельников").
    """
    if is_first_name(word) or has_surname_ending(word):
        return True
    folded = word.casefold()
    for ending in _SLAVIC_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stem = word[: -len(ending)]
            if has_surname_ending(stem):
                return True
            key = name_key(stem)  # romanised once; the nominative tails romanised below
            if len(key) >= 3 and any(
                key + tail in first_names() and key + tail not in _AMBIGUOUS
                for tail in _SLAVIC_NOMINATIVE
            ):
                return True
    return False
