"""JSON API over a store of the dev articles and the seed: pagination, evidence on every item,
filters, JSON errors with the right status codes, writes only with --allow-writes and the token."""
from __future__ import annotations

import pytest
from webstore import HOSTILE_ID

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

LISTS = ["/api/documents", "/api/actors", "/api/events", "/api/statements", "/api/stances",
         "/api/flips", "/api/search?q=الحكومة"]


def texts(client):
    """Document texts by id (to check evidence offsets against)."""
    out = {}
    for doc in client.get("/api/documents?limit=200").json()["items"]:
        out[doc["document"]] = client.get(f"/api/documents/{doc['document']}").json()["text"]
    return out


@pytest.mark.parametrize("path", LISTS)
def test_lists_are_paginated_with_evidence(client, path):
    sep = "&" if "?" in path else "?"
    r = client.get(f"{path}{sep}limit=3")
    assert r.status_code == 200
    page = r.json()
    assert page["limit"] == 3 and page["offset"] == 0 and len(page["items"]) <= 3
    assert page["total"] >= len(page["items"]) > 0
    for it in page["items"]:
        sides = [it["a"], it["b"]] if "a" in it else [it]
        for s in sides:
            assert s["document"] and isinstance(s["start"], int) and s["end"] >= s["start"]
            assert s["text"]
    if page["total"] > 3:
        nxt = client.get(f"{path}{sep}limit=3&offset=3").json()["items"]
        assert nxt and nxt != page["items"]


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "since=yesterday",
                                   "until=2018-3"])
def test_bad_parameters_are_json_422(client, query):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"][0]["loc"]


def test_evidence_offsets_point_into_the_stored_text(client):
    docs = texts(client)
    for path in ("/api/events?limit=200", "/api/statements?limit=200", "/api/stances?limit=200"):
        items = client.get(path).json()["items"]
        assert items
        for it in items:
            assert docs[it["document"]][it["start"]:it["end"]] == it["text"]


def test_document_and_404(client):
    r = client.get("/api/documents/seed-iraq-us-coalition")
    assert r.status_code == 200
    body = r.json()
    assert body["analysis"]["schema"] == "marsad.analysis/1" and body["text"]
    missing = client.get("/api/documents/no-such-doc")
    assert missing.status_code == 404 and "no-such-doc" in missing.json()["detail"]
    assert client.get("/api/actors/NOPE.GOV").status_code == 404
    assert client.get("/api/statements/nope:1").status_code == 404
    assert client.get("/api/statements/garbage").status_code == 404
    assert client.get("/api/nowhere").status_code == 404
    assert client.get("/api/nowhere").headers["content-type"].startswith("application/json")


def test_document_filters(client):
    march = client.get("/api/documents?since=2018-03&until=2018-03").json()["items"]
    assert march and all(d["published"].startswith("2018-03") for d in march)
    seed = client.get("/api/documents?source=seed").json()["items"]
    assert [d["document"] for d in seed] == ["seed-iraq-us-coalition"]
    # q is the full-text search: another spelling of the word finds the document.
    found = client.get("/api/documents?q=اسرائيليين").json()["items"]
    assert any(d["document"].startswith("FR-middleEast-461") for d in found)


def test_actors_search_and_record(client):
    items = client.get("/api/actors?q=السوداني").json()["items"]
    sudani = [a for a in items if a["code"] == "per.mohammed_shia_al_sudani"]
    assert sudani and sudani[0]["mentions"] > 0 and sudani[0]["text"]
    assert client.get("/api/actors?q=United States").json()["items"][0]["country"] == "USA"
    actor = client.get("/api/actors/per.mohammed_shia_al_sudani").json()
    assert actor["statements"]["items"]
    assert all(s["speaker"]["code"] == actor["code"] for s in actor["statements"]["items"])
    assert actor["stances"]["total"] >= 1


def test_event_filters(client):
    all_events = client.get("/api/events?limit=200").json()
    by_type = client.get("/api/events?type=assault&limit=200").json()
    assert 0 < by_type["total"] < all_events["total"]
    assert {e["type"] for e in by_type["items"]} == {"ASSAULT"}
    irq = client.get("/api/events?country=IRQ").json()["items"]
    assert irq and all(e["location"] == "IRQ" for e in irq)
    doc = client.get("/api/events?document=seed-iraq-us-coalition&limit=200").json()["items"]
    assert doc and {e["document"] for e in doc} == {"seed-iraq-us-coalition"}
    # An actor by its Arabic name (any hamza spelling) or its code, as source or target.
    usa = client.get("/api/events?actor=USA.GOV&limit=200").json()["items"]
    assert usa and all("USA.GOV" in (e["source"] or {}).get("code", "") + (e["target"] or {}).get("code", "")
                       for e in usa)
    since = client.get("/api/events?since=2024-01-01&limit=200").json()["items"]
    assert since and all((e["date"] or e["published"]) >= "2024-01-01" for e in since)


