"""Started by tests/desktop/test_key_epochs: switch an account off, and die at one step of the
key change that follows (``os._exit``, as abrupt as a power cut: nothing is flushed or
closed). One run per (database, step): forked from this process once everything is imported,
so each costs milliseconds, not a Python start. Prints one exit code per run: 9 means it died
where it was told to, 0 that it got through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop import epochs
from desktop.lock import hold_for_rewrite
from desktop.session import unlock
from desktop.usecases.accounts import deactivate_account, list_accounts
from tests.helpers import TEST_LOGIN, TEST_PASSWORD

DIED = 9


def run(db: str, login: str, where: str) -> int:
    def step(name: str) -> None:
        if name == where:
            os._exit(DIED)

    epochs.step = step
    unlocked = unlock(Path(db), TEST_LOGIN, TEST_PASSWORD, hold=hold_for_rewrite)
    account = next(a.id for a in list_accounts(unlocked) if a.login == login)
    deactivate_account(unlocked, account)
    unlocked.close()
    return 0


def run_apart(db: str, login: str, where: str) -> int:
    if not hasattr(os, "fork"):  # Windows: a process of its own
        command = [sys.executable, "-m", "tests.desktop.rekey_killed", login, db, where]
        return subprocess.run(command, check=False).returncode
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(run(db, login, where))
        except BaseException:  # noqa: BLE001  (reported by its exit code)
            os._exit(1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


if __name__ == "__main__":
    login, *pairs = sys.argv[1:]
    if len(pairs) == 2:  # one run, in this process
        sys.exit(run(pairs[0], login, pairs[1]))
    for db, where in zip(pairs[::2], pairs[1::2], strict=True):
        print(run_apart(db, login, where), flush=True)  # noqa: T201  (the parent reads it)
