"""Word lists and capitalised-run scanning used to recognise names.

Title case alone does not make a name: "Srebrenica Memorial Day", "Geneva
Convention" and "Organization of American States" are all capitalised. The people
suggester therefore only accepts a capitalised run when a cue vouches for it (a byline,
a title, a speech verb, a caption); these lists say which words can never be part of a
personal name and which words are titles or organisation heads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from desktop.extract.number_trie import trie_alternation
from desktop.extract.text_nearby import word_set

MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun"
)
# Capitalised titles and honorifics that precede a name; folded to lower case.
TITLES = word_set(
    "president vice-president minister secretary general secretary-general commissioner "
    "ambassador senator governor mayor chairman chairwoman chair chairperson director colonel "
    "captain lieutenant sergeant major judge king queen prince princess pope patriarch sheikh "
    "sultan chancellor speaker deputy spokesman spokeswoman spokesperson coordinator "
    "professor prof dr mr mrs ms miss sir dame lord lady rev reverend father bishop "
    "archbishop imam rabbi ombudsman rapporteur representative envoy special acting former "
    "late leader chief executive officer head congressman congresswoman mp lt gen col capt "
    "sgt maj foreign defence defense interior prosecutor attorney counsel consul premier "
    "first vice assistant high under undersecretary permanent ceo founder editor "
    "correspondent journalist photographer witness survivor eyewitness master warden "
    "inspector superintendent engineer manager constable sheriff chaplain principal clerk "
    "registrar curator archivist"
)
# Honorifics that make even a single following word a person ("Mr Smith").
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame madam")
# Lower-case role words that introduce a name: "national leader X", "Bucha witness X".
ROLE_NOUNS = word_set(
    "leader president minister secretary commissioner ambassador spokesman spokeswoman "
    "spokesperson journalist reporter correspondent photographer witness eyewitness survivor "
    "activist lawyer historian professor author writer editor director chairman head chief "
    "envoy representative deputy mayor governor general colonel officer commander soldier "
    "resident victim mother father son daughter wife husband brother sister coordinator "
    "founder mp senator congressman rapporteur ombudsman official researcher analyst expert "
    "poet artist doctor nurse teacher student refugee prosecutor judge master warden "
    "inspector superintendent engineer manager constable sheriff clerk curator archivist"
)
WITNESS_NOUNS = word_set("witness eyewitness survivor survivors witnesses")
# Heads that make a capitalised run an organisation ("Open Society Foundation").
ORGANISATION_HEADS = word_set(
    "foundation association organization organisation campaign mission ministry agency "
    "council committee commission university institute party bank fund forum union assembly "
    "parliament court army office department corporation company society movement network "
    "centre center coalition alliance federation tribunal nations embassy news times post "
    "press agency service services trust group club league academy authority bureau "
    "secretariat council cross crescent watch presse"
)
# Capitalised words that are never part of a personal name.
NOT_NAME_WORDS = (
    MONTHS
    | WEEKDAYS
    | ORGANISATION_HEADS
    | word_set(
        "republic kingdom state states united region province district city town village "
        "street square river mountain lake sea gulf north south east west northern southern "
        "eastern western central day genocide massacre war convention conventions treaty "
        "tragedy remembrance memorial holocaust revolution armed forces soviet international "
        "national human rights justice government islamic cooperation conference youth "
        "dialogue photo materials politics excellency today yesterday tomorrow the this that "
        "these those on in at we i you he she they it our my his her their its a an and but "
        "or if as after before during while when however moreover therefore furthermore "
        "unfortunately also let please make yet saying according relevant under by for of to "
        "from with without not no new old great world global public general security "
        "council law act resolution article chapter section page image video photo "
        "haqqinda about contact home menu share print read more dear"
    )
)
# Capitalised only because they start a sentence or a salutation; dropped from run starts.
LEADING_WORDS = word_set(
    "the a an by on in at for of from to with and but or as after before during while when "
    "however moreover therefore furthermore unfortunately this that these those our their his "
    "her its we i you he she they it dear under today yesterday also then thus meanwhile "
    "written reporting according"
)
# "y" and the Catalan "i" join two surnames ("Ortega y Gasset", "Pujol i Serra").
PARTICLES = word_set("de da di du del della der den van von bin ibn al el la le dos das ter y i")

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?\.?")


class Token:
    """A word with its offsets. Its folded ``key`` and ``capitalised`` are worked out
    once, at creation: the suggesters consult them for every word of every imported
    document (a dataclass with properties made tokenising the largest cost of
    suggesting). Treat as immutable."""

    __slots__ = ("capitalised", "end", "key", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = text.rstrip(".").casefold()
        # "al-Assad", "el-Sisi", "ibn-Rushd": an Arabic article before a capitalised name
        self.capitalised = text[0].isupper() or (
            "-" in text[:5] and _ARTICLE_NAME.match(text) is not None
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


_KEEP_STOP = frozenset({"prof", "sept"})
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|at|an|az|ash|ibn|bin|abu|abd)-[^\W\d_]")
# An elided article or preposition glued to a name: "d'Aminata", "dell'Ospedale".
_ELISION = re.compile(r"(?:[dlsjnc]|qu|dell|all|dall|nell|sull)['’](?=[^\W\d_])")


def tokens(text: str, *, names_only: bool = False) -> list[Token]:
    """Word tokens with offsets; a trailing full stop stays only on initials/abbreviations.

    *names_only* leaves out the lower-case words that can be no part of a name: what
    the people suggester reads of the words is capitalised runs (a left-out word ends
    a run just as the word itself would: the gap is no longer one space), particles
    ("de", "van"), Georgian words (no capitals) and the first word. Most words of a
    text are lower case, and a token for each was the largest cost of suggesting people.
    """
    if names_only:
        return _name_tokens(text)
    return [_token(match.start(), match.group()) for match in _WORD.finditer(text)]


def _token(start: int, word: str) -> Token:
    """The token for *word* (as ``_WORD`` matched it) found at *start*."""
    if word[-1] == "." and len(word) > 4 and word[:-1].rstrip(".").casefold() not in _KEEP_STOP:
        word = word[:-1]
    if "'" in word[1:5] or "’" in word[1:5]:
        elided = _ELISION.match(word)
        if elided and word[elided.end()].isupper():
            word = word[elided.end() :]  # the name starts after the apostrophe
            start += elided.end()
    return Token(start, start + len(word), word)


def _name_tokens(text: str) -> list[Token]:
    """``tokens(text, names_only=True)``: the same tokens as ``_WORD`` gives, less the
    words ``_may_be_name_word`` turns down (the first word is always kept).

    ``_name_word_scan`` skips, inside the regular-expression engine, the words that
    cannot pass, so Python looks only at the few that may.
    """
    first = _WORD.search(text)
    if first is None:
        return []
    result = []
    position = 0
    first_kept = False
    for gap, lead, word in _name_word_scan().findall(text):
        if not word:
            break  # the empty match at the end of the text
        start = position + len(gap) + len(lead)
        position = start + len(word)
        if word[0].isupper() or start == first.start() or _may_be_name_word(word):
            first_kept = first_kept or start == first.start()
            if word[-1] == "." or "'" in word[1:5] or "’" in word[1:5]:
                result.append(_token(start, word))
            else:  # what ``_token`` does with a word it leaves as it is, one call fewer
                result.append(Token(start, start + len(word), word))
    if not first_kept:
        result.insert(0, _token(first.start(), first.group()))
    return result


def _may_be_name_word(word: str) -> bool:
    """Whether *word* (as matched, before elision) may become a token that a name reads:
    capitalised, Georgian, a particle, or one that an article ("al-Assad") or an elision
    ("d'Aminata") may make capitalised."""
    first = word[0]
    return (
        first.isupper()
        or "\u10d0" <= first <= "\u10ff"
        or (len(word) <= _LONGEST_PARTICLE + 1 and word.rstrip(".").casefold() in PARTICLES)
        or "-" in word[:5]
        or "'" in word[1:5]
        or "’" in word[1:5]
    )


_LONGEST_PARTICLE = max(map(len, PARTICLES))


@cache
def _name_word_scan() -> re.Pattern[str]:
    """One match per word that may pass ``_may_be_name_word``: (gap, lead, word).

    ``_WORD`` finds, in each run of word characters, apostrophes and hyphens that holds
    a letter, the stretch from its first letter to its last letter or digit (and a full
    stop right after). Here *gap* takes, possessively so that it never splits one,
    whole runs whose word cannot pass and everything between runs; *lead* is the digits,
    underscores, apostrophes and hyphens before the word's first letter in its run. The
    test at a run's first letter is looser than ``_may_be_name_word`` (any capital in
    the Basic Multilingual Plane, any character beyond it, Georgian, a particle in any
    case followed by no letter or digit, a hyphen or apostrophe in the first five
    characters), so it turns down no word that function would keep; the last
    alternative, the end of the text, ends the scan in one match.
    """
    capitals = _ranges(code for code in range(0x10000) if chr(code).isupper())
    particles = trie_alternation(PARTICLES)
    may_start = (
        rf"(?:[{capitals}\U00010000-\U0010ffff\u10d0-\u10ff]|(?i:{particles})(?![^\W_])"
        r"|[^\W\d_][\w'’-]{0,3}[-'’])"
    )
    return re.compile(
        rf"((?:[^\w'’-]++|(?![\d_'’-]*+{may_start})[\w'’-]++)*+)"
        r"(?:([\d_'’-]*+)([^\W\d_](?:[\w'’-]*[^\W_])?\.?)|\Z)"
    )


def _ranges(codes: Iterable[int]) -> str:
    """A character-class body for the ascending code points *codes* ("A-Z\\xc0-\\xd6…")."""
    pieces: list[str] = []
    run_start = previous = -2
    for code in [*codes, -2]:
        if code != previous + 1:
            if run_start >= 0:
                last = f"-{re.escape(chr(previous))}" if previous > run_start else ""
                pieces.append(re.escape(chr(run_start)) + last)
            run_start = code
        previous = code
    return "".join(pieces)


def runs(text: str, words: list[Token]) -> list[list[Token]]:
    """Maximal sequences of capitalised words joined by single spaces (particles allowed).

    A run never crosses a line break or punctuation, so captions and headings on their
    own lines stay separate from the sentence before them.
    """
    result: list[list[Token]] = []
    current: list[Token] = []
    for token in words:
        gap = text[current[-1].end : token.start] if current else ""
        joinable = bool(current) and (gap == " " or (gap == "" and current[-1].text.endswith(".")))
        if current and joinable and token.key in LEADING_WORDS and token.key not in PARTICLES:
            joinable = False  # "Sarah Jenkins For Mailonline": "For" starts something else
        if token.capitalised or (current and token.key in PARTICLES and joinable):
            if current and not joinable:
                result.append(current)
                current = []
            current.append(token)
        else:
            if current:
                result.append(current)
            current = []
    if current:
        result.append(current)
    # A run may not end on a particle ("Mission to" is not a name ending in "to").
    return [r[: _last_capital(r) + 1] for r in result]


def _last_capital(run: list[Token]) -> int:
    for index in range(len(run) - 1, -1, -1):
        if run[index].capitalised:
            return index
    return 0


def is_name_word(token: Token) -> bool:
    """A word that can be part of a personal name: capitalised, not all-caps, not listed."""
    word = token.text.rstrip(".")
    if token.key in PARTICLES:
        return True
    if not word[:1].isupper() or (word.isupper() and len(word) > 1):
        return False
    return token.key not in NOT_NAME_WORDS and token.key not in TITLES
