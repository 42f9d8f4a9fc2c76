"""Figure suggestions: values, qualifiers, counted noun phrases, categories, breakdowns."""

from __future__ import annotations

import pytest

from desktop.extract import DEFAULT_VOCABULARY, FigureSuggestion, Vocabulary, suggest
from desktop.extract.figures import find_figures
from desktop.extract.suggestion_data import QUALIFIERS


def _figures(text: str) -> list[FigureSuggestion]:
    return list(suggest(text).figures)


def _one(text: str) -> FigureSuggestion:
    figures = _figures(text)
    assert len(figures) == 1, [(text[f.start : f.end], f) for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "quote"),
    [
        ("Police counted 1,380 protesters in the square.", 1380, "exact", "1,380 protesters"),
        ("Rescuers found 8000 bodies in the forest.", 8000, "exact", "8000 bodies"),
        (
            "Eight journalists were detained overnight.",
            8,
            "exact",
            "Eight journalists were detained",
        ),
        ("The shelling left thirty-three houses in ruins.", 33, "exact", "thirty-three houses"),
        (
            "The regime jailed two hundred and fifty students.",
            250,
            "exact",
            "two hundred and fifty students",
        ),
        ("Aid reached 2.5 million people last winter.", 2_500_000, "exact", "2.5 million people"),
        ("Nearly 4,000 villagers fled the valley.", 4000, "nearly", "Nearly 4,000 villagers fled"),
        ("Almost 90 fishermen drowned in the storm.", 90, "nearly", "Almost 90 fishermen"),
        ("Over 600 bodies were exhumed.", 600, "more than", "Over 600 bodies"),
        (
            "More than 1,200 pupils were evacuated.",
            1200,
            "more than",
            "More than 1,200 pupils were evacuated",
        ),
        ("No fewer than 300 prisoners escaped.", 300, "at least", "No fewer than 300 prisoners"),
        ("At least 12 miners were trapped underground.", 12, "at least", "At least 12 miners"),
        ("Roughly 2,500 workers joined the strike.", 2500, "about", "Roughly 2,500 workers"),
        (
            "An estimated 70,000 residents lost power.",
            70000,
            "about",
            "An estimated 70,000 residents",
        ),
        ("Some 40 reporters covered the trial.", 40, "about", "Some 40 reporters"),
        ("Up to 50 shops were looted.", 50, "up to", "Up to 50 shops"),
        ("As many as 900 sailors were lost at sea.", 900, "up to", "As many as 900 sailors"),
        ("Fewer than 20 houses still stand.", 20, "fewer than", "Fewer than 20 houses"),
        ("No more than 15 guards were on duty.", 15, "at most", "No more than 15 guards"),
        ("The march drew 10,000+ people.", 10000, "at least", "10,000+ people"),
        ("About 45% of voters abstained.", 45, "about", "About 45%"),
    ],
)
def test_value_qualifier_and_span(text: str, value: float, qualifier: str, quote: str) -> None:
    figure = _one(text)
    assert figure.value == value
    assert figure.qualifier == qualifier
    assert qualifier in QUALIFIERS
    assert text[figure.start : figure.end] == quote


@pytest.mark.parametrize(
    ("text", "value", "upper"),
    [
        ("Between 40 and 60 soldiers deserted.", 40, 60),
        ("The flood displaced 200-300 families.", 200, 300),
        ("Witnesses saw 15 to 20 trucks leave.", 15, 20),
        ("Between five and ten boats capsized.", 5, 10),
    ],
)
def test_ranges(text: str, value: float, upper: float) -> None:
    figure = _one(text)
    assert (figure.value, figure.upper_value, figure.qualifier) == (value, upper, "range")


