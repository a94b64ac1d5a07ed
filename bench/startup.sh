#!/usr/bin/env bash
# Cold start of memberpulse-salesforce: time from process start to the first 200 on
# /q/health/ready, the process's RSS and the CPU time it had used (user + system, all threads) at
# that moment, median of N runs (default 5), for
#   Java 17 fast-jar, Java 25 fast-jar, Java 25 with the AOT cache (-Paot), and the AOT cache with
#   the JVM flags of src/main/docker/Dockerfile.jvm (STARTUP_FLAGS below),
# and the same for a bare Quarkus REST app (quarkus-rest + health) built the same way,
# generated under $BENCH_DIR (never committed).
#
#   bench/startup.sh --build    # build all artifacts into $BENCH_DIR, then measure
#   bench/startup.sh            # measure the artifacts already in $BENCH_DIR
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), curl, JDK 17 and 25
# (JAVA17_HOME, JAVA25_HOME). The service runs in the prod profile against a database of its own
# (created, migrated by the first run, dropped at the end), so each measured start includes the
# Flyway validation a woken pod does. Results are noisy on a shared machine: compare variants
# measured in the same run; the CPU column moves less with the machine's load than the time.
# AOT variants run with -XX:AOTMode=on: a cache the JVM cannot use fails the run instead of being
# measured silently as a start without it. Measure the AOT copy only while target/quarkus-app still
# holds the build it was copied from: started with the cache, Quarkus reads quarkus-application.dat
# from the path the training ran at whenever that path exists (a rebuilt target/ makes the copy fail
# with "Invalid magic number in AOT cache file"); run with --build after any other build.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/memberpulse-bench}
JAVA17_HOME=${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
DB=bench_startup_$$
QUARKUS_VERSION=3.33.2
# The cold-start flags of src/main/docker/Dockerfile.jvm (its JAVA_OPTS less the heap sizing): keep in step.
STARTUP_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

mkdir -p "$BENCH_DIR"

build_service() {
  echo "== building the service (Java 17 fast-jar, Java 25 AOT)" >&2
  (cd "$ROOT" && JAVA_HOME=$JAVA17_HOME ./mvnw -q -B package -DskipTests)
  rm -rf "$BENCH_DIR/service-fast" && cp -a "$ROOT/target/quarkus-app" "$BENCH_DIR/service-fast"
  # The IT run records the training; it needs only PostgreSQL (the emulator runs in the test JVM).
  (cd "$ROOT" && JAVA_HOME=$JAVA25_HOME ./mvnw -q -B -Paot verify -Dtest=NoSuch \
      -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ServiceJourneyIT)
  rm -rf "$BENCH_DIR/service-aot" && cp -a "$ROOT/target/quarkus-app" "$BENCH_DIR/service-aot"
}

bare_project() {
  local src=$BENCH_DIR/bare-src
  rm -rf "$src" && mkdir -p "$src/src/main/java/bare" "$src/src/test/java/bare" "$src/src/main/resources"
  cat > "$src/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bare</artifactId><version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <aot>false</aot>
  </properties>
  <dependencyManagement><dependencies><dependency>
    <groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId><version>$QUARKUS_VERSION</version>
    <type>pom</type><scope>import</scope>
  </dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-junit</artifactId><scope>test</scope></dependency>
    <dependency><groupId>io.rest-assured</groupId><artifactId>rest-assured</artifactId><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$QUARKUS_VERSION</version>
      <extensions>true</extensions>
      <executions><execution><goals><goal>build</goal></goals></execution></executions></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
    <plugin><artifactId>maven-failsafe-plugin</artifactId><version>3.5.2</version>
      <executions><execution><goals><goal>integration-test</goal><goal>verify</goal></goals></execution></executions>
      <configuration><systemPropertyVariables>
        <quarkus.package.jar.aot.enabled>\${aot}</quarkus.package.jar.aot.enabled>
        <quarkus.package.jar.aot.additional-recording-args>-XX:AOTConfiguration=\${project.build.directory}/app.aotconf</quarkus.package.jar.aot.additional-recording-args>
      </systemPropertyVariables></configuration></plugin>
  </plugins></build>
  <profiles><profile><id>aot</id><properties>
    <aot>true</aot>
    <quarkus.package.jar.aot.enabled>true</quarkus.package.jar.aot.enabled>
    <quarkus.package.jar.aot.type>AOT</quarkus.package.jar.aot.type>
    <quarkus.package.jar.aot.phase>INTEGRATION_TESTS</quarkus.package.jar.aot.phase>
  </properties>
  <!-- The same cache creation as the service's -Paot (see pom.xml there). -->
  <build><plugins><plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.6.4</version>
    <executions><execution><id>aot-cache-create</id><phase>post-integration-test</phase><goals><goal>exec</goal></goals>
      <configuration><executable>\${java.home}/bin/java</executable><arguments>
        <argument>-XX:AOTMode=create</argument>
        <argument>-XX:AOTConfiguration=\${project.build.directory}/app.aotconf</argument>
        <argument>-XX:AOTCache=\${project.build.directory}/quarkus-app/app.aot</argument>
        <argument>-jar</argument><argument>\${project.build.directory}/quarkus-app/quarkus-run.jar</argument>
      </arguments></configuration></execution></executions></plugin></plugins></build>
  </profile></profiles>
</project>
EOF
  cat > "$src/src/main/java/bare/Hello.java" <<'EOF'
package bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class Hello {
    public record Greeting(String text) {
    }

    @GET
    public Greeting hello() {
        return new Greeting("hello");
    }
}
EOF
  cat > "$src/src/test/java/bare/HelloIT.java" <<'EOF'
package bare;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

@QuarkusIntegrationTest
class HelloIT {
    @Test
    void answers() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/hello").then().statusCode(200);
    }
}
EOF
  echo "quarkus.http.test-port=0" > "$src/src/main/resources/application.properties"
}

