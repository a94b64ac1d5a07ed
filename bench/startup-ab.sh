#!/usr/bin/env bash
# A/B cold start of AOT builds: the measurement of bench/startup.sh (wall time from forking java to
# the first 200 on /q/health/ready; CPU time (user + system, all threads) and RSS at that moment),
# for several quarkus-app copies measured round by round (A B C, A B C, ...), so that the load of a
# shared machine hits every variant alike. Each copy runs as Dockerfile.jvm runs it: Java 25,
# -XX:AOTCache=app.aot (AOTMode=on), -XX:TieredStopAtLevel=1 -XX:+UseSerialGC. One unmeasured
# round first (page cache; the first start also migrates the shared database).
#
#   bench/startup-ab.sh RUNS 'label|quarkus-app copy|ENV=value ...' ...
#   e.g. bench/startup-ab.sh 7 "main|/tmp/a/service-aot|" "branch|/tmp/b/service-aot|" \
#          "main, no Flyway validation|/tmp/a/service-aot|QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false"
#
# Copy each variant right after its -Paot build and measure before its source tree builds again
# (see bench/startup.sh: a cached start reads quarkus-application.dat from the training path).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=$1; shift
PORT=${PORT:-18080}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DB=bench_ab_$$
FLAGS=(-XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

psql_admin() {
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "$1" >/dev/null
}
psql_admin "create database $DB"
trap 'psql_admin "drop database if exists $DB with (force)"' EXIT
SERVICE_ENV=(
  QUARKUS_HTTP_PORT=$PORT
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
  QUARKUS_DATASOURCE_USERNAME=postgres
  MEMBERPULSE_ENCRYPTION_KEY=YmVuY2gtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=$ROOT/dev/jwt-dev-public.pem
)

# One cold start: prints "<milliseconds> <CPU milliseconds> <RSS in MB>".
measure_once() {
  local dir=$1; shift
  local start end pid rss cpu
  start=$(date +%s%N)
  (cd "$dir" && exec env "${SERVICE_ENV[@]}" "$@" "$JAVA25_HOME/bin/java" "${FLAGS[@]}" -jar quarkus-run.jar \
      >"$dir/../ab-last.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "process exited; see $dir/../ab-last.log" >&2; return 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $cpu $((rss / 1024))"
}

median() {
  tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

declare -A TIMES CPUS RSSES
echo "A/B cold start, median of $RUNS ($(nproc) cores), $(date -u +'%F %H:%M') UTC, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in "$@"; do
  IFS='|' read -r label dir envs <<<"$variant"
  # shellcheck disable=SC2086 # envs is a list of NAME=value words
  measure_once "$dir" $envs >/dev/null
done
for _ in $(seq "$RUNS"); do
  for variant in "$@"; do
    IFS='|' read -r label dir envs <<<"$variant"
    # shellcheck disable=SC2086
    read -r t c r <<<"$(measure_once "$dir" $envs)"
    TIMES[$label]+="$t "; CPUS[$label]+="$c "; RSSES[$label]+="$r "
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| variant | time to ready | CPU to ready | RSS | runs (ms) | CPU of the runs (ms) |"
echo "|---|---|---|---|---|---|"
for variant in "$@"; do
  IFS='|' read -r label dir envs <<<"$variant"
  printf '| %s | %s ms | %s ms | %s MB | %s | %s |\n' "$label" "$(median <<<"${TIMES[$label]}")" \
    "$(median <<<"${CPUS[$label]}")" "$(median <<<"${RSSES[$label]}")" "${TIMES[$label]% }" "${CPUS[$label]% }"
done
