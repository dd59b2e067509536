package dev.arbiter.solver.constraints;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as verifying one constraint, and whether the case it checks has an impact. The
 * coverage guard reads these to make sure every constraint is tested both ways.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface VerifiesConstraint {

    /** The constraint's name, as {@link AllocationConstraintProvider} declares it. */
    String value();

    /** True when the case penalises or rewards; false when it must leave the score alone. */
    boolean impact();
}
