package dev.courseline.catalogue.common;

public enum DeliveryMode {
    ONLINE, ONSITE, BLENDED
}
