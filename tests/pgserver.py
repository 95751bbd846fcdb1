"""A throwaway PostgreSQL server for the tests: Debian's (or any) PostgreSQL binaries, a cluster in
a temporary folder, reached through a Unix socket in that folder (no TCP port to collide with),
started once per test session and removed at its end.

As root (CI), PostgreSQL refuses to run: the cluster then belongs to the ``postgres`` user (or
``nobody``) and its commands run through ``runuser``. ``MARSAD_TEST_PG_URL`` points the tests at a
server of your own instead (each test gets a schema of its own there). Without PostgreSQL the
PostgreSQL tests fail, unless ``MARSAD_NO_PG=1`` says to skip them.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from itertools import count

import pytest

_schemas = count(1)


def bin_dir() -> str | None:
    """The folder of initdb and pg_ctl: on the PATH, from pg_config, or Debian's versioned one."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(found)
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        if os.path.exists(os.path.join(out, "initdb")):
            return out
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(p.split("/")[-3]) if p.split("/")[-3].isdigit() else 0)
    return os.path.dirname(versions[-1]) if versions else None


def _user() -> str | None:
    """The unprivileged user that runs the server when the tests run as root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root with neither a postgres nor a nobody user")


class Server:
    def __init__(self):
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError("no PostgreSQL found (initdb): apt-get install postgresql, or set "
                               "MARSAD_TEST_PG_URL, or MARSAD_NO_PG=1 to skip these tests")
        self.user = _user()
        self.dir = tempfile.mkdtemp(prefix="marsad-pg-")
        self.data = os.path.join(self.dir, "data")
        if self.user:
            os.chmod(self.dir, 0o700)
            shutil.chown(self.dir, self.user, self.user)

    def run(self, *cmd: str) -> None:
        argv = [os.path.join(self.bin, cmd[0]), *cmd[1:]]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        r = subprocess.run(argv, capture_output=True, text=True, cwd=self.dir, timeout=120)
        if r.returncode != 0:
            log = os.path.join(self.dir, "log")
            tail = open(log, encoding="utf-8", errors="replace").read()[-2000:] if os.path.exists(log) else ""
            raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr or r.stdout}\n{tail}")

    def start(self) -> str:
        self.run("initdb", "-D", self.data, "-U", "marsad", "--auth=trust", "-E", "UTF8", "--no-locale")
        opts = (f"-k {self.dir} -c listen_addresses='' -p 5432 -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=100")
        self.run("pg_ctl", "-D", self.data, "-o", opts, "-l", os.path.join(self.dir, "log"), "-w", "start")
        return f"postgresql://marsad@/postgres?host={self.dir}&port=5432"

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def server_url():
    """A generator fixture body: the base URL of a running server, stopped afterwards."""
    external = os.environ.get("MARSAD_TEST_PG_URL")
    if external:
        yield external
        return
    if os.environ.get("MARSAD_NO_PG") == "1":
        pytest.skip("MARSAD_NO_PG=1: PostgreSQL tests skipped")
    try:
        server = Server()
        url = server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        pytest.fail(f"PostgreSQL could not be started for the tests: {e}", pytrace=False)
    try:
        yield url
    finally:
        server.stop()


def fresh_schema(base: str) -> str:
    """A URL of ``base`` whose tables live in a new, empty schema (one store per test)."""
    import psycopg

    name = f"t{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}"
