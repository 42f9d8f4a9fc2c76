"""Per-language words around personal names: titles, organisation and place heads, links.

A name needs no cue word when its shape vouches for it (a known first name, a surname
ending), but the words beside it still decide a lot: a title before it ("генерал",
"Präsident", "prezident") says a person follows and is not part of the name; an
organisation or place head ("rayonu", "Komitee", "Nations") says the capitalised words
are not a person; a conjunction joins a second name to a first ("X et Y"). The lists are
grammar, per language, folded to lower case; country names and month names come from
CLDR (Babel) rather than being typed here.
"""

from __future__ import annotations

from functools import cache

from desktop.extract.names import TITLES as ENGLISH_TITLES
from desktop.extract.text_nearby import word_set

# Titles and offices written before a name, not part of it (folded).
TITLE_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "general president vice-president minister secretary secretary-general commissioner "
        "ambassador senator governor mayor chairman chairwoman director colonel captain "
        "lieutenant sergeant major judge king queen prince pope patriarch chancellor speaker "
        "deputy spokesman spokeswoman spokesperson professor prof dr mr mrs ms sir lord lady "
        "reverend bishop archbishop imam rabbi ombudsman rapporteur envoy leader chief "
        "commander marshal admiral premier prosecutor attorney lawyer journalist reporter "
        "photographer witness survivor activist historian writer poet author officer "
        "commandant dictator tsar czar emperor general-major lt gen col capt sgt maj "
        "brigadier corporal private comrade"
    ),
    "ru": word_set(
        "генерал генерал-майор генерал-лейтенант генерал-полковник маршал адмирал полковник "
        "подполковник майор капитан лейтенант сержант рядовой президент вице-президент "
        "премьер премьер-министр министр замминистра председатель генсек генеральный "
        "секретарь посол консул мэр губернатор глава лидер вождь командир командующий "
        "комиссар нарком академик профессор доктор господин госпожа г-н г-жа товарищ "
        "депутат сенатор судья прокурор адвокат следователь журналист корреспондент "
        "писатель поэт историк фотограф свидетель свидетельница очевидец правозащитник "
        "священник патриарх митрополит епископ царь император король диктатор канцлер "
        "спикер представитель омбудсмен эксперт директор руководитель начальник"
    ),
    "uk": word_set(
        "генерал генерал-майор генерал-лейтенант маршал адмірал полковник підполковник "
        "майор капітан лейтенант сержант президент віце-президент прем'єр прем’єр "
        "прем'єр-міністр прем’єр-міністр міністр голова генсек секретар посол консул мер "
        "губернатор лідер вождь командир командувач комісар нарком академік професор "
        "доктор пан пані товариш депутат суддя прокурор адвокат слідчий журналіст "
        "кореспондент письменник поет історик фотограф свідок свідка очевидець "
        "правозахисник священник патріарх митрополит єпископ цар імператор король "
        "диктатор канцлер спікер представник омбудсман експерт директор керівник начальник"
    ),
    "az": word_set(
        "general general-mayor general-leytenant marşal admiral polkovnik polkovnik-leytenant "
        "mayor kapitan leytenant serjant prezident vitse-prezident baş nazir nazirin sədr "
        "sədri katib səfir konsul mer başçısı rəhbər rəhbəri lider komandir komandiri "
        "akademik professor doktor cənab xanım deputat hakim prokuror vəkil jurnalist "
        "müxbir yazıçı şair tarixçi fotoqraf şahid ombudsman ekspert direktor müdir "
        "генерал президент полковник майор капитан сәдр назир сәфир ҹәнаб ханым"
    ),
    "tr": word_set(
        "general orgeneral korgeneral tümgeneral tuğgeneral mareşal amiral albay yarbay "
        "binbaşı yüzbaşı teğmen çavuş cumhurbaşkanı başkan başbakan bakan bakanı "
        "büyükelçi konsolos vali başkanı lider komutan komutanı profesör prof doktor dr bay bayan "
        "sayın milletvekili hakim yargıç savcı avukat gazeteci muhabir yazar şair "
        "tarihçi fotoğrafçı tanık ombudsman uzman müdür sözcü sözcüsü padişah sultan kral "
        "imparator diktatör şansölye"
    ),
    "hy": word_set(
        "գեներալ գեներալ-մայոր մարշալ գնդապետ փոխգնդապետ մայոր կապիտան լեյտենանտ "
        "նախագահ վարչապետ նախարար նախարարի դեսպան քաղաքապետ ղեկավար առաջնորդ "
        "հրամանատար ակադեմիկոս պրոֆեսոր դոկտոր պարոն տիկին պատգամավոր դատավոր "
        "դատախազ փաստաբան լրագրող թղթակից գրող բանաստեղծ պատմաբան լուսանկարիչ վկա "
        "օմբուդսմեն փորձագետ տնօրեն խոսնակ կաթողիկոս արքեպիսկոպոս թագավոր կայսր"
    ),
    "ka": word_set(
        "გენერალი გენერალ-მაიორი მარშალი პოლკოვნიკი მაიორი კაპიტანი ლეიტენანტი "
        "პრეზიდენტი პრემიერი პრემიერ-მინისტრი მინისტრი თავმჯდომარე ელჩი მერი ლიდერი "
        "მეთაური აკადემიკოსი პროფესორი დოქტორი ბატონი ქალბატონი დეპუტატი მოსამართლე "
        "პროკურორი ადვოკატი ჟურნალისტი კორესპონდენტი მწერალი პოეტი ისტორიკოსი "
        "ფოტოგრაფი მოწმე ომბუდსმენი ექსპერტი დირექტორი სპიკერი პატრიარქი მეფე "
        "იმპერატორი დიქტატორი"
    ),
    "fr": word_set(
        "général président présidente vice-président ministre premier secrétaire "
        "secrétaire-général commissaire ambassadeur ambassadrice sénateur gouverneur maire "
        "directeur directrice colonel capitaine lieutenant sergent commandant maréchal "
        "amiral juge roi reine prince pape patriarche chancelier porte-parole professeur "
        "docteur dr m mme mlle monsieur madame maître me évêque archevêque imam rabbin "
        "médiateur rapporteur envoyé chef dirigeant procureur avocat avocate journaliste "
        "reporter photographe témoin survivant survivante militant historien historienne "
        "écrivain poète dictateur tsar empereur député députée"
    ),
    "es": word_set(
        "general presidente presidenta vicepresidente ministro ministra primer secretario "
        "secretaria comisario embajador embajadora senador gobernador alcalde alcaldesa "
        "director directora coronel capitán teniente sargento comandante mariscal almirante "
        "juez jueza rey reina príncipe papa patriarca canciller portavoz profesor profesora "
        "doctor doctora dr dra sr sra srta señor señora don doña obispo arzobispo imán "
        "rabino defensor relator enviado jefe líder fiscal abogado abogada periodista "
        "reportero fotógrafo testigo superviviente sobreviviente activista historiador "
        "historiadora escritor escritora poeta dictador zar emperador diputado diputada"
    ),
    "de": word_set(
        "general generalmajor generalleutnant präsident präsidentin bundespräsident "
        "vizepräsident minister ministerin außenminister premierminister ministerpräsident "
        "bundeskanzler bundeskanzlerin kanzler kanzlerin sekretär generalsekretär kommissar "
        "botschafter botschafterin senator gouverneur bürgermeister bürgermeisterin "
        "direktor direktorin oberst hauptmann leutnant feldwebel kommandant marschall "
        "admiral richter richterin könig königin prinz papst patriarch sprecher sprecherin "
        "professor professorin prof dr herr frau bischof erzbischof imam rabbiner "
        "berichterstatter gesandter chef anführer staatsanwalt anwalt anwältin journalist "
        "journalistin reporter fotograf zeuge zeugin überlebende überlebender aktivist "
        "historiker historikerin schriftsteller dichter diktator zar kaiser abgeordnete "
        "abgeordneter"
    ),
    "it": word_set(
        "generale presidente vicepresidente ministro ministra primo segretario segretaria "
        "commissario ambasciatore ambasciatrice senatore governatore sindaco direttore "
        "direttrice colonnello capitano tenente sergente comandante maresciallo ammiraglio "
        "giudice re regina principe papa patriarca cancelliere portavoce professore "
        "professoressa prof dottore dottoressa dott dr sig sig.ra signor signore signora "
        "vescovo arcivescovo imam rabbino relatore inviato capo leader procuratore "
        "avvocato avvocata giornalista reporter fotografo testimone sopravvissuto "
        "sopravvissuta attivista storico storica scrittore scrittrice poeta dittatore zar "
        "imperatore deputato deputata onorevole"
    ),
}

