package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.intake.EventType;
import io.memberpulse.salesforce.intake.MembershipStatuses;
import io.memberpulse.salesforce.problem.Problem;
import io.memberpulse.salesforce.problem.ProblemException;
import io.memberpulse.salesforce.tags.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@code PUT /campaign-rules} body into {@link CampaignSettings}, or a 400 naming every bad
 * field by its JSON path ({@code rules[2].memberStatus}). Checks what needs no org; campaigns and
 * their member statuses are checked by {@link CampaignOrgCheck}.
 */
final class CampaignRulesValidator {

    /** Salesforce's length of CampaignMember.Status. */
    static final int STATUS_LENGTH = 40;
    private static final Pattern CAMPAIGN_ID = Pattern.compile("701[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private CampaignRulesValidator() {
    }

    static CampaignSettings validate(CampaignRulesRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON body is required");
        }
        CampaignRulesValidator validator = new CampaignRulesValidator();
        validator.rules(request.rules());
        validator.tags(request.tagCampaigns());
        if (!validator.errors.isEmpty()) {
            throw ProblemException.invalidFields(validator.errors);
        }
        return new CampaignSettings(request.rules(), request.tagCampaigns());
    }

    private void rules(List<CampaignRule> rules) {
        if (rules == null) {
            error("rules", "is required: a list of {eventType, campaignId, memberStatus}, or [] for none");
            return;
        }
        if (rules.size() > CampaignSettings.MAX_RULES) {
            error("rules", "must hold at most " + CampaignSettings.MAX_RULES + " rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            String path = "rules[" + i + "]";
            CampaignRule rule = rules.get(i);
            if (rule == null) {
                error(path, "must be an object {eventType, campaignId, memberStatus}");
                continue;
            }
            EventType type = eventType(path + ".eventType", rule.eventType());
            itemId(path + ".itemId", rule.itemId(), type);
            membershipStatus(path + ".membershipStatus", rule.membershipStatus(), type);
            campaignId(path + ".campaignId", rule.campaignId());
            status(path + ".memberStatus", rule.memberStatus(), true);
        }
    }

    private void tags(List<TagCampaign> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > CampaignSettings.MAX_TAG_CAMPAIGNS) {
            error("tagCampaigns", "must hold at most " + CampaignSettings.MAX_TAG_CAMPAIGNS + " entries");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String path = "tagCampaigns[" + i + "]";
            TagCampaign tag = tags.get(i);
            if (tag == null) {
                error(path, "must be an object {tag, campaignId, memberStatus}");
                continue;
            }
            if (tag.tag() == null || !Tags.owned(tag.tag()) || tag.tag().length() > Tags.MAX_LENGTH) {
                error(path + ".tag", (tag.tag() == null ? "is required" : "is not a MemberPulse tag")
                        + ": one of " + String.join(", ", Tags.STATUS_TAGS) + ", " + Tags.EVENT_ATTENDED + ", "
                        + Tags.EVENT_NO_SHOW + ", " + Tags.COURSE_ENROLLED + ", " + Tags.COURSE_COMPLETED + ", or "
                        + Tags.EVENT_REGISTERED_PREFIX + "<eventKey>");
            } else if (seen.putIfAbsent(tag.tag(), i) != null) {
                error(path + ".tag", tag.tag() + " already has a campaign in tagCampaigns[" + seen.get(tag.tag())
                        + "]; one campaign per tag");
            }
            campaignId(path + ".campaignId", tag.campaignId());
            status(path + ".memberStatus", tag.memberStatus(), true);
            status(path + ".removedStatus", tag.removedStatus(), false);
        }
    }

    private EventType eventType(String path, String name) {
        EventType type = EventType.ofJson(name);
        if (type == null || type == EventType.MEMBER_DELETED) {
            error(path, (name == null ? "is required" : "is not a member event type a rule can use")
                    + "; one of " + EventType.jsonNames().replace("member.deleted, ", ""));
            return null;
        }
        return type;
    }

    private void itemId(String path, String itemId, EventType type) {
        if (itemId == null || type == null) {
            return;
        }
        if (!type.json().startsWith("event.") && !type.json().startsWith("course.")) {
            error(path, "only event.* and course.* rules can be limited to an event or course id");
        } else if (itemId.isBlank() || itemId.length() > 128) {
            error(path, "must be a non-blank event or course id of at most 128 characters");
        }
    }

    private void membershipStatus(String path, String status, EventType type) {
        if (status == null || type == null) {
            return;
        }
        if (type != EventType.MEMBERSHIP_STATUS_CHANGED) {
            error(path, "only membership.status_changed rules can be limited to a membership status");
        } else if (!MembershipStatuses.ALL.contains(status)) {
            error(path, "must be one of " + String.join(", ", MembershipStatuses.ALL));
        }
    }

    private void campaignId(String path, String id) {
        if (id == null || !CAMPAIGN_ID.matcher(id).matches()) {
            error(path, (id == null ? "is required" : "is not a Campaign id")
                    + ": a Salesforce Campaign id of 15 or 18 characters starting with 701");
        }
    }

    private void status(String path, String status, boolean required) {
        if (status == null) {
            if (required) {
                error(path, "is required: a CampaignMember Status label of the campaign, e.g. Sent");
            }
        } else if (status.isBlank() || status.length() > STATUS_LENGTH) {
            error(path, "must be a non-blank CampaignMember Status label of at most " + STATUS_LENGTH
                    + " characters");
        }
    }

    private void error(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
    }
}
