package io.memberpulse.salesforce.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** Walks a SOQL result page by page: the first query, then each {@code nextRecordsUrl} until {@code done}. */
final class QueryPages {

    private final SalesforceClient client;
    private final OrgCredentials org;
    private final Function<AccessToken, Uni<Response>> firstPage;

    /** Where the walk is: null before the first page. */
    private static final class Cursor {
        String nextRecordsUrl;
        boolean started;
    }

    QueryPages(SalesforceClient client, OrgCredentials org, Function<AccessToken, Uni<Response>> firstPage) {
        this.client = client;
        this.org = org;
        this.firstPage = firstPage;
    }

    Multi<JsonNode> records() {
        return Multi.createBy().repeating()
                .uni(Cursor::new, this::fetch)
                .whilst(page -> !page.path("done").asBoolean(true))
                .onItem().transformToIterable(page -> page.path("records"));
    }

    private Uni<JsonNode> fetch(Cursor cursor) {
        Uni<JsonNode> page = cursor.started ? client.nextPage(org, cursor.nextRecordsUrl)
                : client.send(org, firstPage);
        cursor.started = true;
        return page.invoke(body -> cursor.nextRecordsUrl = SalesforceResponses.text(body, "nextRecordsUrl", null));
    }
}
