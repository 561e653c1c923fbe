package dev.courseline.enquiry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = TimeOrderedIds.of(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsSortByTheirMillisecondAsText() {
        String earlier = TimeOrderedIds.of(1_795_000_000_123L).toString();
        String later = TimeOrderedIds.of(1_795_000_000_124L).toString();
        String muchLater = TimeOrderedIds.of(2_500_000_000_000L).toString();

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.of(1_795_000_000_123L).toString());
        }
        assertThat(ids).hasSize(10_000);
    }
}
