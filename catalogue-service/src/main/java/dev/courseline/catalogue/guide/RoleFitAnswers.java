package dev.courseline.catalogue.guide;

/**
 * A visitor's answers to the guide's three questions; an unanswered question counts as "no".
 *
 * @param shapesDirection do you shape direction, decide priorities or own outcomes for a product or service?
 * @param facilitates     do you facilitate delivery, coach teams, remove blockers or lead Agile ways of working?
 * @param wholeTeam       are you training a whole team rather than yourself?
 */
public record RoleFitAnswers(Boolean shapesDirection, Boolean facilitates, Boolean wholeTeam) {

    boolean shapes() {
        return Boolean.TRUE.equals(shapesDirection);
    }

    boolean facilitatesDelivery() {
        return Boolean.TRUE.equals(facilitates);
    }

    boolean trainsWholeTeam() {
        return Boolean.TRUE.equals(wholeTeam);
    }
}
