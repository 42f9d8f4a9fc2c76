"""The one compiled piece of Catena, optional: everything else is in pyproject.toml.

``db._langid_walk`` counts the language model's n-grams in C for the importer's hot
path (``db.language_model``). Where it cannot be built (no C compiler or no Python
headers at install time), installing goes on without it and the numpy steps answer,
with the same results.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "db._langid_walk",
            sources=["db/_langid_walk.c"],
            optional=True,
        )
    ]
)
