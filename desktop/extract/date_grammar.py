"""How each supported language writes a date: word order, case endings and the small
words around a date. Data only; ``date_multilingual`` turns it into patterns.

Month names are not here: they come from CLDR (``date_months``). What is here is grammar
CLDR does not carry: which order day, month and year take, the endings a month stem and
a day number take in running text, the words that open and join a range, the words that
mark a number as a year ("года", "-ci il", "yılında", "թվականի", "წლის"), and the
words for seasons, decades, centuries and for "about"/"probably"/"since".

Each regex fragment is written without capturing groups; word boundaries are added by
the pattern builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A Latin or Cyrillic letter run that an agglutinative language attaches to a number
# with a hyphen or apostrophe ("26-da", "1992-ci", "11–13-ü", "1992'de").
_SUFFIX = r"[^\W\d_]{1,5}"


@dataclass(frozen=True)
class DateGrammar:
    """One language's date grammar (see the module docstring)."""

    locales: tuple[str, ...]
    orders: tuple[str, ...] = ("DMY",)  # "DMY", "YMD" (az, hy), "YDM" (ka)
    stem_endings: tuple[str, ...] = ()  # taken off a CLDR month name to get its stem
    case_endings: tuple[str, ...] = ()  # put on a stem in running text
    apostrophe_endings: bool = False  # Turkish "Şubat'ta"
    extra_abbreviations: dict[str, int] = field(default_factory=dict)
    day: str = r"[0-3]?\d"
    year_suffix: str = ""  # optional words after a year inside a date ("года", "-ci il")
    year_marker: str = ""  # words after a bare year that make it a year ("году", "yılında")
    year_before: str = ""  # words before a bare year that make it a year ("в", "en", "nel")
    loose_years: bool = False  # a preposition alone is enough for years 1800–2049
    month_word: str = ""  # a word for "month" after the month's name ("fevral ayında")
    day_month: str = r"\s+"
    month_year: str = r",?\s+"
    year_month: str = r"\s+"
    month_day: str = r"\s+"
    range_open: str = ""  # "с", "du", "entre el": opens a range of days or years
    range_to: str = ""  # "по", "au", "bis": joins the two ends (besides a dash)
    range_and: str = ""  # "y el", "et le", "und": joins them only after range_open
    seasons: dict[str, int] = field(default_factory=dict)  # word (lower case) -> EDTF code
    season_year: str = r"\s+"  # between a season and its year ("de", "del")
    season_before_year: bool = True  # "весной 1992 года", "au printemps 1992"
    season_after_year: bool = False  # "1992-ci ilin yazında", "2000 yılının baharında"
    syncope: str = ""  # vowels a stem drops before an ending (Georgian "იანვარი" -> "იანვრის")
    decades: tuple[str, ...] = ()  # regexes with group dec (digits) or decw (a word)
    decade_words: dict[str, int] = field(default_factory=dict)  # "novanta" -> 1990
    centuries: tuple[str, ...] = ()  # regexes with group rom (I–XXI) or cn (digits)
    century_words: dict[str, int] = field(default_factory=dict)  # "novecento" -> 20
    approximate: str = ""  # words before a date that make it approximate
    approximate_after: str = ""
    uncertain: str = ""  # words before a date that make it uncertain
    since: str = ""  # words before a year that open an interval ("depuis 1991")
    since_after: str = ""  # words after it ("1991-ci ildən bəri", "1991'den beri")


# Roman numerals I–XXI for centuries ("XX век", "siglo XX", "XXe siècle").
ROMAN = r"(?P<rom>XXI|XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"

_RU_YEAR = r"(?:года|году|годом|годах|годов|годами|годы|год|гг?\.|гг|г)"
_UK_YEAR = r"(?:року|році|роком|роках|років|роками|роки|рік|рр?\.|рр|р)"
_AZ_YEAR = r"(?:il|ил)[^\W\d_]{0,6}"
_TR_YEAR = r"(?:yılında|yılının|yılından|yılına|yılıydı|yılı|yılda|tarihinde|tarihinden|tarihli)"
_HY_YEAR = r"(?:թվական(?:ներ)?(?:ին|ից|ի|ը|ն)?|թթ?\.)"
_KA_YEAR = r"(?:წლის|წელს|წელი|წლიდან|წლამდე|წელსვე|წ\.)"
_KA_CASES = ("ი", "ს", "ში", "ის", "იდან", "დან", "ამდე", "მდე", "ზე", "ით", "ისა")


