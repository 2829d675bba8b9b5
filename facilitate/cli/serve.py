"""`facilitate serve SESSION`: the room's phones, the projector page and the controls.

The server listens on ``--host`` (all of this computer's networks by default) and prints
where phones reach it, the join code and a QR code of the joining address, so it can be read
off the terminal or the projector page. Ctrl-C stops it; every confirmed entry is on disk.
"""

from __future__ import annotations

import socket
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import warn
from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.i18n.messages import message

if TYPE_CHECKING:
    from facilitate.web.room import WebRoom

DEFAULT_PORT = 8350
ALL_INTERFACES = "0.0.0.0"


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses on its networks (no packet is sent to find them)."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # a documentation address: only the route is looked up
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found += [str(info[4][0]) for info in infos]
    return [a for a in dict.fromkeys(found) if not a.startswith("127.")]


def url_host(address: str) -> str:
    """``address`` as a URL names it: an IPv6 literal in brackets (``[::1]``)."""
    bare = address.strip("[]")
    return f"[{bare}]" if ":" in bare else bare


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (UsageError in one line when it cannot be)."""
    host = host.strip("[]")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        detail = error.strerror or str(error)
        raise UsageError(message("serve.err.port", host=host, port=port, detail=detail)) from None
    sock.set_inheritable(True)
    return sock


def serve(
    ctx: typer.Context,
    session: Annotated[
        str, typer.Argument(metavar="SESSION", help=t("sessions.arg.id"), show_default=False)
    ],
    port: Annotated[int, typer.Option("--port", help=t("serve.opt.port"), min=1, max=65535)] = (
        DEFAULT_PORT
    ),
    host: Annotated[str, typer.Option("--host", help=t("serve.opt.host"))] = ALL_INTERFACES,
) -> None:
    import uvicorn

    from facilitate.web.app import create_app
    from facilitate.web.room import RoomConfig, WebRoom
    from facilitate.web.server import server_config

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    sock = listening_socket(host, port)
    addresses = lan_addresses() if host.strip("[]") in (ALL_INTERFACES, "::") else [host]
    base = f"http://{url_host(addresses[0] if addresses else host)}:{port}"
    config = RoomConfig(base_url=base, author=app_ctx.author_or())
    room = WebRoom(app_ctx.store(), app_ctx.methods(), session, config)
    warn(room.settings.warnings, app_ctx.translate)
    _announce(room, addresses, port, base)
    server = uvicorn.Server(server_config(create_app(room)))
    server.run(sockets=[sock])


def _announce(room: WebRoom, addresses: list[str], port: int, base: str) -> None:
    """Where phones join, the code and its QR code, the projector's and controls' addresses."""
    import segno

    console = out()

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    say(t("serve.started", title=room.settings.session.header.title))
    for address in addresses:
        say(f"  http://{url_host(address)}:{port}/")
    if not addresses:
        say(t("serve.no_address"))
    code = room.settings.access.code
    say(t("serve.code", code=code))
    sys.stdout.flush()
    segno.make(room.join_url, error="m").terminal(out=sys.stdout, compact=True)
    say(t("serve.screen", url=f"{base}/j/{code}?to=screen"))
    say(t("serve.admin", url=f"{base}/admin?key={room.settings.access.admin}"))
    say(t("serve.stop"))


def register(app: typer.Typer) -> None:
    """Add `facilitate serve`."""
    app.command("serve", help=t("serve.help"), epilog=t("serve.example"))(serve)
