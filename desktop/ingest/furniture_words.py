"""Small word lists the cleaning and sniffing rules consult.

They describe *interface furniture* and *document conventions* in the languages of
the collections (en, ru, az, tr, fr, de) - never the names of particular outlets - so
the rules stay general: a new outlet's "Share" button is caught because it is a share
button, not because we have seen that outlet.
"""

from __future__ import annotations


def split_words(words: str, separator: str | None = None) -> list[str]:
    """Split a word list written as one string (easier to read and edit than a list)."""
    return [w.strip() for w in words.split(separator) if w.strip()]


# Words that make up share/print/subscribe/social button rows.
SHARE_WORDS = frozenset(
    split_words("""
    share shares sharing print email e-mail mail tweet retweet facebook twitter x telegram
    whatsapp linkedin vk vkontakte ok odnoklassniki reddit pinterest viber messenger
    subscribe subscription follow us on via copy link save bookmark like comment comments
    send rss newsletter download pdf
    поделиться печать распечатать подписаться подписка отправить ссылку скопировать
    комментарии комментарий
    paylaş paylaşın çap abunə ol yazdır abone takip et yorum yorumlar
    partager imprimer abonner s'abonner commenter envoyer
    teilen drucken abonnieren kommentare senden folgen
    """)
)

# Site navigation words (menus, footers) in the supported languages.
NAV_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        split_words(
            "home about contact contacts menu search login log in sign register archive "
            "news privacy policy terms advertising sitemap back to top next previous"
        )
    ),
    "ru": frozenset(
        split_words(
            "главная о нас проекте контакты меню поиск войти вход регистрация архив "
            "новости реклама назад наверх далее"
        )
    ),
    "az": frozenset(
        split_words(
            "haqqında haqqımızda əlaqə əlaqələr menyu axtar axtarış giriş qeydiyyat arxiv "
            "xəbərlər ana səhifə reklam geri"
        )
    ),
    "tr": frozenset(
        split_words(
            "hakkında hakkımızda iletişim menü ara arama giriş kayıt arşiv haberler "
            "ana sayfa reklam geri"
        )
    ),
    "fr": frozenset(
        split_words(
            "accueil propos contact menu recherche connexion inscription archives "
            "actualités publicité retour"
        )
    ),
    "de": frozenset(
        split_words(
            "startseite über uns kontakt impressum menü suche anmelden registrieren archiv "
            "nachrichten datenschutz werbung zurück"
        )
    ),
}
ALL_NAV_WORDS = frozenset().union(*NAV_WORDS.values())

# A line that is only one of these stands where the page showed a picture.
IMAGE_WORDS = frozenset(
    split_words(
        "image img photo picture pic figure illustration фото изображение фотография "
        "şəkil foto resim görsel bild abbildung"
    )
)

# Opening words of a letter's salutation.
SALUTATIONS = (
    "dear ",
    "excellency",
    "your excellency",
    "your excellencies",
    "to whom it may concern",
    "madam",
    "sir,",
    "sirs,",
    "ladies and gentlemen",
    "уважаем",
    "дорог",
    "hörmətli",
    "əziz ",
    "sayın ",
    "değerli ",
    "madame, monsieur",
    "monsieur",
    "chère ",
    "cher ",
    "sehr geehrte",
    "liebe ",
    "lieber ",
)

# Section headings that mark a structured report.
REPORT_HEADINGS = frozenset(
    split_words(
        "executive summary|summary|introduction|methodology|methods|findings|"
        "recommendations|conclusions|conclusion|background|annex|appendix|"
        "резюме|введение|методология|выводы|рекомендации|заключение|"
        "giriş|nəticələr|tövsiyələr|sonuç|öneriler|"
        "résumé|méthodologie|conclusions|recommandations|"
        "zusammenfassung|einleitung|methodik|empfehlungen|fazit",
        "|",
    )
)

# Verbs of attributed speech; frequent in news reporting.
REPORTING_VERBS = (
    " said",
    " told ",
    " reported",
    " reports",
    " according to ",
    " stated",
    " noted",
    " added",
    " underlined",
    " highlighted",
    " заявил",
    " сообщил",
    " сообщает",
    " bildirib",
    " deyib",
    " açıkladı",
    " söyledi",
    " a déclaré",
    " selon ",
    " sagte",
    " teilte",
)

# Words that say a byline names an organisation rather than a person.
ORG_WORDS = frozenset(
    split_words(
        "news agency press media times post herald daily weekly tribune journal gazette "
        "service reuters afp ap tass interfax radio tv television channel network online "
        "magazine report review foundation campaign committee ministry office bureau "
        "staff editorial desk correspondent"
    )
)
