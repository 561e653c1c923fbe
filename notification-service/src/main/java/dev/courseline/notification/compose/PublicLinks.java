package dev.courseline.notification.compose;

import dev.courseline.notification.config.NotificationProperties;
import org.springframework.stereotype.Component;

/** Makes the links events carry absolute, since an email is read far from the service that made the link. */
@Component
public class PublicLinks {

    private final String enquiryPublicUrl;

    public PublicLinks(NotificationProperties properties) {
        String url = properties.enquiryPublicUrl();
        this.enquiryPublicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String absolute(String link) {
        if (link == null || link.isBlank()) {
            return "";
        }
        return link.startsWith("/") ? enquiryPublicUrl + link : link;
    }

    public String lead(String leadId, String link) {
        return link == null || link.isBlank() ? enquiryPublicUrl + "/api/leads/" + leadId : absolute(link);
    }
}
