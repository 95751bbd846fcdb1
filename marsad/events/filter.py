"""The statistical event filter: does a trigger report an actual event of its type?

A logistic regression over sparse string features of the trigger and its sentence (lexeme, word
class, neighbouring words, auxiliary-mode cues, argument shape, realis cues). Weights are trained by
``scripts/train_event_filter.py`` on the Arabic PLOVER gold standard sentences and shipped as JSON
(``resources/events/filter.json``); scoring is a dictionary sum, no numpy at run time.
Types without a trained model fall back to the lexeme's prior adjusted by the same cues.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat

from marsad import resources
from marsad.events.args import Args
from marsad.events.context import Context
from marsad.events.triggers import Candidate

MODEL_FILE = "filter.json"
_W = resources.read_yaml("events", "filter_words.yaml")
_CONJ, _ARTICLE, _LAM_ARTICLE = _W["conjunction_letters"], _W["article"], _W["lam_article"]


@lru_cache(maxsize=200_000)
def _bare(w: str) -> str:
    w = w[1:] if len(w) > 3 and w[0] in _CONJ else w
    if w.startswith(_ARTICLE) and len(w) > 4:
        w = w[2:]
    elif w.startswith(_LAM_ARTICLE) and len(w) > 4:
        w = w[2:]
    elif len(w) > 4 and w[0] in _W["preposition_letters"] and w[1:3] == _ARTICLE:
        w = w[3:]
    return w


def _bucket(n: int, edges=(0, 1, 2, 4)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


SUBORDINATORS = frozenset(_W["subordinators"])
THAT = frozenset(_W["that"])
CONJUNCTIONS = tuple(_W["conjunctions"])


def sentence_words(norms: list[str]) -> list[str]:
    """Bag-of-words features of a sentence (computed once, shared by its candidates)."""
    out = set(map(_bow_feature, norms))
    out.discard(None)
    return sorted(out)


@lru_cache(maxsize=200_000)
def _bow_feature(w: str) -> str | None:
    """The bag-of-words feature of one normalised word, or None (cached per word form)."""
    b = _bare(w)
    return "w=" + b if len(b) > 2 and not b.isdigit() else None


def features(cand: Candidate, ctx: Context, args: Args, norms: list[str], cands: list[Candidate],
             quoted: bool, sentence_norm: str, sflags: list[str] = (), bow: list[str] | None = None) -> list[str]:
    """Feature strings of one candidate (the same code serves training and run time)."""
    i, j = cand.i, cand.j
    src = "none" if args.source is None else (args.source.sector or "actor")
    tgt = "none" if args.target is None else (args.target.sector or "actor")
    f = [
        "lex=" + cand.lexeme.id,
        "cls=" + cand.cls,
        f"cls={cand.cls}|def={int(cand.definite)}",
        f"lex={cand.lexeme.id}|cls={cand.cls}",
        f"cls={cand.cls}|src={src}",
        f"cls={cand.cls}|tgt={tgt}",
        f"cls={cand.cls}|realis={min(ctx.realis, 2)}",
    ]
    f += ["s_" + x for x in sflags]
    f += [f"s_{x}|cls={cand.cls}" for x in sflags]
    near = norms[max(0, i - 3):j + 3]
    if any(w.isdigit() for w in near):
        f.append("num_near")
    if any(_bare(w) in SUBORDINATORS for w in norms[max(0, i - 3):i]):
        f.append("subordinate")
    if any(w in THAT for w in norms[max(0, i - 4):i]):
        f.append("after_that")
    if any(c in cand.proclitics for c in _W["clitic_prepositions"]):
        f.append("pp_clitic")
    if cand.proclitics[:1] in CONJUNCTIONS:
        f.append("conj")
    p1 = _bare(norms[i - 1]) if i > 0 else "<s>"
    p2 = _bare(norms[i - 2]) if i > 1 else "<s>"
    n1 = _bare(norms[j]) if j < len(norms) else "</s>"
    n2 = _bare(norms[j + 1]) if j + 1 < len(norms) else "</s>"
    f += ["p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2, f"p1={p1}|lex={cand.lexeme.id}"]
    for name in ("negated", "denied", "foiled", "future", "hypothetical", "question", "historical",
                 "opinion", "accident", "supported", "anaphoric"):
        if getattr(ctx, name):
            f.append("ctx_" + name)
    if ctx.governed_by:
        f.append("gov=" + ctx.governed_by)
    f.append("realis=" + _bucket(ctx.realis))
    rel = i / max(1, len(norms))
    f.append("pos=" + ("0" if i == 0 else "start" if i < 3 else "early" if rel < 0.34 else "mid" if rel < 0.67 else "late"))
    same = sum(1 for c in cands if c.type == cand.type)
    f.append("nsame=" + _bucket(same, (1, 2, 3)))
    for t in sorted({c.type for c in cands if c.type != cand.type}):
        f.append("other=" + t)
    if quoted:
        f.append("quoted")
    f.append("len=" + _bucket(len(norms), (10, 20, 35, 60)))
    f.append("src=" + src)
    f.append("tgt=" + tgt)
    if args.passive:
        f.append("passive")
    if args.rule:
        r = FEATURE_RULE.get(args.rule, args.rule)
        if r:
            f.append("arg_rule=" + r)
    f += bow if bow is not None else sentence_words(norms)
    return f


# Argument rules that are finer readings of an older one: the filter sees the older name (the
# structure it learnt from is the same).
FEATURE_RULE = {"svo-adjacent": "svo", "pronoun": "", "passive-noobj": "svo", "object-pronoun": "vso"}  # (new rule -> old)


class EventFilter:
    """Per-type logistic regressions; ``score`` returns P(event) for a feature list."""

    def __init__(self, model: dict | None):
        self.models = (model or {}).get("types", {})

    def has(self, etype: str) -> bool:
        return etype in self.models

    def threshold(self, etype: str) -> float:
        m = self.models.get(etype)
        return float(m["threshold"]) if m else 0.5

    def score(self, etype: str, feats: list[str]) -> float:
        m = self.models[etype]
        w = m["weights"]
        z = m["bias"] + sum(map(w.get, feats, repeat(0.0)))  # same order, same float sum
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_filter() -> EventFilter:
    try:
        text = resources.path("events", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return EventFilter(None)
    return EventFilter(json.loads(text))


def rule_score(cand: Candidate, ctx: Context, args: Args) -> float:
    """Confidence for types with no trained model: the lexeme prior moved by context cues."""
    s = cand.lexeme.prior
    if args.source is not None:
        s += 0.15
    if args.target is not None:
        s += 0.05
    if ctx.supported:
        s += 0.1
    if ctx.opinion and cand.lexeme.kind != "verbal":
        s -= 0.45  # the clause condemns, reports on or votes against the event it names
    if ctx.governed_by:
        s -= 0.3
    if ctx.accident and cand.type == "ASSAULT":
        s -= 0.4
    return max(0.0, min(1.0, s))
