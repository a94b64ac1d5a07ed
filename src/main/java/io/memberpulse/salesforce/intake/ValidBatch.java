package io.memberpulse.salesforce.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch that passed validation.
 *
 * @param unique       the events to store: the first occurrence of each event id, in request order
 * @param requestOrder every event id as the request listed it, repeats included
 */
record ValidBatch(List<InboxEvent> unique, List<String> requestOrder) {

    /**
     * The answer, given the ids this request stored: an id is accepted at its first occurrence
     * when this request stored it, and a duplicate everywhere else.
     */
    IntakeResult outcome(Set<String> stored) {
        Set<String> answered = new HashSet<>(requestOrder.size() * 2);
        List<IntakeResult.Outcome> outcomes = new ArrayList<>(requestOrder.size());
        int accepted = 0;
        for (String eventId : requestOrder) {
            boolean isAccepted = answered.add(eventId) && stored.contains(eventId);
            accepted += isAccepted ? 1 : 0;
            outcomes.add(new IntakeResult.Outcome(eventId,
                    isAccepted ? IntakeResult.ACCEPTED : IntakeResult.DUPLICATE));
        }
        return new IntakeResult(accepted, requestOrder.size() - accepted, outcomes);
    }
}
