"""How each language qualifies, bounds and labels numbers: grammar as plain data.

These are the hand-written rules the locale data cannot give: the words that say
"more than" or "about" (before the number, or after it as in Azerbaijani "50-dən
artıq" and Georgian "50-ზე მეტი"), how a range is built ("от 12 до 77", "dai 12 ai
77", "3-ից 82"), vague quantities ("десятки", "yüzlərlə", "une soixantaine"), and what
marks a number as a label rather than a count (ordinal endings, "статья 7", "5 saylı").
Alternatives are regular-expression fragments matched case-insensitively.
"""

from __future__ import annotations

# Qualifier words written before the number: fragment → qualifier.
QUALIFIERS_BEFORE: dict[str, dict[str, str]] = {
    "ru": {
        r"более|больше|свыше|сверх|более\s+чем|больше\s+чем": "more than",
        r"не\s+менее|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум|минимум|"
        r"по\s+крайней\s+мере": "at least",
        r"около|примерно|приблизительно|порядка|ориентировочно|где-то|чуть\s+более|"
        r"почти\s+около": "about",
        r"почти|едва\s+ли\s+не|без\s+малого|чуть\s+меньше|чуть\s+менее|около\s+почти": "nearly",
        r"до|вплоть\s+до": "up to",
        r"не\s+более|не\s+больше|максимум|самое\s+большее|не\s+превыша\w+": "at most",
        r"менее|меньше|меньше\s+чем|менее\s+чем": "fewer than",
    },
    "uk": {
        r"понад|більше|більш\s+ніж|більше\s+ніж|понад\s+як|свыше": "more than",
        r"щонайменше|принаймні|не\s+менше|не\s+менш\s+ніж|не\s+менше\s+ніж|не\s+менш\s+як|як\s+мінімум|"
        r"мінімум": "at least",
        r"близько|приблизно|орієнтовно|десь|коло": "about",
        r"майже|ледь\s+не|без\s+малого": "nearly",
        r"до|аж\s+до": "up to",
        r"не\s+більше|не\s+більш\s+ніж|не\s+більше\s+ніж|максимум|не\s+перевищу\w+": "at most",
        r"менше|менш\s+ніж|менше\s+ніж": "fewer than",
    },
    "az": {
        r"ən\s+azı|azı|ən\s+az|heç\s+olmasa|минимум|ән\s+азы": "at least",
        r"təxminən|təqribən|тәхминән|тәгрибән|təxmini": "about",
        r"demək\s+olar\s+ki": "nearly",
        r"ən\s+çox|maksimum|ән\s+чох": "at most",
    },
    "tr": {
        r"en\s+az|asgari": "at least",
        r"yaklaşık|tahminen|aşağı\s+yukarı|takriben|civarı": "about",
        r"neredeyse|hemen\s+hemen": "nearly",
        r"en\s+fazla|en\s+çok|azami": "at most",
    },
    "hy": {
        r"ավելի\s+քան|ավելի\s+շատ\s+քան": "more than",
        r"մոտ|մոտավորապես|շուրջ|շուրջ\s+մոտ|մոտ\s+կես": "about",
        r"առնվազն|նվազագույնը|գոնե": "at least",
        r"գրեթե|համարյա|մոտ\s+գրեթե": "nearly",
        r"մինչև": "up to",
        r"պակաս\s+քան|ավելի\s+քիչ\s+քան": "fewer than",
        r"առավելագույնը|ոչ\s+ավելի\s+քան|չի\s+գերազանցում": "at most",
    },
    "ka": {
        r"დაახლოებით|დაახლოვებით|თითქმის\s+დაახლოებით|მიახლოებით": "about",
        r"თითქმის|კინაღამ": "nearly",
        r"მინიმუმ|სულ\s+მცირე|არანაკლებ|არა\s+ნაკლებ|სულ\s+ცოტა": "at least",
        r"არაუმეტეს|არა\s+უმეტეს|მაქსიმუმ": "at most",
        r"ზე\s+მეტი": "more than",
    },
    "fr": {
        r"plus\s+de|plus\s+d['’]|au-delà\s+de|davantage\s+que": "more than",
        r"au\s+moins|pas\s+moins\s+de|au\s+minimum|minimum": "at least",
        r"environ|quelque|autour\s+de|approximativement|à\s+peu\s+près|quelque\s+|"
        r"dans\s+les|une\s+estimation\s+de|estimé\s+à|d['’]environ": "about",
        r"près\s+de|presque|pratiquement|quasiment|près\s+d['’]": "nearly",
        r"jusqu['’]à": "up to",
        r"au\s+plus|au\s+maximum|tout\s+au\s+plus|pas\s+plus\s+de": "at most",
        r"moins\s+de|moins\s+d['’]": "fewer than",
    },
    "es": {
        r"más\s+de|mayores\s+de|superior\s+a": "more than",
        # an adverb may come before the personal "a" ("mataron al menos a 126 vecinos")
        r"(?:al\s+menos|por\s+lo\s+menos|como\s+mínimo)(?:\s+a)?|no\s+menos\s+de": "at least",
        r"unos|unas|alrededor\s+de|aproximadamente|en\s+torno\s+a|aproximadamente\s+unos|"
        r"unos\s+aproximadamente": "about",
        r"(?:casi|prácticamente)(?:\s+a)?|cerca\s+de": "nearly",
        r"hasta": "up to",
        r"como\s+máximo|a\s+lo\s+sumo|no\s+más\s+de": "at most",
        r"menos\s+de|menores\s+de|inferior\s+a": "fewer than",
    },
    "de": {
        r"mehr\s+als|über|älter\s+als|gut|weit\s+über": "more than",
        r"mindestens|wenigstens|nicht\s+weniger\s+als|zumindest": "at least",
        r"etwa|rund|ungefähr|circa|ca\.|zirka|schätzungsweise|an\s+die|um\s+die|geschätzt|"
        r"geschätzte|geschätzten": "about",
        r"fast|beinahe|knapp|nahezu|annähernd": "nearly",
        r"bis\s+zu": "up to",
        r"höchstens|maximal|nicht\s+mehr\s+als|höchstens\s+jedoch|höchstens\s+aber": "at most",
        r"weniger\s+als|unter|jünger\s+als": "fewer than",
    },
    "it": {
        r"più\s+di|oltre|più\s+che|superano|supera|superato|superiore\s+a": "more than",
        r"almeno|non\s+meno\s+di|perlomeno|quanto\s+meno|come\s+minimo": "at least",
        r"circa|intorno\s+a|intorno\s+ai|attorno\s+a|attorno\s+ai|approssimativamente|sui|"
        r"sulle|sugli|una\s+stima\s+di|stimati|stimate": "about",
        r"quasi|pressoché|poco\s+meno\s+di": "nearly",
        r"fino\s+a|sino\s+a": "up to",
        r"al\s+massimo|non\s+più\s+di": "at most",
        r"meno\s+di|inferiore\s+a|minori\s+di|sotto\s+i": "fewer than",
    },
}

