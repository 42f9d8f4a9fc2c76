"""Offline by construction: no socket during tests, and none in import or dossiers.

The suite runs with pytest-socket (``--disable-socket --allow-unix-socket`` in the
pyproject addopts), so a network call anywhere in a test fails it. On top of that, the
paths that meet hostile remote references — importing web pages and e-mail that point
at remote images, scripts, style sheets and frames, then printing them in a dossier —
run here with every way of reaching the network replaced by a recorder: the test
demands zero attempts, not merely zero successes.
"""

from __future__ import annotations

import _socket
import http.client
import socket
import urllib.request
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pytest_socket import SocketBlockedError
from sqlalchemy import select

from db.catalogue import Catalogue
from db.images import attach_image
from db.models import Document
from db.suggested_tags import accept_suggestions
from desktop.ingest.pipeline import import_paths
from desktop.launch.entry import main

REMOTE_PAGE = """<!doctype html>
<html lang="en"><head>
<base href="http://evil.example/base/">
<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">
<meta property="og:title" content="Residents recount the night of the flood">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:image" content="https://evil.example/og.jpg">
<link rel="stylesheet" href="https://evil.example/s.css">
<link rel="preload" href="https://evil.example/font.woff2" as="font">
<link rel="icon" href="https://evil.example/favicon.ico">
<link rel="dns-prefetch" href="//evil.example">
<script src="https://evil.example/x.js"></script>
<script>fetch('https://evil.example/beacon'); new Image().src='//evil.example/p';</script>
<style>@import url("https://evil.example/import.css");
body { background: url(https://evil.example/bg.png); }
@font-face { font-family: X; src: url(https://evil.example/x.woff); }</style>
</head><body>
<article>
<h1>Residents recount the night of the flood</h1>
<img src="https://evil.example/pixel.gif" srcset="https://evil.example/a.jpg 2x"
     alt="a picture">
<p style="background-image:url('https://evil.example/inline.png')">On 14 March 2021 about \
240 residents left the lower town, said Maria Lindqvist, a nurse.</p>
<picture><source srcset="https://evil.example/b.webp"><img src="//evil.example/c.jpg"></picture>
<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">
<video poster="https://evil.example/poster.jpg" src="https://evil.example/v.mp4"></video>
<audio src="https://evil.example/a.mp3"></audio>
<svg><image href="https://evil.example/svg.png"/><use href="https://evil.example/u.svg#x"/></svg>
<p>"We counted 31 boats," Oskar Nilsson told reporters. <a href="https://evil.example/more">More</a></p>
<form action="https://evil.example/post"><input type="image" src="https://evil.example/btn.png"></form>
</article></body></html>
"""


class _Recorder:
    """Every attempt to reach the network, by route, instead of a connection."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def blocker(self, route: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            self.attempts.append(f"{route}{args[:2]!r}")
            raise OSError(f"network attempt recorded: {route}")

        return refuse

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        recorder = self

        class RecordingSocket(socket.socket):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                recorder.attempts.append(f"socket.socket{args!r}")
                raise OSError("network attempt recorded: socket.socket")

        monkeypatch.setattr(socket, "socket", RecordingSocket)
        monkeypatch.setattr(_socket, "socket", RecordingSocket)
        for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
            monkeypatch.setattr(socket, name, self.blocker(f"socket.{name}"))
        monkeypatch.setattr(_socket, "getaddrinfo", self.blocker("_socket.getaddrinfo"))
        monkeypatch.setattr(socket, "socketpair", self.blocker("socket.socketpair"))
        monkeypatch.setattr(urllib.request, "urlopen", self.blocker("urllib.request.urlopen"))
        monkeypatch.setattr(
            http.client.HTTPConnection, "connect", self.blocker("HTTPConnection.connect")
        )


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_cannot_open_a_network_socket(pytestconfig: pytest.Config) -> None:
    addopts = " ".join(pytestconfig.getini("addopts"))
    assert "--disable-socket" in addopts and "--allow-unix-socket" in addopts
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(SocketBlockedError):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)


def _letter() -> bytes:
    message = EmailMessage()
    message["From"] = "Leyla Mammadova <leyla@example.org>"
    message["To"] = "Archive <archive@example.org>"
    message["Subject"] = "Photographs of the lower town"
    message["Date"] = "Mon, 15 Mar 2021 09:30:00 +0100"
    message.set_content("On 15 March 2021 about 60 people returned, wrote Leyla Mammadova.\n")
    message.add_alternative(
        '<html><body><img src="https://evil.example/track.gif">'
        '<p style="background:url(https://evil.example/x.png)">On 15 March 2021 about 60 '
        'people returned.</p><iframe src="https://evil.example/f"></iframe></body></html>',
        subtype="html",
    )
    message.add_attachment(REMOTE_PAGE.encode(), maintype="text", subtype="html", filename="p.html")
    return message.as_bytes()


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (90, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def test_import_and_dossier_of_remote_references_make_no_network_attempt(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_texts(
        {
            "flood.html": REMOTE_PAGE,
            "letter.eml": _letter(),
            "photo.png": _png(),
            "links.txt": "See https://evil.example/report.pdf and //evil.example/x — "
            "published 2 April 2021 by Tomas Berg, who counted 12 cars.\n",
        }
    )
    recorder = _Recorder()
    recorder.install(monkeypatch)

    report = import_paths(catalogue, [folder])
    assert report.failed == 0, [o.describe() for o in report.outcomes]
    with catalogue.writing() as session:
        documents = list(session.execute(select(Document).order_by(Document.id)).scalars())
        for document in documents:
            accept_suggestions(session, document=document, actor="tester")
        attach_image(session, image_ref="IMG-000001", document_ref="CAT-000001", actor="tester")
    page = documents[0]
    assert "evil" not in page.text and "fetch(" not in page.text
    assert "On 14 March 2021 about 240 residents left the lower town" in page.text

    output = tmp_path / "offline.pdf"
    code = main(["dossier", "-o", str(output), "--suggested", "-c", str(catalogue.path)])
    assert code == 0, capsys.readouterr().err
    assert output.read_bytes().startswith(b"%PDF-")
    assert recorder.attempts == []
