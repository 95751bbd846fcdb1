"""The actor dictionary: data files under marsad/resources/actors/ compiled into one matcher.

Entries are states (one GOV actor per state, named by the country, its capital, ...), the
institutions every state has (composed: "<ISO3>.<code>", e.g. IRQ.MIL), persons with their
offices over time, named organisations, cities and regions. Everything that can be matched in
text — aliases, nisba adjectives, institution heads, titles, armed-group heads — becomes a key
of ONE pyahocorasick automaton over normalised text (marsad.text.normalize); each key carries
the readings it can have (an alias, a nisba, a head ...). ``lexicon()`` builds it once per
process (about a second) and keeps it.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from marsad import resources
from marsad.actors.spelling import misspelt
from marsad.resources.cache import compiled
from marsad.text.normalize import normalize
from marsad.text.segment import CONJ, PREP, PROCLITIC_PAIRS

RESOURCES = resources.ROOT / "actors"

# Proclitic letter sequences allowed before a dictionary key inside a word (spans exclude them).
PROCLITICS = frozenset(("", *CONJ, *PREP, *PROCLITIC_PAIRS))
# Before a key written with its article merged into a preposition lam (للعراق = ل + العراق).
LAM_PROCLITICS = frozenset(p for p in PROCLITICS if p.endswith("ل"))
# The resolver's own words (guard words, led-by phrases, name prefixes …), read once.
RESOLVER_WORDS = resources.read_yaml("actors", "resolver_words.yaml")
NAME_PREFIXES = tuple(RESOLVER_WORDS["name_prefixes"])
FAMILY_FIRST = frozenset(normalize(w) for w in RESOLVER_WORDS["family_name_first"])
# Inflections of a nisba base: (suffix, plural).
NISBA_SUFFIXES = tuple((suffix, plural) for suffix, plural in RESOLVER_WORDS["nisba_suffixes"])


@dataclass(slots=True)
class Entry:
    """One dictionary actor."""

    id: str
    name: str
    name_en: str | None = None
    country: str | None = None
    type: str | None = None
    kind: str = "ORG"  # PER | ORG | LOC
    qid: str | None = None
    aliases: list[str] = field(default_factory=list)
    offices: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    surname: str | None = None  # normalised; "" = none
    leader: str | None = None  # coalitions: the leading state

    def type_at(self, date: str | None) -> str | None:
        """A person's sector at a date: GOV while holding a listed office."""
        if self.offices and any(_active(o, date) for o in self.offices):
            return "IGO" if self.country in ("UNO", "IGO", "EUR") else "GOV"
        return self.type


def _active(office: tuple[str, str, str, str | None], date: str | None) -> bool:
    _, _, start, end = office
    if date is None:
        return end is None
    return start <= date and (end is None or date < end)


@dataclass(slots=True)
class Country:
    iso: str
    name: str  # canonical Arabic name
    name_en: str
    qid: str | None
    nisba: list[str]  # masculine singular bases (عراقي); two-word bases allowed
    chief: list[str]
    names: list[str] = field(default_factory=list)  # names and capitals: the GOV actor's aliases


@dataclass(slots=True)
class Institution:
    code: str
    type: str
    name: str  # template
    en: str
    bare: frozenset[str]


@dataclass(slots=True)
class Title:
    title: str
    office: str
    construct: bool = False
    bare: bool = False
    chief: bool = False
    only: tuple[str, ...] = ()
    fixed: str | None = None


