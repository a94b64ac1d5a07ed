package io.memberpulse.salesforce.tags;

/**
 * A tenant's tag settings; {@link #DEFAULTS} fit an org with the documented custom fields.
 *
 * @param target            where tags go
 * @param picklistField     the Contact multi-select picklist (target PICKLIST)
 * @param picklistBaseline  how the picklist's current value is known (see {@link PicklistBaseline})
 * @param objectName        the custom object holding one record per member and tag (target CUSTOM_OBJECT)
 * @param contactField      its lookup to Contact
 * @param tagField          its text field holding the tag value
 * @param externalIdField   its External ID field, set to {@code <memberId>:<tag>}
 */
public record TagSettings(TagTarget target, String picklistField, PicklistBaseline picklistBaseline,
        String objectName, String contactField, String tagField, String externalIdField) {

    /** Defaults: the picklist {@code MemberPulse_Tags__c}, its baseline kept current by change events. */
    public static final TagSettings DEFAULTS = new TagSettings(TagTarget.PICKLIST, "MemberPulse_Tags__c",
            PicklistBaseline.OBSERVED, "MemberPulse_Tag__c", "MemberPulse_Contact__c", "MemberPulse_Tag_Name__c",
            "MemberPulse_Tag_Id__c");
}
