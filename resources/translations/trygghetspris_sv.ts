<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="sv_SE">
<context>
    <name>CriteriaPanel</name>
    <message numerus="yes">
        <source>%n kriterier, sammanlagd vikt %1.</source>
        <translation>
            <numerusform>%n kriterium, sammanlagd vikt %1.</numerusform>
            <numerusform>%n kriterier, sammanlagd vikt %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%n rader i filen, %1 med fel.</source>
        <translation>
            <numerusform>%n rad i filen, %1 med fel.</numerusform>
            <numerusform>%n rader i filen, %1 med fel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inga fel. %n nomineringar kan importeras.</source>
        <translation>
            <numerusform>Inga fel. %n nominering kan importeras.</numerusform>
            <numerusform>Inga fel. %n nomineringar kan importeras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Klart: %n nomineringar importerades till %1.</source>
        <translation>
            <numerusform>Klart: %n nominering importerades till %1.</numerusform>
            <numerusform>Klart: %n nomineringar importerades till %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message numerus="yes">
        <source>%n träffar</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JuryPanel</name>
    <message numerus="yes">
        <source>%n ledamöter. Dubbelklicka på en titel för att ändra den.</source>
        <translation>
            <numerusform>%n ledamot. Dubbelklicka på en titel för att ändra den.</numerusform>
            <numerusform>%n ledamöter. Dubbelklicka på en titel för att ändra den.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n nomineringar %1 · %2 prisår i arkivet</source>
        <translation>
            <numerusform>%n nominering %1 · %2 prisår i arkivet</numerusform>
            <numerusform>%n nomineringar %1 · %2 prisår i arkivet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NominationsTab</name>
    <message numerus="yes">
        <source>Visar %1 av %n nomineringar</source>
        <translation>
            <numerusform>Visar %1 av %n nominering</numerusform>
            <numerusform>Visar %1 av %n nomineringar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>En nominering måste vara behörig innan den går till final. %n av de markerade är inkomna och inte prövade än:</source>
        <translation>
            <numerusform>En nominering måste vara behörig innan den går till final. %n av de markerade är inkommen och inte prövad än:</numerusform>
            <numerusform>En nominering måste vara behörig innan den går till final. %n av de markerade är inkomna och inte prövade än:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nomineringar har nu status %1.</source>
        <translation>
            <numerusform>%n nominering har nu status %1.</numerusform>
            <numerusform>%n nomineringar har nu status %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n nomineringar?</source>
        <translation>
            <numerusform>Ta bort %n nominering?</numerusform>
            <numerusform>Ta bort %n nomineringar?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nomineringar togs bort.</source>
        <translation>
            <numerusform>%n nominering togs bort.</numerusform>
            <numerusform>%n nomineringar togs bort.</numerusform>
        </translation>
    </message>
</context>
</TS>
