"""People without a cue word, in the eleven languages (issue 18, item 4).

Every sentence here is written for these tests: the phenomena are the issue's (apposition,
titles, lists, speaker labels, case endings and possessives), the wording is ours.
"""

from __future__ import annotations

import pytest

from desktop.extract.languages import fixed_language
from desktop.extract.people import find_people
from desktop.extract.suggestion_data import PersonSuggestion


def _people(text: str, language: str) -> list[PersonSuggestion]:
    found = find_people(text, languages=fixed_language(text, language))
    return [p for p in found if not p.is_organisation]


def _spans(text: str, language: str) -> list[tuple[str, str]]:
    """(exact characters of the span, stored name) for every person found."""
    return [(text[p.start : p.end], p.name) for p in _people(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "written", "name"),
    [
        # Apposition after a role noun, no speech verb anywhere.
        (
            "en",
            "The party and its chairman, Andrew Whitcombe, lost the vote.",
            "Andrew Whitcombe",
            "Andrew Whitcombe",
        ),
        # A title that is not part of the name.
        (
            "en",
            "Admiral Dragan Vukovic was convicted of the shelling in 1996.",
            "Dragan Vukovic",
            "Dragan Vukovic",
        ),
        ("ru", "Вчера генерал Олег Сафронов покинул город.", "Олег Сафронов", "Олег Сафронов"),
        ("uk", "Президент Петро Гончаренко підписав указ.", "Петро Гончаренко", "Петро Гончаренко"),
        (
            "de",
            "Bundespräsident Joachim Brandt besuchte das Lager.",
            "Joachim Brandt",
            "Joachim Brandt",
        ),
        ("fr", "Le général Antoine Mercier a quitté Lyon.", "Antoine Mercier", "Antoine Mercier"),
        (
            "es",
            "El presidente Ernesto Salcedo firmó el acuerdo.",
            "Ernesto Salcedo",
            "Ernesto Salcedo",
        ),
        (
            "it",
            "Il generale Paolo Ferrante ha lasciato Torino.",
            "Paolo Ferrante",
            "Paolo Ferrante",
        ),
        ("az", "Prezident Elçin Qasımov kəndə gəldi.", "Elçin Qasımov", "Elçin Qasımov"),
        ("tr", "Vali Kemal Aydoğan köye gitti.", "Kemal Aydoğan", "Kemal Aydoğan"),
        # A bare given name and surname, with nothing else to go on.
        (
            "en",
            "Harriet Colvin arrived in the town the next morning.",
            "Harriet Colvin",
            "Harriet Colvin",
        ),
        # A surname that is also a city's name.
        ("it", "Ieri Giulia Colombo ha parlato in piazza.", "Giulia Colombo", "Giulia Colombo"),
        ("hy", "Երեկ Արմեն Սահակյանը հասավ գյուղ։", "Արմեն Սահակյանը", "Արմեն Սահակյան"),
        ("ka", "გუშინ ნინო ბერიძემ სოფელი დატოვა.", "ნინო ბერიძემ", "ნინო ბერიძე"),
    ],
)
def test_name_without_cue_word(language: str, text: str, written: str, name: str) -> None:
    assert (written, name) in _spans(text, language), _spans(text, language)


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        (
            "fr",
            "Le traité fut signé par Laurent Fabre et Joachim Keller à Metz.",
            ["Laurent Fabre", "Joachim Keller"],
        ),
        (
            "en",
            "Survivors included Maria Lindqvist, Tomas Hagen and Erik Solberg.",
            ["Maria Lindqvist", "Tomas Hagen", "Erik Solberg"],
        ),
        ("de", "Es sprachen Ingrid Maurer und Stefan Kohl.", ["Ingrid Maurer", "Stefan Kohl"]),
        (
            "az",
            "Toplantıda Rəşad Hüseynov və Aygün Məmmədova çıxış etdilər.",
            ["Rəşad Hüseynov", "Aygün Məmmədova"],
        ),
    ],
)
def test_names_in_a_list(language: str, text: str, names: list[str]) -> None:
    assert [name for _, name in _spans(text, language)] == names


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "en",
            "Interviewer: Where were you?\nPavel Lomov: At the station, with my sister.",
            "Pavel Lomov",
        ),
        ("ru", "Корреспондент: Что вы видели?\nАрсений Глебов: Дым над рекой.", "Арсений Глебов"),
        ("it", "Domanda: Dove abitava?\nLucia Benedetti: Vicino alla miniera.", "Lucia Benedetti"),
    ],
)
def test_speaker_label(language: str, text: str, name: str) -> None:
    (person,) = _people(text, language)
    assert person.name == name and person.role == "quoted"


