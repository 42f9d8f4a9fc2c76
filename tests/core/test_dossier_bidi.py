"""Right-to-left text: Arabic joining and display order (desktop.dossier.bidi), and
paragraphs that keep stored order in the PDF's text layer across lines and pages."""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader

from desktop.dossier import bidi
from desktop.dossier.data import DocumentEntry, DossierData, Excerpt, Pinpoint, Segment
from desktop.dossier.render import render

from .test_dossier_render_sample import GENERATED


def test_arabic_letters_take_their_joined_forms() -> None:
    # meem initial, reh final, hah initial, beh medial, alef final
    assert bidi.shape("مرحبا") == "\ufee3\ufeae\ufea3\ufe92\ufe8e"
    assert bidi.shape("لا") == "\ufefb"  # lam-alef ligature, isolated
    assert bidi.shape("سلام") == "\ufeb3\ufefc\ufee1"  # lam-alef final after seen
    assert bidi.shape("لبنان") == "\ufedf\ufe92\ufee8\ufe8e\ufee5"  # alef ends a join
    assert bidi.shape("مَرحبا")[1] == "\u064e"  # a mark is kept and does not break joining
    assert bidi.shape("مَرحبا")[0] == "\ufee3"
    assert bidi.shape("ءa") == "ءa"  # hamza never joins: printed as stored
    assert bidi.shape("abc Ωμέγα") == "abc Ωμέγα"
    for word in ("مرحبا بالعالم", "فلان", "پیام"):  # Persian letters too
        assert unicodedata.normalize("NFKC", bidi.shape(word)) == word


def test_lines_are_put_in_display_order() -> None:
    assert bidi.display("abc שלום עולם def") == "abc םלוע םולש def"
    # Numbers after right-to-left letters keep their own order inside the run.
    assert bidi.display("abc שלום 1,992 def") == "abc 1,992 םולש def"
    assert bidi.display("abc 1992 שלום") == "abc 1992 םולש"
    # A right-to-left paragraph: the whole line reads from the right, brackets mirror.
    assert bidi.display("שלום (עולם) ok") == "ok (םלוע) םולש"
    assert bidi.base_level("«שלום» abc") == 1 and bidi.base_level("abc שלום") == 0
    assert bidi.display("plain text") == "plain text"


def test_pieces_keep_their_owner() -> None:
    runs = bidi.reorder_pieces(["see ", "שלום", " ", "עולם", ""], 0)
    assert runs == [(0, "see "), (3, "םלוע"), (2, " "), (1, "םולש"), (4, "")]


def test_right_to_left_paragraph_over_several_pages_keeps_stored_order() -> None:
    """Lines are reordered only when drawn: the split across pages stays in stored
    order, so every page's text layer reads back as stored."""
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    words = [letters[n // 22 % 22] + letters[n % 22] + "ם" for n in range(1500)]
    text = " ".join(words)
    quote = Excerpt("e", text, Pinpoint(0, len(text), paragraph=1))
    data = DossierData(
        title="RTL",
        compiler="C",
        generated_at=GENERATED,
        sections=("documents",),
        documents=(DocumentEntry("d", "Doc", (Segment("Doc"),), excerpts=(quote,)),),
    )
    pages = PdfReader(io.BytesIO(render(data))).pages
    assert len(pages) >= 3
    flat = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pages))
    found = re.findall(r"[א-ת]{2}ם", flat)
    assert found == words
