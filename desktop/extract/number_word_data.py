"""Number words of each language Catena reads, as plain data for ``number_words``.

Each table maps a word or a word part ("vierzig", "quaranta", "ორმოც") to its value.
Words that are glued together in writing ("zweiundvierzig", "quarantadue",
"ორმოცდაორი", "քսանհինգ") are split into these parts, so only the parts are listed.
Russian and Ukrainian numerals decline; their oblique forms (genitive "сорока",
"пятидесяти", "двухсот") are listed, because figures follow prepositions ("более
сорока", "около пятидесяти"). A value 1_000 or more is a scale that multiplies.
"""

from __future__ import annotations


def _table(spec: str) -> dict[str, float]:
    """'one=1 two=2 ...' with '|' for variants of one value: 'двух|двум=2'."""
    table: dict[str, float] = {}
    for item in spec.split():
        words, value = item.rsplit("=", 1)
        for word in words.split("|"):
            table[word] = float(value)
    return table


def _declined(stems: str, endings: str) -> str:
    """'пятнадцат=15' with endings 'ь|и|ью' → 'пятнадцать|пятнадцати|пятнадцатью=15'."""
    out = []
    for item in stems.split():
        stem, value = item.rsplit("=", 1)
        out.append("|".join(stem + e for e in endings.split("|")) + "=" + value)
    return " ".join(out)


