"""A small catalogue for the corroboration matrix: two events (one with an event
within it), sources that differ and agree, an undated source, and a collection."""

from __future__ import annotations

from dataclasses import dataclass

from db import event_records
from db.catalogue import Catalogue
from db.collections import add_to_collection, create_collection
from db.documents import NewDocument, add_document
from db.tags import add_tag

HOSTILE_TITLE = '=HYPERLINK("x") <b>bold</b> & co'


@dataclass(frozen=True)
class Built:
    dam: str  # event refs
    wave: str  # within the dam collapse
    market: str
    tag_ids: dict[str, int]  # document ref -> its figure's tag id


# (number, text, quote, value, published, event key, title)
_DOCUMENTS = (
    (1, "Report: 212 dead at the dam.", "212 dead", 212, "1987-03-14", "dam", None),
    (2, "Bulletin: 250 dead at the dam.", "250 dead", 250, "1987-03-10", "dam", HOSTILE_TITLE),
    (3, "Fire: 40 dead in the market.", "40 dead", 40, None, "market", None),
    (4, "Market fire left 40 dead.", "40 dead", 40, "1990-01-01", "market", None),
    (5, "The second wave: 7 dead downstream.", "7 dead", 7, None, "wave", None),
)


def build(catalogue: Catalogue) -> Built:
    tag_ids: dict[str, int] = {}
    with catalogue.writing() as session:
        dam = event_records.create(session, name="Varnel dam collapse", actor="t").ref
        wave = event_records.create(
            session, name="Varnel second wave", actor="t", parent_ref=dam
        ).ref
        market = event_records.create(session, name="Kessin market fire", actor="t").ref
        events = {
            key: event_records.require(session, ref).id
            for key, ref in (("dam", dam), ("wave", wave), ("market", market))
        }
        for n, text, quote, value, published, event, title in _DOCUMENTS:
            doc = add_document(
                session,
                new=NewDocument(
                    text=text,
                    media_type="text/plain",
                    original_sha256=f"{n:064x}",
                    original_size=1,
                    original_filename=f"{n}.txt",
                    published=published,
                    title=title or f"Source {n}",
                ),
                actor="t",
            )
            start = text.index(quote)
            tag, _ = add_tag(
                session,
                kind="figure",
                document=doc,
                start=start,
                end=start + len(quote),
                values={"value": value, "counted": "dead", "category": "killed"},
                actor="t",
            )
            tag.event_record_id = events[event]
            tag_ids[doc.ref] = tag.id
        folder = create_collection(session, name="Dam reports")
        add_to_collection(session, collection_id=folder.id, refs=["CAT-000001", "CAT-000002"])
    return Built(dam, wave, market, tag_ids)
