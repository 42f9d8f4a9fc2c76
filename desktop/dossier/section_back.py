"""The back of a dossier: the plates (images with their credits), the bibliography,
and the appendix on sources and fixity (every original's SHA-256, the source digest
and its definition, the audit trail's head and the glyph report)."""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import UnidentifiedImageError
from reportlab.platypus import Flowable, PageBreak, Spacer

from . import appendix
from . import escape as esc
from .context import Context, nothing_note, section_heading
from .flowables import P, heading
from .language import _
from .limits import CAPTION_LIMIT
from .paragraphs import citation_markup, rows_table
from .plates import PlateFigure, probe_image

log = logging.getLogger(__name__)


def section_plates(ctx: Context) -> list[Flowable]:
    st, refs = ctx.styles, ctx.refs
    out: list[Flowable] = [section_heading(ctx, _("Plates"))]
    if not ctx.data.plates:
        return [*out, nothing_note(ctx, _("No images in this selection."))]
    for n, plate in enumerate(ctx.data.plates, start=1):
        if n > 1:
            out.append(PageBreak())
        title = heading(
            _("Plate {n}").format(n=n),
            st.h2,
            anchor=f"p{n}",
            outline_level=1,
            toc_level=None,
            progress_unit=True,
        )
        # The outline names the plate by its caption; the page shows it under the image.
        caption = esc.clean(esc.shorten(plate.caption, 180)).replace("\n", " ")
        title.plain = esc.shorten(_("Plate {n}. {caption}").format(n=n, caption=caption), 180)
        out.append(title)
        captions = [P(esc.text(esc.shorten(plate.caption, CAPTION_LIMIT)), st.caption)]
        facts = [
            (_("Credit"), plate.credit),
            (_("Rights"), plate.rights),
            (_("Date (EXIF)"), plate.exif_date),
            (_("Source"), plate.source_reference),
            ("SHA-256", plate.sha256),
        ]
        fact_text = " · ".join(
            f"<b>{k}:</b> {esc.text(esc.shorten(v, 400))}" for k, v in facts if v
        )
        if plate.document_key is not None and plate.document_key in refs.doc_by_key:
            fact_text += (
                (" · " if fact_text else "")
                + "<b>Document:</b> "
                + refs.doc_label(plate.document_key)
            )
        if fact_text:
            captions.append(P(fact_text, st.small))
        try:
            info = probe_image(plate.image_path)
        except (OSError, UnidentifiedImageError, ValueError) as exc:
            log.warning("plate %s: cannot read %s: %s", n, plate.image_path, exc)
            out.append(
                P(
                    _("[Image could not be read: {file} — {error}]").format(
                        file=esc.text(Path(plate.image_path).name),
                        error=esc.text(type(exc).__name__),
                    ),
                    st.centered_note,
                )
            )
            out += captions
            continue
        out.append(PlateFigure(info, captions))
    return out


def section_bibliography(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [section_heading(ctx, _("Bibliography"))]
    if not ctx.data.bibliography:
        return [*out, nothing_note(ctx, _("No entries."))]
    for entry in ctx.data.bibliography:
        out.append(P(citation_markup(entry), ctx.styles.hanging))
    return out


def section_fixity(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [section_heading(ctx, _("Appendix: Sources and fixity"))]
    out.append(
        P(
            _(
                "Each stored original is listed with its size and the SHA-256 digest computed when "
                "it was imported. To check a copy, compute its SHA-256 (for example "
                "<i>sha256sum FILE</i> on Linux, <i>shasum -a 256 FILE</i> on macOS, "
                "<i>certutil -hashfile FILE SHA256</i> on Windows) and compare it with the value "
                "below. Character ranges in pinpoints are zero-based, end-exclusive offsets into "
                "the text the catalogue stored for each original."
            ),
            st.body,
        )
    )
    w = ctx.width
    if ctx.data.originals:
        rows: list[list[Flowable | str]] = []
        for i, f in enumerate(ctx.data.originals, start=1):
            doc = (
                ctx.refs.doc_label(f.document_key) if f.document_key in ctx.refs.doc_by_key else ""
            )
            name = esc.text(esc.shorten(f.file_name, 400))
            if doc:
                name += f"<br/>{doc}"
            rows.append(
                [
                    P(str(i), st.cell),
                    P(name, st.cell),
                    P(f"{f.size_bytes:,}", st.cell),
                    P(esc.text(f.imported_at), st.cell),
                ]
            )
            rows.append(
                [
                    P("", st.cell),
                    P(f"SHA-256&nbsp; {esc.text(f.sha256)}", st.cell_mono),
                    "",
                    "",
                ]
            )
        # Each file is two rows: the digest row spans the last three columns.
        out += rows_table(
            ["#", _("Original file"), _("Size (bytes)"), _("Imported")],
            rows,
            [w * 0.06, w * 0.54, w * 0.16, w * 0.24],
            st,
            group=2,
            group_style=lambda r: [
                ("SPAN", (1, r + 1), (3, r + 1)),
                ("TOPPADDING", (0, r + 1), (-1, r + 1), 0),
            ],
        )
    else:
        out.append(nothing_note(ctx, _("No stored originals in this selection.")))
    out.append(P(_("Digest of this dossier's source"), st.h2))
    out.append(P(f"SHA-256&nbsp; <b>{esc.text(ctx.digest)}</b>", st.cell_mono))
    out.append(Spacer(1, 4))
    out.append(
        P(
            _(
                "Definition (version 1): the SHA-256 of the dossier's source data written as "
                'canonical JSON — the object <i>{"catena_dossier_source": 1, "data": …}</i> '
                "where <i>data</i> holds every field of the dossier (documents, excerpts with "
                "their tag spans, persons, dates, figures, plates, bibliography, originals, "
                "sections and cover details) under its field name, except the generation time, "
                "the local storage paths of images and the audit trail below; keys sorted, "
                "no insignificant whitespace, integral numbers written as integers, text as "
                "stored (not normalised), encoded as UTF-8. The same content always gives the "
                "same digest, whenever it is generated; Catena's "
                "<i>desktop.dossier.data.canonical_json</i> produces the exact bytes."
            ),
            st.small,
        )
    )
    return out + appendix.fixity_notes(ctx)


__all__ = ["section_bibliography", "section_fixity", "section_plates"]
