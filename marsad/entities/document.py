"""One sense per discourse: a name the tagger found once is the same name elsewhere in the text.

News names a person, group or place in full once and then repeats it, often in a sentence the
tagger reads less well ("وقالت بوليساريو …" after "جبهة بوليساريو"). So, after the CRF:

- every whole-word occurrence (proclitics allowed) of a tagged name that no entity covers becomes
  an entity of the name's label, when the tagger itself gives that token some chance of being
  inside a name (its emission-level probability of a label other than O; a word the tagger
  treats as plainly common stays out: "نحذر" once tagged ORG is not tagged everywhere);
- the same name tagged with different labels takes the label with the most evidence (summed
  confidences) everywhere;
- words that are never names (prepositions, pronouns …; resources/entities/not_names.txt) are
  dropped as one-word entities.

Every name is matched in one pass over the tokens (a dict from first word to the names it opens).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain

import numpy as np

from marsad import resources
from marsad.doc import Token
from marsad.entities.named import named_events
from marsad.entities.orgnames import org_phrases
from marsad.entities.words import never_name, preposition, with_proclitics
from marsad.text.normalize import normalize
from marsad.text.segment import original_prefix_len, proclitic_readings

RULE = "document"
MIN_NAME_PROB = 0.02  # emission-level P(not O) a repeated occurrence needs (see module doc)
MIN_LETTERS = 3  # shorter names (حب، أب …) are too ambiguous to repeat
# labels whose names are repeated: MISC spans are mostly common nouns the tagger slipped on
# (الدولار، مسلسل), so one MISC reading is not spread over the text
REPEATED = frozenset({"PER", "ORG", "LOC"})
MISC_WEIGHT = 0.5
PLACE_OVERRIDE = 0.2  # below this confidence a listed place read as PER or MISC is a place
HEAD_VOTE = 0.3  # an occurrence after "جبهة، حركة، صحيفة …": outweighs a hesitant tag only


def _key(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@lru_cache(maxsize=200_000)
def _readings(norm: str) -> tuple[tuple[str, int], ...]:
    """(form, normalised proclitic letters before it) of a token: itself, then without proclitics."""
    return ((norm, 0),) + tuple((stem, len(pro)) for pro, stem in proclitic_readings(norm))


def consistent(text: str, found: list[tuple[int, int, str, float]], sentences: list[list[Token]],
               name_prob) -> list[tuple[int, int, str, float, str]]:
    """The tagger's spans (start, end, label, score) made consistent over the document:
    (start, end, label, score, rule) with rule "crf" or :data:`RULE` for added occurrences.

    ``name_prob(sentence index, token index)`` is the tagger's P(not O) of a token.
    """
    fixed = known_names()
    spans = []
    slips = set()  # spans that began or ended with a particle ("على عفرين"): not repeated
    for s, e, label, score in _long_orgs(text, _split_head(text, _split_known(text, found, fixed)), sentences):
        s, e, slip = _without_particles(text, s, e)
        key = _key(text[s:e])
        if not key:
            continue
        if len(key) == 1 and label in ("LOC", "MISC") and nisba_adjective(text, s, key[0]):
            continue  # not ORG: "النادي [الأهلي]" is a club's name
        if label == "PER" and len(key) > 1 and _title_phrase(key):
            continue
        if slip:
            slips.add(key)
        if label in ("PER", "MISC") and score < PLACE_OVERRIDE and key in places():
            label = "LOC"  # a listed place the tagger hesitated over ("وحتى [بور سعيد]" as PER);
            # not ORG: clubs, universities and the EU are named after places
        spans.append((s, e, label, score, key))
    first = _labels(spans, text)
    first.update(fixed)  # a listed name has its label wherever it stands
    added = _repeated(text, spans, sentences, name_prob, first, slips)
    best = first
    if any(_after_name_head(text, x[0]) for x in added):
        # the labels again, with what the added occurrences' contexts say
        best = _labels(spans, text, added)
        best.update(fixed)
    out = [(s, e, best[key], score, "crf") for s, e, _, score, key in spans]
    out += [(s, e, best[key], score, rule) for s, e, key, score, rule in added]
    out.sort(key=lambda x: x[0])
    return out


def _repeated(text: str, spans: list, sentences: list[list[Token]], name_prob, best: dict,
              slips: set) -> list[tuple[int, int, tuple[str, ...], float, str]]:
    """Occurrences of the tagged and listed names that no span covers: (start, end, key,
    score, rule)."""
    fixed = known_names()
    fixed_first, fixed_forms = _fixed_index()
    own = [k for k in best if k not in fixed and best[k] in REPEATED and len("".join(k)) >= MIN_LETTERS
           and k[0][:1].isalpha() and k not in slips]
    # names by first word, longest first (the listed names' index is built once)
    by_first = {f: list(keys) for f, keys in fixed_first.items()}
    for key in sorted(own, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)
    added: list[tuple[int, int, tuple[str, ...], float, str]] = []
    covered = np.zeros(len(text) + 1, bool)
    for s, e, *_ in spans:
        covered[s:e] = True
    firsts = fixed_forms | with_proclitics({k[0] for k in own})
    for si, toks in enumerate(sentences):
        # most tokens start no name: find the few that may in one comprehension
        maybe = [i for i, t in enumerate(toks) if t.norm in firsts]
        free = 0  # first token not inside the last match
        for i in maybe:
            if i < free:
                continue
            hit = _match_at(toks, i, by_first)
            if hit is None:
                continue
            key, n_pro = hit
            tok, last = toks[i], toks[i + len(key) - 1]
            free = i + len(key)
            start = tok.start + (original_prefix_len(tok.text, n_pro) if n_pro else 0)
            if covered[start:last.end].any():
                pass
            elif key in fixed:
                added.append((start, last.end, key, 1.0, "names"))
                covered[start:last.end] = True
            elif name_prob(si, i) >= MIN_NAME_PROB and not (
                    len(key) == 1 and best[key] in ("LOC", "MISC") and nisba_adjective(text, start, key[0])):
                added.append((start, last.end, key, name_prob(si, i), RULE))
                covered[start:last.end] = True
    return added


_PREV_WORD = re.compile(r"(\w+) $")


def nisba_adjective(text: str, s: int, word: str) -> bool:
    """Is the one normalised word at ``s`` a nisba adjective agreeing with the noun before it
    ("السلطات [السعودية]", "إدارة مدنية [سورية]", "دولة [بوليسية]") rather than a place name?

    A definite nisba after a definite word, or an indefinite feminine one after an indefinite
    feminine noun, is an adjective; after a preposition, a proclitic or at a clause start
    ("إلى السعودية"، "في سورية"، "والسعودية") the same word names the state.
    """
    definite = word.startswith("ال")
    if len(word) < 5 or not word.endswith(("يه", "ي") if definite else ("يه",)):
        return False
    m = _PREV_WORD.search(text, max(0, s - 30), s)
    if m is None or never_name(m.group(1)):
        return False
    prev = normalize(m.group(1))
    if definite:
        return prev.startswith(("ال", "لل")) and len(prev) > 3
    return prev.endswith("ه") and not prev.startswith("ال") and len(prev) > 3


_WORDS = re.compile(r"\S+")


class _SpanIndex:
    """(start, end) spans sorted by start, asked for those overlapping a span: a binary search
    bounded by the longest span, not a scan of all of them (linear time in long documents)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end, lo)
        return [(s, e) for s, e in self.spans[lo:hi] if s < end and start < e]


