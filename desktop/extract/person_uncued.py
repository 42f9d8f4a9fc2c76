"""People named without a cue word: by the shape of the name and the words beside it.

The cued finder (people.py) accepts a capitalised run only next to a byline, a speech
verb or a title it knows in English. Most mentions in real reporting have none of these:
"its leader, Joseph Stalin", "François Hollande et Joachim Gauck", a speaker label
"Mikhail Gurevich:", "генерал Ратко Младич", "Vüqar Məmmədovun". Here a capitalised run
(or, in Georgian, which has no capitals, a pair of words) is a person when

* a title of the paragraph's language, or of any of the supported ones, stands right
  before it (the title is not part of the name: "General Ratko Mladic" → "Ratko Mladic");
* it opens a line and a colon follows (a speaker label in a transcript);
* its first word is a known given name (name_lexicon), or a word in it carries a surname
  ending of the region ("-ov", "-yan", "-შვილი", "-enko");
* a speech verb of the paragraph's language follows or precedes it;
* it is joined by "and"/"et"/"и"/"və"/a comma to a name already accepted (a list);

and no organisation or place head stands in it or beside it ("United Nations",
"Xocalı rayonu", "rue Victor Hugo"), no word of it is a country or a month (CLDR).
A later single word that is a word of an accepted name, in any case form, is the same
person mentioned again ("Stalin", "Մանուկյանը").

The stored name is the base form (name_forms.base_name); the span keeps the exact
characters, endings included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from desktop.extract.name_forms import base_forms, base_name, parses
from desktop.extract.name_lexicon import (
    has_surname_ending,
    is_first_name,
    slavic_name_shape,
)
from desktop.extract.names import LEADING_WORDS, NOT_NAME_WORDS, PARTICLES, Token, runs
from desktop.extract.person_context import armenian_country, possessor, quoted_title
from desktop.extract.person_georgian import GEORGIAN_WORD, georgian_names
from desktop.extract.person_neighbours import (
    is_head_word,
    is_kin_word,
    post_title_after,
    title_word,
    word_after_is_head,
    word_before,
)
from desktop.extract.person_words import (
    CONJUNCTIONS,
    KIN_WORDS,
    POST_TITLES,
    SENTENCE_WORDS,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    all_heads,
    all_titles,
    calendar_words,
    country_names,
    place_names,
    titles_before,
)
from desktop.extract.suggestion_data import PersonSuggestion

_MAX_NAME_WORDS = 4
_SPEAKER_AFTER = re.compile(r"^[ \t]*(?::|(?P<dash>[–—-])[ \t])")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+(?P<word>[^\W\d_]+|&)\s+|\s*,\s*(?P<word2>\w+)\s+)$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_REGNAL = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3}|XIV|XV|XVI)$")
_LIST_PARTICLES = frozenset({"y", "i", "e"})

Language = Callable[[int], str | None]


@dataclass
class _Segment:
    words: list[Token]
    title: str | None = None
    accepted: bool = False
    role: str = "mentioned"
    post_title: bool = False
    # ``word_before`` at one position (the run's start), read once for the run
    run_before: tuple[int, str, bool] | None = None

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def _word_kind(token: Token) -> str:
    """'name', 'title', 'head', 'post', 'stop' (never in a name) for one capitalised word."""
    return _kind_of(token.text, token.key)


@lru_cache(maxsize=16384)
def _kind_of(text: str, token_key: str) -> str:
    key = token_key.replace("’", "'")
    if not _CYRILLIC_WORD.match(text):  # "Erdoğan'ın", "L'avvocata"; "В'ячеслав" is one word
        key = key.split("'")[0]
    if key in POST_TITLES:
        return "post"
    if key in all_titles():
        return "title"
    if key in all_heads():
        return "head"
    if _INITIAL.match(text):
        return "name"
    if text.endswith(".") and len(text) > 2:
        return "stop"  # "Mio.", "Av.": abbreviations, not names
    if _is_inflected_head(text):
        return "head"
    if armenian_country(text, key):
        return "stop"
    if (
        key in SENTENCE_WORDS
        or key in NOT_NAME_WORDS
        or key in calendar_words()
        or key in country_names()
        or (text.isupper() and len(text) > 1)
        or len(text) < 2
    ):
        return "stop"
    return "name"


_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff'’-]+$")


def _is_inflected_head(word: str) -> bool:
    """'Ради', 'України', 'Комитета': a Cyrillic head or country in another case.

    Case endings change at most the last two letters, so a word that starts with a
    head's stem (the head less its last letter, four letters at least) is that head."""
    if not _CYRILLIC_WORD.match(word) or len(word) < 4:
        return False
    folded = word.casefold()
    return any(
        folded[: len(stem)] == stem and len(folded) - len(stem) <= 2
        for stem in _cyrillic_stems().get(folded[:3], ())
    )


