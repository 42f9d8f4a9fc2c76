"""Generated hostile files for ``catena import-metadata``: CSL-JSON, RIS and CSV.

A case is (id, file name, bytes, extra arguments, words): the import must exit 2 with
one line on stderr holding every one of *words* (the file, the record, the field and
what is wrong), and leave the catalogue exactly as it was. Files are generated here,
small except where size is the attack, and deterministic.
"""

from __future__ import annotations

import json
from typing import Any

MetadataCase = tuple[str, str, bytes, tuple[str, ...], tuple[str, ...]]
BIG = 2**70
TEN_MB = 10 * 2**20


def _csl(item: dict[str, Any], name: str = "m.json") -> tuple[str, bytes]:
    return name, json.dumps([{"type": "report", "title": "A report", **item}]).encode()


def _custom(values: dict[str, Any]) -> dict[str, Any]:
    return {"custom": {"catena": values}}


def _ris(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8", "surrogatepass")


def _csv(header: str, *rows: str) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8", "surrogatepass")


def csl_cases() -> list[MetadataCase]:
    """CSL-JSON: wrong types in every field Catena reads, and JSON's own traps."""
    items: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
        "custom-is-text": ({"custom": "y"}, ("field custom", "must be an object")),
        "custom-catena-list": ({"custom": {"catena": [1]}}, ("custom.catena", "object")),
        "title-number": ({"title": 42}, ("field title", "must be text", "a number")),
        "title-list": ({"title": ["a", "b"]}, ("field title", "a list")),
        "title-object": ({"title": {"a": 1}}, ("field title", "an object")),
        "title-bool": ({"title": True}, ("field title", "true/false")),
        "title-nul": ({"title": "a\x00b"}, ("field title", "control character", "U+0000")),
        "title-escape": ({"title": "\x1b[2Jclear"}, ("field title", "U+001B")),
        "title-bell": ({"title": "ring\x07"}, ("field title", "U+0007")),
        "title-c1": ({"title": "c1\x85x\x9b"}, ("field title", "U+0085")),
        "title-noncharacter": ({"title": "x\uffff"}, ("field title", "U+FFFF")),
        "title-ten-mb": ({"title": "x" * TEN_MB}, ("field title", "characters long")),
        "author-is-text": ({"author": "Smith"}, ("field author", "list of names")),
        "author-is-number": ({"author": 7}, ("field author", "list of names")),
        "author-list-of-text": ({"author": ["Smith"]}, ("field author", "name 1", "object")),
        "author-family-number": ({"author": [{"family": 5}]}, ("author 1 family", "text")),
        "author-given-list": ({"author": [{"given": ["A"]}]}, ("author 1 given", "a list")),
        "author-literal-object": ({"author": [{"literal": {}}]}, ("author 1 literal",)),
        "author-nul": ({"author": [{"family": "Sm\x00ith"}]}, ("field author", "U+0000")),
        "recipient-is-text": ({"recipient": "Jones"}, ("field recipient", "list of names")),
        "published-not-a-date": (
            _custom({"published": "not-a-date"}),
            ("custom.catena.published", "not an EDTF date"),
        ),
        "published-number": (_custom({"published": 1987}), ("custom.catena.published", "text")),
        "published-feb-30": (
            _custom({"published": "2021-02-30"}),
            ("custom.catena.published", "EDTF"),
        ),
        "issued-feb-30": ({"issued": {"date-parts": [[2021, 2, 30]]}}, ("field issued", "EDTF")),
        "issued-month-13": ({"issued": {"date-parts": [[2021, 13]]}}, ("field issued", "EDTF")),
        "issued-is-text": ({"issued": "2021"}, ("field issued", "must be an object")),
        "issued-parts-text": ({"issued": {"date-parts": "2021"}}, ("field issued", "date-parts")),
        "issued-parts-2pow70": ({"issued": {"date-parts": [[BIG]]}}, ("field issued",)),
        "issued-parts-float": ({"issued": {"date-parts": [[2021.5]]}}, ("field issued",)),
        "issued-parts-bool": ({"issued": {"date-parts": [[True]]}}, ("field issued",)),
        "issued-parts-null": ({"issued": {"date-parts": [[None]]}}, ("field issued",)),
        "issued-parts-negative": ({"issued": {"date-parts": [[-50000]]}}, ("field issued",)),
        "issued-three-dates": (
            {"issued": {"date-parts": [[2020], [2021], [2022]]}},
            ("field issued", "one or two"),
        ),
        "issued-season-9": (
            {"issued": {"date-parts": [[2021]], "season": 9}},
            ("field issued", "season"),
        ),
        "issued-literal-number": ({"issued": {"literal": 5}}, ("field issued", "text")),
        "title-devised-text": (
            _custom({"title_devised": "yes"}),
            ("custom.catena.title_devised", "true or false"),
        ),
        "custom-type-number": (_custom({"type": 5}), ("custom.catena.type", "text")),
        "custom-type-too-long": (_custom({"type": "t" * 61}), ("custom.catena.type", "at most 60")),
        "language-object": ({"language": {"en": 1}}, ("field language", "an object")),
        "language-too-long": ({"language": "l" * 36}, ("field language", "at most 35")),
        "url-number": ({"URL": 12}, ("field URL", "text")),
        "note-escape": ({"note": "ok\x1b]0;title\x07"}, ("field note", "U+001B")),
        "uid-number": (_custom({"uid": 5}), ("custom.catena.uid", "text")),
        "sha256-list": ({"sha256": ["x"]}, ("field sha256", "a list")),
        "section-bool": ({"section": False}, ("field section", "true/false")),
        "publisher-place-nul": ({"publisher-place": "\x00"}, ("field publisher-place",)),
        "container-title-list": ({"container-title": ["Gazette"]}, ("container-title",)),
    }
    cases: list[MetadataCase] = []
    for name, (item, words) in items.items():
        filename, data = _csl(item)
        cases.append((f"csl-{name}", filename, data, (), ("m.json", "record 1", *words)))
    lone = b'[{"title": "half \\ud800 pair"}]'
    cases += [
        ("csl-lone-surrogate", "m.json", lone, (), ("field title", "U+D800")),
        ("csl-item-number", "m.json", b'[{"title": "ok"}, 2]', (), ("record 2", "an object")),
        ("csl-top-level-text", "m.json", b'"hello"', (), ("a list of items",)),
        ("csl-items-number", "m.json", b'{"items": 5}', (), ("a list of items",)),
        ("csl-nan", "m.json", b'[{"title": "x", "note": NaN}]', (), ("NaN", "not a JSON")),
        ("csl-infinity", "m.json", b'[{"title": Infinity}]', (), ("Infinity",)),
        ("csl-minus-infinity", "m.json", b'[{"title": -Infinity}]', (), ("-Infinity",)),
        ("csl-long-number", "m.json", b'[{"title": 1' + b"0" * 5000 + b"}]", (), ("too long",)),
        ("csl-deep-lists", "m.json", b"[" * 100_000 + b"]" * 100_000, (), ("nested too deeply",)),
        (
            "csl-deep-objects",
            "m.json",
            b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
            (),
            ("nested too deeply",),
        ),
        ("csl-truncated", "m.json", b'[{"title": "cut', (), ("not valid JSON", "line 1")),
        ("csl-trailing-comma", "m.json", b'[{"title": "x"},]', (), ("not valid JSON",)),
        ("csl-invalid-utf8", "m.json", b'[{"title": "\xff\xfe"}]', (), ("not UTF-8",)),
        ("csl-utf16", "m.json", '[{"title": "x"}]'.encode("utf-16"), (), ("not UTF-8",)),
        ("csl-empty", "m.json", b"", (), ("is empty",)),
        ("csl-bom-only", "m.json", b"\xef\xbb\xbf  \n", (), ("is empty",)),
        ("csl-nul-bytes", "m.json", b"\x00" * 64, (), ("not valid JSON",)),
    ]
    return cases


