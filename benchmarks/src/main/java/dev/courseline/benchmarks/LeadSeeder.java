package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Fills the enquiry service's store with leads, as bulk inserts of copies of a document the service itself wrote:
 * one real quote request goes through the API first, and once its event has left the outbox its stored document is
 * the template, so every seeded document has exactly the service's fields and types. Each copy gets its own ids,
 * times, people, organisation, team and status, with a history like the service keeps; overdue NEW leads are marked
 * as already escalated, so the service's overdue check sends no emails for them.
 */
final class LeadSeeder {

    /** What every seeded organisation's name starts with. */
    static final String ORGANISATION_PREFIX = "Inbox Seed ";
    /** Surnames of the seeded contacts: one of them is what the free-text filter looks for. */
    static final List<String> SURNAMES = List.of("Shah", "Okafor", "Novak", "Garcia", "Kowalski", "Nguyen", "Silva",
            "Müller", "Rossi", "Dubois", "Tanaka", "Kim", "Haddad", "Larsen", "Petrov", "Moreau", "Costa", "Ivanova",
            "Becker", "Walsh", "Fischer", "Bianchi", "Lindqvist", "Murphy", "O'Brien", "Santos", "Chen", "Singh",
            "Wójcik", "Jansen", "Horvat", "Papadopoulos", "Yilmaz", "Andersen", "Kaur", "Mensah", "Alvarez", "Kovač",
            "Schmidt", "Ferreira", "Nakamura", "Park", "Osei", "Ahmed", "Bauer", "Romano", "Virtanen", "Lefebvre",
            "Mazur", "Dimitrov");
    private static final List<String> FIRST_NAMES = List.of("Priya", "Tomas", "Lena", "Amara", "Jonas", "Mei",
            "Rafael", "Ingrid", "Kwame", "Sofia", "Yusuf", "Elena", "Hiro", "Aoife", "Mateo", "Zara");
    private static final String[][] TEAMS = {
            {"emea", "GB", "organisation country is in region emea"},
            {"emea", "DE", "organisation country is in region emea"},
            {"americas", "US", "organisation country is in region americas"},
            {"apac", "AU", "organisation country is in region apac"},
            {"enterprise", "GB", "team size of 50 or more goes to enterprise"},
            {"general", "KE", "no rule matched; default team"}};
    private static final int[] TEAM_WEIGHTS = {30, 10, 30, 10, 10, 10};
    private static final String[] LATER_STATUSES = {"CONTACTED", "QUOTED", "WON", "LOST"};
    private static final int BATCH = 1_000;
    private static final Duration DAY = Duration.ofDays(1);

    private final MongoCollection<Document> enquiries;
    private final LeadInboxSettings settings;
    private final HttpClient http;
    private final Random random = new Random(20261202);

    LeadSeeder(MongoCollection<Document> enquiries, LeadInboxSettings settings, HttpClient http) {
        this.enquiries = enquiries;
        this.settings = settings;
        this.http = http;
    }

