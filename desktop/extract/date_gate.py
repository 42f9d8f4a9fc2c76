"""One regular expression for "does any of these date shapes start here?".

The date finder tries a dozen shapes at every number and at the words just before one
(``date_suggestions._candidates``), and at most places none of them matches: a count,
a page number, a year the rules do not take. Asked one by one, each shape costs a call
from Python; joined into one alternation, the regex engine tries them all in one call,
and only where that one matches are they asked again one by one, in their own order,
for their groups. The matches are the same: an alternation matches at a place exactly
when one of its branches does. Where it matches, it also says which branch did
(``first_branch``): the engine tries the branches in order and a later one is tried only
once every earlier one has failed there, so the shapes before that one need not be
asked again (a plain year usually passes the gate by the bare-year shape alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_JOINABLE_FLAGS = re.IGNORECASE | re.UNICODE


def any_of(patterns: Sequence[re.Pattern[str]]) -> tuple[re.Pattern[str] | None, list[int]]:
    """One pattern that matches (with ``match``) wherever one of *patterns* does, so an
    anchor where none can is passed over with one call instead of one per pattern (most
    numbers in a text start no date); and the indexes of the patterns it leaves out,
    which are tried anyway: a back-reference would point elsewhere once joined, another
    flag would apply to all. None (and every index) when fewer than two can be joined."""
    sources: list[str] = []
    left_out: list[int] = []
    for index, pattern in enumerate(patterns):
        source = pattern.pattern
        if pattern.flags & ~_JOINABLE_FLAGS or _BACK_REFERENCE.search(source) or "\\(?P<" in source:
            left_out.append(index)
            continue
        source = _NAMED_GROUP.sub("(?:", source)  # two patterns may name a group alike
        if pattern.flags & re.IGNORECASE:
            source = f"(?i:{source})"
        # The branch's own group, closed last when it matches: ``first_branch`` reads it.
        sources.append(f"(?P<{_BRANCH}{index}>{source})")
    if len(sources) >= 2:
        try:
            return re.compile("|".join(sources)), left_out
        except re.error:
            pass  # e.g. a global inline flag inside one of them
    return None, list(range(len(patterns)))


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BRANCH = "_branch"


def first_branch(match: re.Match[str]) -> int:
    """The index (in the patterns given to ``any_of``) of the pattern that matched where
    the gate's *match* did: every pattern joined before it fails at that place."""
    name = match.lastgroup
    assert name is not None and name.startswith(_BRANCH)
    return int(name[len(_BRANCH) :])
