"""Places, people and organisations that news about the product's stories mentions often.

A data table, parsed once at import into normalized look-up dicts. Each place row:
    slug | level (country, city, region) | country slug | Arabic spellings ; ... | Latin spellings ; ... | nisba stems
Nisba stems give the adjectives ("روسي" -> الروسية, الروس...), read as a mention of the country.
People rows:  slug | Arabic spellings ; ... | Latin spellings ; ...      Organisations: same shape as people.
Spellings are written as in print; they are normalized at load.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck_tui.store.text.arabic.normalize import normalize

_PLACES = """
russia|country|russia|روسيا;روسيا الاتحادية;روسية|Russia|روسي;روس
ukraine|country|ukraine|أوكرانيا;اوكرانيا;أكرانيا|Ukraine|أوكراني
usa|country|usa|الولايات المتحدة;الولايات المتحدة الأمريكية;الولايات المتحدة الأميركية;أمريكا;أميركا;واشنطن|USA;United States;America;Washington|أمريكي;أميركي;امريكي;اميركي
china|country|china|الصين;بكين|China;Beijing|صيني
india|country|india|الهند;نيودلهي;نيو دلهي|India;New Delhi|هندي
uk|country|uk|بريطانيا;المملكة المتحدة;لندن;انجلترا;إنجلترا|Britain;UK;United Kingdom;London;England|بريطاني;انجليزي;إنجليزي
france|country|france|فرنسا;باريس|France;Paris|فرنسي
germany|country|germany|ألمانيا;المانيا;برلين|Germany;Berlin|ألماني;الماني
italy|country|italy|إيطاليا;ايطاليا;روما|Italy;Rome|إيطالي;ايطالي
spain|country|spain|إسبانيا;اسبانيا;مدريد|Spain;Madrid|إسباني;اسباني
turkey|country|turkey|تركيا;أنقرة;انقرة|Turkey;Türkiye;Ankara|تركي;أتراك
iran|country|iran|إيران;ايران;طهران|Iran;Tehran|إيراني;ايراني
iraq|country|iraq|العراق;بغداد|Iraq;Baghdad|عراقي
syria|country|syria|سوريا;سورية;دمشق|Syria;Damascus|سوري
lebanon|country|lebanon|لبنان;بيروت|Lebanon;Beirut|لبناني
jordan|country|jordan|الأردن;الاردن;عمان الأردنية|Jordan;Amman|أردني;اردني
palestine|country|palestine|فلسطين;الأراضي الفلسطينية;رام الله|Palestine;Ramallah|فلسطيني
israel|country|israel|إسرائيل;اسرائيل;تل أبيب;تل ابيب|Israel;Tel Aviv|إسرائيلي;اسرائيلي
egypt|country|egypt|مصر;القاهرة|Egypt;Cairo|مصري
saudi|country|saudi|السعودية;المملكة العربية السعودية;المملكة السعودية|Saudi Arabia|سعودي
yemen|country|yemen|اليمن;صنعاء|Yemen;Sanaa|يمني
oman|country|oman|سلطنة عمان;مسقط|Oman;Muscat|عماني
uae|country|uae|الإمارات;الامارات;الإمارات العربية المتحدة;أبوظبي;أبو ظبي;ابوظبي|UAE;Emirates;Abu Dhabi|إماراتي;اماراتي
qatar|country|qatar|قطر;الدوحة|Qatar;Doha|قطري
kuwait|country|kuwait|الكويت|Kuwait|كويتي
bahrain|country|bahrain|البحرين;المنامة|Bahrain;Manama|بحريني
libya|country|libya|ليبيا;طرابلس الليبية|Libya|ليبي
tunisia|country|tunisia|تونس|Tunisia;Tunis|تونسي
algeria|country|algeria|الجزائر|Algeria;Algiers|جزائري
morocco|country|morocco|المغرب;الرباط|Morocco;Rabat|مغربي
sudan|country|sudan|السودان;الخرطوم|Sudan;Khartoum|سوداني
somalia|country|somalia|الصومال;مقديشو|Somalia;Mogadishu|صومالي
mauritania|country|mauritania|موريتانيا;نواكشوط|Mauritania|موريتاني
djibouti|country|djibouti|جيبوتي|Djibouti|
ethiopia|country|ethiopia|إثيوبيا;اثيوبيا;أثيوبيا;أديس أبابا|Ethiopia;Addis Ababa|إثيوبي;اثيوبي
eritrea|country|eritrea|إريتريا;اريتريا|Eritrea|إريتري
kenya|country|kenya|كينيا;نيروبي|Kenya;Nairobi|كيني
nigeria|country|nigeria|نيجيريا|Nigeria|نيجيري
south_africa|country|south_africa|جنوب أفريقيا;جنوب افريقيا|South Africa|
afghanistan|country|afghanistan|أفغانستان;افغانستان;كابول|Afghanistan;Kabul|أفغاني;افغاني
pakistan|country|pakistan|باكستان;إسلام أباد;اسلام اباد|Pakistan;Islamabad|باكستاني
bangladesh|country|bangladesh|بنغلاديش|Bangladesh|بنغالي
indonesia|country|indonesia|إندونيسيا;اندونيسيا;جاكرتا|Indonesia;Jakarta|إندونيسي;اندونيسي
malaysia|country|malaysia|ماليزيا;كوالالمبور|Malaysia;Kuala Lumpur|ماليزي
japan|country|japan|اليابان;طوكيو|Japan;Tokyo|ياباني
north_korea|country|north_korea|كوريا الشمالية;بيونغ يانغ;بيونغيانغ|North Korea;Pyongyang|
south_korea|country|south_korea|كوريا الجنوبية;سيول|South Korea;Seoul|
vietnam|country|vietnam|فيتنام|Vietnam|فيتنامي
philippines|country|philippines|الفلبين;مانيلا|Philippines;Manila|فلبيني
australia|country|australia|أستراليا;استراليا;سيدني;ملبورن;بيرث|Australia;Sydney;Melbourne;Perth|أسترالي;استرالي
canada|country|canada|كندا;أوتاوا;تورونتو;تورنتو|Canada;Ottawa;Toronto|كندي
mexico|country|mexico|المكسيك|Mexico|مكسيكي
brazil|country|brazil|البرازيل|Brazil|برازيلي
argentina|country|argentina|الأرجنتين;الارجنتين|Argentina|أرجنتيني
venezuela|country|venezuela|فنزويلا;كاراكاس|Venezuela;Caracas|فنزويلي
cuba|country|cuba|كوبا;هافانا|Cuba;Havana|كوبي
greece|country|greece|اليونان;أثينا|Greece;Athens|يوناني
cyprus|country|cyprus|قبرص;نيقوسيا|Cyprus;Nicosia|قبرصي
poland|country|poland|بولندا;وارسو|Poland;Warsaw|بولندي
belarus|country|belarus|بيلاروسيا;روسيا البيضاء;مينسك|Belarus;Minsk|بيلاروسي
moldova|country|moldova|مولدوفا|Moldova|
romania|country|romania|رومانيا;بوخارست|Romania;Bucharest|روماني
hungary|country|hungary|المجر;هنغاريا;بودابست|Hungary;Budapest|مجري
austria|country|austria|النمسا;فيينا|Austria;Vienna|نمساوي
switzerland|country|switzerland|سويسرا;جنيف;زيورخ;برن|Switzerland;Geneva;Zurich|سويسري
belgium|country|belgium|بلجيكا;بروكسل|Belgium;Brussels|بلجيكي
netherlands|country|netherlands|هولندا;أمستردام;لاهاي|Netherlands;Amsterdam;The Hague|هولندي
sweden|country|sweden|السويد;ستوكهولم|Sweden;Stockholm|سويدي
norway|country|norway|النرويج;أوسلو|Norway;Oslo|نرويجي
finland|country|finland|فنلندا;هلسنكي|Finland;Helsinki|فنلندي
denmark|country|denmark|الدنمارك;كوبنهاغن|Denmark;Copenhagen|دنماركي
estonia|country|estonia|إستونيا;استونيا|Estonia|
latvia|country|latvia|لاتفيا|Latvia|
lithuania|country|lithuania|ليتوانيا|Lithuania|
georgia|country|georgia|جورجيا;تبليسي|Georgia;Tbilisi|جورجي
armenia|country|armenia|أرمينيا;ارمينيا;يريفان|Armenia;Yerevan|أرميني;ارميني
azerbaijan|country|azerbaijan|أذربيجان;اذربيجان;باكو|Azerbaijan;Baku|أذربيجاني;اذربيجاني
kazakhstan|country|kazakhstan|كازاخستان;أستانا|Kazakhstan;Astana|كازاخي
serbia|country|serbia|صربيا;بلغراد|Serbia;Belgrade|صربي
portugal|country|portugal|البرتغال;لشبونة|Portugal;Lisbon|برتغالي
ireland|country|ireland|أيرلندا;ايرلندا;دبلن|Ireland;Dublin|أيرلندي
vatican|country|vatican|الفاتيكان|Vatican|
chad|country|chad|تشاد|Chad|تشادي
mali|country|mali|جمهورية مالي|Mali|
niger|country|niger|النيجر|Niger|
moscow|city|russia|موسكو|Moscow|
saint_petersburg|city|russia|سان بطرسبرغ;سانت بطرسبرغ;سان بطرسبورغ;سانت بطرسبورغ;بطرسبرغ;سان بطرسبورج|Saint Petersburg;St Petersburg|
kursk|region|russia|كورسك|Kursk|
belgorod|region|russia|بيلغورود;بلغورود|Belgorod|
bryansk|region|russia|بريانسك|Bryansk|
crimea|region|ukraine|القرم;شبه جزيرة القرم|Crimea|
sevastopol|city|ukraine|سيفاستوبول|Sevastopol|
kyiv|city|ukraine|كييف|Kyiv;Kiev|
kharkiv|city|ukraine|خاركيف;خاركوف|Kharkiv;Kharkov|
odesa|city|ukraine|أوديسا;اوديسا;أوديسا;أوديسة|Odesa;Odessa|
zaporizhzhia|region|ukraine|زابوريجيا;زابوريزيا;زابوريزفيا;زابوروجيا;زاباروجيا|Zaporizhzhia;Zaporizhia;Zaporozhye|
donetsk|region|ukraine|دونيتسك;دونتسك|Donetsk|
luhansk|region|ukraine|لوغانسك;لوهانسك|Luhansk;Lugansk|
donbas|region|ukraine|دونباس;الدونباس|Donbas;Donbass|
kherson|region|ukraine|خيرسون|Kherson|
mykolaiv|region|ukraine|ميكولايف|Mykolaiv|
dnipro|city|ukraine|دنيبرو;دنيبرو بتروفسك|Dnipro|
lviv|city|ukraine|لفيف|Lviv|
sumy|region|ukraine|سومي|Sumy|
poltava|region|ukraine|بولتافا|Poltava|
bakhmut|city|ukraine|باخموت|Bakhmut|
pokrovsk|city|ukraine|بوكروفسك|Pokrovsk|
istanbul|city|turkey|إسطنبول;اسطنبول;استانبول|Istanbul|
alaska|region|usa|ألاسكا;الاسكا|Alaska|
new_york|city|usa|نيويورك;نيو يورك|New York|
florida|region|usa|فلوريدا|Florida|
california|region|usa|كاليفورنيا|California|
texas|region|usa|تكساس|Texas|
miami|city|usa|ميامي|Miami|
riyadh|city|saudi|الرياض|Riyadh|
jeddah|city|saudi|جدة;جده|Jeddah;Jedda|
makkah|city|saudi|مكة;مكة المكرمة;مكه|Mecca;Makkah|
madinah|city|saudi|المدينة المنورة;منطقة المدينة;طيبة الطيبة|Medina;Madinah|
abha|city|saudi|أبها;ابها|Abha|
dammam|city|saudi|الدمام|Dammam|
khobar|city|saudi|مدينة الخبر|Khobar|
dhahran|city|saudi|الظهران|Dhahran|
taif|city|saudi|الطائف|Taif|
tabuk|city|saudi|تبوك|Tabuk|
hail|city|saudi|حائل|Hail|
najran|city|saudi|نجران|Najran|
jazan|city|saudi|جازان;جيزان|Jazan;Jizan|
qassim|region|saudi|القصيم|Qassim|
buraidah|city|saudi|بريدة|Buraidah|
unaizah|city|saudi|عنيزة|Unaizah|
ahsa|region|saudi|الأحساء;الاحساء|Al-Ahsa|
hofuf|city|saudi|الهفوف|Hofuf|
qatif|city|saudi|القطيف|Qatif|
jubail|city|saudi|الجبيل|Jubail|
yanbu|city|saudi|ينبع|Yanbu|
baha|region|saudi|الباحة|Al Bahah|
jouf|region|saudi|الجوف|Al Jawf|
sakaka|city|saudi|سكاكا|Sakaka|
arar|city|saudi|عرعر|Arar|
northern_borders|region|saudi|الحدود الشمالية|Northern Borders|
asir|region|saudi|عسير|Asir|
khamis_mushait|city|saudi|خميس مشيط|Khamis Mushait|
hafr_albatin|city|saudi|حفر الباطن|Hafar Al-Batin|
kharj|city|saudi|الخرج|Al-Kharj|
majmaah|city|saudi|المجمعة|Majmaah|
zulfi|city|saudi|الزلفي|Zulfi|
bisha|city|saudi|بيشة|Bisha|
qunfudhah|city|saudi|القنفذة|Qunfudhah|
rabigh|city|saudi|رابغ|Rabigh|
samtah|city|saudi|صامطة|Samtah|
ula|city|saudi|العلا|AlUla|
neom|city|saudi|نيوم|Neom|
eastern_province|region|saudi|المنطقة الشرقية|Eastern Province|
dubai|city|uae|دبي|Dubai|
sharjah|city|uae|الشارقة|Sharjah|
aden|city|yemen|عدن|Aden|
hodeidah|city|yemen|الحديدة|Hodeidah|
taiz|city|yemen|تعز|Taiz|
marib|city|yemen|مأرب;مارب|Marib|
saada|city|yemen|صعدة|Saada|
mukalla|city|yemen|المكلا|Mukalla|
hadramout|region|yemen|حضرموت|Hadramout|
mosul|city|iraq|الموصل|Mosul|
basra|city|iraq|البصرة|Basra|
erbil|city|iraq|أربيل;اربيل|Erbil|
kirkuk|city|iraq|كركوك|Kirkuk|
anbar|region|iraq|الأنبار;الانبار|Anbar|
falluja|city|iraq|الفلوجة|Fallujah|
aleppo|city|syria|حلب|Aleppo|
idlib|city|syria|إدلب;ادلب|Idlib|
homs|city|syria|حمص|Homs|
hama|city|syria|حماة|Hama|
raqqa|city|syria|الرقة|Raqqa|
deir_ezzor|city|syria|دير الزور|Deir ez-Zor|
daraa|city|syria|درعا|Daraa|
ghouta|region|syria|الغوطة;الغوطة الشرقية|Ghouta|
golan|region|syria|الجولان;هضبة الجولان|Golan|
gaza|region|palestine|غزة;قطاع غزة;غزه|Gaza|
west_bank|region|palestine|الضفة الغربية;الضفة|West Bank|
jerusalem|city|palestine|القدس;القدس الشريف|Jerusalem|
rafah|city|palestine|رفح|Rafah|
khan_younis|city|palestine|خان يونس|Khan Younis|
hebron|city|palestine|الخليل|Hebron|
jenin|city|palestine|جنين|Jenin|
nablus|city|palestine|نابلس|Nablus|
haifa|city|israel|حيفا|Haifa|
alexandria|city|egypt|الإسكندرية;الاسكندرية|Alexandria|
sinai|region|egypt|سيناء|Sinai|
giza|city|egypt|الجيزة|Giza|
aswan|city|egypt|أسوان;اسوان|Aswan|
luxor|city|egypt|الأقصر|Luxor|
port_said|city|egypt|بورسعيد;بور سعيد|Port Said|
suez|city|egypt|السويس|Suez|
benghazi|city|libya|بنغازي|Benghazi|
tripoli|city|libya|طرابلس|Tripoli|
misrata|city|libya|مصراتة|Misrata|
darfur|region|sudan|دارفور|Darfur|
kandahar|city|afghanistan|قندهار|Kandahar|
karachi|city|pakistan|كراتشي|Karachi|
lahore|city|pakistan|لاهور|Lahore|
mumbai|city|india|مومباي|Mumbai|
kashmir|region|india|كشمير|Kashmir|
shanghai|city|china|شنغهاي|Shanghai|
hong_kong|city|china|هونغ كونغ;هونج كونج|Hong Kong|
taiwan|country|taiwan|تايوان;تايبيه|Taiwan;Taipei|تايواني
xinjiang|region|china|شينجيانغ|Xinjiang|
tehran_region|region|iran|خوزستان;الأهواز;الاهواز|Khuzestan;Ahvaz|
hormuz|region|iran|هرمز;مضيق هرمز|Hormuz|
red_sea|region||البحر الأحمر;البحر الاحمر|Red Sea|
black_sea|region||البحر الأسود;البحر الاسود|Black Sea|
mediterranean|region||البحر المتوسط;البحر الأبيض المتوسط|Mediterranean|
gulf|region||الخليج;الخليج العربي|Gulf|خليجي
middle_east|region||الشرق الأوسط;الشرق الاوسط|Middle East|
europe|region||أوروبا;اوروبا;أوربا|Europe|أوروبي;اوروبي;أوربي
africa|region||أفريقيا;افريقيا;إفريقيا|Africa|أفريقي;افريقي
asia|region||آسيا;اسيا|Asia|آسيوي
"""

_PEOPLE = """
putin|بوتين;فلاديمير بوتين;بوتن|Putin;Vladimir Putin
trump|ترامب;دونالد ترامب;ترمب|Trump;Donald Trump
zelensky|زيلينسكي;زيلنسكي;فولوديمير زيلينسكي;زيلينسكى|Zelensky;Zelenskyy;Volodymyr Zelensky
witkoff|ويتكوف;ويكتوف;ستيف ويتكوف|Witkoff;Steve Witkoff
biden|بايدن;جو بايدن|Biden;Joe Biden
rubio|روبيو;ماركو روبيو|Rubio;Marco Rubio
vance|فانس;جيه دي فانس|Vance;JD Vance
kellogg|كيلوغ;كيلوج|Kellogg
lavrov|لافروف;سيرغي لافروف;سيرجي لافروف|Lavrov;Sergei Lavrov
peskov|بيسكوف;ديمتري بيسكوف;دميتري بيسكوف|Peskov;Dmitry Peskov
ushakov|أوشاكوف;اوشاكوف;يوري أوشاكوف|Ushakov
dmitriev|دميترييف;ديميترييف;كيريل دميترييف|Dmitriev;Kirill Dmitriev
medvedev|ميدفيديف;مدفيديف|Medvedev
shoigu|شويغو|Shoigu
sybiha|سيبيها|Sybiha
umerov|عمروف;أوميروف|Umerov
yermak|يرماك|Yermak
erdogan|أردوغان;اردوغان;رجب طيب أردوغان|Erdogan;Erdoğan
macron|ماكرون;إيمانويل ماكرون|Macron
merkel|ميركل;أنجيلا ميركل|Merkel
starmer|ستارمر|Starmer
xi|شي جين بينغ;شي جينبينغ|Xi Jinping
modi|مودي;ناريندرا مودي|Modi
netanyahu|نتنياهو;نتانياهو;نتينياهو;بنيامين نتنياهو|Netanyahu
guterres|غوتيريش;غوتيريس;أنطونيو غوتيريش|Guterres
khamenei|خامنئي;علي خامنئي|Khamenei
rouhani|روحاني;حسن روحاني|Rouhani
assad|الأسد;بشار الأسد|Assad;Bashar al-Assad
sisi|السيسي;عبد الفتاح السيسي|Sisi;el-Sisi
abbas|عباس;محمود عباس|Abbas;Mahmoud Abbas
salman|الملك سلمان;سلمان بن عبدالعزيز;سلمان بن عبد العزيز|King Salman
mbs|محمد بن سلمان;ولي العهد محمد بن سلمان|Mohammed bin Salman;MBS
pompeo|بومبيو;مايك بومبيو|Pompeo
tillerson|تيلرسون|Tillerson
bolton|بولتون|Bolton
obama|أوباما;اوباما;باراك أوباما|Obama
kim_jong_un|كيم جونغ أون;كيم جونغ اون|Kim Jong Un
haftar|حفتر;خليفة حفتر|Haftar
khashoggi|خاشقجي;جمال خاشقجي|Khashoggi
"""

_ORGS = """
kremlin|الكرملين|Kremlin
white_house|البيت الأبيض;البيت الابيض|White House
pentagon|البنتاغون;البنتاجون|Pentagon
un|الأمم المتحدة;الامم المتحدة|UN;United Nations
security_council|مجلس الأمن;مجلس الامن|Security Council
nato|الناتو;حلف شمال الأطلسي;حلف الناتو|NATO
eu|الاتحاد الأوروبي;الاتحاد الاوروبي|EU;European Union
imf|صندوق النقد الدولي|IMF
world_bank|البنك الدولي|World Bank
opec|أوبك;اوبك|OPEC
red_cross|الصليب الأحمر;الصليب الاحمر|Red Cross
hamas|حماس;حركة حماس|Hamas
hezbollah|حزب الله|Hezbollah
isis|داعش;تنظيم الدولة|ISIS
taliban|طالبان|Taliban
houthis|الحوثيين;الحوثيون;الحوثي;أنصار الله|Houthis
aramco|أرامكو;ارامكو|Aramco
hrw|هيومن رايتس ووتش|Human Rights Watch
amnesty|العفو الدولية;منظمة العفو الدولية|Amnesty International
reuters|رويترز|Reuters
"""


@dataclass(frozen=True)
class Entry:
    kind: str  # "place" | "person" | "org"
    slug: str  # stable key: "moscow", "putin"
    level: str = ""  # places: country | city | region
    country: str = ""  # places: slug of the country it lies in


def _rows(table: str) -> list[list[str]]:
    return [line.split("|") for line in table.strip().splitlines() if line.strip()]


def _nisba_forms(stem: str) -> list[str]:
    # Adjective forms a reader meets: "روسي", "الروسية", "الروس" (plural given as its own stem), "روسيين".
    return [stem + suffix for suffix in ("", "ه", "ين", "ون", "ان", "تين", "تان")]


def _build() -> tuple[dict[tuple[str, ...], Entry], dict[str, Entry]]:
    """Phrase index (normalized token tuples -> entry) and a Latin-name index (lower-case -> entry)."""
    phrases: dict[tuple[str, ...], Entry] = {}
    latin: dict[str, Entry] = {}

    def add(spellings: str, entry: Entry) -> None:
        for spelling in filter(None, (s.strip() for s in spellings.split(";"))):
            if spelling.isascii():
                latin[spelling.lower()] = entry
            else:
                phrases.setdefault(tuple(normalize(spelling).split()), entry)

    for slug, level, country, arabic, latin_names, nisbas in _rows(_PLACES):
        entry = Entry("place", slug, level, country or slug)
        add(arabic, entry)
        add(latin_names, entry)
        for stem in filter(None, nisbas.split(";")):
            add(";".join(_nisba_forms(stem)), entry)
    for kind, table in (("person", _PEOPLE), ("org", _ORGS)):
        for slug, arabic, latin_names in _rows(table):
            entry = Entry(kind, slug)
            add(arabic, entry)
            add(latin_names, entry)
    return phrases, latin


PHRASES, LATIN_NAMES = _build()
MAX_PHRASE_LEN = max(len(p) for p in PHRASES)
# The first word of every phrase: a cheap filter before trying multi-word matches.
FIRST_WORDS: frozenset[str] = frozenset(p[0] for p in PHRASES)
