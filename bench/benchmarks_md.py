"""BENCHMARKS.md's generated tables: each script rewrites only its own marked block.

A script's table sits between ``<!-- bench/NAME.py: start -->`` and ``… end -->``; the
prose around it is written by people and is never touched. The first run of a script
adds its section at the end of the file.
"""

from __future__ import annotations

from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def write_block(script: str, heading: str, block: str, target: Path = BENCHMARKS) -> None:
    """Put *block* between *script*'s markers in *target* (a new section under
    *heading* when the markers are not there yet)."""
    start, end = f"<!-- {script}: start -->", f"<!-- {script}: end -->"
    text = target.read_text(encoding="utf-8")
    wrapped = f"{start}\n{block}\n{end}"
    if start in text:
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        target.write_text(before + wrapped + after, encoding="utf-8")
    else:
        section = f"## {heading}\n\n{wrapped}\n"
        target.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")
