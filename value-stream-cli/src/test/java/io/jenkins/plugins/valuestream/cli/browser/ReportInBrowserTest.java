package io.jenkins.plugins.valuestream.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.cli.ValueStreamCommand;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins.Answer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report as a reader sees it: opened in headless Chromium (the system's {@code chromium} and
 * {@code chromedriver}; nothing is downloaded), screenshotted, its map counted, and a hostile stage name checked to
 * show as text and never run. Skipped, with the reason printed, where no browser is installed. The screenshots are
 * kept in {@code target/screenshots}.
 */
public class ReportInBrowserTest {
    private static final String CHROMIUM = System.getProperty("valuestream.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("valuestream.chromedriver", "/usr/bin/chromedriver");
    private static final String HOSTILE_STAGE = "<img src=x onerror=window.__xss=1>";
    private static final String HOSTILE_ALERT = "<img src=x onerror=alert(1)>";
    /** One stage name with a slash in it, not a stage Test inside a stage Build. */
    private static final String SLASHED_STAGE = "Build / Test";
    private static final String HOSTILE_JOB = "<script>window.__xssJob=1</script>";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path folder;
    private static Path screenshots;
    private static ChromeDriver browser;

    @BeforeClass
    public static void openBrowser() throws IOException {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present) {
            System.out.println("SKIPPED ReportInBrowserTest: needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver)");
        }
        assumeTrue("Chromium and chromedriver installed", present);
        folder = Files.createTempDirectory("value-stream-browser");
        screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        // Selenium Manager (which downloads browsers and drivers) must never run: the driver is given explicitly,
        // and the manager's own path points nowhere, so an attempt to use it would fail instead of downloading.
        System.setProperty("SE_MANAGER_PATH", folder.resolve("no-selenium-manager").toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterClass
    public static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String report(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ValueStreamCommand.run(args, new PrintWriter(out), new PrintWriter(err), environment);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static Path demoReport(String theme) {
        Path file = folder.resolve("demo-" + theme + ".html");
        if (!Files.exists(file)) {
            report(Map.of(), "report", "--demo", "--theme", theme, "--out", file.toString());
        }
        return file;
    }

    /**
     * Opens the file on a fresh page: through {@code about:blank}, so that opening the page already shown is a new
     * load and not a reload, and waits until it has loaded.
     */
    private static void open(Path file) {
        browser.get("about:blank");
        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * A screenshot of the page. Headless Chromium on a busy machine sometimes answers a screenshot with "aborted by
     * navigation: not attached to an active page" right after a load; the page is there, so that is asked again.
     */
    private static BufferedImage screenshot(String name) throws IOException {
        byte[] png = null;
        for (int attempt = 1; png == null; attempt++) {
            try {
                png = browser.getScreenshotAs(OutputType.BYTES);
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        Files.write(screenshots.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Mean and standard deviation of the luminance over a grid of pixels. */
    private static double[] luminance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                double value = 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff);
                sum += value;
                squares += value * value;
                count++;
            }
        }
        double mean = sum / count;
        return new double[] {mean, Math.sqrt(Math.max(0, squares / count - mean * mean))};
    }

    @Test
    public void theDemoReportRendersSomethingToSee() throws IOException {
        open(demoReport("light"));

        double[] light = luminance(screenshot("demo-light"));

        assertThat(light[1]).as("standard deviation of the luminance").isGreaterThan(12);
        assertThat(light[0]).as("a light page").isGreaterThan(170);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("demo/web-shop");
    }

    @Test
    public void theDarkThemeIsDarkAndStillShowsSomething() throws IOException {
        open(demoReport("dark"));

        double[] dark = luminance(screenshot("demo-dark"));

        assertThat(dark[0]).as("a dark page").isLessThan(90);
        assertThat(dark[1]).as("standard deviation of the luminance").isGreaterThan(12);
    }

    @Test
    public void theMapHasOneBoxPerStep() throws Exception {
        JsonNode steps = MAPPER.readTree(report(Map.of(), "report", "--demo", "--format", "json"))
                .path("jobs").get(0).path("valueStream").path("steps");
        open(demoReport("light"));

        List<WebElement> boxes = browser.findElements(By.cssSelector("svg.vs-map g.vs-step"));

        assertThat(boxes).hasSize(steps.size());
        assertThat(boxes).extracting(box -> box.getAttribute("data-step"))
                .containsExactlyInAnyOrderElementsOf(steps.findValuesAsText("path"));
        assertThat(boxes).allSatisfy(box -> assertThat(box.isDisplayed()).isTrue());
    }

    @Test
    public void theFutureStateFollowsTheMapWithItsAssumptionsAndARowPerStep() throws Exception {
        JsonNode job = MAPPER.readTree(report(Map.of(), "report", "--demo", "--format", "json")).path("jobs").get(0);
        Path file = folder.resolve("demo-what-if.html");
        report(Map.of(), "report", "--demo", "--what-if", "Test/Integration=-50%", "--out", file.toString());
        open(file);

        WebElement future = browser.findElement(By.id("vs-job-1-future"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", future);
        screenshot("demo-future");

        assertThat(future.isDisplayed()).isTrue();
        assertThat(future.getLocation().getY()).as("below the value stream map")
                .isGreaterThan(browser.findElement(By.cssSelector("svg.vs-map")).getLocation().getY());
        assertThat(future.findElement(By.tagName("h3")).getText()).isEqualTo("Future state");
        assertThat(future.findElements(By.cssSelector(".vs-future-assumptions li"))).extracting(WebElement::getText)
                .satisfiesExactly(removed -> assertThat(removed).startsWith("Removed: the waits for queue, agent"),
                        stays -> assertThat(stays).startsWith("Stays: the waits for input"));
        assertThat(future.findElements(By.cssSelector("table.vs-future-steps tbody tr")))
                .hasSize(job.path("valueStream").path("steps").size())
                .allSatisfy(row -> assertThat(row.isDisplayed()).isTrue());
        WebElement whatIf = browser.findElement(By.id("vs-job-1-what-if"));
        assertThat(whatIf.findElement(By.cssSelector("tbody tr td")).getText()).isEqualTo("Test/Integration -50%");
    }

    @Test
    public void theWholeMapFitsItsFrameAtFullSize() throws IOException {
        open(demoReport("light"));
        screenshot("demo-map");

        assertInsideItsFrame(browser.findElement(By.cssSelector("svg.vs-map")));
        assertThat(renderedScale("svg.vs-map")).as("the map's scale on a 1400-pixel window").isGreaterThan(0.95);
    }

    @Test
    public void aNarrowWindowScalesTheMapDownInsteadOfCuttingIt() throws IOException {
        try {
            browser.manage().window().setSize(new Dimension(900, 1000));
            open(demoReport("light"));
            screenshot("demo-narrow");

            assertInsideItsFrame(browser.findElement(By.cssSelector("svg.vs-map")));
            assertInsideItsFrame(browser.findElement(By.cssSelector("svg.vs-trend")));
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    public void everyWidthFromAPhoneToAWideScreenHasNoHorizontalScroll() {
        for (String theme : List.of("light", "dark")) {
            for (int width : new int[] {390, 768, 1024, 1600}) {
                try {
                    browser.manage().window().setSize(new Dimension(width, 1000));
                    open(demoReport(theme));
                    long scrollWidth = (Long) ((JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.scrollWidth");
                    long viewport = (Long) ((JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.clientWidth");

                    assertThat(scrollWidth).as("page width at %d px, %s", width, theme).isLessThanOrEqualTo(viewport);
                } finally {
                    browser.manage().window().setSize(new Dimension(1400, 1000));
                }
            }
        }
    }

    @Test
    public void aFlagsRunLinkShowsThatRunsProcessMap() {
        open(demoReport("light"));
        browser.findElement(By.cssSelector("details.vs-flag-list > summary")).click();
        WebElement link = browser.findElement(By.cssSelector("table.vs-flags a.vs-run-link"));
        String run = link.getText().substring(1);
        WebElement map = browser.findElement(By.cssSelector("details.vs-run[data-run='" + run + "'] svg"));
        assertThat(map.isDisplayed()).as("the map before the link is followed").isFalse();

        link.click();

        assertThat(map.isDisplayed()).as("the map of run #%s after its link was followed", run).isTrue();
    }

    @Test
    public void aStageNamedWithASlashReadsAsWritten() throws IOException {
        Path file = folder.resolve("slashed.html");
        try (FakeJenkins jenkins = hostileJenkins()) {
            report(Map.of(), "report", "--url", jenkins.url().toString(), "--job", "evil", "--no-cache", "--out",
                    file.toString());
        }
        open(file);

        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.findElements(By.cssSelector("svg.vs-map g.vs-step"))).extracting(box -> box.getText())
                .anySatisfy(box -> assertThat(box).contains(SLASHED_STAGE));
        assertThat(text).doesNotContain("Build \\/ Test");
    }

    private static void assertInsideItsFrame(WebElement chart) {
        Rectangle frame = chart.findElement(By.xpath("..")).getRect();
        assertThat(chart.findElements(By.cssSelector("rect"))).isNotEmpty().allSatisfy(mark -> {
            Rectangle place = mark.getRect();
            assertThat(place.getX()).as("left edge").isGreaterThanOrEqualTo(frame.getX());
            assertThat(place.getX() + place.getWidth()).as("right edge").isLessThanOrEqualTo(frame.getX()
                    + frame.getWidth());
        });
    }

    /** How much the browser scaled the chart: its width on the page over the width it was drawn for. */
    private static double renderedScale(String selector) {
        Object scale = browser.executeScript("const chart = document.querySelector(arguments[0]);"
                + " return chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;", selector);
        return ((Number) scale).doubleValue();
    }

    @Test
    public void aHostileStageNameShowsAsTextAndNeverRuns() throws IOException {
        Path file = folder.resolve("hostile.html");
        try (FakeJenkins jenkins = hostileJenkins()) {
            report(Map.of(), "report", "--url", jenkins.url().toString(), "--job", "evil", "--no-cache", "--out",
                    file.toString());
        }
        String html = Files.readString(file);
        assertThat(html).doesNotContain(HOSTILE_STAGE).doesNotContain(HOSTILE_ALERT).doesNotContain(HOSTILE_JOB);

        open(file);
        screenshot("hostile");

        assertThat(browser.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.executeScript("return typeof window.__xssJob")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("body script"))).isEmpty();
        boolean alert;
        try {
            browser.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).as("an alert opened").isFalse();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains(HOSTILE_ALERT).contains(HOSTILE_JOB);
        WebElement box = browser.findElement(By.cssSelector("svg.vs-map g.vs-step[data-step='" + HOSTILE_STAGE
                + "']"));
        assertThat(box.isDisplayed()).isTrue();
        String shown = box.findElements(By.cssSelector("text.vs-step-name tspan")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" "));
        assertThat(shown).as("the box's visible name, on two lines, shortened to fit").startsWith("<img src=x onerr");
        assertThat(box.getAttribute("textContent")).as("the box's text with its tooltip").contains(HOSTILE_STAGE);
    }

    /** A server with one job whose name and stages are markup, one with a script alert in its name. */
    private static FakeJenkins hostileJenkins() {
        FakeJenkins jenkins = new FakeJenkins();
        String job = "/jenkins/job/evil/";
        jenkins.answer(job + "api/json", Answer.ok("{\"_class\":\"org.jenkinsci.plugins.workflow.job.WorkflowJob\","
                + "\"fullName\":" + json(HOSTILE_JOB) + ",\"builds\":[{\"number\":1},{\"number\":2}]}"));
        jenkins.answer(job + "wfapi/describe", Answer.ok("{\"name\":\"evil\"}"));
        long start = 1_731_400_000_000L;
        for (int run = 1; run <= 2; run++) {
            long t = start + run * 3_600_000L;
            jenkins.answer(job + run + "/wfapi/describe", Answer.ok("{\"id\":\"" + run + "\",\"name\":\"#" + run
                    + "\",\"status\":\"SUCCESS\",\"startTimeMillis\":" + t + ",\"endTimeMillis\":" + (t + 90_000)
                    + ",\"durationMillis\":90000,\"queueDurationMillis\":3,\"pauseDurationMillis\":0,\"stages\":["
                    + stage("6", HOSTILE_STAGE, t + 1_000, 40_000) + "," + stage("9", HOSTILE_ALERT, t + 41_500,
                            45_000) + "," + stage("12", SLASHED_STAGE, t + 87_000, 2_500) + "]}"));
            jenkins.answer(job + run + "/execution/node/6/wfapi/describe", Answer.ok("{\"id\":\"6\","
                    + "\"stageFlowNodes\":[{\"id\":\"7\",\"name\":\"Shell Script\",\"parameterDescription\":"
                    + json(HOSTILE_ALERT) + ",\"status\":\"SUCCESS\",\"startTimeMillis\":" + (t + 2_000)
                    + ",\"durationMillis\":38000,\"pauseDurationMillis\":0,\"parentNodes\":[\"6\"]}]}"));
            jenkins.answer(job + run + "/execution/node/9/wfapi/describe", Answer.ok("{\"id\":\"9\","
                    + "\"stageFlowNodes\":[]}"));
            jenkins.answer(job + run + "/execution/node/12/wfapi/describe", Answer.ok("{\"id\":\"12\","
                    + "\"stageFlowNodes\":[]}"));
        }
        return jenkins;
    }

    private static String stage(String id, String name, long start, long duration) {
        return "{\"id\":\"" + id + "\",\"name\":" + json(name) + ",\"status\":\"SUCCESS\",\"startTimeMillis\":"
                + start + ",\"durationMillis\":" + duration + ",\"pauseDurationMillis\":0}";
    }

    private static String json(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
