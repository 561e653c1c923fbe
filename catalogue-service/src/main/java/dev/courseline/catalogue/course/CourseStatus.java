package dev.courseline.catalogue.course;

public enum CourseStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
