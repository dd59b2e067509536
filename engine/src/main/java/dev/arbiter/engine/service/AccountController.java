package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.AccountView;
import dev.arbiter.engine.state.Reconciliation;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.rules.pack.InstrumentSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts as the engine keeps them: {@code PUT} sets the opening balance once; transfers move cash afterwards, and
 * so do the funding payments of perpetuals; each perpetual is margined cross or isolated as the account sets it;
 * {@code GET} shows the engine's view (balances, equity, high-water mark, day's P&amp;L, positions, working orders,
 * margin, margin modes, counters, journal position); a reconciliation snapshot of the venue's positions and cash is
 * compared with the engine's and recorded, never obeyed.
 */
@Tag(name = "Accounts")
@RestController
class AccountController {

    record Transfer(String transferId, BigDecimal amount, Instant at) {
    }

    /** A perpetual's funding at one funding time, as the venue reports it: received (+) or paid (-). */
    record Funding(String fundingId, String symbol, BigDecimal amount, Instant at) {
    }

    /** How the account margins one instrument from now on. */
    record MarginModeChange(MarginMode mode, Instant at) {
    }

    /** What the venue says the account holds. */
    record VenueSnapshot(Instant at, BigDecimal cash, List<Position> positions) {
    }

    /** A transfer or a funding payment applied, or recognised as one applied before (same id). */
    record AccountChanged(boolean duplicate, AccountView account) {
    }

    /** Where the venue's figures differ from the engine's beyond the tolerance, and the engine's view. */
    record Reconciled(List<ReconciliationBreak> breaks, AccountView account) {
    }

    private final TradingCore core;
    private final DecisionPipeline pipeline;
    private final Clock clock;
    private final DecisionMetrics metrics;
    /** Gateway mode: events go to the decision job, which keeps the accounts; empty in the embedded mode. */
    private final Optional<ClusterEvents> cluster;

