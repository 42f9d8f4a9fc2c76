"""Catalogue search: turning what a person types into safe, typed queries, and running them.

The query language: ``syntax`` (fields, the query tree, the error), ``tokens`` (typed
text into tokens), ``query`` (the parser), ``fts5`` (the text part as an FTS5 MATCH
expression), ``filters`` (field filters as SQL conditions). Running it: ``run`` (ranked
pages and matching ids), ``facets`` (counts per facet), ``saved`` (saved searches);
``engine`` re-exports their public entry points. ``schema`` and ``index`` define the
FTS5 index and keep it in step with the catalogue (``index_store`` decides what to
write, ``fts5_store`` writes it on SQLite). On PostgreSQL the same entry points run
over a tsvector index: ``dialect`` says which engine a session talks to,
``schema_postgresql`` holds its tables, ``tsvector`` compiles queries and builds
vectors, ``tsvector_store`` writes them, ``filters_postgresql`` compares folded
values without ``catena_fold``; ``text_match`` is the boolean compiler both share.
``snippets`` shows matches in the documents' own characters; ``variants`` holds the
spelling-variant table and expands queries with it. Nothing here imports the
application or a GUI toolkit.
"""
