"""Which language each paragraph of a text is written in, so extractors pick their rules.

It lives with the catalogue because the catalogue stores the result with each
document (``documents.language_spans``) and its migrations must be able to compute it
for documents catalogued before it was stored; ``desktop.extract.languages`` is the
name the extractors use for it.

The detector is py3langid (a maintained fork of langid.py: a naive Bayes model over byte
n-grams covering 97 languages, shipped inside the wheel, nothing downloaded). It is
loaded once per process on first use (about a second), never at import time, so commands
that do not suggest tags do not pay for it.

Two corrections the model cannot make on its own:

* Azerbaijani in Cyrillic script (used until 1991, and in many archived letters) looks to
  a byte model like Russian; the letters ә, ҹ and ј occur in no Russian word.
* Short paragraphs (a speaker label, a heading, a dateline) carry too little text to be
  classified; they take the language of the document as a whole.

An import asks twice about most paragraphs: the cleaner needs the document's language
(its paragraphs' majority) before it cleans, then the cleaned text is mapped, and
cleaning mostly removes whole lines. An answer depends only on the paragraph's first
characters, so the cleaner's answers are kept (per thread) until the next map reads
them, and an unchanged paragraph is read once.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.language_model import FastIdentifier
    from db.models import Document

# Languages whose rules Catena's extractors carry. Other languages are still detected and
# stored; extractors fall back to their language-neutral rules for them.
SUPPORTED = ("en", "ru", "uk", "az", "tr", "hy", "ka", "fr", "es", "de", "it")

_MIN_LETTERS = 40  # fewer letters than this and a paragraph takes the document's language
_MIN_PROBABILITY = 0.5
_SAMPLE = 20_000  # characters read to decide the document's language
_PARAGRAPH_SAMPLE = 300  # characters of a paragraph read to decide its language
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_NOT_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)  # the complement of _LETTER
_AZ_CYRILLIC = re.compile(r"[әҹјӘҸЈ]")
_AZ_LATIN_WORD = re.compile(r"\w*[əƏ]\w*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_OWN_SCRIPTS = (
    (re.compile(r"[\u0531-\u058f\ufb13-\ufb17]"), "hy"),
    (re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]"), "ka"),
)
_OWN_SCRIPT = re.compile("|".join(script.pattern for script, _code in _OWN_SCRIPTS))
_AZ_LETTER_SHARE = 40  # at least one letter in this many is ə (or ә, ҹ, ј): prose, not a name

_lock = threading.Lock()
_identifier: FastIdentifier | None = None
_KEPT_MOST = 4096  # paragraph answers kept for the next map (a long PDF's pages)
_kept = threading.local()  # .answers: {paragraph's first characters: language or ""}


@dataclass(frozen=True)
class LanguageSpan:
    """``text[start:end]`` is written in ``language`` (an ISO 639-1 code)."""

    start: int
    end: int
    language: str


@dataclass(frozen=True)
class LanguageMap:
    """The language of every paragraph of one text, and of the text as a whole.

    ``at(position)`` answers for any character offset; offsets between paragraphs (the
    blank lines) and texts too short to classify answer with the document's language.
    """

    spans: tuple[LanguageSpan, ...]
    document: str | None

    @cached_property
    def _starts(self) -> list[int]:
        """Where each span starts: ``at`` is asked for every name and number."""
        return [span.start for span in self.spans]

    def at(self, position: int) -> str | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.spans[index].end:
            return self.spans[index].language
        return self.document

    def languages(self) -> frozenset[str]:
        """Every language that occurs, the document's included."""
        found = {span.language for span in self.spans}
        if self.document:
            found.add(self.document)
        return frozenset(found)

    def as_json(self) -> list[list[int | str]]:
        """``[[start, end, language], …]``: the stored form."""
        return [[span.start, span.end, span.language] for span in self.spans]


def stored_language_map(stored: object, document: str | None) -> LanguageMap | None:
    """The map kept in ``documents.language_spans`` (*stored*), with *document* (the
    document's own language) for the offsets between paragraphs; None when nothing
    usable was stored (never detected, or a value another program wrote badly)."""
    if not isinstance(stored, list):
        return None
    spans: list[LanguageSpan] = []
    for entry in stored:
        if not (isinstance(entry, list | tuple) and len(entry) == 3):
            return None
        start, end, language = entry
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(language, str)):
            return None
        if start >= end or (spans and start < spans[-1].end):
            return None
        spans.append(LanguageSpan(start, end, language))
    return LanguageMap(tuple(spans), document or (spans[0].language if spans else None))


