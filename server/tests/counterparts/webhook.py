"""A webhook receiver for the delivery tests that checks Standard Webhooks signatures on its
own (Python's hmac and base64; nothing of the server's code).

POST on 127.0.0.1:PORT: verifies webhook-signature ("v1,<base64 HMAC-SHA256 of
id.timestamp.body>" with the key the whsec_ secret encodes) and the timestamp (within five
minutes); a verified delivery is appended to OUT/received.log as "ID SHA256-OF-BODY", a bad
one to OUT/rejected.log and answered 401. A multipart/form-data body (attachments = "inline")
is taken apart with Python's email parser: every attachment the "application" part lists must
come as the part named by its id with its size and SHA-256; each is appended to OUT/parts.log
as "ID ATTACHMENT-ID SHA256", a missing or wrong one to OUT/invalid.log (answered 400).
Faults, counted over requests:
  --fail STATUS:N    answers the first N with STATUS (not recorded)
  --hang N:SECONDS   waits SECONDS before answering the first N (not recorded: the sender gave up)
  --delay SECONDS    records, then answers 200 after SECONDS (a slow receiver)
Prints "listening" once it accepts connections.
"""
import argparse
import base64
import email.parser
import email.policy
import json
import hashlib
import hmac
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(key, headers, body):
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature", "")
    if not msg_id or not timestamp or abs(time.time() - int(timestamp)) > 300:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        part.startswith("v1,") and hmac.compare_digest(part[3:], expected) for part in signatures.split(" ")
    )


def check_parts(content_type, body):
    """The attachments of a multipart body: (parts, problems) as lines for the logs."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    parts = {}
    for part in message.iter_parts():
        parts[part.get_param("name", header="content-disposition")] = part.get_payload(decode=True)
    document = json.loads(parts.pop("application"))
    found, problems = [], []
    for attachment in document.get("attachments", []):
        data = parts.pop(attachment["id"], None)
        digest = hashlib.sha256(data).hexdigest() if data is not None else "-"
        if data is None or digest != attachment["sha256"] or len(data) != attachment["size"]:
            problems.append(f"{attachment['id']} {digest}")
        else:
            found.append(f"{attachment['id']} {digest}")
    problems.extend(f"{name} unlisted" for name in parts)
    return found, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--fail", default="200:0")
    parser.add_argument("--hang", default="0:0")
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    key = base64.b64decode(args.secret.removeprefix("whsec_"))
    fail_status, fail_times = (int(x) for x in args.fail.split(":"))
    hang_times, hang_seconds = args.hang.split(":")
    hang_times, hang_seconds = int(hang_times), float(hang_seconds)
    lock = threading.Lock()
    count = [0]

    def log(name, line):
        with lock, open(os.path.join(args.out, name), "a") as file:
            file.write(line + "\n")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            with lock:
                count[0] += 1
                n = count[0]
            if not verify(key, self.headers, body):
                log("rejected.log", self.headers.get("webhook-id", "-"))
                return self.answer(401)
            if n <= hang_times:
                time.sleep(hang_seconds)
                return self.answer(504)
            if n <= fail_times:
                return self.answer(fail_status)
            content_type = self.headers.get("content-type", "")
            if content_type.startswith("multipart/form-data"):
                found, problems = check_parts(content_type, body)
                for line in problems:
                    log("invalid.log", f"{self.headers['webhook-id']} {line}")
                if problems:
                    return self.answer(400)
                for line in found:
                    log("parts.log", f"{self.headers['webhook-id']} {line}")
            log("received.log", f"{self.headers['webhook-id']} {hashlib.sha256(body).hexdigest()}")
            time.sleep(args.delay)
            self.answer(200)

        def answer(self, status):
            try:
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()
            except OSError:
                pass

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("listening", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
