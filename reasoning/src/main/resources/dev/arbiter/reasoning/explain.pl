% Arbiter: why a decision ended as it did.
%
% Loaded once per explainer, as the theory of a tuProlog library, so that no query can retract it.
% The decision being explained is not part of this text: its facts are handed over as terms by Java
% through decision_facts(Functor, Facts) (and decision_facts(Functor, Key, Facts): those whose first argument is
% Key) and read through the predicates of the first section.
%
% Atoms used as values: sides buy/sell; layers strategy, l1 .. l7; halt scopes global, account,
% instrument; proof verdicts proved, violated, unknown; statuses approved, capped, rejected, halted,
% not_allocated, blocked_by_proof. Quantities and prices are atoms holding exact decimals ('7.50'),
% compared with decimal_compare(Order, A, B), Order one of less, equal, greater (done in Java, exactly).
%
% Note for editors: tuProlog 3.3 reads no escape sequences in quoted atoms (a backslash stays a
% backslash) and cannot read a quote inside one, so the sentences below are written without quotes.

% ---------------------------------------------------------------------------------------------------
% The decision's facts.

% facts(+Functor, ?Key, -Facts): the decision's facts of Functor; when Key is an atom, only those whose first
% argument is Key, found by Java (decision_facts/3), so that a proposal's or a rule's facts are not searched for
% among all of the decision's. The facts are ground, so no fact left out could have matched.
facts(Functor, Key, Facts) :- atom(Key), !, decision_facts(Functor, Key, Facts).
facts(Functor, _, Facts) :- decision_facts(Functor, Facts).

% proposal(P, Account, Symbol, Side, Quantity, Price)
proposal(P, Account, Symbol, Side, Quantity, Price) :-
    facts(proposal, P, Facts), member(proposal(P, Account, Symbol, Side, Quantity, Price), Facts).
% fired(Rule, Layer, Code): a rule fired; Code is '' for a rule that concludes nothing.
fired(Rule, Layer, Code) :-
    facts(fired, Rule, Facts), member(fired(Rule, Layer, Code), Facts).
% matched(Rule, FactText): a fact the rule matched, described in a few words.
matched(Rule, FactText) :-
    facts(matched, Rule, Facts), member(matched(Rule, FactText), Facts).
% rejected(P, Code, Layer, LegalSource, Message); LegalSource is '' when none is cited.
rejected(P, Code, Layer, LegalSource, Message) :-
    facts(rejected, P, Facts), member(rejected(P, Code, Layer, LegalSource, Message), Facts).
% capped(P, MaxQuantity, Code, Layer, LegalSource, Message)
capped(P, MaxQuantity, Code, Layer, LegalSource, Message) :-
    facts(capped, P, Facts), member(capped(P, MaxQuantity, Code, Layer, LegalSource, Message), Facts).
% flagged(P, Code, Layer, LegalSource, Message)
flagged(P, Code, Layer, LegalSource, Message) :-
    facts(flagged, P, Facts), member(flagged(P, Code, Layer, LegalSource, Message), Facts).
% halted(Scope, Target, Code, Layer, Message); Target is '*' for a global halt.
halted(Scope, Target, Code, Layer, Message) :-
    facts(halted, Scope, Facts), member(halted(Scope, Target, Code, Layer, Message), Facts).
% reduce_only(Scope, Target, Code, Layer, Message): only position-reducing orders in the scope.
reduce_only(Scope, Target, Code, Layer, Message) :-
    facts(reduce_only, Scope, Facts), member(reduce_only(Scope, Target, Code, Layer, Message), Facts).
% reason_rule(Code, Rule): the rule that concluded an outcome with this code.
reason_rule(Code, Rule) :-
    facts(reason_rule, Code, Facts), member(reason_rule(Code, Rule), Facts).
% allocated(P, Quantity): the size the allocation gave the proposal.
allocated(P, Quantity) :-
    facts(allocated, P, Facts), member(allocated(P, Quantity), Facts).
% bound_by(P, Sentence): a constraint that bound the proposal's size.
bound_by(P, Sentence) :-
    facts(bound_by, P, Facts), member(bound_by(P, Sentence), Facts).
% proof(Verdict): the verdict of the limit proof.
proof(Verdict) :-
    facts(proof, Verdict, Facts), member(proof(Verdict), Facts).
% violation(Limit, Detail): a hard limit the proof found broken.
violation(Limit, Detail) :-
    facts(violation, Limit, Facts), member(violation(Limit, Detail), Facts).
