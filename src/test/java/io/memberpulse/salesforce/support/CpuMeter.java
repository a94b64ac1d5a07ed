package io.memberpulse.salesforce.support;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time spent during a benchmark phase, by whom: this JVM's threads grouped by name (the service's
 * event loops, the webhook receiver's, the emulator's Jetty, the CometD client, the publishing test
 * thread, the JIT compiler, the garbage collector) and the PostgreSQL backends serving the test
 * database. On a shared machine the wall-clock rate of a phase moves with other people's load; the CPU
 * it cost per event moves much less, so benchmarks print both. Reads {@code /proc} (Linux): the
 * kernel's thread names, cut to 15 characters, are what groups the JVM's threads, its own ones included,
 * which Java's thread beans do not list. CPU of threads that end during the phase is not counted.
 */
public final class CpuMeter {

    // USER_HZ: /proc counts CPU time in clock ticks of 10 ms on every Linux we run on.
    private static final long MILLIS_PER_TICK = 10;
    private static final Path THREADS = Path.of("/proc/self/task");

    private final AgroalDataSource database;
    private Map<String, Long> threadsAtStart = Map.of();
    private Map<String, Long> backendsAtStart = Map.of();

    public CpuMeter(AgroalDataSource database) {
        this.database = database;
    }

    /** Starts a phase: remembers every thread's and backend's CPU time so far. */
    public CpuMeter start() {
        threadsAtStart = threads();
        backendsAtStart = backends();
        return this;
    }

    /** CPU milliseconds since {@link #start()} per group, "JVM total" and "postgres (test database)" included. */
    public Map<String, Long> stop() {
        Map<String, Long> millis = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> thread : threads().entrySet()) {
            long spent = thread.getValue() - threadsAtStart.getOrDefault(thread.getKey(), 0L);
            millis.merge(group(thread.getKey().substring(thread.getKey().indexOf(' ') + 1)), spent, Long::sum);
            total += spent;
        }
        millis.put("JVM total", total);
        long postgres = 0;
        for (Map.Entry<String, Long> backend : backends().entrySet()) {
            postgres += backend.getValue() - backendsAtStart.getOrDefault(backend.getKey(), 0L);
        }
        millis.put("postgres (test database)", postgres);
        return millis;
    }

    /** One line: each group's CPU ms and microseconds per event. */
    public static String describe(Map<String, Long> millis, int events) {
        StringBuilder line = new StringBuilder();
        millis.forEach((group, ms) -> line.append(String.format("%s %d ms (%d us/event); ", group, ms,
                ms * 1000 / Math.max(events, 1))));
        return line.toString();
    }

    private static String group(String thread) {
        if (thread.startsWith("webhook-receive")) {
            return "webhook receiver";
        }
        if (thread.startsWith("vert.x-eventloo")) {
            return "service event loops";
        }
        if (thread.startsWith("qtp")) {
            return "emulator (Jetty)";
        }
        if (thread.startsWith("salesforce-stre") || thread.startsWith("pool-")) {
            return "CometD client";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
            return "garbage collector";
        }
        // The JVM's main thread keeps the launcher's name "java": it runs the test, which publishes.
        if (thread.equals("java") || thread.startsWith("delivery-watch") || thread.startsWith("awaitility")) {
            return "benchmark (publisher, watcher)";
        }
        return "other JVM threads";
    }

    /** CPU ms so far of each thread of this JVM, keyed "tid name". */
    private static Map<String, Long> threads() {
        Map<String, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(THREADS)) {
            for (Path task : tasks) {
                String name = read(task.resolve("comm")).strip();
                cpu.put(task.getFileName() + " " + name, ticks(read(task.resolve("stat"))) * MILLIS_PER_TICK);
            }
        } catch (IOException e) {
            throw new IllegalStateException("/proc/self/task unreadable", e);
        }
        return cpu;
    }

    /** CPU ms so far of each backend connected to this database, by pid. */
    private Map<String, Long> backends() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet pids = statement.executeQuery(
                        "select pid from pg_stat_activity where datname = current_database()")) {
            while (pids.next()) {
                String pid = pids.getString(1);
                cpu.put(pid, ticks(read(Path.of("/proc", pid, "stat"))) * MILLIS_PER_TICK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_activity unreadable", e);
        }
        return cpu;
    }

    /** utime + stime of a {@code stat} line; 0 for a process or thread that has just ended. */
    private static long ticks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields after the name (which may contain spaces and parentheses): utime is the 14th, stime the 15th.
        String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
