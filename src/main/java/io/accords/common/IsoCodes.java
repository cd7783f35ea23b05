package io.accords.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes the JDK knows. */
public final class IsoCodes {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {}

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }
}
