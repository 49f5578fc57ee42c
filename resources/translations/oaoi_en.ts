<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
