package dev.courseline.enquiry.enrolment;

public record Learner(String name, String email) {

    public static Learner erased() {
        return new Learner("(erased)", "erased@invalid");
    }
}
