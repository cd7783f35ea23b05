package io.accords.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, as stored with an agreement. */
@Embeddable
public class MonetaryValue {

    @Column(name = "value_amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "value_currency", length = 3)
    private String currency;

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
