package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API versions the emulator serves: 50.0 (Winter '21) to 62.0 (Winter '25). */
final class ApiVersions {

    static final int FIRST = 50;
    static final int LAST = 62;
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    private ApiVersions() {
    }

    static boolean supported(String version) {
        if (!version.matches("\\d+\\.0")) {
            return false;
        }
        int major = Integer.parseInt(version.substring(0, version.length() - 2));
        return major >= FIRST && major <= LAST;
    }

    static List<String> all() {
        List<String> versions = new ArrayList<>();
        for (int v = FIRST; v <= LAST; v++) {
            versions.add(v + ".0");
        }
        return versions;
    }

    /** {@code GET /services/data}: label, url, version per release. */
    static List<Map<String, Object>> listing() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int v = FIRST; v <= LAST; v++) {
            out.add(Json.obj("label", label(v), "url", "/services/data/v" + v + ".0", "version", v + ".0"));
        }
        return out;
    }

    /** Winter '21 is 50.0; three releases a year, Winter opening the year's count. */
    static String label(int version) {
        int release = version - 50;
        int year = 21 + (release + 2) / 3;
        return SEASONS[release % 3] + " '" + year;
    }
}