@pytest.mark.parametrize(
    ("language", "text", "written", "name"),
    [
        ("en", "Later Nikolai Yezhov fell. Yezhov's deputy took the files.", "Yezhov's", "Yezhov"),
        (
            "az",
            "Kamran Petroviç gəldi. Sonra Petroviçin evini yoxladılar.",
            "Petroviçin",
            "Petroviç",
        ),
        ("tr", "Ahmet Yıldırım konuştu. Yıldırım'ın evi yanmıştı.", "Yıldırım'ın", "Yıldırım"),
        ("ru", "Дело Семёна Карпова открыли в марте.", "Семёна Карпова", "Семён Карпов"),
        ("ru", "Письмо Анны Вороновой пришло поздно.", "Анны Вороновой", "Анна Воронова"),
        ("uk", "Лист Тараса Кравченка загубився.", "Тараса Кравченка", "Тарас Кравченко"),
        (
            "ru",
            "Мы встретились с Верой Ильиничной Ждановой-Крайневой.",
            "Верой Ильиничной Ждановой-Крайневой",
            "Вера Ильинична Жданова-Крайнева",
        ),
        (
            "hy",
            "Գագիկ Մարտիրոսյանը եկավ։ Մարտիրոսյանի տունը այրվեց։",
            "Մարտիրոսյանի",
            "Մարտիրոսյան",
        ),
        ("ka", "ლევან კაპანაძემ თქვა, რომ კაპანაძის სახლი დაიწვა.", "კაპანაძის", "კაპანაძე"),
    ],
)
def test_endings_leave_the_name_not_the_span(
    language: str, text: str, written: str, name: str
) -> None:
    people = _people(text, language)
    hits = [p for p in people if text[p.start : p.end] == written]
    assert hits, [(text[p.start : p.end], p.name) for p in people]
    (person,) = hits
    assert name == person.name or name in person.variants


def test_a_repeated_surname_keeps_the_full_name_and_the_written_form() -> None:
    text = "Lavrenti Kobakhidze signed the order. Kobakhidze's men came at night."
    people = _people(text, "en")
    assert [p.name for p in people] == ["Lavrenti Kobakhidze", "Lavrenti Kobakhidze"]
    assert text[people[1].start : people[1].end] == "Kobakhidze's"
    assert people[1].variants == ("Kobakhidze",)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The United Nations and the Red Cross sent lorries."),
        ("en", "Fighting spread across Nagorno-Karabakh in the spring."),
        ("en", "The Lower Dorran Basin flooded again."),
        ("en", "Veterans of the first Zangezur war met in the hall."),
        ("en", "Flights from Hong Kong and Sri Lanka landed in Santiago de Chile."),
        ("en", "The letter was sent to the General Coordinator of the forum."),
        ("az", "Xocalı rayonu boşaldıldı, Ağdam şəhəri də."),
        ("ru", "Комитет Красного Креста и Совет Европы выступили вместе."),
        ("uk", "Верховна Рада України ухвалила закон."),
        ("fr", "La Croix-Rouge et les Nations unies ont protesté."),
        ("es", "El sismo golpeó San Isidro y Playa Honda."),
        ("it", "Il sindaco di Roma ha scritto al Comitato."),
        ("de", "Alle Männer mussten gehen. Meine Mutter blieb."),
        ("tr", "Arama Kurtarma Bölüğü köye ulaştı."),
        ("ka", "სამი ადამიანი დაიღუპა, მათ შორის ბავშვი."),
    ],
)
def test_places_organisations_and_words_are_not_people(language: str, text: str) -> None:
    assert _people(text, language) == []


def test_single_given_name_after_a_kin_word() -> None:
    text = "Потом умер мой младший брат Ваха, а весной и сестра."
    assert [name for _, name in _spans(text, "ru")] == ["Ваха"]


def test_turkish_honorific_after_the_name_is_not_part_of_it() -> None:
    text = "Komşumuz Hasan Bey kapıyı açtı."
    assert _spans(text, "tr") == [("Hasan", "Hasan")]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        # A form of address after a given name (Azerbaijani, Turkish).
        ("az", "Səhər kəndin ağsaqqalı Kamal kişi hamını çağırdı.", "Kamal"),
        ("tr", "Kapıyı Zehra teyze açtı.", "Zehra"),
        # A Georgian title before a given name: no capitals to go by.
        ("ka", "შეხვედრაზე ქალბატონი თამარ ისაუბრა.", "თამარ"),
    ],
)
def test_single_given_name_with_a_form_of_address(language: str, text: str, name: str) -> None:
    assert [p.name for p in _people(text, language)] == [name]


