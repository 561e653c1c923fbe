package dev.courseline.catalogue.course;

/** The role a course serves. */
public enum TargetRole {
    PRODUCT_OWNER, SCRUM_MASTER, WHOLE_TEAM, ANY
}
