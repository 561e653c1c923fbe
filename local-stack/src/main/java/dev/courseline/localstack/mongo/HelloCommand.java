package dev.courseline.localstack.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;

/**
 * mongo-java-server 1.47 knows {@code isMaster} but not its successor {@code hello}, which Spring Boot's Mongo health
 * indicator sends: these backends answer {@code hello} as {@code isMaster}, so readiness can include Mongo unchanged.
 */
final class HelloCommand {

    private HelloCommand() {
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    static Document asHelloReply(Document isMasterReply) {
        isMasterReply.put("isWritablePrimary", Boolean.TRUE);
        return isMasterReply;
    }

    static final class InMemory extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return isHello(command)
                    ? asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
        }
    }
}
