"""Main-text extraction from news pages with selectolax (Lexbor parser).

Scripts, styles, navigation, headers, footers, forms, share bars and link lists are dropped; the
article container is the element with the most paragraph text; its paragraphs become lines of
the extracted text (which is what offsets then refer to, and what the store keeps).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from marsad.ingest.dates import InvalidDate, parse_published

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "select", "figure", "figcaption", "video", "audio", "menu")
_NOISE_HINTS = ("share", "social", "related", "read-more", "readmore", "breadcrumb", "comment",
                "newsletter", "subscribe", "advert", "promo", "tags", "byline-share", "sidebar",
                "footer", "header", "menu", "nav", "cookie")
_BLOCKS = "p, h1, h2, h3, h4, li, blockquote"


# Nesting deeper than this is no page layout but a broken or hostile page: parsing and
# extraction then take time growing with the square of the depth (100,000 unclosed <div>: minutes).
MAX_DEPTH = 400
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
# Elements that never hold others, or whose end tag is optional (a parser closes them itself).
_FLAT = frozenset("""area base br col embed hr img input link meta param source track wbr p li dt dd
option optgroup tr td th thead tbody tfoot colgroup rb rt rp html head body""".split())


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """The page without the start tags that would open elements deeper than ``limit`` (their
    text stays). One linear pass over the tags; a page within the limit comes back unchanged."""
    depth, deepest = 0, 0
    tags = [(m.start(), m.end(), bool(m.group(1))) for m in _TAG.finditer(html)
            if m.group(2).lower() not in _FLAT]
    for _, _, closing in tags:
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest <= limit:
        return html
    out, pos, depth = [], 0, 0
    for s, e, closing in tags:
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > limit:
            out.append(html[pos:s])
            pos = e
    out.append(html[pos:])
    return "".join(out)


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None


def _attr_noise(node) -> bool:
    attrs = node.attributes
    blob = " ".join(str(attrs.get(k) or "") for k in ("class", "id", "role")).lower()
    return any(h in blob for h in _NOISE_HINTS)


def _link_density(node) -> float:
    text = node.text(deep=True, separator=" ", strip=True)
    if not text:
        return 1.0
    linked = sum(len(a.text(deep=True, strip=True)) for a in node.css("a"))
    return linked / len(text)


def _meta(tree, *names: str) -> str | None:
    for n in names:
        node = tree.css_first(f'meta[property="{n}"]') or tree.css_first(f'meta[name="{n}"]')
        if node is not None and node.attributes.get("content"):
            return node.attributes["content"].strip()
    return None


def extract_html(html: str) -> Page:
    tree = LexborHTMLParser(flatten_deep(html))
    title = _meta(tree, "og:title")
    if not title and tree.css_first("title") is not None:
        title = tree.css_first("title").text(strip=True) or None
    published = _meta(tree, "article:published_time", "pubdate", "date", "DC.date.issued")
    try:  # scraped metadata: a date in another format is dropped, not the page
        published = parse_published(published)
    except InvalidDate:
        published = None
    url = _meta(tree, "og:url")
    if tree.body is None:
        raise ValueError("no <body> in page")
    for tag in _DROP:
        for node in tree.body.css(tag):
            node.decompose()
    for node in tree.body.css("[class], [id], [role]"):
        if node.tag not in ("body", "html", "main", "article") and _attr_noise(node):
            node.decompose()
    # The container with the most paragraph text is the article.
    best, best_len = None, 0
    candidates = tree.body.css("article, main, [itemprop=articleBody], div, section") or [tree.body]
    for node in candidates:
        length = sum(len(p.text(deep=True, strip=True)) for p in node.css("p"))
        if length > best_len:
            best, best_len = node, length
    root = best or tree.body
    lines: list[str] = []
    blocks = root.css(_BLOCKS) or [root]
    seen: set[int] = set()
    for node in blocks:
        if node.parent is not None and id(node.parent) in seen:
            continue
        if node.tag == "li" and _link_density(node) > 0.5:
            continue  # link lists: related articles, tags
        text = " ".join(node.text(deep=True, separator=" ", strip=True).split())
        if text and _link_density(node) < 0.8:
            lines.append(text)
    if not lines:
        text = root.text(deep=True, separator="\n", strip=True)
        lines = [" ".join(t.split()) for t in text.split("\n") if t.strip()]
    return Page("\n".join(lines), title, published, url)
