"""Right-to-left text: Arabic joining and display order (desktop.dossier.rtl), and
paragraphs that keep stored order in the PDF's text layer across lines and pages."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.dossier import rtl
from desktop.dossier.data import DocumentEntry, DossierData, Excerpt, Pinpoint, Segment
from desktop.dossier.render import render

from .test_dossier_render_sample import GENERATED


def test_arabic_letters_take_their_joined_forms() -> None:
    # meem initial, reh final, hah initial, beh medial, alef final
    assert rtl.shape("مرحبا") == "\ufee3\ufeae\ufea3\ufe92\ufe8e"
    assert rtl.shape("لا") == "\ufefb"  # lam-alef ligature, isolated
    assert rtl.shape("سلام") == "\ufeb3\ufefc\ufee1"  # lam-alef final after seen
    assert rtl.shape("لبنان") == "\ufedf\ufe92\ufee8\ufe8e\ufee5"  # alef ends a join
    assert rtl.shape("مَرحبا")[1] == "\u064e"  # a mark is kept and does not break joining
    assert rtl.shape("مَرحبا")[0] == "\ufee3"
    assert rtl.shape("ءa") == "ءa"  # hamza never joins: printed as stored
    assert rtl.shape("abc Ωμέγα") == "abc Ωμέγα"
    for word in ("مرحبا بالعالم", "فلان", "پیام"):  # Persian letters too
        assert unicodedata.normalize("NFKC", rtl.shape(word)) == word


def test_lines_are_put_in_display_order() -> None:
    assert rtl.display("abc שלום עולם def") == "abc םלוע םולש def"
    # Numbers after right-to-left letters keep their own order inside the run.
    assert rtl.display("abc שלום 1,992 def") == "abc 1,992 םולש def"
    assert rtl.display("abc 1992 שלום") == "abc 1992 םולש"
    # A right-to-left paragraph: the whole line reads from the right, brackets mirror.
    assert rtl.display("שלום (עולם) ok") == "ok (םלוע) םולש"
    assert rtl.base_level("«שלום» abc") == 1 and rtl.base_level("abc שלום") == 0
    assert rtl.display("plain text") == "plain text"


def test_pieces_keep_their_owner() -> None:
    runs = rtl.reorder_pieces(["see ", "שלום", " ", "עולם", ""], 0)
    assert runs == [(0, "see "), (3, "םלוע"), (2, " "), (1, "םולש"), (4, "")]


def test_joining_keeps_stored_text_where_the_library_alone_would_not() -> None:
    """arabic-reshaper would put a lam-alef ligature over a mark (copying back "لاَ"
    for "لَا"), fails on a joiner before a ligature, and has a form for U+0677 that
    copies back as two other letters; each is printed so the text layer is as stored."""
    assert rtl.shape("لَا") == "\ufedf\u064e\ufe8e"  # lam, fatha, alef: joined, no ligature
    assert rtl.shape("ب\u200d\u064eن") == "\ufe91\u200d\u064e\ufee6"  # joiner, then a mark
    assert rtl.shape("ب\u200d لا") == "\ufe91\u200d \ufefb"
    assert rtl.shape("\u0677ب") == "\u0677\ufe8f" and not rtl.can_shape("\u0677")
    assert rtl.can_shape("\u0640") and rtl.can_shape("ب")  # tatweel needs no forms
    for word in ("لَا إِلَٰهَ", "می\u200cخواهم", "الله", "ـبـ", "لآ لأ لإ"):
        forms = rtl.shape_chars(word)
        assert len(forms) == len(word)
        assert unicodedata.normalize("NFKC", "".join(forms)) == unicodedata.normalize("NFKC", word)


def test_reshaper_options_are_ours_whatever_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "reshaper.ini"
    config.write_text(
        "[ArabicReshaper]\ndelete_harakat = yes\nsupport_ligatures = no\n"
        "ARABIC LIGATURE ALLAH = yes\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE", str(config))
    reshaper = rtl._reshaper(ligatures=True)
    assert reshaper.reshape("مَ لا الله") == "\ufee1\u064e \ufefb \ufe8d\ufedf\ufee0\ufeea"


def test_every_stored_character_is_drawn_whatever_its_bidi_class() -> None:
    """Isolates and unassigned code points (which python-bidi's rules do not know) and
    the controls rule X9 sets aside (embeddings, joiners, soft hyphens) all stay in
    the drawn line: they are part of the stored text."""
    text = "a \u2067שלום\u2069 \u202bb\u202c \u200cعالم\u00ad \u0378 עולם 12 \u2066x\u2069"
    for base in (0, 1):
        assert sorted(rtl.display(text, base)) == sorted(rtl.shape(text))
        pieces = ["a ", "\u2067שלום", "\u2069 \u202bb", "", "\u202c \u200cعالم\u00ad"]
        runs = rtl.reorder_pieces(pieces, base)
        assert sorted("".join(piece for _, piece in runs)) == sorted("".join(pieces))
        for index, piece in runs:
            assert set(piece) <= set(pieces[index])


def test_numbers_follow_the_algorithm_and_stored_overrides_are_not_obeyed() -> None:
    # Arabic-Indic digits are Arabic numbers: in a right-to-left paragraph the runs
    # read from the right, each number left to right.
    assert rtl.display("שלום 123 ABC ١٢٣") == "١٢٣ ABC 123 םולש"
    # An invisible override or embedding in a stored value does not reorder what
    # prints: the words stay the stored words (and the text layer gives them back).
    for stored, shown in (
        ("\u202eevil\u202c text", "evil text"),
        ("א\u202bb c\u202cד", "אb cד"),
        ("\u202dשלום\u202c", "םולש"),
    ):
        drawn = rtl.display(stored, 0)
        assert sorted(drawn) == sorted(stored)
        assert "".join(c for c in drawn if c not in "\u202a\u202b\u202c\u202d\u202e") == shown


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
