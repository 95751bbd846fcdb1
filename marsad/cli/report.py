"""A readable terminal report of one analysis (actors, times, statements, events, stances,
contradictions), each item with its evidence text.

Terminals lay text out left to right; every Arabic value is wrapped in Unicode right-to-left
isolates (RLI … PDI) so that a bidi-aware terminal shows it correctly and its numbers and
punctuation never bleed into the English labels around it.

Everything shown comes from user data (ids, titles, article text): it is printed as plain text,
never as Rich markup (a title with "[/bold]" or "[link=…]" is shown as written), and control
characters are shown as visible symbols (an ESC or a newline in an id cannot colour the terminal
or forge a line).
"""
from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

RLI, PDI = "\u2067", "\u2069"
# C0 controls as their Unicode control pictures (ESC → ␛, newline → ␊), DEL → ␡; C1 controls,
# line and paragraph separators and bidi embeddings/overrides (which could reorder a line) → �.
_VISIBLE = {**{c: 0x2400 + c for c in range(32)}, 0x7F: 0x2421,
            **{c: 0xFFFD for c in (*range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F))}}


def safe(s: object) -> str:
    """A string that prints as exactly one line of plain characters."""
    return str(s).translate(_VISIBLE)


def rtl(s: str | None, limit: int = 160) -> str:
    if not s:
        return ""
    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return f"{RLI}{safe(s)}{PDI}"


def _console() -> Console:
    return Console(file=sys.stdout, width=int(os.environ.get("COLUMNS", 120)), highlight=False,
                   soft_wrap=False, markup=False, emoji=False)


def render_report(a: dict[str, Any], text: str) -> None:
    con = _console()
    actors = {x["id"]: x for x in a.get("actors", [])}

    def who(actor_id: str | None) -> str:
        if not actor_id or actor_id not in actors:
            return "—"
        x = actors[actor_id]
        code = "/".join(c for c in (x.get("country"), x.get("type")) if c)
        label = x.get("name_en") or ""
        return f"{rtl(x['name'], 40)} {label} [{code}]".strip()

    def ev(s: int, e: int) -> str:
        return rtl(text[s:e])

    d = a["document"]
    con.rule(Text("Marsad report", style="bold") + Text(f" — {safe(d['id'])}"))
    meta = [f"published: {d.get('published') or 'unknown'}"]
    if d.get("title"):
        meta.append(f"title: {rtl(d['title'], 80)}")
    meta.append(f"sentences: {len(a.get('sentences', []))}   boilerplate spans: {len(a.get('boilerplate', []))}")
    for line in meta:
        con.print(safe(line))

    sections = [
        ("Actors", ["actor", "code", "mentions", "aliases"],
         [[rtl(x["name"], 40) + (f" ({x['name_en']})" if x.get("name_en") else ""),
           "/".join(c for c in (x.get("country"), x.get("type")) if c) or "—",
           str(len(x.get("mentions", []))), rtl("، ".join(x.get("aliases", [])[:4]), 60)]
          for x in a.get("actors", [])]),
        ("Times", ["value", "evidence"],
         [[t["value"] + (" (inferred)" if t.get("inferred") else ""), ev(t["start"], t["end"])]
          for t in a.get("times", [])]),
        ("Statements", ["speaker", "kind", "date", "what was said"],
         [[who(s.get("speaker")), "direct" if s.get("direct") else "indirect", s.get("date") or "—",
           ev(s["start"], s["end"])] for s in a.get("statements", [])]),
        ("Events", ["type", "mode", "source → target", "date", "where", "evidence"],
         [[e["type"], e.get("mode") or "—", f"{who(e.get('source'))} → {who(e.get('target'))}",
           e.get("date") or "—", e.get("location") or "—", ev(e["start"], e["end"])]
          for e in a.get("events", [])]),
        ("Stances", ["holder", "polarity", "target", "issue", "evidence"],
         [[who(s["holder"]), s["polarity"], who(s["target"]), s.get("issue") or "—",
           ev(s["start"], s["end"])] for s in a.get("stances", [])]),
        ("Contradictions", ["holder", "target", "kind", "a", "b"],
         [[who(c["holder"]), who(c["target"]), c.get("kind") or "—", ev(*c["a"]), ev(*c["b"])]
          for c in a.get("contradictions", [])]),
        ("Boilerplate (skipped)", ["kind", "text"],
         [[k, ev(s, e)] for (s, e), k in zip(a.get("boilerplate", []),
                                              a.get("boilerplate_kinds", ["—"] * len(a.get("boilerplate", []))))]),
    ]
    for title, cols, rows in sections:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False,
                      expand=True)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(safe(c) for c in r))
        con.print(table)


def render_flips(store, records: list[dict[str, Any]], actor: str | None = None,
                 since: str | None = None) -> None:
    """The flips of ``marsad flips`` as readable lines, each side with its evidence."""
    texts: dict[str, str] = {}

    def evidence(side: dict[str, Any]) -> str:
        doc = side["document"]
        if doc not in texts:
            found = store.load(doc)
            texts[doc] = found[1] if found else ""
        return rtl(texts[doc][side["start"]:side["end"]])

    if not records:
        held = len(store.contradictions()) if actor or since else 0
        print(f"none of the store's {held} contradictions matches "
              f"{' and '.join(f for f in (actor and '--actor', since and '--since') if f)}"
              if held else "no contradictions in the store", file=sys.stderr)
    for r in records:
        h, t = r["holder"], r["target"]
        print(safe(f"{r['kind'].upper()}  {rtl(h['name'])} [{h['country'] or '—'}/{h['type'] or '—'}] "
                   f"→ {rtl(t['name'])} [{t['country'] or '—'}/{t['type'] or '—'}]  issue: {t.get('issue') or '—'}"))
        for side in ("a", "b"):
            s = r[side]
            print(safe(f"   {side}: {s['polarity'] or '?':7} {s['date'] or 'undated':10}  {s['document']}  {evidence(s)}"))
