"""A first-seen word's CRF weight rows, looked up by value without building feature strings.

A new word needs the weight rows of the features :meth:`Featurizer.base` names. Building ~30
feature strings per word and looking each up in the model's table was most of the cost of a new
word; instead every feature template ("w=", "p2=", "y3=" …) gets a table from the value to its
weight row as the token's own feature, and one to its (-1, +1) and (-2, +2) row pairs as a
neighbour's, so a value (a slice of the word) is looked up as it is. The rows of each word class
entry and of each gazetteer key's name roles are summed up front in their feature order (zero
rows left out: adding a zero row never changes a sum). Row 0 of the weight matrix is all zeros.
"""
from __future__ import annotations

from marsad.entities.features import Featurizer, Gazetteer
from marsad.text.segment import clitic_candidates, strip_proclitics

# A value no table knows: no own row, no neighbour pairs.
_NO_ROWS = (0, (0, 0), (0, 0))
_NO_PAIR = (0, 0)


def _by_template(table: dict) -> dict[str, dict]:
    """Feature → row(s) regrouped as template → {value → row(s)} ("p2=وا" → {"p2": {"وا": …}})."""
    out: dict[str, dict] = {}
    for attr, r in table.items():
        t, eq, v = attr.partition("=")
        if eq:
            out.setdefault(t, {})[v] = r
    return out


