"""Hostile corpus: every importer, the search box and the dossier against bad input.

``catena import-metadata`` and ``catena import-archive`` get their own corpus
(``hostile_metadata_cases``, ``hostile_archive_cases``): malformed values, wrong types,
huge and absurd numbers, edited audit trails, missing objects, zip tricks. Each must
end with exit code 2 and one line naming what is wrong, and the catalogue must be
exactly as before: the same rows in every table, the same audit head, the same objects.

Each generated file (``hostile_cases``) goes through the real import pipeline into one
catalogue. Every one must end as imported, duplicate or failed with a single clear
line — never an exception, a traceback or an internal error text — and whatever was
imported must be clean text whose original hashes right. The search box gets markup,
quotes and SQL-ish input: a search or one sentence. The dossier gets markup in every
text field a user or a source controls and must print it literally (checked by text
extraction), embedding no file it was not given.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.base import Base
from db.catalogue import Catalogue
from db.documents import update_metadata
from db.images import attach_image, update_image
from db.models import Document, Event, Image
from db.people import create_agent
from db.tags import add_tag
from desktop.dossier.build import DossierError, DossierSpec, build_dossier
from desktop.dossier.escape import clean
from desktop.exchange import export
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import build_rich_catalogue
from tests.reliability.helpers import assert_one_line_message
from tests.reliability.hostile_archive_cases import archive_cases
from tests.reliability.hostile_cases import (
    DOSSIER_PAYLOADS,
    SEARCH_INPUTS,
    ZIP_SLIP_TARGET,
    all_cases,
)
from tests.reliability.hostile_metadata_cases import metadata_cases

CASES = all_cases()
METADATA_CASES = metadata_cases()
ARCHIVE_CASES = archive_cases()
STATUSES = {"imported", "possible duplicate", "duplicate", "failed", "skipped"}
INTERNAL = re.compile(r"Traceback|could not be catalogued|\[SQL:|sqlalche\.me|\b\w+Error:")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogue]:
    folder = tmp_path_factory.mktemp("hostile") / "Hostile.catena"
    catalogue = Catalogue.open(folder, create=True, actor="tester", daily_backup=False)
    yield catalogue
    catalogue.close()


def _one_line(reason: str | None) -> None:
    assert reason and reason.strip(), "a failure needs a reason"
    assert "\n" not in reason and "\r" not in reason, repr(reason)
    assert len(reason) <= 400, reason
    assert not INTERNAL.search(reason), reason


@pytest.mark.parametrize(
    ("name", "data", "expect"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_importer_meets_hostile_file(
    name: str, data: bytes, expect: Any, corpus: Catalogue, tmp_path: Path
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    report = import_paths(corpus, [source], options=ImportOptions(suggest=True))
    assert len(report.outcomes) == 1
    outcome = report.outcomes[0]
    assert outcome.status in STATUSES
    if outcome.status in ("failed", "skipped"):
        _one_line(outcome.reason)
    document = None
    if outcome.status in ("imported", "possible duplicate"):
        assert outcome.sha256 and corpus.objects.hash_of(outcome.sha256) == outcome.sha256
        with corpus.reading() as session:
            document = session.execute(
                select(Document).where(Document.ref == outcome.ref)
            ).scalar_one_or_none()
            image = session.execute(select(Image).where(Image.ref == outcome.ref)).scalar()
            assert document is not None or image is not None
            if document is not None:
                for value in (document.text, document.title or "", *document.authors):
                    value.encode("utf-8")  # no lone surrogates: storable, printable
                    assert "\x00" not in value
                _children_are_sound(session, corpus, document)
    if expect is not None:
        expect(outcome, document)
    assert not Path("/tmp", Path(ZIP_SLIP_TARGET).name).exists()


def _children_are_sound(session: Any, catalogue: Catalogue, letter: Document) -> None:
    for child in session.execute(select(Document).where(Document.parent_id == letter.id)).scalars():
        assert child.original_sha256 is not None
        assert catalogue.objects.hash_of(child.original_sha256) == child.original_sha256


def test_cli_import_report_cannot_be_spoofed_by_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name holding a newline, a carriage return or a terminal escape must not
    forge or hide lines of the import report printed to the terminal."""
    folder = tmp_path / "names"
    folder.mkdir()
    names = [
        "one\nimported      CAT-999999  forged.txt",
        "\x1b[2J\x1b[Hwiped.txt",
        "carriage\rfailed        hidden.txt",
    ]
    for number, name in enumerate(names):
        (folder / name).write_text(f"Plain note number {number} about the flood.\n")
    catalogue = str(tmp_path / "Names.catena")
    assert main(["init", catalogue]) == 0
    capsys.readouterr()
    code = main(["import", str(folder), "-c", catalogue])
    out = capsys.readouterr().out
    assert code == 0
    assert "\x1b" not in out and "\r" not in out
    lines = out.splitlines()
    assert len(lines) == len(names) + 1, lines
    assert "CAT-999999" not in [word for line in lines for word in line.split()][:2]


# --- the search box ----------------------------------------------------------------------


