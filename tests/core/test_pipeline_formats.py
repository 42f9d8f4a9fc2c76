"""The pipeline with real formats: near duplicates, images, e-mail attachments, and
hostile files that must leave nothing behind."""

from __future__ import annotations

import io
from email.message import EmailMessage
from pathlib import Path

from PIL import Image as PILImage
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.models import Blob, Document, Image
from desktop.ingest.pipeline import import_paths

ARTICLE = (
    "The river authority confirmed on Tuesday that the northern levee had been breached in "
    "two places after three days of rain. Engineers from the provincial office said the "
    "breach was first noticed by a ferry pilot at dawn, who alerted the harbour master. "
    "According to the authority, 1,200 households were moved to higher ground and four "
    "schools were turned into shelters. Repairs are expected to take at least six weeks, "
    "and the authority has asked residents not to return before the water has receded."
)
OTHER = (
    "The city council approved a new budget for public libraries on Monday evening, adding "
    "two mobile reading vans and extending opening hours on weekends. The library director "
    "said that borrowing had risen by a fifth since the pandemic and that the reading rooms "
    "were often full on Saturdays. Critics on the council argued the money should go to "
    "road repairs instead, but the measure passed by eleven votes to four after a long debate."
)


def _jpeg(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (120, 90, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_same_article_with_other_furniture_is_a_possible_duplicate(
    catalogue: Catalogue, write_texts
) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts(
        {
            "a_saved.txt": "Levee breached\n\n" + ARTICLE + "\n",
            "b_saved_again.txt": "Levee breached\n\nShare  Print  Subscribe\n\n"
            + ARTICLE
            + "\n\n#flood #river\n",
            "c_other.txt": "Library budget\n\n" + OTHER + "\n",
        }
    )
    report = import_paths(catalogue, [folder])
    statuses = {Path(o.path).name: (o.status, o.duplicate_of) for o in report.outcomes}
    assert statuses == {
        "a_saved.txt": ("imported", None),
        "b_saved_again.txt": ("possible duplicate", "CAT-000001"),
        "c_other.txt": ("imported", None),
    }
    with catalogue.reading() as session:
        doc = session.scalars(select(Document).where(Document.ref == "CAT-000002")).one()
        assert doc.possible_duplicate_of_id is not None
        assert "possible duplicate" in doc.flags


def test_images_become_image_records_with_thumbnails(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    folder = write_texts({"scan.jpg": _jpeg(), "copy.jpg": _jpeg()})
    report = import_paths(catalogue, [folder])
    assert [(o.status, o.ref, o.duplicate_of) for o in report.outcomes] == [
        ("imported", "IMG-000001", None),
        ("duplicate", None, "IMG-000001"),
    ]
    with catalogue.reading() as session:
        image = session.scalars(select(Image)).one()
        assert (image.width, image.height, image.format) == (64, 48, "JPEG")
        assert image.thumbnail_sha256 and catalogue.objects.exists(image.thumbnail_sha256)
        assert catalogue.objects.read(image.sha256) == (folder / "scan.jpg").read_bytes()


def test_email_attachments_are_linked_originals(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    message = EmailMessage()
    message["From"] = "Warden Office <wardens@example.org>"
    message["To"] = "Commission <inquiry@example.org>"
    message["Subject"] = "Inspection notes, spring 1987"
    message["Date"] = "Tue, 21 Apr 1987 10:00:00 +0100"
    message.set_content("Dear Commission,\n\nPlease find our notes and a photograph attached.\n")
    message.add_attachment(
        b"Notes from the inspection of 18 September 1986.\n",
        maintype="text",
        subtype="plain",
        filename="notes.txt",
    )
    message.add_attachment(_jpeg(), maintype="image", subtype="jpeg", filename="crack.jpg")
    folder = write_texts({"letter.eml": message.as_bytes()})
    report = import_paths(catalogue, [folder])
    assert [o.status for o in report.outcomes] == ["imported"]
    with catalogue.reading() as session:
        letter = session.scalars(select(Document).where(Document.ref == "CAT-000001")).one()
        child = session.scalars(select(Document).where(Document.parent_id == letter.id)).one()
        assert child.text.startswith("Notes from the inspection")
        assert [image.original_filename for image in letter.images] == ["crack.jpg"]
        assert letter.title == "Inspection notes, spring 1987"


def test_hostile_files_leave_nothing_behind(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    folder = write_texts(
        {
            "junk.txt": bytes(range(256)) * 40,
            "empty.txt": b"",
            "fake.jpg": b"%PDF-1.4\n%broken\n",
            "truncated.jpg": _jpeg()[:200],
            "bad.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
            "what.xyz": b"?",
            "fine.txt": "One good file\n",
        }
    )
    report = import_paths(catalogue, [folder])
    failed = {Path(o.path).name: o.reason for o in report.outcomes if o.status == "failed"}
    assert set(failed) == {
        "junk.txt",
        "empty.txt",
        "fake.jpg",
        "truncated.jpg",
        "bad.pdf",
        "what.xyz",
    }
    assert all(reason and "\n" not in reason for reason in failed.values())
    with catalogue.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 1
        assert session.scalar(select(func.count(Blob.sha256))) == 1
    assert len(list(catalogue.objects)) == 1