# Heads that make capitalised words an organisation, an event or a place (folded).
NOT_PERSON_HEADS: dict[str, frozenset[str]] = {
    "en": word_set(
        "nations cross crescent committee council ministry army party union court "
        "tribunal university institute foundation organisation organization agency bank "
        "fund office republic region province district street square river city village "
        "mountains mountain valley airport station avenue oblast rayon front brigade "
        "division regiment battalion corps fleet watch international amnesty church "
        "cathedral mosque monastery museum library archive archives memorial park bridge "
        "basin saint st mount fort port lake bay island islands county harbor harbour"
    ),
    "ru": word_set(
        "оон организация комитет совет министерство армия партия союз суд трибунал "
        "университет институт фонд агентство банк служба крест полумесяц республика "
        "область район край округ город село деревня улица площадь река гора горы "
        "долина аэропорт станция проспект фронт бригада дивизия полк батальон корпус "
        "флот церковь собор мечеть монастырь музей библиотека архив мемориал парк мост "
        "федерация государство правительство министр кремль дума"
    ),
    "uk": word_set(
        "оон організація комітет рада міністерство армія партія союз суд трибунал "
        "університет інститут фонд агенція банк служба хрест півмісяць республіка "
        "область район край округ місто село вулиця площа річка гора гори долина "
        "аеропорт станція проспект фронт бригада дивізія полк батальйон корпус флот "
        "церква собор мечеть монастир музей бібліотека архів меморіал парк міст "
        "федерація держава уряд верховна"
    ),
    "az": word_set(
        "rayonu rayon rayonunda rayonunun şəhəri şəhərində şəhərinin kəndi kəndində "
        "kəndinin qəsəbəsi qəsəbəsində respublikası respublikasının vilayəti vilayətinin "
        "dağlıq komitəsi komitəsinin nazirliyi nazirliyinin partiyası universiteti "
        "institutu cəmiyyəti təşkilatı təşkilatının şurası şurasının məhkəməsi ordusu "
        "ordusunun alayı alayının batalyonu briqadası diviziyası fondu bankı xidməti "
        "küçəsi meydanı çayı dağı aeroportu millətlər xaç aypara birliyi assambleyası "
        "parlamenti məclisi hökuməti agentliyi mərkəzi muzeyi arxivi abidəsi "
        "район шәһәри кәнди республикасы комитәси"
    ),
    "tr": word_set(
        "ili ilçesi köyü mahallesi kasabası bakanlığı bakanlığının partisi derneği "
        "üniversitesi vakfı meclisi mahkemesi ordusu alayı taburu tugayı tümeni bankası "
        "ajansı komitesi konseyi örgütü cumhuriyeti bölgesi caddesi sokağı meydanı nehri "
        "dağı havalimanı milletler haç hilal birliği hükümeti müzesi arşivi anıtı bölüğü "
        "ekibi merkezi müdürlüğü başkanlığı valiliği belediyesi kaymakamlığı"
    ),
    "hy": word_set(
        "կոմիտե խորհուրդ նախարարություն բանակ կուսակցություն միություն դատարան "
        "համալսարան ինստիտուտ հիմնադրամ գործակալություն բանկ ծառայություն խաչ "
        "հանրապետություն մարզ շրջան քաղաք գյուղ փողոց հրապարակ գետ լեռ ազգերի "
        "կազմակերպություն"
    ),
    "ka": word_set(
        "კომიტეტი საბჭო სამინისტრო არმია პარტია კავშირი სასამართლო უნივერსიტეტი "
        "ინსტიტუტი ფონდი სააგენტო ბანკი სამსახური ჯვარი რესპუბლიკა ოლქი რაიონი "
        "ქალაქი სოფელი ქუჩა მოედანი მდინარე მთა ორგანიზაცია"
    ),
    "fr": word_set(
        "nations croix croissant comité conseil ministère armée parti union cour "
        "tribunal université institut fondation organisation agence banque office "
        "république région province district rue place avenue boulevard ville village "
        "montagne vallée aéroport gare front brigade division régiment bataillon corps "
        "flotte église cathédrale mosquée monastère musée bibliothèque archives mémorial "
        "parc pont assemblée gouvernement fédération amnesty saint sainte mont port lac "
        "association société hôpital lycée collège école"
    ),
    "es": word_set(
        "naciones cruz media comité consejo ministerio ejército partido unión corte "
        "tribunal universidad instituto fundación organización agencia banco oficina "
        "república región provincia distrito calle plaza avenida ciudad pueblo montaña "
        "valle aeropuerto estación frente brigada división regimiento batallón cuerpo "
        "flota iglesia catedral mezquita monasterio museo biblioteca archivo memorial "
        "parque puente asamblea gobierno federación amnistía san santa santo playa puerto "
        "cerro río lago sierra barrio colonia hacienda diario periódico gaceta boletín revista "
        "asociación sociedad hospital escuela colegio liceo"
    ),
    "de": word_set(
        "nationen kreuz halbmond komitee rat ministerium armee partei union gericht "
        "gerichtshof tribunal universität institut stiftung organisation agentur bank amt "
        "republik region provinz bezirk straße platz allee stadt dorf berg berge tal "
        "flughafen bahnhof front brigade division regiment bataillon korps flotte kirche "
        "dom moschee kloster museum bibliothek archiv gedenkstätte denkmal park brücke "
        "versammlung regierung bund bundestag verband verein amnesty sankt bad "
        "gesellschaft krankenhaus klinik schule gymnasium"
    ),
    "it": word_set(
        "nazioni croce mezzaluna comitato consiglio ministero esercito partito unione "
        "corte tribunale università istituto fondazione organizzazione agenzia banca "
        "ufficio repubblica regione provincia distretto via piazza viale città paese "
        "villaggio montagna valle aeroporto stazione fronte brigata divisione reggimento "
        "battaglione corpo flotta chiesa cattedrale moschea monastero museo biblioteca "
        "associazione società ospedale scuola liceo "
        "archivio memoriale parco ponte assemblea governo federazione amnesty san santa "
        "santo val monte porto borgo lago"
    ),
}

