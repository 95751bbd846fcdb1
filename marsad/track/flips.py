"""Cross-document contradictions: when an actor's stated position on an issue flips.

Stances are compared as normalised propositions (holder code, target code, issue, polarity), so
two statements in different words about the same issue compare, and two that only sound alike
(another target, another issue) never do. Along each holder's dated timeline toward one target,
every change of polarity between two documents on compatible issues (the same topic, or one is the
general attitude) is a flip; a contradiction inside one document comes from the stances stage and
is stored with scope "document".
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from typing import Any

from sqlite_utils import Database

from marsad import resources
from marsad.store.dialect import lock
from marsad.times.anchor import first_day

STAGE = "track"
MAX_RUN = 5
MAX_LOOKBACK = 60  # documents looked back along one holder-target timeline
_CONF = resources.read_yaml("track", "flips.yaml")
GENERAL = frozenset(_CONF["general"])  # an attitude with no topic named (friend or foe)
RELATIONAL = frozenset(_CONF["relational"])  # the relationship itself: meeting, talks, cooperation
RELATION = RELATIONAL | frozenset(_CONF["relational_general"])  # issues that compare as the relationship
MEETING_RULES = tuple(_CONF["meeting_rules"])
NEWS_TYPES = frozenset(_CONF["news_types"])  # sectors of speakers whose report of a stance is the holder's
_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
ATTITUDE_RULES = frozenset({"attitude", "interaction", "approval", "accusation", "enmity"})


def attitude(rule: str | None) -> bool:
    """A stance read from an attitude word or an interaction (praise, blame, accusation, backing),
    as against an act on a neutral issue (withdrawing from a deal, meeting for talks)."""
    return (rule or "").split(".")[0].split("+")[-1] in ATTITUDE_RULES


def compatible(a: tuple, b: tuple) -> bool:
    """Two stances' issues compare: the same one, both about the relationship itself (praise or
    blame, enmity, talks, cooperation), or one is the general attitude (praise or blame with no topic
    named) and the other an attitude on a topic. Two different topics (a summit and strikes,
    sanctions and a deal) never do, nor a general attitude and an act on a neutral issue (a
    warning to Russia and a law that lets the president end sanctions on it)."""
    if a[7] == b[7]:
        return True
    if a[7] in RELATION and b[7] in RELATION:
        # a meeting compares only with the talks themselves
        return not any((x[9] or "").startswith(MEETING_RULES) for x in (a, b))
    return (a[7] in GENERAL and attitude(b[9])) or (b[7] in GENERAL and attitude(a[9]))


@lru_cache(maxsize=1)
def _leaders() -> dict[str, list[tuple[str, str, str | None]]]:
    """Person code → the (country, start, end) spans in which the person held the state's chief
    office (countries.yaml: the president, or the prime minister, king, emir, leader where that
    office leads)."""
    from marsad.actors.dictionary import lexicon

    lex = lexicon()
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for code, e in lex.entries.items():
        for office, iso, start, end in getattr(e, "offices", None) or ():
            country = lex.countries.get(iso)
            if country is not None and office in country.chief:
                out.setdefault(code, []).append((iso, start, end))
    return out


def party(code: str, date: str | None) -> str:
    """The identity a stance's holder or target has across documents: a state's leader at the
    stance's date is the state's government ("ترامب" and "واشنطن", "كيم جونغ أون" and "بيونغ يانغ"),
    any other actor is itself."""
    for iso, start, end in _leaders().get(code, ()):
        if date and start <= date and (end is None or date < end):
            return f"{iso}.GOV"
    return code


def _rows(db: Database) -> list[tuple]:
    """The stances that can flip, as (doc, start, end, date, polarity, holder party, target party,
    issue, reported, rule, holder code, target code), sorted along each party pair's timeline."""
    rows = db.execute(
        "SELECT s.doc_id, s.start, s.end, s.date, s.polarity, "
        "s.holder_code, s.target_code, s.issue, s.reported, s.rule, sp.speaker_code, sa.country, sa.type, "
        "ha.country, d.published "
        "FROM stances s JOIN documents d ON d.id = s.doc_id "
        "LEFT JOIN statements sp ON sp.doc_id = s.doc_id AND sp.idx = s.statement_idx "
        "LEFT JOIN actors sa ON sa.code = sp.speaker_code LEFT JOIN actors ha ON ha.code = s.holder_code "
        "WHERE s.holder_code IS NOT NULL AND s.target_code IS NOT NULL AND s.issue IS NOT NULL").fetchall()
    out = []
    for r in rows:
        r = r[:3] + (_stance_date(r[3], r[14]),) + r[4:14]
        if r[8] and not _own_voice(r):
            continue
        out.append(r[:5] + (party(r[5], r[3]), party(r[6], r[3])) + r[7:10] + (r[5], r[6]))
    return sorted(out, key=lambda r: (r[5], r[6], r[3] or "", r[0], r[1]))


def _stance_date(date: str | None, published: str | None) -> str | None:
    """When the stance was stated: its own date where it names a month or a day no later than the
    publication, else the publication's. A bare year is a background date in the sentence ("ترامب
    يشكر كيم بعد إعادة رفات جنود قتلوا في الحرب الكورية بين عامي 1950 و1953"), a week takes its
    first day ("2018-W09" would sort after July), and a day after the publication is the event
    the statement is about ("القمة المقررة في 12 يونيو" in a report of 27 May), not when it was made."""
    published = str(published) if published is not None else None  # a DATE column on PostgreSQL
    date = first_day(date) if date else date
    if date and _DAY_OR_MONTH.fullmatch(date) and (published is None or date <= published[:len(date)]):
        return date
    return published or date


