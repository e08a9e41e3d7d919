"""The self-test's checks, each on a shared temporary workspace (see :mod:`desktop.selftest`)."""

from __future__ import annotations

import importlib
import io
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import ui
from desktop.selftest.report import (
    WARN,
    Check,
    CheckFailed,
    SelftestReport,
    describe,
)
from storage.errors import UtvagError

ACTOR = "selftest"
PERSON_NAME = "Selftest Testsson"
MEMBER_NAME = "case.json"
STYLESHEET = Path(ui.__file__).resolve().parent / "styles" / "app.qss"


@dataclass
class Workspace:
    """What the checks share: the temporary folder, the open stores, keyring entries."""

    parent: Path | None
    use_device_key: bool = False
    backend: Any = None
    folder: Path | None = None
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    stores: list[Any] = field(default_factory=list)
    keyring_ids: list[str] = field(default_factory=list)

    def new_store(self, name: str) -> Any:
        from storage.vault.crypto import KdfParams
        from storage.vault.opening import create_store

        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="utvag-selftest-", dir=self.parent))
        store, _code = create_store(
            self.folder / name,
            self.passphrase,
            actor=ACTOR,
            use_device_key=self.use_device_key,
            kdf=KdfParams.minimum(),
        )
        self.stores.append(store)
        if self.use_device_key:
            self.keyring_ids.append(store.store_id)
        return store


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("utvag")
    except PackageNotFoundError:
        return ""


def check_runtime(result: Check, report: SelftestReport) -> None:
    where = "frozen build" if report.frozen else "from source"
    if not report.version:
        raise CheckFailed(f"package metadata of utvag missing ({where})")
    result.detail = f"utvag {report.version}, Python {report.python}, {where}"
    try:  # the card key slots' binding (a compiled extension) must be in the build
        import pkcs11._pkcs11  # noqa: F401
    except ImportError:
        raise CheckFailed(f"the PKCS#11 binding (python-pkcs11) is missing ({where})") from None
    from desktop import config

    try:
        module = str(config.load_settings().get("pkcs11_module", ""))
    except Exception:  # noqa: BLE001 - an unreadable settings file is reported elsewhere
        module = ""
    result.detail += f"; card module: {module or 'none configured'}"


def check_keyring(result: Check, ws: Workspace, require: bool) -> None:
    from storage.vault import device_key

    try:
        ws.backend = device_key.resolve_backend()
    except device_key.KeyringProblem as exc:
        name, _ok = device_key.describe_backend()
        message = f"no secure keyring ({name}): {type(exc).__name__}"
        if require:
            raise CheckFailed(message + "; required (--require-keyring)") from None
        result.status = WARN
        result.detail = message + "; the store check uses a passphrase-only store (--no-device-key)"
        return
    ws.use_device_key = True
    result.detail = device_key.backend_name(ws.backend)


def check_store(result: Check, ws: Workspace) -> None:
    from storage.vault.opening import unlock_store

    store = ws.new_store("store-a")
    path = store.path
    store.close()
    ws.stores.remove(store)
    store = unlock_store(path, ws.passphrase, actor=ACTOR)
    ws.stores.insert(0, store)
    report = store.check()
    if not report.ok:
        raise CheckFailed("; ".join(report.problems[:3]))
    mode = "device secret in the keyring" if ws.use_device_key else "passphrase only"
    result.detail = f"created, locked, unlocked, integrity and audit chain ok ({mode})"


def check_case(result: Check, ws: Workspace) -> None:
    from storage.casefile.cases import (
        create_case,
        get_case,
    )
    from storage.casefile.persons import (
        add_person,
        persons,
    )
    from storage.casefile.protection import (
        RevealField,
        reveal,
    )
    from storage.casefile.repo import resolve_case

    store = ws.stores[0]
    case_id = create_case(store, case_type="defector", home_municipality="Selftestby")
    person_id = add_person(store, case_id, name=PERSON_NAME, birth_year=1990)
    case = get_case(store, case_id)
    if resolve_case(store, case.case_number) != case_id or case.case_type != "defector":
        raise CheckFailed(f"case {case.case_number} did not read back")
    if [p.id for p in persons(store, case_id)] != [person_id]:
        raise CheckFailed("the person did not read back")
    name = reveal(store, case_id, RevealField.NAME, "selftest", person_id=person_id)
    if name != PERSON_NAME:
        raise CheckFailed("the revealed name differs from the one written")
    _check_pdf(store, case_id)
    result.detail = (
        f"case {case.case_number} and its person written and read back; a PDF document's "
        "text indexed and a page rendered from memory (PDFium)"
    )


def _check_pdf(store: Any, case_id: int) -> None:
    """PDFium (pypdfium2) is in the build: a PDF's text reaches the search, a page renders."""
    from storage.casefile.document_text import PdfPages
    from storage.casefile.documents import add_document, document_content
    from storage.casefile.search import search_case_ids
    from storage.demo.cases import demo_pdf

    add_document(
        store, case_id, title="Selftest", filename="s.pdf", content=demo_pdf("Selftestpdf rad")
    )
    if search_case_ids(store, "selftestpdf") != [case_id]:
        raise CheckFailed("the text of a PDF document did not reach the search index")
    doc_id = int(store.conn.execute("SELECT max(id) FROM documents").fetchone()[0])
    pages = PdfPages(document_content(store, doc_id))
    try:
        page = pages.render(0, 0.5)
    finally:
        pages.close()
    if page.width < 10 or len(set(page.pixels)) < 2:
        raise CheckFailed("a PDF page did not render")


