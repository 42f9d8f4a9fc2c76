"""People (and organisations) named in a document, with a guess at their role.

Capitalisation finds candidates; a cue decides. Accepted cues: a byline ("By X -
Outlet:"), a title or role noun before the name ("Secretary-General Kofi
Annan", "national leader X", "Bucha witness X"), a title chain ending in the name
("the Minister of Foreign Affairs of the Republic of Chile Alberto van Klaveren"), a
speech verb ("X said", "said X", "according to X"), an appositive title ("X, General
Coordinator of ..."), a caption that repeats the name in another spelling ("X (Y)"),
letter openings and closings ("Dear X", "letter to X", "Sincerely, X", "signed by X"),
and photo credits. Without a cue a capitalised run is left alone: precision matters
more than recall, because every suggestion costs the archivist a click.

A later bare surname with a cue ("Kovač added") is the person named in full earlier.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from db.folding import fold_name
from desktop.extract.languages import LanguageMap
from desktop.extract.name_forms import base_name
from desktop.extract.names import (
    HONORIFICS,
    LEADING_WORDS,
    NOT_NAME_WORDS,
    ORGANISATION_HEADS,
    ROLE_NOUNS,
    TITLES,
    WITNESS_NOUNS,
    Token,
    is_name_word,
    runs,
    tokens,
)
from desktop.extract.person_uncued import find_repeats, find_uncued
from desktop.extract.regex_guard import guarded
from desktop.extract.suggestion_data import PersonSuggestion

_SPEECH_VERBS = (
    r"(?:said|says|stated|states|told|tells|added|adds|noted|stressed|underlined|emphasi[sz]ed|"
    r"highlighted|reminded|urged|warned|explained|declared|wrote|writes|recalled|confirmed|"
    r"announced|claimed|insisted|argued|asked|replied|commented|continued|concluded|"
    r"recounted|testified|remembered|described|believes|thinks|reported|reports)"
)
_SPEECH_AFTER = re.compile(
    rf"^(?:,[^,\n]{{1,90}},)?\s+(?:\w+ly\s+)?{_SPEECH_VERBS}\b|^\s*:\s*[“\"]", re.IGNORECASE
)
_SPEECH_BEFORE = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|according\s+to|quoting|quoted)\s+(?:the\s+)?(?:[\w.-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
_BYLINE_BEFORE = re.compile(r"(?:^|\s)(?:By|BY|Written\s+by|Reporting\s+by)\s+$")
_BYLINE_AFTER = re.compile(r"^\s*(?:$|\n|[-–—|,:(/]|and\b|for\b|in\b)", re.IGNORECASE)
_RECIPIENT_BEFORE = re.compile(
    r"(?:\b(?:letters?|wrote|writing|written|appeal|appealed|petition|message|addressed|"
    r"sent|open\s+letter)\s+to\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,4}$|(?:^|\n)\s*(?:Dear|To:?|Attn:?|"
    r"Attention:?)\s+(?:[\w.’'-]+\s+){0,2}$)",
)
_SIGNATORY_BEFORE = re.compile(
    r"(?:\bsigned\s+by\s+(?:[\w.’'-]+\s+){0,2}$|(?:Sincerely|Yours\s+(?:faithfully|sincerely|"
    r"truly)|Respectfully|Regards|Signed|Signatories|Signed\s+by)[,:]?\s*\n+\s*$)",
    re.IGNORECASE,
)
_PHOTO_BEFORE = re.compile(r"\b(?:Photo(?:graph)?s?|Picture|Image)\s*(?::|by|credit:?)\s*$", re.I)
_PHOTO_AFTER = re.compile(r"^\s+(?:Photo|Photos|Photograph)\b|^\s*/\s*(?:Reuters|AP|AFP)\b")
_APPOSITIVE_AFTER = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+)?(?:(?:former|late|then|current|acting)\s+)?"
    r"(?P<title>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)(?=\s+(?:of|for|at|to|in)\b|[,.;])",
    re.IGNORECASE,
)
_PAREN_AFTER = re.compile(r"^\s*\(([^()\n]{2,80})\)")
_CHAIN_LINKS = frozenset({"of", "for", "the", "and"})
# Languages whose paragraphs the cue rules below are written for (None: not detected).
_CUED_LANGUAGES = frozenset({"en", None})


_ORGANISATION_TAIL = re.compile(
    r"[ ]+(?:(?:of|for)[ ]+(?:the[ ]+)?|and[ ]+)[A-Z][\w’'-]*(?:[ ]+[A-Z][\w’'-]*)*"
)


@dataclass
class _Candidate:
    name_tokens: list[Token]
    role: str
    description: str | None = None
    variants: tuple[str, ...] = ()
    is_organisation: bool = False


def _span_name(text: str, toks: list[Token]) -> tuple[int, int, str]:
    start, end = toks[0].start, toks[-1].end
    return start, end, text[start:end]


def _title_prefix(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split a run into leading title/non-name words and the trailing personal name."""
    cut = 0
    for index, token in enumerate(run):
        if (not is_name_word(token) and token.key not in HONORIFICS) or token.key in HONORIFICS:
            cut = index + 1
    return run[:cut], run[cut:]


