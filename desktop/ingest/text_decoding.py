"""Decode the bytes of a text file into a str, saying how sure we are.

Order matters: a byte-order mark is proof, strict UTF-8 is nearly proof (random
legacy bytes almost never form valid UTF-8), and only then do we guess among the
legacy code pages archivists actually meet (Cyrillic cp1251/KOI8-R, Western
cp1252/Latin-1, Turkish cp1254, Central European cp1250). A weak guess is kept but
flagged so nobody mistakes mojibake for the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import charset_normalizer

from desktop.ingest.limits import DEFAULT_LIMITS, Limits
from desktop.ingest.parsed import IngestError

LOW_CONFIDENCE = 0.6
LOW_CONFIDENCE_FLAG = "low-confidence encoding"
# Unicode category Cc except tab, line feed, vertical tab, form feed, carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Preference when charset-normalizer finds several equally good code pages: they
# often decode the same bytes identically, and then the more common one is right.
_LEGACY = ["cp1251", "koi8_r", "cp1252", "latin_1", "cp1254", "cp1250"]


@dataclass
class DecodedText:
    """A decoded text with the facts the reader records about the decoding."""

    text: str
    encoding: str
    confidence: float
    flags: list[str] = field(default_factory=list)


def decode_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> DecodedText:
    """Decode *data*, normalise newlines, and refuse what is not text.

    Raises IngestError for empty, whitespace-only and binary input.
    """
    if not data:
        raise IngestError("the file is empty")
    decoded = _decode(data)
    text = normalise_newlines(decoded.text)
    text = _handle_controls(text, decoded.flags)
    if not text.strip():
        raise IngestError("the file contains only white space")
    text = wrap_long_lines(text, limits.max_line_length, decoded.flags)
    decoded.text = text
    if decoded.confidence < LOW_CONFIDENCE and LOW_CONFIDENCE_FLAG not in decoded.flags:
        decoded.flags.append(LOW_CONFIDENCE_FLAG)
    return decoded


def normalise_newlines(text: str) -> str:
    """CRLF, CR and Unicode line/paragraph separators all become "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")


def wrap_long_lines(text: str, max_length: int, flags: list[str]) -> str:
    """Break lines longer than *max_length* at white space (or hard, if there is none)."""
    if max_length <= 0 or all(len(line) <= max_length for line in text.split("\n")):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > max_length:
            cut = line.rfind(" ", max_length // 2, max_length)
            cut = cut if cut > 0 else max_length
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        out.append(line)
    flags.append(f"long lines wrapped at {max_length} characters")
    return "\n".join(out)


def _decode(data: bytes) -> DecodedText:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"the file starts with a {codec} byte-order mark but is not valid {codec}"
                ) from exc
            name = "utf-8" if codec == "utf-8-sig" else codec
            return DecodedText(text.lstrip("\ufeff"), name, 1.0)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _refuse_binary(data)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    return _guess_legacy(data)


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text saved without a BOM shows NUL in every other byte; decode it as such."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return DecodedText(text, codec, 0.8, [])


def _refuse_binary(data: bytes) -> None:
    """Refuse data with many NUL bytes: no text encoding we accept produces them."""
    nuls = data.count(0)
    if nuls and nuls > max(2, len(data) // 1000):
        raise IngestError(f"binary data, not text ({nuls} NUL bytes in {len(data)} bytes)")


def _handle_controls(text: str, flags: list[str]) -> str:
    """Drop stray NULs (flagged); refuse text that is mostly control characters."""
    if "\x00" in text:
        text = text.replace("\x00", "")
        flags.append("NUL bytes removed")
    sample = text[:200_000]
    controls = len(_CONTROLS.findall(sample))  # regex, not a Python loop per character
    if controls:  # (the visible characters are counted only then: most texts have none)
        visible = len(sample) - len(_SPACE.findall(sample))
        if visible and controls > 0.05 * visible:
            raise IngestError(
                f"binary data, not text ({controls} control characters in {len(sample)})"
            )
        text = _CONTROLS.sub("", text)
        flags.append("control characters removed")
    return text


def _guess_legacy(data: bytes) -> DecodedText:
    results = list(charset_normalizer.from_bytes(data, cp_isolation=_LEGACY))
    if not results:
        raise IngestError("not text: no known encoding decodes these bytes")
    best_chaos = min(r.chaos for r in results)
    best_coherence = max(r.coherence for r in results if r.chaos <= best_chaos + 0.01)
    tied = [
        r for r in results if r.chaos <= best_chaos + 0.01 and r.coherence >= best_coherence - 0.02
    ]

    def rank(match: charset_normalizer.CharsetMatch) -> int:
        names = [match.encoding, *match.could_be_from_charset]
        return min((_LEGACY.index(n) for n in names if n in _LEGACY), default=len(_LEGACY))

    chosen = min(tied, key=rank)
    codec = min(
        (n for n in [chosen.encoding, *chosen.could_be_from_charset] if n in _LEGACY),
        key=_LEGACY.index,
        default=chosen.encoding,
    )
    text = data.decode(codec, errors="replace")
    confidence = round((1.0 - chosen.chaos) * min(1.0, 0.5 + chosen.coherence), 3)
    # A single-byte code page cannot be identified from the bytes alone (Greek
    # ISO-8859-7 reads as plausible cp1251 Cyrillic): every such guess is named in a
    # flag, so a person checks the text against the original before relying on it.
    flags = [f"encoding guessed ({codec.replace('_', '-')}): check against the original"]
    return DecodedText(text, codec.replace("_", "-"), confidence, flags)
