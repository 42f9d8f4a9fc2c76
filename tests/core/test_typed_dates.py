"""A publication date typed as people write it is stored as EDTF and found by year."""

from __future__ import annotations

import pytest

from db.catalogue import Catalogue
from db.date_input import DateInputError
from db.documents import DocumentError, NewDocument, add_document, require_document
from db.documents import update_metadata as db_update_metadata
from db.search.run import search
from desktop.core.documents import edit_metadata


def _document(catalogue: Catalogue, published: str | None = None) -> str:
    with catalogue.writing() as session:
        new = NewDocument(
            text="A report from Khojaly.",
            media_type="text/plain",
            original_sha256="a" * 64,
            original_size=22,
            original_filename="report.txt",
            title="Report",
            published=published,
        )
        return add_document(session, new=new, actor="tester").ref


def test_a_typed_day_is_stored_as_edtf_with_bounds_and_found_by_year(
    catalogue: Catalogue,
) -> None:
    ref = _document(catalogue)
    done = edit_metadata(catalogue, ref=ref, changes={"published": "26 Feb 2022"})
    assert done.value.after == {"published": "2022-02-26"}
    with catalogue.reading() as session:
        document = require_document(session, ref)
        assert document.published == "2022-02-26"
        assert (document.published_lower, document.published_upper) == (
            "2022-02-26",
            "2022-02-26",
        )
        assert [hit.ref for hit in search(session, "year:2022").hits] == [ref]
        assert search(session, "year:2021").hits == []


def test_an_unreadable_date_is_refused_and_nothing_changes(catalogue: Catalogue) -> None:
    ref = _document(catalogue, published="1992")
    with pytest.raises(DateInputError, match=r"^Published: cannot read “next week”"):
        edit_metadata(catalogue, ref=ref, changes={"published": "next week", "title": "New"})
    with catalogue.reading() as session:
        document = require_document(session, ref)
        assert (document.published, document.title) == ("1992", "Report")


def test_clearing_the_date_stores_nothing(catalogue: Catalogue) -> None:
    ref = _document(catalogue, published="1992")
    edit_metadata(catalogue, ref=ref, changes={"published": "  "})
    with catalogue.reading() as session:
        document = require_document(session, ref)
        assert (document.published, document.published_lower) == (None, None)


def test_the_catalogue_refuses_to_store_a_published_value_that_is_not_edtf(
    catalogue: Catalogue,
) -> None:
    ref = _document(catalogue, published="1992")
    with catalogue.writing() as session, pytest.raises(DocumentError, match=r"^Published: "):
        db_update_metadata(session, ref=ref, changes={"published": "26 Feb 2022"}, actor="t")
    with catalogue.reading() as session:
        assert require_document(session, ref).published == "1992"


@pytest.mark.parametrize(
    ("guessed", "stored"), [("26 Feb 2022", "2022-02-26"), ("sometime", None), ("1992", "1992")]
)
def test_an_importers_date_guess_is_stored_as_edtf_or_not_at_all(
    catalogue: Catalogue, guessed: str, stored: str | None
) -> None:
    ref = _document(catalogue, published=guessed)
    with catalogue.reading() as session:
        assert require_document(session, ref).published == stored


def test_a_photographs_date_is_typed_like_any_other(catalogue: Catalogue) -> None:
    from db.images import NewImage, add_image
    from db.models import Image
    from desktop.core.image_attachments import edit_image

    with catalogue.writing() as session:
        new = NewImage(
            sha256="e" * 64,
            size=1,
            media_type="image/jpeg",
            filename="x.jpg",
            width=1,
            height=1,
            format="JPEG",
        )
        ref = add_image(session, new=new, actor="t").ref
    edit_image(catalogue, ref=ref, changes={"taken": "1 Oct 2020"})
    with pytest.raises(DateInputError, match=r"^Taken: cannot read “last summer”"):
        edit_image(catalogue, ref=ref, changes={"taken": "last summer", "caption": "x"})
    with catalogue.reading() as session:
        image = session.query(Image).filter_by(ref=ref).one()
        assert (image.taken, image.caption) == ("2020-10-01", None)
