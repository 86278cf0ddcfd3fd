"""200 concurrent quote submissions against gunicorn on PostgreSQL.

    .venv/bin/python bench/quote_load.py [--patients 200] [--workers 4] [--db saisei_quotebench]

Creates (or empties) its own database, migrates it, adds two fictional benchmark clinics with
one staff member each and N signed-in patients, starts gunicorn on a free 127.0.0.1 port,
then every patient, all at once (one thread each), loads the request form, submits it, submits
it *again with the same idempotency key* (a retry after a lost response), and consents.
Afterwards it checks, in the database: no HTTP error, exactly N requests, 2N recipients,
2N queued e-mails (one per clinic and request) and exactly one `deliver` task per e-mail.
It prints the median and p95 latency of each step and writes bench/out/quote-load.md.

Only 127.0.0.1 is contacted; each HTTP call times out after 60 s and the run after 10 min.
"""

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import Cookie, CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_database(name: str) -> str:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def django_setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saisei.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare(patients: int) -> list[str]:
    """Clinics, staff and patients; returns one session key per patient."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from saisei.accounts.models import ClinicMembership, PatientProfile
    from saisei.registry.models import Facility

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    for n in (1, 2):
        facility = Facility.objects.create(
            external_id=f"BENCH-F{n}",
            slug=f"bench-clinic-{n}",
            name_ja=f"ベンチ用クリニック{n}（架空）",
            name_romaji=f"Benchmark Clinic {n} (fictional)",
            listed=True,
            is_demo=True,
        )
        staff = User.objects.create_user(f"bench-staff-{n}", f"staff{n}@bench.invalid")
        ClinicMembership.objects.create(user=staff, facility=facility)
    users = User.objects.bulk_create(
        [User(username=f"p{i}", email=f"p{i}@bench.invalid") for i in range(patients)]
    )
    PatientProfile.objects.bulk_create([PatientProfile(user=u) for u in users])
    keys = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        assert session.session_key is not None
        keys.append(session.session_key)
    return keys


def cookie(name: str, value: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False,
        None, None, {},
    )  # fmt: skip


class Patient:
    def __init__(self, base: str, session_key: str):
        self.base = base
        self.jar = CookieJar()
        self.jar.set_cookie(cookie("sessionid", session_key))
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=TIMEOUT) as r:
            return r.read().decode()

    def post(self, path: str, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path, body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=TIMEOUT) as r:
                return r.status, r.headers.get("Location", "")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def submit(base: str, key: str) -> dict:
    p = Patient(base, key)
    times = {}
    start = time.perf_counter()
    page = p.get("/quotes/new/?c=bench-clinic-1&c=bench-clinic-2")
    times["form"] = time.perf_counter() - start
    token = TOKEN.search(page)
    assert token, "no CSRF token in the form"
    data = {
        "csrfmiddlewaretoken": token.group(1),
        "idempotency_key": str(uuid.uuid4()),
        "clinics": ["bench-clinic-1", "bench-clinic-2"],
        "knees": "both",
        "imaging": "mri",
        "age_range": "45_59",
        "nationality": "SG",
        "language": "en",
        "budget_currency": "SGD",
        "questions": ["evidence", "complications"],
    }
    start = time.perf_counter()
    status, location = p.post("/quotes/new/", data)
    times["submit"] = time.perf_counter() - start
    start = time.perf_counter()
    status2, location2 = p.post("/quotes/new/", data)  # the retry
    times["retry"] = time.perf_counter() - start
    start = time.perf_counter()
    status3, _location = p.post(location, {"csrfmiddlewaretoken": token.group(1), "agree": "on"})
    times["consent"] = time.perf_counter() - start
    return {
        "ok": (status, status2, status3) == (302, 302, 302) and location == location2,
        "statuses": (status, status2, status3),
        "times": times,
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def verify(patients: int) -> dict[str, int]:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from saisei.outbox.models import OutboundEmail
    from saisei.quotes.models import QuoteRequest, Recipient

    mails = set(OutboundEmail.objects.values_list("pk", flat=True))
    tasks = [
        t.args_kwargs["args"][0]
        for t in DBTaskResult.objects.filter(task_path="saisei.outbox.tasks.deliver")
    ]
    return {
        "requests": QuoteRequest.objects.filter(status="open").count(),
        "requests_total": QuoteRequest.objects.count(),
        "duplicate_keys": QuoteRequest.objects.values("idempotency_key")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
        "recipients": Recipient.objects.filter(status="sent").count(),
        "emails": len(mails),
        "deliver_tasks": len(tasks),
        "emails_with_exactly_one_task": sum(1 for pk in mails if tasks.count(pk) == 1),
        "expected_requests": patients,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker")
    parser.add_argument("--db", default="saisei_quotebench")
    args = parser.parse_args()
    assert 1 <= args.patients <= 1000, "bounded: at most 1000 patients"

    url = create_database(args.db)
    django_setup(url)
    keys = prepare(args.patients)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECURE_COOKIES": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DB_CONN_MAX_AGE": "0",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "saisei.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(keys)) as pool:
            results = list(pool.map(lambda k: submit(base, k), keys, timeout=600))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    failures = [r for r in results if not r["ok"]]
    counts = verify(args.patients)
    lines = [
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Commit: {subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True, cwd=ROOT).stdout.strip()}",  # noqa: E501
        f"- Machine: {os.cpu_count()} CPUs, {platform.machine()}, {platform.platform()}",
        f"- Server: gunicorn, {args.workers} workers x {args.threads} threads, PostgreSQL",
        f"- Patients submitting at once: {args.patients}; wall time {wall:.1f} s",
        f"- HTTP errors or unexpected answers: {len(failures)}",
        "",
        "| Step | median | p95 | max |",
        "|---|---:|---:|---:|",
    ]
    for step in ("form", "submit", "retry", "consent"):
        values = [r["times"][step] * 1000 for r in results]
        lines.append(
            f"| {step} | {statistics.median(values):.0f} ms | {percentile(values, 0.95):.0f} ms"
            f" | {max(values):.0f} ms |"
        )
    lines += ["", "| Check | value |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in counts.items()]
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench/out"
    out.mkdir(exist_ok=True)
    (out / "quote-load.md").write_text(report + "\n")
    n = args.patients
    good = (
        not failures
        and counts["requests"] == counts["requests_total"] == n
        and counts["duplicate_keys"] == 0
        and counts["recipients"] == 2 * n
        and counts["emails"] == counts["deliver_tasks"] == 2 * n
        and counts["emails_with_exactly_one_task"] == 2 * n
    )
    print("OK" if good else f"FAILED: {failures[:3]}")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
