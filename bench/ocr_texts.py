"""Page texts for the OCR benchmark: one short letter-like passage per language.

Written for this benchmark (not copied from any source); each holds dates, figures
and names, as the archives Catena serves do. Keyed by Tesseract language code.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "eng": (
        "On 14 March 2021 the commission met in the town hall of Halvern. "
        "The chairman said that 1,200 residents had been moved from the valley "
        "after the dam failed, and that repairs would cost about 45 million. "
        "Witnesses described the water rising four metres within an hour. "
        "The committee asked the ministry to publish its inspection reports."
    ),
    "rus": (
        "Четырнадцатого марта 2021 года комиссия собралась в здании городского совета. "
        "Председатель сообщил, что после прорыва плотины из долины были выселены "
        "1 200 жителей, а ремонт обойдётся примерно в 45 миллионов. "
        "Свидетели рассказали, что вода поднялась на четыре метра за один час."
    ),
    "ukr": (
        "Чотирнадцятого березня 2021 року комісія зібралася в приміщенні міської ради. "
        "Голова повідомив, що після прориву греблі з долини переселили 1 200 мешканців, "
        "а ремонт коштуватиме близько 45 мільйонів. Свідки розповіли, що вода піднялася "
        "на чотири метри протягом години."
    ),
    "aze": (
        "14 mart 2021-ci il tarixində komissiya şəhər bələdiyyəsinin binasında toplandı. "
        "Sədr bildirdi ki, bənd dağıldıqdan sonra vadidən 1 200 sakin köçürülüb və "
        "təmir işləri təxminən 45 milyona başa gələcək. Şahidlər suyun bir saat ərzində "
        "dörd metr qalxdığını söylədilər."
    ),
    "aze_cyrl": (
        "14 март 2021-ҹи ил тарихиндә комиссија шәһәр бәләдијјәсинин бинасында топланды. "
        "Сәдр билдирди ки, бәнд дағылдыгдан сонра вадидән 1 200 сакин көчүрүлүб вә "
        "тәмир ишләри тәхминән 45 милјона баша ҝәләҹәк. Шаһидләр сујун бир саат "
        "әрзиндә дөрд метр галхдығыны сөјләдиләр."
    ),
    "tur": (
        "14 Mart 2021 tarihinde komisyon belediye binasında toplandı. Başkan, baraj "
        "yıkıldıktan sonra vadiden 1.200 kişinin taşındığını ve onarımın yaklaşık "
        "45 milyona mal olacağını söyledi. Tanıklar suyun bir saat içinde dört metre "
        "yükseldiğini anlattı."
    ),
    "hye": (
        "2021 թվականի մարտի 14-ին հանձնաժողովը հավաքվեց քաղաքապետարանի շենքում։ "
        "Նախագահը հայտնեց, որ ամբարտակի փլուզումից հետո հովտից տեղափոխվել է "
        "1200 բնակիչ, և վերանորոգումը կարժենա մոտ 45 միլիոն։ Վկաները պատմեցին, "
        "որ ջուրը մեկ ժամում բարձրացավ չորս մետր։"
    ),
    "kat": (
        "2021 წლის 14 მარტს კომისია ქალაქის მერიის შენობაში შეიკრიბა. "
        "თავმჯდომარემ განაცხადა, რომ კაშხლის ნგრევის შემდეგ ხეობიდან 1200 "
        "მცხოვრები გადაასახლეს და შეკეთება დაახლოებით 45 მილიონი დაჯდება. "
        "მოწმეებმა თქვეს, რომ წყალი ერთ საათში ოთხი მეტრით აიწია."
    ),
    "fra": (
        "Le 14 mars 2021, la commission s'est réunie à la mairie de Halvern. "
        "Le président a déclaré que 1 200 habitants avaient été déplacés de la vallée "
        "après la rupture du barrage et que les réparations coûteraient environ "
        "45 millions. Des témoins ont décrit l'eau montant de quatre mètres en une heure."
    ),
    "deu": (
        "Am 14. März 2021 trat die Kommission im Rathaus von Halvern zusammen. "
        "Der Vorsitzende erklärte, dass nach dem Dammbruch 1.200 Einwohner aus dem Tal "
        "umgesiedelt worden seien und die Reparaturen etwa 45 Millionen kosten würden. "
        "Zeugen schilderten, wie das Wasser binnen einer Stunde um vier Meter stieg."
    ),
    "spa": (
        "El 14 de marzo de 2021 la comisión se reunió en el ayuntamiento de Halvern. "
        "El presidente dijo que 1.200 vecinos habían sido trasladados del valle tras "
        "la rotura de la presa y que las reparaciones costarían unos 45 millones. "
        "Los testigos contaron que el agua subió cuatro metros en una hora."
    ),
    "ita": (
        "Il 14 marzo 2021 la commissione si è riunita nel municipio di Halvern. "
        "Il presidente ha dichiarato che 1.200 abitanti erano stati trasferiti dalla valle "
        "dopo il crollo della diga e che le riparazioni sarebbero costate circa "
        "45 milioni. I testimoni hanno raccontato che l'acqua è salita di quattro metri "
        "in un'ora."
    ),
}

#: Bundled font per language (resources/fonts): DejaVu Serif covers Latin, Cyrillic and
#: Armenian; Georgian needs Noto Serif Georgian.
FONTS: dict[str, str] = {code: "DejaVuSerif.ttf" for code in TEXTS} | {
    "kat": "NotoSerifGeorgian-Regular.ttf"
}
