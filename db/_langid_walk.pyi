"""Type stub of the optional C module ``db/_langid_walk.c`` (see its comment)."""

from typing_extensions import Buffer

def count_features(
    data: Buffer,
    lengths: Buffer,
    next_move: Buffer,
    move_size: int,
    row_base: Buffer,
    output: Buffer,
    features: Buffer,
    counts: Buffer,
    bounds: Buffer,
    /,
) -> int: ...
