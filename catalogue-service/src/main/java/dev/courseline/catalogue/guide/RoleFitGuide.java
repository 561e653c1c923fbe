package dev.courseline.catalogue.guide;

import java.util.ArrayList;
import java.util.List;

import dev.courseline.catalogue.guide.RoleFitRecommendation.Choice;

/** The seeds' "Which course should you choose" guidance as a rule: answers in, recommended courses with reasons out. */
public final class RoleFitGuide {

    static final String PSPO = "pspo";
    static final String PSM = "psm";
    static final String IN_HOUSE = "in-house";

    private static final Choice PSPO_CHOICE = new Choice(PSPO,
            "Choose PSPO if you shape direction, decide priorities, or own outcomes for a product or service.");
    private static final Choice PSM_CHOICE = new Choice(PSM,
            "Choose PSM if you facilitate delivery, coach teams, remove blockers, or lead Agile ways of working.");
    private static final Choice IN_HOUSE_CHOICE = new Choice(IN_HOUSE,
            "Train your whole team with a tailored in-house programme, delivered online, onsite or blended "
                    + "to fit your team's context and schedule.");
    private static final String BOTH = "Many organisations train both roles together to improve alignment and "
            + "delivery speed.";

    private RoleFitGuide() {
    }

    public static RoleFitRecommendation recommend(RoleFitAnswers answers) {
        List<Choice> choices = new ArrayList<>();
        if (answers.trainsWholeTeam()) {
            choices.add(IN_HOUSE_CHOICE);
        }
        if (answers.shapes()) {
            choices.add(PSPO_CHOICE);
        }
        if (answers.facilitatesDelivery()) {
            choices.add(PSM_CHOICE);
        }
        if (answers.trainsWholeTeam()) {
            return new RoleFitRecommendation("For a whole team, a tailored in-house programme fits best. " + BOTH,
                    choices);
        }
        if (answers.shapes() && answers.facilitatesDelivery()) {
            return new RoleFitRecommendation("You do a bit of both. " + BOTH, choices);
        }
        if (answers.shapes()) {
            return new RoleFitRecommendation("The Product Owner course fits your role.", choices);
        }
        if (answers.facilitatesDelivery()) {
            return new RoleFitRecommendation("The Scrum Master course fits your role.", choices);
        }
        return new RoleFitRecommendation("Not sure? " + BOTH, List.of(PSPO_CHOICE, PSM_CHOICE));
    }
}
