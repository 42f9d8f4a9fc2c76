"""Figures in the eleven languages: number formats, scale words, number words, qualifiers,
ranges, vague quantities, nouns before the number, and numbers that are not counts.

The sentences are written for these tests (issue 18's phenomena in new words).
"""

from __future__ import annotations

import pytest

from desktop.extract import DEFAULT_VOCABULARY, suggest
from desktop.extract.figures import find_figures
from desktop.extract.languages import LanguageMap, LanguageSpan, fixed_language
from desktop.extract.number_locale import parse_locale_digits, scale_words
from desktop.extract.suggestion_data import FigureSuggestion


def _figures(text: str, language: str) -> list[FigureSuggestion]:
    return find_figures(text, languages=fixed_language(text, language))


def _values(text: str, language: str) -> list[tuple[float, float | None, str]]:
    return [(f.value, f.upper_value, f.qualifier) for f in _figures(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Locale number formats and CLDR scale words.
        ("it", "Sul muro sono incisi 8.372 nomi di deportati.", [(8372, None, "exact")]),
        ("de", "Die Liste umfasst 8’372 Namen.", [(8372, None, "exact")]),
        ("fr", "Le registre compte 8 372 noms.", [(8372, None, "exact")]),
        ("ru", "Ущерб оценён в 1,2 млн рублей.", [(1_200_000, None, "exact")]),
        ("es", "La guerra dejó más de 75 mil muertos.", [(75_000, None, "more than")]),
        ("az", "Qəsəbənin 7 min əhalisi təxliyə edildi.", [(7000, None, "exact")]),
        ("tr", "Depremde 12 bin bina yıkıldı.", [(12_000, None, "exact")]),
        ("uk", "Евакуювали 3 тисячі мешканців.", [(3000, None, "exact")]),
        ("hy", "Աղետից տուժել է 40 հազար մարդ։", [(40_000, None, "exact")]),
        ("ka", "ქალაქიდან 15 ათასი ადამიანი გაიქცა.", [(15_000, None, "exact")]),
        ("de", "Rund 2,5 Millionen Menschen flohen.", [(2_500_000, None, "about")]),
        ("it", "I danni superano i 3 milioni di euro.", [(3_000_000, None, "more than")]),
        ("uk", "Евакуювали 2 тис. 300 осіб.", [(2300, None, "exact")]),
        ("tr", "İlçede 12 bin 500 kişi yaşıyor.", [(12500, None, "exact")]),
        # Number words.
        ("ru", "В подвале нашли сорок два тела.", [(42, None, "exact")]),
        ("uk", "Під завалами загинули п'ятдесят три шахтарі.", [(53, None, "exact")]),
        ("de", "Zweiundvierzig Häftlinge wurden befreit.", [(42, None, "exact")]),
        # Ukrainian apostrophes in three spellings.
        (
            "uk",
            "Поранено двісті п’ять осіб і п\u02bcятдесят рятувальників.",
            [(205, None, "exact"), (50, None, "exact")],
        ),
        # Azerbaijani in Cyrillic: a number word with a case ending and "nearly" after it.
        ("az", "Кәнддә бешә јахын ев јанды.", [(5, None, "nearly")]),
        ("fr", "Quatre-vingt-dix familles ont été relogées.", [(90, None, "exact")]),
        ("es", "Murieron cuarenta y dos mineros.", [(42, None, "exact")]),
        ("it", "Furono arrestati ventotto studenti.", [(28, None, "exact")]),
        ("tr", "Kazada iki yüz elli kişi yaralandı.", [(250, None, "exact")]),
        ("az", "Hadisədə on iki nəfər həlak olub.", [(12, None, "exact")]),
        ("ka", "ხანძარში ორმოცდაორი სახლი დაიწვა.", [(42, None, "exact")]),
        ("hy", "Երկրաշարժից քսանհինգ տուն ավերվեց։", [(25, None, "exact")]),
        ("es", "Se calcula que unos mil vecinos huyeron.", [(1000, None, "about")]),
        ("es", "El daño alcanza mil millones de pesos.", [(1_000_000_000, None, "exact")]),
        # Qualifiers before and after the number.
        ("ru", "Пострадали более 140 человек.", [(140, None, "more than")]),
        ("ru", "Эвакуированы не менее 30 семей.", [(30, None, "at least")]),
        ("uk", "Понад 500 будинків лишилися без світла.", [(500, None, "more than")]),
        ("uk", "Загинули щонайменше шестеро рятувальників.", [(6, None, "at least")]),
        (
            "fr",
            "Plus de 300 personnes ont fui, environ 40 sont blessées.",
            [(300, None, "more than"), (40, None, "about")],
        ),
        ("fr", "L'aide vise les enfants de moins de 15 ans.", [(15, None, "fewer than")]),
        ("de", "Betroffen sind Kinder älter als 15 Jahre.", [(15, None, "more than")]),
        ("de", "Mindestens 70 Häuser wurden zerstört.", [(70, None, "at least")]),
        (
            "it",
            "Oltre 200 sfollati e almeno 12 dispersi.",
            [(200, None, "more than"), (12, None, "at least")],
        ),
        ("es", "Casi 900 familias perdieron su casa.", [(900, None, "nearly")]),
        ("az", "Kənddə 50-dən artıq ev dağıdılıb.", [(50, None, "more than")]),
        (
            "az",
            "Ən azı 20 nəfər yaralanıb, təxminən 300 nəfər köçüb.",
            [(20, None, "at least"), (300, None, "about")],
        ),
        (
            "tr",
            "En az 35 kişi öldü, yaklaşık 400 kişi yaralandı.",
            [(35, None, "at least"), (400, None, "about")],
        ),
        ("tr", "Sel 60'tan fazla köyü etkiledi.", [(60, None, "more than")]),
        (
            "hy",
            "Ավելի քան 80 ընտանիք տեղահանվեց, մոտ 30 երեխա։",
            [(80, None, "more than"), (30, None, "about")],
        ),
        (
            "ka",
            "დაახლოებით 70 ოჯახი დაზარალდა, 20-ზე მეტი სახლი.",
            [(70, None, "about"), (20, None, "more than")],
        ),
        # Ranges.
        ("it", "Le vittime avevano dai 12 ai 77 anni.", [(12, 77, "range")]),
        ("ru", "Возраст погибших — от 18 до 64 лет.", [(18, 64, "range")]),
        ("uk", "Щодня приходило від 300 до 450 людей.", [(300, 450, "range")]),
        ("es", "Había entre 40 y 60 heridos.", [(40, 60, "range")]),
        ("fr", "De 200 à 250 maisons ont été inondées.", [(200, 250, "range")]),
        ("de", "Zwischen 30 und 45 Bergleute waren eingeschlossen.", [(30, 45, "range")]),
        ("hy", "Տուժածները 5-ից 70 տարեկան էին։", [(5, 70, "range")]),
        ("ka", "დაზარალებულები 3-დან 60 წლამდე იყვნენ.", [(3, 60, "range")]),
        ("az", "Yaralıların yaşı 16 ilə 70 arasındadır.", [(16, 70, "range")]),
        ("ru", "Погибли от 600 тысяч до 1,5 млн жителей.", [(600_000, 1_500_000, "range")]),
        ("it", "La disoccupazione passò dal 10 al 12 per cento.", [(10, 12, "range")]),
        ("es", "Entre el 10 y el 12 % de las casas.", [(10, 12, "range")]),
        ("ru", "Погибли 1,5–2 тыс. человек.", [(1500, 2000, "range")]),
        # Vague quantities as ranges with "about".
        ("ru", "Десятки домов смыло водой.", [(20, 99, "about")]),
        ("uk", "Сотні людей вийшли на площу.", [(200, 999, "about")]),
        ("fr", "Des milliers de réfugiés attendent.", [(2000, 9999, "about")]),
        ("fr", "Une soixantaine de mineurs sont remontés.", [(60, None, "about")]),
        ("es", "Decenas de casas quedaron en ruinas.", [(20, 99, "about")]),
        ("de", "Hunderte Menschen demonstrierten.", [(200, 999, "about")]),
        ("it", "Migliaia di persone hanno sfilato.", [(2000, 9999, "about")]),
        ("az", "Yüzlərlə ailə evsiz qaldı.", [(200, 999, "about")]),
        ("tr", "Binlerce kişi meydanda toplandı.", [(2000, 9999, "about")]),
        ("hy", "Հազարավոր մարդիկ հավաքվեցին։", [(2000, 9999, "about")]),
        ("ka", "ასობით ოჯახი დარჩა უსახლკაროდ.", [(200, 999, "about")]),
        ("uk", "Голод забрав життя мільйонів людей.", [(2_000_000, 9_999_999, "about")]),
        # A counted noun before the numeral makes it approximate in Russian.
        ("ru", "В подвале пряталось человек двадцать.", [(20, None, "about")]),
        # "until today" after a count is not "up to".
        ("ka", "მათგან 26 ათასი დღემდე ვერ დაბრუნებულა.", [(26000, None, "exact")]),
        ("tr", "Ormandan 40 kişi bugüne kadar kurtarıldı.", [(40, None, "exact")]),
        # Nouns before the number.
        ("ru", "Число погибших достигло 370.", [(370, None, "exact")]),
        ("uk", "Кількість постраждалих зросла до 96.", [(96, None, "exact")]),
    ],
)
def test_values_qualifiers_and_ranges(
    language: str, text: str, expected: list[tuple[float, float | None, str]]
) -> None:
    assert _values(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("az", "366-cı alayın əsgərləri geri çəkildi."),
        ("az", "2-ci batalyon kəndə daxil oldu."),
        ("tr", "3. Tümen şehre girdi."),
        ("az", "5-инҹи батальон кәндә дахил олду."),
        ("fr", "La 5e division a franchi le fleuve."),
        ("it", "La 5ª divisione avanzava lentamente."),
        ("ru", "Согласно статье 7 закона, 366-й полк был расформирован."),
        ("uk", "Документ № 5 зберігається в архіві."),
        ("de", "Nach Artikel 12 und Nr. 5 der Verordnung."),
        ("es", "Véase el artículo 12, página 4."),
        ("ka", "მე-5 ბატალიონი ქალაქში შევიდა."),
        ("hy", "Հոդված 12-ի համաձայն դպրոցը փակվեց։"),
        ("ru", "Это случилось 22 марта 1943 года."),
        ("az", "1992-ci il fevralın 26-da kənd yandırıldı."),
        ("de", "Am 9. Juni 1942 begann die Räumung."),
        ("es", "Ocurrió entre el 11 y el 13 de diciembre de 1981."),
        ("ka", "1944 წლის 15 ნოემბერს დაიწყო."),
        ("tr", "Tören saat 11.00'de başlayacak."),
        ("fr", "La sirène a retenti à sept heures du matin."),
        ("it", "Negli anni Sessanta la miniera chiuse."),
    ],
)
def test_not_counts(language: str, text: str) -> None:
    assert _figures(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [
        ("ru", "Во время обстрела погибли 14 человек.", "killed"),
        ("uk", "Ще 28 гірників отримали поранення.", "wounded"),
        ("az", "Hücum zamanı 12 nəfər girov götürülüb.", "hostages"),
        ("tr", "Selde 9 kişi kayboldu.", "missing"),
        ("hy", "Հեղեղից 140 մարդ տարհանվեց։", "displaced"),
        ("ka", "აფეთქებისას 6 მუშა დაიღუპა.", "killed"),
        ("fr", "L'incendie a fait 31 morts.", "killed"),
        ("es", "El sismo dejó 250 heridos.", "wounded"),
        ("de", "Bei dem Angriff wurden 40 Zivilisten getötet.", "killed"),
        ("it", "Nella frana sono rimasti feriti 17 operai.", "wounded"),
    ],
)
def test_categories_compare_across_languages(language: str, text: str, category: str) -> None:
    figures = _figures(text, language)
    assert [f.category for f in figures] == [category]


