"""Citation styles, checked against whole expected strings.

Every document kind the archive holds is cited in all three styles, because a court
or an editor reads the whole entry: a stray comma or a lost bracket is a defect, so
the tests compare exact text rather than fragments. The sources mirror the sample
material (../shared/seeds) but are written out here so the tests run without it.
"""

from __future__ import annotations

import html

import pytest

from db.date_words import cited_date
from desktop.dossier.citation import (
    Citation,
    CitationSource,
    Creator,
    Segment,
    format_citation,
    format_citations,
)

# --------------------------------------------------------------------------- sources


def news_with_author() -> CitationSource:
    return CitationSource(
        title=(
            "Israel-Azerbaijan association sends letter to int'l organizations"
            " due to 29th anniversary of Khojaly genocide"
        ),
        doc_type="news article",
        authors=[Creator.person("Nargiz Sadikhova")],
        publisher="Trend",
        published="2021-02-26",
        place="Baku",
        url="https://en.trend.az/azerbaijan/politics/3388411.html",
        language="en",
        reference="CAT-000001",
    )


def news_without_author() -> CitationSource:
    return CitationSource(
        title="Perpetrators of Khojaly genocide not brought to justice for 30 years",
        doc_type="news article",
        publisher="Daily Sabah",
        published="2022-02",
        url="https://www.dailysabah.com/world/khojaly",
        language="en",
    )


def open_letter() -> CitationSource:
    return CitationSource(
        title="We Demand Justice for Khojaly!",
        doc_type="open letter",
        authors=[Creator.parse("Justice for Khojaly campaign")],
        publisher="Justice for Khojaly campaign",
        url="https://www.justiceforkhojaly.org/",
        accessed="2025-03-03",
        language="en",
    )


def official_letter() -> CitationSource:
    return CitationSource(
        doc_type="letter",
        authors=[
            Creator.organisation(
                "Permanent Mission of the Republic of Azerbaijan to the United Nations"
            )
        ],
        recipients=["António Guterres"],
        published="2025-02-27",
        place="New York",
    )


def report() -> CitationSource:
    return CitationSource(
        title="Bloodshed in the Caucasus: escalation of the armed conflict in Nagorno Karabakh",
        doc_type="report",
        authors=[Creator.organisation("Helsinki Watch")],
        publisher="Human Rights Watch",
        place="New York",
        published="1992-09",
        url="https://www.hrw.org/reports/1992/us/",
        language="en",
    )


def photograph() -> CitationSource:
    return CitationSource(
        title="Remains of a rocket shell near a graveyard in Khojaly",
        title_devised=True,
        doc_type="photograph",
        authors=[Creator.organisation("Reuters")],
        publisher="Daily Sabah",
        published="2020-10-01",
        url="https://www.dailysabah.com/world/khojaly",
    )


def devised_undated() -> CitationSource:
    return CitationSource(
        title="Witness statement of Şəkibə Mustafayeva",
        title_devised=True,
        doc_type="testimony",
        authors=[Creator.parse("Mustafayeva, Şəkibə")],
        language="az",
    )


def translated() -> CitationSource:
    return CitationSource(
        title="Xocalı soyqırımından 33 il keçir",
        translated_title="Thirty-three years since the Khojaly genocide",
        doc_type="news article",
        authors=[Creator.person("Şəkibə Mustafayeva")],
        publisher="Azərtac",
        published="2025",
        url="https://azertag.az/xeber/1",
        language="az",
    )


def plain(source: CitationSource, style: str, form: str = "bibliography") -> str:
    return format_citation(source, style, form=form).plain()  # type: ignore[arg-type]


# --------------------------------------------------------------------------- Chicago

