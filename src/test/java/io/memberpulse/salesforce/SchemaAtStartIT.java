package io.memberpulse.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.support.PackagedApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations at start in the prod profile, which skips Flyway's checksum validation to start faster
 * (issue 7): an empty database is migrated, an older schema is brought up to date before the pod
 * reports ready, and a woken pod on a current schema starts without applying anything.
 */
class SchemaAtStartIT {

    static final String APPLIED = "select count(*) from flyway_schema_history where success and version is not null";
    static final String AT_NEWEST = "select count(*) from flyway_schema_history where success and version = '"
            + newestMigration() + "'";

    PackagedApp app;

    /** The highest version among the migrations the jar carries (V22 when this was written). */
    static int newestMigration() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedAndAWokenPodOnItStartsWithoutMigrating() throws Exception {
        app = new PackagedApp();
        app.startAndAwaitReady();
        assertThat(app.count(AT_NEWEST)).isEqualTo(1);
        long applied = app.count(APPLIED);

        app.process().destroy();
        app.process().waitFor();
        app.start(app.environment(true));
        app.awaitReady();

        assertThat(app.count(APPLIED)).as("nothing applied again").isEqualTo(applied);
    }

    @Test
    void anOlderSchemaIsBroughtUpToDateBeforeThePodIsReady() throws Exception {
        app = new PackagedApp();
        Flyway.configure().dataSource(app.jdbcUrl(), "postgres", "").locations("classpath:db/migration")
                .target("19").load().migrate();
        assertThat(app.count(AT_NEWEST)).isZero();

        app.startAndAwaitReady();

        assertThat(app.count(AT_NEWEST)).isEqualTo(1);
    }
}
