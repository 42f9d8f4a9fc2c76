"""Figures whose qualifier, scale or label status comes from a grammar detail.

Sentences written for these tests (invented events): "up to" after an ordinary verb,
"hundreds" counted by a number word, the Spanish personal "a" after a qualifier,
Turkish and Azerbaijani "exceeds" after the accusative, Cyrillic Azerbaijani scale
words with case endings, "tens of thousands" as tens times a thousand, Georgian
"tens", a qualified number at the end of a sentence, and unit or file numbers.
"""

from __future__ import annotations

import pytest

from desktop.extract.figures import find_figures
from desktop.extract.languages import fixed_language


def _values(text: str, language: str) -> list[tuple[float, float | None, str]]:
    found = find_figures(text, languages=fixed_language(text, language))
    return [(f.value, f.upper_value, f.qualifier) for f in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "до" after a verb that is not one of change is "up to"; after one it is exact
        ("ru", "На переправу пригоняли до тридцати подвод.", [(30, None, "up to")]),
        ("ru", "Число беженцев выросло до 410.", [(410, None, "exact")]),
        ("uk", "Кожна бригада приймала до п'ятнадцяти осіб.", [(15, None, "up to")]),
        ("uk", "Кількість евакуйованих скоротилася до 75.", [(75, None, "exact")]),
        # "шесть сотен": a number word counting hundreds
        ("ru", "Обоз вывез без малого четыре сотни раненых.", [(400, None, "nearly")]),
        ("uk", "До табору прибули дві сотні біженців.", [(200, None, "exact")]),
        ("ru", "Сотни семей остались без крова.", [(200, 999, "about")]),
        # Spanish personal "a" between the qualifier and the number
        ("es", "La columna desalojó al menos a 48 familias.", [(48, None, "at least")]),
        ("es", "Rescataron casi a 300 mineros.", [(300, None, "nearly")]),
        # "exceeds" after a number in the accusative
        ("tr", "Yangında 350'yi aşkın ev yandı.", [(350, None, "more than")]),
        ("az", "Köçkünlərin sayı 800-ü keçir.", [(800, None, "more than")]),
        ("az", "Јаралыларын сајы 70-и кечир.", [(70, None, "more than")]),
        # Cyrillic Azerbaijani scale words with case endings; "half"
        ("az", "Шәһәрдән 12 миндән артыг адам чыхды.", [(12_000, None, "more than")]),
        ("az", "Јарым милјондан артыг сакин көчүрүлдү.", [(500_000, None, "more than")]),
        # tens of thousands: dozens (20–99) times a thousand
        ("uk", "Місто залишили десятки тисяч мешканців.", [(20_000, 99_000, "about")]),
        ("az", "On minlərlə adam meydana çıxdı.", [(20_000, 99_000, "about")]),
        # Georgian "by tens"
        ("ka", "ათობით სახლი დაინგრა.", [(20, 99, "about")]),
        # a qualified number that ends the sentence is not an ordinal "12."
        ("az", "Yaralılar çox idi, ən azı 35. Xəstəxana dolmuşdu.", [(35, None, "at least")]),
        ("tr", "Kayıplar fazlaydı, en az 18. Aileler bekliyordu.", [(18, None, "at least")]),
    ],
)
def test_grammar_of_qualifiers_and_scales(
    language: str, text: str, expected: list[tuple[float, float | None, str]]
) -> None:
    assert _values(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Er leitete die Abteilung 215 in Homs."),
        ("fr", "Des soldats du régiment d'infanterie 151 ont tiré."),
        ("es", "Archivo Oral — Entrevista 17\nMadrid"),
        ("es", "Los soldados del batallón de cazadores 9 avanzaron."),
        ("tr", "3. Tümen geri çekildi."),
    ],
)
def test_unit_and_file_numbers_are_not_counts(language: str, text: str) -> None:
    assert _values(text, language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yaralıların sayı 140-ı keçdi.", [(140, None, "more than")]),
        ("Qurbanların sayı 30-u keçmir.", [(30, None, "at most")]),
        ("Гачгынларын сајы 900-ү ашды.", [(900, None, "more than")]),
    ],
)
def test_azerbaijani_exceeds_in_every_tense_and_its_negation(
    text: str, expected: list[tuple[float, float | None, str]]
) -> None:
    assert _values(text, "az") == expected
