"""Read an HTML page: the article's own text and the metadata the page declares.

selectolax parses only what it is given; it never fetches images, style sheets or
scripts, and nothing here resolves a URL. Page chrome (navigation, share rows,
related links, adverts) is dropped by element and by class/id names before the text
is taken; the plain-text cleaning rules then catch what survives.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from desktop.ingest.assemble import document_from_text
from desktop.ingest.furniture_words import split_words
from desktop.ingest.limits import DEFAULT_LIMITS, Limits
from desktop.ingest.metadata_guesses import Metadata
from desktop.ingest.parsed import IngestError, ParsedDocument
from desktop.ingest.publication_dates import iso_to_edtf
from desktop.ingest.saved_pages import read_saved_page, web_url
from desktop.ingest.text_decoding import decode_text, normalise_newlines, wrap_long_lines

_DROP_TAGS = frozenset(
    split_words(
        "script style noscript template iframe object embed svg canvas nav aside form "
        "button select input textarea head link meta video audio map"
    )
)
_BLOCK_TAGS = frozenset(
    split_words(
        "p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
        "blockquote pre figure figcaption table tr td th caption address hr body"
    )
)
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|share|sharing|social|related|recommend|comments?|"
    r"newsletter|subscribe|subscription|promo|advert|ads?|banner|cookie|sidebar|"
    r"breadcrumbs?|footer|masthead|toolbar|popup|modal|widget|tags)(?:$|[\s_-])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "BlogPosting",
        "OpinionNewsArticle",
        "AnalysisNewsArticle",
        "Report",
        "WebPage",
    }
)


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedDocument:
    """Parse an HTML file into text (paragraphs separated by blank lines) and metadata."""
    markup, encoding, confidence, flags = _decode(data, limits)
    tree = LexborHTMLParser(markup)
    hints = _head_metadata(tree, markup)
    root = _main_content(tree)
    if root is None:
        raise IngestError("the HTML page has no body text")
    blocks: list[str] = []
    _walk(root, blocks, [])
    text = wrap_long_lines("\n\n".join(blocks), limits.max_line_length, flags)
    if not text.strip():
        raise IngestError("the HTML page contains no readable text")
    return document_from_text(
        text,
        media_type="text/html",
        encoding=encoding,
        confidence=confidence,
        flags=flags,
        hints=hints,
        stated=frozenset({"accessed"}),  # written by the capture tool, not inferred
    )


def html_to_text(markup: str) -> str:
    """Readable text of an HTML fragment (used for HTML-only e-mail bodies)."""
    tree = LexborHTMLParser(markup)
    root = _main_content(tree)
    blocks: list[str] = []
    if root is not None:
        _walk(root, blocks, [])
    return "\n\n".join(blocks)


def _decode(data: bytes, limits: Limits) -> tuple[str, str, float, list[str]]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            markup = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if "\x00" in markup:
                raise IngestError("binary data, not HTML (contains NUL bytes)")
            return normalise_newlines(markup), name, 1.0, []
    decoded = decode_text(data, limits)
    return decoded.text, decoded.encoding, decoded.confidence, decoded.flags


def _is_chrome(node: LexborNode) -> bool:
    attrs = node.attributes
    marker = " ".join(v for k, v in attrs.items() if k in {"class", "id", "role"} and v)
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    if attrs.get("role") in {"navigation", "banner", "contentinfo", "complementary"}:
        return True
    return bool(marker and _CHROME.search(marker))


def _main_content(tree: LexborHTMLParser) -> LexborNode | None:
    """The <article> with most text, else <main>, else <body>."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text(deep=True)))
    return tree.css_first("main") or tree.css_first("[role=main]") or tree.body


