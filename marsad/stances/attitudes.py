"""Attitude stances: who criticises, accuses, condemns, warns, praises or backs whom.

Three readings over the normalised text (the lexicon is ``resources/stances/attitudes.yaml``):

* an agentive trigger (اتهم، انتقد، ندد بـ، أشاد بـ، دعم، متهماً، انتقادات إلى): its subject holds
  the stance — the actor after a verb (VSO, titles skipped: "اتهمت المندوبة الأمريكية …"), right
  before it (SVO), behind a light verb ("وجهت X انتقادات إلى Y"), or, with none named, the speaker
  of the statement around it or of the sentence (a circumstantial participle: "…، متهماً") — toward
  its object: the actor after it, its preposition, its genitive, or a country adjective on the
  object noun ("نددت … بالقرار الأمريكي"); coordinated objects each get a stance;
* a relation phrase naming both actors ("الجبهة المدعومة من الجزائر"، "مسلحين موالين لتنظيم");
* an evaluative word inside reported speech: the speaker's attitude toward the actor it is said of
  ("الأتراك لم يلتزموا بتعهدهم"، "النظام السوري الخارج عن القانون"، "العدوان الإسرائيلي").

A negator right before the trigger, or a condition or question earlier in its clause, makes no
stance; an actor under a victim's preposition (الهجوم على X) is no target; a holder toward itself
or its own state is none. Every stance carries the issue ``approval``; the stage then gives it the
topic its phrase names, if any (``stances.topics``).
"""
from __future__ import annotations

import bisect
import re

from marsad import resources
from marsad.doc import Doc, Provenance, Stance
from marsad.stances.act_agents import act_object
from marsad.stances.agents import self_stance
from marsad.stances.attitude_lexicon import AttForm, AttLexicon, lexicon
from marsad.stances.attitude_phrases import (
    WORD_RE,
    after_relative,
    clause_end,
    clause_start,
    coordinated,
    covering,
    direct_after,
    interposed,
    mention_at,
    nearest_before,
    skip_quoted,
    subject_after,
    subject_before,
    victim,
    words_in,
)
from marsad.stances.clitics import ARTICLE, BI, BIL, CONJ, FEMININE, LI, LIL, PLURAL, WE
from marsad.stances.lexicon import OPPOSE, STAGE, SUPPORT
from marsad.stances.view import StanceView, current_view
from marsad.statements.context import NMention, actor_gender, date_of, to_original
from marsad.text.normalize import normalize

ISSUE = "approval"
_W = resources.read_yaml("stances", "attitude_words.yaml")
_PREFIX_PREPS = (BI, LI, LIL, BIL)
_STATE = frozenset({"GOV", "MIL", "COP", "SPY"})
_COPULA = frozenset(_W["copula"])
_WHEN = frozenset(_W["when"])
_PRONOUN_THAT = frozenset(_W["pronoun_that"])
_BUT_PRONOUN = frozenset(_W["but_pronoun"])
_THAT = tuple(_W["that_prefixes"])
_PRONOUNS = tuple(_W["pronoun_suffixes"])
_DESCRIBING = _W["describing"]
_RESUMPTIVE = frozenset(_W["resumptive"])
_ACT_JUDGING = tuple(normalize(w) for w in _W["act_judging"])


def _innermost(stmts: list[tuple], starts: list[int], longest: int, pos: int) -> tuple | None:
    """The greatest (innermost) of the start-sorted statements that contain ``pos``: walking back
    from the last one starting at or before it, no further than the longest statement reaches."""
    for j in range(bisect.bisect_right(starts, pos) - 1, -1, -1):
        if starts[j] < pos - longest:
            break
        if pos < stmts[j][1]:
            return stmts[j]
    return None


