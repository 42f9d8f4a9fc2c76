"""Personal names as reference managers expect them: honorifics are not given names.

The catalogue keeps a recipient or byline exactly as the document gives it ("Judge
Brandt"). The dossier's own splitter (``desktop.dossier.citation_model``) decides family
and given parts; this module only asks nameparser (a maintained parser with a curated
list of titles in many forms: "Judge", "Dr.", "President", "Sister" …) whether the name
opens with a title, and takes that title out of the given name before export.

CSL names have no part for an honorific (``suffix`` is for "Jr." and "III", and is
printed after the name: "Brandt, Judge" would read as a generational suffix), and
biblatex names have none either, so the title is left out of the exported name. The
catalogue still holds the full text; "Judge Brandt" exports as family "Brandt".
"""

from __future__ import annotations

from nameparser import HumanName

from desktop.dossier.citation_model import Creator


def _title_words(text: str) -> list[str]:
    """The leading title words nameparser finds in *text* ("Judge", "Dr."), in order."""
    parsed = HumanName(text)
    if not parsed.title:
        return []
    if not (parsed.first or parsed.middle or parsed.last):
        return []  # "Judge" alone: the title is all there is, so it is the name
    return parsed.title.split()


def without_title(creator: Creator) -> Creator:
    """*creator* with a leading honorific taken out of its given name.

    A corporate author and a name without a given part come back unchanged, and so
    does a name that would be left empty.
    """
    if creator.is_corporate or not creator.given or not creator.family:
        return creator
    titles = _title_words(creator.display())
    given_words = creator.given.split()
    if not titles or given_words[: len(titles)] != titles:
        return creator
    rest = " ".join(given_words[len(titles) :]) or None
    return Creator(family=creator.family, given=rest, suffix=creator.suffix)


def export_person(text: str) -> Creator:
    """A recipient or author from catalogue text, ready for a reference manager."""
    return without_title(Creator.parse(text))


__all__ = ["export_person", "without_title"]
