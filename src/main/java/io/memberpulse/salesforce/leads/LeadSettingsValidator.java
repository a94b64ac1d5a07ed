package io.memberpulse.salesforce.leads;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a {@code PUT /lead-enrichment} body into settings, or a 400 naming each bad field. */
final class LeadSettingsValidator {

    private static final String NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";
    private static final Pattern FIELD = Pattern.compile(NAME + "|(?:" + NAME + "__)?" + NAME + "__c");

    private LeadSettingsValidator() {
    }

    static LeadSettings validate(LeadSettingsRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        LeadSettings settings = new LeadSettings(Boolean.TRUE.equals(request.enabled()),
                field("statusField", request.statusField(), LeadSettings.DEFAULT_STATUS, seen, errors),
                field("memberSinceField", request.memberSinceField(), LeadSettings.DEFAULT_SINCE, seen, errors),
                field("scoreField", request.scoreField(), LeadSettings.DEFAULT_SCORE, seen, errors),
                field("tagsField", request.tagsField(), LeadSettings.DEFAULT_TAGS, seen, errors),
                field("memberIdField", request.memberIdField(), LeadSettings.DEFAULT_ID, seen, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return settings;
    }

    private static String field(String path, String value, String defaultName, Map<String, String> seen,
            List<Problem.FieldError> errors) {
        if (value == null) {
            value = defaultName;
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 80 || !FIELD.matcher(value).matches()) {
            errors.add(new Problem.FieldError(path, "must be a Lead field API name of at most 80 characters, or "
                    + "\"\" to write no such field"));
        } else if (seen.putIfAbsent(value.toLowerCase(Locale.ROOT), path) != null) {
            errors.add(new Problem.FieldError(path, value + " is already used by " + seen.get(value.toLowerCase(
                    Locale.ROOT)) + "; each Lead field holds one value"));
        }
        return value;
    }
}