# Qualifiers written after the number (with the case ending it governs), or after the
# counted noun in the ablative ("5 min nəfərdən çox"): fragment → qualifier.
QUALIFIERS_AFTER: dict[str, dict[str, str]] = {
    "ru": {
        r"\s+с\s+лишним|\s+с\s+небольшим": "more than",
        r"\s+или\s+более|\s+и\s+более": "at least",
    },
    "uk": {
        r"\s+з\s+лишком|\s+з\s+гаком": "more than",
        r"\s+і\s+більше|\s+або\s+більше": "at least",
    },
    "az": {
        r"[-‑']?(?:n?dən|n?dan|н?дән|н?дан)\s+(?:çox|artıq|чох|артыг|yuxarı)": "more than",
        r"[-‑']?(?:n?dən|n?dan|н?дән|н?дан)\s+(?:az|aşağı|аз)": "fewer than",
        r"[-‑']?(?:y?ə|y?a|n?ə|n?a|јә|ја)\s+(?:yaxın|јахын)": "nearly",
        r"[-‑']?(?:y?ə|y?a|n?ə|n?a|јә|ја)\s+(?:qədər|гәдәр)|[-‑']?(?:dək|dak|дәк)": "up to",
        r"(?:\s+[^\W\d]+)?\s+(?:çox|artıq|чох|артыг)(?!\w)": "more than",
        r"(?:\s+[^\W\d]+)?\s+(?:yaxın|јахын)(?!\w)": "nearly",
        r"(?:\s+[^\W\d]+)?\s+(?:qədər|гәдәр)(?!\w)": "up to",
        r"(?:\s+[^\W\d]+)?\s+(?:az|azı|аз)(?!\w)": "fewer than",
        r"\s+(?!indiyə|bu\s*günə|axşama|səhərə|gecəyə|sonadək)[^\W\d]+(?:dək|dak|дәк)(?!\w)": (
            "up to"
        ),
        r"(?:\s+[^\W\d]+)?\s+(?:keçmir|aşmır)": "at most",
        # the number in the accusative, then "exceeds": "400-ü keçir", "400-ү кечир"
        r"[-‑']?(?:y?[ıiuü]|ј?[ыиуү])\s+(?:keçir|keçib|keçdi|keçmiş|ötür|ötüb|ötdü|aşır|aşıb|"
        r"aşdı|кечир|кечиб|кечди|өтүр|өтүб|өтдү|ашыр|ашыб|ашды)(?!m)\w*": "more than",
        r"[-‑']?(?:y?[ıiuü]|ј?[ыиуү])\s+(?:keçmir|aşmır|кечмир|ашмыр)": "at most",
    },
    "tr": {
        r"['’]?(?:n?den|n?dan|n?ten|n?tan)\s+(?:fazla|çok|ziyade)": "more than",
        r"['’]?(?:n?den|n?dan|n?ten|n?tan)\s+(?:az|aşağı)": "fewer than",
        r"['’]?(?:y?e|y?a|n?e|n?a)\s+yakın": "nearly",
        r"['’]?(?:y?e|y?a|n?e|n?a)\s+kadar": "up to",
        r"\s+kadar|\s+civarında|\s+dolayında": "about",
        r"(?:(?<=den)|(?<=dan)|(?<=ten)|(?<=tan))\s+(?:fazla|çok|ziyade)": "more than",
        r"\s+[^\W\d]+(?:den|dan|ten|tan)\s+(?:fazla|çok|ziyade)": "more than",
        r"(?:\s+[^\W\d]+)?\s+yakın(?!\w)": "nearly",
        r"\s+(?!bugüne|şimdiye|akşama|sabaha|geceye|sonuna)[^\W\d]+(?:ya|ye|a|e)\s+kadar": (
            "up to"
        ),
        r"(?:\s+[^\W\d]+)?\s+(?:geçmiyor|aşmıyor|geçmez|aşmaz)": "at most",
        # the number in the accusative, then "exceeding": "1.200'ü aşkın", "300'ü geçen"
        r"['’]?(?:y?[ıiuü])\s+(?:aşkın|aşan|geçkin|geçen|aştı|geçti|aşıyor|geçiyor)": "more than",
    },
    "hy": {
        r"[-‑]?ից\s+ավելի": "more than",
        r"[-‑]?ից\s+պակաս": "fewer than",
        r"[-‑]?ի\s+մոտ": "about",
        r"\s+[^\W\d]+ից\s+ավելի": "more than",
        r"\s+[^\W\d]+ից\s+պակաս": "fewer than",
    },
    "ka": {
        r"[-‑]?(?:ზე|ზედ)\s+მეტი?|[-‑]?ზე\s+მეტ\w*": "more than",
        r"[-‑]?(?:ზე)\s+ნაკლები?": "fewer than",
        r"[-‑]?(?:მდე|ამდე)": "up to",
        r"[-‑]?(?:მდე|ამდე)\s+დაახლოებით": "about",
        r"(?:\s+[^\W\d]+)?\s+არ\s+აღემატება": "at most",
        r"(?<=ზე)\s+მეტ\w*": "more than",
        r"(?<=ზე)\s+ნაკლებ\w*": "fewer than",
        r"(?<=მდე)(?!\w)": "up to",
        r"\s+[^\W\d]+ზე\s+მეტ\w*": "more than",
        r"\s+[^\W\d]+ზე\s+ნაკლებ\w*": "fewer than",
        r"\s+(?!დღემდე|ახლამდე|დილამდე|საღამომდე|ბოლომდე)[^\W\d]+მდე(?!\w)": "up to",
    },
    "fr": {r"\s+ou\s+plus|\s+et\s+plus": "at least"},
    "es": {r"\s+o\s+más|\s+y\s+pico": "at least"},
    "de": {r"\s+oder\s+mehr|\s+und\s+mehr": "at least"},
    "it": {r"\s+o\s+più|\s+e\s+più": "at least"},
}

