"""The API over a PostgreSQL store answers as over the SQLite one: the documents of the API tests'
store (tests/webstore.py) copied into PostgreSQL, then the same requests to both applications."""
from __future__ import annotations

import pytest
from webstore import HOSTILE_ID

PATHS = [
    "/api/documents?limit=200",
    "/api/documents?since=2018-03&until=2018-03",
    "/api/documents?source=seed",
    "/api/documents?q=اسرائيليين",
    "/api/documents/seed-iraq-us-coalition",
    "/api/actors?limit=200",
    "/api/actors?q=السوداني",
    "/api/actors?q=United States",
    "/api/actors/per.mohammed_shia_al_sudani",
    "/api/events?limit=200",
    "/api/events?type=assault&limit=200",
    "/api/events?country=IRQ",
    "/api/events?actor=USA.GOV&limit=200",
    "/api/events?since=2024-01-01&until=2024-01&limit=200",
    "/api/events?source=nobody-at-all",
    "/api/statements?speaker=per.mohammed_shia_al_sudani&limit=50",
    "/api/statements?q=الأمريكية&limit=200",
    "/api/stances?limit=200",
    "/api/flips",
    "/api/flips?actor=السوداني",
    "/api/documents/no-such-doc",
]


@pytest.fixture(scope="module")
def clients(store_url, pg_server):
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient
    from pgserver import fresh_schema

    from marsad.api.app import create_app
    from marsad.doc import Doc
    from marsad.store import open_store
    from marsad.track.flips import refresh_flips

    url = fresh_schema(pg_server)
    pg = open_store(url)
    lite = open_store(store_url, readonly=True)
    last = ["seed-iraq-us-coalition", HOSTILE_ID]  # in the order build_store saved them (an
    ids = [d for d in lite.document_ids() if d not in last] + last  # actor's first mention)
    for doc_id in ids:
        pg.save(Doc.from_json(*lite.load(doc_id)))
    refresh_flips(pg)
    pg.db.conn.close()
    return TestClient(create_app(store_url)), TestClient(create_app(url))


@pytest.mark.parametrize("path", PATHS)
def test_same_answers_from_postgres(clients, path):
    lite, pg = (c.get(path) for c in clients)
    assert pg.status_code == lite.status_code
    a, b = lite.json(), pg.json()
    if isinstance(a, dict) and "analysis" in a:  # the moment of analysis differs
        for x in (a, b):
            x.pop("analyzed_at", None)
    assert b == a


def test_search_finds_the_same_hits_in_postgres(clients):
    for q in ("امريكي", "الحكومة العراقية", "قال"):
        lite, pg = (c.get("/api/search", params={"q": q, "limit": 200}).json() for c in clients)
        assert pg["total"] == lite["total"] > 0
        key = lambda h: (h["document"], h["kind"], h["statement"] or -1)  # noqa: E731
        assert sorted(pg["items"], key=key) == sorted(lite["items"], key=key)


def test_statement_pages_and_related_from_postgres(clients):
    lite, pg = clients
    items = lite.get("/api/statements?limit=20").json()["items"]
    assert items
    for it in items[:5]:
        for path in (f"/api/statements/{it['id']}", f"/api/statements/{it['id']}/related"):
            assert pg.get(path).json() == lite.get(path).json()


@pytest.mark.parametrize("path", ["/", "/documents/seed-iraq-us-coalition", "/actors/per.mohammed_shia_al_sudani",
                                  "/events?type=assault", "/flips", "/search?q=امريكي", "/actors?q=السوداني"])
def test_pages_from_postgres(clients, path):
    lite, pg = (c.get(path) for c in clients)
    assert pg.status_code == lite.status_code == 200
    assert len(pg.text) == len(lite.text) or path.startswith("/search")
