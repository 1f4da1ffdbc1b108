package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;
import org.tpsearch.testing.Golden;

/**
 * The search page in a real browser: Debian's chromium, driven by Selenium through Debian's
 * chromedriver (nothing is downloaded), against {@code serve}'s HTTP API over the embedded sample
 * index, and over an index of the real report with a {@code <script>} title and a
 * {@code javascript:} source link. Skipped, saying so, where chromium or chromedriver is missing.
 *
 * <p>Screenshots of the main states go to {@code target/web/}; the first-load figures (navigation
 * to results painted, the page's own performance mark) to {@code target/web/first-load.txt}, not
 * asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path ARTIFACTS = Path.of("target", "web");
  private static final String QUERY = "绿色电力 交易";

  @TempDir static Path tmp;
  private static IndexHandle sample;
  private static IndexHandle hostile;
  private static HttpApi api;
  private static HttpApi hostileApi;
  private static ChromeDriver driver;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "WebPageBrowserTest: the search page's browser tests are SKIPPED: they need Debian's chromium "
          + "and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install -y chromium chromium-driver";
      System.err.println(why); // surefire counts a skip but does not print its reason
      Assumptions.abort(why);
    }
    Files.createDirectories(ARTIFACTS);
    Context ctx = new Context(Map.of(), false);
    sample = IndexHandle.openEmbedded();
    api = HttpApi.start(new LuceneBackend(new Searcher(sample, new QueryCompiler(ctx.glossary(), sample.reader()))), "127.0.0.1", 0, 2);
    api.warmUp(); // as serve does before it says it is serving
    hostile = IndexHandle.open(hostileIndex(), "the hostile test index");
    hostileApi = HttpApi.start(new LuceneBackend(new Searcher(hostile, new QueryCompiler(ctx.glossary(), hostile.reader()))),
        "127.0.0.1", 0, 2);

    // The Debian driver, named: Selenium Manager never runs, nothing is fetched.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** What a hostile report puts where the parser keeps it verbatim: a turning point's type. */
  private static final String SCRIPT_TYPE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

  /**
   * Bidi controls where a report's text reaches the page (hostile trial, session 3): a title, a time,
   * a source's title and a type that switch to right-to-left (U+202E, U+202B, U+2067) and never close.
   */
  private static final String BIDI_REPORT = """
      # Hubei省/市 Power部门 碳排放变点相关政策与事件汇总

      ---

      ## 转折点: 2021-06-01 (Ev\u202eent) - 置信度: 0.70

      1. **政策名称**：bidiprobe \u202eevil title
      **发布时间**：2021年6月\u202b
      **信息来源网址**：[\u2067knil](https://example.org/bidi)

      ---
      """;

  /**
   * The real Xinjiang report with markup where a report's text reaches the page: a point whose type
   * (in its heading, kept as written, so in its id too) is an img with onerror and a script, an
   * answer with more of them, and sources with a javascript: URL and a URL of another scheme.
   */
  private static Path hostileIndex() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(
        Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), StandardCharsets.UTF_8));
    lines.set(15, "**信息来源网址**：[click me](javascript:window.__pwned=3), [evil](httpx:window.__pwned=4), "
        + "[CCTV](https://english.cctv.com/2022/01/14/ARTINEYLmhaTgm06HZReZeCu220114.shtml)");
    lines.set(19, "## 转折点: 2020-01-01 (" + SCRIPT_TYPE + ") - 置信度: 0.56");
    lines.set(21, "未找到任何相关政策或事件。<img src=x onerror=\"window.__pwned=6\"> <script>window.__pwned=7</script>");
    Path results = Files.createDirectories(tmp.resolve("results"));
    Files.writeString(results.resolve("Xinjiang_Industry_combined_info.txt"), String.join("\n", lines), StandardCharsets.UTF_8);
    Files.writeString(results.resolve("Hubei_Power_combined_info.txt"), BIDI_REPORT, StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    Cli.Result r = Cli.at(Files.createDirectories(tmp.resolve("home"))).run("index", results.toString(), "--index", index.toString());
    assertEquals(0, r.exit(), r::toString);
    return index;
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    for (HttpApi a : new HttpApi[] {api, hostileApi}) {
      if (a != null) {
        a.stop();
      }
    }
    for (IndexHandle h : new IndexHandle[] {sample, hostile}) {
      if (h != null) {
        h.close();
      }
    }
  }

  /** Nothing the page did was refused or failed: no CSP violation, no script error, no 404. */
  @AfterEach
  void consoleIsClean() {
    if (driver == null) {
      return;
    }
    List<String> bad = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        bad.add(e.getMessage());
      }
    }
    assertEquals(List.of(), bad, "the browser console");
  }

  // ------------------------------------------------------------------ helpers

  private static String url(String pathAndQuery) {
    return "http://127.0.0.1:" + api.port() + pathAndQuery;
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static int renders() {
    Object v = js("return document.body.dataset.renders || '0';");
    return Integer.parseInt(String.valueOf(v));
  }

  /** Runs {@code action} and waits for the results it causes to be on screen. */
  private static void andWaitForResults(Runnable action) {
    int before = renders();
    action.run();
    wait.until(d -> renders() > before);
  }

  private static void open(String pathAndQuery) {
    driver.get(url(pathAndQuery));
    wait.until(d -> renders() > 0);
  }

  private static List<String> hitIds() {
    List<String> ids = new ArrayList<>();
    for (WebElement li : driver.findElements(By.cssSelector("#hits li.hit"))) {
      ids.add(li.getAttribute("data-id"));
    }
    return ids;
  }

  private static WebElement facetRow(String dim, String value) {
    return driver.findElement(By.cssSelector("fieldset[data-dim='" + dim + "'] .facet-row[data-value='" + value + "']"));
  }

  private static Map<String, String> counts(String dim) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (WebElement row : driver.findElements(By.cssSelector("fieldset[data-dim='" + dim + "'] .facet-row"))) {
      out.put(row.getAttribute("data-value"), row.findElement(By.className("count")).getText());
    }
    return out;
  }

  private static void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, ARTIFACTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String path() {
    return String.valueOf(js("return location.pathname + location.search;"));
  }

  // ------------------------------------------------------------------ tests

  /**
   * First load: from navigation to the page's mark after the first results are painted, over the
   * sample index, with the browser cache off (each load fetches the page, script and style anew).
   * The figures go to target/web/first-load.txt and BENCHMARKS.md; no timing is asserted.
   */
  @Test
  @Order(1)
  void firstLoadIsMeasured() throws Exception {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    List<Double> ms = new ArrayList<>();
    List<Double> searchMs = new ArrayList<>();
    String load = Files.readString(Path.of("/proc/loadavg")).strip();
    String target = "/?q=" + java.net.URLEncoder.encode(QUERY, StandardCharsets.UTF_8).replace("+", "%20");
    for (int i = 0; i < 9; i++) {
      driver.get(url(target));
      wait.until(d -> "true".equals(js("return document.body.dataset.painted || '';")));
      Object t = js("return performance.getEntriesByName('tpsearch-results-painted')[0].startTime;");
      ms.add(((Number) t).doubleValue());
      // Where the time went: the /search request of the results, request to last byte.
      searchMs.add(((Number) js("const e = performance.getEntriesByType('resource')"
          + ".find(r => r.name.includes('/search?')); return e.responseEnd - e.requestStart;")).doubleValue());
      assertFalse(hitIds().isEmpty());
    }
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    String report = String.format(Locale.ROOT,
        "first load of /?q=%s over the embedded sample index, navigation to results painted, cache off, %d loads:%n"
            + "median %.0f ms, min %.0f ms, max %.0f ms; the very first (a fresh browser; the server warmed as serve warms it) %.0f ms%n"
            + "each: %s%n"
            + "of which the /search request (request to last byte), each: %s%n"
            + "load average before (/proc/loadavg): %s%n",
        QUERY, ms.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), ms.get(0),
        round(ms), round(searchMs), load);
    Files.writeString(ARTIFACTS.resolve("first-load.txt"), report, StandardCharsets.UTF_8);
  }

  private static List<Long> round(List<Double> ms) {
    return ms.stream().map(Math::round).toList();
  }

  @Test
  @Order(2)
  void typingAQueryShowsHighlightedHits() throws Exception {
    open("/");
    assertTrue(driver.findElement(By.id("summary")).getText().contains("turning points"));
    WebElement q = driver.findElement(By.id("q"));
    andWaitForResults(() -> q.sendKeys(QUERY));
    // The three points with both words, as the CLI finds them, then those with some.
    assertEquals(List.of("guangdong/power/2021-09-10/policy", "xinjiang/industry/2022-03-01/event",
        "xinjiang/industry/2023-11-01/event"), hitIds().subList(0, 3));
    assertTrue(driver.findElement(By.id("summary")).getText().startsWith("3 turning points match"));
    WebElement first = driver.findElement(By.cssSelector("#hits li.hit"));
    List<String> marks = first.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
    assertTrue(marks.contains("绿色电力交易"), marks::toString);
    assertTrue(first.getText().contains("sample-index/reports/Guangdong_Power_combined_info.txt:74"), first.getText());
    WebElement link = first.findElement(By.cssSelector(".sources a"));
    assertEquals("https://www.ndrc.gov.cn/", link.getAttribute("href"));
    assertEquals("noopener noreferrer", link.getAttribute("rel"));
    // The tiers: full matches, the separator, then partial ones that say how many words.
    assertEquals(1, driver.findElements(By.cssSelector("#hits li.separator")).size());
    assertTrue(driver.findElement(By.cssSelector("#hits .badge.tier-partial")).getText().contains("1 of 2 words"));
    // The URL holds the query.
    assertTrue(path().startsWith("/?q="), path());
    wait.until(d -> js("return document.body.dataset.timeline || '';") != null
        && !"".equals(js("return document.body.dataset.timeline || '';")));
    screenshot("search");
  }

  @Test
  @Order(3)
  void aFacetNarrowsTheResultsAndItsChipRemovesIt() throws Exception {
    open("/?q=" + QUERY);
    assertEquals(Map.of("Xinjiang", "2", "Guangdong", "1"), counts("region"));
    assertEquals("2", counts("sector").get("Industry"));
    assertEquals("1", counts("sector").get("Power"));
    andWaitForResults(() -> facetRow("region", "Xinjiang").findElement(By.tagName("input")).click());
    List<String> ids = hitIds();
    assertEquals(List.of("xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event"), ids.subList(0, 2));
    assertTrue(ids.stream().allMatch(id -> id.startsWith("xinjiang/")), ids::toString);
    // Drill sideways: the region facet still counts Guangdong; the sector facet counts Xinjiang only.
    assertEquals("1", counts("region").get("Guangdong"));
    assertEquals(Map.of("Industry", "2"), counts("sector"));
    assertTrue(facetRow("region", "Xinjiang").findElement(By.tagName("input")).isSelected());
    assertTrue(path().contains("region=Xinjiang"), path());
    WebElement chip = driver.findElement(By.cssSelector("#chips .chip"));
    assertTrue(chip.getText().contains("Xinjiang"), chip.getText());
    screenshot("facet");

    andWaitForResults(() -> chip.findElement(By.tagName("button")).click());
    assertTrue(driver.findElements(By.cssSelector("#chips .chip")).isEmpty());
    assertEquals("1", counts("sector").get("Power"));
    assertEquals("guangdong/power/2021-09-10/policy", hitIds().get(0));
    assertFalse(path().contains("region="), path());
  }

  @Test
  @Order(4)
  void excludingAValueFiltersItOut() {
    open("/?q=" + QUERY);
    andWaitForResults(() -> facetRow("region", "Xinjiang").findElement(By.className("exclude")).click());
    List<String> ids = hitIds();
    assertFalse(ids.isEmpty());
    assertTrue(ids.stream().noneMatch(id -> id.startsWith("xinjiang/")), ids::toString);
    assertTrue(path().contains("not_region=Xinjiang"), path());
    assertTrue(driver.findElement(By.cssSelector("#chips .chip.exclude")).getText().contains("Xinjiang"));
  }

  @Test
  @Order(5)
  void theBackButtonRestoresTheStateBefore() {
    open("/?q=" + QUERY);
    List<String> before = hitIds();
    andWaitForResults(() -> facetRow("sector", "Power").findElement(By.tagName("input")).click());
    assertEquals(List.of("guangdong/power/2021-09-10/policy"), hitIds().subList(0, 1));
    assertTrue(hitIds().stream().allMatch(id -> id.contains("/power/")), hitIds()::toString);
    andWaitForResults(() -> driver.navigate().back());
    assertEquals(before, hitIds());
    assertFalse(facetRow("sector", "Power").findElement(By.tagName("input")).isSelected());
    assertFalse(path().contains("sector="), path());
    assertEquals(QUERY, driver.findElement(By.id("q")).getAttribute("value"));
    andWaitForResults(() -> driver.navigate().forward());
    assertTrue(path().contains("sector=Power"), path());
  }

  @Test
  @Order(6)
  void pagesTurnAndTheUrlSaysWhich() {
    open("/");
    List<String> first = hitIds();
    assertEquals(20, first.size());
    andWaitForResults(() -> driver.findElement(By.id("next")).click());
    assertTrue(path().contains("page=2"), path());
    List<String> second = hitIds();
    assertEquals(20, second.size());
    assertTrue(java.util.Collections.disjoint(first, second), first + " " + second);
    assertTrue(driver.findElement(By.id("page-info")).getText().startsWith("page 2 of "));
    andWaitForResults(() -> driver.navigate().back());
    assertEquals(first, hitIds());
  }

  @Test
  @Order(7)
  void duplicatesCollapseAndAPointSaysWhereElseItsItemsAreCited() {
    open("/?q=能耗双控&sort=date");
    List<String> all = hitIds();
    andWaitForResults(() -> driver.findElement(By.id("collapse")).click());
    assertTrue(path().contains("collapse=true"), path());
    WebElement collapsed = driver.findElement(By.id("collapsed"));
    assertTrue(collapsed.isDisplayed());
    List<WebElement> links = collapsed.findElements(By.tagName("a"));
    assertFalse(links.isEmpty());
    String gone = links.get(0).getText();
    String kept = links.get(1).getText();
    assertTrue(all.contains(gone) && !hitIds().contains(gone), gone + " " + hitIds());
    assertTrue(hitIds().contains(kept), kept + " " + hitIds());
    // The point kept lists, under the shared item, where else it is cited.
    driver.findElement(By.cssSelector("#hits li[data-id='" + kept + "'] .hit-id a")).click();
    wait.until(d -> kept.equals(js("return document.body.dataset.point || '';")));
    List<String> also = driver.findElements(By.cssSelector("#point .also-cited a")).stream().map(WebElement::getText).toList();
    assertTrue(also.stream().anyMatch(a -> a.startsWith(gone + "#")), also::toString);
  }

  @Test
  @Order(8)
  void yearAndConfidenceRanges() {
    open("/");
    andWaitForResults(() -> {
      WebElement form = driver.findElement(By.cssSelector("form[data-range='year']"));
      form.findElement(By.name("from")).sendKeys("2021");
      form.findElement(By.name("to")).sendKeys("2022");
      form.findElement(By.tagName("button")).click();
    });
    assertTrue(path().contains("year=2021..2022"), path());
    for (WebElement li : driver.findElements(By.cssSelector("#hits li.hit"))) {
      String id = li.getAttribute("data-id");
      assertTrue(id.contains("/2021-") || id.contains("/2022-"), id);
    }
    andWaitForResults(() -> {
      WebElement form = driver.findElement(By.cssSelector("form[data-range='confidence']"));
      form.findElement(By.name("from")).sendKeys("0.7");
      form.findElement(By.name("to")).sendKeys("0.8");
      form.findElement(By.tagName("button")).click();
    });
    assertTrue(path().contains("min_confidence=0.7") && path().contains("max_confidence=0.8"), path());
    assertFalse(hitIds().isEmpty());
    for (WebElement li : driver.findElements(By.cssSelector("#hits li.hit .meta"))) {
      String meta = li.getText();
      int at = meta.indexOf("confidence ") + "confidence ".length();
      double c = Double.parseDouble(meta.substring(at, at + 4));
      assertTrue(c >= 0.7 && c <= 0.8, meta);
    }
  }

  @Test
  @Order(9)
  void clickingATimelineMarkOpensThePoint() throws Exception {
    open("/?q=" + QUERY);
    wait.until(d -> !"".equals(js("return document.body.dataset.timeline || '';")));
    // Where the chart drew its first mark, asked of the chart; then a real mouse click there.
    @SuppressWarnings("unchecked")
    List<Object> mark = (List<Object>) js(
        "const box = document.getElementById('timeline'); const c = echarts.getInstanceByDom(box);"
            + "const o = c.getOption();"
            + "for (let i = 0; i < o.series.length; i++) { const s = o.series[i];"
            + "  if (s.type === 'scatter' && s.data.length) { const d = s.data[0];"
            + "    const p = c.convertToPixel({seriesIndex: i}, d.value);"
            + "    return [d.id, p[0], p[1], box.clientWidth, box.clientHeight]; } }"
            + "return null;");
    String id = (String) mark.get(0);
    WebElement box = driver.findElement(By.id("timeline"));
    double x = ((Number) mark.get(1)).doubleValue() - ((Number) mark.get(3)).doubleValue() / 2;
    double y = ((Number) mark.get(2)).doubleValue() - ((Number) mark.get(4)).doubleValue() / 2;
    new Actions(driver).moveToElement(box, (int) Math.round(x), (int) Math.round(y)).click().perform();
    wait.until(d -> id.equals(js("return document.body.dataset.point || '';")));
    assertTrue(path().startsWith("/points/" + id), path());
    assertTrue(driver.findElement(By.cssSelector("#point h1")).getText().contains(id));
    assertTrue(driver.findElement(By.id("results")).getAttribute("hidden") != null);
    screenshot("point");
    // Back: the results as they were.
    andWaitForResults(() -> driver.navigate().back());
    assertEquals("/?q=" + java.net.URLEncoder.encode(QUERY, StandardCharsets.UTF_8), path().replace("%20", "+"));
    assertFalse(hitIds().isEmpty());
    // Marks coloured by how the point's evidence dates fall, rows by sector: in the URL too.
    wait.until(d -> !"".equals(js("return document.body.dataset.timeline || '';")));
    int drawn = Integer.parseInt(String.valueOf(js("return document.body.dataset.timeline;")));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("colour"))).selectByValue("window");
    wait.until(d -> Integer.parseInt(String.valueOf(js("return document.body.dataset.timeline;"))) > drawn);
    assertTrue(path().contains("colour=window"), path());
    assertEquals(List.of("all in the window", "some outside the window"), js(
        "return echarts.getInstanceByDom(document.getElementById('timeline')).getOption().legend[0].data;"));
    // The point's own URL, loaded directly, is the page showing that point.
    driver.get(url("/points/" + id));
    wait.until(d -> id.equals(js("return document.body.dataset.point || '';")));
    assertTrue(driver.findElement(By.cssSelector("#point")).getText().contains("sample-index/reports/"));
    // A point that does not exist: the page says so (the browser logs the two 404s, and nothing else).
    driver.get(url("/points/no/such/id"));
    wait.until(d -> "no/such/id".equals(js("return document.body.dataset.point || '';")));
    assertTrue(driver.findElement(By.id("point")).getText().contains("no turning point “no/such/id”"));
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      assertTrue(e.getMessage().contains("404"), e.getMessage());
    }
  }

  @Test
  @Order(10)
  void theLanguageSwitchIsRemembered() {
    open("/");
    driver.findElement(By.id("lang")).click();
    wait.until(d -> "搜索".equals(driver.findElement(By.id("search-button")).getText()));
    assertTrue(driver.findElement(By.cssSelector("fieldset[data-dim='region'] legend")).getText().equals("地区"));
    open("/");
    assertEquals("搜索", driver.findElement(By.id("search-button")).getText());
    assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
    driver.findElement(By.id("lang")).click();
    wait.until(d -> "Search".equals(driver.findElement(By.id("search-button")).getText()));
  }

  @Test
  @Order(11)
  void copyIdAndExportTheResult() throws Exception {
    open("/?q=" + QUERY + "&region=Xinjiang");
    // Copy: the id reaches the clipboard.
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
        "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    WebElement first = driver.findElement(By.cssSelector("#hits li.hit"));
    first.findElement(By.className("copy-id")).click();
    wait.until(d -> first.getAttribute("innerText").contains("copied"));
    Object clip = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
    assertEquals(first.getAttribute("data-id"), clip);

    // Copy citation: the hit's references, as 'tpsearch cite ID' writes them (BibTeX), reach the
    // clipboard; the button is there because the server lists /points/{id}/cite.
    WebElement cite = wait.until(d -> first.findElements(By.className("copy-citation")).stream().findFirst().orElse(null));
    cite.click();
    String key = first.getAttribute("data-id").replace('/', '-');
    wait.until(d -> String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));"))
        .contains("{" + key + "-1,"));
    String bib = String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));"));
    assertTrue(bib.startsWith("@"), bib);
    assertTrue(bib.contains("language = {zh-CN}") || bib.contains("langid = {"), bib);

    // Export: the whole result as the browser saves it.
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    driver.findElement(By.id("export-csv")).click();
    Path csv = downloads.resolve("tpsearch-result.csv");
    wait.until(d -> Files.isRegularFile(csv));
    driver.findElement(By.id("export-json")).click();
    Path json = downloads.resolve("tpsearch-result.json");
    wait.until(d -> Files.isRegularFile(json));
    Thread.sleep(300); // the browser renames the file when it is whole
    Map<String, Object> doc = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
    List<String> ids = SearchJson.ids(doc);
    assertTrue(ids.stream().allMatch(id -> id.startsWith("xinjiang/")), ids::toString);
    assertTrue(ids.containsAll(List.of("xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event")));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals("\ufeffid,region,region_zh,sector,sector_zh,date,type,confidence,status,match,file,line,evidence_titles,source_urls",
        lines.get(0));
    assertEquals(ids, lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
    assertTrue(lines.get(1).startsWith("xinjiang/industry/2022-03-01/event,Xinjiang,新疆,Industry,工业,2022-03-01,Event,0.69,found,all,"),
        lines.get(1));
  }

  @Test
  @Order(12)
  void aScriptInAReportIsShownAsTextAndNothingRuns() throws Exception {
    String base = "http://127.0.0.1:" + hostileApi.port();
    driver.get(base + "/?q=pwned");
    wait.until(d -> renders() > 0 && !hitIds().isEmpty());
    String id = hitIds().stream().filter(x -> x.startsWith("xinjiang/industry/2020-01-01/")).findFirst().orElseThrow();
    assertTrue(id.startsWith("xinjiang/industry/2020-01-01/<img"), id);
    WebElement hit = driver.findElements(By.cssSelector("#hits li.hit")).stream()
        .filter(li -> id.equals(li.getAttribute("data-id"))).findFirst().orElseThrow();
    // The type as text, in the hit, its id and the type facet.
    assertTrue(hit.getText().contains(SCRIPT_TYPE), hit.getText());
    assertTrue(hit.findElement(By.cssSelector(".hit-id a")).getText().contains("<script>"));
    assertTrue(driver.findElement(By.cssSelector("fieldset[data-dim='type']")).getText().contains(SCRIPT_TYPE));
    assertTrue(driver.findElements(By.cssSelector("#main script, #main img, #chips script")).isEmpty());
    screenshot("hostile");

    // The timeline's tooltip for that mark: made of text too.
    wait.until(d -> !"".equals(js("return document.body.dataset.timeline || '';")));
    @SuppressWarnings("unchecked")
    List<Object> mark = (List<Object>) js(
        "const box = document.getElementById('timeline'); const c = echarts.getInstanceByDom(box);"
            + "const o = c.getOption();"
            + "for (let i = 0; i < o.series.length; i++) { const s = o.series[i];"
            + "  if (s.type === 'scatter') for (const d of s.data) if (d.id === arguments[0]) {"
            + "    const p = c.convertToPixel({seriesIndex: i}, d.value);"
            + "    return [p[0], p[1], box.clientWidth, box.clientHeight]; } }"
            + "return null;", id);
    WebElement box = driver.findElement(By.id("timeline"));
    new Actions(driver).moveToElement(box,
        (int) Math.round(((Number) mark.get(0)).doubleValue() - ((Number) mark.get(2)).doubleValue() / 2),
        (int) Math.round(((Number) mark.get(1)).doubleValue() - ((Number) mark.get(3)).doubleValue() / 2)).perform();
    wait.until(d -> box.getText().contains("<script>"));
    assertTrue(box.findElements(By.cssSelector("script, img")).isEmpty());

    // Sources: only http(s) is a link; javascript: never reaches the page, httpx: is text.
    driver.get(base + "/?q=Moyu");
    wait.until(d -> renders() > 0 && !hitIds().isEmpty());
    List<String> hrefs = driver.findElements(By.cssSelector("#hits li[data-id='xinjiang/industry/2019-04-01/event'] .sources a")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertEquals(List.of("https://english.cctv.com/2022/01/14/ARTINEYLmhaTgm06HZReZeCu220114.shtml"), hrefs);
    WebElement text = driver.findElement(By.cssSelector("#hits .sources .unsafe-url"));
    assertTrue(text.getText().contains("httpx:window.__pwned=4"), text.getText());
    text.click(); // text, not a link: nothing happens
    assertTrue(driver.findElements(By.cssSelector("a[href^='javascript:'], a[href^='httpx:']")).isEmpty());

    // The point in full, its verbatim answer included, by its URL.
    driver.get(base + "/points/" + id.replace("<", "%3C").replace(">", "%3E").replace("\"", "%22").replace(" ", "%20"));
    wait.until(d -> id.equals(js("return document.body.dataset.point || '';")));
    WebElement point = driver.findElement(By.id("point"));
    point.findElement(By.tagName("summary")).click();
    assertTrue(point.getText().contains(SCRIPT_TYPE), point.getText());
    assertTrue(point.findElement(By.tagName("pre")).getText().contains("<script>window.__pwned=7</script>"));
    assertTrue(point.findElements(By.cssSelector("script, img")).isEmpty());
    Thread.sleep(200); // an onerror would have fired by now
    assertNull(js("return window.__pwned === undefined ? null : String(window.__pwned);"));
  }

  /**
   * Where the page draws an evidence item's parts: the title's box, then the time's and its first
   * badge's ([left, right] in CSS pixels), of the hit item whose title holds {@code marker}.
   */
  @SuppressWarnings("unchecked")
  private static List<Number> itemBoxes(String marker) {
    return (List<Number>) js(
        "for (const t of document.querySelectorAll('#hits .ev-title')) { if (!t.textContent.includes(arguments[0])) continue;"
            + "  const li = t.parentElement; const r = (e) => e.getBoundingClientRect();"
            + "  const time = li.querySelector('.ev-time'); const badge = li.querySelector('.badge');"
            + "  return [r(t).left, r(t).right, r(time).left, r(time).right, r(badge).left, r(badge).right]; }"
            + "return null;", marker);
  }

  /**
   * A right-to-left override or embedding in a report's title or time stays inside its own text:
   * it cannot reverse the time and badges drawn after it. And a URL whose parameter names one of
   * Object's own properties (?constructor=1) still shows the search: it is no filter.
   */
  @Test
  @Order(20)
  void bidiControlsInAReportCannotReorderThePageAndHostileParametersDoNotBreakIt() {
    String base = "http://127.0.0.1:" + hostileApi.port();
    driver.get(base + "/?q=bidiprobe");
    wait.until(d -> renders() > 0 && !hitIds().isEmpty());
    // The title "bidiprobe U+202E evil title", then its time (2021年6月 U+202B), then its first badge,
    // left to right: each override reverses the rest of its own text and nothing after it.
    List<Number> boxes = itemBoxes("bidiprobe");
    assertTrue(boxes.get(2).doubleValue() >= boxes.get(1).doubleValue() - 0.5, "the time drawn inside the title: " + boxes);
    assertTrue(boxes.get(4).doubleValue() >= boxes.get(3).doubleValue() - 0.5, "the badge drawn before the time: " + boxes);
    String id = hitIds().get(0);

    for (String q : List.of("constructor=1", "not_constructor=1", "hasOwnProperty=1",
        "__proto__=1", "toString=1")) {
      driver.get(base + "/?q=bidiprobe&" + q);
      wait.until(d -> renders() > 0);
      assertEquals(List.of(id), hitIds(), q);
    }
  }
}
