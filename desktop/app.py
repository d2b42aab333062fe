"""Start-up in a fixed order: application, unlock (or create) the store, window, first list."""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from desktop import cli
from desktop.attempts import COMMAND_LINE, LOGIN_SCREEN, RECOVERY, wait_message
from desktop.cli import CommandFailed, given_login, refuse_if_not_demo
from desktop.controller import MainController
from desktop.database import StoreError, check_file, default_db_path
from desktop.demo import DEMO_ACCOUNTS, create_demo_database
from desktop.errors import describe
from desktop.keyring import (
    RECOVERY_SLOT,
    AccountBlocked,
    Keyring,
    KeyringError,
    WrongSecret,
    keyring_path,
)
from desktop.lock import (
    BROUGHT_FORWARD,
    DatabaseLock,
    FrontDoor,
    hold_for_rewrite,
    knock,
    refusal,
)
from desktop.network_share import warning as network_warning
from desktop.session import (
    AccountDisabled,
    Throttle,
    Unlocked,
    WeakPassword,
    create_database,
    reset_password_with_recovery,
    unlock,
)
from models.wording import ROLE_NAMES
from views.login import FirstAdminDialog, LoginDialog, RecoveryCodeDialog

log = logging.getLogger(__name__)

FIRST_START_DEMO_HOUSEHOLDS = 400
# Scripts and tests name them here, their old home; they live in desktop.cli now.
ENV_LOGIN, ENV_PASSWORD = cli.ENV_LOGIN, cli.ENV_PASSWORD

ACCOUNT_DISABLED = "Dit account is uitgeschakeld. Vraag de beheerder van uw team."
ACCOUNT_BLOCKED = (
    "Dit account heeft geen geldig wachtwoord meer: het is als gelekt gemeld, of de "
    "sleutel van de database is vernieuwd voordat dit account was omgezet. Vraag de "
    "beheerder van uw team om een tijdelijk wachtwoord."
)
KEYRING_PROBLEM = (
    "Het sleutelbestand naast de database ontbreekt of is beschadigd; zonder dat bestand "
    "kan de database niet worden geopend. Zet het terug uit een back-up.\n{path}"
)


def make_application() -> QApplication:
    """The QApplication, with the crash handlers installed at once (qutebrowser's order)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    install_crash_handlers()
    _install_dutch(app)
    app.setApplicationName("Teamtafel")
    app.setOrganizationName("Teamtafel")
    app.setApplicationDisplayName("Teamtafel")
    return app


def _install_dutch(app: QApplication) -> None:
    """Qt's own texts (file dialogs, standard buttons) in Dutch, from Qt's translations."""
    if app.property("teamtafel_dutch"):
        return
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_nl", folder):
        app.installTranslator(translator)
    else:
        log.warning("Qt's Dutch translations are missing; Qt's own buttons stay English")
    app.setProperty("teamtafel_dutch", True)


def install_crash_handlers() -> None:
    """faulthandler for hard crashes, and a hook that reports a bug without its data."""
    if not faulthandler.is_enabled() and sys.stderr is not None:
        faulthandler.enable()
    if sys.excepthook is sys.__excepthook__:  # not over a test runner's own hook
        sys.excepthook = excepthook


def _ask_first_start(path: Path) -> str:
    box = QMessageBox()
    box.setWindowTitle("Teamtafel")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("Er is nog geen Teamtafel-database.")
    box.setInformativeText(
        "Wilt u eerst rondkijken in een demo-database met verzonnen huishoudens, of een "
        f"nieuwe, lege database voor uw team maken?\n\n{path}"
    )
    demo = box.addButton("Demo-database maken", QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton("Nieuwe database", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Afbreken", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    return "demo" if clicked is demo else "empty" if clicked is empty else "cancel"


def demo_hint(path: Path) -> str:
    try:
        is_demo = bool(Keyring.load(keyring_path(path)).meta.get("demo"))
    except KeyringError:
        return ""
    if not is_demo:
        return ""
    lines = [
        f"<b>{login}</b> / {password} ({ROLE_NAMES[role].lower()})"
        for login, password, role, _ in DEMO_ACCOUNTS
    ]
    return "Dit is een demo-database met verzonnen gegevens. Log in als:<br>" + "<br>".join(lines)


def login_message(
    path: Path,
    throttle: Throttle,
    login: str,
    password: str,
    result: list[Unlocked],
    where: str = LOGIN_SCREEN,
) -> str | None:
    """Try to unlock; a Dutch message when it did not work (for the login dialog)."""
    wait = throttle.wait_for(login)
    if wait > 0:
        return wait_message(wait)
    try:
        result.append(unlock(path, login, password, hold=hold_for_rewrite))
    except WrongSecret:
        throttle.failed(login, where)
        return "Deze inlognaam en dit wachtwoord passen niet bij elkaar."
    except AccountDisabled:
        return ACCOUNT_DISABLED
    except AccountBlocked:
        return ACCOUNT_BLOCKED
    except KeyringError:
        return KEYRING_PROBLEM.format(path=keyring_path(path))
    except StoreError as exc:
        return describe(exc)
    throttle.succeeded(login)
    return None


def recovery_message(
    path: Path, throttle: Throttle, code: str, login: str, password: str
) -> str | None:
    """Use the recovery code to set a new beheerder password; a Dutch message when it failed."""
    wait = throttle.wait_for(RECOVERY_SLOT)
    if wait > 0:
        return wait_message(wait)
    try:
        reset_password_with_recovery(path, code, login, password, hold=hold_for_rewrite)
    except WrongSecret:
        throttle.failed(RECOVERY_SLOT, RECOVERY)
        return "Deze herstelcode klopt niet."
    except AccountDisabled:
        return "Er is geen actieve beheerder met deze inlognaam."
    except WeakPassword:
        return "Een wachtwoord heeft minstens 10 tekens."
    except KeyringError:
        return KEYRING_PROBLEM.format(path=keyring_path(path))
    except StoreError as exc:
        return describe(exc)
    throttle.succeeded(RECOVERY_SLOT)
    return None


def start_session(path: Path, *, demo: bool) -> Unlocked | None:
    """Create the store on a first start, then log in. None when the user gives up."""
    if not path.exists():
        choice = "demo" if demo else _ask_first_start(path)
        if choice == "cancel":
            return None
        if choice == "demo":
            create_demo_database(path, FIRST_START_DEMO_HOUSEHOLDS).close()
        else:
            answer = FirstAdminDialog.ask()
            if answer is None:
                return None
            name, login, password = answer
            unlocked, code = create_database(path, name=name, login=login, password=password)
            RecoveryCodeDialog.show_code(code)
            return unlocked
    check_file(path)
    result: list[Unlocked] = []
    throttle = Throttle.beside(path)
    try:  # automation: --wachtwoord-stdin, or a demo's login in the environment
        given = given_login(path, demo_fallback=False)
        if given is not None:
            message = login_message(
                path, throttle, given.login, given.password, result, COMMAND_LINE
            )
            if message:
                raise CommandFailed(message)
            refuse_if_not_demo(result[0], given)
            return result[0]
    except CommandFailed as exc:
        raise SystemExit(f"teamtafel: {exc}") from None
    if LoginDialog.ask(
        lambda login, password: login_message(path, throttle, login, password, result),
        demo_hint(path),
        recover=lambda code, login, password: recovery_message(
            path, throttle, code, login, password
        ),
    ):
        return result[-1]
    return None


def crash_report(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The exception's type and the code lines it passed: never its message or local values,
    which may hold a name, BSN or note."""
    return f"unexpected {kind.__name__}\n" + "".join(traceback.format_tb(tb))


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.error("%s", crash_report(kind, tb))
    if QApplication.platformName() == "offscreen":
        return  # no one to read a dialog (screenshots, automation): the log has it
    QMessageBox.critical(
        None,
        "Teamtafel",
        "Er ging onverwacht iets mis. De laatste handeling is mogelijk niet opgeslagen; "
        "wat eerder was opgeslagen blijft bewaard.",
    )


