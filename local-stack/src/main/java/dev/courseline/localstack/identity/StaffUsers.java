package dev.courseline.localstack.identity;

import java.util.List;
import java.util.Optional;

/** The users of docs/conventions.md ("Staff identity"); each signs in with the password {@link #PASSWORD}. */
public final class StaffUsers {

    public static final String PASSWORD = "courseline";

    /** bcrypt of {@link #PASSWORD}, so the running server holds no clear-text password. */
    static final String PASSWORD_HASH = "{bcrypt}$2a$10$a/f/lQ8ldNd7k/zkjRl.j.7IRArFS49yAL.4QbBfCbiGjF2qeXsoC";

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

    static List<String> usernames() {
        return ALL.stream().map(StaffUser::username).toList();
    }
}