% used_model(P, Model): P's origin acted on a prediction of Model.
used_model(P, Model) :-
    facts(used_model, P, Facts), member(used_model(P, Model), Facts).
% leaned(Model, Version, Up, LogOdds, Base): what a model the engine ran predicted, as log-odds from its base.
leaned(Model, Version, Up, LogOdds, Base) :-
    facts(leaned, Model, Facts), member(leaned(Model, Version, Up, LogOdds, Base), Facts).
% lean(Model, Rank, Feature, Amount): the features that moved the model most, rank 1 the most.
lean(Model, Rank, Feature, Amount) :-
    facts(lean, Model, Facts), member(lean(Model, Rank, Feature, Amount), Facts).
% layer(Layer, Code, Title), e.g. layer(l3, 'L3', account).
layer(Layer, Code, Title) :-
    facts(layer, Layer, Facts), member(layer(Layer, Code, Title), Facts).

% ---------------------------------------------------------------------------------------------------
% status(?P, ?S): the status of proposal P. It is decided once, in Java (StatusPrecedence), and handed
% over as a fact; the theory only says why. The precedence, the first that applies:
%   a proof that failed or did not finish blocks every proposal (blocked_by_proof);
%   a halt covering the proposal (global, its account or its instrument) halts it;
%   a rejection rejects it;
%   no size, or a size of 0, leaves it not allocated;
%   a size below the one requested caps it;
%   otherwise it is approved.

status(P, S) :-
    facts(status, P, Facts), member(status(P, S), Facts).

% halt_covers(P, Scope, Target, Code, Layer, Message): a halt that stops proposal P, as Java decided it.
halt_covers(P, Scope, Target, Code, Layer, Message) :-
    facts(halt_covers, P, Facts), member(halt_covers(P, Scope, Target, Code, Layer, Message), Facts).

% ---------------------------------------------------------------------------------------------------
% why(?P, ?S, -Reasons): P has status S because of Reasons, a list of terms:
%   proof(Verdict), violation(Limit, Detail),
%   halt(Scope, Target, Code, Layer, Message),
%   rejection(Code, Layer, LegalSource, Message),
%   cap(MaxQuantity, Code, Layer, LegalSource, Message),
%   flag(Code, Layer, LegalSource, Message),
%   evidence(Rule, FactTexts)            (what the rule behind the reason before it matched),
%   no_allocation(Requested), allocation(Quantity, Requested), full_allocation(Requested),
%   bound(Sentence), checked(Layers).

why(P, S, Reasons) :-
    status(P, S),
    findall(R, reason(P, S, R), Reasons).

reason(_, blocked_by_proof, proof(Verdict)) :- proof(Verdict).
reason(_, blocked_by_proof, violation(Limit, Detail)) :- violation(Limit, Detail).

reason(P, halted, R) :-
    halt_covers(P, Scope, Target, Code, Layer, Message),
    with_evidence(halt(Scope, Target, Code, Layer, Message), Code, R).

reason(P, rejected, R) :-
    rejected(P, Code, Layer, Source, Message),
    with_evidence(rejection(Code, Layer, Source, Message), Code, R).

reason(P, not_allocated, R) :- allocation_reason(P, R).
reason(P, not_allocated, R) :- cap_reason(P, R).
reason(P, not_allocated, bound(Sentence)) :- bound_by(P, Sentence).

reason(P, capped, R) :- allocation_reason(P, R).
reason(P, capped, R) :- cap_reason(P, R).
reason(P, capped, bound(Sentence)) :- bound_by(P, Sentence).
reason(P, capped, R) :- flag_reason(P, R).

reason(P, approved, R) :- allocation_reason(P, R).
reason(_, approved, checked(Layers)) :- checked_layers(Layers).
reason(P, approved, R) :- flag_reason(P, R).

% Whatever its status, a proposal that acted on a model the engine ran says which way the model leaned and why.
reason(P, _, leaned(Model, Version, Up, LogOdds, Base, Leans)) :-
    used_model(P, Model),
    leaned(Model, Version, Up, LogOdds, Base),
    findall(Feature-Amount, lean(Model, _, Feature, Amount), Leans).

allocation_reason(P, no_allocation(Requested)) :-
    proposal(P, _, _, _, Requested, _),
    \+ allocated(P, _).
allocation_reason(P, R) :-
    proposal(P, _, _, _, Requested, _),
    allocated(P, Quantity),
    decimal_compare(Order, Quantity, Requested),
    allocation_term(Order, Quantity, Requested, R).