def _description(words: list[Token]) -> str | None:
    titled = [w.text for w in words if w.key in TITLES or w.key in HONORIFICS]
    return " ".join(w.text for w in words) if titled else None


def _preceding_role_noun(text: str, start: int) -> str | None:
    """A lower-case role noun right before the name ("Bucha witness X", "leader X")."""
    match = re.search(r"([a-z][\w-]*)\s+$", text[max(0, start - 30) : start])
    if match and match.group(1) in ROLE_NOUNS:
        return match.group(1)
    return None


def _variant_in_parentheses(text: str, end: int, name: str) -> str | None:
    """'X (Y)' where Y ends with the same name spelt another way (another script)."""
    match = _PAREN_AFTER.match(text[end:])
    if not match:
        return None
    inner = match.group(1).strip()
    words = inner.split()
    size = len(name.split())
    if len(words) < size:
        return None
    tail = " ".join(words[-size:])
    if not all(w[:1].isupper() for w in words[-size:]):
        return None
    if tail != name and fuzz.ratio(fold_name(tail), fold_name(name)) >= 75:
        return tail
    return None


def _organisation(run: list[Token], text: str) -> tuple[int, int] | None:
    """Span of an organisation name when the run (or its 'of' chain) has an organisation head."""
    if len(run) < 2 or not any(t.key in ORGANISATION_HEADS for t in run):
        return None
    start_index = 0
    while start_index < len(run) and run[start_index].key in LEADING_WORDS:
        start_index += 1
    if start_index >= len(run):
        return None
    start, end = run[start_index].start, run[-1].end
    # Extend over "of Islamic Cooperation", "for Human Rights".
    while True:
        more = _ORGANISATION_TAIL.match(text, end)
        if not more:
            break
        end = more.end()
    return start, end


def _last_names(name: list[Token]) -> list[Token]:
    """The last two capitalised words of a run, with any particles between them."""
    capitals = 0
    for index in range(len(name) - 1, -1, -1):
        capitals += name[index].capitalised
        if capitals == 2:
            return name[index:]
    return name


def _title_chain(text: str, start: int) -> str | None:
    """'the Commissioner for Human Rights of the Republic of ' before a run: its text.

    Walks back over capitalised words and of/for/the/and; the chain counts when it ends
    in "of"/"for" (+ "the") right before the run and contains a title.
    """
    chain = re.search(
        r"(?:\b(?:of|for|the|and|[A-Z][\w’'.-]*)\s+)+$", text[max(0, start - 150) : start]
    )
    if not chain:
        return None
    words = chain.group(0).split()
    tail = [w.casefold() for w in words[-2:]]
    if tail[-1] not in {"of", "for"} and tail != ["of", "the"] and tail != ["for", "the"]:
        return None
    if not any(w.casefold().rstrip(".") in TITLES for w in words):
        return None
    titled = next(i for i, w in enumerate(words) if w.casefold().rstrip(".") in TITLES)
    return " ".join(words[titled:])