def extract(doc: Doc, v: StanceView | None = None) -> list[Stance]:
    if not doc.mentions:
        return []
    v = current_view(doc, v)
    lex = lexicon()
    text = v.text
    stmts = sorted((v.nt.from_original(s.start), v.nt.from_original(s.end), s.speaker, i, s.via is not None)
                   for i, s in enumerate(doc.statements) if s.speaker)
    stmt_starts = [x[0] for x in stmts]
    longest = max((x[1] - x[0] for x in stmts), default=0)
    cues = sorted((v.nt.from_original(s.cue[0]), s.speaker) for s in doc.statements if s.speaker and s.cue)
    out: list[Stance] = []
    seen: set[tuple] = set()
    for sent in doc.content_sentences():
        a, b = v.nt.from_original(sent.start), v.nt.from_original(sent.end)
        for m in lex.regex.finditer(text, a, b):
            pre, t = m.group("pre"), m.group("t")
            form = lex.forms.get(pre + t) if pre and pre + t in lex.forms else lex.forms[t]
            ts = m.start("t") if not (pre and pre + t in lex.forms) else m.start()
            if form.kind == "verb" and t in lex.nouns and not _pronoun_subject(text, m.start(), a):
                form = lex.nouns[t]  # "دعم ميليشيات الحوثي": the bare verbal noun, not the verb
            elif form.kind == "verb" and any(p in pre for p in (BI, LI, ARTICLE)):
                if t not in lex.nouns:
                    continue  # "بحذر" (carefully) is no warning
                form = lex.nouns[t]  # "لدعم ترشح السيسي": the verbal noun
            st = _innermost(stmts, stmt_starts, longest, ts)
            if _blocked(v, lex, m.start(), a):
                continue
            for holder, target, s, e, pol in _read(v, lex, form, m.start(), ts, m.end(), a, b, st, cues):
                if holder is None or target is None or holder == target or self_stance(v, holder, target) \
                        or _own_organ(v, holder, target):
                    continue
                key = (holder, target, pol, s)
                if key in seen:
                    continue
                seen.add(key)
                os_, oe = to_original(v.nt, s, e)
                if form.kind in ("verb", "participle", "relation") and _civilian(v, target):
                    continue  # warning citizens, backing "المدنيين": no attitude toward a party
                # a relation phrase is the writer's account of the holder, not a position it stated
                # (so is backing named by a noun: "الدعم الإيراني للحوثيين" is what others say of Iran)
                # (not one its subject voices through a light verb: "وجّه ترامب الشكر إلى كوريا الشمالية")
                reported = form.kind == "relation" or bool(st and (st[4] or (st[2] != holder))) or (
                    form.kind == "noun" and pol > 0 and holder != (st[2] if st else None)
                    and _light_subject(v, lex, m.start(), a) != holder)
                out.append(Stance(os_, oe, holder, target, SUPPORT if pol > 0 else OPPOSE,
                                  Provenance(STAGE, f"attitude.{form.kind}"), ISSUE, st[3] if st else None,
                                  reported, date_of(doc, os_, oe)))
    return out


def _pronoun_subject(text: str, start: int, lo: int) -> bool:
    """Does a particle with the subject's pronoun stand right before ("ولكنه شكر"، "إنه دعم")? Then
    the word is the verb, not its verbal noun."""
    prev = WORD_RE.findall(text, max(lo, start - 10), start)
    return bool(prev) and (prev[-1] in _BUT_PRONOUN or prev[-1] in _PRONOUN_THAT)


def _object_next(v: StanceView, lex: AttLexicon, form: AttForm, te: int) -> bool:
    """Does the noun's object (its preposition, or an actor) come right after it?"""
    nxt = WORD_RE.search(v.text, te)
    if nxt is None:
        return False
    w = nxt.group()
    return w in form.objects or mention_at(v, nxt.start(), nxt.end()) is not None or (
        w[:1] in (LI, BI) and w[1:2] != "" and (w[:1] in form.objects or w[:2] == LIL))


def _civilian(v: StanceView, aid: str) -> bool:
    a = v.actor(aid)
    return a is not None and a.type == "CVL"


def _own_organ(v: StanceView, holder: str, target: str) -> bool:
    """A state toward its own police, forces or citizens ("حذرت الداخلية المواطنين")."""
    h, t = v.actor(holder), v.actor(target)
    return bool(h and t and h.country and h.country == t.country and h.type in _STATE
                and t.type in _STATE | {"CVL"})


