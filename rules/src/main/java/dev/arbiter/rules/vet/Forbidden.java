package dev.arbiter.rules.vet;

/** Why something is not allowed in a rule, and what to do instead: one sentence each, for a risk officer. */
enum Forbidden {
    STOP_JVM("a rule may not stop the engine",
            "a rule concludes with insert(Outcomes.halt(kcontext, HaltScope.GLOBAL, \"*\", \"...\")) to stop trading"),
    PROCESS("a rule may not start programs",
            "everything a rule needs must arrive as a fact; conclude with insert(Outcomes.reject(...)) or another outcome"),
    SYSTEM("a rule may not read the environment, the clock or system properties, or write to the console: "
            + "its only inputs are facts, so every decision can be replayed",
            "match the value as a fact (e.g. FeedStatus.ageSeconds for time) and say what you found in the outcome's message"),
    FILES("a rule may not read or write files",
            "put the value in limits.json or parameters.json and match it with Limit(name == \"...\") or Parameter(name == \"...\")"),
    NETWORK("a rule may not use the network",
            "everything a rule needs must arrive as a fact"),
    REFLECTION("reflection and class loading reach code outside the rule and bypass these checks",
            "call the fact's fields by name (e.g. $p.quantity()) and the helpers in Outcomes and Measures"),
    THREADS("a rule may not start threads, wait or lock: a decision must finish promptly and the same way every time",
            "conclude with an outcome; the engine decides when rules run"),
    LOOP("a loop may never end and would stall every decision",
            "a rule fires once per match: match each fact in the 'when' part instead of looping over facts, "
                    + "and use BigDecimal arithmetic, Math or Outcomes.floorToStep for calculations"),
    RECURSION("a function that calls itself may never end and would stall every decision",
            "compute the value without recursion, with BigDecimal arithmetic or Math"),
    CHANGES_FACTS("a rule concludes by inserting a new fact and never changes or removes the facts it matched: "
            + "a change would fire the rules again (possibly forever) and hide the inference from the trace",
            "insert an outcome instead, e.g. insert(Outcomes.cap(kcontext, $p, maxQuantity, \"...\"))"),
    GLOBAL("a rule reads its inputs only from facts, so that every decision can be replayed",
            "make the value a limit in limits.json and match Limit(name == \"...\", $x : value)"),
    KCONTEXT("kcontext reaches the engine itself; a rule may only pass it to Outcomes",
            "use kcontext only as the first argument of Outcomes.reject/cap/flag/halt/propose"),
    HIDDEN_CALL("lambdas, method references, classes and 'this' hide calls from these checks",
            "write the calculation as a plain expression"),
    CHANGES_STATE("a rule may only assign its own local variables",
            "declare a local variable (BigDecimal x = ...;) and insert an outcome with the result"),
    DECLARATION("rules may use only the facts Arbiter defines",
            "ask for the fact to be added to the kb module, or match an existing one"),
    DIALECT("rules are written in the java dialect only",
            "remove the dialect attribute"),
    NOT_ALLOWED("rules may use only the fact and outcome types, Outcomes, Measures, BigDecimal, RoundingMode, "
            + "MathContext, Math, String, StringBuilder, boxed numbers and read-only List, Map and Set",
            "see \"What a rule may not do\" in docs/rules-guide.md");

    private final String why;
    private final String hint;

    Forbidden(String why, String hint) {
        this.why = why;
        this.hint = hint;
    }

    String why() {
        return why;
    }

    String hint() {
        return hint;
    }
}
