package io.memberpulse.salesforce.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One emulated Salesforce org: id, connected-app credentials, schema, records, API limits and the
 * retained streaming events. Test helpers here simulate what people do in Salesforce's UI.
 */
public final class EmulatedOrg {

    private final SalesforceEmulator emulator;
    private final String orgId;
    private final String clientId;
    private final String clientSecret;
    private final String integrationUserId = SalesforceIds.newId("005");
    private final String uiUserId = SalesforceIds.newId("005");
    private final java.util.function.Supplier<OrgSchema> schemaFactory;
    private volatile OrgSchema schema;
    private final RecordStore store = new RecordStore();
    private final LimitsTracker limits = new LimitsTracker();
    private final EventStore events;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Set<String> callbackUrls = new CopyOnWriteArraySet<>();

    EmulatedOrg(SalesforceEmulator emulator, String clientId, String clientSecret,
            java.util.function.Supplier<OrgSchema> schemaFactory) {
        this.emulator = emulator;
        this.orgId = SalesforceIds.newId("00D");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.schemaFactory = schemaFactory;
        this.schema = schemaFactory.get();
        this.events = new EventStore(emulator.clock());
    }

    public String orgId() {
        return orgId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The connected app's Run As user: CreatedById/commitUser of API writes. */
    public String integrationUserId() {
        return integrationUserId;
    }

    /** The user the UI helpers act as. */
    public String uiUserId() {
        return uiUserId;
    }

    public OrgSchema schema() {
        return schema;
    }

    public RecordStore store() {
        return store;
    }

    public LimitsTracker limits() {
        return limits;
    }

    public EventStore events() {
        return events;
    }

    /** Declares a field (and its object if new), e.g. {@code declareField("Contact", Field.text("X__c", 255))}. */
    public EmulatedOrg declareField(String objectName, Field field) {
        schema.declareField(objectName, field);
        return this;
    }

    /** Restricts authorize redirects to these callback URLs (none registered: any is accepted). */
    public EmulatedOrg addCallbackUrl(String url) {
        callbackUrls.add(url);
        return this;
    }

    boolean acceptsRedirect(String uri) {
        return callbackUrls.isEmpty() || callbackUrls.contains(uri);
    }

    public StoredRecord record(String id) {
        return store.find(id).orElse(null);
    }

    /** Live records of an object. */
    public List<StoredRecord> records(String type) {
        return store.all(type).stream().filter(r -> !r.isDeleted()).toList();
    }

    /** Creates a record without API accounting or CDC events (fixtures). Returns its id. */
    public String seed(String type, Map<String, Object> fields) {
        return UserActions.save(this, new WriteContext("", uiUserId, false), false, tx ->
                tx.create(type(type), RecordDecoder.decode(type(type), fields)));
    }

    /** A user creates a record in the Salesforce UI (CDC CREATE with the UI changeOrigin). */
    public String userCreate(String type, Map<String, Object> fields) {
        return UserActions.save(this, uiContext(), true, tx -> tx.create(type(type), RecordDecoder.decode(type(type), fields)));
    }

    /** A user edits a record in the Salesforce UI (CDC UPDATE, changeOrigin without the service's client). */
    public void userUpdate(String type, String id, Map<String, Object> fields) {
        userUpdate(type, id, fields, WriteContext.uiOrigin(emulator.latestApiVersion()));
    }

    /** A user edit with an explicit changeOrigin ({@code ""} for changes not made through the API/UI). */
    public void userUpdate(String type, String id, Map<String, Object> fields, String changeOrigin) {
        UserActions.save(this, new WriteContext(changeOrigin, uiUserId, false), true,
                tx -> tx.update(type(type), id, RecordDecoder.decode(type(type), fields)));
    }

    /**
     * A change applied directly in Salesforce's database (archiving, cleanup jobs): the record
     * changes but no change event is published. Real orgs then publish a gap event, if anything
     * (reference §5.4); tests follow with {@code publishGap} or {@code publishOverflow}.
     */
    public void directUpdate(String type, String id, Map<String, Object> fields) {
        UserActions.save(this, new WriteContext("", uiUserId, false), false,
                tx -> tx.update(type(type), id, RecordDecoder.decode(type(type), fields)));
    }

    /** A user deletes a record (CDC DELETE). */
    public void userDelete(String id) {
        UserActions.save(this, uiContext(), true, tx -> tx.delete(id));
    }

    /** A user restores a record from the recycle bin (CDC UNDELETE). */
    public void userUndelete(String id) {
        UserActions.save(this, uiContext(), true, tx -> tx.undelete(id));
    }

    /** Converts a lead into a new Contact and Account; returns the Contact id. */
    public String convertLead(String leadId) {
        return UserActions.convertLead(this, uiContext(), leadId);
    }

    /** Merges {@code loserId} into {@code winnerId}: reparents lookups, deletes the loser with MasterRecordId. */
    public void merge(String winnerId, String loserId) {
        UserActions.merge(this, uiContext(), winnerId, loserId);
    }

    /** Starts a write transaction (holds the org's write lock until closed). */
    public OrgTransaction begin(WriteContext context) {
        return new OrgTransaction(this, context);
    }

    public SObjectType type(String name) {
        return schema.find(name).orElseThrow(() -> new IllegalArgumentException("no object " + name));
    }

    /** Forgets records, events, usage and declared fields; keeps credentials. Seeds the default campaigns again. */
    public void reset() {
        writeLock.lock();
        try {
            schema = schemaFactory.get();
            store.clear();
            events.clear();
            limits.reset();
        } finally {
            writeLock.unlock();
        }
        seedCampaigns();
    }

    void seedCampaigns() {
        if (schema.find("Campaign").isEmpty()) {
            return;
        }
        for (String name : List.of("Annual Conference", "Spring Newsletter", "Member Webinar Series")) {
            seedCampaign(name);
        }
    }

    /**
     * Creates an active Campaign with member statuses, like Salesforce's UI: the given labels (the
     * first is the default), or Salesforce's own {@code Sent} (default) and {@code Responded}.
     * Returns the Campaign id.
     */
    public String seedCampaign(String name, String... statuses) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("Name", name);
        campaign.put("Status", "In Progress");
        campaign.put("IsActive", true);
        String id = seed("Campaign", campaign);
        if (schema.find("CampaignMemberStatus").isEmpty()) {
            return id;
        }
        List<String> labels = statuses.length == 0 ? List.of("Sent", "Responded") : List.of(statuses);
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("CampaignId", id);
            status.put("Label", labels.get(i));
            status.put("IsDefault", i == 0);
            status.put("HasResponded", statuses.length == 0 ? i == 1 : i > 0);
            status.put("SortOrder", i + 1);
            seed("CampaignMemberStatus", status);
        }
        return id;
    }

    WriteContext uiContext() {
        return new WriteContext(WriteContext.uiOrigin(emulator.latestApiVersion()), uiUserId, false);
    }

    ReentrantLock writeLock() {
        return writeLock;
    }

    EmulatorClock clock() {
        return emulator.clock();
    }

    Faults faults() {
        return emulator.faults();
    }

    CdcPublisher cdc() {
        return emulator.cdc();
    }

    SalesforceEmulator emulator() {
        return emulator;
    }
}
