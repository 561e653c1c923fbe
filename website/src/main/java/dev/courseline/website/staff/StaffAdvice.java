package dev.courseline.website.staff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page knows who is signed in, to show only what their roles allow. */
@ControllerAdvice(basePackageClasses = StaffAdvice.class)
class StaffAdvice {

    @ModelAttribute("staff")
    StaffMember staff(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : StaffMember.of(user);
    }
}
