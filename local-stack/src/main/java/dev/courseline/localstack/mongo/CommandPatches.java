package dev.courseline.localstack.mongo;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The commands both backends answer differently from mongo-java-server 1.47: {@link HelloCommand} and
 * {@link ListDatabasesCommand}.
 */
final class CommandPatches {

    private CommandPatches() {
    }

    /**
     * @param standardAnswer mongo-java-server's own handling of a command (by name) in the same database
     * @param databaseNames the databases the backend has open or stored
     * @param openDatabase the backend's open database of that name, opened and kept on first use
     */
    static Document answer(String database, String command, Function<String, Document> standardAnswer,
            Supplier<Collection<String>> databaseNames, Function<String, MongoDatabase> openDatabase) {
        if (HelloCommand.isHello(command)) {
            return HelloCommand.asHelloReply(standardAnswer.apply("isMaster"));
        }
        if (ListDatabasesCommand.isListDatabases(database, command)) {
            return ListDatabasesCommand.answer(databaseNames.get(), openDatabase);
        }
        return standardAnswer.apply(command);
    }
}
