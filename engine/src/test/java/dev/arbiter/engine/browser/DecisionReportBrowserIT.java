package dev.arbiter.engine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.report.DecisionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The report of a real decision, opened in a real browser: every section is there and shown, nothing is fetched. */
class DecisionReportBrowserIT {

    @Test
    void rendersEverySectionOfARealDecisionInChromium() throws Exception {
        HeadlessChromium.assumeInstalled();
        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            result = pipeline.decide("dec-browser", ExampleRequests.example());
        }
        Path page = Path.of("target", "reports", "dec-browser.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, DecisionReport.render(result.decision(), result.trace(), null));

        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(page.toAbsolutePath().toUri().toString());

            List<String> headings = browser.findElements(By.tagName("h2")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
            assertThat(headings).containsExactlyElementsOf(DecisionReport.SECTIONS);
            assertThat(browser.getTitle()).isEqualTo("Decision dec-browser — APPROVED");
            assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("APPROVED");
            // self-contained: no script, no external stylesheet, image or font
            assertThat(browser.findElements(By.cssSelector("script, link, img[src^='http']"))).isEmpty();
            assertThat(HeadlessChromium.screenshot(browser, "decision-report")).isNotEmptyFile();
        } finally {
            browser.quit();
        }
    }
}