def _blocked(v: StanceView, lex: AttLexicon, start: int, lo: int) -> bool:
    """A negator within two words before, or a condition/question earlier in the clause."""
    words = list(WORD_RE.finditer(v.text, max(lo, start - 40), start))
    if any(w.group().lstrip(CONJ) in lex.negators or w.group() in lex.negators for w in words[-2:]):
        return True
    clause_lo = clause_start(v, lex, start, lo)
    return lex.irrealis.search(v.text, clause_lo, start) is not None


def _read(v, lex, form: AttForm, ws: int, ts: int, te: int, lo: int, hi: int, st, cues):
    """(holder, target, evidence start, evidence end, polarity) of one trigger."""
    for holder, target, s, e in _read_args(v, lex, form, ws, ts, te, lo, hi, st, cues):
        if form.kind != "describe":
            yield holder, target, s, e, form.polarity
            continue
        label = _label(v, lex, e, hi)  # "وصفت المعتقلين بـ«الخونة»"
        if label is not None:
            yield holder, target, s, label[1], label[0]


def _label(v, lex, pos: int, hi: int) -> tuple[int, int] | None:
    """The polarity of the label after a described object ("بـ«المهزلة»") and where it ends."""
    words = words_in(v, pos, hi)[:6]  # the label may follow a detached ب as the 4th word
    for k, w in enumerate(words[:4]):
        word = w.group()
        if not word.startswith(BI):
            continue
        for x in ([word[1:]] if len(word) > 1 else []) + [y.group() for y in words[k + 1:k + 3]]:
            if x in lex.labels:
                return lex.labels[x], w.end() if x == word[1:] else v.text.find(x, w.end()) + len(x)
        break
    return None


def _read_args(v, lex, form: AttForm, ws: int, ts: int, te: int, lo: int, hi: int, st, cues):
    speaker = st[2] if st else None
    clo, chi = clause_start(v, lex, ws, lo), clause_end(v, lex, te, hi)
    if form.kind == "relation":
        yield from _relation(v, lex, form, ws, te, clo, chi)
        return
    if form.kind == "eval":
        if speaker is None:
            return
        for tgt in _evaluated(v, lex, form, ws, te, clo, chi):
            yield speaker, tgt.actor, min(ws, tgt.start), max(te, tgt.end)
        return
    prev = WORD_RE.findall(v.text, max(lo, ws - 14), ws)
    prev = normalize(prev[-1]) if prev else ""
    if form.kind == "verb" and prev in _PRONOUN_THAT and speaker is not None:
        # "قال ترامب إنه حمّل بوتين المسؤولية": the pronoun is the speaker, the actor after the object
        holder, subj_end = speaker, te
    elif form.kind == "verb" and prev in _BUT_PRONOUN:
        # "وكان ترامب قد أكد … أنه لم يعقد أي صفقة، ولكنه شكر الرئيس التركي": the pronoun is the
        # subject (the speaker, else the sentence's), and the actor after the verb its object
        m = next((m for m in v.mentions_in(lo, ws) if not m.prepositional), None) if speaker is None else None
        holder, subj_end = (speaker if speaker is not None else m.actor if m else None), te
    elif form.kind == "verb" and prev in _WHEN and subject_after(v, lex, te, chi) is None:
        # "وفاجأ ترامب حتى مؤيديه عندما أشاد بالزعيم الروسي": the main clause's subject
        m = next((m for m in reversed(v.mentions_in(lo, ws)) if not m.prepositional
                  and len(words_in(v, m.end, ws)) <= 5), None)
        holder, subj_end = (m.actor if m else None), te
    else:
        holder, subj_end = _holder(v, lex, form, ws, te, clo, chi, lo, speaker, cues, hi=hi)
    subj = None
    if subj_end > chi:
        # "رحب الرئيس الأمريكي، دونالد ترامب، بـ…": the clause goes on past the apposition's comma
        after = subj_end + len(v.text[subj_end:subj_end + 3]) - len(v.text[subj_end:subj_end + 3].lstrip(" ,"))
        chi = clause_end(v, lex, after, hi)
    conj = []
    if subj_end > te:
        subj = mention_at(v, words_in(v, te, chi)[0].start(), subj_end) if words_in(v, te, chi) else None
        conj = coordinated(v, subj, chi) if subj is not None else []
        subj_end = conj[-1].end if conj else subj_end  # "اتهم السعودية والإمارات": no object after the list
    nxt = interposed(v, lex, subj_end, hi) if holder and subj_end > te and form.kind == "verb" else None
    if nxt is not None:
        subj_end, chi = nxt, clause_end(v, lex, nxt, hi)  # the object after "، الثلاثاء،"
    targets = list(_objects(v, lex, form, max(te, subj_end), chi)) if holder else []
    if not targets and subj is not None and "direct" in form.objects and _disagrees(v, v.text[ts:te], subj.actor):
        # "…، اتهم السعودية والإمارات بـ": the actor after the verb does not agree with it, so
        # it is the object and the subject is elided (the speaker, or the sentence's subject)
        holder, _ = _holder(v, lex, form, ws, te, clo, chi, lo, speaker, cues, vso=False)
        targets, conj = (list(_objects(v, lex, form, te, chi)) if holder else []), []
    if holder and not targets and v.text[ts:te].lstrip(CONJ).startswith(_ACT_JUDGING):
        # "أدانت المنظمة الاعتقالات": an act already reported, judged through its agent
        act = act_object(v, max(te, subj_end), chi)
        targets = [act] if act else []
    # "انتقدت روسيا والصين العقوبات": every subject of the list holds the stance
    holders = [holder] + ([m.actor for m in conj] if subj is not None and subj.actor == holder else [])
    for h in dict.fromkeys(holders):
        for tgt in targets:
            if tgt[0] != h:
                yield h, tgt[0], min(ws, tgt[1]), max(te, tgt[2])