@pytest.mark.parametrize(
    ("text", "category", "counted"),
    [
        ("The bombing killed 42 passengers.", "killed", "passengers killed"),
        ("In all, 42 passengers perished.", "killed", "passengers perished"),
        ("Soldiers murdered 19 farmers.", "killed", "farmers killed"),
        ("The raid claimed the lives of 31 pilgrims.", "killed", "pilgrims killed"),
        ("At the mill 17 workers lost their lives.", "killed", "workers lost their lives"),
        ("Officials said 56 people died in the fire.", "killed", "people died"),
        ("Another 230 residents were wounded.", "wounded", "residents wounded"),
        ("Some 80 protesters were badly injured.", "wounded", "protesters injured"),
        ("Mines maimed 14 children.", "wounded", "children wounded"),
        ("Rebels took 300 hostages.", "hostages", "hostages"),
        ("The militia captured 27 aid workers.", "hostages", "aid workers hostages"),
        ("Some 64 tourists were taken hostage.", "hostages", "tourists taken hostage"),
        ("A further 150 villagers went missing.", "missing", "villagers went missing"),
        ("At least 11 activists disappeared.", "missing", "activists disappeared"),
        ("Roughly 20,000 refugees crossed the border.", "displaced", "refugees"),
        ("Some 5,000 families were expelled.", "displaced", "families expelled"),
        ("The war orphaned 400 children.", "orphaned", "children orphaned"),
        ("Twelve pupils lost both parents.", "orphaned", "pupils lost both parents"),
    ],
)
def test_category_and_counted(text: str, category: str, counted: str) -> None:
    figure = _one(text)
    assert figure.category == category
    assert figure.counted == counted


def test_breakdown_points_at_total() -> None:
    text = (
        "The militia executed 412 villagers, including 97 women, 58 children and "
        "23 elderly men. Later 40 houses burned."
    )
    figures = _figures(text)
    quotes = [text[f.start : f.end] for f in figures]
    assert quotes[:4] == ["412 villagers", "97 women", "58 children", "23 elderly men"]
    total = quotes.index("412 villagers")
    assert [f.part_of for f in figures[:4]] == [None, total, total, total]
    assert all(f.category == "killed" for f in figures[:4])
    assert figures[2].counted == "children killed"
    assert figures[4].part_of is None and figures[4].value == 40


def test_breakdown_with_event_after_the_list() -> None:
    text = "In all 900 pilgrims, among them 120 nuns and 35 monks, were abducted."
    figures = _figures(text)
    assert [f.value for f in figures] == [900, 120, 35]
    assert [f.part_of for f in figures] == [None, 0, 0]
    assert {f.category for f in figures} == {"hostages"}


def test_breakdown_in_a_list_layout() -> None:
    text = "88 people killed, including:\n30 children;\n12 women.\n7 houses burned;"
    figures = _figures(text)
    assert [f.part_of for f in figures] == [None, 0, 0, None]


