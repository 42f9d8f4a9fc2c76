"""Splitting what was typed into the search box into tokens for the parser.

A token is a word, a quoted phrase, a ``name:value`` field, a parenthesis, ``-``, or
one of the upper-case keywords ``AND`` / ``OR`` / ``NOT``. The tokenizer already
refuses what no parse could rescue: an unclosed quote and an unknown field name (with
a message listing the known ones). See ``db.search.query`` for the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from db.search.syntax import FIELDS, QuerySyntaxError, at_position

_FIELD_START = re.compile(r"([A-Za-z]+):")
_KEYWORDS = frozenset({"OR", "AND", "NOT"})
_WORD_STOP = frozenset("()")


class Kind(Enum):
    WORD = auto()
    PHRASE = auto()
    FIELD = auto()
    LPAREN = auto()
    RPAREN = auto()
    MINUS = auto()
    NOT = auto()
    AND = auto()
    OR = auto()
    END = auto()


OPERAND_START = frozenset({Kind.WORD, Kind.PHRASE, Kind.FIELD, Kind.LPAREN, Kind.MINUS, Kind.NOT})
NO_OPERAND = frozenset({Kind.END, Kind.RPAREN, Kind.OR, Kind.AND})


@dataclass(frozen=True, slots=True)
class Token:
    kind: Kind
    position: int
    text: str = ""  # word or phrase as typed (stars removed); field value as typed
    name: str = ""  # field name, lower-case
    prefix: bool = False
    quoted: bool = False


def _closing_quote(text: str, opening: int) -> int:
    end = text.find('"', opening + 1)
    if end < 0:
        raise QuerySyntaxError(
            f'Unclosed quote {at_position(opening)}: add a closing " to end the phrase.', opening
        )
    return end


def word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in _WORD_STOP:
        end += 1
    return end


def tokenize(text: str) -> list[Token]:
    """Split *text* into tokens; raises on unclosed quotes and unknown fields."""
    tokens: list[Token] = []
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "(":
            tokens.append(Token(Kind.LPAREN, i))
            i += 1
        elif char == ")":
            tokens.append(Token(Kind.RPAREN, i))
            i += 1
        elif char == '"':
            end = _closing_quote(text, i)
            stars = end + 1
            while stars < length and text[stars] == "*":
                stars += 1
            tokens.append(Token(Kind.PHRASE, i, text[i + 1 : end], prefix=stars > end + 1))
            i = stars
        elif char == "-" and i + 1 < length and not text[i + 1].isspace() and text[i + 1] != ")":
            tokens.append(Token(Kind.MINUS, i))
            i += 1
        elif (match := _FIELD_START.match(text, i)) and not text.startswith("//", match.end()):
            token, i = _field_token(text, match)
            tokens.append(token)
        else:
            end = word_end(text, i)
            word = text[i:end]
            after_minus = bool(tokens) and tokens[-1].kind is Kind.MINUS
            if word in _KEYWORDS and not after_minus:
                tokens.append(Token(Kind[word], i, word))
            else:
                stem = word.rstrip("*")
                tokens.append(Token(Kind.WORD, i, stem, prefix=len(stem) < len(word)))
            i = end
    return tokens


def _field_token(text: str, match: re.Match[str]) -> tuple[Token, int]:
    start = match.start()
    name = match.group(1).lower()
    if name not in FIELDS:
        raise QuerySyntaxError(
            f"Unknown field '{match.group(1)}:' {at_position(start)} — known fields are "
            f"{', '.join(f'{known}:' for known in sorted(FIELDS))}. "
            "To search for the text itself, put it in quotes.",
            start,
        )
    value_start = match.end()
    if text.startswith('"', value_start):
        end = _closing_quote(text, value_start)
        value = text[value_start + 1 : end]
        return Token(Kind.FIELD, start, value, name=name, quoted=True), end + 1
    end = word_end(text, value_start)
    return Token(Kind.FIELD, start, text[value_start:end], name=name), end