def _long_orgs(text: str, found: list, sentences: list[list[Token]]) -> list:
    """The tagger's spans with long organisation names (marsad.entities.orgnames) and quoted
    event names (marsad.entities.named) in place of the spans inside them."""
    phrases = org_phrases(sentences, [(s, e, lab) for s, e, lab, _ in found])
    kept = {(s, e) for s, e, lab, _ in found if lab in ("PER", "ORG")}
    events = [sp for toks in sentences if any(q in text[toks[0].start:toks[-1].end] for q in '"«“')
              for sp in named_events(text, toks[0].start, toks[-1].end) if sp not in kept]
    if not phrases and not events:
        return found
    out = [(s, e, "MISC", 1.0) for s, e in events]
    for tok_start, n_pro, end in phrases:
        word = text[tok_start:end].split(None, 1)[0]
        start = tok_start + (original_prefix_len(word, n_pro) if n_pro else 0)
        if not any(s < end and start < e for s, e in events):
            out.append((start, end, "ORG", 1.0))
    # a tagged span that reaches outside a phrase keeps its reading ("…للملكية الفكرية الويبو")
    tagged = _SpanIndex([(f[0], f[1]) for f in found])
    out = [o for o in out if not any(f[0] < o[0] or f[1] > o[1] for f in tagged.overlapping(o[0], o[1]))]
    taken = _SpanIndex([(s, e) for s, e, _, _ in out])
    out += [f for f in found if not taken.overlapping(f[0], f[1])]
    out.sort(key=lambda x: x[0])
    return out


