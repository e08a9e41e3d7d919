<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+190"/>
        <location filename="../screenshots.py" line="+156"/>
        <source>Utväg locked itself after {minutes} minutes without activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer went to sleep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg locked because the computer&apos;s screen was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes that had not been saved were discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../audit_view.py" line="+54"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location line="+62"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Verify the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Reading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Showing the first {count} entries; narrow the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verifying the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The audit log is intact: all {count} entries are verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The audit log has been tampered with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Entry {seq} was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} is missing (deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} was inserted afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} is out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {seq} has a changed number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log&apos;s head record is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit export (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {count} entries. Head of the log: {hash}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/config.py" line="+35"/>
        <source>The settings file {path} could not be read; fix or delete it.</source>
        <extracomment>The only settings kept on disk, with their types.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover_contacts.py" line="+32"/>
        <location filename="../../desktop/passphrase.py" line="+20"/>
        <source>The file {path} could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This store already has an identity ({names}); names change only with a key rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase.py" line="+5"/>
        <source>The file {path} does not start with a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no terminal to ask on; give the secret with {option} FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases are not the same; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/db.py" line="+72"/>
        <source>The store database in {path} is damaged or does not belong to its key slots. Nothing was changed; restore the store from a backup.</source>
        <extracomment>``sqlcipher3.dbapi2.Connection`` (the package ships no type hints). The exceptions SQLCipher raises (for callers that map them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Utväg needs SQLCipher 4 but found {found}. Reinstall Utväg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/device_key.py" line="+52"/>
        <source>No secure keyring is available for the store&apos;s device secret. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <extracomment>Backends that keep secrets encrypted under the user&apos;s login or a hardware-backed store.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keyring backend {backend} keeps secrets in plaintext or is not known to be secure, so Utväg will not use it. Install or unlock a Secret Service keyring (GNOME Keyring or KWallet), or use the Windows Credential Manager or macOS Keychain; for a new store you may instead choose a weaker passphrase-only store deliberately with --no-device-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The keyring ({backend}) could not be reached or is locked. Unlock your keyring (log in again, or open GNOME Keyring or KWallet) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This store&apos;s device secret is not in this computer&apos;s keyring (the store may come from another computer, or the keyring was reset). Open it with the recovery code: utvag recover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device secret in this computer&apos;s keyring does not belong to this store. Open the store with the recovery code: utvag recover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/errors.py" line="+52"/>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Invalid usage.</source>
        <extracomment>A stable, language-independent code for scripts (``--json``) and tests.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The requested item was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The store could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk is full. Nothing was changed; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="+60"/>
        <source>The key-slot file {path} is damaged or incomplete, so the store cannot be opened. Nothing was changed; restore keyslots.json from a backup of this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key-slot file {path} has format version {found}, which this version of Utväg does not know. Update Utväg to open this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a valid recovery code; check it for typos. A recovery code has 28 characters in 7 groups of 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/lock.py" line="+23"/>
        <source>The store {path} is already open in another Utväg window or process. Close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/personnummer.py" line="+33"/>
        <source>{field}: not a valid personnummer or samordningsnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: a personnummer has 10 or 12 digits (got {digits}); write it as YYMMDD-NNNN or YYYYMMDD-NNNN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: only digits and one &apos;-&apos; or &apos;+&apos; before the last four digits are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field}: the date part is not a real calendar date (year, month, day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the birth date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: the century does not fit: 12 digits start with 18, 19 or 20, and a &apos;+&apos; means the person is 100 years or older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the control digit (the last digit) is wrong; check for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/records/errors.py" line="+10"/>
        <source>{field} is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} contains control characters; remove them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} is not a valid date; write it as YYYY-MM-DD (e.g. 2026-03-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} is not a valid UTC time; write it as YYYY-MM-DDTHH:MM:SSZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} cannot be earlier than {other}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} cannot lie in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must be one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} must look like UV-2026-0001 (UV, year, a number of 4-6 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a case with this case number already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A case cannot move from status “{old}” to “{new}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: closing a case (avslutad) needs an outcome ({choices}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: only a closed case (avslutad) has an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: only a closed or handed-over case has a closing date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field} does not match the birth year in the personnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case {case} is closed or handed over; it cannot be changed any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case {case} already has a principal person; add others as närstående.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: give a reason; it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} is not a known field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Journal entry {entry} has already been corrected by entry {newer}; correct the latest version instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journal entry {entry} is marked erroneous (felmarkerad); it cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the file is {size} MiB; documents may be at most {limit} MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: this kind of file is not accepted. Allowed: PDF, PNG, JPEG, plain text (UTF-8), Word (DOCX) and OpenDocument text (ODT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: the register already has an entry by that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a group cannot be related to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: this {record} is already recorded as done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no case {case}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no {record} with id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import file is not valid JSON (line {line}, column {column}). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is not an Utväg case import (&quot;format&quot;: &quot;utvag-case-import&quot;, &quot;version&quot;: 1). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: there is no {record} by that name in the file or in the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/schema/__init__.py" line="+23"/>
        <source>This store was written by a newer version of Utväg (schema {found}, this version knows up to {known}). Update Utväg to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/store_core.py" line="+38"/>
        <source>No store was found in {path}. Create one with utvag init, or name the right folder with --store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is already a store in {path}; Utväg will not overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The folder {path} is not empty. Choose a new or empty folder for a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase is not correct. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code does not open this store. Check that it belongs to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new passphrase is too short: use at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key-derivation parameters are outside the accepted range (at least 64 MiB, 3 passes and 4 lanes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The store is locked. Unlock it to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/throttle.py" line="+34"/>
        <source>Too many failed attempts to open the store. Wait {retry_after} seconds and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="+46"/>
        <source>The bundle could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The encrypted bundle could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle&apos;s encryption header is damaged or not in the age format; ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle&apos;s encryption header is larger than {limit} bytes, so it was refused without being processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle names more than {limit} recipients in its header, so it was refused without being processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle file is incomplete: it ends inside its encryption header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle uses a version of the age format that this program does not support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is in age&apos;s text (armored) form; only the binary form is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The bundle is protected with a passphrase or an unsupported key type; only bundles sealed to a municipality&apos;s keys are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A recipient entry in the bundle&apos;s encryption header is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle&apos;s encryption header has been altered after it was sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This bundle is not addressed to this store&apos;s keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bundle&apos;s content is damaged or has been altered; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is incomplete: its content is cut short; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle has unexpected data after its end and may have been altered; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The encryption key is not a valid age key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A bundle must be sealed to at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A bundle can be sealed to at most {limit} recipients at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A bundle sealed with post-quantum keys cannot also be sealed to classical keys; choose recipients of one kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The bundle&apos;s signature could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signature file is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signing public key is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The signature uses minisign&apos;s old non-prehashed format, which is not accepted; ask the sender to sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A signature comment must be a single line of at most {limit} bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The signature was made with key {found}, not with the sender&apos;s key {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signature does not match the signed data; it was altered or not made by the sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signature&apos;s trusted comment has been altered after signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The bundle&apos;s content is not laid out as the bundle format requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle file could not be read; check that it exists and is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle cannot be sealed like this: check the kind, the case reference, the legal basis and that the expiry is in the future and at most a year ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle contains an entry that is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle contains an entry with a name that is not allowed ({name}); nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle contains a link, folder or special entry, which bundles never contain; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle or one of its parts is larger than this program accepts (at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bundle&apos;s table of contents (manifest) is invalid; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle&apos;s signature comment does not match its table of contents; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sender named inside the bundle does not match the key that signed it; nothing in it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is signed with key {key_id}, which belongs to none of your contacts. Import and verify the sender&apos;s contact card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle comes from a contact whose fingerprint has not been verified yet. Verify it with the sender by phone or in person, then open the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle is signed with a key you have revoked; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle is signed with a key the sender has since replaced; ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle was not addressed to this unit by its sender (it may have been forwarded); it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle expired on {expires} (UTC); ask the sender for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This bundle has already been received; it is not imported a second time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle is older than one already received from the same sender (number {found}, last received {last}); ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bundle&apos;s contents do not match its signed table of contents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part {name} of the bundle was altered: its checksum does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part {name} of the bundle does not have the size its sender signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle contains a part ({name}) its sender did not sign; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The bundle lacks a part ({name}) its sender signed; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The parts of the bundle are not in the order its sender signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A document changed while the bundle was being written; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This opened bundle has no part named {name}, or it was already imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The receipt is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The receipt does not refer to a bundle this unit sent to its sender; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This store&apos;s identity could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This store has no identity yet; set up the municipality, unit and caseworker first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The {field} must be 1 to {limit} characters of ordinary text on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The contact could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no contact number {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is not a valid Utväg contact card; ask the sender for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is your own contact card; import the other unit&apos;s card instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You already have contact number {id} for this municipality, unit and caseworker with other keys. A new card never replaces it: apply a signed key update, or revoke the old contact first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A key on this card is already used by another contact or by a retired or revoked key; the card was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This card carries a key you have revoked or that was replaced; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The fingerprint you entered does not match this contact&apos;s card. Do not use the contact; check with the sender over a channel you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contact number {id} has not been verified; compare its fingerprint with the recipient before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contact number {id} has been revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key update is not signed by the contact&apos;s current verified key, or is older than the keys you have; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/store.py" line="+41"/>
        <source>The store check found {count} problem(s); see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit log has been tampered with: entries {seqs} (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{option} must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/cases.py" line="+37"/>
        <source>--reveal needs --reason: why you open the protected fields (it is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--cases must be a number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/backup.py" line="+40"/>
        <source>The backup check found {count} problem(s); see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/stats.py" line="+32"/>
        <source>{option} must be a date written YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--from must not be later than --to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="+75"/>
        <source>The file {path} already exists; Utväg will not overwrite it. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A backup cannot be written to {path}: choose a folder that exists and is outside the store folder, preferably on another disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup copy did not pass its check ({reason}); no backup was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no backup file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/backup_format.py" line="+53"/>
        <source>The file {path} is not an intact Utväg backup ({reason}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup {path} was made by a newer version of Utväg (format {found}). Update Utväg to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup {path} has been altered: its parts do not match its authenticated manifest. Nothing was changed; use another backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/backup_restore.py" line="+58"/>
        <source>This computer&apos;s keyring already holds the device secret of the store in this backup (it is set up here). Restoring would cut that store off from its passphrase: restore over its folder with --replace, or take the keyring entry over with --take-over-keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sync/handover_errors.py" line="+16"/>
        <source>The handover could not be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no legal basis on file for handing this case to {municipality}: record a consent that covers it (signed, not revoked, not expired), an överflyttning decision or a request for help first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The chosen legal basis ({basis}) is not on file for {municipality}, or is no longer valid; record it first or choose another basis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending protected fields or a fictitious identity needs a reason; it is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown section {name}; choose from: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle&apos;s validity must be 1 to 366 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case {case} is in status {status}; a case is handed over from {allowed}. Change its status first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case was already sent (bundle {bundle}) and awaits a receipt until {expires}; import the receipt, or wait until that bundle has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The handover was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Network conflict: {municipality} has or recently had persons from the same or a rival group: {cases}. Check with the police before going on, then confirm (--acknowledge-conflicts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This bundle is a {kind}, not a case handover; receipts are imported with &apos;utvag receipt import&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The case data in the bundle is not in the handover format ({detail}); refuse it and ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This import was already accepted, refused or discarded; open the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A refusal needs a reason of 1 to 1,000 characters on one line; it is sent to the sender in the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This bundle is a {kind}, not a receipt; case handovers are imported with &apos;utvag handover import&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receipt answers bundle {bundle}, which is not a handover of this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A receipt for bundle {bundle} was already recorded on {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The receiving municipality accepted the case, but {case} is now in status {status}, which cannot become överlämnad; set it to {allowed} and import the receipt again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/commands/handover.py" line="+48"/>
        <source>--include-protected and --include-fictitious-identity need --reason: why they are sent (it is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>handover export needs --out FILE (or --preview).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="+207"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Utväg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location line="-91"/>
        <source>This installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your municipality, unit and name are shown to receiving municipalities when you hand over a case, and written in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Create the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Creating the encrypted store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Municipality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringPage</name>
    <message>
        <location filename="../keyring_check.py" line="+37"/>
        <source>Device key</source>
        <extracomment>``check_keyring() -&gt; backend name``; raises a UtvagError explaining the problem.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store is bound to this computer with a device key kept in the operating system&apos;s keyring. A copy of the store files is then useless without this computer or the recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+35"/>
        <source>Checking the keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Create the store WITHOUT a device key (weaker protection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weaker: then the passphrase alone opens the store, also on another computer. Anyone who copies the store files can try to guess the passphrase. Choose this only if your IT support cannot provide a keyring, and use a long passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The keyring is available ({backend}). The store will be bound to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure keyring is available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+158"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock Utväg now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Utväg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a case in the list to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <source>About Utväg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utväg — encrypted case files and signed handover for municipal exit programmes. Everything stays encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskedField</name>
    <message>
        <location filename="../masking.py" line="+110"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../error_dialog.py" line="+42"/>
        <source>Something went wrong and the operation was not completed. Try again; if it happens again, contact your IT support.</source>
        <extracomment>Turns a UtvagError into the user&apos;s language; desktop/ installs ``desktop.i18n.translate_error``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../operations.py" line="+268"/>
        <source>Working…</source>
        <extracomment>Work that takes longer than this shows the progress dialog (milliseconds).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseInput</name>
    <message>
        <location filename="../passphrase.py" line="+75"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At least {count} characters. Several unrelated words are easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Too short: {count} of at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Strength: {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../first_run.py" line="-57"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You type the passphrase every time you open Utväg. Choose one that nobody can guess, and do not write it on the computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../recovery.py" line="+35"/>
        <source>Use recovery code</source>
        <extracomment>``recover(code, new_passphrase) -&gt; store``; runs on the store worker.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the recovery code you wrote down when the store was created, and choose a new passphrase. The old passphrase stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Open with the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../recovery_code.py" line="+29"/>
        <location line="+15"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>With this code the store can be opened if you forget the passphrase or move to a new computer. It is shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Write the code on paper, or print it, and keep it locked away from the computer — for example in the unit&apos;s safe. Never save it in a file, an e-mail or a photo. Anyone with the code and a copy of the store can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have &amp;written it down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Utväg — recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this paper locked away from the computer. With the code, the store can be opened without the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Print the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <location filename="../masking.py" line="-122"/>
        <source>Show protected information</source>
        <extracomment>How long a revealed value stays visible (milliseconds). ``reveal(store, reason) -&gt; clear value or None``; runs on the store worker.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is protected. Write why you need to see it. The reason, your name and the time are written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E.g. contact with the police about the threat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+37"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after inactivity, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the window from screenshots and screen sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only Windows can keep a window out of screen capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock after inactivity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../unlock.py" line="+61"/>
        <source>Utväg is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type your passphrase to open the case files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use &amp;recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Too many failed attempts. You can try again in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../first_run.py" line="-28"/>
        <source>Welcome to Utväg</source>
        <extracomment>``create(passphrase, use_device_key, identity) -&gt; (store, recovery_code)``; on the worker.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utväg keeps case files encrypted on this computer. Nothing is stored on a server. This guide creates your encrypted store in four steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1. Check that the computer can protect the store&apos;s device key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Choose a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Enter your municipality, unit and name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4. Write down the recovery code. It is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