# Azerbaijani is written in Latin and in Cyrillic script: every Latin title and head has
# its Cyrillic spelling too ("şair" → "шаир", "rayonu" → "рајону").
_AZ_CYRILLIC = str.maketrans("abcçdeəfgğhxıijkqlmnoöprsştuüvyz", "абҹчдеәфҝғһхыижкглмноөпрсштуүвјз")
for _table in (TITLE_WORDS, NOT_PERSON_HEADS):
    _table["az"] = _table["az"] | frozenset(word.translate(_AZ_CYRILLIC) for word in _table["az"])

# Honorifics written after a given name, not part of it ("Kemal Bey", "Ayşe Hanım").
POST_TITLES = word_set(
    "bey hanım hanim efendi paşa ağa amca teyze dayı abla abi nine dede "
    "bəy xanım müəllim müəllimə kişi xala əmi nənə baba ханым бәј"
)

# Kin and role nouns that make a single given name after them a person ("oğlum Murat").
KIN_WORDS = word_set(
    "oğlum kızım eşim annem babam kardeşim ağabeyim ablam oğlu kızı eşi "
    "ərim arvadım oğlum qızım anam atam qardaşım bacım qonşumuz qonşum qonşu "
    "komşumuz komşum komşu "
    "брат сестра сын дочь мать отец муж жена бабушка дедушка внук внучка "
    "брат сестра син дочка мати батько чоловік дружина бабуся дідусь "
    "fils fille mère père mari femme frère sœur grand-père grand-mère cousin cousine "
    "hijo hija madre padre marido esposa hermano hermana "
    "figlio figlia madre padre marito moglie fratello sorella "
    "sohn tochter mutter vater mann frau bruder schwester "
    "son daughter mother father husband wife brother sister nephew niece uncle aunt "
    "grandfather grandmother neighbour neighbor nipote nonno nonna zio zia cugino cugina "
    "дід баба бабуся дядько тітка онук сусід дядя тётя сосед neveu nièce oncle tante "
    "sobrino sobrina tío tía abuelo abuela neffe nichte onkel opa oma "
    # hy: bare and with "my" (-ս): "Եղբայրս՝ Սամվելը"
    "եղբայր եղբայրս քույր քույրս հայր հայրս մայր մայրս որդի որդիս դուստր դուստրս "
    "ամուսին ամուսինս կին կինս հարևան հարևանս հարևանուհի պապ պապս տատ տատս "
    # ka ("და", sister, is also "and": left out)
    "ძმა ძმამ დისშვილი ძმისშვილი მამა დედა შვილი ქალიშვილი ვაჟი მეუღლე ქმარი ცოლი "
    "მეზობელი ბებია ბაბუა"
)