_RU = (
    "один|одна|одно|одного|одной|одному|одним|одну=1 два|две|двух|двум|двумя=2 "
    "три|трёх|трех|трём|трем|тремя=3 четыре|четырёх|четырех|четырём|четырем|четырьмя=4 "
    "двое|двоих=2 трое|троих=3 четверо|четверых=4 пятеро|пятерых=5 шестеро|шестерых=6 "
    "семеро|семерых=7 восьмеро=8 девятеро|девятерых=9 десятеро|десятерых=10 полтора|"
    "полторы|полутора=1.5 "
    "восемь|восьми|восемью|восьмью=8 семь|семи=7 "
    + _declined(
        "пят=5 шест=6 девят=9 десят=10 одиннадцат=11 двенадцат=12 тринадцат=13 "
        "четырнадцат=14 пятнадцат=15 шестнадцат=16 семнадцат=17 восемнадцат=18 "
        "девятнадцат=19 двадцат=20 тридцат=30",
        "ь|и|ью",
    )
    + " сорок|сорока=40 пятьдесят|пятидесяти|пятьюдесятью=50 шестьдесят|шестидесяти=60 "
    "семьдесят|семидесяти=70 восемьдесят|восьмидесяти=80 девяносто|девяноста=90 "
    "сто|ста=100 двести|двухсот|двумстам=200 триста|трёхсот|трехсот=300 "
    "четыреста|четырёхсот|четырехсот=400 пятьсот|пятисот=500 шестьсот|шестисот=600 "
    "семьсот|семисот=700 восемьсот|восьмисот=800 девятьсот|девятисот=900 "
    "сотни|сотен=100 тысяча|тысячи|тысяч|тысячу|тысячей|тысячам|тысячами=1000 "
    "миллион|миллиона|миллионов|миллионам=1000000 миллиард|миллиарда|миллиардов=1000000000 "
    "полмиллиона=500000 полсотни|полсотня=50 полтысячи=500"
)
_UK = (
    "один|одна|одне|одного|однієї|одному|одну=1 два|дві|двох|двом=2 три|трьох|трьом=3 "
    "чотири|чотирьох=4 двоє|двох=2 троє|трьох=3 четверо=4 п'ятеро=5 шестеро=6 семеро=7 "
    "восьмеро=8 дев'ятеро=9 десятеро=10 "
    "півтора|півтори=1.5 сім|семи=7 вісім|восьми=8 шість|шести=6 "
    + _declined(
        "п'ят=5 дев'ят=9 десят=10 одинадцят=11 дванадцят=12 тринадцят=13 чотирнадцят=14 "
        "п'ятнадцят=15 шістнадцят=16 сімнадцят=17 вісімнадцят=18 дев'ятнадцят=19 "
        "двадцят=20 тридцят=30",
        "ь|и|ьох|ьма",
    )
    + " сорок|сорока=40 п'ятдесят|п'ятдесяти=50 шістдесят|шістдесяти=60 "
    "сімдесят|сімдесяти=70 вісімдесят|вісімдесяти=80 дев'яносто|дев'яноста=90 "
    "сто|ста=100 двісті|двохсот=200 триста|трьохсот=300 чотириста|чотирьохсот=400 "
    "п'ятсот|п'ятисот=500 шістсот|шестисот=600 сімсот|семисот=700 вісімсот|восьмисот=800 "
    "дев'ятсот|дев'ятисот=900 сотні|сотень=100 тисяча|тисячі|тисяч|тисячу=1000 "
    "мільйон|мільйона|мільйонів|мільйони=1000000 мільярд|мільярда|мільярдів=1000000000"
)
_AZ = (
    "yarım=0.5 bir=1 iki=2 üç=3 dörd=4 beş=5 altı=6 yeddi=7 səkkiz=8 doqquz=9 on=10 iyirmi=20 "
    "otuz=30 qırx=40 əlli=50 altmış=60 yetmiş=70 səksən=80 doxsan=90 yüz=100 min=1000 "
    "milyon=1000000 milyard=1000000000 "
    "јарым=0.5 бир=1 ики=2 үч=3 дөрд=4 беш=5 алты=6 једди=7 сәккиз=8 доггуз=9 он=10 ијирми=20 "
    "отуз=30 гырх=40 әлли=50 алтмыш=60 јетмиш=70 сәксән=80 дохсан=90 јүз=100 мин=1000 "
    "милјон=1000000 милјард=1000000000"
)
_TR = (
    "yarım=0.5 bir=1 iki=2 üç=3 dört|"
    "dörd=4 beş=5 altı=6 yedi=7 sekiz=8 dokuz=9 on=10 yirmi=20 otuz=30 "
    "kırk=40 elli=50 altmış=60 yetmiş=70 seksen=80 doksan=90 yüz=100 bin=1000 "
    "milyon=1000000 milyar=1000000000"
)
_HY = (
    "մեկ=1 երկու=2 երեք=3 չորս=4 հինգ=5 վեց=6 յոթ|յոթը=7 ութ|ութը=8 ինը|ինն=9 "
    "տասը|տասն=10 քսան=20 երեսուն=30 քառասուն=40 հիսուն=50 վաթսուն=60 յոթանասուն=70 "
    "ութսուն=80 իննսուն=90 հարյուր=100 հազար=1000 միլիոն=1000000 միլիարդ=1000000000 "
    "կես=0.5"
)
# Georgian counts in twenties: 30 is "ოცდაათი" (20 and 10), 42 "ორმოცდაორი" (2×20 and 2).
# The stems without the nominative -ი are listed; the ending is read separately.
_KA = (
    "ნახევარ=0.5 ერთ=1 ორ=2 სამ=3 ოთხ=4 ხუთ=5 ექვს=6 შვიდ=7 რვა=8 ცხრა=9 ათ=10 თერთმეტ=11 "
    "თორმეტ=12 ცამეტ=13 თოთხმეტ=14 თხუთმეტ=15 თექვსმეტ=16 ჩვიდმეტ=17 თვრამეტ=18 "
    "ცხრამეტ=19 ოც=20 ორმოც=40 სამოც=60 ოთხმოც=80 ას=100 ორას=200 სამას=300 ოთხას=400 "
    "ხუთას=500 ექვსას=600 შვიდას=700 რვაას=800 ცხრაას=900 ათას=1000 მილიონ=1000000 "
    "მილიარდ=1000000000"
)
_FR = (
    "un|une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
    "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt|vingts=20 trente=30 "
    "quarante=40 cinquante=50 soixante=60 cent|cents=100 mille=1000 "
    "million|millions=1000000 milliard|milliards=1000000000 demi=0.5"
)
_ES = (
    "un|uno|una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
    "once=11 doce=12 trece=13 catorce=14 quince=15 dieciséis|dieciseis=16 diecisiete=17 "
    "dieciocho=18 diecinueve=19 veinte=20 veinti=20 veintiún|veintiuno|veintiuna=21 "
    "veintidós=22 veintitrés=23 veintiséis=26 treinta=30 cuarenta=40 cincuenta=50 "
    "sesenta=60 setenta=70 ochenta=80 noventa=90 cien|ciento=100 "
    "doscientos|doscientas=200 trescientos|trescientas=300 cuatrocientos|cuatrocientas=400 "
    "quinientos|quinientas=500 seiscientos|seiscientas=600 setecientos|setecientas=700 "
    "ochocientos|ochocientas=800 novecientos|novecientas=900 mil=1000 "
    "millón|millones=1000000 medio=0.5"
)
_DE = (
    "ein|eine|einer|einem|einen|eins=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 "
    "acht=8 neun=9 zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 "
    "sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19 zwanzig=20 dreißig|dreissig=30 "
    "vierzig=40 fünfzig=50 sechzig=60 siebzig=70 achtzig=80 neunzig=90 hundert=100 "
    "tausend=1000 million|millionen=1000000 milliarde|milliarden=1000000000 halbe=0.5"
)
_IT = (
    "un|uno|una=1 due=2 tre|tré=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 "
    "dieci=10 undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 "
    "diciassette=17 diciotto=18 diciannove=19 venti|vent=20 trenta|trent=30 "
    "quaranta|quarant=40 cinquanta|cinquant=50 sessanta|sessant=60 settanta|settant=70 "
    "ottanta|ottant=80 novanta|novant=90 cento=100 mille|mila=1000 "
    "milione|milioni=1000000 miliardo|miliardi=1000000000 mezzo=0.5"
)

NUMBER_WORDS: dict[str, dict[str, float]] = {
    "ru": _table(_RU),
    "uk": _table(_UK),
    "az": _table(_AZ),
    "tr": _table(_TR),
    "hy": _table(_HY),
    "ka": _table(_KA),
    "fr": _table(_FR),
    "es": _table(_ES),
    "de": _table(_DE),
    "it": _table(_IT),
}

# Parts that join glued number words ("zwei-und-vierzig", "ოც-და-ათი") or separate
# words of one number ("cuarenta y dos", "vingt et un", "trenta e uno").
JOINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"et"}),
    "es": frozenset({"y"}),
    "de": frozenset({"und"}),
    "it": frozenset({"e"}),
    "ka": frozenset({"და"}),
    "hy": frozenset({"և"}),
}
# Languages that write the parts of one number as a single word.
GLUED = frozenset({"de", "it", "ka", "hy", "es"})
# Endings a Georgian number word carries: nominative, dative "ზე" ("more than"), etc.
KA_ENDINGS = ("ი", "ს", "ზე", "ით", "ის", "მდე", "დან", "ამდე", "იდან", "იო", "ო", "ად", "ში", "")
# Languages where a smaller number before 20 multiplies it ("quatre-vingts" is 80).
MULTIPLYING_TWENTY = frozenset({"fr"})
