/**
 * The knowledge base: the Prolog files shipped in the {@code kb} module (and a rule pack's {@code kb/}
 * folder on top) loaded into classic tuProlog, asked before the rules run for the restrictions of a
 * decision's instruments and venues, each with the chain that explains it.
 */
package dev.arbiter.reasoning.kb;
