package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberpulse.salesforce.mapping.ContactMapping;
import io.memberpulse.salesforce.mapping.DeletedMemberPolicy;
import io.memberpulse.salesforce.mapping.FieldMapping;
import io.memberpulse.salesforce.mapping.FieldRule;
import io.memberpulse.salesforce.mapping.MemberField;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpQueryTest {

    /** Email mapped to a custom Contact field, phone to the standard one. */
    private static final ContactMapping CUSTOM_EMAIL = new ContactMapping("MemberPulse_Id__c",
            "MemberPulse_Membership_Status__c", DeletedMemberPolicy.IGNORE, 0.5, List.of(
                    new FieldMapping(MemberField.EMAIL, "Personal_Email__c", FieldRule.TWO_WAY),
                    new FieldMapping(MemberField.PHONE, "Phone", FieldRule.FROM_SALESFORCE),
                    new FieldMapping(MemberField.COMPANY, "Account.Name", FieldRule.TO_SALESFORCE)));
    private static final Instant FROM = Instant.parse("2026-11-25T06:00:00.250Z");

    @Test
    void contactCatchUpSelectsEveryMappedFieldSalesforceMaySend() {
        assertThat(CatchUpQuery.soql("Contact", CUSTOM_EMAIL, FROM)).isEqualTo(
                "SELECT Id, IsDeleted, MasterRecordId, SystemModstamp, Personal_Email__c, Phone FROM Contact "
                        + "WHERE SystemModstamp >= 2026-11-25T06:00:00Z ORDER BY SystemModstamp ASC");
    }

    @Test
    void leadCatchUpLeavesOutContactOnlyFieldsSoOneCustomFieldCannotFailTheQuery() {
        assertThat(CatchUpQuery.soql("Lead", CUSTOM_EMAIL, FROM)).isEqualTo(
                "SELECT Id, IsDeleted, MasterRecordId, SystemModstamp, Phone FROM Lead "
                        + "WHERE SystemModstamp >= 2026-11-25T06:00:00Z ORDER BY SystemModstamp ASC");
    }
}
