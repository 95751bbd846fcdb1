"""Inline SVG charts (no script, no external library)."""
from __future__ import annotations

from markupsafe import Markup, escape

W, H, PAD = 640, 200, 28


def stance_chart(series: list[dict]) -> Markup:
    """Bars per month: support above the axis (green), oppose below it (red)."""
    if not series:
        return Markup("")
    top = max(max(r["support"], r["oppose"]) for r in series) or 1
    step = (W - 2 * PAD) / len(series)
    bar = max(2.0, min(28.0, step * 0.7))
    mid = H / 2
    scale = (mid - PAD / 2 - 4) / top
    parts = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="stances by month" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{PAD}" y1="{mid}" x2="{W - PAD}" y2="{mid}" class="axis"/>']
    every = max(1, len(series) // 8)
    for i, r in enumerate(series):
        # Months run right to left, like the Arabic text around the chart.
        x = W - PAD - (i + 1) * step + (step - bar) / 2
        m = escape(r["month"])
        if r["support"]:
            h = r["support"] * scale
            parts.append(f'<rect class="support" x="{x:.1f}" y="{mid - h:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}"><title>{m}: {r["support"]} support</title></rect>'
                         f'<text x="{x + bar / 2:.1f}" y="{mid - h - 3:.1f}" text-anchor="middle">{r["support"]}</text>')
        if r["oppose"]:
            h = r["oppose"] * scale
            parts.append(f'<rect class="oppose" x="{x:.1f}" y="{mid:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}"><title>{m}: {r["oppose"]} oppose</title></rect>'
                         f'<text x="{x + bar / 2:.1f}" y="{mid + h + 11:.1f}" text-anchor="middle">{r["oppose"]}</text>')
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{H - 4}" text-anchor="middle">{m}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
