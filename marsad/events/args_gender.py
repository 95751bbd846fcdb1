"""Agreement of a verb with its subject: which actor after a verb can be its subject.

Arabic news keeps a verb right before its subject in gender agreement: a feminine verb takes no
man ("فقتلت المدرس": the fire killed the teacher) and a masculine verb takes no feminine
subject, so a state, a city or a feminine body right after it is its object and the subject was
named before ("وطالب الجزائر بتحمل مسؤولياته"، "كما حث لندن على"، "عندما طالب الحكومة بعدم …").
"""
from __future__ import annotations

from marsad import resources
from marsad.doc import MentionKind
from marsad.events.args_slots import Slot
from marsad.events.args_words import ARTICLE
from marsad.events.lexicon import load_lexicon
from marsad.text.normalize import normalize, word_set

_WORDS = resources.read_yaml("events", "args_gender.yaml")  # read once, at import
MASC_PERSONS = word_set(_WORDS["masc_persons"])
MASC_TITLES = word_set(_WORDS["masc_titles"])
MASC_PLACES = word_set(_WORDS["masc_places"])
FEMININE_PLURALS = word_set(_WORDS["feminine_plurals"])
MASC_PLURAL_ENDINGS = tuple(_WORDS["masc_plural_endings"].split())
PLACE_MENTIONS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.CITY})
FEMININE_ENDINGS = ("ة", "ات")
OBLIQUE_ENDING = "ين"
# Mentions that name an actor (a name may end like an oblique plural: البحرين، فلسطين).
NAMED = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.CITY, MentionKind.PLACE,
                   MentionKind.ALIAS, MentionKind.PERSON, MentionKind.TITLE_NAME})
# Words after which a verb opens its clause ("كما حث لندن"، "عندما طالب الحكومة"), and "أن"
# after بعد / قبل ("بعد أن زار القوات").
CLAUSE_OPENERS = word_set(_WORDS["clause_openers"])
SUBJUNCTIVE, SUBJUNCTIVE_AFTER = word_set(_WORDS["subjunctive"]), word_set(_WORDS["subjunctive_after"])
TEMPORAL = word_set(_WORDS["temporal"])
CLAUSE_PUNCT = frozenset(_WORDS["clause_punct"])


def masculine_singular(s: Slot, norms: list[str]) -> bool:
    """Is the slot one man (a singular masculine role noun, or a man's title)?"""
    w0 = norms[s.i]
    for w in ((w0, w0[1:]) if w0[:1] in "وف" and len(w0) > 3 else (w0,)):  # (وزير is no و + زير)
        if w in MASC_TITLES:
            return True
        w = w.removeprefix("ال")
        if w.endswith("ا") and w[:-1] in MASC_PERSONS:  # accusative: "مواطنا"
            return True
        if w in MASC_PERSONS or (w.endswith("ي") and w[:-1] in MASC_PERSONS):
            return True
    return False


def is_man(s: Slot, slots: list[Slot], norms: list[str]) -> bool:
    """The slot is one man, by its own words or by a title of the same actor ("وزير الدفاع الياس المر")."""
    if masculine_singular(s, norms):
        return True
    return s.actor is not None and any(o is not s and o.actor == s.actor and o.j <= s.i and s.i - o.j <= 1
                                       and masculine_singular(o, norms) for o in slots)


def feminine_verb(cand, norms: list[str]) -> bool:
    """A perfect verb with the feminine singular ending -ت ("قتلت", "اختطفت")."""
    if cand.cls != "perf" or cand.plural or cand.j - cand.i != 1:
        return False
    w = norms[cand.i]
    return w.endswith("ت") and not w.endswith(("تا", "تم")) and len(w) - len(cand.proclitics) >= 4


def masculine_verb(cand, words, norms: list[str], text: str) -> bool:
    """A singular masculine verb of one word opening its clause: a perfect with no ending of
    person or number ("طالب"، "وحث"; a stem ending in ت, صوت، ثبت, is left undecided) or an
    imperfect in ي. The clause opener (sentence start, punctuation, "كما"، "عندما"، "بعد أن")
    tells the verb from its verbal noun of the same letters ("عن نشر الإمارات قوات")."""
    if cand.plural or cand.j - cand.i != 1 or cand.cls not in ("perf", "impf") or not _opens_clause(cand.i, words, norms, text):
        return False
    stem = norms[cand.i][len(cand.proclitics):]
    lexicon = load_lexicon()
    if (cand.lexeme.id, stem) in lexicon.noun_forms or not any(f.lexeme is cand.lexeme for f in lexicon.single.get(stem, ())):
        return False  # its verbal noun ("رفض بلغراد الاعتراف"), or an object pronoun on it (اتهمته)
    if cand.cls == "impf":
        return stem[:1] == "ي" and not stem.endswith(("ون", "ان"))
    if stem.endswith("ا"):  # دعا, but the dual طالبا (its lexeme's perfect + ا)
        return not any(f.lexeme is cand.lexeme and f.cls == "perf" for f in lexicon.single.get(stem[:-1], ()))
    return len(stem) >= 2 and not stem.endswith(("ت", "و", "نا", "تم"))


def temporal_clause(i: int, norms: list[str]) -> bool:
    """Does a time conjunction open the verb's clause ("بعد أن زار"، "عندما طالب")?"""
    return i > 0 and norms[i - 1] in TEMPORAL or i > 1 and norms[i - 1] in SUBJUNCTIVE and norms[i - 2] in SUBJUNCTIVE_AFTER


def _opens_clause(i: int, words, norms: list[str], text: str) -> bool:
    if i == 0 or norms[i - 1] in CLAUSE_OPENERS or (i > 1 and norms[i - 1] in SUBJUNCTIVE and norms[i - 2] in SUBJUNCTIVE_AFTER):
        return True
    return any(c in CLAUSE_PUNCT for c in text[words[i - 1].end:words[i].start])


def feminine_slot(s: Slot, words, norms: list[str]) -> bool:
    """Is the slot grammatically feminine: a state, capital or city of a feminine name, or a
    body whose head noun ends in ة / ات ("الحكومة"، "السلطات"; no person's name)?"""
    if s.mention in PLACE_MENTIONS:
        return norms[s.i][len(s.pro):] not in MASC_PLACES and norms[s.i] not in MASC_PLACES
    if s.kind == "PER" or s.mention in (MentionKind.PERSON, MentionKind.TITLE_NAME):
        return False
    if norms[s.i][len(s.pro):] in FEMININE_PLURALS:
        return True  # "ودعا الأحزاب": things and bodies in the plural take a feminine verb
    head = words[s.i].text[len(s.pro):]
    return head.startswith(ARTICLE) and head.endswith(FEMININE_ENDINGS) and not head.endswith(MASC_PLURAL_ENDINGS) \
        and normalize(head) not in MASC_PLACES


def oblique_plural(s: Slot, words) -> bool:
    """A generic participant in the oblique case of a sound plural or a dual ("المسلمين"،
    "المتظاهرين"، "الطرفين"): never the subject of the verb before it ("دعت المسلمين الصائمين إلى
    …": they are called on); a name may end so (البحرين، فلسطين), so only a generic noun."""
    head = words[s.i].text[len(s.pro):]
    return s.mention not in NAMED and s.kind != "PER" and s.group is None and head.startswith(ARTICLE) \
        and head.endswith(OBLIQUE_ENDING) and len(head) > 5
