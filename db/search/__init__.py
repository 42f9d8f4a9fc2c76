"""Catalogue search: turning what a person types into safe, typed queries, and running them.

``query`` parses the search box; ``schema`` and ``index`` define the FTS5 index and keep
it in step with the catalogue; ``engine`` runs searches, facets and saved searches;
``snippets`` shows matches in the documents' own characters; ``variants`` holds the
spelling-variant table. Nothing here imports the application or a GUI toolkit.
"""
