// The console's editor and diff, bundled at build time into static/console/editor.js (global ArbiterEditor).
// console.js uses two things: an editor for one pack file at a time, and a side-by-side view of a candidate's
// file against the active release's.
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightSpecialChars } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { MergeView } from "@codemirror/merge";
import { drl } from "./drl.js";

/** The language of a pack file by its name: rules, limits and parameters, rule tests. */
function language(path) {
  if (/\.drl$/i.test(path)) { return [drl]; }
  if (/\.json$/i.test(path)) { return [json()]; }
  if (/\.ya?ml$/i.test(path)) { return [yaml()]; }
  return [];
}

function extensions(path, editable, languageSlot = new Compartment()) {
  return [
    lineNumbers(), highlightSpecialChars(), bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorView.lineWrapping, languageSlot.of(language(path)),
    editable ? [history(), highlightActiveLine(), keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab])]
      : [EditorState.readOnly.of(true), EditorView.editable.of(false)],
  ];
}

/**
 * An editor in parent. setText replaces the document (and its undo history) and picks the language for the file's
 * path; setPath only changes the language, as the path is typed.
 */
export function createEditor(parent) {
  const languageSlot = new Compartment();
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: extensions("", true, languageSlot) }) });
  return {
    getText: () => view.state.doc.toString(),
    setText(text, path) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(path || "", true, languageSlot) }));
    },
    setPath(path) {
      view.dispatch({ effects: languageSlot.reconfigure(language(path || "")) });
    },
  };
}

/**
 * The active release's version of a file (left) beside the candidate's (right), changed lines marked and long
 * unchanged stretches folded. Returns a function that removes the view.
 */
export function showDiff(parent, active, candidate, path) {
  const merge = new MergeView({
    a: { doc: active, extensions: extensions(path, false) },
    b: { doc: candidate, extensions: extensions(path, false) },
    parent,
    gutter: true,
    highlightChanges: true,
    collapseUnchanged: { margin: 3, minSize: 6 },
  });
  return () => merge.destroy();
}
