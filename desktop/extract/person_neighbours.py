"""The words right beside a capitalised run, as the uncued people finder reads them.

A title or kin noun just before a name ("генерал X", "oğlum Murat"), a head just before
or after it ("rue X", "Xocalı rayonu"), a form of address after a given name ("Həsən
kişi"). These are read for every capitalised run of every imported text, so they scan
a few characters by hand rather than search with patterns anchored at the end.
"""

from __future__ import annotations

import re

from desktop.extract.person_words import KIN_WORDS, POST_TITLES, all_heads, titles_before

_WORD_CHARS = frozenset("’'-")


def word_before(text: str, start: int) -> tuple[str, bool]:
    """The word right before *start* on the same line, and whether a '.' or ',' follows it.

    A backwards scan rather than a regular expression anchored at the end: this runs for
    every capitalised run of every imported text.
    """
    index = start
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    if index == start:
        return "", False
    punctuated = False
    if index > 0 and text[index - 1] in ",՝":  # Armenian "՝" sets off an apposition
        index -= 1
        punctuated = True
    if index > 0 and text[index - 1] == ".":
        index -= 1
        punctuated = True
    end = index
    while index > 0 and (text[index - 1].isalnum() or text[index - 1] in _WORD_CHARS):
        index -= 1
    while index < end and not text[index].isalpha():
        index += 1
    return text[index:end], punctuated


def title_word(word: str) -> str | None:
    """*word*, the word before a run, when it is a lower-case title ("генерал X", "its
    leader, X")."""
    if word and word.casefold().replace("’", "'") in titles_before():
        return word
    return None


def is_head_word(before: tuple[str, bool]) -> bool:
    """*before* (from ``word_before``) is a head written before a name ("rue X")."""
    word, punctuated = before
    return bool(word) and not punctuated and word.casefold() in all_heads()


_WORD_AFTER = re.compile(r"^[ \t]+([^\W\d_][\w’'-]*)")


# Languages that write a lower-case head after a name ("Xocalı rayonu", "Aliyev küçəsi").
_HEAD_AFTER_LANGUAGES = frozenset({"az", "tr", "hy", "ka"})


def word_after_is_head(text: str, end: int, language: str | None) -> bool:
    """The word after *end* is a head that makes the run before it a place or body."""
    match = _WORD_AFTER.match(text[end : end + 30])
    if not match:
        return False
    word = match.group(1)
    if not word[:1].isupper() and language not in _HEAD_AFTER_LANGUAGES:
        return False  # "…Савчука суд закрив": the next word, not a head of the name
    return word.casefold() in all_heads()


def post_title_after(text: str, end: int) -> bool:
    """'Həsən kişi', 'Ayşe teyze': a form of address written after a given name."""
    match = _WORD_AFTER.match(text[end : end + 20])
    return bool(match and match.group(1).casefold() in POST_TITLES)


def is_kin_word(before: tuple[str, bool]) -> bool:
    """*before* (from ``word_before``) is a kin noun right before the name: 'my younger
    brother Vakha', 'oğlum Murat', 'Եղբայրս՝ Սամվելը', "my brother, Samvel" too."""
    word, _punctuated = before
    return bool(word) and word.casefold() in KIN_WORDS
