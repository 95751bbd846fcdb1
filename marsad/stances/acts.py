"""Act stances: what an actor does or announces toward another on the issues that flip in news.

The clause-chain machinery of :mod:`marsad.stances.stage` reads evaluations (X عدو، لم يعد
ضرورياً). Reversals in the news are mostly acts: a summit cancelled then held, a deal left, troops
pulled out or kept, sanctions imposed or lifted. Each act here is a head (ألغى، فرض، سحب …) and an
object noun (القمة، عقوبات، القوات …) a few words after it, with:

* the holder: the head's subject (the actor right after a verb or right before it, or a noun's
  genitive agent); inside reported speech with no subject of its own, the speaker ("قال إنه سيسحب");
* the target: found by the act's rule (the other party after مع, the sanctioned after على, the
  country the troops are in, the deal's party, "القدس عاصمة لـ X");
* the polarity: the holder's attitude toward the target on that issue, flipped by a negator right
  before the head ("لن ترفع العقوبات"), dropped under a condition, question, possibility, threat or
  deliberation ("في حال ألغى"، "هددت بإلغاء القمة"، "سيقرر بشأن الاتفاق").

The lexicon is data (:mod:`marsad.stances.act_lexicon`); the clause tests are in
:mod:`marsad.stances.act_clauses` and the object, holder and target rules in :mod:`marsad.stances.act_roles`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.doc import Doc, Provenance, Stance
from marsad.stances.act_clauses import (
    UNLESS_RE,
    act_date,
    irrealis,
    negated,
    untold_act,
)
from marsad.stances.act_lexicon import (
    GRAMMAR,
    NOUNS,
    PLACE_ACT_LIST,
    ActLexicon,
    Statements,
    Words,
    covering,
    lexicon,
)
from marsad.stances.act_roles import (
    find_object,
    held_before,
    holder_of,
    own_state,
    same_actor,
    state_in_country,
    target_of,
)
from marsad.statements.context import NMention, mention_view, norm_text, to_original
from marsad.text.normalize import NormText

STAGE = "stances"
_FUTURE = GRAMMAR["future_prefix"]
_IMPERFECT = GRAMMAR["imperfect_prefixes"]
_PRESENT = GRAMMAR["present_prefixes"]


@dataclass
class _Doc:
    """What every head of a document is read against."""
    doc: Doc
    lex: ActLexicon
    nt: NormText
    ms: list[NMention]
    m_starts: list[int]
    stmts: Statements
    pub_year: int
    seen: set[tuple] = field(default_factory=set)


def extract(doc: Doc) -> list[Stance]:
    if not doc.mentions:
        return []
    nt = norm_text(doc)
    ms: list[NMention] = mention_view(doc).mentions
    # statements in normalised offsets: (content start, end, speaker)
    stmts = Statements(sorted((nt.from_original(s.start), nt.from_original(s.end), s.speaker, i)
                              for i, s in enumerate(doc.statements) if s.speaker))
    ctx = _Doc(doc, lexicon(), nt, ms, [m.start for m in ms], stmts,
               doc.published_date.year if doc.published else 0)
    out: list[Stance] = []
    for sent in doc.content_sentences():
        a, b = nt.from_original(sent.start), nt.from_original(sent.end)
        words = None  # the sentence's words, built only when a head is in it
        for hm in ctx.lex.head_re.finditer(nt.text, a, b):
            if words is None:
                words = Words(nt.text, a, b)
            got = _head_stance(ctx, words, hm, a, b)
            if got is not None:
                out.append(got)
    return out


def _head_stance(ctx: _Doc, words: Words, hm, a: int, b: int) -> Stance | None:
    """The stance of one head in the sentence [a, b), if it makes one."""
    doc, lex, text, ms, m_starts, stmts = ctx.doc, ctx.lex, ctx.nt.text, ctx.ms, ctx.m_starts, ctx.stmts
    pre, head = hm.group("pre"), hm.group("h")
    cls = lex.heads[head]
    if _FUTURE in pre and head[:1] not in _IMPERFECT:
        return None  # the future prefix goes on a verb only
    verb = head not in NOUNS
    act, obj_end, obj_i = find_object(lex, words, cls, hm.end("h"), b, ms, m_starts)
    if act is None and cls == "hold" and head[:1] in _PRESENT:
        return _held_stance(ctx, words, hm, a)
    if act is None:
        return None
    hs = hm.start()  # the whole word, proclitics included
    if irrealis(lex, words, text, hs, a, ctx.pub_year):
        return None
    if untold_act(lex, words, text, head, cls, verb, hs, a):
        return None
    if UNLESS_RE.search(text, obj_end, min(b, obj_end + 90)):
        return None  # "لن يلتقي … إلا إذا اتخذت …": conditioned, not a position
    obj_start = words.spans[obj_i][0] if obj_i < len(words.spans) and obj_end > hm.end("h") else obj_end
    holder, subj_end = holder_of(text, words, ms, m_starts, hm, verb, a, obj_start, stmts)
    if holder is None:
        return None
    titled = subj_end < 0  # "يبقى الوزير الكوري الشمالي": the subject is a titled person
    subj_end = abs(subj_end)
    neg = negated(lex, words, hs, a)
    if neg and (cls == "meet" or (not verb and (neg == "reject" or subj_end))):
        # "لن يلتقي X مع Y" is no stance; "رفضه الاعتراف الأمريكي" is the rejecter's, and
        # "لم يكن انسحاب الولايات المتحدة … الأول" negates another predicate
        if neg == "reject" or cls == "meet" or neg is True:
            return None
    polarity = act.polarity * (-1 if neg else 1)
    st = covering(stmts, hs)
    if st is not None and holder != st[2] and own_state(doc, st[2], holder):
        holder = st[2]  # "قال ترامب إن القوات الأمريكية ستبقى": the speaker's own state acts
    tgt = target_of(doc, text, words, ms, m_starts, act, obj_end, b, holder, subj_end, hm.start())
    if tgt is None or tgt[0] == holder or same_actor(doc, holder, tgt[0]):
        return None
    if any(act is x for x in PLACE_ACT_LIST) and (titled or not state_in_country(doc, holder, tgt[0], st)):
        return None  # "خروج أشخاص من دوما": only a state leaving or staying in a country is a stance
    start, end = hm.start("h"), max(obj_end, tgt[2])
    key = (holder, tgt[0], act.issue, start)
    if key in ctx.seen:
        return None
    ctx.seen.add(key)
    st = covering(stmts, start)
    s, e = to_original(ctx.nt, min(start, tgt[1]), end)
    return Stance(s, e, holder, tgt[0], "support" if polarity > 0 else "oppose",
                  Provenance(STAGE, f"act.{cls}.{act.issue}"), act.issue,
                  st[3] if st else None, bool(st and st[2] != holder), act_date(doc, s, e))


def _held_stance(ctx: _Doc, words: Words, hm, a: int) -> Stance | None:
    """A meeting held as planned, its subject before it ("القمة مع كيم ستعقد كما كانت مقررة"):
    the speaker's support for the talks."""
    lex = ctx.lex
    back = held_before(lex, words, hm.start(), a)
    if back is None:
        return None
    text = ctx.nt.text
    obj_i, obj_end = back
    act = lex.acts[("hold", "talks")]
    obj_start = words.spans[obj_i][0]
    st = covering(ctx.stmts, obj_start)
    tgt = target_of(ctx.doc, text, words, ctx.ms, ctx.m_starts, act, obj_end, hm.start(), "", 0, obj_start)
    if st is not None and tgt is not None and not negated(lex, words, hm.start(), a) \
            and not irrealis(lex, words, text, obj_start, a) and tgt[0] != st[2] \
            and not same_actor(ctx.doc, st[2], tgt[0]):
        s_, e_ = to_original(ctx.nt, obj_start, hm.end())
        return Stance(s_, e_, st[2], tgt[0], "support", Provenance(STAGE, "act.hold.talks"),
                      act.issue, st[3], False, act_date(ctx.doc, s_, e_))
    return None
