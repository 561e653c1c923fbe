package dev.courseline.enquiry.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for stored documents and events: UUIDs of version 7 (RFC 9562), the creation time in milliseconds first, then
 * 74 random bits, as unguessable as a random UUID for anyone without the exact millisecond. Their text sorts by time,
 * so each insert lands at the end of the collection's and its indexes' B-trees: a store writes back every page an
 * insert touched, and random ids spread a second's inserts over a page each (in every index on them too), where
 * time-ordered ones share a few.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static String next() {
        return of(System.currentTimeMillis()).toString();
    }

    static UUID of(long epochMillis) {
        long mostSignificant = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long leastSignificant = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
