"""Web pages cited from the catalogue: the URL and the recorded accessed date where each
style asks for them (MLA 9 always; Chicago 17 only for an undated page; APA 7's
"Retrieved …, from" only for an undated page, content designed to change)."""

from __future__ import annotations

import pytest

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document, update_metadata
from desktop.core.views import citation_text

PAGE = {
    "title": "Flood in the valley",
    "doc_type": "web page",
    "authors": ["Leyla Aliyeva"],
    "publisher": "Example News",
    "language": "en",
    "url": "https://news.example.org/en/flood",
    "accessed": "2026-12-01",
}
DATED = {
    "chicago": "Aliyeva, Leyla. “Flood in the Valley.” Example News, November 30, 2026."
    " https://news.example.org/en/flood.",
    "apa": "Aliyeva, L. (2026, November 30). Flood in the valley. Example News."
    " https://news.example.org/en/flood",
    "mla": "Aliyeva, Leyla. “Flood in the Valley.” Example News, 30 Nov. 2026,"
    " news.example.org/en/flood. Accessed 1 Dec. 2026.",
}
UNDATED = {
    "chicago": "Aliyeva, Leyla. “Flood in the Valley.” Example News, n.d."
    " Accessed December 1, 2026. https://news.example.org/en/flood.",
    "apa": "Aliyeva, L. (n.d.). Flood in the valley. Example News."
    " Retrieved December 1, 2026, from https://news.example.org/en/flood",
    "mla": "Aliyeva, Leyla. “Flood in the Valley.” Example News,"
    " news.example.org/en/flood. Accessed 1 Dec. 2026.",
}


def _page(catalogue: Catalogue, **fields: object) -> str:
    new = NewDocument(
        text="The river rose two metres overnight.",
        media_type="text/html",
        original_sha256="b" * 64,
        original_size=10,
        original_filename="flood.html",
    )
    with catalogue.writing() as session:
        ref = add_document(session, new=new, actor="t").ref
        update_metadata(session, ref=ref, changes={**PAGE, **fields}, actor="t")
    return ref


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_web_page_with_a_publication_date(catalogue: Catalogue, style: str) -> None:
    ref = _page(catalogue, published="2026-11-30")
    assert citation_text(catalogue, ref=ref, style=style) == DATED[style]


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_web_page_without_a_publication_date(catalogue: Catalogue, style: str) -> None:
    ref = _page(catalogue)
    assert citation_text(catalogue, ref=ref, style=style) == UNDATED[style]


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_no_accessed_date_is_invented_from_the_import(catalogue: Catalogue, style: str) -> None:
    # The import's own date is not when the page was read: with no recorded accessed
    # date the citation has none (it used to print the import day).
    ref = _page(catalogue, accessed=None)
    cited = citation_text(catalogue, ref=ref, style=style)
    assert "ccessed" not in cited and "Retrieved" not in cited
    assert cited.rstrip(".").endswith("news.example.org/en/flood")


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_an_accessed_date_without_a_url_is_not_cited(catalogue: Catalogue, style: str) -> None:
    ref = _page(catalogue, url=None)
    cited = citation_text(catalogue, ref=ref, style=style)
    assert "2026" not in cited.replace("n.d.", "") and "ccessed" not in cited
