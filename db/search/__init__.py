"""Catalogue search: turning what a person types into safe, typed queries.

``db.search.query`` parses the search box; the backend that runs queries against the
FTS5 index lives beside it. Nothing here imports the application or a GUI toolkit.
"""
