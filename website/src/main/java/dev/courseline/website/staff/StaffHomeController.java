package dev.courseline.website.staff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /staff} opens the part of the console the member works in. */
@Controller
class StaffHomeController {

    @GetMapping("/staff")
    String home(@AuthenticationPrincipal OidcUser user) {
        StaffMember staff = StaffMember.of(user);
        if (staff.isSales()) {
            return "redirect:/staff/leads";
        }
        if (staff.isCatalogueManager()) {
            return "redirect:/staff/catalogue";
        }
        return "staff/no-role";
    }
}