_stems: dict[str, tuple[str, ...]] = {}


def _cyrillic_stems() -> dict[str, tuple[str, ...]]:
    if not _stems:
        found: dict[str, set[str]] = {}
        for word in (*all_heads(), *country_names()):
            if _CYRILLIC_WORD.match(word) and len(word) >= 4:
                stem = word[:-1] if len(word) >= 5 else word
                found.setdefault(stem[:3], set()).add(stem)
        _stems.update({k: tuple(v) for k, v in found.items()})
    return _stems


def _segments(text: str, run: list[Token]) -> list[_Segment]:
    """Split a capitalised run into stretches of name words, noting a title before each."""
    kinds = [_word_kind(token) for token in run]
    if "name" not in kinds:
        return []  # a name opens only on a name word (the rules below never make one)
    found: list[_Segment] = []
    word, punctuated = word_before(text, run[0].start)
    run_before = (run[0].start, word, punctuated)
    title = title_word(word)
    current: list[Token] = []
    after_head = False
    for index, token in enumerate(run):
        kind = kinds[index]
        if not current and not token.capitalised:
            kind = "stop"  # "di Roma": a name does not start with a particle
        following = run[index + 1] if index + 1 < len(run) else None
        if kind == "title" and following is None and len(current) >= 2:
            kind = "name"  # "Aurelio Benavides Coronel": no name follows, so a surname
        if current and _REGNAL.match(token.text):
            current.append(token)  # "Mohammed V", "Juan Carlos I"
            continue
        name_follows = following is not None and kinds[index + 1] == "name"
        if kind == "stop" and name_follows and following is not None and following.capitalised:
            if current and token.capitalised and token.key in PARTICLES:
                kind = "name"  # "Giorgio La Pira", "Alcide De Gasperi"
            elif not current and title is not None and token.key in country_names():
                kind = "name"  # "presidente Salvador Allende": a given name, not the country
        listed = (
            token.key in _LIST_PARTICLES
            and current
            and following is not None
            and is_first_name(following.text)
            and index + 2 < len(run)
            and run[index + 2].capitalised
        )  # "Cándida Huamán y Rosendo Quispe": a list, not "Ortega y Gasset", "Pujol i Serra"
        if kind == "name" or (
            current
            and token.key in PARTICLES
            and following is not None
            and not token.capitalised
            and not listed
        ):
            current.append(token)
            continue
        if current:
            if not after_head and not (kind == "title" and possessor(current, token)):
                found.append(
                    _Segment(current, title, post_title=kind == "post", run_before=run_before)
                )
            current = []
        if kind == "head" and found and found[-1].end > run[0].start:
            found.pop()  # "Heydar Aliyev Foundation": the name belongs to the head
        after_head = kind == "head"  # "Associazione Mare Aperto": so does one after it
        title = token.text if kind == "title" else None
    if current and not after_head:
        found.append(_Segment(current, title, run_before=run_before))
    return found


def _segment_word_before(text: str, segment: _Segment) -> tuple[str, bool]:
    """``word_before`` the segment's start, read from the run when it starts there."""
    start = segment.start
    known = segment.run_before
    if known is not None and known[0] == start:
        return known[1], known[2]
    return word_before(text, start)


