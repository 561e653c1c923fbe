package dev.courseline.benchmarks;

import java.time.Duration;

/**
 * Where the running local stack is and how hard to push it; every value can be set with {@code -Dname=value}.
 * The defaults are the launcher's ports (./run.sh). {@code reference} (intake only): also run the minimal-intake
 * reference on {@code reference.port}.
 */
record Settings(String enquiryUrl, String mongoUri, String kafka, int concurrency, Duration warmUp, Duration duration,
        double rate, boolean reference, int referencePort) {

    static Settings fromSystemProperties() {
        return new Settings(
                System.getProperty("enquiry.url", "http://localhost:8082"),
                System.getProperty("mongo.uri", "mongodb://localhost:27017"),
                System.getProperty("kafka", "localhost:9092"),
                Integer.getInteger("concurrency", 32),
                Duration.parse(System.getProperty("warmup", "PT60S")),
                Duration.parse(System.getProperty("duration", "PT60S")),
                Double.parseDouble(System.getProperty("rate", "100")),
                Boolean.parseBoolean(System.getProperty("reference", "true")),
                Integer.getInteger("reference.port", 8099));
    }

    String describe() {
        return String.format("concurrency %d, warm-up %ds, measured %ds, rate %.0f/s, enquiry %s, mongo %s, kafka %s",
                concurrency, warmUp.toSeconds(), duration.toSeconds(), rate, enquiryUrl, mongoUri, kafka);
    }
}
