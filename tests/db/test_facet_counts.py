"""The Refine counts kept in step with every write (``facet_counts``) equal the counts
made by querying the catalogue, after random sequences of adds, edits, tag changes,
trash, deletes and undos — for the whole library and for a result holding most of it."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.documents import (
    NewDocument,
    add_document,
    restore_document,
    trash_document,
    update_metadata,
)
from db.models import Agent, Document, Keyword, Mention
from db.people import link_mention
from db.search import index
from db.search.facets import FacetCount, facets
from db.tags import TagChange, add_tag, remove_tag, revert, set_status

NAMES = ("Ana Lima", "Şəkibə Mustafayeva", "John O'Brien", "Ana Lima", "Zed")
WORDS = ("archive", "letter", "report", "court", "river", "Xocalı")
DATES = ("1990", "1990/1992", "1991-05-03", "1850/2100", "../1995", "1993/..", None)
TYPES = ("letter", "report", "news article", "", None)
PUBLISHERS = ("Ulduz", "Azadlıq", "", None)
TAGS = ("war", "water", "Ağdam")
TOP = 1000  # every value, so whole lists are compared, not only the first ten


def counted(session: Session, query: str) -> dict[str, list[FacetCount]]:
    """Counted by querying: *within* every document keeps the maintained counts out."""
    return facets(session, query, top=TOP, within=select(Document.id))


def maintained(session: Session, query: str) -> dict[str, list[FacetCount]]:
    return facets(session, query, top=TOP)


@dataclass
class Run:
    """A random session of work on a catalogue, with an undo stack."""

    catalogue: Catalogue
    rng: random.Random
    refs: list[str] = field(default_factory=list)
    undo: list[Callable[[Session], object]] = field(default_factory=list)
    made: int = 0

    def text(self) -> str:
        words = self.rng.sample(WORDS, self.rng.randint(1, 3))
        names = self.rng.sample(NAMES, 2)
        common = "" if self.rng.random() < 0.2 else "the "
        return f"{common}{' '.join(words)}: {names[0]} wrote to {names[1]}."

    def add(self, session: Session) -> None:
        self.made += 1
        body = self.text()
        doc = add_document(
            session,
            new=NewDocument(
                text=body,
                media_type="text/plain",
                original_sha256=f"{self.rng.getrandbits(64):064x}",
                original_size=len(body),
                original_filename=f"d{self.made}.txt",
                title=self.rng.choice(WORDS),
                doc_type=self.rng.choice(TYPES),
                publisher=self.rng.choice(PUBLISHERS),
                authors=self.rng.sample(NAMES, self.rng.randint(0, 2)),
                recipients=self.rng.sample(NAMES, self.rng.randint(0, 1)),
            ),
            actor="t",
        )
        published = self.rng.choice(DATES)
        if published is not None:
            update_metadata(session, ref=doc.ref, changes={"published": published}, actor="t")
        for name in NAMES[:3]:
            start = body.find(name)
            if start >= 0:
                add_tag(
                    session,
                    kind="mention",
                    document=doc,
                    start=start,
                    end=start + len(name),
                    values={"name": name},
                    status=self.rng.choice(("suggested", "accepted", "rejected")),
                    actor="t",
                )
        self.refs.append(doc.ref)

    def document(self, session: Session) -> Document | None:
        if not self.refs:
            return None
        ref = self.rng.choice(self.refs)
        return session.scalars(select(Document).where(Document.ref == ref)).one_or_none()

    def edit(self, session: Session) -> None:
        doc = self.document(session)
        if doc is None:
            return
        field_name = self.rng.choice(("doc_type", "publisher", "authors", "published"))
        value = {
            "doc_type": lambda: self.rng.choice(TYPES),
            "publisher": lambda: self.rng.choice(PUBLISHERS),
            "authors": lambda: self.rng.sample(NAMES, self.rng.randint(0, 3)),
            "published": lambda: self.rng.choice(DATES),
        }[field_name]()
        change = update_metadata(session, ref=doc.ref, changes={field_name: value}, actor="t")
        self.undo.append(
            lambda s, c=change: update_metadata(s, ref=c.ref, changes=c.before, actor="t")
        )

    def trash(self, session: Session) -> None:
        doc = self.document(session)
        if doc is None:
            return
        if doc.deleted_at is None:
            trash_document(session, ref=doc.ref, actor="t")
            self.undo.append(lambda s, r=doc.ref: restore_document(s, ref=r, actor="t"))
        else:
            restore_document(session, ref=doc.ref, actor="t")
            self.undo.append(lambda s, r=doc.ref: trash_document(s, ref=r, actor="t"))

    def retag(self, session: Session) -> None:
        mentions = session.scalars(select(Mention).order_by(Mention.id)).all()
        if not mentions:
            return
        mention = self.rng.choice(mentions)
        roll = self.rng.random()
        change: TagChange
        if roll < 0.4:
            status = self.rng.choice(("suggested", "accepted", "rejected"))
            change = set_status(
                session, kind="mention", tag_id=mention.id, status=status, actor="t"
            )
        elif roll < 0.6:
            change = remove_tag(session, kind="mention", tag_id=mention.id, actor="t")
        else:
            link_mention(session, mention=mention, actor="t")
            return
        self.undo.append(lambda s, c=change: revert(s, change=c, actor="t"))

    def rename_person(self, session: Session) -> None:
        agents = session.scalars(select(Agent).order_by(Agent.id)).all()
        if agents:
            agent = self.rng.choice(agents)
            old = agent.preferred_name
            agent.preferred_name = self.rng.choice(("Anna Lima", "Sakiba M.", old + " Jr"))
            self.undo.append(lambda s, a=agent.id, o=old: _rename(s, a, o))

    def keyword(self, session: Session) -> None:
        doc = self.document(session)
        if doc is None:
            return
        name = self.rng.choice(TAGS)
        keyword = session.scalars(select(Keyword).where(Keyword.name == name)).one_or_none()
        if keyword is None:
            keyword = Keyword(name=name)
        if keyword in doc.keywords:
            doc.keywords.remove(keyword)
        else:
            doc.keywords.append(keyword)

    def delete(self, session: Session) -> None:
        doc = self.document(session)
        if doc is not None and doc.deleted_at is not None:  # emptying the Trash
            self.refs.remove(doc.ref)
            session.delete(doc)
            self.undo.clear()  # the undo of earlier steps may concern it

    def undo_last(self, session: Session) -> None:
        if self.undo:
            self.undo.pop()(session)

    def step(self) -> None:
        action = self.rng.choices(
            (
                self.add,
                self.edit,
                self.trash,
                self.retag,
                self.rename_person,
                self.keyword,
                self.delete,
                self.undo_last,
            ),
            weights=(4, 3, 2, 3, 1, 2, 1, 3),
        )[0]
        with self.catalogue.writing() as session:
            action(session)


def _rename(session: Session, agent_id: int, name: str) -> None:
    agent = session.get(Agent, agent_id)
    if agent is not None:
        agent.preferred_name = name


@pytest.mark.parametrize("seed", [1, 2])
def test_maintained_counts_equal_counted_ones_after_random_work(
    catalogue: Catalogue, seed: int
) -> None:
    run = Run(catalogue, random.Random(seed))
    for number in range(70):
        run.step()
        if number % 10 == 9:
            with catalogue.reading() as session:
                for query in ("", "the", "archive"):
                    assert maintained(session, query) == counted(session, query), (seed, number)
    with catalogue.reading() as session:
        everything = maintained(session, "")
        assert everything["person"] and everything["year"]  # the run exercised them
        assert maintained(session, "the") == counted(session, "the")
    with catalogue.writing() as session:
        assert index.check(session, deep=True) == []


def test_a_rolled_back_edit_leaves_the_counts_as_they_were(catalogue: Catalogue) -> None:
    run = Run(catalogue, random.Random(5))
    for _ in range(6):
        with catalogue.writing() as session:
            run.add(session)
    with catalogue.reading() as session:
        before = maintained(session, "")
    with pytest.raises(RuntimeError), catalogue.writing() as session:
        for ref in run.refs:
            update_metadata(session, ref=ref, changes={"publisher": "Gone"}, actor="t")
        assert maintained(session, "")["publisher"] == [FacetCount("Gone", len(run.refs))]
        raise RuntimeError("abandon")
    with catalogue.reading() as session:
        assert maintained(session, "") == before == counted(session, "")
