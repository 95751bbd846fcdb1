"""Cross-document flips (marsad.track.flips): who is the same holder and target across documents,
which issues compare, and reversals read from real 2018 articles."""
from __future__ import annotations

import json
import subprocess
import sys

from corpus import ant_news
from sqlite_utils import Database

from marsad.store.schema import migrations
from marsad.track.flips import compatible, corpus_flips, party


def test_a_state_leader_is_the_state_at_the_date_and_a_minister_is_himself():
    assert party("per.donald_trump", "2018-05-24") == "USA.GOV"
    assert party("per.kim_jong_un", "2018-06-12") == "PRK.GOV"
    assert party("per.donald_trump", "2016-05-24") == "per.donald_trump"  # before he took office
    assert party("per.mike_pompeo", "2018-07-23") == "per.mike_pompeo"
    assert party("PRK.GOV", "2018-06-12") == "PRK.GOV"


def _row(issue, rule):
    return ("d", 0, 1, "2018-01-01", "support", "h", "t", issue, 0, rule)


def test_talks_cooperation_and_the_general_attitude_compare_but_topics_do_not():
    assert compatible(_row("talks", "act.agree.talks"), _row("enmity", "enmity"))
    assert compatible(_row("cooperation", "necessity+cooperation"), _row("enmity", "enmity"))
    assert compatible(_row("talks", "act.cancel.talks"), _row("cooperation", "desire+cooperation"))
    # sanctions kept and a warm word on the summit are different issues
    assert not compatible(_row("sanctions", "act.impose.sanctions"), _row("talks", "act.meet.talks"))
    assert not compatible(_row("agreement", "act.withdraw.agreement"), _row("talks", "act.meet.talks"))


def _store(rows):
    db = Database(memory=True)
    migrations.apply(db)
    for doc, date in {(r[0], r[3]) for r in rows}:
        db["documents"].insert({"id": doc, "published": date})
    db["stances"].insert_all({"doc_id": r[0], "start": r[1], "end": r[2], "date": r[3], "polarity": r[4],
                              "holder_code": r[5], "target_code": r[6], "issue": r[7], "reported": 0,
                              "rule": r[8]} for r in rows)
    return db


def test_the_leader_and_his_state_share_one_timeline_toward_the_other_leader_and_his_state():
    db = _store([
        ("a", 0, 9, "2018-05-13", "support", "per.donald_trump", "PRK.GOV", "approval", "attitude.noun"),
        ("b", 0, 9, "2018-05-24", "oppose", "USA.GOV", "per.kim_jong_un", "talks", "act.cancel.talks"),
    ])
    (f,) = corpus_flips(db)
    assert (f["a_doc"], f["b_doc"]) == ("a", "b") and (f["holder_code"], f["target_code"]) == ("USA.GOV", "PRK.GOV")


def test_one_actor_on_both_sides_is_named_as_itself():
    db = _store([
        ("a", 0, 9, "2018-03-28", "support", "per.donald_trump", "TUR.GOV", "cooperation", "necessity+cooperation"),
        ("b", 0, 9, "2018-08-16", "oppose", "per.donald_trump", "TUR.GOV", "enmity", "enmity"),
    ])
    (f,) = corpus_flips(db)
    assert f["holder_code"] == "per.donald_trump" and f["kind"] == "flip"


def test_sanctions_and_talks_of_one_holder_are_no_flip():
    db = _store([
        ("a", 0, 9, "2018-06-12", "oppose", "per.donald_trump", "PRK.GOV", "sanctions", "act.impose.sanctions"),
        ("b", 0, 9, "2018-06-13", "support", "per.donald_trump", "per.kim_jong_un", "talks", "act.meet.talks"),
    ])
    assert corpus_flips(db) == []


TURKEY = ("SK-middleEast-608-20180328", "FR-internationalNews-2746-20180816")


def test_trump_toward_turkey_cooperation_in_march_not_a_friend_in_august(tmp_path):
    """"ضرورة زيادة التعاون مع تركيا" (28 March) and "إن تركيا لم تكن دولة «صديقة»" (16 August)."""
    recs = [{k: ant_news()[i][k] for k in ("id", "text", "published", "title")} for i in TURKEY]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    db = f"sqlite:///{tmp_path / 'm.db'}"
    run = [sys.executable, "-m", "marsad.cli"]
    assert subprocess.run(run + ["ingest", str(tmp_path / "in.jsonl"), "--db", db, "-q"]).returncode == 0
    out = subprocess.run(run + ["flips", "--db", db, "--json"], capture_output=True, text=True).stdout
    flips = [json.loads(line) for line in out.splitlines()]
    assert any(f["a"]["document"] == TURKEY[0] and f["b"]["document"] == TURKEY[1]
               and f["holder"]["country"] == "USA" and f["target"]["country"] == "TUR" for f in flips), flips


def test_a_bare_background_year_is_not_the_stance_date_and_a_later_repeat_does_not_hide_the_reversal():
    # "وجه ترامب الشكر لكيم … بعد إعادة رفات جنود قتلوا في الحرب الكورية بين عامي 1950 و1953"
    db = _store([
        ("may", 0, 9, "2018-05-24", "oppose", "per.donald_trump", "per.kim_jong_un", "talks", "act.cancel.talks"),
        ("jun", 0, 9, "2018-06-01", "support", "per.donald_trump", "per.kim_jong_un", "talks", "act.hold.talks"),
        ("aug", 0, 9, "1950", "support", "per.donald_trump", "per.kim_jong_un", "approval", "attitude.noun"),
    ])
    db["documents"].update("aug", {"published": "2018-08-02"})
    pairs = {(f["a_doc"], f["b_doc"]) for f in corpus_flips(db)}
    assert pairs == {("may", "jun"), ("may", "aug")}


def test_a_news_agency_or_the_holders_own_state_reports_its_position_but_a_rival_does_not():
    db = _store([
        ("apr", 0, 9, "2018-04-27", "support", "PRK.GOV", "KOR.GOV", "talks", "act.meet.talks"),
        ("may", 0, 9, "2018-05-15", "oppose", "PRK.GOV", "KOR.GOV", "talks", "act.cancel.talks"),
        ("jun", 0, 9, "2018-06-01", "support", "PRK.GOV", "KOR.GOV", "talks", "act.agree.talks"),
    ])
    db["actors"].insert_all([{"code": "med.yonhap", "country": "KOR", "type": "MED"},
                             {"code": "per.sergey_lavrov", "country": "RUS", "type": "GOV"},
                             {"code": "PRK.GOV", "country": "PRK", "type": "GOV"}])
    # "ذكرت يونهاب … أن بيونغ يانغ ألغت أيضا مباحثات رفيعة المستوى مع سيول"; the June one told by Lavrov
    db["statements"].insert_all([{"doc_id": "may", "idx": 0, "speaker_code": "med.yonhap"},
                                 {"doc_id": "jun", "idx": 0, "speaker_code": "per.sergey_lavrov"}])
    db.execute("UPDATE stances SET reported = 1, statement_idx = 0 WHERE doc_id IN ('may', 'jun')")
    assert {(f["a_doc"], f["b_doc"]) for f in corpus_flips(db)} == {("apr", "may")}


def test_a_meeting_is_no_warmth_against_earlier_blame_but_compares_with_a_cancelled_summit():
    blame = _row("approval", "attitude.verb")  # "تنتقد الولايات المتحدة روسيا"
    meet = _row("talks", "act.meet.talks")  # "يجتمع ترامب مع بوتن"
    assert not compatible(blame, meet)
    assert compatible(_row("talks", "act.cancel.talks"), meet)