@pytest.mark.parametrize(
    ("text", "value", "upper", "qualifier"),
    [
        ("After the blast the death toll climbs to 370.", 370, None, "exact"),
        ("By noon the number of dead stood at 255.", 255, None, "exact"),
        ("Losses were estimated at about 22,000.", 22_000, None, "about"),
        ("Officials say 500-1000 may have died.", 500, 1000, "range"),
        ("Dozens of people were trapped.", 20, 99, "about"),
        ("Hundreds of families fled the valley.", 200, 999, "about"),
        ("Forty-two of them reached the border.", 42, None, "exact"),
        ("Close to half a million people were deported.", 500_000, None, "nearly"),
    ],
)
def test_english_figures_without_a_noun_after(
    text: str, value: float, upper: float | None, qualifier: str
) -> None:
    figures = list(suggest(text).figures)
    assert [(f.value, f.upper_value, f.qualifier) for f in figures] == [(value, upper, qualifier)]


def test_english_death_toll_takes_the_killed_category() -> None:
    text = "The death toll from the landslide now stands at 37."
    assert [f.category for f in suggest(text).figures] == ["killed"]


def test_paragraph_language_chooses_the_number_format() -> None:
    """The same digits mean 8.372 in English and 8372 in an Italian paragraph."""
    english = "The engineers' survey of the old front line measured 8.372 metres of trench."
    italian = "Il muro riporta 8.372 nomi di caduti e dispersi della guerra mondiale."
    text = f"{english}\n\n{italian}"
    figures = list(suggest(text).figures)
    assert [f.value for f in figures] == [8.372, 8372]