allocation_term(less, Quantity, Requested, allocation(Quantity, Requested)).
allocation_term(equal, _, Requested, full_allocation(Requested)).
allocation_term(greater, Quantity, Requested, allocation(Quantity, Requested)).

cap_reason(P, R) :-
    capped(P, Max, Code, Layer, Source, Message),
    with_evidence(cap(Max, Code, Layer, Source, Message), Code, R).

flag_reason(P, R) :-
    flagged(P, Code, Layer, Source, Message),
    with_evidence(flag(Code, Layer, Source, Message), Code, R).

% with_evidence(+Reason, +Code, -R): the reason itself, then what its rule matched, if anything.
with_evidence(Reason, _, Reason).
with_evidence(_, Code, evidence(Rule, Facts)) :-
    reason_rule(Code, Rule),
    findall(F, matched(Rule, F), Facts),
    Facts \== [].

% checked_layers(-Layers): the risk layers of the rules that fired, in layer order, each once.
checked_layers(Layers) :-
    findall(L, (layer(L, _, _), L \== strategy, once(fired(_, L, _))), Layers).

% ---------------------------------------------------------------------------------------------------
% explain(?P, ?S, -Sentences): why/3 said in sentences.

explain(P, S, Sentences) :-
    why(P, S, Reasons),
    findall(T, (member(R, Reasons), once(sentence(R, T))), Sentences).

% ---------------------------------------------------------------------------------------------------
% Explanation trees. A tree is because(Node, Children), Children a list of trees; the nodes read down
% the layers from an outcome to the facts it rests on:
%   the outcome:        status(P, S), or S(P) for S one of the statuses (rejected('P-1'))
%   what decided it:    the reasons of why/3 (rejection(...), cap(...), halt(...), proof(...), ...)
%   the rule behind it: fired(Rule, Layer, Code)
%   what the rule saw:  fact(Text)
%
% why(+Outcome, -Tree): Outcome holds because of Tree; fails when Outcome does not hold.
%   why(rejected('P-1'), T), why(status('P-1', S), T)
% why_not(+Outcome, -Tree): Outcome does not hold because of Tree, rooted at not(Outcome) with the tree
% of the proposal's actual status as its child; the tree is holds(Outcome) when it does hold.
%   why_not(approved('P-1'), T)

why(Outcome, because(Outcome, Children)) :-
    outcome(Outcome, P, S),
    status(P, S),
    findall(Child, reason_tree(P, S, Child), Children).

why_not(Outcome, Tree) :-
    outcome(Outcome, P, Wanted),
    status(P, Actual),
    why_not_tree(Outcome, P, Wanted, Actual, Tree).

why_not_tree(Outcome, _, Wanted, Actual, holds(Outcome)) :- Wanted == Actual, !.
why_not_tree(Outcome, P, _, Actual, because(not(Outcome), [Tree])) :-
    Actual_outcome =.. [Actual, P],
    why(Actual_outcome, Tree).

% outcome(+Outcome, -P, -S): the proposal and status an outcome names.
outcome(status(P, S), P, S) :- !.
outcome(Outcome, P, S) :-
    nonvar(Outcome),
    Outcome =.. [S, P],
    member(S, [approved, capped, rejected, halted, not_allocated, blocked_by_proof]).

reason_tree(P, S, because(R, Grounds)) :-
    reason(P, S, R),
    R \= evidence(_, _),
    grounds(R, Grounds).

% grounds(+Reason, -Trees): the rule that concluded the reason, and the facts it matched.
grounds(R, [because(fired(Rule, Layer, Code), Facts)]) :-
    reason_code(R, Code),
    reason_rule(Code, Rule),
    once(fired(Rule, Layer, Code)), !,
    findall(because(fact(F), []), matched(Rule, F), Facts).
grounds(_, []).

reason_code(rejection(Code, _, _, _), Code).
reason_code(cap(_, Code, _, _, _), Code).
reason_code(flag(Code, _, _, _), Code).
reason_code(halt(_, _, Code, _, _), Code).

% tree_lines(+Tree, -Lines): the tree in sentences, one per node, each child indented under its parent
% and introduced by "because"; the form reports print.
tree_lines(Tree, Lines) :- tree_lines(Tree, '', Lines).

tree_lines(holds(Outcome), Indent, [Line]) :-
    node_text(Outcome, T),
    concat_all([Indent, T, ' holds'], Line).
