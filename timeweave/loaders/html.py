"""HTML pages: the article's main text without navigation and footers, and its publication date.

The main text comes from trafilatura, which is built for exactly this; the date comes only from
the page's own publication metadata (meta tags, JSON-LD, ``<time>``), never from guesses.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import lxml.html
import trafilatura

from timeweave.errors import DocumentError
from timeweave.loaders.meta import Meta
from timeweave.loaders.text import decode, normalise_newlines

_META_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
)
_EMBEDDED = "//iframe|//object|//embed|//noscript|//template|//svg|//canvas|//audio|//video"
# Elements whose content is not article text (void elements such as <embed> have none).
_SKIPPED = frozenset({
    "script", "style", "title", "iframe", "object", "noscript", "template", "svg", "canvas",
    "audio", "video",
})
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "figure", "figcaption",
})
_DOCTYPE_SUBSET = re.compile(r"\A\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY\s+%?\s*([\w.-]+)", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")


def _meta_date(tree: lxml.html.HtmlElement) -> str | None:
    """The first ISO date found in the page's publication metadata, at its own precision."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATE_KEYS and (match := _ISO_PREFIX.match(meta.get("content") or "")):
            return match[1]
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            value = item.get("datePublished") if isinstance(item, dict) else None
            if isinstance(value, str) and (match := _ISO_PREFIX.match(value)):
                return match[1]
    for time in tree.iter("time"):
        if (match := _ISO_PREFIX.match(time.get("datetime") or "")) and (
            time.get("pubdate") is not None or "publish" in (time.get("class") or "")
        ):
            return match[1]
    return None


def load_html(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the main text and metadata (``title``, ``date``, ``encoding``) of an HTML page."""
    markup, encoding = decode(data, path)
    markup = _without_internal_subset(markup)
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise DocumentError(path, f"the HTML could not be parsed: {exc}") from exc
    meta: Meta = {"encoding": encoding}
    if date := _meta_date(tree):
        meta["date"] = date
    page_title = tree.findtext(".//title")
    # Embedded content's fallback text ("Your browser does not support iframes") is not the
    # article; trafilatura would keep it.
    for element in tree.xpath(_EMBEDDED):
        element.drop_tree()
    extracted = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False
    )
    text = normalise_newlines(extracted.text) if extracted and extracted.text else ""
    if not text.strip():
        text = flat_text(markup)
    title = extracted.title if extracted and extracted.title else page_title
    if title and title.strip():
        meta["title"] = " ".join(title.split())
    return text, meta


def _without_internal_subset(markup: str) -> str:
    """Drop a DOCTYPE's internal subset and references to the entities it declares.

    HTML has no internal subset: browsers show its tail ("]>") and the references as text,
    and nothing in them is article text.
    """
    match = _DOCTYPE_SUBSET.match(markup)
    if not match:
        return markup
    rest = markup[match.end():]
    for name in set(_ENTITY_DECLARATION.findall(match[0])):
        rest = rest.replace(f"&{name};", "")
    return "<!DOCTYPE html>" + rest


def flat_text(markup: str) -> str:
    """The page's readable text from a flat scan of its tags, for pages the tree parsers give
    up on (libxml2 stops at 256 nested elements; a page can nest 100,000 ``<div>``\\ s)."""
    reader = _FlatText()
    reader.feed(markup)
    reader.close()
    return "\n\n".join(" ".join(block.split()) for block in reader.blocks if block.strip())


class _FlatText(HTMLParser):
    """Collects text outside scripts, styles and embedded content, one block per block tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.blocks[-1] += data
