"""Dates in the eleven languages of issue 18, in each language's own order and inflection.

Every sentence is written for these tests (invented events); each pins one phenomenon:
day-month-year order and case endings, ranges within and across months, month and
year, seasons, decades, centuries, approximate and uncertain dates, and a day and
month without a year completed from the context or the document's date.
"""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from desktop.extract import suggest
from desktop.extract.date_suggestions import find_dates
from desktop.extract.languages import fixed_language
from desktop.extract.text_nearby import SpanSet


def _dates(text: str, language: str, document_date: str | None = None) -> list[tuple[str, str]]:
    found = find_dates(text, languages=fixed_language(text, language), document_date=document_date)
    return [(text[d.start : d.end], d.edtf) for d in found]


def _has(text: str, language: str, quote: str, edtf: str, document_date: str | None = None) -> None:
    found = _dates(text, language, document_date)
    assert any(quote in said and value == edtf for said, value in found), found


@pytest.mark.parametrize(
    ("language", "text", "quote", "edtf"),
    [
        # Russian: genitive month, "года"; prepositional month; ranges with "с … по"
        ("ru", "Мост через реку открыли 14 мая 1957 года.", "14 мая 1957 года", "1957-05-14"),
        ("ru", "Архив сгорел в ноябре 1921 года.", "ноябре 1921 года", "1921-11"),
        (
            "ru",
            "Наводнение длилось с 4 по 9 июня 2002 года.",
            "с 4 по 9 июня 2002 года",
            "2002-06-04/2002-06-09",
        ),
        (
            "ru",
            "Эвакуация шла с 28 августа по 3 сентября 1941 года.",
            "28 августа по 3 сентября 1941 года",
            "1941-08-28/1941-09-03",
        ),
        ("ru", "Деревню основали около 1870 года.", "около 1870 года", "1870~"),
        ("ru", "Больницу расширили в 1970-х годах.", "1970-х годах", "197X"),
        ("ru", "Церковь построили в XVIII веке.", "XVIII веке", "17XX"),
        ("ru", "Школу закрыли, вероятно, в 1938 году.", "1938 году", "1938?"),
        ("ru", "Пожар случился осенью 1911 года.", "осенью 1911 года", "1911-23"),
        # Ukrainian: "року", locative month, "з … до"
        ("uk", "Лист надіслали 3 лютого 1933 року.", "3 лютого 1933 року", "1933-02-03"),
        ("uk", "У листопаді 1932 року почався голод.", "листопаді 1932 року", "1932-11"),
        (
            "uk",
            "Табір діяв з 5 до 19 серпня 1944 року.",
            "з 5 до 19 серпня 1944 року",
            "1944-08-05/1944-08-19",
        ),
        ("uk", "Село спорожніло у 1930-х роках.", "1930-х роках", "193X"),
        ("uk", "Хата стояла тут близько 1880 року.", "близько 1880 року", "1880~"),
        # Azerbaijani (Latin): year first with an ordinal suffix, month in the genitive
        (
            "az",
            "Kənd 1990-cı il yanvarın 20-də boşaldıldı.",
            "1990-cı il yanvarın 20-də",
            "1990-01-20",
        ),
        ("az", "Məktub 14 mart 1988-ci il tarixlidir.", "14 mart 1988-ci il", "1988-03-14"),
        (
            "az",
            "Sel 2010-cu il mayın 11–13-ü arasında oldu.",
            "2010-cu il mayın 11–13-ü",
            "2010-05-11/2010-05-13",
        ),
        ("az", "Məktəb 1970-ci illərdə tikildi.", "1970-ci illərdə", "197X"),
        ("az", "Bu körpü XIX əsrdə salınıb.", "XIX əsrdə", "18XX"),
        (
            "az",
            "Qəsəbə 1998-ci ilin payızında su altında qaldı.",
            "1998-ci ilin payızında",
            "1998-23",
        ),
        # Azerbaijani (Cyrillic)
        ("az", "Ҝәми 1975-ҹи ил ијулун 8-дә батды.", "1975-ҹи ил ијулун 8-дә", "1975-07-08"),
        # Turkish: case suffix after an apostrophe, "yılında", decades with "'lı"
        ("tr", "Köprü 12 Ekim 1964'te açıldı.", "12 Ekim 1964'te", "1964-10-12"),
        ("tr", "Okul 1957 yılında yandı.", "1957 yılında", "1957"),
        ("tr", "Göç 1950'li yıllarda hızlandı.", "1950'li yıllarda", "195X"),
        ("tr", "Kasaba 1880 civarında kuruldu.", "1880 civarında", "1880~"),
        ("tr", "Kıtlık 1916 yılının kışında başladı.", "1916 yılının kışında", "1916-24"),
        # Armenian: year first with "թվականի", day with "-ին"
        (
            "hy",
            "Գործարանը փակվեց 1994 թվականի մարտի 3-ին։",
            "1994 թվականի մարտի 3-ին",
            "1994-03-03",
        ),
        ("hy", "Գյուղը հիմնվել է մոտ 1830 թվականին։", "մոտ 1830 թվականին", "1830~"),
        ("hy", "Եկեղեցին կառուցվել է XIII դարում։", "XIII դարում", "12XX"),
        ("hy", "Դպրոցը վերանորոգվեց 1960-ական թվականներին։", "1960-ական թվականներին", "196X"),
        # Georgian: year in the genitive, then day and month (dative)
        ("ka", "ხიდი 1961 წლის 5 ოქტომბერს გაიხსნა.", "1961 წლის 5 ოქტომბერს", "1961-10-05"),
        ("ka", "სოფელი 1944 წლის ნოემბერში დაცარიელდა.", "1944 წლის ნოემბერში", "1944-11"),
        ("ka", "ეკლესია XII საუკუნეში აშენდა.", "XII საუკუნეში", "11XX"),
        ("ka", "ქარხანა 1950-იან წლებში აშენდა.", "1950-იან წლებში", "195X"),
        # German: day with a full stop, "vom … bis", decades with "-er"
        ("de", "Die Brücke wurde am 17. März 1931 gesprengt.", "17. März 1931", "1931-03-17"),
        (
            "de",
            "Der Streik dauerte vom 2. bis 6. Oktober 1923.",
            "2. bis 6. Oktober 1923",
            "1923-10-02/1923-10-06",
        ),
        ("de", "Die Mühle brannte um 1910 ab.", "um 1910", "1910~"),
        ("de", "In den 1960er Jahren zogen viele weg.", "1960er Jahren", "196X"),
        ("de", "Das Kloster stammt aus dem 14. Jahrhundert.", "14. Jahrhundert", "13XX"),
        # French: "du … au", "vers", "années", "e siècle"
        ("fr", "L'usine a fermé le 2 avril 1979.", "2 avril 1979", "1979-04-02"),
        (
            "fr",
            "La grève a duré du 7 au 11 juin 1936.",
            "du 7 au 11 juin 1936",
            "1936-06-07/1936-06-11",
        ),
        ("fr", "Le moulin fut bâti vers 1850.", "vers 1850", "1850~"),
        ("fr", "Le quartier a changé dans les années 1980.", "années 1980", "198X"),
        ("fr", "La chapelle date du XVe siècle.", "XVe siècle", "14XX"),
        # Spanish: "de" between the parts, "entre el … y el", decades in words
        ("es", "El puente cayó el 4 de agosto de 1961.", "4 de agosto de 1961", "1961-08-04"),
        (
            "es",
            "Hubo redadas entre el 2 y el 6 de mayo de 1977.",
            "entre el 2 y el 6 de mayo de 1977",
            "1977-05-02/1977-05-06",
        ),
        ("es", "La aldea se fundó hacia 1760.", "hacia 1760", "1760~"),
        ("es", "El barrio creció en los años sesenta.", "años sesenta", "196X"),
        ("es", "La torre es del siglo XVI.", "siglo XVI", "15XX"),
        # Italian: "dal … al", decades and centuries in words
        ("it", "La diga cedette il 9 ottobre 1963.", "9 ottobre 1963", "1963-10-09"),
        (
            "it",
            "Lo sciopero durò dal 3 al 7 luglio 1960.",
            "dal 3 al 7 luglio 1960",
            "1960-07-03/1960-07-07",
        ),
        ("it", "Il paese si svuotò negli anni Cinquanta.", "anni Cinquanta", "195X"),
        ("it", "La villa fu costruita nel XVII secolo.", "XVII secolo", "16XX"),
        ("it", "Il mulino risale a circa 1820.", "circa 1820", "1820~"),
    ],
)
def test_recognises_date_in_language(language: str, text: str, quote: str, edtf: str) -> None:
    _has(text, language, quote, edtf)


