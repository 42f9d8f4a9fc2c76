<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
    <context>
        <name>ChronologyView</name>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln источник</numerusform>
                <numerusform>%Ln источника</numerusform>
                <numerusform>%Ln источников</numerusform>
            </translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Шкала времени</translation>
        </message>
        <message>
            <source>The dates of the table below on one line; the table holds the same entries</source>
            <translation>Даты из таблицы ниже на одной линии; в таблице те же записи</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Что произошло</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Источники</translation>
        </message>
        <message>
            <source>As written</source>
            <translation>Как в тексте</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Опубликовано</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>One row per date with the sources giving it; Enter opens the first passage</source>
            <translation>По строке на каждую дату с источниками, которые её приводят; Enter открывает первый отрывок</translation>
        </message>
        <message>
            <source>Include publication dates</source>
            <translation>Включать даты публикации</translation>
        </message>
        <message>
            <source>Also list the dates sources were published or reported on (dates marked as reporting dates, or a document's own date)</source>
            <translation>Показывать также даты публикации или сообщения источников (даты с ролью «дата сообщения» или собственная дата документа)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln dates</source>
            <translation>
                <numerusform>%Ln дата</numerusform>
                <numerusform>%Ln даты</numerusform>
                <numerusform>%Ln дат</numerusform>
            </translation>
        </message>
        <message>
            <source> ({u} recurring or without a year, listed last)</source>
            <translation> ({u} повторяющихся или без года — в конце списка)</translation>
        </message>
        <message>
            <source> · click a date to select it, double-click to open</source>
            <translation> · щелчок выбирает дату, двойной щелчок открывает</translation>
        </message>
    </context>
    <context>
        <name>ClaimsPanel</name>
        <message>
            <source>Claims linked to the event</source>
            <translation>Утверждения, связанные с событием</translation>
        </message>
        <message>
            <source>Figures and dates linked to the event. A confirms, L links to another event, U unlinks; E, R, O and Backspace set a date's role</source>
            <translation>Цифры и даты, связанные с событием. A подтверждает, L связывает с другим событием, U отвязывает; E, R, O и Backspace задают роль даты</translation>
        </message>
        <message>
            <source>Whether a date is the event's own date</source>
            <translation>Является ли дата датой самого события</translation>
        </message>
    </context>
    <context>
        <name>ClaimsView</name>
        <message>
            <source>Also count the suggestions no one has accepted yet</source>
            <translation>Учитывать и предложения, которые ещё никто не принял</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <source>Correct OCR Text — {ref}</source>
            <translation>Исправить текст OCR — {ref}</translation>
        </message>
        <message>
            <source>Correct what OCR misread. The scan stays the evidence; the corrected text is saved as a new version, tags follow their words, and the change is recorded in the audit trail.</source>
            <translation>Исправьте то, что OCR распознал неверно. Доказательством остаётся скан; исправленный текст сохраняется как новая версия, метки следуют за своими словами, а изменение записывается в журнал аудита.</translation>
        </message>
        <message>
            <source>Text to correct</source>
            <translation>Текст для исправления</translation>
        </message>
    </context>
    <context>
        <name>CorroborationView</name>
        <message>
            <source>sources differ</source>
            <extracomment>Where a cell's passage is: (document reference, start, end), for opening it.</extracomment>
            <translation>источники расходятся</translation>
        </message>
        <message>
            <source>sources agree</source>
            <translation>источники согласуются</translation>
        </message>
        <message>
            <source>one source</source>
            <translation>один источник</translation>
        </message>
        <message>
            <source>(no event linked, shared date {period})</source>
            <translation>(событие не привязано, общая дата {period})</translation>
        </message>
        <message>
            <source>(no event linked)</source>
            <translation>(событие не привязано)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Что подсчитано</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Итог</translation>
        </message>
        <message>
            <source>undated</source>
            <translation>без даты</translation>
        </message>
        <message>
            <source>Corroboration matrix</source>
            <translation>Матрица подтверждений</translation>
        </message>
        <message>
            <source>One row per event and counted thing, one column per source; Enter opens the passage of the current cell</source>
            <translation>По строке на событие и подсчитываемый предмет, по столбцу на источник; Enter открывает отрывок текущей ячейки</translation>
        </message>
        <message>
            <source>One row per event and counted thing, sources in order of publication. Catena lists claims with their sources; it does not judge between them.</source>
            <translation>По строке на каждое событие и подсчитанный предмет, источники в порядке публикации. Catena приводит утверждения с их источниками и не судит, кто из них прав.</translation>
        </message>
        <message>
            <source>{n} things counted in {s} sources; sources differ on {d}</source>
            <translation>Подсчитано предметов: {n} в источниках: {s}; источники расходятся по {d}</translation>
        </message>
        <message>
            <source>By value</source>
            <translation>По значению</translation>
        </message>
        <message>
            <source>Matrix</source>
            <translation>Матрица</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>26 Feb 2022, spring 1943, 1990s, before 1980, c. 1920, 25–26 Feb 1992</source>
            <translation>26 февр. 2022, весна 1943, 1990-е, до 1980, около 1920, 25–26 февраля 1992</translation>
        </message>
        <message>
            <source>A date as people write it; the hint below shows how it was read</source>
            <translation>Дата в том виде, как её пишут люди; подсказка ниже показывает, как она прочитана</translation>
        </message>
    </context>
    <context>
        <name>DocumentTableModel</name>
        <message>
            <source>Reference</source>
            <translation>Шифр</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заглавие</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Издатель</translation>
        </message>
        <message>
            <source>Authors</source>
            <translation>Авторы</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Опубликовано</translation>
        </message>
        <message>
            <source>Dateline</source>
            <translation>Место и дата выпуска</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Импортировано</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Требует проверки</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Совпадение</translation>
        </message>
        <message>
            <source>Guessed from the text; not yet confirmed</source>
            <translation>Определено по тексту; ещё не подтверждено</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(удалено)</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Chicago (17th ed.)</source>
            <translation>Chicago (17-е изд.)</translation>
        </message>
        <message>
            <source>APA (7th ed.)</source>
            <translation>APA (7-е изд.)</translation>
        </message>
        <message>
            <source>MLA (9th ed.)</source>
            <translation>MLA (9-е изд.)</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>Обложка</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Содержание</translation>
        </message>
        <message>
            <source>Documents and tagged excerpts</source>
            <translation>Документы и выдержки с метками</translation>
        </message>
        <message>
            <source>Witness index</source>
            <translation>Указатель свидетелей</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>Figures compared across sources</source>
            <translation>Числа в сопоставлении источников</translation>
        </message>
        <message>
            <source>Image plates</source>
            <translation>Иллюстрации</translation>
        </message>
        <message>
            <source>Bibliography</source>
            <translation>Библиография</translation>
        </message>
        <message>
            <source>Corroboration</source>
            <translation>Сопоставление источников</translation>
        </message>
        <message>
            <source>Fixity appendix (SHA-256)</source>
            <translation>Приложение о целостности (SHA-256)</translation>
        </message>
        <message>
            <source>Print Dossier</source>
            <extracomment>Each glyph warning line starts with how many characters it is about ("3 characters in CAT-000001 could not be printed …", see ``desktop.dossier.glyphs``).</extracomment>
            <translation>Печать досье</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Досье</translation>
        </message>
        <message numerus="yes">
            <source>The %Ln selected document(s)</source>
            <translation>
                <numerusform>Выбранный документ (%Ln)</numerusform>
                <numerusform>Выбранные документы (%Ln)</numerusform>
                <numerusform>Выбранные документы (%Ln)</numerusform>
            </translation>
        </message>
        <message>
            <source>All documents in the catalogue</source>
            <translation>Все документы каталога</translation>
        </message>
        <message>
            <source>Documents matching a search:</source>
            <translation>Документы, найденные поиском:</translation>
        </message>
        <message>
            <source>Search for the documents</source>
            <translation>Поиск документов</translation>
        </message>
        <message>
            <source>The dossier holds the documents it finds</source>
            <translation>В досье войдут найденные документы</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Include tags not yet accepted (suggestions)</source>
            <translation>Включать ещё не принятые метки (предложения)</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Разделы</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>Подзаголовок</translation>
        </message>
        <message>
            <source>Compiled by</source>
            <translation>Составитель</translation>
        </message>
        <message>
            <source>Citation style</source>
            <translation>Стиль ссылок</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Print to PDF…</source>
            <translation>Печать в PDF…</translation>
        </message>
        <message>
            <source>Choose where to save the PDF, then print the dossier to it</source>
            <translation>Выберите, куда сохранить PDF, затем напечатайте в него досье</translation>
        </message>
        <message>
            <source>The dossier builder is not available in this version.</source>
            <translation>Сборщик досье недоступен в этой версии.</translation>
        </message>
        <message>
            <source>Save Dossier</source>
            <translation>Сохранить досье</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Файлы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose at least one section.</source>
            <translation>Выберите хотя бы один раздел.</translation>
        </message>
        <message>
            <source>Gathering and typesetting…</source>
            <translation>Сбор и вёрстка…</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Сохранено: {path}</translation>
        </message>
        <message>
            <source>1 character could not be printed exactly</source>
            <translation>1 символ не удалось напечатать точно</translation>
        </message>
        <message>
            <source>{n} characters could not be printed exactly</source>
            <translation>Не удалось точно напечатать символов: {n}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln notes on characters that could not be printed exactly</source>
            <translation>
                <numerusform>%Ln примечание о символах, которые не удалось напечатать точно</numerusform>
                <numerusform>%Ln примечания о символах, которые не удалось напечатать точно</numerusform>
                <numerusform>%Ln примечаний о символах, которые не удалось напечатать точно</numerusform>
            </translation>
        </message>
        <message>
            <source> — listed in the appendix</source>
            <translation> — перечислены в приложении</translation>
        </message>
        <message numerus="yes">
            <source>… and %Ln more</source>
            <translation>
                <numerusform>… и ещё %Ln</numerusform>
                <numerusform>… и ещё %Ln</numerusform>
                <numerusform>… и ещё %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source> (the fixity appendix, which lists them, was not printed):</source>
            <translation> (приложение о целостности, где они перечислены, не напечатано):</translation>
        </message>
        <message>
            <source>The dossier could not be printed: {error}</source>
            <translation>Не удалось напечатать досье: {error}</translation>
        </message>
    </context>
    <context>
        <name>EmptyCatalogueOffer</name>
        <message>
            <source>This catalogue is empty.

Drop files here, use File ▸ Import Files… (Ctrl+I),
or start with Catena's sample documents.</source>
            <translation>Этот каталог пуст.

Перетащите сюда файлы, выберите Файл ▸ Импорт файлов… (Ctrl+I)
или начните с образцов документов Catena.</translation>
        </message>
        <message>
            <source>Import Files…</source>
            <translation>Импорт файлов…</translation>
        </message>
        <message>
            <source>Import Sample Documents</source>
            <translation>Импортировать образцы документов</translation>
        </message>
    </context>
    <context>
        <name>EventActions</name>
        <message>
            <source>Merge Event</source>
            <translation>Объединить событие</translation>
        </message>
        <message>
            <source>Merge “{name}” into:</source>
            <translation>Объединить «{name}» с:</translation>
        </message>
        <message>
            <source>New Event</source>
            <translation>Новое событие</translation>
        </message>
        <message>
            <source>New event “{name}”</source>
            <translation>Новое событие «{name}»</translation>
        </message>
        <message>
            <source>Edit Event</source>
            <translation>Изменить событие</translation>
        </message>
        <message>
            <source>Edit event “{name}”</source>
            <translation>Изменить событие «{name}»</translation>
        </message>
        <message>
            <source>There is no other event to merge into.</source>
            <translation>Нет другого события, с которым можно объединить.</translation>
        </message>
        <message>
            <source>Merge event {merged} into {kept}</source>
            <translation>Объединить событие {merged} с {kept}</translation>
        </message>
        <message>
            <source>Merged {merged} into {kept}</source>
            <translation>Событие {merged} объединено с {kept}</translation>
        </message>
        <message>
            <source>Move event {ref} to Trash</source>
            <translation>Переместить событие {ref} в Корзину</translation>
        </message>
        <message>
            <source>Event {ref} moved to the Trash (Ctrl+Z to undo)</source>
            <translation>Событие {ref} перемещено в Корзину (Ctrl+Z — отменить)</translation>
        </message>
        <message>
            <source>Split event {ref}</source>
            <translation>Разделить событие {ref}</translation>
        </message>
        <message>
            <source>Split {kept} out of {merged} (Ctrl+Z to undo)</source>
            <translation>{kept} выделено из {merged} (Ctrl+Z — отменить)</translation>
        </message>
        <message>
            <source>Restore event {ref}</source>
            <translation>Восстановить событие {ref}</translation>
        </message>
        <message>
            <source>Event {ref} restored from the Trash</source>
            <translation>Событие {ref} восстановлено из Корзины</translation>
        </message>
        <message>
            <source>E&amp;vents</source>
            <translation>Со&amp;бытия</translation>
        </message>
        <message>
            <source>Suggesting event links…</source>
            <translation>Подбор связей с событиями…</translation>
        </message>
        <message>
            <source>{n} event link(s) suggested in {docs} document(s); {left} claim(s) left unlinked</source>
            <translation>Предложено связей с событиями: {n} в документах: {docs}; без связи осталось утверждений: {left}</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>One name form a line, in any script</source>
            <translation>По одной форме имени на строку, в любой письменности</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>e.g. war, massacre, battle</source>
            <translation>напр. война, резня, сражение</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Название</translation>
        </message>
        <message>
            <source>&amp;Other names</source>
            <translation>&amp;Другие названия</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>&amp;Место</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>Д&amp;ата</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>Part &amp;of</source>
            <translation>&amp;Часть события</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>&amp;Примечания</translation>
        </message>
    </context>
    <context>
        <name>EventLinkActions</name>
        <message>
            <source>Link to Another Event</source>
            <translation>Привязать к другому событию</translation>
        </message>
        <message>
            <source>Which event is “{quote}” ({ref}) about?</source>
            <translation>О каком событии «{quote}» ({ref})?</translation>
        </message>
        <message>
            <source>Confirm link of “{quote}”</source>
            <translation>Подтвердить связь «{quote}»</translation>
        </message>
        <message>
            <source>Unlink “{quote}”</source>
            <translation>Отвязать «{quote}»</translation>
        </message>
        <message>
            <source>There is no other event to link to.</source>
            <translation>Нет другого события для привязки.</translation>
        </message>
        <message>
            <source>Link “{quote}” to {ref}</source>
            <translation>Привязать «{quote}» к {ref}</translation>
        </message>
        <message>
            <source>“{quote}” is now linked to {ref} (Ctrl+Z to undo)</source>
            <translation>«{quote}» теперь привязано к {ref} (Ctrl+Z — отменить)</translation>
        </message>
        <message>
            <source>Mark “{quote}” as {role}</source>
            <translation>Отметить «{quote}» как {role}</translation>
        </message>
    </context>
    <context>
        <name>EventPicker</name>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Type part of a name, a place or a code</source>
            <translation>Введите часть названия, места или кода</translation>
        </message>
        <message>
            <source>Find an event</source>
            <translation>Найти событие</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <source>Matching events</source>
            <translation>Подходящие события</translation>
        </message>
        <message>
            <source>Enter takes the current event</source>
            <translation>Enter выбирает текущее событие</translation>
        </message>
    </context>
    <context>
        <name>EventsView</name>
        <message>
            <source>event date</source>
            <translation>дата события</translation>
        </message>
        <message>
            <source>reporting date</source>
            <translation>дата сообщения</translation>
        </message>
        <message>
            <source>other date</source>
            <translation>другая дата</translation>
        </message>
        <message>
            <source>no role</source>
            <translation>без роли</translation>
        </message>
        <message>
            <source>✓ confirmed</source>
            <translation>✓ подтверждено</translation>
        </message>
        <message>
            <source>? suggested</source>
            <translation>? предложено</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Метка</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Цитата</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Связь</translation>
        </message>
        <message>
            <source>&amp;Confirm Link</source>
            <translation>&amp;Подтвердить связь</translation>
        </message>
        <message>
            <source>&amp;Link to Another Event…</source>
            <translation>П&amp;ривязать к другому событию…</translation>
        </message>
        <message>
            <source>&amp;Unlink</source>
            <translation>&amp;Отвязать</translation>
        </message>
        <message>
            <source>&amp;Event Date</source>
            <translation>Дата &amp;события</translation>
        </message>
        <message>
            <source>&amp;Reporting Date</source>
            <translation>Дата &amp;сообщения</translation>
        </message>
        <message>
            <source>&amp;Other Date</source>
            <translation>&amp;Другая дата</translation>
        </message>
        <message>
            <source>&amp;No Role</source>
            <translation>&amp;Без роли</translation>
        </message>
        <message>
            <source>Date &amp;Role</source>
            <translation>&amp;Роль даты</translation>
        </message>
        <message>
            <source>Date Role</source>
            <translation>Роль даты</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Числа</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Даты</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Event records, each under the event it is part of; F2 edits the current one</source>
            <translation>Записи событий, каждая под событием, частью которого она является; F2 изменяет текущую</translation>
        </message>
        <message>
            <source>&amp;New Event…</source>
            <translation>&amp;Новое событие…</translation>
        </message>
        <message>
            <source>&amp;Edit Event…</source>
            <translation>&amp;Изменить событие…</translation>
        </message>
        <message>
            <source>&amp;Split Event…</source>
            <translation>&amp;Разделить событие…</translation>
        </message>
        <message>
            <source>&amp;Merge Into…</source>
            <translation>&amp;Объединить с…</translation>
        </message>
        <message>
            <source>Move Event to &amp;Trash</source>
            <translation>Переместить событие в &amp;Корзину</translation>
        </message>
        <message>
            <source>Rest&amp;ore Event</source>
            <translation>&amp;Восстановить событие</translation>
        </message>
        <message>
            <source>Show Trashed E&amp;vents</source>
            <translation>Показать события из &amp;Корзины</translation>
        </message>
        <message>
            <source>Suggest Links for &amp;All Documents</source>
            <translation>Предложить связи для &amp;всех документов</translation>
        </message>
        <message>
            <source>Show trashed</source>
            <translation>Показать удалённые</translation>
        </message>
        <message>
            <source>List trashed events too (Ctrl+Shift+T)</source>
            <translation>Показывать и события из корзины (Ctrl+Shift+T)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Split…</source>
            <translation>Разделить…</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Event details</source>
            <translation>Сведения о событии</translation>
        </message>
        <message>
            <source>{n} event record(s) in the Trash</source>
            <translation>Записей о событиях в Корзине: {n}</translation>
        </message>
        <message>
            <source>{n} event record(s)</source>
            <translation>Записей о событиях: {n}</translation>
        </message>
        <message>
            <source>Select an event to see its names and the claims linked to it.</source>
            <translation>Выберите событие, чтобы увидеть его названия и привязанные к нему утверждения.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>CSV tables for spreadsheets (folder)</source>
            <translation>Таблицы CSV для электронных таблиц (папка)</translation>
        </message>
        <message>
            <source>CSL-JSON for reference managers (.json)</source>
            <translation>CSL-JSON для менеджеров библиографии (.json)</translation>
        </message>
        <message>
            <source>RIS for reference managers (.ris)</source>
            <translation>RIS для менеджеров библиографии (.ris)</translation>
        </message>
        <message>
            <source>BibTeX (.bib)</source>
            <translation>BibTeX (.bib)</translation>
        </message>
        <message>
            <source>Dublin Core XML (folder)</source>
            <translation>Dublin Core XML (папка)</translation>
        </message>
        <message>
            <source>EAD finding aid (.xml)</source>
            <translation>Архивный путеводитель EAD (.xml)</translation>
        </message>
        <message>
            <source>W3C Web Annotations, JSON-LD (.jsonld)</source>
            <translation>Веб-аннотации W3C, JSON-LD (.jsonld)</translation>
        </message>
        <message>
            <source>REFI-QDA project for QDA tools (.qdpx)</source>
            <translation>Проект REFI-QDA для программ QDA (.qdpx)</translation>
        </message>
        <message>
            <source>BagIt preservation package (folder)</source>
            <translation>Пакет хранения BagIt (папка)</translation>
        </message>
        <message>
            <source>Whole-catalogue archive (.zip)</source>
            <translation>Архив всего каталога (.zip)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message numerus="yes">
            <source>Selected documents (%Ln)</source>
            <translation>
                <numerusform>Выбранные документы (%Ln)</numerusform>
                <numerusform>Выбранные документы (%Ln)</numerusform>
                <numerusform>Выбранные документы (%Ln)</numerusform>
            </translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>Все документы</translation>
        </message>
        <message>
            <source>The file or folder the export is written to</source>
            <translation>Файл или папка, куда записывается экспорт</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Choose where to write</source>
            <translation>Выбрать, куда записать</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>Куда записать</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>Экспорт в папку</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>Экспорт в файл</translation>
        </message>
        <message>
            <source>Choose where to write the export.</source>
            <translation>Выберите, куда записать экспорт.</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>Nothing was exported: {error}</source>
            <translation>Ничего не экспортировано: {error}</translation>
        </message>
    </context>
    <context>
        <name>FiguresPage</name>
        <message>
            <source>Figures</source>
            <translation>Цифры</translation>
        </message>
    </context>
    <context>
        <name>FiguresView</name>
        <message>
            <source>Sources give different figures ({n} sources, {k} values)</source>
            <translation>Источники приводят разные числа (источников: {n}, значений: {k})</translation>
        </message>
        <message>
            <source>Sources' figures can all be true ({n} sources, {k} values)</source>
            <translation>Числа источников могут быть верны одновременно (источников: {n}, значений: {k})</translation>
        </message>
        <message numerus="yes">
            <source>Sources give the same figure (%Ln sources)</source>
            <translation>
                <numerusform>Источники приводят одно и то же число (%Ln источник)</numerusform>
                <numerusform>Источники приводят одно и то же число (%Ln источника)</numerusform>
                <numerusform>Источники приводят одно и то же число (%Ln источников)</numerusform>
            </translation>
        </message>
        <message>
            <source>One source</source>
            <translation>Один источник</translation>
        </message>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln источник</numerusform>
                <numerusform>%Ln источника</numerusform>
                <numerusform>%Ln источников</numerusform>
            </translation>
        </message>
        <message>
            <source>Suggestion, not yet accepted</source>
            <translation>Предложение, ещё не принято</translation>
        </message>
        <message>
            <source>Open {ref} at this passage</source>
            <translation>Открыть {ref} на этом фрагменте</translation>
        </message>
        <message>
            <source>Include open suggestions</source>
            <translation>Включать открытые предложения</translation>
        </message>
        <message>
            <source>Figure / value / source</source>
            <translation>Число / значение / источник</translation>
        </message>
        <message>
            <source>Comparison / document</source>
            <translation>Сравнение / документ</translation>
        </message>
        <message>
            <source>As written</source>
            <translation>Как в тексте</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Опубликовано</translation>
        </message>
        <message>
            <source>Figures by value</source>
            <translation>Цифры по значениям</translation>
        </message>
        <message>
            <source>Each counted thing, its values and the sources giving them; differing figures first. Enter opens a source's passage</source>
            <translation>Каждый подсчитываемый предмет, его значения и источники, которые их приводят; расходящиеся цифры сначала. Enter открывает отрывок источника</translation>
        </message>
        <message>
            <source>≠ figures that cannot all be true · = figures that agree · ○ one source. Catena lists claims with their sources; it does not judge between them.</source>
            <translation>≠ числа, которые не могут быть верны одновременно · = согласующиеся числа · ○ один источник. Catena приводит утверждения с их источниками и не судит, кто из них прав.</translation>
        </message>
        <message>
            <source>{n} things counted; sources differ on {d}</source>
            <translation>Подсчитано предметов: {n}; источники расходятся по {d}</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>Citation copied: {text}</source>
            <translation>Ссылка скопирована: {text}</translation>
        </message>
        <message>
            <source>Open Catalogue</source>
            <translation>Открыть каталог</translation>
        </message>
        <message>
            <source>New Catalogue</source>
            <translation>Новый каталог</translation>
        </message>
        <message>
            <source>Catena catalogue (*.catena)</source>
            <translation>Каталог Catena (*.catena)</translation>
        </message>
        <message>
            <source>Cannot open catalogue</source>
            <translation>Не удаётся открыть каталог</translation>
        </message>
        <message>
            <source>Daily backup saved: {name}</source>
            <translation>Ежедневная резервная копия сохранена: {name}</translation>
        </message>
        <message>
            <source>Daily backup of “{name}” failed: {error}</source>
            <translation>Не удалось создать ежедневную резервную копию «{name}»: {error}</translation>
        </message>
        <message>
            <source>Import Files</source>
            <translation>Импорт файлов</translation>
        </message>
        <message>
            <source>Import Folder</source>
            <translation>Импорт папки</translation>
        </message>
        <message numerus="yes">
            <source>Importing %Ln item(s)…</source>
            <translation>
                <numerusform>Импорт %Ln элемента…</numerusform>
                <numerusform>Импорт %Ln элементов…</numerusform>
                <numerusform>Импорт %Ln элементов…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Suggestions pending for %Ln document(s)</source>
            <translation>
                <numerusform>Предложения меток ещё не готовы: %Ln документ</numerusform>
                <numerusform>Предложения меток ещё не готовы: %Ln документа</numerusform>
                <numerusform>Предложения меток ещё не готовы: %Ln документов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tags suggested for %Ln document(s)</source>
            <translation>
                <numerusform>Метки предложены: %Ln документ</numerusform>
                <numerusform>Метки предложены: %Ln документа</numerusform>
                <numerusform>Метки предложены: %Ln документов</numerusform>
            </translation>
        </message>
        <message>
            <source>Suggesting tags stopped: {error}</source>
            <translation>Предложение меток остановлено: {error}</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>Импорт не удался</translation>
        </message>
        <message>
            <source>Nothing from this batch was kept:
{error}</source>
            <translation>Из этого пакета ничего не сохранено:
{error}</translation>
        </message>
    </context>
    <context>
        <name>FileGuessList</name>
        <message>
            <source>Published</source>
            <translation>Дата публикации</translation>
        </message>
        <message>
            <source>Authors</source>
            <translation>Авторы</translation>
        </message>
        <message>
            <source>{field}: {value} — guess from file metadata ({source}, {confidence} confidence)</source>
            <translation>{field}: {value} — предположение по метаданным файла ({source}, достоверность: {confidence})</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Принять</translation>
        </message>
        <message>
            <source>Accept guess: {field}</source>
            <translation>Принять догадку: {field}</translation>
        </message>
        <message>
            <source>Use this value as the document's {field} (undoable)</source>
            <translation>Использовать это значение как поле «{field}» документа (можно отменить)</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>Catena User Guide</source>
            <extracomment>Screenshots are full-window grabs (1440 px wide); shown narrower than the page they sit in, so a page never scrolls sideways.</extracomment>
            <translation>Руководство пользователя Catena</translation>
        </message>
        <message>
            <source>User guide page</source>
            <translation>Страница руководства</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Назад</translation>
        </message>
        <message>
            <source>Previous guide page</source>
            <translation>Предыдущая страница руководства</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Вперёд</translation>
        </message>
        <message>
            <source>Next guide page</source>
            <translation>Следующая страница руководства</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Содержание</translation>
        </message>
        <message>
            <source>Guide contents</source>
            <translation>Содержание руководства</translation>
        </message>
        <message>
            <source>Find in this page</source>
            <translation>Найти на этой странице</translation>
        </message>
        <message>
            <source>Find in this guide page</source>
            <translation>Найти на этой странице руководства</translation>
        </message>
        <message>
            <source>Guide status</source>
            <translation>Состояние руководства</translation>
        </message>
        <message>
            <source>Not opened (Catena does not go online): {address}</source>
            <translation>Не открыто (Catena не выходит в сеть): {address}</translation>
        </message>
        <message>
            <source>Not found in this page: {words}</source>
            <translation>На этой странице не найдено: {words}</translation>
        </message>
        <message>
            <source>The user guide is not installed: {path} is missing.</source>
            <translation>Руководство пользователя не установлено: нет файла {path}.</translation>
        </message>
    </context>
    <context>
        <name>ImageActions</name>
        <message>
            <source>Attach Images</source>
            <translation>Прикрепить изображения</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)</source>
            <translation>Изображения (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.bmp *.webp)</translation>
        </message>
        <message numerus="yes">
            <source>Attaching %Ln image(s)…</source>
            <translation>
                <numerusform>Прикрепляется %Ln изображение…</numerusform>
                <numerusform>Прикрепляются %Ln изображения…</numerusform>
                <numerusform>Прикрепляются %Ln изображений…</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} image(s) attached to {ref}</source>
            <translation>Прикреплено к {ref} изображений: {n}</translation>
        </message>
        <message numerus="yes">
            <source>; %Ln were already attached</source>
            <translation>
                <numerusform>; %Ln уже было прикреплено</numerusform>
                <numerusform>; %Ln уже были прикреплены</numerusform>
                <numerusform>; %Ln уже были прикреплены</numerusform>
            </translation>
        </message>
        <message>
            <source>Some files were not attached</source>
            <translation>Некоторые файлы не прикреплены</translation>
        </message>
        <message>
            <source>Cannot open the image</source>
            <translation>Не удаётся открыть изображение</translation>
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
            <translation>Перетащите файлы изображений на документ, чтобы прикрепить их</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>Image {ref}</source>
            <translation>Изображение {ref}</translation>
        </message>
        <message>
            <source>Zoom In</source>
            <translation>Увеличить</translation>
        </message>
        <message>
            <source>Zoom Out</source>
            <translation>Уменьшить</translation>
        </message>
        <message>
            <source>Actual Size</source>
            <translation>Реальный размер</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Вписать</translation>
        </message>
        <message>
            <source>Fit the whole image in the window</source>
            <translation>Вписать всё изображение в окно</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Изображение</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Снято</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Подпись</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Автор снимка</translation>
        </message>
        <message>
            <source>Rights</source>
            <translation>Права</translation>
        </message>
        <message>
            <source>{w}×{h} pixels, {fmt} · {file}</source>
            <translation>{w}×{h} пикселей, {fmt} · {file}</translation>
        </message>
        <message>
            <source>EXIF field</source>
            <translation>Поле EXIF</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>EXIF fields</source>
            <translation>Поля EXIF</translation>
        </message>
        <message>
            <source>EXIF (as read from the file)</source>
            <translation>EXIF (как прочитано из файла)</translation>
        </message>
        <message>
            <source>This file carries no EXIF data.</source>
            <translation>В этом файле нет данных EXIF.</translation>
        </message>
    </context>
    <context>
        <name>ImportJob</name>
        <message>
            <source>Preparing the import…</source>
            <translation>Подготовка импорта…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Cancelling after the current file…</source>
            <translation>Отмена после текущего файла…</translation>
        </message>
        <message>
            <source>Importing {done} of {total}
{name}</source>
            <translation>Импорт {done} из {total}
{name}</translation>
        </message>
    </context>
    <context>
        <name>ImportReport</name>
        <message>
            <source>imported</source>
            <translation>импортирован</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>дубликат</translation>
        </message>
        <message>
            <source>possible duplicate</source>
            <translation>возможный дубликат</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>пропущен</translation>
        </message>
        <message numerus="yes">
            <source>%Ln imported</source>
            <translation>
                <numerusform>%Ln импортирован</numerusform>
                <numerusform>%Ln импортировано</numerusform>
                <numerusform>%Ln импортировано</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln duplicates</source>
            <translation>
                <numerusform>%Ln дубликат</numerusform>
                <numerusform>%Ln дубликата</numerusform>
                <numerusform>%Ln дубликатов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln possible duplicates (imported, flagged)</source>
            <translation>
                <numerusform>%Ln возможный дубликат (импортирован, отмечен)</numerusform>
                <numerusform>%Ln возможных дубликата (импортированы, отмечены)</numerusform>
                <numerusform>%Ln возможных дубликатов (импортированы, отмечены)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln failed</source>
            <translation>
                <numerusform>%Ln с ошибкой</numerusform>
                <numerusform>%Ln с ошибкой</numerusform>
                <numerusform>%Ln с ошибкой</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln skipped</source>
            <translation>
                <numerusform>%Ln пропущен</numerusform>
                <numerusform>%Ln пропущено</numerusform>
                <numerusform>%Ln пропущено</numerusform>
            </translation>
        </message>
        <message>
            <source> — cancelled before the end</source>
            <translation> — отменено до завершения</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Шифр</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>Отчёт об импорте</translation>
        </message>
        <message>
            <source>Files imported</source>
            <translation>Импортированные файлы</translation>
        </message>
        <message>
            <source>What happened to each file, problems first; Enter opens an imported file</source>
            <translation>Что стало с каждым файлом, сначала проблемы; Enter открывает импортированный файл</translation>
        </message>
        <message>
            <source>Show only files that need attention</source>
            <translation>Показывать только файлы, требующие внимания</translation>
        </message>
        <message>
            <source>Double-click an imported file to open it.</source>
            <translation>Дважды щёлкните импортированный файл, чтобы открыть его.</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>System ({language})</source>
            <translation>Системный ({language})</translation>
        </message>
        <message>
            <source>The window changes language at the next start</source>
            <translation>Язык окна сменится при следующем запуске</translation>
        </message>
        <message>
            <source>Language saved: Catena will use it from the next start</source>
            <translation>Язык сохранён: Catena будет использовать его со следующего запуска</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Число</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Лицо</translation>
        </message>
        <message>
            <source>solid</source>
            <translation>сплошная линия</translation>
        </message>
        <message>
            <source>dashed</source>
            <translation>пунктир</translation>
        </message>
        <message>
            <source>wavy</source>
            <translation>волнистая линия</translation>
        </message>
        <message>
            <source>Suggestion: lined above and below (A accept · R reject · N next)</source>
            <translation>Предложение: линии сверху и снизу (A принять · R отклонить · N следующее)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Search (Ctrl+F): words, "phrases", publisher:, year:, person:…</source>
            <translation>Поиск (Ctrl+F): слова, "фразы", publisher:, year:, person:…</translation>
        </message>
        <message>
            <source>No images. Drop image files on the text to attach them.</source>
            <translation>Изображений нет. Перетащите файлы изображений на текст, чтобы прикрепить их.</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Метка</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>Метаданные</translation>
        </message>
        <message numerus="yes">
            <source>%Ln documents</source>
            <translation>
                <numerusform>%Ln документ</numerusform>
                <numerusform>%Ln документа</numerusform>
                <numerusform>%Ln документов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>показан %Ln</numerusform>
                <numerusform>показано %Ln</numerusform>
                <numerusform>показано %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} documents selected</source>
            <translation>Выбрано документов: {n}</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>Не выполнено</translation>
        </message>
        <message>
            <source>Failed: {error}</source>
            <translation>Ошибка: {error}</translation>
        </message>
        <message>
            <source>About Catena</source>
            <translation>О программе Catena</translation>
        </message>
        <message>
            <source>Catena {version}
