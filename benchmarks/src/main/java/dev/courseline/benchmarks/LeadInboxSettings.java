package dev.courseline.benchmarks;

import java.time.Duration;

/**
 * Where the running stack is and how the lead inbox is measured; every value can be set with {@code -Dname=value}.
 * {@code leads} is how many leads the store holds once seeding is done (seeding adds only what is missing).
 */
record LeadInboxSettings(String enquiryUrl, String identityUrl, String mongoUri, int leads, int warmUpRequests,
        int measuredRequests, Duration timeout) {

    static LeadInboxSettings fromSystemProperties() {
        return new LeadInboxSettings(
                System.getProperty("enquiry.url", "http://localhost:8082"),
                System.getProperty("identity.url", "http://localhost:9000"),
                System.getProperty("mongo.uri", "mongodb://localhost:27017"),
                Integer.getInteger("leads", 100_000),
                Integer.getInteger("warmup.requests", 10),
                Integer.getInteger("requests", 40),
                Duration.parse(System.getProperty("timeout", "PT60S")));
    }

    String describe() {
        return String.format("leads %,d, %d warm-up and %d measured requests per filter, one at a time, enquiry %s, "
                + "mongo %s", leads, warmUpRequests, measuredRequests, enquiryUrl, mongoUri);
    }
}
