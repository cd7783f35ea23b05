package io.accords.search;

import io.accords.agreement.StoredAgreement;
import io.accords.http.Total;
import java.util.List;

/**
 * A page of agreements with how many match in all.
 *
 * @param items the page's agreements, as stored
 * @param total how many match, exact or at least
 */
public record CountedPage(List<StoredAgreement> items, Total total) {}
