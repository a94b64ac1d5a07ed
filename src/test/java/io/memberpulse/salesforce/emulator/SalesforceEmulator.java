package io.memberpulse.salesforce.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.server.BayeuxServer;

/**
 * A stateful, multi-org Salesforce emulator on one Jetty port: OAuth, REST (50.0-62.0), sObject
 * Collections, SOQL, Bulk API 2.0 ingest, CometD streaming with CDC, and an Outbound Message
 * sender. The default org (client {@code emulator-client} / {@code emulator-secret}) always exists.
 */
public final class SalesforceEmulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "emulator-client";
    public static final String DEFAULT_CLIENT_SECRET = "emulator-secret";

    private final EmulatorSettings settings;
    private final EmulatorClock clock = new EmulatorClock();
    private final CallLog callLog = new CallLog();
    private final OAuthTokens tokens = new OAuthTokens(clock);
    private final Faults faults = new Faults(this);
    private final StreamingServer streaming = new StreamingServer();
    private final CdcPublisher cdc = new CdcPublisher(streaming);
    private final QueryResource queries = new QueryResource();
    private final BulkIngestResource bulk = new BulkIngestResource();
    private final OutboundMessageSender outbound = new OutboundMessageSender(this);
    private final Map<String, EmulatedOrg> orgsById = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesforce-emulator-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final EmulatedOrg defaultOrg;
    private EmulatorServer server;

    private SalesforceEmulator(EmulatorSettings settings) {
        this.settings = settings;
        this.defaultOrg = createOrg(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    }

    /** Starts an emulator on the port (0: a free one) with default settings. */
    public static SalesforceEmulator start(int port) {
        return start(port, EmulatorSettings.defaults());
    }

    public static SalesforceEmulator start(int port, EmulatorSettings settings) {
        SalesforceEmulator emulator = new SalesforceEmulator(settings);
        emulator.startServer(port);
        return emulator;
    }

    private void startServer(int port) {
        server = new EmulatorServer(this, settings, port);
        BayeuxServer bayeux = server.start();
        StreamingExtension extension = new StreamingExtension(this);
        bayeux.addExtension(extension);
        bayeux.addListener(extension);
        streaming.attach(bayeux);
    }

    /** {@code http://localhost:PORT}: login host, My Domain and instance URL of every org. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public int port() {
        return server.port();
    }

    public EmulatedOrg defaultOrg() {
        return defaultOrg;
    }

    /** Adds an org with the default schema and its own 18-char org id. */
    public EmulatedOrg createOrg(String clientId, String clientSecret) {
        return createOrg(clientId, clientSecret, DefaultSchema::create);
    }

    /** Adds an org whose schema comes from the factory (called again when the org is reset). */
    public EmulatedOrg createOrg(String clientId, String clientSecret, java.util.function.Supplier<OrgSchema> schema) {
        EmulatedOrg org = new EmulatedOrg(this, clientId, clientSecret, schema);
        orgsById.put(org.orgId(), org);
        org.seedCampaigns();
        return org;
    }

    /** The org with this 18-char (or 15-char) org id. */
    public EmulatedOrg org(String orgId) {
        return findOrg(orgId).orElseThrow(() -> new IllegalArgumentException("no org " + orgId));
    }

    public Optional<EmulatedOrg> findOrg(String orgId) {
        if (orgId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(orgsById.get(orgId.length() == 15 ? SalesforceIds.to18(orgId) : orgId));
    }

    public Optional<EmulatedOrg> findOrgByClientId(String clientId) {
        return orgsById.values().stream().filter(o -> o.clientId().equals(clientId)).findFirst();
    }

    public List<EmulatedOrg> orgs() {
        return List.copyOf(orgsById.values());
    }

    public OAuthTokens oauth() {
        return tokens;
    }

    public Faults faults() {
        return faults;
    }

    public CallLog callLog() {
        return callLog;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public StreamingServer streaming() {
        return streaming;
    }

    public CdcPublisher cdc() {
        return cdc;
    }

    public OutboundMessageSender outboundMessages() {
        return outbound;
    }

    /** Caps SOQL page size (default 2000), so tests can page through a few records. */
    public void setQueryBatchSize(int size) {
        queries.setMaxBatchSize(size);
    }

    /** Publishes a gap event (GAP_CREATE/GAP_UPDATE/GAP_DELETE/GAP_UNDELETE) for records of an object. */
    public void publishGap(EmulatedOrg org, String entity, String changeType, String... recordIds) {
        cdc.publishGap(org, entity, changeType, List.of(recordIds));
    }

    /** Publishes a GAP_OVERFLOW event for an object. */
    public void publishOverflow(EmulatedOrg org, String entity) {
        cdc.publishOverflow(org, entity, WriteContext.restOrigin(latestApiVersion(), null));
    }

    /** Publishes a platform event on {@code /event/<eventName>}. */
    public void publishPlatformEvent(EmulatedOrg org, String eventName, Map<String, Object> fields) {
        streaming.publishPlatformEvent(org, eventName, fields);
    }

    /** Merges {@code loserId} into {@code winnerId} in whichever org holds them (CDC DELETE with MasterRecordId). */
    public void merge(String winnerId, String loserId) {
        orgOfRecord(winnerId).merge(winnerId, loserId);
    }

    /** The CometD server forgets every client; their next connect gets {@code 403::Unknown client}. */
    public void dropAllCometdClients() {
        streaming.dropAllClients();
    }

    /** Every access token becomes invalid (REST 401, CometD 401::Authentication invalid). */
    public void expireAllSessions() {
        tokens.expireAllAccessTokens();
    }

    /** The org holding a record. */
    public EmulatedOrg orgOfRecord(String recordId) {
        return orgsById.values().stream().filter(o -> o.store().find(recordId).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no record " + recordId));
    }

    /** Back to a fresh state between tests: default org only and empty, no faults, empty call log. */
    public void reset() {
        orgsById.values().removeIf(o -> o != defaultOrg);
        defaultOrg.reset();
        faults.clear();
        callLog.reset();
        queries.reset();
        bulk.reset();
        tokens.resetCounters();
        clock.reset();
        outbound.reset();
    }

    public String latestApiVersion() {
        return ApiVersions.LAST + ".0";
    }

    @Override
    public void close() {
        stop();
    }

    public void stop() {
        outbound.reset();
        scheduler.shutdownNow();
        server.stop();
    }

    void refuseConnectionsFor(Duration duration) {
        server.closePort();
        scheduler.schedule(server::reopen, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    OAuthTokens tokens() {
        return tokens;
    }

    QueryResource queries() {
        return queries;
    }

    BulkIngestResource bulk() {
        return bulk;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
