"""A real SMTP server for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd).

Listens on 127.0.0.1:PORT and writes every accepted message to OUT/NNNN.eml (written to a
temporary name and renamed). Faults, counted over DATA commands:
  --refuse CODE:N  answers the first N with CODE (e.g. 451 or 554)
  --close N        drops the connection after the first N messages' data, before any answer
  --auth USER:PASS requires AUTH (PLAIN or LOGIN) with these credentials
Prints "listening" once it accepts connections; stops on SIGTERM.
"""
import argparse
import os
import signal
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, out, refuse, close):
        self.out, self.refuse, self.close = out, refuse, close
        self.lock = threading.Lock()
        self.seen = 0
        self.stored = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.seen += 1
            seen = self.seen
        if seen <= self.close:
            server.transport.abort()
            return "421 closed by the test"
        code, times = self.refuse
        if seen <= times:
            return f"{code} refused by the test"
        with self.lock:
            self.stored += 1
            name = os.path.join(self.out, f"{self.stored:04d}.eml")
        with open(name + ".tmp", "wb") as file:
            file.write(envelope.original_content)
        os.rename(name + ".tmp", name)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--refuse", default="250:0")
    parser.add_argument("--close", type=int, default=0)
    parser.add_argument("--auth", default="")
    args = parser.parse_args()
    code, times = args.refuse.split(":")
    os.makedirs(args.out, exist_ok=True)
    handler = Handler(args.out, (int(code), int(times)), args.close)
    options = {}
    if args.auth:
        user, password = args.auth.encode().split(b":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login == user and data.password == password
            return AuthResult(success=ok)

        # Plain text only because the test has no certificate; the server refuses mail without AUTH.
        options = {
            "auth_required": True,
            "auth_require_tls": False,
            "authenticator": authenticator,
            "auth_exclude_mechanism": ["LOGIN"],
        }
    controller = Controller(
        handler, hostname="127.0.0.1", port=args.port, data_size_limit=64 * 1024 * 1024, server_kwargs=options
    )
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