@pytest.mark.parametrize(
    ("language", "text", "quote", "edtf"),
    [
        (
            "ru",
            "Письмо пришло 14 июня 2020 г. Ответ обещали дать до 2 июля.",
            "2 июля",
            "2020-07-02?",
        ),
        ("uk", "Збори відбудуться 12 квітня.", "12 квітня", "2021-04-12?"),
        ("az", "Yığıncaq aprelin 12-də keçiriləcək.", "aprelin 12-də", "2021-04-12?"),
        ("tr", "Toplantı 12 Nisan'da yapılacak.", "12 Nisan'da", "2021-04-12?"),
        ("hy", "Ժողովը կկայանա ապրիլի 12-ին։", "ապրիլի 12-ին", "2021-04-12?"),
        ("ka", "კრება 12 აპრილს გაიმართება.", "12 აპრილს", "2021-04-12?"),
        ("de", "Die Versammlung findet am 12. April statt.", "12. April", "2021-04-12?"),
        ("fr", "La réunion aura lieu le 12 avril.", "12 avril", "2021-04-12?"),
        ("es", "La reunión será el 12 de abril.", "12 de abril", "2021-04-12?"),
        ("it", "L'assemblea si terrà il 12 aprile.", "12 aprile", "2021-04-12?"),
        ("en", "The hearing is set for April 12.", "April 12", "2021-04-12?"),
        ("ru", "Обстрелы шли с 11 по 13 декабря.", "с 11 по 13 декабря", "2021-12-11?/2021-12-13?"),
    ],
)
def test_day_without_year_takes_the_document_year(
    language: str, text: str, quote: str, edtf: str
) -> None:
    _has(text, language, quote, edtf, document_date="2021-03-04")