def test_statements_related_with_verdicts(client):
    items = client.get("/api/statements?speaker=per.mohammed_shia_al_sudani&limit=50").json()["items"]
    assert len(items) >= 2
    newest = items[0]
    related = client.get(f"/api/statements/{newest['id']}/related").json()
    assert related["statement"]["id"] == newest["id"]
    for r in related["related"]:
        assert r["speaker"]["code"] == "per.mohammed_shia_al_sudani"
        assert r["verdict"] in ("agree", "disagree", "other")
        assert (r["date"] or r["published"]) <= (newest["date"] or newest["published"])
    q = client.get("/api/statements?q=الأمريكية").json()["items"]
    assert q and all(s["text"] for s in q)


def test_flips_are_marsad_flips(client):
    items = client.get("/api/flips").json()["items"]
    assert items and all(f["schema"] == "marsad.flips/1" for f in items)
    assert client.get("/api/flips?actor=السوداني").json()["total"] >= 1
    assert client.get("/api/flips?actor=nobody-at-all").json()["total"] == 0


def test_search_spellings_and_offsets(client):
    docs = texts(client)
    # امريكي (no hamza, singular) finds الأمريكية, الأمريكي and the seed's الأميركية.
    hits = client.get("/api/search?q=امريكي&limit=50").json()
    assert hits["total"] >= 5
    found = {h["document"] for h in hits["items"]}
    assert "seed-iraq-us-coalition" in found and "CN-middleEast-254-20180313" in found
    for h in hits["items"]:
        for s, e in h["highlights"]:
            assert "مريك" in docs[h["document"]][s:e] or "ميرك" in docs[h["document"]][s:e]
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search?q=...").json()["total"] == 0


@pytest.mark.parametrize("q", ["' OR 1=1 --", '"', "NEAR(a b)", "x*", "a AND", "%", "ال"])
def test_hostile_queries_never_fail(client, q):
    for path in ("/api/search", "/api/documents", "/api/statements", "/api/actors", "/search"):
        r = client.get(path, params={"q": q})
        assert r.status_code == 200, (path, q)


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{code}",
                 "/api/events", "/api/statements", "/api/statements/{sid}/related", "/api/stances",
                 "/api/flips", "/api/search"):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-static/swagger-ui-bundle.js" in docs.text
    assert "//cdn" not in docs.text
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200


def test_cors_is_off_by_default(client):
    r = client.get("/api/documents", headers={"Origin": "http://example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_hostile_document_json_keeps_text(client):
    body = client.get(f"/api/documents/{HOSTILE_ID}").json()
    assert "<script>" in body["text"]  # JSON carries the text as it is; pages escape it


# -- writes --------------------------------------------------------------------------------

NEW = {"id": "posted-1", "text": "قال وزير الخارجية المصري إن القاهرة ترفض أي تدخل في شؤون ليبيا.",
       "published": "2018-05-01", "title": "تصريح"}


def test_read_only_by_default(client):
    r = client.post("/api/documents", json=NEW, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403


@pytest.fixture
def writer(tmp_path, store_url, monkeypatch):
    import shutil

    from fastapi.testclient import TestClient

    from marsad.api.app import create_app

    path = tmp_path / "w.db"
    shutil.copy(store_url.removeprefix("sqlite:///"), path)
    monkeypatch.setenv("MARSAD_TOKEN", "s3cret")
    return TestClient(create_app(f"sqlite:///{path}", allow_writes=True))


def test_writes_need_the_token(writer, monkeypatch):
    assert writer.post("/api/documents", json=NEW).status_code == 401
    assert writer.post("/api/documents", json=NEW, headers={"Authorization": "Bearer nope"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    r = writer.post("/api/documents", json=NEW, headers=auth)
    assert r.status_code == 201 and r.json()["stored"] is True
    assert writer.get("/api/documents/posted-1").status_code == 200
    # Searchable at once: the index was written in the same transaction.
    assert writer.get("/api/search?q=المصريين").json()["total"] >= 1
    assert writer.post("/api/documents", json=NEW, headers=auth).json()["stored"] is False
    bad = writer.post("/api/documents", json={**NEW, "text": "hello world, no Arabic here"}, headers=auth)
    assert bad.status_code == 422 and "not Arabic" in bad.json()["detail"]
    assert writer.post("/api/documents", json={"id": "x"}, headers=auth).status_code == 422
    monkeypatch.setattr("marsad.api.writes.MAX_BYTES", 20)
    assert writer.post("/api/documents", json=NEW, headers=auth).status_code == 413


def test_allow_writes_without_token_is_refused(store_url, monkeypatch):
    from marsad.api.app import create_app

    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with pytest.raises(ValueError, match="MARSAD_TOKEN"):
        create_app(store_url, allow_writes=True)