class WordRows:
    """Lookup tables from feature values to weight rows, built once with the model."""

    def __init__(self, rows: dict[str, int], near_rows: dict[str, tuple[int, int]],
                 ctx_rows: dict[str, tuple[int, int]], featurizer: Featurizer, gaz: Gazetteer):
        self.featurizer, self.gaz = featurizer, gaz
        self.rows, self.near_rows, self.ctx_rows = rows, near_rows, ctx_rows
        own, near, ctx = _by_template(rows), _by_template(near_rows), _by_template(ctx_rows)
        empty: dict = {}
        # value → own row, by template: the word's first / last letters, the bare form's last /
        # first letters, the clitic-stripped stem, the proclitic letters and the gazetteer key
        self.word_start = tuple(own.get(t, empty) for t in ("p1", "p2", "p3"))
        self.word_end = tuple(own.get(t, empty) for t in ("x1", "x2", "x3"))
        self.bare_end = tuple(own.get(t, empty) for t in ("y2", "y3", "y4"))
        self.bare_start = tuple(own.get(t, empty) for t in ("q2", "q3"))
        self.stem = own.get("s", empty)
        self.proclitic = own.get("pc", empty)
        self.gaz_key = own.get("k", empty)
        # the bare form's last two letters as a neighbour sees them: value → (-1, +1) pair
        self.near_bare_end = near.get("x2", empty)
        # the word itself, its bare form, trigger class and punctuation: value → (own row,
        # near pair, ctx pair) in one lookup
        self.by_word, self.by_bare, self.by_trigger, self.by_punct = (
            {v: (own.get(t, empty).get(v, 0), near.get(t, empty).get(v, _NO_PAIR),
                 ctx.get(t, empty).get(v, _NO_PAIR))
             for v in set(own.get(t, empty)) | set(near.get(t, empty)) | set(ctx.get(t, empty))}
            for t in ("w", "r", "T", "P"))
        self.bias = rows.get("bias", 0)
        self.article, self.near_article = rows.get("al", 0), near_rows.get("al", _NO_PAIR)
        self.latin = rows.get("LAT", 0)
        self.length = [rows.get(f"len={i}", 0) for i in range(11)]
        self.digits = [rows.get(f"D{i}", 0) for i in range(6)]
        # word-class entry → (own rows, near and ctx pair of the class a neighbour sees, near
        # pairs of classes 2 and 4)
        self.word_class = {w: self._class_rows(cl or ("nocl",)) for w, cl in featurizer.clusters.items()}
        self.no_class = self._class_rows(("nocl",))
        # gazetteer key → (own rows of its name roles, near pair of the first)
        self.name_roles = {k: (tuple(r for r in (rows.get(f, 0) for f in roles) if r),
                               near_rows.get(roles[0], _NO_PAIR))
                           for k, roles in gaz.token_roles.items() if roles}

    def _class_rows(self, cl: tuple[str, ...]) -> tuple:
        seen = cl[1] if len(cl) > 1 else cl[0]
        near = self.near_rows
        more = (*near.get(cl[2], _NO_PAIR), *near.get(cl[4], _NO_PAIR)) if len(cl) > 4 else ()
        return (tuple(r for r in (self.rows.get(f, 0) for f in cl) if r), near.get(seen, _NO_PAIR),
                self.ctx_rows.get(seen, _NO_PAIR), more)

    def _classes(self, norm: str, stem: str) -> tuple:
        """A word's class rows: by stem, else by the first clitic reading that has some
        (as Featurizer._classes chooses)."""
        c = self.word_class.get(stem)
        if c is None:
            for _, st, _ in clitic_candidates(norm):
                c = self.word_class.get(st)
                if c is not None:
                    break
            else:
                c = self.no_class
        return c

    def _affixes(self, norm: str, bare: str) -> tuple[int, ...]:
        """Own rows of the affix features and the length, in Featurizer.base's order."""
        (p1, p2, p3), (x1, x2, x3) = self.word_start, self.word_end
        (y2, y3, y4), (q2, q3) = self.bare_end, self.bare_start
        return (p1.get(norm[:1], 0), p2.get(norm[:2], 0), p3.get(norm[:3], 0),
                x1.get(norm[-1:], 0), x2.get(norm[-2:], 0), x3.get(norm[-3:], 0),
                y2.get(bare[-2:], 0), y3.get(bare[-3:], 0), y4.get(bare[-4:], 0),
                q2.get(bare[:2], 0), q3.get(bare[:3], 0), self.length[min(len(bare), 10)])

    def of(self, norm: str) -> tuple[str, str, list[int], list[int], list[int]]:
        """(gazetteer key, bare form, own rows, (-1, +1) row pairs, (-2, +2) row pairs) of a word:
        the rows of :meth:`Featurizer.base`'s features, in its order, less some zero rows
        (checked in tests/entities/test_entities.py). Row pairs come flat: [-1, +1, -1, +1, …]."""
        n_pro, stem = strip_proclitics(norm)
        al = stem.startswith("ال")
        bare = stem[2:] if al and len(stem) > 3 else stem
        key = self.featurizer._key(norm)
        triggers = self.gaz.triggers
        trig = triggers.get(stem) or triggers.get(key) or triggers.get(norm)
        c = self._classes(norm, stem)
        w = self.by_word.get(norm, _NO_ROWS)
        r = self.by_bare.get(bare, _NO_ROWS)
        own = [self.bias, w[0], r[0]]
        near = [*w[1], *r[1]]
        ctx = [*w[2], *r[2]]
        if trig:
            t = self.by_trigger.get(trig, _NO_ROWS)
            near += t[1]
            ctx += t[2]
        punct = not norm[0].isalnum()
        if punct:
            pu = self.by_punct.get(norm[0], _NO_ROWS)
            near += pu[1]
            ctx += pu[2]
        near += c[1]
        ctx += c[2]
        near += self.near_bare_end.get(bare[-2:], _NO_PAIR)
        if c[3]:
            near += c[3]
        if al:
            near += self.near_article
        own += self._affixes(norm, bare)
        own += c[0]
        ro = self.name_roles.get(key)
        if ro is not None:
            own += ro[0]
            near += ro[1]
        if stem != norm:
            own.append(self.stem.get(stem, 0))
            own.append(self.proclitic.get(norm[:n_pro], 0))
        if key != norm and key != stem:
            own.append(self.gaz_key.get(key, 0))
        if al:
            own.append(self.article)
        if trig:
            own.append(t[0])
        if norm.isdigit():
            own.append(self.digits[min(len(norm), 5)])
        elif norm.isascii() and norm.isalpha():
            own.append(self.latin)
        elif punct:
            own.append(pu[0])
        return key, bare, own, near, ctx