def _classify(text: str, run: list[Token]) -> _Candidate | None:
    """Decide whether a capitalised run is a cued person, and with which role."""
    article = False
    while run and run[0].key in LEADING_WORDS:
        article = article or run[0].key == "the"
        run = run[1:]  # sentence-initial "By", "The", "On" are not part of a name
    if not run:
        return None
    article = article or text[max(0, run[0].start - 4) : run[0].start] == "the "
    prefix, name = _title_prefix(run)
    if not name:
        return None
    start, end = name[0].start, name[-1].end
    before = text[max(0, run[0].start - 120) : run[0].start]
    after = text[end : end + 120]
    description = _description(prefix)
    honorific = any(t.key in HONORIFICS for t in prefix)

    chained = _title_chain(text, run[0].start) if not prefix and len(name) >= 3 else None
    if chained:
        description = f"{chained} {' '.join(t.text for t in name[:-2])}"
        name = _last_names(name)
        start = name[0].start
    if not (2 <= len(name) <= 4) and not (honorific and len(name) == 1):
        return None
    if len(name[-1].text.rstrip(".")) < 2 or all(len(t.text.rstrip(".")) < 2 for t in name):
        return None  # "U.S.", "J. R.": initials alone are not a name
    if article and not prefix and not chained:
        return None  # "the Red Cross said": a name after a bare article is an institution
    role_noun = _preceding_role_noun(text, run[0].start)
    variant = _variant_in_parentheses(text, end, text[start:end])

    role = None
    if _BYLINE_BEFORE.search(before) and _BYLINE_AFTER.match(after) and not prefix:
        role = "author"
    elif _RECIPIENT_BEFORE.search(before):
        role = "recipient"
    elif _SIGNATORY_BEFORE.search(before):
        role = "signatory"
    elif _PHOTO_BEFORE.search(before) or _PHOTO_AFTER.match(after):
        role = "photographer"
    elif (role_noun in WITNESS_NOUNS) or any(t.key in WITNESS_NOUNS for t in prefix):
        role = "witness"
    elif _SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before):
        role = "quoted"
    elif description or role_noun or variant or honorific:
        role = "mentioned"
    else:
        appositive = _APPOSITIVE_AFTER.match(after)
        if appositive and any(
            w.casefold() in TITLES or w.casefold() in ROLE_NOUNS
            for w in appositive.group("title").split()
        ):
            role = "mentioned"
            description = appositive.group("title")
    if role is None:
        return None
    if role_noun and not description:
        description = role_noun
    return _Candidate(name, role, description, (variant,) if variant else ())


def _organisation_role(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 60]
    if _BYLINE_BEFORE.search(before):
        return "author"
    if _PHOTO_AFTER.match(after) or _PHOTO_BEFORE.search(before):
        return "photographer"
    if _SPEECH_AFTER.match(after):
        return "quoted"
    return "mentioned"


def find_people(text: str, *, languages: LanguageMap | None = None) -> list[PersonSuggestion]:
    """People and organisations in order of position (see module docstring for cues).

    *languages* says which language each paragraph is in.
    """
    words = tokens(text, names_only=True)
    found: list[PersonSuggestion] = []
    claimed: list[tuple[int, int]] = []
    known: list[PersonSuggestion] = []
    word_runs = runs(text, words)  # read by the uncued finder too
    for run in word_runs:
        org = _organisation(run, text)
        if org is not None:
            start, end = org
            if any(s < end and start < e for s, e in claimed):
                continue
            claimed.append(org)
            found.append(
                PersonSuggestion(
                    start, end, text[start:end], _organisation_role(text, start, end), True
                )
            )
            continue
        if (
            languages is not None
            and languages.at(run[0].start) not in _CUED_LANGUAGES
            and not text.startswith(" (", run[-1].end)
        ):
            continue  # the cues are English but for "X (Y)"; others go to person_uncued
        candidate = _classify(text, run)
        if candidate is None:
            continue
        start, end, name = _span_name(text, candidate.name_tokens)
        if any(s < end and start < e for s, e in claimed):
            continue
        claimed.append((start, end))
        if candidate.variants:  # "X (Y)": Y is the same person, not another one
            inner = _PAREN_AFTER.match(text[end : end + 90])
            if inner:
                claimed.append((end + inner.start(1), end + inner.end(1)))
        person = PersonSuggestion(
            start, end, name, candidate.role, False, candidate.description, candidate.variants
        )
        found.append(person)
        known.append(person)
    found.extend(_single_outlets(text, claimed))
    found.extend(_surname_mentions(text, words, known, claimed))
    language_at = languages.at if languages is not None else _no_language
    known_words = frozenset(t.text for t in words if t.capitalised)
    found = [_base_form(p, language_at, known_words) for p in found]
    found.extend(find_uncued(text, words, language_at, claimed, known_words, word_runs))
    found.extend(find_repeats(text, words, language_at, found, claimed, known_words))
    found.sort(key=lambda p: p.start)
    return found


