from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed-iraq-us-coalition.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared) -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def pg_server():
    """The base URL of the session's PostgreSQL server (tests/pgserver.py)."""
    from pgserver import server_url

    yield from server_url()


@pytest.fixture
def pg_url(pg_server) -> str:
    """An empty PostgreSQL store URL (a schema of its own)."""
    from pgserver import fresh_schema

    return fresh_schema(pg_server)


@pytest.fixture(params=["sqlite", "postgres"])
def store_db(request, tmp_path) -> str:
    """The URL of an empty store, once in SQLite and once in PostgreSQL: store tests take it to
    run against both back ends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return request.getfixturevalue("pg_url")
