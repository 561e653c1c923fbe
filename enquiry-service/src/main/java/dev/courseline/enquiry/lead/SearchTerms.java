package dev.courseline.enquiry.lead;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Organisation;

/**
 * What the inbox's free text is matched against, kept with each enquiry that has a lead: the folded words (lower
 * case, accents stripped) of the organisation's name, the contact's name and email, and the whole email and its
 * domain. A typed word matches a term it starts, so one index on the terms serves every free-text query
 * ({@link LeadInbox}). An anonymised enquiry keeps its organisation's terms only: no personal data stays in them.
 */
public final class SearchTerms {

    /** The enquiry's field; the {@code lead_search} index of {@code Enquiry} leads with it. */
    public static final String FIELD = "searchTerms";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The forms are validated already; this keeps one odd enquiry from writing hundreds of index entries. */
    private static final int MAX_TERMS = 40;

    private SearchTerms() {
    }

    /** The terms of an enquiry as received. */
    public static List<String> of(Organisation organisation, Contact contact) {
        Set<String> terms = new LinkedHashSet<>(ofOrganisationName(organisation));
        if (contact != null) {
            terms.addAll(words(contact.name()));
            String email = contact.email() == null ? "" : fold(contact.email().strip());
            if (!email.isEmpty()) {
                terms.addAll(words(email));
                terms.add(email);
                int at = email.lastIndexOf('@');
                if (at >= 0 && at < email.length() - 1) {
                    terms.add(email.substring(at + 1));
                }
            }
        }
        return capped(terms);
    }

    /** The terms of an enquiry whose personal data was erased: its organisation's only. */
    public static List<String> ofOrganisation(Organisation organisation) {
        return capped(new LinkedHashSet<>(ofOrganisationName(organisation)));
    }

    /** The folded words of {@code text}, as typed into the inbox or as kept: each must start some term. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(fold(text))) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static List<String> ofOrganisationName(Organisation organisation) {
        return organisation == null ? List.of() : words(organisation.name());
    }

    private static List<String> capped(Set<String> terms) {
        return terms.stream().limit(MAX_TERMS).toList();
    }
}