def test_scale_words_come_from_cldr() -> None:
    assert scale_words("tr")["bin"] == 1000
    assert scale_words("ru")["млн"] == 1_000_000
    assert scale_words("it")["mila"] == 1000


@pytest.mark.parametrize(
    ("digits", "language", "value"),
    [("8.372", "de", 8372), ("8,372", "en", 8372), ("1,2", "ru", 1.2), ("1.234,5", "it", 1234.5)],
)
def test_locale_digits(digits: str, language: str, value: float) -> None:
    assert parse_locale_digits(digits, language, False) == value


def test_bare_year_in_a_figure_sentence_is_not_a_count() -> None:
    text = "В 1995 году в лагере жили 4 618 человек."
    assert _values(text, "ru") == [(4618, None, "exact")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # One person's age is not a count; a count in the same sentence still is.
        ("ru", "Ему было 45 лет, а погибли 45 человек.", [45]),
        ("tr", "45 yaşındaki adam ve 12 kişi öldü.", [12]),
        ("es", "A los 12 años huyó con otros 40 heridos.", [40]),
        ("de", "Mit 15 Jahren floh sie mit 40 Erwachsenen.", [40]),
        # A day after its month, then a count: only the count.
        ("az", "1990-cı il yanvarın 20-də 147 nəfər həlak oldu.", [147]),
        # A month in the locative before a count is not a date.
        ("ka", "2008 წლის აგვისტოში 228 მოქალაქე დაიღუპა.", [228]),
        # A year in front of its event noun; a four-digit count of people.
        ("tr", "1999 depreminde 17 bin kişi öldü.", [17000]),
        ("ru", "В 1995 году эвакуировали 2000 человек.", [2000]),
    ],
)
def test_ages_years_and_days_beside_counts(language: str, text: str, expected: list[float]) -> None:
    assert [f.value for f in _figures(text, language)] == expected