def _walk(node: LexborNode, blocks: list[str], buffer: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            raw = child.text(deep=False) or ""
            # In HTML a line break in the source is a space (outside <pre>): keeping it
            # would cut sentences into lines that cleaning may set aside as furniture.
            preformatted = child.parent is not None and child.parent.tag == "pre"
            buffer.append(raw if preformatted else _collapse(raw))
            continue
        if tag in _DROP_TAGS or tag == "-comment" or _is_chrome(child):
            continue
        if tag == "br":
            buffer.append("\n")
        elif tag == "img":
            _flush(buffer, blocks)
            blocks.append("image")
        elif tag in _BLOCK_TAGS:
            _flush(buffer, blocks)
            _walk(child, blocks, buffer)
            _flush(buffer, blocks)
        else:
            _walk(child, blocks, buffer)


def _collapse(raw: str) -> str:
    """Runs of white space (line breaks included) become one space, as a browser
    shows them; a node of only white space still separates its neighbours."""
    words = " ".join(raw.split())
    if not words:
        return " " if raw else ""
    return (" " if raw[0].isspace() else "") + words + (" " if raw[-1].isspace() else "")


def _flush(buffer: list[str], blocks: list[str]) -> None:
    if not buffer:
        return
    joined = "".join(buffer)
    buffer.clear()
    lines = [" ".join(part.split()) for part in joined.split("\n")]
    text = "\n".join(line for line in lines if line)
    if text:
        blocks.append(text)


def _meta(tree: LexborHTMLParser, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{key}"]')
            if node is not None and (node.attributes.get("content") or "").strip():
                return " ".join((node.attributes["content"] or "").split())
    return None


def _head_metadata(tree: LexborHTMLParser, markup: str) -> Metadata:
    meta = Metadata()
    ld = _json_ld_article(tree)
    title_node = tree.css_first("title")
    page_title = " ".join(title_node.text().split()) if title_node is not None else None
    meta.publisher = _meta(tree, "og:site_name", "application-name") or _ld_name(
        ld.get("publisher")
    )
    meta.title = _meta(tree, "og:title", "twitter:title") or _ld_str(ld.get("headline"))
    if not meta.title and page_title:
        meta.title = _strip_site_suffix(page_title, meta.publisher)
    authors = _ld_names(ld.get("author")) or [
        a
        for a in [_meta(tree, "author", "article:author", "byl")]
        if a and not a.startswith("http")
    ]
    meta.authors = [re.sub(r"^(?:by)\s+", "", a, flags=re.I) for a in authors]
    published = _meta(
        tree, "article:published_time", "datePublished", "date", "dc.date", "DC.date.issued"
    ) or _ld_str(ld.get("datePublished"))
    if published:
        meta.published, meta.published_time, meta.published_tz = iso_to_edtf(published)
    meta.section = _meta(tree, "article:section") or _ld_str(ld.get("articleSection"))
    saved = read_saved_page(markup, _savepage_meta(tree))
    meta.url = _page_url(tree, saved.url)
    meta.accessed = saved.accessed
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    lang = lang or _meta(tree, "og:locale")
    meta.language = re.split(r"[-_]", lang)[0].lower() if lang and lang.strip() else None
    if (
        ld.get("@type") in {"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle"}
        or _meta(tree, "og:type") == "article"
    ):
        meta.doc_type = "news article"
    return meta


def _page_url(tree: LexborHTMLParser, saved_from: str | None) -> str | None:
    """The page's own address: <link rel=canonical>, else og:url, else the address the
    capture tool saved it from. A relative canonical is read against og:url or that
    address (text only: nothing is fetched); what is still not a web address is left
    out rather than stored half-made."""
    og_url = web_url(_meta(tree, "og:url"))
    base = og_url or saved_from
    for node in tree.css("link[rel]"):
        rels = (node.attributes.get("rel") or "").casefold().split()
        href = (node.attributes.get("href") or "").strip()
        if "canonical" in rels and href:
            found = web_url(urljoin(base, href) if base else href)
            if found:
                return found
    return og_url or saved_from


def _savepage_meta(tree: LexborHTMLParser) -> dict[str, str]:
    found = {}
    for key in ("savepage-url", "savepage-date"):
        value = _meta(tree, key)
        if value:
            found[key] = value
    return found


def _strip_site_suffix(title: str, site: str | None) -> str:
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (
        site is None or parts[-1].casefold() == site.casefold() or len(parts[-1]) < 30
    ):
        return " - ".join(parts[:-1])
    return title


def _json_ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (searching @graph lists too)."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                    return item
                if "@graph" in item:
                    stack.append(item["@graph"])
    return {}


def _ld_str(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _ld_str(value.get("name"))
    return _ld_str(value)


def _ld_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [name for name in (_ld_name(item) for item in items) if name]
