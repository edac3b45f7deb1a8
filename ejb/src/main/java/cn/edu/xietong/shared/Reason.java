package cn.edu.xietong.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reason a person gives for an act others will read (a deactivation, a leaver report, a refused request): something
 * visible, at most 500 characters. The message is the bundle key the page shows ({@link InputValidation}).
 */
@NotBlank
@Size(max = Reason.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Reason {

    int MAX = 500;

    String message() default "input.reasonRequired";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
