<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DossierBrowserPage</name>
    <message numerus="yes">
        <source>%n proposal(s)</source>
        <translation>
            <numerusform>%n proposal</numerusform>
            <numerusform>%n proposals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierReader</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsOverviewPage</name>
    <message numerus="yes">
        <source>%n evaluation event(s) in this database, with the proposals imported, the judges registered and the score sheets submitted so far.</source>
        <translation>
            <numerusform>%n evaluation event in this database, with the proposals imported, the judges registered and the score sheets submitted so far.</numerusform>
            <numerusform>%n evaluation events in this database, with the proposals imported, the judges registered and the score sheets submitted so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) not processed: import again to finish.</source>
        <translation>
            <numerusform>%n package not processed: import again to finish.</numerusform>
            <numerusform>%n packages not processed: import again to finish.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperFormsPanel</name>
    <message numerus="yes">
        <source>%n form file(s) written to %1.</source>
        <translation>
            <numerusform>%n form file written to %1.</numerusform>
            <numerusform>%n form files written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
</TS>
