package dev.courseline.website.enquiry;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The country choices of the quote form: ISO 3166-1 alpha-2 codes, named in English and sorted by name. */
public final class Countries {

    public record Country(String code, String name) {
    }

    private static final List<Country> ALL = Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.UK)))
            .sorted(Comparator.comparing(Country::name, Collator.getInstance(Locale.UK)))
            .toList();

    /** The currencies a budget is most often given in; the service accepts any ISO 4217 code. */
    public static final List<String> CURRENCIES = List.of("GBP", "EUR", "USD", "CHF", "SEK", "NOK", "DKK", "PLN",
            "CAD", "AUD", "NZD", "SGD", "INR", "JPY", "ZAR", "AED");

    private Countries() {
    }

    public static List<Country> all() {
        return ALL;
    }
}
