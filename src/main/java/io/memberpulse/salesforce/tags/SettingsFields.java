package io.memberpulse.salesforce.tags;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects the field errors of a settings body (400, each named by its JSON property) and of the
 * org check (422). Public for the settings documents of other features.
 */
public final class SettingsFields {

    private static final String NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";
    private static final Pattern API_NAME = Pattern.compile(NAME + "|(?:" + NAME + "__)?" + NAME + "__c");
    private static final String API_NAME_RULE = "must be a Salesforce API name: letters, digits and single "
            + "underscores, starting with a letter, optionally ending in __c, at most 80 characters";

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The value, or the default when absent; an error when present but not an API name. */
    public String apiName(String property, String value, String fallback) {
        String name = value == null ? fallback : value;
        if (name.length() > 80 || !API_NAME.matcher(name).matches()) {
            error(property, API_NAME_RULE);
        }
        return name;
    }

    /** The enum constant (case-insensitive), or the default when absent; an error naming the choices. */
    public <E extends Enum<E>> E choice(String property, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(property, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }

    public void error(String property, String message) {
        errors.add(new Problem.FieldError(property, message));
    }

    /** A 400 problem naming every bad property, if any. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
