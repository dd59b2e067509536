// Highlighting for Drools rule files (DRL): keywords, strings, comments, numbers, bound variables and the
// annotations rules carry. A stream tokenizer is enough: officers need the structure visible, not a parser.
import { StreamLanguage } from "@codemirror/language";

const keywords = new Set([
  "package", "import", "global", "function", "declare", "query", "rule", "when", "then", "end", "salience",
  "agenda-group", "activation-group", "no-loop", "lock-on-active", "dialect", "enabled", "duration", "timer",
  "not", "exists", "forall", "accumulate", "collect", "from", "over", "and", "or", "eval", "in", "matches",
  "memberOf", "contains", "soundslike", "str", "extends", "unit", "modify", "insert", "insertLogical",
  "retract", "delete", "update", "new", "return", "if", "else", "for", "true", "false", "null", "this",
]);

export const drl = StreamLanguage.define({
  name: "drl",
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo("*/")) { stream.match("*/"); state.inComment = false; } else { stream.skipToEnd(); }
      return "comment";
    }
    if (stream.eatSpace()) { return null; }
    if (stream.match("//") || stream.match("#")) { stream.skipToEnd(); return "comment"; }
    if (stream.match("/*")) { state.inComment = true; return "comment"; }
    const quote = stream.peek();
    if (quote === '"' || quote === "'") {
      stream.next();
      let escaped = false;
      for (let ch; (ch = stream.next()) != null;) {
        if (ch === quote && !escaped) { break; }
        escaped = !escaped && ch === "\\";
      }
      return "string";
    }
    if (stream.match(/^-?\d+(\.\d+)?([eE][-+]?\d+)?[bBlLdDfF]?/)) { return "number"; }
    if (stream.match(/^\$[\w$]+/)) { return "variableName.special"; }
    if (stream.match(/^@[\w.]+/)) { return "meta"; }
    if (stream.match(/^[A-Za-z_][\w-]*/)) {
      const word = stream.current();
      if (keywords.has(word)) { return "keyword"; }
      return /^[A-Z]/.test(word) ? "typeName" : "variableName";
    }
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||[<>=!+\-*\/%:;,.])/)) { return "operator"; }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "//", block: { open: "/*", close: "*/" } } },
});
