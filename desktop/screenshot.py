"""Save a picture of a named screen without a display, so anyone can look at the UI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.controller import MainController
from desktop.database import Store
from desktop.session import Unlocked
from models import households as service
from models import zrm
from models.access import household_log
from models.records import HouseholdDossier
from views.admin import HouseholdLogDialog
from views.dialogs import ConsentDialog, PersonDialog, RegistrationDialog
from views.login import LoginDialog
from views.zrm import ZrmHistoryDialog, ZrmScoringDialog

SCREENS = (
    "huishoudens",
    "dossier",
    "aanmelden",
    "gezinslid",
    "inloggen",
    "vergrendeld",
    "toegangslog",
    "toestemming",
    "dossierlog",
    "zrm",
    "zrm-geschiedenis",
)


class UnknownScreen(ValueError):
    pass


def _pick_household(store: Store, dossier_number: str | None) -> HouseholdDossier:
    with store.sessions() as session:
        if dossier_number:
            household_id = service.find_household_id(session, dossier_number)
            if household_id is None:
                raise LookupError(f"geen huishouden met dossiernummer {dossier_number}")
        else:
            # The fullest open dossier makes the most telling picture.
            rows = service.search_households(session, "", open_only=True)
            if not rows:
                raise LookupError("de database heeft geen huishoudens")
            dossiers = [service.load_dossier(session, r.id) for r in rows[:200]]
            scored = {
                d.id: sum(
                    len(zrm.person_measurements(session, pid))
                    for pid in zrm.latest_per_member(session, d.id)
                )
                for d in dossiers
            }
            return max(
                dossiers,
                key=lambda d: (
                    scored[d.id],
                    len(d.warnings) > 0,
                    len(d.members),
                    len(d.contacts),
                ),
            )
        return service.load_dossier(session, household_id)


def save_screenshot(
    unlocked: Unlocked,
    screen: str,
    out: Path,
    *,
    household: str | None = None,
    size: tuple[int, int] = (1280, 800),
) -> Path:
    if screen not in SCREENS:
        raise UnknownScreen(screen)
    app = QApplication.instance()
    assert app is not None, "make_application() first"
    from desktop.app import demo_hint  # the start-up module imports this one's users

    store = unlocked.store
    controller = MainController(unlocked)
    window = controller.window
    window.resize(*size)
    controller.search("", True)
    target: QWidget = window
    after: Callable[[], None] = lambda: None  # noqa: E731
    if screen == "dossier":
        dossier = _pick_household(store, household)
        controller.open_household(dossier.id)
    elif screen == "aanmelden":
        registration = RegistrationDialog(controller.codes, controller.medewerkers(), parent=window)
        target, after = registration, registration.deleteLater
    elif screen == "gezinslid":
        # A form with a wrong date and BSN, to show how mistakes are explained.
        person = PersonDialog(parent=window)
        person.field("first_name").setText("Sanne")
        person.field("last_name").setText("Voorbeeld")
        person.field("date_of_birth").setText("31-02-2012")
        person.field("bsn").setText("123456788")
        person.accept()
        target, after = person, person.deleteLater
    elif screen == "inloggen":
        login = LoginDialog(lambda _l, _p: None, demo_hint(store.path), parent=window)
        login.login.setText(unlocked.actor.login)
        target, after = login, login.deleteLater
    elif screen == "toegangslog":
        log = controller.show_access_log()
        if log is None:
            raise LookupError("het toegangslog is alleen voor een beheerder")
        target, after = log, log.deleteLater
    elif screen == "toestemming":
        dossier = _pick_household(store, household)
        members = [(m.id, m.full_name) for m in dossier.members]
        consent = ConsentDialog(members, parent=window)
        consent.field("organisation").setText("GGZ Voorbeeldstad")
        consent.field("purpose").setPlainText("Afstemming over de behandeling van moeder")
        consent.field("given_by").setText(members[0][1] if members else "")
        consent.field("valid_until").setText("01-01-2020")
        consent.accept()  # shows how a wrong end date is explained
        target, after = consent, consent.deleteLater
    elif screen == "dossierlog":
        dossier = _pick_household(store, household)
        controller.open_household(dossier.id)
        with store.sessions() as session:
            lines = household_log(session, dossier.id)
        dialog = HouseholdLogDialog(
            f"{dossier.household.name} · {dossier.dossier_number}", lines, window
        )
        target, after = dialog, dialog.deleteLater
    elif screen == "zrm":
        dossier = _pick_household(store, household)
        with store.sessions() as session:
            instrument = controller.zrm_instrument(session)
            latest = zrm.latest_per_member(session, dossier.id)
        member = next((m for m in dossier.members if m.id in latest), dossier.members[0])
        scoring = ZrmScoringDialog(
            instrument,
            member.full_name,
            unlocked.actor.name,
            latest[member.id].draft if member.id in latest else None,
            parent=window,
        )
        scoring.grid.setCurrentCell(3, 1)
        target, after = scoring, scoring.deleteLater
    elif screen == "zrm-geschiedenis":
        dossier = _pick_household(store, household)
        with store.sessions() as session:
            latest = zrm.latest_per_member(session, dossier.id)
            known = zrm.instruments(session)
            member = next((m for m in dossier.members if m.id in latest), dossier.members[0])
            records = zrm.person_measurements(session, member.id)
        history = ZrmHistoryDialog(
            member.full_name,
            records,
            lambda r: known.get((r.draft.instrument_code, r.draft.instrument_version)),
            zrm.compare,
            zrm.series,
            window,
        )
        target, after = history, history.deleteLater
    elif screen == "vergrendeld":
        dossier = _pick_household(store, household)
        controller.open_household(dossier.id)
        window.show()
        controller.autolock.lock()
    window.show()
    target.show()
    for _ in range(3):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not target.grab().save(str(out)):
        raise OSError(f"kan {out} niet schrijven")
    after()
    window.close()
    return out