# Between two numbers of one range, and an optional opener before the first:
# "от 12 до 77", "dai 12 ai 77", "zwischen 40 und 60", "3-ից 82", "50-dən 100-dək".
RANGE_BETWEEN: dict[str, str] = {
    "ru": r"\s*[-–—]\s*|\s+(?:до|по)\s+|\s+или\s+",
    "uk": r"\s*[-–—]\s*|\s+(?:до|по)\s+|\s+або\s+",
    "az": r"[-‑']?(?:n?dən|n?dan|н?дән|н?дан)\s+|\s*[-–—]\s*|\s+(?:ilə|və|ила)\s+",
    "tr": r"['’]?(?:n?den|n?dan|n?ten|n?tan)\s+|\s*[-–—]\s*|\s+(?:ile|ila|ve)\s+",
    "hy": r"[-‑]?ից\s+|\s*[-–—]\s*|\s+(?:և|ու)\s+",
    "ka": r"[-‑]?(?:დან|იდან)\s+|\s*[-–—]\s*|\s+(?:და)\s+",
    "fr": r"\s*[-–—]\s*|\s+(?:à|et)\s+",
    "es": r"\s*[-–—]\s*|\s+(?:a|y|e|hasta)(?:\s+(?:el|la|los|las))?\s+",
    "de": r"\s*[-–—]\s*|\s+(?:bis|und)\s+",
    "it": r"\s*[-–—]\s*|\s+(?:a|ai|al|alle|agli|e)(?:\s+(?:i|il|gli|le|la))?\s+|"
    r"\s+(?:e\s+l|all)['’]",
}
# Words before the first number that make "X and Y" a range (not two figures).
RANGE_OPENERS: dict[str, str] = {
    "ru": r"от|между|с",
    "uk": r"від|між|з",
    "az": r"",
    "tr": r"",
    "hy": r"",
    "ka": r"",
    "fr": r"de|d['’]|entre",
    "es": r"(?:de|entre|desde)(?:\s+(?:el|la|los|las))?",
    "de": r"von|zwischen",
    "it": r"(?:da|dal|dai|dalle|dagli|dall['’]|tra|fra)(?:\s+(?:i|il|gli|le|la))?",
}
# Separators that are a range only after an opener ("entre 40 y 60", not "40 y 60").
RANGE_NEEDS_OPENER: dict[str, str] = {
    "ru": r"до|по|или",
    "uk": r"до|по|або",
    "az": r"ilə|və|ила",
    "tr": r"ile|ila|ve",
    "hy": r"և|ու",
    "ka": r"და",
    "fr": r"à|et",
    "es": r"(?:a|y|e|hasta)(?:\s+(?:el|la|los|las))?",
    "de": r"und",
    "it": r"(?:a|ai|al|alle|agli|e)(?:\s+(?:i|il|gli|le|la))?|(?:e\s+l|all)['’]",
}

