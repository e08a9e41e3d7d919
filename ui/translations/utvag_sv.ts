<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+190"/>
        <location filename="../screenshots.py" line="+156"/>
        <source>Utväg locked itself after {minutes} minutes without activity.</source>
        <translation>Utväg låstes automatiskt efter {minutes} minuter utan aktivitet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer went to sleep.</source>
        <translation>Utväg låstes eftersom datorn gick i viloläge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer&apos;s screen was locked.</source>
        <translation>Utväg låstes eftersom datorns skärm låstes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes that had not been saved were discarded.</source>
        <translation>Ändringar som inte hade sparats har kastats.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../audit_view.py" line="+54"/>
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
    <name>AuditView</name>
    <message>
        <location line="+62"/>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From date</source>
        <translation>Från och med datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Till och med datum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+8"/>
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
        <location line="+35"/>
        <source>Reading the audit log…</source>
        <translation>Läser granskningsloggen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Showing the first {count} entries; narrow the filter.</source>
        <translation>Visar de första {count} posterna; begränsa urvalet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} entries.</source>
        <translation>{count} poster.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verifying the audit log…</source>
        <translation>Kontrollerar granskningsloggen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The audit log is intact: all {count} entries are verified.</source>
        <translation>Granskningsloggen är oförändrad: alla {count} poster är kontrollerade.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <translation>Loggens huvudpost saknas eller är skadad.</translation>
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
    <message>
        <location line="+4"/>
        <source>Exported {count} entries. Head of the log: {hash}</source>
        <translation>{count} poster exporterades. Loggens huvud: {hash}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/config.py" line="+35"/>
        <source>The settings file {path} could not be read; fix or delete it.</source>
        <extracomment>The only settings kept on disk, with their types.</extracomment>
        <translation>Inställningsfilen {path} kunde inte läsas; rätta eller ta bort den.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover_contacts.py" line="+32"/>
        <location filename="../../desktop/passphrase.py" line="+20"/>
        <source>The file {path} could not be read.</source>
        <translation>Filen {path} kunde inte läsas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This store already has an identity ({names}); names change only with a key rotation.</source>
        <translation>Lagret har redan en identitet ({names}); namnen ändras bara vid ett nyckelbyte.</translation>
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
        <location filename="../../storage/db.py" line="+72"/>
        <source>The store database in {path} is damaged or does not belong to its key slots. Nothing was changed; restore the store from a backup.</source>
        <extracomment>``sqlcipher3.dbapi2.Connection`` (the package ships no type hints). The exceptions SQLCipher raises (for callers that map them).</extracomment>
        <translation>Lagrets databas i {path} är skadad eller hör inte till dess nyckelplatser. Inget ändrades; återställ lagret från en säkerhetskopia.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Utväg needs SQLCipher 4 but found {found}. Reinstall Utväg.</source>
        <translation>Utväg behöver SQLCipher 4 men hittade {found}. Installera om Utväg.</translation>
    </message>
    <message>
        <location filename="../../storage/device_key.py" line="+52"/>
        <source>No secure keyring is available for the store&apos;s device secret. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <extracomment>Backends that keep secrets encrypted under the user&apos;s login or a hardware-backed store.</extracomment>
        <translation>Ingen säker nyckelring finns för lagrets enhetshemlighet. Installera eller lås upp en Secret Service-nyckelring (GNOME Keyring eller KWallet), eller använd Windows Autentiseringshanteraren eller macOS Nyckelhanterare; för ett nytt lager kan du i stället medvetet välja ett svagare lager som bara skyddas av lösenfrasen med --no-device-key.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keyring backend {backend} keeps secrets in plaintext or is not known to be secure, so Utväg will not use it. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <translation>Nyckelringen {backend} sparar hemligheter i klartext eller är inte känd som säker, så Utväg använder den inte. Installera eller lås upp en Secret Service-nyckelring (GNOME Keyring eller KWallet), eller använd Windows Autentiseringshanteraren eller macOS Nyckelhanterare; för ett nytt lager kan du i stället medvetet välja ett svagare lager som bara skyddas av lösenfrasen med --no-device-key.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The keyring ({backend}) could not be reached or is locked. Unlock your keyring (log in again, or open GNOME Keyring or KWallet) and try again.</source>
        <translation>Nyckelringen ({backend}) gick inte att nå eller är låst. Lås upp nyckelringen (logga in igen, eller öppna GNOME Keyring eller KWallet) och försök igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This store&apos;s device secret is not in this computer&apos;s keyring (the store may come from another computer, or the keyring was reset). Open it with the recovery code: utvag recover.</source>
        <translation>Lagrets enhetshemlighet finns inte i den här datorns nyckelring (lagret kan komma från en annan dator, eller så har nyckelringen återställts). Öppna det med återställningskoden: utvag recover.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device secret in this computer&apos;s keyring does not belong to this store. Open the store with the recovery code: utvag recover.</source>
        <translation>Enhetshemligheten i den här datorns nyckelring hör inte till det här lagret. Öppna lagret med återställningskoden: utvag recover.</translation>
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
        <translation>Lagret kunde inte läsas eller skrivas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk is full. Nothing was changed; free some space and try again.</source>
        <translation>Disken är full. Inget ändrades; frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="+60"/>
        <source>The key-slot file {path} is damaged or incomplete, so the store cannot be opened. Nothing was changed; restore keyslots.json from a backup of this store.</source>
        <translation>Nyckelplatsfilen {path} är skadad eller ofullständig, så lagret kan inte öppnas. Inget ändrades; återställ keyslots.json från en säkerhetskopia av det här lagret.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key-slot file {path} has format version {found}, which this version of Utväg does not know. Update Utväg to open this store.</source>
        <translation>Nyckelplatsfilen {path} har formatversion {found}, som den här versionen av Utväg inte känner till. Uppdatera Utväg för att öppna lagret.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a valid recovery code; check it for typos. A recovery code has 28 characters in 7 groups of 4.</source>
        <translation>Det här är ingen giltig återställningskod; kontrollera att den är rätt inskriven. En återställningskod har 28 tecken i 7 grupper om 4.</translation>
    </message>
    <message>
        <location filename="../../storage/lock.py" line="+23"/>
        <source>The store {path} is already open in another Utväg window or process. Close it there first.</source>
        <translation>Lagret {path} är redan öppet i ett annat Utväg-fönster eller en annan process. Stäng det där först.</translation>
    </message>
    <message>
        <location filename="../../storage/personnummer.py" line="+33"/>
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
        <location filename="../../storage/records/errors.py" line="+10"/>
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
        <source>{field}: this kind of file is not accepted. Allowed: PDF, PNG, JPEG, plain text (UTF-8), Word (DOCX) and OpenDocument text (ODT).</source>
        <translation>{field}: den här filtypen tas inte emot. Tillåtna: PDF, PNG, JPEG, ren text (UTF-8), Word (DOCX) och OpenDocument-text (ODT).</translation>
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
        <source>The file is not an Utväg case import (&quot;format&quot;: &quot;utvag-case-import&quot;, &quot;version&quot;: 1). Nothing was imported.</source>
        <translation>Filen är inte en ärendeimport för Utväg (&quot;format&quot;: &quot;utvag-case-import&quot;, &quot;version&quot;: 1). Inget importerades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: there is no {record} by that name in the file or in the register.</source>
        <translation>{field}: det finns ingen post ({record}) med det namnet i filen eller i registret.</translation>
    </message>
    <message>
        <location filename="../../storage/schema/__init__.py" line="+23"/>
        <source>This store was written by a newer version of Utväg (schema {found}, this version knows up to {known}). Update Utväg to open it.</source>
        <translation>Lagret har skrivits av en nyare version av Utväg (schema {found}, den här versionen känner till upp till {known}). Uppdatera Utväg för att öppna det.</translation>
    </message>
    <message>
        <location filename="../../storage/store_core.py" line="+38"/>
        <source>No store was found in {path}. Create one with utvag init, or name the right folder with --store.</source>
        <translation>Inget lager hittades i {path}. Skapa ett med utvag init, eller ange rätt mapp med --store.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is already a store in {path}; Utväg will not overwrite it.</source>
        <translation>Det finns redan ett lager i {path}; Utväg skriver inte över det.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The folder {path} is not empty. Choose a new or empty folder for a new store.</source>
        <translation>Mappen {path} är inte tom. Välj en ny eller tom mapp för ett nytt lager.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase is not correct. Check it and try again.</source>
        <translation>Lösenfrasen är inte rätt. Kontrollera den och försök igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code does not open this store. Check that it belongs to it.</source>
        <translation>Återställningskoden öppnar inte det här lagret. Kontrollera att koden hör till lagret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new passphrase is too short: use at least {minimum} characters.</source>
        <translation>Den nya lösenfrasen är för kort: använd minst {minimum} tecken.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key-derivation parameters are outside the accepted range (at least 64 MiB, 3 passes and 4 lanes).</source>
        <translation>Parametrarna för nyckelhärledning ligger utanför det tillåtna (minst 64 MiB, 3 varv och 4 spår).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The store is locked. Unlock it to continue.</source>
        <translation>Lagret är låst. Lås upp det för att fortsätta.</translation>
    </message>
    <message>
        <location filename="../../storage/throttle.py" line="+34"/>
        <source>Too many failed attempts to open the store. Wait {retry_after} seconds and try again.</source>
        <translation>För många misslyckade försök att öppna lagret. Vänta {retry_after} sekunder och försök igen.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="+46"/>
        <source>The bundle could not be opened.</source>
        <translation>Paketet kunde inte öppnas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The encrypted bundle could not be opened.</source>
        <translation>Det krypterade paketet kunde inte öppnas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle&apos;s encryption header is damaged or not in the age format; ask the sender to send it again.</source>
        <translation>Paketets krypteringshuvud är skadat eller inte i age-formatet; be avsändaren skicka det igen.</translation>
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
        <source>The bundle uses a version of the age format that this program does not support.</source>
        <translation>Paketet använder en version av age-formatet som det här programmet inte stöder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is in age&apos;s text (armored) form; only the binary form is accepted.</source>
        <translation>Paketet är i age-formatets textform (armored); bara den binära formen tas emot.</translation>
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
        <translation>Paketet är inte adresserat till det här lagrets nycklar.</translation>
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
        <location line="+14"/>
        <source>The encryption key is not a valid age key.</source>
        <translation>Krypteringsnyckeln är inte en giltig age-nyckel.</translation>
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
        <location line="+14"/>
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
        <translation>Signaturen använder minisigns gamla format utan förhashning, som inte godtas; be avsändaren signera igen.</translation>
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
        <location line="+16"/>
        <source>The bundle&apos;s content is not laid out as the bundle format requires.</source>
        <translation>Paketets innehåll är inte ordnat så som paketformatet kräver.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle file could not be read; check that it exists and is complete.</source>
        <translation>Paketfilen kunde inte läsas; kontrollera att den finns och är hel.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle cannot be sealed like this: check the kind, the case reference, the legal basis and that the expiry is in the future and at most a year ahead.</source>
        <translation>Paketet kan inte förseglas så här: kontrollera typen, ärendehänvisningen, den rättsliga grunden och att sista giltighetsdag ligger i framtiden och högst ett år fram.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+10"/>
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
        <location line="+9"/>
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
        <location line="+11"/>
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
        <location line="+9"/>
        <source>A document changed while the bundle was being written; nothing was written.</source>
        <translation>En handling ändrades medan paketet skrevs; inget skrevs.</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+11"/>
        <source>This store&apos;s identity could not be used.</source>
        <translation>Lagrets identitet kunde inte användas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This store has no identity yet; set up the municipality, unit and caseworker first.</source>
        <translation>Lagret har ingen identitet ännu; ange först kommun, enhet och handläggare.</translation>
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
        <location filename="../../desktop/commands/store.py" line="+41"/>
        <source>The store check found {count} problem(s); see above.</source>
        <translation>Kontrollen av lagret hittade {count} problem; se ovan.</translation>
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
        <location filename="../../desktop/commands/cases.py" line="+37"/>
        <source>--reveal needs --reason: why you open the protected fields (it is logged).</source>
        <translation>--reveal kräver --reason: varför du öppnar de skyddade uppgifterna (det loggas).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--cases must be a number from 1 to 100000.</source>
        <translation>--cases måste vara ett tal från 1 till 100000.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/backup.py" line="+40"/>
        <source>The backup check found {count} problem(s); see above.</source>
        <translation>Kontrollen av säkerhetskopian hittade {count} problem; se ovan.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/stats.py" line="+32"/>
        <source>{option} must be a date written YYYY-MM-DD.</source>
        <translation>{option} måste vara ett datum skrivet ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--from must not be later than --to.</source>
        <translation>--from får inte vara senare än --to.</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="+75"/>
        <source>The file {path} already exists; Utväg will not overwrite it. Choose a new name.</source>
        <translation>Filen {path} finns redan; Utväg skriver inte över den. Välj ett nytt namn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A backup cannot be written to {path}: choose a folder that exists and is outside the store folder, preferably on another disk.</source>
        <translation>En säkerhetskopia kan inte skrivas till {path}: välj en mapp som finns och ligger utanför lagrets mapp, helst på en annan disk.</translation>
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
        <location filename="../../storage/backup_format.py" line="+53"/>
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
        <location filename="../../storage/backup_restore.py" line="+58"/>
        <source>This computer&apos;s keyring already holds the device secret of the store in this backup (it is set up here). Restoring would cut that store off from its passphrase: restore over its folder with --replace, or take the keyring entry over with --take-over-keyring.</source>
        <translation>Den här datorns nyckelring har redan enhetshemligheten för lagret i säkerhetskopian (det är installerat här). En återställning skulle skilja det lagret från dess lösenfras: återställ över dess mapp med --replace, eller ta över nyckelringsposten med --take-over-keyring.</translation>
    </message>
    <message>
        <location filename="../../sync/handover_errors.py" line="+16"/>
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
        <translation>Okänd del {name}; välj bland: {choices}.</translation>
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
        <location line="+10"/>
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
        <translation>Importen har redan godtagits, avvisats eller kastats; öppna paketet igen.</translation>
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
        <translation>Kvittot besvarar paket {bundle}, som inte är en överlämning från det här lagret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A receipt for bundle {bundle} was already recorded on {at}.</source>
        <translation>Ett kvitto för paket {bundle} registrerades redan {at}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The receiving municipality accepted the case, but {case} is now in status {status}, which cannot become överlämnad; set it to {allowed} and import the receipt again.</source>
        <translation>Den mottagande kommunen tog emot ärendet, men {case} har nu status {status}, som inte kan bli överlämnad; ändra den till {allowed} och importera kvittot igen.</translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover.py" line="+48"/>
        <source>--include-protected and --include-fictitious-identity need --reason: why they are sent (it is logged).</source>
        <translation>--include-protected och --include-fictitious-identity kräver --reason: varför uppgifterna skickas (det loggas).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>handover export needs --out FILE (or --preview).</source>
        <translation>handover export kräver --out FIL (eller --preview).</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="+207"/>
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
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location line="-91"/>
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
        <translation>&amp;Skapa lagret</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Creating the encrypted store…</source>
        <translation>Skapar det krypterade lagret…</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>KeyringPage</name>
    <message>
        <location filename="../keyring_check.py" line="+37"/>
        <source>Device key</source>
        <extracomment>``check_keyring() -&gt; backend name``; raises a UtvagError explaining the problem.</extracomment>
        <translation>Enhetsnyckel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store is bound to this computer with a device key kept in the operating system&apos;s keyring. A copy of the store files is then useless without this computer or the recovery code.</source>
        <translation>Lagret knyts till den här datorn med en enhetsnyckel som förvaras i operativsystemets nyckelring. En kopia av lagrets filer går då inte att använda utan den här datorn eller återställningskoden.</translation>
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
        <translation>Skapa lagret UTAN enhetsnyckel (svagare skydd)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weaker: then the passphrase alone opens the store, also on another computer. Anyone who copies the store files can try to guess the passphrase. Choose this only if your IT support cannot provide a keyring, and use a long passphrase.</source>
        <translation>Svagare: då öppnar lösenfrasen ensam lagret, även på en annan dator. Den som kopierar lagrets filer kan försöka gissa lösenfrasen. Välj detta bara om IT-supporten inte kan ordna en nyckelring, och använd en lång lösenfras.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The keyring is available ({backend}). The store will be bound to this computer.</source>
        <translation>Nyckelringen är tillgänglig ({backend}). Lagret knyts till den här datorn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure keyring is available.</source>
        <translation>Ingen säker nyckelring är tillgänglig.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+158"/>
        <source>&amp;File</source>
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
        <location line="+1"/>
        <source>Choose a case in the list to open it.</source>
        <translation>Välj ett ärende i listan för att öppna det.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>About Utväg</source>
        <translation>Om Utväg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg — encrypted case files and signed handover for municipal exit programmes. Everything stays encrypted on this computer.</source>
        <translation>Utväg – krypterade ärenden och signerad överlämning för kommunernas avhopparverksamhet. Allt förblir krypterat på den här datorn.</translation>
    </message>