CHICAGO_BIBLIOGRAPHY = [
    (
        news_with_author,
        "Sadikhova, Nargiz. “Israel-Azerbaijan Association Sends Letter to Int'l"
        " Organizations Due to 29th Anniversary of Khojaly Genocide.” Trend, February 26,"
        " 2021. https://en.trend.az/azerbaijan/politics/3388411.html.",
    ),
    (
        news_without_author,
        "Daily Sabah. “Perpetrators of Khojaly Genocide Not Brought to Justice for 30"
        " Years.” February 2022. https://www.dailysabah.com/world/khojaly.",
    ),
    (
        open_letter,
        "Justice for Khojaly campaign. “We Demand Justice for Khojaly!” Open letter, n.d."
        " Accessed March 3, 2025. https://www.justiceforkhojaly.org/.",
    ),
    (
        official_letter,
        "Permanent Mission of the Republic of Azerbaijan to the United Nations. Letter to"
        " António Guterres, New York, February 27, 2025.",
    ),
    (
        report,
        "Helsinki Watch. Bloodshed in the Caucasus: Escalation of the Armed Conflict in"
        " Nagorno Karabakh. New York: Human Rights Watch, September 1992."
        " https://www.hrw.org/reports/1992/us/.",
    ),
    (
        photograph,
        "Reuters. [Remains of a rocket shell near a graveyard in Khojaly]. Photograph,"
        " Daily Sabah, October 1, 2020. https://www.dailysabah.com/world/khojaly.",
    ),
    (
        devised_undated,
        "Mustafayeva, Şəkibə. [Witness statement of Şəkibə Mustafayeva]. n.d.",
    ),
    (
        translated,
        "Mustafayeva, Şəkibə. “Xocalı soyqırımından 33 il keçir” [Thirty-three years since"
        " the Khojaly genocide]. Azərtac, 2025. https://azertag.az/xeber/1.",
    ),
]

CHICAGO_NOTES = [
    (
        news_with_author,
        "Nargiz Sadikhova, “Israel-Azerbaijan Association Sends Letter to Int'l"
        " Organizations Due to 29th Anniversary of Khojaly Genocide,” Trend, February 26,"
        " 2021, https://en.trend.az/azerbaijan/politics/3388411.html.",
    ),
    (
        news_without_author,
        "“Perpetrators of Khojaly Genocide Not Brought to Justice for 30 Years,” Daily"
        " Sabah, February 2022, https://www.dailysabah.com/world/khojaly.",
    ),
    (
        open_letter,
        "Justice for Khojaly campaign, “We Demand Justice for Khojaly!” open letter, n.d.,"
        " accessed March 3, 2025, https://www.justiceforkhojaly.org/.",
    ),
    (
        official_letter,
        "Permanent Mission of the Republic of Azerbaijan to the United Nations, letter to"
        " António Guterres, New York, February 27, 2025.",
    ),
    (
        report,
        "Helsinki Watch, Bloodshed in the Caucasus: Escalation of the Armed Conflict in"
        " Nagorno Karabakh (New York: Human Rights Watch, September 1992),"
        " https://www.hrw.org/reports/1992/us/.",
    ),
    (
        photograph,
        "Reuters, [Remains of a rocket shell near a graveyard in Khojaly], photograph,"
        " Daily Sabah, October 1, 2020, https://www.dailysabah.com/world/khojaly.",
    ),
    (
        devised_undated,
        "Şəkibə Mustafayeva, [Witness statement of Şəkibə Mustafayeva], n.d.",
    ),
    (
        translated,
        "Şəkibə Mustafayeva, “Xocalı soyqırımından 33 il keçir” [Thirty-three years since"
        " the Khojaly genocide], Azərtac, 2025, https://azertag.az/xeber/1.",
    ),
]


@pytest.mark.parametrize(("make", "expected"), CHICAGO_BIBLIOGRAPHY)
def test_chicago_bibliography(make, expected):
    assert plain(make(), "chicago") == expected


@pytest.mark.parametrize(("make", "expected"), CHICAGO_NOTES)
def test_chicago_note(make, expected):
    assert plain(make(), "chicago", "note") == expected


def test_chicago_italicises_newspaper_and_report_titles_not_article_titles():
    news = format_citation(news_with_author(), "chicago").segments
    assert [s.text for s in news if s.italic] == ["Trend"]
    unsigned = format_citation(news_without_author(), "chicago").segments
    assert unsigned[0] == Segment("Daily Sabah", True)
    rep = format_citation(report(), "chicago").segments
    assert [s.text for s in rep if s.italic] == [
        "Bloodshed in the Caucasus: Escalation of the Armed Conflict in Nagorno Karabakh"
    ]


def test_chicago_untitled_article_gets_a_bracketed_description():
    source = CitationSource(
        doc_type="news article",
        publisher="Azernews",
        published="2021-02-26",
        url="https://www.azernews.az/nation/1",
    )
    assert plain(source, "chicago") == (
        "Azernews. [Untitled news article]. February 26, 2021. https://www.azernews.az/nation/1."
    )


def test_chicago_note_names_up_to_three_then_et_al():
    four = news_with_author()
    four.authors = [Creator.person(n) for n in ("A Ay", "B Bee", "C Cee", "D Dee")]
    assert plain(four, "chicago", "note").startswith("A Ay et al., “Israel")
    three = news_with_author()
    three.authors = four.authors[:3]
    assert plain(three, "chicago", "note").startswith("A Ay, B Bee, and C Cee, “Israel")
    assert plain(three, "chicago").startswith("Ay, A, B Bee, and C Cee. “Israel")


