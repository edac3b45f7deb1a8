#!/usr/bin/env bash
# Flow throughput, Xietong against Flowable 7 (issue #4): the same number of three-approval instances on the same
# number of threads after the same warm-up, each engine on an H2 file database, run back to back.
# Usage: bench/flow-throughput.sh [instances=4000] [threads=2] [warm-up=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:-4000}
threads=${2:-2}
warm=${3:-5000}

./mvnw -q install -DskipTests
./mvnw -q -Pbench-flows verify -pl ear -Dbench.instances="$instances" -Dbench.threads="$threads" \
    -Dbench.warmUp="$warm" >/dev/null
./mvnw -q -f bench/flowable/pom.xml package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
rm -rf bench/flowable/target/db
java -Xms256m -Xmx1g -cp "bench/flowable/target/classes:$(cat bench/flowable/target/classpath.txt)" \
    FlowableThroughput "$instances" "$threads" "$warm" bench/flowable/target/db bench/flowable/target/result.txt \
    >/dev/null
# H2 does not compact its file while WRITE_DELAY=0: Flowable's grows by gigabytes in a long run
rm -rf bench/flowable/target/db

ours=$(head -1 ear/target/bench-flows-xietong.txt)
theirs=$(head -1 bench/flowable/target/result.txt)
sed -n 2,3p ear/target/bench-flows-xietong.txt
sed -n 2,3p bench/flowable/target/result.txt
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio Xietong/Flowable: %.2f\n", a / b }'
