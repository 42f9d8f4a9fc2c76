"""The dossier's fonts: the bundled families and their licences, and a clear error when
the configured font folder holds nothing usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.dossier.data import DossierData
from desktop.dossier.fonts import ENV_VAR, FontError, resolve_fonts
from desktop.dossier.render import render

from .test_dossier_render_sample import sample_dossier


@pytest.fixture
def sample(tmp_path: Path) -> DossierData:
    return sample_dossier(tmp_path)


def test_bundled_fonts_cover_all_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    fonts = resolve_fonts()
    assert fonts.label.startswith("DejaVu")
    assert len({fonts.regular, fonts.bold, fonts.italic}) == 3
    bundled = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    assert (bundled / "LICENSE-DejaVu.txt").is_file()
    assert (bundled / "README.md").is_file()
    for licence in ("OFL.txt", "LICENSE-Apache-2.0.txt", "LICENSE-Symbola.txt"):
        assert (bundled / licence).is_file()  # the fallback fonts' licences ship with them
    assert sum(f.stat().st_size for f in bundled.glob("*.ttf")) < 15_000_000


def test_font_dir_without_usable_fonts_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: DossierData
) -> None:
    (tmp_path / "DejaVuSerif.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(FontError) as err:
        render(sample)
    message = str(err.value)
    assert ENV_VAR in message and str(tmp_path) in message
    assert "DejaVu Serif" in message and "Armenian" in message