def test_chicago_access_date_only_when_undated():
    dated = open_letter()
    dated.published = "2008-05-08"
    assert plain(dated, "chicago") == (
        "Justice for Khojaly campaign. “We Demand Justice for Khojaly!” Open letter, May 8,"
        " 2008. https://www.justiceforkhojaly.org/."
    )


def test_chicago_leaves_titles_of_unknown_language_alone():
    source = news_without_author()
    source.language = None
    assert plain(source, "chicago").startswith(
        "Daily Sabah. “Perpetrators of Khojaly genocide not brought to justice for 30 years.”"
    )


# --------------------------------------------------------------------------- APA

APA_REFERENCES = [
    (
        news_with_author,
        "Sadikhova, N. (2021, February 26). Israel-Azerbaijan association sends letter to"
        " int'l organizations due to 29th anniversary of Khojaly genocide. Trend."
        " https://en.trend.az/azerbaijan/politics/3388411.html",
    ),
    (
        news_without_author,
        "Perpetrators of Khojaly genocide not brought to justice for 30 years. (2022,"
        " February). Daily Sabah. https://www.dailysabah.com/world/khojaly",
    ),
    (
        open_letter,
        "Justice for Khojaly campaign. (n.d.). We Demand Justice for Khojaly! [Open letter]."
        " https://www.justiceforkhojaly.org/",
    ),
    (
        official_letter,
        "Permanent Mission of the Republic of Azerbaijan to the United Nations. (2025,"
        " February 27). [Letter to António Guterres].",
    ),
    (
        report,
        "Helsinki Watch. (1992). Bloodshed in the Caucasus: escalation of the armed conflict"
        " in Nagorno Karabakh. Human Rights Watch. https://www.hrw.org/reports/1992/us/",
    ),
    (
        photograph,
        "Reuters. (2020, October 1). [Remains of a rocket shell near a graveyard in Khojaly]"
        " [Photograph]. Daily Sabah. https://www.dailysabah.com/world/khojaly",
    ),
    (
        devised_undated,
        "Mustafayeva, Ş. (n.d.). [Witness statement of Şəkibə Mustafayeva].",
    ),
    (
        translated,
        "Mustafayeva, Ş. (2025). Xocalı soyqırımından 33 il keçir [Thirty-three years since"
        " the Khojaly genocide]. Azərtac. https://azertag.az/xeber/1",
    ),
]

APA_IN_TEXT = [
    (news_with_author, "(Sadikhova, 2021)"),
    (news_without_author, "(“Perpetrators of Khojaly Genocide,” 2022)"),
    (open_letter, "(Justice for Khojaly campaign, n.d.)"),
    (
        official_letter,
        "(Permanent Mission of the Republic of Azerbaijan to the United Nations, 2025)",
    ),
    (devised_undated, "(Mustafayeva, n.d.)"),
]


@pytest.mark.parametrize(("make", "expected"), APA_REFERENCES)
def test_apa_reference(make, expected):
    assert plain(make(), "apa") == expected


@pytest.mark.parametrize(("make", "expected"), APA_IN_TEXT)
def test_apa_in_text(make, expected):
    assert plain(make(), "apa", "note") == expected


def test_apa_italics_article_versus_standalone():
    news = format_citation(news_with_author(), "apa").segments
    assert [s.text for s in news if s.italic] == ["Trend"]
    letter = format_citation(open_letter(), "apa").segments
    assert [s.text for s in letter if s.italic] == ["We Demand Justice for Khojaly!"]


def test_apa_retrieval_date_only_for_undated_web_pages():
    page = CitationSource(
        title="Khojaly witnesses",
        doc_type="web page",
        authors=[Creator.organisation("Justice for Khojaly campaign")],
        publisher="Justice for Khojaly",
        url="https://www.justiceforkhojaly.org/witnesses",
        accessed="2025-03-03",
    )
    assert plain(page, "apa") == (
        "Justice for Khojaly campaign. (n.d.). Khojaly witnesses. Justice for Khojaly."
        " Retrieved March 3, 2025, from https://www.justiceforkhojaly.org/witnesses"
    )
    page.published = "2024-05-01"
    assert plain(page, "apa").endswith(
        "Justice for Khojaly. https://www.justiceforkhojaly.org/witnesses"
    )


