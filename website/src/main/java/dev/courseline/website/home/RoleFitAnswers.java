package dev.courseline.website.home;

/** The visitor's answers to the role-fit question, as the form sent them ({@code yes}, {@code no} or nothing). */
public record RoleFitAnswers(String shapesDirection, String facilitates, String wholeTeam) {

    boolean anyGiven() {
        return shapesDirection != null || facilitates != null || wholeTeam != null;
    }

    boolean yes(String answer) {
        return "yes".equals(answer);
    }

    /** For the template: whether a radio button was the visitor's choice. */
    public boolean is(String answer, String value) {
        return value.equals(answer);
    }
}
