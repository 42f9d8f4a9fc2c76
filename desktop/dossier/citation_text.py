"""Building blocks shared by the three citation styles: names, titles, punctuation.

Each style is a different arrangement of the same pieces, so the pieces live here and
the arrangements in ``citation_styles``. Dates arrive as EDTF and are printed by
``db.date_words.cited_date`` over the catalogue's one EDTF reader (``db.dates``), so a
date the window cannot read is not printed as one either: it appears as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.dossier.citation_model import Creator, Segment

# --------------------------------------------------------------------------- names


def inverted(creator: Creator) -> str:
    """ "Family, Given, Jr." for the first name of a Chicago or MLA entry."""
    if creator.name is not None:
        return creator.name
    text = creator.family or ""
    if creator.given:
        text = f"{text}, {creator.given}" if text else creator.given
    if creator.suffix:
        text += f", {creator.suffix}"
    return text


def _initial(part: str) -> str:
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return part
    return letters[0].upper() + "."


def apa_name(creator: Creator) -> str:
    """ "Family, G. G." with hyphenated given names kept as "J.-P."."""
    if creator.name is not None:
        return creator.name
    initials = " ".join(
        "-".join(_initial(piece) for piece in word.split("-") if piece)
        for word in (creator.given or "").split()
    )
    text = creator.family or ""
    if initials:
        text = f"{text}, {initials}" if text else initials
    if creator.suffix:
        text += f", {creator.suffix}"
    return text


def family_or_name(creator: Creator) -> str:
    """What in-text citations show: the family name, or a body's full name."""
    if creator.name is not None:
        return creator.name
    return creator.family or creator.given or ""


def and_list(items: list[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B, and C" (serial comma, as all three styles use)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


# --------------------------------------------------------------------------- titles

# Chicago 17 (8.159) lower-cases articles, prepositions and and/but/for/or/nor; MLA 9
# also lower-cases "so" and "yet". Prepositions used as adverbs cannot be told apart
# from the text alone and are lower-cased too.
# fmt: off
_MINOR = frozenset({
    "a", "about", "above", "across", "after", "against", "along", "among", "an", "and",
    "around", "as", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond",
    "but", "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into",
    "like", "near", "nor", "of", "off", "on", "onto", "or", "out", "outside", "over", "past",
    "per", "since", "than", "the", "through", "throughout", "till", "to", "toward", "towards",
    "under", "underneath", "unlike", "until", "up", "upon", "via", "vs", "versus", "with",
    "within", "without"
})
# fmt: on
_MLA_MINOR = _MINOR | {"so", "yet"}


def is_english(language: str | None) -> bool:
    """Whether a BCP 47 tag says English; unknown is not English (see CitationSource)."""
    if not language:
        return False
    return language.strip().lower().split("-")[0].split("_")[0] in {"en", "eng", "english"}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def headline_case(title: str, style: str = "chicago") -> str:
    """Capitalise an English title headline-style without lower-casing names or acronyms.

    Only a word's first letter is raised; a word is lowered only when it is a minor
    word written "Like" this. Words with digits, inner capitals or dots ("29th",
    "AzIz", "News.Az") are left as they are.
    """
    minor = _MLA_MINOR if style == "mla" else _MINOR
    tokens = title.split(" ")
    words = [i for i, tok in enumerate(tokens) if re.search(r"\w", tok)]
    out = list(tokens)
    for position, index in enumerate(words):
        token = tokens[index]
        lead = re.match(r"^[^\w]*", token)
        prefix = lead.group(0) if lead else ""
        core = token[len(prefix) :]
        previous = tokens[words[position - 1]] if position else ""
        # First and last words, and the first word after a colon (subtitle), always.
        force = position in (0, len(words) - 1) or previous.endswith((":", "—", "?", "!"))
        pieces = core.split("-")
        # Chicago 8.161: the first element of a hyphenated compound is always capitalised.
        out[index] = prefix + "-".join(
            _case_word(piece, minor, force=force or (n == 0 and len(pieces) > 1))
            for n, piece in enumerate(pieces)
        )
    return " ".join(out)


def _case_word(word: str, minor: frozenset[str], *, force: bool) -> str:
    core = re.sub(r"[^\w']+$", "", word)
    if not core or any(ch.isdigit() for ch in core) or "." in core:
        return word
    if any(ch.isupper() for ch in core[1:]):
        return word
    if not force and core.lower() in minor:
        return word[:1].lower() + word[1:] if core[1:].islower() or len(core) == 1 else word
    return _cap(word)


def swap_inner_quotes(title: str) -> str:
    """Double quotes inside a title become single once the title itself is quoted."""
    title = title.replace("“", "‘").replace("”", "’")
    parts = title.split('"')
    if len(parts) % 2 == 1 and len(parts) > 1:
        title = "".join(
            part + ("‘" if i % 2 == 0 else "’") if i < len(parts) - 1 else part
            for i, part in enumerate(parts)
        )
    return title


def clean_title(title: str) -> str:
    """Whitespace collapsed and a single trailing full stop removed (styles add theirs)."""
    text = " ".join(title.split())
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def short_title(title: str, words: int = 4) -> str:
    """The first few words of a title (before any subtitle) for in-text citations."""
    main = re.split(r":\s", title, maxsplit=1)[0]
    kept = main.split()
    if len(kept) <= words:
        return main
    # Cut at a word boundary, and not after "of"/"for": "We Demand Justice", not
    # "We Demand Justice for".
    shown = kept[:words]
    while len(shown) > 1 and shown[-1].lower().strip(",;:") in _MLA_MINOR:
        shown.pop()
    return " ".join(shown).rstrip(",;:—–-")


# --------------------------------------------------------------------------- punctuation


@dataclass
class Block:
    """One element of a citation; ``attach`` joins it to the previous with a space only."""

    segments: list[Segment]
    attach: bool = False


def _text_end(segments: list[Segment]) -> str:
    for seg in reversed(segments):
        if seg.text:
            return seg.text
    return ""


def close(segments: list[Segment], punct: str) -> list[Segment]:
    """Append "." or "," the way American styles do.

    Inside a closing quotation mark; not at all after "?" or "!"; no second full stop
    after an abbreviation ("Jr.", "N."), but a comma after one ("n.d.,").
    """
    if not punct:
        return list(segments)
    end = _text_end(segments)
    if not end:
        return list(segments)
    result = list(segments)
    if end.endswith("”") and punct in ".,":
        before = end[:-1]
        if before.endswith(("?", "!")) or (punct == "." and before.endswith(".")):
            return result
        last = max(i for i, seg in enumerate(result) if seg.text)
        seg = result[last]
        result[last] = Segment(seg.text[:-1] + punct + "”", seg.italic)
        return result
    if end.endswith(("?", "!")):
        return result
    if punct == "." and end.endswith("."):
        return result
    result.append(Segment(punct))
    return result


def join_blocks(blocks: list[Block], sep: str, end: str) -> list[Segment]:
    """Blocks joined by ``sep`` plus a space, the last closed with ``end``."""
    blocks = [b for b in blocks if _text_end(b.segments)]
    out: list[Segment] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        segs = list(block.segments)
        if nxt is None:
            segs = close(segs, end)
        elif not nxt.attach:
            segs = close(segs, sep)
        out.extend(segs)
        if nxt is not None:
            out.append(Segment(" "))
    return out