# Vague quantities: fragment → (value, upper). Upper None: "about N" ("une soixantaine").
_DOZENS = (20.0, 99.0)
_HUNDREDS = (200.0, 999.0)
_THOUSANDS = (2000.0, 9999.0)
_TENS_OF_THOUSANDS = (20000.0, 99000.0)  # a scale word multiplies: 20–99 × 1000
_HUNDREDS_OF_THOUSANDS = (200000.0, 999000.0)
_MILLIONS = (2_000_000.0, 9_999_999.0)
VAGUE: dict[str, dict[str, tuple[float, float | None]]] = {
    "en": {
        r"tens\s+of\s+thousands": _TENS_OF_THOUSANDS,
        r"hundreds\s+of\s+thousands": _HUNDREDS_OF_THOUSANDS,
        r"dozens": _DOZENS,
        r"hundreds": _HUNDREDS,
        r"thousands": _THOUSANDS,
        r"millions": _MILLIONS,
    },
    "ru": {
        r"(?:несколько\s+)?десят(?:ки|ков|кам|ками|ках)\s+тысяч": _TENS_OF_THOUSANDS,
        r"(?:несколько\s+)?сот(?:ни|ен|нями|ням|нях)\s+тысяч": _HUNDREDS_OF_THOUSANDS,
        r"(?:несколько\s+)?десят(?:ки|ков|кам|ками|ках)": _DOZENS,
        r"(?:несколько\s+)?(?:сотни|сотен|сотнями|сотням|сотнях)": _HUNDREDS,
        r"несколько\s+тысяч|тысячи|тысячами|тысячам|тысячах": _THOUSANDS,
        r"(?:несколько\s+)?миллион(?:ы|ов|ам|ами|ах)": _MILLIONS,
    },
    "uk": {
        r"(?:кілька\s+|декілька\s+)?десят(?:ки|ків|кам|ками|ках)\s+тисяч": _TENS_OF_THOUSANDS,
        r"(?:кілька\s+|декілька\s+)?сот(?:ні|ень|нями|ням|нях)\s+тисяч": _HUNDREDS_OF_THOUSANDS,
        r"(?:кілька\s+|декілька\s+)?десят(?:ки|ків|кам|ками|ках)": _DOZENS,
        r"(?:кілька\s+|декілька\s+)?(?:сотні|сотень|сотнями|сотням|сотнях)": _HUNDREDS,
        r"(?:кілька|декілька)\s+тисяч|тисячі|тисячами|тисячам|тисячах": _THOUSANDS,
        r"(?:кілька\s+|декілька\s+)?мільйон(?:и|ів|ам|ами|ах)": _MILLIONS,
    },
    "az": {
        r"on\s+minlərlə|он\s+минләрлә": _TENS_OF_THOUSANDS,
        r"yüz\s+minlərlə|јүз\s+минләрлә": _HUNDREDS_OF_THOUSANDS,
        r"onlarla|онларла": _DOZENS,
        r"yüzlərlə|јүзләрлә": _HUNDREDS,
        r"minlərlə|минләрлә": _THOUSANDS,
    },
    "tr": {
        r"on\s+binlerce": _TENS_OF_THOUSANDS,
        r"yüz\s+binlerce": _HUNDREDS_OF_THOUSANDS,
        r"onlarca": _DOZENS,
        r"yüzlerce": _HUNDREDS,
        r"binlerce": _THOUSANDS,
    },
    "hy": {
        r"տասնյակ\s+հազարավոր|տասնյակ\s+հազար": _TENS_OF_THOUSANDS,
        r"հարյուր\s+հազարավոր": _HUNDREDS_OF_THOUSANDS,
        r"(?:մի\s+քանի\s+)?տասնյակ(?:ներ|ներով|ների|ավոր)?": _DOZENS,
        r"(?:մի\s+քանի\s+)?հարյուրավոր|մի\s+քանի\s+հարյուր": _HUNDREDS,
        r"(?:մի\s+քանի\s+)?հազարավոր|մի\s+քանի\s+հազար": _THOUSANDS,
    },
    "ka": {
        r"ათიათასობით|ათეულ\s+ათასობით|ათობით\s+ათას\w*": _TENS_OF_THOUSANDS,
        r"ასიათასობით|ასეულ\s+ათასობით": _HUNDREDS_OF_THOUSANDS,
        r"ათობით|ათეულობით|რამდენიმე\s+ათეული|ათეულები": _DOZENS,
        r"ასობით|რამდენიმე\s+ასეული": _HUNDREDS,
        r"ათასობით|რამდენიმე\s+ათასი": _THOUSANDS,
    },
    "fr": {
        r"(?:des|plusieurs|quelques)\s+dizaines\s+de\s+milliers": _TENS_OF_THOUSANDS,
        r"(?:des|plusieurs|quelques)\s+centaines\s+de\s+milliers": _HUNDREDS_OF_THOUSANDS,
        r"(?:des|plusieurs|quelques)\s+dizaines": _DOZENS,
        r"(?:des|plusieurs|quelques)\s+centaines": _HUNDREDS,
        r"(?:des|plusieurs|quelques)\s+milliers": _THOUSANDS,
        r"(?:des|plusieurs)\s+millions": _MILLIONS,
        r"une\s+dizaine": (10.0, None),
        r"une\s+douzaine": (12.0, None),
        r"une\s+quinzaine": (15.0, None),
        r"une\s+vingtaine": (20.0, None),
        r"une\s+trentaine": (30.0, None),
        r"une\s+quarantaine": (40.0, None),
        r"une\s+cinquantaine": (50.0, None),
        r"une\s+soixantaine": (60.0, None),
        r"une\s+centaine": (100.0, None),
        r"un\s+millier": (1000.0, None),
    },
    "es": {
        r"decenas\s+de\s+miles": _TENS_OF_THOUSANDS,
        r"(?:cientos|centenares)\s+de\s+miles": _HUNDREDS_OF_THOUSANDS,
        r"(?:varias\s+)?decenas": _DOZENS,
        r"(?:varios\s+)?(?:cientos|centenares)": _HUNDREDS,
        r"(?:varios\s+)?miles": _THOUSANDS,
        r"(?:varios\s+)?millones": _MILLIONS,
        r"una\s+decena": (10.0, None),
        r"una\s+docena": (12.0, None),
        r"una\s+quincena": (15.0, None),
        r"una\s+veintena": (20.0, None),
        r"una\s+treintena": (30.0, None),
        r"una\s+cuarentena": (40.0, None),
        r"una\s+cincuentena": (50.0, None),
        r"un\s+centenar": (100.0, None),
        r"un\s+millar": (1000.0, None),
    },
    "de": {
        r"zehntausende[n]?": _TENS_OF_THOUSANDS,
        r"hunderttausende[n]?": _HUNDREDS_OF_THOUSANDS,
        r"(?:einige\s+)?dutzende[n]?|(?:einige|mehrere)\s+dutzend": _DOZENS,
        r"(?:einige\s+)?hunderte[n]?|(?:einige|mehrere)\s+hundert": _HUNDREDS,
        r"(?:einige\s+)?tausende[n]?|(?:einige|mehrere)\s+tausend": _THOUSANDS,
        r"(?:mehrere\s+|einige\s+)?millionen": _MILLIONS,
    },
    "it": {
        r"decine\s+di\s+migliaia": _TENS_OF_THOUSANDS,
        r"centinaia\s+di\s+migliaia": _HUNDREDS_OF_THOUSANDS,
        r"(?:alcune\s+)?decine": _DOZENS,
        r"(?:alcune\s+)?centinaia": _HUNDREDS,
        r"(?:alcune\s+)?migliaia": _THOUSANDS,
        r"(?:alcuni\s+)?milioni": _MILLIONS,
        r"una\s+decina": (10.0, None),
        r"una\s+dozzina": (12.0, None),
        r"una\s+quindicina": (15.0, None),
        r"una\s+ventina": (20.0, None),
        r"una\s+trentina": (30.0, None),
        r"una\s+quarantina": (40.0, None),
        r"una\s+cinquantina": (50.0, None),
        r"una\s+sessantina": (60.0, None),
        r"un\s+centinaio": (100.0, None),
        r"un\s+migliaio": (1000.0, None),
    },
}

