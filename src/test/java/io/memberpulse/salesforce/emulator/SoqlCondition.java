package io.memberpulse.salesforce.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A WHERE-clause node evaluated against one record through a field-value resolver. */
interface SoqlCondition {

    boolean test(Function<SoqlQuery.FieldPath, Object> values);

    static SoqlCondition and(SoqlCondition a, SoqlCondition b) {
        return v -> a.test(v) && b.test(v);
    }

    static SoqlCondition or(SoqlCondition a, SoqlCondition b) {
        return v -> a.test(v) || b.test(v);
    }

    static SoqlCondition not(SoqlCondition a) {
        return v -> !a.test(v);
    }

    /** {@code field op literal}; literals are String, Double, Boolean, Instant (datetime) or null. */
    static SoqlCondition compare(SoqlQuery.FieldPath path, String op, Object literal) {
        return v -> compareValues(path.field(), v.apply(path), op, literal);
    }

    static SoqlCondition in(SoqlQuery.FieldPath path, List<Object> literals, boolean negate) {
        return v -> {
            Object value = v.apply(path);
            boolean found = literals.stream().anyMatch(l -> compareValues(path.field(), value, "=", l));
            return negate != found;
        };
    }

    static SoqlCondition like(SoqlQuery.FieldPath path, String pattern) {
        Pattern regex = Pattern.compile(Arrays.stream(pattern.split("", -1)).map(c -> c.equals("%") ? ".*"
                : c.equals("_") ? "." : Pattern.quote(c)).reduce("", String::concat),
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return v -> {
            Object value = v.apply(path);
            return value != null && regex.matcher(value.toString()).matches();
        };
    }

    /** Multi-select picklist INCLUDES/EXCLUDES; {@code 'a;b'} means both a and b. */
    static SoqlCondition includes(SoqlQuery.FieldPath path, List<Object> literals, boolean exclude) {
        return v -> {
            Object value = v.apply(path);
            List<String> selected = value == null ? List.of() : Arrays.stream(value.toString().split(";"))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            boolean any = literals.stream().anyMatch(l -> Arrays.stream(String.valueOf(l).split(";"))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).allMatch(selected::contains));
            return exclude != any;
        };
    }

    static boolean compareValues(Field field, Object value, String op, Object literal) {
        if (literal == null || value == null) {
            boolean bothNull = literal == null && value == null;
            return op.equals("=") ? bothNull : (op.equals("!=") || op.equals("<>")) && !bothNull;
        }
        int cmp = compareTo(field, value, literal);
        switch (op) {
            case "=":
                return cmp == 0;
            case "!=":
            case "<>":
                return cmp != 0;
            case "<":
                return cmp < 0;
            case ">":
                return cmp > 0;
            case "<=":
                return cmp <= 0;
            default:
                return cmp >= 0;
        }
    }

    static int compareTo(Field field, Object value, Object literal) {
        boolean isId = field.type() == FieldType.ID || field.type() == FieldType.REFERENCE;
        if (isId && literal instanceof String && SalesforceIds.isWellFormed((String) literal)) {
            return value.toString().compareTo(SalesforceIds.normalize((String) literal));
        }
        if (literal instanceof Instant) {
            return EmulatorClock.parse(value.toString()).compareTo((Instant) literal);
        }
        if (literal instanceof Double && value instanceof Number) {
            return Double.compare(((Number) value).doubleValue(), (Double) literal);
        }
        if (literal instanceof Boolean) {
            return Boolean.compare(Boolean.TRUE.equals(value), (Boolean) literal);
        }
        return value.toString().toLowerCase(Locale.ROOT).compareTo(literal.toString().toLowerCase(Locale.ROOT));
    }
}