    AccountController(TradingCore core, DecisionPipeline pipeline, Clock clock, DecisionMetrics metrics,
                      Optional<ClusterEvents> cluster) {
        this.cluster = cluster;
        this.core = core;
        this.pipeline = pipeline;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Operation(operationId = "openAccount", summary = "Open an account with its opening balance")
    @ApiResponse(responseCode = "201", description = "The account as the engine keeps it",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "409", description = "The account has an opening balance already: nothing applied")
    @PutMapping(path = "/v1/accounts/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> open(@PathVariable String accountId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventBodies.Opening.class)))
            @RequestBody(required = false) byte[] body) {
        AccountScope.check(accountId);
        EventBodies.Opening opening = JsonBodies.read(body, EventBodies.Opening.class, EventBodies.OPENING);
        NotInTheFuture.check("at", opening.at(), clock);
        AccountEvent.Opened event = opening.toEvent(accountId, clock.instant());
        if (cluster.isPresent()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(onTheJob(event, null).account());
        }
        core.submit(event, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(accountId));
    }

    @Operation(operationId = "transfer", summary = "Deposit or withdraw cash")
    @ApiResponse(responseCode = "201", description = "Applied",
            content = @Content(schema = @Schema(implementation = AccountChanged.class)))
    @ApiResponse(responseCode = "200", description = "Applied before under the same transfer id: nothing changed",
            content = @Content(schema = @Schema(implementation = AccountChanged.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the account's state (e.g. no opening balance): nothing applied")
    @PostMapping(path = "/v1/accounts/{accountId}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> transfer(@PathVariable String accountId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Transfer.class)))
            @RequestBody(required = false) byte[] body) {
        AccountScope.check(accountId);
        Transfer transfer = JsonBodies.read(body, Transfer.class, "{\"transferId\", \"amount\" (+ deposit, - withdrawal), \"at\" (optional)}");
        EventBodies.id("transferId", transfer.transferId());
        NotInTheFuture.check("at", transfer.at(), clock);
        AccountEvent.Transferred event = new AccountEvent.Transferred(accountId,
                transfer.at() == null ? clock.instant() : transfer.at(), transfer.transferId(), transfer.amount());
        return changed(event, "transfer:" + transfer.transferId());
    }

    @Operation(operationId = "recordFunding", summary = "Record a perpetual funding payment")
    @ApiResponse(responseCode = "201", description = "Applied",
            content = @Content(schema = @Schema(implementation = AccountChanged.class)))
    @ApiResponse(responseCode = "200", description = "Applied before under the same funding id: nothing changed",
            content = @Content(schema = @Schema(implementation = AccountChanged.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the account's state: nothing applied")
    @PostMapping(path = "/v1/accounts/{accountId}/funding", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> funding(@PathVariable String accountId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Funding.class)))
            @RequestBody(required = false) byte[] body) {
        AccountScope.check(accountId);
        Funding funding = JsonBodies.read(body, Funding.class,
                "{\"fundingId\", \"symbol\", \"amount\" (+ received, - paid), \"at\" (optional)}");
        EventBodies.id("fundingId", funding.fundingId());
        Instrument instrument = listed(funding.symbol());
        if (instrument.kind() == InstrumentKind.SPOT) {
            throw new InvalidRequestException("symbol", "'" + funding.symbol() + "'", "a listed perpetual "
                    + perpetuals() + " (" + funding.symbol() + " is spot: spot pays no funding)");
        }
        if (funding.amount() == null) {
            throw new InvalidRequestException("amount", "missing", "the funding received (positive) or paid (negative)");
        }
        NotInTheFuture.check("at", funding.at(), clock);
        AccountEvent.Funded event = new AccountEvent.Funded(accountId,
                funding.at() == null ? clock.instant() : funding.at(), funding.fundingId(), funding.symbol(),
                funding.amount());
        return changed(event, "funding:" + funding.fundingId());
    }

    @Operation(operationId = "setMarginMode", summary = "Margin one perpetual cross or isolated")
    @ApiResponse(responseCode = "200", description = "The account with the new margin mode",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "409", description = "Refused: the account holds a position or works orders in the symbol")
    @PutMapping(path = "/v1/accounts/{accountId}/margin-modes/{symbol}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> marginMode(@PathVariable String accountId, @PathVariable String symbol,

            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = MarginModeChange.class)))
            @RequestBody(required = false) byte[] body) {
        AccountScope.check(accountId);
        MarginModeChange change = JsonBodies.read(body, MarginModeChange.class,
                "{\"mode\": \"CROSS\" or \"ISOLATED\", \"at\" (optional)}");
        if (change.mode() == null) {
            throw new InvalidRequestException("mode", "missing", "one of " + List.of(MarginMode.values()));
        }
        Instrument instrument = listed(symbol);
        if (change.mode() == MarginMode.ISOLATED && instrument.kind() == InstrumentKind.SPOT) {
            // a spot holding is paid in full: there is no margin to set aside
            throw new InvalidRequestException("symbol", "'" + symbol + "'", "a listed perpetual " + perpetuals()
                    + " for ISOLATED (" + symbol + " is spot, which is only ever cross)");
        }
        NotInTheFuture.check("at", change.at(), clock);
        AccountEvent.MarginModeSet event = new AccountEvent.MarginModeSet(accountId,
                change.at() == null ? clock.instant() : change.at(), symbol, change.mode());
        if (cluster.isPresent()) {
            return ResponseEntity.ok(onTheJob(event, null).account());
        }
        core.submit(event, null);
        return ResponseEntity.ok(view(accountId));
    }

    @Operation(operationId = "account", summary = "The account as the engine keeps it")
    @ApiResponse(responseCode = "200", description = "The account")
    @GetMapping(path = "/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the account's state")
    AccountView get(@PathVariable String accountId) {
        AccountScope.check(accountId);
        return view(accountId);
    }

    @Operation(operationId = "positions", summary = "The account's positions at their marks")
    @ApiResponse(responseCode = "200", description = "The positions")
    @GetMapping(path = "/v1/accounts/{accountId}/positions", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the account's state")
    List<AccountView.HeldPosition> positions(@PathVariable String accountId) {
        AccountScope.check(accountId);
        return view(accountId).positions();
    }

    @Operation(operationId = "reconcile", summary = "Compare the venue's positions and cash with the engine's")
    @ApiResponse(responseCode = "200", description = "The breaks found (recorded, never obeyed) and the engine's view")
    @PostMapping(path = "/v1/accounts/{accountId}/reconciliation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the account's state (the venue's figures are compared with the engine's)")
    Reconciled reconcile(@PathVariable String accountId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = VenueSnapshot.class)))
            @RequestBody(required = false) byte[] body) {
        AccountScope.check(accountId);
        VenueSnapshot venue = JsonBodies.read(body, VenueSnapshot.class,
                "{\"at\" (optional), \"cash\" (optional), \"positions\": [ {accountId, symbol, quantity, averagePrice} ]}");
        NotInTheFuture.check("at", venue.at(), clock);
        AccountState state = core.account(accountId);
        if (!state.opened()) {
            throw new InvalidRequestException("accountId", "'" + accountId + "'",
                    "an account with an opening balance (PUT /v1/accounts/{accountId} first)");
        }
        Reconciliation reconciliation = new Reconciliation(core.settings().reconcileTolerance());
        List<ReconciliationBreak> breaks = new ArrayList<>();
        reconciliation.amount(breaks, accountId, "cash", venue.cash(), state.cash());
        List<Position> positions = venue.positions() == null ? List.of() : venue.positions();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) == null || !accountId.equals(positions.get(i).accountId())) {
                throw new InvalidRequestException("positions[" + i + "].accountId",
                        positions.get(i) == null ? "null" : "'" + positions.get(i).accountId() + "'",
                        "the account in the path, '" + accountId + "'");
            }
        }
        breaks.addAll(reconciliation.positions(accountId, positions, state));
        core.submit(new AccountEvent.Reconciled(accountId, venue.at() == null ? clock.instant() : venue.at(),
                "venue snapshot", breaks), null);
        metrics.breaks(breaks);
        return new Reconciled(breaks, view(accountId));
    }

    /**
     * A transfer or a funding payment applied, or recognised by its id: 201 or 200 with the account (in gateway mode
     * the account as the job keeps it).
     */
    private ResponseEntity<?> changed(AccountEvent event, String key) {
        if (cluster.isPresent()) {
            ClusterEvents.Applied applied = onTheJob(event, key);
            return ResponseEntity.status(applied.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(new AccountChanged(applied.duplicate(), applied.account()));
        }
        TradingCore.Applied applied = core.submit(event, key);
        return ResponseEntity.status(applied.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new AccountChanged(applied.duplicate(), view(event.accountId())));
    }

    /** Gateway mode: the event applied by the decision job, which keeps the account. */
    private ClusterEvents.Applied onTheJob(AccountEvent event, String key) {
        return cluster.orElseThrow().submit(event, key);
    }

    /** The instrument the active release lists under {@code symbol}. */
    private Instrument listed(String symbol) {
        InstrumentSet instruments = pipeline.active().instruments();
        return instruments.find(EventBodies.id("symbol", symbol)).orElseThrow(() -> new InvalidRequestException(
                "symbol", "'" + symbol + "'", "a listed instrument " + instruments.symbols()));
    }

    private List<String> perpetuals() {
        return pipeline.active().instruments().perpetuals();
    }

    private AccountView view(String accountId) {
        return AccountView.of(core.account(accountId), core.desk(), pipeline.active().limits(), core.settings());
    }
}
