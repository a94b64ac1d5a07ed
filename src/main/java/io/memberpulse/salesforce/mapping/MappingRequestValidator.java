package io.memberpulse.salesforce.mapping;

import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code PUT /field-mappings} body into a {@link ContactMapping}, or a 400 problem naming
 * every bad field by its JSON path ({@code fields[2].rule}). Checks only what needs no org; the
 * org's own fields are checked by {@link ContactSchema}.
 */
final class MappingRequestValidator {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private MappingRequestValidator() {
    }

    static ContactMapping validate(FieldMappingsRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        MappingRequestValidator validator = new MappingRequestValidator();
        ContactMapping mapping = validator.mapping(request);
        if (!validator.errors.isEmpty()) {
            throw ProblemException.invalidFields(validator.errors);
        }
        return mapping;
    }

    private ContactMapping mapping(FieldMappingsRequest request) {
        String externalId = request.externalIdField();
        if (externalId == null) {
            error("externalIdField", "is required: the Contact field (External ID, Unique) holding the member id");
        } else {
            apiName("externalIdField", externalId);
        }
        String statusField = Optional.ofNullable(request.membershipStatusField())
                .orElse(DefaultMapping.MEMBERSHIP_STATUS_FIELD);
        apiName("membershipStatusField", statusField);
        if (SalesforceNames.same(statusField, externalId)) {
            error("membershipStatusField", "must differ from externalIdField, which holds the member id");
        }
        DeletedMemberPolicy policy = policy(request.deletedMemberPolicy());
        double share = budgetShare(request.apiBudgetShare());
        List<FieldMapping> fields = fields(request.fields(), externalId, statusField);
        return new ContactMapping(externalId, statusField, policy, share, fields,
                Boolean.TRUE.equals(request.offerUnlinkedContacts()));
    }

    private DeletedMemberPolicy policy(String name) {
        if (name == null) {
            return DeletedMemberPolicy.IGNORE;
        }
        Optional<DeletedMemberPolicy> policy = DeletedMemberPolicy.ofJson(name);
        if (policy.isEmpty()) {
            error("deletedMemberPolicy", "must be one of " + DeletedMemberPolicy.jsonNames());
        }
        return policy.orElse(null);
    }

    private double budgetShare(BigDecimal share) {
        if (share == null) {
            return 0.5;
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            error("apiBudgetShare", "must be greater than 0 and at most 1");
        } else if (share.stripTrailingZeros().scale() > 2) {
            error("apiBudgetShare", "must have at most two decimals, e.g. 0.25");
        }
        return share.doubleValue();
    }

    private List<FieldMapping> fields(List<FieldMappingItem> items, String externalId, String statusField) {
        if (items == null) {
            error("fields", "is required: a list of {memberPulseField, salesforceField, rule}");
            return List.of();
        }
        List<FieldMapping> fields = new ArrayList<>();
        Set<MemberField> seenMembers = EnumSet.noneOf(MemberField.class);
        Map<String, Integer> seenTargets = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "fields[" + i + "]";
            FieldMappingItem item = items.get(i);
            if (item == null) {
                error(path, "must be an object {memberPulseField, salesforceField, rule}");
                continue;
            }
            Optional<MemberField> member = memberField(path, item.memberPulseField());
            Optional<FieldRule> rule = rule(path, item.rule());
            target(path, item, member.orElse(null), rule.orElse(null), externalId, statusField);
            if (member.isPresent() && !seenMembers.add(member.get())) {
                error(path + ".memberPulseField", item.memberPulseField() + " is mapped twice; map each member "
                        + "field once");
            }
            if (item.salesforceField() != null) {
                Integer first = seenTargets.putIfAbsent(item.salesforceField().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    error(path + ".salesforceField", item.salesforceField() + " is already mapped by fields["
                            + first + "]; each Salesforce field receives one member field");
                }
            }
            if (member.isPresent() && rule.isPresent()) {
                fields.add(new FieldMapping(member.get(), item.salesforceField(), rule.get()));
            }
        }
        return fields;
    }

    private Optional<MemberField> memberField(String path, String name) {
        Optional<MemberField> member = name == null ? Optional.empty() : MemberField.find(name);
        if (member.isEmpty()) {
            error(path + ".memberPulseField", (name == null ? "is required" : "is not a member field")
                    + "; one of " + MemberField.jsonNames());
        }
        return member;
    }

    private Optional<FieldRule> rule(String path, String name) {
        Optional<FieldRule> rule = name == null ? Optional.empty() : FieldRule.ofJson(name);
        if (rule.isEmpty()) {
            error(path + ".rule", (name == null ? "is required" : "is not a rule") + "; one of "
                    + FieldRule.jsonNames());
        }
        return rule;
    }

    /** Where a member field may land; {@code member} or {@code rule} is null when it was already refused. */
    private void target(String path, FieldMappingItem item, MemberField member, FieldRule rule, String externalId,
            String statusField) {
        String field = item.salesforceField();
        String at = path + ".salesforceField";
        if (member == MemberField.MEMBERSHIP_STATUS && rule != null && rule != FieldRule.TO_SALESFORCE
                && rule != FieldRule.NONE) {
            error(path + ".rule", "membershipStatus is owned by MemberPulse: the rule must be to_salesforce or none");
        }
        if (field == null) {
            if (rule != null && rule != FieldRule.NONE) {
                error(at, "is required unless the rule is none");
            }
        } else if (member == MemberField.COMPANY && field.equals(DefaultMapping.ACCOUNT_NAME)) {
            return;
        } else if (member == MemberField.COMPANY && rule != FieldRule.NONE) {
            error(at, "company maps only to Account.Name (the Account found or created by name, linked through "
                    + "AccountId), or use rule none");
        } else if (!SalesforceNames.isApiName(field)) {
            error(at, SalesforceNames.RULE);
        } else if (member == MemberField.MEMBERSHIP_STATUS && !SalesforceNames.same(field, statusField)) {
            error(at, "must be the membershipStatusField (" + statusField + "): MemberPulse owns that field");
        } else if (member != MemberField.MEMBERSHIP_STATUS && SalesforceNames.same(field, statusField)) {
            error(at, field + " is the membershipStatusField; only membershipStatus writes it");
        } else if (SalesforceNames.same(field, externalId)) {
            error(at, field + " is the externalIdField; MemberPulse writes the member id there");
        }
    }

    private void apiName(String path, String name) {
        if (!SalesforceNames.isApiName(name)) {
            error(path, SalesforceNames.RULE);
        }
    }

    private void error(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
    }
}