# Words that join two names in a list ("X and Y", "X et Y", "X və Y").
CONJUNCTIONS = word_set("and & et y e und и і й та və ve da ու և და")

# Function words capitalised only because a sentence starts with them: never a name.
SENTENCE_WORDS = word_set(
    # en
    "the a an in on at by for from to with and but or as after before during when while "
    "this that these those his her their its our we he she they it i you also then "
    "however yesterday today later earlier meanwhile both neither either since until "
    # ru / uk
    "в во на по с со к ко у о об от до из за для при про без через после перед когда "
    "как но и а что это этот эта эти тот та он она они мы я вы его её их также тогда "
    "вчера сегодня позже однако затем потом уже ещё лишь даже именно как-то "
    "у в на з із до від для при про без через після перед коли як але і й та що це "
    "цей ця ці той він вона вони ми я ви його її їх також тоді вчора сьогодні пізніше "
    "однак потім вже ще лише навіть "
    # az / tr
    "bu o həmin bir və ilə ki amma lakin sonra əvvəl zaman dünən bu gün isə də da "
    "ancak fakat ama ve ile için gibi göre sonra önce dün bugün ise de da şu bunlar "
    # hy
    "ըստ իսկ այդ այս նա նրանք մենք երբ հետո բայց և ու որ թե "
    # fr / es / it / de
    "le la les l un une des du de au aux en dans sur par pour avec sans et mais ou "
    "selon lorsque quand alors puis après avant ce cette ces il elle ils elles nous "
    "hier aujourd'hui depuis pendant "
    "el los las lo un una unos unas del al en con sin por para y pero o según cuando "
    "entonces luego después antes este esta estos estas ese esa él ella ellos nosotros "
    "ayer hoy desde durante "
    "il lo gli i una uno dei degli delle nel nella con senza per e ma o secondo quando "
    "allora poi dopo prima questo questa quello quella lui lei loro noi ieri oggi "
    "da durante "
    "der die das den dem des ein eine einer einem eines im am vom zum zur mit ohne "
    "für und aber oder laut nach vor als wenn dann danach dieser diese dieses er sie "
    "es wir ich gestern heute seit während auch alle meine mein meinen meiner unser unsere "
    "ihre sein seine jeder jede viele einige beide bei beim aus auf an über unter "
    "zwischen gegen trotz wegen durch um bis "
    # currencies and units capitalised in German and in headings
    "euro euros dollar dollars rubel manat lira lari dram"
)