def test_apa_author_lists():
    source = news_with_author()
    source.authors = [Creator.person("Nargiz Sadikhova"), Creator.person("Jean-Paul Sartre")]
    assert plain(source, "apa").startswith("Sadikhova, N., & Sartre, J.-P. (2021, February 26).")
    assert plain(source, "apa", "note") == "(Sadikhova & Sartre, 2021)"
    source.authors.append(Creator.person("Martin Luther King Jr."))
    assert plain(source, "apa").startswith("Sadikhova, N., Sartre, J.-P., & King, M. L., Jr. (2021")
    assert plain(source, "apa", "note") == "(Sadikhova et al., 2021)"


# --------------------------------------------------------------------------- MLA

MLA_WORKS_CITED = [
    (
        news_with_author,
        "Sadikhova, Nargiz. “Israel-Azerbaijan Association Sends Letter to Int'l"
        " Organizations Due to 29th Anniversary of Khojaly Genocide.” Trend, 26 Feb. 2021,"
        " en.trend.az/azerbaijan/politics/3388411.html.",
    ),
    (
        news_without_author,
        "“Perpetrators of Khojaly Genocide Not Brought to Justice for 30 Years.” Daily"
        " Sabah, Feb. 2022, www.dailysabah.com/world/khojaly.",
    ),
    (
        open_letter,
        "“We Demand Justice for Khojaly!” Justice for Khojaly campaign,"
        " www.justiceforkhojaly.org/. Accessed 3 Mar. 2025. Open letter.",
    ),
    (
        official_letter,
        "Permanent Mission of the Republic of Azerbaijan to the United Nations. Letter to"
        " António Guterres. 27 Feb. 2025.",
    ),
    (
        report,
        "Helsinki Watch. Bloodshed in the Caucasus: Escalation of the Armed Conflict in"
        " Nagorno Karabakh. Human Rights Watch, Sept. 1992, www.hrw.org/reports/1992/us/.",
    ),
    (
        photograph,
        "Reuters. Remains of a rocket shell near a graveyard in Khojaly. Daily Sabah, 1 Oct."
        " 2020, www.dailysabah.com/world/khojaly. Photograph.",
    ),
    (
        devised_undated,
        "Mustafayeva, Şəkibə. Witness statement of Şəkibə Mustafayeva.",
    ),
    (
        translated,
        "Mustafayeva, Şəkibə. “Xocalı soyqırımından 33 il keçir” [Thirty-three years since"
        " the Khojaly genocide]. Azərtac, 2025, azertag.az/xeber/1.",
    ),
]

MLA_IN_TEXT = [
    (news_with_author, "(Sadikhova)"),
    (news_without_author, "(“Perpetrators of Khojaly Genocide”)"),
    (open_letter, "(“We Demand Justice”)"),
    (report, "(Helsinki Watch)"),
]


@pytest.mark.parametrize(("make", "expected"), MLA_WORKS_CITED)
def test_mla_works_cited(make, expected):
    assert plain(make(), "mla") == expected


@pytest.mark.parametrize(("make", "expected"), MLA_IN_TEXT)
def test_mla_in_text(make, expected):
    assert plain(make(), "mla", "note") == expected


def test_mla_italicises_containers_and_standalone_titles():
    news = format_citation(news_with_author(), "mla").segments
    assert [s.text for s in news if s.italic] == ["Trend"]
    letter = format_citation(open_letter(), "mla").segments
    assert not any(s.italic for s in letter)  # the campaign is publisher, not container
    rep = format_citation(report(), "mla").segments
    assert [s.text for s in rep if s.italic] == [
        "Bloodshed in the Caucasus: Escalation of the Armed Conflict in Nagorno Karabakh"
    ]


@pytest.mark.parametrize(
    ("edtf", "expected"),
    [
        ("2021-01-05", "5 Jan. 2021"),
        ("2021-05-05", "5 May 2021"),
        ("2021-06", "June 2021"),
        ("2021-07", "July 2021"),
        ("2021-09-30", "30 Sept. 2021"),
        ("2021-12", "Dec. 2021"),
    ],
)
def test_mla_month_abbreviations(edtf, expected):
    assert cited_date(edtf, "mla") == expected


def test_mla_three_authors_et_al():
    source = news_with_author()
    source.authors = [Creator.person(n) for n in ("A Ay", "B Bee", "C Cee")]
    assert plain(source, "mla").startswith("Ay, A, et al. “Israel")
    source.authors = source.authors[:2]
    assert plain(source, "mla").startswith("Ay, A, and B Bee. “Israel")


# --------------------------------------------------------------------------- markup


