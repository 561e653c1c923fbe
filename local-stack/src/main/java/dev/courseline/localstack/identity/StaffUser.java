package dev.courseline.localstack.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A predefined staff user of the development identity provider; {@code team} is set for sales users only. */
public record StaffUser(String username, String name, String email, List<String> roles, String team) {

    public StaffUser {
        roles = List.copyOf(roles);
    }

    /** What this user's access and ID tokens say about them besides {@code sub} (docs/conventions.md "Staff identity"). */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", name);
        claims.put("preferred_username", username);
        claims.put("email", email);
        claims.put("roles", roles);
        if (team != null) {
            claims.put("team", team);
        }
        return claims;
    }
}
