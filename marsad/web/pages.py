"""HTML pages: home, document, actor, events, flips, statement, search."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from marsad.api import layers, queries, views
from marsad.api.routes import DATE, Limit, Offset, Text
from marsad.web.charts import stance_chart
from marsad.web.markup import items_of, segments

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)


def render(request: Request, name: str, http_status: int = 200, **ctx):
    return templates.TemplateResponse(request, name, ctx, status_code=http_status)


def error_page(request: Request, status: int, message: str):
    return render(request, "error.html", status, status=status, message=message)


def conn(request: Request):
    return request.app.state.marsad.conn()


@router.get("/")
def home(request: Request):
    c = conn(request)
    docs, _ = queries.documents(c, limit=15)
    top, _ = queries.actors(c, limit=15)
    return render(request, "index.html", counts=queries.counts(c), docs=docs, actors=top)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str):
    doc = queries.document(conn(request), doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    items = items_of(doc["analysis"], doc_id)
    return render(request, "document.html", doc=doc, segs=segments(doc["text"] or "", items),
                  items=[i.to_json() for i in items], analysis=doc["analysis"],
                  actors={a["id"]: a for a in doc["analysis"].get("actors", [])})


def timeline(actor: dict) -> list[dict]:
    """Events (as source or target) and statements of an actor, newest first."""
    out = []
    for key, role in (("events_as_source", "source"), ("events_as_target", "target")):
        for e in actor[key]["items"]:
            out.append({"kind": "event", "role": role, "when": e["date"] or e["published"], **e})
    for s in actor["statements"]["items"]:
        out.append({"kind": "statement", "role": "speaker", "when": s["date"] or s["published"], **s})
    out.sort(key=lambda x: (x["when"] or "", x["document"], x["start"]), reverse=True)
    return out


@router.get("/actors/{code:path}")
def actor_page(request: Request, code: str):
    found = views.actor_view(conn(request), code, 200)
    if found is None:
        raise HTTPException(404, f"no actor {code!r} in the store")
    return render(request, "actor.html", actor=found, timeline=timeline(found),
                  chart=stance_chart(found["stances_by_month"]))


@router.get("/events")
def events_page(request: Request, type: Text = None, mode: Text = None, source: Text = None,
                target: Text = None, actor: Text = None, country: Text = None, place: Text = None,
                since: Annotated[str | None, Query(pattern=DATE)] = None,
                until: Annotated[str | None, Query(pattern=DATE)] = None, document: Text = None,
                month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
                offset: Offset = 0):
    filters = {k: v for k, v in dict(type=type, mode=mode, source=source, target=target, actor=actor,
                                     country=country, place=place, since=since, until=until,
                                     document=document, month=month).items() if v}
    c = conn(request)
    items, total = layers.events(c, PAGE, offset, **filters)
    return render(request, "events.html", items=items, total=total, offset=offset, page=PAGE,
                  filters=filters, facets=layers.event_facets(c, **filters))


@router.get("/flips")
def flips_page(request: Request, actor: Text = None, offset: Offset = 0):
    items = views.flips(conn(request), actor)
    return render(request, "flips.html", items=items[offset:offset + PAGE], total=len(items),
                  offset=offset, page=PAGE, actor=actor or "")


@router.get("/statements/{sid}")
def statement_page(request: Request, sid: str):
    found = views.related_view(conn(request), sid)
    if found is None:
        raise HTTPException(404, f"no statement {sid!r} in the store")
    return render(request, "statement.html", s=found["statement"], related=found["related"])


@router.get("/search")
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                kind: Annotated[str | None, Query(pattern="^(document|statement)$")] = None,
                offset: Offset = 0):
    from marsad.search.query import search

    hits, total = search(conn(request), q, kind, 20, offset) if q.strip() else ([], 0)
    return render(request, "search.html", q=q, kind=kind or "", hits=hits, total=total,
                  offset=offset, page=20)


@router.get("/actors")
def actors_page(request: Request, q: Text = None, offset: Offset = 0, limit: Limit = PAGE):
    items, total = queries.actors(conn(request), q, limit, offset)
    return render(request, "actors.html", items=items, total=total, offset=offset, page=limit,
                  q=q or "")
