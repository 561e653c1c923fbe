package dev.courseline.localstack.mongo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;

/** The client connections a wire-server backend is serving, so that an outage can drop them all at once. */
final class ClientChannels {

    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    void seen(Channel channel) {
        if (channel != null) {
            open.add(channel);
        }
    }

    void closed(Channel channel) {
        open.remove(channel);
    }

    void closeAll() {
        open.forEach(channel -> channel.close().syncUninterruptibly());
        open.clear();
    }
}
