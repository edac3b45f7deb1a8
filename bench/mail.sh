#!/usr/bin/env bash
# The mail benchmarks (issue #13) on PostgreSQL: a mail with a 20 MB file to 3,000 staff, the gateway's outbox against
# a plain Jakarta Mail loop, and opening an inbox at 10 thousand and at 10 million stored mails. Starts the local
# PostgreSQL cluster if it is not running (and stops it again at the end), makes a throwaway database with an owner and
# an application role as .ci/run does, runs the benchmarks in the managed WildFly, prints the figures, drops the
# database and configures the provisioned server back for H2.
# Usage: bench/mail.sh [benchmarks=Mail*Bench] [rounds=3] [messages=1000000]
#   e.g. bench/mail.sh MailGatewayBench, or bench/mail.sh MailboxScaleBench 3 100000 for a smaller large state.
# Extra Maven options (ports of a server of one's own, say) go in BENCH_MAVEN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
benches=${1:-Mail*Bench}
rounds=${2:-3}
messages=${3:-1000000}

pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
started=no
if ! pg_ctlcluster "$pg_version" main status >/dev/null 2>&1; then
    pg_ctlcluster "$pg_version" main start
    started=yes
fi
owner_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
app_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
db=xietong_bench_$$
cleanup() {
    su postgres -c "psql -q -c 'drop database if exists $db' -c 'drop role if exists ${db}_app' \
        -c 'drop role if exists ${db}_owner'" || true
    ./mvnw -q -B install -pl server-config >/dev/null || true   # the provisioned server back on H2
    if [ "$started" = yes ]; then pg_ctlcluster "$pg_version" main stop; fi
}
trap cleanup EXIT
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
create role ${db}_owner login password '$owner_password';
create role ${db}_app login password '$app_password';
create database $db owner ${db}_owner;
\c $db
revoke all on database $db from public;
grant connect, temporary on database $db to ${db}_app;
grant usage, create on schema public to ${db}_app;
SQL

rm -f ear/target/bench-mail-*.txt
export XIETONG_DB_URL=jdbc:postgresql://localhost:5432/$db
export XIETONG_DB_OWNER=${db}_owner XIETONG_DB_OWNER_PASSWORD="$owner_password"
export XIETONG_DB_USER=${db}_app XIETONG_DB_PASSWORD="$app_password"
./mvnw -q -B install -DskipTests -Dxietong.db=postgresql >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other test servers may share them)"
# shellcheck disable=SC2086
./mvnw -q -B -Pbench-mail verify -pl ear -Dxietong.db=postgresql -Dit.test="$benches" -Dbench.rounds="$rounds" \
    -Dbench.messages="$messages" ${BENCH_MAVEN_OPTS:-} > ear/target/bench-mail.log 2>&1 \
    || { tail -50 ear/target/bench-mail.log; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in broadcast gateway inbox; do
    if [ -f "ear/target/bench-mail-$f.txt" ]; then
        echo "== $f"
        cat "ear/target/bench-mail-$f.txt"
    fi
done
