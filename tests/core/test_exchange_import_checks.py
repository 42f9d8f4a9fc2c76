"""import-metadata checks every value first: what is refused, what is accepted, and that a
refused file changes nothing (the reported defects of issue 15, items 4 and 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.models import Document, Event
from desktop.exchange import ExchangeError, import_metadata
from desktop.exchange.validate import (
    BadValue,
    check_field,
    clock_time,
    is_edtf,
    load_json,
    utc_offset,
)
from desktop.launch.entry import main
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def _documents(catalogue: Catalogue) -> tuple[list[tuple[object, ...]], int]:
    with catalogue.reading() as session:
        rows = [
            (d.ref, d.title, tuple(d.authors), d.published, d.published_time, d.published_tz)
            for d in session.scalars(select(Document).order_by(Document.id))
        ]
        events = int(session.scalar(select(func.count(Event.id))) or 0)
    return rows, events


@pytest.mark.parametrize(
    "value",
    [
        "1987",
        "1987-06-30",
        "1987-21",
        "1987~",
        "1987?",
        "1987/1988",
        "1991/..",
        "XXXX-02-26",
        "2020-02-29",
        "Y170000002",
        "-0500",
        "1985-04-12/..",
    ],
)
def test_valid_edtf_is_accepted(value: str) -> None:
    assert is_edtf(value)
    assert check_field("published", value) == value


@pytest.mark.parametrize(
    "value",
    [
        "not-a-date",
        "2021-02-30",
        "2021-99-99",
        "1987-13",
        "Spring 1987",
        "2021-02-29",
        "1987-06-30T10:00",
        "1180591620717411303424",
        "",
    ],
)
def test_invalid_edtf_is_refused(value: str) -> None:
    assert not is_edtf(value)
    with pytest.raises(BadValue, match="not an EDTF date"):
        check_field("published", value)


def test_times_and_offsets_have_ranges() -> None:
    assert [clock_time(v) for v in ("00:00", "10:24", "23:59:59")] == ["00:00", "10:24", "23:59:59"]
    assert [utc_offset(v) for v in ("+00:00", "-03:30", "+14:00", "-14:00")] == [
        "+00:00",
        "-03:30",
        "+14:00",
        "-14:00",
    ]
    for bad in ("99:99", "24:00", "12:60", "12:00:60", "1:00", "noon", "10:24:00.5"):
        with pytest.raises(BadValue, match="not a time of day"):
            clock_time(bad)
    for bad in ("+99:99", "+14:01", "-15:00", "+01:60", "+0400", "Z", "UTC"):
        with pytest.raises(BadValue, match="not a UTC offset"):
            utc_offset(bad)


def test_authors_must_be_a_list_of_names() -> None:
    assert check_field("authors", ["Edith Carrow", "Brandt, Judith"]) == [
        "Edith Carrow",
        "Brandt, Judith",
    ]
    with pytest.raises(BadValue, match="list of names, not a single text"):
        check_field("authors", "Edith Carrow")
    with pytest.raises(BadValue, match="name 2 holds a control character"):
        check_field("authors", ["Edith", "Ju\x00dith"])
    with pytest.raises(BadValue, match="must be true or false"):
        check_field("title_devised", "yes")


def test_json_is_read_strictly() -> None:
    with pytest.raises(ExchangeError, match="holds NaN"):
        load_json("[NaN]", "f.json")
    with pytest.raises(ExchangeError, match="nested too deeply"):
        load_json("[" * 100_000 + "]" * 100_000, "f.json")
    with pytest.raises(ExchangeError, match="number too long"):
        load_json("1" * 5000, "f.json")
    assert load_json(b"\xef\xbb\xbf[1]", "f.json") == [1]


def test_one_bad_record_stops_the_whole_file(rich: Catalogue, tmp_path: Path) -> None:
    """Records before the bad one are not applied either: validate all, then write."""
    items = [
        {"type": "report", "title": "Brand new record one"},
        {
            "type": "report",
            "title": "Brand new record two",
            "custom": {"catena": {"published": "not-a-date"}},
        },
    ]
    source = tmp_path / "two.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    before = _documents(rich)
    with pytest.raises(ExchangeError) as refused:
        import_metadata(rich, source, create=True)
    assert str(refused.value) == (
        "two.json, record 2, field custom.catena.published: 'not-a-date' is not an EDTF date "
        "(e.g. 1987, 1987-03, 1987-03-14, 1987~ or 1987/1988); nothing was imported"
    )
    assert _documents(rich) == before


def test_published_not_a_date_no_longer_replaces_a_valid_date(
    rich: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "dates.csv"
    sheet.write_text(
        "title,published,published_time,published_tz\n"
        "Dam failure at Halvern leaves 212 dead; officials say,not-a-date,99:99,+99:99\n",
        encoding="utf-8",
    )
    before = _documents(rich)
    source = str(rich.path)
    rich.close()
    assert main(["import-metadata", str(sheet), "-c", source]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "catena import-metadata: dates.csv, row 1 (line 2), field published: 'not-a-date' is "
        "not an EDTF date (e.g. 1987, 1987-03, 1987-03-14, 1987~ or 1987/1988); nothing was "
        "imported\n"
    )
    with Catalogue.open(Path(source), daily_backup=False) as again:
        assert _documents(again) == before


def test_valid_times_offsets_and_odd_but_sound_files_are_applied(
    rich: Catalogue, tmp_path: Path
) -> None:
    sheet = tmp_path / "good.csv"
    sheet.write_bytes(
        b"\xef\xbb\xbfTitle,published,published_time,published_tz,unknown column\r\n"
        b"Dam failure at Halvern leaves 212 dead; officials say,1987-06~,23:59:59,-03:30,x\r\n"
    )
    report = import_metadata(rich, sheet)
    (outcome,) = report.outcomes
    assert outcome.ref == "CAT-000001"
    with rich.reading() as session:
        document = session.scalar(select(Document).where(Document.ref == "CAT-000001"))
        assert document is not None
        assert (document.published, document.published_time, document.published_tz) == (
            "1987-06~",
            "23:59:59",
            "-03:30",
        )


def test_ris_author_comma_is_one_line_not_a_traceback(
    rich_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ris = tmp_path / "a.ris"
    ris.write_text("TY  - NEWS\r\nTI  - x\r\nAU  - ,\r\nER  - \r\n", encoding="utf-8")
    assert main(["import-metadata", str(ris), "--create", "-c", str(rich_path)]) == 2
    assert capsys.readouterr().err == (
        "catena import-metadata: a.ris, record 1, field AU: ',' is not a name; "
        "nothing was imported\n"
    )


def test_csl_author_given_as_a_string_is_refused(rich: Catalogue, tmp_path: Path) -> None:
    """Before: a string was iterated character by character (one author per letter)."""
    source = tmp_path / "s.json"
    source.write_text(json.dumps([{"title": "New one", "author": "Smith"}]), encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"record 1, field author: must be a list of names"):
        import_metadata(rich, source, create=True)


def test_two_records_matching_one_document_apply_only_the_first(
    rich: Catalogue, tmp_path: Path
) -> None:
    sheet = tmp_path / "twice.csv"
    title = "Dam failure at Halvern leaves 212 dead; officials say"
    sheet.write_text(f"title,section\n{title},First\n{title},Second\n", encoding="utf-8")
    report = import_metadata(rich, sheet)
    first, second = report.outcomes
    assert first.ref == "CAT-000001" and first.action == "update"
    assert second.action == "ambiguous"
    assert second.reason == (
        f"matches CAT-000001, which row 1 “{title}” already matched; only the first record "
        "is applied"
    )
    with rich.reading() as session:
        assert session.scalar(select(Document.section).where(Document.ref == "CAT-000001")) == (
            "First"
        )


def test_an_unexpected_failure_is_one_line(
    rich_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug inside an importer still reaches the person as one line and exit code 2."""
    import desktop.cli.exchange as cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "apply_bibliography", broken)
    monkeypatch.setattr(cli, "load_archive", broken)
    source = tmp_path / "x.json"
    source.write_text("[]", encoding="utf-8")
    assert main(["import-metadata", str(source), "-c", str(rich_path)]) == 2
    assert capsys.readouterr().err == (
        "catena import-metadata: x.json could not be imported because of an internal problem "
        "(KeyError); the catalogue was not changed. Please report this.\n"
    )
    assert main(["import-archive", str(tmp_path), "-c", str(rich_path)]) == 2
    assert "import-archive: " + tmp_path.name in capsys.readouterr().err