def test_day_without_year_is_marked_inferred_and_uncertain() -> None:
    text = "La réunion aura lieu le 12 avril."
    (date,) = find_dates(text, languages=fixed_language(text, "fr"), document_date="2021-03-04")
    assert (date.edtf, date.certainty, date.inferred) == ("2021-04-12?", "uncertain", True)
    assert (date.lower, date.upper) == ("2021-04-12", "2021-04-12")
    parse_edtf(date.edtf)


def test_year_written_before_in_the_paragraph_wins_over_the_document_date() -> None:
    text = "En 1995, le président a parlé devant la foule. C'était le 16 juillet."
    _has(text, "fr", "16 juillet", "1995-07-16?", document_date="2002-07-16")


def test_narrative_days_follow_the_last_full_date() -> None:
    text = (
        "Le 9 mai 1871, la digue a cédé.\n\n"
        "Les secours sont arrivés le 12 mai, et le village fut évacué le 20 mai."
    )
    found = _dates(text, "fr", document_date="1971-05-09")
    assert ("12 mai", "1871-05-12?") in found and ("20 mai", "1871-05-20?") in found


def test_a_day_before_the_last_full_date_belongs_to_the_document_year() -> None:
    text = (
        "Le 10 mars 1906, la mine a explosé.\n\n"
        "Une exposition est ouverte du 10 mars au 30 juin à la médiathèque."
    )
    _has(text, "fr", "10 mars au 30 juin", "2006-03-10?/2006-06-30?", document_date="2006-03-10")


def test_day_without_any_year_is_unknown_year_when_the_text_is_dated() -> None:
    text = "Die Flut kam 1954.\n\nAm 3. Juli wurde der Damm verstärkt."
    found = _dates(text, "de")
    assert ("3. Juli", "1954-07-03?") in found
    text = "Die Versammlung war am 3. Juli. Die Chronik nennt 1954 erst später."
    assert ("3. Juli", "XXXX-07-03") in _dates(text, "de")


