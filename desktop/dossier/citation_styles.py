"""Chicago 17, APA 7 and MLA 9 arrangements of a ``CitationSource``.

Each function returns segments; ``citation.format_citation`` wraps them. Choices the
manuals leave open, or that archival material forces, are decided here once:

* Document kinds: news articles are parts of periodicals (container in italics);
  reports and photographs are standalone works (title in italics); letters, e-mail
  and web pages are parts of a site (Chicago/MLA quote their titles). APA italicises
  every title except a periodical article's.
* Devised titles go in square brackets, never quoted or italicised, in Chicago and
  APA. MLA 9 prints a description in place of a title as plain text with no
  brackets, so MLA does that.
* Letters: Chicago and MLA describe them ("Letter to António Guterres"); APA adds a
  bracketed description ("[Open letter]", "[Letter to António Guterres]"). With no
  title at all, the description stands in the title's place.
* Dates: Chicago and APA print "n.d." for undated work; MLA leaves the date out.
* Access dates: Chicago only when there is no publication date; MLA whenever an
  access date and URL are known (MLA 9 recommends it for online work, and an
  archive's capture date is evidence); APA "Retrieved …, from" only for undated
  web pages, the kind of content APA 7 expects to change.
* Capitalisation: Chicago and MLA recapitalise English titles headline-style. APA's
  sentence case cannot be produced safely (proper nouns would be lowered), so APA
  prints titles exactly as catalogued.
"""

from __future__ import annotations

import re

from db.date_words import cited_date
from desktop.dossier.citation_model import CitationSource, Creator, Segment
from desktop.dossier.citation_text import (
    Block,
    and_list,
    apa_name,
    close,
    family_or_name,
    headline_case,
    inverted,
    is_english,
    join_blocks,
    short_title,
    swap_inner_quotes,
)
from desktop.dossier.citation_text import (
    clean_title as _clean_title,
)

PERIODICAL = "periodical"
REPORT = "report"
LETTER = "letter"
PHOTO = "photo"
WEB = "web"

_KINDS = {
    "news article": PERIODICAL,
    "newspaper article": PERIODICAL,
    "article": PERIODICAL,
    "magazine article": PERIODICAL,
    "journal article": PERIODICAL,
    "blog post": PERIODICAL,
    "report": REPORT,
    "book": REPORT,
    "pamphlet": REPORT,
    "brochure": REPORT,
    "letter": LETTER,
    "open letter": LETTER,
    "e-mail": LETTER,
    "photograph": PHOTO,
    "photo": PHOTO,
}


def normal_type(doc_type: str | None) -> str:
    """Lower-case document type with the spellings the catalogue has used merged."""
    text = " ".join((doc_type or "").replace("_", " ").lower().split())
    return {"email": "e-mail", "webpage": "web page"}.get(text, text)


def kind_of(source: CitationSource) -> str:
    """Which family of rules a document follows; unknown types are cited as web pages."""
    return _KINDS.get(normal_type(source.doc_type), WEB)


def _recipients(source: CitationSource) -> str:
    return and_list([" ".join(r.split()) for r in source.recipients if r and r.strip()])


def genre_phrase(source: CitationSource) -> str | None:
    """ "Open letter", "Letter to X", "Email to X", "Photograph"; None for other kinds.

    "Email" follows the spelling all three manuals now use, whatever the catalogue's
    type label says.
    """
    kind = normal_type(source.doc_type)
    to = _recipients(source)
    suffix = f" to {to}" if to else ""
    if kind == "open letter":
        return "Open letter" + suffix
    if kind == "letter":
        return "Letter" + suffix
    if kind == "e-mail":
        return "Email" + suffix
    if kind_of(source) == PHOTO:
        return "Photograph"
    return None


def untitled(source: CitationSource) -> str:
    kind = normal_type(source.doc_type)
    return f"Untitled {kind}" if kind else "Untitled document"


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def same_body(source: CitationSource) -> bool:
    """True when the only author is the body that also published the item."""
    if len(source.authors) != 1 or not source.publisher:
        return False
    author = source.authors[0]
    return author.name is not None and _key(author.name) == _key(source.publisher)


def title_segments(
    source: CitationSource, *, style: str, quoted: bool, italic: bool
) -> list[Segment] | None:
    """The title element, or None when the document has no title at all."""
    if not source.title or not source.title.strip():
        return None
    text = _clean_title(source.title)
    if source.title_devised:
        segments = [Segment(text[:1].upper() + text[1:] if style == "mla" else f"[{text}]")]
    else:
        if style != "apa" and is_english(source.language):
            text = headline_case(text, style)
        segments = [Segment(f"“{swap_inner_quotes(text)}”")] if quoted else [Segment(text, italic)]
    if source.translated_title and source.translated_title.strip():
        segments.append(Segment(f" [{_clean_title(source.translated_title)}]"))
    return segments


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _publication_date(
    source: CitationSource, style: str, *, year_only: bool = False, suffix: str = ""
) -> str | None:
    return cited_date(source.published, style, year_only=year_only, suffix=suffix)


