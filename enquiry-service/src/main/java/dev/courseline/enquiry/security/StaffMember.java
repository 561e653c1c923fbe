package dev.courseline.enquiry.security;

import java.security.Principal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in staff member, read from their access token: {@code username} is {@code preferred_username} when the
 * token has one (Keycloak's {@code sub} is an opaque id), else {@code sub}; {@code team} is the sales team claim.
 */
public record StaffMember(String username, String team, boolean admin) {

    public static StaffMember of(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken token)) {
            return new StaffMember(principal.getName(), null, false);
        }
        Jwt jwt = token.getToken();
        String preferred = jwt.getClaimAsString("preferred_username");
        String team = jwt.getClaimAsString("team");
        boolean admin = token.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new StaffMember(preferred == null || preferred.isBlank() ? jwt.getSubject() : preferred,
                team == null || team.isBlank() ? null : team, admin);
    }

    /** The team whose leads this member sees unless they ask for another: their own, or all (null) for an admin. */
    public String defaultTeam() {
        return admin ? null : team;
    }
}
