package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.AccountView;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.DeskState;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gateway mode's account events (openings, transfers, funding, margin modes, fills, order reports, officers' actions on
 * one account): published to the job as {@link StreamInput.Event}s with their idempotency keys, and answered from the
 * job's EVENT or REFUSED record. A refusal is the same {@link InvalidEventException} the embedded engine throws.
 */
final class ClusterEvents {

    /**
     * An event as the job applied it (a fill's {@code unsolicited} as the job found it), or recognised as a repeat of
     * its key, with where the account's journal stands after it and the account as the job keeps it then: what the
     * embedded service answers with, so that a client reads the same answer from either.
     */
    record Applied(String accountId, AccountEvent event, boolean duplicate, long journalPosition, String stateHash,
                   AccountView account) {
    }

    /** An event on its way to the job, and its answer to come. */
    record Published(AccountEvent event, ClusterGateway.Pending pending) {
    }

    /** An item of a batch read and checked here: the event it stands for and its idempotency key (or null). */
    record Keyed(AccountEvent event, String key) {
    }

    /** Reads one item of a batch; refuses it with an {@link InvalidRequestException} naming its field. */
    @FunctionalInterface
    interface ItemReader {
        Keyed read(JsonNode item, String path);
    }

    /** One item of a batch as answered: applied by the job, or refused (here or by the job) naming its field. */
    record ItemAnswer(Applied applied, ItemErrors.Refused refused) {
    }

    private final ClusterGateway gateway;

    ClusterEvents(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    /** Publishes an event of its account; {@link #await} its answer. */
    Published publish(AccountEvent event, String key) {
        StreamInput.Event input = new StreamInput.Event(event.accountId(), key, event);
        return new Published(event, gateway.publish(input, input.subject()));
    }

    /**
     * A batch of account events ({@code name[i]}): each item checked here, the good ones published at once, their
     * answers awaited in turn, one answer per item in the batch's order.
     *
     * @throws NoAnswerException when an answer did not come in time
     */
    List<ItemAnswer> submitAll(JsonNode items, String name, ItemReader reader) {
        List<Object> sent = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                Keyed keyed = reader.read(items.get(i), name + "[" + i + "]");
                sent.add(publish(keyed.event(), keyed.key()));
            } catch (InvalidRequestException e) {
                sent.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
            }
        }
        List<ItemAnswer> answers = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) instanceof ItemErrors.Refused refused) {
                answers.add(new ItemAnswer(null, refused));
                continue;
            }
            try {
                answers.add(new ItemAnswer(await((Published) sent.get(i)), null));
            } catch (InvalidEventException e) {
                answers.add(new ItemAnswer(null, new ItemErrors.Refused(name + "[" + i + "]." + e.field(), e.value(),
                        e.accepted())));
            }
        }
        return answers;
    }

    /**
     * The job's answer to a published event.
     *
     * @throws InvalidEventException when the job refused it, naming the field
     * @throws NoAnswerException     when no answer came in time, or the event could not be handed over
     */
    Applied await(Published published) {
        ClusterGateway.Pending pending = published.pending();
        AccountRecord record;
        try {
            record = gateway.await(pending);
        } catch (ClusterGateway.NoAnswer e) {
            throw new NoAnswerException("the decision job did not answer event " + pending.subject() + " of account "
                    + pending.accountId() + " (" + e.getMessage() + "): it may still be applied; send it again after "
                    + NoAnswerException.RETRY_AFTER_SECONDS + " s (an event with an id, such as a fill or a transfer,"
                    + " is applied once however often it is sent)");
        }
        return switch (AccountRecord.Kind.valueOf(record.kind())) {
            case EVENT -> {
                JsonNode payload = CanonicalJson.mapper().readTree(record.payload());
                yield new Applied(record.accountId(), asApplied(payload.get("event"), published.event()),
                        payload.path("duplicate").asBoolean(), payload.path("journalPosition").asLong(),
                        payload.path("stateHash").asString(), view(payload.get("account"), published.event()));
            }
            case REFUSED -> {
                ClusterGateway.Refusal refusal = ClusterGateway.Refusal.of(record);
                throw new InvalidEventException(refusal.field(), refusal.value(), refusal.accepted());
            }
            case DECISION -> throw new IllegalStateException("the job answered event " + record.subject()
                    + " with a decision record");
        };
    }

    /**
     * Publishes an officer's desk-wide action (an instrument's or everything's trading state, the desk's kill switch)
     * to the desk topic, which every worker of the job reads; the job records no answer to it, so this returns once
     * the brokers have it. It is checked as the embedded engine checks it first.
     *
     * @throws InvalidEventException when the desk's state refuses it
     * @throws NoAnswerException     when the brokers did not take it in time
     */
    void publishDesk(DeskEvent event) {
        DeskState.check(event);
        try {
            gateway.publishDesk(event);
        } catch (ClusterGateway.NoAnswer e) {
            throw new NoAnswerException("the officer's action " + event.action() + " on " + event.scope() + " "
                    + event.target() + " could not be handed to the decision job (" + e.getMessage() + "): it may"
                    + " not be in force; send it again after " + NoAnswerException.RETRY_AFTER_SECONDS + " s");
        }
    }

    /**
     * Publishes a bar or a mark to the market topic, which every worker of the job reads; each account takes it before
     * its next input that comes after the bar's end (the mark's time). The job checks order and repeats as each
     * account takes it; there is no answer to wait for.
     *
     * @return the market topic's offset of the record: where it stands in the job's market journal
     * @throws NoAnswerException when the brokers did not take it in time
     */
    long publishMarket(String symbol, MarketEvent event) {
        try {
            return gateway.publishMarket(symbol, event);
        } catch (ClusterGateway.NoAnswer e) {
            throw new NoAnswerException("market data of " + symbol + " could not be handed to the decision job ("
                    + e.getMessage() + "): send it again after " + NoAnswerException.RETRY_AFTER_SECONDS + " s");
        }
    }

    /**
     * The event as the job applied it, which must be of the type published.
     */
    private static AccountEvent asApplied(JsonNode applied, AccountEvent published) {
        if (!(applied instanceof ObjectNode event)) {
            throw new IllegalStateException("the job's answer to " + published.getClass().getSimpleName() + " of account "
                    + published.accountId() + " holds no event");
        }
        AccountEvent read = CanonicalJson.mapper().treeToValue(event, AccountEvent.class);
        if (read.getClass() != published.getClass()) {
            throw new IllegalStateException("the job answered " + published.getClass().getSimpleName() + " of account "
                    + published.accountId() + " with " + read.getClass().getSimpleName());
        }
        return read;
    }

    /** The account as the job showed it after the event. */
    private static AccountView view(JsonNode account, AccountEvent published) {
        if (!(account instanceof ObjectNode view)) {
            throw new IllegalStateException("the job's answer to " + published.getClass().getSimpleName() + " of account "
                    + published.accountId() + " holds no account");
        }
        return CanonicalJson.mapper().treeToValue(view, AccountView.class);
    }

    /** Publishes an event and waits for the job's answer. */
    Applied submit(AccountEvent event, String key) {
        return await(publish(event, key));
    }
}
