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
        assertThat(visibleTabs()).containsExactly("Decisions");
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
        assertThat(visibleTabs()).containsExactly("Rule sets", "Reports");
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
        assertThat(visibleTabs()).containsExactly("Decisions", "Reports", "Audit chain");
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