class Lexicon:
    """Compiled dictionary: entries, countries, institutions, titles and the automaton."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.countries: dict[str, Country] = {}
        self.institutions: dict[str, Institution] = {}
        self.titles: list[Title] = []
        self.offices: dict[str, dict] = {}
        self.holders: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}
        self.heads: dict[str, str] = {}  # normalised head noun before a nisba → sector / NONE
        self.person_roles: dict[str, str] = {}  # word near an unknown person → sector
        self.org_heads: dict[str, str] = {}  # first word(s) of an unknown organisation → sector
        self.reb_adjectives: frozenset[str] = frozenset()
        self.not_current: frozenset[str] = frozenset()
        self.keys: dict[str, list[tuple]] = {}
        self.blocked: frozenset[str] = frozenset()  # words that are not proclitic + key
        self.automaton = ahocorasick.Automaton()

    # -- lookups ---------------------------------------------------------------------------
    def holder(self, iso: str, office: str, date: str | None) -> str | None:
        """Id of the person holding an office of a state at a date (None if unknown)."""
        for start, end, pid in self.holders.get((iso, office), ()):
            if date is None:
                if end is None:
                    return pid
            elif start <= date and (end is None or date < end):
                return pid
        return None

    def institution_entry(self, iso: str, code: str) -> Entry | None:
        """The composed actor "<ISO3>.<code>" (created on first use)."""
        key = f"{iso}.{code}"
        e = self.entries.get(key)
        if e is not None:
            return e
        c = self.countries.get(iso)
        inst = self.institutions.get(code)
        if c is None or inst is None:
            return None
        # The GOV actor stands for the state itself (named by the country): kind LOC.
        e = Entry(key, _fill(inst.name, c), _fill_en(inst.en, c), iso, inst.type,
                  "LOC" if code == "GOV" else "ORG", c.qid if code == "GOV" else None,
                  list(c.names[1:]) if code == "GOV" else [])
        self.entries[key] = e
        return e

    def office_entry(self, iso: str, office: str) -> Entry | None:
        """An office whose holder is unknown at the date: "<ISO3>.office.<OFFICE>"."""
        key = f"{iso}.office.{office}"
        e = self.entries.get(key)
        if e is not None:
            return e
        c = self.countries.get(iso)
        o = self.offices.get(office)
        if c is None or o is None:
            return None
        m = c.nisba[0] if c.nisba else ""
        name = f"{o['ar']} {_definite(m)}" if m else f"{o['ar']} ({c.name})"
        e = Entry(key, name, f"{o['en']} of {c.name_en}", iso, "GOV", "PER")
        self.entries[key] = e
        return e

    # -- matching --------------------------------------------------------------------------
    def scan(self, text: str) -> list[tuple[int, int, list[tuple]]]:
        """Whole-word key matches in normalised text: (start, end, readings), proclitics allowed."""
        out = []
        n = len(text)
        for last, (klen, lam, readings) in self.automaton.iter(text):
            e = last + 1
            if e < n and text[e].isalnum():
                continue
            s = e - klen
            ws = s
            while ws > 0 and text[ws - 1].isalnum() and s - ws <= 2:
                ws -= 1
            if ws > 0 and text[ws - 1].isalnum():
                continue
            pre = text[ws:s]
            if (pre in LAM_PROCLITICS) if lam else (pre in PROCLITICS):
                if pre and text[ws:e] in self.blocked:
                    continue
                out.append((s, e, readings))
        return out

    # -- building --------------------------------------------------------------------------
    def add_key(self, surface: str, reading: tuple) -> None:
        key = normalize(surface).strip()
        key = " ".join(key.split())
        if len(key) < 2:
            return
        self.keys.setdefault(key, [])
        if reading not in self.keys[key]:
            self.keys[key].append(reading)

    def compile(self) -> None:
        for key, readings in list(self.keys.items()):
            for alt in misspelt(key):  # "ميليشات الحوثي": a common misspelling of a listed name
                if alt not in self.keys:
                    self.keys[alt] = readings
        for key, readings in self.keys.items():
            value = tuple(readings)
            self.automaton.add_word(key, (len(key), False, value))
            if key.startswith("ال") and len(key) > 3:
                lam = key[1:]  # للعراق = ل + لعراق: the article's alef is dropped after لـ
                if lam not in self.keys:
                    self.automaton.add_word(lam, (len(lam), True, value))
        self.automaton.make_automaton()


def _definite(word: str) -> str:
    return " ".join("ال" + w for w in word.split())


def _fill(template: str, c: Country) -> str:
    m = c.nisba[0] if c.nisba else None
    if m is None and ("{m}" in template or "{f}" in template or "{mp}" in template):
        head = template.split("{")[0].strip()
        return f"{head} ({c.name})"
    return template.format(country=c.name, m=_definite(m) if m else "",
                           f=" ".join(_definite(w) + "ة" for w in m.split()) if m else "",
                           mp=" ".join(_definite(w) + "ون" for w in m.split()) if m else "")


def _fill_en(template: str, c: Country) -> str:
    return template.format(en=c.name_en)


def nisba_forms(base: str) -> list[tuple[str, bool, bool]]:
    """Inflected forms of a nisba base: (surface, plural, definite). عراقي → العراقية, عراقيون …"""
    words = base.split()
    out = []
    for suffix, plural in NISBA_SUFFIXES:
        for definite in (True, False):
            if definite and suffix == "ا":
                continue
            form = " ".join(("ال" if definite else "") + w + suffix for w in words)
            out.append((form, plural, definite))
    return out


def _read_countries(lex: Lexicon) -> None:
    curated = resources.read_yaml("actors", "countries.yaml")
    over = curated.get("countries", {})
    rows: dict[str, dict] = {}
    with (RESOURCES / "countries.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            iso3, _iso2, en, names, _cap_en, caps, nisba, fold = line.rstrip("\n").split("\t")
            rows[iso3] = {"en": en, "names": _split(names), "capitals": _split(caps),
                          "nisba": _split(nisba), "fold": fold}
    for iso3, add in curated.get("add", {}).items():
        rows[iso3] = {"en": add["en"], "names": [], "capitals": [], "nisba": [], "fold": ""}
        over.setdefault(iso3, {}).update(add)
    all_names = {normalize(n) for iso3, r in rows.items()
                 for n in r["names"] + over.get(iso3, {}).get("names", [])}
    for iso3, r in rows.items():
        o = over.get(iso3, {})
        target = r["fold"] or iso3
        names = list(dict.fromkeys(o.get("names", []) + r["names"]))
        names = [n for n in names if n not in o.get("drop_names", [])]
        guard = set(o.get("guard", []))
        caps = o["capitals"] if "capitals" in o else r["capitals"]
        nisba = o["nisba"] if "nisba" in o else r["nisba"]
        if r["fold"]:
            nisba = []  # a dependency's adjective is not its controlling state's
        if target == iso3:
            primary = names[0] if names else iso3
            lex.countries[iso3] = Country(iso3, primary, o.get("en", r["en"]), o.get("qid"),
                                          nisba, o.get("chief", ["PRES"]),
                                          [n for n in names + caps if n not in guard])
        gov = f"{target}.GOV"
        for n in names + [g for g in guard if g not in names]:
            lex.add_key(n, ("A", gov, "LOC", "country", n in guard))
        for n in caps:
            lex.add_key(n, ("A", gov, "LOC", "capital", False))
        for base in nisba:
            for form, plural, definite in nisba_forms(base):
                if form.endswith("ا") and not definite and normalize(form) in all_names:
                    continue  # سوريا is the country, not the accusative of سوري
                lex.add_key(form, ("N", target, plural, definite))
        for d in o.get("demonyms", []):
            lex.add_key(d, ("D", target))


def _read_cities(lex: Lexicon) -> None:
    with (RESOURCES / "cities.tsv").open(encoding="utf-8") as f:
        for row in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            gid, iso3, en, names, _pop = row
            names_l = _split(names)
            eid = f"city.{gid}"
            lex.entries[eid] = Entry(eid, names_l[0], en, iso3 or None, None, "LOC",
                                     aliases=names_l[1:])
            for n in names_l:
                key = normalize(n)
                # a country, capital, nisba or title of the same spelling keeps its reading
                if key not in lex.keys:
                    lex.add_key(n, ("A", eid, "LOC", "city", False))


def _read_institutions(lex: Lexicon) -> None:
    data = resources.read_yaml("actors", "institutions.yaml")
    for inst in data["institutions"]:
        code = inst["code"]
        bare = frozenset(normalize(b) for b in inst.get("bare", []))
        lex.institutions[code] = Institution(code, inst["type"], inst["name"], inst["en"], bare)
        for h in inst["heads"]:
            lex.add_key(h["head"], ("I", code, h.get("label"), False, normalize(h["head"]) in bare))
        for c in inst.get("construct", []):
            lex.add_key(c, ("I", code, None, True, False))
    reb = data["armed_groups"]
    lex.institutions["REB"] = Institution("REB", "REB", reb["name"], reb["en"], frozenset())
    bare = {normalize(b) for b in reb["bare"]}
    for h in reb["heads"]:
        lex.add_key(h, ("R", "REB", normalize(h) in bare))
    lex.reb_adjectives = frozenset(normalize(a) for a in reb["adjectives"])
    uaf = data["unidentified"]
    lex.institutions["UAF"] = Institution("UAF", "UAF", uaf["name"], uaf["en"], frozenset())
    for h in uaf["heads"]:
        lex.add_key(h, ("R", "UAF", True))
    for sector, words in data["nisba_heads"].items():
        for w in words:
            lex.heads.setdefault(normalize(w), sector)
    for sector, words in data["person_roles"].items():
        for w in words:
            lex.person_roles.setdefault(normalize(w), sector)
    for sector, words in data["org_heads"].items():
        for w in words:
            lex.org_heads.setdefault(normalize(w), sector)


def _read_offices(lex: Lexicon) -> None:
    data = resources.read_yaml("actors", "offices.yaml")
    lex.offices = data["offices"]
    for t in data["titles"]:
        title = Title(t["title"], t["office"], t.get("construct", False), t.get("bare", False),
                      t.get("chief", False), tuple(t.get("only", ())), t.get("fixed"))
        lex.titles.append(title)
        lex.add_key(t["title"], ("T", len(lex.titles) - 1))
    lex.not_current = frozenset(normalize(w) for w in data["not_current"])
    for phrase in data["not_titles"]:
        lex.add_key(phrase, ("X",))
    # Coalition heads: resolved from context (led-by phrase, earlier coalition, main country).
    for phrase, label in RESOLVER_WORDS["coalition_heads"].items():
        lex.add_key(phrase, ("C", label))
    # Bare heads that refer back to one state's institution (marsad.actors.anaphora).
    for family, fam in RESOLVER_WORDS["anaphoric_heads"].items():
        for phrase, code in fam["bare"].items():
            lex.add_key(phrase, ("H", code, family))


def _read_people(lex: Lexicon) -> None:
    data = resources.read_yaml("actors", "people.yaml")
    for p in data["people"]:
        pid = "per." + _slug(p["en"])
        offices = []
        for o in p.get("offices", []) or []:
            parts = str(o).split()
            offices.append((parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else None))
        surname = p.get("surname")
        if surname is None:
            surname = default_surname(p["name"])
        e = Entry(pid, p["name"], p["en"], p.get("country"), p.get("type"), "PER",
                  p.get("qid"), list(p.get("aliases", []) or []), offices,
                  normalize(surname) if surname else "")
        lex.entries[pid] = e
        for n in [p["name"]] + e.aliases:
            lex.add_key(n, ("A", pid, "PER", "person", False))
        for off, iso, start, end in offices:
            lex.holders.setdefault((iso, off), []).append((start, end, pid))


@lru_cache(maxsize=50_000)
def default_surname(name: str) -> str:
    """The short form that names a person after the full name: السوداني، عبد المهدي."""
    words = normalize(name).split()
    if len(words) < 2:
        return ""
    if len(words) >= 3 and words[0] in FAMILY_FIRST:
        return words[0]  # كيم جونغ أون → كيم
    if len(words) >= 3 and words[-2] in NAME_PREFIXES:
        return " ".join(words[-2:])
    if words[-2] in NAME_PREFIXES:
        return ""  # "محمد بن سلمان": no surname of its own
    return words[-1]


def _read_organizations(lex: Lexicon) -> None:
    data = resources.read_yaml("actors", "organizations.yaml")
    for o in data["organizations"]:
        if "of" in o:
            iso, code = o["of"].split(".")
            e = lex.institution_entry(iso, code)
            if e is None:
                raise ValueError(f"organizations.yaml: unknown institution {o['of']}")
            e.aliases.extend(o["aliases"])
            for a in o["aliases"]:
                lex.add_key(a, ("A", e.id, "ORG", "alias", False))
            continue
        kind = o.get("kind", "ORG")
        e = Entry(o["id"], o["name"], o.get("en"), o.get("country"), o.get("type"), kind,
                  o.get("qid"), list(o.get("aliases", []) or []), leader=o.get("leader"))
        lex.entries[e.id] = e
        for n in [e.name] + e.aliases:
            lex.add_key(n, ("A", e.id, kind, "alias", False))
        for n in o.get("adjectives", []):  # "صواريخ حوثية": the group, but no named entity
            lex.add_key(n, ("A", e.id, None, "alias", False))


def _split(field_: str) -> list[str]:
    return [x for x in field_.split("|") if x]


def _slug(en: str) -> str:
    import re
    import unicodedata

    s = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def build() -> Lexicon:
    lex = Lexicon()
    _read_countries(lex)
    _read_institutions(lex)
    for iso3 in lex.countries:  # every state × every institution is an entry of its own
        for code in lex.institutions:
            lex.institution_entry(iso3, code)
    _read_offices(lex)
    _read_people(lex)
    _read_organizations(lex)
    _read_cities(lex)
    for key in list(lex.holders):
        lex.holders[key].sort()
    path = RESOURCES / "blocked_forms.txt"
    if path.exists():
        lex.blocked = frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                                if ln.strip() and not ln.startswith("#"))
    lex.compile()
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide dictionary (built on first use, or read from the compiled cache)."""
    return compiled("actors", [*RESOURCES.iterdir(), Path(__file__), Path(__file__).with_name("spelling.py")], build)
