package io.memberpulse.salesforce.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberpulse.salesforce.problem.ProblemException;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a member's profile (the fields of {@code member.upserted}) for other ways members
 * arrive, such as a backfill: the same limits, the same messages, JSON paths of the caller's choosing.
 */
public final class MemberProfiles {

    private MemberProfiles() {
    }

    /**
     * Checks each profile: {@code memberId} plus member fields. Answers the problem listing every bad
     * field as {@code <listName>[i].<field>}, or empty when all are valid.
     */
    public static Optional<ProblemException> check(List<JsonNode> profiles, String listName) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < profiles.size(); i++) {
            String path = listName + "[" + i + "]";
            JsonNode profile = profiles.get(i);
            JsonNode memberId = profile.get("memberId");
            if (memberId == null || !memberId.isTextual() || !EventValidator.isIdentifier(memberId.asText())) {
                errors.add(path + ".memberId", "is required: 1 to 128 letters, digits, '.', '_', ':' or '-'");
            }
            if (!profile.isObject()) {
                errors.add(path, "must be a JSON object");
                continue;
            }
            ObjectNode fields = ((ObjectNode) profile).deepCopy();
            fields.remove("memberId");
            EventData.check(EventType.MEMBER_UPSERTED, fields, path, errors);
        }
        return errors.count() == 0 ? Optional.empty() : Optional.of(errors.problem());
    }
}