# Speech verbs and quoting phrases per language: "X said", "selon X", "по словам X".
SPEECH_AFTER: dict[str, str] = {
    "ru": r"(?:заявил|заявила|сказал|сказала|отметил|отметила|сообщил|сообщила|рассказал|"
    r"рассказала|подчеркнул|подчеркнула|добавил|добавила|вспоминает|вспоминал|пишет|писал)",
    "uk": r"(?:заявив|заявила|сказав|сказала|зазначив|зазначила|повідомив|повідомила|"
    r"розповів|розповіла|підкреслив|додав|додала|згадує|пише|писав)",
    "az": r"(?:bildirib|bildirdi|deyib|dedi|qeyd\s+edib|bəyan\s+edib|söyləyib|vurğulayıb|"
    r"xatırlayır|yazır|yazıb)",
    "tr": r"(?:dedi|söyledi|açıkladı|belirtti|vurguladı|ifade\s+etti|anlattı|yazdı|ekledi)",
    "fr": r"(?:a\s+déclaré|a\s+dit|a\s+affirmé|a\s+souligné|a\s+ajouté|a\s+expliqué|"
    r"déclare|affirme|explique|raconte|se\s+souvient|écrit|a\s+écrit)",
    "es": r"(?:dijo|declaró|afirmó|señaló|explicó|añadió|recordó|relató|escribió|dice|afirma)",
    "de": r"(?:sagte|sagt|erklärte|erklärt|betonte|fügte|berichtete|erinnert|schrieb|schreibt)",
    "it": r"(?:ha\s+detto|ha\s+dichiarato|ha\s+affermato|ha\s+spiegato|ha\s+aggiunto|"
    r"ha\s+raccontato|dice|afferma|ricorda|scrive|ha\s+scritto)",
    "hy": r"(?:ասաց|հայտարարեց|նշեց|ընդգծեց|հավելեց|պատմեց|գրում\s+է|գրել\s+է)",
    "ka": r"(?:განაცხადა|თქვა|აღნიშნა|დაწერა|გაიხსენა|დასძინა)",
}
SPEECH_BEFORE: dict[str, str] = {
    "ru": r"(?:по\s+словам|как\s+сообщил|как\s+заявил|как\s+рассказал)",
    "uk": r"(?:за\s+словами|як\s+повідомив|як\s+заявив)",
    "fr": r"(?:selon|d'après|d’après|a\s+déclaré|a\s+dit|affirme)",
    "es": r"(?:según|dijo|afirmó|declaró)",
    "de": r"(?:laut|sagte|erklärte|so)",
    "it": r"(?:secondo|ha\s+detto|ha\s+dichiarato)",
}


