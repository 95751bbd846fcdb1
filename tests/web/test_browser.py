"""A real browser: headless Chromium (Debian's package) driven by Playwright over a live server
on loopback. Screenshots land in build/screenshots (or $MARSAD_ARTIFACTS) as test artifacts.

Skips only when Chromium or Playwright is not installed (.ci/run installs both)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("MARSAD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no chromium on this machine (apt-get install chromium)")
SHOTS = Path(os.environ.get("MARSAD_ARTIFACTS", Path(__file__).resolve().parents[2] / "build" / "screenshots"))


@pytest.fixture(scope="module")
def base_url(app):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(base_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
        outside = []
        pg.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
        pg.outside = outside
        yield pg
        browser.close()


def shot(page, name):
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_search_in_another_spelling(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The seed writes الأميركية; the query uses the other spelling, without hamza.
    page.fill("section.hero input[name=q]", "امريكي")
    page.click("section.hero button")
    page.wait_for_url("**/search?q=*")
    marks = page.locator("mark").all_inner_texts()
    assert "الأميركية" in marks and "الأمريكية" in marks
    shot(page, "search")
    assert page.outside == []


def test_document_marks_and_provenance(page, base_url):
    page.goto(base_url + "/documents/seed-iraq-us-coalition")
    assert page.locator("#text .L-event").count() > 0
    assert page.locator("#text .L-actor").count() > 0
    assert page.locator("#text .badge.ev-ASSAULT").count() > 0
    page.locator("#text .L-event").first.click()
    panel = page.locator("#panel").inner_text()
    assert "stage" in panel and "events" in panel and "rule" in panel
    shot(page, "document")
    assert page.outside == []


def test_actor_timeline(page, base_url):
    page.goto(base_url + "/actors/per.mohammed_shia_al_sudani")
    assert page.locator("ol.timeline li.tl-statement").count() >= 2
    shot(page, "actor")


def test_events_facets(page, base_url):
    page.goto(base_url + "/events")
    page.locator(".facets a", has_text="ASSAULT").first.click()
    page.wait_for_url("**type=ASSAULT*")
    types = page.locator("table.events td .badge").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    shot(page, "events")


def test_flips_side_by_side(page, base_url):
    page.goto(base_url + "/flips")
    assert page.locator("article.flip").count() > 0
    sides = page.locator("article.flip").first.locator(".side")
    assert sides.count() == 2
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(a["y"] - b["y"]) < 5 and a["x"] > b["x"]  # side by side, first on the right (RTL)
    shot(page, "flips")
