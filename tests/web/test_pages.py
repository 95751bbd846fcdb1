"""Server-rendered pages: RTL Arabic, nothing from outside, every layer marked, untrusted text
escaped, the filters and facets of the events page, flips side by side, related statements."""
from __future__ import annotations

import re

import pytest
from webstore import HOSTILE_ID

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

PAGES = ["/", "/documents/seed-iraq-us-coalition", "/actors/per.mohammed_shia_al_sudani", "/events",
         "/flips", "/search?q=امريكا", "/actors", "/statements/seed-iraq-us-coalition:7"]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_rtl_arabic_and_self_contained(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html dir="rtl" lang="ar">' in html
    assert "script-src 'self'" in r.headers["content-security-policy"]
    # Nothing is loaded from outside the server: scripts, styles and images are local paths.
    loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
    assert loaded and all(u.startswith("/static/") for u in loaded)


def test_document_marks_every_layer(client):
    html = client.get("/documents/seed-iraq-us-coalition").text
    for layer in ("L-actor", "L-time", "L-statement", "L-event", "L-stance"):
        assert f'class="{layer}' in html or f" {layer}" in html, layer
    assert 'class="badge b-event ev-ASSAULT"' in html
    # Provenance on hover: the title of a marked piece names the stage and rule.
    assert re.search(r'title="[^"]*event: ASSAULT[^"]*\[events · ', html)
    assert '<script id="items" type="application/json">' in html


def test_untrusted_text_is_escaped(client):
    html = client.get(f"/documents/{HOSTILE_ID}").text
    assert "<script>alert" not in html and "<b>ترفض" not in html and "<i>عنوان" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;i&gt;عنوان" in html
    found = client.get("/search", params={"q": "ترفض"}).text
    assert "<b>" not in found and "&lt;b&gt;" in found
    reflected = client.get("/search", params={"q": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in reflected


def test_search_highlights_other_spellings(client):
    html = client.get("/search", params={"q": "امريكي"}).text
    marks = re.findall(r"<mark>([^<]+)</mark>", html)
    assert {"الأمريكية", "الأميركية"} <= set(marks)


def test_events_facets_and_filters(client):
    html = client.get("/events?type=ASSAULT").text
    assert "ASSAULT" in html and 'class="facets"' in html
    rows = re.findall(r'<tr><td class="date">', html)
    assert rows and "REQUEST</span></td>" not in html
    month = client.get("/events?month=2024-01").text
    assert "2024-01" in month
    assert client.get("/events?since=bad").status_code == 422


def test_actor_timeline_and_chart(client):
    html = client.get("/actors/per.mohammed_shia_al_sudani").text
    assert 'class="timeline"' in html and html.count('class="tl-statement"') >= 2
    usa = client.get("/actors/USA.GOV").text
    assert "<svg" in usa or "لا مواقف" in usa


def test_flips_side_by_side(client):
    html = client.get("/flips").text
    flip = html[html.index('<article class="flip">'):]
    assert flip.count('<div class="side') >= 2 and "/documents/" in flip


def test_statement_page_verdicts(client):
    html = client.get("/statements/seed-iraq-us-coalition:7").text
    assert "تصريحات سابقة" in html
    assert re.search(r'class="verdict v-(agree|disagree|other)"', html) or "لا تصريحات سابقة" in html


def test_errors_are_pages(client):
    r = client.get("/documents/none-such")
    assert r.status_code == 404 and '<html dir="rtl" lang="ar">' in r.text
    assert client.get("/nowhere").status_code == 404