def fixed_language(text: str, language: str) -> LanguageMap:
    """A map that says *language* everywhere (a person chose it, or a test needs it)."""
    return LanguageMap((LanguageSpan(0, len(text), language),), language)


def load_model() -> None:
    """Load the model now: an importer about to fork its workers loads it once, and the
    workers share its memory instead of each loading its own (~0.5 s, ~150 MB each)."""
    _model()


def _model() -> FastIdentifier:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import (  # type: ignore[import-untyped]
                MODEL_FILE,
                LanguageIdentifier,
            )

            # numpy comes with it (~0.1 s): only commands that detect languages pay.
            from db.language_model import FastIdentifier

            loaded = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            _identifier = FastIdentifier(loaded)
        return _identifier


def _letters(text: str) -> int:
    """How many letters *text* holds: what is left once the rest is cut out (a list
    of every letter, as ``findall`` builds, cost more than the model on short texts)."""
    return len(_NOT_LETTERS.sub("", text))


def classify(text: str, *, letters: int | None = None) -> tuple[str | None, float]:
    """Language of *text* and the model's probability, with the script corrections.
    *letters* is ``_letters(text)`` when the caller has counted them already."""
    if letters is None:
        letters = _letters(text)
    answer = _by_script(text, letters)
    if answer is not None:
        return answer
    language, probability = _model().classify(text)
    return _corrected(text, letters, language, probability)


def _by_script(text: str, letters: int) -> tuple[str | None, float] | None:
    """The answer when the letters alone give it (none, or Armenian or Georgian ones);
    None when the model must read *text*."""
    if not letters:
        return None, 0.0
    if not text.isascii() and _OWN_SCRIPT.search(text):
        for script, code in _OWN_SCRIPTS:
            # Armenian and Georgian letters are written for one language each: no model
            # needed (and it would read three bytes per letter to say so).
            if len(script.findall(text)) * 10 >= letters * 9:
                return code, 1.0
    return None