@cache
def country_names() -> frozenset[str]:
    """Country and region names (CLDR territories) in the supported languages, folded.

    A word that is one ("Georgia", "Jordan", "Armenia") is never part of a name; city
    names are checked only against a whole run, since many are surnames too
    ("Colombo", "Lincoln").
    """
    from babel import Locale

    found: set[str] = set()
    for code in ("en", "ru", "uk", "az", "tr", "hy", "ka", "fr", "es", "de", "it"):
        found.update(name.casefold() for name in Locale.parse(code).territories.values())
    return frozenset(found)


@cache
def place_names() -> frozenset[str]:
    """Countries, regions and cities in the supported languages, whole and folded.

    Countries come from CLDR's territory names, cities from CLDR's time-zone exemplar
    cities ("Hong Kong", "Ереван", "Kuala Lumpur") and the time-zone database's own
    city names: "Georgia", "Jordan", "Hong Kong" and "Rio" start like given names.
    """
    from zoneinfo import available_timezones

    from babel import Locale

    found: set[str] = set(country_names())
    for code in ("en", "ru", "uk", "az", "tr", "hy", "ka", "fr", "es", "de", "it"):
        locale = Locale.parse(code)
        for zone in locale.time_zones.values():
            city = zone.get("city")
            if isinstance(city, str):
                found.add(city.casefold())
    for zone_id in available_timezones():
        found.add(zone_id.rsplit("/", 1)[-1].replace("_", " ").casefold())
    return frozenset(found)


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names (CLDR), folded: never a name.

    Most languages write them in lower case, so there a capitalised one that is also a
    given name ("Domingo", "Mercedes") is left to be a name; English and German
    capitalise them, so there they always count.
    """
    from babel import Locale

    from desktop.extract.name_lexicon import is_first_name

    found: set[str] = set()
    for code in ("en", "ru", "uk", "az", "tr", "hy", "ka", "fr", "es", "de", "it"):
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for names in (locale.months[context]["wide"], locale.days[context]["wide"]):
                found.update(
                    name.casefold()
                    for name in names.values()
                    if code in ("en", "de") or not is_first_name(name)
                )
    return frozenset(found)


def all_titles() -> frozenset[str]:
    """Titles of every language: a Russian title may stand in an English-detected line."""
    return _ALL_TITLES


def titles_before() -> frozenset[str]:
    return _TITLES_BEFORE


def all_heads() -> frozenset[str]:
    return _ALL_HEADS


_ALL_TITLES = frozenset().union(*TITLE_WORDS.values(), ENGLISH_TITLES)
# Lower-case words that introduce a name when written just before it ("генерал X"): the
# per-language lists only, not the English capitalised-title list ("first", "acting").
_TITLES_BEFORE = frozenset().union(*TITLE_WORDS.values())
_ALL_HEADS = frozenset().union(*NOT_PERSON_HEADS.values())
