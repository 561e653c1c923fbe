package dev.courseline.catalogue.seed;

import java.time.Instant;
import java.util.List;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.course.Certification;
import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.course.CourseKind;
import dev.courseline.catalogue.course.CourseStatus;
import dev.courseline.catalogue.course.TargetRole;

/** The provider's offerings as the seed pages describe them ("Product Owner vs Scrum Master", in-house, membership). */
final class SeedCourses {

    static final String PSPO = "pspo";
    static final String PSM = "psm";

    private SeedCourses() {
    }

    static List<Course> all(Instant now) {
        return List.of(
                new Course(PSPO, "Professional Scrum Product Owner (PSPO)", CourseKind.PUBLIC_COURSE,
                        TargetRole.PRODUCT_OWNER,
                        "For people who shape direction, decide priorities, or own outcomes for a product or service. "
                                + "The Product Owner maximises product value by managing the Product Backlog and "
                                + "aligning stakeholders: value, outcomes and priorities.",
                        List.of("Clarify product goals and desired outcomes, aligned to business value",
                                "Create, maintain and order the Product Backlog so the team works on the most "
                                        + "valuable items first",
                                "Engage stakeholders and users to refine priorities and validate direction",
                                "Ensure the backlog is transparent, understood and ready for delivery",
                                "Review progress and adjust priorities based on learning and feedback"),
                        new Certification("Scrum.org", "PSPO I", true), 2,
                        List.of(DeliveryMode.ONLINE, DeliveryMode.ONSITE), Money.of("1195.00", "GBP"),
                        CourseStatus.PUBLISHED, 1, now),
                new Course(PSM, "Professional Scrum Master (PSM)", CourseKind.PUBLIC_COURSE, TargetRole.SCRUM_MASTER,
                        "For people who facilitate delivery, coach teams, remove blockers, or lead Agile ways of "
                                + "working. The Scrum Master enables the team and the organisation to use Scrum well: "
                                + "flow, team effectiveness and Scrum adoption.",
                        List.of("Coach the Scrum Team and the organisation on Scrum principles and effective practices",
                                "Facilitate Scrum events so they are purposeful and outcome-focused",
                                "Remove impediments and help the team improve flow and delivery",
                                "Support the Product Owner with techniques for Product Backlog management and "
                                        + "transparency",
                                "Help stakeholders collaborate effectively with the Scrum Team"),
                        new Certification("Scrum.org", "PSM I", true), 2,
                        List.of(DeliveryMode.ONLINE, DeliveryMode.ONSITE), Money.of("1195.00", "GBP"),
                        CourseStatus.PUBLISHED, 1, now),
                new Course("in-house", "In-house Agile and Scrum training for teams",
                        CourseKind.IN_HOUSE_PROGRAMME, TargetRole.WHOLE_TEAM,
                        "Practical Scrum and Agile training tailored to your team's context, delivered online, onsite "
                                + "or blended to fit your schedule. Many organisations train both roles together to "
                                + "improve alignment and delivery speed. Quoted per team; the list price is a guide "
                                + "for two days with a team of up to 12.",
                        List.of("A shared understanding of Scrum roles, events and artefacts across the team",
                                "Product Owner and Scrum Master accountabilities applied to your own product",
                                "Working agreements and next steps the team commits to"),
                        null, 2, List.of(DeliveryMode.ONLINE, DeliveryMode.ONSITE, DeliveryMode.BLENDED),
                        Money.of("9500.00", "GBP"), CourseStatus.PUBLISHED, 1, now),
                new Course("cpd-membership", "Membership: continuing professional development", CourseKind.MEMBERSHIP,
                        TargetRole.ANY,
                        "Certification is a strong milestone. Membership helps you keep learning, stay current, and "
                                + "build momentum with continuous professional development. Billed yearly.",
                        List.of("Keep your Scrum and Agile skills current after certification",
                                "Continuous professional development with a community of practitioners"),
                        null, 365, List.of(DeliveryMode.ONLINE), Money.of("240.00", "GBP"),
                        CourseStatus.PUBLISHED, 1, now));
    }
}
