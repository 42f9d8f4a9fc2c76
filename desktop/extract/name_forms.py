"""The base form of a name as written in a sentence: possessives and case endings off.

The span of a suggestion keeps the exact characters ("Иосифа Сталина", "Mişeqoviçin",
"Beria's"); the stored name is what a person would file it under ("Иосиф Сталин",
"Mişeqoviç", "Beria"), so the same person found in several sentences is one name.

* English possessives: "'s", "’s", a bare apostrophe after s.
* Turkish and Azerbaijani: a case suffix after an apostrophe ("Erdoğan'ın") always goes;
  one written straight on (Azerbaijani "Əliyevin", "Mişeqoviçə") goes when the stem left
  is shaped like a name (a surname ending, a known given name) or is written bare
  elsewhere in the same text.
* Russian and Ukrainian: pymorphy3 (OpenCorpora and VESUM dictionaries, with a guesser
  for surnames it does not know) puts every word of the name in the nominative, in the
  gender the words agree on ("Анны Ахматовой" → "Анна Ахматова").
* Armenian: the article and case endings after a surname in "-յան" or a known name
  ("Մանուկյանը", "Գևորգյանի", "Հովսեփյանից").
* Georgian: case endings off and the nominative "-ი" back on consonant stems
  ("სააკაშვილმა" → "სააკაშვილი", "ჟვანიას" → "ჟვანია").
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from desktop.extract.name_lexicon import has_surname_ending, is_first_name
from desktop.extract.text_nearby import word_set

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]{1,5}$")

# Azerbaijani/Turkish case endings written straight on, longest first (Latin, Cyrillic).
_TURKIC_ENDINGS = tuple(
    sorted(
        word_set(
            "nın nin nun nün ın in un ün ya yə na nə a ə nı ni nu nü ı i u ü "
            "da də dan dən ta tə tan tən la lə yla ylə ilə "
            "нын нин ын ин ун үн ја јә на нә а ә ны ни ы и у ү да дә дан дән ла лә"
        ),
        key=lambda ending: (-len(ending), ending),
    )
)
_TURKIC_MIN_STEM = 3

# Case endings and articles, with the possessive articles of "my"/"your" ("Կարապետյանս":
# "I, Karapetyan" in a witness's own statement).
_ARMENIAN_ENDINGS = tuple(
    sorted(
        word_set("ը ն ի ին ից ով ում ու ուն ենց ս դ իս իդ"),
        key=lambda ending: (-len(ending), ending),
    )
)
_ARMENIAN_STEM = re.compile(r"(?:յան|յանց|ունի|ունց|ով|եվ)$")

_GEORGIAN_CONSONANT = re.compile(r"[ბგდვზთკლმნპჟრსტფქღყშჩცძწჭხჯჰ]$")

_morph_lock = threading.Lock()
_analysers: dict[str, Any] = {}


def _analyser(language: str) -> Any:
    with _morph_lock:
        if language not in _analysers:
            try:
                import pymorphy3

                _analysers[language] = pymorphy3.MorphAnalyzer(lang=language)
            except (ImportError, ValueError, OSError):
                _analysers[language] = None
        return _analysers[language]


def _restore_case(written: str, lemma: str) -> str:
    """Give *lemma* the capitalisation of *written* ("сталин" → "Сталин")."""
    if not lemma:
        return written
    parts = re.split(r"(-)", lemma)
    shaped = [p[:1].upper() + p[1:] if p and p != "-" else p for p in parts]
    return "".join(shaped) if written[:1].isupper() else lemma


_NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=8192)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """pymorphy3's readings of *word* (cached: names repeat within and across texts)."""
    morph = _analyser(language)
    return tuple(morph.parse(word)) if morph is not None else ()


# Surname endings that are only ever nominative (a genitive "Сталина" could be either).
_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ова|ева|ёва|ский|ська|ський|ская|енко|ук|юк|ич)$")


def _looks_nominative(word: str) -> bool:
    """An exact given name from the list, an initial, or a nominative surname ending."""
    return (
        is_first_name(word)
        or bool(re.fullmatch(r"[^\W\d_]\.", word))
        or bool(_NOMINATIVE_SURNAME.search(word.casefold()))
    )


