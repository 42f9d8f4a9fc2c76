<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
    <context>
        <name>ChronologyView</name>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln mənbə</numerusform>
                <numerusform>%Ln mənbə</numerusform>
            </translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Zaman xətti</translation>
        </message>
        <message>
            <source>The dates of the table below on one line; the table holds the same entries</source>
            <translation>Aşağıdakı cədvəlin tarixləri bir xətt üzərində; cədvəldə eyni qeydlər var</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Nə baş verib</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Mənbələr</translation>
        </message>
        <message>
            <source>As written</source>
            <translation>Yazıldığı kimi</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Sənədlər</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Nəşr tarixi</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Xronologiya</translation>
        </message>
        <message>
            <source>One row per date with the sources giving it; Enter opens the first passage</source>
            <translation>Hər tarix üçün bir sətir və onu verən mənbələr; Enter ilk parçanı açır</translation>
        </message>
        <message>
            <source>Include publication dates</source>
            <translation>Nəşr tarixlərini daxil et</translation>
        </message>
        <message>
            <source>Also list the dates sources were published or reported on (dates marked as reporting dates, or a document's own date)</source>
            <translation>Mənbələrin nəşr olunduğu və ya xəbər verdiyi tarixləri də göstər (xəbər tarixi kimi işarələnmiş tarixlər və ya sənədin öz tarixi)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln dates</source>
            <translation>
                <numerusform>%Ln tarix</numerusform>
                <numerusform>%Ln tarix</numerusform>
            </translation>
        </message>
        <message>
            <source> ({u} recurring or without a year, listed last)</source>
            <translation> ({u} təkrarlanan və ya ili olmayan, sonda verilib)</translation>
        </message>
        <message>
            <source> · click a date to select it, double-click to open</source>
            <translation> · tarixi seçmək üçün klikləyin, açmaq üçün iki dəfə klikləyin</translation>
        </message>
    </context>
    <context>
        <name>ClaimsPanel</name>
        <message>
            <source>Claims linked to the event</source>
            <translation>Hadisəyə bağlanmış iddialar</translation>
        </message>
        <message>
            <source>Figures and dates linked to the event. A confirms, L links to another event, U unlinks; E, R, O and Backspace set a date's role</source>
            <translation>Hadisəyə bağlanmış rəqəmlər və tarixlər. A təsdiqləyir, L başqa hadisəyə bağlayır, U bağlantını ayırır; E, R, O və Backspace tarixin rolunu təyin edir</translation>
        </message>
        <message>
            <source>Whether a date is the event's own date</source>
            <translation>Tarixin hadisənin öz tarixi olub-olmadığı</translation>
        </message>
    </context>
    <context>
        <name>ClaimsView</name>
        <message>
            <source>Also count the suggestions no one has accepted yet</source>
            <translation>Hələ heç kimin qəbul etmədiyi təklifləri də say</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <source>Correct OCR Text — {ref}</source>
            <translation>OCR mətnini düzəlt — {ref}</translation>
        </message>
        <message>
            <source>Correct what OCR misread. The scan stays the evidence; the corrected text is saved as a new version, tags follow their words, and the change is recorded in the audit trail.</source>
            <translation>OCR-un səhv oxuduğunu düzəldin. Sübut skan olaraq qalır; düzəldilmiş mətn yeni versiya kimi saxlanılır, etiketlər öz sözlərinin ardınca gedir, dəyişiklik isə audit jurnalına yazılır.</translation>
        </message>
        <message>
            <source>Text to correct</source>
            <translation>Düzəldiləcək mətn</translation>
        </message>
    </context>
    <context>
        <name>CorroborationView</name>
        <message>
            <source>sources differ</source>
            <extracomment>Where a cell's passage is: (document reference, start, end), for opening it.</extracomment>
            <translation>mənbələr fərqlidir</translation>
        </message>
        <message>
            <source>sources agree</source>
            <translation>mənbələr uyğundur</translation>
        </message>
        <message>
            <source>one source</source>
            <translation>bir mənbə</translation>
        </message>
        <message>
            <source>(no event linked, shared date {period})</source>
            <translation>(hadisəyə bağlanmayıb, ortaq tarix {period})</translation>
        </message>
        <message>
            <source>(no event linked)</source>
            <translation>(hadisəyə bağlanmayıb)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Hadisə</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Sayılan</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Nəticə</translation>
        </message>
        <message>
            <source>undated</source>
            <translation>tarixsiz</translation>
        </message>
        <message>
            <source>Corroboration matrix</source>
            <translation>Təsdiq matrisi</translation>
        </message>
        <message>
            <source>One row per event and counted thing, one column per source; Enter opens the passage of the current cell</source>
            <translation>Hər hadisə və sayılan şey üçün bir sətir, hər mənbə üçün bir sütun; Enter cari xanadakı parçanı açır</translation>
        </message>
        <message>
            <source>One row per event and counted thing, sources in order of publication. Catena lists claims with their sources; it does not judge between them.</source>
            <translation>Hər hadisə və sayılan şey üçün bir sətir, mənbələr nəşr ardıcıllığı ilə. Catena iddiaları mənbələri ilə birlikdə göstərir; onlar arasında hökm vermir.</translation>
        </message>
        <message>
            <source>{n} things counted in {s} sources; sources differ on {d}</source>
            <translation>{s} mənbədə {n} şey sayılıb; mənbələr {d} üzrə fərqlənir</translation>
        </message>
        <message>
            <source>By value</source>
            <translation>Dəyərə görə</translation>
        </message>
        <message>
            <source>Matrix</source>
            <translation>Matris</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>26 Feb 2022, spring 1943, 1990s, before 1980, c. 1920, 25–26 Feb 1992</source>
            <translation>26 fev 2022, yaz 1943, 1990-cı illər, təxminən 1920, 25–26 fevral 1992</translation>
        </message>
        <message>
            <source>A date as people write it; the hint below shows how it was read</source>
            <translation>Tarix insanların yazdığı kimi; aşağıdakı ipucu onun necə oxunduğunu göstərir</translation>
        </message>
    </context>
    <context>
        <name>DocumentTableModel</name>
        <message>
            <source>Reference</source>
            <translation>İstinad kodu</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Başlıq</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Nəşriyyat</translation>
        </message>
        <message>
            <source>Authors</source>
            <translation>Müəlliflər</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Nəşr tarixi</translation>
        </message>
        <message>
            <source>Dateline</source>
            <translation>Yer və tarix qeydi</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>İdxal edilib</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Yoxlama tələb edir</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Uyğunluq</translation>
        </message>
        <message>
            <source>Guessed from the text; not yet confirmed</source>
            <translation>Mətndən təxmin edilib; hələ təsdiqlənməyib</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(silinib)</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Chicago (17th ed.)</source>
            <translation>Chicago (17-ci nəşr)</translation>
        </message>
        <message>
            <source>APA (7th ed.)</source>
            <translation>APA (7-ci nəşr)</translation>
        </message>
        <message>
            <source>MLA (9th ed.)</source>
            <translation>MLA (9-cu nəşr)</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>Üz qabığı</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Mündəricat</translation>
        </message>
        <message>
            <source>Documents and tagged excerpts</source>
            <translation>Sənədlər və etiketlənmiş çıxarışlar</translation>
        </message>
        <message>
            <source>Witness index</source>
            <translation>Şahidlərin göstəricisi</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Xronologiya</translation>
        </message>
        <message>
            <source>Figures compared across sources</source>
            <translation>Mənbələr üzrə müqayisə edilən rəqəmlər</translation>
        </message>
        <message>
            <source>Image plates</source>
            <translation>Şəkil təsvirləri</translation>
        </message>
        <message>
            <source>Bibliography</source>
            <translation>Biblioqrafiya</translation>
        </message>
        <message>
            <source>Corroboration</source>
            <translation>Təsdiqləmə</translation>
        </message>
        <message>
            <source>Fixity appendix (SHA-256)</source>
            <translation>Bütövlük əlavəsi (SHA-256)</translation>
        </message>
        <message>
            <source>Print Dossier</source>
            <extracomment>Each glyph warning line starts with how many characters it is about ("3 characters in CAT-000001 could not be printed …", see ``desktop.dossier.glyphs``).</extracomment>
            <translation>Dosyeni çap et</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Dosye</translation>
        </message>
        <message numerus="yes">
            <source>The %Ln selected document(s)</source>
            <translation>
                <numerusform>Seçilmiş %Ln sənəd</numerusform>
                <numerusform>Seçilmiş %Ln sənəd</numerusform>
            </translation>
        </message>
        <message>
            <source>All documents in the catalogue</source>
            <translation>Kataloqdakı bütün sənədlər</translation>
        </message>
        <message>
            <source>Documents matching a search:</source>
            <translation>Axtarışa uyğun sənədlər:</translation>
        </message>
        <message>
            <source>Search for the documents</source>
            <translation>Sənədlər üçün axtarış</translation>
        </message>
        <message>
            <source>The dossier holds the documents it finds</source>
            <translation>Dosyeyə bu axtarışın tapdığı sənədlər daxil olur</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Sənədlər</translation>
        </message>
        <message>
            <source>Include tags not yet accepted (suggestions)</source>
            <translation>Hələ qəbul edilməmiş etiketləri (təklifləri) daxil et</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Bölmələr</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Başlıq</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>Alt başlıq</translation>
        </message>
        <message>
            <source>Compiled by</source>
            <translation>Tərtib edən</translation>
        </message>
        <message>
            <source>Citation style</source>
            <translation>İstinad üslubu</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Print to PDF…</source>
            <translation>PDF-ə çap et…</translation>
        </message>
        <message>
            <source>Choose where to save the PDF, then print the dossier to it</source>
            <translation>PDF-in harada saxlanacağını seçin, sonra dosyeni ona çap edin</translation>
        </message>
        <message>
            <source>The dossier builder is not available in this version.</source>
            <translation>Bu versiyada dosye qurucusu yoxdur.</translation>
        </message>
        <message>
            <source>Save Dossier</source>
            <translation>Dosyeni saxla</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF faylları (*.pdf)</translation>
        </message>
        <message>
            <source>Choose at least one section.</source>
            <translation>Ən azı bir bölmə seçin.</translation>
        </message>
        <message>
            <source>Gathering and typesetting…</source>
            <translation>Toplanır və yığılır…</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saxlanıldı: {path}</translation>
        </message>
        <message>
            <source>1 character could not be printed exactly</source>
            <translation>1 simvol dəqiq çap oluna bilmədi</translation>
        </message>
        <message>
            <source>{n} characters could not be printed exactly</source>
            <translation>{n} simvol dəqiq çap oluna bilmədi</translation>
        </message>
        <message numerus="yes">
            <source>%Ln notes on characters that could not be printed exactly</source>
            <translation>
                <numerusform>Dəqiq çap oluna bilməyən simvollar haqqında %Ln qeyd</numerusform>
                <numerusform>Dəqiq çap oluna bilməyən simvollar haqqında %Ln qeyd</numerusform>
            </translation>
        </message>
        <message>
            <source> — listed in the appendix</source>
            <translation> — əlavədə sadalanıb</translation>
        </message>
        <message numerus="yes">
            <source>… and %Ln more</source>
            <translation>
                <numerusform>… və daha %Ln</numerusform>
                <numerusform>… və daha %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source> (the fixity appendix, which lists them, was not printed):</source>
            <translation> (onları sadalayan bütövlük əlavəsi çap olunmayıb):</translation>
        </message>
        <message>
            <source>The dossier could not be printed: {error}</source>
            <translation>Dosye çap oluna bilmədi: {error}</translation>
        </message>
    </context>
    <context>
        <name>EmptyCatalogueOffer</name>
        <message>
            <source>This catalogue is empty.

Drop files here, use File ▸ Import Files… (Ctrl+I),
or start with Catena's sample documents.</source>
            <translation>Bu kataloq boşdur.

Faylları bura atın, Fayl ▸ Faylları idxal et… (Ctrl+I) əmrindən istifadə edin
və ya Catena-nın nümunə sənədləri ilə başlayın.</translation>
        </message>
        <message>
            <source>Import Files…</source>
            <translation>Faylları idxal et…</translation>
        </message>
        <message>
            <source>Import Sample Documents</source>
            <translation>Nümunə sənədləri idxal et</translation>
        </message>
    </context>
    <context>
        <name>EventActions</name>
        <message>
            <source>Merge Event</source>
            <translation>Hadisəni birləşdir</translation>
        </message>
        <message>
            <source>Merge “{name}” into:</source>
            <translation>“{name}” hadisəsini bununla birləşdir:</translation>
        </message>
        <message>
            <source>New Event</source>
            <translation>Yeni hadisə</translation>
        </message>
        <message>
            <source>New event “{name}”</source>
            <translation>Yeni hadisə “{name}”</translation>
        </message>
        <message>
            <source>Edit Event</source>
            <translation>Hadisəni redaktə et</translation>
        </message>
        <message>
            <source>Edit event “{name}”</source>
            <translation>“{name}” hadisəsini redaktə et</translation>
        </message>
        <message>
            <source>There is no other event to merge into.</source>
            <translation>Birləşdirmək üçün başqa hadisə yoxdur.</translation>
        </message>
        <message>
            <source>Merge event {merged} into {kept}</source>
            <translation>{merged} hadisəsini {kept} ilə birləşdir</translation>
        </message>
        <message>
            <source>Merged {merged} into {kept}</source>
            <translation>{merged} hadisəsi {kept} ilə birləşdirildi</translation>
        </message>
        <message>
            <source>Move event {ref} to Trash</source>
            <translation>{ref} hadisəsini Zibil qutusuna at</translation>
        </message>
        <message>
            <source>Event {ref} moved to the Trash (Ctrl+Z to undo)</source>
            <translation>{ref} hadisəsi Zibil qutusuna atıldı (geri qaytarmaq üçün Ctrl+Z)</translation>
        </message>
        <message>
            <source>Split event {ref}</source>
            <translation>{ref} hadisəsini ayır</translation>
        </message>
        <message>
            <source>Split {kept} out of {merged} (Ctrl+Z to undo)</source>
            <translation>{kept} {merged} hadisəsindən ayrıldı (geri qaytarmaq üçün Ctrl+Z)</translation>
        </message>
        <message>
            <source>Restore event {ref}</source>
            <translation>{ref} hadisəsini bərpa et</translation>
        </message>
        <message>
            <source>Event {ref} restored from the Trash</source>
            <translation>{ref} hadisəsi Zibil qutusundan bərpa edildi</translation>
        </message>
        <message>
            <source>E&amp;vents</source>
            <translation>&amp;Hadisələr</translation>
        </message>
        <message>
            <source>Suggesting event links…</source>
            <translation>Hadisə bağlantıları təklif edilir…</translation>
        </message>
        <message>
            <source>{n} event link(s) suggested in {docs} document(s); {left} claim(s) left unlinked</source>
            <translation>{docs} sənəddə {n} hadisə bağlantısı təklif edildi; {left} iddia bağlantısız qaldı</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>One name form a line, in any script</source>
            <translation>Hər sətirdə bir ad forması, istənilən əlifbada</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>e.g. war, massacre, battle</source>
            <translation>məs. müharibə, qırğın, döyüş</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(yoxdur)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Ad</translation>
        </message>
        <message>
            <source>&amp;Other names</source>
            <translation>&amp;Digər adlar</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>&amp;Yer</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Tarix</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Növ</translation>
        </message>
        <message>
            <source>Part &amp;of</source>
            <translation>&amp;Tərkib hissəsidir</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>&amp;Qeydlər</translation>
        </message>
    </context>
    <context>
        <name>EventLinkActions</name>
        <message>
            <source>Link to Another Event</source>
            <translation>Başqa hadisəyə bağla</translation>
        </message>
        <message>
            <source>Which event is “{quote}” ({ref}) about?</source>
            <translation>“{quote}” ({ref}) hansı hadisə haqqındadır?</translation>
        </message>
        <message>
            <source>Confirm link of “{quote}”</source>
            <translation>“{quote}” bağlantısını təsdiqlə</translation>
        </message>
        <message>
            <source>Unlink “{quote}”</source>
            <translation>“{quote}” bağlantısını sil</translation>
        </message>
        <message>
            <source>There is no other event to link to.</source>
            <translation>Bağlamaq üçün başqa hadisə yoxdur.</translation>
        </message>
        <message>
            <source>Link “{quote}” to {ref}</source>
            <translation>“{quote}” iqtibasını {ref} hadisəsinə bağla</translation>
        </message>
        <message>
            <source>“{quote}” is now linked to {ref} (Ctrl+Z to undo)</source>
            <translation>“{quote}” indi {ref} hadisəsinə bağlıdır (geri qaytarmaq üçün Ctrl+Z)</translation>
        </message>
        <message>
            <source>Mark “{quote}” as {role}</source>
            <translation>“{quote}” iqtibasını {role} kimi işarələ</translation>
        </message>
    </context>
    <context>
        <name>EventPicker</name>
        <message>
            <source>Event</source>
            <translation>Hadisə</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Nə vaxt</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <source>Type part of a name, a place or a code</source>
            <translation>Adın, yerin və ya kodun bir hissəsini yazın</translation>
        </message>
        <message>
            <source>Find an event</source>
            <translation>Hadisə tap</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Təmizlə</translation>
        </message>
        <message>
            <source>Matching events</source>
            <translation>Uyğun hadisələr</translation>
        </message>
        <message>
            <source>Enter takes the current event</source>
            <translation>Enter cari hadisəni seçir</translation>
        </message>
    </context>
    <context>
        <name>EventsView</name>
        <message>
            <source>event date</source>
            <translation>hadisə tarixi</translation>
        </message>
        <message>
            <source>reporting date</source>
            <translation>xəbər tarixi</translation>
        </message>
        <message>
            <source>other date</source>
            <translation>digər tarix</translation>
        </message>
        <message>
            <source>no role</source>
            <translation>rolu yoxdur</translation>
        </message>
        <message>
            <source>✓ confirmed</source>
            <translation>✓ təsdiqlənib</translation>
        </message>
        <message>
            <source>? suggested</source>
            <translation>? təklif edilib</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Etiket</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Sənəd</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>İqtibas</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Bağlantı</translation>
        </message>
        <message>
            <source>&amp;Confirm Link</source>
            <translation>Bağlantını &amp;təsdiqlə</translation>
        </message>
        <message>
            <source>&amp;Link to Another Event…</source>
            <translation>&amp;Başqa hadisəyə bağla…</translation>
        </message>
        <message>
            <source>&amp;Unlink</source>
            <translation>Bağlantını &amp;sil</translation>
        </message>
        <message>
            <source>&amp;Event Date</source>
            <translation>&amp;Hadisə tarixi</translation>
        </message>
        <message>
            <source>&amp;Reporting Date</source>
            <translation>&amp;Xəbər tarixi</translation>
        </message>
        <message>
            <source>&amp;Other Date</source>
            <translation>&amp;Digər tarix</translation>
        </message>
        <message>
            <source>&amp;No Role</source>
            <translation>&amp;Rolsuz</translation>
        </message>
        <message>
            <source>Date &amp;Role</source>
            <translation>Tarixin &amp;rolu</translation>
        </message>
        <message>
            <source>Date Role</source>
            <translation>Tarixin rolu</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Hadisə</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Nə vaxt</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Yer</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Rəqəmlər</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Tarixlər</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Hadisələr</translation>
        </message>
        <message>
            <source>Event records, each under the event it is part of; F2 edits the current one</source>
            <translation>Hadisə qeydləri, hər biri daxil olduğu hadisənin altında; F2 cari qeydi redaktə edir</translation>
        </message>
        <message>
            <source>&amp;New Event…</source>
            <translation>&amp;Yeni hadisə…</translation>
        </message>
        <message>
            <source>&amp;Edit Event…</source>
            <translation>Hadisəni &amp;redaktə et…</translation>
        </message>
        <message>
            <source>&amp;Split Event…</source>
            <translation>Hadisəni &amp;ayır…</translation>
        </message>
        <message>
            <source>&amp;Merge Into…</source>
            <translation>&amp;Birləşdir…</translation>
        </message>
        <message>
            <source>Move Event to &amp;Trash</source>
            <translation>Hadisəni &amp;Zibil qutusuna at</translation>
        </message>
        <message>
            <source>Rest&amp;ore Event</source>
            <translation>Hadisəni &amp;bərpa et</translation>
        </message>
        <message>
            <source>Show Trashed E&amp;vents</source>
            <translation>Zibil qutusundakı &amp;hadisələri göstər</translation>
        </message>
        <message>
            <source>Suggest Links for &amp;All Documents</source>
            <translation>&amp;Bütün sənədlər üçün bağlantı təklif et</translation>
        </message>
        <message>
            <source>Show trashed</source>
            <translation>Zibil qutusundakıları göstər</translation>
        </message>
        <message>
            <source>List trashed events too (Ctrl+Shift+T)</source>
            <translation>Zibil qutusundakı hadisələri də göstər (Ctrl+Shift+T)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Redaktə et…</translation>
        </message>
        <message>
            <source>Split…</source>
            <translation>Ayır…</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Zibil qutusu</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Bərpa et</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Geri qaytar</translation>
        </message>
        <message>
            <source>Event details</source>
            <translation>Hadisənin təfərrüatları</translation>
        </message>
        <message>
            <source>{n} event record(s) in the Trash</source>
            <translation>Zibil qutusunda {n} hadisə qeydi</translation>
        </message>
        <message>
            <source>{n} event record(s)</source>
            <translation>{n} hadisə qeydi</translation>
        </message>
        <message>
            <source>Select an event to see its names and the claims linked to it.</source>
            <translation>Adlarını və ona bağlı iddiaları görmək üçün hadisə seçin.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>CSV tables for spreadsheets (folder)</source>
            <translation>Elektron cədvəllər üçün CSV cədvəlləri (qovluq)</translation>
        </message>
        <message>
            <source>CSL-JSON for reference managers (.json)</source>
            <translation>İstinad menecerləri üçün CSL-JSON (.json)</translation>
        </message>
        <message>
            <source>RIS for reference managers (.ris)</source>
            <translation>İstinad menecerləri üçün RIS (.ris)</translation>
        </message>
        <message>
            <source>BibTeX (.bib)</source>
            <translation>BibTeX (.bib)</translation>
        </message>
        <message>
            <source>Dublin Core XML (folder)</source>
            <translation>Dublin Core XML (qovluq)</translation>
        </message>
        <message>
            <source>EAD finding aid (.xml)</source>
            <translation>EAD arxiv bələdçisi (.xml)</translation>
        </message>
        <message>
            <source>W3C Web Annotations, JSON-LD (.jsonld)</source>
            <translation>W3C veb annotasiyaları, JSON-LD (.jsonld)</translation>
        </message>
        <message>
            <source>REFI-QDA project for QDA tools (.qdpx)</source>
            <translation>QDA alətləri üçün REFI-QDA layihəsi (.qdpx)</translation>
        </message>
        <message>
            <source>BagIt preservation package (folder)</source>
            <translation>BagIt saxlama paketi (qovluq)</translation>
        </message>
        <message>
            <source>Whole-catalogue archive (.zip)</source>
            <translation>Bütün kataloqun arxivi (.zip)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>İxrac</translation>
        </message>
        <message numerus="yes">
            <source>Selected documents (%Ln)</source>
            <translation>
                <numerusform>Seçilmiş sənədlər (%Ln)</numerusform>
                <numerusform>Seçilmiş sənədlər (%Ln)</numerusform>
            </translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>Bütün sənədlər</translation>
        </message>
        <message>
            <source>The file or folder the export is written to</source>
            <translation>İxracın yazılacağı fayl və ya qovluq</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Seç…</translation>
        </message>
        <message>
            <source>Choose where to write</source>
            <translation>Harada yazılacağını seçin</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Sənədlər</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>Harada yazılsın</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>Qovluğa ixrac et</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>Fayla ixrac et</translation>
        </message>
        <message>
            <source>Choose where to write the export.</source>
            <translation>İxracın harada yazılacağını seçin.</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>İxrac edilir…</translation>
        </message>
        <message>
            <source>Nothing was exported: {error}</source>
            <translation>Heç nə ixrac edilmədi: {error}</translation>
        </message>
    </context>
    <context>
        <name>FiguresPage</name>
        <message>
            <source>Figures</source>
            <translation>Rəqəmlər</translation>
        </message>
    </context>
    <context>
        <name>FiguresView</name>
        <message>
            <source>Sources give different figures ({n} sources, {k} values)</source>
            <translation>Mənbələr fərqli rəqəmlər verir ({n} mənbə, {k} dəyər)</translation>
        </message>
        <message>
            <source>Sources' figures can all be true ({n} sources, {k} values)</source>
            <translation>Mənbələrin rəqəmlərinin hamısı doğru ola bilər ({n} mənbə, {k} dəyər)</translation>
        </message>
        <message numerus="yes">
            <source>Sources give the same figure (%Ln sources)</source>
            <translation>
                <numerusform>Mənbələr eyni rəqəmi verir (%Ln mənbə)</numerusform>
                <numerusform>Mənbələr eyni rəqəmi verir (%Ln mənbə)</numerusform>
            </translation>
        </message>
        <message>
            <source>One source</source>
            <translation>Bir mənbə</translation>
        </message>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln mənbə</numerusform>
                <numerusform>%Ln mənbə</numerusform>
            </translation>
        </message>
        <message>
            <source>Suggestion, not yet accepted</source>
            <translation>Təklif, hələ qəbul edilməyib</translation>
        </message>
        <message>
            <source>Open {ref} at this passage</source>
            <translation>{ref} sənədini bu parçada aç</translation>
        </message>
        <message>
            <source>Include open suggestions</source>
            <translation>Açıq təklifləri daxil et</translation>
        </message>
        <message>
            <source>Figure / value / source</source>
            <translation>Rəqəm / dəyər / mənbə</translation>
        </message>
        <message>
            <source>Comparison / document</source>
            <translation>Müqayisə / sənəd</translation>
        </message>
        <message>
            <source>As written</source>
            <translation>Yazıldığı kimi</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Nəşr tarixi</translation>
        </message>
        <message>
            <source>Figures by value</source>
            <translation>Dəyərə görə rəqəmlər</translation>
        </message>
        <message>
            <source>Each counted thing, its values and the sources giving them; differing figures first. Enter opens a source's passage</source>
            <translation>Hər sayılan şey, onun dəyərləri və onları verən mənbələr; fərqli rəqəmlər əvvəldə. Enter mənbənin parçasını açır</translation>
        </message>
        <message>
            <source>≠ figures that cannot all be true · = figures that agree · ○ one source. Catena lists claims with their sources; it does not judge between them.</source>
            <translation>≠ hamısı doğru ola bilməyən rəqəmlər · = uyğun gələn rəqəmlər · ○ bir mənbə. Catena iddiaları mənbələri ilə birlikdə göstərir; onlar arasında hökm vermir.</translation>
        </message>
        <message>
            <source>{n} things counted; sources differ on {d}</source>
            <translation>{n} şey sayılıb; mənbələr {d} üzrə fərqlənir</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>Citation copied: {text}</source>
            <translation>İstinad köçürüldü: {text}</translation>
        </message>
        <message>
            <source>Open Catalogue</source>
            <translation>Kataloqu aç</translation>
        </message>
        <message>
            <source>New Catalogue</source>
            <translation>Yeni kataloq</translation>
        </message>
        <message>
            <source>Catena catalogue (*.catena)</source>
            <translation>Catena kataloqu (*.catena)</translation>
        </message>
        <message>
            <source>Cannot open catalogue</source>
            <translation>Kataloq açıla bilmir</translation>
        </message>
        <message>
            <source>Daily backup saved: {name}</source>
            <translation>Gündəlik ehtiyat nüsxə saxlanıldı: {name}</translation>
        </message>
        <message>
            <source>Daily backup of “{name}” failed: {error}</source>
            <translation>“{name}” üçün gündəlik ehtiyat nüsxə alına bilmədi: {error}</translation>
        </message>
        <message>
            <source>Import Files</source>
            <translation>Faylları idxal et</translation>
        </message>
        <message>
            <source>Import Folder</source>
            <translation>Qovluğu idxal et</translation>
        </message>
        <message numerus="yes">
            <source>Importing %Ln item(s)…</source>
            <translation>
                <numerusform>%Ln element idxal edilir…</numerusform>
                <numerusform>%Ln element idxal edilir…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Suggestions pending for %Ln document(s)</source>
            <translation>
                <numerusform>Etiket təklifləri gözləyir: %Ln sənəd</numerusform>
                <numerusform>Etiket təklifləri gözləyir: %Ln sənəd</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tags suggested for %Ln document(s)</source>
            <translation>
                <numerusform>Etiketlər təklif edildi: %Ln sənəd</numerusform>
                <numerusform>Etiketlər təklif edildi: %Ln sənəd</numerusform>
            </translation>
        </message>
        <message>
            <source>Suggesting tags stopped: {error}</source>
            <translation>Etiket təklifi dayandı: {error}</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>İdxal alınmadı</translation>
        </message>
        <message>
            <source>Nothing from this batch was kept:
{error}</source>
            <translation>Bu partiyadan heç nə saxlanılmadı:
{error}</translation>
        </message>
    </context>
    <context>
        <name>FileGuessList</name>
        <message>
            <source>Published</source>
            <translation>Nəşr tarixi</translation>
        </message>
        <message>
            <source>Authors</source>
            <translation>Müəlliflər</translation>
        </message>
        <message>
            <source>{field}: {value} — guess from file metadata ({source}, {confidence} confidence)</source>
            <translation>{field}: {value} — fayl metaverilənlərindən təxmin ({source}, etibarlılıq: {confidence})</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Qəbul et</translation>
        </message>
        <message>
            <source>Accept guess: {field}</source>
            <translation>Təxmini qəbul et: {field}</translation>
        </message>
        <message>
            <source>Use this value as the document's {field} (undoable)</source>
            <translation>Bu dəyəri sənədin {field} sahəsi kimi istifadə et (geri qaytarıla bilər)</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>Catena User Guide</source>
            <extracomment>Screenshots are full-window grabs (1440 px wide); shown narrower than the page they sit in, so a page never scrolls sideways.</extracomment>
            <translation>Catena istifadəçi bələdçisi</translation>
        </message>
        <message>
            <source>User guide page</source>
            <translation>Bələdçi səhifəsi</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Geri</translation>
        </message>
        <message>
            <source>Previous guide page</source>
            <translation>Bələdçinin əvvəlki səhifəsi</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>İrəli</translation>
        </message>
        <message>
            <source>Next guide page</source>
            <translation>Bələdçinin növbəti səhifəsi</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Mündəricat</translation>
        </message>
        <message>
            <source>Guide contents</source>
            <translation>Bələdçinin mündəricatı</translation>
        </message>
        <message>
            <source>Find in this page</source>
            <translation>Bu səhifədə axtar</translation>
        </message>
        <message>
            <source>Find in this guide page</source>
            <translation>Bələdçinin bu səhifəsində axtar</translation>
        </message>
        <message>
            <source>Guide status</source>
            <translation>Bələdçinin vəziyyəti</translation>
        </message>
        <message>
            <source>Not opened (Catena does not go online): {address}</source>
            <translation>Açılmadı (Catena internetə çıxmır): {address}</translation>
        </message>
        <message>
            <source>Not found in this page: {words}</source>
            <translation>Bu səhifədə tapılmadı: {words}</translation>
        </message>
        <message>
            <source>The user guide is not installed: {path} is missing.</source>
            <translation>İstifadəçi bələdçisi quraşdırılmayıb: {path} yoxdur.</translation>
        </message>
    </context>
    <context>
        <name>ImageActions</name>
        <message>
            <source>Attach Images</source>
            <translation>Şəkilləri əlavə et</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)</source>
            <translation>Şəkillər (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)</translation>
        </message>
        <message numerus="yes">
            <source>Attaching %Ln image(s)…</source>
            <translation>
                <numerusform>%Ln şəkil əlavə edilir…</numerusform>
                <numerusform>%Ln şəkil əlavə edilir…</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} image(s) attached to {ref}</source>
            <translation>{ref} sənədinə {n} şəkil əlavə edildi</translation>
        </message>
        <message numerus="yes">
            <source>; %Ln were already attached</source>
            <translation>
                <numerusform>; %Ln artıq əlavə edilmişdi</numerusform>
                <numerusform>; %Ln artıq əlavə edilmişdi</numerusform>
            </translation>
        </message>
        <message>
            <source>Some files were not attached</source>
            <translation>Bəzi fayllar əlavə edilmədi</translation>
        </message>
        <message>
            <source>Cannot open the image</source>
            <translation>Şəkli açmaq olmur</translation>
        </message>
        <message>
            <source>{ref}: {error}</source>
            <translation>{ref}: {error}</translation>
        </message>
    </context>
    <context>
        <name>ImageStrip</name>
        <message>
            <source>Drop image files on the document to attach them</source>
            <translation>Şəkil fayllarını əlavə etmək üçün onları sənədin üzərinə atın</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>Image {ref}</source>
            <translation>Şəkil {ref}</translation>
        </message>
        <message>
            <source>Zoom In</source>
            <translation>Böyüt</translation>
        </message>
        <message>
            <source>Zoom Out</source>
            <translation>Kiçilt</translation>
        </message>
        <message>
            <source>Actual Size</source>
            <translation>Həqiqi ölçü</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Sığdır</translation>
        </message>
        <message>
            <source>Fit the whole image in the window</source>
            <translation>Bütün şəkli pəncərəyə sığdır</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Şəkil</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Çəkilib</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Başlıq yazısı</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Müəllif</translation>
        </message>
        <message>
            <source>Rights</source>
            <translation>Hüquqlar</translation>
        </message>
        <message>
            <source>{w}×{h} pixels, {fmt} · {file}</source>
            <translation>{w}×{h} piksel, {fmt} · {file}</translation>
        </message>
        <message>
            <source>EXIF field</source>
            <translation>EXIF sahəsi</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Dəyər</translation>
        </message>
        <message>
            <source>EXIF fields</source>
            <translation>EXIF sahələri</translation>
        </message>
        <message>
            <source>EXIF (as read from the file)</source>
            <translation>EXIF (fayldan oxunduğu kimi)</translation>
        </message>
        <message>
            <source>This file carries no EXIF data.</source>
            <translation>Bu faylda EXIF məlumatı yoxdur.</translation>
        </message>
    </context>
    <context>
        <name>ImportJob</name>
        <message>
            <source>Preparing the import…</source>
            <translation>İdxal hazırlanır…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>İdxal</translation>
        </message>
        <message>
            <source>Cancelling after the current file…</source>
            <translation>Cari fayldan sonra ləğv edilir…</translation>
        </message>
        <message>
            <source>Importing {done} of {total}
{name}</source>
            <translation>{total} fayldan {done} idxal edilir
{name}</translation>
        </message>
    </context>
    <context>
        <name>ImportReport</name>
        <message>
            <source>imported</source>
            <translation>idxal edilib</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>dublikat</translation>
        </message>
        <message>
            <source>possible duplicate</source>
            <translation>ehtimal olunan dublikat</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>alınmadı</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>buraxılıb</translation>
        </message>
        <message numerus="yes">
            <source>%Ln imported</source>
            <translation>
                <numerusform>%Ln idxal edilib</numerusform>
                <numerusform>%Ln idxal edilib</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln duplicates</source>
            <translation>
                <numerusform>%Ln dublikat</numerusform>
                <numerusform>%Ln dublikat</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln possible duplicates (imported, flagged)</source>
            <translation>
                <numerusform>%Ln ehtimal olunan dublikat (idxal edilib, işarələnib)</numerusform>
                <numerusform>%Ln ehtimal olunan dublikat (idxal edilib, işarələnib)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln failed</source>
            <translation>
                <numerusform>%Ln alınmadı</numerusform>
                <numerusform>%Ln alınmadı</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln skipped</source>
            <translation>
                <numerusform>%Ln buraxılıb</numerusform>
                <numerusform>%Ln buraxılıb</numerusform>
            </translation>
        </message>
        <message>
            <source> — cancelled before the end</source>
            <translation> — sona qədər getmədən ləğv edildi</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Nəticə</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fayl</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>İstinad kodu</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Təfərrüatlar</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>İdxal hesabatı</translation>
        </message>
        <message>
            <source>Files imported</source>
            <translation>İdxal edilən fayllar</translation>
        </message>
        <message>
            <source>What happened to each file, problems first; Enter opens an imported file</source>
            <translation>Hər faylla nə baş verdiyi, əvvəlcə problemlər; Enter idxal edilmiş faylı açır</translation>
        </message>
        <message>
            <source>Show only files that need attention</source>
            <translation>Yalnız diqqət tələb edən faylları göstər</translation>
        </message>
        <message>
            <source>Double-click an imported file to open it.</source>
            <translation>İdxal edilmiş faylı açmaq üçün iki dəfə klikləyin.</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Dil</translation>
        </message>
        <message>
            <source>System ({language})</source>
            <translation>Sistem ({language})</translation>
        </message>
        <message>
            <source>The window changes language at the next start</source>
            <translation>Pəncərənin dili növbəti başlanğıcda dəyişəcək</translation>
        </message>
        <message>
            <source>Language saved: Catena will use it from the next start</source>
            <translation>Dil saxlanıldı: Catena növbəti başlanğıcdan onu istifadə edəcək</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Rəqəm</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Şəxs</translation>
        </message>
        <message>
            <source>solid</source>
            <translation>bütöv xətt</translation>
        </message>
        <message>
            <source>dashed</source>
            <translation>qırıq xətt</translation>
        </message>
        <message>
            <source>wavy</source>
            <translation>dalğalı xətt</translation>
        </message>
        <message>
            <source>Suggestion: lined above and below (A accept · R reject · N next)</source>
            <translation>Təklif: yuxarıdan və aşağıdan xətlə (A qəbul et · R rədd et · N növbəti)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Search (Ctrl+F): words, "phrases", publisher:, year:, person:…</source>
            <translation>Axtarış (Ctrl+F): sözlər, "ifadələr", publisher:, year:, person:…</translation>
        </message>
        <message>
            <source>No images. Drop image files on the text to attach them.</source>
            <translation>Şəkil yoxdur. Əlavə etmək üçün şəkil fayllarını mətnin üzərinə atın.</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Etiket</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>Metaverilənlər</translation>
        </message>
        <message numerus="yes">
            <source>%Ln documents</source>
            <translation>
                <numerusform>%Ln sənəd</numerusform>
                <numerusform>%Ln sənəd</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>%Ln göstərilir</numerusform>
                <numerusform>%Ln göstərilir</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} documents selected</source>
            <translation>{n} sənəd seçilib</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>Edilmədi</translation>
        </message>
        <message>
            <source>Failed: {error}</source>
            <translation>Alınmadı: {error}</translation>
        </message>
        <message>
            <source>About Catena</source>
            <translation>Catena haqqında</translation>
        </message>
        <message>
            <source>Catena {version}