def test_markup_escapes_every_segment_and_wraps_italics():
    source = CitationSource(
        title="Tom & Jerry <img src='/x'/>",
        doc_type="report",
        authors=[Creator.organisation("Smith & Sons")],
        publisher="A<B> Press",
        published="2020",
        url="https://example.org/?a=1&b=2",
    )
    assert format_citation(source, "chicago").markup(html.escape) == (
        "Smith &amp; Sons. <i>Tom &amp; Jerry &lt;img src=&#x27;/x&#x27;/&gt;</i>."
        " A&lt;B&gt; Press, 2020. https://example.org/?a=1&amp;b=2."
    )
    assert format_citation(source, "apa").markup(html.escape) == (
        "Smith &amp; Sons. (2020). <i>Tom &amp; Jerry &lt;img src=&#x27;/x&#x27;/&gt;</i>."
        " A&lt;B&gt; Press. https://example.org/?a=1&amp;b=2"
    )
    # plain() is never escaped: the clipboard gets the title as written.
    assert "Tom & Jerry <img src='/x'/>" in format_citation(source, "mla").plain()


def test_markup_for_a_quoted_title_has_no_tags():
    citation = format_citation(news_without_author(), "mla")
    assert citation.markup(html.escape) == (
        "“Perpetrators of Khojaly Genocide Not Brought to Justice for 30 Years.” <i>Daily"
        " Sabah</i>, Feb. 2022, www.dailysabah.com/world/khojaly."
    )


def test_citation_merges_adjacent_runs_and_drops_empty_ones():
    citation = Citation((Segment("a"), Segment(""), Segment("b"), Segment("c", True)))
    assert citation.segments == (Segment("ab"), Segment("c", True))
    assert str(citation) == "abc"
    assert list(citation) == [Segment("ab"), Segment("c", True)]
    assert len(citation) == 2


def test_reference_code_appended_on_request():
    assert (
        format_citation(news_with_author(), "apa", with_reference=True)
        .plain()
        .endswith("3388411.html [CAT-000001]")
    )
    assert "CAT-000001" not in plain(news_with_author(), "apa")


# --------------------------------------------------------------------------- bibliography


def test_chicago_bibliography_sorted_by_first_element_ignoring_articles():
    the = CitationSource(title="The Khojaly tragedy", doc_type="web page", published="2000")
    entries = format_citations(
        [news_with_author(), report(), the, open_letter(), news_without_author()], "chicago"
    )
    firsts = [c.plain().split(".")[0] for c in entries]
    assert firsts == [
        "Daily Sabah",
        "Helsinki Watch",
        "Justice for Khojaly campaign",
        "“The Khojaly tragedy",
        "Sadikhova, Nargiz",
    ]


def test_mla_sorts_a_work_whose_author_is_its_publisher_by_title():
    entries = format_citations([open_letter(), news_with_author(), report()], "mla")
    assert [c.plain()[:12] for c in entries] == ["Helsinki Wat", "Sadikhova, N", "“We Demand J"]


def test_apa_same_author_same_year_gets_letters_and_undated_first():
    first = news_with_author()
    second = news_with_author()
    second.title = "Azerbaijan marks Khojaly anniversary"
    second.published = "2021-03-01"
    undated = news_with_author()
    undated.title = "Trend interview"
    undated.published = None
    entries = [c.plain() for c in format_citations([second, first, undated], "apa")]
    assert entries[0].startswith("Sadikhova, N. (n.d.). Trend interview.")
    assert entries[1].startswith("Sadikhova, N. (2021a, February 26). Israel-Azerbaijan")
    assert entries[2].startswith("Sadikhova, N. (2021b, March 1). Azerbaijan marks")


def test_non_latin_names_sort_and_print_unchanged():
    sekibe = devised_undated()
    entries = format_citations([news_with_author(), sekibe, report()], "chicago")
    assert [c.plain()[:11] for c in entries] == ["Helsinki Wa", "Mustafayeva", "Sadikhova, "]
    assert "Şəkibə" in entries[1].plain()


# --------------------------------------------------------------------------- helpers


def test_wholly_unknown_date_counts_as_undated():
    source = news_with_author()
    source.published = "XXXX-02-26"
    assert "n.d." in plain(source, "chicago")
    assert "(n.d.)" in plain(source, "apa")


def test_unknown_style_or_form_is_refused():
    with pytest.raises(ValueError, match="unknown citation style"):
        format_citation(report(), "harvard")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown citation form"):
        format_citation(report(), "apa", form="footnote")  # type: ignore[arg-type]
