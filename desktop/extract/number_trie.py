"""Word lists compiled as a prefix tree, so a regular expression tries a few letters, not
every word.

Python's regular-expression engine tries the branches of an alternation one after the
other. A list of 150 Russian number words ("два|две|двадцать|двести|…") written as an
alternation is therefore tried 150 times at every word start of a paragraph, and these
lists are scanned over every paragraph Catena suggests figures for. Written as a prefix
tree ("дв(?:а(?:дцать)?|е(?:сти)?)|…") the same strings match, but a word is given up
after the few letters it shares with the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # key of the child that marks the end of a word


def _tree(words: Iterable[str]) -> _Node:
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def _source(node: _Node, char_pattern: dict[str, str]) -> str:
    branches = [
        char_pattern.get(char, re.escape(char)) + _source(child, char_pattern)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def shortest_prefixes(words: Iterable[str]) -> list[str]:
    """The words that no other word of the list begins with.

    Where only "does the text start with one of these words here?" matters, the longer
    words add nothing: "два" already answers for "двадцать".
    """
    kept: list[str] = []
    for word in sorted(set(words), key=len):
        if not any(word.startswith(shorter) for shorter in kept):
            kept.append(word)
    return kept


def trie_alternation(words: Iterable[str], char_pattern: dict[str, str] | None = None) -> str:
    """A regular-expression source matching exactly the strings in *words*.

    Each character is written escaped, or as *char_pattern* gives it (an apostrophe as
    ``['’ʼ]``). The source is non-capturing and may be used wherever the alternation
    ``(?:w1|w2|…)`` could (flags such as IGNORECASE apply to it in the same way).
    """
    tree = _tree(words)
    if not tree:
        return "(?!)"  # no words: matches nothing
    return _source(tree, char_pattern or {})
