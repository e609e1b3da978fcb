#!/usr/bin/env bash
# The whole test suite. SQLite always; PostgreSQL too when 127.0.0.1:5432 answers, and
# always when CI=true. Installs the Debian packages the tests need when run as root and they
# are missing; otherwise says exactly what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

# --- system packages -------------------------------------------------------------------
missing=()
command -v hledger >/dev/null 2>&1 || missing+=(hledger)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg -s fonts-thai-tlwg >/dev/null 2>&1 || missing+=(fonts-thai-tlwg)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# --- PostgreSQL ------------------------------------------------------------------------
pg_answers() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_answers && [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
fi
run_pg=false
if pg_answers; then
  run_pg=true
elif [ "${CI:-}" = true ]; then
  echo "CI=true but PostgreSQL does not answer on 127.0.0.1:5432" >&2
  exit 1
else
  say "PostgreSQL does not answer on 127.0.0.1:5432: running the SQLite suite only"
fi

# --- the suites ------------------------------------------------------------------------
export RUST_BACKTRACE=${RUST_BACKTRACE:-1}
say "SQLite: unit and integration tests"
cargo test --all-targets

if $run_pg; then
  say "PostgreSQL: unit and integration tests (--features postgres)"
  TOURDESK_TEST_PG_URL=${TOURDESK_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432} \
    cargo test --all-targets --features postgres
fi
say "all suites passed"
