package dev.courseline.catalogue.events;

/** The CloudEvents {@code ce_type} of everything published on {@link Topics#CATALOGUE_OFFERINGS}. */
public enum CatalogueEventType {
    COURSE_PUBLISHED("course-published"), COURSE_UPDATED("course-updated"), COURSE_WITHDRAWN(
            "course-withdrawn"), RUN_SCHEDULED("run-scheduled"), RUN_RESCHEDULED(
                    "run-rescheduled"), RUN_CAPACITY_CHANGED("run-capacity-changed"), RUN_CONFIRMED(
                            "run-confirmed"), RUN_CANCELLED("run-cancelled"), RUN_COMPLETED("run-completed");

    private final String ceType;

    CatalogueEventType(String name) {
        this.ceType = "courseline.catalogue." + name + ".v1";
    }

    public String ceType() {
        return ceType;
    }
}
