package dev.courseline.website.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.courseline.website.config.WebsiteProperties;

/** Pages with no data behind them. */
@Controller
class StaticPages {

    private final WebsiteProperties properties;

    StaticPages(WebsiteProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("privacyNoticeVersion", properties.privacyNoticeVersion());
        return "privacy";
    }
}
