package dev.courseline.catalogue.guide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.courseline.catalogue.guide.RoleFitRecommendation.Choice;

class RoleFitGuideTest {

    @Test
    void someoneWhoShapesDirectionIsPointedToPspo() {
        RoleFitRecommendation recommendation = RoleFitGuide.recommend(new RoleFitAnswers(true, false, false));
        assertThat(recommendation.recommendations()).extracting(Choice::courseSlug).containsExactly("pspo");
        assertThat(recommendation.recommendations().get(0).reason()).contains("own outcomes");
    }

    @Test
    void someoneWhoFacilitatesAndCoachesIsPointedToPsm() {
        RoleFitRecommendation recommendation = RoleFitGuide.recommend(new RoleFitAnswers(null, true, null));
        assertThat(recommendation.recommendations()).extracting(Choice::courseSlug).containsExactly("psm");
        assertThat(recommendation.recommendations().get(0).reason()).contains("remove blockers");
    }

    @Test
    void doingBothOrNotKnowingSuggestsTrainingBothRoles() {
        assertThat(RoleFitGuide.recommend(new RoleFitAnswers(true, true, false)).recommendations())
                .extracting(Choice::courseSlug).containsExactly("pspo", "psm");
        RoleFitRecommendation unsure = RoleFitGuide.recommend(new RoleFitAnswers(null, null, null));
        assertThat(unsure.summary()).startsWith("Not sure?").contains("train both roles together");
        assertThat(unsure.recommendations()).extracting(Choice::courseSlug).containsExactly("pspo", "psm");
    }

    @Test
    void aWholeTeamIsPointedToTheInHouseProgrammeFirst() {
        RoleFitRecommendation team = RoleFitGuide.recommend(new RoleFitAnswers(true, false, true));
        assertThat(team.recommendations()).extracting(Choice::courseSlug)
                .containsExactly("in-house", "pspo");
        assertThat(team.recommendations().get(0).reason()).contains("online, onsite or blended");
    }
}