def _no_language(_position: int) -> str | None:
    return None


def _base_form(
    person: PersonSuggestion, language_at: Callable[[int], str | None], known: frozenset[str]
) -> PersonSuggestion:
    """The cued finder's name with its possessive or case ending taken off."""
    if person.is_organisation:
        return person
    name = base_name(person.name, language_at(person.start), known)
    return person if name == person.name else replace(person, name=name)


# Compiled once, guarded (regex_guard): it used to be tried at every character of the text.
_OUTLET = guarded(
    r"(?:(?<=\sBy )|(?<=^By ))(?P<a>[A-Z][\w.-]+)(?=\s*(?:$|\n|[-–—|,:]))"
    r"|\((?P<p>[A-Z][\w.-]+) Photos?\)|\b(?P<q>[A-Z][\w]*\.[A-Z][\w]*) reports\b",
    re.MULTILINE,
)


# Each branch of _OUTLET holds one of these words: a text without any has no outlet, and
# looking for three words (in C) is much cheaper than scanning for the pattern.
_OUTLET_WORDS = ("By ", " Photo", " reports")


def _single_outlets(text: str, claimed: list[tuple[int, int]]) -> list[PersonSuggestion]:
    """One-word bylines and photo credits ("By Meduza", "(AFP Photo)"): organisations."""
    result: list[PersonSuggestion] = []
    if not any(word in text for word in _OUTLET_WORDS):
        return result
    for match in _OUTLET.finditer(text):
        group = "a" if match.group("a") else "p" if match.group("p") else "q"
        start, end = match.start(group), match.end(group)
        if match.group(group).casefold() in NOT_NAME_WORDS:
            continue
        if any(s < end and start < e for s, e in claimed):
            continue
        claimed.append((start, end))
        role = {"a": "author", "p": "photographer", "q": "quoted"}[group]
        result.append(PersonSuggestion(start, end, match.group(group), role, True))
    return result


def _surname_mentions(
    text: str, words: list[Token], known: list[PersonSuggestion], claimed: list[tuple[int, int]]
) -> list[PersonSuggestion]:
    """'Kovač added' after 'Marta Kovač' was named: the same person, quoted again."""
    result = []
    by_word: dict[str, list[PersonSuggestion]] = {}  # first or last name -> people
    for person in known:
        parts = person.name.split()
        for part in {parts[0], parts[-1]} if parts else ():
            by_word.setdefault(part, []).append(person)
    for token in words:
        if not token.capitalised or len(token.text) <= 2 or token.text not in by_word:
            continue
        earlier = [p for p in by_word[token.text] if p.end <= token.start]
        if not earlier or any(s < token.end and token.start < e for s, e in claimed):
            continue
        after = text[token.end : token.end + 120]
        before = text[max(0, token.start - 60) : token.start]
        if not (_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before)):
            continue
        person = earlier[-1]
        claimed.append((token.start, token.end))
        result.append(
            PersonSuggestion(
                token.start,
                token.end,
                person.name,
                "quoted",
                False,
                person.description,
                (token.text,),  # the name as the text gives it here
            )
        )
    return result
