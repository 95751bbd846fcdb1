"""The FastAPI application: JSON API under /api, HTML pages elsewhere, read-only by default."""
from __future__ import annotations

import os
import threading
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.api.db import Reader
from marsad.text.normalize import normalize

DESCRIPTION = (
    "Marsad's analysis of Arabic political news: documents, actors, events (PLOVER), reported "
    "statements, stances and their flips. Every item carries its document id and the character "
    "offsets and text of its evidence. Lists are paginated with `limit` (at most 200) and `offset`.")


class Settings:
    """What a request handler needs: the reader, whether writes are allowed, the token."""

    def __init__(self, url: str, allow_writes: bool, token: str | None):
        self.url = url
        self.reader = Reader(url, create=allow_writes)
        self.allow_writes = allow_writes
        self.token = token
        self.write_lock = threading.Lock()
        # marsad_norm() lets SQL compare names in matching normalisation.
        self.reader.setup = lambda c: c.create_function("marsad_norm", 1, _norm, deterministic=True)

    def conn(self):
        return self.reader.conn()

    def store(self):
        """A writing store (only with --allow-writes), opened for one write: SQLite connections
        belong to the thread that made them, and writes are rare."""
        from marsad.store import open_store

        return open_store(self.reader.url)


def _norm(value: Any) -> Any:
    return normalize(value) if isinstance(value, str) else value


def create_app(url: str, allow_writes: bool = False, token: str | None = None,
               cors_origins: list[str] | None = None) -> FastAPI:
    """The application over the store at ``url``. Writes need ``allow_writes`` and a token
    (``token`` or the MARSAD_TOKEN environment variable)."""
    token = token if token is not None else os.environ.get("MARSAD_TOKEN")
    if allow_writes and not token:
        raise ValueError("--allow-writes needs a token in MARSAD_TOKEN")
    app = FastAPI(title="Marsad", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None)
    app.state.marsad = Settings(url, allow_writes, token)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"])
    _add_error_handlers(app)
    _add_security_headers(app)
    from marsad.api.routes import router
    from marsad.web.pages import mount

    app.include_router(router)
    mount(app)
    _add_docs(app)
    return app


def _add_docs(app: FastAPI) -> None:
    """Interactive docs at /docs from Swagger UI files served here (fastapi-offline ships them)."""
    from pathlib import Path

    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs-static", StaticFiles(directory=str(Path(fastapi_offline.__file__).parent / "static")),
              name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Marsad API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon.png")


# Pages run only the server's own script and style: an article's text can never bring code in.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers["Content-Security-Policy"] = CSP
        return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.startswith("/openapi")


def _add_error_handlers(app: FastAPI) -> None:
    from marsad.web.pages import error_page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
                  for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        return error_page(request, 422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                                  for e in errors))