class BroughtForward(Exception):
    """This start found the database's window and brought it forward: nothing more to do."""


def come_forward(app: QApplication) -> None:
    """A second start asked for this window: un-minimise it and bring it (and a dialog open
    over it) to the front, as it is: a locked window shows its lock screen, nothing more."""
    windows: list[QWidget] = [
        w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
    ]
    modal = app.activeModalWidget()  # the login dialog, or a dialog over the window
    if modal is not None:
        windows.append(modal)
    for window in windows:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()


def run_gui(db: Path | None, *, demo: bool, quit_after_load: bool = False) -> int:
    app = make_application()
    path = db or default_db_path()
    lock = DatabaseLock(path)
    if not lock.acquire():  # before the password is asked: a second window would only confuse
        if knock(path):
            raise BroughtForward(BROUGHT_FORWARD)
        QMessageBox.warning(None, "Teamtafel", refusal(path))
        return 2
    door = FrontDoor(path)
    door.knocked.connect(lambda: come_forward(app))
    door.open()
    try:
        warning = network_warning(path)
        if warning:
            QMessageBox.warning(None, "Teamtafel", warning)
        return _run_window(app, path, demo=demo, quit_after_load=quit_after_load)
    finally:
        door.close()
        door.deleteLater()
        lock.release()


def open_window(unlocked: Unlocked, *, offer: bool = True) -> MainController:
    """The main window after a login: the list, then (once it stands) the access log's
    chain checked and any werkkopie a crash left behind offered back."""
    controller = MainController(unlocked)
    controller.window.show()
    controller.search("", True)
    if offer:
        QTimer.singleShot(0, controller.after_login)
    return controller


def _run_window(app: QApplication, path: Path, *, demo: bool, quit_after_load: bool) -> int:
    try:
        unlocked = start_session(path, demo=demo)
    except StoreError as exc:
        QMessageBox.critical(None, "Teamtafel", describe(exc))
        return 2
    if unlocked is None:
        return 0
    controller = open_window(unlocked, offer=not quit_after_load)
    if quit_after_load:  # for the bench and tests: stop once the list is painted
        app.processEvents()
        controller.window.close()
        unlocked.close()
        return 0
    code = app.exec()
    unlocked.close()
    return code