def _access_date(source: CitationSource, style: str) -> str | None:
    return cited_date(source.accessed, style)


# --------------------------------------------------------------------------- Chicago


def chicago_names(authors: list[Creator], *, note: bool) -> str:
    """Chicago 17: up to ten names in a bibliography (else seven and "et al."), first
    inverted; notes give one to three names and "et al." beyond."""
    if note:
        if len(authors) > 3:
            return f"{authors[0].display()} et al."
        names = [a.display() for a in authors]
        if len(names) == 3:
            return f"{names[0]}, {names[1]}, and {names[2]}"
        return " and ".join(names)
    if len(authors) > 10:
        shown = [inverted(authors[0])] + [a.display() for a in authors[1:7]]
        return ", ".join(shown) + ", et al."
    first = inverted(authors[0])
    rest = [a.display() for a in authors[1:]]
    if not rest:
        return first
    if len(rest) == 1:
        return f"{first}, and {rest[0]}"
    return ", ".join([first, *rest[:-1]]) + f", and {rest[-1]}"


def chicago(source: CitationSource, *, note: bool) -> list[Segment]:
    """Chicago notes-bibliography: periods between elements in a bibliography, commas
    in a note, and publication facts of book-like works in parentheses in a note."""
    kind = kind_of(source)
    quoted = kind in (PERIODICAL, WEB, LETTER)
    title = title_segments(source, style="chicago", quoted=quoted, italic=not quoted)
    genre = genre_phrase(source)
    genre_is_title = title is None
    if title is None:
        text = genre or f"[{untitled(source)}]"
        if note and source.authors and genre:
            text = _lower_first(text)
        title = [Segment(text)]
        genre = None
    elif genre and note:
        genre = _lower_first(genre)
    date_text = _publication_date(source, "chicago") or "n.d."
    container = None if kind != REPORT and same_body(source) else source.publisher
    place = " ".join(source.place.split()) if source.place else None

    blocks: list[Block] = []
    lead_container = False
    if source.authors:
        blocks.append(Block([Segment(chicago_names(source.authors, note=note))]))
    elif kind == PERIODICAL and container and not note:
        # Chicago 14.207: an unsigned article is listed under the newspaper's name.
        blocks.append(Block([Segment(container, True)]))
        lead_container = True
    blocks.append(Block(title))

    if kind == PERIODICAL:
        if container and not lead_container:
            blocks.append(Block([Segment(container, True), Segment(f", {date_text}")]))
        else:
            blocks.append(Block([Segment(date_text)]))
    elif kind == REPORT:
        imprint = ": ".join(p for p in (place, container) if p)
        facts = ", ".join(p for p in (imprint, date_text) if p)
        if note:
            blocks.append(Block([Segment(f"({facts})")], attach=True))
        else:
            blocks.append(Block([Segment(facts)]))
    else:
        parts = [genre, place if kind == LETTER else None, container, date_text]
        if genre_is_title and kind == LETTER:
            # "Letter to X, New York, February 27, 2025": the description and the
            # place and date of writing read as one element, as Chicago cites letters.
            title = [*title, Segment("".join(f", {p}" for p in parts if p))]
            blocks[-1] = Block(title)
        else:
            blocks.append(Block([Segment(", ".join(p for p in parts if p))]))

    accessed = _access_date(source, "chicago")
    if accessed and source.url and _publication_date(source, "chicago") is None:
        blocks.append(Block([Segment(("accessed " if note else "Accessed ") + accessed)]))
    if source.url:
        blocks.append(Block([Segment(source.url.strip())]))
    return join_blocks(blocks, "," if note else ".", ".")


# --------------------------------------------------------------------------- APA


def apa_names(authors: list[Creator]) -> str:
    """APA 7: up to 20 names with "&" before the last; beyond, 19, an ellipsis, the last."""
    names = [apa_name(a) for a in authors]
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + f", & {names[-1]}"


def _apa_title(source: CitationSource, kind: str) -> list[Segment]:
    title = title_segments(source, style="apa", quoted=False, italic=kind != PERIODICAL)
    genre = genre_phrase(source)
    if title is None:
        return [Segment(f"[{genre or untitled(source)}]")]
    if genre:
        title.append(Segment(f" [{genre}]"))
    return title


