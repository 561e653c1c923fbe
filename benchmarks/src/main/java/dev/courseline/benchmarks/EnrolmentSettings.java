package dev.courseline.benchmarks;

/**
 * The enrolment benchmark's own settings, kept apart from {@link Settings} so that each report names only what its
 * benchmark used; every value can be set with {@code -Dname=value}. The defaults are the launcher's ports (./run.sh)
 * and the figure: 500 simultaneous enrolments for 20 seats.
 */
record EnrolmentSettings(String catalogueUrl, String identityUrl, String enquiryUrl, String mongoUri, String course,
        int crowd, int seats, int rounds, int warmUpRounds) {

    /** Takes the enquiry service and the store from {@code shared}, so both reports read the same properties. */
    static EnrolmentSettings fromSystemProperties(Settings shared) {
        return new EnrolmentSettings(
                System.getProperty("catalogue.url", "http://localhost:8081"),
                System.getProperty("identity.url", "http://localhost:9000"),
                shared.enquiryUrl(),
                shared.mongoUri(),
                System.getProperty("course", "psm"),
                Integer.getInteger("crowd", 500),
                Integer.getInteger("seats", 20),
                Integer.getInteger("rounds", 5),
                Integer.getInteger("warmup.rounds", 3));
    }

    String describe() {
        return String.format("crowd %d, seats %d, rounds %d after %d warm-up, a fresh run of %s each, catalogue %s, "
                + "identity %s, enquiry %s, mongo %s",
                crowd, seats, rounds, warmUpRounds, course, catalogueUrl, identityUrl, enquiryUrl, mongoUri);
    }
}
