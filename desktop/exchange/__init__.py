"""Interoperability: Catena's records in the formats other tools read, and back.

No Qt and no ReportLab here (a bag's optional dossier PDF is printed through
``desktop.dossier``). The window and the CLI use these entry points:

* ``export(catalogue, format=…, selection=…, output=…, progress=…) -> ExportResult``
* ``import_archive(catalogue, path, allow_missing=…) -> ArchiveImport`` (into an empty
  catalogue; everything checked before anything is written)
* ``import_metadata(catalogue, path, dry_run=…, create=…) -> MetadataImport``

Formats and mappings are described in docs/exchange.md.
"""

from desktop.exchange.api import FORMATS, ExportOptions, export, normal_format
from desktop.exchange.archive import ArchiveImport, import_archive
from desktop.exchange.common import ExchangeError, ExportResult, Selection
from desktop.exchange.metadata_import import MetadataImport, import_metadata

__all__ = [
    "FORMATS",
    "ArchiveImport",
    "ExchangeError",
    "ExportOptions",
    "ExportResult",
    "MetadataImport",
    "Selection",
    "export",
    "import_archive",
    "import_metadata",
    "normal_format",
]
