<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="sv_SE">
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Prisåret %1 är inte skapat ännu. Skapa det med Arkiv → Nytt prisår.</source>
        <translation>Award year %1 has not been created yet. Create it with File → New award year.</translation>
    </message>
    <message>
        <source>Redigera prisåret</source>
        <translation>Edit the award year</translation>
    </message>
    <message>
        <source>Importera arkivlista</source>
        <translation>Import archive list</translation>
    </message>
    <message>
        <source>Arkivlista (*.csv);;Alla filer (*)</source>
        <translation>Archive list (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Arkivlistan importerades inte</source>
        <translation>The archive list was not imported</translation>
    </message>
    <message>
        <source>Filen är inte UTF-8-kodad text.</source>
        <translation>The file is not UTF-8 encoded text.</translation>
    </message>
    <message>
        <source>%1 kunde inte läsas: %2</source>
        <translation>%1 could not be read: %2</translation>
    </message>
    <message>
        <source>Kolumner som inte lästes: %1</source>
        <translation>Columns not read: %1</translation>
    </message>
    <message>
        <source>Importerade %1: %2.</source>
        <translation>Imported %1: %2.</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>%1 byte</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Bilagor</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Lägg till fil…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Spara som PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Spara diagrammet som PNG</source>
        <translation>Save the chart as PNG</translation>
    </message>
    <message>
        <source>PNG-bild (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Diagrammet kunde inte sparas: %1</source>
        <translation>The chart could not be saved: %1</translation>
    </message>
    <message>
        <source>Spara som PNG</source>
        <translation>Save as PNG</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Jäv</source>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>%1 anmäler jäv för «%2». Jurymedlemmen poängsätter inte nomineringen och räknas inte med i dess resultat.</source>
        <translation>%1 declares a conflict of interest for “%2”. The juror does not score the nomination and is not counted in its result.</translation>
    </message>
    <message>
        <source>t.ex. Sitter i styrelsen för en av de nominerade organisationerna</source>
        <translation>e.g. Sits on the board of one of the nominated organisations</translation>
    </message>
    <message>
        <source>&amp;Orsak (krävs):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <source>%1 poäng som %2 redan satt för nomineringen tas bort.</source>
        <translation>%1 score(s) that %2 has already given this nomination will be removed.</translation>
    </message>
    <message>
        <source>Anmäl jäv</source>
        <translation>Declare conflict of interest</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Kriterium</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Vikt</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Skala</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>Bedömningskriterier</source>
        <translation>Assessment criteria</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Lägg till standardkriterier</source>
        <translation>Add the standard criteria</translation>
    </message>
    <message>
        <source>%1 kriterier, sammanlagd vikt %2.</source>
        <translation type="vanished">Criteria: %1, total weight %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n kriterier, sammanlagd vikt %1.</source>
        <translation>
            <numerusform>%n criterion, total weight %1.</numerusform>
            <numerusform>%n criteria, total weight %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inga kriterier för året. Lägg till egna eller standardkriterierna.</source>
        <translation>No criteria for the year. Add your own or the standard criteria.</translation>
    </message>
    <message>
        <source>Poängsättningen har börjat</source>
        <translation>Scoring has started</translation>
    </message>
    <message>
        <source>Juryn har redan satt poäng. Ändras vikten eller skalan för «%1» ändras rangordningen; poäng utanför en ny skala måste ändras först.

Ändra ändå?</source>
        <translation>The jury has already given scores. Changing the weight or scale of “%1” changes the ranking; scores outside a new scale must be changed first.

Change it anyway?</translation>
    </message>
    <message>
        <source>Ändra kriteriet</source>
        <translation>Change the criterion</translation>
    </message>
    <message>
        <source>Juryn har redan satt poäng. Tas «%1» bort försvinner alla poäng för kriteriet (de finns kvar i ändringsloggen) och rangordningen räknas om.

Ta bort kriteriet och dess poäng?</source>
        <translation>The jury has already given scores. Removing “%1” removes every score for the criterion (they remain in the change log) and the ranking is recalculated.

Remove the criterion and its scores?</translation>
    </message>
    <message>
        <source>Ta bort kriteriet «%1»?</source>
        <translation>Remove the criterion “%1”?</translation>
    </message>
    <message>
        <source>Ta bort kriterium</source>
        <translation>Remove criterion</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>CriterionDialog</name>
    <message>
        <source>Nytt kriterium</source>
        <translation>New criterion</translation>
    </message>
    <message>
        <source>Ändra kriterium</source>
        <translation>Change criterion</translation>
    </message>
    <message>
        <source>Skalans lägsta värde</source>
        <translation>The scale&apos;s lowest value</translation>
    </message>
    <message>
        <source>Skalans högsta värde</source>
        <translation>The scale&apos;s highest value</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Beskrivning:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Vikt:</source>
        <translation>&amp;Weight:</translation>
    </message>
    <message>
        <source>&amp;Skala:</source>
        <translation>&amp;Scale:</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Importera nomineringar — %1</source>
        <translation>Import nominations — %1</translation>
    </message>
    <message>
        <source>Kolumn i filen</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Första värdet</source>
        <translation>First value</translation>
    </message>
    <message>
        <source>Importeras som</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <source>1. Kolumner</source>
        <translation>1. Columns</translation>
    </message>
    <message>
        <source>2. Förhandsgranskning — inget har sparats än</source>
        <translation>2. Preview — nothing has been saved yet</translation>
    </message>
    <message>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>den är inte sparad som UTF-8 (spara den som «CSV UTF-8»)</source>
        <translation>it is not saved as UTF-8 (save it as “CSV UTF-8”)</translation>
    </message>
    <message>
        <source>Filen «%1» kunde inte läsas: %2.</source>
        <translation>The file “%1” could not be read: %2.</translation>
    </message>
    <message>
        <source>Nomineringar från «%1» importeras till prisåret %2. Kontrollera kolumnerna och raderna nedan; inget sparas förrän du väljer Importera.</source>
        <translation>Nominations from “%1” are imported into award year %2. Check the columns and rows below; nothing is saved until you choose Import.</translation>
    </message>
    <message>
        <source>Importera «%1» som</source>
        <translation>Import “%1” as</translation>
    </message>
    <message>
        <source>(hoppa över)</source>
        <translation>(skip)</translation>
    </message>
    <message>
        <source>Kontrollerar raderna…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message numerus="yes">
        <source>%n rader i filen, %1 med fel.</source>
        <translation>
            <numerusform>%n row in the file, %1 with errors.</numerusform>
            <numerusform>%n rows in the file, %1 with errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inga fel. %n nomineringar kan importeras.</source>
        <translation>
            <numerusform>No errors. %n nomination can be imported.</numerusform>
            <numerusform>No errors. %n nominations can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Klart: %n nomineringar importerades till %1.</source>
        <translation>
            <numerusform>Done: %n nomination imported into %1.</numerusform>
            <numerusform>Done: %n nominations imported into %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rader i filen, %2 med fel.</source>
        <translation type="vanished">Rows in the file: %1, with errors: %2.</translation>
    </message>
    <message>
        <source>… och %1 fel till.</source>
        <translation>… and %1 more error(s).</translation>
    </message>
    <message>
        <source>Rätta filen eller kolumnvalen; inget importeras så länge det finns fel:</source>
        <translation>Correct the file or the column choices; nothing is imported while there are errors:</translation>
    </message>
    <message>
        <source>Filen har inga rader att importera.</source>
        <translation>The file has no rows to import.</translation>
    </message>
    <message>
        <source>Inga fel. %1 nomineringar kan importeras.</source>
        <translation type="vanished">No errors. Nominations that can be imported: %1.</translation>
    </message>
    <message>
        <source>Klart: %1 nomineringar importerades till %2.</source>
        <translation type="vanished">Done: %1 nomination(s) imported into %2.</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CsvPreviewModel</name>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Fel</source>
        <translation>Errors</translation>
    </message>
</context>
<context>
    <name>DataService</name>
    <message>
        <source>Databasen öppnas fortfarande. Försök igen om en stund.</source>
        <translation>The database is still being opened. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>DateOrUnknown</name>
    <message>
        <source>Okänt</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <source>Välj datum i en kalender (Alt+Ned)</source>
        <translation>Pick a date in a calendar (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>DbWait</name>
    <message>
        <source>Avbryter när det pågående försöket är klart…</source>
        <translation>Cancelling once the current attempt is over…</translation>
    </message>
    <message>
        <source>Väntar på databasen</source>
        <translation>Waiting for the database</translation>
    </message>
    <message>
        <source>Väntar på databasen… Ett annat program (ett annat fönster eller en import) skriver i den just nu. Ändringen sparas så snart databasen är ledig.</source>
        <translation>Waiting for the database… Another program (another window or an import) is writing to it right now. The change will be saved as soon as the database is free.</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Fatta beslut – %1</source>
        <translation>Decide – %1</translation>
    </message>
    <message>
        <source>%1 är efterhandsregistrerat: fyll i det som är känt. Det som inte är känt lämnas tomt och trycks aldrig i dokumenten.</source>
        <translation>%1 is registered afterwards: fill in what is known. What is not known stays empty and is never printed in the documents.</translation>
    </message>
    <message>
        <source>«%1 års Trygghetspris tilldelas … för …»</source>
        <translation>«%1 års Trygghetspris tilldelas … för …» (in Swedish: it is printed on the diploma)</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>&amp;Vinnare:</source>
        <translation>&amp;Winner:</translation>
    </message>
    <message>
        <source>&amp;Hedersomnämnanden:</source>
        <translation>&amp;Honourable mentions:</translation>
    </message>
    <message>
        <source>&amp;Beslutsdatum:</source>
        <translation>&amp;Decision date:</translation>
    </message>
    <message>
        <source>Juryns &amp;motivering (lämnas tom om den inte är känd):</source>
        <translation>The jury&apos;s &amp;citation (leave empty if not known):</translation>
    </message>
    <message>
        <source>Juryns &amp;motivering (krävs):</source>
        <translation>The jury&apos;s &amp;citation (required):</translation>
    </message>
    <message>
        <source>Motiveringen trycks på diplomet, i pressmeddelandet och i juryprotokollet.</source>
        <translation>The citation is printed on the diploma, in the press release and in the jury minutes.</translation>
    </message>
    <message>
        <source>Föreslå rubrik och ingress</source>
        <translation>Suggest headline and lead</translation>
    </message>
    <message>
        <source>Pressmeddelande</source>
        <translation>Press release</translation>
    </message>
    <message>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Headline:</translation>
    </message>
    <message>
        <source>&amp;Ingress:</source>
        <translation>&amp;Lead:</translation>
    </message>
    <message>
        <source>Citat:</source>
        <translation>Quotes:</translation>
    </message>
    <message>
        <source>Fatta beslut</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source> – inga poäng</source>
        <translation> – no scores</translation>
    </message>
    <message>
        <source> – viktat medel %1</source>
        <translation> – weighted mean %1</translation>
    </message>
    <message>
        <source>(ingen känd vinnare)</source>
        <translation>(no known winner)</translation>
    </message>
    <message>
        <source>Förslaget lämnar utanför det som inte är känt: %1.</source>
        <translation>The suggestion leaves out what is not known: %1.</translation>
    </message>
    <message>
        <source>Beslutet är sparat, men diplomet kan inte skapas: %1 Korta texten och klicka på Fatta beslut igen.</source>
        <translation>The decision is saved, but the diploma cannot be made: %1 Shorten the text and click Decide again.</translation>
    </message>
    <message>
        <source>nominering %1</source>
        <translation>nomination %1</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Ja, datumet stämmer</source>
        <translation>Yes, the date is right</translation>
    </message>
    <message>
        <source>Nej, ändra datumet</source>
        <translation>No, change the date</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Dokument för %1</source>
        <translation>Documents for %1</translation>
    </message>
    <message>
        <source>Diplom %1</source>
        <translation>Diploma %1</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Pressmeddelande %1</source>
        <translation>Press release %1</translation>
    </message>
    <message>
        <source>Skapar dokumenten för %1…</source>
        <translation>Creating the documents for %1…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Alla dokument för året</source>
        <translation>All documents for the year</translation>
    </message>
    <message>
        <source>Avbryter efter det pågående dokumentet…</source>
        <translation>Cancelling after the current document…</translation>
    </message>
    <message>
        <source>Skapar %1…</source>
        <translation>Creating %1…</translation>
    </message>
    <message>
        <source>Avbrutet: %1 av %2 dokument sparades i %3.</source>
        <translation>Cancelled: %1 of %2 documents were saved in %3.</translation>
    </message>
    <message>
        <source>%1 av %2 dokument sparades i %3.</source>
        <translation>%1 of %2 documents were saved in %3.</translation>
    </message>
    <message>
        <source>Välj mapp för årets dokument</source>
        <translation>Choose a folder for the year&apos;s documents</translation>
    </message>
    <message>
        <source>Mappen innehåller redan %1. Vill du ersätta filerna?</source>
        <translation>The folder already contains %1. Do you want to replace the files?</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Anpassa till bredd</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <source>Hela sidan</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Skriv &amp;ut…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Spara som…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Öppna i &amp;visningsprogram</source>
        <translation>Open in &amp;viewer</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Dokumentet kunde inte visas.</source>
        <translation>The document could not be shown.</translation>
    </message>
    <message>
        <source>1 sida</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>%1 sidor</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>Läser in…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Med s&amp;kärmärken</source>
        <translation>With &amp;crop marks</translation>
    </message>
    <message>
        <source>Sidan blir större än A4, med märken där tryckeriet skär (A4 innanför).</source>
        <translation>The page grows beyond A4, with marks where the print shop cuts (A4 inside).</translation>
    </message>
    <message>
        <source>S&amp;täng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Skriv ut (%1)</source>
        <translation>Print (%1)</translation>
    </message>
    <message>
        <source>Inte känt, och därför utelämnat i dokumentet:</source>
        <translation>Not known, and so left out of the document:</translation>
    </message>
    <message>
        <source>Utskriften kunde inte startas.</source>
        <translation>Printing could not be started.</translation>
    </message>
    <message>
        <source>Spara som</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <source>Öppna i visningsprogram</source>
        <translation>Open in viewer</translation>
    </message>
    <message>
        <source>Det finns inget program för PDF-filer. Spara dokumentet och öppna det själv.</source>
        <translation>There is no program for PDF files. Save the document and open it yourself.</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Ändrad av någon annan</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Din version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>Sparad version</source>
        <translation>Saved version</translation>
    </message>
    <message>
        <source>Behåll ditt värde eller ta det sparade. Inget har sparats ännu.</source>
        <translation>Keep your value or take the saved one. Nothing has been saved yet.</translation>
    </message>
    <message>
        <source>Välj för varje fält vilken version som ska gälla och klicka på Slå ihop, eller behåll alla dina värden eller ta alla sparade. Inget har sparats ännu.</source>
        <translation>Choose which version applies for each field and click Merge, or keep all your values, or take all the saved ones. Nothing has been saved yet.</translation>
    </message>
    <message>
        <source>&amp;Slå ihop</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>&amp;Behåll mina</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>&amp;Ta den sparade</source>
        <translation>&amp;Take the saved one</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Behåll mitt värde</source>
        <translation>&amp;Keep my value</translation>
    </message>
    <message>
        <source>&amp;Ta det sparade värdet</source>
        <translation>&amp;Take the saved value</translation>
    </message>
    <message>
        <source>%1 har ändrats sedan du öppnade den:</source>
        <translation>%1 has changed since you opened it:</translation>
    </message>
    <message>
        <source>någon annan</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>(datorns användare: %1)</source>
        <translation>(computer user: %1)</translation>
    </message>
    <message>
        <source>%1 sparade %2</source>
        <translation>%1 saved at %2</translation>
    </message>
    <message>
        <source>(tomt)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>ändrad av dig</source>
        <translation>changed by you</translation>
    </message>
    <message>
        <source>ändrad av den andra</source>
        <translation>changed by the other person</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Kontrollera uppgifterna</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>Programmet stötte på ett oväntat fel (en bugg). Det du har sparat är kvar, och du kan fortsätta arbeta.</source>
        <translation>The program ran into an unexpected error (a bug). What you have saved is still there, and you can carry on working.</translation>
    </message>
    <message>
        <source>Detaljerna finns i loggfilen:
%1</source>
        <translation>The details are in the log file:
%1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export eller nomineringar (*.json *.csv);;JSON (*.json);;CSV (*.csv)</source>
        <translation>Export or nominations (*.json *.csv);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Importen gjordes inte</source>
        <translation>Nothing was imported</translation>
    </message>
    <message>
        <source>Filen kunde inte läsas: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>Import klar</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>Importerade %1: %2.</source>
        <translation>Imported %1: %2.</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Fullständig export (*.json);;Nomineringar för kalkylprogram (*.csv)</source>
        <translation>Full export (*.json);;Nominations for spreadsheets (*.csv)</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <source>Exporterade till %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Säkerhetskopian gjordes inte</source>
        <translation>The backup was not made</translation>
    </message>
    <message>
        <source>Säkerhetskopia</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Säkerhetskopian sparades:
%1</source>
        <translation>The backup was saved:
%1</translation>
    </message>
    <message>
        <source>Välj en annan fil…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Välj säkerhetskopia att återställa:</source>
        <translation>Choose the backup to restore:</translation>
    </message>
    <message>
        <source>Återställ från fil</source>
        <translation>Restore from file</translation>
    </message>
    <message>
        <source>Databas (*.sqlite3 *.db);;Alla filer (*)</source>
        <translation>Database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>På en PostgreSQL-server återställs en säkerhetskopia till en ny, tom databas, aldrig över den som används. Skapa databasen och kör sedan

trygghetspris --database-url URL-TILL-DEN-NYA restore FIL

Säkerhetskopiorna finns i
%1</source>
        <translation>On a PostgreSQL server a backup is restored into a new, empty database, never over the one in use. Create the database, then run

trygghetspris --database-url URL-OF-THE-NEW-ONE restore FILE

The backups are in
%1</translation>
    </message>
    <message>
        <source>Databasen ersätts med innehållet i
%1

Den nuvarande databasen sparas först som en säkerhetskopia. Fortsätta?</source>
        <translation>The database will be replaced with the contents of
%1

The current database is first saved as a backup. Continue?</translation>
    </message>
    <message>
        <source>Återställningen gjordes inte</source>
        <translation>Nothing was restored</translation>
    </message>
    <message>
        <source>Återställt</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Databasen återställdes från
%1

Fönstret stängs nu; öppna programmet igen för att arbeta i den återställda databasen.</source>
        <translation>The database was restored from
%1

The window closes now; open the program again to work in the restored database.</translation>
    </message>
    <message>
        <source>Databasen återställdes. Den tidigare sparades som
%1</source>
        <translation>The database was restored. The previous one was saved as
%1</translation>
    </message>
    <message>
        <source>Databasen kan inte öppnas</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Återställ en säkerhetskopia: programmet gör en varje dag det startas och före varje import. Den oläsbara filen sparas i mappen backups. Eller avsluta och flytta bort filen, så skapas en ny databas nästa gång.</source>
        <translation>Restore a backup: the program makes one every day it is started and before every import. The unreadable file is kept in the backups folder. Or quit and move the file away, and a new database is created next time.</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopia…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Databasen återställdes från
%1

Den oläsbara filen sparades som
%2</source>
        <translation>The database was restored from
%1

The unreadable file was saved as
%2</translation>
    </message>
</context>
<context>
    <name>HandbookWindow</name>
    <message>
        <source>Handbok – Trygghetspris Desktop</source>
        <translation>Handbook – Trygghetspris Desktop</translation>
    </message>
</context>
<context>
    <name>HistoryDetail</name>
    <message>
        <source>uppgift saknas</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Vinnare</source>
        <translation>Winner</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Stadsdelsområde</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Hedersomnämnanden</source>
        <translation>Honourable mentions</translation>
    </message>
    <message>
        <source>Prisutdelning</source>
        <translation>Award ceremony</translation>
    </message>
    <message>
        <source>Sista nomineringsdag</source>
        <translation>Nomination deadline</translation>
    </message>
    <message>
        <source>Prissumma</source>
        <translation>Prize money</translation>
    </message>
    <message>
        <source>%1 kr</source>
        <translation>SEK %1</translation>
    </message>
    <message>
        <source>Antal nomineringar</source>
        <translation>Number of nominations</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Slag av år</source>
        <translation>Kind of year</translation>
    </message>
    <message>
        <source>Källor</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Jury</source>
        <translation>Jury</translation>
    </message>
    <message>
        <source> (ordf.)</source>
        <translation> (chair)</translation>
    </message>
    <message>
        <source>(heter numera %1)</source>
        <translation>(now called %1)</translation>
    </message>
    <message>
        <source>Ordförande:</source>
        <translation>Chair:</translation>
    </message>
    <message>
        <source>Juryns motivering</source>
        <translation>The jury&apos;s citation</translation>
    </message>
    <message>
        <source>Citat</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>Nomineringar i programmet (%1)</source>
        <translation>Nominations in the program (%1)</translation>
    </message>
    <message>
        <source>Inga nomineringar registrerade för året (antalet ovan, om känt).</source>
        <translation>No nominations recorded for the year (the number above, if known).</translation>
    </message>
    <message>
        <source>Alla uppgifter dokumentet behöver är kända.</source>
        <translation>Everything the document needs is known.</translation>
    </message>
    <message>
        <source>Saknas i dokumentet (inte känt):</source>
        <translation>Missing from the document (not known):</translation>
    </message>
    <message>
        <source>Nomineringar (%1)</source>
        <translation type="vanished">Nominations (%1)</translation>
    </message>
    <message>
        <source>Inga nomineringar registrerade.</source>
        <translation>No nominations recorded.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Vinnare</source>
        <translation>Winner</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Stadsdelsområde</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Nomineringar</source>
        <translation>Nominations</translation>
    </message>
    <message>
        <source>uppgift saknas</source>
        <translation>not recorded</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Sök i alla år: vinnare, organisationer, jury, motiveringar, citat, teman…</source>
        <translation>Search all years: winners, organisations, jury, citations, quotes, themes…</translation>
    </message>
    <message>
        <source>Sök i historiken</source>
        <translation>Search the history</translation>
    </message>
    <message>
        <source>Visa &amp;diplom</source>
        <translation>Show &amp;diploma</translation>
    </message>
    <message>
        <source>Visa &amp;pressmeddelande</source>
        <translation>Show &amp;press release</translation>
    </message>
    <message>
        <source>&amp;Redigera året…</source>
        <translation>&amp;Edit the year…</translation>
    </message>
    <message>
        <source>Årsöversikt</source>
        <translation>Year overview</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Nomineringar per år</source>
        <translation>Nominations per year</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Inga år registrerade ännu.</source>
        <translation>No years recorded yet.</translation>
    </message>
    <message>
        <source>Vinnare per stadsdelsområde</source>
        <translation>Winners per district</translation>
    </message>
    <message>
        <source>Inga vinnare registrerade ännu.</source>
        <translation>No winners recorded yet.</translation>
    </message>
    <message>
        <source>Bygger sökindex…</source>
        <translation>Building the search index…</translation>
    </message>
    <message numerus="yes">
        <source>%n träffar</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message>
        <source>1 träff</source>
        <translation type="vanished">1 hit</translation>
    </message>
    <message>
        <source>%1 träffar</source>
        <translation type="vanished">%1 hits</translation>
    </message>
    <message>
        <source> (visar %1)</source>
        <translation> (showing %1)</translation>
    </message>
    <message>
        <source>Uppgift saknas för år %1.</source>
        <translation>Nothing recorded for %1.</translation>
    </message>
    <message>
        <source>Vinnaren %1 är inte känd: diplom och pressmeddelande kan inte skapas.</source>
        <translation>The %1 winner is not known: no diploma or press release can be made.</translation>
    </message>
    <message>
        <source>Året har inget beslut: diplom och pressmeddelande saknas.</source>
        <translation type="vanished">The year has no decision: there is no diploma or press release.</translation>
    </message>
</context>
<context>
    <name>Jury</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JuryModel</name>
    <message>
        <source>Ordförande</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Ledamot</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>%1
(dubbelklicka eller tryck F2 för att ändra)</source>
        <translation>%1
(double-click or press F2 to change)</translation>
    </message>
    <message>
        <source>Ingen titel</source>
        <translation>No title</translation>
    </message>
    <message>
        <source>Namnet som det trycks detta år (dubbelklicka för att ändra).</source>
        <translation>The name as printed this year (double-click to change).</translation>
    </message>
    <message>
        <source>Heter numera %1.</source>
        <translation>Now called %1.</translation>
    </message>
    <message>
        <source>%1 poäng satta</source>
        <translation>Scores given: %1</translation>
    </message>
    <message>
        <source>Namn detta år</source>
        <translation>Name this year</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>Titel detta år</source>
        <translation>Title this year</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>JuryPanel</name>
    <message>
        <source>Jury</source>
        <translation>Jury</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Kopiera fjolårets jury</source>
        <translation>Copy last year&apos;s jury</translation>
    </message>
    <message>
        <source>Gör till ordförande</source>
        <translation>Make chair</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta ned</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Jury %1</source>
        <translation>Jury %1</translation>
    </message>
    <message>
        <source>Juryn är tom. Lägg till personer eller kopiera fjolårets jury.</source>
        <translation>The jury is empty. Add people or copy last year&apos;s jury.</translation>
    </message>
    <message>
        <source>Juryn saknar ordförande – välj en och klicka «Gör till ordförande».</source>
        <translation>The jury has no chair – select one and click “Make chair”.</translation>
    </message>
    <message>
        <source>%1 ledamöter. Dubbelklicka på en titel för att ändra den.</source>
        <translation type="vanished">Jury members: %1. Double-click a title to change it.</translation>
    </message>
    <message numerus="yes">
        <source>%n ledamöter. Dubbelklicka på en titel för att ändra den.</source>
        <translation>
            <numerusform>%n member. Double-click a title to change it.</numerusform>
            <numerusform>%n members. Double-click a title to change it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Jurymedlemmen finns inte längre i listan.</source>
        <translation>The jury member is no longer in the list.</translation>
    </message>
    <message>
        <source>Det finns ingen jury från ett tidigare år att kopiera.</source>
        <translation>There is no jury from an earlier year to copy.</translation>
    </message>
    <message>
        <source>Juryn från %1 är kopierad. Kontrollera titlarna för i år.</source>
        <translation>The jury from %1 has been copied. Check the titles for this year.</translation>
    </message>
    <message>
        <source>Ta bort jurymedlem</source>
        <translation>Remove juror</translation>
    </message>
    <message>
        <source>%1 har satt %2 poäng. Om %1 tas bort ur juryn tas alla %2 poäng bort (de finns kvar i ändringsloggen) och rangordningen räknas om.

Ta bort %1 och %2 poäng?</source>
        <translation>%1 has given %2 score(s). If %1 is removed from the jury, all %2 score(s) are removed (they remain in the change log) and the ranking is recalculated.

Remove %1 and %2 score(s)?</translation>
    </message>
    <message>
        <source>Ta bort %1 poäng</source>
        <translation>Remove %1 score(s)</translation>
    </message>
    <message>
        <source>Ta bort %1 ur juryn %2?</source>
        <translation>Remove %1 from the %2 jury?</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>%1 har inget annat uppdrag något år (ingen jury, inget citat). Ta bort %1 ur personregistret också? Annars finns personen kvar att välja ett annat år, listad bland personer utan uppdrag.</source>
        <translation>%1 has no other role in any year (no jury, no quote). Remove %1 from the register of people too? Otherwise the person stays available for another year, listed among people without a role.</translation>
    </message>
    <message>
        <source>Personer utan uppdrag</source>
        <translation>People without a role</translation>
    </message>
    <message>
        <source>Ta bort ur registret</source>
        <translation>Remove from the register</translation>
    </message>
</context>
<context>
    <name>JuryTab</name>
    <message>
        <source>Fatta beslut…</source>
        <translation type="vanished">Decide…</translation>
    </message>
    <message>
        <source>Juryprotokoll…</source>
        <translation type="vanished">Jury minutes…</translation>
    </message>
    <message>
        <source>Fatta &amp;beslut…</source>
        <translation>&amp;Decide…</translation>
    </message>
    <message>
        <source>Juryproto&amp;koll…</source>
        <translation>Jury &amp;minutes…</translation>
    </message>
    <message>
        <source>Prisåret %1 är inte skapat ännu. Skapa det med «Skapa prisåret…» ovanför flikarna eller Arkiv → Nytt prisår.</source>
        <translation type="vanished">Award year %1 has not been created yet. Create it with “Create the award year…” above the tabs or File → New award year.</translation>
    </message>
    <message>
        <source>Prisåret %1 är inte skapat ännu. Skapa det med knappen «Skapa prisåret %1…» ovanför flikarna.</source>
        <translation>Award year %1 has not been created yet. Create it with the button “Create award year %1…” above the tabs.</translation>
    </message>
    <message>
        <source>Juryns arbete %1</source>
        <translation>Jury work %1</translation>
    </message>
    <message>
        <source>Inget beslut ännu.</source>
        <translation>No decision yet.</translation>
    </message>
    <message>
        <source>Beslut kan inte fattas ännu: %1</source>
        <translation>No decision can be made yet: %1</translation>
    </message>
    <message>
        <source>Beslut: %1 vinner</source>
        <translation>Decision: %1 wins</translation>
    </message>
    <message>
        <source>Beslut: ingen känd vinnare</source>
        <translation>Decision: no known winner</translation>
    </message>
    <message>
        <source> (beslutat %1)</source>
        <translation> (decided %1)</translation>
    </message>
    <message>
        <source> · hedersomnämnande: %1</source>
        <translation> · honourable mention: %1</translation>
    </message>
    <message>
        <source>Kan inte ändras nu: %1</source>
        <translation>Cannot be changed now: %1</translation>
    </message>
    <message>
        <source>Ändra &amp;beslut…</source>
        <translation>Change the &amp;decision…</translation>
    </message>
    <message>
        <source>Ändra beslut…</source>
        <translation type="vanished">Change decision…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Planering</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Nominering öppen</source>
        <translation>Nominations open</translation>
    </message>
    <message>
        <source>Juryn arbetar</source>
        <translation>Jury at work</translation>
    </message>
    <message>
        <source>Beslutat</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Publicerat</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Projekt</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Okänd</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Inkommen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Behörig</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Ej behörig</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Nominerad till final</source>
        <translation>Shortlisted</translation>
    </message>
    <message>
        <source>Vinnare</source>
        <translation>Winner</translation>
    </message>
    <message>
        <source>Hedersomnämnande</source>
        <translation>Honourable mention</translation>
    </message>
    <message>
        <source>Ej vald</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <source>Återtagen</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Ordförande</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Ledamot</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Körs i programmet</source>
        <translation>Run in the program</translation>
    </message>
    <message>
        <source>Efterhandsregistrerat</source>
        <translation>Registered afterwards</translation>
    </message>
    <message>
        <source>Nominering</source>
        <translation>Nomination</translation>
    </message>
    <message>
        <source>Jury</source>
        <translation>Jury</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Citat</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Programmet visas på svenska nästa gång det startas.</source>
        <translation>The program will be shown in Swedish the next time it starts.</translation>
    </message>
    <message>
        <source>Programmet visas på engelska nästa gång det startas.</source>
        <translation>The program will be shown in English the next time it starts.</translation>
    </message>
    <message>
        <source>Miljövariabeln %1 är satt och går före det här valet.</source>
        <translation>The environment variable %1 is set and takes precedence over this choice.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nomineringar</source>
        <translation>Nominations</translation>
    </message>
    <message>
        <source>Jury</source>
        <translation>Jury</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Prisår</source>
        <translation>Award year</translation>
    </message>
    <message>
        <source>Skapa prisåret…</source>
        <translation>Create the award year…</translation>
    </message>
    <message>
        <source>Öppnar databasen…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>&amp;Prisår:</source>
        <translation>&amp;Award year:</translation>
    </message>
    <message>
        <source>Ändringen var för stor för att kunna ångras här. En säkerhetskopia togs före den (Arkiv → Återställ…).</source>
        <translation>The change was too large to be undone here. A backup was made before it (File → Restore…).</translation>
    </message>
    <message>
        <source>Visar ändringar som sparats någon annanstans.</source>
        <translation>Showing changes saved elsewhere.</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Ny n&amp;ominering…</source>
        <translation>New n&amp;omination…</translation>
    </message>
    <message>
        <source>&amp;Nytt prisår…</source>
        <translation>&amp;New award year…</translation>
    </message>
    <message>
        <source>&amp;Redigera prisåret…</source>
        <translation>&amp;Edit the award year…</translation>
    </message>
    <message>
        <source>&amp;Importera…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Personregister…</source>
        <translation>&amp;People…</translation>
    </message>
    <message>
        <source>Importera &amp;arkivlista…</source>
        <translation>Import &amp;archive list…</translation>
    </message>
    <message>
        <source>&amp;Säkerhetskopiera…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>Å&amp;terställ…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>I&amp;nställningar…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>A&amp;vsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Sök</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Dokument</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Diplom…</source>
        <translation>&amp;Diploma…</translation>
    </message>
    <message>
        <source>&amp;Pressmeddelande…</source>
        <translation>&amp;Press release…</translation>
    </message>
    <message>
        <source>&amp;Alla dokument för året…</source>
        <translation>&amp;All documents for the year…</translation>
    </message>
    <message>
        <source>&amp;Juryprotokoll…</source>
        <translation>&amp;Jury minutes…</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Handbok</source>
        <translation>&amp;Handbook</translation>
    </message>
    <message>
        <source>&amp;Om programmet</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>%1 (ej skapat)</source>
        <translation>%1 (not created)</translation>
    </message>
    <message>
        <source>Prisåret %1 är inte skapat.</source>
        <translation>Award year %1 has not been created.</translation>
    </message>
    <message>
        <source>&amp;Skapa prisåret %1…</source>
        <translation>&amp;Create award year %1…</translation>
    </message>
    <message>
        <source>Skapa prisåret %1…</source>
        <translation type="vanished">Create award year %1…</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n nomineringar %1 · %2 prisår i arkivet</source>
        <translation>
            <numerusform>%n nomination %1 · award years in the archive: %2</numerusform>
            <numerusform>%n nominations %1 · award years in the archive: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>1 nominering %2 · %3 prisår i arkivet</source>
        <translation type="vanished">Nominations %2: 1 · award years in the archive: %3</translation>
    </message>
    <message>
        <source>%1 nomineringar %2 · %3 prisår i arkivet</source>
        <translation type="vanished">Nominations %2: %1 · award years in the archive: %3</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Inställningarna kommer i en senare version.</source>
        <translation>Settings will come in a later version.</translation>
    </message>
    <message>
        <source>Ångra eller gör om</source>
        <translation>Undo or redo</translation>
    </message>
    <message>
        <source>Om Trygghetspris Desktop</source>
        <translation>About Trygghetspris Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trygghetspris Desktop %1&lt;/h3&gt;&lt;p&gt;Program för att administrera Stockholms stads trygghetspris: nomineringar, jury, beslut, diplom och pressmeddelanden.&lt;/p&gt;&lt;p&gt;Databas: %2&lt;br&gt;Säkerhetskopior: %3&lt;br&gt;Logg: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trygghetspris Desktop %1&lt;/h3&gt;&lt;p&gt;A program for administering Stockholms stads trygghetspris (the City of Stockholm&apos;s safety prize): nominations, jury, decisions, diplomas and press releases.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Backups: %3&lt;br&gt;Log: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>Nytt prisår</source>
        <translation>New award year</translation>
    </message>
    <message>
        <source>Årets tema (kan lämnas tomt)</source>
        <translation>The year&apos;s theme (may be left empty)</translation>
    </message>
    <message>
        <source>Kopiera juryn</source>
        <translation>Copy the jury</translation>
    </message>
    <message>
        <source>Kopiera bedömningskriterierna</source>
        <translation>Copy the assessment criteria</translation>
    </message>
    <message>
        <source>Kopiera tema, evenemang och prissumma</source>
        <translation>Copy theme, event and prize money</translation>
    </message>
    <message>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>År:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Slag av år:</source>
        <translation>Kind of year:</translation>
    </message>
    <message>
        <source>Tema:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Kopiera från %1:</source>
        <translation>Copy from %1:</translation>
    </message>
    <message>
        <source>Det finns inget tidigare prisår att kopiera från.</source>
        <translation>There is no earlier award year to copy from.</translation>
    </message>
</context>
<context>
    <name>NominationForm</name>
    <message>
        <source>T.ex. vad en förkortning står för</source>
        <translation>E.g. what an abbreviation stands for</translation>
    </message>
    <message>
        <source>Lägg till organisation…</source>
        <translation>Add organisation…</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD (tomt = inget datum)</source>
        <translation>YYYY-MM-DD (empty = no date)</translation>
    </message>
    <message>
        <source>namn@exempel.se</source>
        <translation>name@example.se</translation>
    </message>
    <message>
        <source>08-123 456 78</source>
        <translation>08-123 456 78</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nominerad</source>
        <translation>Nominee</translation>
    </message>
    <message>
        <source>Fullständigt namn</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Stadsdelsområde</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Inkommen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nomineringstext</source>
        <translation>Nomination text</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Bilagor</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>&amp;Nominerad: *</source>
        <translation>&amp;Nominee: *</translation>
    </message>
    <message>
        <source>&amp;Fullständigt namn (fotnot):</source>
        <translation>&amp;Full name (footnote):</translation>
    </message>
    <message>
        <source>&amp;Typ:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Organisationer:</source>
        <translation>&amp;Organisations:</translation>
    </message>
    <message>
        <source>Stads&amp;delsområde:</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <source>&amp;Inkommen:</source>
        <translation>&amp;Received:</translation>
    </message>
    <message>
        <source>Nominerin&amp;gstext:</source>
        <translation>Nomination te&amp;xt:</translation>
    </message>
    <message>
        <source>Nomineringen</source>
        <translation>The nomination</translation>
    </message>
    <message>
        <source>N&amp;amn:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;E-post:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Tele&amp;fon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>O&amp;rganisation:</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>Nominerad av (personuppgifter)</source>
        <translation>Nominated by (personal data)</translation>
    </message>
    <message>
        <source>Interna anteckningar</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <source>Ny nominering %1</source>
        <translation>New nomination %1</translation>
    </message>
    <message>
        <source>Nominering: %1</source>
        <translation>Nomination: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Nomineringen sparas först när du lägger till en bilaga.</source>
        <translation>The nomination is saved first when you add an attachment.</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Spara ändringarna?</source>
        <translation>Save the changes?</translation>
    </message>
    <message>
        <source>Du har ändrat nomineringen utan att spara.</source>
        <translation>You have changed the nomination without saving.</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Släng</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Lägg till bilaga</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Alla filer (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Bilagan «%1» saknas i datamappen.</source>
        <translation type="vanished">The attachment “%1” is missing from the data folder.</translation>
    </message>
    <message>
        <source>Ta bort bilaga</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>Ta bort bilagan «%1»? Filen tas bort från datamappen.</source>
        <translation>Remove the attachment “%1”? The file is deleted from the data folder.</translation>
    </message>
</context>
<context>
    <name>NominationsModel</name>
    <message>
        <source>Nominerad</source>
        <translation>Nominee</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Stadsdelsområde</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Nominerad av</source>
        <translation>Nominated by</translation>
    </message>
    <message>
        <source>Inkommen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>NominationsTab</name>
    <message>
        <source>Sök bland nomineringar…</source>
        <translation>Search nominations…</translation>
    </message>
    <message>
        <source>Sök bland nomineringar</source>
        <translation>Search nominations</translation>
    </message>
    <message>
        <source>Filtrera på status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filtrera på stadsdelsområde</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <source>&amp;Ny nominering…</source>
        <translation>&amp;New nomination…</translation>
    </message>
    <message>
        <source>Ny nominering (Ctrl+N)</source>
        <translation>New nomination (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Redigera…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Redigera (Enter eller dubbelklick)</source>
        <translation>Edit (Enter or double-click)</translation>
    </message>
    <message>
        <source>&amp;Behörig</source>
        <translation>Eli&amp;gible</translation>
    </message>
    <message>
        <source>&amp;Ej behörig…</source>
        <translation>Not e&amp;ligible…</translation>
    </message>
    <message>
        <source>Till &amp;final</source>
        <translation>&amp;Shortlist</translation>
    </message>
    <message>
        <source>Å&amp;tertagen</source>
        <translation>&amp;Withdrawn</translation>
    </message>
    <message>
        <source>Tillbaka till I&amp;nkommen</source>
        <translation>Back to &amp;Received</translation>
    </message>
    <message>
        <source>&amp;Ta bort…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Importera CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Prisåret %1 är inte skapat ännu. Skapa det med knappen «Skapa prisåret %1…» ovanför flikarna.</source>
        <translation>Award year %1 has not been created yet. Create it with the button “Create award year %1…” above the tabs.</translation>
    </message>
    <message>
        <source>Prisåret %1 är inte skapat ännu. Skapa det med Arkiv → Nytt prisår.</source>
        <translation type="vanished">Award year %1 has not been created yet. Create it with File → New award year.</translation>
    </message>
    <message>
        <source>Alla stadsdelsområden</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>(inget stadsdelsområde)</source>
        <translation>(no district)</translation>
    </message>
    <message numerus="yes">
        <source>Visar %1 av %n nomineringar</source>
        <translation>
            <numerusform>Showing %1 of %n nomination</numerusform>
            <numerusform>Showing %1 of %n nominations</numerusform>
        </translation>
    </message>
    <message>
        <source>Till final</source>
        <translation>To the final</translation>
    </message>
    <message numerus="yes">
        <source>En nominering måste vara behörig innan den går till final. %n av de markerade är inkomna och inte prövade än:</source>
        <translation>
            <numerusform>A nomination must be eligible before it goes to the final. %n of those selected has been received and not yet assessed:</numerusform>
            <numerusform>A nomination must be eligible before it goes to the final. %n of those selected have been received and not yet assessed:</numerusform>
        </translation>
    </message>
    <message>
        <source>Markera dem som behöriga och för alla till final?</source>
        <translation>Mark them eligible and move all to the final?</translation>
    </message>
    <message>
        <source>&amp;Behörig och till final</source>
        <translation>&amp;Eligible and to the final</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n nomineringar har nu status %1.</source>
        <translation>
            <numerusform>%n nomination now has the status %1.</numerusform>
            <numerusform>%n nominations now have the status %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n nomineringar?</source>
        <translation>
            <numerusform>Remove %n nomination?</numerusform>
            <numerusform>Remove %n nominations?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nomineringar togs bort.</source>
        <translation>
            <numerusform>%n nomination removed.</numerusform>
            <numerusform>%n nominations removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Visar %1 av %2 nomineringar</source>
        <translation type="vanished">Showing %1 of %2 nominations</translation>
    </message>
    <message>
        <source>Statusen ändrades inte</source>
        <translation>The status was not changed</translation>
    </message>
    <message>
        <source>%1 nominering(ar) har nu status %2.</source>
        <translation type="vanished">%1 nomination(s) now have the status %2.</translation>
    </message>
    <message>
        <source>… och %1 till</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Ta bort nomineringen?</source>
        <translation>Delete the nomination?</translation>
    </message>
    <message>
        <source>Ta bort %1 nomineringar?</source>
        <translation type="vanished">Delete %1 nominations?</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Poäng och bilagor för dem tas också bort. (Säkerhetskopiorna finns kvar.)</source>
        <translation>Their scores and attachments are deleted too. (The backups remain.)</translation>
    </message>
    <message>
        <source>Inget togs bort</source>
        <translation>Nothing was deleted</translation>
    </message>
    <message>
        <source>%1 nominering(ar) togs bort.</source>
        <translation type="vanished">%1 nomination(s) deleted.</translation>
    </message>
    <message>
        <source>Importera nomineringar</source>
        <translation>Import nominations</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Personregister</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Personer som återkommer mellan åren: jurymedlemmar och citerade. Varje år behåller namnet som trycktes då. Personer utan uppdrag något år står sist.</source>
        <translation>People who recur across the years: jury members and quoted speakers. Each year keeps the name printed then. People with no role in any year come last.</translation>
    </message>
    <message>
        <source>Sök på namn…</source>
        <translation>Search by name…</translation>
    </message>
    <message>
        <source>&amp;Byt namn…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>&amp;Slå ihop…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <source>Markera två personer som är samma person.</source>
        <translation>Select two entries that are the same person.</translation>
    </message>
    <message>
        <source>&amp;Ta bort…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>Bara personer utan uppdrag något år.</source>
        <translation>Only people with no role in any year.</translation>
    </message>
    <message>
        <source>Byt namn</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nytt namn för %1 (tidigare år behåller namnet som trycktes då):</source>
        <translation>New name for %1 (earlier years keep the name printed then):</translation>
    </message>
    <message>
        <source>%1 heter nu %2.</source>
        <translation>%1 is now called %2.</translation>
    </message>
    <message>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Slå ihop %1 och %2 till en person? Jurystolar och citat flyttas över och behåller namnet som trycktes det året. En säkerhetskopia tas först.</source>
        <translation>Merge %1 and %2 into one person? Jury seats and quotes move over and keep the name printed that year. A backup is taken first.</translation>
    </message>
    <message>
        <source>Vilket namn ska personen ha nu?</source>
        <translation>Which name should the person have now?</translation>
    </message>
    <message>
        <source>%1 och %2 är nu en person: %3.</source>
        <translation>%1 and %2 are now one person: %3.</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort %1 ur personregistret? Personen har inget uppdrag något år.</source>
        <translation>Remove %1 from the register of people? They have no role in any year.</translation>
    </message>
    <message>
        <source>Togs bort: %1.</source>
        <translation>Removed: %1.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Sitter redan i årets jury</source>
        <translation>Already on this year&apos;s jury</translation>
    </message>
    <message>
        <source>Har även tryckts som: %1</source>
        <translation>Also printed as: %1</translation>
    </message>
    <message>
        <source>inget uppdrag något år</source>
        <translation>no role in any year</translation>
    </message>
    <message>
        <source>jury %1</source>
        <translation>jury %1</translation>
    </message>
    <message>
        <source>citat %1</source>
        <translation>quote %1</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Senaste titel</source>
        <translation>Latest title</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Years</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <source>Lägg till jurymedlem %1</source>
        <translation>Add juror %1</translation>
    </message>
    <message>
        <source>Sök på namn…</source>
        <translation>Search by name…</translation>
    </message>
    <message>
        <source>Titel detta år (förifylld med den senaste)</source>
        <translation>Title this year (prefilled with the latest)</translation>
    </message>
    <message>
        <source>&amp;Sök bland personer från tidigare år:</source>
        <translation>&amp;Search people from earlier years:</translation>
    </message>
    <message>
        <source>&amp;Titel detta år:</source>
        <translation>&amp;Title this year:</translation>
    </message>
    <message>
        <source>För- och efternamn</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <source>t.ex. social- och trygghetsborgarråd</source>
        <translation>e.g. social- och trygghetsborgarråd</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>T&amp;itel detta år:</source>
        <translation>T&amp;itle this year:</translation>
    </message>
    <message>
        <source>Tidigare person</source>
        <translation>Earlier person</translation>
    </message>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Lägg till i juryn</source>
        <translation>Add to the jury</translation>
    </message>
    <message>
        <source>Välj en person i listan, eller lägg till en ny person.</source>
        <translation>Choose a person in the list, or add a new person.</translation>
    </message>
</context>
<context>
    <name>ProtocolAction</name>
    <message>
        <source>Juryprotokoll</source>
        <translation>Jury minutes</translation>
    </message>
    <message>
        <source>Juryprotokoll %1</source>
        <translation>Jury minutes %1</translation>
    </message>
    <message>
        <source>Spara juryprotokollet %1</source>
        <translation>Save the jury minutes %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Kunde inte spara %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
</context>
<context>
    <name>QuotesEditor</name>
    <message>
        <source>Lägg till citat</source>
        <translation>Add quote</translation>
    </message>
    <message>
        <source>Annan person…</source>
        <translation>Other person…</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Upp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Valfri inledning, t.ex. «Mats Löfving, regionpolischef, om IGOR:»</source>
        <translation>Optional introduction, e.g. «Mats Löfving, regionpolischef, om IGOR:»</translation>
    </message>
    <message>
        <source>Citatet, utan «säger …» på slutet</source>
        <translation>The quote, without «säger …» at the end</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Titel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Inledning:</source>
        <translation>Introduction:</translation>
    </message>
    <message>
        <source>Citattext:</source>
        <translation>Quote text:</translation>
    </message>
    <message>
        <source>(namn saknas)</source>
        <translation>(name missing)</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Nominering</source>
        <translation>Nomination</translation>
    </message>
    <message>
        <source>Viktat medel</source>
        <translation>Weighted mean</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Spridning</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Poäng</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Jurymedl.</source>
        <translation>Jurors</translation>
    </message>
    <message>
        <source>Jäv</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Medelvärdet av jurymedlemmarnas viktade medel (jäv räknas inte)</source>
        <translation>The mean of the jurors&apos; weighted means (conflicts of interest not counted)</translation>
    </message>
    <message>
        <source>Median av jurymedlemmarnas viktade medel</source>
        <translation>The median of the jurors&apos; weighted means</translation>
    </message>
    <message>
        <source>Standardavvikelse: hur oense juryn är</source>
        <translation>Standard deviation: how much the jury disagrees</translation>
    </message>
    <message>
        <source>Antal satta poäng som räknas</source>
        <translation>Number of given scores that count</translation>
    </message>
    <message>
        <source>Jurymedlemmar vars poäng räknas</source>
        <translation>Jurors whose scores count</translation>
    </message>
    <message>
        <source>Jurymedlemmar med jäv</source>
        <translation>Jurors with a conflict of interest</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>Rangordning</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Viktat medel över jurymedlemmar utan jäv; spridning = standardavvikelse mellan jurymedlemmarna.</source>
        <translation>Weighted mean over jurors without a conflict of interest; spread = standard deviation between the jurors.</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>Skrivskyddat: %1</source>
        <translation>Read-only: %1</translation>
    </message>
    <message>
        <source>Varning: %1</source>
        <translation>Warning: %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Ej behörig</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source> och %1 till</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>Varför är %1 inte behörig? Orsaken sparas med nomineringen.</source>
        <translation>Why is %1 not eligible? The reason is saved with the nomination.</translation>
    </message>
    <message>
        <source>T.ex. verksamheten ligger utanför staden</source>
        <translation>E.g. the activity is outside the city</translation>
    </message>
    <message>
        <source>Ange en orsak när en nominering inte är behörig.</source>
        <translation>Give a reason when a nomination is not eligible.</translation>
    </message>
</context>
<context>
    <name>RoleLimits</name>
    <message>
        <source>Begränsad behörighet</source>
        <translation>Limited rights</translation>
    </message>
</context>
<context>
    <name>ScoreModel</name>
    <message>
        <source>%1
Vikt %2, skala %3–%4</source>
        <translation>%1
Weight %2, scale %3–%4</translation>
    </message>
    <message>
        <source>jäv</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>%1 har anmält jäv: %2</source>
        <translation>%1 has declared a conflict of interest: %2</translation>
    </message>
    <message>
        <source>Poäng saknas – skriv %1–%2</source>
        <translation>Score missing – type %1–%2</translation>
    </message>
    <message>
        <source>%1: %2 (skala %3–%4)</source>
        <translation>%1: %2 (scale %3–%4)</translation>
    </message>
    <message>
        <source>Nominering</source>
        <translation>Nomination</translation>
    </message>
    <message>
        <source>Kriterium</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>ordförande</source>
        <translation>chair</translation>
    </message>
    <message>
        <source>ledamot</source>
        <translation>member</translation>
    </message>
    <message>
        <source>%1, %2 (%3)
%4 av %5 poäng satta</source>
        <translation>%1, %2 (%3)
%4 of %5 scores given</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>Skriv en siffra i cellen: Enter sparar och går nedåt, Tab åt höger. Delete tar bort en poäng. Högerklicka för jäv.</source>
        <translation>Type a number in the cell: Enter saves and moves down, Tab moves right. Delete removes a score. Right-click for conflicts of interest.</translation>
    </message>
    <message>
        <source>Poängsättning</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Visa alla behöriga nomineringar</source>
        <translation>Show all eligible nominations</translation>
    </message>
    <message>
        <source>Annars visas bara nomineringarna som gått till final.</source>
        <translation>Otherwise only the shortlisted nominations are shown.</translation>
    </message>
    <message>
        <source>Jäv…</source>
        <translation type="vanished">Conflict…</translation>
    </message>
    <message>
        <source>&amp;Jäv…</source>
        <translation>&amp;Conflict of interest…</translation>
    </message>
    <message>
        <source>Anmäl jäv för jurymedlemmen och nomineringen i den markerade cellen</source>
        <translation>Declare a conflict of interest for the juror and the nomination in the selected cell</translation>
    </message>
    <message>
        <source>Ta bort jäv</source>
        <translation>Remove conflict</translation>
    </message>
    <message>
        <source>jurymedlemmar</source>
        <translation>jurors</translation>
    </message>
    <message>
        <source>kriterier</source>
        <translation>criteria</translation>
    </message>
    <message>
        <source>behöriga nomineringar</source>
        <translation>eligible nominations</translation>
    </message>
    <message>
        <source>nomineringar till final</source>
        <translation>shortlisted nominations</translation>
    </message>
    <message>
        <source>Att poängsätta kräver %1.</source>
        <translation>Scoring requires %1.</translation>
    </message>
    <message>
        <source> och </source>
        <comment>joins the missing things</comment>
        <translation> and </translation>
    </message>
    <message>
        <source>Ifyllt %1 av %2 · %3</source>
        <translation>Filled in %1 of %2 · %3</translation>
    </message>
    <message>
        <source>Den sparade poängen gäller.</source>
        <translation>The saved score stands.</translation>
    </message>
    <message>
        <source>Ändra &amp;jäv…</source>
        <translation>Change the &amp;conflict of interest…</translation>
    </message>
    <message>
        <source>Ändra jäv…</source>
        <translation type="vanished">Change conflict…</translation>
    </message>
    <message>
        <source>Markera en cell i en jurymedlems kolumn först.</source>
        <translation>Select a cell in a juror&apos;s column first.</translation>
    </message>
    <message>
        <source>Ta bort jävet för %1 och «%2»? Jurymedlemmen kan då poängsätta nomineringen.</source>
        <translation>Remove the conflict of interest for %1 and “%2”? The juror can then score the nomination.</translation>
    </message>
    <message>
        <source>Rutnätet visar nu det sparade jävet.</source>
        <translation>The grid now shows the saved conflict of interest.</translation>
    </message>
    <message>
        <source>Ändra orsak till jäv…</source>
        <translation>Change the reason for the conflict…</translation>
    </message>
    <message>
        <source>Anmäl jäv…</source>
        <translation>Declare conflict of interest…</translation>
    </message>
    <message>
        <source>Ta bort poängen</source>
        <translation>Remove the score</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Träff</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Utdrag</source>
        <translation>Excerpt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Välj logotyp…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Ta bort logotyp</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>&amp;Prisets namn:</source>
        <translation>&amp;Prize name:</translation>
    </message>
    <message>
        <source>&amp;Arrangör:</source>
        <translation>&amp;Organiser:</translation>
    </message>
    <message>
        <source>A&amp;dress:</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Webbplats:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>Logotyp:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>t.ex. Om Stockholms stad</source>
        <translation>e.g. Om Stockholms stad</translation>
    </message>
    <message>
        <source>Platshållare: {vinnare} vinnarens namn, {pris} prisets namn, {år} året, {organisationer} vinnarens organisationer.</source>
        <translation>Placeholders: {vinnare} the winner&apos;s name, {pris} the prize&apos;s name, {år} the year, {organisationer} the winner&apos;s organisations.</translation>
    </message>
    <message>
        <source>&amp;Rubrikmall:</source>
        <translation>&amp;Headline template:</translation>
    </message>
    <message>
        <source>«Om»-&amp;rubrik:</source>
        <translation>“About” &amp;heading:</translation>
    </message>
    <message>
        <source>«Om»-te&amp;xt:</source>
        <translation>“About” te&amp;xt:</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Kontakterna står sist i varje års pressmeddelande. Dubbelklicka för att ändra.</source>
        <translation>The contacts appear at the end of each year&apos;s press release. Double-click to change.</translation>
    </message>
    <message>
        <source>kronor, t.ex. 50000</source>
        <translation>kronor, e.g. 50000</translation>
    </message>
    <message>
        <source>Nytt stadsdelsområde (Enter)</source>
        <translation>New district (Enter)</translation>
    </message>
    <message>
        <source> månader</source>
        <translation> months</translation>
    </message>
    <message>
        <source>En bilaga som är större än så här tas inte emot (1 MB = 1 048 576 byte).</source>
        <translation>An attachment larger than this is refused (1 MB = 1,048,576 bytes).</translation>
    </message>
    <message>
        <source>Prissu&amp;mma (standard):</source>
        <translation>Prize money (&amp;default):</translation>
    </message>
    <message>
        <source>Stads&amp;delsområden:</source>
        <translation>&amp;Districts:</translation>
    </message>
    <message>
        <source>Antal säkerhets&amp;kopior att spara:</source>
        <translation>Number of &amp;backups to keep:</translation>
    </message>
    <message>
        <source>Nominerares personuppgifter sparas &amp;i:</source>
        <translation>Nominators&apos; personal data is &amp;kept for:</translation>
    </message>
    <message>
        <source>Räknat från prisårets slut. Därefter avidentifierar kommandot «trygghetspris anonymise» namn, e-post, telefon och organisation i databasen, i dess ändringslogg (vem, när och vad som ändrades står kvar) och i alla säkerhetskopior i mappen backups. Kopior du sparat på annat ställe raderar du själv.</source>
        <translation>Counted from the end of the award year. After that, the command «trygghetspris anonymise» anonymises name, e-mail, phone and organisation in the database, in its change log (who, when and what changed remain) and in every backup in the backups folder. Copies you saved elsewhere are yours to delete.</translation>
    </message>
    <message>
        <source>Största tillåtna &amp;bilaga:</source>
        <translation>Largest &amp;attachment allowed:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Texter</source>
        <translation>Texts</translation>
    </message>
    <message>
        <source>Presskontakter</source>
        <translation>Press contacts</translation>
    </message>
    <message>
        <source>Pris och data</source>
        <translation>Prize and data</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ingen logotyp</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Kan inte visas</source>
        <translation>Cannot be shown</translation>
    </message>
    <message>
        <source>Välj logotyp</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Logotyp: välj en PNG-, JPG- eller SVG-fil (%1 går inte att använda).</source>
        <translation>Logo: choose a PNG, JPG or SVG file (%1 cannot be used).</translation>
    </message>
    <message>
        <source>Logotyp: %1 går inte att läsa som bild.</source>
        <translation>Logo: %1 cannot be read as an image.</translation>
    </message>
    <message>
        <source> – obs: diplom och pressmeddelande kräver PNG eller JPG.</source>
        <translation> – note: the diploma and press release need PNG or JPG.</translation>
    </message>
    <message>
        <source>Logotypen kunde inte kopieras: %1</source>
        <translation>The logo could not be copied: %1</translation>
    </message>
</context>
<context>
    <name>SimilarNamesDialog</name>
    <message>
        <source>Menar du …?</source>
        <translation>Did you mean …?</translation>
    </message>
    <message>
        <source>Det finns redan personer med liknande namn som «%1». Menar du någon av dem? Välj personen, så kopplas årets uppdrag till den (namnet som det trycks i år kan ändras i jurylistan).</source>
        <translation>There are already people with names like “%1”. Do you mean one of them? Choose the person and this year&apos;s role is linked to them (the name as printed this year can be changed in the jury list).</translation>
    </message>
    <message>
        <source>&amp;Använd vald person</source>
        <translation>&amp;Use the chosen person</translation>
    </message>
    <message>
        <source>&amp;Nej, lägg till «%1» som ny person</source>
        <translation>&amp;No, add “%1” as a new person</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>jury %1</source>
        <translation>jury %1</translation>
    </message>
    <message>
        <source>även tryckt som %1</source>
        <translation>also printed as %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Databasen är skadad; du ser det som gick att läsa. %1 Återställ en säkerhetskopia med Arkiv → Återställ…</source>
        <translation>The database is damaged; you see what could be read. %1 Restore a backup with File → Restore…</translation>
    </message>
    <message>
        <source>Databasen är skadad</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Återställ en säkerhetskopia, eller öppna det som går att läsa, skrivskyddat: då kan du titta, söka, skriva ut och exportera, men inte ändra något.</source>
        <translation>Restore a backup, or open what can be read, read-only: you can then view, search, print and export, but not change anything.</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopia…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <source>Öppna skrivskyddat</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Databasen kan inte öppnas</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Dagens säkerhetskopia kunde inte göras. %1</source>
        <translation>Today&apos;s backup could not be made. %1</translation>
    </message>
    <message>
        <source>Loggen kan inte skrivas. %1</source>
        <translation>The log cannot be written. %1</translation>
    </message>
    <message>
        <source>Databasen kunde inte öppnas.</source>
        <translation>The database could not be opened.</translation>
    </message>
</context>
<context>
    <name>StringListEdit</name>
    <message>
        <source>Lägg till (Enter)</source>
        <translation>Add (Enter)</translation>
    </message>
    <message>
        <source>Ta bort markerad</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta ned</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>ny nominering</source>
        <translation>new nomination</translation>
    </message>
    <message>
        <source>ändring av nominering</source>
        <translation>nomination edit</translation>
    </message>
    <message>
        <source>borttagna nomineringar</source>
        <translation>removed nominations</translation>
    </message>
    <message>
        <source>statusändring</source>
        <translation>status change</translation>
    </message>
    <message>
        <source>tillagd bilaga</source>
        <translation>added attachment</translation>
    </message>
    <message>
        <source>borttagen bilaga</source>
        <translation>removed attachment</translation>
    </message>
    <message>
        <source>import av nomineringar</source>
        <translation>nominations import</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>nytt prisår</source>
        <translation>new award year</translation>
    </message>
    <message>
        <source>ändring av prisåret</source>
        <translation>award year edit</translation>
    </message>
    <message>
        <source>ny jurymedlem</source>
        <translation>new juror</translation>
    </message>
    <message>
        <source>kopierad jury</source>
        <translation>copied jury</translation>
    </message>
    <message>
        <source>byte av ordförande</source>
        <translation>change of chair</translation>
    </message>
    <message>
        <source>flyttad jurymedlem</source>
        <translation>moved juror</translation>
    </message>
    <message>
        <source>ändring av jurymedlem</source>
        <translation>juror edit</translation>
    </message>
    <message>
        <source>borttagen jurymedlem</source>
        <translation>removed juror</translation>
    </message>
    <message>
        <source>borttagen person</source>
        <translation>removed person</translation>
    </message>
    <message>
        <source>nytt kriterium</source>
        <translation>new criterion</translation>
    </message>
    <message>
        <source>ändring av kriterium</source>
        <translation>criterion edit</translation>
    </message>
    <message>
        <source>borttaget kriterium</source>
        <translation>removed criterion</translation>
    </message>
    <message>
        <source>standardkriterier</source>
        <translation>standard criteria</translation>
    </message>
    <message>
        <source>poäng</source>
        <translation>score</translation>
    </message>
    <message>
        <source>jävsanmälan</source>
        <translation>conflict of interest</translation>
    </message>
    <message>
        <source>borttagen jävsanmälan</source>
        <translation>removed conflict of interest</translation>
    </message>
    <message>
        <source>beslut</source>
        <translation>decision</translation>
    </message>
    <message>
        <source>presskontakter</source>
        <translation>press contacts</translation>
    </message>
    <message>
        <source>inställningar</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>ändring</source>
        <translation>change</translation>
    </message>
</context>
<context>
    <name>YearDialog</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Redigera prisåret %1</source>
        <translation>Edit award year %1</translation>
    </message>
    <message>
        <source>Årets tema</source>
        <translation>The year&apos;s theme</translation>
    </message>
    <message>
        <source>t.ex. Trygghetskonferensen</source>
        <translation>e.g. Trygghetskonferensen</translation>
    </message>
    <message>
        <source>kronor, t.ex. 50000</source>
        <translation>kronor, e.g. 50000</translation>
    </message>
    <message>
        <source>En per rad: en länk, ett dokument eller ett diarienummer</source>
        <translation>One per line: a link, a document or a case number</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Standardbeloppet (%1 kr)</source>
        <translation>Default amount (SEK %1)</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Sista nomineringsdag</source>
        <translation>Nomination deadline</translation>
    </message>
    <message>
        <source>Prisutdelningens datum</source>
        <translation>Award ceremony date</translation>
    </message>
    <message>
        <source>Evenemang</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Prissumma (kr)</source>
        <translation>Prize money (SEK)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Slag av år</source>
        <translation>Kind of year</translation>
    </message>
    <message>
        <source>Källor</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Antal nomineringar</source>
        <translation>Number of nominations</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Tema:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>Sista &amp;nomineringsdag:</source>
        <translation>&amp;Nomination deadline:</translation>
    </message>
    <message>
        <source>Prisutdelningens &amp;datum:</source>
        <translation>Award ceremony &amp;date:</translation>
    </message>
    <message>
        <source>&amp;Evenemang:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>&amp;Prissumma (kr):</source>
        <translation>&amp;Prize money (SEK):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>S&amp;lag av år:</source>
        <translation>&amp;Kind of year:</translation>
    </message>
    <message>
        <source>Antal nomineringar (&amp;enligt källa):</source>
        <translation>Number of nominations (&amp;per source):</translation>
    </message>
    <message>
        <source>&amp;Källor:</source>
        <translation>S&amp;ources:</translation>
    </message>
    <message>
        <source>Året registreras i efterhand från källor: det som är känt räcker (t.ex. bara vinnare och tema). Det som inte är känt lämnas tomt och trycks aldrig.</source>
        <translation>The year is registered afterwards from sources: what is known is enough (e.g. only winner and theme). What is not known stays empty and is never printed.</translation>
    </message>
    <message>
        <source>Året körs i programmet: ett beslut kräver en jury med ordförande, juryns motivering och ett beslutsdatum. Antalet nomineringar räknas i programmet.</source>
        <translation>The year is run in the program: a decision needs a jury with a chair, the jury&apos;s citation and a decision date. The number of nominations is counted in the program.</translation>
    </message>
    <message>
        <source>(Ändras när du sparar.)</source>
        <translation>(Changes when you save.)</translation>
    </message>
</context>
</TS>
