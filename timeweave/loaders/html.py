"""HTML pages: the article's main text without navigation and footers, and its publication date.

The main text comes from trafilatura, which is built for exactly this; the date comes only from
the page's own publication metadata (meta tags, JSON-LD, ``<time>``), never from guesses.
"""

from __future__ import annotations

import json
import re

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
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise DocumentError(path, f"the HTML could not be parsed: {exc}") from exc
    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False
    )
    text = normalise_newlines(extracted.text) if extracted and extracted.text else ""
    if not text.strip():
        body = tree.find("body")
        text = normalise_newlines((body if body is not None else tree).text_content())
    meta: Meta = {"encoding": encoding}
    title = extracted.title if extracted and extracted.title else tree.findtext(".//title")
    if title and title.strip():
        meta["title"] = " ".join(title.split())
    if date := _meta_date(tree):
        meta["date"] = date
    return text, meta
