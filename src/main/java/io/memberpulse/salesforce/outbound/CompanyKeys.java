package io.memberpulse.salesforce.outbound;

import java.util.Locale;

/** One Account per company name, however its case and spacing vary between members. */
final class CompanyKeys {

    private CompanyKeys() {
    }

    static String of(String company) {
        return company.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
