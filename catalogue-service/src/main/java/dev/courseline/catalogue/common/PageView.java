package dev.courseline.catalogue.common;

import java.util.List;

/** One page of a filtered list, with what a client needs to ask for the next one. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
