package io.memberpulse.salesforce.emulator;

/**
 * The schema of "the org the service's defaults use": standard objects with the fields a member
 * sync touches, plus the MemberPulse custom fields and the {@code MemberPulse_Tag__c} object.
 */
public final class DefaultSchema {

    private DefaultSchema() {
    }

    public static OrgSchema create() {
        OrgSchema schema = new OrgSchema();
        account(schema);
        contact(schema);
        lead(schema);
        task(schema);
        campaign(schema);
        campaignMember(schema);
        campaignMemberStatus(schema);
        tag(schema);
        customRecords(schema);
        return schema;
    }

    private static void memberPulseFields(SObjectType type) {
        type.field(Field.externalId("MemberPulse_Id__c", 64).withLabel("MemberPulse Id"))
                .field(Field.text("MemberPulse_Membership_Status__c", 255))
                .field(Field.multiPicklist("MemberPulse_Tags__c", false))
                .field(Field.date("MemberPulse_Member_Since__c"))
                .field(Field.number("MemberPulse_Engagement_Score__c"));
    }

    private static void owner(SObjectType type) {
        type.field(Field.reference("OwnerId", "Owner", "User").withLabel("Owner ID"));
    }

    private static void account(OrgSchema schema) {
        SObjectType t = schema.declareObject("Account");
        t.field(Field.text("Name", 255).withLabel("Account Name").notNillable().withIdLookup())
                .field(Field.externalId("MemberPulse_Company_Key__c", 255).withLabel("MemberPulse Company Key"))
                .field(Field.picklist("Type", false, "Prospect", "Customer - Direct", "Other"))
                .field(Field.picklist("Industry", false, "Education", "Nonprofit", "Other"))
                .field(Field.phone("Phone")).field(Field.of("Website", FieldType.URL, 255))
                .field(Field.textArea("Description", 32000))
                .field(Field.textArea("BillingStreet", 255)).field(Field.text("BillingCity", 40))
                .field(Field.text("BillingState", 80)).field(Field.text("BillingPostalCode", 20))
                .field(Field.text("BillingCountry", 80))
                .require("Name");
        owner(t);
    }

    private static void contact(OrgSchema schema) {
        SObjectType t = schema.declareObject("Contact");
        t.field(Field.picklist("Salutation", false, "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."))
                .field(Field.text("FirstName", 40).withLabel("First Name"))
                .field(Field.text("LastName", 80).withLabel("Last Name"))
                .field(Field.text("Name", 121).withLabel("Full Name").readOnly().withIdLookup())
                .field(Field.email("Email")).field(Field.phone("Phone"))
                .field(Field.phone("MobilePhone").withLabel("Mobile Phone"))
                .field(Field.phone("HomePhone").withLabel("Home Phone"))
                .field(Field.reference("AccountId", "Account", "Account").withLabel("Account ID"))
                .field(Field.text("Title", 128)).field(Field.text("Department", 80))
                .field(Field.textArea("Description", 32000)).field(Field.date("Birthdate"))
                .field(Field.bool("HasOptedOutOfEmail").withLabel("Email Opt Out"))
                .field(Field.bool("DoNotCall").withLabel("Do Not Call"))
                .field(Field.textArea("MailingStreet", 255)).field(Field.text("MailingCity", 40))
                .field(Field.text("MailingState", 80)).field(Field.text("MailingPostalCode", 20))
                .field(Field.text("MailingCountry", 80))
                .field(Field.picklist("LeadSource", false, "Web", "Phone Inquiry", "Partner Referral",
                        "Other"))
                .field(Field.reference("MasterRecordId", "MasterRecord", "Contact").readOnly())
                .require("LastName");
        owner(t);
        memberPulseFields(t);
    }

    private static void lead(OrgSchema schema) {
        SObjectType t = schema.declareObject("Lead");
        t.field(Field.picklist("Salutation", false, "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."))
                .field(Field.text("FirstName", 40).withLabel("First Name"))
                .field(Field.text("LastName", 80).withLabel("Last Name"))
                .field(Field.text("Name", 121).withLabel("Full Name").readOnly())
                .field(Field.text("Company", 255)).field(Field.email("Email"))
                .field(Field.phone("Phone")).field(Field.phone("MobilePhone").withLabel("Mobile Phone"))
                .field(Field.text("Title", 128))
                .field(Field.picklist("Status", true, "Open - Not Contacted", "Working - Contacted",
                        "Closed - Converted", "Closed - Not Converted").withDefault("Open - Not Contacted"))
                .field(Field.picklist("LeadSource", false, "Web", "Phone Inquiry", "Partner Referral",
                        "Other"))
                .field(Field.picklist("Industry", false, "Education", "Nonprofit", "Other"))
                .field(Field.picklist("Rating", false, "Hot", "Warm", "Cold"))
                .field(Field.of("Website", FieldType.URL, 255))
                .field(Field.integer("NumberOfEmployees").withLabel("Employees"))
                .field(Field.of("AnnualRevenue", FieldType.CURRENCY, 0).withLabel("Annual Revenue"))
                .field(Field.textArea("Street", 255)).field(Field.text("City", 40))
                .field(Field.text("State", 80)).field(Field.text("PostalCode", 20))
                .field(Field.text("Country", 80)).field(Field.textArea("Description", 32000))
                .field(Field.bool("HasOptedOutOfEmail").withLabel("Email Opt Out"))
                .field(Field.bool("IsConverted").withLabel("Converted").readOnly())
                .field(Field.reference("ConvertedContactId", "ConvertedContact", "Contact").readOnly())
                .field(Field.reference("ConvertedAccountId", "ConvertedAccount", "Account").readOnly())
                .field(Field.reference("MasterRecordId", "MasterRecord", "Lead").readOnly())
                .field(Field.date("ConvertedDate").readOnly())
                .require("LastName", "Company");
        owner(t);
        memberPulseFields(t);
    }

