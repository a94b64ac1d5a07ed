package io.memberpulse.salesforce.emulator;

/** SOQL errors the Salesforce way: the query, a caret under the offending column, then the message. */
final class SoqlErrors {

    private SoqlErrors() {
    }

    static ApiException at(String code, String soql, int offset, String message) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < soql.length(); i++) {
            if (soql.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        String preamble = "\n" + soql + "\n" + " ".repeat(Math.max(0, offset - lineStart)) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n";
        return new ApiException(400, code, preamble + message);
    }
}