def _own_voice(r: tuple) -> bool:
    """A reported stance that still is the holder's position: told by the holder's own state (its
    agency, office or spokesman: "قالت الوكالة الرسمية إن كيم شكر مون") or by a news agency
    ("ذكرت يونهاب أن بيونغ يانغ ألغت مباحثات مع سيول"). Someone else's account of the holder
    ("قال لافروف إن واشنطن تعتزم البقاء في سوريا") and the writer's relation phrases
    ("الحوثيين المدعومين من إيران") are not."""
    speaker, s_country, s_type, h_country = r[10], r[11], r[12], r[13]
    if speaker is None or (r[9] or "").startswith("attitude.relation"):
        return False
    if party(speaker, r[3]) == party(r[5], r[3]) or (s_country and s_country == h_country):
        return True
    return s_type in NEWS_TYPES


def corpus_flips(db: Database) -> list[dict[str, Any]]:
    rows = _rows(db)
    found: list[tuple[tuple, dict[str, Any]]] = []
    for key, group in groupby(rows, key=lambda r: (r[5], r[6])):
        # Each document's stances on one issue collapse to its last one in text order.
        last: dict[tuple, tuple] = {}
        for r in group:
            last[(r[0], r[7])] = r
        per_doc = sorted(last.values(), key=lambda r: (r[3] or "", r[0], r[1]))
        for j, cur in enumerate(per_doc):
            # The earlier documents on a compatible issue whose position the new one reverses: the
            # most recent MAX_RUN of the opposite position, passing over the documents that hold the
            # new one — the cancelled summit of 24 May stands against a thanks of 2 August even when
            # a support of 27 May and the summit of 12 June came between (a report of one day may
            # recall an earlier position, and each opposite one is a reversal the new one states).
            run: list[tuple] = []
            for old in reversed(per_doc[max(0, j - MAX_LOOKBACK):j]):
                if old[0] == cur[0] or not compatible(old, cur) or old[4] == cur[4]:
                    continue
                if len(run) == MAX_RUN:
                    break
                run.append(old)
            for old in reversed(run):
                found.append((key, _flip(key, old, cur)))
    return _one_per_pair(found)


def _one_per_pair(found: list[tuple[tuple, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One flip of a holder toward a target between two documents: two readings of one reversal
    (its praise read on the approval and on the talks, a later sentence repeating it) are one
    flip, told by the earliest evidence of each side — a report leads with its news and repeats
    or recalls it lower down."""
    best: dict[tuple, dict[str, Any]] = {}
    for parties, f in found:
        key = (*parties, f["a_doc"], f["b_doc"])
        if key not in best or (f["b_start"], f["a_start"]) < (best[key]["b_start"], best[key]["a_start"]):
            best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for _, f in found if id(f) in keep]


def _flip(key: tuple, prev: tuple, cur: tuple) -> dict[str, Any]:
    same_day = prev[3] is not None and prev[3] == cur[3]
    # the actor itself when both sides name the same one, else the state both stand for
    holder = cur[10] if prev[10] == cur[10] else key[0]
    target = cur[11] if prev[11] == cur[11] else key[1]
    return {
        "scope": "corpus", "kind": "inconsistency" if same_day else "flip",
        "holder_code": holder, "target_code": target,
        "issue": cur[7] if cur[7] not in GENERAL else prev[7],
        "a_doc": prev[0], "a_start": prev[1], "a_end": prev[2], "a_date": prev[3],
        "a_polarity": prev[4], "b_doc": cur[0], "b_start": cur[1], "b_end": cur[2],
        "b_date": cur[3], "b_polarity": cur[4], "stage": STAGE,
        "rule": "polarity-change" + ("-reported" if prev[8] or cur[8] else ""),
    }


def _actor(store, code: str | None, issue: str | None = None) -> dict[str, Any]:
    a = store.actor(code) if code else None
    out = {"name": a["name"] if a else None, "aliases": a["aliases"] if a else [],
           "country": a["country"] if a else None, "type": a["type"] if a else None,
           "code": code}
    if issue is not None:
        out["issue"] = issue
    return out


def flip_records(store, actor: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    """``marsad.flips/1`` records for every contradiction the store holds."""
    from marsad.text.normalize import normalize

    wanted = normalize(actor).lower() if actor else None
    out = []
    for c in store.contradictions():
        holder = _actor(store, c["holder_code"])
        if wanted:
            names = [holder["name"] or "", *holder["aliases"], c["holder_code"] or ""]
            en = (store.actor(c["holder_code"]) or {}).get("name_en") or ""
            if not any(wanted in normalize(n).lower() for n in names + [en]):
                continue
        later = max(filter(None, [c["a_date"], c["b_date"]]), default=None)
        if since and (later is None or later < since):
            continue
        out.append({
            "schema": "marsad.flips/1",
            "holder": holder,
            "target": _actor(store, c["target_code"], c["issue"] or ""),
            "kind": c["kind"], "scope": c["scope"], "rule": c["rule"],
            "a": {"document": c["a_doc"], "start": c["a_start"], "end": c["a_end"],
                  "date": c["a_date"], "polarity": c["a_polarity"]},
            "b": {"document": c["b_doc"], "start": c["b_start"], "end": c["b_end"],
                  "date": c["b_date"], "polarity": c["b_polarity"]},
        })
    return out


def refresh_flips(store) -> int:
    """Recompute the corpus-wide contradictions (flips between documents) in the store."""
    with store.db.atomic():
        lock(store.db, "marsad:flips")  # two writers' refreshes one after the other, not interleaved
        store.db.execute("DELETE FROM contradictions WHERE scope = 'corpus'")
        found = corpus_flips(store.db)
        store.db["contradictions"].insert_all(found)
    return len(found)