def _split_known(text: str, found: list, fixed: dict) -> list:
    """The tagger's spans with a listed name at their start split off ("[بي بي سي] [سالي
    نبيل]" from one PER span): the name is its own entity, the rest keeps the label."""
    out = []
    longest = max(map(len, fixed), default=0)
    for s, e, label, score in found:
        words = [m.span() for m in _WORDS.finditer(text, s, e)]
        if len(words) <= longest and _key(text[s:e]) in fixed:
            out.append((s, e, label, score))  # the listed name itself ("سكاي نيوز عربية")
            continue
        for k in range(min(longest, len(words) - 1), 0, -1):
            key = _key(text[s:words[k - 1][1]])
            if key in fixed:
                out.append((s, words[k - 1][1], fixed[key], score))
                s = words[k][0]
                break
        out.append((s, e, label, score))
    return out


def _split_head(text: str, found: list) -> list:
    """The tagger's spans that run a head word into a name after it, maybe with a state's nisba
    between: a bare definite body head (resources/entities/bare_body_heads.txt: "الوزارة هيذر
    نويرت", "الشرطة صلاحية") or a role (person_role_heads.txt, title_words.txt: "الكاتبة
    السعودية منال الشريف"). The name (two to four words after a body head, one to four after a
    role) stays as a person; a body head run into what is no name goes with it."""
    out = []
    for s, e, label, score in found:
        spans = [m.span() for m in _WORDS.finditer(text, s, e)]
        words = [text[a:b] for a, b in spans]
        head = normalize(words[0]) if words else ""
        role = label != "LOC" and (head in person_role_heads() or head in title_words())
        k = 1
        while k < len(words) and _definite_nisba(words[k]):
            k += 1
        rest = words[k:]
        if not (role or head in bare_body_heads()) or not rest or \
                normalize(rest[0]).startswith(("ال", "ل")) or rest[0][0].isdigit():
            out.append((s, e, label, score))  # "الاتحاد الأوروبي", "الجيش السوري الحر"
            continue
        if _name_after_head(rest, role):
            out.append((spans[k][0], e, "PER", score))
        elif role or k > 1:
            out.append((s, e, label, score))  # "الرابطة الوطنية من أجل الديمقراطية"
    return out


def _name_after_head(rest: list[str], role: bool) -> bool:
    """Do the words after a head make a person's name? A surname may take the article after a
    role ("منال الشريف"); no other word may, nor be a particle or a nisba."""
    definite = rest[1:-1] if role else rest
    return (1 if role else 2) <= len(rest) <= 4 and \
        not any(normalize(w).startswith(("ال", "لل", "بال", "وال", "فال")) for w in definite) and \
        not any(never_name(w) or preposition(w) or _definite_nisba(w) for w in rest)


def _definite_nisba(word: str) -> bool:
    """A definite nisba adjective (السعودية، الأمريكي، الحقوقي)."""
    n = normalize(word)
    return n.startswith("ال") and n.endswith(("ي", "يه", "يون", "يين")) and len(n) > 4


@lru_cache(maxsize=1)
def person_role_heads() -> frozenset[str]:
    """Role nouns before a person's name (resources/entities/person_role_heads.txt)."""
    return frozenset(map(normalize, resources.read_words("entities", "person_role_heads.txt")))


@lru_cache(maxsize=1)
def bare_body_heads() -> frozenset[str]:
    """Definite heads that name a body only by what it is (resources/entities/bare_body_heads.txt)."""
    return frozenset(map(normalize, resources.read_words("entities", "bare_body_heads.txt")))