# Words right before a number that make it a label ("статья 7", "Nr. 5", "art. 12").
IDENTIFIERS_BEFORE: dict[str, str] = {
    "ru": (
        r"ул\.\s*[^\W\d]+,?|улица\s+[^\W\d]+,?|проспект\s+[^\W\d]+,?|№|номер\w*|"
        r"стать\w*|ст\.|пункт\w*|п\.|част[ьи]|ч\.|страниц\w*|стр\.|с\.|том[ау]?|т\.|"
        r"дел[оау]|корпус\w*|квартир\w*|кв\.|школ[аыеу]|палат\w*|камер[аыеу]|протокол\w*|"
        r"приказ\w*|указ[аеу]?|резолюци\w*|постановлени\w*|рейс\w*|маршрут\w*|блок\w*|"
        r"участ[оа]к\w*|глав[аыеу]|раздел\w*|параграф\w*|приложени\w*|полк[аеу]?|"
        r"дивизи\w*|батальон\w*|бригад[аыеу]|рот[аыеу]|дом[ае]?|д\."
    ),
    "uk": (
        r"вул\.\s*[^\W\d]+,?|вулиця\s+[^\W\d]+,?|№|номер\w*|статт\w*|ст\.|пункт\w*|п\.|"
        r"частин[аиіу]|ч\.|сторінк\w*|стор\.|с\.|том[ау]?|т\.|справ[аиіу]|будин(?:ок|ку)|"
        r"буд\.|квартир\w*|кв\.|школ[аиіу]|палат\w*|резолюці\w*|постанов\w*|наказ\w*|"
        r"указ[уі]?|рейс\w*|маршрут\w*|глав[аиіу]|розділ\w*|додат\w*|полк[уі]?|дивізі\w*|"
        r"батальйон\w*|бригад[аиі]|рот[аиі]"
    ),
    "az": r"№|maddə|maddəsi|maddəsinə|bənd|bəndi|səhifə|fəsil|qətnamə|qətnaməsi|маддә|"
    r"nömrə|nömrəsi",
    "tr": r"no|no\.|nolu|madde|maddesi|sayfa|s\.|karar|kararı|bölüm",
    "hy": r"№|թիվ|հոդված|հոդվածի|հոդվածով|էջ|կետ|կետի|գլուխ|որոշում|որոշման|դպրոց|համար",
    "ka": (
        r"№|საქმეები|აღწერა|ფონდი|ფონდ|საქმე|ფურცლები|ფ\.|მუხლი|მუხლის|მუხლით|გვერდი|გვ\.|"
        r"პუნქტი|თავი|დადგენილება|ნომერი|სკოლა"
    ),
    "fr": r"n°|no|no\.|numéro|article|articles|art\.|alinéa|page|pages|p\.|pp\.|chapitre|"
    r"section|résolution|décret|loi|vol\.|volume|tome|bâtiment|rue|salle|vol|ligne|"
    r"paragraphe|annexe|dossier|témoignage|entretien|carton|liasse|"
    r"(?:régiment|division|bataillon|brigade|escadron)(?:\s+(?:de|d['’]|du)\s*[^\W\d]+)?",
    "es": r"n\.?º|nº|no\.|núm\.|número|artículo|artículos|art\.|página|páginas|pág\.|p\.|"
    r"capítulo|sección|resolución|decreto|ley|tomo|calle|vuelo|línea|párrafo|anexo|"
    r"expediente|entrevista|testimonio|legajo|caja|nivel|planta|piso|pozo|"
    r"(?:regimiento|división|batallón|brigada)(?:\s+(?:de|del)\s+[^\W\d]+)?",
    "de": r"nr\.|nummer|artikel|art\.|paragraph|paragraf|§|§§|seite|seiten|s\.|kapitel|"
    r"abschnitt|resolution|gesetz|band|bd\.|absatz|abs\.|zimmer|haus|linie|flug|block|"
    r"anlage|akte|ziffer|referat|az\.|aktenzeichen|bundesstraße|landstraße|straße|autobahn|"
    r"\w*regiments?|\w*divisionen?|\w*bataillons?|\w*brigaden?|\w*kompanien?|"
    r"\w*abteilung|\w*einheit|zelle|baracke|gleis",
    "it": r"n\.|n°|nr\.|numero|articolo|articoli|art\.|comma|pagina|pagine|pag\.|p\.|"
    r"capitolo|sezione|risoluzione|decreto|legge|volume|vol\.|via|volo|linea|paragrafo|"
    r"allegato|fascicolo|reggimento|divisione|battaglione|brigata|statale|provinciale|strada",
}
# Words right after a number that make it a label ("7 saylı məktəb", "5 sayılı kanun").
IDENTIFIERS_AFTER: dict[str, str] = {
    "ru": r"годовщин\w*",
    "uk": r"річниц\w*",
    "az": r"saylı|nömrəli|сајлы|нөмрәли|illiy\w*|ildönüm\w*",
    "tr": r"sayılı|numaralı|nolu|no['’]lu|yıl\s*dönüm\w*",
    "hy": r"համարի|համարը|տարելից\w*",
    "ka": r"წლისთავ\w*",
    "fr": r"anniversaire",
    "es": r"aniversario",
    "de": r"jahrestag\w*",
    "it": r"anniversario",
}
# Endings glued to digits that make them ordinals: "366-cı", "5-й", "5e", "5ª", "5-րդ".
ORDINAL_ENDINGS: dict[str, str] = {
    # Any glued ending but a cardinal's case ("5-ти", "2-х"): "366-й", "75-летию", "1990-х".
    "ru": r"[-‑](?!(?:ти|ми|ью|ёх|ух|ех)(?!\w))[^\W\d]+",
    "uk": r"[-‑](?!(?:ти|ми|ох|ьох|ма)(?!\w))[^\W\d]+",
    "az": r"[-‑']?(?:ı|i|u|ü|ы|и|у|ү)?(?:n|н)?(?:cı|ci|cu|cü|ҹы|ҹи|ҹу|ҹү)\w*",
    "tr": r"['’.]?(?:ı|i|u|ü)?n(?:cı|ci|cu|cü)\w*",
    "hy": r"[-‑](?:րդ|ին)\w*",
    "ka": r"[-‑]ე(?!\w)",
    "fr": r"(?:e|ème|eme|è|er|re|ère|nd|nde)(?!\w)",
    "es": r"\.?[ºª°](?!\w)|\.?(?:er|o|a)(?=\s)",
    "de": r"",
    "it": r"[ºª°](?!\w)",
}
# Prefixes that make the following digits an ordinal (Georgian "მე-5").
ORDINAL_PREFIXES: dict[str, str] = {"ka": r"მე[-‑]$"}

