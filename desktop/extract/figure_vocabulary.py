"""The figure categories in every language Catena reads, so figures compare across sources.

A Russian "погибли", an Azerbaijani "həlak olub", a Georgian "დაიღუპა" and an English
"were killed" are all "killed". Words decline and conjugate, so entries are stems
(regular-expression fragments ending in ``\\w*``), one table per language; the category
names are those of the English :mod:`figure_categories` vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.extract.figure_categories import VocabularyMatch
from desktop.extract.regex_guard import guarded

_W = r"\w*"

STEMS: dict[str, dict[str, str]] = {
    "ru": {
        "killed": r"погиб|убит|убил|убива|жертв|смерт|умер|умерл|скончал|расстрел|казн|мертв|"
        r"гибел|погибш|летальн",
        "wounded": r"ранен|ранил|травм|увеч|пострадавш|пострадал",
        "hostages": r"заложник|похищ|похити|пленн|плен",
        "missing": r"пропал|пропавш|без\s+вести|безвест",
        "displaced": r"беженц|изгна|изгон|эвакуир|эвакуац|переселен|переселил|выселен|"
        r"выселил|депортир|"
        r"бежал|без\s+крова|отселен|вынужденн\w*\s+переселен",
        "orphaned": r"сирот|осиротел",
        "detained": r"задерж|арестова|арестов|заключен",
        "destroyed": r"разруш|уничтож|сожжен|сожжён|сгорел|снесен",
        "damaged": r"поврежд|подтоплен|затоплен",
    },
    "uk": {
        "killed": r"загин|загибл|вбит|вбил|смерт|помер|померл|розстріл|страчен|жертв|мертв",
        "wounded": r"поранен|травм|постражд|покалічен",
        "hostages": r"заручник|полонен|викраден|полон",
        "missing": r"зникл|безвісти|безвісно",
        "displaced": r"біженц|вигна|евакуйов|евакуац|переселен|виселен|депортов|відселен|переміщен",
        "orphaned": r"сиріт|сирот",
        "detained": r"затриман|заарешт|арештов|ув'язнен|ув’язнен",
        "destroyed": r"зруйнов|знищен|спален|згорі|зруйнуван",
        "damaged": r"пошкоджен|підтоплен|затоплен",
    },
    "az": {
        "killed": r"həlak|öldürül|öldür|ölü|ölən|ölüb|qətlə|qətl|güllələn|şəhid|qurban|vəfat|"
        r"һәлак|өлдүр|өлү|гурбан|шәһид|гәтл|күллән",
        "wounded": r"yaralan|yaralı|xəsarət|јаралан|јаралы|хәсарәт|шикәст",
        "hostages": r"girov|əsir|qaçırıl|јесир|әсир|ҝиров",
        "missing": r"itkin|итҝин",
        "displaced": r"qaçqın|köçkün|deportasiya|sürgün|təxliyə|evsiz|didərgin|köçürül|"
        r"гачгын|көчкүн|сүрҝүн",
        "orphaned": r"yetim|јетим",
        "detained": r"həbs|saxlanıl|tutul|һәбс|сахланыл|тутул",
        "destroyed": r"dağıdıl|dağıl|yandırıl|məhv|yanıb|дағыдыл|дағыл|мәһв|јандырыл|јаныб",
        "damaged": r"zədələn|ziyan|зәдәлән|зијан",
    },
    "tr": {
        "killed": r"öldü|ölü|ölen|ölüm|hayatını\s+kaybet|can\s+ver|katledil|kurşuna\s+diz|"
        r"şehit|öldürül",
        "wounded": r"yaralan|yaralı",
        "hostages": r"rehin|esir|kaçırıl",
        "missing": r"kayıp|kaybol",
        "displaced": r"mülteci|göç|tahliye|sürgün|yerinden\s+edil|evsiz|yurtsuz",
        "orphaned": r"yetim|öksüz",
        "detained": r"gözaltı|tutukla|tutuklan",
        "destroyed": r"yıkıl|tahrip|yakıl|yandı",
        "damaged": r"hasar",
    },
    "hy": {
        "killed": r"զոհ|սպանվ|սպան|մահաց|մահ|գնդակահար|մեռ",
        "wounded": r"վիրավոր|վնասվածք",
        "hostages": r"պատանդ|գերի|գերև|առևանգ",
        "missing": r"անհետ|անհայտ\s+կորած",
        "displaced": r"փախստական|տեղահան|տարհան|բռնագաղթ|աքսոր|անօթևան|անտուն|վերաբնակ",
        "orphaned": r"որբ",
        "detained": r"ձերբակալ|կալանավոր|կալանք",
        "destroyed": r"ավերվ|ավեր|քանդվ|այրվ|հիմնահատակ",
        "damaged": r"վնասվ|ջրածածկ|հեղեղ",
    },
    "ka": {
        "killed": r"დაიღუპ|დაღუპ|ემსხვერპლ|შეეწირ|მოკლ|მოკვდ|გარდაიცვალ|დახვრიტ|მსხვერპლ|"
        r"დაიხოც|ცხედ",
        "wounded": r"დაიჭრ|დაჭრილ|დაშავ|ტრავმ",
        "hostages": r"მძევ|ტყვე|გაიტაც",
        "missing": r"უგზო-უკვლოდ|დაკარგულ|გაუჩინარ|უკვალოდ",
        "displaced": r"დევნილ|ლტოლვილ|ევაკუირ|ევაკუაც|გადაასახლ|გამოასახლ|უსახლკარ|გადასახლ",
        "orphaned": r"ობოლ",
        "detained": r"დააკავ|დაკავებულ|დააპატიმრ|დაპატიმრ",
        "destroyed": r"დაინგრ|დანგრეულ|განადგურ|დაიწვ|გადაიწვ",
        "damaged": r"დაზიან",
    },
    "fr": {
        "killed": r"tué|tuée|morts?\b|mortes?\b|décéd|décès|victimes|péri|fusillé|exécuté|"
        r"massacré|assassiné|perdu\s+la\s+vie|trouvé\s+la\s+mort",
        "wounded": r"blessé|blessure",
        "hostages": r"otage|enlevé|prisonnier|captur",
        "missing": r"disparu",
        "displaced": r"déplacé|réfugié|évacué|déporté|expulsé|sans[-\s]abri|chassé|relogé",
        "orphaned": r"orphelin",
        "detained": r"arrêté|détenu|interpellé|emprisonné|incarcéré",
        "destroyed": r"détruit|incendié|rasé",
        "damaged": r"endommagé|inondé",
    },
    "es": {
        "killed": r"muert|fallecid|fallecier|asesinad|murier|muri|víctimas\s+mortales|fusilad|"
        r"ejecutad|masacrad|perdieron\s+la\s+vida|víctimas",
        "wounded": r"herid|lesionad",
        "hostages": r"rehén|rehenes|secuestrad|prisioner|capturad",
        "missing": r"desaparecid",
        "displaced": r"desplazad|refugiad|evacuad|deportad|expulsad|sin\s+hogar|damnificad",
        "orphaned": r"huérfan",
        "detained": r"detenid|arrestad|encarcelad",
        "destroyed": r"destruid|incendiad|arrasad",
        "damaged": r"dañad|inundad",
    },
    "de": {
        "killed": r"tote[n]?\b|tot\b|getötet|ums\s+leben|starben|gestorben|ermordet|erschossen|"
        r"hingerichtet|todesopfer|opfer\b|umgekommen",
        "wounded": r"verletzt|verwundet",
        "hostages": r"geisel|entführt|gefangen|verschleppt",
        "missing": r"vermisst|verschollen",
        "displaced": r"vertrieben|flüchtling|geflüchtet|geflohen|evakuiert|deportiert|"
        r"obdachlos|umgesiedelt|vertriebene",
        "orphaned": r"waise|verwaist",
        "detained": r"festgenommen|verhaftet|inhaftiert",
        "destroyed": r"zerstört|niedergebrannt|abgebrannt",
        "damaged": r"beschädigt|überflutet",
    },
    "it": {
        "killed": r"mort[oiae]\b|uccis|decedut|vittime|fucilat|giustiziat|massacrat|"
        r"perso\s+la\s+vita|persero\s+la\s+vita|caduti",
        "wounded": r"ferit",
        "hostages": r"ostagg|rapit|prigionier|catturat",
        "missing": r"dispers|scompars",
        "displaced": r"sfollat|profug|rifugiat|evacuat|deportat|senzatetto|senza\s+tetto",
        "orphaned": r"orfan",
        "detained": r"arrestat|detenut|fermat",
        "destroyed": r"distrutt|incendiat|rase\s+al\s+suolo|rasi\s+al\s+suolo",
        "damaged": r"danneggiat|allagat",
    },
}


@lru_cache(maxsize=16)
def _pattern(language: str) -> re.Pattern[str] | None:
    table = STEMS.get(language)
    if not table:
        return None
    groups = "|".join(f"(?P<{category}>(?:{stems}){_W})" for category, stems in table.items())
    return guarded(rf"(?<![\w-])(?:{groups})", re.IGNORECASE)


def find_categories(text: str, language: str, start: int, end: int) -> list[VocabularyMatch]:
    """Category words of *language* in ``text[start:end]``, in order."""
    pattern = _pattern(language)
    if pattern is None:
        return []
    return [
        VocabularyMatch(m.start(), m.end(), m.group(), str(m.lastgroup))
        for m in pattern.finditer(text, start, end)
    ]