def check_bundle(result: Check, ws: Workspace) -> None:
    from sync.bundle.manifest import HANDOVER
    from sync.bundle.open import open_bundle
    from sync.bundle.seal import seal_bundle
    from sync.trust import (
        contacts,
        identity,
    )

    assert ws.folder is not None
    a = ws.stores[0]
    b = ws.new_store("store-b")
    identity.ensure_identity(a, "Selftestby", "Selftest A", "Selftest Sender")
    identity.ensure_identity(b, "Provkommun", "Selftest B", "Selftest Receiver")
    b_at_a = contacts.import_card(a, identity.export_card(b))
    a_at_b = contacts.import_card(b, identity.export_card(a))
    contacts.verify_contact(a, b_at_a, identity.get_identity(b).fingerprint)
    contacts.verify_contact(b, a_at_b, identity.get_identity(a).fingerprint)
    payload = secrets.token_bytes(4096)
    out = ws.folder / "selftest.utvag"
    sealed = seal_bundle(
        a,
        kind=HANDOVER,
        recipients=[b_at_a],
        members=[(MEMBER_NAME, io.BytesIO(payload), len(payload))],
        out=out,
        expires=timedelta(hours=1),
        case_ref="SELFTEST-1",
        legal_basis="consent",
    )
    opened = open_bundle(b, out)
    try:
        if opened.bundle_id != sealed.bundle_id or opened.sender.id != a_at_b:
            raise CheckFailed("the opened bundle names another id or sender")
        if opened.read_member_bytes(MEMBER_NAME) != payload:
            raise CheckFailed("the opened member differs from the sealed one")
        opened.commit_seen()
    finally:
        opened.discard()
    result.detail = "sealed by one temporary identity, opened and verified by the other"


def check_translations(result: Check) -> None:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from desktop import i18n

    path = i18n.catalogue_path("sv")
    translator = QTranslator()
    if not path.is_file():
        raise CheckFailed(f"{path.name} missing (build it: python -m devtools.build_translations)")
    if not translator.load(str(path)):
        raise CheckFailed(f"{path.name} does not load")
    source = UtvagError.message  # the base error message: in every catalogue since the start
    swedish = translator.translate("Errors", source)
    if not swedish or swedish == source:
        raise CheckFailed(f"{path.name} does not translate a known message")
    missing = [lang for lang in i18n.LANGUAGES if not i18n.catalogue_path(lang).is_file()]
    if missing:
        raise CheckFailed(f"catalogue missing for {', '.join(missing)}")
    from ui.window.help_view import manual_path

    if not manual_path().is_file():
        raise CheckFailed(f"the manual is missing ({manual_path().name})")
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_dir / "qtbase_sv.qm").is_file():
        result.status = WARN
        result.detail = "utvag_sv.qm ok; Qt's own qtbase_sv.qm missing (Qt dialogs in English)"
        return
    result.detail = "utvag_sv.qm translates, utvag_en.qm, qtbase_sv.qm and the manual present"


def check_qt(result: Check) -> None:
    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtWidgets import QApplication, QLabel

    importlib.import_module("desktop.app")  # every GUI module (a frozen build must carry them)
    app = QCoreApplication.instance()
    if app is not None and app.thread() is not QThread.currentThread():
        raise CheckFailed("not on the GUI thread (run the Qt check there, or leave it out)")
    if app is None:
        # Offscreen for this check only: the platform is chosen by the argument, not the
        # environment, so nothing else in the process changes.
        app = QApplication(["utvag-selftest", "-platform", "offscreen"])
    if not isinstance(app, QApplication):
        raise CheckFailed(f"a non-widget {type(app).__name__} is already running")
    if not STYLESHEET.is_file():
        raise CheckFailed(f"style sheet {STYLESHEET.name} missing")
    label = QLabel("Utväg självtest: åäö ÅÄÖ")
    try:
        label.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
        label.resize(360, 60)
        image = label.grab().toImage()
        if image.isNull() or image.width() < 1:
            raise CheckFailed("the widget did not render")
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)
        }
        if len(colours) < 2:
            raise CheckFailed("the widget rendered blank (no fonts?)")
    finally:
        label.deleteLater()
    result.detail = f"GUI modules import; a styled widget renders on '{app.platformName()}'"


def check_cleanup(result: Check, ws: Workspace) -> None:
    from storage.vault import device_key

    problems: list[str] = []
    for store in ws.stores:
        try:
            store.close()
        except Exception as exc:  # noqa: BLE001 - report and go on cleaning
            problems.append(f"close: {describe(exc)}")
    ws.stores.clear()
    for store_id in ws.keyring_ids:
        device_key.delete_device_secret(ws.backend, store_id)
        try:
            device_key.load_device_secret(ws.backend, store_id)
        except device_key.DeviceSecretMissingError:
            continue
        except device_key.KeyringProblem as exc:
            problems.append(f"keyring: {describe(exc)}")
            continue
        problems.append("a keyring entry is still there")
    removed = len(ws.keyring_ids)
    ws.keyring_ids.clear()
    if ws.folder is not None:
        shutil.rmtree(ws.folder, ignore_errors=True)
        if ws.folder.exists():
            problems.append(f"temporary folder {ws.folder} is still there")
    if problems:
        raise CheckFailed("; ".join(problems))
    entries = "1 keyring entry" if removed == 1 else f"{removed} keyring entries"
    folder = "temporary folder removed" if ws.folder else "no temporary folder made"
    result.detail = f"stores closed, {entries} deleted, {folder}"
