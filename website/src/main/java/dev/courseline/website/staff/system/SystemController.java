package dev.courseline.website.staff.system;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.staff.StaffApi;

/**
 * The administrator's view of the system: each service's readiness and the few figures of its metrics that tell
 * where a late email waits. Dashboards and alerts are Grafana's and Prometheus's; this page is for development
 * and a first look.
 */
@Controller
class SystemController {

    private static final List<String> SERVICES = List.of("catalogue", "enquiry", "notification");

    private final StaffApi staff;

    SystemController(StaffApi staff) {
        this.staff = staff;
    }

    @GetMapping("/staff/system")
    Mono<Rendering> system() {
        return Flux.fromIterable(SERVICES)
                .flatMapSequential(service -> staff.ready(service).flatMap(ready -> staff.metrics(service)
                        .map(metrics -> ServiceFigures.of(service, ready, metrics))
                        .onErrorResume(ApiException.class, e -> Mono.just(ServiceFigures.unreadable(service, ready)))))
                .collectList()
                .map(services -> Rendering.view("staff/system").modelAttribute("services", services).build());
    }
}
