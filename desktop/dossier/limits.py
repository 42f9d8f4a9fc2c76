"""How much of one catalogue field a dossier prints, so no value can stall the layout.

ReportLab breaks lines by measuring words one character at a time and re-measures a
paragraph each time it is split across a page, so layout time grows with the length
of a field times the pages it spans: a 5 MB title held ``catena dossier`` for minutes.
Every field that reaches the page is therefore cut to a length that still prints
whole for any sensible value, and the cut is marked in print with the field's full
length (:func:`desktop.dossier.escape.shorten`: "… [truncated: 5,242,880 characters;
full text in the catalogue]"). Words with no break opportunity (a megabyte of
letters without a space, CJK text) are broken at the frame edge by the styles'
``splitLongWords``.

Quotations are the evidence and are not cut by these limits: an excerpt prints in
full up to ``excerpts.EXCERPT_LIMIT`` characters and beyond that in windows around its
tagged spans, every omission marked "[… n characters omitted …]".
"""

from __future__ import annotations

TITLE_CHARS = 500  # the dossier's title in the page header and PDF metadata
SEGMENT_CHARS = 500  # one segment of a citation (a title, a publisher, a URL)
NAME_CHARS = 300  # a person's name variant, a role, a display date
TEXT_CHARS = 20_000  # running text of one field: notes, excerpt notes
METADATA_CHARS = 2000  # PDF document information (title, author, subject, keywords)
WARNING_LINES = 200  # lines of the glyph report printed in the appendix

# Content ReportLab cannot split across pages, shortened with a "[n more characters]"
# note; and the sizes running text and tables are cut into.
HEADING_LIMIT = 240
CELL_LIMIT = 1500
QUOTE_LIMIT = 600
CAPTION_LIMIT = 1200
CHUNK_CHARS = 6000  # running text longer than this is cut into several paragraphs
TABLE_CHUNK_ROWS = 60  # long tables are cut into tables of this many rows

__all__ = [
    "CAPTION_LIMIT",
    "CELL_LIMIT",
    "CHUNK_CHARS",
    "HEADING_LIMIT",
    "METADATA_CHARS",
    "NAME_CHARS",
    "QUOTE_LIMIT",
    "SEGMENT_CHARS",
    "TABLE_CHUNK_ROWS",
    "TEXT_CHARS",
    "TITLE_CHARS",
    "WARNING_LINES",
]
