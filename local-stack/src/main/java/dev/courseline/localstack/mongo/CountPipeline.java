package dev.courseline.localstack.mongo;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The pipeline the MongoDB drivers send for {@code countDocuments}: {@code $match}, then optionally {@code $skip} and
 * {@code $limit}, then {@code $group} of all into {@code n: {$sum: 1}}. mongo-java-server runs every pipeline on all
 * documents of the collection, read into memory, whatever the {@code $match}; this one is answered by the
 * collection's count of that query instead, which its indexes can serve ({@link H2FileCollection#count}). Any other
 * pipeline is left to mongo-java-server.
 */
final class CountPipeline {

    private CountPipeline() {
    }

    /** The answer to an {@code aggregate} command that is a count, or null when it is not one. */
    static Document answer(Document command, Function<String, MongoCollection<Object>> collections,
            UnaryOperator<String> namespace) {
        if (!(command.get("aggregate") instanceof String collectionName)
                || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
                || !(pipeline.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)
                || !(pipeline.get(pipeline.size() - 1) instanceof Document last) || !isCountGroup(last)) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (!(stage instanceof Document step) || step.size() != 1) {
                return null;
            }
            if (step.get("$skip") instanceof Number n && skip == 0 && limit == 0) {
                skip = n.intValue();
            } else if (step.get("$limit") instanceof Number n && limit == 0 && n.intValue() > 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoCollection<Object> collection = collections.apply(collectionName);
        if (!(collection instanceof H2FileCollection counted)) {
            return null;
        }
        Document group = (Document) last.get("$group");
        int count = counted.count(match, skip, limit);
        List<Document> batch = count == 0
                ? List.of()
                : List.of(new Document("_id", group.get("_id")).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", namespace.apply(collectionName))
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    private static boolean isCountGroup(Document stage) {
        if (stage.size() != 1 || !(stage.get("$group") instanceof Document group) || group.size() != 2
                || !group.containsKey("_id") || group.get("_id") instanceof Document
                || (group.get("_id") instanceof String id && id.startsWith("$"))) {
            return false;
        }
        return group.get("n") instanceof Document sum && sum.size() == 1 && sum.get("$sum") instanceof Number one
                && one.intValue() == 1 && one.doubleValue() == 1.0;
    }
}
