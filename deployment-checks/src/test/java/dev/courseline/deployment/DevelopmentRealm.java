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
 * with the user name as {@code sub}, and have the website's staff sign-in client.
 */
record DevelopmentRealm(Map<String, Object> realm) {

    static final Path FILE = Repository.path("k8s/components/dev-identity/courseline-realm.json");
    private static final Pattern CONVENTIONS_USER = Pattern
            .compile("(?m)^\\|\\s*`([a-z]+)`\\s*\\|\\s*`([A-Z_]+)`\\s*\\|\\s*(?:`([a-z]+)`)?\\s*\\|");

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
        List<String> realmRoles = Tree.listAt(realm, "roles", "realm").stream().map(role -> Tree.text(role, "name"))
                .toList();
        for (StaffUser expected : staff) {
            Optional<Object> user = Tree.listAt(realm, "users").stream()
                    .filter(candidate -> expected.username().equals(Tree.text(candidate, "username"))).findFirst();
            if (user.isEmpty()) {
                violations.add("has no user " + expected.username());
                continue;
            }
            if (!List.of(expected.role()).equals(Tree.listAt(user.get(), "realmRoles"))) {
                violations.add(expected.username() + " has roles " + Tree.listAt(user.get(), "realmRoles") + ", not ["
                        + expected.role() + "]");
            }
            if (!realmRoles.contains(expected.role())) {
                violations.add("does not define the realm role " + expected.role());
            }
            List<Object> team = Tree.listAt(user.get(), "attributes", "team");
            if (!Objects.equals(expected.team() == null ? List.of() : List.of(expected.team()), team)) {
                violations.add(expected.username() + " is in team " + team + ", not " + expected.team());
            }
            if (!Boolean.TRUE.equals(Tree.at(user.get(), "enabled"))
                    || Tree.listAt(user.get(), "credentials").isEmpty()) {
                violations.add(expected.username() + " is disabled or has no password, so no token can be had for it");
            }
        }
        List<Object> tokenClients = Tree.listAt(realm, "clients").stream()
                .filter(client -> Boolean.TRUE.equals(Tree.at(client, "directAccessGrantsEnabled"))).toList();
        if (tokenClients.isEmpty()) {
            violations.add(
                    "has no client that hands out tokens for a user name and password (directAccessGrantsEnabled)");
        }
        for (Object client : tokenClients) {
            List<Object> mappers = Tree.listAt(client, "protocolMappers");
            if (!hasMapper(mappers, "oidc-usermodel-realm-role-mapper", "roles", true)) {
                violations.add(Tree.text(client, "clientId")
                        + " puts no multivalued realm-role claim named roles in access tokens");
            }
            boolean subjectIsUserName = mappers.stream()
                    .anyMatch(mapper -> "oidc-usermodel-property-mapper".equals(Tree.text(mapper, "protocolMapper"))
                            && "username".equals(Tree.text(mapper, "config", "user.attribute"))
                            && "sub".equals(Tree.text(mapper, "config", "claim.name"))
                            && "true".equals(Tree.text(mapper, "config", "access.token.claim")));
            if (!subjectIsUserName) {
                violations.add(
                        Tree.text(client, "clientId") + " leaves sub as Keycloak's user id; the services record the "
                                + "subject as who acted, which is the user name with the local identity provider");
            }
            if (!hasMapper(mappers, "oidc-usermodel-attribute-mapper", "team", false)) {
                violations.add(Tree.text(client, "clientId") + " puts no team claim in access tokens");
            }
        }
        // The services accept only tokens meant for them (JWT_AUDIENCE), and the website relays its access token to them.
        String audience = ServiceContract.of(SecurityRules.ENQUIRY).variables().get("JWT_AUDIENCE");
        for (Object client : Tree.listAt(realm, "clients")) {
            boolean audienceMapped = Tree.listAt(client, "protocolMappers").stream()
                    .anyMatch(mapper -> "oidc-audience-mapper".equals(Tree.text(mapper, "protocolMapper"))
                            && audience != null
                            && audience.equals(Tree.text(mapper, "config", "included.custom.audience"))
                            && "true".equals(Tree.text(mapper, "config", "access.token.claim")));
            if (!audienceMapped) {
                violations.add(Tree.text(client, "clientId") + " puts no audience " + audience
                        + " (the services' JWT_AUDIENCE) in access tokens, so the services refuse them");
            }
        }
        // Keycloak 24 and later drop user attributes the user profile does not declare.
        boolean teamDeclared = Tree.listAt(realm, "components", "org.keycloak.userprofile.UserProfileProvider").stream()
                .flatMap(provider -> Tree.listAt(provider, "config", "kc.user.profile.config").stream())
                .map(config -> Tree
                        .map(new Yaml(new SafeConstructor(new LoaderOptions())).load(String.valueOf(config))))
                .anyMatch(profile -> "ENABLED".equals(profile.get("unmanagedAttributePolicy"))
                        || Tree.listAt(profile, "attributes").stream()
                                .anyMatch(attribute -> "team".equals(Tree.text(attribute, "name"))));
        if (!teamDeclared) {
            violations.add("user profile does not declare the team attribute, so Keycloak drops it on import");
        }
        return violations;
    }

    /**
     * The client staff sign in with on the website: confidential, authorization code with PKCE, returning to the
     * website's default address, with the client id and development secret the website uses by default (compose and
     * the local cluster set neither), and the roles, team and user-name subject in the ID token the website reads and
     * in the access token it relays; the subject also from userinfo, which Spring requires to match the ID token's.
     */
    List<String> websiteClientViolations(ServiceContract website) {
        List<String> violations = new ArrayList<>();
        String clientId = website.variables().get("WEBSITE_OIDC_CLIENT_ID");
        if (clientId == null) {
            return violations; // a website without staff sign-in
        }
        Optional<Object> found = Tree.listAt(realm, "clients").stream()
                .filter(client -> clientId.equals(Tree.text(client, "clientId"))).findFirst();
        if (found.isEmpty()) {
            violations.add("has no client " + clientId + " for the website's staff sign-in (" + website.source() + ")");
            return violations;
        }
        Object client = found.get();
        if (!Boolean.FALSE.equals(Tree.at(client, "publicClient"))
                || !Boolean.TRUE.equals(Tree.at(client, "standardFlowEnabled"))) {
            violations.add(clientId + " is not a confidential client with the authorization code flow");
        }
        String secret = website.variables().get("WEBSITE_OIDC_CLIENT_SECRET");
        if (secret != null && !secret.equals(Tree.text(client, "secret"))) {
            violations.add(clientId + " has another secret than the website's default (" + website.source() + ")");
        }
        if (!"S256".equals(Tree.text(client, "attributes", "pkce.code.challenge.method"))) {
            violations.add(clientId + " does not require PKCE (S256)");
        }
        String redirect = website.variables().get(IngressRules.PUBLIC_URL) + "/login/oauth2/code/";
        if (Tree.listAt(client, "redirectUris").stream().noneMatch(uri -> String.valueOf(uri).startsWith(redirect))) {
            violations.add(
                    clientId + " accepts no redirect to " + redirect + "…, so sign-in ends on Keycloak's error page");
        }
        List<Object> mappers = Tree.listAt(client, "protocolMappers");
        for (String token : List.of("id.token.claim", "access.token.claim")) {
            if (!hasMapper(mappers, "oidc-usermodel-realm-role-mapper", "roles", true, token)
                    || !hasMapper(mappers, "oidc-usermodel-attribute-mapper", "team", false, token)
                    || !hasMapper(mappers, "oidc-usermodel-property-mapper", "sub", false, token)) {
                violations.add(clientId + " does not put roles, team and the user name as sub in every "
                        + token.replace(".claim", ""));
            }
        }
        if (!hasMapper(mappers, "oidc-usermodel-property-mapper", "sub", false, "userinfo.token.claim")) {
            violations.add(clientId + " answers userinfo with another sub than the ID token's, which Spring refuses");
        }
        return violations;
    }

    private static boolean hasMapper(List<Object> mappers, String type, String claim, boolean multivalued) {
        return hasMapper(mappers, type, claim, multivalued, "access.token.claim");
    }

    private static boolean hasMapper(List<Object> mappers, String type, String claim, boolean multivalued,
            String token) {
        return mappers.stream().anyMatch(mapper -> type.equals(Tree.text(mapper, "protocolMapper"))
                && claim.equals(Tree.text(mapper, "config", "claim.name"))
                && "true".equals(Tree.text(mapper, "config", token))
                && (!multivalued || "true".equals(Tree.text(mapper, "config", "multivalued"))));
    }
}