def _corrected(
    text: str, letters: int, language: str, probability: float
) -> tuple[str | None, float]:
    """The model's answer for *text* (*language*, *probability*) with Azerbaijani's
    letters taken into account."""
    code = str(language)
    if text.isascii():
        return code, float(probability)  # no ə, no Cyrillic: nothing to correct
    # The letters must be common, as in Azerbaijani prose (ə is about one letter in
    # twelve), not one quoted name ("Xocalı rayonu", "Әлиев") in an English or Russian text.
    share = max(1, letters // _AZ_LETTER_SHARE)
    schwas = text.count("ə") + text.count("Ə")
    if code in {"tr", "az", "tk", "en"} and schwas >= share:
        return "az", max(float(probability), _MIN_PROBABILITY)
    cyrillic = _CYRILLIC.search(text) is not None
    if code == "az" and schwas and not cyrillic:
        # The model takes a single ə for proof; read the text again without those words.
        rest = _AZ_LATIN_WORD.sub(" ", text)
        if _LETTER.search(rest):
            language, probability = _model().classify(rest)
            code = str(language)
    if cyrillic and len(_AZ_CYRILLIC.findall(text)) >= max(2, share):
        return "az", max(float(probability), _MIN_PROBABILITY)
    return code, float(probability)


def _classify_each(samples: list[tuple[str, int]]) -> list[tuple[str | None, float]]:
    """``classify`` of each (text, letters) of *samples*, the model reading all the
    texts it must read in one pass (``FastIdentifier.classify_many``)."""
    by_script = [_by_script(text, letters) for text, letters in samples]
    unread = [sample for sample, answer in zip(samples, by_script, strict=True) if answer is None]
    read = iter(_read_all([text for text, _letters in unread]) if unread else ())
    answers: list[tuple[str | None, float]] = []
    for (text, letters), answer in zip(samples, by_script, strict=True):
        if answer is None:
            language, probability = next(read)
            answer = _corrected(text, letters, language, probability)
        answers.append(answer)
    return answers


def _read_all(texts: list[str]) -> list[tuple[str, float]]:
    """The model's answer for each of *texts*: in one pass, or one by one when the
    model in place is py3langid's own (a test compares the two ways)."""
    model = _model()
    from db.language_model import FastIdentifier  # loaded by _model() already

    if isinstance(model, FastIdentifier):
        return model.classify_many(texts)
    return [model.classify(text) for text in texts]


def document_language(text: str) -> str | None:
    """The dominant language of *text*, or None when there is too little to tell."""
    sample = text[:_SAMPLE]
    letters = _letters(sample)  # counted once: 20,000 characters take a while
    if letters < 12:
        return None
    language, probability = classify(sample, letters=letters)
    return language if probability >= _MIN_PROBABILITY or letters >= 200 else None


def detect_languages(text: str, *, document: str | None = None, keep: bool = False) -> LanguageMap:
    """Language per paragraph of *text*.

    *document* is the document's language when it is already known (a person set it or the
    file declares it); otherwise it is the language of most of the classified paragraphs'
    letters (the text as a whole is classified only when no paragraph is long enough).
    Each paragraph is read once, and only its first ``_PARAGRAPH_SAMPLE`` characters:
    enough to tell, and the cost stays flat; the model reads all of them in one pass.

    *keep*: the paragraphs' answers are kept for the next call without it (the cleaner
    asks before the cleaned text is mapped, about the cleaned text or, when a menu
    word needs it, the text as given, of which most paragraphs stay as they were; a
    PDF's pages are cleaned one by one, then mapped together), which reads what
    it can from them and then forgets them all. Only those calls share answers: asking
    again about the same text reads it again, so a timing loop times the reading.
    """
    paragraphs = [(match.start(), match.end()) for match in _PARAGRAPH.finditer(text)]
    kept: dict[str, str] = getattr(_kept, "answers", {})
    _kept.answers = kept if keep else {}
    answers = _paragraph_answers(
        [text[start : min(end, start + _PARAGRAPH_SAMPLE)] for start, end in paragraphs],
        kept,
        keep,
    )
    found: list[tuple[int, int, str | None]] = []
    votes: dict[str, int] = {}
    for (start, end), language in zip(paragraphs, answers, strict=True):
        if language is not None:
            votes[language] = votes.get(language, 0) + end - start  # its length, read or not
        found.append((start, end, language))
    whole = document
    if whole is None:
        whole = max(votes, key=lambda code: votes[code]) if votes else document_language(text)
    spans: list[LanguageSpan] = []
    for start, end, own in found:
        language = own or whole
        if language is None:
            continue
        if spans and spans[-1].language == language:
            spans[-1] = LanguageSpan(spans[-1].start, end, language)
        else:
            spans.append(LanguageSpan(start, end, language))
    return LanguageMap(tuple(spans), whole)


def _paragraph_answers(samples: list[str], kept: dict[str, str], keep: bool) -> list[str | None]:
    """The language of each paragraph whose first characters are *samples*: None when
    it has too few letters to tell or the model is unsure.

    An answer depends on the sample alone: those in *kept* (from the cleaner's question
    about the text before it was cleaned) are not read again; with *keep*, every sample
    is read (a parse timed in a loop reads each time) and its answer added to *kept*
    for the next call."""
    answers: list[str | None] = []
    unknown: list[tuple[int, str]] = []  # (index in answers, sample) of those not kept
    for sample in samples:
        if len(sample) < _MIN_LETTERS:
            known: str | None = ""  # too short to have enough letters
        else:
            known = None if keep else kept.get(sample)
        if known is None:
            unknown.append((len(answers), sample))
        answers.append(known or None)
    if not unknown:
        return answers
    from db.language_model import letters_of_each  # numpy: only when something is read

    counted = letters_of_each([sample for _index, sample in unknown])
    unread: list[tuple[int, str, int]] = []  # (index in answers, sample, letters)
    for (index, sample), letters in zip(unknown, counted, strict=True):
        if letters >= _MIN_LETTERS:
            unread.append((index, sample, letters))
    read = _classify_each([(sample, letters) for _index, sample, letters in unread])
    for (index, _sample, _letters), (guess, probability) in zip(unread, read, strict=True):
        if guess is not None and probability >= _MIN_PROBABILITY:
            answers[index] = guess
    if keep:
        if len(kept) + len(unknown) > _KEPT_MOST:
            kept.clear()  # a text nobody mapped (or an endless one): start again
        kept.update((sample, answers[index] or "") for index, sample in unknown)
    return answers


def languages_of_document(
    text: str, language: str | None, guessed: Iterable[str]
) -> tuple[LanguageMap, str | None]:
    """The paragraph map of a document's *text*, and the language its record should say.

    A language a person set or the file declared (*language*, not among the *guessed*
    fields) is kept and fills the paragraphs too short to tell; a guessed or missing one
    gives way to the detector's (kept when the text is too short to tell).
    """
    declared = language if language and "language" not in set(guessed) else None
    found = detect_languages(text, document=declared)
    return found, declared or found.document or language


def redetect_languages(document: Document) -> LanguageMap:
    """Store the paragraph map of *document*'s current text (and a better guess of its
    language, marked as guessed): whenever the text is written anew."""
    found, language = languages_of_document(document.text, document.language, document.guessed)
    document.language_spans = found.as_json() or None
    if language != document.language:
        document.language = language
        document.guessed = sorted({*document.guessed, "language"})
    return found
