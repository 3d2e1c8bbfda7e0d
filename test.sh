#!/usr/bin/env bash
# The test command (README, CI): ./test.sh [dotnet test options...]
#
# 1. Installs what the tests need when it is missing, from Debian's packages: chromium and chromium-driver
#    (browser tests) and postgresql (the server database every database test also runs on).
# 2. Starts a throwaway PostgreSQL cluster: its own data directory (mktemp), a free loopback port, trust
#    authentication on 127.0.0.1 only, run as the `postgres` user when this script runs as root (CI does;
#    PostgreSQL refuses to run as root). Its connection string is exported as WAREHOUSE_POSTGRES, and the
#    PostgreSQL bin directory as WAREHOUSE_POSTGRES_BIN (the read-replica test makes a streaming replica of the
#    cluster with its pg_basebackup and pg_ctl, and stops it itself).
# 3. Runs `dotnet test Warehouse.sln "$@"` and exits with its status.
# 4. Stops the cluster and deletes its directory whatever happens (trap on EXIT, also after Ctrl-C).
#
# Plain `dotnet test` still works without PostgreSQL or Chromium: those tests are then reported as skipped.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "test.sh: $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
command -v chromium >/dev/null || missing+=(chromium chromium-driver)
bin="$(pg_bin)"
[ -n "$bin" ] && [ -x "$bin/initdb" ] || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing ${missing[*]}: run as root to install them (apt-get install ${missing[*]}); their tests are skipped"
  fi
  bin="$(pg_bin)"
fi

cluster=""
started=""
stop_cluster() {
  if [ -n "$started" ]; then
    as_pg "$bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -n "$cluster" ] && rm -rf "$cluster"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL refuses to run as root; as root, run it as the `postgres` user the package creates.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nobody listens on now (bash's /dev/tcp connects when someone does).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then
  cluster="$(mktemp -d "${TMPDIR:-/tmp}/warehouse-pg.XXXXXX")"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$cluster"
  if as_pg "$bin/initdb" -D "$cluster/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1; then
    # Loopback only, trust for 127.0.0.1 (initdb -A trust), socket in the cluster's own directory; durability
    # off (fsync, synchronous_commit): the cluster lives for one run and speed is what matters here.
    for attempt in 1 2 3; do
      port="$(free_port)" || break
      if as_pg "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
        started=1
        break
      fi
    done
  fi
  if [ -n "$started" ]; then
    export WAREHOUSE_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    export WAREHOUSE_POSTGRES_BIN="$bin"
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $cluster, removed at exit)"
  else
    say "PostgreSQL could not be started; see below. Its tests are skipped."
    cat "$cluster"/*.log >&2 2>/dev/null || true
  fi
fi

dotnet test Warehouse.sln "$@"
