package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it (run after {@code package}): the tarball unpacked, install.sh
 * run in a temporary HOME with no Maven on the PATH, then the installed command, its completion and
 * its man pages.
 */
class DistributionIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  @TempDir
  static Path tmp;

  private static Path home;
  private static Path pathDir;
  private static Path installed;

  private record Run(int exit, String out, String err) {}

  /** Runs a command with HOME, PATH and the JDK set, nothing else inherited. */
  private static Run run(Path dir, Map<String, String> extra, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("HOME", home.toString());
    env.put("PATH", home.resolve(".local/bin") + ":" + pathDir);
    env.put("LANG", "C.UTF-8");
    env.put("TPSEARCH_JAVA_HOME", System.getProperty("java.home"));
    // No search daemon left behind by these runs (DaemonIT tests it, in a private folder).
    env.put("TPSEARCH_DAEMON", "0");
    env.putAll(extra);
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    return new Run(exit, out, Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Run run(String... command) throws IOException, InterruptedException {
    return run(home, Map.of(), command);
  }

  /** A PATH folder with every command of the system's but Maven's. */
  private static Path pathWithoutMaven() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("path"));
    for (String sys : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
      Path sysDir = Path.of(sys);
      if (!Files.isDirectory(sysDir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(sysDir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (!name.startsWith("mvn") && !Files.exists(dir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(dir.resolve(name), f);
          }
        }
      }
    }
    return dir;
  }

  @BeforeAll
  static void install() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    pathDir = pathWithoutMaven();
    List<Path> tarballs;
    try (Stream<Path> s = Files.list(TARGET)) {
      tarballs = s.filter(f -> f.getFileName().toString().matches("tpsearch-.+\\.tar\\.gz")).toList();
    }
    assertEquals(1, tarballs.size(), "one tarball in target: " + tarballs);
    Path unpack = Files.createDirectories(tmp.resolve("unpack"));
    Run untar = run(unpack, Map.of(), "tar", "xzf", tarballs.get(0).toString());
    assertEquals(0, untar.exit(), untar.err());
    String folder = tarballs.get(0).getFileName().toString().replace(".tar.gz", "");
    Path dist = unpack.resolve(folder);
    Run install = run(dist, Map.of(), "./install.sh");
    assertEquals(0, install.exit(), install.out() + install.err());
    installed = home.resolve(".local/bin/tpsearch");
  }

  @Test
  void noMavenOnThePath() throws Exception {
    Run which = run("sh", "-c", "command -v mvn || command -v mvnw");
    assertTrue(which.exit() != 0 && which.out().isBlank(), "maven found: " + which.out());
  }

  @Test
  void theTarballHoldsLicenceNoticesManPagesCompletionAndBothLaunchers() throws Exception {
    Path dist = installed.toRealPath().getParent().getParent();
    for (String f : List.of("LICENSE", "NOTICE", "THIRD-PARTY.txt", "bin/tpsearch", "bin/tpsearch.cmd", "install.sh",
        "man/man1/tpsearch.1", "man/man1/tpsearch-search.1", "completion/tpsearch.bash", "completion/_tpsearch",
        "completion/tpsearch.fish")) {
      assertTrue(Files.isRegularFile(dist.resolve(f)), f);
    }
    String thirdParty = Files.readString(dist.resolve("THIRD-PARTY.txt"), StandardCharsets.UTF_8);
    // Each entry names group:artifact:version; the jar it stands for is artifact-version.jar.
    java.util.Set<String> listed = new java.util.HashSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([^:()\\s]+):([^:()\\s]+):([^:()\\s]+) - ").matcher(thirdParty);
    while (m.find()) {
      listed.add(m.group(2) + "-" + m.group(3) + ".jar");
    }
    try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
      for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
        String name = jar.getFileName().toString();
        if (!name.startsWith("tpsearch-")) {
          assertTrue(listed.contains(name), name + " in THIRD-PARTY.txt:\n" + thirdParty);
        }
      }
    }
    assertTrue(Files.readString(dist.resolve("LICENSE"), StandardCharsets.UTF_8).contains("Apache License"));
  }

  @Test
  void installedTpsearchSearchesTheEmbeddedIndex() throws Exception {
    Run r = run(installed.toString(), "search", "绿色电力 交易", "--format", "jsonl");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"id\":\"xinjiang/industry/2022-03-01/event\""), r.out());
    Run v = run("sh", "-c", "tpsearch --version");
    assertEquals(0, v.exit(), v.err());
    assertTrue(v.out().startsWith("tpsearch "), v.out());
  }

  @Test
  void citationStylesAreInLibCiteAndOnlyCiteLoadsThem() throws Exception {
    Path lib = installed.toRealPath().getParent().getParent().resolve("lib");
    try (Stream<Path> jars = Files.list(lib)) {
      assertTrue(jars.noneMatch(j -> j.getFileName().toString().startsWith("citeproc")), "citeproc-java in lib/");
    }
    assertTrue(Files.isRegularFile(lib.resolve("cite/citeproc-java-3.4.0.jar")), "citeproc-java in lib/cite/");
    String thirdParty = Files.readString(lib.getParent().resolve("THIRD-PARTY-cite.txt"), StandardCharsets.UTF_8);
    assertTrue(thirdParty.contains("citeproc-java") && thirdParty.contains("styles"), thirdParty);
    // A search loads no class of the citation module (every class the JVM loads is logged).
    Path log = tmp.resolve("classes.log");
    Run search = run(home, Map.of("TPSEARCH_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), installed.toString(),
        "search", "碳达峰", "--format", "bibtex");
    assertEquals(0, search.exit(), search.err());
    assertTrue(search.out().contains("@misc{"), search.out());
    String loaded = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(loaded.contains("org.tpsearch.cli.SearchCommand"), "the log lists classes");
    assertFalse(loaded.contains("de.undercouch") || loaded.contains("org.tpsearch.citestyles"), "search loaded the CSL processor");
    Run styled = run(installed.toString(), "cite", "hebei/industry/2021-10-15/policy", "--style",
        "china-national-standard-gb-t-7714-2015-numeric");
    assertEquals(0, styled.exit(), styled.err());
    assertEquals("", styled.err());
    assertTrue(styled.out().contains("国务院. 2030年前碳达峰行动方案: 国发〔2021〕23号[EB/OL]."), styled.out());
  }

  @Test
  void onJdk25TheFirstRunMadeAStartUpCache() {
    if (Runtime.version().feature() >= 25) {
      Path lib = installedLib();
      assertTrue(Files.isRegularFile(lib.resolve("tpsearch.aot")), "AOT cache in " + lib);
    }
  }

  /**
   * JDK 25+: the installed copy has no indexing cache (install.sh leaves the build's out); the first
   * `tpsearch index` makes one, once, saying so on stderr, and indexes as a run without any cache
   * (TPSEARCH_AOT=0) does: the same summary, the same search answers.
   */
  @Test
  void onJdk25TheFirstIndexRunMakesAnIndexingCacheAndIndexesTheSame() throws Exception {
    if (Runtime.version().feature() < 25) {
      return;
    }
    Path lib = installedLib();
    Path reports = Path.of("..", "sample-index", "reports").toAbsolutePath().normalize();
    Run first = run(installed.toString(), "index", reports.toString(), "--index", tmp.resolve("aot-index").toString());
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.err().contains("tpsearch: making an indexing cache for this JDK"), first.err());
    assertTrue(Files.isRegularFile(lib.resolve("tpsearch-index.aot")), "indexing cache in " + lib);
    Run again = run(installed.toString(), "index", reports.toString(), "--index", tmp.resolve("aot-index-2").toString());
    assertEquals(0, again.exit(), again.err());
    assertFalse(again.err().contains("making"), again.err());
    Run none = run(home, Map.of("TPSEARCH_AOT", "0"), installed.toString(), "index", reports.toString(), "--index",
        tmp.resolve("no-aot-index").toString());
    assertEquals(0, none.exit(), none.err());
    // The summary but its timing line (and the folder it names).
    assertEquals(summary(none.out(), "no-aot-index"), summary(again.out(), "aot-index-2"));
    Run withCache = run(installed.toString(), "search", "碳达峰", "--index", tmp.resolve("aot-index-2").toString(), "--format", "jsonl");
    Run without = run(installed.toString(), "search", "碳达峰", "--index", tmp.resolve("no-aot-index").toString(), "--format", "jsonl");
    assertEquals(0, withCache.exit(), withCache.err());
    assertEquals(0, without.exit(), without.err());
    assertEquals(without.out(), withCache.out());
  }

  private static String summary(String out, String folder) {
    return out.replace(tmp.resolve(folder).toString(), "INDEX").replaceAll("(?m)^[0-9.]+ s; .*$", "");
  }

  private static Path installedLib() {
    try {
      return installed.toRealPath().getParent().getParent().resolve("lib");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void bashCompletionLoadsFromTheInstalledCommand() throws Exception {
    Run r = run("bash", "-c", "source <(tpsearch completion bash); complete -p tpsearch");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("-F _complete_tpsearch tpsearch"), r.out());
    Path bashFile = home.resolve(".local/share/bash-completion/completions/tpsearch");
    Run installedScript = run("bash", "-c", "source " + bashFile + "; complete -p tpsearch");
    assertEquals(0, installedScript.exit(), installedScript.err());
    assertTrue(Files.isRegularFile(home.resolve(".local/share/zsh/site-functions/_tpsearch")));
    assertTrue(Files.isRegularFile(home.resolve(".local/share/fish/vendor_completions.d/tpsearch.fish")));
  }

  @Test
  void manRendersEveryInstalledPage() throws Exception {
    Path man1 = home.resolve(".local/share/man/man1");
    List<Path> pages;
    try (Stream<Path> s = Files.list(man1)) {
      pages = s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
    }
    List<String> names = new ArrayList<>();
    pages.forEach(p -> names.add(p.getFileName().toString()));
    for (String expected : List.of("tpsearch.1", "tpsearch-search.1", "tpsearch-show.1", "tpsearch-facets.1",
        "tpsearch-stats.1", "tpsearch-index.1", "tpsearch-lint.1", "tpsearch-shell.1", "tpsearch-serve.1",
        "tpsearch-completion.1")) {
      assertTrue(names.contains(expected), expected + " in " + names);
    }
    for (Path page : pages) {
      Run r = run(home, Map.of("MANWIDTH", "80"), "man", "--warnings", "-l", page.toString());
      assertEquals(0, r.exit(), page + ": " + r.err());
      assertTrue(r.err().isBlank(), page + " renders with warnings: " + r.err());
      String command = page.getFileName().toString().replace(".1", "");
      assertTrue(r.out().contains("NAME") && r.out().contains(command), page + ":\n" + r.out());
    }
    // man finds the pages from the PATH (~/.local/bin -> ~/.local/share/man), with no MANPATH set.
    Run where = run("man", "-w", "tpsearch-search");
    assertEquals(0, where.exit(), where.err());
    assertEquals(man1.resolve("tpsearch-search.1").toString(), where.out().strip());
  }

  @Test
  void installingAgainReplacesOnlyWhatItInstalledAndNeverAForeignFile() throws Exception {
    Path dist = installed.toRealPath().getParent().getParent();
    // A second HOME where ~/.local/bin/tpsearch is someone else's file.
    Path other = Files.createDirectories(tmp.resolve("other/.local/bin"));
    Path foreign = Files.writeString(other.resolve("tpsearch"), "#!/bin/sh\necho mine\n");
    Path unpack = Files.createDirectories(tmp.resolve("unpack2"));
    Run copy = run(unpack, Map.of(), "cp", "-r", dist.toString(), "dist");
    assertEquals(0, copy.exit(), copy.err());
    Run refused = run(unpack.resolve("dist"), Map.of("HOME", tmp.resolve("other").toString()), "./install.sh");
    assertEquals(3, refused.exit(), refused.out() + refused.err());
    assertTrue(refused.err().contains(foreign.toString()), refused.err());
    assertEquals("#!/bin/sh\necho mine\n", Files.readString(foreign));
    assertFalse(Files.exists(tmp.resolve("other/.local/lib/tpsearch")));
  }

  @Test
  void aJdkCacheOfAnotherUserIsNotBelieved() throws Exception {
    // With HOME unset the cache folder is /tmp/.cache/tpsearch, which another user can make first;
    // a JDK-cache file there names the java the launcher runs. Only root can hand a file to another
    // user, which is how CI and this machine run the tests.
    Run uid = run("id", "-u");
    org.junit.jupiter.api.Assumptions.assumeTrue(uid.out().strip().equals("0"), "needs root to chown");
    Path lib = installed.toRealPath().getParent().getParent().resolve("lib");
    String buildId = Files.readString(lib.resolve("build-id"), StandardCharsets.UTF_8).strip();
    Path cacheHome = Files.createDirectories(tmp.resolve("foreign-cache"));
    Path cacheDir = Files.createDirectories(cacheHome.resolve("tpsearch"));
    Path fakeJdk = Files.createDirectories(tmp.resolve("fake-jdk/bin"));
    Path marker = tmp.resolve("fake-java-ran");
    Path fakeJava = Files.writeString(fakeJdk.resolve("java"), "#!/bin/sh\ntouch '" + marker + "'\nexit 0\n");
    fakeJava.toFile().setExecutable(true, false);
    String path = home.resolve(".local/bin") + ":" + pathDir;
    String key = lib + "|" + System.getProperty("java.home") + "||" + path;
    Path jdkCache = Files.writeString(cacheDir.resolve("jdk-" + buildId),
        key + "\n" + fakeJdk.getParent() + "\n25\nsomeone else\n");
    for (Path p : List.of(jdkCache, cacheDir)) {
      assertEquals(0, run("chown", "65534", p.toString()).exit());
    }
    Run r = run(home, Map.of("XDG_CACHE_HOME", cacheHome.toString()), installed.toString(), "--version");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("tpsearch "), r.out() + r.err());
    assertFalse(Files.exists(marker), "the launcher ran the java a foreign cache file named");
    // The same file, ours: believed (so the test above would fail without the ownership check).
    for (Path p : List.of(jdkCache, cacheDir)) {
      assertEquals(0, run("chown", "0", p.toString()).exit());
    }
    Run believed = run(home, Map.of("XDG_CACHE_HOME", cacheHome.toString()), installed.toString(), "--version");
    assertTrue(Files.exists(marker), "our own cache file is used: " + believed.out() + believed.err());
  }

  @Test
  void uninstallRemovesWhatItInstalledAndKeepsTheUsersIndex() throws Exception {
    Path h = Files.createDirectories(tmp.resolve("third"));
    Map<String, String> env = new HashMap<>(Map.of("HOME", h.toString()));
    Path dist = installed.toRealPath().getParent().getParent();
    Path index = Files.createDirectories(h.resolve(".local/share/tpsearch/index"));
    Files.writeString(index.resolve("keep"), "x");
    Run in = run(dist, env, "./install.sh");
    assertEquals(0, in.exit(), in.out() + in.err());
    assertTrue(Files.exists(h.resolve(".local/bin/tpsearch")));
    Run out = run(dist, env, "./install.sh", "--uninstall");
    assertEquals(0, out.exit(), out.out() + out.err());
    assertFalse(Files.exists(h.resolve(".local/bin/tpsearch"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(h.resolve(".local/lib/tpsearch")));
    assertFalse(Files.exists(h.resolve(".local/share/man/man1/tpsearch.1")));
    assertTrue(Files.exists(index.resolve("keep")), "the user's index stays");
  }
}
