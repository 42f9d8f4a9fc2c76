"""anyascii reads its transliteration tables with importlib.resources from
``anyascii/_data`` (a folder without ``__init__.py``); PyInstaller has no hook for it."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("anyascii", includes=["_data/*"])