@pytest.mark.parametrize(
    "text",
    [
        "The 41st anniversary and the 103rd session were marked.",
        "Security Council Resolution 1244 (1999) applies.",
        "Article 5 of the treaty was invoked.",
        "Ref. K-93PQ7ZT1LX and code AB12C.",
        "Zoom: + − 18 px",
        "Updated 07:45 (UTC +03:00).",
        "The convoy left at 6 pm.",
        "On 14 March 2003 the court sat.",
        "Not one witness came forward.",
        "It was one of the worst winters.",
        "The first and second brigades moved.",
        "Follow #11july and #srebrenica30.",
        "Visit www.example.org/2020/report for details.",
        "The 1990s were hard.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_four_digit_count_is_not_a_year() -> None:
    figure = _one("1340 held captive;")
    assert figure.value == 1340 and figure.category == "hostages"


def test_year_and_count_in_one_sentence() -> None:
    text = "In 1995, 8,000 men and boys were killed near the town."
    result = suggest(text)
    assert [d.edtf for d in result.dates] == ["1995"]
    assert [f.value for f in result.figures] == [8000]
    assert result.figures[0].category == "killed"


def test_one_counts_only_with_an_event() -> None:
    figure = _one("One journalist was killed in the blast.")
    assert figure.value == 1 and figure.category == "killed"


def test_durations_and_compounds() -> None:
    figures = _figures("After the 44-day war and thirty-three years of exile, 17 countries spoke.")
    assert [(f.value, f.counted) for f in figures] == [
        (44, "day war"),
        (33, "years"),
        (17, "countries"),
    ]


def test_currency_is_counted() -> None:
    figure = _one("Donors pledged $5 million for reconstruction.")
    assert figure.value == 5_000_000 and "dollars" in figure.counted


def test_editable_vocabulary() -> None:
    custom = DEFAULT_VOCABULARY.extended({"looted": ["plundered", "ransacked"]})
    text = "Soldiers plundered 40 homes."
    assert find_figures(text, vocabulary=custom)[0].category == "looted"
    assert find_figures(text)[0].category is None
    assert find_figures("Soldiers razed 40 homes.")[0].category == "destroyed"
    only = Vocabulary.from_mapping({"Arrested": ["rounded up"]})
    assert find_figures("Police rounded up 30 students.", vocabulary=only)[0].category == "arrested"
    assert only.to_mapping() == {"arrested": ["rounded up"]}
    assert suggest("Police rounded up 30 students.", vocabulary=only).figures[0].category == (
        "arrested"
    )


def test_vocabulary_round_trips_through_a_file(tmp_path) -> None:
    path = tmp_path / "vocabulary.json"
    import json

    path.write_text(json.dumps({"killed": ["fell"]}), encoding="utf-8")
    vocabulary = Vocabulary.from_json_file(path)
    assert vocabulary.category_of("FELL") == "killed"
    assert vocabulary.category_of("wounded") is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Nearly two-thirds of the archive burned.", []),
        ("The 2011 disaster displaced 40 villages.", [40]),
        ("In 1500 villages the wells ran dry.", [1500]),
        ("Rescuers pulled 39 survivors from the rubble over three days.", [39, 3]),
    ],
)
def test_years_fractions_and_prepositions(text: str, values: list[float]) -> None:
    assert [f.value for f in _figures(text)] == values


def test_over_before_a_duration_is_a_preposition() -> None:
    figures = _figures("Rescuers pulled 39 survivors from the rubble over three days.")
    assert figures[1].qualifier == "exact"
    assert _one("Over 300 days of siege followed.").qualifier == "more than"


def test_relative_clause_event() -> None:
    figure = _one("Parents still search for the 43 students who went missing in 2014.")
    assert figure.category == "missing" and figure.counted == "students went missing"


def test_coordinated_nouns_share_the_event() -> None:
    figure = _one("In 1995, 8,000 men and boys were executed.")
    assert figure.counted == "men and boys executed" and figure.category == "killed"


# --- breakdowns: the parts take the whole's event; a new clause is not a part ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 80 miners died, including 12 apprentices, and 40 miners are missing.",
            [("killed", None), ("killed", 0), ("missing", None)],
        ),
        (
            "The storm killed 33 people, including 9 children, and 210 people were injured.",
            [("killed", None), ("killed", 0), ("wounded", None)],
        ),
        (
            "Fifty-one villagers of Orsk were killed overnight, including 14 women and 8 children.",
            [("killed", None), ("killed", 0), ("killed", 0)],
        ),
        (
            "300 travellers, including 41 students and 12 teachers, were abducted.",
            [("hostages", None), ("hostages", 0), ("hostages", 0)],
        ),
        (
            "96 people were killed. Among the 20 wounded, several are in hospital.",
            [("killed", None), ("wounded", None)],
        ),
    ],
)
def test_breakdown_members_share_the_whole_event(
    text: str, expected: list[tuple[str | None, int | None]]
) -> None:
    figures = find_figures(text)
    assert [(f.category, f.part_of) for f in figures] == expected