build_bare() {
  echo "== building the bare Quarkus REST app (Java 17 fast-jar, Java 25 AOT)" >&2
  bare_project
  local src=$BENCH_DIR/bare-src
  (cd "$src" && JAVA_HOME=$JAVA17_HOME "$ROOT/mvnw" -q -B package -DskipTests)
  rm -rf "$BENCH_DIR/bare-fast" && cp -a "$src/target/quarkus-app" "$BENCH_DIR/bare-fast"
  (cd "$src" && rm -rf target && JAVA_HOME=$JAVA25_HOME "$ROOT/mvnw" -q -B -Paot verify)
  rm -rf "$BENCH_DIR/bare-aot" && cp -a "$src/target/quarkus-app" "$BENCH_DIR/bare-aot"
}

psql_admin() {
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "$1" >/dev/null
}

# One cold start: prints "<milliseconds> <RSS in KiB> <CPU milliseconds>".
measure_once() {
  local java=$1 dir=$2; shift 2
  local start end pid rss cpu
  start=$(date +%s%N)
  (cd "$dir" && exec env "${SERVICE_ENV[@]}" "$java" "$@" -jar quarkus-run.jar >"$BENCH_DIR/last.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process exited; see $BENCH_DIR/last.log" >&2
      return 1
    fi
    sleep 0.005
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  # utime + stime of every thread, in clock ticks (fields 14 and 15 of /proc/PID/stat).
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss $cpu"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# Prints one table row: variant, median time (s), median CPU time (s), median RSS (MB), the single runs.
measure() {
  local label=$1; shift
  local times=() rsses=() cpus=() line result
  measure_once "$@" >/dev/null   # warm the OS page cache: a pod's image layers are local too
  for _ in $(seq "$RUNS"); do
    line=$(measure_once "$@")   # a start that fails ends the script (set -e)
    read -r -a result <<<"$line"
    times+=("${result[0]}")
    rsses+=("${result[1]}")
    cpus+=("${result[2]}")
  done
  local t r c
  t=$(printf '%s\n' "${times[@]}" | median)
  r=$(printf '%s\n' "${rsses[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  printf '| %s | %d.%03d s | %d.%03d s | %d MB | %s |\n' "$label" $((t / 1000)) $((t % 1000)) \
    $((c / 1000)) $((c % 1000)) $((r / 1024)) "${times[*]}"
  echo "$t" >"$BENCH_DIR/$(printf '%s' "$label" | tr -c 'a-zA-Z0-9' '_').ms"
}

ratio() {
  local service bare
  service=$(cat "$BENCH_DIR/$(printf '%s' "service, $1" | tr -c 'a-zA-Z0-9' '_').ms")
  bare=$(cat "$BENCH_DIR/$(printf '%s' "bare REST app, $1" | tr -c 'a-zA-Z0-9' '_').ms")
  echo "$1: service / bare app = $(awk -v s="$service" -v b="$bare" 'BEGIN { printf "%.2f", s / b }')x"
}

if [[ ${1:-} == --build ]]; then
  build_service
  build_bare
fi
for dir in service-fast service-aot bare-fast bare-aot; do
  [[ -d $BENCH_DIR/$dir ]] || { echo "missing $BENCH_DIR/$dir: run with --build" >&2; exit 1; }
done

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
J17=$JAVA17_HOME/bin/java
J25=$JAVA25_HOME/bin/java

AOT=(-XX:AOTMode=on -XX:AOTCache=app.aot)
echo "Cold start to first 200 on /q/health/ready, median of $RUNS ($(nproc) cores, $(date -u +'%F %H:%M') UTC)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| variant | time to ready | CPU to ready | RSS | runs (ms) |"
echo "|---|---|---|---|---|"
measure "service, Java 17, fast-jar" "$J17" "$BENCH_DIR/service-fast"
measure "service, Java 25, fast-jar" "$J25" "$BENCH_DIR/service-fast"
measure "service, Java 25, AOT cache" "$J25" "$BENCH_DIR/service-aot" "${AOT[@]}"
measure "service, Java 25, AOT cache + Dockerfile flags" "$J25" "$BENCH_DIR/service-aot" "${AOT[@]}" "${STARTUP_FLAGS[@]}"
measure "bare REST app, Java 17, fast-jar" "$J17" "$BENCH_DIR/bare-fast"
measure "bare REST app, Java 25, fast-jar" "$J25" "$BENCH_DIR/bare-fast"
measure "bare REST app, Java 25, AOT cache" "$J25" "$BENCH_DIR/bare-aot" "${AOT[@]}"
measure "bare REST app, Java 25, AOT cache + Dockerfile flags" "$J25" "$BENCH_DIR/bare-aot" "${AOT[@]}" "${STARTUP_FLAGS[@]}"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
ratio "Java 25, AOT cache"
ratio "Java 25, AOT cache + Dockerfile flags"
