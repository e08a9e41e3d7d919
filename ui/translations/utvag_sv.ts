<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AccessLogView</name>
    <message>
        <location filename="../casework/access_log_view.py" line="+64"/>
        <source>The whole log</source>
        <extracomment>Rows shown at most (the newest); the export has them all. The periods offered: days back from today (None: the whole log).</extracomment>
        <translation>Hela loggen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Access log</source>
        <translation>Loggkontroll</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case number, e.g. UV-2026-0001; empty: every case</source>
        <translation>Ärendenummer, t.ex. UV-2026-0001; tomt: alla ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Every user</source>
        <translation>Alla användare</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only &amp;reading a case (not changes)</source>
        <translation>Bara när ett ärende &amp;lästes (inte ändringar)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access log entries</source>
        <translation>Loggposter om åtkomst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportera CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Case:</source>
        <translation>Ä&amp;rende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every opening of a case is logged with who and when, never what was read. Use it for log follow-up; the audit log has every other event.</source>
        <translation>Varje gång ett ärende öppnas loggas vem och när – aldrig vad som lästes. Använd den vid logguppföljning; granskningsloggen har alla andra händelser.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reading the access log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Showing the newest %n entry(ies);</source>
        <translation>
            <numerusform>Visar den nyaste posten (%n);</numerusform>
            <numerusform>Visar de %n nyaste posterna;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the export has all %n.</source>
        <translation>
            <numerusform>exporten har alla (%n).</numerusform>
            <numerusform>exporten har alla %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n entry(ies).</source>
        <translation>
            <numerusform>%n post.</numerusform>
            <numerusform>%n poster.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The exported file will NOT be encrypted.</source>
        <translation>Den exporterade filen blir INTE krypterad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It names users and case numbers. Save it only where your organisation allows, and delete it when the log follow-up is done.</source>
        <translation>Den innehåller användare och ärendenummer. Spara den bara där er organisation tillåter det, och radera den när logguppföljningen är klar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the access log</source>
        <translation>Exportera loggkontrollen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n entry(ies) exported (not encrypted) to {file}.</source>
        <translation>
            <numerusform>%n post exporterades (inte krypterad) till {file}.</numerusform>
            <numerusform>%n poster exporterades (inte krypterade) till {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting the access log…</source>
        <translation>Exporterar loggen…</translation>
    </message>
</context>
<context>
    <name>AccessPeriod</name>
    <message numerus="yes">
        <location line="-186"/>
        <source>The last %n day(s)</source>
        <translation>
            <numerusform>Den senaste %n dagen</numerusform>
            <numerusform>De senaste %n dagarna</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="+261"/>
        <source>New agreement</source>
        <translation>Ny överenskommelse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Signed on:</source>
        <translation>&amp;Undertecknad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid until:</source>
        <translation>&amp;Gäller till:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ummary:</source>
        <translation>S&amp;ammanfattning:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Conditions:</source>
        <translation>&amp;Villkor:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One condition per line</source>
        <translation>Ett villkor per rad</translation>
    </message>
</context>
<context>
    <name>AgreementsSection</name>
    <message>
        <location filename="../case_view/agreements_section.py" line="+70"/>
        <source>Agreements and conditions</source>
        <translation>Överenskommelser och villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement, condition or breach</source>
        <translation>Överenskommelse, villkor eller brott mot villkor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dates</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements, conditions and breaches</source>
        <translation>Överenskommelser, villkor och brott mot villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New a&amp;greement…</source>
        <translation>Ny ö&amp;verenskommelse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add con&amp;dition…</source>
        <translation>Lägg till v&amp;illkor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;breach…</source>
        <translation>Registrera &amp;brott mot villkor…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>signed {signed}, valid until {until}</source>
        <translation>undertecknad {signed}, gäller till {until}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agreement</source>
        <translation>Överenskommelse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breach: {what}</source>
        <translation>Brott mot villkor: {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consequence: {what}</source>
        <translation>Följd: {what}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message numerus="yes">
        <location filename="../../desktop/app.py" line="+97"/>
        <source>Utväg locked itself after %n minute(s) without activity.</source>
        <extracomment>A dynamic property of the application: our Ctrl+Enter filter is installed.</extracomment>
        <translation>
            <numerusform>Utväg låstes automatiskt efter %n minut utan aktivitet.</numerusform>
            <numerusform>Utväg låstes automatiskt efter %n minuter utan aktivitet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+211"/>
        <source>Utväg locked because the computer went to sleep.</source>
        <extracomment>The OS-lock watch (D-Bus on Linux) starts with the first session: before it there is nothing to lock and no quick-unlock key to wipe, and connecting to the buses would hold up the unlock window (issue 17).</extracomment>
        <translation>Utväg låstes eftersom datorn gick i viloläge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer had been asleep.</source>
        <translation>Utväg låste sig eftersom datorn hade sovit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer&apos;s screen was locked.</source>
        <translation>Utväg låstes eftersom datorns skärm låstes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes that had not been saved were discarded.</source>
        <translation>Ändringar som inte hade sparats har gått förlorade.</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../record_dialogs/decision_dialogs.py" line="+170"/>
        <source>Appeal</source>
        <translation>Överklagande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lodged on:</source>
        <translation>&amp;Inkom den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Court:</source>
        <translation>&amp;Domstol:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>AppealOutcome</name>
    <message>
        <location filename="../kit/vocab.py" line="+124"/>
        <source>the appeal was rejected</source>
        <translation>överklagandet avslogs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the decision was changed</source>
        <translation>beslutet ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned to the board</source>
        <translation>återförvisat till nämnden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the appeal was dismissed</source>
        <translation>överklagandet avvisades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the appeal was withdrawn</source>
        <translation>överklagandet återkallades</translation>
    </message>
</context>
<context>
    <name>AppealOutcomeDialog</name>
    <message>
        <location filename="../record_dialogs/decision_dialogs.py" line="+10"/>
        <source>Outcome of the appeal</source>
        <translation>Utfall av överklagandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decided on:</source>
        <translation>&amp;Avgjort den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>AssessmentOccasion</name>
    <message>
        <location filename="../kit/vocab.py" line="-24"/>
        <source>at intake</source>
        <translation>vid inskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new assessment</source>
        <translation>ny bedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at a follow-up</source>
        <translation>vid uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at closing</source>
        <translation>vid avslut</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../kit/audit_text.py" line="+30"/>
        <source>Encrypted database created</source>
        <extracomment>Written by storage.vault.opening for failed unlocks (no key, so no name, existed then).</extracomment>
        <translation>Den krypterade databasen skapades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utväg unlocked</source>
        <translation>Utväg låstes upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed attempts to unlock</source>
        <translation>Misslyckade försök att låsa upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utväg locked</source>
        <translation>Utväg låstes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase chosen with the recovery code</source>
        <translation>Ny lösenfras valdes med återställningskoden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase changed</source>
        <translation>Lösenfrasen byttes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption keys and recovery code renewed</source>
        <translation>Krypteringsnycklar och återställningskod förnyades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted key renewal completed</source>
        <translation>Ett avbrutet nyckelbyte slutfördes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted key renewal undone (the old keys apply)</source>
        <translation>Ett avbrutet nyckelbyte drogs tillbaka (de gamla nycklarna gäller)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A logged key change never took effect</source>
        <translation>En loggad nyckeländring genomfördes aldrig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit log exported for log follow-up</source>
        <translation>Granskningsloggen exporterades för logguppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store bound to this computer&apos;s keyring again (new device key)</source>
        <translation>Databasen knöts på nytt till datorns nyckelring (ny enhetsnyckel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card added as a way to unlock</source>
        <translation>Smartkort lades till som sätt att låsa upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card added again</source>
        <translation>Smartkort lades till på nytt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card removed as a way to unlock</source>
        <translation>Smartkort togs bort som sätt att låsa upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ways to unlock listed</source>
        <translation>Sätten att låsa upp visades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick-unlock PIN chosen</source>
        <translation>PIN-kod för snabbupplåsning valdes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code practised</source>
        <translation>Återställningskoden övades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code not yet confirmed shown again</source>
        <translation>Återställningskod som inte bekräftats visades igen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovery code confirmed written down</source>
        <translation>Återställningskoden bekräftades nedskriven</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A kept recovery code that no longer works was removed</source>
        <translation>En sparad återställningskod som inte längre gäller togs bort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup made</source>
        <translation>Säkerhetskopia gjordes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup reminder interval changed</source>
        <translation>Intervallet för påminnelse om säkerhetskopia ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored from a backup</source>
        <translation>Återställd från säkerhetskopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fictional demo cases created</source>
        <translation>Fiktiva demoärenden skapades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case opened</source>
        <translation>Ärendet lades upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case looked at</source>
        <translation>Ärendet öppnades för läsning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases linked as the same person</source>
        <translation>Ärenden kopplades som samma person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link between cases removed</source>
        <translation>Koppling mellan ärenden togs bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person looked up by personal number</source>
        <translation>Person söktes på personnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner added to the register</source>
        <translation>Samverkanspart lades till i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner in the register changed</source>
        <translation>Samverkanspart i registret ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner linked to the case</source>
        <translation>Samverkanspart kopplades till ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner removed from the case</source>
        <translation>Samverkanspart togs bort från ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relocation checklist started</source>
        <translation>Flyttchecklista påbörjades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task added to the relocation checklist</source>
        <translation>Uppgift lades till i flyttchecklistan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task in the relocation checklist changed</source>
        <translation>Uppgift i flyttchecklistan ändrades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task in the relocation checklist done</source>
        <translation>Uppgift i flyttchecklistan klarmarkerades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task in the relocation checklist reopened</source>
        <translation>Uppgift i flyttchecklistan öppnades igen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access log exported</source>
        <translation>Åtkomstloggen exporterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document printed</source>
        <translation>Handling skrevs ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document exported as a file</source>
        <translation>Handling exporterades som fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract saved as a PDF file</source>
        <translation>Utdrag sparades som PDF-fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract printed</source>
        <translation>Utdrag skrevs ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases looked up for a register extract</source>
        <translation>Ärenden söktes för ett registerutdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ground for withholding added</source>
        <translation>Sekretessgrund lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ground for withholding changed</source>
        <translation>Sekretessgrund ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders exported as a calendar</source>
        <translation>Påminnelser exporterades som kalender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case details changed</source>
        <translation>Ärendeuppgifter ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status changed</source>
        <translation>Ärendets status ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemption from weeding changed</source>
        <translation>Undantag från gallring ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases imported from another system</source>
        <translation>Ärenden importerades från ett annat system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person added</source>
        <translation>Person lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal details changed</source>
        <translation>Personuppgifter ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative entered by mistake removed</source>
        <translation>Felaktigt registrerad närstående togs bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fictitious identity recorded</source>
        <translation>Fingerade personuppgifter registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected detail shown</source>
        <translation>Skyddad uppgift visades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working on the case: its protected details shown</source>
        <translation>Arbete med ärendet: dess skyddade uppgifter visades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Journal entry written</source>
        <translation>Journalanteckning skrevs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal draft started</source>
        <translation>Utkast till journalanteckning påbörjades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal draft changed</source>
        <translation>Utkast till journalanteckning ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal draft deleted</source>
        <translation>Utkast till journalanteckning togs bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal draft signed</source>
        <translation>Utkast signerades som journalanteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal template added</source>
        <translation>Journalmall lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal template changed</source>
        <translation>Journalmall ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal template deleted</source>
        <translation>Journalmall togs bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal entry corrected</source>
        <translation>Journalanteckning rättades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal entry marked as erroneous</source>
        <translation>Journalanteckning felmarkerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document added</source>
        <translation>Handling lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document opened</source>
        <translation>Handling öppnades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded</source>
        <translation>Samtycke registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent revoked</source>
        <translation>Samtycke återkallades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement recorded</source>
        <translation>Överenskommelse registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition added to an agreement</source>
        <translation>Villkor lades till i en överenskommelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breach of a condition recorded</source>
        <translation>Villkorsbrott registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervention added</source>
        <translation>Insats lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervention ended</source>
        <translation>Insats avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider control planned</source>
        <translation>Kontroll av utförare planerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider control recorded</source>
        <translation>Kontroll av utförare registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat assessment recorded</source>
        <translation>Hotbedömning registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network link added</source>
        <translation>Nätverkskoppling lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network link ended</source>
        <translation>Nätverkskoppling avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement added</source>
        <translation>Placering lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected address of a placement set</source>
        <translation>Skyddad adress för en placering registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement ended</source>
        <translation>Placering avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up recorded</source>
        <translation>Uppföljning registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up results recorded</source>
        <translation>Uppföljningsresultat registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder added</source>
        <translation>Påminnelse lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder marked as done</source>
        <translation>Påminnelse markerades som klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State grant criterion assessed</source>
        <translation>Kriterium för statsbidrag bedömdes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs assessment recorded</source>
        <translation>Behovsbedömning registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact with psychiatry or addiction care added</source>
        <translation>Kontakt med psykiatri eller beroendevård lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact with psychiatry or addiction care changed</source>
        <translation>Kontakt med psykiatri eller beroendevård ändrades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coordinated individual plan (SIP) recorded</source>
        <translation>Samordnad individuell plan (SIP) registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action added to a SIP</source>
        <translation>Åtgärd lades till i en SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action of a SIP done</source>
        <translation>Åtgärd i en SIP klarmarkerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP followed up</source>
        <translation>SIP följdes upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP ended</source>
        <translation>SIP avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision signed</source>
        <translation>Beslut signerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision corrected</source>
        <translation>Beslut rättades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification date of a decision added</source>
        <translation>Datum för delgivning av beslut lades till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal of a decision recorded</source>
        <translation>Överklagande av beslut registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome of an appeal recorded</source>
        <translation>Utgång i överklagande registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method and decision of an intervention set</source>
        <translation>Metod och beslut för en insats angavs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What a follow-up evaluates recorded</source>
        <translation>Vad en uppföljning följer upp registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason the case ended recorded</source>
        <translation>Avslutsorsak registrerades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group added to the register</source>
        <translation>Grupp lades till i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation between groups recorded</source>
        <translation>Relation mellan grupper registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider added to the register</source>
        <translation>Utförare lades till i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision added to the register</source>
        <translation>Lagrum lades till i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision in the register changed</source>
        <translation>Lagrum i registret ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method added to the register</source>
        <translation>Metod lades till i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method in the register changed</source>
        <translation>Metod i registret ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared method register imported</source>
        <translation>Delat metodregister importerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method register exported as a signed file</source>
        <translation>Metodregistret exporterat som signerad fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics exported</source>
        <translation>Statistik exporterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State grant summary exported</source>
        <translation>Sammanställning för statsbidrag exporterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National report exported</source>
        <translation>Nationell rapport exporterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National report received</source>
        <translation>Nationell rapport mottagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National tables exported</source>
        <translation>Nationella tabeller exporterade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Research project added</source>
        <translation>Forskningsprojekt tillagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pseudonymised research extract made</source>
        <translation>Pseudonymiserat forskningsuttag gjort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case weeded (deleted for good)</source>
        <translation>Ärende gallrades (raderades permanent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeding carried out</source>
        <translation>Gallring genomfördes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case shared with a colleague</source>
        <translation>Ärendet delades med en kollega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A colleague&apos;s share of the case ended</source>
        <translation>En kollegas delning av ärendet avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsibility for the case handed to a colleague</source>
        <translation>Ansvaret för ärendet lämnades över till en kollega</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes from a colleague applied</source>
        <translation>Ändringar från en kollega fördes in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicting changes resolved</source>
        <translation>Motstridiga ändringar löstes</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sync folder chosen</source>
        <translation>Synkmapp valdes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis for a handover recorded</source>
        <translation>Rättslig grund för överlämning registrerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case handed over (bundle sealed)</source>
        <translation>Ärendet överlämnades (paketet förseglades)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Handover cancelled before its bundle was written</source>
        <translation>Överlämning avbruten innan paketet skrevs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handover bundle written again</source>
        <translation>Överlämningspaketet skrevs igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt for a received handover written</source>
        <translation>Kvitto för en mottagen överlämning skrevs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bundle owed after an interruption written at unlock</source>
        <translation>Ett paket som blev oskrivet vid ett avbrott skrevs vid upplåsning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An interrupted file write finished at unlock</source>
        <translation>En avbruten filskrivning slutfördes vid upplåsning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An interrupted file write could not be put in place</source>
        <translation>En avbruten filskrivning kunde inte läggas på plats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle opened and checked</source>
        <translation>Paket öppnades och kontrollerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle sealed</source>
        <translation>Paket förseglades</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Protected details included in a handover</source>
        <translation>Skyddade uppgifter togs med i en överlämning</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>This laptop&apos;s copy of a shared case removed (stand-in share ended or case handed over)</source>
        <translation>Den här datorns kopia av ett delat ärende togs bort (ersättarskapet slutade eller ärendet lämnades över)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A colleague confirmed removing their copy of the case</source>
        <translation>En kollega bekräftade att hens kopia av ärendet tagits bort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared case handed over to another municipality: every share ended</source>
        <translation>Delat ärende överlämnat till en annan kommun: alla delningar avslutade</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Told that a shared case was handed over to another municipality</source>
        <translation>Meddelad att ett delat ärende lämnats över till en annan kommun</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Network conflict acknowledged</source>
        <translation>Nätverkskonflikt bekräftades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handed-over case received</source>
        <translation>Överlämnat ärende togs emot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed-over case refused</source>
        <translation>Överlämnat ärende vägrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt for a handover imported</source>
        <translation>Kvitto på överlämning importerades</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Contact card imported</source>
        <translation>Kontaktkort importerades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact verified (fingerprint compared)</source>
        <translation>Kontakt verifierades (fingeravtrycket jämfördes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact not verified: the fingerprint did not match</source>
        <translation>Kontakten verifierades inte: fingeravtrycket stämde inte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact revoked</source>
        <translation>Kontakt återkallades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact&apos;s keys updated</source>
        <translation>Kontaktens nycklar uppdaterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our identity and keys created</source>
        <translation>Vår identitet och våra nycklar skapades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our contact card exported</source>
        <translation>Vårt kontaktkort exporterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our keys replaced</source>
        <translation>Våra nycklar byttes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our secret key exported</source>
        <translation>Vår hemliga nyckel exporterades</translation>
    </message>
</context>
<context>
    <name>AuditCount</name>
    <message numerus="yes">
        <location filename="../kit/audit_values.py" line="+34"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n poster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed attempt(s)</source>
        <translation>
            <numerusform>%n misslyckat försök</numerusform>
            <numerusform>%n misslyckade försök</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n ärende</numerusform>
            <numerusform>%n ärenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n journal entry(ies)</source>
        <translation>
            <numerusform>%n journalanteckning</numerusform>
            <numerusform>%n journalanteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n condition(s)</source>
        <translation>
            <numerusform>%n villkor</numerusform>
            <numerusform>%n villkor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n handling</numerusform>
            <numerusform>%n handlingar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n del</numerusform>
            <numerusform>%n delar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n tabell</numerusform>
            <numerusform>%n tabeller</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n case(s) deleted</source>
        <translation>
            <numerusform>%n ärende raderat</numerusform>
            <numerusform>%n ärenden raderade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n kept (exempt)</source>
        <translation>
            <numerusform>%n sparat (undantaget)</numerusform>
            <numerusform>%n sparade (undantagna)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n kept for research</source>
        <translation>
            <numerusform>%n sparat för forskning</numerusform>
            <numerusform>%n sparade för forskning</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>interval: %n day(s)</source>
        <translation>
            <numerusform>intervall: %n dag</numerusform>
            <numerusform>intervall: %n dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>within %n month(s)</source>
        <translation>
            <numerusform>inom %n månad</numerusform>
            <numerusform>inom %n månader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n calendar event(s)</source>
        <translation>
            <numerusform>%n kalenderhändelse</numerusform>
            <numerusform>%n kalenderhändelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n uppgift</numerusform>
            <numerusform>%n uppgifter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n kept (handover open)</source>
        <translation>
            <numerusform>%n sparat (öppen överlämning)</numerusform>
            <numerusform>%n sparade (öppen överlämning)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n card slot(s)</source>
        <translation>
            <numerusform>%n smartkort</numerusform>
            <numerusform>%n smartkort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n card slot(s) removed</source>
        <translation>
            <numerusform>%n smartkort togs bort</numerusform>
            <numerusform>%n smartkort togs bort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n domain(s) with a great need</source>
        <translation>
            <numerusform>%n område med stort behov</numerusform>
            <numerusform>%n områden med stort behov</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltagare</numerusform>
            <numerusform>%n deltagare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n åtgärd</numerusform>
            <numerusform>%n åtgärder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n tillagd</numerusform>
            <numerusform>%n tillagda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n ändrad</numerusform>
            <numerusform>%n ändrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n oförändrad</numerusform>
            <numerusform>%n oförändrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n need domain(s)</source>
        <translation>
            <numerusform>%n behovsområde</numerusform>
            <numerusform>%n behovsområden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n intervention(s)</source>
        <translation>
            <numerusform>%n insats</numerusform>
            <numerusform>%n insatser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n method(s)</source>
        <translation>
            <numerusform>%n metod</numerusform>
            <numerusform>%n metoder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <location filename="../kit/audit_details.py" line="+59"/>
        <source>period {start} – {end}</source>
        <translation>period {start} – {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {old} to {new}</source>
        <translation>från {old} till {new}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>operated by</source>
        <translation>regi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>care</source>
        <translation>vård</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+136"/>
        <source>legal basis</source>
        <translation>rättslig grund</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>situation</source>
        <translation>situation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>groups {a} and {b}: {relation}</source>
        <translation>grupperna {a} och {b}: {relation}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>met</source>
        <translation>uppfyllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not met</source>
        <translation>ej uppfyllt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{criterion}: {state}</source>
        <translation>{criterion}: {state}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>reason</source>
        <extracomment>(keys read together, rule(action, their values)); their phrases come first, in this order.</extracomment>
        <translation>skäl</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>for</source>
        <extracomment>key → (label, how its value reads).</extracomment>
        <translation>i</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry type</source>
        <translation>anteckningstyp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>task</source>
        <translation>uppgift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>release no.</source>
        <translation>utgåva nr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient</source>
        <translation>mottagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wording</source>
        <translation>lydelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review</source>
        <translation>sekretessprövning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grounds cited</source>
        <translation>åberopade grunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decision</source>
        <translation>beslut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reason for ending</source>
        <translation>avslutsorsak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>led by</source>
        <translation>huvudansvar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>evidence</source>
        <translation>evidens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>code</source>
        <translation>kod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case type</source>
        <translation>ärendetyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role</source>
        <translation>roll</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../kit/audit_values.py" line="+183"/>
        <source>protection level</source>
        <translation>skyddsnivå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>intervention</source>
        <translation>insats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>threat level</source>
        <translation>hotnivå</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>environment</source>
        <translation>miljö</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sections</source>
        <translation>avsnitt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>card slot</source>
        <translation>kortplats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>role on the case</source>
        <translation>roll i ärendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+43"/>
        <source>until</source>
        <translation>till</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>share</source>
        <translation>delning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes</source>
        <translation>ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflicts</source>
        <translation>konflikter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes sent again unmasked</source>
        <translation>ändringar skickade på nytt med de skyddade uppgifterna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>masked changes given real values</source>
        <translation>maskerade ändringar som fått de verkliga uppgifterna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>part of the case</source>
        <translation>del av akten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field</source>
        <translation>fält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case (shared id)</source>
        <translation>ärende (delat id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handed over</source>
        <translation>överlämnat</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>backup made</source>
        <translation>säkerhetskopian gjord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file made</source>
        <translation>filen skapad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>purpose</source>
        <translation>syfte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ethics approval</source>
        <translation>etikgodkännande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smallest group allowed</source>
        <translation>minsta tillåtna grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows</source>
        <translation>rader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reports merged</source>
        <translation>sammanslagna rapporter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file type</source>
        <translation>filtyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>file</source>
        <translation>fil</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+1"/>
        <source>size</source>
        <translation>storlek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>database version</source>
        <translation>databasversion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key generation</source>
        <translation>nyckelgeneration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingerprint</source>
        <translation>fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old fingerprint</source>
        <translation>tidigare fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new fingerprint</source>
        <translation>nytt fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key id</source>
        <translation>nyckel-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old key id</source>
        <translation>tidigare nyckel-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new key id</source>
        <translation>nytt nyckel-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundle</source>
        <translation>paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receipt</source>
        <translation>kvitto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>earlier receipt</source>
        <translation>tidigare kvitto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 of the receipt</source>
        <translation>kvittots SHA-256</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256 of the backup</source>
        <translation>säkerhetskopians SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file checksum</source>
        <translation>nyckelfilens kontrollsumma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logged key file</source>
        <translation>nyckelfil enligt loggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file found</source>
        <translation>nyckelfil på disken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exempted from weeding</source>
        <extracomment>key → (phrase when true, phrase when false or None to say nothing).</extracomment>
        <translation>undantaget från gallring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exemption lifted</source>
        <translation>undantaget upphävt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with a protected address</source>
        <translation>med skyddad adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without an address</source>
        <translation>utan adress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>protected details included</source>
        <translation>skyddade uppgifter medskickade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no protected details</source>
        <translation>inga skyddade uppgifter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fictitious identity included</source>
        <translation>fingerade personuppgifter medskickade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the case&apos;s status was changed</source>
        <translation>ärendets status ändrades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the handover had been cancelled</source>
        <translation>överlämningen hade avbrutits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a device key</source>
        <translation>med enhetsnyckel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a device key</source>
        <translation>utan enhetsnyckel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>post-quantum encryption</source>
        <translation>kvantsäker kryptering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kept</source>
        <translation>behölls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed after all</source>
        <translation>togs bort ändå</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>folder chosen</source>
        <translation>mapp vald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder forgotten</source>
        <translation>mappval borttaget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key-update card</source>
        <translation>kort med nyckeluppdatering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replaced an unverified contact</source>
        <translation>ersatte en overifierad kontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audit log intact</source>
        <translation>granskningsloggen oförändrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audit log did not verify</source>
        <translation>granskningsloggen kunde inte kontrolleras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new recovery code</source>
        <translation>ny återställningskod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filtered by case</source>
        <translation>urval per ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filtered by user</source>
        <translation>urval per användare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a decision reference</source>
        <translation>med beslutsreferens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a decision reference</source>
        <translation>utan beslutsreferens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next follow-up planned</source>
        <translation>nästa uppföljning planerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed in another system</source>
        <translation>signerat i ett annat system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed from an earlier reason</source>
        <translation>ändrad från en tidigare orsak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the code is kept until it is confirmed written down</source>
        <translation>koden sparas tills den bekräftats nedskriven</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>person {id}</source>
        <extracomment>``{id}`` phrases for the ids the core writes.</extracomment>
        <translation>person {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placement {id}</source>
        <translation>placering {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>journal entry {id}</source>
        <translation>anteckning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrects entry {id}</source>
        <translation>rättar anteckning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first version: entry {id}</source>
        <translation>första versionen: anteckning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document {id}</source>
        <translation>handling {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft {id}</source>
        <translation>utkast {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template {id}</source>
        <translation>mall {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partner {id}</source>
        <translation>samverkanspart {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>task {id}</source>
        <translation>uppgift {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ground {id}</source>
        <translation>grund {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the other case: {id}</source>
        <translation>det andra ärendet: {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent {id}</source>
        <translation>samtycke {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement {id}</source>
        <translation>överenskommelse {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>condition {id}</source>
        <translation>villkor {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breach {id}</source>
        <translation>villkorsbrott {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intervention {id}</source>
        <translation>insats {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>control {id}</source>
        <translation>kontroll {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threat assessment {id}</source>
        <translation>hotbedömning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network link {id}</source>
        <translation>nätverkskoppling {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group {id}</source>
        <translation>grupp {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up {id}</source>
        <translation>uppföljning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs assessment {id}</source>
        <translation>behovsbedömning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>care contact {id}</source>
        <translation>vårdkontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP {id}</source>
        <translation>SIP {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>action {id}</source>
        <translation>åtgärd {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision {id}</source>
        <translation>beslut {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrects decision {id}</source>
        <translation>rättar beslut {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first version: decision {id}</source>
        <translation>första versionen: beslut {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appeal {id}</source>
        <translation>överklagande {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provision {id}</source>
        <translation>lagrum {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method {id}</source>
        <translation>metod {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reminder {id}</source>
        <translation>påminnelse {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover {id}</source>
        <translation>överlämning {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legal basis {id}</source>
        <translation>rättslig grund {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provider {id}</source>
        <translation>utförare {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeding run {id}</source>
        <translation>gallringstillfälle {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>release {id} in the statistics ledger</source>
        <translation>publicering {id} i statistikliggaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>national release {id}</source>
        <translation>nationell publicering {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>research project {id}</source>
        <translation>forskningsprojekt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact {id}</source>
        <translation>kontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shares ended: contact {id}</source>
        <translation>delningar avslutade: kontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sender: contact {id}</source>
        <translation>avsändare: kontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipients: contact {id}</source>
        <translation>mottagare: kontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>our cases (id): {id}</source>
        <translation>våra ärenden (id): {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persons {id}</source>
        <translation>personer {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>addresses of placements {id}</source>
        <translation>adresser till placeringar {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fictitious identities of persons {id}</source>
        <translation>fingerade personuppgifter för personer {id}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>demo seed {id}</source>
        <translation>slumpfrö {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence number {id}</source>
        <translation>löpnummer {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last entry: {id}</source>
        <translation>senaste post: {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log up to entry {id}</source>
        <translation>loggen till och med post {id}</translation>
    </message>
    <message>
        <location filename="../kit/audit_values.py" line="-113"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{text}”</source>
        <translation>”{text}”</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>a file</source>
        <translation>en fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the printer</source>
        <translation>skrivaren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{include} included, {mask} masked, {withhold} withheld</source>
        <translation>{include} lämnade, {mask} maskerade, {withhold} undanhållna</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the municipalities of a received case</source>
        <translation>kommunerna för ett mottaget ärende</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+15"/>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>personnummer</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>protected address</source>
        <translation>skyddad adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fictitious personal details</source>
        <translation>fingerade personuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving municipality</source>
        <translation>mottagande kommun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>detail</source>
        <translation>uppgift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>municipality of residence</source>
        <translation>bosättningskommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>municipality of stay</source>
        <translation>vistelsekommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caseworker responsible</source>
        <translation>ansvarig handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referred by</source>
        <translation>aktualiserat av</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>year of birth</source>
        <translation>födelseår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gender</source>
        <translation>kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>relation</source>
        <translation>relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accompanying child</source>
        <translation>medföljande barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>slag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit</source>
        <translation>enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact person</source>
        <translation>kontaktperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start date</source>
        <translation>startdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end date</source>
        <translation>slutdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referral sent</source>
        <translation>remiss skickad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referral answered</source>
        <translation>remiss besvarad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer to the referral</source>
        <translation>svar på remissen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>law</source>
        <translation>lag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chapter and section</source>
        <translation>kapitel och paragraf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>rubrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of the source</source>
        <translation>källans datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>anmärkning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation>används</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target group</source>
        <translation>målgrupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence level</source>
        <translation>evidensnivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source of the evidence level</source>
        <translation>källa för evidensnivån</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>fields</source>
        <translation>fält</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>key derivation: {memory} MiB, {passes} passes, {lanes} lanes</source>
        <translation>nyckelhärledning: {memory} MiB, {passes} varv, {lanes} trådar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>passphrase</source>
        <translation>lösenfras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovery code</source>
        <translation>återställningskod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card PIN</source>
        <translation>smartkortets PIN-kod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quick-unlock PIN</source>
        <translation>PIN-kod för snabbupplåsning</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>when</source>
        <translation>när</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>by comparing the digits</source>
        <translation>genom att jämföra siffrorna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by scanning the QR code</source>
        <translation>genom att skanna QR-koden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a bundle</source>
        <translation>ett paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a backup</source>
        <translation>en säkerhetskopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a backup&apos;s working copy</source>
        <translation>en säkerhetskopias arbetskopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a contact card</source>
        <translation>ett kontaktkort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an exported document</source>
        <translation>en exporterad handling</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>byte-identical to the first</source>
        <translation>byte för byte lika med det första</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed afresh with the same content</source>
        <translation>förseglat på nytt med samma innehåll</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>when handing over</source>
        <translation>vid överlämning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when receiving</source>
        <translation>vid mottagande</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>with the recovery code</source>
        <translation>med återställningskoden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the card</source>
        <translation>med smartkortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the quick-unlock PIN</source>
        <translation>med PIN-koden för snabbupplåsning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the program</source>
        <translation>i programmet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on the command line</source>
        <translation>på kommandoraden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the keyring no longer held the device key</source>
        <translation>nyckelringen saknade enhetsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring held another setup&apos;s device key</source>
        <translation>nyckelringen hade en annan installations enhetsnyckel</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>RSA key that decrypts</source>
        <translation>RSA-nyckel som dekrypterar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EC key (key agreement)</source>
        <translation>EC-nyckel (nyckelöverenskommelse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA key that only signs</source>
        <translation>RSA-nyckel som bara signerar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the code was correct</source>
        <translation>koden stämde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the code did not fit</source>
        <translation>koden stämde inte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all</source>
        <translation>alla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>municipality</source>
        <translation>kommun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>numbers below {n} hidden</source>
        <translation>antal under {n} dolda</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>relapse</source>
        <translation>återfall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dates by month</source>
        <translation>datum per månad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dates by quarter</source>
        <translation>datum per kvartal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dates by year</source>
        <translation>datum per år</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sent to contact {id}</source>
        <translation>skickad till kontakt {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved as a file</source>
        <translation>sparad som fil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a handover</source>
        <translation>en överlämning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a receipt</source>
        <translation>ett kvitto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a key update for a contact</source>
        <translation>en nyckeluppdatering för en kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a national report</source>
        <translation>en nationell rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changes to a shared case</source>
        <translation>ändringar i ett delat ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contents</source>
        <translation>innehåll</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../window/audit_view.py" line="+64"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concerns</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <location filename="../kit/audit_text.py" line="+9"/>
        <source>Other event ({code})</source>
        <translation>Annan händelse ({code})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{text}
Code in the log: {code}</source>
        <translation>{text}
Kod i loggen: {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown (before unlocking)</source>
        <translation>okänd (före upplåsning)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>bundle {id}</source>
        <translation>paket {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contact {id}</source>
        <translation>kontakt {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>our identity, key generation {n}</source>
        <translation>vår identitet, nyckelgeneration {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>weeded case (reference {ref})</source>
        <translation>gallrat ärende (referens {ref})</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../window/audit_view.py" line="+64"/>
        <source>Audit log</source>
        <extracomment>Widest a column gets when fitted (px); the details (last column) take the rest.</extracomment>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>From date</source>
        <translation>Från och med datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Till och med datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Verify the log</source>
        <translation>&amp;Kontrollera loggen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation>&amp;Händelse:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>All events</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the audit log…</source>
        <translation>Läser granskningsloggen…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Verifying the audit log…</source>
        <translation>Kontrollerar granskningsloggen…</translation>
    </message>
    <message numerus="yes">
        <location line="-13"/>
        <source>Showing the first %n entry(ies); narrow the filter.</source>
        <translation>
            <numerusform>Visar den första %n posten; begränsa urvalet.</numerusform>
            <numerusform>Visar de första %n posterna; begränsa urvalet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Audit log entries</source>
        <translation>Poster i granskningsloggen</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n entry(ies).</source>
        <translation>
            <numerusform>%n post.</numerusform>
            <numerusform>%n poster.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>The audit log is intact: %n entry(ies) verified.</source>
        <translation>
            <numerusform>Granskningsloggen är oförändrad: %n post är kontrollerad.</numerusform>
            <numerusform>Granskningsloggen är oförändrad: alla %n poster är kontrollerade.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The audit log has been tampered with:</source>
        <translation>Granskningsloggen har manipulerats:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Entry {seq} was altered.</source>
        <translation>Post {seq} har ändrats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} is missing (deleted).</source>
        <translation>Post {seq} saknas (har raderats).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} was inserted afterwards.</source>
        <translation>Post {seq} har lagts till i efterhand.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} is out of order.</source>
        <translation>Post {seq} ligger i fel ordning.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} has a changed number.</source>
        <translation>Post {seq} har fått ett ändrat nummer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log&apos;s head record is missing or damaged.</source>
        <translation>Uppgiften om loggens senaste post saknas eller är skadad.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the audit log</source>
        <translation>Exportera granskningsloggen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit export (*.jsonl)</source>
        <translation>Loggexport (*.jsonl)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting the audit log…</source>
        <translation>Exporterar granskningsloggen…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n entry(ies). Head of the log: {hash}</source>
        <translation>
            <numerusform>%n post exporterades. Kontrollsumma för loggens senaste post: {hash}</numerusform>
            <numerusform>%n poster exporterades. Kontrollsumma för loggens senaste post: {hash}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../window/backup_dialog.py" line="+97"/>
        <source>No backup has been made of this store.</source>
        <translation>Ingen säkerhetskopia har gjorts ännu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last backup: {when}.</source>
        <translation>Senaste säkerhetskopia: {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next one by {day}.</source>
        <translation>Nästa säkerhetskopia bör göras senast {day}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create backup…</source>
        <translation>&amp;Skapa säkerhetskopia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck a backup…</source>
        <translation>&amp;Kontrollera en säkerhetskopia…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To restore on another computer: install Utväg there and choose &apos;Restore from a backup…&apos; when it starts, with the recovery code. A backup opens only with the recovery code that was valid when it was made.</source>
        <translation>Så återställer du på en annan dator: installera Utväg där, välj ”Återställ från säkerhetskopia…” när programmet startar och ange återställningskoden. En säkerhetskopia öppnas bara med den återställningskod som gällde när den gjordes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Practise with the recovery code…</source>
        <translation>Öva med åter&amp;ställningskoden…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make or check a backup</source>
        <translation>Gör eller kontrollera en säkerhetskopia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup is encrypted like the store. Keep it on another disk, locked away.</source>
        <translation>Säkerhetskopian är krypterad precis som databasen. Förvara den inlåst, på en annan disk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Remind me after:</source>
        <translation>&amp;Påminn mig efter:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Last recovery code drill: {date}.</source>
        <translation>Senaste övningen med återställningskoden: {date}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recovery code has not been practised yet.</source>
        <translation>Återställningskoden har inte övats ännu.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save the backup</source>
        <translation>Spara säkerhetskopian</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>Utväg backup (*.backup)</source>
        <translation>Utväg-säkerhetskopia (*.backup)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Making the backup…</source>
        <translation>Gör säkerhetskopian…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup was written to {file} ({size}).
SHA-256: {hash}</source>
        <translation>Säkerhetskopian skrevs till {file} ({size}).
SHA-256: {hash}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: the audit log in the copy did not verify.</source>
        <translation>Obs! Granskningsloggen i kopian kunde inte kontrolleras.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check a backup</source>
        <translation>Kontrollera en säkerhetskopia</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the backup…</source>
        <translation>Kontrollerar säkerhetskopian…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup from {when} is intact: the database inside opens and checks out.</source>
        <translation>Säkerhetskopian från {when} är hel: databasen i den går att öppna och är kontrollerad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup from {when} is complete and its hashes match. Enter the passphrase to also check the database inside.</source>
        <translation>Säkerhetskopian från {when} är komplett och kontrollsummorna stämmer. Ange lösenfrasen för att också kontrollera databasen i den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup is damaged: {problems}</source>
        <translation>Säkerhetskopian är skadad: {problems}</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message numerus="yes">
        <location line="-234"/>
        <source>A backup is due (every %n day(s)).</source>
        <translation>
            <numerusform>Det är dags för en säkerhetskopia (intervallet är %n dag).</numerusform>
            <numerusform>Det är dags för en säkerhetskopia (intervallet är %n dagar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The latest backup was made before a gallring: it still holds %n weeded case(s). Make a new backup, and destroy the old one or keep it only as long as the rules allow.</source>
        <translation>
            <numerusform>Den senaste säkerhetskopian gjordes före en gallring och innehåller gallrade ärenden (%n ärende). Gör en ny säkerhetskopia, och förstör den gamla eller spara den bara så länge reglerna tillåter.</numerusform>
            <numerusform>Den senaste säkerhetskopian gjordes före en gallring och innehåller gallrade ärenden (%n ärenden). Gör en ny säkerhetskopia, och förstör den gamla eller spara den bara så länge reglerna tillåter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>This backup was made before a gallring: it still holds %n weeded case(s). Destroy it, or keep it only as long as the rules allow; restoring it would bring the weeded cases back.</source>
        <translation>
            <numerusform>Säkerhetskopian gjordes före en gallring och innehåller gallrade ärenden (%n ärende). Förstör den, eller spara den bara så länge reglerna tillåter; återställs den kommer de gallrade ärendena tillbaka.</numerusform>
            <numerusform>Säkerhetskopian gjordes före en gallring och innehåller gallrade ärenden (%n ärenden). Förstör den, eller spara den bara så länge reglerna tillåter; återställs den kommer de gallrade ärendena tillbaka.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../knowledge/stats_widgets.py" line="+114"/>
        <source>Bar chart</source>
        <translation>Stapeldiagram</translation>
    </message>
</context>
<context>
    <name>BasisPage</name>
    <message>
        <location filename="../handover/pages.py" line="+129"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export is allowed: this is what it rests on.</source>
        <translation>Överlämningen är tillåten och vilar på följande.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>until further notice</source>
        <translation>tills vidare</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case: {case}</source>
        <translation>Ärende: {case}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving unit: {unit}, {municipality} ({caseworker})</source>
        <translation>Mottagande enhet: {unit}, {municipality} ({caseworker})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their fingerprint (verified): {fp}</source>
        <translation>Deras fingeravtryck (verifierat): {fp}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis: {basis}, valid from {since} {until}</source>
        <translation>Rättslig grund: {basis}, giltig från {since} {until}</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Shared with %n colleague(s). What they have not synced to you is not in the handover; when the receipt arrives their shares end and their copies are removed. Sync first.</source>
        <translation>
            <numerusform>Delas med %n kollega. Det hen inte har synkat till dig kommer inte med i överlämningen; när kvittot kommer avslutas delningen och kollegans kopia tas bort. Synka först.</numerusform>
            <numerusform>Delas med %n kollegor. Det de inte har synkat till dig kommer inte med i överlämningen; när kvittot kommer avslutas deras delningar och deras kopior tas bort. Synka först.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreachDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="+25"/>
        <source>Breach of a condition</source>
        <translation>Brott mot villkor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Occurred on:</source>
        <translation>&amp;Inträffade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What happened:</source>
        <translation>&amp;Vad hände:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consequence:</source>
        <translation>&amp;Följd:</translation>
    </message>
</context>
<context>
    <name>CalendarExportDialog</name>
    <message>
        <location filename="../casework/calendar_export.py" line="+45"/>
        <source>Export reminders as a calendar</source>
        <extracomment>How far ahead the file reaches (days; overdue reminders are always in it).</extracomment>
        <translation>Exportera påminnelser som kalender</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The calendar file leaves the encrypted database: anyone who can read the file, or the calendar you import it into, sees what is in it.</source>
        <translation>Kalenderfilen hamnar utanför den krypterade databasen: den som kan läsa filen, eller kalendern du läser in den i, ser vad som står i den.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each reminder is written with its case number, its type and its date only — no names, no initials, no text of your own reminders — and the yearly gallring. Importing a newer file updates the events instead of adding them again.</source>
        <translation>Varje påminnelse skrivs bara med ärendenummer, typ och datum – inga namn, inga initialer, ingen text från dina egna påminnelser – och den årliga gallringen. Läser du in en nyare fil uppdateras händelserna i stället för att läggas till igen.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Due within %n day(s), and overdue</source>
        <translation>
            <numerusform>Förfaller inom %n dag, och försenade</numerusform>
            <numerusform>Förfaller inom %n dagar, och försenade</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which reminders</source>
        <translation>Vilka påminnelser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reminders:</source>
        <translation>&amp;Påminnelser:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the calendar file (not encrypted)</source>
        <translation>Spara kalenderfilen (inte krypterad)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar file (*.ics)</source>
        <translation>Kalenderfil (*.ics)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>yearly gallring</source>
        <translation>årlig gallring</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing the calendar file…</source>
        <translation>Skriver kalenderfilen…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n event(s) written to {file} (not encrypted).</source>
        <translation>
            <numerusform>%n händelse skrevs till {file} (inte krypterad).</numerusform>
            <numerusform>%n händelser skrevs till {file} (inte krypterad).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardEnrolDialog</name>
    <message>
        <location filename="../access/card_dialogs.py" line="+239"/>
        <source>Add a card</source>
        <translation>Lägg till smartkort</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A card (for example your SITHS card or a security key) becomes one more way to open Utväg, next to the passphrase and the recovery code, which keep working: a lost card is not a lost store. Insert the card, type its PIN and choose the key.</source>
        <translation>Ett smartkort (till exempel ditt SITHS-kort eller en säkerhetsnyckel) blir ytterligare ett sätt att öppna Utväg. Lösenfrasen och återställningskoden fortsätter att fungera, så ett borttappat kort gör inte att databasen går förlorad. Sätt i kortet, skriv dess PIN-kod och välj nyckel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for the card…</source>
        <translation>Letar efter smartkortet…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key on the card</source>
        <translation>Nyckel på smartkortet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Read the card&apos;s keys</source>
        <translation>&amp;Läs kortets nycklar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add the card</source>
        <translation>Lägg &amp;till kortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card&apos;s &amp;PIN:</source>
        <translation>Kortets &amp;PIN-kod:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key:</source>
        <translation>&amp;Nyckel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pass&amp;phrase:</source>
        <translation>Din lösen&amp;fras:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No card is inserted.</source>
        <translation>Inget smartkort sitter i läsaren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card: {name}. {state}</source>
        <translation>Smartkort: {name}. {state}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{kind}, {bits} bits — key {key_id} {label}</source>
        <translation>{kind}, {bits} bitar – nyckel {key_id} {label}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The card holds no key Utväg can use.</source>
        <translation>Smartkortet har ingen nyckel som Utväg kan använda.</translation>
    </message>
</context>
<context>
    <name>CardText</name>
    <message>
        <location line="-302"/>
        <source>The card counts wrong PINs and locks itself after a few tries.</source>
        <translation>Kortet räknar felaktiga PIN-koder och spärras efter några försök.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card says a wrong PIN has been given since it was last used. It locks itself after a few wrong tries.</source>
        <translation>Kortet visar att en felaktig PIN-kod har angetts sedan det användes senast. Det spärras efter några felaktiga försök.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The card says one try is left: the next wrong PIN locks it.</source>
        <translation>Kortet visar att ett försök återstår: nästa felaktiga PIN-kod spärrar det.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card&apos;s PIN is locked. Unlock it with the PUK code (ask your card administrator), or use the passphrase.</source>
        <translation>Kortets PIN-kod är spärrad. Lås upp den med PUK-koden (fråga den som administrerar korten) eller använd lösenfrasen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>RSA key that decrypts</source>
        <translation>RSA-nyckel som dekrypterar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EC key (key agreement)</source>
        <translation>EC-nyckel (nyckelöverenskommelse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA key that only signs</source>
        <translation>RSA-nyckel som bara signerar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The card&apos;s PIN</source>
        <translation>Kortets PIN-kod</translation>
    </message>
</context>
<context>
    <name>CardUnlockDialog</name>
    <message>
        <location line="+28"/>
        <source>Open with the card</source>
        <translation>Öppna med smartkortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insert the card that was added to Utväg and type its PIN.</source>
        <translation>Sätt i det smartkort som har lagts till i Utväg och skriv kortets PIN-kod.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Utväg then binds the store to this computer&apos;s keyring again. Choose the passphrase to use from now on (it may be the one you had).</source>
        <translation>Utväg knyter sedan databasen till datorns nyckelring på nytt. Välj den lösenfras du ska använda framöver (det kan vara samma som förut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for the card…</source>
        <translation>Letar efter smartkortet…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open and bind</source>
        <translation>&amp;Öppna och knyt till datorn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card&apos;s &amp;PIN:</source>
        <translation>Kortets &amp;PIN-kod:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No card is inserted.</source>
        <translation>Inget smartkort sitter i läsaren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Card: {name}. {state}</source>
        <translation>Smartkort: {name}. {state}</translation>
    </message>
</context>
<context>
    <name>CareContactDialog</name>
    <message>
        <location filename="../record_dialogs/plan_dialogs.py" line="+48"/>
        <source>&amp;Kind of care:</source>
        <translation>&amp;Vårdform:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact &amp;person:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Started on:</source>
        <translation>&amp;Började den:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Ended on:</source>
        <translation>&amp;Avslutades den:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral s&amp;ent on:</source>
        <translation>Remiss &amp;skickad den:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Referral &amp;answered on:</source>
        <translation>Remiss &amp;besvarad den:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ans&amp;wer:</source>
        <translation>S&amp;var:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N&amp;otes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New care contact</source>
        <translation>Ny vårdkontakt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A contact with psychiatry or addiction care, and its referral.</source>
        <translation>En kontakt med psykiatrin eller beroendevården, och remissen dit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change care contact</source>
        <translation>Ändra vårdkontakt</translation>
    </message>
</context>
<context>
    <name>CareKind</name>
    <message>
        <location filename="../kit/vocab.py" line="+3"/>
        <source>psychiatry</source>
        <translation>psykiatri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>addiction care</source>
        <translation>beroendevård</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other health care</source>
        <translation>annan hälso- och sjukvård</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <location filename="../case_view/care_tab.py" line="+60"/>
        <source>Care</source>
        <translation>Vård</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region and unit</source>
        <translation>Region och enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Held</source>
        <translation>Hölls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Responsible</source>
        <translation>Huvudansvar</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done by</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Care and SIP</source>
        <translation>Vård och SIP</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Psychiatry and addiction care</source>
        <translation>Psykiatri och beroendevård</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>Coordinated individual plans (SIP)</source>
        <translation>Samordnade individuella planer (SIP)</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>Agreed actions of the chosen SIP</source>
        <translation>Överenskomna åtgärder i vald SIP</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>New &amp;care contact…</source>
        <translation>Ny &amp;vårdkontakt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;SIP…</source>
        <translation>Ny &amp;SIP…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Followed up…</source>
        <translation>&amp;Uppföljd…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nd SIP…</source>
        <translation>Avsluta S&amp;IP…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;action…</source>
        <translation>Ny &amp;åtgärd…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action &amp;done…</source>
        <translation>Åtgärd &amp;klar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chosen SIP</source>
        <translation>Vald SIP</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>sent {day}, not answered</source>
        <translation>skickad {day}, inte besvarad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sent {sent}, answered {answered}</source>
        <translation>skickad {sent}, besvarad {answered}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ended {day}</source>
        <translation>avslutad {day}</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltagare</numerusform>
            <numerusform>%n deltagare</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Overall responsibility: {lead}</source>
        <translation>Huvudansvar: {lead}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Participants: {names}</source>
        <translation>Deltagare: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent given {day}.</source>
        <translation>Samtycke lämnat {day}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last followed up {day}.</source>
        <translation>Senast uppföljd {day}.</translation>
    </message>
</context>
<context>
    <name>CaseImport</name>
    <message>
        <location filename="../casework/case_import.py" line="+32"/>
        <source>Cases read in: {total}. Saving…</source>
        <translation>Inlästa ärenden: {total}. Sparar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing cases: {done} of {total} done…</source>
        <translation>Importerar ärenden: {done} av {total} klart…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Import cases</source>
        <translation>Importera ärenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case import file (*.json)</source>
        <translation>Fil för ärendeimport (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the file…</source>
        <translation>Läser filen…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n case(s) imported.</source>
        <translation>
            <numerusform>%n ärende importerades.</numerusform>
            <numerusform>%n ärenden importerades.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../cases/case_list_model.py" line="+295"/>
        <source>This column cannot be sorted.</source>
        <extracomment>column → (order_by when ascending, order_by when descending); number and status are reversed here for descending</extracomment>
        <translation>Kolumnen kan inte sorteras.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Shared case; your role: {role}</source>
        <translation>Delat ärende; din roll: {role}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no person yet)</source>
        <translation>(ingen person än)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Öppnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next reminder</source>
        <translation>Påminnelse</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>(protected)</source>
        <translation>(skyddad)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Protection: {level}</source>
        <translation>Skydd: {level}</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../cases/case_list.py" line="+202"/>
        <source>Search case number, name, personnummer, journal…</source>
        <extracomment>The widest usual text of each column (widths follow the font, also on high-DPI screens). Shown through the header&apos;s context menu; the list is narrow beside the case view.</extracomment>
        <translation>Sök ärendenummer, namn, personnummer, journal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search cases</source>
        <translation>Sök ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reminder:</source>
        <translation>&amp;Påminnelse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by status</source>
        <translation>Filtrera på status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by case type</source>
        <translation>Filtrera på ärendetyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by reminder</source>
        <translation>Filtrera på påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case…</source>
        <translation>&amp;Nytt ärende…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed or handed over</source>
        <translation>Avslutade eller överlämnade</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Has a reminder</source>
        <translation>Har påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within 30 days</source>
        <translation>Inom 30 dagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Cases shown: {count}</source>
        <translation>Visade ärenden: {count}</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../handover/pages.py" line="-88"/>
        <source>Case and receiving unit</source>
        <translation>Ärende och mottagande enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only verified contacts can receive a case.</source>
        <translation>Bara verifierade kontakter kan ta emot ett ärende.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first on file: consent, decision, request</source>
        <translation>Den första som finns: samtycke, beslut, begäran</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Case:</source>
        <translation>Ä&amp;rende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receiving unit:</source>
        <translation>&amp;Mottagande enhet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Rättslig grund:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no verified contact. Import the receiving unit&apos;s card and verify its fingerprint first (Handover → Contacts).</source>
        <translation>Det finns ingen verifierad kontakt. Importera den mottagande enhetens kort och verifiera fingeravtrycket först (Överlämning → Kontakter).</translation>
    </message>
</context>
<context>
    <name>CasePickerDialog</name>
    <message>
        <location filename="../cases/case_picker.py" line="+47"/>
        <source>Filter by case number…</source>
        <translation>Filtrera på ärendenummer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the cases</source>
        <translation>Filtrera ärendena</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../kit/labels.py" line="+48"/>
        <source>referred</source>
        <translation>aktualiserad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preliminary assessment</source>
        <translation>förhandsbedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>joint assessment</source>
        <translation>gemensam bedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>investigation</source>
        <translation>utredning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decided</source>
        <translation>beslutad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency protection / move</source>
        <translation>akut skydd / flytt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>implementation</source>
        <translation>genomförande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handed over</source>
        <translation>överlämnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>avslutad</translation>
    </message>
</context>
<context>
    <name>CaseType</name>
    <message>
        <location line="-14"/>
        <source>defector</source>
        <translation>avhoppare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threatened relative</source>
        <translation>närstående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>young person at risk</source>
        <translation>ung i riskzon</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../case_view/view.py" line="+195"/>
        <source>Parts of the case file</source>
        <translation>Aktens delar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print / e&amp;xtract…</source>
        <translation>Skriv ut / &amp;utdrag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print or make an extract of the case</source>
        <translation>Skriv ut eller gör ett utdrag ur ärendet</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{status} · demo</source>
        <translation>{status} · demo</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The case&apos;s protected information</source>
        <translation>Ärendets skyddade uppgifter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>While you work with this case, its protected names, personal identity numbers and addresses are shown without asking each time: until you open another case, Utväg locks, or an hour has passed. Write why; the reason, your name and the time are written to the audit log once.</source>
        <translation>Medan du arbetar med ärendet visas dess skyddade namn, personnummer och adresser utan att du behöver ange skäl varje gång – tills du öppnar ett annat ärende, Utväg låses eller en timme har gått. Skriv varför. Skälet, ditt namn och tiden skrivs i granskningsloggen en gång.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I am working on this case</source>
        <translation>Jag arbetar med ärendet</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Stop showing protected information</source>
        <translation>Sluta visa skyddade uppgifter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I am &amp;working on this case…</source>
        <translation>Jag &amp;arbetar med ärendet…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this case&apos;s protected information without a reason for each field (one reason, logged once)</source>
        <translation>Visa ärendets skyddade uppgifter utan skäl för varje uppgift (ett skäl, loggas en gång)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Protected information of this case is shown until {time}, until you open another case or until Utväg locks.</source>
        <translation>Ärendets skyddade uppgifter visas till kl. {time}, tills du öppnar ett annat ärende eller tills Utväg låses.</translation>
    </message>
</context>
<context>
    <name>CaseworkMenu</name>
    <message>
        <location filename="../casework/menu.py" line="+101"/>
        <source>&amp;Tools</source>
        <translation>Ve&amp;rktyg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gallring…</source>
        <translation>&amp;Gallring…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Access log (who opened which case)…</source>
        <translation>&amp;Loggkontroll (vem har öppnat vilket ärende)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Partners…</source>
        <translation>&amp;Samverkansparter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Journal templates…</source>
        <translation>&amp;Journalmallar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method register…</source>
        <translation>&amp;Metodregister…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pro&amp;visions (lagrum)…</source>
        <translation>Lag&amp;rum…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;reminders as a calendar…</source>
        <translation>Exportera &amp;påminnelser som kalender…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import cases from a file…</source>
        <translation>&amp;Importera ärenden från fil…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Gallring</source>
        <translation>Öppna Gallring</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The yearly gallring is due (since {day})</source>
        <translation>Det är dags för den årliga gallringen (sedan {day})</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <location filename="../case_view/checklist_section.py" line="+50"/>
        <source>Done {date} by {who}</source>
        <translation>Klar {date}, av {who}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Task</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Relocation checklist of the placement</source>
        <translation>Placeringens flyttchecklista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relocation checklist</source>
        <translation>Flyttchecklista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the relocation &amp;checklist…</source>
        <translation>Starta fl&amp;yttchecklista…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;task…</source>
        <translation>Ny upp&amp;gift…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange task…</source>
        <translation>Ändra uppgif&amp;t…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task d&amp;one…</source>
        <translation>Uppgiften är &amp;klar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done after a&amp;ll</source>
        <translation>&amp;Inte klar ändå</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a placement to see its checklist.</source>
        <translation>Välj en placering för att se dess flyttchecklista.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No relocation checklist for this placement yet.</source>
        <translation>Placeringen har ingen flyttchecklista än.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n task(s) left</source>
        <translation>
            <numerusform>%n uppgift kvar</numerusform>
            <numerusform>%n uppgifter kvar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../desktop/commands/access_log.py" line="+61"/>
        <source>Log entries: {count}</source>
        <translation>Loggposter: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported to {file}.</source>
        <translation>Exporterat till {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/case_edit.py" line="+126"/>
        <source>The person already exists in case {number}.</source>
        <translation>Personen finns redan i ärende {number}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  The cases are now linked.</source>
        <translation>  Ärendena är nu kopplade till varandra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link them with --link-duplicates, or go on as it is.</source>
        <translation>Koppla ihop ärendena med --link-duplicates, eller fortsätt utan koppling.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Case {number} was created.</source>
        <translation>Ärende {number} har skapats.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{number}: {status}</source>
        <translation>{number}: {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Can move on to: {statuses}</source>
        <translation>Kan gå vidare till: {statuses}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Personnummer or samordningsnummer: </source>
        <translation>Personnummer eller samordningsnummer: </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Persons found: {count}</source>
        <translation>Hittade personer: {count}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Linked cases (same person): {numbers}</source>
        <translation>Kopplade ärenden (samma person): {numbers}</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/cases.py" line="+131"/>
        <source>Cases: {count}</source>
        <translation>Ärenden: {count}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Home municipality: {name}</source>
        <translation>Bosättningskommun: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay municipality: {name}</source>
        <translation>Vistelsekommun: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker: {name}</source>
        <translation>Handläggare: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened: {opened}   Closed: {closed}</source>
        <translation>Öppnat: {opened}   Avslutat: {closed}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(hidden)</source>
        <translation>(dolt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new identity: {identity}</source>
        <translation>ny identitet: {identity}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{role}: {who}, born {year}, protection: {level}</source>
        <translation>{role}: {who}, född {year}, skydd: {level}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  Protected address: {address}</source>
        <translation>  Skyddad adress: {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/commands/journal.py" line="+185"/>
        <source>Journal entries: {count}</source>
        <translation>Journalanteckningar: {count}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>marked erroneous</source>
        <translation>felmarkerad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>corrected, version {version}: {reason}</source>
        <translation>rättad, version {version}: {reason}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cases read in: {total}. Saving…</source>
        <translation>Inlästa ärenden: {total}. Sparar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing cases: {done} of {total}</source>
        <translation>Importerar ärenden: {done} av {total}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cases imported: {count} ({numbers})</source>
        <translation>Importerade ärenden: {count} ({numbers})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Demo data (fictional): cases {cases}, journal entries {entries}, documents {documents}; {seconds} s.</source>
        <translation>Demodata (fiktiva): ärenden {cases}, journalanteckningar {entries}, handlingar {documents}; {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/casework.py" line="+54"/>
        <source>exempted: {reason}</source>
        <translation>undantaget: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a handover is waiting for its receipt</source>
        <translation>en överlämning väntar på kvittens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>research sample (born on the 5th, 15th or 25th)</source>
        <translation>forskningsurval (född den 5, 15 eller 25)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shared with colleagues</source>
        <translation>delat med kollegor</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>yearly gallring</source>
        <translation>årlig gallring</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Reminders: {count}</source>
        <translation>Påminnelser: {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The yearly gallring is due ({day}); cases due for gallring: {count}.</source>
        <translation>Det är dags för den årliga gallringen ({day}); ärenden som ska gallras: {count}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendar file written: {file} (events: {count}).</source>
        <translation>Kalenderfilen har skrivits: {file} (händelser: {count}).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Gallring on {day}: personal files five years after the last entry.</source>
        <translation>Gallring {day}: personakter fem år efter sista anteckningen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To be deleted: {count}</source>
        <translation>Gallras: {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  {number}  last entry {last}, due {due}</source>
        <translation>  {number}  sista anteckning {last}, gallras från {due}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept although due: {count}</source>
        <translation>Sparas trots att tiden har gått ut: {count}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Gallring done: deleted {deleted}; kept: exempted {exempt}, open handover {handover}, research sample {sample}. Protocol {run}.</source>
        <translation>Gallringen är klar: gallrade {deleted}; sparade: undantagna {exempt}, pågående överlämning {handover}, forskningsurval {sample}. Protokoll {run}.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Protocol {run}: {day}, {actor}; decision: {decision}; deleted {deleted}.</source>
        <translation>Protokoll {run}: {day}, {actor}; beslut: {decision}; gallrade {deleted}.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/journal.py" line="-90"/>
        <source>Draft {draft} was signed as journal entry {entry}.</source>
        <translation>Utkast {draft} har signerats som journalanteckning {entry}.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Draft {draft} was saved (not signed).</source>
        <translation>Utkast {draft} har sparats (inte signerat).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Journal entry {entry} was written.</source>
        <translation>Journalanteckning {entry} har skrivits.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Entry {old} was corrected by entry {new}.</source>
        <translation>Anteckning {old} har rättats genom anteckning {new}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Entry {entry} is marked erroneous.</source>
        <translation>Anteckning {entry} är felmarkerad.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drafts (not signed): {count}</source>
        <translation>Utkast (inte signerade): {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/partners.py" line="+74"/>
        <source>Partner {id} was added.</source>
        <translation>Samverkanspart {id} har lagts till.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Partners: {count}</source>
        <translation>Samverkansparter: {count}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Partner {id} is no longer linked to the case.</source>
        <translation>Samverkanspart {id} är inte längre kopplad till ärendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partner {id} is linked to the case.</source>
        <translation>Samverkanspart {id} är kopplad till ärendet.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tasks done: {done} of {total}</source>
        <translation>Klara uppgifter: {done} av {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/texts.py" line="+53"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interrupted</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover.py" line="+175"/>
        <source>Shared with colleagues: {count}. What they have not synced to you is not in the handover; when the receipt is imported their shares end and their copies are removed.</source>
        <translation>Delas med kollegor: {count}. Det de inte har synkat till dig kommer inte med i överlämningen; när kvittot tas emot avslutas deras delningar och deras kopior tas bort.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/receipts.py" line="+57"/>
        <source>Shares ended: {count}. The colleagues learn it at their next sync and remove their copies.</source>
        <translation>Avslutade delningar: {count}. Kollegorna får veta det vid sin nästa synk och tar bort sina kopior.</translation>
    </message>
</context>
<context>
    <name>ConditionDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="-16"/>
        <source>New condition</source>
        <translation>Nytt villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Condition:</source>
        <translation>&amp;Villkor:</translation>
    </message>
</context>
<context>
    <name>ConflictPage</name>
    <message>
        <location filename="../handover/pages.py" line="-48"/>
        <source>placement</source>
        <translation>placering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>municipality of stay</source>
        <translation>vistelsekommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>municipality of residence</source>
        <translation>bosättningskommun</translation>
    </message>
    <message>
        <location filename="../handover/final_pages.py" line="+49"/>
        <source>Network conflicts</source>
        <translation>Nätverkskonflikter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Our case</source>
        <translation>Vårt ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their group</source>
        <translation>Deras grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group of this case</source>
        <translation>Det här ärendets grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the municipality</source>
        <translation>I kommunen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I have checked the conflicts with the police and the receiving unit, and want to send the case anyway.</source>
        <translation>Jag har stämt av konflikterna med polisen och den mottagande enheten och vill ändå skicka ärendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Warning: {municipality} has, or had in the last %n month(s), persons from the same or a rival group. Placing them in the same municipality can put lives at risk.</source>
        <translation>
            <numerusform>Varning: {municipality} har, eller har haft under den senaste %n månaden, personer från samma eller en rivaliserande grupp. Att placera dem i samma kommun kan sätta liv i fara.</numerusform>
            <numerusform>Varning: {municipality} har, eller har haft under de senaste %n månaderna, personer från samma eller en rivaliserande grupp. Att placera dem i samma kommun kan sätta liv i fara.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No conflict: none of our cases in {municipality} is linked to the same or a rival group.</source>
        <translation>Ingen konflikt: inget av våra ärenden i {municipality} är kopplat till samma eller en rivaliserande grupp.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case has no network link, so nothing could be compared.</source>
        <translation>Ärendet har ingen nätverkskoppling, så inget kunde jämföras.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="-58"/>
        <source>Separate several with commas</source>
        <translation>Skilj flera åt med kommatecken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New consent</source>
        <translation>Nytt samtycke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Agencies:</source>
        <translation>&amp;Myndigheter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipalities:</source>
        <translation>&amp;Kommuner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Signed on:</source>
        <translation>&amp;Undertecknat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Expires on:</source>
        <translation>&amp;Gäller till:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given by:</source>
        <translation>&amp;Lämnat av:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A handover to another municipality needs a valid consent covering it (or another legal basis).</source>
        <translation>En överlämning till en annan kommun kräver ett giltigt samtycke som omfattar den (eller en annan rättslig grund).</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../contacts/contacts_view.py" line="+72"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>verified {day}</source>
        <translation>verifierad {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revoked {day}</source>
        <translation>återkallad {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not verified</source>
        <translation>inte verifierad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(verify first)</source>
        <translation>(verifiera först)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>colleague in your unit</source>
        <translation>kollega i din enhet</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location line="+41"/>
        <location line="+10"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Import card…</source>
        <translation>&amp;Importera kort…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify…</source>
        <translation>&amp;Verifiera…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Återkalla…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This unit&apos;s card</source>
        <translation>Den här enhetens kort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our fingerprint</source>
        <translation>Vårt fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export our card…</source>
        <translation>&amp;Exportera vårt kort…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Import a contact card</source>
        <translation>Importera ett kontaktkort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact card ({pattern})</source>
        <translation>Kontaktkort ({pattern})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing the card…</source>
        <translation>Importerar kortet…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The contact&apos;s new keys were applied; it stays verified.</source>
        <translation>Kontaktens nya nycklar har lagts in; kontakten är fortfarande verifierad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This card was imported before; the contact is verified.</source>
        <translation>Kortet har importerats tidigare; kontakten är verifierad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card was imported as not verified. Verify its fingerprint with the other unit before you send or accept anything.</source>
        <translation>Kortet importerades som inte verifierat. Verifiera fingeravtrycket med den andra enheten innan du skickar eller tar emot något.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name} is verified.</source>
        <translation>{name} är verifierad.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{name} is revoked.</source>
        <translation>{name} är återkallad.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export our contact card</source>
        <translation>Exportera vårt kontaktkort</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Our card was saved as {file}. Give it to the other unit, then compare fingerprints on the phone or in person.</source>
        <translation>Vårt kort sparades som {file}. Ge det till den andra enheten och jämför sedan fingeravtrycken per telefon eller när ni ses.</translation>
    </message>
</context>
<context>
    <name>CoordinatorView</name>
    <message>
        <location filename="../knowledge/coordinator_view.py" line="+55"/>
        <source>National coordination</source>
        <translation>Nationell samordning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Receive report…</source>
        <translation>&amp;Ta emot rapport…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Merge</source>
        <translation>S&amp;lå samman</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;CSV…</source>
        <translation>Exportera &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PDF…</source>
        <translation>Exportera &amp;PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>Received reports</source>
        <translation>Mottagna rapporter</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Each number is the sum of the units&apos; published numbers; where a unit hid its number, the sum is hidden too (–). No unit&apos;s hidden number can be worked out from these tables. Only reports of exactly the chosen period are merged; methods are added up by their code, and a method your register does not hold stays a row of its own for the unit that reported it.</source>
        <translation>Varje tal är summan av enheternas publicerade tal; där en enhet har dolt sitt tal är summan också dold (–). Ingen enhets dolda tal kan räknas fram ur de här tabellerna. Bara rapporter för exakt den valda perioden slås samman. Metoder räknas ihop efter sin kod, och en metod som inte finns i ert metodregister redovisas på en egen rad för den enhet som rapporterade den.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{municipality} ({unit}), {start} – {end}</source>
        <translation>{municipality} ({unit}), {start} – {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reports received yet.</source>
        <translation>Inga rapporter har tagits emot ännu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receive a national report</source>
        <translation>Ta emot en nationell rapport</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Verifying…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report was verified and received.</source>
        <translation>Rapporten kontrollerades och togs emot.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merging…</source>
        <translation>Slår samman…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{start} – {end}: national tables from %n report(s).</source>
        <translation>
            <numerusform>{start} – {end}: nationella tabeller från %n rapport.</numerusform>
            <numerusform>{start} – {end}: nationella tabeller från %n rapporter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Not combined: %n report(s) of other periods ({reports}).</source>
        <translation>
            <numerusform>Inte sammanslagen: %n rapport för en annan period ({reports}).</numerusform>
            <numerusform>Inte sammanslagna: %n rapporter för andra perioder ({reports}).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF-fil (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the national tables</source>
        <translation>Exportera de nationella tabellerna</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>National tables</source>
        <translation>Nationella tabeller</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to {file}.</source>
        <translation>Exporterat till {file}.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../record_dialogs/journal_dialogs.py" line="+243"/>
        <source>Correct journal entry</source>
        <translation>Rätta journalanteckning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now reads:</source>
        <translation>Lyder nu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Type of entry:</source>
        <translation>&amp;Typ av anteckning:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event &amp;date:</source>
        <translation>&amp;Händelsedatum:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Corrected text:</source>
        <translation>&amp;Rättad text:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason for the correction:</source>
        <translation>&amp;Skäl till rättelsen:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Written by {author}, {time}. The earlier wording stays readable.</source>
        <translation>Skriven av {author}, {time}. Den tidigare lydelsen förblir läsbar.</translation>
    </message>
</context>
<context>
    <name>Criterion</name>
    <message>
        <location filename="../kit/vocab.py" line="-35"/>
        <source>motivation to leave the environment</source>
        <translation>motivation att lämna miljön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threat</source>
        <translation>hotbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent</source>
        <translation>samtycke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed conditions</source>
        <translation>undertecknade villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a witness in a pending case</source>
        <translation>inte vittne i pågående mål</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>social services&apos; decision</source>
        <translation>socialtjänstens beslut</translation>
    </message>
</context>
<context>
    <name>DateNotesDialog</name>
    <message>
        <location filename="../knowledge/provider_dialogs.py" line="+118"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../record_dialogs/decision_dialogs.py" line="-129"/>
        <source>&amp;Provision:</source>
        <translation>&amp;Lagrum:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;What is decided:</source>
        <translation>&amp;Vad beslutet gäller:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Intervention:</source>
        <translation>&amp;Insats:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reasons:</source>
        <translation>&amp;Motivering:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Required unless granted in full</source>
        <translation>Krävs om inte allt beviljas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided &amp;by:</source>
        <translation>Beslutat &amp;av:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Under delegation:</source>
        <translation>&amp;Enligt delegation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The point of the delegation order</source>
        <translation>Punkten i delegationsordningen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided &amp;on:</source>
        <translation>Beslutsdatu&amp;m:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Notified on:</source>
        <translation>&amp;Delgivet den:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Information on how to appeal was given</source>
        <translation>&amp;Besvärshänvisning lämnad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New decision</source>
        <translation>Nytt beslut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision is signed in your name when it is saved and cannot be changed afterwards: a mistake is corrected by a new version.</source>
        <translation>Beslutet signeras i ditt namn när det sparas och kan inte ändras i efterhand: ett fel rättas med en ny version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Sign</source>
        <translation>Signera</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Reason for the &amp;correction:</source>
        <translation>Skäl till &amp;rättelsen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct decision</source>
        <translation>Rätta beslut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The correction is signed as a new version; the earlier version stays readable.</source>
        <translation>Rättelsen signeras som en ny version; den tidigare versionen går fortfarande att läsa.</translation>
    </message>
</context>
<context>
    <name>DecisionOutcome</name>
    <message>
        <location filename="../kit/vocab.py" line="+37"/>
        <source>granted</source>
        <translation>beviljat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly granted</source>
        <translation>delvis beviljat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>avslag</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../case_view/decisions_tab.py" line="+43"/>
        <source>Decided</source>
        <translation>Beslutat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Avser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notified</source>
        <translation>Delgivet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal</source>
        <translation>Överklagande</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+9"/>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Decisions (signed; corrected by a new version)</source>
        <translation>Beslut (signerade; rättas med en ny version)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New decision…</source>
        <translation>&amp;Nytt beslut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct…</source>
        <translation>&amp;Rätta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otified…</source>
        <translation>&amp;Delgivet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Appealed…</source>
        <translation>Ö&amp;verklagat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal o&amp;utcome…</source>
        <translation>&amp;Utfall av överklagande…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen decision</source>
        <translation>Valt beslut</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>appealed {day}, pending</source>
        <translation>överklagat {day}, inte avgjort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (version {n})</source>
        <translation> (version {n})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Provision: {text}</source>
        <translation>Lagrum: {text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intervention: {type}</source>
        <translation>Insats: {type}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reasons: {text}</source>
        <translation>Motivering: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided {day} by {who} under delegation {delegation}.</source>
        <translation>Beslutat {day} av {who} enligt delegation {delegation}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notified {day}.</source>
        <translation>Delgivet {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet notified.</source>
        <translation>Ännu inte delgivet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Information on how to appeal was given.</source>
        <translation>Besvärshänvisning lämnad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No information on how to appeal was given.</source>
        <translation>Ingen besvärshänvisning lämnad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appealed {day}</source>
        <translation>Överklagat {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: {outcome} {day}</source>
        <translation>: {outcome} {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: not yet decided</source>
        <translation>: inte avgjort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version {n}: {outcome}: {subject}</source>
        <translation>Version {n}: {outcome}: {subject}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed by {who} {time}</source>
        <translation>Signerat av {who} {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (imported)</source>
        <translation> (importerat)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; corrects version {n}: {reason}</source>
        <translation>; rättar version {n}: {reason}</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../record_dialogs/journal_dialogs.py" line="+52"/>
        <source>The file</source>
        <translation>Filen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add document</source>
        <translation>Lägg till handling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Rubrik:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File name:</source>
        <translation>&amp;Filnamn:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is copied into the encrypted store. The original on disk is not changed or removed; delete it yourself if it should not stay there.</source>
        <translation>Filen kopieras in i den krypterade databasen. Originalet på disken ändras inte och tas inte bort; radera det själv om det inte ska ligga kvar.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../viewer/document_viewer.py" line="+112"/>
        <source>Document</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Previous page</source>
        <translation>&amp;Föregående sida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next page</source>
        <translation>&amp;Nästa sida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Förstora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Förminska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text cannot be shown: it is not UTF-8 or Windows-1252.</source>
        <translation>Texten kan inte visas: den är varken UTF-8 eller Windows-1252.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The document cannot be shown: the file is damaged, protected by a password or not what its type says.</source>
        <translation>Handlingen kan inte visas: filen är skadad, lösenordsskyddad eller inte av den typ den anger.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Page {page} of {total}</source>
        <translation>Sida {page} av {total}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Print the document</source>
        <translation>Skriv ut handlingen</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../case_view/documents_tab.py" line="+77"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name</source>
        <translation>Filnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>Tillagd av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Tillagd</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+14"/>
        <source>Documents</source>
        <translation>Handlingar</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Documents (stored encrypted in the store)</source>
        <translation>Handlingar (sparas krypterade i databasen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF, images and plain text are shown and printed inside Utväg, from memory. Other documents must be exported deliberately; an exported file is not encrypted.</source>
        <translation>PDF, bilder och vanlig text visas och skrivs ut direkt i Utväg, utan att sparas på disken. Andra handlingar måste exporteras medvetet; en exporterad fil är inte krypterad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add document…</source>
        <translation>&amp;Lägg till handling…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Add a document</source>
        <translation>Lägg till en handling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt);;All files (*)</source>
        <translation>Handlingar (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opening the document…</source>
        <translation>Öppnar handlingen…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Printing the document…</source>
        <translation>Skriver ut handlingen…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Skickat till skrivaren: %n sida.</numerusform>
            <numerusform>Skickat till skrivaren: %n sidor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The exported file will NOT be encrypted.</source>
        <translation>Den exporterade filen blir INTE krypterad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone who can reach the folder can read it. Save it only where your organisation allows, and delete it when you no longer need it.</source>
        <translation>Alla som kommer åt mappen kan läsa den. Spara den bara där din organisation tillåter det, och radera den när du inte längre behöver den.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export document (not encrypted)</source>
        <translation>Exportera handling (okrypterad)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported (not encrypted) to {path}</source>
        <translation>Exporterad (okrypterad) till {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting the document…</source>
        <translation>Exporterar handlingen…</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../cases/duplicates.py" line="+50"/>
        <source>The person already exists</source>
        <translation>Personen finns redan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person already exists in case {case} ({role}).</source>
        <translation>Personen finns redan i ärende {case} ({role}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Link the cases</source>
        <translation>&amp;Koppla ärendena</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go on without a link</source>
        <translation>&amp;Fortsätt utan koppling</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Linked cases are marked as being about the same person; each keeps its own records. A link can be removed later.</source>
        <translation>Kopplade ärenden markeras som att de gäller samma person; vart och ett behåller sina egna uppgifter. En koppling kan tas bort senare.</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../record_dialogs/case_dialogs.py" line="+73"/>
        <source>Case details</source>
        <translation>Uppgifter om ärendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Home municipality:</source>
        <translation>&amp;Bosättningskommun:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Municipality of stay:</source>
        <translation>&amp;Vistelsekommun:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Caseworker:</source>
        <translation>&amp;Handläggare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Referred by:</source>
        <translation>&amp;Aktualiserat av:</translation>
    </message>
</context>
<context>
    <name>EditTaskDialog</name>
    <message>
        <location filename="../record_dialogs/checklist_dialogs.py" line="+109"/>
        <source>Change task</source>
        <translation>Ändra uppgift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task:</source>
        <translation>Uppgift:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who:</source>
        <translation>&amp;Vem:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>W&amp;hen:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>EndInterventionDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="-70"/>
        <source>End intervention</source>
        <translation>Avsluta insats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ended on:</source>
        <translation>&amp;Avslutad:</translation>
    </message>
</context>
<context>
    <name>EndNetworkLinkDialog</name>
    <message>
        <location filename="../record_dialogs/network_dialogs.py" line="+90"/>
        <source>Left the network</source>
        <translation>Har lämnat nätverket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Left on:</source>
        <translation>&amp;Lämnade:</translation>
    </message>
</context>
<context>
    <name>EndPlacementDialog</name>
    <message>
        <location filename="../record_dialogs/person_dialogs.py" line="+292"/>
        <source>End placement</source>
        <translation>Avsluta placering</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moved &amp;out on:</source>
        <translation>&amp;Flyttade ut:</translation>
    </message>
</context>
<context>
    <name>EndReason</name>
    <message>
        <location filename="../kit/vocab.py" line="+16"/>
        <source>interventions carried out as planned</source>
        <translation>insatserna genomförda enligt plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the need for support and protection has ended</source>
        <translation>behovet av stöd och skydd har upphört</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the person ended the contact</source>
        <translation>den enskilde avslutade kontakten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned to a criminal environment</source>
        <translation>återgång till kriminell miljö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conditions broken</source>
        <translation>villkor brutna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved to another municipality</source>
        <translation>flyttat till annan kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deceased</source>
        <translation>avliden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other reason</source>
        <translation>annan orsak</translation>
    </message>
</context>
<context>
    <name>EndSipDialog</name>
    <message>
        <location filename="../record_dialogs/plan_dialogs.py" line="+78"/>
        <source>End SIP</source>
        <translation>Avsluta SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ended on:</source>
        <translation>&amp;Avslutad den:</translation>
    </message>
</context>
<context>
    <name>EntryType</name>
    <message>
        <location filename="../kit/labels.py" line="+102"/>
        <source>conversation</source>
        <translation>samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home visit</source>
        <translation>hembesök</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network meeting</source>
        <translation>nätverksmöte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact with an authority</source>
        <translation>myndighetskontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>övrigt</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location line="-68"/>
        <source>criminal network</source>
        <translation>kriminellt nätverk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>violent extremism</source>
        <translation>våldsbejakande extremism</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>honour-related context</source>
        <translation>hedersrelaterad miljö</translation>
    </message>
</context>
<context>
    <name>ErroneousDialog</name>
    <message>
        <location filename="../record_dialogs/journal_dialogs.py" line="-47"/>
        <source>Mark journal entry as erroneous</source>
        <translation>Felmarkera journalanteckning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry:</source>
        <translation>Anteckning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark as erroneous</source>
        <translation>Felmarkera</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/config.py" line="+48"/>
        <source>The settings file {path} could not be read; fix or delete it.</source>
        <extracomment>The only settings kept on disk, with their types.</extracomment>
        <translation>Inställningsfilen {path} kunde inte läsas; rätta eller ta bort den.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/contacts.py" line="+42"/>
        <location filename="../../desktop/passphrase.py" line="+25"/>
        <source>The file {path} could not be read.</source>
        <translation>Filen {path} kunde inte läsas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This store already has an identity ({names}); names change only with a key rotation.</source>
        <translation>Databasen har redan en identitet ({names}); namnen ändras bara vid ett nyckelbyte.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase.py" line="+5"/>
        <source>The file {path} does not start with a passphrase.</source>
        <translation>Filen {path} börjar inte med en lösenfras.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no terminal to ask on; give the secret with {option} FILE.</source>
        <translation>Det finns ingen terminal att fråga i; ange hemligheten med {option} FIL.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases are not the same; nothing was changed.</source>
        <translation>De två lösenfraserna är inte likadana; inget ändrades.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/db.py" line="+73"/>
        <source>The store database in {path} is damaged or does not belong to its key slots. Nothing was changed; restore the store from a backup.</source>
        <extracomment>``sqlcipher3.dbapi2.Connection`` (the package ships no type hints). The exceptions SQLCipher raises (for callers that map them).</extracomment>
        <translation>Databasen i {path} är skadad eller hör inte ihop med sin nyckelfil. Inget ändrades; återställ databasen från en säkerhetskopia.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Utväg needs SQLCipher 4 but found {found}. Reinstall Utväg.</source>
        <translation>Utväg behöver SQLCipher 4 men hittade {found}. Installera om Utväg.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/device_key.py" line="+59"/>
        <source>No secure keyring is available for the store&apos;s device secret. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <extracomment>Backends that keep secrets encrypted under the user&apos;s login or a hardware-backed store.</extracomment>
        <translation>Det finns ingen säker nyckelring för databasens enhetsnyckel. Installera eller lås upp en Secret Service-nyckelring (GNOME-nyckelring eller KWallet), eller använd Autentiseringshanteraren i Windows eller Nyckelringen i macOS. För en ny databas kan du i stället medvetet välja det svagare skyddet med bara lösenfras (--no-device-key).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keyring backend {backend} keeps secrets in plaintext or is not known to be secure, so Utväg will not use it. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <translation>Nyckelringen {backend} sparar hemligheter i klartext eller är inte känd som säker, så Utväg använder den inte. Installera eller lås upp en Secret Service-nyckelring (GNOME-nyckelring eller KWallet), eller använd Autentiseringshanteraren i Windows eller Nyckelringen i macOS. För en ny databas kan du i stället medvetet välja det svagare skyddet med bara lösenfras (--no-device-key).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The keyring ({backend}) could not be reached or is locked. Unlock your keyring (log in again, or open GNOME Keyring or KWallet) and try again.</source>
        <translation>Nyckelringen ({backend}) gick inte att nå eller är låst. Lås upp nyckelringen (logga in igen, eller öppna GNOME-nyckelringen eller KWallet) och försök igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This computer&apos;s keyring no longer holds the key that ties the store to this computer (the keyring was reset, or you use another user account or desktop, or the store comes from another computer). The passphrase is not wrong, but it cannot open the store on its own now. Open it with the recovery code or a card added to it, and the store is tied to this keyring again: utvag recover, or utvag keyslot bind-keyring.</source>
        <translation>Datorns nyckelring har inte längre den nyckel som knyter databasen till den här datorn (nyckelringen har nollställts, du använder ett annat användarkonto eller skrivbord, eller databasen kommer från en annan dator). Lösenfrasen är inte fel, men den kan inte öppna databasen ensam nu. Öppna med återställningskoden eller ett smartkort som har lagts till, så knyts databasen till den här nyckelringen igen: utvag recover eller utvag keyslot bind-keyring.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This computer&apos;s keyring holds a key for this store from another setup, not the one that ties the store to this computer. The passphrase is not wrong, but it cannot open the store on its own now. Open it with the recovery code or a card added to it, and the store is tied to this keyring again: utvag recover, or utvag keyslot bind-keyring.</source>
        <translation>Datorns nyckelring har en nyckel till databasen från en annan installation, inte den som knyter databasen till den här datorn. Lösenfrasen är inte fel, men den kan inte öppna databasen ensam nu. Öppna med återställningskoden eller ett smartkort som har lagts till, så knyts databasen till den här nyckelringen igen: utvag recover eller utvag keyslot bind-keyring.</translation>
    </message>
    <message>
        <location filename="../../storage/errors.py" line="+52"/>
        <source>The operation failed.</source>
        <translation>Åtgärden misslyckades.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Invalid usage.</source>
        <extracomment>A stable, language-independent code for scripts (``--json``) and tests.</extracomment>
        <translation>Felaktig användning.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The input is not valid.</source>
        <translation>Uppgifterna är inte giltiga.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The requested item was not found.</source>
        <translation>Det efterfrågade hittades inte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The store could not be read or written.</source>
        <translation>Databasen kunde inte läsas eller skrivas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk is full. Nothing was changed; free some space and try again.</source>
        <translation>Disken är full. Inget ändrades; frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/keyslots.py" line="+79"/>
        <source>The key-slot file {path} is damaged or incomplete, so the store cannot be opened. Nothing was changed; restore keyslots.json from a backup of this store.</source>
        <extracomment>The slot contexts (AEAD associated data) and the data key&apos;s keep version 1 for ever. A file with token slots is version 2 (an older Utväg then says &quot;written by a newer Utväg&quot; instead of &quot;damaged&quot;); one without stays version 1.</extracomment>
        <translation>Nyckelfilen {path} är skadad eller ofullständig, så databasen kan inte öppnas. Inget ändrades; återställ keyslots.json från en säkerhetskopia av den här databasen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key-slot file {path} has format version {found}, which this version of Utväg does not know. Update Utväg to open this store.</source>
        <translation>Nyckelfilen {path} har formatversion {found}, som den här versionen av Utväg inte känner till. Uppdatera Utväg för att öppna databasen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a valid recovery code; check it for typos. A recovery code has 28 characters in 7 groups of 4.</source>
        <translation>Det här är ingen giltig återställningskod; kontrollera att den är rätt inskriven. En återställningskod har 28 tecken i 7 grupper om 4.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/lock.py" line="+27"/>
        <source>The store {path} is already open in another Utväg window or process. Close it there first.</source>
        <translation>Databasen {path} är redan öppen i ett annat Utväg-fönster eller program. Stäng den där först.</translation>
    </message>
    <message>
        <location filename="../../storage/records/personnummer.py" line="+36"/>
        <source>{field}: not a valid personnummer or samordningsnummer.</source>
        <translation>{field}: inte ett giltigt personnummer eller samordningsnummer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: a personnummer has 10 or 12 digits (got {digits}); write it as YYMMDD-NNNN or YYYYMMDD-NNNN.</source>
        <translation>{field}: ett personnummer har 10 eller 12 siffror (fick {digits}); skriv det som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: only digits and one &apos;-&apos; or &apos;+&apos; before the last four digits are allowed.</source>
        <translation>{field}: bara siffror och ett &apos;-&apos; eller &apos;+&apos; före de fyra sista siffrorna är tillåtna.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field}: the date part is not a real calendar date (year, month, day).</source>
        <translation>{field}: datumdelen är inte ett verkligt datum (år, månad, dag).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the birth date lies in the future.</source>
        <translation>{field}: födelsedatumet ligger i framtiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: the century does not fit: 12 digits start with 18, 19 or 20, and a &apos;+&apos; means the person is 100 years or older.</source>
        <translation>{field}: århundradet stämmer inte: 12 siffror börjar med 18, 19 eller 20, och ett &apos;+&apos; betyder att personen är 100 år eller äldre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the control digit (the last digit) is wrong; check for a typo.</source>
        <translation>{field}: kontrollsiffran (den sista siffran) är fel; kontrollera att numret är rätt inskrivet.</translation>
    </message>
    <message>
        <location filename="../../storage/records/errors.py" line="+15"/>
        <source>{field} is required.</source>
        <translation>{field} måste anges.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be {expected}.</source>
        <translation>{field} måste vara {expected}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation>{field} är för lång (högst {limit} tecken).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} contains control characters; remove them and try again.</source>
        <translation>{field} innehåller styrtecken; ta bort dem och försök igen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} is not a valid date; write it as YYYY-MM-DD (e.g. 2026-03-01).</source>
        <translation>{field} är inte ett giltigt datum; skriv det som ÅÅÅÅ-MM-DD (t.ex. 2026-03-01).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} is not a valid UTC time; write it as YYYY-MM-DDTHH:MM:SSZ.</source>
        <translation>{field} är inte en giltig UTC-tid; skriv den som ÅÅÅÅ-MM-DDTHH:MM:SSZ.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} cannot be earlier than {other}.</source>
        <translation>{field} kan inte vara tidigare än {other}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} cannot lie in the future.</source>
        <translation>{field} kan inte ligga i framtiden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} måste vara ett heltal från {low} till {high}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be one of: {choices}.</source>
        <translation>{field} måste vara något av: {choices}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must look like UV-2026-0001 (UV, year, a number of 4-6 digits).</source>
        <translation>{field} ska se ut som UV-2026-0001 (UV, år, ett nummer med 4–6 siffror).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a case with this case number already exists.</source>
        <translation>{field}: det finns redan ett ärende med det här ärendenumret.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A case cannot move from status “{old}” to “{new}”.</source>
        <translation>Ett ärende kan inte gå från status ”{old}” till ”{new}”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: closing a case (avslutad) needs an outcome ({choices}).</source>
        <translation>{field}: ett ärende som avslutas behöver ett utfall ({choices}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: only a closed case (avslutad) has an outcome.</source>
        <translation>{field}: bara ett avslutat ärende har ett utfall.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: only a closed or handed-over case has a closing date.</source>
        <translation>{field}: bara ett avslutat eller överlämnat ärende har ett avslutsdatum.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} does not match the birth year in the personnummer.</source>
        <translation>{field} stämmer inte med födelseåret i personnumret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case {case} is closed or handed over; it cannot be changed any more.</source>
        <translation>Ärende {case} är avslutat eller överlämnat; det kan inte ändras längre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case {case} already has a principal person; add others as närstående.</source>
        <translation>Ärende {case} har redan en huvudperson; lägg till andra som närstående.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: give a reason; it is written to the audit log.</source>
        <translation>{field}: ange ett skäl; det skrivs i granskningsloggen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} is not a known field.</source>
        <translation>{field} är inte ett känt fält.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Journal entry {entry} has already been corrected by entry {newer}; correct the latest version instead.</source>
        <translation>Journalanteckning {entry} har redan rättats genom anteckning {newer}; rätta den senaste versionen i stället.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journal entry {entry} is marked erroneous (felmarkerad); it cannot be changed.</source>
        <translation>Journalanteckning {entry} är felmarkerad; den kan inte ändras.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the file is {size} MiB; documents may be at most {limit} MiB.</source>
        <translation>{field}: filen är {size} MiB; handlingar får vara högst {limit} MiB.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: this kind of file is not accepted. Allowed: PDF, PNG, JPEG, plain text (UTF-8 or Windows-1252), Word (DOCX) and OpenDocument text (ODT).</source>
        <translation>{field}: den här filtypen tas inte emot. Tillåtna är PDF, PNG, JPEG, vanlig text (UTF-8 eller Windows-1252), Word (DOCX) och OpenDocument-text (ODT).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the file is empty.</source>
        <translation>{field}: filen är tom.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: the register already has an entry by that name.</source>
        <translation>{field}: registret har redan en post med det namnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a group cannot be related to itself.</source>
        <translation>{field}: en grupp kan inte ha en relation till sig själv.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: this {record} is already recorded as done.</source>
        <translation>{field}: den här posten ({record}) är redan registrerad som utförd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no case {case}.</source>
        <translation>Det finns inget ärende {case}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no {record} with id {id}.</source>
        <translation>Det finns ingen post ({record}) med id {id}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import file is not valid JSON (line {line}, column {column}). Nothing was imported.</source>
        <translation>Importfilen är inte giltig JSON (rad {line}, kolumn {column}). Inget importerades.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is not an Utväg case import (&quot;format&quot;: &quot;utvag-case-import&quot;, &quot;version&quot;: 1 or 2). Nothing was imported.</source>
        <translation>Filen är inte en ärendeimport för Utväg (&quot;format&quot;: &quot;utvag-case-import&quot;, &quot;version&quot;: 1 eller 2). Inget importerades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>Importen avbröts. Ingenting importerades.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: there is no {record} by that name in the file or in the register.</source>
        <translation>{field}: det finns ingen post ({record}) med det namnet i filen eller i registret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft {draft} was written by someone else; only its author can change, sign or delete it.</source>
        <translation>Utkast {draft} är skrivet av någon annan. Bara den som skrev det kan ändra, signera eller ta bort det.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placement {placement} already has a relocation checklist.</source>
        <translation>Placering {placement} har redan en flyttchecklista.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A case cannot be linked to itself.</source>
        <translation>Ett ärende kan inte kopplas till sig självt.</translation>
    </message>
    <message>
        <location filename="../../storage/schema/__init__.py" line="+26"/>
        <source>This store was written by a newer version of Utväg (schema {found}, this version knows up to {known}). Update Utväg to open it.</source>
        <translation>Databasen har skrivits av en nyare version av Utväg (version {found}; den här versionen känner till upp till {known}). Uppdatera Utväg för att öppna den.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/errors.py" line="+17"/>
        <source>No store was found in {path}. Create one with utvag init, or name the right folder with --store.</source>
        <translation>Ingen databas hittades i {path}. Skapa en med utvag init, eller ange rätt mapp med --store.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is already a store in {path}; Utväg will not overwrite it.</source>
        <translation>Det finns redan en databas i {path}; Utväg skriver inte över den.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The folder {path} is not empty. Choose a new or empty folder for a new store.</source>
        <translation>Mappen {path} är inte tom. Välj en ny eller tom mapp för en ny databas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase is not correct. Check it and try again.</source>
        <translation>Lösenfrasen är inte rätt. Kontrollera den och försök igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code does not open this store. Check that it belongs to it.</source>
        <translation>Återställningskoden öppnar inte den här databasen. Kontrollera att koden hör till den.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The new passphrase is too easy to guess. Make it longer with words that do not belong together, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen är för lätt att gissa. Gör den längre med ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new passphrase is too short: use at least {minimum} characters. Several words that do not belong together are easy to remember, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen är för kort: använd minst {minimum} tecken. Flera ord som inte hör ihop är lätta att komma ihåg, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new passphrase is made of common words, names or passwords, which are tried first. Choose words that do not belong together, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen består av vanliga ord, namn eller lösenord, och sådana prövas först. Välj ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new passphrase follows a pattern on the keyboard (such as qwerty or 1qaz), which is tried early. Choose words that do not belong together instead, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen följer ett mönster på tangentbordet (som qwerty eller 1qaz), och sådana prövas tidigt. Välj i stället ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The new passphrase is a repetition or a sequence (such as aaaa, abcd or 1234), which is tried early. Choose words that do not belong together instead, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen är en upprepning eller en följd (som aaaa, abcd eller 1234), och sådana prövas tidigt. Välj i stället ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The new passphrase rests on a date or a year, which is tried early. Choose words that do not belong together instead, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen bygger på ett datum eller ett årtal, och sådana prövas tidigt. Välj i stället ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new passphrase is built on a word from this setting (Utväg, a municipality, your user name), which is tried early. Choose words that do not belong together instead, for example: {suggestion}</source>
        <translation>Den nya lösenfrasen bygger på ett ord ur sammanhanget (Utväg, en kommun, ditt användarnamn), och sådana prövas tidigt. Välj i stället ord som inte hör ihop, till exempel: {suggestion}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The key-derivation parameters are outside the accepted range (at least 64 MiB, 3 passes and 4 lanes).</source>
        <translation>Parametrarna för nyckelhärledning ligger utanför det tillåtna (minst 64 MiB, 3 varv och 4 spår).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The store is locked. Unlock it to continue.</source>
        <translation>Utväg är låst. Lås upp för att fortsätta.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/throttle.py" line="+41"/>
        <source>Too many failed attempts to open the store. Wait {retry_after} seconds and try again.</source>
        <translation>För många misslyckade försök att öppna databasen. Vänta {retry_after} s och försök igen.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="+32"/>
        <source>The bundle could not be opened.</source>
        <translation>Paketet kunde inte öppnas.</translation>
    </message>
    <message>
        <location filename="../../sync/age/errors.py" line="+15"/>
        <source>The encrypted bundle could not be opened.</source>
        <translation>Det krypterade paketet kunde inte öppnas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle&apos;s encryption header is damaged or not in the age format; ask the sender to send it again.</source>
        <translation>Paketets krypteringshuvud är skadat eller i fel format; be avsändaren skicka paketet igen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle&apos;s encryption header is larger than {limit} bytes, so it was refused without being processed.</source>
        <translation>Paketets krypteringshuvud är större än {limit} byte, så det avvisades utan att behandlas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle names more than {limit} recipients in its header, so it was refused without being processed.</source>
        <translation>Paketet anger fler än {limit} mottagare i sitt huvud, så det avvisades utan att behandlas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle file is incomplete: it ends inside its encryption header.</source>
        <translation>Paketfilen är ofullständig: den tar slut inne i krypteringshuvudet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line {line} of the bundle&apos;s encryption header is damaged: it is neither part of a recipient entry nor the closing &apos;---&apos; line. The file was changed or damaged on the way; ask the sender to send it again.</source>
        <translation>Rad {line} i paketets krypteringshuvud är skadad: den hör varken till en mottagarpost eller är den avslutande raden &apos;---&apos;. Filen har ändrats eller skadats på vägen; be avsändaren skicka den igen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The line that closes the bundle&apos;s encryption header (line {line}) is damaged: it must be &apos;---&apos;, a space and a 43-character check value. The file was changed or damaged on the way; ask the sender to send it again.</source>
        <translation>Raden som avslutar paketets krypteringshuvud (rad {line}) är skadad: den ska bestå av &apos;---&apos;, ett mellanslag och ett kontrollvärde på 43 tecken. Filen har ändrats eller skadats på vägen; be avsändaren skicka den igen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The bundle uses a version of the age format that this program does not support.</source>
        <translation>Paketet använder en version av krypteringsformatet som Utväg inte stöder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is in age&apos;s text (armored) form; only the binary form is accepted.</source>
        <translation>Paketet är sparat som text; bara paket i binär form tas emot.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The bundle is protected with a passphrase or an unsupported key type; only bundles sealed to a municipality&apos;s keys are accepted.</source>
        <translation>Paketet är skyddat med en lösenfras eller en nyckeltyp som inte stöds; bara paket som förseglats till en kommuns nycklar tas emot.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A recipient entry in the bundle&apos;s encryption header is malformed.</source>
        <translation>En mottagarpost i paketets krypteringshuvud är felaktigt utformad.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle&apos;s encryption header has been altered after it was sealed.</source>
        <translation>Paketets krypteringshuvud har ändrats efter att det förseglades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This bundle is not addressed to this store&apos;s keys.</source>
        <translation>Paketet är inte adresserat till den här enhetens nycklar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bundle&apos;s content is damaged or has been altered; nothing in it was used.</source>
        <translation>Paketets innehåll är skadat eller har ändrats; inget i det användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is incomplete: its content is cut short; nothing in it was used.</source>
        <translation>Paketet är ofullständigt: innehållet är avkortat; inget i det användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle has unexpected data after its end and may have been altered; nothing in it was used.</source>
        <translation>Paketet har oväntade data efter sitt slut och kan ha ändrats; inget i det användes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The encryption key is not a valid age key.</source>
        <translation>Krypteringsnyckeln är inte giltig.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A bundle must be sealed to at least one recipient.</source>
        <translation>Ett paket måste förseglas till minst en mottagare.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A bundle can be sealed to at most {limit} recipients at a time.</source>
        <translation>Ett paket kan förseglas till högst {limit} mottagare åt gången.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A bundle sealed with post-quantum keys cannot also be sealed to classical keys; choose recipients of one kind.</source>
        <translation>Ett paket som förseglas med postkvantnycklar kan inte samtidigt förseglas till klassiska nycklar; välj mottagare av ett slag.</translation>
    </message>
    <message>
        <location filename="../../sync/signing/errors.py" line="+12"/>
        <source>The bundle&apos;s signature could not be verified.</source>
        <translation>Paketets signatur kunde inte verifieras.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signature file is malformed.</source>
        <translation>Signaturfilen är felaktigt utformad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signing public key is malformed.</source>
        <translation>Den publika signeringsnyckeln är felaktigt utformad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The signature uses minisign&apos;s old non-prehashed format, which is not accepted; ask the sender to sign again.</source>
        <translation>Signaturen är gjord i ett äldre format som inte godtas; be avsändaren signera igen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A signature comment must be a single line of at most {limit} bytes.</source>
        <translation>En signaturkommentar måste vara en enda rad på högst {limit} byte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The signature was made with key {found}, not with the sender&apos;s key {expected}.</source>
        <translation>Signaturen gjordes med nyckeln {found}, inte med avsändarens nyckel {expected}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signature does not match the signed data; it was altered or not made by the sender.</source>
        <translation>Signaturen stämmer inte med de signerade uppgifterna; de har ändrats eller signerades inte av avsändaren.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signature&apos;s trusted comment has been altered after signing.</source>
        <translation>Signaturens betrodda kommentar har ändrats efter signeringen.</translation>
    </message>
    <message>
        <location filename="../../sync/wire/errors.py" line="+15"/>
        <source>The bundle&apos;s content is not laid out as the bundle format requires.</source>
        <translation>Paketets innehåll är inte ordnat så som paketformatet kräver.</translation>
    </message>
    <message>
        <location filename="../../sync/bundle/errors.py" line="+12"/>
        <source>The bundle file could not be read; check that it exists and is complete.</source>
        <translation>Paketfilen kunde inte läsas; kontrollera att den finns och är hel.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle cannot be sealed like this: check the kind, the case reference, the legal basis and that the expiry is in the future and at most a year ahead.</source>
        <translation>Paketet kan inte förseglas så här: kontrollera typen, ärendehänvisningen, den rättsliga grunden och att sista giltighetsdag ligger i framtiden och högst ett år fram.</translation>
    </message>
    <message>
        <location filename="../../sync/wire/errors.py" line="+7"/>
        <source>The bundle contains an entry that is not allowed.</source>
        <translation>Paketet innehåller en post som inte är tillåten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle contains an entry with a name that is not allowed ({name}); nothing in it was used.</source>
        <translation>Paketet innehåller en post med ett namn som inte är tillåtet ({name}); inget i det användes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle contains a link, folder or special entry, which bundles never contain; nothing in it was used.</source>
        <translation>Paketet innehåller en länk, en mapp eller en specialpost, vilket paket aldrig innehåller; inget i det användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle or one of its parts is larger than this program accepts (at most {limit}).</source>
        <translation>Paketet eller en av dess delar är större än vad programmet tar emot (högst {limit}).</translation>
    </message>
    <message>
        <location filename="../../sync/bundle/errors.py" line="+11"/>
        <source>The bundle&apos;s table of contents (manifest) is invalid; nothing in it was used.</source>
        <translation>Paketets innehållsförteckning (manifest) är ogiltig; inget i det användes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle&apos;s signature comment does not match its table of contents; nothing in it was used.</source>
        <translation>Paketets signaturkommentar stämmer inte med innehållsförteckningen; inget i det användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sender named inside the bundle does not match the key that signed it; nothing in it was used.</source>
        <translation>Avsändaren som anges i paketet stämmer inte med nyckeln som signerade det; inget i det användes.</translation>
    </message>
    <message>
        <location filename="../../sync/trust/errors.py" line="+117"/>
        <source>The bundle is signed with key {key_id}, which belongs to none of your contacts. Import and verify the sender&apos;s contact card first.</source>
        <translation>Paketet är signerat med nyckeln {key_id}, som inte tillhör någon av dina kontakter. Importera och verifiera avsändarens kontaktkort först.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle comes from a contact whose fingerprint has not been verified yet. Verify it with the sender by phone or in person, then open the bundle again.</source>
        <translation>Paketet kommer från en kontakt vars fingeravtryck inte har verifierats ännu. Verifiera det med avsändaren per telefon eller vid ett möte och öppna sedan paketet igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is signed with a key you have revoked; it was refused.</source>
        <translation>Paketet är signerat med en nyckel som du har spärrat; det avvisades.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle is signed with a key the sender has since replaced; ask the sender to send it again.</source>
        <translation>Paketet är signerat med en nyckel som avsändaren sedan har bytt ut; be avsändaren skicka det igen.</translation>
    </message>
    <message>
        <location filename="../../sync/bundle/errors.py" line="+11"/>
        <source>The bundle was not addressed to this unit by its sender (it may have been forwarded); it was refused.</source>
        <translation>Paketet adresserades inte till den här enheten av avsändaren (det kan ha vidarebefordrats); det avvisades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle expired on {expires} (UTC); ask the sender for a new one.</source>
        <translation>Paketet slutade gälla {expires} (UTC); be avsändaren om ett nytt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This bundle has already been received; it is not imported a second time.</source>
        <translation>Paketet har redan tagits emot; det importeras inte en gång till.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle is older than one already received from the same sender (number {found}, last received {last}); ask the sender to send it again.</source>
        <translation>Paketet är äldre än ett som redan tagits emot från samma avsändare (nummer {found}, senast mottaget {last}); be avsändaren skicka det igen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle&apos;s contents do not match its signed table of contents.</source>
        <translation>Paketets innehåll stämmer inte med den signerade innehållsförteckningen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part {name} of the bundle was altered: its checksum does not match.</source>
        <translation>Delen {name} i paketet har ändrats: kontrollsumman stämmer inte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part {name} of the bundle does not have the size its sender signed.</source>
        <translation>Delen {name} i paketet har inte den storlek som avsändaren signerade.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle contains a part ({name}) its sender did not sign; it was refused.</source>
        <translation>Paketet innehåller en del ({name}) som avsändaren inte signerade; det avvisades.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle lacks a part ({name}) its sender signed; it was refused.</source>
        <translation>Paketet saknar en del ({name}) som avsändaren signerade; det avvisades.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The parts of the bundle are not in the order its sender signed.</source>
        <translation>Paketets delar ligger inte i den ordning som avsändaren signerade.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The bundle {bundle} was sealed and recorded, but it could not be put at {path}. Utväg keeps what it needs to write exactly this bundle again; it tries at the next start, or write it to another folder.</source>
        <translation>Paketet {bundle} har förseglats och registrerats, men kunde inte sparas som {path}. Utväg sparar det som behövs för att skriva exakt samma paket igen; det görs vid nästa start, eller skriv det till en annan mapp.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bundle {bundle} cannot be written again: what it takes to write the same bytes is no longer kept (it has expired, been answered or cancelled, or it was sealed by an older version of Utväg).</source>
        <translation>Paketet {bundle} kan inte skrivas igen: det som behövs för att skriva exakt samma fil finns inte längre kvar (paketet har slutat gälla, besvarats eller makulerats, eller förseglades av en äldre version av Utväg).</translation>
    </message>
    <message>
        <location filename="../../sync/wire/errors.py" line="+10"/>
        <source>A document changed while the bundle was being written; nothing was written.</source>
        <translation>En handling ändrades medan paketet skrevs; inget skrevs.</translation>
    </message>
    <message>
        <location filename="../../sync/bundle/errors.py" line="-32"/>
        <source>This opened bundle has no part named {name}, or it was already imported.</source>
        <translation>Det öppnade paketet har ingen del som heter {name}, eller så är den redan importerad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The receipt is invalid.</source>
        <translation>Kvittot är ogiltigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt does not refer to a bundle this unit sent to its sender; it was refused.</source>
        <translation>Kvittot gäller inte ett paket som den här enheten skickat till kvittots avsändare; det avvisades.</translation>
    </message>
    <message>
        <location filename="../../sync/trust/errors.py" line="-128"/>
        <source>This store&apos;s identity could not be used.</source>
        <translation>Databasens identitet kunde inte användas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This store has no identity yet; set up the municipality, unit and caseworker first.</source>
        <translation>Databasen har ingen identitet ännu; ange först kommun, enhet och handläggare.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The {field} must be 1 to {limit} characters of ordinary text on one line.</source>
        <translation>Fältet {field} måste vara 1 till {limit} tecken vanlig text på en rad.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The contact could not be used.</source>
        <translation>Kontakten kunde inte användas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no contact number {id}.</source>
        <translation>Det finns ingen kontakt nummer {id}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is not a valid Utväg contact card; ask the sender for a new one.</source>
        <translation>Filen är inte ett giltigt kontaktkort för Utväg; be avsändaren om ett nytt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is your own contact card; import the other unit&apos;s card instead.</source>
        <translation>Det här är ditt eget kontaktkort; importera den andra enhetens kort i stället.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You already have contact number {id} for this municipality, unit and caseworker with other keys. A new card never replaces it: apply a signed key update, or revoke the old contact first.</source>
        <translation>Du har redan kontakt nummer {id} för den här kommunen, enheten och handläggaren med andra nycklar. Ett nytt kort ersätter den aldrig: använd en signerad nyckeluppdatering, eller spärra den gamla kontakten först.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A key on this card is already used by another contact or by a retired or revoked key; the card was refused.</source>
        <translation>En nyckel på kortet används redan av en annan kontakt eller av en avvecklad eller spärrad nyckel; kortet avvisades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This card carries a key you have revoked or that was replaced; it was refused.</source>
        <translation>Kortet innehåller en nyckel som du har spärrat eller som har ersatts; det avvisades.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The fingerprint you entered does not match this contact&apos;s card. Do not use the contact; check with the sender over a channel you trust.</source>
        <translation>Fingeravtrycket du angav stämmer inte med kontaktens kort. Använd inte kontakten; stäm av med avsändaren via en kanal du litar på.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contact number {id} has not been verified; compare its fingerprint with the recipient before sending.</source>
        <translation>Kontakt nummer {id} har inte verifierats; jämför fingeravtrycket med mottagaren innan du skickar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contact number {id} has been revoked.</source>
        <translation>Kontakt nummer {id} har spärrats.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key update is not signed by the contact&apos;s current verified key, or is older than the keys you have; it was refused.</source>
        <translation>Nyckeluppdateringen är inte signerad med kontaktens nuvarande verifierade nyckel, eller är äldre än de nycklar du har; den avvisades.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/store.py" line="+64"/>
        <source>The store check found {count} problem(s); see above.</source>
        <translation>Kontrollen av databasen hittade {count} problem; se ovan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit log has been tampered with: entries {seqs} (see above).</source>
        <translation>Granskningsloggen har manipulerats: poster {seqs} (se ovan).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{option} must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ).</source>
        <translation>{option} måste vara ett datum (ÅÅÅÅ-MM-DD) eller en UTC-tid (ÅÅÅÅ-MM-DDTHH:MM:SSZ).</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/cases.py" line="-254"/>
        <source>--reveal needs --reason: why you open the protected fields (it is logged).</source>
        <translation>--reveal kräver --reason: varför du öppnar de skyddade uppgifterna (det loggas).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--cases must be a number from 1 to 100000.</source>
        <translation>--cases måste vara ett tal från 1 till 100000.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/backup.py" line="+53"/>
        <source>The backup check found {count} problem(s); see above.</source>
        <translation>Kontrollen av säkerhetskopian hittade {count} problem; se ovan.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/stats.py" line="+57"/>
        <source>{option} must be a date written YYYY-MM-DD.</source>
        <translation>{option} måste vara ett datum skrivet ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--from must not be later than --to.</source>
        <translation>--from får inte vara senare än --to.</translation>
    </message>
    <message>
        <location filename="../../storage/backup/backups.py" line="+101"/>
        <source>The file {path} already exists; Utväg will not overwrite it. Choose a new name.</source>
        <translation>Filen {path} finns redan; Utväg skriver inte över den. Välj ett nytt namn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is the backup made at {at} (UTC), complete and recorded in the log; Utväg will not overwrite it. Choose a new name for a new backup.</source>
        <translation>{path} är säkerhetskopian som gjordes {at} (UTC); den är fullständig och finns i loggen, och Utväg skriver inte över den. Välj ett nytt namn för en ny säkerhetskopia.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A backup cannot be written to {path}: choose a folder that exists and is outside the store folder, preferably on another disk.</source>
        <translation>En säkerhetskopia kan inte skrivas till {path}: välj en mapp som finns och ligger utanför databasens mapp, helst på en annan disk.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup copy did not pass its check ({reason}); no backup was written.</source>
        <translation>Säkerhetskopian klarade inte kontrollen ({reason}); ingen säkerhetskopia skrevs.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no backup file {path}.</source>
        <translation>Det finns ingen säkerhetskopia {path}.</translation>
    </message>
    <message>
        <location filename="../../storage/backup/archive.py" line="+62"/>
        <source>The file {path} is not an intact Utväg backup ({reason}). Nothing was changed.</source>
        <translation>Filen {path} är inte en hel säkerhetskopia av Utväg ({reason}). Inget ändrades.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup {path} was made by a newer version of Utväg (format {found}). Update Utväg to use it.</source>
        <translation>Säkerhetskopian {path} har gjorts av en nyare version av Utväg (format {found}). Uppdatera Utväg för att använda den.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup {path} has been altered: its parts do not match its authenticated manifest. Nothing was changed; use another backup.</source>
        <translation>Säkerhetskopian {path} har ändrats: dess delar stämmer inte med den autentiserade innehållsförteckningen. Inget ändrades; använd en annan säkerhetskopia.</translation>
    </message>
    <message>
        <location filename="../../storage/backup/restore.py" line="+75"/>
        <source>This computer&apos;s keyring already holds the device secret of the store in this backup (it is set up here). Restoring would cut that store off from its passphrase: restore over its folder with --replace, or take the keyring entry over with --take-over-keyring.</source>
        <translation>Den här datorns nyckelring har redan enhetsnyckeln för databasen i säkerhetskopian (den är installerad här). En återställning skulle göra att den databasen inte längre går att öppna med sin lösenfras: återställ över dess mapp med --replace, eller ta över posten i nyckelringen med --take-over-keyring.</translation>
    </message>
    <message>
        <location filename="../../sync/handover/errors.py" line="+20"/>
        <source>The handover could not be completed.</source>
        <translation>Överlämningen kunde inte slutföras.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no legal basis on file for handing this case to {municipality}: record a consent that covers it (signed, not revoked, not expired), an överflyttning decision or a request for help first.</source>
        <translation>Det finns ingen registrerad rättslig grund för att lämna över ärendet till {municipality}: registrera först ett samtycke som omfattar det (undertecknat, inte återkallat, inte utgånget), ett beslut om överflyttning eller en begäran om hjälp.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The chosen legal basis ({basis}) is not on file for {municipality}, or is no longer valid; record it first or choose another basis.</source>
        <translation>Den valda rättsliga grunden ({basis}) är inte registrerad för {municipality}, eller gäller inte längre; registrera den först eller välj en annan grund.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending protected fields or a fictitious identity needs a reason; it is written to the audit log.</source>
        <translation>För att skicka skyddade uppgifter eller en fingerad identitet krävs ett skäl; det skrivs i granskningsloggen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown section {name}; choose from: {choices}.</source>
        <translation>Okänt avsnitt {name}; välj bland: {choices}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle&apos;s validity must be 1 to 366 days.</source>
        <translation>Paketets giltighetstid måste vara 1 till 366 dagar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case {case} is in status {status}; a case is handed over from {allowed}. Change its status first.</source>
        <translation>Ärende {case} har status {status}; ett ärende lämnas över från {allowed}. Ändra dess status först.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case was already sent (bundle {bundle}) and awaits a receipt until {expires}; import the receipt, or wait until that bundle has expired.</source>
        <translation>Ärendet har redan skickats (paket {bundle}) och väntar på kvitto till och med {expires}; importera kvittot, eller vänta tills paketet har slutat gälla.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The handover was cancelled; nothing was written.</source>
        <translation>Överlämningen avbröts; inget skrevs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case&apos;s last export (bundle {bundle}) was interrupted before its file was written. Export it again with the same choices to write exactly that bundle, or cancel it (&apos;utvag handover cancel {handover}&apos;) to choose again.</source>
        <translation>Ärendets senaste export (paket {bundle}) avbröts innan filen skrevs. Exportera igen med samma val så skrivs exakt det paketet, eller makulera det (&apos;utvag handover cancel {handover}&apos;) för att välja om.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Handover {handover} cannot be cancelled: only a handover whose bundle was never written can be, and this one was written (it may be on its way). Wait for the receipt, or until the bundle expires on {expires}.</source>
        <translation>Överlämning {handover} kan inte makuleras: det går bara när paketet aldrig skrevs, och det här paketet har skrivits (det kan vara på väg). Vänta på kvittot, eller tills paketet slutar gälla {expires}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Network conflict: {municipality} has or recently had persons from the same or a rival group: {cases}. Check with the police before going on, then confirm (--acknowledge-conflicts).</source>
        <translation>Nätverkskonflikt: {municipality} har eller har nyligen haft personer från samma eller en rivaliserande grupp: {cases}. Stäm av med polisen innan du går vidare och bekräfta sedan (--acknowledge-conflicts).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This bundle is a {kind}, not a case handover; receipts are imported with &apos;utvag receipt import&apos;.</source>
        <translation>Paketet är av typen {kind}, inte en ärendeöverlämning; kvitton importeras med &apos;utvag receipt import&apos;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case data in the bundle is not in the handover format ({detail}); refuse it and ask the sender to send it again.</source>
        <translation>Ärendeuppgifterna i paketet är inte i överlämningsformatet ({detail}); avvisa det och be avsändaren skicka det igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This import was already accepted, refused or discarded; open the bundle again.</source>
        <translation>Paketet har redan tagits emot, vägrats eller stängts; öppna paketet igen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A refusal needs a reason of 1 to 1,000 characters on one line; it is sent to the sender in the receipt.</source>
        <translation>Ett avvisande kräver ett skäl på 1 till 1 000 tecken på en rad; det skickas till avsändaren i kvittot.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This bundle is a {kind}, not a receipt; case handovers are imported with &apos;utvag handover import&apos;.</source>
        <translation>Paketet är av typen {kind}, inte ett kvitto; ärendeöverlämningar importeras med &apos;utvag handover import&apos;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receipt answers bundle {bundle}, which is not a handover of this store.</source>
        <translation>Kvittot besvarar paket {bundle}, som inte är en överlämning härifrån.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A receipt for bundle {bundle} was already recorded on {at}.</source>
        <translation>Ett kvitto för paket {bundle} registrerades redan {at}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This handover (bundle {bundle}) was already decided on {at} and its receipt was written to {file}; it is not imported again. Write the receipt again with &apos;utvag receipt write {bundle} --out FILE&apos;.</source>
        <translation>Överlämningen (paket {bundle}) avgjordes redan {at} och kvittot skrevs till {file}; den importeras inte igen. Skriv kvittot igen med &apos;utvag receipt write {bundle} --out FIL&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No handover received by this store matches {ref}: give its bundle id (see &apos;utvag receipt list&apos;) or the number of the case it became.</source>
        <translation>Ingen mottagen överlämning i det här lagret motsvarar {ref}: ange paketets id (se &apos;utvag receipt list&apos;) eller numret på ärendet den blev.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receipt for bundle {bundle} cannot be written again: this store no longer holds the decision it would confirm.</source>
        <translation>Kvittot för paket {bundle} kan inte skrivas igen: lagret har inte längre kvar beslutet som kvittot skulle bekräfta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receiving municipality accepted the case, but {case} is now in status {status}, which cannot become överlämnad; set it to {allowed} and import the receipt again.</source>
        <translation>Den mottagande kommunen tog emot ärendet, men {case} har nu status {status}, som inte kan bli överlämnad; ändra den till {allowed} och importera kvittot igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case {case} is shared within the unit and you are not its responsible caseworker; only the responsible caseworker can hand it over to another municipality.</source>
        <translation>Ärende {case} delas inom enheten och du är inte ansvarig handläggare; bara ansvarig handläggare kan lämna över det till en annan kommun.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover.py" line="-95"/>
        <source>--include-protected and --include-fictitious-identity need --reason: why they are sent (it is logged).</source>
        <translation>--include-protected och --include-fictitious-identity kräver --reason: varför uppgifterna skickas (det loggas).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>handover export needs --out FILE (or --preview).</source>
        <translation>handover export kräver --out FIL (eller --preview).</translation>
    </message>
    <message>
        <location filename="../record_dialogs/journal_dialogs.py" line="-230"/>
        <source>The file could not be read; check that it exists and that you may open it.</source>
        <translation>Filen kunde inte läsas; kontrollera att den finns och att du får öppna den.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file could not be written; choose another folder and try again.</source>
        <translation>Filen kunde inte skrivas; välj en annan mapp och försök igen.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/case_edit.py" line="-191"/>
        <source>{option}: the file must hold one JSON object with the person&apos;s fields (name, personnummer, ...).</source>
        <translation>{option}: filen ska innehålla ett JSON-objekt med personens uppgifter (name, personnummer, …).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give the personnummer in a file (--number-file FILE, - for standard input) or run the command in a terminal; it is never taken as an argument.</source>
        <translation>Ange personnumret i en fil (--number-file FIL, - för standard in) eller kör kommandot i en terminal. Personnummer tas aldrig emot som argument.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>--outcome goes with --set closed.</source>
        <translation>--outcome används tillsammans med --set closed.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/casework.py" line="-211"/>
        <source>Gallring deletes cases for good: look at &apos;utvag gallring plan&apos; first, then run &apos;utvag gallring run --confirm&apos;.</source>
        <translation>Gallring tar bort ärenden för gott. Titta först på &apos;utvag gallring plan&apos; och kör sedan &apos;utvag gallring run --confirm&apos;.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/journal.py" line="-138"/>
        <source>Give the text in a file ({option} FILE, or - for standard input); journal text is never taken as an argument.</source>
        <translation>Ange texten i en fil ({option} FIL, eller - för standard in). Journaltext tas aldrig emot som argument.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--sign signs an existing draft: give either --sign DRAFT or a case and text.</source>
        <translation>--sign signerar ett befintligt utkast. Ange antingen --sign UTKAST eller ett ärende och en text.</translation>
    </message>
    <message>
        <location filename="../../storage/casework/gallring.py" line="+59"/>
        <source>The cases due for gallring have changed since the plan was shown; nothing was deleted. Look at the plan again and confirm it.</source>
        <extracomment>``progress(done, total)`` while a run deletes cases.</extracomment>
        <translation>Ärendena som ska gallras har ändrats sedan planen visades. Inget har gallrats. Titta på planen igen och bekräfta den.</translation>
    </message>
    <message>
        <location filename="../../storage/statistics/errors.py" line="+9"/>
        <source>The statistics could not be exported.</source>
        <translation>Statistiken kunde inte exporteras.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The numbers are no longer the ones shown: the case files or the earlier exports have changed since. Show the statistics again, then export them.</source>
        <translation>Talen är inte längre de som visades: ärendena eller de tidigare exporterna har ändrats sedan dess. Visa statistiken igen och exportera den sedan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing can be exported for {period}: every number would reveal a group of fewer than {threshold} cases, on its own or together with earlier exports.</source>
        <translation>Inget kan exporteras för {period}: varje tal skulle avslöja en grupp med färre än {threshold} ärenden, ensamt eller tillsammans med tidigare exporter.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/quick_unlock.py" line="+65"/>
        <source>The PIN must have 6 to 12 digits and must not be one digit repeated or a plain sequence such as 123456.</source>
        <extracomment>The wall clock ran this much further than the monotonic clock (which stops while the computer sleeps on Linux and macOS): the computer slept, and the key is wiped.</extracomment>
        <translation>PIN-koden ska ha 6–12 siffror och får inte vara samma siffra upprepad eller en enkel följd som 123456.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PIN is not correct. After {remaining} more wrong PIN(s) only the passphrase opens Utväg.</source>
        <translation>PIN-koden är fel. Efter ytterligare {remaining} fel går Utväg bara att öppna med lösenfrasen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PIN no longer opens Utväg (too many wrong PINs, its time is up, or the keys have changed). Type your passphrase.</source>
        <translation>PIN-koden öppnar inte längre Utväg (för många felaktiga försök, tiden har gått ut eller nycklarna har bytts). Skriv din lösenfras.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/token/enrol.py" line="+56"/>
        <source>{count} cards are inserted; choose one with --slot (see utvag keyslot tokens), or take out the others.</source>
        <translation>{count} smartkort sitter i; välj ett med --slot (se utvag keyslot tokens) eller ta ut de andra.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no inserted card at slot {slot}.</source>
        <translation>Inget smartkort sitter på plats {slot}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The card has no usable key with id {key_id} (see utvag keyslot tokens).</source>
        <translation>Smartkortet har ingen användbar nyckel med id {key_id} (se utvag keyslot tokens).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A store can have at most {count} card slots; remove one first.</source>
        <translation>En databas kan ha högst {count} smartkort; ta bort ett först.</translation>
    </message>
    <message>
        <location filename="../../storage/vault/token/errors.py" line="+21"/>
        <source>The card software (PKCS#11 module) {module} could not be loaded. Check the path, or ask your IT support which module your card reader uses.</source>
        <translation>Kortprogrammet (PKCS#11-modulen) {module} kunde inte läsas in. Kontrollera sökvägen eller fråga IT-supporten vilken modul kortläsaren använder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No card or security key is inserted. Insert the card that was added to this store and try again, or open the store with the passphrase.</source>
        <translation>Inget smartkort eller ingen säkerhetsnyckel sitter i. Sätt i det kort som har lagts till och försök igen, eller öppna med lösenfrasen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The inserted card ({label}) has not been added to this store. Insert the card that was added, or open the store with the passphrase.</source>
        <translation>Smartkortet som sitter i ({label}) har inte lagts till i Utväg. Sätt i det kort som har lagts till, eller öppna med lösenfrasen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The card no longer holds the key that was added to this store (the card may have been renewed). Open the store with the passphrase or the recovery code, and add the card again.</source>
        <translation>Smartkortet har inte längre den nyckel som lades till (kortet kan ha förnyats). Öppna med lösenfrasen eller återställningskoden och lägg till kortet igen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The card holds no key Utväg can use (an RSA key that decrypts or signs, or an EC key that can derive a shared secret).</source>
        <translation>Smartkortet har ingen nyckel som Utväg kan använda (en RSA-nyckel som dekrypterar eller signerar, eller en EC-nyckel för nyckelöverenskommelse).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The card&apos;s PIN is not correct. The card counts wrong PINs and locks itself after a few; check the PIN before you try again.</source>
        <translation>Kortets PIN-kod är fel. Kortet räknar felaktiga försök och spärras efter några; kontrollera PIN-koden innan du försöker igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The card&apos;s PIN is not correct, and the card says the next wrong PIN locks it. Use the passphrase instead if you are not sure of the PIN.</source>
        <translation>Kortets PIN-kod är fel, och kortet visar att nästa felaktiga PIN-kod spärrar det. Använd lösenfrasen i stället om du är osäker på PIN-koden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The card&apos;s PIN is locked after too many wrong tries. Unlock it with the PUK code (ask your card administrator), or open the store with the passphrase or the recovery code.</source>
        <translation>Kortets PIN-kod är spärrad efter för många felaktiga försök. Lås upp den med PUK-koden (fråga den som administrerar korten), eller öppna med lösenfrasen eller återställningskoden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the card&apos;s PIN.</source>
        <translation>Skriv kortets PIN-kod.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The card did not complete the operation. Take it out, insert it again and try again.</source>
        <translation>Smartkortet kunde inte slutföra åtgärden. Ta ut det, sätt i det igen och försök på nytt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The card answered, but its answer does not open this store&apos;s card slot. Open the store with the passphrase or the recovery code, and add the card again.</source>
        <translation>Smartkortet svarade, men svaret öppnar inte databasen. Öppna med lösenfrasen eller återställningskoden och lägg till kortet igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A card can only be added while the store has a recovery code, so that a lost card is not a lost store.</source>
        <translation>Ett smartkort kan bara läggas till när databasen har en återställningskod, så att ett borttappat kort inte gör att databasen går förlorad.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This store has no card slot {slot}.</source>
        <translation>Databasen har inget smartkort med plats {slot}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No card has been added to this store. Open it with the passphrase.</source>
        <translation>Inget smartkort har lagts till. Öppna med lösenfrasen.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/extract.py" line="+50"/>
        <source>utvag extract needs CASE or --person-file, and --sections, --out, --recipient and --reason (or --list-items, or --grounds).</source>
        <translation>utvag extract behöver ÄRENDE eller --person-file samt --sections, --out, --recipient och --reason (eller --list-items eller --grounds).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--decide takes ITEM=include|mask|withhold[:GROUND], not “{value}”.</source>
        <translation>--decide ska skrivas UPPGIFT=include|mask|withhold[:GRUND], inte ”{value}”.</translation>
    </message>
    <message>
        <location filename="../../storage/casefile/document_text.py" line="+44"/>
        <source>The document cannot be shown: the file is damaged, protected by a password or not what its type says. Export it and open it with another program if you must.</source>
        <extracomment>Characters of one document&apos;s text that go into the index (the rest is not searchable). Pages of one PDF whose text is read for the index. Largest rendered page (pixels): a hostile page size cannot exhaust memory.</extracomment>
        <translation>Handlingen kan inte visas: filen är skadad, lösenordsskyddad eller inte av den typ den anger. Exportera den och öppna den i ett annat program om du måste.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the text is neither UTF-8 nor Windows-1252 and cannot be shown.</source>
        <translation>{field}: texten är varken UTF-8 eller Windows-1252 och kan inte visas.</translation>
    </message>
    <message>
        <location filename="../../storage/casefile/documents.py" line="+70"/>
        <source>Unknown reason for reading a document: {purpose}.</source>
        <extracomment>Index kind of a document&apos;s text in ``search_index`` (``rowid &amp; 7``). Why a document&apos;s bytes are read, and the audit action each writes.</extracomment>
        <translation>Okänt syfte med att läsa en handling: {purpose}.</translation>
    </message>
    <message>
        <location filename="../../storage/extract/errors.py" line="+14"/>
        <source>{field}: unknown section “{value}”. Choose from: {choices}.</source>
        <translation>{field}: okänd del ”{value}”. Välj bland: {choices}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: choose at least one section for the extract.</source>
        <translation>{field}: välj minst en del av akten till utdraget.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: a decision is include, mask or withhold, not “{value}”.</source>
        <translation>{field}: ett beslut är include (lämna ut), mask (maskera) eller withhold (undanta), inte ”{value}”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: “{value}” is not an item of this extract that needs a decision.</source>
        <translation>{field}: ”{value}” är ingen uppgift i det här utdraget som behöver sekretessprövas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: masking or withholding needs a ground (the provision, e.g. OSL 26 kap. 1 §).</source>
        <translation>{field}: maskering eller undantag kräver en grund (bestämmelsen, t.ex. OSL 26 kap. 1 §).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No active ground for withholding “{ground}”.</source>
        <translation>Det finns ingen aktiv sekretessgrund ”{ground}”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: a ground with this label already exists.</source>
        <translation>{field}: det finns redan en grund med den beteckningen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No case in this store is about that personnummer or samordningsnummer.</source>
        <translation>Inget ärende i den här databasen gäller det personnumret eller samordningsnumret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The extract could not be written to that file. Choose another folder.</source>
        <translation>Utdraget kunde inte sparas i den filen. Välj en annan mapp.</translation>
    </message>
    <message>
        <location filename="../casework/gallring_view.py" line="+72"/>
        <source>The gallring was cancelled; no case was deleted.</source>
        <translation>Gallringen avbröts; inget ärende raderades.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/national.py" line="+50"/>
        <source>A national report bundle needs --coordinator (the contact&apos;s number).</source>
        <translation>Ett paket med nationell rapport kräver --coordinator (kontaktens nummer).</translation>
    </message>
    <message>
        <location filename="../../storage/caseplan/errors.py" line="+9"/>
        <source>{field}: every domain must be rated; missing: {missing}.</source>
        <translation>{field}: alla områden måste bedömas; det saknas: {missing}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field}: case {case} is closed; only an assessment at a follow-up or at closing can be added.</source>
        <translation>{field}: ärende {case} är avslutat; bara en bedömning vid uppföljning eller vid avslut kan läggas till.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decision {decision} has already been corrected by decision {newer}; correct the latest version instead.</source>
        <translation>Beslut {decision} har redan rättats genom beslut {newer}; rätta den senaste versionen i stället.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decision {decision} already has a notification date; a signed decision is changed only by a correction.</source>
        <translation>Beslut {decision} har redan ett datum för delgivning; ett signerat beslut ändras bara genom en rättelse.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: a decision that is not granted in full needs its reasons.</source>
        <translation>{field}: ett beslut som inte beviljas helt ska ha en motivering.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The outcome of appeal {appeal} is already recorded; it is recorded once.</source>
        <translation>Utgången i överklagande {appeal} är redan registrerad; den registreras en gång.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: {record} {id} belongs to another case.</source>
        <translation>{field}: {record} {id} hör till ett annat ärende.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case {case} is not closed; the reason a case ended is recorded when it is closed or handed over.</source>
        <translation>Ärende {case} är inte avslutat; avslutsorsaken registreras när ärendet avslutas eller överlämnas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the provision is no longer in use; choose another or make it active again in the register.</source>
        <translation>{field}: lagrummet används inte längre; välj ett annat eller gör det aktivt igen i registret.</translation>
    </message>
    <message>
        <location filename="../../storage/learning/errors.py" line="+13"/>
        <source>The national report could not be made.</source>
        <translation>Den nationella rapporten kunde inte tas fram.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The national report was refused: it is not a national report this version can read ({reason}). Nothing was stored.</source>
        <translation>Den nationella rapporten togs inte emot: den är inte en nationell rapport som den här versionen kan läsa ({reason}). Inget sparades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The national report was refused: it publishes a number below {threshold} (table {table}). Nothing was stored; ask the sender to export it again with Utväg.</source>
        <translation>Den nationella rapporten togs inte emot: den visar ett tal under {threshold} (tabell {table}). Inget sparades; be avsändaren att exportera den igen med Utväg.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The national report was refused: this report has already been received. Nothing was stored.</source>
        <translation>Den nationella rapporten togs inte emot: rapporten har redan tagits emot. Inget sparades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No national reports for {period} have been received; nothing to merge.</source>
        <translation>Inga nationella rapporter för {period} har tagits emot; det finns inget att slå samman.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The merged national tables would publish nothing but zeros for {period}; nothing was written.</source>
        <translation>De sammanslagna nationella tabellerna skulle bara visa nollor för {period}; inget skrevs.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No national report covers exactly {period}. The reports received that overlap it cover {periods}; only reports of exactly the same period are merged (a sum of different periods counts no period). Choose one of those periods.</source>
        <translation>Ingen nationell rapport gäller exakt perioden {period}. De mottagna rapporter som överlappar den gäller {periods}. Bara rapporter för exakt samma period slås samman, eftersom en summa av olika perioder inte beskriver någon period. Välj en av de perioderna.</translation>
    </message>
    <message>
        <location filename="../../storage/learning/research.py" line="+60"/>
        <source>The research extract was not written: some groups of cases would have fewer than {k} cases (groups too small: {groups}), even with counties instead of municipalities and years instead of months. Choose a longer period, or ask for an extract of more cases.</source>
        <translation>Forskningsuttaget skrevs inte: några grupper av ärenden skulle ha färre än {k} ärenden (för små grupper: {groups}), även med län i stället för kommuner och år i stället för månader. Välj en längre period eller be om ett uttag med fler ärenden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There are no cases in {period}; no research extract was written.</source>
        <translation>Det finns inga ärenden under {period}; inget forskningsuttag skrevs.</translation>
    </message>
    <message>
        <location filename="../../storage/registers/methods.py" line="+63"/>
        <source>{field}: a method code is 1-40 lower-case letters, digits and hyphens.</source>
        <translation>{field}: en metodkod består av 1–40 gemener, siffror och bindestreck.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field}: the register already has a method by this name under another code ({code}); nothing was imported.</source>
        <translation>{field}: registret har redan en metod med det namnet under en annan kod ({code}); inget importerades.</translation>
    </message>
    <message>
        <location filename="../../sync/report/errors.py" line="+11"/>
        <source>The file is a bundle of another kind ({kind}), not a national report. Nothing was stored.</source>
        <translation>Filen är ett paket av ett annat slag ({kind}), inte en nationell rapport. Inget sparades.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The national report says it is from {claimed}, but it was signed by {sender}. Nothing was stored.</source>
        <translation>Den nationella rapporten anger att den kommer från {claimed}, men den är signerad av {sender}. Inget sparades.</translation>
    </message>
    <message>
        <location filename="../../sync/knowledge/errors.py" line="+12"/>
        <source>The file is not a method register Utväg can read (wrong form, version or size); nothing was imported.</source>
        <translation>Filen är inte ett metodregister som Utväg kan läsa (fel form, version eller storlek); ingenting importerades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The method register&apos;s signature does not match its content or its signer&apos;s key; nothing was imported.</source>
        <translation>Metodregistrets signatur stämmer inte med innehållet eller med avsändarens nyckel; ingenting importerades.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This method register from {signer} was made {created}, not after the one already imported from them (made {seen}). An older register, or the same one again, could roll entries back; nothing was imported.</source>
        <translation>Metodregistret från {signer} skapades {created}, alltså inte senare än det register som redan har importerats från samma avsändare (skapat {seen}). Ett äldre register, eller samma register en gång till, skulle kunna återställa ändrade uppgifter; ingenting importerades.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/team.py" line="+40"/>
        <source>utvag share needs CASE and one of --with CONTACT --role co|stand-in, --end CONTACT, --hand-over CONTACT or --list.</source>
        <translation>utvag share behöver ÄRENDE och ett av --with KONTAKT --role co|stand-in, --end KONTAKT, --hand-over KONTAKT eller --list.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>utvag sync needs --folder DIR, --out DIR or --import FILE…</source>
        <translation>utvag sync behöver --folder MAPP, --out MAPP eller --import FIL…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose conflict N (1 to {count}) and one of its versions (--choose K from 1 to {versions}), or --keep / --remove for a removed record.</source>
        <translation>Välj konflikt N (1 till {count}) och en av dess versioner (--choose K från 1 till {versions}), eller --keep / --remove för en borttagen uppgift.</translation>
    </message>
    <message>
        <location filename="../../storage/team/errors.py" line="+13"/>
        <source>The shared case could not be updated.</source>
        <translation>Det delade ärendet kunde inte uppdateras.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The changes from the colleague are not in the expected format; nothing was used.</source>
        <translation>Ändringarna från kollegan har inte det väntade formatet; ingenting har använts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The changes build on earlier changes this laptop does not have yet; nothing was used. Sync again: the colleague&apos;s next change file carries what is missing.</source>
        <translation>Ändringarna bygger på tidigare ändringar som den här datorn inte har ännu; ingenting har använts. Synka igen: kollegans nästa ändringsfil innehåller det som saknas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The changes are dated more than an hour ahead of this laptop&apos;s clock; nothing was used. Check the date and time on both laptops.</source>
        <translation>Ändringarna är daterade mer än en timme före den här datorns klocka; ingenting har använts. Kontrollera datum och tid på båda datorerna.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only a relative (närstående) that nothing else in the case refers to can be removed.</source>
        <translation>Bara en närstående som inget annat i ärendet hänvisar till kan tas bort.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That conflict has already been resolved; the case shows the current values.</source>
        <translation>Konflikten är redan löst; ärendet visar de aktuella uppgifterna.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your time as stand-in (ersättare) on this case has ended; the case can no longer be shown on this laptop.</source>
        <translation>Din tid som ersättare i ärendet har tagit slut; ärendet kan inte längre visas på den här datorn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The responsible caseworker has handed this shared case over to another municipality; it can no longer be shown on this laptop and its copy is removed at the next sync.</source>
        <translation>Ansvarig handläggare har lämnat över det här delade ärendet till en annan kommun; det kan inte längre visas på den här datorn och kopian tas bort vid nästa synk.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your share of this case does not include the protected details, so you cannot change a protected person&apos;s name or personnummer, a protected address or a fictitious identity here. Nothing was saved. Ask the responsible caseworker to make the change.</source>
        <translation>Din delning av ärendet omfattar inte de skyddade uppgifterna. Därför kan du inte ändra namn eller personnummer för en person med skydd, en skyddad adress eller fingerade personuppgifter här. Ingenting sparades. Be ansvarig handläggare att göra ändringen.</translation>
    </message>
    <message>
        <location filename="../../sync/team/errors.py" line="+10"/>
        <source>A case can only be shared with a verified colleague of the same municipality and unit.</source>
        <translation>Ett ärende kan bara delas med en verifierad kollega i samma kommun och enhet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A stand-in (ersättare) needs an end date after the start date; a co-caseworker (medhandläggare) has no dates.</source>
        <translation>En ersättare behöver ett slutdatum efter startdatumet; en medhandläggare har inga datum.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give a reason for sharing the protected details; it is written to the log.</source>
        <translation>Ange varför de skyddade uppgifterna delas; skälet skrivs i loggen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the responsible caseworker (ansvarig handläggare) can do this.</source>
        <translation>Bara ansvarig handläggare kan göra detta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is not a change file from a colleague; nothing was used.</source>
        <translation>Filen är inte en ändringsfil från en kollega; ingenting har använts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The change file concerns a case that is not shared with this laptop by its sender; nothing was used.</source>
        <translation>Ändringsfilen gäller ett ärende som avsändaren inte delar med den här datorn; ingenting har använts.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The change file belongs to a share that has ended or was revoked; nothing was used.</source>
        <translation>Ändringsfilen hör till en delning som har upphört eller återkallats; ingenting har använts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The change file is larger than the limit ({limit} MiB); nothing was used.</source>
        <translation>Ändringsfilen är större än gränsen ({limit} MiB); ingenting har använts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The change file changes protected details (name, personnummer) that were not shared with its sender; nothing was used.</source>
        <translation>Ändringsfilen ändrar skyddade uppgifter (namn, personnummer) som inte delats med avsändaren; ingenting har använts.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A change in the file does not carry a valid signature of the colleague who wrote it; nothing was used.</source>
        <translation>En ändring i filen saknar en giltig signatur av kollegan som gjorde den; ingenting användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A change in the file was written by someone who is not a verified colleague on the case; nothing was used.</source>
        <translation>En ändring i filen är gjord av någon som inte är en verifierad kollega i ärendet; ingenting användes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The change file was written by an earlier version of Utväg and its changes are not signed by their authors; nothing was used. Update Utväg on the colleague&apos;s laptop and sync again.</source>
        <translation>Ändringsfilen är skriven av en tidigare version av Utväg och ändringarna i den är inte signerade av dem som gjorde dem; ingenting användes. Uppdatera Utväg på kollegans dator och synka igen.</translation>
    </message>
</context>
<context>
    <name>EvidenceLevel</name>
    <message>
        <location filename="../kit/vocab.py" line="-15"/>
        <source>supported by research</source>
        <translation>stöd i forskning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promising</source>
        <translation>lovande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>insufficient evidence</source>
        <translation>otillräckligt underlag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not assessed</source>
        <translation>ej bedömd</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../handover/final_pages.py" line="+74"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signing and encrypting the bundle…</source>
        <translation>Signerar och krypterar paketet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle is written. The case now awaits a receipt.</source>
        <translation>Paketet är skrivet. Ärendet väntar nu på kvitto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File: {path}</source>
        <translation>Fil: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle id: {id}</source>
        <translation>Paket-id: {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256: {hash}</source>
        <translation>SHA-256: {hash}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until: {day}</source>
        <translation>Giltigt till: {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the file through a secure channel and read the first groups of the SHA-256 to the receiving unit on the phone. Import their receipt when it comes (Handover → Import receipt).</source>
        <translation>Skicka filen via en säker kanal och läs upp de första grupperna av SHA-256 för den mottagande enheten per telefon. Importera deras kvitto när det kommer (Överlämning → Importera kvitto).</translation>
    </message>
</context>
<context>
    <name>Extract</name>
    <message>
        <location filename="../../storage/extract/build.py" line="+93"/>
        <source>Case number</source>
        <translation>Ärendenummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case type</source>
        <translation>Ärendetyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Öppnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home municipality</source>
        <translation>Bosättningskommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker</source>
        <translation>Ansvarig handläggare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../storage/extract/review.py" line="+120"/>
        <source>Municipality of stay</source>
        <translation>Vistelsekommun</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../storage/extract/review.py" line="-4"/>
        <source>Referred by</source>
        <translation>Aktualiserad av</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+5"/>
        <location filename="../../storage/extract/model.py" line="+72"/>
        <source>Fictitious identity</source>
        <translation>Fingerade personuppgifter</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <location line="+75"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+9"/>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Born</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection level</source>
        <translation>Skyddsnivå</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accompanying child</source>
        <translation>Medföljande barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../storage/extract/plain.py" line="+54"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next review</source>
        <translation>Ny bedömning senast</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+6"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+7"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Written</source>
        <translation>Skriven</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Marked erroneous</source>
        <translation>Felmarkerad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Corrected</source>
        <translation>Rättad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Earlier wording</source>
        <translation>Tidigare lydelse</translation>
    </message>
    <message>
        <location filename="../../storage/extract/model.py" line="-37"/>
        <source>The case</source>
        <extracomment>The sections an extract can hold, in the order they are printed, with their headings.</extracomment>
        <translation>Ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements and conditions</source>
        <translation>Överenskommelser och villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat assessments</source>
        <translation>Hotbedömningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network links</source>
        <translation>Nätverkskopplingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners</source>
        <translation>Samverkansparter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placements</source>
        <translation>Placeringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Handlingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name and personnummer of the person the extract is about</source>
        <extracomment>Kinds of item that need a sekretessprövning, with their names, whether the item is a protected field (read through the audited reveal when included), and the default decision with its default ground (by label) — the safe choice, shown for review.</extracomment>
        <translation>Namn och personnummer för den som utdraget gäller</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another person (närstående, third party)</source>
        <translation>Annan person (närstående, tredje man)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An external contact (samverkanspart): name and how to reach</source>
        <translation>Samverkanspart: namn och kontaktuppgifter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Placement: municipality and protected address</source>
        <translation>Placering: kommun och skyddad adress</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who referred the case (reporter)</source>
        <translation>Vem som aktualiserade ärendet (anmälare)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Threat assessment (source and summary)</source>
        <translation>Hotbedömning (källa och sammanfattning)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Journal entry</source>
        <translation>Journalanteckning</translation>
    </message>
    <message>
        <location filename="../../storage/extract/plain.py" line="-26"/>
        <source>Agencies</source>
        <translation>Myndigheter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid until</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revoked</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Condition</source>
        <translation>Villkor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breach</source>
        <translation>Brott mot villkor</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left</source>
        <translation>Lämnat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../extract/layout.py" line="+230"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Tillagd</translation>
    </message>
    <message>
        <location filename="../extract/layout.py" line="-35"/>
        <source>Register extract (GDPR art. 15)</source>
        <translation>Registerutdrag (GDPR art. 15)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extract from a personal file</source>
        <translation>Utdrag ur personakt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>masked ({ground})</source>
        <translation>maskerat ({ground})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>masked</source>
        <translation>maskerat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withheld from disclosure: {kind}, {heading}. Ground: {ground}.</source>
        <translation>Undantaget från utlämnande: {kind}, {heading}. Grund: {ground}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made</source>
        <translation>Upprättat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the whole file</source>
        <translation>hela akten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections</source>
        <translation>Delar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This extract contains information covered by secrecy (sekretess). Parts marked “masked” or “withheld” were reviewed and are not disclosed, on the ground given.</source>
        <translation>Utdraget innehåller uppgifter som omfattas av sekretess. Det som är markerat ”maskerat” eller ”undantaget” har sekretessprövats och lämnas inte ut, med stöd av den angivna grunden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Grounds cited</source>
        <translation>Åberopade grunder</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>withheld ({ground})</source>
        <translation>undantaget ({ground})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Case {number}</source>
        <translation>Ärende {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing recorded.</source>
        <translation>Inget registrerat.</translation>
    </message>
    <message>
        <location filename="../extract/render.py" line="+71"/>
        <source>{cases} · Recipient: {recipient} · {date}</source>
        <translation>{cases} · Mottagare: {recipient} · {date}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SECRECY</source>
        <translation>SEKRETESS</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Utväg · made by {actor} · covered by secrecy, OSL (2009:400)</source>
        <translation>Utväg · upprättat av {actor} · omfattas av sekretess, OSL (2009:400)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page {page} of {total}</source>
        <translation>Sida {page} av {total}</translation>
    </message>
</context>
<context>
    <name>ExtractDialog</name>
    <message>
        <location filename="../extract/dialog.py" line="+160"/>
        <source>Register extract</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print / extract</source>
        <translation>Skriv ut / utdrag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything about one person in this store (GDPR art. 15). Every protected or third-party item is reviewed below: include it, mask it or withhold it with a ground. Withheld parts are shown as withheld in the extract.</source>
        <translation>Allt som finns om en person i den här databasen (GDPR art. 15). Varje skyddad uppgift och varje uppgift om tredje man prövas nedan: lämna ut, maskera eller undanta med stöd av en grund. Det som undantas visas som undantaget i utdraget.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the parts of the case file and the period. Every protected or third-party item is reviewed below: include it, mask it or withhold it with a ground. Withheld parts are shown as withheld in the extract.</source>
        <translation>Välj vilka delar av akten och vilken period utdraget ska omfatta. Varje skyddad uppgift och varje uppgift om tredje man prövas nedan: lämna ut, maskera eller undanta med stöd av en grund. Det som undantas visas som undantaget i utdraget.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Personnummer:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose:</source>
        <translation>Syfte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find cases</source>
        <translation>&amp;Sök ärenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E.g. the person himself or herself</source>
        <translation>T.ex. den enskilde själv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E.g. request for access to the file</source>
        <translation>T.ex. begäran om att ta del av akten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrecy review (sekretessprövning)</source>
        <translation>Sekretessprövning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Spara som PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Grounds…</source>
        <translation>&amp;Grunder…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Looking for the person&apos;s cases…</source>
        <translation>Söker personens ärenden…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n case(s) in this store are about this person.</source>
        <translation>
            <numerusform>%n ärende i den här databasen gäller personen.</numerusform>
            <numerusform>%n ärenden i den här databasen gäller personen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing in these parts needs a secrecy review.</source>
        <translation>Inget i de valda delarna behöver sekretessprövas.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save the extract</source>
        <translation>Spara utdraget</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF-fil (*.pdf)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+42"/>
        <source>Making the extract…</source>
        <translation>Sammanställer utdraget…</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Saving the extract…</source>
        <translation>Sparar utdraget…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved to {file} (SHA-256 {hash}…). The file is not encrypted.</source>
        <translation>Sparat som {file} (SHA-256 {hash}…). Filen är inte krypterad.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the extract</source>
        <translation>Skriv ut utdraget</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sent to the printer (SHA-256 {hash}…).</source>
        <translation>Skickat till skrivaren (SHA-256 {hash}…).</translation>
    </message>
</context>
<context>
    <name>FictitiousIdentityDialog</name>
    <message>
        <location filename="../record_dialogs/person_dialogs.py" line="-84"/>
        <source>Fictitious personal details</source>
        <translation>Fingerade personuppgifter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name in the new identity:</source>
        <translation>&amp;Namn i den nya identiteten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Personnummer in the new identity:</source>
        <translation>&amp;Personnummer i den nya identiteten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid from:</source>
        <translation>&amp;Gäller från:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored apart from the real identity and shown only with a reason. Recording it sets the person&apos;s protection level to fictitious personal details.</source>
        <translation>Lagras åtskilt från den verkliga identiteten och visas bara med angivet skäl. När de registreras sätts personens skyddsnivå till fingerade personuppgifter.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../handover/final_pages.py" line="-93"/>
        <source>Validity and file</source>
        <translation>Giltighet och fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Valid for:</source>
        <translation>&amp;Giltigt i:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Must be opened by {day}.</source>
        <translation>Måste öppnas senast {day}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{sections} and {documents}, about {size}, encrypted to {municipality} only. The file name does not say where the case is going.</source>
        <translation>{sections} och {documents}, ungefär {size}, krypterat enbart till {municipality}. Filnamnet säger inte vart ärendet ska.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n avsnitt</numerusform>
            <numerusform>%n avsnitt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n handling</numerusform>
            <numerusform>%n handlingar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FingerprintPanel</name>
    <message>
        <location filename="../contacts/fingerprint_dialog.py" line="+77"/>
        <source>(No QR code: compare the digits.)</source>
        <translation>(Ingen QR-kod: jämför siffrorna.)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../access/first_run.py" line="+241"/>
        <source>&amp;Next</source>
        <translation>&amp;Nästa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Utväg</source>
        <translation>&amp;Öppna Utväg</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Cancelling. The store is being created and is then closed. Its recovery code is shown the next time you unlock Utväg.</source>
        <translation>Avbryter. Databasen håller på att skapas och stängs sedan. Återställningskoden visas nästa gång du låser upp Utväg.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The store has been created, but you have not confirmed that you have written down the recovery code. If you close Utväg now, the code is shown again the next time you unlock it.</source>
        <translation>Databasen är skapad, men du har inte bekräftat att du har skrivit ner återställningskoden. Om du stänger Utväg nu visas koden igen nästa gång du låser upp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close Utväg</source>
        <translation>&amp;Stäng Utväg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back to the code</source>
        <translation>&amp;Tillbaka till koden</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../knowledge/followup_view.py" line="+357"/>
        <source>Follow-up and timeline</source>
        <translation>Uppföljning och tidslinje</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Follow-up</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Tidslinje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>FollowUpKind</name>
    <message>
        <location filename="../kit/labels.py" line="+45"/>
        <source>follow-up at 6 months</source>
        <translation>uppföljning 6 månader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up at 12 months</source>
        <translation>uppföljning 12 månader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../knowledge/followup_view.py" line="-228"/>
        <source>Optional; without notes a summary is written</source>
        <translation>Frivilligt; utan anteckning skrivs en sammanfattning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs domains the follow-up evaluates</source>
        <translation>Behovsområden som uppföljningen gäller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interventions the follow-up evaluates</source>
        <translation>Insatser som uppföljningen gäller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save follow-up</source>
        <translation>&amp;Spara uppföljning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing</source>
        <translation>Boende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>Sysselsättning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relapse</source>
        <translation>Återfall</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Follow-up results</source>
        <translation>Uppföljningsresultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow-up:</source>
        <translation>&amp;Uppföljning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Utförd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Situation:</source>
        <translation>&amp;Situation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Housing:</source>
        <translation>&amp;Boende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Occupation:</source>
        <translation>S&amp;ysselsättning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relapse:</source>
        <translation>&amp;Återfall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Evaluates:</source>
        <translation>&amp;Följer upp:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>done {day}</source>
        <translation>gjord {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OVERDUE</source>
        <translation>FÖRSENAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet due</source>
        <translation>inte dags än</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}: due {day} — {state}</source>
        <translation>{kind}: senast {day} – {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No planned follow-up: the case is open, handed over or closed as not applicable.</source>
        <translation>Ingen planerad uppföljning: ärendet är öppet, överlämnat eller avslutat som ej aktuellt.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The follow-up was saved.</source>
        <translation>Uppföljningen sparades.</translation>
    </message>
</context>
<context>
    <name>FollowUpStatus</name>
    <message>
        <location filename="../kit/vocab.py" line="-87"/>
        <source>stable situation</source>
        <translation>stabil situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly stable</source>
        <translation>delvis stabil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unstable situation</source>
        <translation>instabil situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reached</source>
        <translation>ej nådd</translation>
    </message>
</context>
<context>
    <name>Funding</name>
    <message>
        <location filename="../kit/labels.py" line="-12"/>
        <source>municipal budget</source>
        <translation>kommunens budget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state grant</source>
        <translation>statsbidrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>annan</translation>
    </message>
</context>
<context>
    <name>GallringConfirmDialog</name>
    <message>
        <location filename="../casework/gallring_view.py" line="+49"/>
        <source>Carry out the gallring</source>
        <translation>Genomför gallringen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Social welfare board, 2026-02-14, § 12</source>
        <translation>t.ex. Socialnämnden 2026-02-14 § 12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gallring decision</source>
        <translation>Gallringsbeslutet</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&amp;Weed %n case(s)</source>
        <translation>
            <numerusform>&amp;Gallra %n ärende</numerusform>
            <numerusform>&amp;Gallra %n ärenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Decision it rests on:</source>
        <translation>&amp;Beslut som gallringen grundar sig på:</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n case(s) in the plan will be deleted for good: the case file, the journal, documents, persons, placements and every other record. This cannot be undone. The gallring protocol keeps the date, the decision, the counts and, per deleted case, only a reference that cannot be turned back into a case number.</source>
        <translation>
            <numerusform>%n ärende i planen raderas för gott: akten, journalen, handlingar, personer, placeringar och alla andra uppgifter. Det går inte att ångra. Gallringsprotokollet sparar datum, beslut, antal och för varje raderat ärende bara en referens som inte kan göras om till ett ärendenummer.</numerusform>
            <numerusform>%n ärenden i planen raderas för gott: akterna, journalerna, handlingar, personer, placeringar och alla andra uppgifter. Det går inte att ångra. Gallringsprotokollet sparar datum, beslut, antal och för varje raderat ärende bara en referens som inte kan göras om till ett ärendenummer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backups made before now still hold these cases. If the plan has changed since it was shown, nothing is deleted.</source>
        <translation>Säkerhetskopior som gjorts före i dag innehåller fortfarande de här ärendena. Har planen ändrats sedan den visades raderas ingenting.</translation>
    </message>
</context>
<context>
    <name>GallringExemptionDialog</name>
    <message>
        <location filename="../record_dialogs/case_dialogs.py" line="+76"/>
        <source>Gallring exemption</source>
        <translation>Undantag från gallring</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keep this case file beyond the gallring date</source>
        <translation>&amp;Bevara akten efter gallringsdatumet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Personal files are weeded five years after the last entry.</source>
        <translation>Personakter gallras fem år efter den senaste anteckningen.</translation>
    </message>
</context>
<context>
    <name>GallringView</name>
    <message>
        <location filename="../casework/gallring_view.py" line="+25"/>
        <source>Gallring</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rotocols</source>
        <translation>P&amp;rotokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+17"/>
        <location line="+58"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Closed</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last entry</source>
        <translation>Sista anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+58"/>
        <source>Due since</source>
        <translation>Gallras från</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Cases to be weeded</source>
        <translation>Ärenden som gallras</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+58"/>
        <source>Kept because</source>
        <translation>Sparas eftersom</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Cases due but kept</source>
        <translation>Ärenden som sparas fast tiden gått ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Read the plan again</source>
        <translation>&amp;Läs in planen igen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Utförd av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Gallrade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept</source>
        <translation>Sparade</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Gallring protocols</source>
        <translation>Gallringsprotokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(weeded by a later run)</source>
        <translation>(gallrat vid en senare gallring)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cases kept by the run</source>
        <translation>Ärenden som sparades vid gallringen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Gallring on {day}: personal files are weeded {years} years after the last entry (the latest of closing, journal entries, documents and follow-ups).</source>
        <translation>Gallring {day}: personakter gallras {years} år efter sista anteckningen (det senaste av avslut, journalanteckningar, handlingar och uppföljningar).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last gallring: {day}.</source>
        <translation>Senaste gallring: {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No gallring has been carried out in this database.</source>
        <translation>Ingen gallring har gjorts i den här databasen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The yearly gallring is due (since {day}).</source>
        <translation>Det är dags för den årliga gallringen (sedan {day}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The next yearly gallring is due on {day}.</source>
        <translation>Nästa årliga gallring ska göras senast {day}.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>To be weeded: %n case(s)</source>
        <translation>
            <numerusform>Gallras: %n ärende</numerusform>
            <numerusform>Gallras: %n ärenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Due but kept: %n case(s)</source>
        <translation>
            <numerusform>Sparas fast tiden gått ut: %n ärende</numerusform>
            <numerusform>Sparas fast tiden gått ut: %n ärenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&amp;Weed %n case(s)…</source>
        <translation>
            <numerusform>&amp;Gallra %n ärende…</numerusform>
            <numerusform>&amp;Gallra %n ärenden…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Weeding…</source>
        <translation>Gallrar…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>The gallring is done: %n case(s) deleted</source>
        <translation>
            <numerusform>Gallringen är klar: %n ärende raderades</numerusform>
            <numerusform>Gallringen är klar: %n ärenden raderades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n kept.</source>
        <translation>
            <numerusform>%n sparades.</numerusform>
            <numerusform>%n sparades.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The protocol is under Protocols. Backups made before today still hold the weeded cases.</source>
        <translation>Protokollet finns under Protokoll. Säkerhetskopior som gjorts före i dag innehåller fortfarande de gallrade ärendena.</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <location filename="../kit/labels.py" line="-49"/>
        <source>female</source>
        <translation>kvinna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>male</source>
        <translation>man</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>annat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
</context>
<context>
    <name>GrantChecklistDialog</name>
    <message>
        <location filename="../knowledge/grant_view.py" line="+126"/>
        <source>State grant criteria</source>
        <translation>Kriterier för statsbidrag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Uppfyllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Grant criteria</source>
        <translation>Kriterier för statsbidraget</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note for the confirmation (optional)</source>
        <translation>Anteckning till bekräftelsen (frivilligt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm &amp;met</source>
        <translation>Bekräfta &amp;uppfyllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;not met</source>
        <translation>Markera &amp;ej uppfyllt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>All criteria are met.</source>
        <translation>Alla kriterier är uppfyllda.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not all criteria are met.</source>
        <translation>Alla kriterier är inte uppfyllda.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>by hand: {who}, {when}</source>
        <translation>för hand: {who}, {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from the case file</source>
        <translation>från akten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual only</source>
        <translation>bara för hand</translation>
    </message>
</context>
<context>
    <name>GrantPane</name>
    <message>
        <location line="-150"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criteria met</source>
        <translation>Uppfyllda kriterier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All met</source>
        <translation>Alla uppfyllda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State grant cost</source>
        <translation>Kostnad statsbidrag</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Checklist…</source>
        <translation>&amp;Checklista…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per case, for the unit&apos;s own work only: never exported.</source>
        <translation>Per ärende, bara för enhetens eget arbete: exporteras aldrig.</translation>
    </message>
</context>
<context>
    <name>GroundsDialog</name>
    <message>
        <location filename="../extract/grounds_dialog.py" line="+113"/>
        <location line="+19"/>
        <source>Grounds for withholding</source>
        <translation>Grunder för sekretess</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The provisions an extract can cite when it masks or withholds something. Check the wording against the law when it changes; the note says how each was checked. A ground is switched off, never deleted.</source>
        <translation>Bestämmelserna som ett utdrag kan hänvisa till när något maskeras eller undantas. Kontrollera lydelsen mot lagen när den ändras; anteckningen visar hur varje grund har kontrollerats. En grund stängs av, den tas aldrig bort.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label:</source>
        <translation>Beteckning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision:</source>
        <translation>Bestämmelse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>Beskrivning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>Anteckning:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Label</source>
        <translation>Beteckning</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Provision</source>
        <translation>Bestämmelse</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>In use</source>
        <translation>Används</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use (offered in extracts)</source>
        <translation>Används (erbjuds i utdrag)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New ground</source>
        <translation>&amp;Ny grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Saved. The change is in the audit log.</source>
        <translation>Sparat. Ändringen finns i loggen.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../record_dialogs/network_dialogs.py" line="+9"/>
        <source>New group in the register</source>
        <translation>Ny grupp i gruppregistret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Miljö:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Area:</source>
        <translation>&amp;Område:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
</context>
<context>
    <name>GroupRelation</name>
    <message>
        <location filename="../kit/labels.py" line="+12"/>
        <source>same</source>
        <translation>samma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allied</source>
        <translation>allierad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rival</source>
        <translation>rivaliserande</translation>
    </message>
</context>
<context>
    <name>GroupRelationDialog</name>
    <message>
        <location filename="../record_dialogs/network_dialogs.py" line="+13"/>
        <source>Relation between groups</source>
        <translation>Relation mellan grupper</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Group:</source>
        <translation>&amp;Grupp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relation:</source>
        <translation>&amp;Relation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other group:</source>
        <translation>&amp;Andra gruppen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Noted on:</source>
        <translation>&amp;Noterad:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rival and allied groups are used by the handover&apos;s network-conflict check.</source>
        <translation>Rivaliserande och allierade grupper används av överlämningens kontroll av nätverkskonflikter.</translation>
    </message>
</context>
<context>
    <name>HandoverState</name>
    <message>
        <location filename="../kit/labels.py" line="+91"/>
        <source>handed over, awaiting receipt</source>
        <translation>överlämnad, inväntar kvitto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted by the receiver</source>
        <translation>godkänd av mottagaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by the receiver</source>
        <translation>avvisad av mottagaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired without a receipt</source>
        <translation>löpte ut utan kvitto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled, the bundle was never written</source>
        <translation>makulerad, paketet skrevs aldrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted: the bundle is not written yet</source>
        <translation>avbruten: paketet är inte skrivet än</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../case_view/handover_tab.py" line="+117"/>
        <source>Signed</source>
        <translation>Undertecknat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Gäller till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agencies</source>
        <translation>Myndigheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid today</source>
        <translation>Giltigt i dag</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Handover</source>
        <translation>Överlämning</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Handovers to other municipalities</source>
        <translation>Överlämningar till andra kommuner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving municipality:</source>
        <translation>Mottagande kommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;consent…</source>
        <translation>Nytt &amp;samtycke…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Återkalla…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand over the case…</source>
        <translation>&amp;Lämna över ärendet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the &amp;receipt again…</source>
        <translation>Skriv &amp;kvitto igen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the receipt of our acceptance again, for a receipt that was lost or never reached the sender</source>
        <translation>Skriv kvittot på vårt mottagande igen, om kvittot har kommit bort eller aldrig nådde avsändaren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handovers</source>
        <translation>Överlämningar</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The case has not been handed over.</source>
        <translation>Ärendet har inte lämnats över.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Receiving municipality</source>
        <translation>Mottagande kommun</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Received from {municipality} ({unit}) on {day}; their case {ref}.</source>
        <translation>Mottaget från {municipality} ({unit}) {day}; deras ärende {ref}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write the receipt again</source>
        <translation>Skriv kvittot igen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utväg bundle (*.utvag)</source>
        <translation>Utväg-paket (*.utvag)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The receipt was written again, unchanged, as {file}. Send it to the sender.</source>
        <translation>Kvittot skrevs igen, oförändrat, som {file}. Skicka det till avsändaren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new receipt with the same content was written as {file} (the earlier one had expired or was signed with a key since replaced). Send it to the sender.</source>
        <translation>Ett nytt kvitto med samma innehåll skrevs som {file} (det förra hade slutat gälla eller var signerat med en nyckel som sedan bytts ut). Skicka det till avsändaren.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>principal</source>
        <translation>huvudperson</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>relative ({relation})</source>
        <translation>närstående ({relation})</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <location filename="../handover/wizard.py" line="+70"/>
        <source>Hand over a case</source>
        <translation>Överlämna ett ärende</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No case can be handed over now: a case is handed over from akut skydd / flytt, genomförande or uppföljning.</source>
        <translation>Inget ärende kan överlämnas nu: ett ärende överlämnas från akut skydd / flytt, genomförande eller uppföljning.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checking the handover…</source>
        <translation>Kontrollerar överlämningen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save the handover bundle</source>
        <translation>Spara överlämningspaketet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utväg bundle (*.utvag)</source>
        <translation>Utväg-paket (*.utvag)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signing and encrypting the bundle…</source>
        <translation>Signerar och krypterar paketet…</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <location filename="../window/help_view.py" line="+42"/>
        <source>Utväg manual</source>
        <translation>Handbok för Utväg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User manual</source>
        <translation>Handbok</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The manual is missing from this installation ({file}).</source>
        <translation>Handboken saknas i den här installationen ({file}).</translation>
    </message>
</context>
<context>
    <name>HomeMunicipalityDialog</name>
    <message>
        <location filename="../handover/import_support.py" line="+291"/>
        <source>Municipality of residence</source>
        <translation>Bosättningskommun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case was handed over with the person&apos;s consent. {ours} is now the case&apos;s municipality of stay; its municipality of residence is still {home}.

Does the person now live in {ours}?</source>
        <translation>Ärendet lämnades över med personens samtycke. {ours} är nu ärendets vistelsekommun; bosättningskommun är fortfarande {home}.

Bor personen nu i {ours}?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Yes: {ours} becomes the municipality of residence</source>
        <translation>&amp;Ja, {ours} blir bosättningskommun</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;No: keep {home}</source>
        <translation>&amp;Nej, behåll {home}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It can be changed later with Edit details… in the case&apos;s Overview.</source>
        <translation>Det kan ändras senare med Ändra uppgifter… under ärendets Översikt.</translation>
    </message>
</context>
<context>
    <name>Housing</name>
    <message>
        <location filename="../kit/vocab.py" line="+3"/>
        <source>own tenancy</source>
        <translation>eget kontrakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sublet</source>
        <translation>andrahandskontrakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with relatives</source>
        <translation>hos anhöriga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supported housing</source>
        <translation>stödboende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protected housing</source>
        <translation>skyddat boende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>institution</source>
        <translation>institution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>homeless</source>
        <translation>hemlös</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../access/first_run.py" line="-262"/>
        <source>This installation</source>
        <translation>Den här installationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your municipality, unit and name are shown to receiving municipalities when you hand over a case, and written in the audit log.</source>
        <translation>Din kommun, enhet och ditt namn visas för mottagande kommuner när du överlämnar ett ärende och skrivs i granskningsloggen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Create the store</source>
        <translation>&amp;Skapa databasen</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+45"/>
        <source>Creating the encrypted store…</source>
        <translation>Skapar den krypterade databasen…</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../handover/import_dialog.py" line="+66"/>
        <source>Import a handover</source>
        <translation>Importera en överlämning</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open bundle…</source>
        <translation>&amp;Öppna paket…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender:</source>
        <translation>Avsändare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>Fingeravtryck:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundle:</source>
        <translation>Paket:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case:</source>
        <translation>Ärende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sections:</source>
        <translation>Avsnitt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected data:</source>
        <translation>Skyddade uppgifter:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Member</source>
        <translation>Del</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contents of the bundle</source>
        <translation>Filens innehåll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Our case</source>
        <translation>Vårt ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our group</source>
        <translation>Vår grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their group</source>
        <translation>Deras grupp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>I have checked the conflicts with the police and accept the case anyway.</source>
        <translation>Jag har stämt av konflikterna med polisen och tar ändå emot ärendet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Accept…</source>
        <translation>&amp;Ta emot…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fuse…</source>
        <translation>&amp;Vägra…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a handover bundle</source>
        <translation>Öppna ett överlämningspaket</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+121"/>
        <location line="+103"/>
        <source>Utväg bundle (*.utvag)</source>
        <translation>Utväg-paket (*.utvag)</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Checking the signature and opening the bundle…</source>
        <translation>Kontrollerar signaturen och öppnar paketet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opening the bundle…</source>
        <translation>Öppnar paketet…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Check the preview, then accept or refuse.</source>
        <translation>Granska förhandsvisningen och ta sedan emot eller vägra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✓ Signature checked: a verified contact (since {day}).</source>
        <translation>✓ Signaturen är kontrollerad: en verifierad kontakt (sedan {day}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case handover, sent {created}, valid until {expires}
Legal basis: {basis}
Id: {id}</source>
        <translation>Överlämning av ärende, skickad {created}, giltig till {expires}
Rättslig grund: {basis}
Id: {id}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{label}
{type}, {protection}; their status: {status}, opened {opened}</source>
        <translation>{label}
{type}, {protection}; deras status: {status}, öppnat {opened}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>protected fields included</source>
        <translation>skyddade uppgifter medskickade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>withheld by the sender: {names}, {addresses}</source>
        <translation>undanhållna av avsändaren: {names}, {addresses}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n name(s)</source>
        <translation>
            <numerusform>%n namn</numerusform>
            <numerusform>%n namn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n adress</numerusform>
            <numerusform>%n adresser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n fictitious identity(ies) withheld</source>
        <translation>
            <numerusform>%n fingerad identitet undanhållen</numerusform>
            <numerusform>%n fingerade identiteter undanhållna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Warning: we have, or had in the last %n month(s), persons from the same or a rival group in {municipality}:</source>
        <translation>
            <numerusform>Varning: vi har, eller har haft under den senaste %n månaden, personer från samma eller en rivaliserande grupp i {municipality}:</numerusform>
            <numerusform>Varning: vi har, eller har haft under de senaste %n månaderna, personer från samma eller en rivaliserande grupp i {municipality}:</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>fictitious identity included</source>
        <translation>fingerade personuppgifter medskickade</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In all</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No network conflict with our cases.</source>
        <translation>Ingen nätverkskonflikt med våra ärenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case has no network link; nothing to compare.</source>
        <translation>Ärendet har ingen nätverkskoppling; inget att jämföra.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+103"/>
        <source>Save the receipt</source>
        <translation>Spara kvittot</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Importing the case…</source>
        <translation>Importerar ärendet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Imported as case {number}. The receipt was saved as {file}: send it back to the sender.</source>
        <translation>Importerat som ärende {number}. Kvittot sparades som {file}: skicka det tillbaka till avsändaren.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Refused. The receipt was saved as {file}: send it back to the sender.</source>
        <translation>Vägrat. Kvittot sparades som {file}: skicka det tillbaka till avsändaren.</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="-87"/>
        <source>New intervention</source>
        <translation>Ny insats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Intervention:</source>
        <translation>&amp;Insats:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Utförare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Started on:</source>
        <translation>&amp;Påbörjad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ended on:</source>
        <translation>&amp;Avslutad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cost (SEK):</source>
        <translation>&amp;Kostnad (kr):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Funding:</source>
        <translation>&amp;Finansiering:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Control every (days):</source>
        <translation>K&amp;ontroll var (dagar):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private and non-profit providers; empty: the default</source>
        <translation>Gäller enskilda och idéburna utförare; lämna tomt för standardintervallet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metod:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;otes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
</context>
<context>
    <name>InterventionLinksDialog</name>
    <message>
        <location line="+23"/>
        <source>Method and decision</source>
        <translation>Metod och beslut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metod:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The method comes from the method register (the Tools menu); the decision from the case&apos;s Decisions part.</source>
        <translation>Metoden hämtas från metodregistret (menyn Verktyg), beslutet från ärendets del Beslut.</translation>
    </message>
</context>
<context>
    <name>InterventionType</name>
    <message>
        <location filename="../kit/labels.py" line="-87"/>
        <source>protected housing</source>
        <translation>skyddat boende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency housing</source>
        <translation>akutboende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counselling</source>
        <translation>samtalsstöd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>addiction treatment</source>
        <translation>missbruksbehandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>psychiatric care</source>
        <translation>psykiatri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>financial aid</source>
        <translation>ekonomiskt bistånd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>occupation</source>
        <translation>sysselsättning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debt restructuring</source>
        <translation>skuldsanering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tattoo removal</source>
        <translation>tatueringsborttagning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trustee</source>
        <translation>god man</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact person</source>
        <translation>kontaktperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relocation support</source>
        <translation>flyttstöd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drug testing</source>
        <translation>drogtest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other intervention</source>
        <translation>annan insats</translation>
    </message>
</context>
<context>
    <name>InterventionsTab</name>
    <message>
        <location filename="../case_view/interventions_tab.py" line="+64"/>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>Kostnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding</source>
        <translation>Finansiering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control every</source>
        <translation>Kontroll var</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+3"/>
        <location line="+8"/>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Provider controls of the chosen intervention</source>
        <translation>Kontroller av utföraren för vald insats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New intervention…</source>
        <translation>&amp;Ny insats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End…</source>
        <translation>&amp;Avsluta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method and decision…</source>
        <translation>&amp;Metod och beslut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;provider…</source>
        <translation>Ny &amp;utförare…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan &amp;control…</source>
        <translation>Planera &amp;kontroll…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control &amp;done…</source>
        <translation>Kontroll u&amp;tförd…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider controls</source>
        <translation>Kontroller av utförare</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{outcome} {day}</source>
        <translation>{outcome} {day}</translation>
    </message>
</context>
<context>
    <name>JournalEntryDialog</name>
    <message>
        <location filename="../record_dialogs/journal_dialogs.py" line="+33"/>
        <source>&amp;Type of entry:</source>
        <translation>&amp;Typ av anteckning:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event &amp;date:</source>
        <translation>&amp;Händelsedatum:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The day it happened (YYYY-MM-DD), not in the future</source>
        <translation>Dagen det hände (ÅÅÅÅ-MM-DD), inte i framtiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Template:</source>
        <translation>&amp;Mall:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New journal entry</source>
        <translation>Ny journalanteckning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft journal entry</source>
        <translation>Utkast till journalanteckning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as a draft to go on later: only you can see, change, sign or throw away your drafts, and they are not part of the journal. Sign when the entry is done: it is saved with your name and the time, and can then be corrected, never erased.</source>
        <translation>Spara som utkast om du vill fortsätta senare: bara du kan se, ändra, signera eller slänga dina utkast, och de ingår inte i journalen. Signera när anteckningen är färdig: den sparas med ditt namn och tiden, och kan sedan rättas men aldrig raderas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sign</source>
        <translation>&amp;Signera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as &amp;draft</source>
        <translation>Spara som &amp;utkast</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>&amp;Entry:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../case_view/journal_model.py" line="+39"/>
        <source>Marked as erroneous {time} by {who}: {reason}</source>
        <translation>Felmarkerad {time} av {who}: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Corrected {time} by {who}: {reason}</source>
        <translation>Rättad {time} av {who}: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version {n}, {time}, {who}</source>
        <translation>Version {n}, {time}, {who}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event and signature</source>
        <translation>Händelse och signering</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>Senast ändrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Entry as it reads now</source>
        <translation>Anteckningen som den lyder nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier wording</source>
        <translation>Tidigare lydelse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{type} on {date}, written {time} by {who}</source>
        <translation>{type} {date}, skriven {time} av {who}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>imported</source>
        <translation>importerad</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <location filename="../case_view/journal_tab.py" line="+140"/>
        <location line="+8"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;New entry…</source>
        <translation>&amp;Ny anteckning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct…</source>
        <translation>&amp;Rätta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;erroneous…</source>
        <translation>&amp;Felmarkera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Templates…</source>
        <translation>&amp;Mallar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The starting texts for each type of entry</source>
        <translation>Starttexterna för varje typ av anteckning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type of entry to show</source>
        <translation>Typ av anteckning som visas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All types of entry</source>
        <translation>Alla typer av anteckningar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>My drafts (not signed, not part of the journal)</source>
        <translation>Mina utkast (inte signerade, ingår inte i journalen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My drafts</source>
        <translation>Mina utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on &amp;writing…</source>
        <translation>Fortsätt &amp;skriva…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gn…</source>
        <translation>Si&amp;gnera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Throw away…</source>
        <translation>S&amp;läng…</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n anteckning</numerusform>
            <numerusform>%n anteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entry(ies) of this type</source>
        <translation>
            <numerusform>%n anteckning av den här typen</numerusform>
            <numerusform>%n anteckningar av den här typen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n in all</source>
        <translation>
            <numerusform>%n totalt</numerusform>
            <numerusform>%n totalt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n corrected</source>
        <translation>
            <numerusform>%n rättad</numerusform>
            <numerusform>%n rättade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n marked as erroneous</source>
        <translation>
            <numerusform>%n felmarkerad</numerusform>
            <numerusform>%n felmarkerade</numerusform>
        </translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Sign the draft “{start}”?</source>
        <translation>Signera utkastet ”{start}”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign</source>
        <translation>&amp;Signera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It becomes a journal entry with your name and the time now, and can then be corrected, never erased.</source>
        <translation>Det blir en journalanteckning med ditt namn och tiden nu, och kan sedan rättas men aldrig raderas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Throw away the draft “{start}”?</source>
        <translation>Släng utkastet ”{start}”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Throw away</source>
        <translation>S&amp;läng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft is not part of the journal; its text is gone for good.</source>
        <translation>Ett utkast ingår inte i journalen; texten försvinner för gott.</translation>
    </message>
</context>
<context>
    <name>KeptReason</name>
    <message>
        <location filename="../casework/gallring_view.py" line="-315"/>
        <source>exempted: {reason}</source>
        <translation>undantag: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exempted from gallring</source>
        <translation>undantag från gallring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a handover is waiting for its receipt</source>
        <translation>en överlämning väntar på kvitto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>research sample (born on the 5th, 15th or 25th)</source>
        <translation>forskningsurval (född den 5, 15 eller 25)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shared with colleagues</source>
        <translation>delas med kollegor</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <location filename="../kit/labels.py" line="+81"/>
        <location line="+3"/>
        <source>Secret Service (GNOME Keyring or KWallet)</source>
        <extracomment>The OS keyrings Utväg accepts (storage.vault.device_key.ALLOWED_BACKENDS), by the names their users know; never the Python class name.</extracomment>
        <translation>Secret Service (GNOME-nyckelring eller KWallet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows Credential Manager</source>
        <translation>Autentiseringshanteraren i Windows</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>macOS Keychain</source>
        <translation>Nyckelringen i macOS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the operating system&apos;s keyring</source>
        <translation>operativsystemets nyckelring</translation>
    </message>
</context>
<context>
    <name>KeyringPage</name>
    <message>
        <location filename="../access/keyring_check.py" line="+38"/>
        <source>Device key</source>
        <extracomment>``check_keyring() -&gt; backend name``; raises a UtvagError explaining the problem.</extracomment>
        <translation>Enhetsnyckel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store is bound to this computer with a device key kept in the operating system&apos;s keyring. A copy of the store files is then useless without this computer or the recovery code.</source>
        <translation>Databasen knyts till den här datorn med en enhetsnyckel som förvaras i operativsystemets nyckelring. En kopia av databasfilerna går då inte att använda utan den här datorn eller återställningskoden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+35"/>
        <source>Checking the keyring…</source>
        <translation>Kontrollerar nyckelringen…</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Create the store WITHOUT a device key (weaker protection)</source>
        <translation>Skapa databasen UTAN enhetsnyckel (svagare skydd)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weaker: then the passphrase alone opens the store, also on another computer. Anyone who copies the store files can try to guess the passphrase. Choose this only if your IT support cannot provide a keyring, and use a long passphrase.</source>
        <translation>Svagare: då räcker lösenfrasen för att öppna databasen, även på en annan dator. Den som kopierar databasfilerna kan försöka gissa lösenfrasen. Välj detta bara om IT-supporten inte kan ordna en nyckelring, och använd en lång lösenfras.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The keyring is available ({backend}). The store will be bound to this computer.</source>
        <translation>Nyckelringen är tillgänglig: {backend}. Databasen knyts till den här datorn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure keyring is available.</source>
        <translation>Ingen säker nyckelring är tillgänglig.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../kit/labels.py" line="+40"/>
        <source>{date}, overdue</source>
        <extracomment>Marks an overdue date in lists, so that it is not told by colour alone.</extracomment>
        <translation>{date}, försenad</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{amount} SEK</source>
        <translation>{amount} kr</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>responsible</source>
        <translation>ansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>co-caseworker</source>
        <translation>medhandläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stand-in</source>
        <translation>ersättare</translation>
    </message>
</context>
<context>
    <name>LegalBasis</name>
    <message>
        <location line="-166"/>
        <source>consent</source>
        <translation>samtycke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer of the case</source>
        <translation>överflyttning av ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request for help</source>
        <translation>begäran om hjälp</translation>
    </message>
</context>
<context>
    <name>LinkPartnerDialog</name>
    <message>
        <location filename="../record_dialogs/partner_dialogs.py" line="+115"/>
        <source>Partner in the case</source>
        <translation>Samverkanspart i ärendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link a partner to the case</source>
        <translation>Koppla en samverkanspart till ärendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Partner:</source>
        <translation>&amp;Samverkanspart:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Role in the case:</source>
        <translation>&amp;Roll i ärendet:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. contact police officer, supervisor at the work placement</source>
        <translation>t.ex. kontaktpolis, handledare på praktikplatsen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A partner who is not in the list is added under Tools › Partners first.</source>
        <translation>En samverkanspart som inte finns i listan läggs först till under Verktyg › Samverkansparter.</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../case_view/log_tab.py" line="+74"/>
        <source>Log</source>
        <translation>Logg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who has opened the case?</source>
        <translation>&amp;Vem har öppnat ärendet?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The access log of this case: who opened it or read protected details, when</source>
        <translation>Loggkontroll för ärendet: vem som öppnade det eller läste skyddade uppgifter, och när</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entries about this case</source>
        <translation>Loggposter om ärendet</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n entry(ies) about this case.</source>
        <translation>
            <numerusform>%n loggpost om ärendet.</numerusform>
            <numerusform>%n loggposter om ärendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window/main_window.py" line="+251"/>
        <source>&amp;File</source>
        <extracomment>Handed in by desktop/: ``arm(store, passphrase, pin, hours) -&gt; end time`` (the quick-unlock key lives in desktop&apos;s gateway) and ``until() -&gt; end time | None``.</extracomment>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock Utväg now (Ctrl+L)</source>
        <translation>Lås Utväg nu (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit log</source>
        <translation>&amp;Granskningslogg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Utväg</source>
        <translation>&amp;Om Utväg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Manual</source>
        <translation>&amp;Handbok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases to show.</source>
        <translation>Inga ärenden att visa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reminders.</source>
        <translation>Inga påminnelser.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There are no cases yet.

Start with New case… above the list (Ctrl+N), or receive a case from another municipality with Handover › Import handover….</source>
        <translation>Det finns inga ärenden ännu.

Börja med Nytt ärende… ovanför listan (Ctrl+N), eller ta emot ett ärende från en annan kommun med Överlämning › Importera överlämning….</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a case in the list to open it.</source>
        <translation>Välj ett ärende i listan för att öppna det.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Utväg {version} — encrypted case files and signed handover for municipal exit programmes. Everything stays encrypted on this computer.

The manual: Help › Manual (F1).</source>
        <translation>Utväg {version} – krypterade ärendeakter och signerad överlämning för kommunernas avhopparverksamhet. Allt förblir krypterat på den här datorn.

Handboken: Hjälp › Handbok (F1).</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>About Utväg</source>
        <translation>Om Utväg</translation>
    </message>
</context>
<context>
    <name>MaskedField</name>
    <message>
        <location filename="../kit/masking.py" line="+115"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show {what}</source>
        <translation>Visa {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopiera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy {what}</source>
        <translation>Kopiera {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide</source>
        <translation>Dölj</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>(not recorded)</source>
        <translation>(uppgift saknas)</translation>
    </message>
</context>
<context>
    <name>MethodDialog</name>
    <message>
        <location filename="../knowledge/register_dialogs.py" line="+27"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Target group:</source>
        <translation>&amp;Målgrupp:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Evidence level:</source>
        <translation>&amp;Evidensnivå:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Source of the level:</source>
        <translation>&amp;Källa för nivån:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Required unless the level is &apos;not assessed&apos;</source>
        <translation>Krävs om nivån inte är ”ej bedömd”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give an evidence level only with its source (for example Socialstyrelsen&apos;s method guide); without one the method stays &apos;not assessed&apos;.</source>
        <translation>Ange en evidensnivå bara tillsammans med källan (till exempel Socialstyrelsens metodguide); utan källa förblir metoden ”ej bedömd”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New method</source>
        <translation>Ny metod</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change method</source>
        <translation>Ändra metod</translation>
    </message>
</context>
<context>
    <name>MethodsView</name>
    <message>
        <location filename="../knowledge/registers_view.py" line="+126"/>
        <source>Method register</source>
        <translation>Metodregister</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence level</source>
        <translation>Evidensnivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target group</source>
        <translation>Målgrupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of the level</source>
        <translation>Källa för nivån</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Methods</source>
        <translation>Metoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen method</source>
        <translation>Vald metod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New method…</source>
        <translation>&amp;Ny metod…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export signed file…</source>
        <translation>&amp;Exportera signerad fil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importera…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>shipped with Utväg</source>
        <translation>levererad med Utväg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added here</source>
        <translation>tillagd här</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported from a shared register</source>
        <translation>importerad från ett delat register</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target group: {text}</source>
        <translation>Målgrupp: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence level: {level}</source>
        <translation>Evidensnivå: {level}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: {text}</source>
        <translation>Källa: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin: {origin}; code {code}; changed {time}</source>
        <translation>Ursprung: {origin}; kod {code}; ändrad {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+20"/>
        <source>Method register (*{suffix})</source>
        <translation>Metodregister (*{suffix})</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Export the method register</source>
        <translation>Exportera metodregistret</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n method(s) exported, signed, to {file}.</source>
        <translation>
            <numerusform>%n metod exporterad, signerad, till {file}.</numerusform>
            <numerusform>%n metoder exporterade, signerade, till {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a method register</source>
        <translation>Importera ett metodregister</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking the signature…</source>
        <translation>Kontrollerar signaturen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed by {signer} at {time} (a verified contact).</source>
        <translation>Signerat av {signer} {time} (en verifierad kontakt).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new method(s)</source>
        <translation>
            <numerusform>%n ny metod</numerusform>
            <numerusform>%n nya metoder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n changed method(s)</source>
        <translation>
            <numerusform>%n ändrad metod</numerusform>
            <numerusform>%n ändrade metoder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+38"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n oförändrad</numerusform>
            <numerusform>%n oförändrade</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Import the method register?</source>
        <translation>Importera metodregistret?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed methods take the shared file&apos;s text and evidence level.</source>
        <translation>Ändrade metoder får den delade filens text och evidensnivå.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported: {added}, {updated}, {unchanged}.</source>
        <translation>Importerat: {added}, {updated}, {unchanged}.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n tillagd</numerusform>
            <numerusform>%n tillagda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n ändrad</numerusform>
            <numerusform>%n ändrade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NationalReportDialog</name>
    <message>
        <location filename="../knowledge/national_dialog.py" line="+39"/>
        <source>National report</source>
        <translation>Nationell rapport</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The tables of {start} – {end} for every municipality in this database — also the needs, methods and outcomes and the state grant summary — hidden as in an export, signed with your key and encrypted to the coordinator. No names, case numbers or dates of cases leave the computer.</source>
        <translation>Tabellerna för {start} – {end} för alla kommuner i databasen – även behov, metoder och utfall och sammanställningen för statsbidraget – med dolda värden som i en export, signerade med din nyckel och krypterade till samordnaren. Inga namn, ärendenummer eller datum i ärenden lämnar datorn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save for the coordinator…</source>
        <translation>&amp;Spara för samordnaren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Coordinator:</source>
        <translation>Sa&amp;mordnare:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No verified contact yet: add and verify the coordinator under Contacts.</source>
        <translation>Det finns ingen verifierad kontakt ännu: lägg till och verifiera samordnaren under Kontakter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the national report</source>
        <translation>Spara den nationella rapporten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sealing…</source>
        <translation>Förseglar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved as {file}. Send the file to the coordinator.</source>
        <translation>Sparad som {file}. Skicka filen till samordnaren.</translation>
    </message>
</context>
<context>
    <name>NeedDomain</name>
    <message>
        <location filename="../kit/vocab.py" line="+25"/>
        <source>housing</source>
        <translation>boende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>income and debts</source>
        <translation>försörjning och skulder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>occupation</source>
        <translation>sysselsättning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>education</source>
        <translation>utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>substance use</source>
        <translation>missbruk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mental health</source>
        <translation>psykisk hälsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>physical health</source>
        <translation>fysisk hälsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>family and relationships</source>
        <translation>familj och relationer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>criminal network and crime</source>
        <translation>kriminellt nätverk och kriminalitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety and threats</source>
        <translation>säkerhet och hot</translation>
    </message>
</context>
<context>
    <name>NeedLevel</name>
    <message>
        <location line="+3"/>
        <source>no need</source>
        <translation>inget behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>small need</source>
        <translation>litet behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate need</source>
        <translation>måttligt behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>great need</source>
        <translation>stort behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>acute need</source>
        <translation>akut behov</translation>
    </message>
</context>
<context>
    <name>NeedsAssessmentDialog</name>
    <message>
        <location filename="../record_dialogs/needs_dialog.py" line="+57"/>
        <source>Domain</source>
        <translation>Område</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Level: {domain}</source>
        <translation>Nivå: {domain}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: {domain}</source>
        <translation>Anteckning: {domain}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New needs assessment</source>
        <translation>Ny behovsbedömning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assessed on:</source>
        <translation>&amp;Bedömd den:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Occasion:</source>
        <translation>&amp;Tillfälle:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assessed &amp;by:</source>
        <translation>Bedömd &amp;av:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next assessment by:</source>
        <translation>&amp;Ny bedömning senast:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: six months later</source>
        <translation>Tomt: sex månader senare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overall note:</source>
        <translation>&amp;Sammanfattning:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rate every domain from 0 (no need) to 4 (acute need). A need rated 3 or 4 that no intervention, SIP or care contact meets is pointed out on the case overview.</source>
        <translation>Bedöm varje område från 0 (inget behov) till 4 (akut behov). Ett behov på 3 eller 4 som ingen insats, SIP eller vårdkontakt möter visas på ärendets översikt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ratings</source>
        <translation>Bedömningar</translation>
    </message>
</context>
<context>
    <name>NeedsChart</name>
    <message>
        <location filename="../case_view/needs_chart.py" line="+41"/>
        <source>Change per domain over time</source>
        <translation>Förändring per område över tid</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No needs assessment yet</source>
        <translation>Ingen behovsbedömning ännu</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <location filename="../case_view/needs_tab.py" line="+47"/>
        <source>Domain</source>
        <translation>Område</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Assessed</source>
        <translation>Bedömd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occasion</source>
        <translation>Tillfälle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High needs</source>
        <translation>Stora behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next by</source>
        <translation>Ny senast</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Needs</source>
        <translation>Behov</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs assessment</source>
        <translation>Behovsbedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change per domain over time (0–4)</source>
        <translation>Förändring per område över tid (0–4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;New needs assessment…</source>
        <translation>&amp;Ny behovsbedömning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings of the chosen assessment</source>
        <translation>Vald bedömning per område</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No needs assessment yet: make one at intake.</source>
        <translation>Ingen behovsbedömning ännu: gör en vid inskrivningen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest assessment {day} ({occasion}).</source>
        <translation>Senaste bedömning {day} ({occasion}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Latest assessment {day} ({occasion}). A new assessment was due {due}.</source>
        <translation>Senaste bedömning {day} ({occasion}). En ny bedömning skulle ha gjorts senast {due}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest assessment {day} ({occasion}). Next assessment by {due}.</source>
        <translation>Senaste bedömning {day} ({occasion}). Ny bedömning senast {due}.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No change</source>
        <translation>Ingen förändring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower need than before</source>
        <translation>Mindre behov än förra gången</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Higher need than before</source>
        <translation>Större behov än förra gången</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n område</numerusform>
            <numerusform>%n områden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkLinkDialog</name>
    <message>
        <location filename="../record_dialogs/network_dialogs.py" line="-54"/>
        <source>New network link</source>
        <translation>Ny nätverkskoppling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Miljö:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group:</source>
        <translation>&amp;Grupp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. member, associate</source>
        <translation>t.ex. medlem, perifer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Left on:</source>
        <translation>&amp;Lämnade:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The group comes from the group register; its environment must match.</source>
        <translation>Gruppen hämtas ur gruppregistret; dess miljö måste stämma med kopplingens.</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <location filename="../case_view/network_tab.py" line="+57"/>
        <location line="+23"/>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Lämnade</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other group</source>
        <translation>Andra gruppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Noted</source>
        <translation>Noterad</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Network</source>
        <translation>Nätverk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network links of this case</source>
        <translation>Ärendets nätverkskopplingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group register and relations</source>
        <translation>Gruppregister och relationer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New link…</source>
        <translation>&amp;Ny koppling…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has &amp;left…</source>
        <translation>Har &amp;lämnat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;group…</source>
        <translation>Ny &amp;grupp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;relation…</source>
        <translation>Ny &amp;relation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network links</source>
        <translation>Nätverkskopplingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group register</source>
        <translation>Gruppregister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations of the chosen group</source>
        <translation>Vald grupps relationer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>principal</source>
        <translation>huvudperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relative ({relation})</source>
        <translation>närstående ({relation})</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../record_dialogs/case_dialogs.py" line="-126"/>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case &amp;type:</source>
        <translation>Ärende&amp;typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home municipality:</source>
        <translation>&amp;Bosättningskommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality of stay:</source>
        <translation>&amp;Vistelsekommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Caseworker:</source>
        <translation>&amp;Handläggare:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty: you</source>
        <translation>Lämna tomt för dig själv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Referred by:</source>
        <translation>&amp;Aktualiserat av:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opened on:</source>
        <translation>&amp;Öppnat:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case starts as referred (aktualiserad). Persons and everything else are added in the case view.</source>
        <translation>Ärendet börjar som aktualiserat. Personer och allt annat läggs till i ärendevyn.</translation>
    </message>
</context>
<context>
    <name>NewProviderDialog</name>
    <message>
        <location filename="../knowledge/provider_dialogs.py" line="-74"/>
        <source>New provider</source>
        <translation>Ny utförare</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Regi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisationsnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Private and non-profit providers must be controlled while an intervention runs.</source>
        <translation>Enskilda och idéburna utförare ska kontrolleras så länge en insats pågår.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <location filename="../access/new_recovery_code.py" line="+58"/>
        <source>New recovery code</source>
        <translation>Ny återställningskod</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Utväg makes a new recovery code and re-encrypts the store with new keys. The current recovery code stops working at once, also on paper. Backups made before now still open only with the code that was valid when they were made: keep the old code as long as you keep those backups, or make a new backup afterwards. This can take a while for a large store.</source>
        <translation>Utväg skapar en ny återställningskod och krypterar om databasen med nya nycklar. Den nuvarande återställningskoden slutar gälla direkt, även den som står på papper. Säkerhetskopior som redan har gjorts öppnas fortfarande bara med den kod som gällde när de gjordes: spara den gamla koden så länge du sparar de kopiorna, eller gör en ny säkerhetskopia efteråt. Det kan ta en stund om databasen är stor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Making a new recovery code</source>
        <translation>Skapar en ny återställningskod</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Make a new recovery code</source>
        <translation>&amp;Skapa en ny återställningskod</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your &amp;passphrase:</source>
        <translation>Din &amp;lösenfras:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Re-encrypting the store and making a new recovery code…</source>
        <translation>Krypterar om databasen och skapar en ny återställningskod…</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../casework/notifications.py" line="+102"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the notice</source>
        <translation>Stäng meddelandet</translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <location line="-49"/>
        <source>%n reminder(s) due today or overdue: {kinds}.</source>
        <extracomment>How often the day is checked while unlocked (ms).</extracomment>
        <translation>
            <numerusform>%n påminnelse förfaller i dag eller är försenad: {kinds}.</numerusform>
            <numerusform>%n påminnelser förfaller i dag eller är försenade: {kinds}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n more reminder(s) now due: {kinds}.</source>
        <translation>
            <numerusform>%n påminnelse till förfaller nu: {kinds}.</numerusform>
            <numerusform>%n påminnelser till förfaller nu: {kinds}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The yearly gallring is due.</source>
        <translation>Det är dags för den årliga gallringen.</translation>
    </message>
</context>
<context>
    <name>NotifiedDialog</name>
    <message>
        <location filename="../record_dialogs/decision_dialogs.py" line="+21"/>
        <source>Notification of the decision</source>
        <translation>Delgivning av beslutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notified on:</source>
        <translation>&amp;Delgivet den:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date the person was told of the decision; it is set once.</source>
        <translation>Dagen då personen fick del av beslutet; den anges en gång.</translation>
    </message>
</context>
<context>
    <name>Occupation</name>
    <message>
        <location filename="../kit/vocab.py" line="-38"/>
        <source>work</source>
        <translation>arbete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>studies</source>
        <translation>studier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>labour-market programme</source>
        <translation>arbetsmarknadsinsats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on sick leave</source>
        <translation>sjukskriven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no occupation</source>
        <translation>ingen sysselsättning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../runtime/error_dialog.py" line="+42"/>
        <source>Something went wrong and the operation was not completed. Try again; if it happens again, contact your IT support.</source>
        <extracomment>Turns a UtvagError into the user&apos;s language; desktop/ installs ``desktop.i18n.translate_error``.</extracomment>
        <translation>Något gick fel och åtgärden slutfördes inte. Försök igen; kontakta IT-supporten om det händer igen.</translation>
    </message>
    <message>
        <location filename="../runtime/operations.py" line="+289"/>
        <source>Working…</source>
        <extracomment>Work that takes longer than this shows the progress dialog (milliseconds).</extracomment>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../kit/labels.py" line="-68"/>
        <source>completed</source>
        <translation>fullföljt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discontinued by the person</source>
        <translation>avbrutet av individen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conditions broken</source>
        <translation>villkor brutna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not applicable</source>
        <translation>ej aktuellt</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../case_view/overview_tab.py" line="+98"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case number:</source>
        <translation>Ärendenummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case type:</source>
        <translation>Ärendetyp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened:</source>
        <translation>Öppnat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed:</source>
        <translation>Avslutat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home municipality:</source>
        <translation>Bosättningskommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality of stay:</source>
        <translation>Vistelsekommun:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker:</source>
        <translation>Ansvarig handläggare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred by:</source>
        <translation>Aktualiserat av:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gallring:</source>
        <translation>Gallring:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case</source>
        <translation>Ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Reminders for this case</source>
        <translation>Påminnelser för ärendet</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Edit details…</source>
        <translation>&amp;Ändra uppgifter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;status…</source>
        <translation>Byt &amp;status…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gallring exemption…</source>
        <translation>&amp;Gallringsundantag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;reminder…</source>
        <translation>Ny &amp;påminnelse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;follow-up…</source>
        <translation>Registrera &amp;uppföljning…</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n high need(s) from the needs assessment of {day} without a running intervention, SIP or care contact: {needs}</source>
        <translation>
            <numerusform>%n stort behov i behovsbedömningen {day} saknar pågående insats, SIP eller vårdkontakt: {needs}</numerusform>
            <numerusform>%n stora behov i behovsbedömningen {day} saknar pågående insats, SIP eller vårdkontakt: {needs}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{status} — outcome: {outcome}</source>
        <translation>{status} – utfall: {outcome}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exempt: {reason}</source>
        <translation>undantagen: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>five years after the last entry</source>
        <translation>fem år efter den senaste anteckningen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../record_dialogs/partner_dialogs.py" line="-85"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name or function:</source>
        <translation>&amp;Namn eller funktion:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Kim Andersson or the duty officer</source>
        <translation>t.ex. Kim Andersson eller vakthavande</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 010-123 45 67</source>
        <translation>t.ex. 010-123 45 67</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>Anteckning&amp;ar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New partner</source>
        <translation>Ny samverkanspart</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit partner</source>
        <translation>Ändra samverkanspart</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The register is shared by every case and stays inside the encrypted database. Which partners a person has is case data: write nothing here about the person.</source>
        <translation>Registret är gemensamt för alla ärenden och finns i den krypterade databasen. Vilka samverkansparter en person har är uppgifter i ärendet: skriv ingenting om personen här.</translation>
    </message>
</context>
<context>
    <name>PartnerKind</name>
    <message>
        <location filename="../kit/labels.py" line="+92"/>
        <source>police</source>
        <translation>polisen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prison and Probation Service</source>
        <translation>Kriminalvården/frivården</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lawyer or counsel</source>
        <translation>advokat/ombud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>school</source>
        <translation>skola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>employer</source>
        <translation>arbetsgivare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regional psychiatry</source>
        <translation>regionpsykiatrin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>annan</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <location filename="../case_view/partners_tab.py" line="+41"/>
        <source>Partner</source>
        <translation>Samverkanspart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role in the case</source>
        <translation>Roll i ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Partners</source>
        <translation>Samverkan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partners in the case</source>
        <translation>Samverkansparter i ärendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts at other organisations who work with the person, and their role. The register is under Tools › Partners.</source>
        <translation>Kontaktpersoner hos andra organisationer som arbetar med personen, och deras roll. Registret finns under Verktyg › Samverkansparter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Link a partner…</source>
        <translation>&amp;Koppla samverkanspart…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change r&amp;ole…</source>
        <translation>Ändra r&amp;oll…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the lin&amp;k…</source>
        <translation>Ta &amp;bort kopplingen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The partner register is empty: add partners under Tools › Partners.</source>
        <translation>Registret över samverkansparter är tomt: lägg till dem under Verktyg › Samverkansparter.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Remove {name} from the case?</source>
        <translation>Ta bort {name} från ärendet?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove the link</source>
        <translation>&amp;Ta bort kopplingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The partner stays in the register.</source>
        <translation>Samverkansparten finns kvar i registret.</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <location filename="../casework/partners_view.py" line="+49"/>
        <source>Partners</source>
        <translation>Samverkansparter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All kinds</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of partner to show</source>
        <translation>Typ av samverkanspart som visas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name or function</source>
        <translation>Namn eller funktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Partner register</source>
        <translation>Register över samverkansparter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cases the partner is linked to</source>
        <translation>Ärenden som samverkansparten är kopplad till</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New partner…</source>
        <translation>&amp;Ny samverkanspart…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Contacts at other organisations that the unit works with. Link a partner to a case in the case&apos;s part Partners, with its role there.</source>
        <translation>Kontaktpersoner hos andra organisationer som enheten samarbetar med. Koppla en samverkanspart till ett ärende under ärendets del Samverkan, med dess roll där.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n samverkanspart</numerusform>
            <numerusform>%n samverkansparter</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a partner to see its cases.</source>
        <translation>Välj en samverkanspart för att se dess ärenden.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Linked to %n case(s)</source>
        <translation>
            <numerusform>Kopplad till %n ärende</numerusform>
            <numerusform>Kopplad till %n ärenden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseInput</name>
    <message>
        <location filename="../kit/passphrase.py" line="+54"/>
        <source>New passphrase</source>
        <extracomment>The meter is full at 10**20 guesses.</extracomment>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repeat the passphrase</source>
        <translation>Upprepa lösenfrasen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show passphrase</source>
        <translation>Visa lösenfrasen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passphrase strength</source>
        <translation>Lösenfrasens styrka</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Upprepa:</translation>
    </message>
    <message numerus="yes">
        <location line="-12"/>
        <source>At least %n characters. Several words that do not belong together are easy to remember and hard to guess.</source>
        <translation>
            <numerusform>Minst %n tecken. Flera ord som inte hör ihop är lätta att komma ihåg och svåra att gissa.</numerusform>
            <numerusform>Minst %n tecken. Flera ord som inte hör ihop är lätta att komma ihåg och svåra att gissa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Too short: %n of at least {minimum} characters.</source>
        <translation>
            <numerusform>För kort: %n av minst {minimum} tecken.</numerusform>
            <numerusform>För kort: %n av minst {minimum} tecken.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Too short</source>
        <translation>För kort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptable</source>
        <translation>Godtagbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very strong</source>
        <translation>Mycket stark</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accepted, but it could be stronger: one or two more words make it much harder to guess.</source>
        <translation>Godtas, men den kan bli starkare: ett eller två ord till gör den mycket svårare att gissa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength: {verdict}</source>
        <translation>Styrka: {verdict}</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../access/first_run.py" line="-57"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You type the passphrase every time you open Utväg. Choose one that nobody can guess, and do not write it on the computer.</source>
        <translation>Du skriver lösenfrasen varje gång du öppnar Utväg. Välj en som ingen kan gissa, och spara den inte på datorn.</translation>
    </message>
</context>
<context>
    <name>PeriodRow</name>
    <message>
        <location filename="../extract/scope.py" line="+92"/>
        <source>The whole file</source>
        <translation>Hela akten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../record_dialogs/person_dialogs.py" line="-152"/>
        <source>Empty: unchanged</source>
        <translation>Lämna tomt för att behålla</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Personnummer or samordningsnummer:</source>
        <translation>&amp;Personnummer eller samordningsnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Birth year:</source>
        <translation>&amp;Födelseår:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only without a personnummer</source>
        <translation>Bara utan personnummer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Gender:</source>
        <translation>&amp;Kön:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>S&amp;pråk:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Protection level:</source>
        <translation>Sk&amp;yddsnivå:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Relation to the principal:</source>
        <translation>&amp;Relation till huvudpersonen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. mother</source>
        <translation>t.ex. mor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Accompanying child</source>
        <translation>&amp;Medföljande barn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New relative</source>
        <translation>Ny närstående</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Principal</source>
        <translation>Huvudperson</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit relative</source>
        <translation>Ändra närstående</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit principal</source>
        <translation>Ändra huvudperson</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Link the cases and save</source>
        <translation>&amp;Koppla ärendena och spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save without a link</source>
        <translation>&amp;Spara utan koppling</translation>
    </message>
</context>
<context>
    <name>PersonRole</name>
    <message>
        <location filename="../kit/labels.py" line="-81"/>
        <source>principal</source>
        <translation>huvudperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relative</source>
        <translation>närstående</translation>
    </message>
</context>
<context>
    <name>PersonTab</name>
    <message>
        <location filename="../case_view/person_tab.py" line="+69"/>
        <source>No protection registered.</source>
        <extracomment>whether this laptop may change the protected details (storage/team/protected.py)</extracomment>
        <translation>Inget skydd registrerat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidentiality marking: lists show initials and birth year.</source>
        <translation>Sekretessmarkering: listor visar initialer och födelseår.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected registration: lists show the case number only.</source>
        <translation>Skyddad folkbokföring: listor visar bara ärendenumret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fictitious personal details: lists show the case number only.</source>
        <translation>Fingerade personuppgifter: listor visar bara ärendenumret.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Moved in</source>
        <translation>Inflyttad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved out</source>
        <translation>Utflyttad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address recorded</source>
        <translation>Adress registrerad</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Person and protection</source>
        <translation>Person och skydd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnummer:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year:</source>
        <translation>Födelseår:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender:</source>
        <translation>Kön:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of number:</source>
        <translation>Typ av nummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection level:</source>
        <translation>Skyddsnivå:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Principal</source>
        <translation>Huvudperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fictitious personal details (kept apart)</source>
        <translation>Fingerade personuppgifter (hålls åtskilda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Placements</source>
        <translation>Placeringar</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Municipality and address:</source>
        <translation>Kommun och adress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add principal…</source>
        <translation>&amp;Lägg till huvudperson…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;fictitious personal details…</source>
        <translation>Registrera &amp;fingerade personuppgifter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;placement…</source>
        <translation>Ny &amp;placering…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a&amp;ddress…</source>
        <translation>Ange a&amp;dress…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved &amp;out…</source>
        <translation>Registrera &amp;utflyttning…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No principal recorded yet.</source>
        <translation>Ingen huvudperson registrerad ännu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fictitious identity</source>
        <translation>Fingerad identitet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No fictitious identity recorded.</source>
        <translation>Ingen fingerad identitet registrerad.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a placement.</source>
        <translation>Välj en placering.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Municipality and address of the placement</source>
        <translation>Placeringens kommun och adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address recorded</source>
        <translation>ingen adress registrerad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your share of this case does not include the protected details: the responsible caseworker changes them.</source>
        <translation>Din delning av ärendet omfattar inte de skyddade uppgifterna: ansvarig handläggare ändrar dem.</translation>
    </message>
</context>
<context>
    <name>PlacementAddressDialog</name>
    <message>
        <location filename="../record_dialogs/person_dialogs.py" line="+90"/>
        <source>Protected address</source>
        <translation>Skyddad adress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Street:</source>
        <translation>&amp;Gatuadress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaces the placement&apos;s address. The old address is not kept.</source>
        <translation>Ersätter placeringens adress. Den gamla adressen sparas inte.</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location line="-27"/>
        <source>New placement</source>
        <translation>Ny placering</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moved &amp;in on:</source>
        <translation>&amp;Flyttade in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moved &amp;out on:</source>
        <translation>Flyttade &amp;ut:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protected address: &amp;street:</source>
        <translation>Skyddad adress: &amp;gatuadress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal code:</source>
        <translation>&amp;Postnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The address is protected: it is kept apart and shown only with a reason.</source>
        <translation>Adressen är skyddad: den hålls åtskild och visas bara med angivet skäl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your share of this case does not include the protected details: the responsible caseworker records the address.</source>
        <translation>Din delning av ärendet omfattar inte de skyddade uppgifterna: ansvarig handläggare registrerar adressen.</translation>
    </message>
</context>
<context>
    <name>PlanControlDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="+39"/>
        <source>Plan a provider control</source>
        <translation>Planera kontroll av utförare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Planned on:</source>
        <translation>&amp;Planerad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
</context>
<context>
    <name>ProtectionLevel</name>
    <message>
        <location filename="../kit/labels.py" line="-15"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confidentiality marking</source>
        <translation>sekretessmarkering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protected population registration</source>
        <translation>skyddad folkbokföring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fictitious personal details</source>
        <translation>fingerade personuppgifter</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="-18"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Regi:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisationsnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>New provider in the register</source>
        <translation>Ny utförare i registret</translation>
    </message>
</context>
<context>
    <name>ProviderKind</name>
    <message>
        <location filename="../kit/labels.py" line="+45"/>
        <source>municipal</source>
        <translation>kommunal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private</source>
        <translation>enskild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>non-profit</source>
        <translation>idéburen</translation>
    </message>
</context>
<context>
    <name>ProvidersView</name>
    <message>
        <location filename="../knowledge/providers_view.py" line="+53"/>
        <source>Providers and controls</source>
        <translation>Utförare och kontroller</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Regi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Planned</source>
        <translation>Planerade</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last control</source>
        <translation>Senaste kontroll</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Next control</source>
        <translation>Nästa kontroll</translation>
    </message>
    <message numerus="yes">
        <location line="-14"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n försenad</numerusform>
            <numerusform>%n försenade</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Providers</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control every</source>
        <translation>Kontroll var</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interventions of the provider</source>
        <translation>Utförarens insatser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Controls of the intervention</source>
        <translation>Kontroller av insatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show ended interventions</source>
        <translation>Visa avslutade insatser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New provider…</source>
        <translation>&amp;Ny utförare…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plan control visit…</source>
        <translation>&amp;Planera kontrollbesök…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record control…</source>
        <translation>&amp;Registrera kontroll…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message numerus="yes">
        <location line="+144"/>
        <source>%n control(s) planned.</source>
        <translation>
            <numerusform>%n kontroll planerad.</numerusform>
            <numerusform>%n kontroller planerade.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-99"/>
        <source>No control is overdue.</source>
        <translation>Ingen kontroll är försenad.</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>(overdue)</source>
        <translation>(försenad)</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%n control(s) overdue: {cases}</source>
        <translation>
            <numerusform>%n kontroll försenad: {cases}</numerusform>
            <numerusform>%n kontroller försenade: {cases}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The provider was added.</source>
        <translation>Utföraren lades till.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Plan a control visit</source>
        <translation>Planera ett kontrollbesök</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One control is planned for each running intervention at {name}.</source>
        <translation>En kontroll planeras för varje pågående insats hos {name}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Planned for:</source>
        <translation>&amp;Planerad till:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plan</source>
        <translation>&amp;Planera</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Record a control</source>
        <translation>Registrera en kontroll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the control planned for {day}: when it was made and what was found.</source>
        <translation>Registrera kontrollen som var planerad till {day}: när den gjordes och vad som kom fram.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Utförd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The control was recorded.</source>
        <translation>Kontrollen registrerades.</translation>
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <location filename="../knowledge/register_dialogs.py" line="+25"/>
        <source>&amp;Law:</source>
        <translation>&amp;Lag:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Socialtjänstlag (2025:400)</source>
        <translation>t.ex. Socialtjänstlag (2025:400)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Chapter and section:</source>
        <translation>&amp;Kapitel och paragraf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 4 kap. 1 §; empty until checked</source>
        <translation>t.ex. 4 kap. 1 §; tomt tills det är kontrollerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About:</source>
        <translation>&amp;Avser:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Source:</source>
        <translation>&amp;Källa:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Checked on:</source>
        <translation>K&amp;ontrollerad den:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N&amp;ote:</source>
        <translation>A&amp;nteckning:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New provision</source>
        <translation>Nytt lagrum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;In use for new decisions</source>
        <translation>&amp;Används i nya beslut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change provision</source>
        <translation>Ändra lagrum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed decisions keep the provision as it read when they were signed.</source>
        <translation>Signerade beslut behåller lagrummet som det löd när de signerades.</translation>
    </message>
</context>
<context>
    <name>ProvisionsView</name>
    <message>
        <location filename="../knowledge/registers_view.py" line="+18"/>
        <source>Provisions (lagrum)</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Law</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter and section</source>
        <translation>Kapitel och paragraf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>Avser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked</source>
        <translation>Kontrollerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>Används</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not checked</source>
        <translation>inte kontrollerat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Provisions</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen provision</source>
        <translation>Valt lagrum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New provision…</source>
        <translation>&amp;Nytt lagrum…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndra…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Source: {text}</source>
        <translation>Källa: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked on: {day}</source>
        <translation>Kontrollerad den: {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: {text}</source>
        <translation>Anteckning: {text}</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <location filename="../kit/dialogs.py" line="+41"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-1"/>
        <source>OK</source>
        <extracomment>Qt&apos;s own Swedish catalogue calls the standard button &quot;Ok&quot;; Swedish writes &quot;OK&quot; (Språkrådet). Utväg&apos;s catalogue is installed after Qt&apos;s, so it is asked first and translates these to &quot;OK&quot;; marked here so that lupdate keeps the entries.</extracomment>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../contacts/qr.py" line="+54"/>
        <source>QR code of the fingerprint</source>
        <translation>QR-kod för fingeravtrycket</translation>
    </message>
</context>
<context>
    <name>QuickPinDialog</name>
    <message>
        <location filename="../access/quick_pin.py" line="+63"/>
        <source>Quick unlock with a PIN</source>
        <translation>Snabbupplåsning med PIN-kod</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>After Utväg has locked itself because you were away from the computer, you can open it again with a short PIN instead of the passphrase, for {hours} hours. The PIN is kept only in Utväg&apos;s memory, never on disk. It does not work after Ctrl+L, when the computer&apos;s screen is locked or it has slept, or after a restart, and three wrong PINs end it: then only the passphrase (or the card) works.</source>
        <translation>När Utväg har låst sig för att du har varit borta från datorn kan du öppna igen med en kort PIN-kod i stället för lösenfrasen, under {hours} timmar. PIN-koden finns bara i Utvägs minne, aldrig på disken. Den fungerar inte efter Ctrl+L, när datorns skärm har låsts eller datorn har sovit, eller efter en omstart, och tre felaktiga försök gör att den slutar gälla: då fungerar bara lösenfrasen (eller smartkortet).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PIN again</source>
        <translation>PIN-koden igen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Use this PIN</source>
        <translation>&amp;Använd den här PIN-koden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;PIN (6–12 digits):</source>
        <translation>&amp;PIN-kod (6–12 siffror):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again:</source>
        <translation>PIN-koden &amp;igen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pass&amp;phrase:</source>
        <translation>Din lösen&amp;fras:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The two PINs differ.</source>
        <translation>De två PIN-koderna är olika.</translation>
    </message>
</context>
<context>
    <name>ReceiptImport</name>
    <message>
        <location filename="../handover/import_support.py" line="-112"/>
        <source>{who} accepted case {case}. The case is now handed over; the receipt is kept as proof.</source>
        <translation>{who} tog emot ärende {case}. Ärendet är nu överlämnat; kvittot sparas som bevis.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Our copy is due for weeding (gallring) on {day}.</source>
        <translation>Vår kopia ska gallras {day}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{who} refused case {case}: {reason}
The case stays open here; a reminder was added.</source>
        <translation>{who} vägrade ta emot ärende {case}: {reason}
Ärendet är fortfarande öppet här; en påminnelse har lagts till.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import a receipt</source>
        <translation>Importera ett kvitto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utväg bundle (*.utvag)</source>
        <translation>Utväg-paket (*.utvag)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the receipt…</source>
        <translation>Kontrollerar kvittot…</translation>
    </message>
</context>
<context>
    <name>RecordControlDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="+30"/>
        <source>Provider control done</source>
        <translation>Genomförd kontroll av utförare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Utförd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was found:</source>
        <translation>&amp;Iakttagelser:</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../record_dialogs/form.py" line="+155"/>
        <source>Save</source>
        <extracomment>Names for fields the domain may name that are not inputs of the form.</extracomment>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../access/recovery.py" line="+103"/>
        <source>Use recovery code</source>
        <translation>Använd återställningskod</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the recovery code you wrote down when the store was created, and choose a new passphrase. The old passphrase stops working.</source>
        <translation>Skriv in återställningskoden som du skrev ner när databasen skapades, och välj en ny lösenfras. Den gamla lösenfrasen slutar gälla.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Recovery code</source>
        <extracomment>``recover(code, new_passphrase) -&gt; store``; runs on the store worker. Separators a code may be typed with (parse_recovery_code ignores them). The code&apos;s alphabet in either case, the letters read as digits (O as 0, I and L as 1), and the separators: nothing else can be typed into the field. 28 characters in 7 groups of 4 with dashes is 34; room for spaces around the dashes.</extracomment>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;Open with the recovery code</source>
        <translation>&amp;Öppna med återställningskoden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;code:</source>
        <translation>Återställnings&amp;kod:</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../access/recovery_code.py" line="+45"/>
        <location line="+19"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>With this code the store can be opened if you forget the passphrase or move to a new computer. Until you confirm that you have written it down, it is shown again each time Utväg is unlocked; after that, never again.</source>
        <translation>Med den här koden kan databasen öppnas om du glömmer lösenfrasen eller byter dator. Tills du har bekräftat att du har skrivit ner den visas den igen varje gång Utväg låses upp; därefter aldrig mer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Write the code on paper, or print it, and keep it locked away from the computer — for example in the unit&apos;s safe. Never save it in a file, an e-mail or a photo. Anyone with the code and a copy of the store can read it.</source>
        <translation>Skriv koden på papper, eller skriv ut den, och förvara den inlåst och skild från datorn – till exempel i enhetens kassaskåp. Spara den aldrig i en fil, ett e-postmeddelande eller ett foto. Den som har koden och en kopia av databasen kan läsa den.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have &amp;written it down</source>
        <translation>Jag har &amp;skrivit ner den</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Utväg — recovery code</source>
        <translation>Utväg – återställningskod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {date}</source>
        <translation>Utskriven {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this paper locked away from the computer. With the code, the store can be opened without the passphrase.</source>
        <translation>Förvara det här pappret inlåst och skilt från datorn. Med koden kan databasen öppnas utan lösenfrasen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Print the recovery code</source>
        <translation>Skriv ut återställningskoden</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeWizard</name>
    <message>
        <location line="+8"/>
        <source>Utväg was closed before you confirmed that you had written down the store&apos;s recovery code, so it is shown again. The code has not changed.</source>
        <translation>Utväg stängdes innan du hade bekräftat att du skrivit ner databasens återställningskod, så den visas igen. Koden är densamma som förut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is the store&apos;s new recovery code. The old code no longer opens the store. Backups made before now still open only with the code that was valid when they were made: keep the old code locked away as long as you keep those backups, or make a new backup now.</source>
        <translation>Det här är databasens nya återställningskod. Den gamla koden öppnar inte längre databasen. Säkerhetskopior som redan har gjorts öppnas fortfarande bara med den kod som gällde när de gjordes: förvara den gamla koden inlåst så länge du sparar de kopiorna, eller gör en ny säkerhetskopia nu.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Done</source>
        <translation>&amp;Klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>Sen&amp;are</translation>
    </message>
</context>
<context>
    <name>RecoveryDrillDialog</name>
    <message>
        <location filename="../access/drill.py" line="+37"/>
        <source>Recovery code drill</source>
        <translation>Övning med återställningskoden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check that the recovery code you wrote down still opens Utväg: fetch the paper and type the code. Utväg only checks it — nothing is opened or changed — and notes today&apos;s date. Do this every six months, so that the code works the day the passphrase is forgotten or the computer is replaced.</source>
        <translation>Kontrollera att återställningskoden du skrev ner fortfarande öppnar Utväg: hämta papperet och skriv koden. Utväg kontrollerar den bara – ingenting öppnas eller ändras – och antecknar dagens datum. Gör det här var sjätte månad, så att koden fungerar den dag lösenfrasen glöms bort eller datorn byts.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Check the code</source>
        <translation>&amp;Kontrollera koden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;code:</source>
        <translation>Återställnings&amp;kod:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The recovery code is correct. Keep the paper where it was.</source>
        <translation>Återställningskoden stämmer. Lägg tillbaka papperet där det förvaras.</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../handover/import_support.py" line="+14"/>
        <source>Refuse the handover</source>
        <translation>Vägra ta emot överlämningen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E.g. no legal basis for us to take the case</source>
        <translation>T.ex. ingen rättslig grund för oss att ta emot ärendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refuse</source>
        <translation>&amp;Vägra</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The reason is sent to the sender in the signed receipt. Write no personal data.</source>
        <translation>Skälet skickas till avsändaren i det signerade kvittot. Skriv inga personuppgifter.</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <location filename="../knowledge/registers_view.py" line="-282"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
</context>
<context>
    <name>Relapse</name>
    <message>
        <location filename="../kit/vocab.py" line="+3"/>
        <source>no relapse</source>
        <translation>inget återfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspected relapse</source>
        <translation>misstänkt återfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relapse</source>
        <translation>återfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
</context>
<context>
    <name>RelativesTab</name>
    <message>
        <location filename="../case_view/relatives_tab.py" line="+43"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection level</source>
        <translation>Skyddsnivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accompanying child</source>
        <translation>Medföljande barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+107"/>
        <source>Fictitious identity</source>
        <translation>Fingerad identitet</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+13"/>
        <source>Relatives</source>
        <translation>Närstående</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Relatives (närstående)</source>
        <translation>Närstående</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Personnummer:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fictitious identity:</source>
        <translation>Fingerad identitet:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add relative…</source>
        <translation>&amp;Lägg till närstående…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;fictitious personal details…</source>
        <translation>Registrera &amp;fingerade personuppgifter…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your share of this case does not include the protected details: the responsible caseworker changes them.</source>
        <translation>Din delning av ärendet omfattar inte de skyddade uppgifterna: ansvarig handläggare ändrar dem.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No relatives recorded.</source>
        <translation>Inga närstående registrerade.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name of the relative</source>
        <translation>Den närståendes namn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Personnummer of the relative</source>
        <translation>Den närståendes personnummer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None recorded.</source>
        <translation>Ingen registrerad.</translation>
    </message>
</context>
<context>
    <name>RelocationTaskKind</name>
    <message>
        <location filename="../kit/labels.py" line="+46"/>
        <source>protected registration applied for at the Tax Agency</source>
        <translation>skyddad folkbokföring sökt hos Skatteverket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>school</source>
        <translation>skola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social Insurance Agency</source>
        <translation>Försäkringskassan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment Service</source>
        <translation>Arbetsförmedlingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>health care</source>
        <translation>hälso- och sjukvård</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the police&apos;s personal-security contact</source>
        <translation>polisens personsäkerhetskontakt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>landlord or housing at the new place</source>
        <translation>hyresvärd eller boende på nya orten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other task</source>
        <translation>annan uppgift</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <location filename="../record_dialogs/case_dialogs.py" line="+125"/>
        <source>New reminder</source>
        <translation>Ny påminnelse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due on:</source>
        <translation>&amp;Förfaller:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What:</source>
        <translation>&amp;Vad:</translation>
    </message>
</context>
<context>
    <name>ReminderKind</name>
    <message>
        <location filename="../kit/labels.py" line="-41"/>
        <source>new threat assessment</source>
        <translation>ny hotbedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent expires</source>
        <translation>samtycke löper ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provider control</source>
        <translation>kontroll av utförare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeding (gallring)</source>
        <translation>gallring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reminder</source>
        <translation>påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relocation checklist</source>
        <translation>flyttchecklista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new needs assessment</source>
        <translation>ny behovsbedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up of the SIP</source>
        <translation>uppföljning av SIP</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <location filename="../cases/reminders_panel.py" line="+64"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location line="+93"/>
        <source>Kind of reminder</source>
        <translation>Typ av påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done</source>
        <translation>&amp;Klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark your own reminder as done</source>
        <translation>Markera din egen påminnelse som klar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All reminders</source>
        <translation>Alla påminnelser</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Inom %n dag</numerusform>
            <numerusform>Inom %n dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n påminnelse</numerusform>
            <numerusform>%n påminnelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n försenad</numerusform>
            <numerusform>%n försenade</numerusform>
        </translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Reading reminders…</source>
        <translation>Läser påminnelser…</translation>
    </message>
</context>
<context>
    <name>ResearchExtractDialog</name>
    <message>
        <location filename="../knowledge/research_dialog.py" line="+44"/>
        <source>Research extract</source>
        <translation>Forskningsuttag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One row per case with a code that only this project uses instead of who it is, dates as months and a municipality as its county where a group would be small. Nothing is written if a group would still have fewer than 5 cases.</source>
        <translation>En rad per ärende med en kod som bara det här projektet använder i stället för vem det gäller, datum som månad och kommunen ersatt med sitt län där en grupp annars skulle bli liten. Inget skrivs om någon grupp ändå skulle ha färre än 5 ärenden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Research project</source>
        <translation>Forskningsprojekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New project</source>
        <translation>Nytt projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project name</source>
        <translation>Projektets namn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ethics approval</source>
        <translation>Etikgodkännande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add project</source>
        <translation>&amp;Lägg till projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;urpose:</source>
        <translation>S&amp;yfte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ethics approval (reference):</source>
        <translation>&amp;Etikgodkännande (diarienummer):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Write extract…</source>
        <translation>&amp;Skriv uttag…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The project was added.</source>
        <translation>Projektet lades till.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the research extract</source>
        <translation>Skriv forskningsuttaget</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n case(s) written to {file}; the smallest group has {smallest} cases.</source>
        <translation>
            <numerusform>%n ärende skrevs till {file}; den minsta gruppen har {smallest} ärenden.</numerusform>
            <numerusform>%n ärenden skrevs till {file}; den minsta gruppen har {smallest} ärenden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../access/restore.py" line="+95"/>
        <source>Restore from a backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No file chosen</source>
        <translation>Ingen fil vald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup file</source>
        <translation>Fil med säkerhetskopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the store folder</source>
        <translation>databasens mapp</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Restore your store from a backup, for example on a new computer. You need the backup file and the recovery code that was valid when the backup was made.</source>
        <translation>Återställ din databas från en säkerhetskopia, till exempel på en ny dator. Du behöver filen med säkerhetskopian och den återställningskod som gällde när säkerhetskopian gjordes.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>This computer&apos;s keyring already holds the device key of the store in this backup: that store has been set up on this computer before. If you take the entry over, that earlier store no longer opens with its passphrase, only with its recovery code. Take it over only if that store is gone or no longer used.</source>
        <translation>Datorns nyckelring har redan enhetsnyckeln för databasen i den här säkerhetskopian: den databasen har varit installerad på den här datorn förut. Om du tar över posten går den tidigare databasen inte längre att öppna med sin lösenfras, bara med sin återställningskod. Ta bara över posten om den databasen är borttagen eller inte används längre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Take over the keyring entry</source>
        <translation>&amp;Ta över posten i nyckelringen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring the backup</source>
        <translation>Säkerhetskopian återställs</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Re&amp;store</source>
        <translation>Åt&amp;erställ</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Backup &amp;file:</source>
        <translation>&amp;Säkerhetskopia:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;code:</source>
        <translation>Återställnings&amp;kod:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New passphrase for this computer</source>
        <translation>Ny lösenfras för den här datorn</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The store is restored into {folder}; nothing there is overwritten. It opens with the new passphrase only (and a new device key in this computer&apos;s keyring, if it used one). The recovery code keeps working: afterwards get a new one (Settings, New recovery code…) and make a new backup.</source>
        <translation>Databasen återställs till {folder}; inget som finns där skrivs över. Det öppnas bara med den nya lösenfrasen (och en ny enhetsnyckel i datorns nyckelring, om databasen använde en). Återställningskoden fortsätter att gälla: skaffa efteråt en ny (Inställningar, Ny återställningskod…) och gör en ny säkerhetskopia.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Utväg backup (*{suffix})</source>
        <translation>Utväg-säkerhetskopia (*{suffix})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backup</source>
        <translation>Välj säkerhetskopian</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Unpacking and checking the backup…</source>
        <translation>Packar upp och kontrollerar säkerhetskopian…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting the new passphrase…</source>
        <translation>Sätter den nya lösenfrasen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the restored store…</source>
        <translation>Öppnar den återställda databasen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restoring the backup…</source>
        <translation>Återställer säkerhetskopian…</translation>
    </message>
</context>
<context>
    <name>RestoredPage</name>
    <message>
        <location line="+48"/>
        <source>The backup is restored</source>
        <translation>Säkerhetskopian är återställd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The recovery code you typed still opens the store and its backups; keep it locked away. For a new recovery code choose Settings, New recovery code…, then make a new backup: older backups open only with the code that was valid when they were made. This installation&apos;s identity (municipality, unit, name and keys) is part of the store and came back with it.</source>
        <translation>Återställningskoden du skrev in öppnar fortfarande databasen och dess säkerhetskopior; förvara den inlåst. Välj Inställningar, Ny återställningskod… för att få en ny återställningskod, och gör sedan en ny säkerhetskopia: äldre säkerhetskopior öppnas bara med den kod som gällde när de gjordes. Installationens identitet (kommun, enhet, namn och nycklar) finns i databasen och följde med tillbaka.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The backup from {when} is restored and open on this computer.</source>
        <translation>Säkerhetskopian från {when} är återställd och öppen på den här datorn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new device key is in this computer&apos;s keyring.</source>
        <translation>En ny enhetsnyckel finns i datorns nyckelring.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: the audit log in the backup did not verify. Check it under Audit log.</source>
        <translation>Obs! Granskningsloggen i säkerhetskopian kunde inte verifieras. Kontrollera den under Granskningslogg.</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <location filename="../kit/masking.py" line="-139"/>
        <source>Show protected information</source>
        <extracomment>How long a revealed value stays visible (milliseconds). ``reveal(store, reason_or_grant) -&gt; clear value or None``; runs on the store worker. The second argument is the caseworker&apos;s reason, or a case-work grant (see storage.casefile.protection.start_case_work) that stands for one.</extracomment>
        <translation>Visa skyddad uppgift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} is protected. Write why you need to see it. The reason, your name and the time are written to the audit log.</source>
        <translation>{what}: uppgiften är skyddad. Skriv varför du behöver se den. Skälet, ditt namn och tidpunkten skrivs i granskningsloggen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E.g. contact with the police about the threat</source>
        <translation>T.ex. kontakt med polisen om hotbilden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <location filename="../extract/review_table.py" line="+28"/>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+40"/>
        <source>Ground</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Items to review</source>
        <translation>Uppgifter att pröva</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The person&apos;s name and personnummer</source>
        <translation>Personens namn och personnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another person (third party)</source>
        <translation>Annan person (tredje man)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fictitious identity</source>
        <translation>Fingerade personuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement / where the person lives</source>
        <translation>Placering / var personen bor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who referred the case</source>
        <translation>Vem som aktualiserade ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat assessment</source>
        <translation>Hotbedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal entry</source>
        <translation>Journalanteckning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include</source>
        <translation>Lämna ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mask</source>
        <translation>Maskera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withhold</source>
        <translation>Undanta</translation>
    </message>
</context>
<context>
    <name>RevokeConsentDialog</name>
    <message>
        <location filename="../record_dialogs/support_dialogs.py" line="+37"/>
        <source>Revoke consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revoked on:</source>
        <translation>&amp;Återkallat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../contacts/contacts_view.py" line="-218"/>
        <source>Revoke contact</source>
        <translation>Återkalla kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke {name}? Cases can no longer be sent to this contact, and bundles and receipts signed with its key are refused. This cannot be undone: the key can never be trusted again.</source>
        <translation>Återkalla {name}? Ärenden kan inte längre skickas till kontakten, och paket och kvitton som är signerade med dess nyckel avvisas. Det här kan inte ångras: nyckeln kan aldrig litas på igen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason (e.g. the laptop was stolen)</source>
        <translation>Skäl (t.ex. datorn har stulits)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Återkalla</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../kit/vocab.py" line="+77"/>
        <source>overview (case type, municipalities)</source>
        <translation>översikt (ärendetyp, kommuner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>principal person</source>
        <translation>huvudperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relatives</source>
        <translation>närstående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consents</source>
        <translation>samtycken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreements and conditions</source>
        <translation>överenskommelser och villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threat assessments</source>
        <translation>hotbedömningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network links</source>
        <translation>nätverkskopplingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interventions</source>
        <translation>insatser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decisions</source>
        <translation>beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs assessments</source>
        <translation>behovsbedömningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>psychiatry, addiction care and SIP</source>
        <translation>psykiatri, beroendevård och SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placements</source>
        <translation>placeringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>journal</source>
        <translation>journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>documents</source>
        <translation>handlingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-ups</source>
        <translation>uppföljningar</translation>
    </message>
</context>
<context>
    <name>SectionsBox</name>
    <message>
        <location filename="../extract/scope.py" line="-51"/>
        <source>Parts of the case file</source>
        <translation>Delar av akten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case</source>
        <translation>Ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements and conditions</source>
        <translation>Överenskommelser och villkor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat assessments</source>
        <translation>Hotbedömningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network links</source>
        <translation>Nätverkskopplingar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners</source>
        <translation>Samverkansparter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placements</source>
        <translation>Placeringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents (list)</source>
        <translation>Handlingar (förteckning)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
</context>
<context>
    <name>SectionsPage</name>
    <message>
        <location filename="../handover/pages.py" line="+119"/>
        <source>What to send</source>
        <translation>Vad som skickas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send only what the receiving unit needs.</source>
        <translation>Skicka bara det som den mottagande enheten behöver.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Include protected names, personal identity numbers and addresses</source>
        <translation>Skicka med skyddade namn, personnummer och adresser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include the fictitious identity</source>
        <translation>Skicka med de fingerade personuppgifterna</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why the receiving unit needs them (audited)</source>
        <translation>Varför den mottagande enheten behöver dem (loggas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n protected name(s)</source>
        <translation>
            <numerusform>%n skyddat namn</numerusform>
            <numerusform>%n skyddade namn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n protected address(es)</source>
        <translation>
            <numerusform>%n skyddad adress</numerusform>
            <numerusform>%n skyddade adresser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fictitious identity(ies)</source>
        <translation>
            <numerusform>%n fingerad identitet</numerusform>
            <numerusform>%n fingerade identiteter</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out unless chosen above: {items}.</source>
        <translation>Utelämnas om du inte väljer dem ovan: {items}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../window/settings_dialog.py" line="+81"/>
        <source>Settings</source>
        <extracomment>*Ny återställningskod…* was chosen (the dialog closes without saving first). *Lägg till kort…*, *Välj PIN…*, *Öva med återställningskoden…* (the same way).</extracomment>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after inactivity, minutes</source>
        <translation>Lås efter inaktivitet, minuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the window from screenshots and screen sharing</source>
        <translation>Dölj fönstret vid skärmbilder och skärmdelning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only Windows can keep a window out of screen capture.</source>
        <translation>Bara Windows kan hålla ett fönster utanför skärminspelning.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock after inactivity:</source>
        <translation>&amp;Lås efter inaktivitet:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quick unlock with a PIN</source>
        <translation>Snabbupplåsning med PIN-kod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After Utväg has locked itself because you were away, a short PIN opens it again — not after Ctrl+L, a locked screen, sleep or a restart.</source>
        <translation>När Utväg har låst sig för att du har varit borta öppnar en kort PIN-kod igen – inte efter Ctrl+L, låst skärm, viloläge eller omstart.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source> hour(s)</source>
        <translation>
            <numerusform> timme</numerusform>
            <numerusform> timmar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PIN works for, hours</source>
        <translation>PIN-koden gäller i, timmar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PIN works until {time}.</source>
        <translation>PIN-koden gäller till kl. {time}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No PIN chosen.</source>
        <translation>Ingen PIN-kod är vald.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a &amp;PIN…</source>
        <translation>Välj &amp;PIN-kod…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PIN &amp;works for:</source>
        <translation>PIN-koden &amp;gäller i:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Card (smart card or security key)</source>
        <translation>Smartkort eller säkerhetsnyckel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SITHS card or a security key (PIV) can open Utväg too. Name the card software (PKCS#11 module) your IT support gives, for example OpenSC&apos;s opensc-pkcs11.</source>
        <translation>Ett SITHS-kort eller en säkerhetsnyckel (PIV) kan också öppna Utväg. Ange det kortprogram (PKCS#11-modul) som IT-supporten anvisar, till exempel OpenSC:s opensc-pkcs11.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The card&apos;s PKCS#11 module</source>
        <translation>Kortets PKCS#11-modul</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cards added</source>
        <translation>Tillagda smartkort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add a card…</source>
        <translation>Lägg till &amp;smartkort…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove the card</source>
        <translation>Ta &amp;bort kortet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card &amp;software:</source>
        <translation>Kort&amp;program:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practise with the recovery code every six months. Make a new recovery code if the old one may have been seen by someone else, or after a restore. The old code then stops working.</source>
        <translation>Öva med återställningskoden var sjätte månad. Skapa en ny återställningskod om någon annan kan ha sett den gamla, eller efter en återställning. Den gamla koden slutar då att fungera.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Practise with the recovery code…</source>
        <translation>Öva med åter&amp;ställningskoden…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{label} (added {date})</source>
        <translation>{label} (tillagt {date})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No card has been added.</source>
        <translation>Inget smartkort har lagts till.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>&amp;New recovery code…</source>
        <translation>&amp;Ny återställningskod…</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../team/share_dialog.py" line="+29"/>
        <source>Co-caseworker (medhandläggare)</source>
        <translation>Medhandläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stand-in (ersättare)</source>
        <translation>Ersättare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share with a colleague</source>
        <translation>Dela med kollega</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Colleague:</source>
        <translation>&amp;Kollega:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stand-in only; empty: today</source>
        <translation>Bara för ersättare; tomt: i dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Until:</source>
        <translation>&amp;Till och med:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stand-in only</source>
        <translation>Bara för ersättare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include &amp;protected details</source>
        <translation>Ta med &amp;skyddade uppgifter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the protected details are shared (logged)</source>
        <translation>Varför de skyddade uppgifterna delas (loggas)</translation>
    </message>
</context>
<context>
    <name>SipActionDialog</name>
    <message>
        <location filename="../record_dialogs/plan_dialogs.py" line="-38"/>
        <source>New action in the SIP</source>
        <translation>Ny åtgärd i SIP:en</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What is to be done:</source>
        <translation>&amp;Vad ska göras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who is responsible:</source>
        <translation>&amp;Vem ansvarar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done by:</source>
        <translation>&amp;Klart senast:</translation>
    </message>
</context>
<context>
    <name>SipActionDoneDialog</name>
    <message>
        <location line="+10"/>
        <source>Action done</source>
        <translation>Åtgärden är klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Klar den:</translation>
    </message>
</context>
<context>
    <name>SipDialog</name>
    <message>
        <location line="-44"/>
        <source>New SIP</source>
        <translation>Ny SIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Meeting held on:</source>
        <translation>&amp;Mötet hölls den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consent given on:</source>
        <translation>&amp;Samtycke lämnat den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overall responsibility:</source>
        <translation>&amp;Huvudansvar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Responsible person:</source>
        <translation>&amp;Ansvarig person:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Participants:</source>
        <translation>&amp;Deltagare:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One per line: name and organisation or role</source>
        <translation>En per rad: namn och organisation eller roll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow-up on:</source>
        <translation>&amp;Uppföljning den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A coordinated individual plan (SIP) is drawn up with the person&apos;s consent. Add the agreed actions once it is saved.</source>
        <translation>En samordnad individuell plan (SIP) upprättas med personens samtycke. Lägg till de överenskomna åtgärderna när planen är sparad.</translation>
    </message>
</context>
<context>
    <name>SipFollowUpDialog</name>
    <message>
        <location line="+36"/>
        <source>SIP followed up</source>
        <translation>SIP uppföljd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Followed up on:</source>
        <translation>&amp;Uppföljd den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next follow-up on:</source>
        <translation>&amp;Nästa uppföljning den:</translation>
    </message>
</context>
<context>
    <name>SipLead</name>
    <message>
        <location filename="../kit/vocab.py" line="-50"/>
        <source>the municipality</source>
        <translation>kommunen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the region</source>
        <translation>regionen</translation>
    </message>
</context>
<context>
    <name>StartChecklistDialog</name>
    <message>
        <location filename="../record_dialogs/checklist_dialogs.py" line="-69"/>
        <source>Start the relocation checklist</source>
        <translation>Starta flyttchecklista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tasks:</source>
        <translation>Uppgifter:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Who:</source>
        <translation>&amp;Vem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For every task to begin with; each can be changed</source>
        <translation>Gäller alla uppgifter till att börja med; var och en kan ändras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;When:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The standard tasks of a move are put on the placement. Tasks with a date become reminders until they are done.</source>
        <translation>Standarduppgifterna vid en flytt läggs på placeringen. Uppgifter med datum blir påminnelser tills de är klara.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start</source>
        <translation>&amp;Starta</translation>
    </message>
</context>
<context>
    <name>StatColumn</name>
    <message>
        <location filename="../kit/vocab.py" line="+119"/>
        <source>Total</source>
        <extracomment>The core&apos;s Swedish column names (other columns are municipalities).</extracomment>
        <translation>Summa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met</source>
        <translation>uppfyllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not met</source>
        <translation>ej uppfyllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cases</source>
        <translation>ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interventions</source>
        <translation>insatser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cost (SEK)</source>
        <translation>kostnad (kr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smaller need</source>
        <translation>minskat behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>oförändrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greater need</source>
        <translation>ökat behov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not assessed again</source>
        <translation>ej bedömt igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stable situation</source>
        <translation>stabil situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly stable</source>
        <translation>delvis stabil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unstable situation</source>
        <translation>instabil situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reached</source>
        <translation>ej nådd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no follow-up recorded</source>
        <translation>ingen uppföljning registrerad</translation>
    </message>
</context>
<context>
    <name>StatRow</name>
    <message>
        <location line="-33"/>
        <source>Total</source>
        <translation>Summa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under 18</source>
        <translation>under 18 år</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18–29</source>
        <translation>18–29 år</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 and over</source>
        <translation>30 år och äldre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <translation>ingen uppgift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handed over</source>
        <translation>överlämnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all criteria met</source>
        <translation>alla kriterier uppfyllda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age unknown</source>
        <translation>okänd ålder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no great need assessed</source>
        <translation>inget stort behov bedömt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>no method given</source>
        <translation>ingen metod angiven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason recorded</source>
        <translation>ingen orsak registrerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than 6 months</source>
        <translation>kortare än 6 månader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6–12 months</source>
        <translation>6–12 månader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–2 years</source>
        <translation>1–2 år</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 years or more</source>
        <translation>2 år eller längre</translation>
    </message>
</context>
<context>
    <name>StatTableModel</name>
    <message>
        <location filename="../knowledge/stats_widgets.py" line="-56"/>
        <source>Hidden: fewer than 5 cases, or hidden so that nothing else shown, here or in an earlier export, can reveal a group of fewer than 5.</source>
        <translation>Dold: färre än 5 ärenden, eller dold så att inget annat som visas, här eller i en tidigare export, kan avslöja en grupp med färre än 5.</translation>
    </message>
</context>
<context>
    <name>StatTitle</name>
    <message>
        <location filename="../kit/vocab.py" line="-62"/>
        <source>New cases</source>
        <translation>Nya ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active cases</source>
        <translation>Aktiva ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed cases</source>
        <translation>Avslutade ärenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{measure} by case type</source>
        <translation>{measure} efter ärendetyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{measure} by gender</source>
        <translation>{measure} efter kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{measure} by age group</source>
        <translation>{measure} efter åldersgrupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{measure} by environment</source>
        <translation>{measure} efter miljö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{measure} by outcome</source>
        <translation>{measure} efter utfall</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases with an intervention in the period, by type</source>
        <translation>Ärenden med insats under perioden, efter insatstyp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases with a move in the period, by case type</source>
        <translation>Ärenden med flytt under perioden, efter ärendetyp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost of interventions funded by the state grant (SEK), by type</source>
        <translation>Kostnad för insatser med statsbidrag (kr), efter insatstyp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The police&apos;s criteria for the state grant (number of cases)</source>
        <translation>Polisens kriterier för statsbidrag (antal ärenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interventions funded by the state grant, started in the period</source>
        <translation>Insatser finansierade med statsbidrag, startade under perioden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New cases by great need at intake, by domain</source>
        <translation>Nya ärenden efter stort behov vid inskrivning, per område</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active cases: change in needs since intake, by domain</source>
        <translation>Aktiva ärenden: förändring i behov sedan inskrivningen, per område</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases with an intervention in the period, by method</source>
        <translation>Ärenden med insats under perioden, efter metod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases with an intervention in the period, by the method&apos;s evidence level</source>
        <translation>Ärenden med insats under perioden, efter metodens evidensnivå</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed cases: the situation at the 6-month follow-up, by method</source>
        <translation>Avslutade ärenden: läget vid uppföljningen efter 6 månader, efter metod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed cases: the situation at the 12-month follow-up, by method</source>
        <translation>Avslutade ärenden: läget vid uppföljningen efter 12 månader, efter metod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed cases by time in the programme</source>
        <translation>Avslutade ärenden efter tid i verksamheten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed cases by reason for ending</source>
        <translation>Avslutade ärenden efter avslutsorsak</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <location filename="../../storage/statistics/notices.py" line="+18"/>
        <source>Fictional demo data: this store holds demo cases and nothing else.</source>
        <translation>Fiktiva demodata: lagret innehåller bara demoärenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Numbers are also hidden where, together with earlier exports from this store ({count} so far), they would reveal a small group.</source>
        <translation>Tal döljs också där de tillsammans med lagrets tidigare exporter (hittills {count}) skulle avslöja en liten grupp.</translation>
    </message>
    <message>
        <location filename="../../storage/statistics/periods.py" line="+26"/>
        <source>Statistics are published for whole calendar months, quarters, half-years and years only, so that two reports can never be subtracted into a small number. The period {requested} was widened to {period}.</source>
        <translation>Statistik redovisas bara för hela kalendermånader, kvartal, halvår och år, så att två rapporter aldrig kan subtraheras till ett litet tal. Perioden {requested} har utvidgats till {period}.</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../knowledge/stats_view.py" line="+71"/>
        <source>Statistics and state grant</source>
        <translation>Statistik och statsbidrag</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All municipalities</source>
        <translation>Alla kommuner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;CSV…</source>
        <translation>Exportera &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PDF…</source>
        <translation>Exportera &amp;PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs, &amp;methods and outcomes</source>
        <translation>Behov, &amp;metoder och utfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State &amp;grant</source>
        <translation>Stats&amp;bidrag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>– hidden: fewer than 5 cases, or hidden so that nothing shown here or in an earlier export can reveal a group of fewer than 5. No names, birth dates or groups are counted; demo cases are left out.</source>
        <translation>– dolt: färre än 5 ärenden, eller dolt så att inget som visas här eller i en tidigare export kan avslöja en grupp med färre än 5. Inga namn, födelsedatum eller grupper räknas; demoärenden räknas inte.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;National report…</source>
        <translation>&amp;Nationell rapport…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this period&apos;s tables to a coordinator, signed and encrypted</source>
        <translation>Skicka periodens tabeller till en samordnare, signerade och krypterade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Research extract…</source>
        <translation>&amp;Forskningsuttag…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Municipality:</source>
        <translation>Kommun:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{start} – {end}, {where}.</source>
        <translation>{start} – {end}, {where}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all municipalities</source>
        <translation>alla kommuner</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF-fil (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the statistics</source>
        <translation>Exportera statistiken</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to {file}.</source>
        <translation>Exporterat till {file}.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../record_dialogs/case_dialogs.py" line="-81"/>
        <source>Change status</source>
        <translation>Byt status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;status:</source>
        <translation>Ny &amp;status:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Outcome (when closing):</source>
        <translation>&amp;Utfall (vid avslut):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Closing date:</source>
        <translation>&amp;Avslutsdatum:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason the case ended:</source>
        <translation>Avslutso&amp;rsak:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;ote on the reason:</source>
        <translation>Anteckning &amp;om orsaken:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now: {status}. A closed or handed-over case cannot be reopened.</source>
        <translation>Nu: {status}. Ett avslutat eller överlämnat ärende kan inte öppnas igen.</translation>
    </message>
</context>
<context>
    <name>TablesPane</name>
    <message>
        <location filename="../knowledge/stats_widgets.py" line="+117"/>
        <source>Tables</source>
        <translation>Tabeller</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics table</source>
        <translation>Statistiktabell</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../record_dialogs/checklist_dialogs.py" line="+12"/>
        <source>New task</source>
        <translation>Ny uppgift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Task:</source>
        <translation>&amp;Uppgift:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required for another task</source>
        <translation>Krävs för en annan uppgift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who:</source>
        <translation>&amp;Vem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W&amp;hen:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>TaskDoneDialog</name>
    <message>
        <location line="+41"/>
        <source>Task done</source>
        <translation>Uppgiften är klar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task:</source>
        <translation>Uppgift:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Klar den:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Done</source>
        <translation>&amp;Klar</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../team/sync_controller.py" line="+55"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynka nu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exchange changes of shared cases with your colleagues through the sync folder</source>
        <translation>Utbyt ändringar i delade ärenden med dina kollegor via synkmappen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;folder…</source>
        <translation>Synk&amp;mapp…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Sync failed: {reason}</source>
        <translation>Synkningen misslyckades: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Synced {time}: %n change(s) received</source>
        <translation>
            <numerusform>Synkat {time}: %n ändring mottagen</numerusform>
            <numerusform>Synkat {time}: %n ändringar mottagna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) refused: {reason}</source>
        <translation>
            <numerusform>%n fil avvisad: {reason}</numerusform>
            <numerusform>%n filer avvisade: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the sync folder shared with your colleagues</source>
        <translation>Välj synkmappen som du delar med dina kollegor</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../team/team_tab.py" line="+67"/>
        <source>Colleague</source>
        <translation>Kollega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has your changes up to</source>
        <translation>Har dina ändringar till</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Colleagues</source>
        <translation>Kollegor</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Colleagues on the case</source>
        <translation>Kollegor i ärendet</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Changed by both</source>
        <translation>Ändrat av båda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Share with a colleague…</source>
        <translation>&amp;Dela med kollega…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End the share</source>
        <translation>&amp;Avsluta delningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+135"/>
        <source>&amp;Keep this version</source>
        <translation>&amp;Behåll den här versionen</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Changes made by two colleagues at once</source>
        <translation>Ändringar som två kollegor gjort samtidigt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Responsible caseworker</source>
        <translation>Ansvarig handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-caseworker</source>
        <translation>Medhandläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stand-in</source>
        <translation>Ersättare</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended, copy removed {time}</source>
        <translation>Avslutad, kopian borttagen {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>Återkallad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removed by one, changed by the other</source>
        <translation>Borttagen av en, ändrad av en annan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by both: {fields}</source>
        <translation>Ändrat av båda: {fields}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay municipality</source>
        <translation>Vistelsekommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home municipality</source>
        <translation>Bosättningskommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred by</source>
        <translation>Aktualiserad av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection level</source>
        <translation>Skyddsnivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as erroneous</source>
        <translation>Felmarkering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent dates</source>
        <translation>Samtyckets datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement dates</source>
        <translation>Placeringens datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervention dates</source>
        <translation>Insatsens datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment dates</source>
        <translation>Bedömningens datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected address</source>
        <translation>Skyddad adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fictitious identity</source>
        <translation>Fingerade personuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for ending</source>
        <translation>Avslutsorsak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners</source>
        <translation>Samverkansparter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date the decision was made known</source>
        <translation>Datum för delgivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome of the appeal</source>
        <translation>Utfall av överklagandet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP dates</source>
        <translation>SIP:ens datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP lead</source>
        <translation>Huvudansvar för SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domains followed up</source>
        <translation>Områden som följts upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interventions followed up</source>
        <translation>Insatser som följts upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(removed)</source>
        <translation>(borttagen)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The case is not shared with a colleague.</source>
        <translation>Ärendet delas inte med någon kollega.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your role: {role}</source>
        <translation>Din roll: {role}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your share of this case does not include the protected details: the responsible caseworker changes them.</source>
        <translation>Din delning av ärendet omfattar inte de skyddade uppgifterna: ansvarig handläggare ändrar dem.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Remove it</source>
        <translation>&amp;Ta bort den</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Behåll den</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../casework/templates_dialog.py" line="+50"/>
        <source>Journal templates</source>
        <translation>Journalmallar</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Type of entry</source>
        <translation>Typ av anteckning</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Templates</source>
        <translation>Mallar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Type of entry:</source>
        <translation>&amp;Typ av anteckning:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+144"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="-143"/>
        <location line="+143"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>&amp;New template</source>
        <translation>Ny &amp;mall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save the template</source>
        <translation>&amp;Spara mallen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove the template…</source>
        <translation>Ta &amp;bort mallen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A template is the text a new entry of its type starts from. Write no personal details in a template: it is the same for every case.</source>
        <translation>En mall är texten som en ny anteckning av samma typ börjar med. Skriv inga personuppgifter i en mall: den är densamma för alla ärenden.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The template was saved.</source>
        <translation>Mallen sparades.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove the template “{name}”?</source>
        <translation>Ta bort mallen ”{name}”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entries already written from it are not changed.</source>
        <translation>Anteckningar som redan skrivits med den ändras inte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The template was removed.</source>
        <translation>Mallen togs bort.</translation>
    </message>
</context>
<context>
    <name>ThreatAssessmentDialog</name>
    <message>
        <location filename="../record_dialogs/network_dialogs.py" line="-33"/>
        <source>New threat assessment</source>
        <translation>Ny hotbedömning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source (police unit):</source>
        <translation>&amp;Källa (polisenhet):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assessed on:</source>
        <translation>&amp;Bedömd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat &amp;level:</source>
        <translation>Hot&amp;nivå:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ummary:</source>
        <translation>S&amp;ammanfattning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Measures:</source>
        <translation>&amp;Åtgärder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next review on:</source>
        <translation>&amp;Nästa omprövning:</translation>
    </message>
</context>
<context>
    <name>ThreatLevel</name>
    <message>
        <location filename="../kit/labels.py" line="-50"/>
        <source>low</source>
        <translation>låg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>medel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>high</source>
        <translation>hög</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>very high</source>
        <translation>mycket hög</translation>
    </message>
</context>
<context>
    <name>ThreatTab</name>
    <message>
        <location filename="../case_view/threat_tab.py" line="+28"/>
        <source>Assessed</source>
        <translation>Bedömd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next review</source>
        <translation>Nästa omprövning</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Threat</source>
        <translation>Hotbild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Threat assessments (newest first)</source>
        <translation>Hotbedömningar (senaste först)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New threat assessment…</source>
        <translation>&amp;Ny hotbedömning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threat assessments</source>
        <translation>Hotbedömningar</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../knowledge/followup_view.py" line="+30"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(where: protected, see the case&apos;s placements)</source>
        <translation>(orten är skyddad, se ärendets placeringar)</translation>
    </message>
</context>
<context>
    <name>ToolsMenu</name>
    <message>
        <location filename="../window/tools_menu.py" line="+136"/>
        <source>&amp;Handover</source>
        <translation>Ö&amp;verlämning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand over a case…</source>
        <translation>&amp;Överlämna ett ärende…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import handover…</source>
        <translation>&amp;Importera överlämning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a handover bundle from another municipality</source>
        <translation>Öppna ett överlämningspaket från en annan kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;receipt…</source>
        <translation>Importera &amp;kvitto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contacts…</source>
        <translation>&amp;Kontakter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow-up and timeline…</source>
        <translation>&amp;Uppföljning och tidslinje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Providers and controls</source>
        <translation>Ut&amp;förare och kontroller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Statistics and state grant</source>
        <translation>&amp;Statistik och statsbidrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National &amp;coordination…</source>
        <translation>Nationell sa&amp;mordning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Säkerhetskopia…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register extract for a person…</source>
        <translation>&amp;Registerutdrag för en person…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open Backup</source>
        <translation>Öppna säkerhetskopieringen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time to practise with the recovery code</source>
        <translation>Dags att öva med återställningskoden</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Follow-up and timeline</source>
        <translation>Uppföljning och tidslinje</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../access/unlock.py" line="+128"/>
        <source>Utväg is locked</source>
        <translation>Utväg är låst</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+142"/>
        <source>Type your passphrase to open the case files.</source>
        <translation>Skriv din lösenfras för att öppna ärendena.</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening the store</source>
        <translation>Öppnar databasen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use &amp;recovery code…</source>
        <translation>Använd &amp;återställningskod…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opens with Ctrl+R, or Alt and the underlined letter.</source>
        <translation>Öppnas med Ctrl+R, eller med Alt och den understrukna bokstaven.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick unlock, your &amp;PIN:</source>
        <translation>Snabbupplåsning, din &amp;PIN-kod:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the passphrase instead</source>
        <translation>Använd lösenfrasen i stället</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the &amp;card…</source>
        <translation>Använd s&amp;martkort…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens with Ctrl+K, or Alt and the underlined letter.</source>
        <translation>Öppnas med Ctrl+K eller med Alt och den understrukna bokstaven.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Type your PIN to open Utväg again.</source>
        <translation>Skriv din PIN-kod för att öppna Utväg igen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type your PIN.</source>
        <translation>Skriv din PIN-kod.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Type your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Too many failed attempts. You can try again in {seconds} s.</source>
        <translation>För många misslyckade försök. Du kan försöka igen om {seconds} s.</translation>
    </message>
    <message>
        <location filename="../access/keyring_notice.py" line="+30"/>
        <source>This computer&apos;s keyring no longer holds the key that ties Utväg&apos;s store to this computer — the keyring was reset, or you are logged in as another user or in another desktop. Your passphrase is not wrong, but it cannot open the store on its own now.</source>
        <extracomment>Error codes that mean &quot;this computer&apos;s keyring lost the device secret&quot;, not a typo.</extracomment>
        <translation>Datorns nyckelring har inte längre den nyckel som knyter Utvägs databas till den här datorn – nyckelringen har nollställts, eller du är inloggad som en annan användare eller i ett annat skrivbord. Din lösenfras är inte fel, men den kan inte öppna databasen ensam nu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open it with your card (Ctrl+K) or your recovery code (Ctrl+R) and choose your passphrase again: Utväg then ties the store to this keyring.</source>
        <translation>Öppna med ditt smartkort (Ctrl+K) eller din återställningskod (Ctrl+R) och välj lösenfras igen: då knyter Utväg databasen till den här nyckelringen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open it with your recovery code (Ctrl+R) and choose your passphrase again: Utväg then ties the store to this keyring.</source>
        <translation>Öppna med din återställningskod (Ctrl+R) och välj lösenfras igen: då knyter Utväg databasen till den här nyckelringen.</translation>
    </message>
</context>
<context>
    <name>VerifyContactDialog</name>
    <message>
        <location filename="../contacts/fingerprint_dialog.py" line="+23"/>
        <source>Verify contact</source>
        <translation>Verifiera kontakt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call {name} on a number you already know (not one from the card or an e-mail), or meet in person. Read your fingerprint to them, and type the eight groups they read to you. Only if they match can cases be sent to them or accepted from them.</source>
        <translation>Ring {name} på ett nummer du redan känner till (inte ett från kortet eller ett mejl), eller träffas. Läs upp ditt fingeravtryck för dem och skriv in de åtta grupperna som de läser upp för dig. Bara om de stämmer kan ärenden skickas till eller tas emot från dem.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your fingerprint — read it to them</source>
        <translation>Ditt fingeravtryck – läs upp det för dem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their fingerprint — as they read it</source>
        <translation>Deras fingeravtryck – så som de läser upp det</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their fingerprint</source>
        <translation>Deras fingeravtryck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A QR scanner that types can scan their code into this field.</source>
        <translation>En QR-läsare som skriver text kan läsa in deras kod i det här fältet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Verify</source>
        <translation>&amp;Verifiera</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>QR code payload</source>
        <translation>QR-kodens innehåll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incomplete</source>
        <translation>Ofullständigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} of {total} digits</source>
        <translation>{n} av {total} siffror</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../access/first_run.py" line="-32"/>
        <source>Welcome to Utväg</source>
        <extracomment>``create(passphrase, use_device_key, identity) -&gt; (store, recovery_code)``; on the worker.</extracomment>
        <translation>Välkommen till Utväg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utväg keeps case files encrypted on this computer. Nothing is stored on a server. This guide creates your encrypted store in four steps:</source>
        <translation>Utväg förvarar ärendena krypterade på den här datorn. Inget sparas på någon server. Den här guiden skapar din krypterade databas i fyra steg:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1. Check that the computer can protect the store&apos;s device key.</source>
        <translation>1. Kontrollera att datorn kan skydda databasens enhetsnyckel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Choose a passphrase.</source>
        <translation>2. Välj en lösenfras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Enter your municipality, unit and name.</source>
        <translation>3. Ange din kommun, enhet och ditt namn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4. Write down the recovery code. It is shown until you confirm that you have written it down.</source>
        <translation>4. Skriv ner återställningskoden. Den visas tills du har bekräftat att du har skrivit ner den.</translation>
    </message>
    <message>
        <location filename="../access/restore.py" line="-258"/>
        <source>Moving to a new computer, or starting again after losing one? If you have a backup of your store and its recovery code, restore it instead of creating a new store.</source>
        <extracomment>``restore(backup, code, new_passphrase, take_over_keyring, progress) -&gt; (store, result)`` on the store worker; ``progress(step)`` with the steps ``extract``, ``recover``, ``open``.</extracomment>
        <translation>Ska du byta till en ny dator, eller börja om efter att ha förlorat en? Om du har en säkerhetskopia av din databas och dess återställningskod kan du återställa den i stället för att skapa en ny databas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Återställ från säkerhetskopia…</translation>
    </message>
</context>
</TS>