def _without_particles(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """The span without prepositions at its edges ("على فيسبوك" → "فيسبوك"), and whether it had
    any (an empty span when it is nothing else). Other particles stay: "أن أس أيه" is a name."""
    words = [m.span() for m in _WORDS.finditer(text, s, e)]
    k, n = 0, len(words)
    while k < n and preposition(text[words[k][0]:words[k][1]]):
        k += 1
    while n > k and preposition(text[words[n - 1][0]:words[n - 1][1]]):
        n -= 1
    if (k, n) == (0, len(words)):
        return s, e, False
    return (words[k][0], words[n - 1][1], True) if n > k else (s, s, True)


def _title_phrase(key: tuple[str, ...]) -> bool:
    """Is a PER span a title and its state ("ولي العهد السعودي", "الأمير السعودي"): a definite
    nisba after a title word? The actors stage reads such titles."""
    last, prev = key[-1], key[-2]
    return last.startswith("ال") and last.endswith("ي") and len(last) > 4 and prev in title_words()


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Titles before a state's nisba (resources/entities/title_words.txt)."""
    return frozenset(map(normalize, resources.read_words("entities", "title_words.txt")))


def _labels(spans: list, text: str, added: list = ()) -> dict[tuple[str, ...], str]:
    """The label of each name: the most summed confidence over its occurrences and over the
    longer names it is the short form of (جبهة بوليساريو → بوليساريو: the head word dropped;
    a person's surname: the last word); an occurrence right after a word that heads
    organisation names ("جبهة [بوليساريو]", "حركة [حماس]") counts one for ORG."""
    votes: dict[tuple[str, ...], dict[str, float]] = {}
    heads = org_heads()
    name_heads = org_name_heads()

    def vote(key: tuple[str, ...], label: str, w: float) -> None:
        v = votes.setdefault(key, {})
        v[label] = v.get(label, 0.0) + w

    for _, _, label, score, key in spans:
        # a MISC reading is the tagger's least reliable (البيت الأبيض، بيونغ يانغ as MISC)
        vote(key, label, max(score, 0.05) * (MISC_WEIGHT if label == "MISC" else 1.0))
    for start, key in chain(((x[0], x[4]) for x in spans), ((x[0], x[2]) for x in added)):
        if _after_name_head(text, start):
            if key not in places():  # "صحيفة [واشنطن] بوست": the city stays a city
                vote(key, "ORG", HEAD_VOTE)
        elif len(key) > 1 and key[0] in name_heads:  # "[جبهة بوليساريو]": and its short form
            vote(key, "ORG", 1.0)
            if key[1:] in votes:
                vote(key[1:], "ORG", 1.0)
    for _, _, label, score, key in spans:
        if len(key) < 2:
            continue
        if label == "PER":
            short = key[-1:]
        elif key[0] in heads:
            short = key[1:]
        else:
            continue
        if short in votes:  # only a short form the tagger also found counts
            vote(short, label, max(score, 0.05))
    return {k: max(v, key=v.get) for k, v in votes.items()}


@lru_cache(maxsize=1)
def known_names() -> dict[tuple[str, ...], str]:
    """Names with one label wherever they stand (resources/entities/names.tsv)."""
    out = {}
    for line in resources.path("entities", "names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, label = line.split("\t")
            out[_key(name)] = label.strip()
    return out


@lru_cache(maxsize=1)
def places() -> frozenset[tuple[str, ...]]:
    """Listed states, regions and cities (the tagger's gazetteer lists)."""
    out = set()
    for name in ("countries.txt", "regions.txt", "cities.txt"):
        for line in resources.path("entities", name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.add(_key(line))
    return frozenset(out)


@lru_cache(maxsize=1)
def _fixed_index() -> tuple[dict[str, list[tuple[str, ...]]], frozenset[str]]:
    """The listed names by first word, and their first words' proclitic forms."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in known_names():
        by_first.setdefault(key[0], []).append(key)
    return by_first, frozenset(with_proclitics(by_first))


@lru_cache(maxsize=1)
def org_name_heads() -> frozenset[str]:
    """Words after which a name is an organisation's (resources/entities/org_name_heads.txt)."""
    return frozenset(map(normalize, resources.read_words("entities", "org_name_heads.txt")))


def _after_name_head(text: str, start: int) -> bool:
    """Does a word that heads organisation names stand right before ``start``?"""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m is not None and _stem(m.group(1)) in org_name_heads()


def _stem(word: str) -> str:
    """A written word's normalised form without a conjunction or preposition (وجبهة → جبهه)."""
    n = normalize(word)
    for _, stem in proclitic_readings(n):
        if stem in org_name_heads():
            return stem
    return n


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Head nouns that open organisation names (resources/entities/org_keywords.txt)."""
    return frozenset(map(normalize, resources.read_words("entities", "org_keywords.txt")))


def _match_at(toks: list[Token], i: int, by_first: dict) -> tuple[tuple[str, ...], int] | None:
    """The longest known name starting at token i, with the proclitic letters before it."""
    for form, n_pro in _readings(toks[i].norm):
        for key in by_first.get(form, ()):
            n = len(key)
            if i + n <= len(toks) and all(toks[i + j].norm == key[j] for j in range(1, n)):
                return key, n_pro
    return None