def apa(source: CitationSource, *, note: bool, suffix: str = "") -> list[Segment]:
    """APA 7 reference-list entry, or with ``note`` the parenthetical in-text citation."""
    kind = kind_of(source)
    if note:
        return _apa_in_text(source, kind, suffix)
    date = _publication_date(source, "apa", year_only=kind == REPORT, suffix=suffix)
    date_text = f"({date or 'n.d.' + (f'-{suffix}' if suffix else '')})"
    title = _apa_title(source, kind)

    blocks: list[Block] = []
    if source.authors:
        blocks.append(Block([Segment(apa_names(source.authors))]))
        blocks.append(Block([Segment(date_text)]))
        blocks.append(Block(title))
    else:
        blocks.append(Block(title))
        blocks.append(Block([Segment(date_text)]))
    if source.publisher and not same_body(source):
        blocks.append(Block([Segment(" ".join(source.publisher.split()), kind == PERIODICAL)]))

    url = source.url.strip() if source.url else None
    if url:
        # A retrieval date reads "March 3, 2025", not the "(2025, March 3)" of a reference.
        accessed = _access_date(source, "chicago")
        if kind == WEB and date is None and accessed:
            blocks.append(Block([Segment(f"Retrieved {accessed}, from {url}")]))
        else:
            blocks.append(Block([Segment(url)]))
    # APA ends an entry with its URL as is: a full stop could be taken as part of it.
    return join_blocks(blocks, ".", "" if url else ".")


def _apa_in_text(source: CitationSource, kind: str, suffix: str) -> list[Segment]:
    year = cited_date(source.published, "apa", year_only=True, suffix=suffix)
    if year is None:
        year = "n.d." + (f"-{suffix}" if suffix else "")
    authors = source.authors
    if authors:
        names = [family_or_name(a) for a in authors]
        if len(names) == 1:
            lead = names[0]
        elif len(names) == 2:
            lead = f"{names[0]} & {names[1]}"
        else:
            lead = f"{names[0]} et al."
        lead_segments = [Segment(lead)]
    else:
        lead_segments = _short_title_segments(source, kind, style="apa")
    return [Segment("("), *close(lead_segments, ","), Segment(f" {year})")]


def _short_title_segments(source: CitationSource, kind: str, *, style: str) -> list[Segment]:
    """In-text stand-in for a missing author: a short title, styled as in the entry."""
    if not source.title or not source.title.strip():
        genre = genre_phrase(source) or untitled(source)
        return [Segment(genre if style == "mla" else f"[{genre}]")]
    text = short_title(_clean_title(source.title))
    if source.title_devised:
        return [Segment(text[:1].upper() + text[1:] if style == "mla" else f"[{text}]")]
    if is_english(source.language):
        text = headline_case(text, style)
    quoted = kind in (PERIODICAL, WEB, LETTER) if style == "mla" else kind == PERIODICAL
    if quoted:
        return [Segment(f"“{swap_inner_quotes(text)}”")]
    return [Segment(text, True)]


# --------------------------------------------------------------------------- MLA


def mla_names(authors: list[Creator]) -> str:
    """MLA 9: one name inverted; two as "A, and B"; three or more as "A, et al."."""
    first = inverted(authors[0])
    if len(authors) == 1:
        return first
    if len(authors) == 2:
        return f"{first}, and {authors[1].display()}"
    return f"{first}, et al."


def mla(source: CitationSource, *, note: bool) -> list[Segment]:
    """MLA 9 works-cited entry (core elements in order), or with ``note`` the in-text form."""
    kind = kind_of(source)
    drop_author = same_body(source)  # MLA 9: start with the title, list the body as publisher
    authors = [] if drop_author else source.authors
    if note:
        return _mla_in_text(source, kind, authors)
    quoted = kind in (PERIODICAL, WEB, LETTER)
    title = title_segments(source, style="mla", quoted=quoted, italic=not quoted)
    genre = genre_phrase(source)
    if title is None:
        title = [Segment(genre or untitled(source))]
        genre = None

    blocks: list[Block] = []
    if authors:
        blocks.append(Block([Segment(mla_names(authors))]))
    blocks.append(Block(title))

    container: list[Segment] = []
    if source.publisher:
        roman = kind == REPORT or drop_author  # a publisher, not a container title
        container.append(Segment(" ".join(source.publisher.split()), not roman))
    date = _publication_date(source, "mla")
    if date:
        container.append(Segment(date))
    url = source.url.strip() if source.url else None
    if url:
        container.append(Segment(re.sub(r"^https?://", "", url)))
    joined: list[Segment] = []
    for i, seg in enumerate(container):
        if i:
            joined.append(Segment(", "))
        joined.append(seg)
    blocks.append(Block(joined))

    accessed = _access_date(source, "mla")
    if accessed and url:
        blocks.append(Block([Segment(f"Accessed {accessed}")]))
    if genre:
        blocks.append(Block([Segment(genre)]))  # MLA 9 optional element: kind of work
    return join_blocks(blocks, ".", ".")


def _mla_in_text(source: CitationSource, kind: str, authors: list[Creator]) -> list[Segment]:
    if authors:
        names = [family_or_name(a) for a in authors]
        if len(names) == 1:
            lead = names[0]
        elif len(names) == 2:
            lead = f"{names[0]} and {names[1]}"
        else:
            lead = f"{names[0]} et al."
        return [Segment(f"({lead})")]
    return [Segment("("), *_short_title_segments(source, kind, style="mla"), Segment(")")]
