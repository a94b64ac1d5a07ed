package io.memberpulse.salesforce.campaigns;

import io.memberpulse.salesforce.salesforce.SoqlLiterals;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The SOQL that finds the existing CampaignMembers of some (campaign, person) pairs. */
final class CampaignMemberQuery {

    private CampaignMemberQuery() {
    }

    static String of(List<CampaignMembership> memberships) {
        Set<String> campaigns = new TreeSet<>();
        Set<String> contacts = new TreeSet<>();
        Set<String> leads = new TreeSet<>();
        for (CampaignMembership m : memberships) {
            campaigns.add(m.campaignId());
            (m.isLead() ? leads : contacts).add(m.personId());
        }
        String people;
        if (leads.isEmpty()) {
            people = "ContactId IN " + SoqlLiterals.inList(contacts);
        } else if (contacts.isEmpty()) {
            people = "LeadId IN " + SoqlLiterals.inList(leads);
        } else {
            people = "(ContactId IN " + SoqlLiterals.inList(contacts) + " OR LeadId IN " + SoqlLiterals.inList(leads)
                    + ")";
        }
        return "SELECT Id, CampaignId, ContactId, LeadId, Status FROM CampaignMember WHERE CampaignId IN "
                + SoqlLiterals.inList(campaigns) + " AND " + people;
    }
}
