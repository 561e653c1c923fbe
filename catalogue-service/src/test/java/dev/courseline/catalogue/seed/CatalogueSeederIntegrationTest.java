package dev.courseline.catalogue.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.run.Run;
import dev.courseline.catalogue.support.IntegrationTestSupport;

class CatalogueSeederIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private CatalogueSeeder seeder;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void seedingAgainAddsNothingEvenIfTheMarkerIsLostAfterAnInterruptedFirstRun() {
        long courses = mongo.count(new Query(), Course.class).block();
        long runs = mongo.count(new Query(), Run.class).block();

        seeder.seedOnce().block();
        // As if the first start died after writing the data but before the marker.
        mongo.remove(Query.query(Criteria.where("_id").is(CatalogueSeeder.MARKER_ID)), CatalogueSeeder.MARKERS).block();
        seeder.seedOnce().block();

        assertThat(mongo.count(new Query(), Course.class).block()).isEqualTo(courses);
        assertThat(mongo.count(new Query(), Run.class).block()).isEqualTo(runs);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(CatalogueSeeder.MARKER_ID)),
                CatalogueSeeder.MARKERS).block()).isTrue();
    }
}