def ris_cases() -> list[MetadataCase]:
    head = ("TY  - NEWS", "TI  - A headline")
    cases: dict[str, tuple[bytes, tuple[str, ...]]] = {
        "author-comma": (_ris(*head, "AU  - ,", "ER  - "), ("field AU", "',' is not a name")),
        "author-commas": (_ris(*head, "AU  - , , ,", "ER  - "), ("field AU", "not a name")),
        "a1-comma": (_ris(*head, "A1  - ,", "ER  - "), ("field A1", "not a name")),
        "recipient-comma": (
            _ris("TY  - PCOMM", "TI  - A letter", "A2  - ,", "ER  - "),
            ("field A2", "not a name"),
        ),
        "no-ty": (_ris("TI  - Orphan title", "AU  - Smith, Ann", "ER  - "), ("no RIS record",)),
        "only-er": (_ris("ER  - ", "ER  - "), ("no RIS record",)),
        "da-99": (_ris(*head, "DA  - 2021/99/99", "ER  - "), ("field DA", "not an EDTF date")),
        "da-feb-30": (_ris(*head, "DA  - 2021/02/30", "ER  - "), ("field DA", "EDTF")),
        "da-text": (_ris(*head, "DA  - ///Spring 1987", "ER  - "), ("field DA", "EDTF")),
        "da-2pow70": (_ris(*head, f"DA  - 2021/{BIG}", "ER  - "), ("field DA", "EDTF")),
        "py-text-other": (_ris(*head, "PY  - 1987///about then", "ER  - "), ("field PY",)),
        "title-nul": (_ris("TY  - NEWS", "TI  - a\x00b", "ER  - "), ("field TI", "U+0000")),
        "title-escape": (_ris("TY  - NEWS", "TI  - \x1b[31mred", "ER  - "), ("field TI",)),
        "author-escape": (_ris(*head, "AU  - Smith\x1b[2J, Ann", "ER  - "), ("field AU",)),
        "publisher-bell": (_ris(*head, "T2  - Gazette\x07", "ER  - "), ("field T2", "U+0007")),
        "notes-backspace": (_ris(*head, "N1  - secret\x08\x08", "ER  - "), ("field N1",)),
        "ten-mb-line": (_ris("TY  - NEWS", "TI  - " + "x" * TEN_MB, "ER  - "), ("field TI",)),
        "m3-too-long": (_ris(*head, "M3  - " + "t" * 100, "ER  - "), ("field M3", "at most 60")),
        "la-too-long": (_ris(*head, "LA  - " + "l" * 40, "ER  - "), ("field LA", "at most 35")),
        "u1-control": (_ris(*head, "U1  - id\x07", "ER  - "), ("field U1", "U+0007")),
        "an-control": (_ris(*head, "AN  - \x1b]0;x", "ER  - "), ("field AN",)),
        "ty-control": (_ris("TY  - NE\x00WS", "TI  - x", "ER  - "), ("field TY",)),
        "second-record-bad": (
            _ris(*head, "ER  - ", "TY  - NEWS", "TI  - Two", "DA  - 2021/13", "ER  - "),
            ("record 2", "field DA"),
        ),
        "invalid-utf8": (b"TY  - NEWS\r\nTI  - \xc3\x28\r\nER  - \r\n", ("not UTF-8",)),
        "latin1": ("TY  - NEWS\r\nTI  - café\r\nER  - \r\n".encode("latin-1"), ("not UTF-8",)),
        "empty": (b"", ("is empty",)),
        "binary": (bytes(range(256)) * 4, ("not UTF-8",)),
    }
    return [
        (f"ris-{name}", "m.ris", data, (), ("m.ris", *words))
        for name, (data, words) in cases.items()
    ]


