"""Builds eval/flips/gold.json from the list below, checking every snippet occurs once in its article
(python eval/flips/build_gold.py eval/flips/gold.json). The annotations are read from the articles."""
import gzip, json, sys
from pathlib import Path

ANT = Path(__file__).resolve().parents[3] / "shared" / "data" / "ant_news" / "dev.jsonl.gz"  # ../shared
TEXTS = {}
for l in gzip.open(ANT, 'rt'):
    d = json.loads(l); TEXTS[d['id']] = d['text']

def actor(names, country, type_):
    return {"names": names, "country": country, "type": type_}

TRUMP = actor(["دونالد ترامب", "ترامب", "ترمب", "الرئيس الأميركي", "الرئيس الأمريكي"], "USA", "GOV")
KIM = actor(["كيم جونغ أون", "كيم", "كيم جون-اون", "كيم جونغ-أون", "كيم جون-أون"], "PRK", "GOV")
NK = actor(["كوريا الشمالية", "بيونغ يانغ", "بيونغيانغ", "الشمال"], "PRK", "GOV")
SKOR = actor(["كوريا الجنوبية", "سيول", "مون جيه إن", "مون جيه-إن", "مون جاي إن"], "KOR", "GOV")
USA = actor(["الولايات المتحدة", "واشنطن", "أميركا", "أمريكا"], "USA", "GOV")
IRAN = actor(["إيران", "طهران", "حسن روحاني", "روحاني"], "IRN", "GOV")
TUR = actor(["تركيا", "أنقرة"], "TUR", "GOV")
ERDOGAN = actor(["رجب طيب أردوغان", "أردوغان", "أردغان"], "TUR", "GOV")
PUTIN = actor(["فلاديمير بوتين", "فلاديمير بوتن", "بوتين", "بوتن"], "RUS", "GOV")
RUSSIA = actor(["روسيا", "موسكو"], "RUS", "GOV")
MAY = actor(["تيريزا ماي", "ماي", "رئيسة الوزراء البريطانية"], "GBR", "GOV")
SAUDI = actor(["السعودية", "الرياض", "المملكة العربية السعودية"], "SAU", "GOV")
UK = actor(["بريطانيا", "لندن", "السلطات البريطانية"], "GBR", "GOV")
POMPEO = actor(["مايك بومبيو", "بومبيو"], "USA", "GOV")
SADR = actor(["مقتدى الصدر", "الصدر"], "IRQ", "PTY")
ABADI = actor(["حيدر العبادي", "العبادي"], "IRQ", "GOV")
HOUTHI = actor(["الحوثي", "الحوثيين", "جماعة الحوثي", "ميليشيات الحوثي"], "YEM", "REB")
CHINA = actor(["الصين", "بكين", "شي جين بينغ"], "CHN", "GOV")
TRUDEAU = actor(["جاستن ترودو", "ترودو", "كندا"], "CAN", "GOV")

def side(doc, snippet, polarity):
    return {"document": doc, "snippet": snippet, "polarity": polarity}

