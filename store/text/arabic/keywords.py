"""Word lists and light stemming shared by claim scoring and topic grouping.

Everything here works on the *normalized* form (see ``normalize.normalize``): ة→ه, ى→ي, hamza seats → bare
letters, so "أكد" is listed as "اكد". Lists hold general news vocabulary (function words, verbs of saying,
actor titles, calendar words); nothing here is specific to one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck_tui.store.text.arabic.lexicon import FUNCTION_WORDS

# Function words (lexicon.FUNCTION_WORDS), and what else says nothing about what a sentence is about: pronouns,
# demonstratives, "still"/"became", negators, and English function words of wire copy.
STOPWORDS: frozenset[str] = FUNCTION_WORDS | frozenset(
    """
    انني انا انت انتم انتن هما نحن يكونوا كنا كنت ليس ليست لست ليسوا هذان هاتان اولئك اللتين اللاتي اللواتي لماذا
    لكنه لكنها لكنهم سوي اذن لانه لانها بانه بانها بانهم كلا جميع ايا وراء ازاء تجاه حين فيما مما عما ممن لما ذات
    ذاته نفس نفسه نفسها كذلك ثمه هكذا عليهم فيهم منهم عنهم لنا لكم معه معها معهم يزال تزال زال مازال مازالت لايزال
    اصبح اصبحت صار صارت فقد وهم وانه عدم اخر اخري الاخر الاخري احد احدي سواء والي ومع وكان وكانت وما ولكن the a an
    of to in on for and or is are was were be by with as at from that this it its has have had
    """.split()
)

# English verbs of saying, in the forms wire copy uses ("the ministry said", "told Reuters").
ENGLISH_SPEECH_WORDS: frozenset[str] = frozenset({"said", "says", "announced", "stated", "told", "reported", "added"})
# Verbs of saying and reporting, in the forms news copy uses (past, present, participle).
SPEECH_WORDS: frozenset[str] = frozenset(
    """
    قال قالت قالوا قالا يقول تقول يقولون قائلا
    اعلن اعلنت اعلنوا يعلن تعلن معلنا
    اكد اكدت اكدوا يوكد توكد موكدا
    ذكر ذكرت ذكروا يذكر تذكر
    افاد افادت افادوا يفيد تفيد
    صرح صرحت صرحوا يصرح تصرح
    كتب كتبت كتبوا يكتب تكتب
    اضاف اضافت اضافوا يضيف تضيف مضيفا مضيفه
    اوضح اوضحت اوضحوا يوضح توضح موضحا
    اشار اشارت اشاروا يشير تشير مشيرا مشيره
    تابع تابعت
    نقل نقلت نقلوا ينقل تنقل
    نفي نفت نفوا ينفي تنفي نافيا
    اعتبر اعتبرت يعتبر تعتبر معتبرا
    وصف وصفت وصفوا يصف تصف واصفا
    حذر حذرت حذروا يحذر تحذر محذرا
    ادعي ادعت يدعي تدعي
    زعم زعمت زعموا يزعم تزعم
    اعترف اعترفت يعترف
    شدد شددت يشدد مشددا
    لفت لفتت لافتا
    كشف كشفت كشفوا يكشف تكشف كاشفا
    اتهم اتهمت يتهم تتهم
    نوه نوهت منوها
    ابان ابانت مبينا
    اعرب اعربت
    اوردت اورد
    رات راي يري تري
    """.split()
)

# Phrases that attribute a statement to a source without a verb of saying.
ATTRIBUTION_WORDS: frozenset[str] = frozenset(
    "بحسب حسب حسبما وفق وفقا نقلا طبقا مصادر مصدر بيان تقرير تقارير وكاله".split()
)

# Titles and institutions: a sentence naming one usually has an actor doing or saying something.
ACTOR_WORDS: frozenset[str] = frozenset(
    """
    رييس وزير وزاره وزراء حكومه جيش قوات شرطه سلطات مسوول مسوولون مسوولين متحدث ناطق حاكم محافظ امير
    ملك سفير مجلس برلمان منظمه هييه مدير قايد مستشار مساعد مبعوث كرملين امم نواب بنتاغون مديريه اداره
    محكمه نيابه شركه بنك جامعه لجنه
    president minister ministry government army police spokesman official
    """.split()
)

# Calendar words: a day or date makes a statement checkable.
TIME_WORDS: frozenset[str] = frozenset(
    """
    الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس البارحه غدا
    يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون شباط اذار نيسان ايار حزيران تموز ايلول تشرين
    محرم صفر ربيع جمادي رجب شعبان رمضان شوال القعده الحجه
    الماضي الماضيه المقبل المقبله الحالي صباح مساء ليله فجر ظهر عصر
    monday tuesday wednesday thursday friday saturday sunday yesterday
    """.split()
)

# Numbers written as words (the fact extractor reads their values; here they only signal "a figure").
NUMBER_WORDS: frozenset[str] = frozenset(
    """
    واحد واحده اثنان اثنين اثنتان اثنتين ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثمان ثماني ثمانيه
    تسع تسعه عشر عشره عشرات عشرين عشرون ثلاثين ثلاثون اربعين اربعون خمسين خمسون ستين ستون سبعين سبعون
    ثمانين ثمانون تسعين تسعون مييه ماييه مييتان مييتين مييات الف الفا الاف الفين مليون ملايين
    مليار مليارات نصف ربع ثلث ضعف اضعاف بالمييه بالماييه
    يومين يومان ساعتين ساعتان اسبوعين اسبوعان شهرين شهران عامين عامان سنتين سنتان دقيقتين مرتين
    شخصين شخصان طفلين طفلان
    """.split()
)

# First-person opinion and hedging: a columnist's view, not a statement a fact-checker can verify.
OPINION_WORDS: frozenset[str] = frozenset(
    """
    اعتقد نعتقد اظن نظن اري نري برايي رايي اعرف اشعر نشعر اتمني نتمني لعل ربما اخشي نخشي لست لسنا
    """.split()
)

# Countries, capitals, large cities and nationality adjectives: a named place makes a statement checkable.
# Compared by light stem, so "روسيا", "الروسية" and "بروسيا" all count (the adjective meets its stem).
PLACE_WORDS: frozenset[str] = frozenset(
    """
    روسيا روسي اوكرانيا اوكراني امريكا امريكي اميركا اميركي بريطانيا بريطاني فرنسا فرنسي المانيا
    الماني الصين صيني اليابان ياباني الهند هندي ايران ايراني العراق عراقي سوريا سوري لبنان لبناني الاردن
    اردني مصر مصري السعوديه سعودي اليمن يمني الكويت كويتي قطر قطري البحرين بحريني الامارات اماراتي عمان
    عماني ليبيا ليبي تونس تونسي الجزاير جزايري المغرب مغربي السودان سوداني فلسطين فلسطيني اسراييل اسراييلي
    تركيا تركي باكستان باكستاني افغانستان افغاني ايطاليا ايطالي اسبانيا اسباني كندا كندي بولندا بولندي
    رومانيا روماني اذربيجان اذربيجاني اوروبا اوروبي افريقيا افريقي اسيا اسيوي
    موسكو كييف واشنطن لندن باريس برلين بكين طهران بغداد دمشق بيروت القاهره الرياض جده مكه
    عمان الدوحه دبي ابوظبي انقره اسطنبول صنعاء عدن طرابلس الخرطوم القدس غزه نيويورك جنيف بروكسل
    """.split()
)

# Multi-word actors that no single word names.
ACTOR_PHRASES: tuple[str, ...] = (
    "البيت الابيض",
    "الامم المتحده",
    "مجلس الامن",
    "الاتحاد الاوروبي",
    "حلف الناتو",
    "الولايات المتحده",
    "white house",
    "united nations",
)

# Page furniture, matched at the start of a normalized line. Tag lists and "read also" blocks can be long;
# share/comment buttons, bylines and photo credits are furniture only when the line is short.
_FURNITURE_ANY_LENGTH = re.compile(
    r"^(?:سمات|الكلمات الدلاليه|كلمات دلاليه|وسوم|اقرا ايضا|اقرا المزيد|جميع الحقوق|حقوق النشر|"
    r"رابط الخبر|رابط المقال|المصدر:|next|previous|read more|related articles)\b"
)
_FURNITURE_SHORT = re.compile(
    r"^(?:شارك|شاركها|شاركوا|اترك|اضف|اكتب تعليق|التعليقات|تعليقات|تعليق|المزيد|تابعونا|تابعنا|اشترك|"
    r"اضغط|طباعه|ارسل|فريق التحرير|هييه التحرير|صوره|الصوره|ارشيفيه|تصوير|share|comment|print|follow)\b"
)
_SHORT_FURNITURE_WORDS = 6

_CLITIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_CONJUNCTIONS = ("و", "ف")
# ك is left out: names start with it far more often than the preposition is glued on (كيري، كييف، كندا).
_PREPOSITIONS = ("ب", "ل")
# Larkey's light10 suffix order, with feminine duals first so "جولتان" and "جولات" meet at "جول", and the past
# tense endings ت/وا last so "ضربت" meets "ضربة" and "استمرت" meets "استمر".
_SUFFIXES = ("تان", "تين", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "وا", "ت")
_MIN_STEM = 3


def is_boilerplate(norm: str, n_words: int) -> bool:
    """True when a normalized line starts like page furniture: share buttons, tags, bylines, photo credits."""
    if _FURNITURE_ANY_LENGTH.match(norm):
        return True
    return n_words <= _SHORT_FURNITURE_WORDS and bool(_FURNITURE_SHORT.match(norm))


def strip_conjunction(word: str) -> str:
    """Drop a leading و/ف when what remains is still a plausible word."""
    if len(word) > 3 and word[0] in _CONJUNCTIONS:
        return word[1:]
    return word


def bare(word: str) -> str:
    """The word without a leading conjunction and definite article ("والمحادثات" → "محادثات")."""
    for prefix in _CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return strip_conjunction(word)


def strip_article(word: str) -> str:
    """The word without a (conjunction +) definite article: "والمحادثات" → "محادثات", "للغاز" → "غاز"."""
    for prefix in _CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def bare_in(word: str, vocabulary: set[str] | frozenset[str]) -> str:
    """Like ``bare``, but a single glued letter (و ف ب ل) is dropped only when the corpus also has the word
    without it: "وبوتين" → "بوتين", "بعقوبات" → "عقوبات", while "وزارة", "فلاديمير" and "بوتين" stay whole.
    The article (ال، وال، بال، لل …) is always dropped."""
    for prefix in _CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    if len(word) > 3 and word[0] in _CONJUNCTIONS + _PREPOSITIONS and word[1:] in vocabulary:
        return bare_in(word[1:], vocabulary) if word[0] in _CONJUNCTIONS else word[1:]
    return word


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """Light suffix stripping of a bare normalized word (after ``bare``): plural, dual, feminine and pronoun
    endings, keeping at least three letters. Consistent rather than linguistically exact."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> frozenset[str]:
    """The forms a lexicon may list a word under: as written, without و/ف, without و/ف and the article."""
    return frozenset((word, strip_conjunction(word), bare(word)))


