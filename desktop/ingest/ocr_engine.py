"""Find the OCR engine (Tesseract 5) and say plainly how to get it when it is absent.

Tesseract is a separate program, not a Python package: Catena must start, import and
show documents without it. :func:`find_tesseract` is the one place that looks for the
program (tests replace it to stand for a machine without Tesseract); :func:`engine`
returns what was found with its version and installed languages, or raises
:class:`OcrUnavailable` whose message names the missing piece and the one command
that installs it on this operating system.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "CATENA_TESSERACT"
OCR_UNAVAILABLE = "no text: OCR unavailable"
"""Flag on a scan imported without OCR because the engine is not installed."""
OCR_TEXT = "OCR text"
"""Flag on a document whose working text was read by OCR from its page images."""

#: Languages a person can choose, Tesseract's code → the name shown.
LANGUAGES: dict[str, str] = {
    "eng": "English",
    "rus": "Russian",
    "ukr": "Ukrainian",
    "aze": "Azerbaijani (Latin)",
    "aze_cyrl": "Azerbaijani (Cyrillic)",
    "tur": "Turkish",
    "hye": "Armenian",
    "kat": "Georgian",
    "fra": "French",
    "deu": "German",
    "spa": "Spanish",
    "ita": "Italian",
}

#: Languages read better by Tesseract's model for their whole script than by their own
#: model: Debian's Azerbaijani Cyrillic model reads ш as "пт", ө as ә and ү as у (6.4 %
#: character errors on a clean page), the Cyrillic script model reads the same page
#: without an error (``bench/ocr_eval.py --languages aze_cyrl``). Used in place of the
#: language's own model when installed; the OCR provenance names the model used.
SCRIPT_MODELS: dict[str, str] = {"aze_cyrl": "Cyrillic"}

#: The distribution package of each script model (Debian's names).
SCRIPT_PACKAGES: dict[str, str] = {"Cyrillic": "tesseract-ocr-script-cyrl"}

DEFAULT_LANGUAGES: tuple[str, ...] = ("eng",)
"""What an import reads scans in unless the person chooses (``--ocr-lang``)."""


def parse_languages(spec: str) -> tuple[str, ...]:
    """``"eng+rus"`` or ``"eng,rus"`` → ("eng", "rus"); ValueError names an unknown code."""
    codes = tuple(dict.fromkeys(c.strip() for c in spec.replace(",", "+").split("+") if c.strip()))
    if not codes:
        raise ValueError("no OCR language given (e.g. eng or eng+rus)")
    unknown = [c for c in codes if c not in LANGUAGES]
    if unknown:
        known = ", ".join(LANGUAGES)
        raise ValueError(f"unknown OCR language {', '.join(unknown)} (known: {known})")
    return codes


def debian_packages() -> list[str]:
    """The Debian packages of every model Catena reads with: the languages, the
    orientation model and the script models (the .deb and .ci/system-deps name them)."""
    return [
        *(f"tesseract-ocr-{code.replace('_', '-')}" for code in [*LANGUAGES, "osd"]),
        *SCRIPT_PACKAGES.values(),
    ]


_DEBIAN_PACKAGES = " ".join(["tesseract-ocr", *debian_packages()])
HOW_TO_INSTALL: dict[str, str] = {
    "linux": f"install Tesseract 5: sudo apt install {_DEBIAN_PACKAGES} "
    "(Fedora: sudo dnf install tesseract tesseract-langpack-*)",
    "darwin": "install Tesseract 5: brew install tesseract tesseract-lang",
    "win32": "install Tesseract 5 with its language data from "
    "https://github.com/UB-Mannheim/tesseract/wiki, or set CATENA_TESSERACT to tesseract.exe",
}


class OcrUnavailable(Exception):
    """OCR cannot run here; the message is one line a person can act on."""


def how_to_install(platform: str | None = None) -> str:
    """The one-line install instruction for *platform* (``sys.platform`` by default)."""
    platform = platform or sys.platform
    key = "win32" if platform.startswith(("win", "cygwin")) else platform
    return HOW_TO_INSTALL.get(key, HOW_TO_INSTALL["linux"])


def unavailable_message(reason: str = "Tesseract was not found") -> str:
    return f"OCR unavailable: {reason}; {how_to_install()}"


def _candidates() -> list[Path]:
    """Where an installer puts Tesseract next to Catena (frozen builds) or the OS default."""
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    exe = "tesseract.exe" if sys.platform == "win32" else "tesseract"
    if bundle:
        found.append(Path(bundle) / "tesseract" / exe)
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("LOCALAPPDATA")):
            if root:
                found.append(Path(root) / "Tesseract-OCR" / exe)
    if sys.platform == "darwin":
        found += [Path("/opt/homebrew/bin/tesseract"), Path("/usr/local/bin/tesseract")]
    return found


def find_tesseract() -> str | None:
    """Path of the tesseract program: $CATENA_TESSERACT, then PATH, then install folders."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return chosen if Path(chosen).is_file() else None
    on_path = shutil.which("tesseract")
    if on_path:
        return on_path
    return next((str(p) for p in _candidates() if p.is_file()), None)


@dataclass(frozen=True)
class Engine:
    """The engine found: recorded with every OCR text as part of its provenance."""

    path: str
    version: str
    languages: frozenset[str]

    @property
    def name(self) -> str:
        return "Tesseract"

    def check_languages(self, wanted: tuple[str, ...]) -> None:
        """Raise OcrUnavailable naming the language packs this engine lacks (a language
        read with its script model needs only one of the two)."""
        missing = [code for code in wanted if self.models_for((code,))[0] not in self.languages]
        if missing:
            names = ", ".join(f"{LANGUAGES.get(c, c)} ({c})" for c in missing)
            raise OcrUnavailable(f"OCR language data missing for {names}; {how_to_install()}")

    def models_for(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        """The models Tesseract reads *languages* with here: a language's script model
        (SCRIPT_MODELS) when installed or when its own model is not, else its own model."""
        chosen = []
        for code in languages:
            script = SCRIPT_MODELS.get(code)
            if script is not None and (script in self.languages or code not in self.languages):
                chosen.append(script)
            else:
                chosen.append(code)
        return tuple(dict.fromkeys(chosen))


@functools.lru_cache(maxsize=4)
def _probe(path: str) -> Engine:
    try:
        version_out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
        langs_out = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable(unavailable_message(f"{path} does not run ({exc})")) from exc
    first = (version_out.stdout or version_out.stderr).strip().splitlines()
    version = first[0].split()[-1] if first else "unknown"
    languages = frozenset(
        line.strip()
        for line in langs_out.stdout.splitlines()[1:]
        if line.strip() and " " not in line.strip()
    )
    if not version[:1].isdigit() or int(version.split(".")[0]) < 4:
        raise OcrUnavailable(unavailable_message(f"{path} is not Tesseract 4 or newer"))
    return Engine(path=path, version=version, languages=languages)


def engine() -> Engine:
    """The installed engine, or OcrUnavailable with how to install it."""
    path = find_tesseract()
    if path is None:
        raise OcrUnavailable(unavailable_message())
    bundled_data = Path(path).parent / "tessdata"
    if bundled_data.is_dir() and "TESSDATA_PREFIX" not in os.environ:
        # A copy bundled by an installer keeps its language data beside it.
        os.environ["TESSDATA_PREFIX"] = str(bundled_data)
    return _probe(path)


def available() -> bool:
    try:
        engine()
    except OcrUnavailable:
        return False
    return True
