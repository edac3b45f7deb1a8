#!/usr/bin/env bash
# The backup benchmark (issue #15, E3/O2.2): a generated university (60 units, 3,000 staff, a year of flows, documents,
# mail, published announcements), then rounds of the weekly-backup job against a plain copy of the same bytes on the
# same disk, and the restore of each round's set into an empty installation with the restore tool, verified.
# Builds and provisions the server, runs BackupBench in the managed WildFly (H2), prints the figures.
# Usage: bench/backup.sh [rounds=3] [flows=60000] [document bytes=2147483648]
# Extra Maven options (ports of a server of one's own, say) go in BENCH_MAVEN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
flows=${2:-60000}
bytes=${3:-2147483648}

rm -f ear/target/bench-backup.txt
# the reactor builds the EJB jar the restore tool runs from (nothing is installed into ~/.m2)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (other test servers may share the cores)"
echo "disk: $(df -h ear | tail -1 | awk '{print $1, $2, "free", $4}')"
# shellcheck disable=SC2086
./mvnw -B -Pbench-backup verify -pl ear -am -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=BackupBench -Dbench.rounds="$rounds" -Dbench.flows="$flows" -Dbench.bytes="$bytes" \
    ${BENCH_MAVEN_OPTS:-} > ear/target/bench-backup.log 2>&1 || { tail -60 ear/target/bench-backup.log; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf ear/target/bench-backup ear/target/it-server
cat ear/target/bench-backup.txt
