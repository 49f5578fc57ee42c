<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <source>Signing %n file(s)…</source>
        <translation>
            <numerusform>Signing %n file…</numerusform>
            <numerusform>Signing %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignatureReportModel</name>
    <message numerus="yes">
        <source>%n signature field(s) still empty</source>
        <translation>
            <numerusform>%n signature field still empty</numerusform>
            <numerusform>%n signature fields still empty</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message numerus="yes">
        <source>VALID: %n signature(s), every check passed.</source>
        <translation>
            <numerusform>VALID: %n signature, every check passed.</numerusform>
            <numerusform>VALID: %n signatures, every check passed.</numerusform>
        </translation>
    </message>
</context>
</TS>
