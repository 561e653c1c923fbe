package dev.courseline.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Keycloak realm docker-compose.yml and the local cluster import. It must give the staff users of
 * docs/conventions.md their roles and teams, and put them in the {@code roles} and {@code team} claims the services read,
 * with the user name as {@code sub}.
 */
record DevelopmentRealm(Map<String, Object> realm) {

    static final Path FILE = Repository.path("k8s/components/dev-identity/courseline-realm.json");
    private static final Pattern CONVENTIONS_USER =
            Pattern.compile("(?m)^\\|\\s*`([a-z]+)`\\s*\\|\\s*`([A-Z_]+)`\\s*\\|\\s*(?:`([a-z]+)`)?\\s*\\|");

    /** A staff user as docs/conventions.md defines it; team is null for users outside sales. */
    record StaffUser(String username, String role, String team) {
    }

    static DevelopmentRealm load() {
        return parse(Repository.read(FILE));
    }

    static DevelopmentRealm parse(String json) {
        return new DevelopmentRealm(Tree.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(json)));
    }

    static List<StaffUser> conventionsUsers() {
        Matcher matcher = CONVENTIONS_USER.matcher(Repository.read(Repository.path("docs/conventions.md")));
        List<StaffUser> users = new ArrayList<>();
        while (matcher.find()) {
            users.add(new StaffUser(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return users;
    }

    String name() {
        return Tree.text(realm, "realm");
    }

    List<String> violations(List<StaffUser> staff) {
        List<String> violations = new ArrayList<>();
        List<String> realmRoles = Tree.listAt(realm, "roles", "realm").stream().map(role -> Tree.text(role, "name")).toList();
        for (StaffUser expected : staff) {
            Optional<Object> user = Tree.listAt(realm, "users").stream()
                    .filter(candidate -> expected.username().equals(Tree.text(candidate, "username"))).findFirst();
            if (user.isEmpty()) {
                violations.add("has no user " + expected.username());
                continue;
            }
            if (!List.of(expected.role()).equals(Tree.listAt(user.get(), "realmRoles"))) {
                violations.add(expected.username() + " has roles " + Tree.listAt(user.get(), "realmRoles") + ", not [" + expected.role() + "]");
            }
            if (!realmRoles.contains(expected.role())) {
                violations.add("does not define the realm role " + expected.role());
            }
            List<Object> team = Tree.listAt(user.get(), "attributes", "team");
            if (!Objects.equals(expected.team() == null ? List.of() : List.of(expected.team()), team)) {
                violations.add(expected.username() + " is in team " + team + ", not " + expected.team());
            }
            if (!Boolean.TRUE.equals(Tree.at(user.get(), "enabled")) || Tree.listAt(user.get(), "credentials").isEmpty()) {
                violations.add(expected.username() + " is disabled or has no password, so no token can be had for it");
            }
        }
        List<Object> tokenClients = Tree.listAt(realm, "clients").stream()
                .filter(client -> Boolean.TRUE.equals(Tree.at(client, "directAccessGrantsEnabled"))).toList();
        if (tokenClients.isEmpty()) {
            violations.add("has no client that hands out tokens for a user name and password (directAccessGrantsEnabled)");
        }
        for (Object client : tokenClients) {
            List<Object> mappers = Tree.listAt(client, "protocolMappers");
            if (!hasMapper(mappers, "oidc-usermodel-realm-role-mapper", "roles", true)) {
                violations.add(Tree.text(client, "clientId") + " puts no multivalued realm-role claim named roles in access tokens");
            }
            boolean subjectIsUserName = mappers.stream().anyMatch(mapper ->
                    "oidc-usermodel-property-mapper".equals(Tree.text(mapper, "protocolMapper"))
                            && "username".equals(Tree.text(mapper, "config", "user.attribute"))
                            && "sub".equals(Tree.text(mapper, "config", "claim.name"))
                            && "true".equals(Tree.text(mapper, "config", "access.token.claim")));
            if (!subjectIsUserName) {
                violations.add(Tree.text(client, "clientId") + " leaves sub as Keycloak's user id; the services record the "
                        + "subject as who acted, which is the user name with the local identity provider");
            }
            if (!hasMapper(mappers, "oidc-usermodel-attribute-mapper", "team", false)) {
                violations.add(Tree.text(client, "clientId") + " puts no team claim in access tokens");
            }
        }
        // Keycloak 24 and later drop user attributes the user profile does not declare.
        boolean teamDeclared = Tree.listAt(realm, "components", "org.keycloak.userprofile.UserProfileProvider").stream()
                .flatMap(provider -> Tree.listAt(provider, "config", "kc.user.profile.config").stream())
                .map(config -> Tree.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(String.valueOf(config))))
                .anyMatch(profile -> "ENABLED".equals(profile.get("unmanagedAttributePolicy"))
                        || Tree.listAt(profile, "attributes").stream().anyMatch(attribute -> "team".equals(Tree.text(attribute, "name"))));
        if (!teamDeclared) {
            violations.add("user profile does not declare the team attribute, so Keycloak drops it on import");
        }
        return violations;
    }

    private static boolean hasMapper(List<Object> mappers, String type, String claim, boolean multivalued) {
        return mappers.stream().anyMatch(mapper -> type.equals(Tree.text(mapper, "protocolMapper"))
                && claim.equals(Tree.text(mapper, "config", "claim.name"))
                && "true".equals(Tree.text(mapper, "config", "access.token.claim"))
                && (!multivalued || "true".equals(Tree.text(mapper, "config", "multivalued"))));
    }
}