def _disagrees(v: StanceView, verb: str, aid: str) -> bool:
    """Does a verb's agreement rule the actor after it out as its subject (اتهم … السعودية)?"""
    if verb.startswith(WE):
        return True  # "نشكر إيران": we, the speaker, thank
    if verb.endswith(PLURAL):
        return False
    fem = verb.endswith(FEMININE) or verb.startswith(FEMININE)
    g = actor_gender(v.mv, aid)
    return g is not None and (g == "m") == fem


def _holder(v, lex, form: AttForm, ws, te, clo, chi, lo, speaker, cues, vso=True, hi=None) -> tuple[str | None, int]:
    """The trigger's subject and the end of its mention (for a VSO subject the object follows it)."""
    if form.kind == "describe":
        participle = _DESCRIBING in v.text[ws:te]  # "…، واصفاً إياها بـ"
        form = AttForm("participle" if participle else "verb", form.polarity, form.objects)
    if form.kind == "verb" and after_relative(v, ws):
        # "الميليشيات الإيرانية التي تدعم قوات النظام": the relative's antecedent is the subject
        m = nearest_before(v, words_in(v, lo, ws)[-1].start(), lo, 2) if words_in(v, lo, ws) else None
        return (m.actor, te) if m is not None else (None, te)
    if form.kind == "verb":
        nxt = words_in(v, te, chi)[:1]
        if nxt and nxt[0].group() in _RESUMPTIVE:
            # "التي تندد بها بيونغ يانغ": the pronoun is the object, the subject comes after it
            m = subject_after(v, lex, nxt[0].end(), chi, hi)
            return (m.actor, m.end) if m is not None else (None, te)
        m = subject_after(v, lex, te, chi, hi) if vso else None
        if m is not None:
            return m.actor, m.end
        m = subject_before(v, lex, ws, clo)
        if m is not None:
            return m.actor, te
    elif form.kind == "noun":
        m = _light_subject(v, lex, ws, lo)
        if m is not None:
            return m, te
        m = mention_at(v, te + 1, te + 2)
        if m is not None and not m.prepositional and "direct" not in form.objects:
            return m.actor, m.end  # "انتقادات المنظمات"، "دعم إيران للحوثيين": the genitive is the agent
    if form.kind == "participle" and v.text[ws:te].lstrip(CONJ).startswith(ARTICLE):
        # "الاحتجاجات المنددة بنقل السفارة": the noun the participle qualifies, named right before it
        m = nearest_before(v, ws, lo, 0)
        return (m.actor if m is not None and not m.prepositional else None), te
    if form.kind == "noun" and v.text[ws:te].endswith(_PRONOUNS) and v.text[ws:te] not in lex.forms:
        return None, te  # "دعمها للجماعات": the pronoun's antecedent, not the speaker, backs them
    if form.kind == "noun" and not _object_next(v, lex, form, te):
        return None, te  # "دعم الحزب لميليشيا الحوثي": an unnamed agent stands between
    if speaker is not None:
        return speaker, te
    if form.kind == "noun":
        return None, te
    # an elided subject or a circumstantial participle: the speaker of the sentence, else its subject
    i = bisect.bisect_right(cues, (ws, "\uffff")) - 1
    if form.kind == "participle" and i >= 0 and cues[i][0] >= lo:
        return cues[i][1], te
    before = [m for m in v.mentions_in(lo, ws) if not m.prepositional]
    if form.kind == "participle" and before and len(words_in(v, before[-1].end, ws)) <= 10:
        return before[-1].actor, te  # "خالد علي، الذي انسحب بدوره متهماً": the owner of the participle
    if before and len(words_in(v, lo, before[0].start)) <= 3 and after_relative(v, ws, before[0].end):
        # "الوزير القطري الذي كان يتحدث …، اتهم": the topic a relative clause describes
        return before[0].actor, te
    return None, te


