package io.memberpulse.salesforce.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberpulse.salesforce.salesforce.OrgCredentials;
import io.memberpulse.salesforce.salesforce.RecordResult;
import io.memberpulse.salesforce.salesforce.SObject;
import io.memberpulse.salesforce.salesforce.SalesforceClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds or creates the Accounts of new companies, up to 200 per call, before their Contacts are
 * sent. When the org has the external id field {@code MemberPulse_Company_Key__c} on Account, one
 * Collections upsert by it finds or creates in the same call; otherwise new companies are created
 * (the account_link cache then answers for every later member of the same company).
 */
@ApplicationScoped
class AccountResolver {

    static final String COMPANY_KEY_FIELD = "MemberPulse_Company_Key__c";
    /** The lease slot of the Account resolver, apart from the call slots 0..n. */
    private static final int SLOT = -2;

    private final SalesforceClient salesforce;
    private final LinkRepository links;
    private final OutboxRepository outbox;
    private final OutboundConfig config;
    private final Map<String, Boolean> hasCompanyKey = new ConcurrentHashMap<>();
    /** Tenants whose companies this replica is resolving now (the lease holds other replicas off). */
    private final java.util.Set<String> resolving = ConcurrentHashMap.newKeySet();

    AccountResolver(SalesforceClient salesforce, LinkRepository links, OutboxRepository outbox,
            OutboundConfig config) {
        this.salesforce = salesforce;
        this.links = links;
        this.outbox = outbox;
        this.config = config;
    }

    /** Resolves every waiting company of the tenant, unless another slot or replica is doing it. */
    Uni<Void> resolveAll(OrgCredentials org, String holder) {
        if (!resolving.add(org.tenantId())) {
            return Uni.createFrom().voidItem();
        }
        return outbox.lease(org.tenantId(), SLOT, holder, config.leaseDuration())
                .chain(held -> held ? resolveBatches(org, holder) : Uni.createFrom().voidItem())
                .eventually(() -> resolving.remove(org.tenantId()));
    }

    /**
     * Up to one batch per call slot at a time: new companies' Accounts are independent of each
     * other, and every Contact of a new company waits for its Account.
     */
    private Uni<Void> resolveBatches(OrgCredentials org, String holder) {
        int slots = config.callsInFlight();
        return links.unresolvedCompanies(org.tenantId(), config.batchSize() * slots)
                .chain(companies -> createConcurrently(org, companies, slots))
                .chain(resolved -> resolved == config.batchSize() * slots ? resolveBatches(org, holder)
                        : outbox.release(org.tenantId(), SLOT, holder));
    }

    private Uni<Integer> createConcurrently(OrgCredentials org, Map<String, String> companies, int slots) {
        if (companies.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Ask once whether Account has the company key before the batches go out side by side.
        return supportsCompanyKey(org)
                .chain(() -> Multi.createFrom().iterable(batches(companies))
                        .onItem().transformToUni(batch -> create(org, batch)).merge(slots)
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private List<Map<String, String>> batches(Map<String, String> companies) {
        List<Map<String, String>> batches = new ArrayList<>();
        Map<String, String> batch = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> company : companies.entrySet()) {
            batch.put(company.getKey(), company.getValue());
            if (batch.size() == config.batchSize()) {
                batches.add(batch);
                batch = new java.util.LinkedHashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private Uni<Integer> create(OrgCredentials org, Map<String, String> companies) {
        List<String> keys = new ArrayList<>(companies.keySet());
        return supportsCompanyKey(org)
                .chain(keyed -> keyed ? upsertByKey(org, companies, keys) : createAll(org, companies, keys))
                .chain(results -> record(org.tenantId(), keys, results))
                .replaceWith(keys.size());
    }

    private Uni<List<RecordResult>> upsertByKey(OrgCredentials org, Map<String, String> companies,
            List<String> keys) {
        List<SObject> accounts = new ArrayList<>();
        for (String key : keys) {
            accounts.add(SObject.of("Account", Map.of("Name", companies.get(key), COMPANY_KEY_FIELD, key)));
        }
        return salesforce.upsertAll(org, "Account", COMPANY_KEY_FIELD, accounts);
    }

    private Uni<List<RecordResult>> createAll(OrgCredentials org, Map<String, String> companies, List<String> keys) {
        List<SObject> accounts = new ArrayList<>();
        for (String key : keys) {
            accounts.add(SObject.of("Account", Map.of("Name", companies.get(key))));
        }
        return salesforce.createAll(org, accounts);
    }

    private Uni<Void> record(String tenantId, List<String> keys, List<RecordResult> results) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            RecordResult result = results.get(i);
            if (!result.success()) {
                Log.warnf("Tenant %s: no Account for company key '%s' (%s); its Contacts are sent without one",
                        tenantId, keys.get(i), result.errors().isEmpty() ? "?" : result.errors().get(0).statusCode());
            }
            ids.add(result.success() ? result.id() : "");
        }
        return links.resolveAccounts(tenantId, keys, ids);
    }

    /** Whether Account has the company key external id field, asked once per tenant and process. */
    private Uni<Boolean> supportsCompanyKey(OrgCredentials org) {
        Boolean known = hasCompanyKey.get(org.tenantId());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return salesforce.describe(org, "Account")
                .map(AccountResolver::hasExternalCompanyKey)
                .invoke(found -> hasCompanyKey.put(org.tenantId(), found));
    }

    private static boolean hasExternalCompanyKey(JsonNode describe) {
        for (JsonNode field : describe.path("fields")) {
            if (COMPANY_KEY_FIELD.equals(field.path("name").asText()) && field.path("externalId").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
