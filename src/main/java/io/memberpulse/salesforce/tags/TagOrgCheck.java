package io.memberpulse.salesforce.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks tag settings against the org with one describe: the Contact picklist (target PICKLIST) or
 * the tag object and its fields (target CUSTOM_OBJECT). A 422 names each property that does not fit.
 */
@ApplicationScoped
class TagOrgCheck {

    /** What the check did: validated, or the reason it could not ask the org. */
    record Result(boolean validated, String warning) {
    }

    private final OrgFields org;

    TagOrgCheck(OrgFields org) {
        this.org = org;
    }

    Uni<Result> check(String tenantId, TagSettings s) {
        if (s.target() == TagTarget.CAMPAIGN) {
            return Uni.createFrom().item(new Result(false, "The campaign target is checked by the campaign rules"));
        }
        String object = s.target() == TagTarget.PICKLIST ? "Contact" : s.objectName();
        return org.describe(tenantId, object)
                .map(described -> judge(s, described));
    }

    private static Result judge(TagSettings s, OrgFields.Described described) {
        if (!described.reachable()) {
            return new Result(false, "Saved without checking the fields against Salesforce: " + described.reason());
        }
        List<Problem.FieldError> problems = new ArrayList<>();
        if (s.target() == TagTarget.PICKLIST) {
            expect(described, "picklistField", "Contact", s.picklistField(), "multipicklist", problems);
        } else if (!described.exists()) {
            problems.add(new Problem.FieldError("objectName", "The org has no object " + s.objectName()
                    + ": create it (see the README's tag object) or name another."));
        } else {
            expect(described, "contactField", s.objectName(), s.contactField(), "reference", problems);
            expect(described, "tagField", s.objectName(), s.tagField(), "string", problems);
            expect(described, "externalIdField", s.objectName(), s.externalIdField(), "string", problems);
            JsonNode externalId = described.field(s.externalIdField());
            if (externalId != null && !externalId.path("externalId").asBoolean(false)) {
                problems.add(new Problem.FieldError("externalIdField", s.objectName() + "." + s.externalIdField()
                        + " is not an External ID field: mark it External ID and Unique, or name another."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.SALESFORCE_REJECTED, problems.get(0).field() + ": "
                    + problems.get(0).message(), problems);
        }
        return new Result(true, null);
    }

    private static void expect(OrgFields.Described described, String property, String object, String name,
            String type, List<Problem.FieldError> problems) {
        JsonNode field = described.field(name);
        if (field == null) {
            problems.add(new Problem.FieldError(property, object + "." + name + " does not exist or the integration "
                    + "user cannot see it: create it (" + type + ") and grant access, or name another field."));
        } else if (!type.equals(field.path("type").asText())) {
            problems.add(new Problem.FieldError(property, object + "." + name + " is a " + field.path("type").asText()
                    + " field; it must be " + type + "."));
        } else if (!field.path("updateable").asBoolean(true) && !"externalIdField".equals(property)) {
            problems.add(new Problem.FieldError(property, object + "." + name + " is read-only for the integration "
                    + "user: grant edit access."));
        }
    }
}
