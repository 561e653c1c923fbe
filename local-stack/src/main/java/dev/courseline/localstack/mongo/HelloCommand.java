package dev.courseline.localstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

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
}