# Words after a 4-digit number that make it a year ("1992-ci il", "1943 года").
YEAR_WORDS: dict[str, str] = {
    "ru": r"год|года|году|годом|годах|годов|годы|гг\.?|г\.",
    "uk": r"рік|року|роком|році|роках|років|роки|рр\.?|р\.",
    "az": r"il|ildə|ilin|ildən|ilədək|ilə|illər|illərdə|ili|или|илдә|илин|ilində",
    "tr": r"yıl|yılı|yılında|yılının|yılından|yılına|yılları|yıllarında",
    "hy": r"թ\.|թվական|թվականի|թվականին|թվականից|թթ\.|թվականը",
    "ka": r"წელს|წლის|წელი|წლიდან|წლამდე|წ\.|წელსვე",
    "fr": r"",
    "es": r"",
    "de": r"",
    "it": r"",
}
# Words just before a 4-digit number that make it a year ("en 1992", "im 1992", "с 1941").
YEAR_PREPOSITIONS: dict[str, str] = {
    "ru": r"в|во|с|со|до|к|по|от|году|года|год",
    "uk": r"в|у|з|із|до|по|від|року|рік",
    "fr": r"en|depuis|dès|avant|après|vers|de|à|année|an|fin|début|printemps|été|automne|hiver",
    "es": (
        r"en|desde|hasta|hacia|de|año|del|a|el|para\s+el|finales|principios|primavera|"
        r"verano|otoño|invierno"
    ),
    "de": (
        r"im|seit|bis|ab|von|um|jahr|jahre|jahres|anfang|ende|sommer|winter|frühjahr|"
        r"herbst|frühling"
    ),
    "it": (
        r"nel|dal|al|il|per\s+il|entro\s+il|fino\s+al|dopo\s+il|prima\s+del|nell['’]|del|"
        r"anno|fine|inizio|estate|inverno|primavera|autunno"
    ),
    "az": r"",
    "tr": r"",
    "hy": r"",
    "ka": r"",
}
# Verbs of change before "до"/"to": "зросла до 215" is exactly 215, not "up to".
CHANGE_BEFORE_UP_TO: dict[str, str] = {
    # Verbs of change by their stems ("выросло до", "снижена до", "зросла до"): any other
    # verb before "до" ("привозили до сорока", "втратила до дванадцяти") is "up to".
    "ru": r"\w*(?:рос|раст|велич|кратил|краще|кратят|кратит|сниз|сниж|упал|подня|повыс|"
    r"повыш|понизи|пониж|дошл|дошё|дойд|дост[иа]г|довед|довел|состав|опусти|меньш|прибав)"
    r"\w*\s+$",
    "uk": r"\w*(?:зрос|зріс|вирос|вирiс|рост|більш|скорот|скороч|менш|зниз|зниж|сяг|підня|"
    r"підвищ|впа|дійш|довед|довел|станов|опусти)\w*\s+$",
    "fr": r"(?:passé|monté|grimpé|atteint|élevé|augmenté|porté)\s+$",
    "es": r"(?:subió|aumentó|ascendió|llegó|elevó)\s+$",
    "de": r"$^",
    "it": r"(?:salito|salita|saliti|arrivato|arrivata|giunto)\s+$",
    "hy": r"$^",
}
# A verb of change after "X-მდე" / "X-dək" / "X'e kadar": "27-მდე გაიზარდა" is exactly 27.
CHANGE_AFTER_UP_TO: dict[str, str] = {
    "ka": r"\s+(?:გაიზარდ|მიაღწი|ავიდ|შემცირდ|დაეცა)\w*",
    "az": r"\s+(?:artdı|artıb|artmış|yüksəldi|yüksəlib|çatdı|çatıb|azaldı|azalıb|endi|enib)",
    "tr": r"\s+(?:yüksel|çık|art|ulaş|düş|gerile)\w*",
    "hy": r"\s+(?:հասավ|աճեց|ավելացավ|նվազեց)\w*",
}
# A word after the second number that closes "X ilə Y arasında" (between X and Y).
RANGE_CLOSERS: dict[str, str] = {
    "az": r"(?:\s+[^\W\d]+)?\s+arasında\w*|(?:\s+[^\W\d]+)?\s+арасында\w*",
    "tr": r"(?:\s+[^\W\d]+)?\s+arasında\w*",
    "ka": r"(?:\s+[^\W\d]+)?\s+შორის",
    "hy": r"(?:\s+[^\W\d]+)?\s+միջև",
}
# Clock times: a word after the number ("9 Uhr", "sept heures") or before it
# ("saat 11.00", "a las siete", "alle otto").
TIME_AFTER: dict[str, str] = {
    "ru": r"час|часа|часов|ч\.",
    "uk": r"година|години|годині|годин|год\.",
    "az": r"radələrində",
    "tr": r"sularında",
    "hy": r"ժամ|ժամը|ժամին",
    "ka": r"საათ\w*",
    "fr": r"heures?|h|du\s+matin|du\s+soir",
    "es": r"horas?|h|de\s+la\s+(?:mañana|tarde|noche|madrugada)|y\s+media",
    "de": r"uhr|h",
    "it": r"ore|del\s+mattino|di\s+mattina|di\s+sera|di\s+notte|del\s+pomeriggio",
}
TIME_BEFORE: dict[str, str] = {
    "az": r"saat",
    "tr": r"saat",
    "hy": r"ժամը",
    "es": r"a\s+las|hacia\s+las|desde\s+las|hasta\s+las|sobre\s+las|a\s+la",
    "it": r"alle|dalle|delle|verso\s+le|ore",
}
# Words before a number word that make it a decade ("anni Sessanta", "años sesenta").
DECADE_BEFORE: dict[str, str] = {
    "it": r"anni",
    "es": r"años|década\s+de\s+los",
    "fr": r"années",
    "de": r"jahre|zwanziger|dreißiger",
    "ru": r"годы|годах",
}
# Words that look like a number word with an ending but are pronouns ("onun", "üçün").
NOT_NUMBER_WORDS = frozenset(
    {
        "onun", "ona", "onu", "onda", "ondan", "onlar", "onları", "onlara", "onların",
        "üçün", "yüzde", "yüzdə", "bine", "bina", "binada", "binanın", "онун", "она",
        "ону", "онда", "ондан", "онлар", "онлары", "онлара", "онларын", "үчүн",
    }
)  # fmt: skip
# Endings Azerbaijani and Turkish glue to number words ("milyona", "dördü", "beşinin").
WORD_ENDINGS: dict[str, tuple[str, ...]] = {
    "az": ("ya", "yə", "a", "ə", "dan", "dən", "da", "də", "nın", "nin", "ın", "in", "un",
           "ün", "u", "ü", "ı", "i", "dək", "dak", "nu", "nü", "nı", "ni", "si", "sı",
           "ја", "јә", "а", "ә", "дан", "дән", "да", "дә", "нын", "нин", "ын", "ин", "ун",
           "үн", "у", "ү", "ы", "и", "дәк", "дак", "су", "сү", "сы", "си"),
    "tr": ("ya", "ye", "a", "e", "dan", "den", "da", "de", "nın", "nin", "ın", "in", "un",
           "ün", "u", "ü", "ı", "i", "si", "sı", "su", "sü"),
    "hy": ("ի", "ը", "ն", "ից", "ով", "ում", "ին", "ու"),
}  # fmt: skip
# A single exact age is not a count ("в возрасте 45 лет", "45 yaşında", "aged 45");
# ages count only as a range or with a qualifier ("от 12 до 77 лет", "de moins de 15 ans").
AGE_BEFORE: dict[str, str] = {
    "en": r"aged|age",
    "ru": r"в\s+возрасте|возрастом|возраст|было|исполнилось|исполнится|стукнуло",
    "uk": r"у\s+віці|в\s+віці|віком|вік|було|виповнилося|виповниться",
    "fr": r"âgée?s?\s+de|à\s+l['’]âge\s+de",
    "es": r"a\s+los|con|de\s+edad\s+de|edad\s+de",
    "de": r"im\s+alter\s+von|alter\s+von|mit",
    "it": r"all['’]età\s+di|età\s+di|a",
    "ka": r"ასაკში|ასაკის",
}
AGE_AFTER: dict[str, str] = {
    "en": r"[\s-]+years?[\s-]+old|-year-old",
    "ru": r"\s+(?:лет|года|год)\s+от\s+роду|[-‑]летн\w*",
    "tr": r"\s+yaşında\w*|\s+yaşındaki|\s+yaşlı",
    "az": r"\s+yaşında\w*|\s+yaşlı|\s+јашында\w*|\s+јашлы",
    "hy": r"\s+տարեկան\w*",
    "ka": r"\s+წლის\s+(?:ასაკ|კაც|ქალ|ბავშვ|მოხუც|გოგონ|ბიჭ)\w*",
    "fr": r"\s+ans,?\s+(?:à\s+peine|seulement)|\s+ans\s+et\s+demi",
    "es": r"\s+años\s+de\s+edad",
    "de": r"[-‑]jährig\w*|\s+jahre\s+alt",
    "it": r"\s+anni\s+di\s+età",
}
# Words after a number that make it a fraction ("zwei Drittel", "deux tiers").
FRACTIONS_AFTER: dict[str, str] = {
    "ru": r"трет\w*|четверт\w*|пят(?:ых|ая)|десят(?:ых|ая)",
    "uk": r"третин\w*|чверт\w*|п'ят(?:их|а)",
    "az": r"də\s+bir\w*|da\s+bir\w*",
    "tr": r"te\s+bir\w*|de\s+bir\w*|da\s+bir\w*|ta\s+bir\w*",
    "fr": r"tiers|quarts?|cinquièmes?|dixièmes?",
    "es": r"tercios?|cuartos?|quintos?|quintas\s+partes|terceras\s+partes",
    "de": r"drittel|viertel|fünftel|zehntel|hälfte",
    "it": r"terzi|quarti|quinti|decimi",
    "hy": r"երրորդ\w*|քառորդ\w*",
    "ka": r"მესამედ\w*|მეოთხედ\w*",
}
# A counted noun before the numeral makes it approximate in Russian and Ukrainian:
# "человек двадцать" is "about twenty people".
APPROXIMATE_INVERSION: dict[str, str] = {
    "ru": r"(?:человек|людей|душ|семей|домов|дворов|машин|вагонов|раз|штук|солдат|детей)",
    "uk": r"(?:чоловік|людей|осіб|душ|родин|хат|дворів|машин|разів|солдатів|дітей)",
}
