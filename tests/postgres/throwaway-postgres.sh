#!/usr/bin/env bash
# throwaway-postgres.sh start: initdb a scratch cluster in a temporary folder, start it on 127.0.0.1 and print
# an admin URL (postgresql://postgres@127.0.0.1:PORT/postgres); tests create and drop their own databases there.
# throwaway-postgres.sh stop: stop it and remove the folder. Exits 1 without output when PostgreSQL is not installed.
set -euo pipefail

state_file=${QINGTING_PG_STATE:-/tmp/qingting-test-postgres.state}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case ${1:-} in
start)
    [[ -n $bindir && -x $bindir/initdb ]] || exit 1
    if [[ -f $state_file ]]; then "$0" stop || true; fi
    dir=$(mktemp -d /tmp/qingting-pg.XXXXXX)
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    port=""
    for candidate in $(seq 55432 55531); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [[ -n $port ]] || { echo "no free port for PostgreSQL" >&2; exit 1; }
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    printf '%s\n%s\n' "$dir" "$port" >"$state_file"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    [[ -f $state_file ]] || exit 0
    dir=$(sed -n 1p "$state_file")
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state_file"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
