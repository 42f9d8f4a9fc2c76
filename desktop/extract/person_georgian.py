"""Georgian names, which no capital letter marks: pairs of words read by their shape.

Georgian script has no capitals, so ``person_uncued`` cannot start from capitalised
runs. A name here is a given name followed by a surname-shaped word ("ნინო ბერიძემ",
"ციალა ქურდაძემ"), a title in any case or a kin word followed by a given name
("ქალბატონი ნათელა", "პროკურორმა დავით მესხმა", "დისშვილი ნინო"), an initial and a
surname ("ვ. გაბუნია"), or a given name and the word after it when listed after a name
("ლაშა ბაქრაძე და ნანა თოდუა").
"""

from __future__ import annotations

import re

from desktop.extract.name_lexicon import (
    is_first_name,
    is_georgian_first_name,
    is_georgian_surname,
)
from desktop.extract.names import Token
from desktop.extract.number_words import word_parts
from desktop.extract.person_words import KIN_WORDS, TITLE_WORDS

GEORGIAN_WORD = re.compile(r"^[\u10d0-\u10ff]+$")
GEORGIAN_STRONG = re.compile(r"(?:შვილ|ძ|ოვ|ევ)[ა-ჰ]{0,3}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
# The words of a name and the title or kin word before it.
GeorgianName = tuple[list[Token], str | None]

_GEORGIAN_CASE = re.compile(r"(?:მა|ის|ით|ად|ში|ზე|ს|მ)$")
# A case after a consonant stem and after a vowel stem: "პროკურორმა" agrees with "ხარაბამ".
_GEORGIAN_SAME_CASE = {
    "მა": ("მა", "მ"),
    "მ": ("მა", "მ"),
    "ის": ("ის", "ს"),
    "ს": ("ის", "ს"),
    "ით": ("ით", "თ"),
    "ად": ("ად", "დ"),
    "ში": ("ში",),
    "ზე": ("ზე",),
}
_GEORGIAN_ADJECTIVE = re.compile(r"ოვან[ა-ჰ]{0,3}$")  # "-ოვანი" makes adjectives


def _georgian_title_case(word: str) -> str | None:
    """The case ending of a Georgian title ("პროკურორმა" → "მა"; "ბატონი" → "")."""
    if word in TITLE_WORDS["ka"]:
        return ""
    case = _GEORGIAN_CASE.search(word)
    if case and word[: case.start()] + "ი" in TITLE_WORDS["ka"]:
        return case.group(0)
    return None


def _georgian_name(text: str, words: list[Token], index: int, listed: bool) -> GeorgianName | None:
    """The Georgian name starting at words[index - 1] (see ``georgian_names``)."""
    first, second = words[index - 1], words[index]
    title_case = _georgian_title_case(first.text)
    if title_case is not None and is_georgian_first_name(second.text):
        name = [second]
        if index + 1 < len(words) and text[second.end : words[index + 1].start] == " ":
            third = words[index + 1].text
            # the surname agrees with the title: "პროკურორმა დავით მესხმა"
            agrees = bool(title_case) and third.endswith(_GEORGIAN_SAME_CASE[title_case])
            agrees = agrees and len(third) > 4
            if is_georgian_surname(third) or agrees:
                name.append(words[index + 1])
        return (name, first.text)
    if first.text in KIN_WORDS and is_georgian_first_name(second.text):
        return ([second], first.text)  # "ჩემი დისშვილი ნინო"
    if _INITIAL.match(first.text):
        if is_georgian_surname(second.text):
            return ([first, second], None)  # "ა. ჩერნოვი", "ვ. გაბუნია"
        return None
    if listed and is_georgian_first_name(first.text) and len(second.text) > 3:
        return ([first, second], None)  # "… და ნანა თოდუა"
    strong = is_georgian_surname(second.text) and GEORGIAN_STRONG.search(second.text)
    if not is_first_name(first.text):
        # a given name before its surname is not declined: "ციალა ქურდაძემ" (but not
        # "ჩემი დისშვილი", my nephew; "ოთხი არასრულწლოვანი", four minors)
        if (
            strong
            and len(first.text) > 2
            and not _GEORGIAN_CASE.search(first.text)
            and not _GEORGIAN_ADJECTIVE.search(second.text)
            and second.text not in KIN_WORDS
            and first.text not in KIN_WORDS
            and _georgian_title_case(first.text) is None
            and word_parts(first.text, "ka") is None
        ):
            return ([first, second], None)
        return None
    known = is_georgian_first_name(first.text) or strong
    if known and is_georgian_surname(second.text):
        return ([first, second], None)
    return None


_GEORGIAN_LIST_GAP = frozenset({" და ", ", "})


def georgian_names(text: str, words: list[Token]) -> list[GeorgianName]:
    """Georgian has no capitals: a given name followed by a surname-shaped word
    ("ნინო ბერიძემ", "ციალა ქურდაძემ"), a title (in any case) or a kin word followed
    by a given name ("ქალბატონი ნათელა", "პროკურორმა დავით მესხმა", "დისშვილი
    ნინო"), an initial and a surname, or a given name and a word listed after a name
    ("ლაშა ბაქრაძე და ნანა თოდუა")."""
    found: list[GeorgianName] = []
    for index in range(1, len(words)):
        first, second = words[index - 1], words[index]
        if not ("\u10d0" <= first.text[0] <= "\u10ff"):
            continue
        if text[first.end : second.start] != " " or not GEORGIAN_WORD.match(second.text):
            continue
        if found and found[-1][0][-1].end > first.start:
            continue
        listed = bool(found) and text[found[-1][0][-1].end : first.start] in _GEORGIAN_LIST_GAP
        segment = _georgian_name(text, words, index, listed)
        if segment is not None:
            found.append(segment)
    return found
