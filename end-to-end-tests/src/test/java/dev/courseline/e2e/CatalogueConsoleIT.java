package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.WithBrowser;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The catalogue manager in a real browser on the running system: a new course goes from draft to the public site,
 * and a run's learners are listed, moved to new dates and, when the run is cancelled, told so by email.
 */
@WithBrowser
@WithLocalStack
@ExtendWith(SharedSystem.class)
class CatalogueConsoleIT {

    private Site site;
    private StaffConsole console;
    private CourselineSystem system;
    private Mailbox mailbox;

    @BeforeEach
    void visit(Browser browser, CourselineSystem system, Mailbox mailbox) {
        this.site = new Site(browser, system);
        this.console = new StaffConsole(site);
        this.system = system;
        this.mailbox = mailbox;
    }

    @Test
    void coraWritesANewCourseAsADraftAndPublishesItForThePublicToSee() {
        String slug = "agile-coaching-" + Site.unique();
        String title = "Agile Coaching Foundations " + slug.substring(slug.lastIndexOf('-') + 1);
        site.driver.get(site.url("/staff/catalogue/courses/new"));
        console.signInAs("cora", "staff-course-new");
        assertThat(site.heading()).isEqualTo("New course");

        site.forms.fill("slug", slug).fill("summary", "Two days on coaching Scrum teams.")
                .fill("outcomes", "Coach a team through its first Sprints\nFacilitate a Retrospective")
                .fill("durationDays", "2").fill("priceAmount", "950.00");
        site.submitFormWith("slug", "staff-course-no-title");
        assertThat(console.errorNextTo("title")).as("the catalogue's message next to the title").isNotBlank();
        assertThat(site.forms.value("slug")).as("what cora typed is kept").isEqualTo(slug);

        site.forms.fill("title", title);
        site.submitFormWith("slug", "staff-course-draft");
        assertThat(site.path()).isEqualTo("/staff/catalogue/courses/" + slug);
        assertThat(banner()).contains("saved as a draft");
        assertThat(site.fetch(site.url("/courses/" + slug)).statusCode()).as("a draft is not on the public site")
                .isEqualTo(404);

        site.follow(button("Publish"), "staff-course-published");
        assertThat(banner()).contains("published");
        site.open("/staff/catalogue/courses", "staff-courses");
        assertThat(site.mainText()).contains(title);

        site.follow(site.driver.findElement(By.linkText(title)), "staff-course-page");
        site.follow(site.driver.findElement(By.linkText("See it on the website")), "course-new-published");
        assertThat(site.heading()).contains(title);
    }

    @Test
    void coraSeesARunsLearnersGivesItNewDatesAndCancelsItAndItsLearnersAreEmailedEachTime() {
        LocalDate firstDay = LocalDate.now().plusDays(40 + ThreadLocalRandom.current().nextInt(20));
        String runId = CatalogueAdmin.asCora(system).scheduleOnlineRun("pspo", 2, firstDay);
        String tag = Site.unique();
        List<String> seated = List.of("una." + tag + "@roster.example", "tom." + tag + "@roster.example");
        String waiting = "wes." + tag + "@roster.example";
        Learners.enrol(system, runId, "Una Ito", seated.get(0));
        Learners.enrol(system, runId, "Tom Reyes", seated.get(1));
        Learners.enrol(system, runId, "Wes Park", waiting);

        site.driver.get(site.url("/staff/catalogue/runs/" + runId));
        console.signInAs("cora", "staff-run");
        String learners = console.section("learners");
        assertThat(learners).contains("2 of 2 seats taken, 1 waiting").contains(seated).contains(waiting);

        LocalDate newDay = firstDay.plusDays(7);
        console.pickDate("startDate", newDay);
        console.pickDate("endDate", newDay.plusDays(1));
        site.submitFormWith("startDate", "staff-run-new-dates-not-confirmed");
        assertThat(site.mainText()).contains("Tick the box to confirm the new dates");
        assertThat(site.forms.value("startDate")).as("the dates typed are kept").isEqualTo(newDay.toString());

        site.forms.tick("confirm");
        site.submitFormWith("startDate", "staff-run-rescheduled");
        assertThat(banner()).contains("new dates");
        for (String learner : seated) {
            awaitEmail(learner, "New dates:");
        }

        site.forms.tick("cancel-run");
        site.follow(button("Cancel run"), "staff-run-cancelled");
        assertThat(banner()).contains("The run is cancelled");
        for (String learner : List.of(seated.get(0), seated.get(1), waiting)) {
            awaitEmail(learner, "Enrolment cancelled:");
        }
    }

    private void awaitEmail(String recipient, String subjectStart) {
        await().alias("'" + subjectStart + "' email to " + recipient).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mailbox.to(recipient, mail -> mail.subject().startsWith(subjectStart)),
                        mails -> !mails.isEmpty());
    }

    private String banner() {
        return site.driver.findElement(By.cssSelector("main [role='status']")).getText();
    }

    private WebElement button(String text) {
        return site.driver.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }
}
