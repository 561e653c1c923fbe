package dev.courseline.localstack.identity;

import java.util.List;

/** A predefined staff user of the development identity provider; {@code team} is set for sales users only. */
public record StaffUser(String username, String name, String email, List<String> roles, String team) {

    public StaffUser {
        roles = List.copyOf(roles);
    }
}