def csv_cases() -> list[MetadataCase]:
    big = "x" * 140_000
    cases: dict[str, tuple[bytes, tuple[str, ...]]] = {
        "cell-over-field-limit": (_csv("title,notes", f"T,{big}"), ("line 2", "131,072")),
        "unterminated-quote": (_csv("title,notes", 'T,"never closed'), ("line 2", "CSV")),
        "quote-mid-cell": (_csv("title,notes", 'T,"a"b'), ("not readable as CSV",)),
        "published-not-a-date": (
            _csv("title,published", "T,not-a-date"),
            ("row 1 (line 2)", "field published", "not an EDTF date"),
        ),
        "published-2pow70": (_csv("title,published", f"T,{BIG}"), ("field published", "EDTF")),
        "published-month-13": (_csv("title,published", "T,2021-13"), ("field published",)),
        "time-99": (_csv("title,published_time", "T,99:99"), ("field published_time", "time")),
        "time-24": (_csv("title,published_time", "T,24:00"), ("field published_time",)),
        "time-seconds-60": (_csv("title,published_time", "T,12:00:60"), ("published_time",)),
        "time-text": (_csv("title,published_time", "T,noon"), ("field published_time",)),
        "time-negative": (_csv("title,published_time", "T,-1:00"), ("field published_time",)),
        "tz-99": (_csv("title,published_tz", "T,+99:99"), ("field published_tz", "UTC offset")),
        "tz-15h": (_csv("title,published_tz", "T,+15:00"), ("field published_tz", "14:00")),
        "tz-minutes-75": (_csv("title,published_tz", "T,+01:75"), ("field published_tz",)),
        "tz-no-colon": (_csv("title,published_tz", "T,+0400"), ("field published_tz",)),
        "tz-name": (_csv("title,published_tz", "T,Europe/Berlin"), ("field published_tz",)),
        "title-devised-maybe": (_csv("title,title_devised", "T,maybe"), ("title_devised",)),
        "title-nul": (_csv("title", "a\x00b"), ("field title", "U+0000")),
        "authors-escape": (_csv("title,authors", "T,Ann\x1b[2J; Bob"), ("field authors",)),
        "dateline-del": (_csv("title,dateline", "T,Baku\x7f"), ("field dateline", "U+007F")),
        "type-too-long": (_csv("title,type", "T," + "t" * 70), ("field type", "at most 60")),
        "uid-control": (_csv("title,uid", "T,\x07"), ("field uid",)),
        "second-row-bad": (
            _csv("title,published", "Fine,1987", "Bad,1987-02-30"),
            ("row 2 (line 3)", "field published"),
        ),
        "invalid-utf8": (b"title\r\n\xff\xfe\xfd\r\n", ("not UTF-8",)),
        "utf16": ("title\r\nT\r\n".encode("utf-16"), ("not UTF-8",)),
        "empty": (b"", ("is empty",)),
    }
    return [
        (f"csv-{name}", "m.csv", data, (), ("m.csv", *words))
        for name, (data, words) in cases.items()
    ]


def other_cases() -> list[MetadataCase]:
    """Files the command must not try to read as metadata at all."""
    return [
        ("bibtex-unterminated", "m.bib", b"@article{key,\n title = {Open", (), ("cannot tell",)),
        ("xml-file", "m.xml", b"<x/>", (), ("cannot tell the format",)),
        ("no-extension", "metadata", b"TY  - NEWS\r\nER  - \r\n", (), ("cannot tell",)),
        ("json-read-as-ris", "m.json", b'[{"title": "x"}]', ("--from", "ris"), ("no RIS",)),
        (
            "ris-read-as-json",
            "m.ris",
            _ris("TY  - NEWS", "ER  - "),
            ("--from", "csl-json"),
            ("JSON",),
        ),
    ]


def metadata_cases() -> list[MetadataCase]:
    return csl_cases() + ris_cases() + csv_cases() + other_cases()
