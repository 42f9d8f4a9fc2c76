"""Hostile catalogue text: markup that must print literally, never act, and fields so
large they could stall or break the layout."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from desktop.dossier import escape as esc
from desktop.dossier.data import (
    ChronologyEntry,
    DocumentEntry,
    DossierData,
    Excerpt,
    FigureComparison,
    FigureValue,
    OriginalFile,
    PassageRef,
    Pinpoint,
    Plate,
    Segment,
    TaggedSpan,
    Witness,
)
from desktop.dossier.render import render

from .test_dossier_render import all_text, image_xobjects, page_texts, reader, squash
from .test_dossier_render_sample import GENERATED, make_map, make_photo

# ----------------------------------------------------------------------- escaping

HOSTILE = (
    '<img src="{png}"/> <font color="red" size="40">BIG</font> & &amp; &nbsp; &#x41; '
    '<b>unclosed <i>tags</b> </para> <a href="#x1">jump</a> <a name="d1"/> '
    '<onDraw name="drawTOCEntryEnd" label="1,0,None"/> 5 < 6 > 4 <br/> <u>u</u>'
)


def test_markup_in_catalogue_text_prints_literally(tmp_path: Path) -> None:
    png = make_map(tmp_path / "evil.png")
    with Image.open(png) as im:
        evil_size = im.size
    hostile = HOSTILE.format(png=png)
    photo = make_photo(tmp_path / "ok.jpg", (300, 200))
    text = "Start. " + hostile + " End."
    data = DossierData(
        title="Hostile " + hostile,
        subtitle=hostile,
        compiler="<b>me</b> & you",
        generated_at=GENERATED,
        selection=hostile,
        catalogue_name="<i>cat</i>",
        keywords=("<x>",),
        documents=(
            DocumentEntry(
                key="k<1>",
                short_title="Doc " + hostile,
                citation=(Segment(hostile), Segment(hostile, italic=True)),
                reference_code=hostile,
                doc_type=hostile,
                publisher=hostile,
                date=hostile,
                dateline=hostile,
                url=f'javascript:alert(1)" <a href="{png}">',
                excerpts=(
                    Excerpt(
                        key='"><a name="x1"/>',
                        text=text,
                        pinpoint=Pinpoint(0, len(text), paragraph=1),
                        spans=(
                            TaggedSpan(0, 5, "person<script>", hostile),
                            TaggedSpan(7, 30, "date"),
                        ),
                        note=hostile,
                    ),
                ),
                notes=(hostile,),
            ),
        ),
        witnesses=(
            Witness(
                hostile,
                variants=(hostile,),
                roles=(hostile,),
                description=hostile,
                passages=(PassageRef('"><a name="x1"/>', hostile, hostile),),
            ),
        ),
        chronology=(ChronologyEntry(hostile, hostile, hostile, '"><a name="x1"/>'),),
        figures=(
            FigureComparison(
                hostile, (FigureValue(1, "k<1>", as_written=hostile, published=hostile),)
            ),
        ),
        plates=(
            Plate(
                photo,
                hostile,
                credit=hostile,
                rights=hostile,
                exif_date=hostile,
                source_reference=hostile,
                sha256=hostile,
            ),
        ),
        bibliography=((Segment(hostile), Segment(hostile, italic=True)),),
        originals=(OriginalFile(hostile, 1, hostile, hostile),),
    )
    pdf = render(data)
    text_out = all_text(pdf)
    # The markup is printed, character for character (whitespace aside).
    for fragment in (
        f'<img src="{png}"/>',
        '<font color="red" size="40">BIG</font>',
        "& &amp; &nbsp; &#x41;",
        "<b>unclosed <i>tags</b> </para>",
        '<a href="#x1">jump</a>',
        "5 < 6 > 4 <br/> <u>u</u>",
    ):
        assert text_out.count(squash(fragment)) >= 10, fragment
    assert "<b>me</b> & you" in text_out
    assert "<i>cat</i>" in text_out
    # Only the dossier's own plate is embedded: the <img> in the text embedded nothing.
    found = image_xobjects(pdf)
    assert len(found) == 1
    (img,) = found.values()
    assert (img["/Width"], img["/Height"]) == (300, 200) != evil_size
    meta = reader(pdf).metadata
    assert meta.title == "Hostile " + hostile
    assert meta.author == "<b>me</b> & you"


def test_escape_functions() -> None:
    assert esc.text('<a href="x">&amp;</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"
    assert esc.lines("a\r\nb\rc") == "a<br/>b<br/>c"
    assert esc.text("a\nb\tc") == "a b c"
    assert esc.text("bell\x07 nul\x00 lone\ud800") == "bell\ufffd nul\ufffd lone\ufffd"
    assert esc.shorten("abcdef", 3) == "abc… [truncated: 6 characters; full text in the catalogue]"


# ------------------------------------------------------------------ robustness


def test_huge_texts_do_not_break_layout(tmp_path: Path) -> None:
    words = ("Qaraçay sel suyu " * 20000)[:200_000]  # one 200,000-character paragraph
    blob = "x" * 200_000  # and one without a single space
    spans = (TaggedSpan(0, 7, "place"), TaggedSpan(199_000, 199_010, "figure", "late tag"))
    data = DossierData(
        title="L" * 5000,
        compiler="C" * 3000,
        generated_at=GENERATED,
        selection="q " * 5000,
        sections=("cover", "contents", "documents", "witnesses", "chronology", "fixity"),
        documents=(
            DocumentEntry(
                key="big",
                short_title="T" * 3000,
                citation=(Segment("S " * 3000),),
                url="https://example.org/" + "a" * 5000,
                excerpts=(
                    Excerpt("e1", words, Pinpoint(0, len(words), paragraph=1), spans),
                    Excerpt("e2", blob, Pinpoint(0, len(blob), page=2)),
                ),
                notes=(words[:90_000],),
            ),
        ),
        witnesses=(Witness("W " * 2000, passages=(PassageRef("e1", quote="q" * 50_000),)),),
        chronology=tuple(
            ChronologyEntry(f"1998-05-{i % 28 + 1:02d}", f"day {i}", "word " * 400, "e1")
            for i in range(130)
        ),
        originals=tuple(
            OriginalFile(f"file-{i}.pdf" + "n" * 600, i, "2024-01-01", "0" * 64) for i in range(130)
        ),
    )
    pdf = render(data)
    pages = page_texts(pdf)
    assert len(pages) > 40
    text = squash(" ".join(pages))
    assert "characters omitted" in text
    assert "late tag" in text
    assert "characters; full text in the catalogue]" in text
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