@lru_cache(maxsize=4096)
def _slavic_name(words: tuple[str, ...], language: str) -> tuple[str, ...]:
    """Russian/Ukrainian words of one name in the nominative, agreeing in gender."""
    if all(_looks_nominative(word) for word in words):
        return words  # "Олег Воронцов", "Ирина Белова": nothing to change, no dictionary
    morph = _analyser(language)
    if morph is None:
        return words
    readings = [parses(word, language) for word in words]
    best: list[Any] = [None] * len(words)
    best_rank: tuple[int, int, float] = (0, 0, 0.0)
    for gender in ("masc", "femn"):
        fitting = [
            [
                p
                for p in options
                if p.tag.POS == "NOUN"
                and any(tag in p.tag for tag in _NAME_TAGS)
                and (p.tag.gender is None or p.tag.gender == gender)
                and p.tag.number != "plur"
            ]
            for options in readings
        ]
        # The words of one name share a case: "Ганна Мельник" is a nominative woman,
        # not the genitive of a man "Ганн" beside a nominative "Мельник".
        cases = [{p.tag.case for p in options} for options in fitting if options]
        shared = set.intersection(*cases) if cases else set()
        case = next((p.tag.case for p in fitting[0] if p.tag.case in shared), None)
        chosen: list[Any] = [
            next((p for p in options if p.tag.case == case), options[0]) if options else None
            for options in fitting
        ]
        if len(words) > 1 and chosen[-1] is None and chosen[0] is not None:
            chosen[-1] = _undeclared_surname(words[-1], chosen[0], gender, language)
        rank = (
            sum(p is not None for p in chosen),
            int(case is not None),
            sum(p.score for p in chosen if p is not None),
        )
        if rank > best_rank:
            best, best_rank = chosen, rank
    if best_rank[0] == 1 and len(words) > 1:
        # Only one word is a name ("Е. В. Лаврова"): nothing says its case or gender;
        # when it can be a nominative as written, it stays as written.
        index = next(i for i, p in enumerate(best) if p is not None)
        if any(
            "nomn" in p.tag and any(tag in p.tag for tag in _NAME_TAGS) for p in readings[index]
        ):
            return words
    result = []
    for word, parse in zip(words, best, strict=True):
        if isinstance(parse, _Surname):
            result.append(parse.nominative)
            continue
        if parse is None or "Fixd" in parse.tag:
            result.append(word)
            continue
        result.append(_restore_case(word, _nominative(parse)))
    return tuple(result)


class _Surname:
    """A surname the dictionary does not know as one, read from its given name's case."""

    score = 0.5

    def __init__(self, nominative: str) -> None:
        self.nominative = nominative


_CONSONANT_END = re.compile(r"[бвгґджзйклмнпрстфхцчшщь]$")


def _undeclared_surname(word: str, given: Any, gender: str, language: str) -> _Surname | None:
    """An adjectival surname agrees with its given name ("Иоанна Преображенского" is
    "Иоанн Преображенский"); a woman's surname ending in a consonant does not decline
    ("Марти Ґудзь" is "Марта Ґудзь"); an unknown man's surname after a given name in the genitive or
    accusative drops that case's "-а" ("Арона Гольдфарба" is "Арон Гольдфарб")."""
    if not word[:1].isupper() or len(word) < 4:
        return None
    case = given.tag.case
    for reading in parses(word, language):
        # an adjectival surname the dictionary reads as an adjective: "Преображенского"
        if reading.tag.POS == "ADJF" and reading.tag.case == case and gender in reading.tag:
            nominative = reading.inflect({"nomn", "sing", gender})
            if nominative is not None and case != "nomn":
                return _Surname(_restore_case(word, str(nominative.word)))
    if gender == "femn" and _CONSONANT_END.search(word):
        return _Surname(word)
    # not "-ка": "Шевченка", "Кібенка" are "Шевченко", "Кібенок"
    if (
        gender == "masc"
        and case in ("gent", "accs")
        and word.endswith("а")
        and _CONSONANT_END.search(word[:-1])
        and not word.endswith("ка")
    ):
        return _Surname(word[:-1])
    return None


_FEMININE_SURNAME = (
    ("ский", "ская"),
    ("ський", "ська"),
    ("ов", "ова"),
    ("ев", "ева"),
    ("ёв", "ёва"),
    ("ин", "ина"),
    ("ын", "ына"),
    ("ів", "іва"),
)


