<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>RosterPage</name>
    <message numerus="yes">
        <source>%n judge(s)</source>
        <translation>
            <numerusform>%n judge</numerusform>
            <numerusform>%n judges</numerusform>
        </translation>
    </message>
</context>
</TS>