An offline catalogue of evidence documents.

Catalogue: {path}</source>
            <translation>Catena {version}
Автономный каталог документов-свидетельств.

Каталог: {path}</translation>
        </message>
    </context>
    <context>
        <name>MenuActions</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Open Catalogue…</source>
            <translation>&amp;Открыть каталог…</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Недавние</translation>
        </message>
        <message>
            <source>&amp;New Catalogue…</source>
            <translation>&amp;Новый каталог…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>&amp;Импорт файлов…</translation>
        </message>
        <message>
            <source>Import F&amp;older…</source>
            <translation>Импорт &amp;папки…</translation>
        </message>
        <message>
            <source>Import &amp;Sample Documents</source>
            <translation>Импорт &amp;образцов документов</translation>
        </message>
        <message>
            <source>Print &amp;Dossier…</source>
            <translation>Печать &amp;досье…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Экспорт…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Переместить в &amp;Корзину</translation>
        </message>
        <message>
            <source>&amp;Save Search…</source>
            <translation>&amp;Сохранить поиск…</translation>
        </message>
        <message>
            <source>R&amp;estore from Trash</source>
            <translation>&amp;Восстановить из корзины</translation>
        </message>
        <message>
            <source>&amp;Document</source>
            <translation>&amp;Документ</translation>
        </message>
        <message>
            <source>&amp;Suggest Tags</source>
            <translation>&amp;Предложить метки</translation>
        </message>
        <message>
            <source>Add to &amp;Collection…</source>
            <translation>Добавить в &amp;подборку…</translation>
        </message>
        <message>
            <source>New C&amp;ollection…</source>
            <translation>Новая п&amp;одборка…</translation>
        </message>
        <message>
            <source>Attach &amp;Images…</source>
            <translation>Прикрепить &amp;изображения…</translation>
        </message>
        <message>
            <source>Read Text with &amp;OCR…</source>
            <translation>Распознать текст (&amp;OCR)…</translation>
        </message>
        <message>
            <source>Co&amp;rrect OCR Text…</source>
            <translation>Испр&amp;авить текст OCR…</translation>
        </message>
        <message>
            <source>Copy &amp;Citation</source>
            <translation>Копировать &amp;ссылку</translation>
        </message>
        <message>
            <source>&amp;Tag</source>
            <translation>&amp;Метка</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Библиотека</translation>
        </message>
        <message>
            <source>&amp;People</source>
            <translation>&amp;Лица</translation>
        </message>
        <message>
            <source>&amp;Chronology</source>
            <translation>&amp;Хронология</translation>
        </message>
        <message>
            <source>&amp;Figures</source>
            <translation>&amp;Числа</translation>
        </message>
        <message>
            <source>&amp;Images</source>
            <translation>&amp;Изображения</translation>
        </message>
        <message>
            <source>Needs &amp;Review</source>
            <translation>Требует &amp;проверки</translation>
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation>&amp;Корзина</translation>
        </message>
        <message>
            <source>&amp;Events</source>
            <translation>&amp;События</translation>
        </message>
        <message>
            <source>Review &amp;Queue</source>
            <translation>&amp;Очередь проверки</translation>
        </message>
        <message>
            <source>&amp;Columns</source>
            <translation>С&amp;толбцы</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>User &amp;Guide</source>
            <translation>&amp;Руководство пользователя</translation>
        </message>
        <message>
            <source>&amp;About Catena</source>
            <translation>&amp;О программе Catena</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
        <message>
            <source>Suggest Tags</source>
            <translation>Предложить метки</translation>
        </message>
        <message>
            <source>Add to Collection…</source>
            <translation>Добавить в подборку…</translation>
        </message>
        <message>
            <source>&amp;Dates In</source>
            <translation>&amp;Язык дат</translation>
        </message>
    </context>
    <context>
        <name>MetadataPanel</name>
        <message>
            <source>Title</source>
            <translation>Заглавие</translation>
        </message>
        <message>
            <source>Translated title</source>
            <translation>Перевод заглавия</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Издатель</translation>
        </message>
        <message>
            <source>Authors (; between)</source>
            <translation>Авторы (через ;)</translation>
        </message>
        <message>
            <source>Recipients (; between)</source>
            <translation>Адресаты (через ;)</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Дата публикации</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Часовой пояс</translation>
        </message>
        <message>
            <source>Dateline</source>
            <translation>Место и дата выпуска</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Рубрика</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Accessed (YYYY-MM-DD)</source>
            <translation>Дата обращения (ГГГГ-ММ-ДД)</translation>
        </message>
        <message>
            <source>Captured by</source>
            <translation>Кем сохранено</translation>
        </message>
        <message>
            <source>Title devised by the cataloguer</source>
            <translation>Заглавие сформулировано каталогизатором</translation>
        </message>
        <message>
            <source>The title is not the document's own; it is printed in square brackets</source>
            <translation>Заглавие не принадлежит самому документу; оно печатается в квадратных скобках</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>Отметки</translation>
        </message>
        <message>
            <source>Save Changes</source>
            <translation>Сохранить изменения</translation>
        </message>
        <message>
            <source>Save the edited fields (undoable)</source>
            <translation>Сохранить изменённые поля (можно отменить)</translation>
        </message>
        <message>
            <source>Confirm Guesses</source>
            <translation>Подтвердить предположения</translation>
        </message>
        <message>
            <source>Mark the guessed fields as checked, keeping their values</source>
            <translation>Отметить угаданные поля как проверенные, сохранив их значения</translation>
        </message>
        <message>
            <source>Citation style</source>
            <translation>Стиль цитирования</translation>
        </message>
        <message>
            <source>The style Copy Citation uses</source>
            <translation>Стиль для копирования ссылки</translation>
        </message>
        <message>
            <source>Copy Citation</source>
            <translation>Копировать ссылку</translation>
        </message>
        <message>
            <source>Copy the document's citation in the chosen style (Ctrl+Shift+C)</source>
            <translation>Скопировать ссылку на документ в выбранном стиле (Ctrl+Shift+C)</translation>
        </message>
        <message>
            <source> (guessed)</source>
            <translation> (предположение)</translation>
        </message>
        <message>
            <source>Guessed from the text; not yet confirmed</source>
            <translation>Определено по тексту; ещё не подтверждено</translation>
        </message>
    </context>
    <context>
        <name>OcrActions</name>
        <message>
            <source>Read Text with OCR</source>
            <translation>Распознать текст (OCR)</translation>
        </message>
        <message>
            <source>Languages of the scan, joined by + (e.g. eng+rus):
{known}</source>
            <translation>Языки скана через + (напр. eng+rus):
{known}</translation>
        </message>
        <message>
            <source>OCR unavailable</source>
            <translation>OCR недоступно</translation>
        </message>
        <message>
            <source>Reading {ref}…</source>
            <translation>Распознаётся {ref}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Reading text with OCR</source>
            <translation>Распознавание текста (OCR)</translation>
        </message>
        <message>
            <source>Reading page {n} of {total}…</source>
            <translation>Распознаётся страница {n} из {total}…</translation>
        </message>
        <message>
            <source>{ref}: OCR text, {words} words ({doubtful} doubtful), {n} suggestions</source>
            <translation>{ref}: текст OCR, слов: {words} (сомнительных: {doubtful}), предложений: {n}</translation>
        </message>
        <message>
            <source>{ref}: text version {n} saved; {m} tags follow corrected words</source>
            <translation>{ref}: сохранена версия текста {n}; меток, перенесённых на исправленные слова: {m}</translation>
        </message>
    </context>
    <context>
        <name>OpenCatalogue</name>
        <message>
            <source>Upgrading “{name}” for this version of Catena.