def test_georgian_initial_and_surname() -> None:
    text = "ანგარიში ხელმოწერილია: გ. ქავთარაძე."
    assert _spans(text, "ka") == [("გ. ქავთარაძე", "გ. ქავთარაძე")]


def test_lower_case_word_after_a_russian_name_is_not_its_head() -> None:
    # "суд" (court) follows the name as the subject of the next clause; in Azerbaijani a
    # lower-case head after the words does make them a place ("rayonu").
    text = "Дело против инженера Тимура Савченко суд закрыл в 2011 году."
    assert [name for _, name in _spans(text, "ru")] == ["Тимур Савченко"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Armenian: the "my" article on a witness's own surname; a given name that ends
        # in a letter that is also an article; a kin word set off by "՝"
        (
            "hy",
            "Ես՝ Անահիտ Սարգսյանս, տալիս եմ այս վկայությունը։",
            [("Անահիտ Սարգսյանս", "Անահիտ Սարգսյան")],
        ),
        (
            "hy",
            "Ցուցակում են նաև Տիգրան Ավետիսյանի և Կարեն Բաղդասարյանի անունները։",
            [
                ("Տիգրան Ավետիսյանի", "Տիգրան Ավետիսյան"),
                ("Կարեն Բաղդասարյանի", "Կարեն Բաղդասարյան"),
            ],
        ),
        ("hy", "Քույրս՝ Անին, այդ օրը տանը չէր։", [("Անին", "Անի")]),
        # a country in a case form is not a name: "from Western Armenia"
        ("hy", "Շատերը եկել էին Արևմտյան Հայաստանից։", []),
        # Georgian: a title in the ergative and a surname agreeing with it; a kin word
        # before a given name; an undeclined given name before a declined surname; an
        # initial and a surname; a list after a name
        (
            "ka",
            "პროკურორმა ლევან ხარაბამ სასჯელი მოითხოვა.",
            [("ლევან ხარაბამ", "ლევან ხარაბა")],
        ),
        ("ka", "ჩემი ძმისშვილი გიორგი სახლში დარჩა.", [("გიორგი", "გიორგი")]),
        (
            "ka",
            "სოფლის მასწავლებელმა ლეილა კვარაცხელიამ ბავშვები გაიყვანა.",
            [("ლეილა კვარაცხელიამ", "ლეილა კვარაცხელია")],
        ),
        (
            "ka",
            "ექიმმა ციური ქავთარაძემ დაჭრილები უმკურნალა.",
            [("ციური ქავთარაძემ", "ციური ქავთარაძე")],
        ),
        ("ka", "ხელმოწერა: თ. კვარაცხელია", [("თ. კვარაცხელია", "თ. კვარაცხელია")]),
        ("ka", "ოთხი არასრულწლოვანი გადაარჩინეს.", []),
    ],
)
def test_armenian_and_georgian_name_forms(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "y" between two full names is a list; between two surnames it is one name
        (
            "es",
            "Declararon como testigos Remedios Caballero y Gonzalo Ibarra, vecinos del lugar.",
            [("Remedios Caballero", "Remedios Caballero"), ("Gonzalo Ibarra", "Gonzalo Ibarra")],
        ),
        (
            "es",
            "La beca lleva el nombre de Mercè Rovira i Puig, maestra de Vic.",
            [("Mercè Rovira i Puig", "Mercè Rovira i Puig")],
        ),
        # a title word that ends the name is a surname ("Coronel", "Obispo")
        (
            "es",
            "El capitán retirado Ernesto Villalba Coronel negó los cargos.",
            [("Ernesto Villalba Coronel", "Ernesto Villalba Coronel")],
        ),
        # a Spanish patronymic surname makes an unknown given name a person
        (
            "es",
            "Todo el país siguió la agonía de Yaretzi Domínguez durante tres días.",
            [("Yaretzi Domínguez", "Yaretzi Domínguez")],
        ),
        # an Arabic article before a surname
        (
            "de",
            "Der Mitangeklagte Samir al-Haddad schwieg.",
            [("Samir al-Haddad", "Samir al-Haddad")],
        ),
        # an elided preposition glued to the given name
        (
            "fr",
            "Selon le récit d'Aminata Sangaré, le village a brûlé.",
            [("Aminata Sangaré", "Aminata Sangaré")],
        ),
        # a kin word and a comma before a full name; a regnal number after a title
        (
            "fr",
            "Ma grand-mère, Zahra Ait Ouali, a survécu. Le roi Hassan II est venu.",
            [("Zahra Ait Ouali", "Zahra Ait Ouali"), ("Hassan II", "Hassan II")],
        ),
        # a name right after an organisation head belongs to the organisation
        ("it", "Il rapporto dell'Associazione Porto Sicuro è uscito.", []),
        ("es", "Diario del Sur — Lima, 3 de mayo", []),
    ],
)
def test_romance_and_german_name_shapes(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a given name with an apostrophe inside it, in a list of accusatives
        (
            "uk",
            "Комісія назвала В'ячеслава Мельника, Степана Гнатюка та Олеся Бойчука винними.",
            [
                ("В'ячеслава Мельника", "В'ячеслав Мельник"),
                ("Степана Гнатюка", "Степан Гнатюк"),
                ("Олеся Бойчука", "Олесь Бойчук"),
            ],
        ),
        # a woman's surname in a consonant does not decline
        (
            "uk",
            "Лист підписала від імені громади Оксани Шевчишин сестра.",
            [("Оксани Шевчишин", "Оксана Шевчишин")],
        ),
        # an unknown man's surname in the genitive after his given name
        (
            "uk",
            "У щоденнику фельдшера Арона Ройтфарба згадано табір.",
            [("Арона Ройтфарба", "Арон Ройтфарб")],
        ),
        # an adjectival surname the dictionary reads as an adjective
        (
            "ru",
            "Сохранилось письмо дьякона Никодима Богоявленского из Твери.",
            [("Никодима Богоявленского", "Никодим Богоявленский")],
        ),
        # the Ukrainian vocative of a name and patronymic
        (
            "uk",
            "Оксано Степанівно, що було далі?",
            [("Оксано Степанівно", "Оксана Степанівна")],
        ),
    ],
)
def test_slavic_name_forms_in_context(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a run filling a pair of quotation marks is a ship, a school, an exhibition
        ("de", "Wir fuhren mit der „Kaiser Wilhelm“ nach Amerika.", []),
        ("it", "Gli alunni del liceo «Giovanni Pascoli» hanno scritto.", []),
        ("tr", 'Müzede "Deniz Feneri Anıları" adlı sergi açıldı.', []),
        # an institution named after a person, after its head word
        ("es", "La llevaron al hospital Carlos Andrade Marín en Quito.", []),
        ("it", "Associazione Carla Bianchi ETS\nRapporto annuale", []),
        # a German preposition that opens the sentence is not a given name
        ("de", "Bei Nachuntersuchungen fehlten 40 Kinder.", []),
        # Azerbaijani titles in Cyrillic script, and a genitive before a possessed title
        ("az", "Мәктубу шаир Рәфиг Зејналлы имзалады.", [("Рәфиг Зејналлы", "Рәфиг Зејналлы")]),
        (
            "az",
            "Мәктубу Али Шуранын Сәдри Нәриман Ханлар имзалады.",
            [("Нәриман Ханлар", "Нәриман Ханлар")],
        ),
    ],
)
def test_titles_of_things_and_possessors_are_not_people(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the dictionary knows a given name the list spells otherwise
        (
            "ru",
            "Приказ утвердил Лаврентий Цанава на следующий день.",
            [("Лаврентий Цанава", "Лаврентий Цанава")],
        ),
        # the words of one name share a case: a nominative woman, not a genitive man
        ("uk", "Свідок Ганна Мельник розповіла про голод.", [("Ганна Мельник", "Ганна Мельник")]),
        # a capitalised particle inside a surname; a list joined by "e"
        (
            "it",
            "Il sindaco Giorgio La Rocca e Amintore Ferri parlarono.",
            [("Giorgio La Rocca", "Giorgio La Rocca"), ("Amintore Ferri", "Amintore Ferri")],
        ),
        # a given name that is also a country, after a title; "y" before a full name
        (
            "es",
            "El presidente Salvador Ibáñez y Fidel Orozco se reunieron.",
            [("Salvador Ibáñez", "Salvador Ibáñez"), ("Fidel Orozco", "Fidel Orozco")],
        ),
    ],
)
def test_given_names_particles_and_shared_case(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _spans(text, language) == expected
