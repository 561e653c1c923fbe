package dev.courseline.localstack.mongo;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server 1.47 answers {@code listDatabases} by opening every database anew instead of using the open
 * one. The in-memory backend then reports a database holding data as empty; the H2 backend reads every stored
 * document of every collection again to rebuild its non-unique indexes, on every call. Spring Boot's health
 * indicator for the blocking driver lists databases at each readiness probe, so with a few thousand enquiries stored a
 * restarted stack spent minutes of CPU on its own health checks and never became ready. These backends answer from
 * the databases they have open, opening a stored one only the first time, as every other command does.
 */
final class ListDatabasesCommand {

    private ListDatabasesCommand() {
    }

    static boolean isListDatabases(String database, String command) {
        return "admin".equals(database) && "listDatabases".equalsIgnoreCase(command);
    }

    static Document answer(Collection<String> names, Function<String, MongoDatabase> openDatabase) {
        List<Document> databases = names.stream()
                .sorted()
                .map(openDatabase)
                .map(database -> new Document("name", database.getDatabaseName())
                        .append("empty", database.isEmpty()))
                .toList();
        return new Document("databases", databases).append("ok", 1.0);
    }
}
