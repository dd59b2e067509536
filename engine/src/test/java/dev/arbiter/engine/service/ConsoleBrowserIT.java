package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.browser.HeadlessChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in headless Chromium against the running service and the real PostgreSQL: a trader browses
 * decisions and opens a report; one risk officer stages a limit change with the test that pins it and uploads
 * it, is refused approving it, and a second officer approves and activates it; an auditor verifies the chain and
 * reads a period report. Each role sees only its own tabs. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

    private static ChromeDriver browser;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgresAndChromium() {
        PostgresScratch.assumeReachable();
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "console");
    }

    @Test
    void eachRoleWorksThroughTheConsole() throws Exception {
        Instant start = Instant.now().minusSeconds(60);
        ServiceClient.as(port, "trader").exampleAccount("acct-1");
        for (int n = 1; n <= 2; n++) {
            assertThat(ServiceClient.as(port, "trader").post("/v1/decisions", RequestVariants.variant(n, "acct-1"))
                    .statusCode()).isEqualTo(201);
        }

        signIn("trader", "trader-pw");
        assertThat(visibleTabs()).containsExactly("Decisions", "Risk");
        waitFor(By.cssSelector("#decision-list tbody tr"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#decision-list tbody tr"));
        assertThat(rows).hasSize(2);
        clickStable(By.cssSelector("#decision-list tbody tr"));
        browser.switchTo().frame(waitFor(By.id("report-frame")));
        assertThat(waitFor(By.tagName("h1")).getText()).startsWith("Decision ");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText).contains("Proof", "Allocation");
        browser.switchTo().defaultContent();
        HeadlessChromium.screenshot(browser, "console-trader-report");

        signIn("risk-officer", "risk-pw");
        assertThat(visibleTabs()).containsExactly("Rule sets", "Reports", "Risk");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "ACTIVE");
        type("upload-path", "limits.json");
        browser.findElement(By.id("load-active-file")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !value("upload-content").isEmpty());
        setValue("upload-content", WiderCollar.limits(value("upload-content")));
        browser.findElement(By.id("stage-file")).click();
        type("upload-path", WiderCollar.TEST_FILE);
        setValue("upload-content", WiderCollar.TESTS_AT_7_PERCENT);
        browser.findElement(By.id("stage-file")).click();
        assertThat(browser.findElement(By.id("staged-files")).getText())
                .isEqualTo("limits.json, l7-compliance/price-collar.test.yaml");
        type("upload-note", "wider price collar");
        browser.findElement(By.id("upload-submit")).click();
        waitForText(By.id("candidate-title"), "AWAITING_APPROVAL");
        assertThat(browser.findElement(By.id("candidate-impact")).getText()).contains("recent decisions re-run");
        browser.findElement(By.id("approve-button")).click();
        waitForText(By.id("rule-sets-error"), "cannot approve it");
        HeadlessChromium.screenshot(browser, "console-self-approval-refused");

        signIn("risk-officer-2", "risk2-pw");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "AWAITING_APPROVAL");
        clickStable(By.cssSelector("#candidate-list tbody tr")); // newest first
        waitForText(By.id("candidate-title"), "AWAITING_APPROVAL");
        browser.findElement(By.id("approve-button")).click();
        waitForText(By.id("candidate-title"), "APPROVED");
        browser.findElement(By.id("activate-button")).click();
        waitForText(By.id("candidate-title"), "ACTIVE");
        HeadlessChromium.screenshot(browser, "console-activated");
        assertThat(ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/rule-sets/active"))
                .path("decisions").path("limits").path("price-collar").asString()).isEqualTo("0.07");

        signIn("auditor", "auditor-pw");
        assertThat(visibleTabs()).containsExactly("Decisions", "Reports", "Audit chain", "Risk");
        waitFor(By.cssSelector("#decision-list tbody tr"));
        clickStable(By.cssSelector("#decision-list tbody tr"));
        type("explain-query", "status(P, S)");
        browser.findElement(By.cssSelector("#explain-form button")).click();
        waitForText(By.id("explain-result"), "\"solutions\"");
        assertThat(browser.findElement(By.id("explain-result")).getText()).contains("P = 'i-1'");
        HeadlessChromium.screenshot(browser, "console-auditor-explain");
        click("audit");
        browser.findElement(By.id("verify-button")).click();
        waitForText(By.id("verify-result"), "\"intact\": true");
        click("reports");
        type("period-from", start.toString());
        type("period-to", Instant.now().plusSeconds(60).toString());
        browser.findElement(By.cssSelector("#period-form button")).click();
        browser.switchTo().frame(waitFor(By.id("period-frame")));
        assertThat(waitFor(By.tagName("h1")).getText()).startsWith("Activity from");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("risk-officer-2", "RULE_SET_ACTIVATED");
        browser.switchTo().defaultContent();
        HeadlessChromium.screenshot(browser, "console-auditor-period-report");
    }

    @Test
    void officersWatchTheBookLiveAndHaltAndResumeFromTheRiskView() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-live");
        By card = By.cssSelector(".risk-account[data-account='acct-live']");
        By state = By.cssSelector(".risk-account[data-account='acct-live'] h3 .state");

        signIn("risk-officer", "risk-pw");
        click("risk");
        waitFor(card);
        WebElement gross = waitFor(By.cssSelector(".risk-account[data-account='acct-live'] .limit[data-limit='max-gross-exposure']"));
        assertThat(gross.getText()).contains("max-gross-exposure", "%", "of 25,000");
        assertThat(browser.findElement(card).getText()).contains("equity", "drawdown", "ETH-USD");
        assertThat(browser.findElement(state).getText()).isEqualTo("ACTIVE");
        HeadlessChromium.screenshot(browser, "console-risk-officer-risk-view");

        // an action needs a reason; with one, the halt shows in the stream and in the engine's state
        clickAccountButton("Halt");
        waitForText(By.id("risk-error"), "Give a reason first");
        type("risk-reason", "desk drill");
        clickAccountButton("Halt");
        waitForText(state, "HALTED");
        assertThat(ServiceClient.json(ServiceClient.as(port, "trader").get("/v1/accounts/acct-live"))
                .path("tradingState").asString()).isEqualTo("HALTED");
        HeadlessChromium.screenshot(browser, "console-risk-officer-halted");
        clickAccountButton("Resume");
        waitForText(state, "ACTIVE");

        // a change made elsewhere reaches the open view through the stream, without a reload
        ServiceClient.as(port, "risk-officer").post("/v1/kill-switch", """
                {"scope": "ACCOUNT", "target": "acct-live", "engaged": true, "reason": "from the API"}""");
        waitForText(card, "KILL SWITCH");
        clickAccountButton("Release kill switch");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(card).getText().contains("KILL SWITCH"));

        signIn("trader", "trader-pw");
        click("risk");
        waitFor(card);
        assertThat(browser.findElements(By.cssSelector(".risk-account[data-account='acct-live'] button")))
                .as("a trader watches; only officers act").isEmpty();
        assertThat(browser.findElement(By.id("risk-reason")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "console-trader-risk-view");
    }

    /** Clicks a button of the account's own controls (not an instrument row's), again if the stream redrew it. */
    private static void clickAccountButton(String label) {
        clickStable(By.xpath("//div[@data-account='acct-live']/p/span[@class='actions']/button[text()='" + label
                + "'] | //div[@data-account='acct-live']/p/button[text()='" + label + "']"));
    }

    private void signIn(String user, String password) {
        browser.get("http://localhost:" + port + "/console/");
        type("login-user", user);
        type("login-password", password);
        browser.findElement(By.id("login-submit")).click();
        waitForText(By.id("who"), user + " (");
    }

    private List<String> visibleTabs() {
        return browser.findElements(By.cssSelector("#nav button")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private void click(String view) {
        browser.findElement(By.cssSelector("#nav button[data-view='" + view + "']")).click();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /** Long texts are set directly; typing kilobytes key by key proves nothing about the console. */
    private void setValue(String id, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), text);
    }

    /** Clicks what the locator finds, again if a list was redrawn in between. */
    private static void clickStable(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(locator).click();
                    return true;
                });
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }
}