@pytest.mark.parametrize(
    ("language", "text", "year"),
    [
        ("ru", "Эвакуация началась 22 марта 1943 года.", "1943"),
        ("az", "Hadisə 1992-ci il fevralın 26-da baş verib.", "1992"),
        ("de", "Am 9. Juni 1942 kamen 300 Menschen.", "1942"),
        ("es", "Entre el 11 y el 13 de diciembre de 1981 murieron 900 personas.", "1981"),
    ],
)
def test_years_inside_dates_are_claimed_and_never_figures(
    language: str, text: str, year: str
) -> None:
    claimed = SpanSet()
    find_dates(text, claimed, languages=fixed_language(text, language))
    position = text.index(year)
    assert claimed.hits(position, position + 4)
    figures = suggest(text, languages=fixed_language(text, language)).figures
    assert not [f for f in figures if f.start <= position < f.end]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Пришли до 1500 человек."),
        ("ru", "В 1200 домах нет света."),
        ("de", "Bis 1500 Menschen wurden gezählt."),
        ("tr", "Yaklaşık 1500 kişi geldi."),
        ("it", "Sono state raccolte 1.259 firme."),
        ("fr", "Il y avait 1200 personnes."),
    ],
)
def test_counts_are_not_years(language: str, text: str) -> None:
    assert _dates(text, language) == []


def test_foreign_month_names_are_read_when_the_paragraph_is_misdetected() -> None:
    text = "El informe cita el 11 de diciembre de 1981 como fecha clave."
    assert ("11 de diciembre de 1981", "1981-12-11") in _dates(text, "fr")
    text = "Лист датовано 22 березня 1943 року."
    assert ("22 березня 1943 року", "1943-03-22") in _dates(text, "ru")


def test_since_a_year_is_open_but_since_a_month_anchors() -> None:
    assert ("dal 2012", "2012/..") in _dates("I lavori sono fermi dal 2012.", "it")
    assert ("August 2002", "2002-08") in _dates("Die schwerste Flut seit August 2002.", "de")


def test_every_suggested_value_is_valid_edtf() -> None:
    text = (
        "Le 3 mars 1921, vers 1920, du 3 au 5 mai, dans les années 1990, au XXe siècle, "
        "au printemps 1992, en mars 1921, depuis 1991."
    )
    for date in find_dates(text, languages=fixed_language(text, "fr"), document_date="2021-01-01"):
        parse_edtf(date.edtf)


def test_english_range_with_a_comma_after_the_first_year() -> None:
    text = "The trial ran from March 3, 1996, to June 30, 1997, in the capital."
    assert ("March 3, 1996, to June 30, 1997", "1996-03-03/1997-06-30") in [
        (text[d.start : d.end].removeprefix("from "), d.edtf) for d in suggest(text).dates
    ]
    text = "Laws passed on March 3, 1996, and June 30, 1997, stand."
    assert [d.edtf for d in suggest(text).dates] == ["1996-03-03", "1997-06-30"]


@pytest.mark.parametrize(
    ("language", "text", "quote", "edtf"),
    [
        (
            "uk",
            "Виплат немає з листопада 2009 року по березень 2010 року.",
            "листопада 2009 року по березень 2010 року",
            "2009-11/2010-03",
        ),
        (
            "tr",
            "Sürgün Ocak 1951-Mart 1952 döneminde sürdü.",
            "Ocak 1951-Mart 1952",
            "1951-01/1952-03",
        ),
        (
            "hy",
            "Շինարարությունը տևեց 2015 թվականի մայիսից մինչև 2017 թվականի հունիս։",
            "2015 թվականի մայիսից մինչև 2017 թվականի հունիս",
            "2015-05/2017-06",
        ),
        (
            "ka",
            "გამოფენა 2019 წლის 3 მაისიდან 9 ივნისამდე გაგრძელდა.",
            "2019 წლის 3 მაისიდან 9 ივნისამდე",
            "2019-05-03/2019-06-09",
        ),
        (
            "az",
            "Təmir 2004-cü il martın 2-dən aprelin 6-dək davam etdi.",
            "2004-cü il martın 2-dən aprelin 6-dək",
            "2004-03-02/2004-04-06",
        ),
        (
            "it",
            "La mostra resta aperta tra il 4 e l'8 maggio 2019.",
            "tra il 4 e l'8 maggio 2019",
            "2019-05-04/2019-05-08",
        ),
        ("it", "Il ponte crollò nell'estate del 1966.", "estate del 1966", "1966-22"),
        ("it", "Dopo l'alluvione del '66 il paese cambiò.", "'66", "1966"),
        ("ka", "ქარხანა 1971 წლის იანვრიდან მუშაობს.", "1971 წლის იანვრიდან", "1971-01"),
    ],
)
def test_ranges_across_months_and_years(language: str, text: str, quote: str, edtf: str) -> None:
    _has(text, language, quote, edtf)


