package io.memberpulse.salesforce.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns committed changes into Change Data Capture events as CometD delivers them (reference §5,
 * samples 11-13): sparse payloads, {@code ChangeEventHeader}, one transactionKey per transaction.
 */
public final class CdcPublisher {

    private final StreamingServer streaming;
    private final AtomicLong commitNumber = new AtomicLong(11_449_590_000_000L);

    CdcPublisher(StreamingServer streaming) {
        this.streaming = streaming;
    }

    /** The CDC channel of an object: {@code /data/ContactChangeEvent}, {@code /data/Tag__ChangeEvent}. */
    public static String channelOf(String entity) {
        return entity.endsWith("__c")
                ? "/data/" + entity.substring(0, entity.length() - 1) + "ChangeEvent"
                : "/data/" + entity + "ChangeEvent";
    }

    void publish(EmulatedOrg org, List<RecordChange> changes, WriteContext context, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        String transactionKey = newTransactionKey();
        long commit = commitNumber.incrementAndGet();
        int sequence = 0;
        for (RecordChange change : changes) {
            Map<String, Object> payload = new LinkedHashMap<>();
            List<String> changedFields = body(org, change, payload);
            Map<String, Object> header = header(commit, context.userId(), ++sequence, change.after().type(),
                    change.changeType(), changedFields, context.changeOrigin(), transactionKey, at,
                    List.of(change.after().id()));
            payload.put("ChangeEventHeader", header);
            emit(org, change.after().type(), payload);
        }
    }

    /** A gap event (GAP_CREATE/UPDATE/DELETE/UNDELETE): header only, empty changeOrigin (sample 13b). */
    public void publishGap(EmulatedOrg org, String entity, String changeType, List<String> recordIds) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ChangeEventHeader", header(commitNumber.incrementAndGet(), org.integrationUserId(), 1, entity,
                changeType, List.of(), "", newTransactionKey(), org.clock().nowSeconds(), recordIds));
        emit(org, entity, payload);
    }

    /** A GAP_OVERFLOW event: record id {@code 000000000000000AAA} (sample 13c). */
    public void publishOverflow(EmulatedOrg org, String entity, String changeOrigin) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ChangeEventHeader", header(commitNumber.incrementAndGet(), org.integrationUserId(), 1, entity,
                "GAP_OVERFLOW", List.of(), changeOrigin, newTransactionKey(), org.clock().nowSeconds(),
                List.of(SalesforceIds.EMPTY_ID)));
        emit(org, entity, payload);
    }

    private void emit(EmulatedOrg org, String entity, Map<String, Object> payload) {
        streaming.publish(org, List.of(channelOf(entity), "/data/ChangeEvents"),
                replayId -> Json.obj("schema", schemaId(entity), "payload", payload,
                        "event", Json.obj("replayId", replayId)));
    }

    private static Map<String, Object> header(long commit, String user, int sequence, String entity, String type,
            List<String> changedFields, String origin, String transactionKey, Instant at, List<String> ids) {
        return Json.obj("commitNumber", commit, "commitUser", user, "sequenceNumber", sequence,
                "entityName", entity, "changeType", type, "changedFields", changedFields,
                "changeOrigin", origin, "transactionKey", transactionKey,
                "commitTimestamp", at.toEpochMilli(), "recordIds", ids);
    }

    /** Fills the payload fields of a change; returns changedFields (UPDATE only). */
    private List<String> body(EmulatedOrg org, RecordChange change, Map<String, Object> payload) {
        String entity = change.after().type();
        List<String> changed = new ArrayList<>();
        switch (change.changeType()) {
            case "CREATE":
            case "UNDELETE":
                change.after().fields().forEach((k, v) -> {
                    if (v != null && !List.of("Id", "IsDeleted", "SystemModstamp").contains(k)) {
                        put(payload, entity, k, v);
                    }
                });
                break;
            case "UPDATE":
                for (String field : change.touched()) {
                    if (isLargeTextChange(org, entity, field, change)) {
                        payload.put(field, Map.of("diff", diff(change.after().get(field))));
                        changed.add(field);
                    } else if (!Objects.equals(change.before().get(field), change.after().get(field))) {
                        changed.add(put(payload, entity, field, change.after().get(field)));
                    }
                }
                put(payload, entity, "LastModifiedDate", change.after().get("LastModifiedDate"));
                changed.add("LastModifiedDate");
                if (!Objects.equals(change.before().get("LastModifiedById"), change.after().get("LastModifiedById"))) {
                    changed.add(put(payload, entity, "LastModifiedById", change.after().get("LastModifiedById")));
                }
                break;
            default:
                payload.putAll(change.extra());
                break;
        }
        return changed;
    }

    /**
     * Reference §5.3: a change to a large text field (long text area, new value over 1,000 characters,
     * the doc example's threshold) that had a value before comes as a diff, which a subscriber cannot
     * apply: it must read the record.
     */
    private static boolean isLargeTextChange(EmulatedOrg org, String entity, String field, RecordChange change) {
        Object before = change.before().get(field);
        Object after = change.after().get(field);
        boolean longTextArea = org.schema().find(entity).flatMap(type -> type.find(field))
                .map(f -> f.type() == FieldType.TEXTAREA && f.length() > 255).orElse(false);
        return longTextArea && before instanceof String && after instanceof String && !before.equals(after)
                && ((String) after).length() > 1000;
    }

    /** {@code --- \n+++ <sha256 of the new value>\n...}: the shape CometD shows, not a usable patch. */
    private static String diff(Object after) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(after).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(String.format("%02x", b));
            }
            return "--- \n+++ " + hex + "\n@@ -1 +1 @@\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a field the CometD way (compound nesting, UTC datetimes); returns its changedFields name. */
    @SuppressWarnings("unchecked")
    private static String put(Map<String, Object> payload, String entity, String field, Object value) {
        if (CompoundFields.isDerived(entity, field)) {
            return field;
        }
        Object out = value instanceof String && ((String) value).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+0000")
                ? EmulatorClock.event(EmulatorClock.parse((String) value)) : value;
        var part = CompoundFields.of(entity, field);
        if (part.isPresent()) {
            Map<String, Object> compound = (Map<String, Object>) payload.computeIfAbsent(part.get().compound(),
                    k -> new LinkedHashMap<>());
            compound.put(part.get().component(), out);
            return part.get().compound() + "." + part.get().component();
        }
        payload.put(field, out);
        return field;
    }

    private static String newTransactionKey() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    static String schemaId(String entity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entity.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
