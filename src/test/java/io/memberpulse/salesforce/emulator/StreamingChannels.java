package io.memberpulse.salesforce.emulator;

/** Which CometD channels an org offers (reference §4.4). */
final class StreamingChannels {

    private StreamingChannels() {
    }

    static boolean exists(EmulatedOrg org, String channel) {
        if (channel.equals("/data/ChangeEvents") || channel.startsWith("/topic/") || channel.startsWith("/u/")) {
            return true;
        }
        if (channel.startsWith("/event/")) {
            return channel.endsWith("__e") || channel.endsWith("__chn");
        }
        if (channel.startsWith("/data/") && channel.endsWith("ChangeEvent")) {
            String entity = channel.substring("/data/".length(), channel.length() - "ChangeEvent".length());
            String name = entity.endsWith("__") ? entity + "c" : entity;
            return org.schema().find(name).isPresent();
        }
        return channel.startsWith("/data/") && channel.endsWith("__chn");
    }
}
