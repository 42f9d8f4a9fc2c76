<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ChronologyView</name>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln source</numerusform>
                <numerusform>%Ln sources</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln dates</source>
            <translation>
                <numerusform>%Ln date</numerusform>
                <numerusform>%Ln dates</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message numerus="yes">
            <source>The %Ln selected document(s)</source>
            <translation>
                <numerusform>The %Ln selected document</numerusform>
                <numerusform>The %Ln selected documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln notes on characters that could not be printed exactly</source>
            <translation>
                <numerusform>%Ln note on characters that could not be printed exactly</numerusform>
                <numerusform>%Ln notes on characters that could not be printed exactly</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %Ln more</source>
            <translation>
                <numerusform>… and %Ln more</numerusform>
                <numerusform>… and %Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>Selected documents (%Ln)</source>
            <translation>
                <numerusform>Selected document (%Ln)</numerusform>
                <numerusform>Selected documents (%Ln)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FiguresView</name>
        <message numerus="yes">
            <source>Sources give the same figure (%Ln sources)</source>
            <translation>
                <numerusform>Sources give the same figure (%Ln source)</numerusform>
                <numerusform>Sources give the same figure (%Ln sources)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln source(s)</source>
            <translation>
                <numerusform>%Ln source</numerusform>
                <numerusform>%Ln sources</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message numerus="yes">
            <source>Importing %Ln item(s)…</source>
            <translation>
                <numerusform>Importing %Ln item…</numerusform>
                <numerusform>Importing %Ln items…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Suggestions pending for %Ln document(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Tags suggested for %Ln document(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>ImageActions</name>
        <message numerus="yes">
            <source>Attaching %Ln image(s)…</source>
            <translation>
                <numerusform>Attaching %Ln image…</numerusform>
                <numerusform>Attaching %Ln images…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %Ln were already attached</source>
            <translation>
                <numerusform>; %Ln was already attached</numerusform>
                <numerusform>; %Ln were already attached</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportReport</name>
        <message numerus="yes">
            <source>%Ln imported</source>
            <translation>
                <numerusform>%Ln imported</numerusform>
                <numerusform>%Ln imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln duplicates</source>
            <translation>
                <numerusform>%Ln duplicate</numerusform>
                <numerusform>%Ln duplicates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln possible duplicates (imported, flagged)</source>
            <translation>
                <numerusform>%Ln possible duplicate (imported, flagged)</numerusform>
                <numerusform>%Ln possible duplicates (imported, flagged)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln failed</source>
            <translation>
                <numerusform>%Ln failed</numerusform>
                <numerusform>%Ln failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln skipped</source>
            <translation>
                <numerusform>%Ln skipped</numerusform>
                <numerusform>%Ln skipped</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln documents</source>
            <translation>
                <numerusform>%Ln document</numerusform>
                <numerusform>%Ln documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>%Ln shown</numerusform>
                <numerusform>%Ln shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeopleView</name>
        <message numerus="yes">
            <source>%Ln records · drag one onto another to merge them</source>
            <translation>
                <numerusform>%Ln record · drag one onto another to merge them</numerusform>
                <numerusform>%Ln records · drag one onto another to merge them</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message numerus="yes">
            <source>%Ln selected documents</source>
            <translation>
                <numerusform>%Ln selected document</numerusform>
                <numerusform>%Ln selected documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln suggestions</source>
            <translation>
                <numerusform>%Ln suggestion</numerusform>
                <numerusform>%Ln suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%Ln already so, left as they were)</source>
            <translation>
                <numerusform> (%Ln already so, left as it was)</numerusform>
                <numerusform> (%Ln already so, left as they were)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message numerus="yes">
            <source>Imported in the last %Ln days</source>
            <translation>
                <numerusform>Imported in the last %Ln day</numerusform>
                <numerusform>Imported in the last %Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Queue: %Ln to review</source>
            <translation>
                <numerusform>Queue: %Ln to review</numerusform>
                <numerusform>Queue: %Ln to review</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaggingActions</name>
        <message numerus="yes">
            <source>%Ln new suggestions</source>
            <translation>
                <numerusform>%Ln new suggestion</numerusform>
                <numerusform>%Ln new suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln document(s) moved to the Trash (Ctrl+Z to undo)</source>
            <translation>
                <numerusform>%Ln document moved to the Trash (Ctrl+Z to undo)</numerusform>
                <numerusform>%Ln documents moved to the Trash (Ctrl+Z to undo)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Workbench</name>
        <message numerus="yes">
            <source>Suggest %Ln event link(s)</source>
            <translation>
                <numerusform>Suggest %Ln event link</numerusform>
                <numerusform>Suggest %Ln event links</numerusform>
            </translation>
        </message>
    </context>
</TS>
