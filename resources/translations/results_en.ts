<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