FLIPS = [
 # Trump toward Kim: thanks before the summit, cancellation for "hostility", warm words at Singapore.
 (TRUMP, KIM, "talks", side("SK-internationalNews-1542-20180513", "وجّه الرئيس الأميركي دونالد ترامب السبت الشكر إلى كوريا الشمالية", "support"),
  side("SK-internationalNews-1761-20180524", "بعدما ألغى ترامب قمة كانت مزمعة مع كيم جونغ أون", "oppose")),
 (TRUMP, KIM, "talks", side("SK-internationalNews-1761-20180524", "بعدما ألغى ترامب قمة كانت مزمعة مع كيم جونغ أون", "oppose"),
  side("BB-internationalNews-641-20180612", "أتوقع علاقة رائعة مع كيم", "support")),

 # North Korea toward the US summit: threat to cancel over the drills, then Kim's "firm will" to meet.
 (NK, TRUMP, "talks", side("SK-internationalNews-1588-20180515", "هددت كوريا الشمالية، الثلاثاء، بإلغاء القمة المرتقبة", "oppose"),
  side("BB-internationalNews-575-20180527", "إن \"الإرادة راسخة\" للزعيم كيم جون-أون ترى ضرورة عقد قمة مع الرئيس الأمريكي", "support")),
 # North Korea toward the South: Panmunjom summit, talks cancelled over the drills, second summit.
 (NK, SKOR, "talks", side("SK-internationalNews-1216-20180427", "واستقبل الرئيس الكوري الجنوبي مون جيه-إن زعيم كوريا الشمالية كيم جونغ أون وتبادل الاثنان الابتسامات وتصافحا", "support"),
  side("SK-internationalNews-1588-20180515", "أن بيونغ يانغ ألغت أيضا مباحثات رفيعة المستوى مع سيول", "oppose")),
 (NK, SKOR, "talks", side("SK-internationalNews-1588-20180515", "أن بيونغ يانغ ألغت أيضا مباحثات رفيعة المستوى مع سيول", "oppose"),
  side("BB-internationalNews-575-20180527", "وقالت إن كيم شكر مون على", "support")),
 # Trump toward Iran: the all-caps warning to Rouhani, a week later ready to meet without preconditions.
 (TRUMP, IRAN, "talks", side("SK-middleEast-3073-20180723", "حذر الرئيس الأميركي دونالد ترامب نظيره الإيراني حسن روحاني من تهديد الولايات المتحدة", "oppose"),
  side("BB-internationalNews-900-20180730", "إنه مستعد للقاء القادة الإيرانيين", "support")),
 # Trump toward Turkey: closer cooperation in March, "not a friendly country" and doubled tariffs in August,
 # thanks to Erdogan after the pastor's release in October.
 (TRUMP, TUR, "relations", side("SK-middleEast-608-20180328", "ضرورة زيادة التعاون مع تركيا", "support"),
  side("FR-internationalNews-2746-20180816", "إن تركيا لم تكن دولة \"صديقة\"", "oppose")),
 (TRUMP, TUR, "relations", side("FR-internationalNews-2746-20180816", "إن تركيا لم تكن دولة \"صديقة\"", "oppose"),
  side("BB-internationalNews-1193-20181013", "ولكنه شكر الرئيس التركي، رجب طيب أردوغان، على الجهود التي بذلها", "support")),
 (TRUMP, ERDOGAN, "relations", side("FR-internationalNews-2652-20180810", "أعلن الجمعة إنه أمر بمضاعفة تعريفات الصلب والألومنيوم التركيين", "oppose"),
  side("BB-internationalNews-1193-20181013", "وأضاف ترامب أن لفتة أردوغان ستدفع إلى تحسين العلاقات مع تركيا", "support")),
 # Turkey toward the US: the Manbij road map in June, the tariff war in August.
 (TUR, USA, "relations", side("SK-middleEast-2143-20180604", "أعلنت الولايات المتحدة وتركيا، في بيان الاثنين، أنهما أقرتا خريطة طريق لمدينة منبج", "support"),
  side("BB-internationalNews-976-20180815", "اتهم أردوغان الولايات المتحدة بالسعي إلى", "oppose")),
 # Trump toward Russia/Putin around Helsinki.
 (TRUMP, RUSSIA, "relations", side("SK-internationalNews-2656-20180715", "روسيا هي عدو في بعض الجوانب", "oppose"),
  side("SK-internationalNews-2671-20180716", "شهدت \"بداية جيدة جدا\"", "support")),
 (TRUMP, PUTIN, "elections", side("SK-internationalNews-2671-20180716", "شهدت \"بداية جيدة جدا\"", "support"),
  side("BB-internationalNews-831-20180719", "يعتبر أن بوتين شخصياً مسؤولاً عن أي تدخل روسي", "oppose")),
 # Trump toward Theresa May: the Sun interview, then "I did not criticise the prime minister".
 (TRUMP, MAY, "brexit", side("BB-internationalNews-807-20180713", "خطة ماي ستقضي على الأرجح على الاتفاقية", "oppose"),
  side("BB-internationalNews-803-20180713", "لم أنتقد رئيسة الوزراء، فأنا أحترمها كثيراً", "support")),
 # Trump toward Kim: the cancellation, then thanks for the returned remains.
 (TRUMP, KIM, "talks", side("SK-internationalNews-1761-20180524", "بعدما ألغى ترامب قمة كانت مزمعة مع كيم جونغ أون", "oppose"),
  side("SK-internationalNews-2869-20180802", "وجه الرئيس الأميركي دونالد ترامب الشكر لكيم جونغ أون", "support")),

 (TRUMP, KIM, "talks", side("CN-internationalNews-89-20180310", "وافق الرئيس الأمريكي دونالد ترامب على لقاء زعيم كوريا الشمالية كيم جونغ أون", "support"),
  side("SK-internationalNews-1761-20180524", "بعدما ألغى ترامب قمة كانت مزمعة مع كيم جونغ أون", "oppose")),
]
NON = [
 # conditional statements
 (TRUMP, SAUDI, "khashoggi", side("BB-middleEast-1104-20181015", "وهدد الرئيس الأمريكي، دونالد ترامب بفرض بلاده \"عقوبات قاسية\" على السعودية إذا تبين أنها مسؤولة عن قتله", "oppose"),
  side("CN-middleEast-1636-20181020", "رحب الرئيس الأمريكي، دونالد ترامب، بإعلان السعودية عن نتائج تحقيقاتها", "support"), "conditional threat"),
 (POMPEO, IRAN, "talks", side("SK-middleEast-3073-20180723", "إيران تدار من شيء يشبه المافيا وليس من قبل حكومة.\"", "oppose"),
  side("BB-internationalNews-900-20180730", "إلى أنه يدعم إجراء محادثات مع إيران \"إذا أظهرت التزاماً بتغيير تصرفاتها\"", "support"), "conditional support"),
 (SADR, ABADI, "government", side("SK-middleEast-1825-20180520", "وافق على ترشيح العبادي لرئاسة الوزراء، شرط إعلان خروجه من حزب الدعوة", "support"),
  side("FR-internationalNews-1783-20180613", "من شأنه أن يقضي على آمال رئيس الوزراء المنتهية ولايته حيدر العبادي", "oppose"), "conditional support vs the writer's reading of an alliance"),
 # someone else's claim
 (IRAN, HOUTHI, "arms", side("SK-middleEast-161-20180301", "التي تشن بدعم من إيران صواريخ بالبستية على أراضي المملكة", "support"),
  side("CN-middleEast-740-20180427", "نفى فيها وزير الخارجية الإيراني، جواد ظريف تسليح جماعة الحوثي", "oppose"), "US claim vs Iran's denial"),
 (SAUDI, IRAN, "nuclear", side("SK-middleEast-1554-20180509", "وأعلنت السعودية، الثلاثاء، تأييدها وترحيبها بالخطوات، التي أعلنها الرئيس الأميركي", "oppose"),
  side("FR-internationalNews-2510-20180729", "وتتهم السعودية إيران بتزويد الحوثيين بالصواريخ", "oppose"), "welcoming the US withdrawal is no support of Iran"),
 (RUSSIA, UK, "skripal", side("BB-internationalNews-292-20180405", "واتهمت روسيا بريطانيا بمنع تشكيل لجنة تحقيق مشتركة", "oppose"),
  side("SK-internationalNews-902-20180412", "واتهمت السلطات البريطانية بخطفها", "oppose"), "the text 'supports' the British statements: no Russian support"),
 # different issue
 (TRUMP, KIM, "sanctions", side("FR-internationalNews-1772-20180612", "أن العقوبات الأمريكية المفروضة على نظام بيونغ يانغ باقية في الوقت الحالي", "oppose"),
  side("BB-internationalNews-641-20180612", "أتوقع علاقة رائعة مع كيم", "support"), "sanctions kept vs relations"),
 (USA, RUSSIA, "crimea", side("SK-internationalNews-2462-20180703", "نحن لا نعترف مطلقا بمحاولات روسيا ضم القرم", "oppose"),
  side("SK-internationalNews-2671-20180716", "بتهنئة نظيره الروسي على بطولة كأس العالم", "support"), "Crimea vs the World Cup"),
 # same position
 (TRUMP, IRAN, "agreement", side("SK-internationalNews-1475-20180508", "أعلن أن أميركا ستنسحب من الاتفاق مع إيران", "oppose"),
  side("SK-middleEast-3073-20180723", "لا تهدد أبدًا الولايات المتحدة مرةً أخرى", "oppose")),
 (UK, RUSSIA, "skripal", side("SK-internationalNews-465-20180320", "فاتهمت بريطانيا روسيا بالضلوع في عملية التسميم", "oppose"),
  side("BB-internationalNews-321-20180410", "وكانت قد اتهمت بريطانيا روسيا بتسميم الجاسوس", "oppose")),
 (RUSSIA, actor(["بشار الأسد", "الأسد", "الرئيس السوري"], "SYR", "GOV"), "war",
  side("SK-internationalNews-1459-20180509", "حيث تدعم موسكو الرئيس السوري بشار الأسد", "support"),
  side("FR-internationalNews-2422-20180721", "روسيا التي تدعم الرئيس السوري بشار الأسد عسكريا", "support")),
 (SAUDI, actor(["قطر", "الدوحة", "الحكومة القطرية"], "QAT", "GOV"), "terrorism",
  side("FR-middleEast-290-20180415", "اتهام الرياض للدوحة بدعم منظمات", "oppose"),
  side("BB-middleEast-977-20180908", "حين اتهمت السعودية والإمارات ومصر والبحرين الحكومة القطرية بدعم الإرهاب", "oppose")),
 (TRUMP, KIM, "talks", side("BB-internationalNews-641-20180612", "إنه موهوب جدا", "support"),
  side("SK-internationalNews-2871-20180802", "لرسالتك الجميلة - وأتطلع لرؤيتك قريبا!", "support")),
 (TRUMP, SAUDI, "khashoggi", side("CN-middleEast-1478-20181011", "أعرب الرئيس الأمريكي دونالد ترامب عن رفضه لدعوات أعضاء بالكونغرس إلى وقف مبيعات الأسلحة", "support"),
  side("CN-middleEast-1636-20181020", "رحب الرئيس الأمريكي، دونالد ترامب، بإعلان السعودية عن نتائج تحقيقاتها", "support")),
]

def build():
    out = {"flips": [], "non_flips": []}
    for key, items in (("flips", FLIPS), ("non_flips", NON)):
        for it in items:
            holder, target, issue, a, b = it[:5]
            why = it[5] if len(it) > 5 else None
            for s in (a, b):
                t = TEXTS[s["document"]]
                n = t.count(s["snippet"])
                if n != 1:
                    sys.exit(f"snippet found {n} times in {s['document']}: {s['snippet']}")
            rec = {"holder": holder, "target": dict(target, issue=issue), "a": a, "b": b}
            if why: rec["why"] = why
            out[key].append(rec)
    return out

if __name__ == "__main__":
    g = build()
    json.dump(g, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(len(g["flips"]), "flips", len(g["non_flips"]), "non-flips")