def _with_georgian_particles(endings: tuple[str, ...]) -> tuple[str, ...]:
    """Georgian case endings, and each with the particles that follow a case: "also"
    (-ც after a vowel, -აც after a consonant: "ივნისსაც") and "the same" (-ვე: "წელსვე")."""
    vowels = "აეიოუ"
    found = list(endings)
    for ending in endings:
        found.append(ending + ("ც" if ending[-1] in vowels else "აც"))
        found.append(ending + "ვე")
    return tuple(found)


GRAMMARS: dict[str, DateGrammar] = {
    "en": DateGrammar(
        locales=("en",),
        extra_abbreviations={"Sept": 9},
        # The English patterns live in date_patterns_en; these words only qualify them.
        approximate=r"around|about|approximately|circa|roughly",
        uncertain=r"probably|possibly|presumably|perhaps",
    ),
    "ru": DateGrammar(
        locales=("ru",),
        stem_endings=("я", "а", "ь", "й"),
        case_endings=("ь", "я", "е", "ю", "ем", "ём", "а", "у", "ом", "й"),
        day=r"[0-3]?\d(?:-?(?:го|е|м|ое))?",
        year_suffix=rf"(?:\s*-?(?:го|м|й))?(?:\s*{_RU_YEAR}(?![^\W\d_]))?",
        year_marker=rf"(?:\s*-?(?:го|м|й))?\s*{_RU_YEAR}(?![^\W\d_])",
        year_before=r"в|во|с|до|после|к|по|от|между|около|примерно|начиная\s+с",
        range_open=r"с|от|между",
        range_to=r"по|до|на",  # "в ночь с 25 на 26 февраля"
        range_and=r"и",
        seasons={
            "весной": 21,
            "весна": 21,
            "весны": 21,
            "весне": 21,
            "летом": 22,
            "лето": 22,
            "лета": 22,
            "осенью": 23,
            "осень": 23,
            "осени": 23,
            "зимой": 24,
            "зима": 24,
            "зимы": 24,
            "зиме": 24,
        },
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)-?(?:х|е|ые|ых|ми)(?:\s+(?:годах|годов|годы|годами|гг\.?))?",
            r"(?P<dec2>[1-9]0)-?(?:х|е|ые|ых)\s+(?:годах|годов|годы|годами|гг\.?)",
        ),
        centuries=(
            rf"(?:{ROMAN}|(?P<cn>[12]?\d)(?:-?(?:й|го|м|ом))?)\s+(?:век|века|веке|веку|веков|столетия|столетие|вв?\.)",
        ),
        approximate=r"около|примерно|приблизительно|ок\.|где-то|порядка",
        uncertain=r"вероятно|предположительно|возможно|по-видимому|видимо|по\s+всей\s+видимости",
        since=r"с|начиная\s+с|со",
    ),
    "uk": DateGrammar(
        locales=("uk",),
        stem_endings=("ого", "я", "а", "ь", "ий"),
        case_endings=("я", "і", "ю", "ем", "ого", "ому", "ий", "им", "а", "у", "ом", "ень"),
        day=r"[0-3]?\d(?:-?(?:го|е|м|ого))?",
        year_suffix=rf"(?:\s*-?(?:го|му|й))?(?:\s*{_UK_YEAR}(?![^\W\d_]))?",
        year_marker=rf"(?:\s*-?(?:го|му|й))?\s*{_UK_YEAR}(?![^\W\d_])",
        year_before=r"у|в|з|із|до|після|від|між|близько|приблизно|починаючи\s+з",
        range_open=r"з|із|від|між",
        range_to=r"по|до|на",
        range_and=r"і|й|та",
        seasons={
            "навесні": 21,
            "весною": 21,
            "весна": 21,
            "весни": 21,
            "весні": 21,
            "влітку": 22,
            "улітку": 22,
            "літом": 22,
            "літо": 22,
            "літа": 22,
            "восени": 23,
            "осінь": 23,
            "осені": 23,
            "осінню": 23,
            "взимку": 24,
            "узимку": 24,
            "зимою": 24,
            "зима": 24,
            "зими": 24,
        },
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)-?(?:х|ті|тих|ми)(?:\s+(?:роках|років|роки|рр\.?))?",
            r"(?P<dec2>[1-9]0)-?(?:х|ті|тих)\s+(?:роках|років|роки|рр\.?)",
        ),
        centuries=(
            rf"(?:{ROMAN}|(?P<cn>[12]?\d)(?:-?(?:й|го|му|ому))?)\s+(?:століття|сторіччя|століттях|ст\.)",
        ),
        approximate=r"близько|приблизно|біля|орієнтовно|десь",
        uncertain=r"ймовірно|імовірно|можливо|вірогідно|мабуть|найімовірніше|певно",
        since=r"з|із|від|починаючи\s+з",
    ),
    "az": DateGrammar(
        locales=("az", "az_Cyrl"),
        orders=("YMD", "DMY"),
        case_endings=(
            "ın",
            "in",
            "un",
            "ün",
            "da",
            "də",
            "ta",
            "tə",
            "dan",
            "dən",
            "tan",
            "tən",
            "a",
            "ə",
            "ı",
            "i",
            "u",
            "ü",
            "ya",
            "yə",
            "nda",
            "ndə",
            "dək",
            "ınadək",
            "ında",
            "ində",
            "unda",
            "ündə",
            "ından",
            "indən",
            "ına",
            "inə",
            "ын",
            "ин",
            "ун",
            "үн",
            "да",
            "дә",
            "дан",
            "дән",
            "а",
            "ә",
            "ы",
            "и",
            "у",
            "ү",
        ),
        day=rf"[0-3]?\d(?:-{_SUFFIX})?",
        year_suffix=rf"(?:-?{_SUFFIX})?(?:\s+{_AZ_YEAR})?",
        year_marker=(
            rf"-?(?:c[iıuü]|ҹ[иыуү]|[iıuü]nc[iıuü])\s+{_AZ_YEAR}"
            r"|-?(?:də|da|ta|tə|дә|да)(?![^\W\d_])"
            r"|-?(?:dən|dan|tən|tan)\s+(?:bəri|etibarən|sonra|əvvəl)"
        ),
        month_word=r"\s+ay[^\W\d_]*",
        range_to=r"-?(?:dən|dan|дән|дан)",
        seasons={"yaz": 21, "yay": 22, "payız": 23, "qış": 24},
        season_before_year=False,
        season_after_year=True,
        decades=(
            rf"(?P<dec>1[0-9]{{2}}0|20[0-9]0)(?:-?{_SUFFIX})?\s+(?:illər|иллəр)[^\W\d_]*",
            rf"(?P<dec2>[1-9]0)(?:-?{_SUFFIX})?\s+(?:illər|иллəр)[^\W\d_]*",
        ),
        centuries=(rf"(?:{ROMAN}|(?P<cn>[12]?\d)(?:-?{_SUFFIX})?)\s+(?:əsr|әср)[^\W\d_]*",),
        approximate=r"təxminən|təqribən|təxm\.|тәхминән",
        approximate_after=r"(?:civarında|ətrafında|radələrində)",
        uncertain=r"ehtimal\s+ki|ehtimal|yəqin\s+ki|güman\s+ki|bəlkə\s+də|bəlkə",
        since_after=r"(?:dən|dan|tən|tan)\s+(?:bəri|etibarən)",
    ),
    "tr": DateGrammar(
        locales=("tr",),
        case_endings=(
            "ta",
            "te",
            "da",
            "de",
            "ın",
            "in",
            "un",
            "ün",
            "ı",
            "i",
            "u",
            "ü",
            "a",
            "e",
            "dan",
            "den",
            "tan",
            "ten",
            "ya",
            "ye",
            "nda",
            "nde",
            "ında",
            "inde",
            "unda",
            "ünde",
            "na",
            "ne",
        ),
        apostrophe_endings=True,
        day=rf"[0-3]?\d(?:['’]{_SUFFIX})?",
        year_suffix=rf"(?:['’]{_SUFFIX})?(?:\s+{_TR_YEAR})?",
        year_marker=(
            rf"\s+{_TR_YEAR}|['’](?:de|da|te|ta)(?![^\W\d_])"
            r"|['’](?:den|dan|ten|tan)\s+(?:beri|itibaren|sonra|önce)"
        ),
        year_before=r"yaklaşık|tahminen",
        month_word=r"\s+ay[^\W\d_]*",
        range_to=r"ile",
        seasons={"ilkbahar": 21, "bahar": 21, "yaz": 22, "sonbahar": 23, "güz": 23, "kış": 24},
        season_after_year=True,
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)['’](?:lı|li|lu|lü|lar|ler)[^\W\d_]*(?:\s+yıllar[^\W\d_]*)?",
            r"(?P<dec2>[1-9]0)['’](?:lı|li|lu|lü|lar|ler)[^\W\d_]*(?:\s+yıllar[^\W\d_]*)?",
        ),
        centuries=(rf"(?:{ROMAN}|(?P<cn>[12]?\d))\.?\s+(?:yüzyıl|yy\.|asır)[^\W\d_]*",),
        approximate=r"yaklaşık(?:\s+olarak)?|aşağı\s+yukarı|tahminen",
        approximate_after=r"\s*(?:civarında|sıralarında|dolaylarında|civarı|sularında)",
        uncertain=r"muhtemelen|büyük\s+olasılıkla|belki|galiba",
        since_after=r"['’](?:den|dan|ten|tan)\s+(?:beri|itibaren|sonra)",
    ),
    "hy": DateGrammar(
        locales=("hy",),
        orders=("YMD", "DMY"),
        stem_endings=("ի",),
        case_endings=("ի", "ին", "ից", "ում", "ը", "ն", "ով"),
        day=r"[0-3]?\d(?:-?(?:ին|ը|ի|ն|րդ))?",
        year_suffix=rf"(?:\s*{_HY_YEAR})?(?:-?(?:ին|ից|ի|ը))?",
        year_marker=rf"\s*{_HY_YEAR}|-(?:ին|ից|ի)(?![^\W\d_])",
        range_to=r"-?ից(?:\s+մինչև)?|մինչև",
        seasons={
            "գարուն": 21,
            "գարնանը": 21,
            "գարնան": 21,
            "ամառ": 22,
            "ամռանը": 22,
            "ամռան": 22,
            "աշուն": 23,
            "աշնանը": 23,
            "աշնան": 23,
            "ձմեռ": 24,
            "ձմռանը": 24,
            "ձմռան": 24,
        },
        season_after_year=True,
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)-?ական[^\W\d_]*(?:\s+թվական[^\W\d_]*)?",
            r"(?P<dec2>[1-9]0)-?ական[^\W\d_]*(?:\s+թվական[^\W\d_]*)?",
        ),
        centuries=(rf"(?:{ROMAN}|(?P<cn>[12]?\d)(?:-?րդ)?)\s+դար[^\W\d_]*",),
        approximate=r"մոտ|մոտավորապես|շուրջ|մոտավոր",
        uncertain=r"հավանաբար|ենթադրաբար|երևի|հնարավոր\s+է",
        since_after=r"-?ից\s+(?:ի\s+վեր|սկսած)",
    ),
    "ka": DateGrammar(
        locales=("ka",),
        orders=("YDM", "DMY"),
        stem_endings=("ი",),
        case_endings=_with_georgian_particles(_KA_CASES),
        syncope="აე",
        day=r"[0-3]?\d(?:-?(?:ში|ს|ი|მდე|ზე))?",
        year_suffix=rf"(?:\s*{_KA_YEAR})?",
        year_marker=rf"\s*{_KA_YEAR}",
        range_to=r"-?დან|(?<=დან)",
        seasons={
            "გაზაფხული": 21,
            "გაზაფხულზე": 21,
            "გაზაფხულის": 21,
            "ზაფხული": 22,
            "ზაფხულში": 22,
            "ზაფხულის": 22,
            "შემოდგომა": 23,
            "შემოდგომაზე": 23,
            "შემოდგომის": 23,
            "ზამთარი": 24,
            "ზამთარში": 24,
            "ზამთრის": 24,
        },
        season_after_year=True,
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)-?იან[^\W\d_]*\s+წლ[^\W\d_]*",
            r"(?P<dec2>[1-9]0)-?იან[^\W\d_]*\s+წლ[^\W\d_]*",
        ),
        centuries=(rf"(?:{ROMAN}|მე-(?P<cn>[12]?\d)(?:-?ე)?)\s+საუკუნ[^\W\d_]*",),
        approximate=r"დაახლოებით|დაახლ\.|სადღაც|მიახლოებით",
        uncertain=r"სავარაუდოდ|ალბათ|შესაძლოა|შესაძლებელია",
        since_after=r"\s*წლიდან(?:\s+(?:მოყოლებული|დღემდე))?",
    ),
    "fr": DateGrammar(
        locales=("fr",),
        day=r"(?:1er|1re|[0-3]?\d)",
        year_before=r"en|depuis|dès|vers|jusqu['’]en|avant|après|entre|l['’]an|année|fin|début",
        loose_years=True,
        range_open=r"du|entre\s+le|entre|les|de",
        range_to=r"au|à",
        range_and=r"et\s+le|et",
        seasons={"printemps": 21, "été": 22, "automne": 23, "hiver": 24},
        season_year=r"\s+(?:de\s+)?",
        decades=(r"années\s+(?:(?P<dec>1[0-9]{2}0|20[0-9]0)|['’]?(?P<dec2>[1-9]0))",),
        centuries=(rf"(?:{ROMAN}|(?P<cn>[12]?\d))\s*(?:e|ème|è|ᵉ)\s+siècle",),
        approximate=r"vers|environ|aux\s+alentours\s+de|autour\s+de|approximativement|à\s+peu\s+près\s+en",
        uncertain=r"probablement|peut-être|sans\s+doute|vraisemblablement|présumément",
        since=r"depuis|dès",
    ),
    "es": DateGrammar(
        locales=("es",),
        day=r"[0-3]?\d[º°]?",
        day_month=r"\s+de\s+",
        month_year=r"\s+(?:de(?:l)?\s+)?",
        year_before=(
            r"en|desde|hacia|hasta|año|antes\s+de|después\s+de|entre"
            r"|(?:finales|fines|principios|comienzos|mediados)\s+de"
        ),
        loose_years=True,
        range_open=r"del|entre\s+el|desde\s+el|entre|los|el",
        range_to=r"al|a|hasta\s+el",
        range_and=r"y\s+el|y",
        seasons={"primavera": 21, "verano": 22, "otoño": 23, "invierno": 24},
        season_year=r"\s+(?:de(?:l)?\s+)?",
        decades=(
            r"años\s+(?:(?P<dec>1[0-9]{2}0|20[0-9]0)|['’]?(?P<dec2>[1-9]0)|(?P<decw>[^\W\d_]+))",
            r"década\s+de(?:\s+los)?\s+(?:(?P<dec3>1[0-9]{2}0|20[0-9]0)|(?P<decw2>[^\W\d_]+))",
        ),
        decade_words={
            "veinte": 1920,
            "treinta": 1930,
            "cuarenta": 1940,
            "cincuenta": 1950,
            "sesenta": 1960,
            "setenta": 1970,
            "ochenta": 1980,
            "noventa": 1990,
        },
        centuries=(rf"siglo\s+(?:{ROMAN}|(?P<cn>[12]?\d))",),
        approximate=r"hacia|alrededor\s+de|aproximadamente|cerca\s+de|en\s+torno\s+a|hacia\s+el\s+año",
        uncertain=r"probablemente|posiblemente|quizás?|presumiblemente|tal\s+vez",
        since=r"desde",
    ),
    "it": DateGrammar(
        locales=("it",),
        day=r"[0-3]?\d[º°]?",
        month_year=r"\s+(?:del\s+)?",
        year_before=r"nel|dal|del|il|entro\s+il|fino\s+al|anno|prima\s+del|dopo\s+il",
        loose_years=True,
        range_open=r"dal|dall['’]|tra\s+il|fra\s+il|tra\s+l['’]|fra\s+l['’]",
        range_to=r"al|all['’]",
        range_and=r"e\s+il|e\s+l['’]|e",
        seasons={"primavera": 21, "estate": 22, "autunno": 23, "inverno": 24},
        season_year=r"\s+(?:del\s+)?",
        decades=(
            r"anni\s+(?:(?P<dec>1[0-9]{2}0|20[0-9]0)|['’]?(?P<dec2>[1-9]0)|(?P<decw>[^\W\d_]+))",
        ),
        decade_words={
            "venti": 1920,
            "trenta": 1930,
            "quaranta": 1940,
            "cinquanta": 1950,
            "sessanta": 1960,
            "settanta": 1970,
            "ottanta": 1980,
            "novanta": 1990,
            "duemila": 2000,
        },
        centuries=(
            rf"(?:{ROMAN}|(?P<cn>[12]?\d))\s*[º°]?\s+secolo",
            rf"secolo\s+{ROMAN}",
            r"(?:(?<=del )|(?<=nel )|(?<=dal )|(?<=al ))['’](?P<yy>\d{2})(?!\d)",  # "del '94"
            r"(?P<cw>Duecento|Trecento|Quattrocento|Cinquecento|Seicento|Settecento|Ottocento|Novecento)",
        ),
        century_words={
            "duecento": 13,
            "trecento": 14,
            "quattrocento": 15,
            "cinquecento": 16,
            "seicento": 17,
            "settecento": 18,
            "ottocento": 19,
            "novecento": 20,
        },
        approximate=r"circa|intorno\s+al|verso\s+il|attorno\s+al|all['’]incirca\s+nel",
        uncertain=r"probabilmente|presumibilmente|forse|verosimilmente",
        since=r"dal|sin\s+dal|fin\s+dal|a\s+partire\s+dal",
    ),
    "de": DateGrammar(
        locales=("de",),
        day=r"[0-3]?\d\.",
        day_month=r"\s*",
        year_before=r"im\s+Jahre?|seit|bis|ab|um|vor|nach|von|Jahre?|Anfang|Ende|Mitte|etwa|ca\.",
        loose_years=True,
        range_open=r"vom|von|zwischen\s+dem|zwischen|ab\s+dem",
        range_to=r"bis(?:\s+(?:zum|einschließlich))?",
        range_and=r"und(?:\s+dem)?",
        seasons={
            "frühling": 21,
            "frühjahr": 21,
            "sommer": 22,
            "herbst": 23,
            "winter": 24,
        },
        decades=(
            r"(?P<dec>1[0-9]{2}0|20[0-9]0)er(?:\s*-?\s*Jahre[n]?|n)?",
            r"(?P<decw>[Zz]wanziger|[Dd]reißiger|[Vv]ierziger|[Ff]ünfziger|[Ss]echziger|"
            r"[Ss]iebziger|[Aa]chtziger|[Nn]eunziger)(?:\s*-?\s*[Jj]ahre[n]?|n)",
        ),
        decade_words={
            "zwanziger": 1920,
            "dreißiger": 1930,
            "vierziger": 1940,
            "fünfziger": 1950,
            "sechziger": 1960,
            "siebziger": 1970,
            "achtziger": 1980,
            "neunziger": 1990,
        },
        centuries=(rf"(?:{ROMAN}\.?|(?P<cn>[12]?\d)\.)\s+Jahrhundert[^\W\d_]*",),
        approximate=r"um|etwa|ca\.|circa|gegen|rund|ungefähr",
        uncertain=r"vermutlich|wahrscheinlich|möglicherweise|vielleicht|mutmaßlich",
        since=r"seit|ab",
    ),
}
