package dev.courseline.enquiry.lead;

import java.security.Principal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.security.StaffMember;
import dev.courseline.enquiry.web.RequestValidator;

/** Staff API for leads (SALES or ADMIN). */
@RestController
@SecurityRequirement(name = "bearer")
public class LeadController {

    private final LeadDesk desk;
    private final LeadInbox inbox;
    private final RequestValidator validator;

    public LeadController(LeadDesk desk, LeadInbox inbox, RequestValidator validator) {
        this.desk = desk;
        this.inbox = inbox;
        this.validator = validator;
    }

    @GetMapping("/api/leads")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "page or size out of range, an unknown status, kind or sort, "
            + "overdue other than true or false, or q longer than 100 characters")
    public Mono<LeadPage> list(
            @Parameter(schema = @Schema(implementation = LeadStatus.class)) @RequestParam(required = false) String status,
            @Parameter(description = "Only this team's leads. Absent: the asker's own team (the token's team claim; "
                    + "every team for ADMIN or a member without one); empty or all: every team") @RequestParam(required = false) String team,
            @Parameter(schema = @Schema(implementation = EnquiryKind.class)) @RequestParam(required = false) String kind,
            @Parameter(description = "true: only NEW leads past their respond-by time", schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(required = false) String overdue,
            @Parameter(description = "Free text, matched word by word: every word typed must start a word of the "
                    + "organisation's name, the contact's name or the contact's email (or the whole email, or its "
                    + "domain), in any case and without regard to accents; a fragment from inside a word matches "
                    + "nothing", schema = @Schema(maxLength = LeadQuery.MAX_TEXT)) @RequestParam(required = false) String q,
            @Parameter(description = "respondBy: soonest reply due first; receivedAt: newest first", schema = @Schema(implementation = LeadSort.class, defaultValue = "respondBy")) @RequestParam(required = false) String sort,
            @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "0")) @RequestParam(defaultValue = "0") String page,
            @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "20")) @RequestParam(defaultValue = "20") String size,
            @Parameter(hidden = true) Principal staff) {
        return Mono.defer(() -> inbox.list(LeadQuery.of(status, team, kind, overdue, q, sort, page, size,
                StaffMember.of(staff).defaultTeam())));
    }

    @GetMapping("/api/leads/{id}")
    @ApiResponse(responseCode = "200", description = "OK: the lead with its history; its ETag is the version a change "
            + "may name in If-Match")
    @ApiResponse(responseCode = "404", description = "No such lead")
    public Mono<ResponseEntity<LeadView>> get(@PathVariable String id) {
        return desk.get(id).map(lead -> ResponseEntity.ok().eTag(LeadVersion.etag(lead.updatedAt())).body(lead));
    }

    @PostMapping("/api/leads/{id}/status")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Not a move forward in NEW, CONTACTED, QUOTED, WON, LOST, "
            + "or the lead is already WON or LOST, or it was changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match named an older version: someone changed the lead since")
    public Mono<ResponseEntity<LeadView>> changeStatus(@PathVariable String id,
            @RequestBody(required = false) StatusChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Principal staff) {
        return Mono.defer(() -> {
            RequestValidator.throwIfAny(validator.violations(change));
            return desk.changeStatus(id, change.status(), change.note(), StaffMember.of(staff).username(),
                    LeadVersion.fromIfMatch(ifMatch)).map(LeadController::withVersion);
        });
    }

    @PostMapping("/api/leads/{id}/assignment")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field "
            + "(also a team leads cannot be routed to)")
    @ApiResponse(responseCode = "409", description = "The lead is already with this team, or it was changed "
            + "meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match named an older version: someone changed the lead since")
    public Mono<ResponseEntity<LeadView>> reassign(@PathVariable String id,
            @RequestBody(required = false) Reassignment change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Principal staff) {
        return Mono.defer(() -> {
            RequestValidator.throwIfAny(validator.violations(change));
            return desk.reassign(id, change.team().strip(), change.reason().strip(),
                    StaffMember.of(staff).username(), LeadVersion.fromIfMatch(ifMatch))
                    .map(LeadController::withVersion);
        });
    }

    private static ResponseEntity<LeadView> withVersion(LeadView lead) {
        return ResponseEntity.ok().eTag(LeadVersion.etag(lead.updatedAt())).body(lead);
    }
}
