package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.browser.HeadlessChromium;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.WalkForward;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;
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
 * decisions and opens a report; one risk officer reads a DRL file highlighted in the editor, edits the limits and
 * the test that pins the new collar, uploads them and reads the rendered impact and the diff against the active
 * release, but is not offered approval; a second officer approves and activates it in one click; an auditor reads
 * candidates without their controls, verifies the chain and reads a period report; an administrator sees every tab
 * but no rule-change controls. Each role sees only its own tabs. Two officers take a model trained on the real ETH-USD
 * bars through its lifecycle in the Models tab: one below the desk's quality bar is refused with the numbers, the other
 * is proposed by one officer and approved and activated by the other; an auditor reads it without the controls.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

    private static ChromeDriver browser;

    @LocalServerPort
    private int port;

    private static final Path MODELS = registryDirectory();
    /** The desk's bar: between the two models' out-of-sample counts, worked out once they are trained. */
    private static int minSamples;

    @BeforeAll
    static void needsPostgresAndChromium() throws Exception {
        PostgresScratch.assumeReachable();
        HeadlessChromium.assumeInstalled();
        // two logistic models on the real ETH-USD bars, one validated on far fewer out-of-sample predictions: the
        // desk's bar sits between the two
        List<Bar> bars;
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
        Dataset data = DatasetBuilder.build(bars, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6));
        ModelTrainer trainer = new ModelTrainer(Clock.fixed(bars.getLast().endTime(), ZoneOffset.UTC));
        int[] outOfSample = new int[2];
        int[] minTrain = {200, data.size() - 150};
        for (int v = 0; v < 2; v++) {
            ModelTrainer.Trained trained = trainer.train("logit-eth-5m", String.valueOf(v + 1), "model", data,
                    Duration.ofMinutes(5), Algorithm.LOGIT, new WalkForward(2, minTrain[v], Math.max(400, minTrain[v]), 6), 11);
            new ModelRegistry(MODELS).register(trained.metadata(), trained.model());
            outOfSample[v] = trained.metadata().validation().outOfSample().samples();
        }
        minSamples = (outOfSample[0] + outOfSample[1]) / 2;
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
        registry.add("arbiter.models.dir", MODELS::toString);
        // this desk's bar asks for a number of out-of-sample predictions and holds nothing else (days of 5-minute bars)
        registry.add("arbiter.models.quality-bar.min-samples", () -> String.valueOf(minSamples));
        registry.add("arbiter.models.quality-bar.min-accuracy-lift", () -> "-1");
        registry.add("arbiter.models.quality-bar.max-log-loss", () -> "10");
        registry.add("arbiter.models.quality-bar.min-auc", () -> "0");
        registry.add("arbiter.models.quality-bar.max-fold-spread", () -> "1");
        registry.add("arbiter.models.quality-bar.max-calibration-error", () -> "1");
    }

    @Test
    void twoOfficersTakeAModelThroughItsLifecycleInTheConsole() throws Exception {
        signIn("risk-officer", "risk-pw");
        click("models");
        waitForText(By.id("quality-bar"), "at least " + minSamples + " out-of-sample predictions");
        propose("logit-eth-5m", "2");
        waitForText(By.id("models-error"), "falls short of the quality bar: out-of-sample predictions");
        assertThat(browser.findElement(By.id("models-error")).getText())
                .contains("fewer than the " + minSamples + " the bar needs");
        propose("logit-eth-5m", "1");
        waitForText(By.id("model-title"), "AWAITING_APPROVAL");
        assertThat(browser.findElement(By.id("own-model")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("model-approve-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("model-validation")).getText()).contains("majority", "previous-return-sign",
                "Lift over", "calibration error");
        HeadlessChromium.screenshot(browser, "console-model-proposed");

        signIn("risk-officer-2", "risk2-pw");
        click("models");
        waitForText(By.cssSelector("#model-list tbody"), "AWAITING_APPROVAL");
        clickStable(By.xpath("//table[@id='model-list']/tbody/tr[td[2]='AWAITING_APPROVAL']"));
        waitForText(By.id("model-title"), "AWAITING_APPROVAL");
        browser.findElement(By.id("model-approve-button")).click();
        waitForText(By.id("model-title"), "APPROVED");
        browser.findElement(By.id("model-activate-button")).click();
        waitForText(By.id("model-title"), "ACTIVE");
        HeadlessChromium.screenshot(browser, "console-model-active");
        JsonNode active = ServiceClient.json(ServiceClient.as(port, "trader").get("/v1/models/active"));
        assertThat(active.path("active")).singleElement().satisfies(m -> {
            assertThat(m.path("model").asString()).isEqualTo("logit-eth-5m");
            assertThat(m.path("version").asString()).isEqualTo("1");
            assertThat(m.path("approvedBy").asString()).isEqualTo("risk-officer-2");
        });

        signIn("auditor", "auditor-pw");
        click("models");
        waitForText(By.cssSelector("#model-list tbody"), "BELOW_QUALITY_BAR");
        clickStable(By.xpath("//table[@id='model-list']/tbody/tr[td[2]='BELOW_QUALITY_BAR']"));
        waitForText(By.id("model-shortfalls"), "Below the quality bar: out-of-sample predictions");
        assertThat(browser.findElement(By.id("propose-form")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#model-detail button"))).noneMatch(WebElement::isDisplayed);
    }

    private void propose(String model, String version) {
        type("propose-model", model);
        type("propose-version", version);
        browser.findElement(By.id("propose-submit")).click();
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
        assertThat(visibleTabs()).containsExactly("Rule sets", "Models", "Reports", "Risk");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "ACTIVE");
        // the editor highlights DRL: the keyword "rule" is drawn unlike the rule's name beside it
        type("upload-path", "l7-compliance/price-collar.drl");
        browser.findElement(By.id("load-active-file")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> editorText().contains("L7-PRICE-COLLAR"));
        assertThat(script("""
                const spans = [...document.querySelectorAll('#upload-editor .cm-line span')];
                const keyword = spans.find(s => s.textContent === 'rule');
                const text = spans.find(s => s.textContent.includes('L7-PRICE-COLLAR'));
                return keyword && text && getComputedStyle(keyword).color !== getComputedStyle(text).color;"""))
                .as("DRL keywords highlighted").isEqualTo(true);
        script("document.getElementById('upload-form').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "console-risk-officer-drl-editor");
        // a limits change typed as an officer would (the collar widened, order quantity tightened), with the
        // cases that pin the new collar
        type("upload-path", "limits.json");
        browser.findElement(By.id("load-active-file")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> editorText().contains("\"max-order-quantity\""));
        setEditorText(WiderCollar.limits(editorText()).replace("\"max-order-quantity\": 10", "\"max-order-quantity\": 5"));
        browser.findElement(By.id("stage-file")).click();
        type("upload-path", WiderCollar.TEST_FILE);
        setEditorText(WiderCollar.TESTS_AT_7_PERCENT);
        browser.findElement(By.id("stage-file")).click();
        assertThat(browser.findElement(By.id("staged-files")).getText())
                .as(() -> "staged; the console said: " + browser.findElement(By.id("rule-sets-error")).getText()
                        + " path " + browser.findElement(By.id("upload-path")).getDomProperty("value"))
                .isEqualTo("limits.json, l7-compliance/price-collar.test.yaml");
        type("upload-note", "wider price collar, smaller orders");
        browser.findElement(By.id("upload-submit")).click();
        waitForText(By.id("candidate-title"), "AWAITING_APPROVAL");
        // the impact report rendered: both stored decisions re-run, each changed by the smaller orders
        waitForText(By.cssSelector("#candidate-impact .impact-summary"), "2 recent decisions re-run, 2 would change");
        assertThat(browser.findElements(By.cssSelector("#candidate-impact tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("candidate-impact")).getText())
                .contains("L1-MAX-ORDER-QTY", "i-1: quantity 8.00 -> 5.00", "i-2: reason codes lost [L7-PRICE-COLLAR]");
        // the diff against the active release: one tab per changed file, the changed number marked
        assertThat(browser.findElements(By.cssSelector("#candidate-changes button"))).extracting(WebElement::getText)
                .containsExactly(WiderCollar.TEST_FILE, "limits.json");
        browser.findElement(By.cssSelector("#candidate-changes button[data-path='limits.json']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                "#candidate-diff .cm-merge-b .cm-changedLine")).stream().anyMatch(line -> line.getText().contains("0.07")));
        assertThat(browser.findElements(By.cssSelector("#candidate-diff .cm-merge-a .cm-changedLine")))
                .extracting(WebElement::getText).anyMatch(line -> line.contains("0.05"));
        // the author cannot approve: the console says so instead of offering the buttons
        assertThat(browser.findElement(By.id("own-candidate")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("approve-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("approve-activate-button")).isDisplayed()).isFalse();
        // its author may run it in shadow (it acts on nothing); it is listed with its report until activation ends it
        waitForText(By.id("candidate-title"), "AWAITING_APPROVAL");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.id("shadow-button"))).click();
        waitForText(By.cssSelector("#shadow-list tbody"), "rule-set:");
        assertThat(browser.findElement(By.cssSelector("#shadow-list tbody")).getText()).contains("yes");
        assertThat(browser.findElement(By.id("shadow-stop-button")).isDisplayed()).isTrue();
        script("document.getElementById('candidate-changes').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "console-risk-officer-candidate-diff");

        signIn("risk-officer-2", "risk2-pw");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "AWAITING_APPROVAL");
        clickStable(By.cssSelector("#candidate-list tbody tr")); // newest first
        waitForText(By.id("candidate-title"), "AWAITING_APPROVAL");
        browser.findElement(By.id("approve-activate-button")).click();
        waitForText(By.id("candidate-title"), "ACTIVE");
        assertThat(browser.findElement(By.id("diff-base")).getText()).isEqualTo("(this is the active release)");
        HeadlessChromium.screenshot(browser, "console-activated");
        JsonNode active = ServiceClient.json(ServiceClient.as(port, "auditor").get("/v1/rule-sets/active"));
        assertThat(active.path("decisions").path("limits").path("price-collar").asString()).isEqualTo("0.07");
        assertThat(active.path("decisions").path("limits").path("max-order-quantity").asString()).isEqualTo("5");

        // an auditor reads candidates, their impact and diff, and can neither upload nor approve
        signIn("auditor", "auditor-pw");
        assertThat(visibleTabs()).containsExactly("Decisions", "Rule sets", "Models", "Reports", "Audit chain", "Risk");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "RETIRED");
        clickStable(By.xpath("//table[@id='candidate-list']/tbody/tr[td[2]='RETIRED']"));
        waitForText(By.id("candidate-title"), "RETIRED");
        waitFor(By.cssSelector("#candidate-diff .cm-mergeView"));
        assertThat(browser.findElement(By.id("upload-form")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#candidate-detail button"))).filteredOn(WebElement::isDisplayed)
                .extracting(WebElement::getText).doesNotContain("Approve", "Approve and activate", "Activate",
                        "Roll back to this release").isNotEmpty();
        HeadlessChromium.screenshot(browser, "console-auditor-rule-sets");

        click("decisions");
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

        // an administrator sees every tab; rule changes stay with the risk officers
        signIn("admin", "admin-pw");
        assertThat(visibleTabs()).containsExactly("Decisions", "Rule sets", "Models", "Reports", "Audit chain", "Risk");
        click("rule-sets");
        waitForText(By.cssSelector("#candidate-list tbody"), "ACTIVE");
        assertThat(browser.findElement(By.id("upload-form")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "console-admin-rule-sets");
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

    /** Long texts are set through the editor's own API; typing kilobytes key by key proves nothing about the console. */
    private static void setEditorText(String text) {
        script("uploadEditor.setText(arguments[0], document.getElementById('upload-path').value)", text);
    }

    private static String editorText() {
        return (String) script("return uploadEditor.getText()");
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** Clicks what the locator finds, again if a list was redrawn in between. */
    private static void clickStable(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(locator).click();
                    return true;
                });
    }

    private static Path registryDirectory() {
        try {
            return Files.createTempDirectory("arbiter-console-models");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }
}