def _light_subject(v, lex, ws: int, lo: int) -> str | None:
    """"وجهت المندوبة … نيكي هايلي انتقادات إلى": the subject of a light verb before the noun."""
    words = words_in(v, lo, ws)[-12:]
    for k in range(len(words) - 1, -1, -1):
        if words[k].group().lstrip(CONJ) in lex.light_verbs or words[k].group() in lex.light_verbs:
            m = next((m for m in v.mentions_in(words[k].end(), ws) if not m.prepositional), None)
            if m is None:
                m = subject_before(v, lex, words[k].start(), lo)
            return m.actor if m is not None else None
    return None


def _objects(v, lex, form: AttForm, start: int, chi: int):
    """(actor, start, end) the trigger is toward: its first object and those coordinated with it."""
    words = words_in(v, start, chi)[:7]
    first = None
    marked_noun = False  # "رحب … بإعلان السعودية": the marked noun's genitive is the object
    skipped = 0
    for k, w in enumerate(words):
        m = mention_at(v, w.start(), w.end())
        word = w.group()
        if word.startswith(_THAT) and m is None:
            break  # "منوهاً بأن …": noting that, not praising
        if m is not None:
            if _marked(v, lex, form, m, word) or (k <= 1 and not m.prepositional and "direct" in form.objects) \
                    or (k - skipped == 1 and marked_noun and not m.prepositional) or _of_object(v, form, words[:k], m):
                first = m
            break
        if k == 0 and any(word.startswith(p) for p in _PREFIX_PREPS) and len(words) > 1:
            marked_noun = word[:1] in form.objects or word[:2] == LIL and LI in form.objects
            # a detached preposition ("بـ«التوغل» التركي") marks the word after it
            adj = words[2] if word in (BI, LI) and len(words) > 2 else words[1]
            nis = v.nisba(adj.group()) if adj.group().startswith(ARTICLE) else None
            if nis and any(o in form.objects for o in (BI, LI, "direct")):
                yield nis, adj.start(), adj.end()  # "بالقرار الأمريكي"
                return
            continue  # "بتصريحات وزير الخارجية": a noun, its genitive follows
        if marked_noun and word in lex.titles:
            skipped += 1  # "بقرار الرئيس الأميركي دونالد ترمب": the genitive's title
            continue
        if (word in lex.victim_preps and word not in form.objects) or k - skipped >= 3:
            break
    if first is None:
        return
    if form.needs and not any(w.group() in form.needs for w in words_in(v, first.end, chi)[:3]):
        return
    yield first.actor, first.start, first.end
    yield from ((m.actor, m.start, m.end) for m in coordinated(v, first, chi))


