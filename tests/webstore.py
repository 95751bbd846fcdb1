"""Fixtures of the API and web tests: a store built from ../shared/eval/dev/ and the seed article (plus one hostile document), and
the FastAPI application over it."""
from __future__ import annotations

import re

import pytest
from corpus import SHARED

SEED = SHARED / "corpus" / "seed-iraq-us-coalition.txt"

HOSTILE_ID = "hostile-markup"
# Untrusted article text: markup must reach the browser as text, never as HTML.
HOSTILE = ("قال وزير الخارجية الأمريكي إن <script>alert('x')</script> الحكومة <b>ترفض</b> "
           "الاتفاق مع إيران.\nوأضاف أن الولايات المتحدة ستواصل الضغط.")


def build_store(path) -> str:
    from marsad.pipeline import analyze
    from marsad.store import open_store
    from marsad.track.flips import refresh_flips

    url = f"sqlite:///{path}"
    store = open_store(url)
    for f in sorted((SHARED / "eval" / "dev").glob("*.txt")):
        m = re.search(r"-(\d{4})(\d{2})(\d{2})$", f.stem)
        published = f"{m[1]}-{m[2]}-{m[3]}" if m else None
        store.save(analyze(f.read_text("utf-8"), f.stem, published, source=f.stem.split("-")[0]))
    store.save(analyze(SEED.read_text("utf-8"), "seed-iraq-us-coalition", "2024-01-11", source="seed"))
    store.save(analyze(HOSTILE, HOSTILE_ID, "2024-02-01", title="<i>عنوان</i>"))
    refresh_flips(store)
    store.db.conn.close()
    return url


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    if not SEED.is_file():
        pytest.skip("../shared is not beside the repository")
    return build_store(tmp_path_factory.mktemp("store") / "marsad.db")


@pytest.fixture(scope="session")
def app(store_url):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from marsad.api.app import create_app

    return create_app(store_url)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app)
