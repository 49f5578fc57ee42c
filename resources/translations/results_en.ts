<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FinaliseDialog</name>
    <message numerus="yes">
        <source>Cannot be finalised yet: %n score sheet(s) not submitted.</source>
        <translation>
            <numerusform>Cannot be finalised yet: %n score sheet not submitted.</numerusform>
            <numerusform>Cannot be finalised yet: %n score sheets not submitted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing score sheet(s) excepted with a recorded reason.</source>
        <translation>
            <numerusform>%n missing score sheet excepted with a recorded reason.</numerusform>
            <numerusform>%n missing score sheets excepted with a recorded reason.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message numerus="yes">
        <source>moves more than %n place(s)</source>
        <translation>
            <numerusform>moves more than %n place</numerusform>
            <numerusform>moves more than %n places</numerusform>
        </translation>
    </message>
</context>
</TS>
