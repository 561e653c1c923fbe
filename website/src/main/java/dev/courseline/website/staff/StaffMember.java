package dev.courseline.website.staff;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in member of staff as the pages need them: who, which roles, which sales team. Roles decide what the
 * console shows; the services check the same roles in the access token for everything they do.
 */
public record StaffMember(String username, String name, String email, Set<String> roles, String team) {

    public static StaffMember of(OidcUser user) {
        List<String> roles = user.getClaimAsStringList("roles");
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        return new StaffMember(username, user.getFullName() != null ? user.getFullName() : username,
                user.getEmail(), roles == null ? Set.of() : Set.copyOf(roles), user.getClaimAsString("team"));
    }

    public boolean isSales() {
        return roles.contains("SALES") || roles.contains("ADMIN");
    }

    public boolean isCatalogueManager() {
        return roles.contains("CATALOGUE_MANAGER") || roles.contains("ADMIN");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
