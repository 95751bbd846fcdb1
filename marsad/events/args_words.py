"""Word lists and word-level tests shared by the event-argument rules.

Prepositions, quantity phrases ("ما لا يقل عن 28"), adjectives, strong punctuation between two
words, and the actors-layer rules that name places or borrow a country.
"""
from __future__ import annotations

from marsad.doc import Token
from marsad.text.normalize import word_set

PREPS = word_set(
    "على ضد في من إلى الى عن مع بحق تجاه باتجاه نحو قرب داخل أمام خلال لدى عند بين منذ حول بعد قبل "
    "ضمن عبر وسط شمال جنوب شرق غرب جانب بسبب إثر اثر عقب لصالح بشأن حيال دون بدون مثل")
TARGET_PREPS = word_set("على ضد بحق تجاه باتجاه نحو")

# Words that may stand between a verb and its subject: time adverbs, particles.
SKIP_AFTER_VERB = word_set(
    "أمس امس اليوم الليلة فجر صباح مساء ظهر عصر أول اول من يوم الأحد الاثنين الثلاثاء الأربعاء "
    "الخميس الجمعة السبت الماضي الماضية ايضا أيضا مجددا مجدداً قد بالفعل كذلك")
# Quantifiers before a subject: "دعت العديد من الجماعات", "خرج آلاف من المتظاهرين".
QUANTIFIERS = word_set(
    "العديد عدد بعض كل جميع مئات آلاف الاف ألوف عشرات معظم أغلب اغلب غالبية مجموعة")

RELATIVES = word_set("التي الذي اللذين اللتين الذين اللواتي")
# Adjectives that may stand between an event noun and its nisba agent (الغارات العسكرية الأميركية).
EVENT_ADJECTIVES = word_set(
    "المسلح المسلحة الأخير الأخيرة الجديد الجديدة الكبير الكبيرة العنيف العنيفة المتكرر المتكررة "
    "المكثف المكثفة الدامي الدامية المشترك المشتركة المزدوج المزدوجة الواسع الواسعة المتواصلة "
    "المستمرة الأخرى المباشر المباشرة")

STRONG_PUNCT = set(".;:!?؟«»\"“”()[]")

NUMERIC_QTY = word_set(
    "عشرات مئات آلاف الاف ألف اكثر أكثر نحو حوالي زهاء قرابة ما لا يقل عدد عدد من ثلاثة أربعة خمسة "
    "ستة سبعة ثمانية تسعة عشرة اثنين اثنان شخصين جنديين ثلاث أربع خمس ست سبع ثماني تسع عشر")
NUMBER_WORDS = word_set(
    "واحد واحدة اثنان اثنين اثنتين ثلاث ثلاثة اربع أربع أربعة اربعة خمس خمسة ست ستة سبع سبعة ثماني "
    "ثمانية تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين اربعون أربعين خمسون خمسين ستون ستين سبعون "
    "سبعين ثمانون ثمانين تسعون تسعين مئة مائة مئتي مئتين مائتي ألف الف آلاف الاف ألفين مليون عشرات "
    "مئات ألوف بضعة بضع")
# Words of a quantity phrase standing before a noun: "ما لا يقل عن 28 متطوعاً", "أكثر من 15".
QTY_SKIP = NUMERIC_QTY | NUMBER_WORDS | word_set(
    "ما لا يقل عن من اكثر أكثر اقل أقل نحو حوالي حوالى زهاء قرابة عدد")

# Actors-layer rules of place names (a country, a capital, a city …).
PLACE_RULES = frozenset({"country", "capital", "city", "alias", "entity-loc"})

# Actors-layer rules whose country comes from the document, not from the mention's own words.
BORROWED_COUNTRY = frozenset({"institution-main-country", "unidentified-armed-main-country",
                              "armed-group-main-country"})


def is_nisba(norm: str) -> bool:
    w = norm[2:] if norm.startswith("ال") else norm
    return len(w) >= 4 and w.endswith(("ي", "يه", "يين", "يون", "يتين", "يان", "يه"))


def is_adjective(norm: str) -> bool:
    return is_nisba(norm) or norm in EVENT_ADJECTIVES or norm[1:] in EVENT_ADJECTIVES


def skip_quantity(norms: list[str], k: int, limit: int = 6) -> tuple[int, bool]:
    """Index of the first word after a quantity phrase starting at k, and whether one was there."""
    start = k
    while k < len(norms) and k - start < limit:
        w = norms[k]
        wb = w[1:] if w[:1] == "و" and w[1:] in QTY_SKIP else w
        if wb in QTY_SKIP or wb.isdigit():
            k += 1
        else:
            break
    return k, k > start


def gap_ok(words: list[Token], a: int, b: int, text: str) -> bool:
    """No strong punctuation between word a and word b (exclusive, a < b)."""
    if b <= a:
        return True
    seg = text[words[a].end:words[b].start] if b < len(words) else ""
    return STRONG_PUNCT.isdisjoint(seg)


def bare_word(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def bare_forms(words) -> frozenset:
    """Every word whose ``bare_word`` is one of ``words`` (the word itself, or و / ف + it): a
    set test for "bare_word(w) in words" that a loop can run over a whole window at once."""
    return frozenset(w for x in words for w in (x, "و" + x, "ف" + x) if bare_word(w) in words)
