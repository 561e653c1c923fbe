package dev.courseline.localstack.mongo;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** A BSON document in an H2 page: its length as a variable-size int, then its bytes. */
final class BsonInPages {

    private BsonInPages() {
    }

    /** Writes what {@code encoder} puts into a fresh buffer; answers its length. */
    static int write(WriteBuffer buffer, Consumer<ByteBuf> encoder) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            encoder.accept(encoded);
            int length = encoded.readableBytes();
            buffer.putVarInt(length);
            buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
            return length;
        } finally {
            encoded.release();
        }
    }

    /** Reads one document written by {@link #write}, telling {@code length} its encoded size. */
    static Document read(ByteBuffer buffer, IntConsumer length) {
        int size = DataUtils.readVarInt(buffer);
        length.accept(size);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(), size)));
        buffer.position(buffer.position() + size);
        return document;
    }
}
