package io.accords.agreement;

import io.accords.common.PartialDate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Effective is not before signed, and expires is not before effective (or signed, when effective is unknown); for each
 * party, consent is not before its signature, and withdrawal not before its consent (or signature).
 * Partial dates are compared as the periods they cover: {@code 2024} against {@code 2024-11-16} is no violation,
 * since the year may well contain the day; only a period that ends before the other begins is refused.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChronologicalDates.Validator.class)
public @interface ChronologicalDates {

    String message() default "dates are out of order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChronologicalDates, AgreementInput> {

        @Override
        public boolean isValid(AgreementInput input, ConstraintValidatorContext context) {
            if (input == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = check(context, "effective", input.effective(), "signed", input.signed());
            if (input.effective() != null) {
                valid &= check(context, "expires", input.expires(), "effective", input.effective());
            } else {
                valid &= check(context, "expires", input.expires(), "signed", input.signed());
            }
            for (int i = 0; input.parties() != null && i < input.parties().size(); i++) {
                AgreementInput.Participation party = input.parties().get(i);
                if (party != null) {
                    String at = "parties[" + i + "].";
                    valid &= check(context, at + "consented", party.consented(), "signed", party.signed());
                    PartialDate bound = party.consented() != null ? party.consented() : party.signed();
                    String boundField = party.consented() != null ? "consented" : "signed";
                    valid &= check(context, at + "withdrawn", party.withdrawn(), boundField, bound);
                }
            }
            return valid;
        }

        private static boolean check(
                ConstraintValidatorContext context,
                String field,
                PartialDate later,
                String earlierField,
                PartialDate earlier) {
            if (later == null || earlier == null || !later.isCertainlyBefore(earlier)) {
                return true;
            }
            context.buildConstraintViolationWithTemplate("must not be before " + earlierField + " (" + earlier + ")")
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
