#!/usr/bin/env bash
# Installs and starts what the full test run talks to, on a Debian machine where we are root:
#   - PostgreSQL (Debian's postgresql), with a culturebot role and a culturebot_test database;
#   - Chromium, for the Agents Playground's browser mode and card pictures;
#   - the peer tools' npm packages (../shared/tools selftest installs its pinned cache).
# Idempotent: safe to run again. Prints the export line for CULTUREBOT_TEST_POSTGRES at the end.
set -euo pipefail
# Everything but the final export line goes to stderr, so that `eval "$(scripts/test-deps.sh)"` works.
# No process started here may keep our stdout: PostgreSQL is a daemon, and a daemon holding the
# command substitution's pipe would make the caller wait forever. So the work runs with stdout
# pointed at stderr, and only the last line is written to the real stdout.
# Runs a command with every descriptor above 2 closed: a daemon it starts (PostgreSQL, also from apt's
# post-install) must not keep a pipe of whoever called this script, or that caller waits for it forever.
without_inherited_fds() {
  (
    for fd in /proc/self/fd/*; do
      n=${fd##*/}
      if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

install_and_start() {

  need_apt=()
  command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
  # A calendar library we did not write reads our .ics invitations back (Debian's Python, not pyenv's).
  /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need_apt+=(python3-icalendar)
  if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "test-deps: need root to apt-get install ${need_apt[*]}" >&2
      exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    without_inherited_fds apt-get install -y -qq "${need_apt[@]}" </dev/null >/tmp/culturebot-apt.log 2>&1 \
      || { cat /tmp/culturebot-apt.log; exit 1; }
  fi

  # PostgreSQL: start the distribution's cluster (it runs as the postgres user) and make our role.
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  # The server is a daemon: it must not inherit our stderr either (CI's log would wait for it).
  without_inherited_fds pg_ctlcluster "$version" main start </dev/null >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 && break
    sleep 1
  done
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
  as_postgres psql -q -v ON_ERROR_STOP=1 -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'culturebot') THEN
        CREATE ROLE culturebot LOGIN PASSWORD 'culturebot' CREATEDB;
      END IF;
    END \$\$;"
  as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'culturebot_test'" | grep -q 1 \
    || as_postgres createdb -O culturebot culturebot_test

  # The peer tools, when they sit beside the repository.
  tools="${CULTUREBOT_PEER_TOOLS:-$(dirname "$0")/../../shared/tools}"
  if [ -x "$tools/selftest" ]; then
    "$tools/selftest" --only usage >/dev/null
  fi
}
install_and_start </dev/null 1>&2

echo "export CULTUREBOT_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=culturebot;Password=culturebot;Database=culturebot_test'"