    private static void task(OrgSchema schema) {
        SObjectType t = schema.declareObject("Task");
        t.field(Field.text("Subject", 255))
                .field(Field.picklist("Status", true, "Not Started", "In Progress", "Completed",
                        "Waiting on someone else", "Deferred").withDefault("Not Started"))
                .field(Field.picklist("Priority", true, "High", "Normal", "Low").withDefault("Normal"))
                .field(Field.reference("WhoId", "Who", "Contact", "Lead").withLabel("Name ID"))
                .field(Field.reference("WhatId", "What", "Account", "Campaign").withLabel("Related To ID"))
                .field(Field.date("ActivityDate").withLabel("Due Date Only"))
                .field(Field.textArea("Description", 32000))
                .field(Field.picklist("Type", false, "Call", "Email", "Meeting", "Other"))
                .field(Field.picklist("TaskSubtype", true, "Task", "Email", "List Email", "Call")
                        .createOnly())
                .field(Field.bool("IsClosed").withLabel("Closed").readOnly())
                .field(Field.externalId("MemberPulse_Activity_Id__c", 64)
                        .withLabel("MemberPulse Activity Id"));
        owner(t);
    }

    private static void campaign(OrgSchema schema) {
        SObjectType t = schema.declareObject("Campaign");
        t.field(Field.text("Name", 80).withLabel("Campaign Name").notNillable())
                .field(Field.picklist("Status", false, "Planned", "In Progress", "Completed", "Aborted"))
                .field(Field.picklist("Type", false, "Conference", "Webinar", "Email", "Other"))
                .field(Field.bool("IsActive").withLabel("Active"))
                .field(Field.date("StartDate")).field(Field.date("EndDate"))
                .field(Field.textArea("Description", 32000))
                .require("Name");
        owner(t);
    }

    private static void campaignMember(OrgSchema schema) {
        SObjectType t = schema.declareObject("CampaignMember");
        t.field(Field.reference("CampaignId", "Campaign", "Campaign").withLabel("Campaign ID")
                        .createOnly())
                .field(Field.reference("ContactId", "Contact", "Contact").withLabel("Contact ID")
                        .createOnly())
                .field(Field.reference("LeadId", "Lead", "Lead").withLabel("Lead ID").createOnly())
                .field(Field.text("Status", 40).withDefault("Sent"))
                .field(Field.bool("HasResponded").withLabel("Responded").readOnly())
                .field(Field.date("FirstRespondedDate").readOnly())
                .require("CampaignId")
                .requireOneOf("ContactId", "LeadId");
    }

    private static void campaignMemberStatus(OrgSchema schema) {
        SObjectType t = schema.declareObject("CampaignMemberStatus");
        t.field(Field.reference("CampaignId", "Campaign", "Campaign").withLabel("Campaign ID").createOnly())
                .field(Field.text("Label", 40).withLabel("Member Status"))
                .field(Field.bool("IsDefault").withLabel("Default"))
                .field(Field.bool("HasResponded").withLabel("Responded"))
                .field(Field.integer("SortOrder"))
                .require("CampaignId", "Label");
    }

    /** The example custom objects of the README's custom-object mappings (membership, event registration). */
    private static void customRecords(OrgSchema schema) {
        SObjectType m = schema.declareObject("MemberPulse_Membership__c");
        m.field(Field.text("Name", 80).withLabel("Membership Name"))
                .field(Field.reference("MemberPulse_Contact__c", "MemberPulse_Contact__r", "Contact")
                        .withLabel("Contact"))
                .field(Field.externalId("MemberPulse_Record_Id__c", 128).withLabel("MemberPulse Record Id"))
                .field(Field.text("MemberPulse_Status__c", 40).withLabel("Status"))
                .field(Field.text("MemberPulse_Plan__c", 80).withLabel("Plan"))
                .field(Field.date("MemberPulse_Start_Date__c").withLabel("Start Date"))
                .field(Field.date("MemberPulse_End_Date__c").withLabel("End Date"));
        owner(m);
        SObjectType r = schema.declareObject("MemberPulse_Event_Registration__c");
        r.field(Field.text("Name", 80).withLabel("Registration Name"))
                .field(Field.reference("MemberPulse_Contact__c", "MemberPulse_Contact__r", "Contact")
                        .withLabel("Contact"))
                .field(Field.externalId("MemberPulse_Record_Id__c", 128).withLabel("MemberPulse Record Id"))
                .field(Field.text("MemberPulse_Event_Id__c", 128).withLabel("Event Id"))
                .field(Field.text("MemberPulse_Event_Name__c", 255).withLabel("Event Name"))
                .field(Field.text("MemberPulse_Status__c", 40).withLabel("Status"))
                .field(Field.date("MemberPulse_Event_Date__c").withLabel("Event Date"));
        owner(r);
    }

    private static void tag(OrgSchema schema) {
        SObjectType t = schema.declareObject("MemberPulse_Tag__c");
        t.field(Field.text("Name", 80).withLabel("MemberPulse Tag Name"))
                .field(Field.reference("MemberPulse_Contact__c", "MemberPulse_Contact__r", "Contact")
                        .withLabel("Contact"))
                .field(Field.text("MemberPulse_Tag_Name__c", 255).withLabel("Tag"))
                .field(Field.externalId("MemberPulse_Tag_Id__c", 128).withLabel("MemberPulse Tag Id"));
        owner(t);
    }
}
