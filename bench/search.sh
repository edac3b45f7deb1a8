#!/usr/bin/env bash
# The search benchmark (issue #14, B4): indexing rate and search latency over generated items, with the application's
# own index code (ejb: cn.edu.xietong.search.LuceneIndex) in a plain JVM, no server. Builds the ejb module first.
# Usage: bench/search.sh [items=100000] [rounds=3] [queries=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl ejb compile dependency:build-classpath -Dmdep.outputFile="$PWD/ejb/target/bench-classpath.txt" \
    -Dmdep.includeScope=compile >/dev/null
exec java -Xmx1g -cp "ejb/target/classes:$(cat ejb/target/bench-classpath.txt)" bench/SearchBench.java "$@"
