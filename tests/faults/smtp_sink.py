"""A local SMTP server for the fault tests: it keeps every message it accepts and can refuse or go down.

It listens on 127.0.0.1 on a port of its own (free, so that parallel test processes do not meet), accepts
every message and records one `Received` per recipient. `refuse(address)` makes it answer 550 to that
recipient (the mail server of a full or unknown mailbox); `down()` closes the port (connection refused,
as when the mail server is away) and `up()` opens the same port again.
"""

import email
import logging
import socket
import threading
from collections import Counter
from dataclasses import dataclass
from email import policy

from aiosmtpd.controller import Controller

# aiosmtpd logs every SMTP command at INFO; the tests count the messages themselves.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Received:
    recipient: str
    subject: str
    message_id: str
    body: str


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address.lower() in self.sink.refused:
            self.sink.refusals += 1
            return "550 5.1.1 Mailbox unavailable (refused by the fault test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        text = body.get_content() if body is not None else ""
        with self.sink.lock:
            for recipient in envelope.rcpt_tos:
                self.sink.messages.append(
                    Received(recipient.lower(), str(message["Subject"] or ""), str(message["Message-ID"] or ""), text)
                )
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.messages: list[Received] = []
        self.refused: set[str] = set()
        self.refusals = 0
        self.lock = threading.Lock()
        self._controller: Controller | None = None

    @property
    def is_up(self) -> bool:
        return self._controller is not None

    def up(self) -> None:
        if self._controller is None:
            self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=10)
            self._controller.start()

    def down(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse(self, *addresses: str) -> None:
        self.refused.update(address.lower() for address in addresses)

    def accept_all(self) -> None:
        self.refused.clear()

    def received(self) -> list[Received]:
        with self.lock:
            return list(self.messages)

    def count(self, *, subject_contains: str = "") -> Counter:
        """How many messages each (recipient, subject) got, of those whose subject contains the given text."""
        return Counter((m.recipient, m.subject) for m in self.received() if subject_contains in m.subject)
