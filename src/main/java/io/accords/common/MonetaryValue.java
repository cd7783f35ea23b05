package io.accords.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in an ISO 4217 currency, as stored with an agreement. */
@Embeddable
public class MonetaryValue {

    private static final int SCALE = 2;

    @Column(name = "value_amount", precision = 19, scale = SCALE)
    private BigDecimal amount;

    @Column(name = "value_currency", length = 3)
    private String currency;

    public BigDecimal getAmount() {
        return amount;
    }

    /** Kept at the column's scale (2), so what a read from the stored document shows equals what the row holds. */
    public void setAmount(BigDecimal amount) {
        this.amount = amount == null ? null : amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