tree_lines(because(Node, Children), Indent, [Line | Rest]) :-
    node_text(Node, T),
    ( Indent == '' -> Line = T ; concat_all([Indent, 'because ', T], Line) ),
    concat_all([Indent, '  '], Deeper),
    children_lines(Children, Deeper, Rest).

children_lines([], _, []).
children_lines([C | Cs], Indent, Lines) :-
    tree_lines(C, Indent, L1),
    children_lines(Cs, Indent, L2),
    append(L1, L2, Lines).

node_text(not(Outcome), T) :- !, node_text(Outcome, O), concat_all(['not: ', O], T).
node_text(status(P, S), T) :- !, concat_all([P, ' is ', S], T).
node_text(fired(Rule, Layer, Code), T) :- !,
    layer_text(Layer, LT),
    concat_all(['rule ', Rule, ' (', Code, ', ', LT, ') fired'], T).
node_text(fact(F), T) :- !, concat_all(['it matched ', F], T).
node_text(Outcome, T) :-
    outcome(Outcome, P, S), !,
    concat_all([P, ' is ', S], T).
node_text(Reason, T) :- once(sentence(Reason, T)), !.
node_text(Other, Other).

% why_not(+Goal, -Reasons) as a flat list, kept for reports that want sentences only: status(Actual)
% followed by the reasons of why/3; [] when the goal holds.
why_not_list(approved(P), Reasons) :-
    why_not_list(status(P, approved), Reasons).
why_not_list(status(P, Wanted), Reasons) :-
    status(P, Actual),
    why_not_status(P, Wanted, Actual, Reasons).

why_not_status(_, Wanted, Actual, []) :- Wanted == Actual, !.
why_not_status(P, _, Actual, [status(Actual) | Reasons]) :-
    why(P, Actual, Reasons).

% sentence(+Reason, -Sentence)
sentence(status(S), T) :-
    concat_all(['its status is ', S], T).
sentence(proof(violated), 'the proof that the orders respect every hard limit found a broken limit, so no order of this decision may be sent').
sentence(proof(unknown), 'the proof that the orders respect every hard limit did not finish in time, so no order of this decision may be sent (fail closed)').
sentence(proof(proved), 'the proof that the orders respect every hard limit succeeded').
sentence(violation(Limit, Detail), T) :-
    concat_all(['hard limit ', Limit, ' is broken: ', Detail], T).
sentence(halt(global, _, Code, Layer, Message), T) :-
    layer_text(Layer, LT),
    concat_all(['all trading is halted by ', Code, ' at ', LT, ': ', Message], T).
sentence(halt(account, Account, Code, Layer, Message), T) :-
    layer_text(Layer, LT),
    concat_all(['trading is halted for account ', Account, ' by ', Code, ' at ', LT, ': ', Message], T).
sentence(halt(instrument, Symbol, Code, Layer, Message), T) :-
    layer_text(Layer, LT),
    concat_all(['trading is halted for instrument ', Symbol, ' by ', Code, ' at ', LT, ': ', Message], T).
sentence(rejection(Code, Layer, Source, Message), T) :-
    layer_text(Layer, LT), source_text(Source, ST),
    concat_all(['rejected by ', Code, ' at ', LT, ST, ': ', Message], T).
sentence(cap(Max, Code, Layer, Source, Message), T) :-
    layer_text(Layer, LT), source_text(Source, ST),
    concat_all(['capped at ', Max, ' by ', Code, ' at ', LT, ST, ': ', Message], T).
sentence(flag(Code, Layer, Source, Message), T) :-
    layer_text(Layer, LT), source_text(Source, ST),
    concat_all(['flagged by ', Code, ' at ', LT, ST, ': ', Message], T).
sentence(evidence(Rule, Facts), T) :-
    join(Facts, '; ', FactsText),
    concat_all(['rule ', Rule, ' matched ', FactsText], T).
sentence(no_allocation(Requested), T) :-
    concat_all(['the allocation gave it no size of the ', Requested, ' requested'], T).
sentence(allocation(Quantity, Requested), T) :-
    concat_all(['the allocation sized it at ', Quantity, ' of the ', Requested, ' requested'], T).
sentence(full_allocation(Requested), T) :-
    concat_all(['the allocation gave it the full ', Requested, ' requested'], T).