A copy of the catalogue was kept first. A large catalogue can take a few minutes; please leave Catena open until it is done.</source>
            <translation>«{name}» обновляется для этой версии Catena.
Сначала была сохранена копия каталога. Большой каталог может обновляться несколько минут; пожалуйста, не закрывайте Catena до окончания.</translation>
        </message>
        <message>
            <source>Upgrading catalogue</source>
            <translation>Обновление каталога</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>Упоминания</translation>
        </message>
        <message>
            <source>Other name forms</source>
            <translation>Другие формы имени</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Шифр</translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Person records; select one to list its passages. Drag one onto another to merge</source>
            <translation>Записи о людях; выберите одну, чтобы увидеть её отрывки. Перетащите одну на другую, чтобы объединить</translation>
        </message>
        <message>
            <source>Merge Selected…</source>
            <translation>Объединить выбранные…</translation>
        </message>
        <message>
            <source>Fold two records for the same person into one (or drag one record onto another)</source>
            <translation>Слить две записи об одном лице в одну (или перетащите одну запись на другую)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Фрагмент</translation>
        </message>
        <message>
            <source>Passages</source>
            <translation>Отрывки</translation>
        </message>
        <message>
            <source>Where the selected person is mentioned; Enter opens the passage</source>
            <translation>Где упоминается выбранный человек; Enter открывает отрывок</translation>
        </message>
        <message numerus="yes">
            <source>%Ln records · drag one onto another to merge them</source>
            <translation>
                <numerusform>%Ln запись · перетащите одну на другую, чтобы объединить</numerusform>
                <numerusform>%Ln записи · перетащите одну на другую, чтобы объединить</numerusform>
                <numerusform>%Ln записей · перетащите одну на другую, чтобы объединить</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a person to see every passage naming them.</source>
            <translation>Выберите лицо, чтобы увидеть все фрагменты, где оно названо.</translation>
        </message>
        <message>
            <source>{name}: {n} passage(s)</source>
            <translation>{name}: фрагментов: {n}</translation>
        </message>
        <message>
            <source>Select exactly two records to merge.</source>
            <translation>Выберите ровно две записи для объединения.</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Не сохранять</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Справка</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Да</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Нет</translation>
        </message>
    </context>
    <context>
        <name>ReadingPane</name>
        <message>
            <source>Document text</source>
            <translation>Текст документа</translation>
        </message>
        <message>
            <source>The selected document's text with its tags. Select words and press D, F or P to tag them; A accepts and R rejects the current suggestion, N goes to the next</source>
            <translation>Текст выбранного документа с метками. Выделите слова и нажмите D, F или P, чтобы отметить их; A принимает, а R отклоняет текущее предложение, N переходит к следующему</translation>
        </message>
        <message>
            <source>Tag as &amp;Date</source>
            <translation>Отметить как &amp;дату</translation>
        </message>
        <message>
            <source>Tag as &amp;Figure</source>
            <translation>Отметить как &amp;число</translation>
        </message>
        <message>
            <source>Tag as &amp;Person (no selection: previous suggestion)</source>
            <translation>Отметить как &amp;лицо (без выделения: предыдущее предложение)</translation>
        </message>
        <message>
            <source>Tag as &amp;Witness</source>
            <translation>Отметить как &amp;свидетеля</translation>
        </message>
        <message>
            <source>&amp;Accept Suggestion</source>
            <translation>&amp;Принять предложение</translation>
        </message>
        <message>
            <source>&amp;Reject Suggestion</source>
            <translation>&amp;Отклонить предложение</translation>
        </message>
        <message>
            <source>&amp;Edit Tag</source>
            <translation>&amp;Изменить метку</translation>
        </message>
        <message>
            <source>Remove &amp;Tag</source>
            <translation>&amp;Удалить метку</translation>
        </message>
        <message>
            <source>&amp;Next Suggestion</source>
            <translation>&amp;Следующее предложение</translation>
        </message>
        <message>
            <source>Pre&amp;vious Suggestion</source>
            <translation>Пр&amp;едыдущее предложение</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Без заглавия</translation>
        </message>
        <message>
            <source>in the Trash</source>
            <translation>в Корзине</translation>
        </message>
        <message>
            <source>Select the words to tag first.</source>
            <translation>Сначала выделите слова для метки.</translation>
        </message>
        <message>
            <source>Put the caret on a tag first (N goes to the next one).</source>
            <translation>Сначала поставьте курсор на метку (N — к следующей).</translation>
        </message>
        <message>
            <source>This tag is already accepted.</source>
            <translation>Эта метка уже принята.</translation>
        </message>
        <message>
            <source>No open suggestions in this document.</source>
            <translation>В этом документе нет открытых предложений.</translation>
        </message>
    </context>
    <context>
        <name>RefineButton</name>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Издатель</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Год</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Лицо</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Метка</translation>
        </message>
        <message>
            <source>Refine</source>
            <translation>Уточнить</translation>
        </message>
        <message>
            <source>Counts by type, publisher, year, person and tag for this list</source>
            <translation>Подсчёт по типу, издателю, году, лицу и метке для этого списка</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Подсчёт…</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <source>the whole catalogue</source>
            <translation>весь каталог</translation>
        </message>
        <message>
            <source>Undone: {what}</source>
            <translation>Отменено: {what}</translation>
        </message>
        <message>
            <source>Redone: {what}</source>
            <translation>Повторено: {what}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln selected documents</source>
            <translation>
                <numerusform>%Ln выбранный документ</numerusform>
                <numerusform>%Ln выбранных документа</numerusform>
                <numerusform>%Ln выбранных документов</numerusform>
            </translation>
        </message>
        <message>
            <source>{place}, search “{text}”</source>
            <translation>{place}, поиск «{text}»</translation>
        </message>
        <message>
            <source>the collection “{name}”</source>
            <translation>подборка «{name}»</translation>
        </message>
        <message>
            <source>the saved search “{q}”</source>
            <translation>сохранённый поиск «{q}»</translation>
        </message>
        <message>
            <source>recently imported documents</source>
            <translation>недавно импортированные документы</translation>
        </message>
        <message>
            <source>documents that need review</source>
            <translation>документы, требующие проверки</translation>
        </message>
        <message>
            <source>the Trash (nothing to review there)</source>
            <translation>Корзина (там нечего проверять)</translation>
        </message>
        <message>
            <source>{scope} (the first {n:,} of {total:,})</source>
            <translation>{scope} (первые {n:,} из {total:,})</translation>
        </message>
        <message>
            <source>Nothing to decide: the queue is empty.</source>
            <translation>Решать нечего: очередь пуста.</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Принять</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Отклонить</translation>
        </message>
        <message>
            <source>{verb} {n} suggestions</source>
            <translation>{verb}: предложений: {n}</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Принято</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Отклонено</translation>
        </message>
        <message numerus="yes">
            <source>%Ln suggestions</source>
            <translation>
                <numerusform>%Ln предложение</numerusform>
                <numerusform>%Ln предложения</numerusform>
                <numerusform>%Ln предложений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%Ln already so, left as they were)</source>
            <translation>
                <numerusform> (%Ln уже в этом состоянии, оставлено как было)</numerusform>
                <numerusform> (%Ln уже в этом состоянии, оставлены как были)</numerusform>
                <numerusform> (%Ln уже в этом состоянии, оставлены как были)</numerusform>
            </translation>
        </message>
        <message>
            <source>{done} {what} (Ctrl+Z undoes) — {left} left to review</source>
            <translation>{done}: {what} (Ctrl+Z — отменить) — осталось проверить: {left}</translation>
        </message>
        <message>
            <source>Nothing to edit: the queue is empty.</source>
            <translation>Изменять нечего: очередь пуста.</translation>
        </message>
        <message>
            <source>Edit cancelled; nothing changed.</source>
            <translation>Правка отменена; ничего не изменилось.</translation>
        </message>
        <message>
            <source>Edit “{quote}”</source>
            <translation>Изменить «{quote}»</translation>
        </message>
        <message>
            <source>Corrected and accepted “{quote}” (Ctrl+Z undoes)</source>
            <translation>«{quote}» исправлено и принято (Ctrl+Z — отменить)</translation>
        </message>
        <message>
            <source>The date as EDTF (1987-03-13, 1987-03, 1987-03-12/1987-03-13):</source>
            <translation>Дата в формате EDTF (1987-03-13, 1987-03, 1987-03-12/1987-03-13):</translation>
        </message>
        <message>
            <source>The number or range, with its qualifier (about 200, 200-300):</source>
            <translation>Число или диапазон с уточнением (about 200, 200-300):</translation>
        </message>
        <message>
            <source>The person's name as it should be recorded:</source>
            <translation>Имя лица в том виде, в каком его следует записать:</translation>
        </message>
        <message>
            <source>last</source>
            <translation>последнее</translation>
        </message>
        <message>
            <source>first</source>
            <translation>первое</translation>
        </message>
        <message>
            <source>This is the {where} suggestion in the queue.</source>
            <translation>Это {where} предложение в очереди.</translation>
        </message>
        <message>
            <source>{n} of {total}: {value} — {ref}</source>
            <translation>{n} из {total}: {value} — {ref}</translation>
        </message>
        <message>
            <source>{ref}: “{quote}” — A accept · R reject · E edit · N next</source>
            <translation>{ref}: «{quote}» — A принять · R отклонить · E изменить · N следующее</translation>
        </message>
        <message>
            <source>Open a document first: select it in the list.</source>
            <translation>Сначала откройте документ: выберите его в списке.</translation>
        </message>
        <message>
            <source>Editing “{quote}”: change the value, then Apply.</source>
            <translation>Правка «{quote}»: измените значение и нажмите «Применить».</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueue</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Число</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Лицо</translation>
        </message>
        <message>
            <source>○ open</source>
            <translation>○ открыто</translation>
        </message>
        <message>
            <source>✓ accepted</source>
            <translation>✓ принято</translation>
        </message>
        <message>
            <source>✕ rejected</source>
            <translation>✕ отклонено</translation>
        </message>
        <message>
            <source>A accept · R reject · E edit · N next · P previous · Enter open the passage · Shift/Ctrl+click or Shift+arrows select several · Ctrl+Z undo</source>
            <translation>A принять · R отклонить · E изменить · N следующее · P предыдущее · Enter открыть фрагмент · Shift/Ctrl+щелчок или Shift+стрелки — выбрать несколько · Ctrl+Z отменить</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Фрагмент</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Достоверность</translation>
        </message>
        <message>
            <source>How sure the suggester was; — when it did not say</source>
            <translation>Насколько уверен источник предложения; — если он этого не указал</translation>
        </message>
        <message>
            <source>Whole catalogue</source>
            <translation>Весь каталог</translation>
        </message>
        <message>
            <source>Review every document, not only the document list's scope</source>
            <translation>Проверять все документы, а не только текущий список</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Все виды</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Даты</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Числа</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Лица</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открытые</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Принятые</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Отклонённые</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Любое состояние</translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>Все документы</translation>
        </message>
        <message>
            <source>any</source>
            <translation>любая</translation>
        </message>
        <message>
            <source>Hide suggestions less sure than this. Suggestions without a confidence (all of them, until a suggester gives one) are always shown.</source>
            <translation>Скрывать предложения с меньшей уверенностью. Предложения без оценки достоверности (все, пока источник её не даёт) показываются всегда.</translation>
        </message>
        <message>
            <source>Document order</source>
            <translation>Порядок документов</translation>
        </message>
        <message>
            <source>Most confident first</source>
            <translation>Сначала самые надёжные</translation>
        </message>
        <message>
            <source>Confidence ≥</source>
            <translation>Достоверность ≥</translation>
        </message>
        <message>
            <source>Sort</source>
            <translation>Сортировка</translation>
        </message>
        <message>
            <source>{n} shown — suggestions in {scope}</source>
            <translation>Показано: {n} — предложения в: {scope}</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueueView</name>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Lowest confidence</source>
            <translation>Наименьшая уверенность</translation>
        </message>
        <message>
            <source>Sort</source>
            <translation>Сортировка</translation>
        </message>
        <message>
            <source>Suggestions to review</source>
            <translation>Предложения для проверки</translation>
        </message>
        <message>
            <source>A accepts, R rejects, E edits the current suggestion; N goes to the next</source>
            <translation>A принимает, R отклоняет, E изменяет текущее предложение; N переходит к следующему</translation>
        </message>
    </context>
    <context>
        <name>ScanPane</name>
        <message>
            <source>◀ Page</source>
            <translation>◀ Страница</translation>
        </message>
        <message>
            <source>Page ▶</source>
            <translation>Страница ▶</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Предыдущая страница</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Следующая страница</translation>
        </message>
        <message>
            <source>Page image</source>
            <translation>Изображение страницы</translation>
        </message>
        <message>
            <source>The scanned page; the current tag and doubtful words are outlined</source>
            <translation>Отсканированная страница; текущая метка и сомнительные слова обведены</translation>
        </message>
        <message>
            <source>Scanned page</source>
            <translation>Отсканированная страница</translation>
        </message>
        <message>
            <source>The scan could not be read: {e}</source>
            <translation>Скан не удалось прочитать: {e}</translation>
        </message>
        <message>
            <source>OCR text: read from the scan below (page {n} of {total}); {doubtful} doubtful words dotted</source>
            <translation>Текст OCR: распознан со скана ниже (страница {n} из {total}); сомнительные слова подчёркнуты точками: {doubtful}</translation>
        </message>
        <message>
            <source>The page image could not be drawn: {e}</source>
            <translation>Не удалось отрисовать изображение страницы: {e}</translation>
        </message>
    </context>
    <context>
        <name>SearchActions</name>
        <message>
            <source>Type a search first, then save it.</source>
            <translation>Сначала введите поиск, затем сохраните его.</translation>
        </message>
        <message>
            <source>Save Search</source>
            <translation>Сохранить поиск</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>Не сохранено: {reason}</translation>
        </message>
        <message>
            <source>New Collection</source>
            <translation>Новая подборка</translation>
        </message>
        <message>
            <source>Not created: {reason}</source>
            <translation>Не создано: {reason}</translation>
        </message>
        <message>
            <source>Add to Collection</source>
            <translation>Добавить в подборку</translation>
        </message>
        <message>
            <source>Collection:</source>
            <translation>Подборка:</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Library</source>
            <translation>Библиотека</translation>
        </message>
        <message>
            <source>Collections</source>
            <translation>Подборки</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(пока нет)</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>Сохранённые поиски</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Лица</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Числа</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Изображения</translation>
        </message>
        <message>
            <source>Recently imported</source>
            <translation>Недавно импортированные</translation>
        </message>
        <message numerus="yes">
            <source>Imported in the last %Ln days</source>
            <translation>
                <numerusform>Импортировано за последний %Ln день</numerusform>
                <numerusform>Импортировано за последние %Ln дня</numerusform>
                <numerusform>Импортировано за последние %Ln дней</numerusform>
            </translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Требует проверки</translation>
        </message>
        <message>
            <source>Guessed metadata, flags (low-confidence encoding, possible duplicate, fixity failed, text fixity failed) or open suggestions</source>
            <translation>Угаданные метаданные, отметки (ненадёжная кодировка, возможный дубликат, нарушена целостность, нарушена целостность текста) или открытые предложения</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %Ln to review</source>
            <translation>
                <numerusform>Очередь: %Ln на проверку</numerusform>
                <numerusform>Очередь: %Ln на проверку</numerusform>
                <numerusform>Очередь: %Ln на проверку</numerusform>
            </translation>
        </message>
        <message>
            <source>The review queue: every open suggestion (dates, figures, people) — A accept, R reject, E edit, N next (Ctrl+9)</source>
            <translation>Очередь проверки: все открытые предложения (даты, числа, лица) — A принять, R отклонить, E изменить, N следующее (Ctrl+9)</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>Каталог</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split “{name}”</source>
            <translation>Разделить «{name}»</translation>
        </message>
        <message>
            <source>Tick what belongs to a separate event. It moves to a new record with the same kind, place and parent; the rest stays on {ref}.</source>
            <translation>Отметьте то, что относится к отдельному событию. Оно перейдёт в новую запись с тем же видом, местом и родительским событием; остальное останется в {ref}.</translation>
        </message>
        <message>
            <source>Name form</source>
            <translation>Форма названия</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Письменность</translation>
        </message>
        <message>
            <source>Event within it</source>
            <translation>Вложенное событие</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Blank: the first name form ticked</source>
            <translation>Пусто: первая отмеченная форма названия</translation>
        </message>
        <message>
            <source>&amp;Name forms to move:</source>
            <translation>&amp;Формы названия для переноса:</translation>
        </message>
        <message>
            <source>&amp;Events within it to move:</source>
            <translation>&amp;Вложенные события для переноса:</translation>
        </message>
        <message>
            <source>&amp;Claims to move (they keep their link's status):</source>
            <translation>&amp;Утверждения для переноса (статус связи сохраняется):</translation>
        </message>
        <message>
            <source>Name of the new &amp;record:</source>
            <translation>Название новой &amp;записи:</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>Разделить</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPass</name>
        <message>
            <source>Suggesting tags: %v of %m</source>
            <translation>Предлагаются метки: %v из %m</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Остановить</translation>
        </message>
        <message>
            <source>Stop suggesting tags; what is stored is kept, the rest stays pending</source>
            <translation>Остановить предложение меток; сохранённое остаётся, остальное ждёт следующего раза</translation>
        </message>
    </context>
    <context>
        <name>TagEditor</name>
        <message>
            <source>certain</source>
            <translation>достоверно</translation>
        </message>
        <message>
            <source>approximate</source>
            <translation>приблизительно</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>недостоверно</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>точно</translation>
        </message>
        <message>
            <source>about</source>
            <translation>около</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>не менее</translation>
        </message>
        <message>
            <source>more than</source>
            <translation>более</translation>
        </message>
        <message>
            <source>at most</source>
            <translation>не более</translation>
        </message>
        <message>
            <source>fewer than</source>
            <translation>менее</translation>
        </message>
        <message>
            <source>nearly</source>
            <translation>почти</translation>
        </message>
        <message>
            <source>up to</source>
            <translation>до</translation>
        </message>
        <message>
            <source>range</source>
            <translation>диапазон</translation>
        </message>
        <message>
            <source>author</source>
            <translation>автор</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>свидетель</translation>
        </message>
        <message>
            <source>quoted</source>
            <translation>цитируемый</translation>
        </message>
        <message>
            <source>recipient</source>
            <translation>адресат</translation>
        </message>
        <message>
            <source>signatory</source>
            <translation>подписавший</translation>
        </message>
        <message>
            <source>mentioned</source>
            <translation>упомянутый</translation>
        </message>
        <message>
            <source>photographer</source>
            <translation>фотограф</translation>
        </message>
        <message>
            <source>Select a tag in the text, or select words and press D, F or P.</source>
            <translation>Выберите метку в тексте или выделите слова и нажмите D, F или P.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Что произошло</translation>
        </message>
        <message>
            <source>Certainty</source>
            <translation>Уверенность</translation>
        </message>
        <message>
            <source>only for a range</source>
            <translation>только для диапазона</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>Upper value</source>
            <translation>Верхнее значение</translation>
        </message>
        <message>
            <source>The upper end, only for a range</source>
            <translation>Верхняя граница, только для диапазона</translation>
        </message>
        <message>
            <source>Qualifier</source>
            <translation>Уточнение</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Что подсчитано</translation>
        </message>
        <message>
            <source>What the figure counts</source>
            <translation>Что считает эта цифра</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Part of</source>
            <translation>Часть</translation>
        </message>
        <message>
            <source>The larger figure this one is part of</source>
            <translation>Более крупная цифра, частью которой является эта</translation>
        </message>
        <message>
            <source>An organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>existing name, or a new person</source>
            <translation>существующее имя или новое лицо</translation>
        </message>
        <message>
            <source>Person record to link to</source>
            <translation>Запись о человеке для связи</translation>
        </message>
        <message>
            <source>An existing name, or a new person</source>
            <translation>Существующее имя или новый человек</translation>
        </message>
        <message>
            <source>Link to Record</source>
            <translation>Привязать к записи</translation>
        </message>
        <message>
            <source>Point this mention at the person with this name, creating the record if none</source>
            <translation>Связать это упоминание с лицом с этим именем, создав запись, если её нет</translation>
        </message>
        <message>
            <source>Name as written</source>
            <translation>Имя как в тексте</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Link to</source>
            <translation>Привязать к</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>Accept (A)</source>
            <translation>Принять (A)</translation>
        </message>
        <message>
            <source>Reject (R)</source>
            <translation>Отклонить (R)</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Save the changes to this tag</source>
            <translation>Сохранить изменения этой метки</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Принять</translation>
        </message>
        <message>
            <source>Accept this suggestion (A)</source>
            <translation>Принять это предложение (A)</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Отклонить</translation>
        </message>
        <message>
            <source>Reject this suggestion (R)</source>
            <translation>Отклонить это предложение (R)</translation>
        </message>
        <message>
            <source>Remove this tag from the text</source>
            <translation>Удалить эту метку из текста</translation>
        </message>
        <message>
            <source>(not part of another figure)</source>
            <translation>(не часть другого числа)</translation>
        </message>
        <message>
            <source>Select a tag in the text, or select words and press D, F, P or W.</source>
            <translation>Выберите метку в тексте или выделите слова и нажмите D, F, P или W.</translation>
        </message>
        <message>
            <source>not linked yet (accepting links it to a matching or new record)</source>
            <translation>ещё не привязано (при принятии привязывается к подходящей или новой записи)</translation>
        </message>
    </context>
    <context>
        <name>TaggingActions</name>
        <message>
            <source>Tag “{quote}”</source>
            <translation>Отметить «{quote}»</translation>
        </message>
        <message>
            <source>Accepted “{quote}” (Ctrl+Z undoes; N goes to the next)</source>
            <translation>«{quote}» принято (Ctrl+Z — отменить; N — к следующему)</translation>
        </message>
        <message>
            <source>Rejected “{quote}” (Ctrl+Z undoes; N goes to the next)</source>
            <translation>«{quote}» отклонено (Ctrl+Z — отменить; N — к следующему)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new suggestions</source>
            <translation>
                <numerusform>%Ln новое предложение</numerusform>
                <numerusform>%Ln новых предложения</numerusform>
                <numerusform>%Ln новых предложений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln document(s) moved to the Trash (Ctrl+Z to undo)</source>
            <translation>
                <numerusform>%Ln документ перемещён в Корзину (Ctrl+Z — отменить)</numerusform>
                <numerusform>%Ln документа перемещены в Корзину (Ctrl+Z — отменить)</numerusform>
                <numerusform>%Ln документов перемещены в Корзину (Ctrl+Z — отменить)</numerusform>
            </translation>
        </message>
        <message>
            <source>Merge “{merge}” ({merge_ref}) into “{keep}” ({keep_ref})?

Its name forms and passages move to {keep_ref}; {merge_ref} is removed. This cannot be undone with Ctrl+Z.</source>
            <translation>Объединить «{merge}» ({merge_ref}) с «{keep}» ({keep_ref})?

Его формы имени и фрагменты перейдут в {keep_ref}; {merge_ref} будет удалён. Это нельзя отменить клавишами Ctrl+Z.</translation>
        </message>
        <message>
            <source>Merge People</source>
            <translation>Объединить лиц</translation>
        </message>
        <message>
            <source>Merged {removed} into {kept}</source>
            <translation>{removed} объединено с {kept}</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Open &amp;Team Catalogue…</source>
            <translation>Открыть &amp;командный каталог…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Обновить</translation>
        </message>
        <message>
            <source>Catena — {name}</source>
            <translation>Catena — {name}</translation>
        </message>
        <message>
            <source>Catena — {database} on {server}</source>
            <translation>Catena — {database} на {server}</translation>
        </message>
        <message>
            <source>{server}/{database} · {role} ({right})</source>
            <translation>{server}/{database} · {role} ({right})</translation>
        </message>
        <message>
            <source>Read-only for {role}: changes are disabled</source>
            <translation>Только чтение для {role}: изменения отключены</translation>
        </message>
        <message>
            <source>Read-only: {path} cannot be written; changes are disabled</source>
            <translation>Только чтение: запись в {path} невозможна; изменения отключены</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Только чтение</translation>
        </message>
        <message>
            <source>reader</source>
            <translation>читатель</translation>
        </message>
        <message>
            <source>tagger</source>
            <translation>разметчик</translation>
        </message>
        <message>
            <source>editor</source>
            <translation>редактор</translation>
        </message>
        <message>
            <source>The server answers again.</source>
            <translation>Сервер снова отвечает.</translation>
        </message>
        <message>
            <source>Cannot check the server for changes: {error}</source>
            <translation>Не удаётся проверить изменения на сервере: {error}</translation>
        </message>
        <message>
            <source>Refreshed from the catalogue.</source>
            <translation>Обновлено из каталога.</translation>
        </message>
    </context>
    <context>
        <name>TeamCatalogueDialog</name>
        <message>
            <source>Open Team Catalogue</source>
            <translation>Открыть командный каталог</translation>
        </message>
        <message>
            <source>server name, or empty for this computer</source>
            <translation>имя сервера; пусто — этот компьютер</translation>
        </message>
        <message>
            <source>No password is stored: Catena uses ~/.pgpass or PGPASSWORD, or asks once while it is open.</source>
            <translation>Пароль не сохраняется: Catena берёт его из ~/.pgpass или PGPASSWORD либо спрашивает один раз, пока открыта.</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Сервер:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Порт:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;База данных:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Пользователь:</translation>
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation>&amp;URL:</translation>
        </message>
        <message>
            <source>Give the server's address and the database's name.</source>
            <translation>Укажите адрес сервера и имя базы данных.</translation>
        </message>
    </context>
    <context>
        <name>TeamOpen</name>
        <message>
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <source>{reason}.
Password for {user} (kept until Catena closes):</source>
            <translation>{reason}.
Пароль для {user} (хранится, пока Catena открыта):</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <source>No dated entries yet.</source>
            <translation>Датированных записей пока нет.</translation>
        </message>
    </context>
    <context>
        <name>WindowAccessibility</name>
        <message>
            <source>Search documents</source>
            <translation>Поиск документов</translation>
        </message>
        <message>
            <source>Words, "phrases" and fields such as publisher:, year:, person:; the list narrows as you type (Ctrl+F)</source>
            <translation>Слова, "фразы" и поля, например publisher:, year:, person:; список сужается по мере ввода (Ctrl+F)</translation>
        </message>
        <message>
            <source>Clear search</source>
            <translation>Очистить поиск</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>The documents of the place chosen in the sidebar; the selected one is shown below. Delete moves the selection to the trash</source>
            <translation>Документы раздела, выбранного на боковой панели; выбранный документ показан ниже. Delete перемещает выделенное в корзину</translation>
        </message>
        <message>
            <source>Refine</source>
            <translation>Уточнить</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Разделы</translation>
        </message>
        <message>
            <source>Library, collections, saved searches, the other views and the trash</source>
            <translation>Библиотека, коллекции, сохранённые поиски, другие виды и корзина</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Инспектор</translation>
        </message>
        <message>
            <source>The current tag and the selected document's metadata</source>
            <translation>Текущая метка и метаданные выбранного документа</translation>
        </message>
        <message>
            <source>Images of this document</source>
            <translation>Изображения этого документа</translation>
        </message>
        <message>
            <source>Enter opens the current image</source>
            <translation>Enter открывает текущее изображение</translation>
        </message>
        <message>
            <source>All images</source>
            <translation>Все изображения</translation>
        </message>
        <message>
            <source>Every image in the catalogue; Enter opens the current one</source>
            <translation>Все изображения каталога; Enter открывает текущее</translation>
        </message>
        <message>
            <source>Current view</source>
            <translation>Текущий вид</translation>
        </message>
        <message>
            <source>Documents in the catalogue</source>
            <translation>Документы в каталоге</translation>
        </message>
    </context>
    <context>
        <name>Workbench</name>
        <message>
            <source>Edit metadata of {ref}</source>
            <translation>Изменить метаданные {ref}</translation>
        </message>
        <message>
            <source>Restore {n} document(s)</source>
            <translation>Восстановить документы ({n})</translation>
        </message>
        <message>
            <source>Move {n} document(s) to Trash</source>
            <translation>Переместить документы в Корзину ({n})</translation>
        </message>
        <message>
            <source>Tag date</source>
            <translation>Отметить дату</translation>
        </message>
        <message>
            <source>Tag figure</source>
            <translation>Отметить число</translation>
        </message>
        <message>
            <source>Tag person</source>
            <translation>Отметить лицо</translation>
        </message>
        <message>
            <source>Accept “{quote}”</source>
            <translation>Принять «{quote}»</translation>
        </message>
        <message>
            <source>Reject “{quote}”</source>
            <translation>Отклонить «{quote}»</translation>
        </message>
        <message>
            <source>Edit “{quote}”</source>
            <translation>Изменить «{quote}»</translation>
        </message>
        <message>
            <source>Remove “{quote}”</source>
            <translation>Удалить «{quote}»</translation>
        </message>
        <message>
            <source>Link “{quote}” to {name}</source>
            <translation>Связать «{quote}» с {name}</translation>
        </message>
        <message numerus="yes">
            <source>Suggest %Ln event link(s)</source>
            <translation>
                <numerusform>Предложить %Ln связь с событием</numerusform>
                <numerusform>Предложить %Ln связи с событиями</numerusform>
                <numerusform>Предложить %Ln связей с событиями</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ZoomArea</name>
        <message>
            <source>The original could not be displayed.</source>
            <translation>Не удалось показать оригинал.</translation>
        </message>
    </context>
</TS>
