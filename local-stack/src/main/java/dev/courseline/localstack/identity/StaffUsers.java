package dev.courseline.localstack.identity;

import java.util.List;
import java.util.Optional;

/** The users of docs/conventions.md ("Staff identity"). */
public final class StaffUsers {

    public static final List<StaffUser> ALL = List.of(
            new StaffUser("cora", "Cora Catalogue", "cora@courseline.dev", List.of("CATALOGUE_MANAGER"), null),
            new StaffUser("sam", "Sam Sales", "sam@courseline.dev", List.of("SALES"), "emea"),
            new StaffUser("sofia", "Sofia Sales", "sofia@courseline.dev", List.of("SALES"), "americas"),
            new StaffUser("ada", "Ada Admin", "ada@courseline.dev", List.of("ADMIN"), null));

    private StaffUsers() {
    }

    public static Optional<StaffUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