def _of_object(v: StanceView, form: AttForm, before: list[re.Match], m: NMention) -> bool:
    """"انتقد البيت الأبيض "الأفعال المتهورة" لإيران": the owner of the object noun, through ل."""
    return ("direct" in form.objects and 1 <= len(before) <= 3 and all(w.group().startswith(ARTICLE) for w in before)
            and v.text[m.start - 1:m.start] == LI)


def _marked(v, lex, form: AttForm, m: NMention, word: str) -> bool:
    """Is the mention governed by one of the trigger's object prepositions?"""
    prev = WORD_RE.findall(v.text, max(0, m.start - 14), m.start)
    attached = ""
    if m.start and v.text[m.start - 1].isalpha():
        k = m.start - 1
        while k > 0 and v.text[k - 1].isalpha():
            k -= 1
        attached = v.text[k:m.start].lstrip(CONJ)
    if attached:
        return attached in form.objects or (attached == LIL and LI in form.objects) \
            or (attached == BIL and BI in form.objects)
    return bool(prev) and prev[-1] in form.objects


def _relation(v, lex, form: AttForm, ws: int, te: int, clo: int, chi: int):
    """"X المدعومة من Y": Y backs X; "X الموالية لـ Y": X backs Y."""
    before = nearest_before(v, skip_quoted(v, ws, clo), clo, 0)
    if before is None and v.text[ws:ws + 1] == BI:
        # "وتشن قوات النظام … عملية … بدعم من روسيا": the clause's subject is backed
        before = next((m for m in v.mentions_in(clo, ws) if not m.prepositional), None)
    after = next(iter(_objects(v, lex, AttForm("verb", 1, form.objects), te, chi)), None) if form.objects else \
        direct_after(v, te, chi)
    if before is None or after is None:
        return
    if form.slot in ("after", "both"):
        yield after[0], before.actor, before.start, max(te, after[2])
    if form.slot in ("before", "both"):
        yield before.actor, after[0], before.start, max(te, after[2])


def _evaluated(v, lex, form: AttForm, ws: int, te: int, clo: int, chi: int) -> list[NMention]:
    """The actors an evaluative word is said of: its subject before it, or its genitive after it."""
    head = v.text[ws:te]
    if form.slot in ("before", "adjacent"):
        # an adjective qualifies the noun right before it ("النظام السوري الخارج عن القانون"، "روسيا
        # هي الأداة"); a predicate may stand a few words after its subject ("الأتراك لم يلتزموا")
        ms = [m for m in v.mentions_in(clo, ws) if not m.prepositional and (
            len(words_in(v, m.end, ws)) <= 6 if form.slot == "before"
            else all(w.group() in _COPULA for w in words_in(v, m.end, ws)))]
        if not ms or victim(v, lex, ms[-1]):
            return []
        if any(w.group() in _PRONOUN_THAT for w in words_in(v, ms[-1].end, ws)):
            return []  # "وصفته واشنطن بأنه مجموعة إرهابية": the pronoun, not Washington, is said to be
        return [ms[-1]]
    words = words_in(v, te, chi)[:2]
    if not words:
        return []
    own = covering(v, ws)
    inside = (own if own is not None and own.start == ws else None) or covering(v, words[0].start())
    if inside is not None:
        return [inside]  # "ميليشيات الحوثي الإيرانية": the mention the word heads, not its adjective
    m = mention_at(v, words[0].start(), words[0].end())
    if m is not None and not m.prepositional and not head.split()[-1].startswith(ARTICLE):
        return [m] + coordinated(v, m, chi)
    if m is not None and head.split()[-1].startswith(ARTICLE) and words[0].group().startswith(LI):
        return [m]  # "الأداء السيء للحكومات العراقية": a genitive through ل
    for k, w in enumerate(words):
        # "العدوان الإسرائيلي"، "الأداء السيء للحكومات العراقية": a country adjective, right after
        # the word or on the definite noun that follows it
        if w.group().startswith(ARTICLE) and (k == 0 or words[0].group().startswith((LIL, ARTICLE))):
            aid = v.nisba(w.group())
            if aid:
                return [NMention(w.start(), w.end(), aid, False)]
    return []