An offline catalogue of evidence documents.

Catalogue: {path}</source>
            <translation>Catena {version}
Sübut sənədlərinin oflayn kataloqu.

Kataloq: {path}</translation>
        </message>
    </context>
    <context>
        <name>MenuActions</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fayl</translation>
        </message>
        <message>
            <source>&amp;Open Catalogue…</source>
            <translation>Kataloqu &amp;aç…</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Son açılanlar</translation>
        </message>
        <message>
            <source>&amp;New Catalogue…</source>
            <translation>&amp;Yeni kataloq…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>Faylları &amp;idxal et…</translation>
        </message>
        <message>
            <source>Import F&amp;older…</source>
            <translation>&amp;Qovluğu idxal et…</translation>
        </message>
        <message>
            <source>Import &amp;Sample Documents</source>
            <translation>&amp;Nümunə sənədləri idxal et</translation>
        </message>
        <message>
            <source>Print &amp;Dossier…</source>
            <translation>&amp;Dosyeni çap et…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>İ&amp;xrac et…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Çı&amp;x</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Redaktə</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Geri qaytar</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Təkrarla</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Axtar…</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>&amp;Zibil qutusuna at</translation>
        </message>
        <message>
            <source>&amp;Save Search…</source>
            <translation>Axtarışı &amp;saxla…</translation>
        </message>
        <message>
            <source>R&amp;estore from Trash</source>
            <translation>Zibil qutusundan &amp;bərpa et</translation>
        </message>
        <message>
            <source>&amp;Document</source>
            <translation>&amp;Sənəd</translation>
        </message>
        <message>
            <source>&amp;Suggest Tags</source>
            <translation>Etiket &amp;təklif et</translation>
        </message>
        <message>
            <source>Add to &amp;Collection…</source>
            <translation>&amp;Kolleksiyaya əlavə et…</translation>
        </message>
        <message>
            <source>New C&amp;ollection…</source>
            <translation>Yeni k&amp;olleksiya…</translation>
        </message>
        <message>
            <source>Attach &amp;Images…</source>
            <translation>&amp;Şəkil əlavə et…</translation>
        </message>
        <message>
            <source>Read Text with &amp;OCR…</source>
            <translation>Mətni &amp;OCR ilə oxu…</translation>
        </message>
        <message>
            <source>Co&amp;rrect OCR Text…</source>
            <translation>OCR mətnini &amp;düzəlt…</translation>
        </message>
        <message>
            <source>Copy &amp;Citation</source>
            <translation>&amp;İstinadı köçür</translation>
        </message>
        <message>
            <source>&amp;Tag</source>
            <translation>&amp;Etiket</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Görünüş</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Kitabxana</translation>
        </message>
        <message>
            <source>&amp;People</source>
            <translation>Şə&amp;xslər</translation>
        </message>
        <message>
            <source>&amp;Chronology</source>
            <translation>&amp;Xronologiya</translation>
        </message>
        <message>
            <source>&amp;Figures</source>
            <translation>&amp;Rəqəmlər</translation>
        </message>
        <message>
            <source>&amp;Images</source>
            <translation>Şəki&amp;llər</translation>
        </message>
        <message>
            <source>Needs &amp;Review</source>
            <translation>&amp;Yoxlama tələb edir</translation>
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation>&amp;Zibil qutusu</translation>
        </message>
        <message>
            <source>&amp;Events</source>
            <translation>&amp;Hadisələr</translation>
        </message>
        <message>
            <source>Review &amp;Queue</source>
            <translation>Yoxlama &amp;növbəsi</translation>
        </message>
        <message>
            <source>&amp;Columns</source>
            <translation>&amp;Sütunlar</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Kömək</translation>
        </message>
        <message>
            <source>User &amp;Guide</source>
            <translation>İstifadəçi &amp;bələdçisi</translation>
        </message>
        <message>
            <source>&amp;About Catena</source>
            <translation>Catena &amp;haqqında</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(yoxdur)</translation>
        </message>
        <message>
            <source>Suggest Tags</source>
            <translation>Etiket təklif et</translation>
        </message>
        <message>
            <source>Add to Collection…</source>
            <translation>Kolleksiyaya əlavə et…</translation>
        </message>
        <message>
            <source>&amp;Dates In</source>
            <translation>&amp;Tarixlərin dili</translation>
        </message>
    </context>
    <context>
        <name>MetadataPanel</name>
        <message>
            <source>Title</source>
            <translation>Başlıq</translation>
        </message>
        <message>
            <source>Translated title</source>
            <translation>Tərcümə olunmuş başlıq</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Nəşriyyat</translation>
        </message>
        <message>
            <source>Authors (; between)</source>
            <translation>Müəlliflər (aralarında ;)</translation>
        </message>
        <message>
            <source>Recipients (; between)</source>
            <translation>Alıcılar (aralarında ;)</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Nəşr tarixi</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Vaxt</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Saat qurşağı</translation>
        </message>
        <message>
            <source>Dateline</source>
            <translation>Yer və tarix qeydi</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Bölmə</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Accessed (YYYY-MM-DD)</source>
            <translation>Baxılıb (İİİİ-AA-GG)</translation>
        </message>
        <message>
            <source>Captured by</source>
            <translation>Qeydə alan</translation>
        </message>
        <message>
            <source>Title devised by the cataloguer</source>
            <translation>Başlıq kataloqçu tərəfindən verilib</translation>
        </message>
        <message>
            <source>The title is not the document's own; it is printed in square brackets</source>
            <translation>Başlıq sənədin özünə aid deyil; kvadrat mötərizədə çap olunur</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Qeydlər</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>İşarələr</translation>
        </message>
        <message>
            <source>Save Changes</source>
            <translation>Dəyişiklikləri saxla</translation>
        </message>
        <message>
            <source>Save the edited fields (undoable)</source>
            <translation>Redaktə edilmiş sahələri saxla (geri qaytarıla bilər)</translation>
        </message>
        <message>
            <source>Confirm Guesses</source>
            <translation>Təxminləri təsdiqlə</translation>
        </message>
        <message>
            <source>Mark the guessed fields as checked, keeping their values</source>
            <translation>Təxmin edilmiş sahələri dəyərlərini saxlayaraq yoxlanılmış kimi işarələ</translation>
        </message>
        <message>
            <source>Citation style</source>
            <translation>İstinad üslubu</translation>
        </message>
        <message>
            <source>The style Copy Citation uses</source>
            <translation>İstinadın kopyalanması üçün üslub</translation>
        </message>
        <message>
            <source>Copy Citation</source>
            <translation>İstinadı köçür</translation>
        </message>
        <message>
            <source>Copy the document's citation in the chosen style (Ctrl+Shift+C)</source>
            <translation>Sənədin istinadını seçilmiş üslubda kopyala (Ctrl+Shift+C)</translation>
        </message>
        <message>
            <source> (guessed)</source>
            <translation> (təxmin)</translation>
        </message>
        <message>
            <source>Guessed from the text; not yet confirmed</source>
            <translation>Mətndən təxmin edilib; hələ təsdiqlənməyib</translation>
        </message>
    </context>
    <context>
        <name>OcrActions</name>
        <message>
            <source>Read Text with OCR</source>
            <translation>Mətni OCR ilə oxu</translation>
        </message>
        <message>
            <source>Languages of the scan, joined by + (e.g. eng+rus):
{known}</source>
            <translation>Skanın dilləri, + ilə birləşdirilmiş (məs. eng+rus):
{known}</translation>
        </message>
        <message>
            <source>OCR unavailable</source>
            <translation>OCR mövcud deyil</translation>
        </message>
        <message>
            <source>Reading {ref}…</source>
            <translation>{ref} oxunur…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Reading text with OCR</source>
            <translation>Mətn OCR ilə oxunur</translation>
        </message>
        <message>
            <source>Reading page {n} of {total}…</source>
            <translation>{total} səhifədən {n}-ci oxunur…</translation>
        </message>
        <message>
            <source>{ref}: OCR text, {words} words ({doubtful} doubtful), {n} suggestions</source>
            <translation>{ref}: OCR mətni, {words} söz ({doubtful} şübhəli), {n} təklif</translation>
        </message>
        <message>
            <source>{ref}: text version {n} saved; {m} tags follow corrected words</source>
            <translation>{ref}: mətnin {n} versiyası saxlanıldı; {m} etiket düzəldilmiş sözlərin ardınca getdi</translation>
        </message>
    </context>
    <context>
        <name>OpenCatalogue</name>
        <message>
            <source>Upgrading “{name}” for this version of Catena.
