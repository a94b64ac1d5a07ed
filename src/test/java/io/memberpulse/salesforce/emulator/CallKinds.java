package io.memberpulse.salesforce.emulator;

import java.util.List;

/** Names REST calls for the call log: {@code sobject.upsert}, {@code collections.create}, {@code query}... */
final class CallKinds {

    private CallKinds() {
    }

    static String of(String method, List<String> s) {
        if (s.isEmpty()) {
            return "resources";
        }
        switch (s.get(0)) {
            case "limits":
                return "limits";
            case "sobjects":
                return sobjects(method, s);
            case "composite":
                return collections(method, s);
            case "query":
            case "queryAll":
                return s.size() > 1 ? "query.more" : s.get(0);
            case "jobs":
                return "bulk." + method.toLowerCase();
            default:
                return "other";
        }
    }

    private static String sobjects(String method, List<String> s) {
        if (s.size() == 1) {
            return "describeGlobal";
        }
        if (s.size() == 2) {
            return method.equals("POST") ? "sobject.create" : "sobject.info";
        }
        if (s.size() == 3 && s.get(2).equals("describe")) {
            return "sobject.describe";
        }
        if (s.size() == 4 && method.equals("PATCH")) {
            return "sobject.upsert";
        }
        switch (method) {
            case "PATCH":
                return "sobject.update";
            case "DELETE":
                return "sobject.delete";
            default:
                return "sobject.get";
        }
    }

    private static String collections(String method, List<String> s) {
        if (s.size() == 4) {
            return "collections.upsert";
        }
        if (s.size() == 3) {
            return "collections.retrieve";
        }
        switch (method) {
            case "POST":
                return "collections.create";
            case "PATCH":
                return "collections.update";
            case "DELETE":
                return "collections.delete";
            default:
                return "collections.other";
        }
    }
}
