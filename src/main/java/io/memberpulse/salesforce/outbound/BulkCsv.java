package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bulk API 2.0's CSV: the upload (header row, LF line endings, an empty cell leaves a field
 * unchanged, {@code #N/A} clears it) and the result files ({@code sf__Id}, {@code sf__Created},
 * {@code sf__Error} plus the uploaded columns).
 */
final class BulkCsv {

    /** Bulk API 2.0's way of setting a field to null. */
    static final String NULL = "#N/A";

    private static final CsvMapper CSV = new CsvMapper();

    private BulkCsv() {
    }

    static String write(List<String> columns, List<Map<String, String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> read(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return new ArrayList<>(rows.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --} -> the code. */
    static String errorCode(String sfError) {
        int colon = sfError == null ? -1 : sfError.indexOf(':');
        return colon > 0 ? sfError.substring(0, colon) : "BULK_ERROR";
    }
}
