package dev.courseline.enquiry.quarantine;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.security.StaffMember;

/** Staff API for quarantined (suspect) quote and membership requests (SALES or ADMIN). */
@RestController
@SecurityRequirement(name = "bearer")
public class QuarantineController {

    private final QuarantineDesk desk;

    public QuarantineController(QuarantineDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/quarantine")
    @ApiResponse(responseCode = "200", description = "OK: suspect enquiries awaiting a decision, newest first "
            + "(at most 200), each with the reasons it is suspect")
    public Mono<List<QuarantinedEnquiry.View>> list() {
        return desk.suspects();
    }

    @PostMapping("/api/quarantine/{id}/release")
    @ApiResponse(responseCode = "200", description = "Released: the enquiry gets its lead, and its event (the sales "
            + "email, the requester's acknowledgement) goes out through the outbox")
    @ApiResponse(responseCode = "404", description = "No quarantined enquiry with this id")
    @ApiResponse(responseCode = "409", description = "Already released or discarded")
    public Mono<QuarantinedEnquiry.View> release(@PathVariable String id, Principal staff) {
        return desk.release(id, StaffMember.of(staff).username());
    }

    @PostMapping("/api/quarantine/{id}/discard")
    @ApiResponse(responseCode = "200", description = "Discarded: no lead and no email, ever")
    @ApiResponse(responseCode = "404", description = "No quarantined enquiry with this id")
    @ApiResponse(responseCode = "409", description = "Already released or discarded")
    public Mono<QuarantinedEnquiry.View> discard(@PathVariable String id, Principal staff) {
        return desk.discard(id, StaffMember.of(staff).username());
    }
}
