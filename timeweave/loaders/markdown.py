"""Markdown: the readable text without markup; the first heading is the title."""

from __future__ import annotations

from markdown_it import MarkdownIt

from timeweave.loaders.meta import Meta
from timeweave.loaders.text import load_text

_BLOCK_ENDS = {"paragraph_close", "heading_close", "list_item_close", "blockquote_close"}


def load_markdown(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the plain text and metadata (``title``, ``encoding``) of a Markdown file."""
    source, meta = load_text(data, path)
    tokens = MarkdownIt("commonmark").parse(source)
    blocks: list[str] = []
    current: list[str] = []
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "inline" and token.children is not None:
            text = "".join(
                child.content if child.type in ("text", "code_inline") else
                "\n" if child.type in ("softbreak", "hardbreak") else ""
                for child in token.children
            )
            if in_heading and "title" not in meta and text.strip():
                meta["title"] = text.strip()
            current.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip())
        elif token.type in _BLOCK_ENDS:
            in_heading = False
            if current:
                blocks.append("".join(current).strip())
                current = []
    return "\n\n".join(b for b in blocks if b), meta