</context>
<context>
    <name>MaskedField</name>
    <message>
        <location filename="../masking.py" line="+110"/>
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
        <location line="+51"/>
        <source>(not recorded)</source>
        <translation>(uppgift saknas)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../error_dialog.py" line="+42"/>
        <source>Something went wrong and the operation was not completed. Try again; if it happens again, contact your IT support.</source>
        <extracomment>Turns a UtvagError into the user&apos;s language; desktop/ installs ``desktop.i18n.translate_error``.</extracomment>
        <translation>Något gick fel och åtgärden slutfördes inte. Försök igen; kontakta IT-supporten om det händer igen.</translation>
    </message>
    <message>
        <location filename="../operations.py" line="+268"/>
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
    <name>PassphraseInput</name>
    <message>
        <location filename="../passphrase.py" line="+75"/>
        <source>New passphrase</source>
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
        <location line="+5"/>
        <source>At least {count} characters. Several unrelated words are easy to remember and hard to guess.</source>
        <translation>Minst {count} tecken. Flera ord som inte hör ihop är lätta att minnas och svåra att gissa.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Upprepa:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Too short: {count} of at least {minimum} characters.</source>
        <translation>För kort: {count} av minst {minimum} tecken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Too short</source>
        <translation>För kort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acceptable</source>
        <translation>Godtagbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Very strong</source>
        <translation>Mycket stark</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Strength: {verdict}</source>
        <translation>Styrka: {verdict}</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../first_run.py" line="-57"/>
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
    <name>RecoverDialog</name>
    <message>
        <location filename="../recovery.py" line="+35"/>
        <source>Use recovery code</source>
        <extracomment>``recover(code, new_passphrase) -&gt; store``; runs on the store worker.</extracomment>
        <translation>Använd återställningskod</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the recovery code you wrote down when the store was created, and choose a new passphrase. The old passphrase stops working.</source>
        <translation>Skriv in återställningskoden som du skrev ner när lagret skapades, och välj en ny lösenfras. Den gamla lösenfrasen slutar gälla.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location filename="../recovery_code.py" line="+29"/>
        <location line="+15"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>With this code the store can be opened if you forget the passphrase or move to a new computer. It is shown only this once.</source>
        <translation>Med den här koden kan lagret öppnas om du glömmer lösenfrasen eller byter dator. Den visas bara den här gången.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Write the code on paper, or print it, and keep it locked away from the computer — for example in the unit&apos;s safe. Never save it in a file, an e-mail or a photo. Anyone with the code and a copy of the store can read it.</source>
        <translation>Skriv koden på papper, eller skriv ut den, och förvara den inlåst och skild från datorn – till exempel i enhetens kassaskåp. Spara den aldrig i en fil, ett e-postmeddelande eller ett foto. Den som har koden och en kopia av lagret kan läsa det.</translation>
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
        <location line="+25"/>
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
        <translation>Förvara det här pappret inlåst och skilt från datorn. Med koden kan lagret öppnas utan lösenfrasen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Print the recovery code</source>
        <translation>Skriv ut återställningskoden</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <location filename="../masking.py" line="-122"/>
        <source>Show protected information</source>
        <extracomment>How long a revealed value stays visible (milliseconds). ``reveal(store, reason) -&gt; clear value or None``; runs on the store worker.</extracomment>
        <translation>Visa skyddad uppgift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is protected. Write why you need to see it. The reason, your name and the time are written to the audit log.</source>
        <translation>{what} är skyddad. Skriv varför du behöver se uppgiften. Skälet, ditt namn och tidpunkten skrivs i granskningsloggen.</translation>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+37"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+8"/>
        <source>Only Windows can keep a window out of screen capture.</source>
        <translation>Bara Windows kan hålla ett fönster utanför skärminspelning.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock after inactivity:</source>
        <translation>&amp;Lås efter inaktivitet:</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../unlock.py" line="+61"/>
        <source>Utväg is locked</source>
        <translation>Utväg är låst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type your passphrase to open the case files.</source>
        <translation>Skriv din lösenfras för att öppna ärendena.</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+4"/>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening the store</source>
        <translation>Öppnar lagret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use &amp;recovery code…</source>
        <translation>Använd &amp;återställningskod…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Type your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Too many failed attempts. You can try again in {seconds} s.</source>
        <translation>För många misslyckade försök. Du kan försöka igen om {seconds} s.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../first_run.py" line="-28"/>
        <source>Welcome to Utväg</source>
        <extracomment>``create(passphrase, use_device_key, identity) -&gt; (store, recovery_code)``; on the worker.</extracomment>
        <translation>Välkommen till Utväg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utväg keeps case files encrypted on this computer. Nothing is stored on a server. This guide creates your encrypted store in four steps:</source>
        <translation>Utväg förvarar ärendena krypterade på den här datorn. Inget sparas på någon server. Den här guiden skapar ditt krypterade lager i fyra steg:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1. Check that the computer can protect the store&apos;s device key.</source>
        <translation>1. Kontrollera att datorn kan skydda lagrets enhetsnyckel.</translation>
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
        <location line="+1"/>
        <source>4. Write down the recovery code. It is shown only once.</source>
        <translation>4. Skriv ner återställningskoden. Den visas bara en gång.</translation>
    </message>
</context>
</TS>
