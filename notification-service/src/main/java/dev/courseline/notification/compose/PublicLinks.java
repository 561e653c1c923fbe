package dev.courseline.notification.compose;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.courseline.notification.config.NotificationProperties;

/**
 * The links emails carry, always to a page of the website and never to an API: an email is opened in a browser, far
 * from the service that made the link. A relative link in an event is made absolute under the website; a link to the
 * enquiry service's API (events published before their links moved to the website) becomes the website's page for
 * the same thing.
 */
@Component
public class PublicLinks {

    private final String website;

    public PublicLinks(NotificationProperties properties) {
        this.website = properties.websitePublicUrl().replaceAll("/+$", "");
    }

    /** The requester's status page of an enquiry. */
    public String status(String enquiryId, String link) {
        return isBlank(link) || isApi(link) ? website + "/enquiries/" + enquiryId : absolute(link);
    }

    /** Sales' page of a lead. */
    public String lead(String leadId, String link) {
        return isBlank(link) || isApi(link) ? website + "/staff/leads/" + leadId : absolute(link);
    }

    /** The learner's "My enrolment" page, whose token lets them cancel; empty when the event has no token for it. */
    public String enrolment(String enrolmentId, String link) {
        if (isBlank(link)) {
            return "";
        }
        if (!isApi(link)) {
            return absolute(link);
        }
        String token = UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
        return isBlank(token) ? "" : website + "/enrolments/" + enrolmentId + "?token=" + token;
    }

    private String absolute(String link) {
        return link.startsWith("/") ? website + link : link;
    }

    private static boolean isApi(String link) {
        try {
            String path = URI.create(link.strip()).getPath();
            return path != null && (path.equals("/api") || path.startsWith("/api/"));
        } catch (IllegalArgumentException notAUri) {
            // Not a link anyone could follow: the page is built from the id instead.
            return true;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
