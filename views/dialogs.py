"""The dossier's forms.  Each ``ask()`` returns a draft, or ``None`` when cancelled."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from models.codelists import CodeLists, load_codelists
from models.enums import OPEN_PHASES, ContactKind, EventKind, MemberRole, Phase
from models.records import (
    Closure,
    ConsentDraft,
    ContactDraft,
    HouseholdDraft,
    MedewerkerRecord,
    OrganisationRecord,
    PersonDraft,
    PhaseChange,
    RegisseurChange,
    RegistrationDraft,
    ScaleEvent,
    TrajectDraft,
    proposed_role,
)
from models.rules import (
    CLOSURE,
    CONSENT,
    CONTACT,
    HOUSEHOLD,
    MEDEWERKER,
    PERSON,
    PHASE_CHANGE,
    REGISSEUR_CHANGE,
    SCALE_DOWN,
    SCALE_UP,
    TRAJECT,
)
from models.validation import (
    ParsedDate,
    Problem,
    check_bsn,
    check_postcode,
    format_date,
    parse_date,
)
from models.wording import CONTACT_KIND, PHASE, ROLE
from views.forms import DateLineEdit, FormDialog, code_combo, released, text_of


def _note_edit(text: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _medewerker_combo(
    medewerkers: list[MedewerkerRecord], current: uuid.UUID | None, *, empty: str = "—"
) -> QComboBox:
    items = [(str(m.id), m.name) for m in medewerkers if m.active or m.id == current]
    return code_combo(items, str(current) if current else "", empty=empty)


def _uuid_of(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


class _DateChecks:
    """Date checking for a FormDialog field, with the bounds a form knows about."""

    def __init__(
        self,
        dialog: FormDialog,
        key: str,
        *,
        required: bool = True,
        not_after: date | None = None,
        not_before: date | None = None,
    ) -> None:
        self.dialog, self.key = dialog, key
        self.required, self.not_after, self.not_before = required, not_after, not_before

    def __call__(self) -> Problem | None:
        return self.parse().problem

    def parse(self) -> ParsedDate:
        return parse_date(
            self.dialog.field(self.key).text(),
            required=self.required,
            not_after=self.not_after,
            not_before=self.not_before,
        )

    def value(self) -> date:
        value = self.parse().value
        assert value is not None, "value() is read after accept(), when the date is valid"
        return value


# --- household and aanmelding -------------------------------------------------------------


class _HouseholdFields(FormDialog):
    def add_household_fields(self, initial: HouseholdDraft | None) -> None:
        initial = initial or HouseholdDraft(name="")
        name = self.add_field("name", "Naam huishouden *", QLineEdit(initial.name))
        name.setPlaceholderText("bijvoorbeeld: De Vries")
        self.add_field("street", "Straat", QLineEdit(initial.street))
        self.add_field("house_number", "Huisnummer", QLineEdit(initial.house_number))
        postcode = self.add_field("postcode", "Postcode", QLineEdit(initial.postcode))
        postcode.setMaximumWidth(100)
        self._checks["postcode"] = lambda: check_postcode(postcode.text())
        self.add_field("city", "Woonplaats", QLineEdit(initial.city))
        self.add_field("phone", "Telefoon", QLineEdit(initial.phone))
        self.apply_rules(HOUSEHOLD)

    def household_value(self) -> HouseholdDraft:
        return HouseholdDraft(
            **{
                key: text_of(self.field(key))
                for key in ("name", "street", "house_number", "postcode", "city", "phone")
            }
        )


class _TrajectFields(FormDialog):
    registered_check: _DateChecks

    def add_traject_fields(
        self,
        initial: TrajectDraft | None,
        codes: CodeLists,
        medewerkers: list[MedewerkerRecord] | None,
        today: date,
    ) -> None:
        initial = initial or TrajectDraft(registered_on=today)
        self.add_field("registered_on", "Aanmelddatum *", DateLineEdit(initial.registered_on))
        self.registered_check = _DateChecks(self, "registered_on", not_after=today)
        self._checks["registered_on"] = self.registered_check
        self.add_field(
            "herkomst", "Herkomst", code_combo(codes.items("herkomst"), initial.herkomst)
        )
        question = self.add_field(
            "question", "Vraag van het gezin", _note_edit(initial.question, 80)
        )
        question.setPlaceholderText("De vraag in de eigen woorden van het gezin")
        self.add_field("aard", "Aard", code_combo(codes.items("aard"), initial.aard))
        self.add_field("ernst", "Ernst", code_combo(codes.items("ernst"), initial.ernst))
        self.add_field(
            "urgentie", "Urgentie", code_combo(codes.items("urgentie"), initial.urgentie)
        )
        if medewerkers is not None:
            self.add_field(
                "regisseur",
                "Casusregisseur",
                _medewerker_combo(
                    medewerkers, initial.regisseur_id, empty="— nog niet toegewezen —"
                ),
            )
        self.apply_rules(TRAJECT)

    def traject_value(self) -> TrajectDraft:
        regisseur = self._fields.get("regisseur")
        return TrajectDraft(
            registered_on=self.registered_check.value(),
            herkomst=text_of(self.field("herkomst")),
            question=text_of(self.field("question")),
            aard=text_of(self.field("aard")),
            ernst=text_of(self.field("ernst")),
            urgentie=text_of(self.field("urgentie")),
            regisseur_id=_uuid_of(regisseur) if isinstance(regisseur, QComboBox) else None,
        )


class RegistrationDialog(_HouseholdFields, _TrajectFields):
    """A new household and its aanmelding in one form; only the name is required."""

    def __init__(
        self,
        codes: CodeLists,
        medewerkers: list[MedewerkerRecord],
        initial: RegistrationDraft | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Nieuw huishouden aanmelden", parent)
        self.add_section("Huishouden")
        self.add_household_fields(initial.household if initial else None)
        self.add_section("Aanmelding")
        self.add_traject_fields(
            initial.traject if initial else None, codes, medewerkers, today or date.today()
        )
        self.setMinimumWidth(520)
        self.finish_loading()

    def value(self) -> RegistrationDraft:
        return RegistrationDraft(self.household_value(), self.traject_value())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        medewerkers: list[MedewerkerRecord],
        initial: RegistrationDraft | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> RegistrationDraft | None:
        with released(cls(codes, medewerkers, initial, parent=parent)) as dialog:
            return dialog.value() if dialog.run(problems) else None


class HouseholdDialog(_HouseholdFields):
    def __init__(self, initial: HouseholdDraft, parent: QWidget | None = None) -> None:
        super().__init__("Gegevens huishouden wijzigen", parent)
        self.add_household_fields(initial)
        self.setMinimumWidth(460)
        self.finish_loading()

    def value(self) -> HouseholdDraft:
        return self.household_value()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: HouseholdDraft,
        problems: dict[str, Problem] | None = None,
    ) -> HouseholdDraft | None:
        with released(cls(initial, parent)) as dialog:
            return dialog.value() if dialog.run(problems) else None


class TrajectDialog(_TrajectFields):
    """Correct an aanmelding, or (with medewerkers) register a new traject."""

    def __init__(
        self,
        codes: CodeLists,
        initial: TrajectDraft | None,
        medewerkers: list[MedewerkerRecord] | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Nieuwe aanmelding" if medewerkers is not None else "Aanmelding wijzigen"
        super().__init__(title, parent)
        self.add_traject_fields(initial, codes, medewerkers, today or date.today())
        self.setMinimumWidth(480)
        self.finish_loading()

    def value(self) -> TrajectDraft:
        return self.traject_value()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        initial: TrajectDraft | None,
        medewerkers: list[MedewerkerRecord] | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> TrajectDraft | None:
        with released(cls(codes, initial, medewerkers, parent=parent)) as dialog:
            return dialog.value() if dialog.run(problems) else None


# --- members and contacts -----------------------------------------------------------------


class PersonDialog(FormDialog):
    """A member of the household. A new member's role is proposed from the date of birth
    until the user picks one; a proposed surname comes in as ``initial``."""

    def __init__(
        self,
        initial: PersonDraft | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
        *,
        adding: bool | None = None,
    ) -> None:
        adding = initial is None if adding is None else adding
        super().__init__("Gezinslid toevoegen" if adding else "Gezinslid wijzigen", parent)
        self.today = today or date.today()
        initial = initial or PersonDraft(first_name="", last_name="", role=MemberRole.KIND)
        self.add_field("first_name", "Voornaam *", QLineEdit(initial.first_name))
        infix = self.add_field("infix", "Tussenvoegsel", QLineEdit(initial.infix))
        infix.setMaximumWidth(120)
        self.add_field("last_name", "Achternaam *", QLineEdit(initial.last_name))
        born = self.add_field("date_of_birth", "Geboortedatum", DateLineEdit(initial.date_of_birth))
        self.birth_check = _DateChecks(self, "date_of_birth", required=False, not_after=self.today)
        self._checks["date_of_birth"] = self.birth_check
        role = self.add_field(
            "role",
            "Rol in het huishouden *",
            code_combo([(r.value, ROLE[r]) for r in MemberRole], initial.role.value, empty=""),
        )
        bsn = self.add_field("bsn", "BSN", QLineEdit(initial.bsn))
        bsn.setMaximumWidth(140)
        bsn.setPlaceholderText("9 cijfers, mag leeg")
        self._checks["bsn"] = lambda: check_bsn(bsn.text())
        gezag = QCheckBox("Heeft het gezag (ouder of voogd)")
        gezag.setChecked(initial.gezag)
        self.add_field("gezag", "Gezag", gezag)
        elsewhere = QCheckBox("Woont niet in dit huishouden")
        elsewhere.setToolTip("Bijvoorbeeld een ouder met gezag die ergens anders woont")
        elsewhere.setChecked(initial.lives_elsewhere)
        self.add_field("lives_elsewhere", "Woont elders", elsewhere)
        address = self.add_field("address", "Adres", QLineEdit(initial.address))
        address.setPlaceholderText("Straat, huisnummer, plaats")
        shielded = QCheckBox("Adres nooit afdrukken (bijv. opvang of geheim adres)")
        shielded.setChecked(initial.address_shielded)
        self.add_field("address_shielded", "Adres afgeschermd", shielded)
        self.apply_rules(PERSON)
        elsewhere.toggled.connect(self._elsewhere_toggled)
        self._elsewhere_toggled(initial.lives_elsewhere)
        self.role_chosen = not adding  # a stored member's role is never proposed over
        role.activated.connect(self._role_picked)
        born.textChanged.connect(self._propose_role)
        self.setMinimumWidth(440)
        self.finish_loading()

    def _role_picked(self) -> None:
        self.role_chosen = True

    def _elsewhere_toggled(self, elsewhere: bool) -> None:
        """An address of its own only for a member who lives elsewhere (the household's
        address is the others')."""
        self.field("address").setEnabled(elsewhere)

    def _propose_role(self) -> None:
        """Only from a whole, valid date: '01-01-19' on its way to 1985 proposes nothing."""
        born = self.birth_check.parse()
        if self.role_chosen or born.value is None or born.problem is not None:
            return
        role: QComboBox = self.field("role")
        role.setCurrentIndex(role.findData(proposed_role(born.value, self.today).value))

    def value(self) -> PersonDraft:
        elsewhere = bool(self.field("lives_elsewhere").isChecked())
        return PersonDraft(
            first_name=text_of(self.field("first_name")),
            infix=text_of(self.field("infix")),
            last_name=text_of(self.field("last_name")),
            date_of_birth=self.birth_check.parse().value,
            role=MemberRole(text_of(self.field("role"))),
            bsn=text_of(self.field("bsn")).strip(),
            gezag=self.field("gezag").isChecked(),
            lives_elsewhere=elsewhere,
            address=text_of(self.field("address")).strip() if elsewhere else "",
            address_shielded=self.field("address_shielded").isChecked(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: PersonDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
    ) -> PersonDraft | None:
        """``adding``: a new member, whose ``initial`` is a proposal (the household's surname)
        or, asked again after a refusal, what was typed; the title stays 'toevoegen'."""
        with released(cls(initial, parent=parent, adding=adding or initial is None)) as dialog:
            return dialog.value() if dialog.run(problems) else None


class ContactDialog(FormDialog):
    def __init__(
        self,
        medewerkers: list[MedewerkerRecord],
        initial: ContactDraft | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
        *,
        medewerker_id: uuid.UUID | None = None,
    ) -> None:
        """``medewerker_id``: a new contact's medewerker (the one logged in)."""
        title = "Contactmoment wijzigen" if initial else "Contactmoment vastleggen"
        super().__init__(title, parent)
        today = today or date.today()
        initial = initial or ContactDraft(
            contact_date=today, kind=ContactKind.HUISBEZOEK, medewerker_id=medewerker_id
        )
        self.add_field("contact_date", "Datum *", DateLineEdit(initial.contact_date))
        self.date_check = _DateChecks(self, "contact_date", not_after=today)
        self._checks["contact_date"] = self.date_check
        self.add_field(
            "kind",
            "Soort *",
            code_combo(
                [(k.value, CONTACT_KIND[k]) for k in ContactKind], initial.kind.value, empty=""
            ),
        )
        self.add_field(
            "medewerker",
            "Medewerker",
            _medewerker_combo(medewerkers, initial.medewerker_id),
        )
        self.add_field("note", "Korte notitie", _note_edit(initial.note, 90))
        self.apply_rules(CONTACT)
        self.setMinimumWidth(460)
        self.finish_loading()

    def value(self) -> ContactDraft:
        return ContactDraft(
            contact_date=self.date_check.value(),
            kind=ContactKind(text_of(self.field("kind"))),
            note=text_of(self.field("note")),
            medewerker_id=_uuid_of(self.field("medewerker")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        medewerkers: list[MedewerkerRecord],
        initial: ContactDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        adding: bool = False,
        medewerker_id: uuid.UUID | None = None,
    ) -> ContactDraft | None:
        dialog = cls(medewerkers, initial, parent=parent, medewerker_id=medewerker_id)
        with released(dialog):
            if adding:
                dialog.setWindowTitle("Contactmoment vastleggen")
            return dialog.value() if dialog.run(problems) else None


# --- moving the traject -----------------------------------------------------------------


def _dated(on: date, note: str) -> dict[str, str]:
    return {"on": format_date(on), "note": note}


class _DatedNoteDialog(FormDialog):
    """Date (default today, not before ``earliest``) and a note, under other fields."""

    def add_date_and_note(self, earliest: date, today: date, note_label: str) -> None:
        self.add_field("on", "Datum *", DateLineEdit(today))
        self.on_check = _DateChecks(self, "on", not_after=today, not_before=earliest)
        self._checks["on"] = self.on_check
        self.add_field("note", note_label, _note_edit())


class PhaseDialog(_DatedNoteDialog):
    def __init__(
        self,
        current: Phase,
        earliest: date,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Fase wijzigen", parent)
        choices = [(p.value, PHASE[p]) for p in OPEN_PHASES if p is not current]
        index = OPEN_PHASES.index(current) if current in OPEN_PHASES else -1
        # The next phase is proposed; from the last one (uitvoering) nothing is.
        following = OPEN_PHASES[index + 1] if 0 <= index < len(OPEN_PHASES) - 1 else None
        self.add_field(
            "phase",
            "Nieuwe fase *",
            code_combo(
                choices,
                following.value if following else "",
                empty="" if following else "— kies een fase —",
            ),
        )
        self.add_date_and_note(earliest, today or date.today(), "Toelichting")
        self.apply_rules(PHASE_CHANGE)
        self.finish_loading()

    def value(self) -> PhaseChange:
        return PhaseChange(
            Phase(text_of(self.field("phase"))), self.on_check.value(), text_of(self.field("note"))
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: Phase,
        earliest: date,
        initial: PhaseChange | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> PhaseChange | None:
        with released(cls(current, earliest, parent=parent)) as dialog:
            if initial is not None:
                dialog.fill({"phase": initial.phase.value, **_dated(initial.on, initial.note)})
            return dialog.value() if dialog.run(problems) else None


class ScaleDialog(_DatedNoteDialog):
    """Opschalen: to whom (veiligheidsteam, Veilig Thuis, …), why, and who is responsible
    now; afschalen: to what (voorliggend veld, waakvlam)."""

    def __init__(
        self,
        kind: EventKind,
        earliest: date,
        today: date | None = None,
        parent: QWidget | None = None,
        *,
        codes: CodeLists | None = None,
    ) -> None:
        up = kind is EventKind.OPSCHALEN
        super().__init__("Opschalen" if up else "Afschalen", parent)
        self.kind = kind
        codes = codes or load_codelists()
        targets = codes.items("opschaaldoel" if up else "afschaaldoel")
        self.add_field("target", "Naar *", code_combo(targets, "", empty="— kies waarheen —"))
        if up:
            self.add_field("reason", "Reden *", _note_edit())
            self.field("reason").setPlaceholderText(
                "Waarom nu opschalen: wat is er onveilig, wat lukt niet meer?"
            )
            self.add_field("responsible", "Verantwoordelijke *", QLineEdit())
            self.field("responsible").setPlaceholderText(
                "Wie is nu verantwoordelijk (naam en organisatie)"
            )
        self.add_date_and_note(earliest, today or date.today(), "Toelichting")
        self.apply_rules(SCALE_UP if up else SCALE_DOWN)
        self.finish_loading()

    def value(self) -> ScaleEvent:
        up = self.kind is EventKind.OPSCHALEN
        return ScaleEvent(
            self.kind,
            self.on_check.value(),
            text_of(self.field("note")),
            target=text_of(self.field("target")),
            reason=text_of(self.field("reason")) if up else "",
            responsible=text_of(self.field("responsible")) if up else "",
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kind: EventKind,
        earliest: date,
        initial: ScaleEvent | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        codes: CodeLists | None = None,
    ) -> ScaleEvent | None:
        with released(cls(kind, earliest, parent=parent, codes=codes)) as dialog:
            if initial is not None:
                texts = {"target": initial.target, **_dated(initial.on, initial.note)}
                if kind is EventKind.OPSCHALEN:
                    texts |= {"reason": initial.reason, "responsible": initial.responsible}
                dialog.fill(texts)
            return dialog.value() if dialog.run(problems) else None


class CloseDialog(_DatedNoteDialog):
    def __init__(
        self,
        codes: CodeLists,
        earliest: date,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Traject afsluiten", parent)
        self.add_field("reason", "Reden *", code_combo(codes.items("afsluitreden"), ""))
        self.add_date_and_note(earliest, today or date.today(), "Toelichting")
        self.apply_rules(CLOSURE)
        self.finish_loading()

    def value(self) -> Closure:
        return Closure(
            self.on_check.value(), text_of(self.field("reason")), text_of(self.field("note"))
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        earliest: date,
        initial: Closure | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> Closure | None:
        with released(cls(codes, earliest, parent=parent)) as dialog:
            if initial is not None:
                dialog.fill({"reason": initial.reason, **_dated(initial.on, initial.note)})
            return dialog.value() if dialog.run(problems) else None


class RegisseurDialog(FormDialog):
    def __init__(
        self,
        medewerkers: list[MedewerkerRecord],
        current: uuid.UUID | None,
        earliest: date,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Casusregisseur wijzigen", parent)
        today = today or date.today()
        others = [m for m in medewerkers if m.id != current]
        self.add_field("medewerker", "Nieuwe regisseur *", _medewerker_combo(others, None))
        self.add_field("on", "Met ingang van *", DateLineEdit(today))
        self.on_check = _DateChecks(self, "on", not_after=today, not_before=earliest)
        self._checks["on"] = self.on_check
        self.apply_rules(REGISSEUR_CHANGE)
        self.finish_loading()

    def value(self) -> RegisseurChange:
        medewerker = _uuid_of(self.field("medewerker"))
        assert medewerker is not None
        return RegisseurChange(medewerker, self.on_check.value())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        medewerkers: list[MedewerkerRecord],
        current: uuid.UUID | None,
        earliest: date,
        initial: RegisseurChange | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> RegisseurChange | None:
        with released(cls(medewerkers, current, earliest, parent=parent)) as dialog:
            if initial is not None:
                dialog.fill(
                    {"medewerker": str(initial.medewerker_id), "on": format_date(initial.on)}
                )
            return dialog.value() if dialog.run(problems) else None


class MedewerkerDialog(FormDialog):
    """A new team member (medewerker) with their discipline."""

    def __init__(self, codes: CodeLists, parent: QWidget | None = None) -> None:
        super().__init__("Medewerker toevoegen", parent)
        self.add_field("name", "Naam *", QLineEdit())
        self.add_field(
            "discipline",
            "Discipline *",
            code_combo(codes.items("discipline"), "generalist", empty=""),
        )
        self.apply_rules(MEDEWERKER)
        self.setMinimumWidth(400)
        self.finish_loading()

    def value(self) -> tuple[str, str]:
        return text_of(self.field("name")), text_of(self.field("discipline"))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        codes: CodeLists,
        initial: tuple[str, str] | None = None,
        problems: dict[str, Problem] | None = None,
    ) -> tuple[str, str] | None:
        with released(cls(codes, parent)) as dialog:
            if initial is not None:
                dialog.fill({"name": initial[0], "discipline": initial[1]})
            return dialog.value() if dialog.run(problems) else None


# Opens a form for a new organisation over the given dialog, stores it through the service
# (the presenter's job) and returns its record, or None when cancelled.
AddOrganisation = Callable[[QWidget], OrganisationRecord | None]


class ConsentDialog(FormDialog):
    """Toestemming (or a refusal) to share information with one organisation from the list."""

    def __init__(
        self,
        members: list[tuple[uuid.UUID, str]],
        initial: ConsentDraft | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
        *,
        organisations: Sequence[OrganisationRecord] = (),
        add_organisation: AddOrganisation | None = None,
    ) -> None:
        title = "Toestemming wijzigen" if initial else "Toestemming vastleggen"
        super().__init__(title, parent)
        today = today or date.today()
        initial = initial or ConsentDraft(organisation_id=None, given_on=today)
        self._add_organisation = add_organisation
        current = initial.organisation_id
        items = [
            (str(o.id), o.name if o.active else f"{o.name} (uitgeschakeld)")
            for o in organisations
            if o.active or o.id == current
        ]
        new = QPushButton("Nieuwe organisatie…")
        new.setObjectName("new_organisation")
        new.setVisible(add_organisation is not None)
        new.clicked.connect(self._new_organisation)
        self.add_field(
            "organisation",
            "Organisatie *",
            code_combo(items, str(current) if current else "", empty="— kies een organisatie —"),
            beside=new,
        )
        self.add_field(
            "answer",
            "Antwoord *",
            code_combo(
                [("ja", "Toestemming gegeven"), ("nee", "Geweigerd")],
                "nee" if initial.refused else "ja",
                empty="",
            ),
        )
        self.add_field(
            "person",
            "Voor wie",
            code_combo(
                [(str(pid), name) for pid, name in members],
                str(initial.person_id) if initial.person_id else "",
                empty="het hele huishouden",
            ),
        )
        self.add_field("purpose", "Waarvoor", _note_edit(initial.purpose, 60))
        self.add_field("given_by", "Gegeven door", QLineEdit(initial.given_by))
        self.add_field("given_on", "Datum *", DateLineEdit(initial.given_on))
        self.given_check = _DateChecks(self, "given_on", not_after=today)
        self._checks["given_on"] = self.given_check
        self.add_field("valid_until", "Geldig tot", DateLineEdit(initial.valid_until))
        self._checks["valid_until"] = self._check_until
        self.apply_rules(CONSENT)
        self.setMinimumWidth(520)
        self.finish_loading()

    def _new_organisation(self) -> None:
        """Add an organisation on the spot (through the presenter and its service) and pick it."""
        assert self._add_organisation is not None
        record = self._add_organisation(self)
        if record is None:
            return
        combo: QComboBox = self.field("organisation")
        labels = [combo.itemText(i) for i in range(1, combo.count())]
        position = 1 + sum(1 for label in labels if label.casefold() < record.name.casefold())
        combo.insertItem(position, record.name, str(record.id))
        combo.setCurrentIndex(position)

    def _check_until(self) -> Problem | None:
        given = self.given_check.parse().value
        problem = parse_date(
            self.field("valid_until").text(), required=False, not_before=given
        ).problem
        return Problem.END_BEFORE_START if problem is Problem.DATE_BEFORE_REGISTRATION else problem

    def value(self) -> ConsentDraft:
        return ConsentDraft(
            organisation_id=_uuid_of(self.field("organisation")),
            given_on=self.given_check.value(),
            purpose=text_of(self.field("purpose")),
            given_by=text_of(self.field("given_by")),
            valid_until=parse_date(self.field("valid_until").text(), required=False).value,
            refused=text_of(self.field("answer")) == "nee",
            person_id=_uuid_of(self.field("person")),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        members: list[tuple[uuid.UUID, str]],
        initial: ConsentDraft | None = None,
        problems: dict[str, Problem] | None = None,
        *,
        organisations: Sequence[OrganisationRecord],
        add_organisation: AddOrganisation | None = None,
        adding: bool = False,
    ) -> ConsentDraft | None:
        """``organisations``: every organisation (the form offers the active ones and the
        consent's own); ``add_organisation``: see :data:`AddOrganisation`."""
        dialog = cls(
            members,
            initial,
            parent=parent,
            organisations=organisations,
            add_organisation=add_organisation,
        )
        with released(dialog):
            if adding:
                dialog.setWindowTitle("Toestemming vastleggen")
            return dialog.value() if dialog.run(problems) else None
