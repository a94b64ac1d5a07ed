package io.memberpulse.salesforce.inbound;

import java.util.List;

/** Outbound Message bodies for tests: sample 15a of the reference, and variations of it. */
final class OutboundMessageXml {

    static final String NOTIFICATION_1 = "04ln0000009JvY4AAK";
    static final String NOTIFICATION_2 = "04ln0000009JvY5AAK";
    static final String CONTACT_1 = "003n000000NOtUbAAL";
    static final String CONTACT_2 = "003n000000NOtUcAAL";

    private OutboundMessageXml() {
    }

    /** Sample 15a verbatim, with the tenant's org id. */
    static String sample15(String orgId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + " <soapenv:Body>\n"
                + "  <notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">\n"
                + "   <OrganizationId>" + orgId + "</OrganizationId>\n"
                + "   <ActionId>04kn000000000m5AAA</ActionId>\n"
                + "   <SessionId>00Dn00000008y2t!AQ8AQHwogrxFUHYyM3M65BM_mzU63mbZl78iW8nEItuuU</SessionId>\n"
                + "   <EnterpriseUrl>https://mep--GHINDev.cs30.my.salesforce.com/services/Soap/c/41.0/00Dn00000008y2t"
                + "</EnterpriseUrl>\n"
                + "   <PartnerUrl>https://mep--GHINDev.cs30.my.salesforce.com/services/Soap/u/41.0/00Dn00000008y2t"
                + "</PartnerUrl>\n"
                + "   <Notification>\n"
                + "    <Id>" + NOTIFICATION_1 + "</Id>\n"
                + "    <sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n"
                + "     <sf:Id>" + CONTACT_1 + "</sf:Id>\n"
                + "     <sf:AccountId>001n000000KABYLAA5</sf:AccountId>\n"
                + "     <sf:Birthdate>1978-01-01</sf:Birthdate>\n"
                + "     <sf:CreatedById>00541000000b4LLAAY</sf:CreatedById>\n"
                + "     <sf:CreatedDate>2017-09-01T16:27:19.000Z</sf:CreatedDate>\n"
                + "     <sf:DoNotCall>false</sf:DoNotCall>\n"
                + "     <sf:Email>kxxxxxxxxxic@gmail.com</sf:Email>\n"
                + "     <sf:External_Id__c>G-208230</sf:External_Id__c>\n"
                + "     <sf:FirstName>KYLE</sf:FirstName>\n"
                + "     <sf:HasOptedOutOfEmail>false</sf:HasOptedOutOfEmail>\n"
                + "     <sf:IsDeleted>false</sf:IsDeleted>\n"
                + "     <sf:LastModifiedById>005n0000002w77JAAQ</sf:LastModifiedById>\n"
                + "     <sf:LastModifiedDate>2017-11-03T17:24:20.000Z</sf:LastModifiedDate>\n"
                + "     <sf:LastName>JONES</sf:LastName>\n"
                + "     <sf:OwnerId>00541000000b4LLAAY</sf:OwnerId>\n"
                + "     <sf:SystemModstamp>2017-11-03T17:24:20.000Z</sf:SystemModstamp>\n"
                + "     <sf:npo02__Formula_HouseholdMailingAddress__c>&lt;br&gt;"
                + "</sf:npo02__Formula_HouseholdMailingAddress__c>\n"
                + "    </sObject>\n"
                + "   </Notification>\n"
                + "   <Notification>\n"
                + "    <Id>" + NOTIFICATION_2 + "</Id>\n"
                + "    <sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n"
                + "     <sf:Id>" + CONTACT_2 + "</sf:Id>\n"
                + "     <sf:Email>second.member@example.org</sf:Email>\n"
                + "     <sf:FirstName>ANNA</sf:FirstName>\n"
                + "     <sf:LastName>JONES</sf:LastName>\n"
                + "     <sf:SystemModstamp>2017-11-03T17:24:21.000Z</sf:SystemModstamp>\n"
                + "    </sObject>\n"
                + "   </Notification>\n"
                + "  </notifications>\n"
                + " </soapenv:Body>\n"
                + "</soapenv:Envelope>\n";
    }

    /** The same message with other prefixes everywhere: {@code S:}, {@code om:}, {@code i:}, {@code so:}. */
    static String otherPrefixes(String orgId, String notificationId, String objectType, String recordId) {
        return "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<S:Header/><S:Body>"
                + "<om:notifications xmlns:om=\"http://soap.sforce.com/2005/09/outbound\""
                + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<om:OrganizationId>" + orgId + "</om:OrganizationId>"
                + "<om:ActionId>04kn000000000m5AAA</om:ActionId>"
                + "<om:SessionId i:nil=\"true\"/>"
                + "<om:Notification><om:Id>" + notificationId + "</om:Id>"
                + "<om:sObject i:type=\"so:" + objectType + "\" xmlns:so=\"urn:sobject.enterprise.soap.sforce.com\">"
                + "<so:Id>" + recordId + "</so:Id><so:LastName>Doe</so:LastName></om:sObject></om:Notification>"
                + "</om:notifications></S:Body></S:Envelope>";
    }

    /** A message with one Contact notification per id pair. */
    static String withNotifications(String orgId, List<String[]> notificationAndRecordIds) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + "<OrganizationId>" + orgId + "</OrganizationId><ActionId>04kn000000000m5AAA</ActionId>"
                + "<SessionId xsi:nil=\"true\"/>");
        for (String[] ids : notificationAndRecordIds) {
            xml.append("<Notification><Id>").append(ids[0]).append("</Id>")
                    .append("<sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">")
                    .append("<sf:Id>").append(ids[1]).append("</sf:Id></sObject></Notification>");
        }
        return xml.append("</notifications></soapenv:Body></soapenv:Envelope>").toString();
    }

    /** A well-formed 18-character id: key prefix, a counter, and the checksum suffix. */
    static String id(String keyPrefix, int n) {
        String id15 = keyPrefix + String.format("%012d", n);
        return id15 + SalesforceOrgIds.suffix(id15);
    }
}
