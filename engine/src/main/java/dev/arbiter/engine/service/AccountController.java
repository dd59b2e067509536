package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.service.store.AccountStore;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Account;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's balances as the service keeps them: set by the trading system ({@code PUT}), then moved by every
 * fill; a decision request that names only the account id is completed with them.
 */
@RestController
class AccountController {

    private final AccountStore accounts;
    private final FillStore fills;
    private final Clock clock;

    AccountController(AccountStore accounts, FillStore fills, Clock clock) {
        this.accounts = accounts;
        this.fills = fills;
        this.clock = clock;
    }

    @PutMapping(path = "/v1/accounts/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> set(@PathVariable String accountId, @RequestBody(required = false) byte[] body) {
        Account account;
        try {
            account = JsonBodies.read(body, Account.class,
                    "{\"accountId\", \"equity\", \"freeBalance\", \"highWaterMark\", \"dailyPnl\", \"state\"}");
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
        if (!accountId.equals(account.accountId())) {
            throw new InvalidRequestException("accountId", "'" + account.accountId() + "'",
                    "the account in the path, '" + accountId + "'");
        }
        accounts.set(account, clock.instant());
        return get(accountId);
    }

    @GetMapping(path = "/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@PathVariable String accountId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("account", accounts.find(accountId).orElse(null));
        answer.put("positions", fills.positions(accountId));
        return answer;
    }
}
