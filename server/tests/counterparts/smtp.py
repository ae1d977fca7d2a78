"""A real SMTP server for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd).

Listens on 127.0.0.1:PORT and writes every accepted message to OUT/NNNN.eml (written to a
temporary name and renamed). Faults, counted over DATA commands:
  --refuse CODE:N  answers the first N with CODE (e.g. 451 or 554)
  --close N        drops the connection after the first N messages' data, before any answer
  --auth USER:PASS requires AUTH (PLAIN or LOGIN) with these credentials
  --tls MODE       "starttls" (required before MAIL and AUTH) or "tls" (TLS from the first
                   byte), with --cert CERT.pem --key KEY.pem
Prints "listening" once it accepts connections; stops on SIGTERM.
"""
import argparse
import os
import signal
import ssl
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
    parser.add_argument("--tls", choices=["starttls", "tls"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    code, times = args.refuse.split(":")
    os.makedirs(args.out, exist_ok=True)
    handler = Handler(args.out, (int(code), int(times)), args.close)
    options = {}
    if args.auth:
        user, password = args.auth.encode().split(b":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login == user and data.password == password
            # handled=False: aiosmtpd answers a failure with 535 itself.
            return AuthResult(success=ok, handled=False)

        # The server refuses mail without AUTH; over plain text only when the test runs no TLS.
        options = {
            "auth_required": True,
            # aiosmtpd counts only STARTTLS as encryption; with "tls" every byte is encrypted anyway.
            "auth_require_tls": args.tls == "starttls",
            "authenticator": authenticator,
            "auth_exclude_mechanism": ["LOGIN"],
        }
    extra = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            extra["ssl_context"] = context
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=args.port,
        data_size_limit=64 * 1024 * 1024,
        server_kwargs=options,
        **extra,
    )
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
