package dev.courseline.website.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Mono;

/**
 * Maps each entry of the {@code roles} claim to the authority {@code ROLE_<entry>}, as the services do with the
 * access token, so the console shows and allows what the services would.
 */
class StaffUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request).map(user -> new DefaultOidcUser(authorities(user), user.getIdToken(),
                user.getUserInfo(), "sub"));
    }

    static Collection<GrantedAuthority> authorities(OidcUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        List<String> roles = user.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }
}
