package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionOverlayTest {

    @Test
    void keepsSeveralReplicasThroughDrainsAndLoadAndTakesInfrastructureFromSecrets() {
        Rendered production = Kustomize.render(Repository.path("k8s/overlays/production"));

        assertThat(OverlayRules.production(production, ServiceContract.all())).isEmpty();
    }
}
