"""Plain data for citations: who made a source, what it is, and the formatted result.

Kept apart from the style rules so the UI ("Copy citation") and the PDF renderer can
build a ``CitationSource`` from a catalogue record without importing either. No Qt and
no ReportLab here: the renderer decides how italics look, through ``Citation.markup``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

# Lower-case particles that belong to the family name ("Ludwig van Beethoven"), so
# "van Beethoven" is what APA prints and what the bibliography sorts under.
# fmt: off
PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el",
    "ibn", "la", "le", "ten", "ter", "van", "von"
})
# fmt: on
_SUFFIXES = {
    "jr": "Jr.",
    "jr.": "Jr.",
    "sr": "Sr.",
    "sr.": "Sr.",
    "ii": "II",
    "iii": "III",
    "iv": "IV",
}

# Words that, in a byline, signal a body rather than a person. Bylines reach us as
# plain strings (db stores ``authors`` as a list of text), so this guess is needed;
# callers that know better (the authority file) pass ``corporate=`` explicitly.
# fmt: off
_ORG_WORDS = frozenset({
    "agency", "assembly", "association", "board", "bureau", "campaign", "centre", "center",
    "coalition", "college", "commission", "committee", "council", "court", "department",
    "embassy", "federation", "foundation", "fund", "government", "group", "initiative",
    "institute", "league", "ministry", "mission", "network", "news", "office", "organisation",
    "organization", "parliament", "party", "press", "project", "republic", "service", "society",
    "staff", "team", "trust", "union", "university", "watch"
})
# fmt: on


def _squash(text: str) -> str:
    """Collapse runs of whitespace (scraped titles carry newlines) without other edits."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Creator:
    """A person (``family``/``given``) or a body (``name``) responsible for a source.

    Corporate names are kept whole because inverting "Justice for Khojaly campaign"
    or reducing it to initials would make it unrecognisable. Names are stored exactly
    as given (no Unicode normalisation): "Şəkibə" must print as the archive has it.
    """

    family: str | None = None
    given: str | None = None
    suffix: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        if self.name is not None and (self.family or self.given or self.suffix):
            raise ValueError("a Creator is either corporate (name) or personal (family/given)")
        if not (self.name or self.family or self.given):
            raise ValueError("a Creator needs a name")

    @property
    def is_corporate(self) -> bool:
        return self.name is not None

    @classmethod
    def person(cls, full_name: str) -> Creator:
        """A person from a byline such as "Nargiz Sadikhova" or "Sadikhova, Nargiz"."""
        return split_name(full_name)

    @classmethod
    def organisation(cls, name: str) -> Creator:
        """A corporate author, printed whole and never inverted."""
        cleaned = _squash(name)
        if not cleaned:
            raise ValueError("empty organisation name")
        return cls(name=cleaned)

    @classmethod
    def parse(cls, text: str, *, corporate: bool | None = None) -> Creator:
        """A creator from catalogue text; ``corporate=None`` guesses from the wording."""
        if corporate is None:
            corporate = looks_corporate(text)
        return cls.organisation(text) if corporate else cls.person(text)

    def display(self) -> str:
        """Natural reading order, as used in notes: "Martin Luther King Jr."."""
        if self.name is not None:
            return self.name
        parts = [p for p in (self.given, self.family, self.suffix) if p]
        return " ".join(parts)


def split_name(full_name: str) -> Creator:
    """Split a personal name into given and family parts.

    "Family, Given[, Jr.]" is taken as already inverted, which is also how to force
    family-first names ("Mustafayeva, Şəkibə"): word order alone cannot tell us that
    an Azerbaijani witness list puts the surname first.
    """
    text = _squash(full_name)
    if not text:
        raise ValueError("empty personal name")
    if "," in text:
        family, _, rest = text.partition(",")
        given, _, suffix = rest.partition(",")
        suffix_text = _SUFFIXES.get(suffix.strip().lower(), suffix.strip()) or None
        return Creator(
            family=family.strip() or None, given=given.strip() or None, suffix=suffix_text
        )
    words = text.split()
    suffix_word: str | None = None
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix_word = _SUFFIXES[words.pop().lower()]
    if len(words) == 1:
        return Creator(family=words[0], suffix=suffix_word)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return Creator(
        family=" ".join(words[start:]), given=" ".join(words[:start]), suffix=suffix_word
    )


def looks_corporate(text: str) -> bool:
    """Guess whether a byline names a body: organisation words, lower-case words, digits.

    Person names rarely contain a lower-case word other than a particle, so
    "Justice for Khojaly campaign" is caught by "for" even without the keyword.
    """
    words = _squash(text).split()
    if not words:
        return False
    if len(words) > 5 or any(ch.isdigit() for ch in text) or "&" in text:
        return True
    for word in words:
        bare = re.sub(r"[^\w'-]", "", word).lower()
        if bare in _ORG_WORDS:
            return True
        if "." in word.strip(".") and len(word) > 3 and not word.endswith("."):
            return True  # "News.Az", a site name
        if word[:1].islower() and bare not in PARTICLES:
            return True
    return False


@dataclass
class CitationSource:
    """What the citation styles need to know about one document.

    ``published`` and ``accessed`` are EDTF/ISO strings as the catalogue stores them;
    ``publisher`` is the container for articles and web pages (newspaper, site) and
    the issuing body for reports. ``place`` is the dateline or place of issue; only
    Chicago prints it, for letters and reports (APA 7 and MLA 9 dropped places).
    ``language`` (BCP 47) decides whether a title may be recapitalised: only titles
    known to be English are, because headline case would mangle other languages.
    """

    title: str | None = None
    title_devised: bool = False
    translated_title: str | None = None
    doc_type: str | None = None
    authors: list[Creator] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    accessed: str | None = None
    place: str | None = None
    recipients: list[str] = field(default_factory=list)
    language: str | None = None
    reference: str | None = None

    @property
    def container(self) -> str | None:
        """The newspaper or website an article sits in: the same field as publisher."""
        return self.publisher


class Segment(NamedTuple):
    """A run of citation text and whether it is set in italics."""

    text: str
    italic: bool = False


def _merge(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if merged and merged[-1].italic == seg.italic:
            merged[-1] = Segment(merged[-1].text + seg.text, seg.italic)
        else:
            merged.append(Segment(seg.text, seg.italic))
    return tuple(merged)


@dataclass(frozen=True)
class Citation:
    """A formatted citation as italic/roman runs, so each output decides how to mark it."""

    segments: tuple[Segment, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", _merge(self.segments))

    def plain(self) -> str:
        """The citation as plain text (clipboard, search, tests)."""
        return "".join(seg.text for seg in self.segments)

    def markup(self, escape: Callable[[str], str]) -> str:
        """Escaped text with italics as ``<i>…</i>``, for ReportLab paragraphs.

        Escaping each segment's text (never the tags) is what keeps a title such as
        "<img src='/x'/>" printing literally instead of being read as markup.
        """
        out: list[str] = []
        for seg in self.segments:
            text = escape(seg.text)
            out.append(f"<i>{text}</i>" if seg.italic else text)
        return "".join(out)

    def __str__(self) -> str:
        return self.plain()

    def __iter__(self) -> Iterator[Segment]:
        # Iterable and sized like a plain tuple of segments, which is the shape the
        # dossier's data model (``desktop.dossier.data.Citation``) takes.
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)
