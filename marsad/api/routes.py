"""JSON endpoints under /api."""
from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from marsad.api import layers, queries
from marsad.api.queries import MAX_LIMIT

router = APIRouter(prefix="/api")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Until = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Text = Annotated[str | None, Query(max_length=200)]
Id = Annotated[str, Path(min_length=1, max_length=300)]


class Error(BaseModel):
    detail: Any


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {401: "missing or wrong token", 403: "the server is read-only", 404: "not in the store",
            413: "document over the size limit", 422: "bad input"}
    return {c: {"model": Error, "description": text[c]} for c in codes}


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def settings(request: Request):
    return request.app.state.marsad


def page(found: tuple[list, int], limit: int, offset: int) -> dict[str, Any]:
    return {"items": found[0], "total": found[1], "limit": limit, "offset": offset}


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} {key!r} in the store")


@router.get("/documents", response_model=Page, summary="Documents, newest first")
def list_documents(request: Request, source: Text = None, since: Since = None, until: Until = None,
                   q: Text = None, limit: Limit = 50, offset: Offset = 0):
    conn = settings(request).conn()
    return page(queries.documents(conn, source, since, until, q, limit, offset), limit, offset)


@router.get("/documents/{doc_id}", responses=errors(404), summary="One document: its marsad.analysis/1 object and text")
def get_document(request: Request, doc_id: Id) -> dict[str, Any]:
    doc = queries.document(settings(request).conn(), doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    return doc


class NewDocument(BaseModel):
    id: str = Field(min_length=1, max_length=300)
    text: str
    title: str | None = None
    published: str | None = Field(default=None, pattern=DATE)
    url: str | None = None
    source: str | None = None


@router.post("/documents", status_code=201, responses=errors(401, 403, 413, 422), summary="Analyse and store a document (--allow-writes)")
def post_document(request: Request, doc: Annotated[NewDocument, Body()],
                  authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    from marsad.api.writes import store_document

    s = settings(request)
    if not s.allow_writes:
        raise HTTPException(403, "the server is read-only (start it with --allow-writes)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), s.token.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer MARSAD_TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})
    return store_document(s, doc.model_dump())


@router.get("/actors", response_model=Page, summary="Actors by mention count; q searches names and codes")
def list_actors(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0):
    return page(queries.actors(settings(request).conn(), q, limit, offset), limit, offset)


@router.get("/actors/{code:path}", responses=errors(404), summary="One actor: events as source and target, statements, stances")
def get_actor(request: Request, code: Id, limit: Limit = 100) -> dict[str, Any]:
    from marsad.api.views import actor_view

    found = actor_view(settings(request).conn(), code, limit)
    if found is None:
        raise not_found("actor", code)
    return found


@router.get("/events", response_model=Page, summary="Events (PLOVER) with their filters")
def list_events(request: Request, type: Text = None, mode: Text = None, source: Text = None,
                target: Text = None, actor: Text = None, country: Text = None, place: Text = None,
                since: Since = None, until: Until = None, document: Text = None,
                limit: Limit = 50, offset: Offset = 0):
    found = layers.events(settings(request).conn(), limit, offset, type=type, mode=mode, source=source,
                          target=target, actor=actor, country=country, place=place, since=since,
                          until=until, document=document)
    return page(found, limit, offset)


@router.get("/statements", response_model=Page, summary="Reported statements")
def list_statements(request: Request, speaker: Text = None, since: Since = None, until: Until = None,
                    q: Text = None, document: Text = None, limit: Limit = 50, offset: Offset = 0):
    found = layers.statements(settings(request).conn(), speaker, since, until, q, document, limit, offset)
    return page(found, limit, offset)


@router.get("/statements/{sid}", responses=errors(404), summary="One statement (id DOCUMENT:INDEX)")
def get_statement(request: Request, sid: Id) -> dict[str, Any]:
    found = layers.statement(settings(request).conn(), sid)
    if found is None:
        raise not_found("statement", sid)
    return found


@router.get("/statements/{sid}/related", responses=errors(404),
            summary="The speaker's earlier statements on the same target or issue, with the "
                    "claim-pair model's verdict (agree / disagree / other)")
def get_related(request: Request, sid: Id, limit: Annotated[int, Query(ge=1, le=50)] = 10):
    from marsad.api.views import related_view

    found = related_view(settings(request).conn(), sid, limit)
    if found is None:
        raise not_found("statement", sid)
    return found


@router.get("/stances", response_model=Page, summary="Stances: holder → target, support or oppose")
def list_stances(request: Request, holder: Text = None, target: Text = None, issue: Text = None,
                 polarity: Annotated[str | None, Query(pattern="^(support|oppose)$")] = None,
                 since: Since = None, until: Until = None, document: Text = None,
                 limit: Limit = 50, offset: Offset = 0):
    found = layers.stances(settings(request).conn(), holder, target, issue, polarity, since, until,
                           document, limit, offset)
    return page(found, limit, offset)


@router.get("/flips", response_model=Page, summary="Stance contradictions (marsad.flips/1)")
def list_flips(request: Request, actor: Text = None, since: Since = None, limit: Limit = 50,
               offset: Offset = 0):
    from marsad.api.views import flips

    items = flips(settings(request).conn(), actor, since)
    return page((items[offset:offset + limit], len(items)), limit, offset)


@router.get("/search", response_model=Page, summary="Full-text search over documents and statements")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           kind: Annotated[str | None, Query(pattern="^(document|statement)$")] = None,
           limit: Limit = 20, offset: Offset = 0):
    from marsad.search.query import search as run

    hits, total = run(settings(request).conn(), q, kind, limit, offset)
    return page(([h.to_json() for h in hits], total), limit, offset)