@lru_cache(maxsize=200_000)
def stem_variants(word: str) -> frozenset[str]:
    """Stems of a word read with and without a leading و/ف: "واشنطن" is a city, "وروسيا" is و + روسيا."""
    variants = {light_stem(word), light_stem(bare(word))}
    if len(word) > 3 and word[0] in _CONJUNCTIONS:
        variants.add(light_stem(bare(word[1:])))
    return frozenset(variants)


_PLACE_STEMS = frozenset(stem for word in PLACE_WORDS for stem in stem_variants(word))


def has_actor_phrase(norm: str) -> bool:
    return any(phrase in norm for phrase in ACTOR_PHRASES)


# Which of the lexicons above a word belongs to, as bits, read once per distinct word: a sentence's cues are
# then one OR over its words instead of a pass over them per lexicon (read_cues in claims.py).
FLAG_SPEECH, FLAG_ATTRIBUTION, FLAG_ACTOR, FLAG_OPINION, FLAG_TIME, FLAG_NUMBER, FLAG_PLACE = (1 << k for k in range(7))
_FLAGGED_LEXICONS = (
    (FLAG_SPEECH, SPEECH_WORDS),
    (FLAG_ATTRIBUTION, ATTRIBUTION_WORDS),
    (FLAG_ACTOR, ACTOR_WORDS),
    (FLAG_OPINION, OPINION_WORDS),
    (FLAG_TIME, TIME_WORDS),
    (FLAG_NUMBER, NUMBER_WORDS),
)


@lru_cache(maxsize=200_000)
def word_flags(word: str) -> int:
    """FLAG_* bits of one normalized word: a lexicon's bit when one of the word's forms (word_forms) is in it,
    FLAG_NUMBER also for a word of digits, FLAG_PLACE when a stem of it (stem_variants) is a place's stem."""
    forms = word_forms(word)
    flags = 0
    for bit, lexicon in _FLAGGED_LEXICONS:
        if not lexicon.isdisjoint(forms):
            flags |= bit
    if word[:1].isdigit():
        flags |= FLAG_NUMBER
    if not _PLACE_STEMS.isdisjoint(stem_variants(word)):
        flags |= FLAG_PLACE
    return flags


def cue_flags(norm_words: list[str]) -> int:
    """FLAG_* bits of a sentence's words: a bit is set when some word has it (word_flags)."""
    flags = 0
    for word in norm_words:
        flags |= word_flags(word)
    return flags
