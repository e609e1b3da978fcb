#!/usr/bin/env python3
"""Benchmark: what hostile input costs a tenant and the front door.

Runs the real binary (release build, or --bin PATH) on a temporary SQLite tenant and
measures, for each probe, the HTTP status, the wall time and the tenant's peak RSS (VmHWM):

  far-corner   a 1.5 KiB workbook: headers in A1:D1 and one cell at XFD1048576
  prefixed-1m  a million <x:c> cells, prefixed, in xl/worksheets/sheet1.xml
  elsewhere-1m the same stored at xl/s1.xml (the workbook's relationships name it)
  normal-2k    a sane sheet of 2,000 exchange rates, for comparison
  guesses      121 concurrent sign-ins on one account (120 wrong, 1 right): how many
               passwords were checked (401 + 303 answers)
  slowloris    1,100 connections to the launcher's front door sending one byte a second,
               with the open-file limit at 1,024: launcher log lines written in 12 s and
               whether a normal request is answered meanwhile (an unbounded log can fill
               the disk: run it where a few GB are free)

Prints a Markdown table for docs/benchmarks.md. Uses only the Python standard library.
"""

import argparse
import concurrent.futures
import http.cookiejar
import io
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workbook(sheet_path, prefix, rows):
    ns = "xmlns" if not prefix else "xmlns:" + prefix.rstrip(":")
    sheet = (
        f'<?xml version="1.0"?><{prefix}worksheet {ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<{prefix}sheetData>"
    ).encode() + rows + f"</{prefix}sheetData></{prefix}worksheet>".encode()
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    wb_rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/{sheet_path}"/></Relationships>'
    )
    wb = (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Rates" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        z.writestr(sheet_path, sheet)
    return out.getvalue()


def header(prefix):
    cells = "".join(
        f'<{prefix}c r="{r}" t="inlineStr"><{prefix}is><{prefix}t>{h}</{prefix}t></{prefix}is></{prefix}c>'
        for h, r in zip(["Date", "From", "To", "Rate"], ["A1", "B1", "C1", "D1"])
    )
    return f'<{prefix}row r="1">{cells}</{prefix}row>'.encode()


def probes():
    far = header("") + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    million = header("x:") + b"<x:row><x:c><x:v>1</x:v></x:c></x:row>" * 1_000_000
    normal = bytearray(header(""))
    for i in range(2000):
        r = i + 2
        day = f"2027-{1 + i // 250 % 12:02d}-{1 + i % 28:02d}"
        ccy = ["USD", "EUR", "CNY", "JPY", "KRW", "SGD", "VND", "GBP"][i % 8]
        normal += (
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{day}</t></is></c>'
            f'<c r="B{r}" t="inlineStr"><is><t>{ccy}</t></is></c>'
            f'<c r="C{r}" t="inlineStr"><is><t>THB</t></is></c><c r="D{r}"><v>{30 + i % 97 / 10}</v></c></row>'
        ).encode()
    return [
        ("far-corner", workbook("xl/worksheets/sheet1.xml", "", far)),
        ("prefixed-1m", workbook("xl/worksheets/sheet1.xml", "x:", million)),
        ("elsewhere-1m", workbook("xl/s1.xml", "x:", million)),
        ("normal-2k", workbook("xl/worksheets/sheet1.xml", "", bytes(normal))),
    ]


class Tenant:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.manifest = os.path.join(work, "tenants.toml")
        self.slug = "bench" + uuid.uuid4().hex[:6]
        self.port = free_port()
        self.run("tenant", "new", self.slug, "--name", "Bench", "--base-currency", "THB",
                 "--locale", "en", "--port", str(self.port))
        subprocess.run(
            [binary, "--manifest", self.manifest, "tenant", "user", "add", self.slug,
             "acc@bench.local", "--role", "accountant", "--password-stdin"],
            input=b"bench-password-1\n", check=True, capture_output=True)
        self.proc = None

    def run(self, *args):
        return subprocess.run([self.binary, "--manifest", self.manifest, *args],
                              check=True, capture_output=True)

    def start(self):
        env = dict(os.environ, TOURDESK_LOG="error")
        self.proc = subprocess.Popen([self.binary, "--manifest", self.manifest, "serve",
                                      "--tenant", self.slug], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            if self.request(self.opener()[0], "/healthz", timeout=1)[0] == 200:
                return
            time.sleep(0.05)
        raise RuntimeError("the tenant did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def alive(self):
        time.sleep(0.2)
        if self.proc.poll() is not None:
            return False
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                return f.read().split()[2] != "Z"
        except OSError:
            return False

    def peak_rss_mib(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def host(self):
        return f"{self.slug}.localhost:{self.port}"

    def opener(self):
        jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None

        return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar

    def request(self, opener, path, data=None, headers=None, timeout=600):
        headers = dict(headers or {}, Host=self.host())
        req = urllib.request.Request(self.url(path), data=data, headers=headers)
        try:
            res = opener.open(req, timeout=timeout)
            return res.status, res.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")
        except Exception as e:
            return 0, str(e)

    def csrf(self, opener, path):
        _, page = self.request(opener, path)
        m = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
        return m.group(1) if m else ""

    def sign_in(self, opener, password="bench-password-1"):
        token = self.csrf(opener, "/sign-in")
        body = urllib.parse.urlencode({"email": "acc@bench.local", "password": password,
                                       "csrf_token": token}).encode()
        return self.request(opener, "/sign-in", body)[0]


def upload(tenant, name, data):
    tenant.start()
    opener, _ = tenant.opener()
    assert tenant.sign_in(opener) == 303, "sign-in failed"
    token = tenant.csrf(opener, "/imports/rates")
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}.xlsx\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    started = time.monotonic()
    status, _ = tenant.request(opener, f"/imports/rates?csrf_token={token}", body,
                               {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    seconds = time.monotonic() - started
    row = (name, len(data), status, seconds, tenant.peak_rss_mib(), tenant.alive())
    tenant.stop()
    return row


def guesses(tenant):
    tenant.start()
    opener, _ = tenant.opener()
    token = tenant.csrf(opener, "/sign-in")

    def attempt(password):
        body = urllib.parse.urlencode({"email": "acc@bench.local", "password": password,
                                       "csrf_token": token}).encode()
        return tenant.request(opener, "/sign-in", body)[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=121) as pool:
        statuses = list(pool.map(attempt, ["wrong-guess"] * 120 + ["bench-password-1"]))
    tenant.stop()
    return sum(1 for s in statuses if s in (401, 303)), statuses.count(303)


def slowloris(binary, work):
    manifest = os.path.join(work, "door.toml")
    slug = "door" + uuid.uuid4().hex[:6]
    subprocess.run([binary, "--manifest", manifest, "tenant", "new", slug, "--name", "Door",
                    "--base-currency", "THB", "--locale", "en", "--port", str(free_port())],
                   check=True, capture_output=True)
    port = free_port()
    log_path = os.path.join(work, "launcher.log")

    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))

    with open(log_path, "wb") as log:
        launcher = subprocess.Popen([binary, "--manifest", manifest, "launch", "--listen",
                                     f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                                    stderr=log, preexec_fn=limit,
                                    env=dict(os.environ, TOURDESK_LOG="warn"))
    host = f"{slug}.localhost:{port}"

    def get():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
                return s.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            return False

    for _ in range(200):
        if get():
            break
        time.sleep(0.1)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    stop = threading.Event()
    sockets = []
    for _ in range(1100):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.sendall(b"G")
            sockets.append(s)
        except OSError:
            pass

    def trickle():
        while not stop.is_set():
            for s in list(sockets):
                try:
                    s.sendall(b"E")
                except OSError:
                    sockets.remove(s)
            time.sleep(1)

    opened = len(sockets)
    t = threading.Thread(target=trickle, daemon=True)
    t.start()
    size_before = os.path.getsize(log_path)
    started = time.monotonic()
    answered = None
    while time.monotonic() - started < 30:
        if get():
            answered = time.monotonic() - started
            break
    time.sleep(max(0, 12 - (time.monotonic() - started)))
    stop.set()
    for s in sockets:
        s.close()
    launcher.kill()
    launcher.wait()
    lines = 0
    with open(log_path, "rb") as log:
        log.seek(size_before)
        while chunk := log.read(1 << 20):
            lines += chunk.count(b"\n")
    return opened, lines, answered


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", help="the tourdesk binary (default: a fresh release build)")
    args = parser.parse_args()
    binary = args.bin
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "tourdesk")
    work = tempfile.mkdtemp(prefix="tourdesk-hostile-")
    try:
        tenant = Tenant(binary, work)
        print("| probe | file | status | time | tenant peak RSS | tenant alive |")
        print("|---|---|---|---|---|---|")
        for name, data in probes():
            name, size, status, seconds, rss, alive = upload(tenant, name, data)
            print(f"| {name} | {size / 1024:.1f} KiB | {status} | {seconds:.2f} s | {rss:.0f} MiB | {'yes' if alive else 'no'} |")
        checked, succeeded = guesses(tenant)
        print(f"\n121 concurrent sign-ins on one account: {checked} passwords checked, "
              f"{succeeded} signed in (limit 5).")
        opened, lines, answered = slowloris(binary, work)
        answered = "no answer within 30 s" if answered is None else f"answered in {answered:.2f} s"
        print(f"{opened} slow connections at 1,024 open files: {lines} launcher log lines in 12 s; "
              f"a normal request {answered}.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
