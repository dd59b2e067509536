package dev.arbiter.engine.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads or changes the engine state this process keeps in embedded mode (an account's book,
 * the market streams, the active release) and that no stream input carries to the decision job: in gateway mode it
 * answers 409 ({@link RunsOnTheJobException}) instead of answering from state that is not the job's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface EmbeddedOnly {

    /** What the endpoint works on, in words: "the account's state", "the market data the engine keeps". */
    String value();
}