@pytest.mark.parametrize(
    ("language", "text", "edtf"),
    [
        ("ru", "Фото сделано в 1943 году (?) у вокзала.", "1943?"),
        ("de", "Die Aufnahme entstand am 4. Mai 1921 [?] in Köln.", "1921-05-04?"),
        ("es", "La carta, escrita probablemente en 1899, se perdió.", "1899?"),
    ],
)
def test_queried_and_probable_dates_are_uncertain(language: str, text: str, edtf: str) -> None:
    (date,) = find_dates(text, languages=fixed_language(text, language))
    assert (date.edtf, date.certainty) == (edtf, "uncertain")


def test_english_probable_and_approximate_dates() -> None:
    text = "The chapel was probably built in 1788 and rebuilt around 12 May 1850."
    assert [(d.edtf, d.certainty) for d in suggest(text).dates] == [
        ("1788?", "uncertain"),
        ("1850-05-12~", "approximate"),
    ]


def test_find_dates_without_a_claim_set_reads_times_safely() -> None:
    text = "Shelling began at 06:30 on 4 May 1999."
    assert [d.edtf for d in find_dates(text)] == ["1999-05-04"]


@pytest.mark.parametrize(
    ("language", "text", "quote", "edtf"),
    [
        (
            "ru",
            "Обстрел шёл в ночь с 3 на 4 марта 1994 года.",
            "с 3 на 4 марта 1994 года",
            "1994-03-03/1994-03-04",
        ),
        (
            "uk",
            "Штурм почався в ніч з 7 на 8 квітня 1944 року.",
            "з 7 на 8 квітня 1944 року",
            "1944-04-07/1944-04-08",
        ),
        ("es", "La fábrica cerró a finales de 1987.", "1987", "1987"),
        (
            "de",
            "Die Arbeiten liefen vom 30. Juni bis 2. Juli 1990.",
            "30. Juni bis 2. Juli 1990",
            "1990-06-30/1990-07-02",
        ),
    ],
)
def test_nights_and_edges_of_years(language: str, text: str, quote: str, edtf: str) -> None:
    _has(text, language, quote, edtf)


@pytest.mark.parametrize(
    ("language", "text", "quote", "edtf"),
    [
        # Azerbaijani in Cyrillic script: a range of days "X-дан Y-нә" like the Latin "-dan"
        (
            "az",
            "Сәрнишинләр 1961-ҹи ил мартын 4-дән 7-нә гәдәр вағзалда галдылар.",
            "1961-ҹи ил мартын 4-дән 7-нә",
            "1961-03-04/1961-03-07",
        ),
        # Georgian: a particle ("also", "the same") after the month's case ending
        ("ka", "წყალმა ხიდი 1968 წლის 3 მაისსაც დააზიანა.", "3 მაისსაც", "1968-05-03"),
        ("ka", "მეორე ბიძგი 1968 წლის 9 აპრილსვე მოხდა.", "9 აპრილსვე", "1968-04-09"),
    ],
)
def test_range_and_month_endings_in_az_cyrillic_and_georgian(
    language: str, text: str, quote: str, edtf: str
) -> None:
    _has(text, language, quote, edtf)


def test_an_approximate_year_followed_by_an_article_is_a_date() -> None:
    text = "Attorno al 1910 il paese si svuotò, e circa 1500 persone partirono."
    assert _dates(text, "it") == [("Attorno al 1910", "1910~")]
