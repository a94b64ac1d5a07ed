package io.memberpulse.salesforce.salesforce;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.cometd.common.HashMapMessage;

/**
 * Native image: the reflection the CometD client needs, in one place.
 *
 * <p>{@code JacksonJSONContextClient} (set by {@link StreamingClients}) reads every Bayeux batch with
 * {@code ObjectMapper.readValue(json, List<HashMapMessage>)}: Jackson creates each
 * {@code HashMapMessage} through its public no-argument constructor, found by reflection. Nothing
 * in a REST signature mentions the type, so Quarkus does not register it. Message contents are plain
 * maps, lists, strings and numbers, which need nothing. The rest of the client needs no reflection:
 * the JSON context is handed over as an instance (CometD instantiates one by class name only when
 * given a string), and Jetty's optional virtual-thread lookup falls back to platform threads.
 */
@RegisterForReflection(targets = HashMapMessage.class, ignoreNested = true)
final class StreamingReflection {

    private StreamingReflection() {
    }
}
