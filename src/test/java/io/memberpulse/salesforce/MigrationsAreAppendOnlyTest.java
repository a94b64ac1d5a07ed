package io.memberpulse.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration, once written, never changes. The prod profile skips Flyway's checksum validation at
 * start (issue 7, cold start), so this is where an edited migration is caught: every file under
 * db/migration must match its SHA-256 in src/test/resources/db/migrations.sha256 (line endings
 * normalised, as Flyway does). A new migration is added to that list in the same commit
 * ({@code sha256sum V23__x.sql}); an existing one is never edited: write a new migration instead.
 */
class MigrationsAreAppendOnlyTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path PINNED = Path.of("src/test/resources/db/migrations.sha256");

    @Test
    void everyMigrationMatchesItsPinnedContent() throws IOException {
        assertThat(actual()).as("db/migration against %s", PINNED).isEqualTo(pinned());
    }

    private static Map<String, String> actual() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString(),
                            MigrationsAreAppendOnlyTest::sha256, (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, String> pinned() throws IOException {
        return Files.readAllLines(PINNED).stream().filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toMap(parts -> parts[1], parts -> parts[0], (a, b) -> a, TreeMap::new));
    }

    private static String sha256(Path file) {
        try {
            String text = Files.readString(file).replace("\r\n", "\n");
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