def test_english_single_age_is_not_a_count() -> None:
    text = "A 45-year-old man and a woman aged 30 were among 12 people killed."
    assert [f.value for f in suggest(text).figures] == [12]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Declined label words: "согласно пункту 3".
        ("ru", "Согласно пункту 3 и ст. 58 были арестованы 40 человек.", [40]),
        # A label that already has its number before it does not take the next one.
        ("ka", "კოდექსის 108-ე მუხლით 2 პირი დააკავეს.", [2]),
    ],
)
def test_labels_and_their_numbers(language: str, text: str, expected: list[float]) -> None:
    assert [f.value for f in _figures(text, language)] == expected


def test_unsupported_language_code_falls_back_to_the_script() -> None:
    """A Cyrillic paragraph the detector calls Bulgarian is read with Russian rules."""
    text = "Погибли 1,2 млн человек."
    languages = LanguageMap((LanguageSpan(0, len(text), "bg"),), "bg")
    figures = find_figures(text, languages=languages)
    assert [(f.value, f.category) for f in figures] == [(1_200_000, "killed")]


def test_user_vocabulary_applies_to_other_languages() -> None:
    text = "В ходе операции 40 человек были интернированы."
    assert [f.category for f in _figures(text, "ru")] == [None]
    custom = DEFAULT_VOCABULARY.extended({"detained": ["интернированы"]})
    figures = find_figures(text, vocabulary=custom, languages=fixed_language(text, "ru"))
    assert [f.category for f in figures] == ["detained"]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was adjourned at 11. It resumed on Monday.",
        "The vote was 52 to 48 in favour.",
    ],
)
def test_english_bare_numbers_without_a_quantity_cue_stay_out(text: str) -> None:
    assert list(suggest(text).figures) == []


def test_english_change_verb_reaches_both_ends_of_a_clause() -> None:
    text = "Cases rose from 212 in the first week to 1,046 in the third week."
    assert [f.value for f in suggest(text).figures] == [212, 1046]


def test_english_age_range_is_a_figure() -> None:
    figures = list(suggest("Children aged 5 to 17 were registered.").figures)
    assert [(f.value, f.upper_value, f.qualifier) for f in figures] == [(5, 17, "range")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Hundreds of thousands of civilians were massacred and expelled."),
        ("ru", "Сотни семей были убиты и изгнаны."),
    ],
)
def test_two_coordinated_events_give_no_single_category(language: str, text: str) -> None:
    """A figure that says two things at once must not enter either comparison."""
    figures = _figures(text, language)
    assert len(figures) == 1 and figures[0].category is None
