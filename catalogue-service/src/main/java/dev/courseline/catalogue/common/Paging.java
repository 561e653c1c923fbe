package dev.courseline.catalogue.common;

/** Paging defaults shared by the list endpoints. */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static int page(Integer page) {
        return page == null ? 0 : page;
    }

    public static int size(Integer size) {
        return size == null ? DEFAULT_SIZE : size;
    }
}
