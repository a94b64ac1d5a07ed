package io.memberpulse.salesforce.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CometD messages of Salesforce Streaming (reference samples 11-14) into stream events. */
class ChangeEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUpdateCarriesOnlyItsChangedFieldsWithTheCompoundNameFlattenedAndNullsKept() throws Exception {
        StreamEvent event = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"schema":"x","event":{"replayId":6421},"payload":{
                  "ChangeEventHeader":{"entityName":"Contact","recordIds":["003RM0000068xVCYAY"],
                    "changeType":"UPDATE","changedFields":["Name.LastName","Phone","MailingAddress.City","LastModifiedDate"],
                    "changeOrigin":"com/salesforce/api/rest/62.0;client=someone","transactionKey":"t",
                    "sequenceNumber":1,"commitTimestamp":1732500000123,"commitUser":"005","commitNumber":1},
                  "Name":{"LastName":"Lovelace"},"Phone":null,"MailingAddress":{"City":"London"},
                  "LastModifiedDate":"2026-11-25T03:00:00.000Z"}}"""));

        assertThat(event.type()).isEqualTo(StreamEvent.Type.CHANGE);
        assertThat(event.replayId()).isEqualTo(6421);
        SalesforceChange change = event.change();
        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(change.objectType()).isEqualTo("Contact");
        assertThat(change.recordIds()).containsExactly("003RM0000068xVCYAY");
        assertThat(change.values().get("LastName").asText()).isEqualTo("Lovelace");
        assertThat(change.values().get("MailingCity").asText()).isEqualTo("London");
        assertThat(change.values().has("Phone")).isTrue();
        assertThat(change.values().get("Phone").isNull()).isTrue();
        assertThat(change.values().has("Name")).isFalse();
        assertThat(change.values().has("ChangeEventHeader")).isFalse();
        assertThat(change.fullRecord()).isFalse();
        assertThat(change.changedAt()).isEqualTo(Instant.ofEpochMilli(1732500000123L));
        assertThat(change.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=someone");
        assertThat(change.source()).isEqualTo(ChangeSource.CDC);
        assertThat(change.sourceKey()).isEqualTo("6421");
    }

    @Test
    void nulledFieldsWhenPresentClearTheirFlattenedFieldsAndAnEmptyOriginIsUnknown() throws Exception {
        StreamEvent event = ChangeEvents.parse("/data/LeadChangeEvent", data("""
                {"event":{"replayId":7},"payload":{"ChangeEventHeader":{"entityName":"Lead","recordIds":["00Q1"],
                  "changeType":"UPDATE","changedFields":[],"nulledFields":["Name.FirstName","Address.Street"],
                  "changeOrigin":"","commitTimestamp":1}}}"""));

        assertThat(event.change().values().get("FirstName").isNull()).isTrue();
        assertThat(event.change().values().get("Street").isNull()).isTrue();
        assertThat(event.change().changeOrigin()).isNull();
    }

    @Test
    void createsAreFullRecordsAndMergeDeletesNameTheWinner() throws Exception {
        StreamEvent create = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":8},"payload":{"ChangeEventHeader":{"entityName":"Contact","recordIds":["0031"],
                  "changeType":"CREATE","commitTimestamp":1},"Name":{"FirstName":"Ada","LastName":"L"}}}"""));
        StreamEvent delete = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":9},"payload":{"ChangeEventHeader":{"entityName":"Contact","recordIds":["0032"],
                  "changeType":"DELETE","commitTimestamp":1},"MasterRecordId":"0031"}}"""));

        assertThat(create.change().fullRecord()).isTrue();
        assertThat(create.change().values().get("FirstName").asText()).isEqualTo("Ada");
        assertThat(delete.change().kind()).isEqualTo(ChangeKind.DELETE);
        assertThat(delete.change().masterRecordId()).isEqualTo("0031");
    }

    @Test
    void gapEventsAndDiffedTextFieldsAreFetchedAndOverflowIsCaughtUp() throws Exception {
        StreamEvent gap = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":10},"payload":{"ChangeEventHeader":{"entityName":"Contact",
                  "recordIds":["0031","0032"],"changeType":"GAP_UPDATE","changeOrigin":"","commitTimestamp":5}}}"""));
        StreamEvent diff = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":11},"payload":{"ChangeEventHeader":{"entityName":"Contact","recordIds":["0031"],
                  "changeType":"UPDATE","changeOrigin":"com/salesforce/api/rest/62.0;client=memberpulse-test",
                  "commitTimestamp":5},"Description":{"diff":"--- \\n+++ abc\\n"}}}"""));
        StreamEvent diffFields = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":14},"payload":{"ChangeEventHeader":{"entityName":"Contact","recordIds":["0031"],
                  "changeType":"UPDATE","diffFields":["Description"],"commitTimestamp":5},"Phone":"1"}}"""));
        StreamEvent overflow = ChangeEvents.parse("/data/ContactChangeEvent", data("""
                {"event":{"replayId":12},"payload":{"ChangeEventHeader":{"entityName":"Contact",
                  "recordIds":["000000000000000AAA"],"changeType":"GAP_OVERFLOW","commitTimestamp":6}}}"""));

        assertThat(gap.type()).isEqualTo(StreamEvent.Type.FETCH_RECORDS);
        assertThat(gap.recordIds()).containsExactly("0031", "0032");
        assertThat(gap.appliesDirectly()).isFalse();
        assertThat(diff.type()).isEqualTo(StreamEvent.Type.FETCH_RECORDS);
        assertThat(diff.change().changeOrigin()).as("kept for the echo check of the fetched record")
                .isEqualTo("com/salesforce/api/rest/62.0;client=memberpulse-test");
        assertThat(diffFields.type()).isEqualTo(StreamEvent.Type.FETCH_RECORDS);
        assertThat(gap.change().kind()).isEqualTo(ChangeKind.UPDATE);
        assertThat(gap.change().changeOrigin()).isNull();
        assertThat(overflow.type()).isEqualTo(StreamEvent.Type.CATCH_UP_OBJECT);
        assertThat(overflow.objectType()).isEqualTo("Contact");
        assertThat(overflow.committedAt()).isEqualTo(Instant.ofEpochMilli(6));
    }

    @Test
    void aPlatformEventBecomesACreateOfTheEventTypeCarryingItsPayload() throws Exception {
        StreamEvent event = ChangeEvents.parse("/event/Low_Ink__e", data("""
                {"schema":"s","event":{"EventUuid":"u-1","replayId":13},"payload":{
                  "CreatedDate":"2023-04-09T18:31:40.517Z","CreatedById":"005","Printer_Model__c":"XZO-5"}}"""));

        assertThat(event.type()).isEqualTo(StreamEvent.Type.PLATFORM_EVENT);
        SalesforceChange change = event.change();
        assertThat(change.objectType()).isEqualTo("Low_Ink__e");
        assertThat(change.kind()).isEqualTo(ChangeKind.CREATE);
        assertThat(change.recordIds()).isEmpty();
        assertThat(change.values().get("Printer_Model__c").asText()).isEqualTo("XZO-5");
        assertThat(change.source()).isEqualTo(ChangeSource.PLATFORM_EVENT);
        assertThat(change.sourceKey()).isEqualTo("u-1");
        assertThat(change.changedAt()).isEqualTo(Instant.parse("2023-04-09T18:31:40.517Z"));
    }

    @Test
    void aMessageWithoutReplayIdIsRefusedNotGuessed() {
        assertThatThrownBy(() -> ChangeEvents.parse("/data/ContactChangeEvent", Map.of("payload", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replayId");
    }

    @Test
    void channelsNameTheirObjects() {
        assertThat(SubscriptionRecovery.objectOf("/data/ContactChangeEvent")).isEqualTo("Contact");
        assertThat(SubscriptionRecovery.objectOf("/data/Employee__ChangeEvent")).isEqualTo("Employee__c");
        assertThat(SubscriptionRecovery.objectOf("/event/Low_Ink__e")).isNull();
        assertThat(PlatformEventChannels.CHANNEL.matcher("/event/Low_Ink__e").matches()).isTrue();
        assertThat(PlatformEventChannels.CHANNEL.matcher("/data/ContactChangeEvent").matches()).isFalse();
        assertThat(PlatformEventChannels.CHANNEL.matcher("/event/Low Ink__e").matches()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }
}
