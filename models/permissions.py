"""Roles and what each may do. Checked in one place, :func:`require`, which the desktop
controller and the command-line verbs both call."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass


class Role(enum.StrEnum):
    MEDEWERKER = "medewerker"
    COORDINATOR = "coordinator"
    BEHEERDER = "beheerder"


class Permission(enum.StrEnum):
    WORK_ON_DOSSIERS = "work_on_dossiers"
    MANAGE_TEAM = "manage_team"
    MANAGE_ACCOUNTS = "manage_accounts"
    READ_FULL_LOG = "read_full_log"
    DESTROY_DOSSIER = "destroy_dossier"
    REVIEW_RETENTION = "review_retention"
    BACKUP = "backup"
    CHANGE_SETTINGS = "change_settings"
    VIEW_OVERVIEW = "view_overview"  # the coordinator's overview and its exports


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.MEDEWERKER: frozenset({Permission.WORK_ON_DOSSIERS}),
    Role.COORDINATOR: frozenset(
        {Permission.WORK_ON_DOSSIERS, Permission.MANAGE_TEAM, Permission.VIEW_OVERVIEW}
    ),
    Role.BEHEERDER: frozenset(Permission),
}


class PermissionDenied(Exception):
    def __init__(self, permission: Permission) -> None:
        super().__init__(permission.value)
        self.permission = permission


@dataclass(frozen=True)
class Actor:
    """Who is logged in: what every logged action and permission check is about."""

    account_id: uuid.UUID
    login: str
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def require(actor: Actor, permission: Permission) -> None:
    if not actor.may(permission):
        raise PermissionDenied(permission)


class AccessAction(enum.StrEnum):
    LOGIN = "login"
    OPEN = "open"
    CHANGE = "change"
    PRINT = "print"
    EXPORT = "export"
    DESTROY = "destroy"
    BACKUP = "backup"
    RESTORE = "restore"
    ACCOUNT = "account"
    LOGIN_FAILED = "login_failed"  # a wrong password, moved in from the file at the next login
