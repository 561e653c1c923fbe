package dev.courseline.localstack.mongo;

import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;

/**
 * Stores the documents of the H2 backend as BSON, the encoding they arrived in, instead of H2's default Java
 * serialisation, which cost a large share of the store's CPU and garbage (docs/performance.md); a document that
 * could not be encoded as BSON could not be sent to a client either, so nothing storable is lost.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /**
     * A document on the heap takes several times its BSON size (map entries, string headers). H2 sizes its page
     * cache by these estimates: too low, and the cache holds far more than it should, filling the heap.
     */
    private static final int HEAP_BYTES_PER_BSON_BYTE = 4;
    private static final int MAX_ENCODING_ATTEMPTS = 1000;

    /** A running average of the encoded size, as H2's own serialising type keeps: measuring each would mean encoding. */
    private volatile int averageSize = 4096;

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_BYTES_PER_BSON_BYTE;
    }

    private void observe(int length) {
        averageSize = (averageSize * 15 + length) / 16;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        observe(BsonInPages.write(buffer, encoded -> encode(document, encoded)));
    }

    /**
     * mongo-java-server updates a stored document in place and then puts it again, while H2's background writer may
     * be writing an earlier page that holds the same object: encoding can then meet a map being changed. Encoding
     * again gets a consistent copy (an update takes microseconds), and the put that follows the change marks the page
     * to be written again anyway. (H2's Java serialisation did not notice such a change and could write a torn one.)
     */
    private static void encode(Document document, ByteBuf encoded) {
        for (int attempt = 1;; attempt++) {
            try {
                BsonEncoder.encodeDocument(document, encoded);
                return;
            } catch (ConcurrentModificationException | NoSuchElementException changedMeanwhile) {
                if (attempt == MAX_ENCODING_ATTEMPTS) {
                    throw changedMeanwhile;
                }
                encoded.clear();
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonInPages.read(buffer, this::observe);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