def _nominative(parse: Any) -> str:
    """The nominative singular of one reading, in its own gender.

    The dictionary's normal form is already that for given names and patronymics; a
    woman's surname is filed under the man's ("Ахматовой" → "ахматов"), so its feminine
    ending is put back by rule: cheaper than asking the dictionary to inflect.
    """
    lemma: str = parse.normal_form
    if parse.tag.gender != "femn" or not ("Surn" in parse.tag or "Patr" in parse.tag):
        return lemma
    if "Surn" in parse.tag:
        parts = lemma.split("-")  # "иванов-петров" → "иванова-петрова"
        for index, part in enumerate(parts):
            for masculine, feminine in _FEMININE_SURNAME:
                if part.endswith(masculine):
                    parts[index] = part[: -len(masculine)] + feminine
                    break
        if parts != lemma.split("-"):
            return "-".join(parts)
    nominative = parse.inflect({"nomn", "sing"})  # "Ильиничны" → "ильинична"
    return str(nominative.word) if nominative is not None else lemma


def _turkic_word(word: str, known: frozenset[str]) -> str:
    match = _APOSTROPHE_SUFFIX.search(word)
    if match:
        return word[: match.start()]
    if has_surname_ending(word) or is_first_name(word):
        return word
    folded = word.casefold()
    for ending in _TURKIC_ENDINGS:
        if folded.endswith(ending) and len(word) - len(ending) >= _TURKIC_MIN_STEM:
            stem = word[: -len(ending)]
            if stem in known or has_surname_ending(stem) or is_first_name(stem):
                return stem
    return word


def _armenian_word(word: str) -> str:
    bare = word.rstrip("՝,")
    if _ARMENIAN_STEM.search(bare) or is_first_name(bare):
        return bare  # "Կարեն" is a name as written, not "Կարե" with an article
    for ending in _ARMENIAN_ENDINGS:
        if bare.endswith(ending) and len(bare) > len(ending) + 2:
            stem = bare[: -len(ending)]
            if _ARMENIAN_STEM.search(stem) or is_first_name(stem):
                return stem
    return bare


def _georgian_word(word: str) -> str:
    if word.endswith(("ძის", "ძემ", "ძეს", "ძით")):
        return word[:-2] + "ე" if word.endswith("ძის") else word[:-1]
    for ending, keep_vowel in (
        ("ისთვის", True),
        ("მა", True),
        ("ის", True),
        ("ით", True),
        ("ად", True),
        ("ს", False),
        ("მ", False),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if _GEORGIAN_CONSONANT.search(stem):
                return stem + "ი"
            if not keep_vowel:
                return stem
            return stem
    return word


def base_name(written: str, language: str | None, known: frozenset[str] = frozenset()) -> str:
    """The name to store for *written*, in *language* ('ru', 'az', …, or None).

    *known* holds name words written bare elsewhere in the text: a stem found there is
    a name, not a guess.
    """
    words = written.split()
    if not words:
        return written
    last = words[-1]
    possessive = _POSSESSIVE.search(last)
    if possessive and language in (None, "en", "fr", "es", "de", "it"):
        words[-1] = last[: possessive.start()]
        return " ".join(words)
    if language in ("ru", "uk"):
        return " ".join(_slavic_name(tuple(words), language))
    if language in ("az", "tr"):
        return " ".join(_turkic_word(word, known) for word in words)
    if language == "hy":
        return " ".join(_armenian_word(word) for word in words)
    if language == "ka":
        return " ".join([*words[:-1], _georgian_word(last)])
    return " ".join(words)


def base_forms(word: str, language: str | None) -> list[str]:
    """Every nominative a single Russian/Ukrainian name word may stand for ("Рябова" →
    "Рябов" or "Рябова"): a repeated surname is matched against each."""
    if language not in ("ru", "uk"):
        return []
    morph = _analyser(language)
    if morph is None:
        return []
    forms = []
    for parse in parses(word, language):
        if parse.tag.POS == "NOUN" and any(tag in parse.tag for tag in _NAME_TAGS):
            nominative = parse.inflect({"nomn", "sing"})
            if nominative is not None:
                forms.append(_restore_case(word, nominative.word))
    return forms
