"""Lost updates: how a write notices that another terminal got there first.

Two terminals may hold the same session: both resuming one draft, or editing one
session. Every write that builds on what was read checks, inside its own write
transaction, that the journal still holds what was read; when it does not, the
write is refused with one of these errors and the caller keeps what it was about
to write (a new draft, or a file it names) instead of dropping or overwriting it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from belonging_cli.errors import JournalError
from belonging_cli.records import Session

if TYPE_CHECKING:
    from belonging_cli.engine.session import Saved
    from belonging_cli.journal.store import Journal


class NotADraft(JournalError):
    """An answer or a completion for a draft that another terminal saved or discarded."""

    def __init__(self, session_id: str, status: str | None) -> None:
        self.session_id = session_id
        self.status = status  # None: the draft was deleted
        what = "discarded" if status is None else "already saved"
        super().__init__(f"session {session_id[:8]} was {what} in another terminal")


class SessionChanged(JournalError):
    """The session changed (or was deleted) in the journal since it was read."""

    def __init__(self, session_id: str, *, deleted: bool) -> None:
        self.session_id = session_id
        self.deleted = deleted
        what = "was deleted" if deleted else "changed in another terminal"
        super().__init__(f"session {session_id[:8]} {what} since you opened it")


def as_new_draft(session: Session) -> Session:
    """The same answers as a draft of their own, to keep when the original is gone."""
    import uuid  # rarely: off the imports of every command that opens the journal

    return dataclasses.replace(session, id=str(uuid.uuid4()), status="draft", completed_at=None)


class DraftRecorder:
    """Writes a draft answer by answer (creating it with the first), then completes it once.

    When another terminal saved or discarded the draft first, `keep` stores this
    terminal's answers as a new draft, so the refusal never loses them.
    """

    def __init__(
        self,
        journal: Journal,
        session: Session,
        *,
        exists: bool,
        zone: dt.tzinfo | None,
        resume: str,
    ) -> None:
        self.journal = journal
        self.session = session
        self.exists = exists
        self.zone = zone  # the user's (clock.user_now's): answers are timed in it
        self.resume = resume  # the command that resumes a kept draft

    def now(self) -> dt.datetime:
        from belonging_cli import clock

        return clock.now(self.zone)

    def save(self, saved: Saved) -> None:
        if not self.exists:
            self.journal.create_session(self.session)
            self.exists = True
        sid = self.session.id
        if saved.answer is not None:
            self.journal.save_answer(sid, saved.answer)
        if saved.rating is not None:
            self.journal.save_rating(sid, saved.rating)
        if saved.focus is not None:
            self.journal.update_session(sid, focus_behaviour_id=saved.focus)
        if saved.tags is not None:
            self.journal.update_session(sid, tags=saved.tags)

    def keep(self, answered: Session, gone: NotADraft) -> JournalError:
        """Store `answered` (every answer so far) as a new draft; the error to show."""
        draft = as_new_draft(answered)
        self.journal.create_session(draft)
        self.session, self.exists = draft, True
        what = "discarded" if gone.status is None else "already saved"
        return JournalError(
            f"This {self.noun} was {what} in another terminal; your answers are kept "
            f"as a new draft ({draft.id[:8]}): `{self.resume}` resumes it, "
            f"`belonging journal show {draft.id[:8]}` shows it"
        )

    @property
    def noun(self) -> str:
        return "exercise" if self.session.assignment_id else "reflection"