A copy of the catalogue was kept first. A large catalogue can take a few minutes; please leave Catena open until it is done.</source>
            <translation>“{name}” Catena-nın bu versiyası üçün yenilənir.
Əvvəlcə kataloqun surəti saxlanıldı. Böyük kataloq bir neçə dəqiqə çəkə bilər; lütfən, iş bitənə qədər Catena-nı bağlamayın.</translation>
        </message>
        <message>
            <source>Upgrading catalogue</source>
            <translation>Kataloq yenilənir</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>Xatırlanmalar</translation>
        </message>
        <message>
            <source>Other name forms</source>
            <translation>Adın digər formaları</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>İstinad kodu</translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message>
            <source>People</source>
            <translation>Şəxslər</translation>
        </message>
        <message>
            <source>Person records; select one to list its passages. Drag one onto another to merge</source>
            <translation>Şəxs qeydləri; parçalarını görmək üçün birini seçin. Birləşdirmək üçün birini digərinin üzərinə sürükləyin</translation>
        </message>
        <message>
            <source>Merge Selected…</source>
            <translation>Seçilənləri birləşdir…</translation>
        </message>
        <message>
            <source>Fold two records for the same person into one (or drag one record onto another)</source>
            <translation>Eyni şəxsə aid iki qeydi birinə birləşdirin (və ya bir qeydi digərinin üzərinə sürükləyin)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Sənəd</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Parça</translation>
        </message>
        <message>
            <source>Passages</source>
            <translation>Parçalar</translation>
        </message>
        <message>
            <source>Where the selected person is mentioned; Enter opens the passage</source>
            <translation>Seçilmiş şəxsin xatırlandığı yerlər; Enter parçanı açır</translation>
        </message>
        <message numerus="yes">
            <source>%Ln records · drag one onto another to merge them</source>
            <translation>
                <numerusform>%Ln qeyd · birləşdirmək üçün birini digərinin üzərinə sürükləyin</numerusform>
                <numerusform>%Ln qeyd · birləşdirmək üçün birini digərinin üzərinə sürükləyin</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a person to see every passage naming them.</source>
            <translation>Onun adı çəkilən bütün parçaları görmək üçün şəxs seçin.</translation>
        </message>
        <message>
            <source>{name}: {n} passage(s)</source>
            <translation>{name}: {n} parça</translation>
        </message>
        <message>
            <source>Select exactly two records to merge.</source>
            <translation>Birləşdirmək üçün düz iki qeyd seçin.</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Saxla</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Aç</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Tətbiq et</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>İmtina et</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Kömək</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Bəli</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Xeyr</translation>
        </message>
    </context>
    <context>
        <name>ReadingPane</name>
        <message>
            <source>Document text</source>
            <translation>Sənədin mətni</translation>
        </message>
        <message>
            <source>The selected document's text with its tags. Select words and press D, F or P to tag them; A accepts and R rejects the current suggestion, N goes to the next</source>
            <translation>Seçilmiş sənədin teqləri ilə birlikdə mətni. Sözləri seçin və teqləmək üçün D, F və ya P basın; A cari təklifi qəbul edir, R rədd edir, N növbətiyə keçir</translation>
        </message>
        <message>
            <source>Tag as &amp;Date</source>
            <translation>&amp;Tarix kimi etiketlə</translation>
        </message>
        <message>
            <source>Tag as &amp;Figure</source>
            <translation>&amp;Rəqəm kimi etiketlə</translation>
        </message>
        <message>
            <source>Tag as &amp;Person (no selection: previous suggestion)</source>
            <translation>Şə&amp;xs kimi etiketlə (seçim yoxdursa: əvvəlki təklif)</translation>
        </message>
        <message>
            <source>Tag as &amp;Witness</source>
            <translation>&amp;Şahid kimi etiketlə</translation>
        </message>
        <message>
            <source>&amp;Accept Suggestion</source>
            <translation>Təklifi &amp;qəbul et</translation>
        </message>
        <message>
            <source>&amp;Reject Suggestion</source>
            <translation>Təklifi &amp;rədd et</translation>
        </message>
        <message>
            <source>&amp;Edit Tag</source>
            <translation>Etiketi r&amp;edaktə et</translation>
        </message>
        <message>
            <source>Remove &amp;Tag</source>
            <translation>Etiketi &amp;sil</translation>
        </message>
        <message>
            <source>&amp;Next Suggestion</source>
            <translation>&amp;Növbəti təklif</translation>
        </message>
        <message>
            <source>Pre&amp;vious Suggestion</source>
            <translation>Ə&amp;vvəlki təklif</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Başlıqsız</translation>
        </message>
        <message>
            <source>in the Trash</source>
            <translation>Zibil qutusunda</translation>
        </message>
        <message>
            <source>Select the words to tag first.</source>
            <translation>Əvvəlcə etiketlənəcək sözləri seçin.</translation>
        </message>
        <message>
            <source>Put the caret on a tag first (N goes to the next one).</source>
            <translation>Əvvəlcə kursoru etiketin üzərinə qoyun (N növbətiyə keçir).</translation>
        </message>
        <message>
            <source>This tag is already accepted.</source>
            <translation>Bu etiket artıq qəbul edilib.</translation>
        </message>
        <message>
            <source>No open suggestions in this document.</source>
            <translation>Bu sənəddə açıq təklif yoxdur.</translation>
        </message>
    </context>
    <context>
        <name>RefineButton</name>
        <message>
            <source>Type</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Nəşriyyat</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>İl</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Şəxs</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Etiket</translation>
        </message>
        <message>
            <source>Refine</source>
            <translation>Dəqiqləşdir</translation>
        </message>
        <message>
            <source>Counts by type, publisher, year, person and tag for this list</source>
            <translation>Bu siyahı üçün növ, nəşriyyat, il, şəxs və etiket üzrə saylar</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Sayılır…</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <source>the whole catalogue</source>
            <translation>bütün kataloq</translation>
        </message>
        <message>
            <source>Undone: {what}</source>
            <translation>Geri qaytarıldı: {what}</translation>
        </message>
        <message>
            <source>Redone: {what}</source>
            <translation>Təkrarlandı: {what}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln selected documents</source>
            <translation>
                <numerusform>seçilmiş %Ln sənəd</numerusform>
                <numerusform>seçilmiş %Ln sənəd</numerusform>
            </translation>
        </message>
        <message>
            <source>{place}, search “{text}”</source>
            <translation>{place}, axtarış “{text}”</translation>
        </message>
        <message>
            <source>the collection “{name}”</source>
            <translation>“{name}” kolleksiyası</translation>
        </message>
        <message>
            <source>the saved search “{q}”</source>
            <translation>“{q}” saxlanmış axtarışı</translation>
        </message>
        <message>
            <source>recently imported documents</source>
            <translation>bu yaxınlarda idxal edilmiş sənədlər</translation>
        </message>
        <message>
            <source>documents that need review</source>
            <translation>yoxlama tələb edən sənədlər</translation>
        </message>
        <message>
            <source>the Trash (nothing to review there)</source>
            <translation>Zibil qutusu (orada yoxlanacaq heç nə yoxdur)</translation>
        </message>
        <message>
            <source>{scope} (the first {n:,} of {total:,})</source>
            <translation>{scope} ({total:,} arasından ilk {n:,})</translation>
        </message>
        <message>
            <source>Nothing to decide: the queue is empty.</source>
            <translation>Qərar veriləcək heç nə yoxdur: növbə boşdur.</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Qəbul et</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Rədd et</translation>
        </message>
        <message>
            <source>{verb} {n} suggestions</source>
            <translation>{verb}: {n} təklif</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Qəbul edildi</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rədd edildi</translation>
        </message>
        <message numerus="yes">
            <source>%Ln suggestions</source>
            <translation>
                <numerusform>%Ln təklif</numerusform>
                <numerusform>%Ln təklif</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%Ln already so, left as they were)</source>
            <translation>
                <numerusform> (%Ln artıq belə idi, olduğu kimi saxlanıldı)</numerusform>
                <numerusform> (%Ln artıq belə idi, olduğu kimi saxlanıldı)</numerusform>
            </translation>
        </message>
        <message>
            <source>{done} {what} (Ctrl+Z undoes) — {left} left to review</source>
            <translation>{done}: {what} (Ctrl+Z geri qaytarır) — yoxlanmağa {left} qalıb</translation>
        </message>
        <message>
            <source>Nothing to edit: the queue is empty.</source>
            <translation>Redaktə ediləcək heç nə yoxdur: növbə boşdur.</translation>
        </message>
        <message>
            <source>Edit cancelled; nothing changed.</source>
            <translation>Redaktə ləğv edildi; heç nə dəyişmədi.</translation>
        </message>
        <message>
            <source>Edit “{quote}”</source>
            <translation>“{quote}” redaktə et</translation>
        </message>
        <message>
            <source>Corrected and accepted “{quote}” (Ctrl+Z undoes)</source>
            <translation>“{quote}” düzəldildi və qəbul edildi (Ctrl+Z geri qaytarır)</translation>
        </message>
        <message>
            <source>The date as EDTF (1987-03-13, 1987-03, 1987-03-12/1987-03-13):</source>
            <translation>Tarix EDTF formatında (1987-03-13, 1987-03, 1987-03-12/1987-03-13):</translation>
        </message>
        <message>
            <source>The number or range, with its qualifier (about 200, 200-300):</source>
            <translation>Ədəd və ya aralıq, dəqiqləşdirici ilə (about 200, 200-300):</translation>
        </message>
        <message>
            <source>The person's name as it should be recorded:</source>
            <translation>Şəxsin qeydə alınmalı olan adı:</translation>
        </message>
        <message>
            <source>last</source>
            <translation>sonuncu</translation>
        </message>
        <message>
            <source>first</source>
            <translation>birinci</translation>
        </message>
        <message>
            <source>This is the {where} suggestion in the queue.</source>
            <translation>Bu, növbədəki {where} təklifdir.</translation>
        </message>
        <message>
            <source>{n} of {total}: {value} — {ref}</source>
            <translation>{total} arasından {n}: {value} — {ref}</translation>
        </message>
        <message>
            <source>{ref}: “{quote}” — A accept · R reject · E edit · N next</source>
            <translation>{ref}: “{quote}” — A qəbul et · R rədd et · E redaktə et · N növbəti</translation>
        </message>
        <message>
            <source>Open a document first: select it in the list.</source>
            <translation>Əvvəlcə sənədi açın: onu siyahıda seçin.</translation>
        </message>
        <message>
            <source>Editing “{quote}”: change the value, then Apply.</source>
            <translation>“{quote}” redaktə edilir: dəyəri dəyişin, sonra Tətbiq et düyməsini basın.</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueue</name>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Rəqəm</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Şəxs</translation>
        </message>
        <message>
            <source>○ open</source>
            <translation>○ açıq</translation>
        </message>
        <message>
            <source>✓ accepted</source>
            <translation>✓ qəbul edilib</translation>
        </message>
        <message>
            <source>✕ rejected</source>
            <translation>✕ rədd edilib</translation>
        </message>
        <message>
            <source>A accept · R reject · E edit · N next · P previous · Enter open the passage · Shift/Ctrl+click or Shift+arrows select several · Ctrl+Z undo</source>
            <translation>A qəbul et · R rədd et · E redaktə et · N növbəti · P əvvəlki · Enter parçanı aç · Shift/Ctrl+klik və ya Shift+oxlar bir neçəsini seçir · Ctrl+Z geri qaytar</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Vəziyyət</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Dəyər</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Parça</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Sənəd</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Etibarlılıq</translation>
        </message>
        <message>
            <source>How sure the suggester was; — when it did not say</source>
            <translation>Təklif verənin nə dərəcədə əmin olduğu; bildirməyibsə —</translation>
        </message>
        <message>
            <source>Whole catalogue</source>
            <translation>Bütün kataloq</translation>
        </message>
        <message>
            <source>Review every document, not only the document list's scope</source>
            <translation>Yalnız sənəd siyahısının əhatəsini deyil, bütün sənədləri yoxla</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Bütün növlər</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Tarixlər</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Rəqəmlər</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Şəxslər</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Açıq</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Qəbul edilmiş</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rədd edilmiş</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>İstənilən vəziyyət</translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>Bütün sənədlər</translation>
        </message>
        <message>
            <source>any</source>
            <translation>istənilən</translation>
        </message>
        <message>
            <source>Hide suggestions less sure than this. Suggestions without a confidence (all of them, until a suggester gives one) are always shown.</source>
            <translation>Bundan az əmin olan təklifləri gizlət. Etibarlılığı göstərilməyən təkliflər (təklif verən onu bildirənə qədər hamısı) həmişə göstərilir.</translation>
        </message>
        <message>
            <source>Document order</source>
            <translation>Sənəd ardıcıllığı</translation>
        </message>
        <message>
            <source>Most confident first</source>
            <translation>Ən etibarlılar əvvəl</translation>
        </message>
        <message>
            <source>Confidence ≥</source>
            <translation>Etibarlılıq ≥</translation>
        </message>
        <message>
            <source>Sort</source>
            <translation>Sırala</translation>
        </message>
        <message>
            <source>{n} shown — suggestions in {scope}</source>
            <translation>{n} göstərilir — {scope} üzrə təkliflər</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueueView</name>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Sənəd</translation>
        </message>
        <message>
            <source>Lowest confidence</source>
            <translation>Ən aşağı etibarlılıq</translation>
        </message>
        <message>
            <source>Sort</source>
            <translation>Sıralama</translation>
        </message>
        <message>
            <source>Suggestions to review</source>
            <translation>Yoxlanılacaq təkliflər</translation>
        </message>
        <message>
            <source>A accepts, R rejects, E edits the current suggestion; N goes to the next</source>
            <translation>A cari təklifi qəbul edir, R rədd edir, E redaktə edir; N növbətiyə keçir</translation>
        </message>
    </context>
    <context>
        <name>ScanPane</name>
        <message>
            <source>◀ Page</source>
            <translation>◀ Səhifə</translation>
        </message>
        <message>
            <source>Page ▶</source>
            <translation>Səhifə ▶</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Əvvəlki səhifə</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Növbəti səhifə</translation>
        </message>
        <message>
            <source>Page image</source>
            <translation>Səhifənin təsviri</translation>
        </message>
        <message>
            <source>The scanned page; the current tag and doubtful words are outlined</source>
            <translation>Skan edilmiş səhifə; cari teq və şübhəli sözlər çərçivəyə alınıb</translation>
        </message>
        <message>
            <source>Scanned page</source>
            <translation>Skan edilmiş səhifə</translation>
        </message>
        <message>
            <source>The scan could not be read: {e}</source>
            <translation>Skan oxuna bilmədi: {e}</translation>
        </message>
        <message>
            <source>OCR text: read from the scan below (page {n} of {total}); {doubtful} doubtful words dotted</source>
            <translation>OCR mətni: aşağıdakı skandan oxunub ({total} səhifədən {n}-ci); {doubtful} şübhəli söz nöqtəli xətlə göstərilib</translation>
        </message>
        <message>
            <source>The page image could not be drawn: {e}</source>
            <translation>Səhifə şəkli çəkilə bilmədi: {e}</translation>
        </message>
    </context>
    <context>
        <name>SearchActions</name>
        <message>
            <source>Type a search first, then save it.</source>
            <translation>Əvvəlcə axtarışı yazın, sonra saxlayın.</translation>
        </message>
        <message>
            <source>Save Search</source>
            <translation>Axtarışı saxla</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Ad:</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>Saxlanılmadı: {reason}</translation>
        </message>
        <message>
            <source>New Collection</source>
            <translation>Yeni kolleksiya</translation>
        </message>
        <message>
            <source>Not created: {reason}</source>
            <translation>Yaradılmadı: {reason}</translation>
        </message>
        <message>
            <source>Add to Collection</source>
            <translation>Kolleksiyaya əlavə et</translation>
        </message>
        <message>
            <source>Collection:</source>
            <translation>Kolleksiya:</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Library</source>
            <translation>Kitabxana</translation>
        </message>
        <message>
            <source>Collections</source>
            <translation>Kolleksiyalar</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(hələ yoxdur)</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>Saxlanmış axtarışlar</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Şəxslər</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Hadisələr</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Xronologiya</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Rəqəmlər</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Şəkillər</translation>
        </message>
        <message>
            <source>Recently imported</source>
            <translation>Bu yaxınlarda idxal edilənlər</translation>
        </message>
        <message numerus="yes">
            <source>Imported in the last %Ln days</source>
            <translation>
                <numerusform>Son %Ln gündə idxal edilib</numerusform>
                <numerusform>Son %Ln gündə idxal edilib</numerusform>
            </translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Yoxlama tələb edir</translation>
        </message>
        <message>
            <source>Guessed metadata, flags (low-confidence encoding, possible duplicate, fixity failed, text fixity failed) or open suggestions</source>
            <translation>Təxmin edilmiş metaverilənlər, işarələr (etibarsız kodlaşdırma, ehtimal olunan dublikat, bütövlük yoxlaması uğursuz, mətnin bütövlük yoxlaması uğursuz) və ya açıq təkliflər</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Zibil qutusu</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %Ln to review</source>
            <translation>
                <numerusform>Növbə: yoxlanacaq %Ln</numerusform>
                <numerusform>Növbə: yoxlanacaq %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>The review queue: every open suggestion (dates, figures, people) — A accept, R reject, E edit, N next (Ctrl+9)</source>
            <translation>Yoxlama növbəsi: bütün açıq təkliflər (tarixlər, rəqəmlər, şəxslər) — A qəbul et, R rədd et, E redaktə et, N növbəti (Ctrl+9)</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>Kataloq</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split “{name}”</source>
            <translation>“{name}” hadisəsini ayır</translation>
        </message>
        <message>
            <source>Tick what belongs to a separate event. It moves to a new record with the same kind, place and parent; the rest stays on {ref}.</source>
            <translation>Ayrı hadisəyə aid olanları işarələyin. Onlar eyni növ, yer və ana hadisə ilə yeni qeydə köçür; qalanı {ref} üzərində qalır.</translation>
        </message>
        <message>
            <source>Name form</source>
            <translation>Ad forması</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Əlifba</translation>
        </message>
        <message>
            <source>Event within it</source>
            <translation>Daxilindəki hadisə</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <source>Blank: the first name form ticked</source>
            <translation>Boş: işarələnmiş ilk ad forması</translation>
        </message>
        <message>
            <source>&amp;Name forms to move:</source>
            <translation>Köçürüləcək &amp;ad formaları:</translation>
        </message>
        <message>
            <source>&amp;Events within it to move:</source>
            <translation>Köçürüləcək daxili &amp;hadisələr:</translation>
        </message>
        <message>
            <source>&amp;Claims to move (they keep their link's status):</source>
            <translation>Köçürüləcək &amp;iddialar (bağlantı vəziyyətlərini saxlayırlar):</translation>
        </message>
        <message>
            <source>Name of the new &amp;record:</source>
            <translation>Yeni &amp;qeydin adı:</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>Ayır</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPass</name>
        <message>
            <source>Suggesting tags: %v of %m</source>
            <translation>Etiket təklifi: %v / %m</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Dayandır</translation>
        </message>
        <message>
            <source>Stop suggesting tags; what is stored is kept, the rest stays pending</source>
            <translation>Etiket təklifini dayandır; saxlanılanlar qalır, qalanları gözləyir</translation>
        </message>
    </context>
    <context>
        <name>TagEditor</name>
        <message>
            <source>certain</source>
            <translation>qəti</translation>
        </message>
        <message>
            <source>approximate</source>
            <translation>təxmini</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>şübhəli</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>dəqiq</translation>
        </message>
        <message>
            <source>about</source>
            <translation>təxminən</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>ən azı</translation>
        </message>
        <message>
            <source>more than</source>
            <translation>-dən çox</translation>
        </message>
        <message>
            <source>at most</source>
            <translation>ən çoxu</translation>
        </message>
        <message>
            <source>fewer than</source>
            <translation>-dən az</translation>
        </message>
        <message>
            <source>nearly</source>
            <translation>az qala</translation>
        </message>
        <message>
            <source>up to</source>
            <translation>-dək</translation>
        </message>
        <message>
            <source>range</source>
            <translation>aralıq</translation>
        </message>
        <message>
            <source>author</source>
            <translation>müəllif</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>şahid</translation>
        </message>
        <message>
            <source>quoted</source>
            <translation>iqtibas edilən</translation>
        </message>
        <message>
            <source>recipient</source>
            <translation>alıcı</translation>
        </message>
        <message>
            <source>signatory</source>
            <translation>imzalayan</translation>
        </message>
        <message>
            <source>mentioned</source>
            <translation>adı çəkilən</translation>
        </message>
        <message>
            <source>photographer</source>
            <translation>fotoqraf</translation>
        </message>
        <message>
            <source>Select a tag in the text, or select words and press D, F or P.</source>
            <translation>Mətndə etiket seçin və ya sözləri seçib D, F və ya P düyməsini basın.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Nə baş verib</translation>
        </message>
        <message>
            <source>Certainty</source>
            <translation>Əminlik</translation>
        </message>
        <message>
            <source>only for a range</source>
            <translation>yalnız aralıq üçün</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Dəyər</translation>
        </message>
        <message>
            <source>Upper value</source>
            <translation>Yuxarı dəyər</translation>
        </message>
        <message>
            <source>The upper end, only for a range</source>
            <translation>Yuxarı hədd, yalnız aralıq üçün</translation>
        </message>
        <message>
            <source>Qualifier</source>
            <translation>Dəqiqləşdirici</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Sayılan</translation>
        </message>
        <message>
            <source>What the figure counts</source>
            <translation>Rəqəmin nəyi saydığı</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kateqoriya</translation>
        </message>
        <message>
            <source>Part of</source>
            <translation>Tərkib hissəsidir</translation>
        </message>
        <message>
            <source>The larger figure this one is part of</source>
            <translation>Bu rəqəmin daxil olduğu daha böyük rəqəm</translation>
        </message>
        <message>
            <source>An organisation</source>
            <translation>Təşkilat</translation>
        </message>
        <message>
            <source>existing name, or a new person</source>
            <translation>mövcud ad və ya yeni şəxs</translation>
        </message>
        <message>
            <source>Person record to link to</source>
            <translation>Bağlanacaq şəxs qeydi</translation>
        </message>
        <message>
            <source>An existing name, or a new person</source>
            <translation>Mövcud ad və ya yeni şəxs</translation>
        </message>
        <message>
            <source>Link to Record</source>
            <translation>Qeydə bağla</translation>
        </message>
        <message>
            <source>Point this mention at the person with this name, creating the record if none</source>
            <translation>Bu xatırlanmanı bu adlı şəxsə yönəlt, qeyd yoxdursa yarat</translation>
        </message>
        <message>
            <source>Name as written</source>
            <translation>Yazıldığı kimi ad</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Qeyd</translation>
        </message>
        <message>
            <source>Link to</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Tətbiq et</translation>
        </message>
        <message>
            <source>Accept (A)</source>
            <translation>Qəbul et (A)</translation>
        </message>
        <message>
            <source>Reject (R)</source>
            <translation>Rədd et (R)</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Sil</translation>
        </message>
        <message>
            <source>Save the changes to this tag</source>
            <translation>Bu teqdəki dəyişiklikləri saxla</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Qəbul et</translation>
        </message>
        <message>
            <source>Accept this suggestion (A)</source>
            <translation>Bu təklifi qəbul et (A)</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Rədd et</translation>
        </message>
        <message>
            <source>Reject this suggestion (R)</source>
            <translation>Bu təklifi rədd et (R)</translation>
        </message>
        <message>
            <source>Remove this tag from the text</source>
            <translation>Bu teqi mətndən sil</translation>
        </message>
        <message>
            <source>(not part of another figure)</source>
            <translation>(başqa rəqəmin hissəsi deyil)</translation>
        </message>
        <message>
            <source>Select a tag in the text, or select words and press D, F, P or W.</source>
            <translation>Mətndə etiket seçin və ya sözləri seçib D, F, P və ya W düyməsini basın.</translation>
        </message>
        <message>
            <source>not linked yet (accepting links it to a matching or new record)</source>
            <translation>hələ bağlanmayıb (qəbul edildikdə uyğun və ya yeni qeydə bağlanır)</translation>
        </message>
    </context>
    <context>
        <name>TaggingActions</name>
        <message>
            <source>Tag “{quote}”</source>
            <translation>“{quote}” etiketlə</translation>
        </message>
        <message>
            <source>Accepted “{quote}” (Ctrl+Z undoes; N goes to the next)</source>
            <translation>“{quote}” qəbul edildi (Ctrl+Z geri qaytarır; N növbətiyə keçir)</translation>
        </message>
        <message>
            <source>Rejected “{quote}” (Ctrl+Z undoes; N goes to the next)</source>
            <translation>“{quote}” rədd edildi (Ctrl+Z geri qaytarır; N növbətiyə keçir)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new suggestions</source>
            <translation>
                <numerusform>%Ln yeni təklif</numerusform>
                <numerusform>%Ln yeni təklif</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln document(s) moved to the Trash (Ctrl+Z to undo)</source>
            <translation>
                <numerusform>%Ln sənəd Zibil qutusuna atıldı (geri qaytarmaq üçün Ctrl+Z)</numerusform>
                <numerusform>%Ln sənəd Zibil qutusuna atıldı (geri qaytarmaq üçün Ctrl+Z)</numerusform>
            </translation>
        </message>
        <message>
            <source>Merge “{merge}” ({merge_ref}) into “{keep}” ({keep_ref})?

Its name forms and passages move to {keep_ref}; {merge_ref} is removed. This cannot be undone with Ctrl+Z.</source>
            <translation>“{merge}” ({merge_ref}) “{keep}” ({keep_ref}) ilə birləşdirilsin?

Onun ad formaları və parçaları {keep_ref} qeydinə köçür; {merge_ref} silinir. Bunu Ctrl+Z ilə geri qaytarmaq olmaz.</translation>
        </message>
        <message>
            <source>Merge People</source>
            <translation>Şəxsləri birləşdir</translation>
        </message>
        <message>
            <source>Merged {removed} into {kept}</source>
            <translation>{removed} {kept} ilə birləşdirildi</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Open &amp;Team Catalogue…</source>
            <translation>&amp;Komanda kataloqunu aç…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Yenilə</translation>
        </message>
        <message>
            <source>Catena — {name}</source>
            <translation>Catena — {name}</translation>
        </message>
        <message>
            <source>Catena — {database} on {server}</source>
            <translation>Catena — {database}, {server} serverində</translation>
        </message>
        <message>
            <source>{server}/{database} · {role} ({right})</source>
            <translation>{server}/{database} · {role} ({right})</translation>
        </message>
        <message>
            <source>Read-only for {role}: changes are disabled</source>
            <translation>{role} üçün yalnız oxumaq: dəyişikliklər söndürülüb</translation>
        </message>
        <message>
            <source>Read-only: {path} cannot be written; changes are disabled</source>
            <translation>Yalnız oxumaq üçün: {path} yazıla bilmir; dəyişikliklər söndürülüb</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Yalnız oxumaq üçün</translation>
        </message>
        <message>
            <source>reader</source>
            <translation>oxucu</translation>
        </message>
        <message>
            <source>tagger</source>
            <translation>etiketləyici</translation>
        </message>
        <message>
            <source>editor</source>
            <translation>redaktor</translation>
        </message>
        <message>
            <source>The server answers again.</source>
            <translation>Server yenidən cavab verir.</translation>
        </message>
        <message>
            <source>Cannot check the server for changes: {error}</source>
            <translation>Serverdəki dəyişiklikləri yoxlamaq olmur: {error}</translation>
        </message>
        <message>
            <source>Refreshed from the catalogue.</source>
            <translation>Kataloqdan yeniləndi.</translation>
        </message>
    </context>
    <context>
        <name>TeamCatalogueDialog</name>
        <message>
            <source>Open Team Catalogue</source>
            <translation>Komanda kataloqunu aç</translation>
        </message>
        <message>
            <source>server name, or empty for this computer</source>
            <translation>server adı, bu kompüter üçün boş buraxın</translation>
        </message>
        <message>
            <source>No password is stored: Catena uses ~/.pgpass or PGPASSWORD, or asks once while it is open.</source>
            <translation>Parol saxlanılmır: Catena ~/.pgpass və ya PGPASSWORD istifadə edir, ya da açıq olduğu müddətdə bir dəfə soruşur.</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;Verilənlər bazası:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;İstifadəçi:</translation>
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation>&amp;URL:</translation>
        </message>
        <message>
            <source>Give the server's address and the database's name.</source>
            <translation>Serverin ünvanını və verilənlər bazasının adını göstərin.</translation>
        </message>
    </context>
    <context>
        <name>TeamOpen</name>
        <message>
            <source>Password</source>
            <translation>Parol</translation>
        </message>
        <message>
            <source>{reason}.
Password for {user} (kept until Catena closes):</source>
            <translation>{reason}.
{user} üçün parol (Catena bağlanana qədər saxlanılır):</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <source>No dated entries yet.</source>
            <translation>Hələ tarixli qeyd yoxdur.</translation>
        </message>
    </context>
    <context>
        <name>WindowAccessibility</name>
        <message>
            <source>Search documents</source>
            <translation>Sənədlərdə axtar</translation>
        </message>
        <message>
            <source>Words, "phrases" and fields such as publisher:, year:, person:; the list narrows as you type (Ctrl+F)</source>
            <translation>Sözlər, "ifadələr" və publisher:, year:, person: kimi sahələr; siz yazdıqca siyahı daralır (Ctrl+F)</translation>
        </message>
        <message>
            <source>Clear search</source>
            <translation>Axtarışı təmizlə</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Sənədlər</translation>
        </message>
        <message>
            <source>The documents of the place chosen in the sidebar; the selected one is shown below. Delete moves the selection to the trash</source>
            <translation>Yan paneldə seçilmiş yerin sənədləri; seçilmiş sənəd aşağıda göstərilir. Delete seçilənləri zibil qutusuna köçürür</translation>
        </message>
        <message>
            <source>Refine</source>
            <translation>Dəqiqləşdir</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Yerlər</translation>
        </message>
        <message>
            <source>Library, collections, saved searches, the other views and the trash</source>
            <translation>Kitabxana, kolleksiyalar, saxlanmış axtarışlar, digər görünüşlər və zibil qutusu</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>İnspektor</translation>
        </message>
        <message>
            <source>The current tag and the selected document's metadata</source>
            <translation>Cari teq və seçilmiş sənədin metaməlumatları</translation>
        </message>
        <message>
            <source>Images of this document</source>
            <translation>Bu sənədin şəkilləri</translation>
        </message>
        <message>
            <source>Enter opens the current image</source>
            <translation>Enter cari şəkli açır</translation>
        </message>
        <message>
            <source>All images</source>
            <translation>Bütün şəkillər</translation>
        </message>
        <message>
            <source>Every image in the catalogue; Enter opens the current one</source>
            <translation>Katalogdakı bütün şəkillər; Enter cari şəkli açır</translation>
        </message>
        <message>
            <source>Current view</source>
            <translation>Cari görünüş</translation>
        </message>
        <message>
            <source>Documents in the catalogue</source>
            <translation>Katalogdakı sənədlər</translation>
        </message>
    </context>
    <context>
        <name>Workbench</name>
        <message>
            <source>Edit metadata of {ref}</source>
            <translation>{ref} metaverilənlərini redaktə et</translation>
        </message>
        <message>
            <source>Restore {n} document(s)</source>
            <translation>{n} sənədi bərpa et</translation>
        </message>
        <message>
            <source>Move {n} document(s) to Trash</source>
            <translation>{n} sənədi Zibil qutusuna at</translation>
        </message>
        <message>
            <source>Tag date</source>
            <translation>Tarixi etiketlə</translation>
        </message>
        <message>
            <source>Tag figure</source>
            <translation>Rəqəmi etiketlə</translation>
        </message>
        <message>
            <source>Tag person</source>
            <translation>Şəxsi etiketlə</translation>
        </message>
        <message>
            <source>Accept “{quote}”</source>
            <translation>“{quote}” qəbul et</translation>
        </message>
        <message>
            <source>Reject “{quote}”</source>
            <translation>“{quote}” rədd et</translation>
        </message>
        <message>
            <source>Edit “{quote}”</source>
            <translation>“{quote}” redaktə et</translation>
        </message>
        <message>
            <source>Remove “{quote}”</source>
            <translation>“{quote}” sil</translation>
        </message>
        <message>
            <source>Link “{quote}” to {name}</source>
            <translation>“{quote}” {name} ilə bağla</translation>
        </message>
        <message numerus="yes">
            <source>Suggest %Ln event link(s)</source>
            <translation>
                <numerusform>%Ln hadisə bağlantısı təklif et</numerusform>
                <numerusform>%Ln hadisə bağlantısı təklif et</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ZoomArea</name>
        <message>
            <source>The original could not be displayed.</source>
            <translation>Orijinal göstərilə bilmədi.</translation>
        </message>
    </context>
</TS>
