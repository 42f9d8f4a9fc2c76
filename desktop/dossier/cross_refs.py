"""Cross-references inside a dossier: anchor names for documents and excerpts, and
the markup that cites them ("[D3] Title, p. 4, chars 120–187"), linked when it can be.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import escape as esc
from .data import DocumentEntry, DossierData, Excerpt, Pinpoint
from .language import _
from .styles import LINK, hex_color


@dataclass
class Refs:
    """Generated anchor names for documents and excerpts, keyed by the builder's keys.

    Anchors exist only when the documents section is printed; ``linkable`` tells the
    other sections whether they may link or must cite in plain text.
    """

    linkable: bool
    doc_number: dict[str, int] = field(default_factory=dict)
    doc_by_key: dict[str, DocumentEntry] = field(default_factory=dict)
    excerpt_anchor: dict[str, str] = field(default_factory=dict)
    excerpt_by_key: dict[str, tuple[DocumentEntry, int, Excerpt]] = field(default_factory=dict)

    @classmethod
    def build(cls, data: DossierData) -> Refs:
        refs = cls(linkable="documents" in data.sections)
        counter = 0
        for n, doc in enumerate(data.documents, start=1):
            refs.doc_number.setdefault(doc.key, n)
            refs.doc_by_key.setdefault(doc.key, doc)
            for i, ex in enumerate(doc.excerpts, start=1):
                if ex.key in refs.excerpt_by_key:
                    continue  # first occurrence wins; a key names one passage
                counter += 1
                refs.excerpt_anchor[ex.key] = f"x{counter}"
                refs.excerpt_by_key[ex.key] = (doc, i, ex)
        return refs

    @staticmethod
    def doc_anchor(number: int) -> str:
        return f"d{number}"

    def doc_label(self, key: str | None, fallback: str | None = None) -> str:
        """Escaped markup naming a document, linked to it when possible."""
        if key is not None and key in self.doc_by_key:
            n = self.doc_number[key]
            label = f"[D{n}] {esc.text(esc.shorten(self.doc_by_key[key].short_title, 160))}"
            if self.linkable:
                return f'<a href="#{self.doc_anchor(n)}" color="{hex_color(LINK)}">{label}</a>'
            return label
        return esc.text(esc.shorten(fallback, 300)) if fallback else "—"

    def excerpt_label(self, key: str | None, fallback: str | None = None) -> str:
        """Escaped markup citing an excerpt ("[D3] Title, p. 4, chars 120–187"), linked."""
        if key is not None and key in self.excerpt_by_key:
            doc, _, ex = self.excerpt_by_key[key]
            n = self.doc_number[doc.key]
            label = (
                f"[D{n}] {esc.text(esc.shorten(doc.short_title, 160))}, "
                f"{esc.text(pinpoint_text(ex.pinpoint))}"
            )
            if self.linkable:
                anchor = self.excerpt_anchor[key]
                return f'<a href="#{anchor}" color="{hex_color(LINK)}">{label}</a>'
            return label
        if fallback:
            return esc.text(esc.shorten(fallback, 300))
        return _("(passage not included in this dossier)")


def pinpoint_text(p: Pinpoint) -> str:
    """Plain pinpoint: page for PDF originals, paragraph otherwise, then the chars."""
    parts = []
    if p.page is not None:
        parts.append(_("p. {page}").format(page=p.page))
    elif p.paragraph is not None:
        parts.append(_("para. {paragraph}").format(paragraph=p.paragraph))
    parts.append(_("chars {start}–{end}").format(start=p.char_start, end=p.char_end))
    return ", ".join(parts)


__all__ = ["Refs", "pinpoint_text"]
