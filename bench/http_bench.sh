#!/usr/bin/env bash
# Server-side throughput and latency of a few pages, measured with wrk against gunicorn on
# PostgreSQL with the registry scaled x100 (bench/scale_registry.py). See bench/README.md.
#
#   bench/http_bench.sh                  # every step, results in bench/out/http-results.md
#   SKIP="generate import" bench/http_bench.sh
#   DURATION=5s BENCH_PATHS="/healthz" bench/http_bench.sh
#
# Steps (each one idempotent; name any of them in SKIP to skip it):
#   db        create the PostgreSQL database if missing
#   migrate   manage.py migrate
#   generate  bench/scale_registry.py, if the scaled CSV files are missing
#   import    manage.py import_registry, unless the Plan count already matches
#   rates     manage.py import_rates, if the rates files exist
#   static    manage.py collectstatic
#   wrk       apt-get install wrk, if missing
# then: start gunicorn, wait for /healthz, run wrk on every path, stop gunicorn.
# Only 127.0.0.1 is contacted, and every wrk run has a fixed duration.
set -euo pipefail

# --- What to measure. /healthz must come first: it is the baseline of the ratio column.
# {slug} is replaced by the slug of the first facility (by pk) with two plans or more.
# The filter parameter names follow the clinic directory's form; update them if it changes.
DEFAULT_PATHS=(
    "/healthz"
    "/clinics/?region=kanto&kind=stem_cells"
    "/clinics/?kind=stem_cells&cultured=on&sort=price"
    "/clinics/?q=prp&prefecture=tokyo"
    "/clinics/{slug}/"
)
if [[ -n "${BENCH_PATHS:-}" ]]; then
    read -r -a PATHS <<<"$BENCH_PATHS"
else
    PATHS=("${DEFAULT_PATHS[@]}")
fi

# --- How to measure (override any of these from the environment).
DB_NAME=${DB_NAME:-saisei_bench}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
FACTOR=${FACTOR:-100}
DATA_DIR=${DATA_DIR:-bench/out/x$FACTOR}
RATES_FILES=(data/rates/eurofxref.csv data/rates/supplementary.csv)
PORT=${PORT:-8765}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-2}
DURATION=${DURATION:-15s}
SKIP=${SKIP:-}
OUT=${OUT:-bench/out/http-results.md}

cd "$(dirname "$0")/.."
PY=.venv/bin/python
BASE="http://127.0.0.1:$PORT"
mkdir -p bench/out "$(dirname "$OUT")"

# The production-like environment of every manage.py command and of gunicorn.
unset DEBUG
export DATABASE_URL="postgres://$PG_USER@$PG_HOST:$PG_PORT/$DB_NAME"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_COOKIES=0

say() { printf '\n== %s\n' "$*"; }
skipped() {
    if [[ " $SKIP " == *" $1 "* ]]; then
        say "$1: skipped (SKIP)"
        return 0
    fi
    return 1
}
django() { "$PY" manage.py "$@"; }
django_print() { "$PY" manage.py shell --no-imports -c "$1" | tail -n 1; }

# --- db
if ! skipped db; then
    say "db: PostgreSQL database $DB_NAME on $PG_HOST:$PG_PORT"
    exists=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
    if [[ "$exists" == 1 ]]; then
        echo "exists"
    else
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "CREATE DATABASE $DB_NAME"
    fi
fi

# --- migrate
if ! skipped migrate; then
    say "migrate"
    django migrate --noinput
fi

# --- generate
if ! skipped generate; then
    say "generate: $DATA_DIR (x$FACTOR)"
    if [[ -s "$DATA_DIR/plans.csv" && -s "$DATA_DIR/prices.csv" ]]; then
        echo "present"
    else
        "$PY" bench/scale_registry.py --factor "$FACTOR" --out "$DATA_DIR"
    fi
fi

# --- import
if ! skipped import; then
    expected=$("$PY" -c 'import csv, sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))))' "$DATA_DIR/plans.csv")
    current=$(django_print "from saisei.registry.models import Plan; print(Plan.objects.count())")
    say "import: $current plans in the database, $expected in $DATA_DIR/plans.csv"
    if [[ "$current" == "$expected" ]]; then
        echo "counts match"
    else
        started=$(date +%s)
        django import_registry "$DATA_DIR/plans.csv" "$DATA_DIR/prices.csv"
        echo "imported in $(($(date +%s) - started)) s"
    fi
fi

# --- rates
if ! skipped rates; then
    if [[ -f "${RATES_FILES[0]}" ]]; then
        say "rates: ${RATES_FILES[*]}"
        django import_rates "${RATES_FILES[@]}"
    else
        say "rates: ${RATES_FILES[0]} not found, not imported"
    fi
