"""A rich catalogue for the exchange tests, built once per session and copied per test.

It holds the four sample documents (three with their suggestions accepted, one left
with open suggestions, one tag rejected), a hostile document whose text, metadata and
tags are full of characters every format must escape, two Pillow-made images attached
to documents, a nested collection, keywords, a saved search, a dossier definition, a
figure that is part of another, a document with a parent, a trashed document and a
metadata-only record. The other ``test_exchange_*`` modules import these fixtures by
their ``*_fixture`` function names, so a parameter ``rich`` shadows no imported name.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image as PILImage
from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import add_metadata_only, trash_document, update_metadata
from db.images import attach_image, update_image
from db.models import (
    Collection,
    DateTag,
    Document,
    DossierDefinition,
    Figure,
    Keyword,
    SavedSearch,
)
from db.suggested_tags import accept_suggestions
from db.tags import add_tag, update_tag
from desktop.core.resources import sample_paths
from desktop.ingest.pipeline import ImportOptions, import_paths

HOSTILE_TEXT = (
    'Hostile sample, with "quotes" & <tags>\n'
    "\n"
    "On 3 May 1911 at least 40 boats were lost, said Anna <Smith> & Co.\n"
    'She wrote: "stop, now", {braces} 100% $x #1 _u ^ ~ \\back\n'
    "=SUM(A1:A2)\n"
    "+1 -2 @cmd\n"
)
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","click") & <b>"Quotes", commas</b> {x} 50%'
HOSTILE_PUBLISHER = '@Evil, "Press" & Co. <x> #1'
HOSTILE_AUTHORS = ['Anna "Nan" Smith', "Brandt, Judith"]
HOSTILE_NOTES = 'line one\nline two, with "quotes", {braces} and\n=formula & <b>'
HOSTILE_URL = "https://example.org/a?b=1&c=<2>#frag"
HOSTILE_ACCESSED = "2025-03-03"
HOSTILE_CAPTURER = 'Ana "Lima" <archivist> & Co'
FILE_GUESS = {
    "field": "published",
    "value": "2019-05-02",
    "source": "PDF /CreationDate",
    "confidence": "low",
}
COLLECTION = "Inquiry"
SUB_COLLECTION = 'Letters & <Replies> "2"'


def _png(path: Path, colour: tuple[int, int, int]) -> Path:
    PILImage.new("RGB", (48, 32), colour).save(path)
    return path


def build_rich_catalogue(folder: Path, work: Path) -> None:
    """Create the rich catalogue at *folder* (scratch files go under *work*)."""
    work.mkdir(parents=True, exist_ok=True)
    hostile = work / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    extra = work / "trashed.txt"
    extra.write_text("A note to be thrown away\n\nNothing here.\n", encoding="utf-8")
    images = work / "images"
    images.mkdir(exist_ok=True)
    _png(images / "plate one.png", (200, 30, 30))
    _png(images / "Табличка №2.png", (30, 30, 200))
    with Catalogue.open(folder, create=True, actor="tester") as catalogue:
        import_paths(catalogue, sample_paths())
        import_paths(catalogue, [hostile, extra], options=ImportOptions(suggest=False))
        import_paths(catalogue, [images])
        with catalogue.writing() as session:
            documents = {d.ref: d for d in session.scalars(select(Document))}
            for ref in ("CAT-000001", "CAT-000002", "CAT-000003"):
                accept_suggestions(session, document=documents[ref], actor="tester")
            first = documents["CAT-000001"]
            figures = sorted(first.figures, key=lambda f: f.start)
            update_tag(
                session,
                kind="figure",
                tag_id=figures[1].id,
                changes={"part_of_id": figures[0].id, "note": 'same dead, "restated"'},
                actor="tester",
            )
            date = sorted(first.dates, key=lambda d: d.start)[-1]
            update_tag(
                session, kind="date", tag_id=date.id, changes={"status": "rejected"}, actor="tester"
            )

            hostile_doc = documents["CAT-000005"]
            update_metadata(
                session,
                ref=hostile_doc.ref,
                changes={
                    "title": HOSTILE_TITLE,
                    "publisher": HOSTILE_PUBLISHER,
                    "authors": HOSTILE_AUTHORS,
                    "notes": HOSTILE_NOTES,
                    "url": HOSTILE_URL,
                    "accessed": HOSTILE_ACCESSED,
                    "captured_by": HOSTILE_CAPTURER,
                    "doc_type": "news article",
                    "published": "1911-05-03",
                    "dateline": "Port <Halvern> & Sea",
                    "language": "en",
                },
                actor="tester",
            )
            # What a PDF's own metadata offered: kept apart, carried by every format.
            documents["CAT-000004"].file_guesses = [FILE_GUESS]
            text = hostile_doc.text

            def span(quote: str) -> tuple[int, int]:
                start = text.index(quote)
                return start, start + len(quote)

            for kind, quote, values, status in (
                (
                    "date",
                    "3 May 1911",
                    {"edtf": "1911-05-03", "what": 'boats <lost> & "sunk"'},
                    "accepted",
                ),
                (
                    "figure",
                    "at least 40 boats",
                    {
                        "value": 40.0,
                        "qualifier": "at least",
                        "counted": "boats",
                        "category": 'lost, "at sea"',
                    },
                    "accepted",
                ),
                (
                    "mention",
                    "Anna <Smith> & Co.",
                    {"name": "Anna <Smith> & Co.", "role": "quoted", "is_organisation": True},
                    "accepted",
                ),
                ("figure", "100%", {"value": 100.0, "counted": "percent {sure}"}, "suggested"),
                ("date", "=SUM(A1:A2)", {"edtf": "1911-05-03?", "what": "=cmd"}, "accepted"),
                (
                    "mention",
                    '"stop, now"',
                    {"name": '"stop, now"', "role": "mentioned"},
                    "rejected",
                ),
            ):
                start, end = span(quote)
                tag, _ = add_tag(
                    session,
                    kind=kind,
                    document=hostile_doc,
                    start=start,
                    end=end,
                    values=values,
                    status=status,
                    actor="tester",
                )
                if kind == "mention" and status == "accepted":
                    from db.people import link_mention

                    link_mention(session, mention=tag, actor="tester")
            hostile_doc.mentions[0].note = 'note with\nnewline, "quote" & <b>'

            images_by_file = {}
            from db.models import Image

            for image in session.scalars(select(Image)):
                images_by_file[image.original_filename] = image
            plate, table = images_by_file["plate one.png"], images_by_file["Табличка №2.png"]
            attach_image(session, image_ref=plate.ref, document_ref="CAT-000001", actor="tester")
            attach_image(session, image_ref=table.ref, document_ref="CAT-000001", actor="tester")
            attach_image(session, image_ref=table.ref, document_ref="CAT-000005", actor="tester")
            update_image(
                session,
                ref=plate.ref,
                changes={"caption": 'Dam <wall> & "sluice"', "credit": "Gazette"},
                actor="tester",
            )

            inquiry = Collection(name=COLLECTION, description="All the inquiry's papers & <notes>")
            letters = Collection(name=SUB_COLLECTION, parent=inquiry, description=None)
            deeper = Collection(name="Replies to letters", parent=letters)
            session.add_all([inquiry, letters, deeper])
            inquiry.documents.extend([documents["CAT-000001"], documents["CAT-000004"]])
            letters.documents.extend([documents["CAT-000003"], hostile_doc])
            deeper.documents.append(documents["CAT-000002"])
            dam, hostile_kw = Keyword(name="dam"), Keyword(name='=kw, "odd" & <x>')
            session.add_all([dam, hostile_kw])
            documents["CAT-000001"].keywords.append(dam)
            hostile_doc.keywords.extend([dam, hostile_kw])
            session.add(SavedSearch(name="Dead", query='killed OR "dead"'))
            session.add(
                DossierDefinition(
                    name="Inquiry dossier", definition={"title": "Inquiry", "refs": ["CAT-000001"]}
                )
            )
            documents["CAT-000004"].parent_id = documents["CAT-000003"].id
            documents["CAT-000002"].possible_duplicate_of_id = documents["CAT-000001"].id
            session.flush()
            trash_document(session, ref="CAT-000006", actor="tester")
            add_metadata_only(session, actor="tester")
            session.flush()
            assert session.scalar(select(DateTag).where(DateTag.status == "rejected")) is not None
            assert session.scalar(select(Figure).where(Figure.part_of_id.is_not(None))) is not None


_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session", name="rich_template")
def rich_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Each module that imports this fixture gets its own fixture definition; the cache
    # makes the catalogue be built once per test session all the same.
    if "rich" not in _BUILT:
        root = tmp_path_factory.mktemp("exchange")
        build_rich_catalogue(root / "Rich.catena", root / "work")
        _BUILT["rich"] = root / "Rich.catena"
    return _BUILT["rich"]


@pytest.fixture(name="rich_path")
def rich_path_fixture(rich_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "Rich.catena"
    shutil.copytree(rich_template, target)
    return target


@pytest.fixture(name="rich")
def rich_fixture(rich_path: Path) -> Iterator[Catalogue]:
    with Catalogue.open(rich_path, actor="tester", daily_backup=False) as catalogue:
        yield catalogue


def hostile_document(catalogue: Catalogue) -> Document:
    with catalogue.reading() as session:
        document = session.scalar(select(Document).where(Document.ref == "CAT-000005"))
        assert document is not None
        _ = (document.text, list(document.mentions), list(document.dates), list(document.figures))
        return document


def test_rich_catalogue_holds_what_the_exchange_tests_rely_on(rich: Catalogue) -> None:
    with rich.reading() as session:
        refs = {d.ref: d for d in session.scalars(select(Document))}
        assert set(refs) == {f"CAT-{n:06d}" for n in range(1, 8)}
        assert refs["CAT-000005"].title == HOSTILE_TITLE
        assert refs["CAT-000006"].deleted_at is not None
        assert refs["CAT-000007"].original_sha256 is None
        assert len(refs["CAT-000001"].images) == 2
        statuses = {t.status for d in refs.values() for t in [*d.dates, *d.figures, *d.mentions]}
        assert statuses == {"accepted", "suggested", "rejected"}
