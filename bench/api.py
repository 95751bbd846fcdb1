"""`make bench-api`: p50/p95 latency of a document page and a filtered event query, served by
`marsad serve` (uvicorn, one process) on loopback over a store of the 4,000 ANT dev articles.

Bounded: a fixed number of sequential requests per endpoint, each with a timeout; the server is
started here and stopped at the end. The store is built once (build/bench-api.db).
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_store(db: Path, shared: Path) -> None:
    if db.is_file():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    src = shared / "data" / "ant_news" / "dev.jsonl.gz"
    print(f"building {db} from {src} …", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(src), "--db", f"sqlite:///{db}",
                    "-j", "1"], check=True, cwd=ROOT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure(client, urls: list[str]) -> dict[str, float]:
    times = []
    for u in urls:
        t = time.perf_counter()
        r = client.get(u)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (u, r.status_code)
    return {"n": len(times), "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
            "mean": statistics.fmean(times)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--db", default=str(ROOT / "build" / "bench-api.db"))
    ap.add_argument("-n", type=int, default=300, help="requests per endpoint")
    args = ap.parse_args()
    import httpx

    db = Path(args.db)
    build_store(db, Path(args.shared))
    with sqlite3.connect(db) as c:
        docs = [r[0] for r in c.execute("SELECT id FROM documents ORDER BY id")]
        n_events = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    rng = random.Random(7)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", f"sqlite:///{db}",
                               "--port", str(port)], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(100):
                try:
                    client.get("/api/documents?limit=1")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            doc_urls = [f"/documents/{rng.choice(docs)}" for _ in range(args.n)]
            months = ["2018-02", "2018-03", "2018-04", "2018-05", "2018-06"]
            types = ["ASSAULT", "PROTEST", "ACCUSE", "CONSULT", "REQUEST"]
            event_urls = [f"/api/events?type={rng.choice(types)}&since={m}-01&until={m}&limit=50"
                          for m in (rng.choice(months) for _ in range(args.n))]
            measure(client, doc_urls[:20] + event_urls[:20])  # warm-up
            results = {"document page": measure(client, doc_urls),
                       "filtered events": measure(client, event_urls)}
    finally:
        server.terminate()
        server.wait(10)
    print(f"store: {len(docs)} documents, {n_events} events; {args.n} sequential requests each, loopback")
    for name, r in results.items():
        print(f"{name:16}  p50 {r['p50']:6.1f} ms   p95 {r['p95']:6.1f} ms   mean {r['mean']:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
