#!/usr/bin/env bash
# The document benchmarks (issue #14): a 100 MB file uploaded through the library page (headless Chromium) and by curl,
# downloaded through /documents/file by java.net.http.HttpClient and by curl, beside the ceilings of HTTP and of the
# virus scan on this machine, each against a plain file copy on the same disk in the same round, with the server's heap
# bounded to 256 MB; and the content store as it grows to 50,000 contents (write rate, look-up latency).
# Builds and provisions the server, runs the benchmarks in the managed WildFly, prints the figures.
# Usage: bench/documents.sh [benchmarks=*Bench] [rounds=3] [contents=50000]
#   e.g. bench/documents.sh DocumentTransferBench 5, or bench/documents.sh ContentStoreGrowthBench 1 200000.
# Extra Maven options (ports of a server of one's own, say) go in BENCH_MAVEN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
benches=${1:-*Bench}
rounds=${2:-3}
contents=${3:-50000}

rm -f ear/target/bench-documents-*.txt
mkdir -p ear/target
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (other test servers may share the cores)"
# builds the modules and the EAR in this checkout (nothing is installed into ~/.m2), then runs the benchmarks
# shellcheck disable=SC2086
./mvnw -q -B -Pbench-documents verify -pl ear -am -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$benches" -Dbench.rounds="$rounds" -Dbench.contents="$contents" ${BENCH_MAVEN_OPTS:-} \
    > ear/target/bench-documents.log 2>&1 || { tail -50 ear/target/bench-documents.log; exit 1; }
echo "disk: $(df -T ear/target | tail -1 | awk '{print $1, $2}'), inodes: $(df -i ear/target | tail -1 | awk '{print $2}')"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf ear/target/bench-documents
for f in transfer store; do
    if [ -f "ear/target/bench-documents-$f.txt" ]; then
        echo "== $f"
        cat "ear/target/bench-documents-$f.txt"
    fi
done
