package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers' actions: {@code /v1/trading-state} halts (HALTED), reduces (REDUCING) or resumes (ACTIVE) an account, an
 * instrument or everything (GLOBAL, target {@code *}); {@code /v1/kill-switch} engages or releases an account's or
 * the desk's kill switch. Each action is an event of the account's or the desk's journal and an audit record;
 * decisions that start after the answer see it. Who acted comes from the signed-in user.
 */
@Tag(name = "Trading state")
@RestController
class TradingStateController {

    record ChangeRequest(HaltScope scope, String target, TradingState state, String reason) {
    }

    record KillSwitchRequest(HaltScope scope, String target, Boolean engaged, String reason) {
    }

    /** A kill switch engaged or released, by whom and why. */
    record KillSwitchChanged(HaltScope scope, String target, boolean engaged, String by, String reason) {
    }

    /** A kill switch engaged now, for the desk ({@code *}) or an account. */
    record EngagedKillSwitch(HaltScope scope, String target, KillSwitch killSwitch) {
    }

    /** The controls in force, the kill switches engaged, and every change so far. */
    record TradingStates(List<TradingControl> inForce, List<EngagedKillSwitch> killSwitches,
                         List<TradingStateStore.Change> history) {
    }

    private final TradingStateStore store;
    private final TradingCore core;
    private final Clock clock;
    /** Gateway mode: actions go to the decision job, which keeps the accounts and the desk; empty when embedded. */
    private final Optional<ClusterEvents> cluster;

    TradingStateController(TradingStateStore store, TradingCore core, Clock clock, Optional<ClusterEvents> cluster) {
        this.cluster = cluster;
        this.store = store;
        this.core = core;
        this.clock = clock;
    }

    @Operation(operationId = "changeTradingState", summary = "Halt, set reduce-only or resume an account, an instrument or everything")
    @ApiResponse(responseCode = "201", description = "Recorded with the officer's name and reason")
    @PostMapping(path = "/v1/trading-state", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TradingStateStore.Change> change(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangeRequest.class)))
            @RequestBody(required = false) byte[] body, Principal user) {
        ChangeRequest request = JsonBodies.read(body, ChangeRequest.class,
                "{\"scope\": ACCOUNT|INSTRUMENT|GLOBAL, \"target\": id or *, \"state\": HALTED|REDUCING|ACTIVE, \"reason\": text}");
        if (request.scope() == null) {
            throw new InvalidRequestException("scope", "null", "one of [ACCOUNT, INSTRUMENT, GLOBAL]");
        }
        if (request.state() == null) {
            throw new InvalidRequestException("state", "null", "one of [HALTED, REDUCING, ACTIVE] (ACTIVE resumes)");
        }
        try {
            new TradingControl(request.scope(), request.target(), request.state(), user.getName(), request.reason());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
        OfficerAction action = switch (request.state()) {
            case HALTED -> OfficerAction.HALT;
            case REDUCING -> OfficerAction.REDUCE_ONLY;
            case ACTIVE -> OfficerAction.RESUME;
        };
        act(request.scope(), request.target(), action, user.getName(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(store.change(request.scope(), request.target(),
                request.state(), request.reason(), user.getName()));
    }

    @Operation(operationId = "setKillSwitch", summary = "Engage or release a kill switch")
    @ApiResponse(responseCode = "201", description = "Recorded with the officer's name and reason")
    @PostMapping(path = "/v1/kill-switch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KillSwitchChanged> killSwitch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = KillSwitchRequest.class)))
            @RequestBody(required = false) byte[] body, Principal user) {
        KillSwitchRequest request = JsonBodies.read(body, KillSwitchRequest.class,
                "{\"scope\": ACCOUNT|GLOBAL, \"target\": account id or *, \"engaged\": true|false, \"reason\": text}");
        if (request.scope() == null || request.scope() == HaltScope.INSTRUMENT) {
            throw new InvalidRequestException("scope", String.valueOf(request.scope()), "one of [ACCOUNT, GLOBAL]");
        }
        if (request.engaged() == null) {
            throw new InvalidRequestException("engaged", "null", "true to engage, false to release");
        }
        try {
            new KillSwitch(request.engaged(), user.getName(), clock.instant(), request.reason());
            new TradingControl(request.scope(), request.target(), TradingState.HALTED, user.getName(), request.reason());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
        act(request.scope(), request.target(), request.engaged() ? OfficerAction.ENGAGE_KILL_SWITCH
                : OfficerAction.RELEASE_KILL_SWITCH, user.getName(), request.reason());
        store.killSwitch(request.scope(), request.target(), request.engaged(), request.reason(), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new KillSwitchChanged(request.scope(), request.target(),
                request.engaged(), user.getName(), request.reason()));
    }

    @Operation(operationId = "tradingStates", summary = "The trading states in force")
    @ApiResponse(responseCode = "200", description = "Controls, kill switches and their history")
    @GetMapping(path = "/v1/trading-state", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the trading states in force in the accounts and on the desk")
    TradingStates state() {
        List<TradingControl> inForce = new ArrayList<>(core.desk().controls());
        List<EngagedKillSwitch> killSwitches = new ArrayList<>();
        if (core.desk().killSwitch() != null) {
            killSwitches.add(new EngagedKillSwitch(HaltScope.GLOBAL, "*", core.desk().killSwitch()));
        }
        core.states().values().forEach(s -> {
            if (s.control() != null) {
                inForce.add(s.control());
            }
            if (s.killSwitch() != null) {
                killSwitches.add(new EngagedKillSwitch(HaltScope.ACCOUNT, s.accountId(), s.killSwitch()));
            }
        });
        return new TradingStates(inForce, killSwitches, store.history());
    }

    private void act(HaltScope scope, String target, OfficerAction action, String by, String reason) {
        Instant at = clock.instant();
        if (cluster.isPresent()) {
            // an account's action is one of its events, answered by the job; a desk-wide one goes to every worker
            if (scope == HaltScope.ACCOUNT) {
                cluster.get().submit(new AccountEvent.OfficerActed(target, at, action, by, reason), null);
            } else {
                cluster.get().publishDesk(new DeskEvent(at, scope, target, action, by, reason));
            }
        } else if (scope == HaltScope.ACCOUNT) {
            core.submit(new AccountEvent.OfficerActed(target, at, action, by, reason), null);
        } else {
            core.submit(new DeskEvent(at, scope, target, action, by, reason));
        }
    }
}