fi

# --- static
if ! skipped static; then
    say "static: collectstatic"
    django collectstatic --noinput --verbosity 0
fi

# --- wrk
if ! skipped wrk && ! command -v wrk >/dev/null; then
    say "wrk: installing Debian's package"
    apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
fi
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }

# --- the pages' parameters
slug=""
for path in "${PATHS[@]}"; do
    if [[ "$path" == *"{slug}"* ]]; then
        slug=$(django_print "from saisei.registry.models import Facility; f = Facility.objects.filter(plan_count__gte=2).order_by('pk').first(); print(f.slug if f else '')")
        if [[ -z "$slug" ]]; then
            echo "no facility with two plans or more: import the data first" >&2
            exit 1
        fi
        say "clinic page: slug $slug"
        break
    fi
done

# --- gunicorn
say "gunicorn: $WORKERS workers on $BASE"
if curl -s -o /dev/null "$BASE/healthz"; then
    echo "something already answers on port $PORT; stop it or set PORT" >&2
    exit 1
fi
.venv/bin/gunicorn saisei.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    >bench/out/gunicorn.log 2>&1 &
gunicorn_pid=$!
stop_gunicorn() {
    if kill -0 "$gunicorn_pid" 2>/dev/null; then
        echo "stopping gunicorn ($gunicorn_pid)"
        kill "$gunicorn_pid"
        wait "$gunicorn_pid" 2>/dev/null || true
    fi
}
trap stop_gunicorn EXIT
for _ in $(seq 1 60); do
    if curl -fs -o /dev/null "$BASE/healthz"; then
        break
    fi
    if ! kill -0 "$gunicorn_pid" 2>/dev/null; then
        echo "gunicorn exited; see bench/out/gunicorn.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fs -o /dev/null "$BASE/healthz" || {
    echo "no 200 from /healthz after 30 s; see bench/out/gunicorn.log" >&2
    exit 1
}
echo "healthz answers"

# --- wrk runs
rows=()
baseline=""
for path in "${PATHS[@]}"; do
    path=${path//\{slug\}/$slug}
    url="$BASE$path"
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    say "wrk $path (HTTP $status): -t$THREADS -c$CONNECTIONS -d$DURATION"
    if [[ "$status" != 200 ]]; then
        echo "warning: $path answers $status, not 200; measured anyway, flagged in the table" >&2
    fi
    log="bench/out/wrk-$(echo "$path" | tr -c 'A-Za-z0-9_-' '_').txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" | tee "$log"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$log")
    p50=$(awk '$1 == "50%" {print $2}' "$log")
    p90=$(awk '$1 == "90%" {print $2}' "$log")
    p99=$(awk '$1 == "99%" {print $2}' "$log")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$log")
    errors=$(awk '/Socket errors:/ {print}' "$log" | sed 's/^ *Socket errors: *//')
    [[ -n "$baseline" ]] || baseline=$rps
    ratio=$(awk -v r="$rps" -v b="$baseline" 'BEGIN { if (b > 0) printf "%.3f", r / b; else print "n/a" }')
    notes="HTTP $status"
    [[ -z "$non2xx" ]] || notes="$notes; non-2xx/3xx: $non2xx"
    [[ -z "$errors" ]] || notes="$notes; socket errors: $errors"
    rows+=("| \`$path\` | $rps | $p50 | $p90 | $p99 | $ratio | $notes |")
done

stop_gunicorn
trap - EXIT

# --- results
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
commit=${GIT_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
pg_version=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB_NAME" -Atc 'SHOW server_version')
plans=$(django_print "from saisei.registry.models import Plan; print(Plan.objects.count())")
facilities=$(django_print "from saisei.registry.models import Facility; print(Facility.objects.count())")
{
    echo "<!-- written by bench/http_bench.sh -->"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Commit: $commit"
    echo "- Machine: $(nproc) CPUs ($cpu), $mem memory, $(uname -sr)"
    echo "- Software: $("$PY" -V), PostgreSQL $pg_version, $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
    echo "- Server: gunicorn, $WORKERS sync workers, DEBUG off, on the same machine as wrk"
    echo "- Data: $plans plans, $facilities facilities ($DATA_DIR, x$FACTOR)"
    echo "- Load: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\` per path, one after the other"
    echo
    echo "| Path | Req/s | p50 | p90 | p99 | Req/s ÷ /healthz | Notes |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
} >"$OUT"
say "results: $OUT"
cat "$OUT"