def _search_ids() -> list[str]:
    ids = []
    for number, text in enumerate(SEARCH_INPUTS):
        shown = re.sub(r"[^A-Za-z0-9]+", "_", text)[:24].strip("_") or "punct"
        ids.append(f"q{number:02d}-{shown}")
    return ids


@pytest.fixture(scope="module")
def searchable(corpus: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    folder = tmp_path_factory.mktemp("searchable")
    for number in range(3):
        (folder / f"s{number}.txt").write_text(
            f"Flood report {number}: about 40 boats left, said O'Brien. 100% sure.\n"
        )
    import_paths(corpus, [folder])
    return corpus


@pytest.mark.parametrize("text", SEARCH_INPUTS, ids=_search_ids())
def test_search_input_is_a_search_or_one_clear_sentence(text: str, searchable: Catalogue) -> None:
    try:
        from db.search.query import parse_query
        from db.search.syntax import QuerySyntaxError
    except ImportError:  # no search box yet: a dossier by query must say so in a line
        with pytest.raises(DossierError) as refused:
            build_dossier(searchable, DossierSpec(query=text))
        _one_line(str(refused.value))
        return
    try:
        parse_query(text)
    except QuerySyntaxError as exc:
        _one_line(str(exc))
    try:
        from db.search.run import search
    except ImportError:
        return
    with searchable.reading() as session:
        try:
            result = search(session, text, limit=20)
        except QuerySyntaxError as exc:
            _one_line(str(exc))
            assert not re.search(r"fts5|MATCH|sqlite|syntax error near", str(exc)), str(exc)
        else:
            assert all(hit.ref.startswith(("CAT-", "IMG-")) for hit in result.hits)


# --- the dossier -------------------------------------------------------------------------

LOCAL_SIZE = (37, 23)  # an image on disk with this size must never appear in a dossier


@pytest.fixture(scope="module")
def local_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from PIL import Image as PILImage

    path = tmp_path_factory.mktemp("local") / "private.png"
    PILImage.new("RGB", LOCAL_SIZE, (250, 0, 0)).save(path)
    return path


def _squash(value: str) -> str:
    """Text as extraction can compare it: no white space (lines wrap), no format
    characters (bidi marks are not drawn) and no replacement marks."""
    return "".join(
        c
        for c in unicodedata.normalize("NFC", value)
        if not c.isspace() and unicodedata.category(c) != "Cf" and c != "\ufffd"
    )


def _pdf_text_and_image_sizes(pdf: bytes) -> tuple[str, list[tuple[int, int]]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    texts, sizes = [], []
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        for image in page.images:
            sizes.append(image.image.size if image.image is not None else (0, 0))
    return "\n".join(texts), sizes


@pytest.mark.parametrize(
    "payload", list(DOSSIER_PAYLOADS.values()), ids=list(DOSSIER_PAYLOADS.keys())
)
def test_dossier_prints_markup_literally_and_embeds_nothing(
    payload: str, corpus: Catalogue, local_file: Path, tmp_path: Path
) -> None:
    from PIL import Image as PILImage

    payload = payload.replace("{LOCALFILE}", str(local_file))
    stem = "On 3 March 2021 about 40 people came, said Anna Petrova."
    # The payload comes after the first kilobyte, which content sniffing reads (a text
    # that mentions "%PDF-" early is a separate case in the importer corpus).
    preface = "A preface paragraph that sets the scene for the record. " * 20
    body = f"{preface}\n\n{stem} B1 {payload} end.\n\nA second paragraph, for the record.\n"
    source = tmp_path / "dossier-source.txt"
    source.write_text(body + f"{tmp_path.name}\n", encoding="utf-8")
    picture = tmp_path / "plate.png"
    shade = zlib.crc32(payload.encode("utf-8", "surrogatepass"))
    plate = PILImage.new("RGB", (50, 40), (shade % 256, (shade >> 8) % 256, (shade >> 16) % 256))
    plate.save(picture)
    report = import_paths(corpus, [source, picture], options=ImportOptions(suggest=False))
    assert report.failed == 0, [o.describe() for o in report.outcomes]
    ref, image_ref = report.outcomes[0].ref, report.outcomes[1].ref
    assert ref and image_ref
    fields = {
        "title": f"T1 {payload}",
        "publisher": f"P2 {payload}",
        "author": f"A3 {payload}",
        "notes": f"N4 {payload}",
        "dateline": f"L5 {payload}",
        "date tag": f"W6 {payload}",
        "figure tag": f"C7 {payload}",
        "person": f"M8 {payload}",
        "caption": f"K9 {payload}",
        "credit": f"R0 {payload}",
        "body": f"B1 {payload}",
    }
    with corpus.writing() as session:
        update_metadata(
            session,
            ref=ref,
            changes={
                "title": fields["title"],
                "publisher": fields["publisher"],
                "authors": [fields["author"]],
                "notes": fields["notes"],
                "dateline": fields["dateline"],
            },
            actor="tester",
        )
        document = session.execute(select(Document).where(Document.ref == ref)).scalar_one()
        text = document.text

        def span(needle: str) -> tuple[int, int]:
            start = text.index(needle)
            return start, start + len(needle)

        add_tag(
            session,
            kind="date",
            document=document,
            start=span("3 March 2021")[0],
            end=span("3 March 2021")[1],
            values={"edtf": "2021-03-03", "what": fields["date tag"]},
            actor="tester",
        )
        add_tag(
            session,
            kind="figure",
            document=document,
            start=span("40 people")[0],
            end=span("40 people")[1],
            values={"value": 40, "qualifier": "about", "counted": fields["figure tag"]},
            actor="tester",
        )
        agent = create_agent(
            session, name=fields["person"], description=f"D {payload}", actor="tester"
        )
        add_tag(
            session,
            kind="mention",
            document=document,
            start=span("Anna Petrova")[0],
            end=span("Anna Petrova")[1],
            values={"name": fields["person"], "role": "quoted", "agent_id": agent.id},
            actor="tester",
        )
        attach_image(session, image_ref=image_ref, document_ref=ref, actor="tester")
        update_image(
            session,
            ref=image_ref,
            changes={"caption": fields["caption"], "credit": fields["credit"]},
            actor="tester",
        )
    spec = DossierSpec(
        title=f"D0 {payload}",
        subtitle=f"S1 {payload}",
        compiler=f"X2 {payload}",
        refs=(ref,),
        reproducible=True,
    )
    fields.update({"dossier title": spec.title, "subtitle": spec.subtitle or ""})
    pdf = build_dossier(corpus, spec)
    printed, sizes = _pdf_text_and_image_sizes(pdf)
    squashed = _squash(printed)
    missing = [label for label, value in fields.items() if _squash(clean(value)) not in squashed]
    assert missing == [], f"not printed literally: {missing}"
    assert LOCAL_SIZE not in sizes, "a file named in the text was embedded"
    assert (50, 40) in sizes or any(w * 40 == h * 50 for w, h in sizes), sizes


# --- import-metadata and import-archive ----------------------------------------------------


@pytest.fixture(scope="module")
def exchange_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue with documents, tags, images, collections and an audit trail."""
    root = tmp_path_factory.mktemp("exchange")
    build_rich_catalogue(root / "Rich.catena", root / "work")
    return root / "Rich.catena"


@pytest.fixture(scope="module")
def good_archive(exchange_catalogue: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "good"
    with Catalogue.open(exchange_catalogue, daily_backup=False) as catalogue:
        export(catalogue, format="catena-archive", selection=None, output=out)
    return out


@pytest.fixture(scope="module")
def empty_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "Empty.catena"
    Catalogue.open(path, create=True, actor="tester", daily_backup=False).close()
    return path


def catalogue_state(path: Path) -> tuple[dict[str, int], str | None, list[str]]:
    """Row counts of every table, the audit trail's head hash and the stored objects."""
    with Catalogue.open(path, daily_backup=False) as catalogue, catalogue.reading() as session:
        counts = {
            name: int(session.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in Base.metadata.tables.items()
        }
        head = session.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar()
        objects = sorted(catalogue.objects)
    return counts, head, objects


def _refused(err: str, command: str, words: tuple[str, ...]) -> None:
    line = assert_one_line_message(err, command)
    _one_line(line)
    assert "internal problem" not in line, line
    for word in words:
        assert word in line, (word, line)


@pytest.mark.parametrize(
    ("name", "data", "args", "words"),
    [c[1:] for c in METADATA_CASES],
    ids=[c[0] for c in METADATA_CASES],
)
def test_import_metadata_refuses_hostile_file(
    name: str,
    data: bytes,
    args: tuple[str, ...],
    words: tuple[str, ...],
    exchange_catalogue: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    before = catalogue_state(exchange_catalogue)
    capsys.readouterr()
    code = main(["import-metadata", str(source), "--create", "-c", str(exchange_catalogue), *args])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    _refused(err, "import-metadata", words)
    assert catalogue_state(exchange_catalogue) == before


def test_the_untouched_archive_imports(good_archive: Path, tmp_path: Path) -> None:
    """The archive every attack starts from is sound: refusals come from the attacks."""
    target = tmp_path / "Copy.catena"
    assert main(["init", str(target)]) == 0
    assert main(["import-archive", str(good_archive), "-c", str(target)]) == 0
    counts, head, objects = catalogue_state(target)
    assert counts["documents"] == 7 and head is not None and objects


@pytest.mark.parametrize(
    ("attack", "words"), [c[1:] for c in ARCHIVE_CASES], ids=[c[0] for c in ARCHIVE_CASES]
)
def test_import_archive_refuses_hostile_archive(
    attack: Any,
    words: tuple[str, ...],
    good_archive: Path,
    empty_catalogue: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(good_archive, folder, symlinks=True)
    target = attack(folder)
    before = catalogue_state(empty_catalogue)
    capsys.readouterr()
    code = main(["import-archive", str(target), "-c", str(empty_catalogue)])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    _refused(err, "import-archive", words)
    after = catalogue_state(empty_catalogue)
    assert after == before
    counts, head, objects = after
    assert not any(counts.values()) and head is None and objects == []