    /** Seeds until the store holds {@code settings.leads()} enquiries; answers how many leads were added. */
    long seed() throws Exception {
        // The collection's size, not a count of leads: the embedded store answers a filtered count by reading every
        // match into memory. The few duplicates (enquiries without a lead) make no difference here.
        long missing = settings.leads() - enquiries.estimatedDocumentCount();
        if (missing <= 0) {
            return 0;
        }
        RawBsonDocument template = template();
        DocumentCodec codec = new DocumentCodec();
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Document> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < missing; i++) {
            batch.add(copy(template.decode(codec), run, i, now));
            if (batch.size() == BATCH || i == missing - 1) {
                enquiries.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        return missing;
    }

    /** The stored document of a real quote request, once the service has sent its event. */
    private RawBsonDocument template() throws Exception {
        String organisation = ORGANISATION_PREFIX + "template " + UUID.randomUUID();
        String body = QuoteRequests.body(organisation, "seed-template-" + UUID.randomUUID());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(settings.enquiryUrl() + "/api/enquiries/in-house-quotes"))
                .header("Content-Type", "application/json").timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the template quote was answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        Instant giveUp = Instant.now().plus(settings.timeout());
        while (Instant.now().isBefore(giveUp)) {
            Document stored = enquiries.find(Filters.eq("organisation.name", organisation)).first();
            if (stored != null && stored.getList("pendingEvents", Object.class, List.of()).isEmpty()
                    && stored.get("lead") != null) {
                return new RawBsonDocument(stored, new DocumentCodec());
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException("the template quote's event did not leave the outbox within "
                + settings.timeout());
    }

    private Document copy(Document enquiry, String run, long sequence, Instant now) {
        // Leads arrive over a year; those of the last three days are still NEW, most older ones have moved on.
        Instant received = now.minusMillis((long) (random.nextDouble() * 365 * DAY.toMillis()));
        String[] team = TEAMS[weighted(TEAM_WEIGHTS)];
        String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
        String email = (first + "." + surname.replaceAll("[^A-Za-z]", "") + "." + run + sequence + "@seed.example")
                .toLowerCase();
        String organisationName = ORGANISATION_PREFIX + run + " Org " + sequence;
        Instant respondBy = received.plus(Duration.ofDays(2));

        enquiry.put("_id", timeOrderedId(received));
        enquiry.put("receivedAt", Date.from(received));
        enquiry.put("emailSha256", sha256(email));
        enquiry.put("organisationKey", organisationName.toLowerCase());
        Document contact = enquiry.get("contact", Document.class);
        contact.put("name", first + " " + surname);
        contact.put("email", email);
        Document organisation = enquiry.get("organisation", Document.class);
        organisation.put("name", organisationName);
        organisation.put("country", team[1]);
        enquiry.put("teamSize", team[0].equals("enterprise") ? 60 + random.nextInt(200) : 3 + random.nextInt(40));

        Document lead = enquiry.get("lead", Document.class);
        lead.put("leadId", timeOrderedId(received));
        lead.put("team", team[0]);
        lead.put("routingReason", team[2]);
        lead.put("respondBy", Date.from(respondBy));
        lead.remove("closedAt");
        lead.remove("overdueNotifiedAt");
        List<Document> history = new ArrayList<>();
        history.add(change(received, null, "received", null, team[0], team[2]));
        String status = "NEW";
        boolean recent = received.isAfter(now.minus(Duration.ofDays(3)));
        if (!recent && random.nextInt(100) >= 5) {
            int steps = 1 + random.nextInt(LATER_STATUSES.length);
            Instant at = received;
            for (int step = 0; step < steps; step++) {
                String next = step == steps - 1 && steps >= 3
                        ? LATER_STATUSES[2 + random.nextInt(2)]
                        : LATER_STATUSES[step];
                at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
                history.add(change(at, "sam", "status", status, next, "seeded step " + (step + 1)));
                status = next;
                if (next.equals("WON") || next.equals("LOST")) {
                    lead.put("closedAt", Date.from(at));
                    break;
                }
            }
            lead.put("updatedAt", Date.from(at));
        } else {
            lead.put("updatedAt", Date.from(received));
            if (respondBy.isBefore(now)) {
                lead.put("overdueNotifiedAt", Date.from(respondBy.plusSeconds(60)));
            }
        }
        lead.put("status", status);
        lead.put("history", history);
        lead.put("relatedEnquiries", List.of());
        enquiry.put("searchTerms", searchTerms(organisationName, first + " " + surname, email));
        return enquiry;
    }

    /** As the enquiry service's SearchTerms keeps them: folded words of the three, the email and its domain. */
    private static List<String> searchTerms(String organisation, String name, String email) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : List.of(organisation, name, email)) {
            for (String word : fold(text).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    terms.add(word);
                }
            }
        }
        terms.add(fold(email));
        terms.add(fold(email.substring(email.lastIndexOf('@') + 1)));
        return List.copyOf(terms);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static Document change(Instant at, String by, String what, String from, String to, String note) {
        Document change = new Document("at", Date.from(at));
        if (by != null) {
            change.put("by", by);
        }
        change.put("what", what);
        if (from != null) {
            change.put("from", from);
        }
        change.put("to", to);
        change.put("note", note);
        return change;
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A version 7 UUID of the given time, as the service's ids are (its {@code store/TimeOrderedIds}). */
    private String timeOrderedId(Instant at) {
        long mostSignificant = (at.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    private static String sha256(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