sentence(bound(Sentence), Sentence).
sentence(leaned(Model, Version, Up, LogOdds, Base, Leans), T) :-
    findall(X, (member(Feature-Amount, Leans), concat_all([Feature, ' ', Amount], X)), Parts),
    join(Parts, ', ', LeansText),
    concat_all(['model ', Model, ' ', Version, ' put an up move at ', Up, ' (log-odds ', LogOdds,
                ' from its base ', Base, '); the features that moved it most: ', LeansText], T).
sentence(checked([]), 'no risk rule fired, so no risk layer objected').
sentence(checked([L | Ls]), T) :-
    findall(X, (member(Layer, [L | Ls]), layer_text(Layer, X)), Texts),
    join(Texts, ', ', LayersText),
    concat_all(['checked without objection by ', LayersText], T).

% layer_text(+Layer, -Text), e.g. 'L3 (account)'.
layer_text(Layer, Text) :-
    layer(Layer, Code, Title), !,
    concat_all([Code, ' (', Title, ')'], Text).
layer_text(Layer, Layer).

source_text('', '') :- !.
source_text(Source, Text) :-
    concat_all([', under ', Source], Text).

% concat_all(+Atoms, -Atom) and join(+Atoms, +Separator, -Atom), both deterministic. The joining is
% done in Java (text_concat/2): tuProlog's atom_concat/3 goes through character lists, which made long
% messages and matched facts the most expensive part of a decision.
concat_all(Parts, Text) :- text_concat(Parts, Text), !.

join([], _, '').
join([A | As], Separator, Text) :-
    interleave(As, Separator, Rest),
    text_concat([A | Rest], Text), !.

interleave([], _, []).
interleave([A | As], Separator, [Separator, A | Rest]) :- interleave(As, Separator, Rest).

% ---------------------------------------------------------------------------------------------------
% query_goal(+Goal): runs a caller's raw goal. Only the predicates queryable/2 lists may be called,
% through conjunction, disjunction, if-then-else, negation, once/1, forall/2 and findall/3, so that a
% raw query can read the decision but can neither change the engine nor reach Java or files.

query_goal(G) :- var(G), !, throw(error(instantiation_error, query_goal(G))).
query_goal((A, B)) :- !, query_goal(A), query_goal(B).
query_goal((C -> T ; E)) :- !, ( query_goal(C) -> query_goal(T) ; query_goal(E) ).
query_goal((A ; B)) :- !, ( query_goal(A) ; query_goal(B) ).
query_goal((C -> T)) :- !, ( query_goal(C) -> query_goal(T) ).
query_goal(\+ G) :- !, \+ query_goal(G).
query_goal(once(G)) :- !, once(query_goal(G)).
query_goal(forall(C, A)) :- !, forall(query_goal(C), query_goal(A)).
query_goal(findall(T, G, L)) :- !, findall(T, query_goal(G), L).
query_goal(G) :-
    functor(G, Name, Arity),
    queryable(Name, Arity), !,
    call(G).
query_goal(G) :-
    functor(G, Name, Arity),
    throw(error(permission_error(call, Name/Arity), only_decision_and_explanation_predicates)).

queryable(status, 2).
queryable(why, 3).
queryable(why_not, 2).
queryable(why, 2).
queryable(why_not_list, 2).
queryable(tree_lines, 2).
queryable(node_text, 2).
queryable(explain, 3).
queryable(proposal, 6).
queryable(fired, 3).
queryable(matched, 2).
queryable(rejected, 5).
queryable(capped, 6).
queryable(flagged, 5).
queryable(halted, 5).
queryable(reduce_only, 5).
queryable(reason_rule, 2).
queryable(allocated, 2).
queryable(bound_by, 2).
queryable(proof, 1).
queryable(violation, 2).
queryable(layer, 3).
queryable(used_model, 2).
queryable(leaned, 5).
queryable(lean, 4).
queryable(halt_covers, 6).
queryable(checked_layers, 1).
queryable(sentence, 2).
queryable(decimal_compare, 3).
queryable(true, 0).
queryable(fail, 0).
queryable(false, 0).
queryable('=', 2).
queryable('\=', 2).
queryable('==', 2).
queryable('\==', 2).
queryable('@<', 2).
queryable('@>', 2).
queryable('@=<', 2).
queryable('@>=', 2).
queryable(member, 2).
queryable(append, 3).
queryable(length, 2).
queryable(atom, 1).
queryable(var, 1).
queryable(nonvar, 1).
queryable(atom_length, 2).
queryable(sub_atom, 5).
