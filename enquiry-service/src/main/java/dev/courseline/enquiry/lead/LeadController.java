package dev.courseline.enquiry.lead;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.web.InvalidRequestException;
import dev.courseline.enquiry.web.RequestValidator;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

/** Staff API for leads (SALES or ADMIN). */
@RestController
@SecurityRequirement(name = "bearer")
public class LeadController {

    private final LeadDesk desk;
    private final RequestValidator validator;

    public LeadController(LeadDesk desk, RequestValidator validator) {
        this.desk = desk;
        this.validator = validator;
    }

    @GetMapping("/api/leads")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "page or size out of range, or an unknown status or kind")
    public Mono<LeadPage> list(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String team, @RequestParam(required = false) EnquiryKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            return Mono.error(InvalidRequestException.of(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be between 1 and 200"));
        }
        return desk.list(status, team, kind, page, size);
    }

    @GetMapping("/api/leads/{id}")
    public Mono<LeadView> get(@PathVariable String id) {
        return desk.get(id);
    }

    @PostMapping("/api/leads/{id}/status")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Not a move forward in NEW, CONTACTED, QUOTED, WON, LOST, "
            + "or the lead is already WON or LOST, or it was changed meanwhile")
    public Mono<LeadView> changeStatus(@PathVariable String id, @RequestBody(required = false) StatusChange change,
            Principal staff) {
        return Mono.defer(() -> {
            RequestValidator.throwIfAny(validator.violations(change));
            return desk.changeStatus(id, change.status(), staff.getName());
        });
    }

    @PostMapping("/api/leads/{id}/assignment")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field "
            + "(also a team leads cannot be routed to)")
    @ApiResponse(responseCode = "409", description = "The lead is already with this team, or it was changed "
            + "meanwhile")
    public Mono<LeadView> reassign(@PathVariable String id, @RequestBody(required = false) Reassignment change,
            Principal staff) {
        return Mono.defer(() -> {
            RequestValidator.throwIfAny(validator.violations(change));
            return desk.reassign(id, change.team().strip(), change.reason().strip(), staff.getName());
        });
    }
}