@cache
def _speech_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    after = SPEECH_AFTER.get(language)
    before = SPEECH_BEFORE.get(language)
    return (
        re.compile(rf"^(?:,[^,\n]{{1,60}},)?\s+{after}\b", re.IGNORECASE) if after else None,
        re.compile(rf"\b{before}\s+$", re.IGNORECASE) if before else None,
    )


def _speech_near(text: str, segment: _Segment, language: str | None) -> bool:
    if language is None:
        return False
    after, before = _speech_patterns(language)
    if after and after.match(text[segment.end : segment.end + 60]):
        return True
    return bool(before and before.search(text[max(0, segment.start - 25) : segment.start]))


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line break or an opening quote before *start*."""
    before = text[max(0, start - 4) : start].rstrip(" \t«„“\"'(")
    return not before or before[-1] in ".!?:;\n։"


def _line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip(" \t-–—•*")


def _name_like(word: str, language: str | None) -> bool:
    """A given name or a surname-shaped word, in any case form of *language*."""
    if language in ("ru", "uk"):
        # the dictionary knows given names the list spells otherwise ("Лаврентий")
        return slavic_name_shape(word) or _slavic_given_name(word, language)
    if is_first_name(word) or has_surname_ending(word):
        return True
    if language in ("ru", "uk", "az", "tr", "hy", "ka"):
        base = base_name(word, language)
        return base != word and (has_surname_ending(base) or is_first_name(base))
    return False


def _shape_says_person(words: list[Token], language: str | None) -> bool:
    if len(words) < 2:
        return False
    return any(_name_like(w.text, language) for w in words)


def _trim_leading(text: str, segment: _Segment, language: str | None) -> None:
    """Drop capitalised words before the name proper ("Landrat Jürgen Hellwig",
    "Пенсионерка Нина Гаврилова", "Oğlum Murat"): a kin word, or a word that is not
    name-like before a given name (or, in Russian and Ukrainian, any word the
    dictionary does not know as a name)."""
    words = segment.words
    if len(words) < 2:
        return
    given = next((i for i, w in enumerate(words) if w.capitalised and is_first_name(w.text)), 0)
    if given and not any(_name_like(w.text, language) for w in words[:given] if w.capitalised):
        words = words[given:]  # "Leitung von Rolf-Dieter Müller"
    while len(words) > 1 and not _INITIAL.match(words[0].text):
        first = words[0]
        opening = _sentence_start(text, first.start)
        if first.key in KIN_WORDS:
            segment.title = first.text
        elif opening and language in ("ru", "uk") and _common_slavic_word(first.text, language):
            pass  # "Тела Игоря Шабанова": "bodies", capitalised by the sentence
        elif _name_like(first.text, language) or not (
            is_first_name(words[1].text)
            or (opening and any(_name_like(w.text, language) for w in words[1:]))
        ):
            break
        words = words[1:]
    segment.words = words


def _slavic_name_word(word: str, language: str) -> bool:
    """The dictionary reads *word* as a name with some weight ("Ігоря": yes; "Тела",
    the plural of "body", has a rare name reading: no)."""
    weight = sum(
        p.score
        for p in parses(word, language)
        if "Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag
    )
    return weight >= _NAME_READING


def _slavic_given_name(word: str, language: str) -> bool:
    """The dictionary's first reading of *word* is a given name ("Лаврентий", "Берии"
    is not: a surname it guesses)."""
    readings = parses(word, language)
    return bool(readings) and "Name" in readings[0].tag and readings[0].score >= 0.5


def _common_slavic_word(word: str, language: str) -> bool:
    """The dictionary knows *word* mostly as an ordinary word ("Тела": bodies)."""
    readings = parses(word, language)
    return bool(readings) and not _slavic_name_word(word, language) and readings[0].score >= 0.5


_NAME_READING = 0.3


def _accept(text: str, segment: _Segment, language: str | None) -> bool:
    while len(segment.words) > 1 and not segment.words[-1].capitalised:
        segment.words = segment.words[:-1]  # "Santiago de" (Chile): no trailing particle
    if len(segment.words) == 1 and not _single_may_be_person(text, segment):
        return False
    if quoted_title(text, segment.start, segment.end):
        return False
    words = segment.words
    if all(_INITIAL.match(w.text) for w in words):
        return False
    if text[segment.start : segment.end].casefold() in place_names():
        return False  # "Hong Kong", "Sri Lanka", "Buenos Aires"
    if _INITIAL.match(words[-1].text):
        return False
    before = _segment_word_before(text, segment)
    if word_after_is_head(text, segment.end, language) or is_head_word(before):
        return False
    speaker = _SPEAKER_AFTER.match(text[segment.end : segment.end + 4])
    if speaker and _line_start(text, segment.start):
        segment.role = "quoted"
        if speaker.group("dash"):  # "Name – text" also heads catalogue lines: shape decides
            return _shape_says_person(words, language)
        return len(words) >= 2 or is_first_name(words[0].text) or segment.title is not None
    if segment.title is not None and (
        len(words) >= 2 or segment.title.casefold().rstrip(".") in titles_before()
    ):
        last = words[-1].text  # "Foreign Affairs": "Foreign" titles nobody alone
        return len(last) > 2 or bool(_REGNAL.match(last))  # "le roi Mohammed V"
    if 2 <= len(words) <= 3 and is_kin_word(before):
        return True  # "Mon grand-père, Lahcen Ouhadi"
    _trim_leading(text, segment, language)
    words = segment.words
    if len(words) > _MAX_NAME_WORDS:
        return False
    if len(words) == 1:
        single = words[0].text
        if (
            segment.post_title
            or segment.title is not None
            or is_kin_word(_segment_word_before(text, segment))  # _trim_leading's start
            or post_title_after(text, segment.end)
        ):
            return _name_like(single, language) or (
                language in ("ru", "uk") and _slavic_name_word(single, language)
            )
        return is_first_name(single) and _speech_near(text, segment, language)
    if _shape_says_person(words, language):
        return True
    if _speech_near(text, segment, language):
        segment.role = "quoted"
        return True
    return False


def _single_may_be_person(text: str, segment: _Segment) -> bool:
    """Whether a one-word segment can pass ``_accept`` at all, by its cheapest tests.

    Most one-word segments are a capitalised word opening a sentence or a place; only a
    title, a form of address, a kin noun, a speaker label or a known given name can
    make one a person, so the rest are turned down before the costlier checks (the
    outcome is the same: every other branch of ``_accept`` needs one of these)."""
    end = segment.end
    return (
        segment.title is not None
        or segment.post_title
        or is_first_name(segment.words[0].text)
        or _SPEAKER_AFTER.match(text[end : end + 4]) is not None
        or post_title_after(text, end)
        or is_kin_word(_segment_word_before(text, segment))
    )


def _joined(text: str, left: _Segment, right: _Segment) -> bool:
    """'X and Y', 'X, Y', 'X et Y': two names in one list."""
    if right.start <= left.end or right.start - left.end > 8:
        return False
    gap = _LIST_GAP.match(text[left.end : right.start])
    if not gap:
        return False
    word = gap.group("word") or gap.group("word2")
    return word is None or word.casefold() in CONJUNCTIONS


def find_uncued(
    text: str,
    words: list[Token],
    language_at: Language,
    claimed: list[tuple[int, int]],
    known_words: frozenset[str],
    word_runs: list[list[Token]] | None = None,
) -> list[PersonSuggestion]:
    """People the cued finder left alone; *claimed* spans are skipped and extended.

    *word_runs* are ``runs(text, words)`` when the caller has them already."""
    segments: list[_Segment] = []
    for run in runs(text, words) if word_runs is None else word_runs:
        while run and run[0].key in LEADING_WORDS and _word_kind(run[0]) == "stop":
            run = run[1:]
        if run and not quoted_title(text, run[0].start, run[-1].end):
            segments.extend(_segments(text, run))
    for segment in segments:
        segment.accepted = _accept(text, segment, language_at(segment.start))
    changed = True
    while changed:  # lists: a name joined to an accepted one
        changed = False
        for left, right in pairwise(segments):
            if left.accepted == right.accepted or not _joined(text, left, right):
                continue
            other = right if left.accepted else left
            if 2 <= len(other.words) <= 3 and not word_after_is_head(
                text, other.end, language_at(other.start)
            ):
                other.accepted = changed = True
    if any(language_at(w.start) == "ka" for w in words[:1]) or "ა" in text:
        segments.extend(_Segment(name, title, True) for name, title in georgian_names(text, words))
    result: list[PersonSuggestion] = []
    for segment in sorted(segments, key=lambda s: s.start):
        if not segment.accepted:
            continue
        start, end = segment.start, segment.end
        if any(s < end and start < e for s, e in claimed):
            continue
        claimed.append((start, end))
        written = text[start:end]
        name = base_name(written, language_at(start), known_words)
        result.append(PersonSuggestion(start, end, name, segment.role, False, segment.title))
    return result


def find_repeats(
    text: str,
    words: list[Token],
    language_at: Language,
    people: list[PersonSuggestion],
    claimed: list[tuple[int, int]],
    known_words: frozenset[str],
) -> list[PersonSuggestion]:
    """A single word that is a word of a name found in full ("Stalin", "Մանուկյանը").

    The stored name is the full name, so that accepting the suggestion links the mention
    to the same authority record; the word's base form, as the text names the person
    there ("Stalin", "Մանուկյան"), goes in ``variants``.
    """
    by_word: dict[str, PersonSuggestion] = {}
    for person in people:
        parts = person.name.split()
        if person.is_organisation or len(parts) < 2:
            continue
        for part in parts:
            if len(part) > 2 and not _INITIAL.match(part):
                by_word.setdefault(part, person)
    if not by_word:
        return []
    prefixes = {word[:3] for word in by_word}
    result = []
    for token in words:
        if token.text[:3] not in prefixes:
            continue
        if not (token.capitalised or GEORGIAN_WORD.match(token.text)):
            continue
        if any(s < token.end and token.start < e for s, e in claimed):
            continue
        language = language_at(token.start)
        base = _repeated_word(token.text, language, by_word, known_words)
        person = by_word.get(base) if base is not None else None
        if person is None or _word_kind(token) != "name":
            continue
        claimed.append((token.start, token.end))
        variants = (base,) if base is not None and person.name != base else ()
        result.append(
            PersonSuggestion(
                token.start,
                token.end,
                person.name,
                "mentioned",
                False,
                person.description,
                variants,
            )
        )
    return result


_SLAVIC_CASE_GROWTH = 3  # "Воронцов" → "Воронцовыми": at most three letters more


def _repeated_word(
    word: str, language: str | None, by_word: dict[str, PersonSuggestion], known: frozenset[str]
) -> str | None:
    """The word of a known name that *word* is, in some case form, or None.

    Russian and Ukrainian forms are matched by stem ("Воронцова", "Берии", "Игоря"
    against "Воронцов", "Берия", "Игорь"): the name is already known, so the dictionary
    is not needed to recognise it again.
    """
    if word in by_word:
        return word
    if language in ("ru", "uk"):
        for known_word in by_word:
            stem = known_word[:-1]
            if (
                len(known_word) >= 4
                and word.startswith(stem)
                and len(word) - len(known_word) <= _SLAVIC_CASE_GROWTH
            ):
                return known_word
        return None
    forms = [base_name(word, language, known), *base_forms(word, language)]
    if word.endswith("s") and language == "de":
        forms.append(word[:-1])  # "Hellwigs": German genitive
    return next((form for form in forms if form in by_word), None)
