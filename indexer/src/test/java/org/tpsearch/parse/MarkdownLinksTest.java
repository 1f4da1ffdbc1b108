package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.Link;
import org.tpsearch.testing.Golden;

/**
 * {@link Markdown#links} finds bare URLs by a scan, no longer by the pattern below: the two must
 * agree on every start and end, so the links of every item stay what they were. Checked against
 * the pattern and the former {@code links} on the real report, the sample reports and text made to
 * sit on the edges (a scheme with nothing after it, stop characters, surrogates, URLs inside links).
 */
class MarkdownLinksTest {
  /** The bare-URL pattern the scan replaces. */
  private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>()\\[\\]（）【】，。、；！？\"'《》]+");

  private static final List<String> EDGES = List.of(
      "",
      "http",
      "http://",
      "https://",
      "http:// x",
      "https://a",
      "httpss://a http://b",
      "hhttp://x.cn/a?b=1&c=2。后文",
      "见https://www.gov.cn/zhengce/2021-10/24/content_5644613.htm，以及http://www.ndrc.gov.cn/（官网）",
      "http://a\u000Bb http://c\fd http://e\rf http://g\th http://i\nj",
      "<https://x.cn/a> 与 [标题](https://y.cn/b \"说明\") 和 https://y.cn/b 及 [t](http://z.cn)http://z.cn/c",
      "《https://a.cn/《b》》 'http://q.cn/x' \"http://r.cn/y\" (http://s.cn/z) [http://t.cn/w] 【http://u.cn】",
      "https://a.cn/\uD83D\uDE00/x https://b.cn/\uD800 end",
      "http://a.cn/x.,;:!?*_ https://a.cn/x. http://a.cn/x",
      "www.example.cn and http://https://double.cn",
      "https://\u3000full-width space http://x.cn\u00A0nbsp");

  @Test
  void theScanFindsWhatThePatternFound() throws IOException {
    for (String text : corpus()) {
      List<int[]> expected = new ArrayList<>();
      Matcher m = BARE_URL.matcher(text);
      while (m.find()) {
        expected.add(new int[] {m.start(), m.end()});
      }
      List<int[]> actual = new ArrayList<>();
      for (int at = Markdown.bareUrl(text, 0); at >= 0; ) {
        int end = Markdown.urlEnd(text, at);
        actual.add(new int[] {at, end});
        at = Markdown.bareUrl(text, end);
      }
      assertEquals(render(expected), render(actual), text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  @Test
  void linksAreWhatTheyWere() throws IOException {
    int withLinks = 0;
    for (String text : corpus()) {
      List<Link> expected = formerLinks(text);
      assertEquals(expected, Markdown.links(text), text.length() > 200 ? text.substring(0, 200) : text);
      withLinks += expected.isEmpty() ? 0 : 1;
    }
    // The corpus really cites: the real report and the samples have URLs in many blocks.
    assertEquals(true, withLinks > 20, "blocks with links: " + withLinks);
  }

  /** The edge cases, then every block (text between blank lines) and every line of the real and sample reports. */
  private static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>(EDGES);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Golden.sampleReports())) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      out.addAll(List.of(text.split("\n\\s*\n")));
      out.addAll(List.of(text.split("\n")));
    }
    return out;
  }

  /** {@link Markdown#links} as it was, with the pattern. */
  private static List<Link> formerLinks(String text) {
    if (!text.contains("http") && !text.contains("www.")) {
      return List.of();
    }
    Map<String, Link> byUrl = new LinkedHashMap<>();
    List<int[]> taken = new ArrayList<>();
    Matcher m = Markdown.LINK.matcher(text);
    while (m.find()) {
      String url = trimUrl(m.group(2));
      if (url.startsWith("http") || url.startsWith("www.")) {
        byUrl.putIfAbsent(url, new Link(Markdown.plainInline(m.group(1)), url));
      }
      taken.add(new int[] {m.start(), m.end()});
    }
    Matcher b = BARE_URL.matcher(text);
    int next = 0;
    while (b.find()) {
      int at = b.start();
      while (next < taken.size() && taken.get(next)[1] <= at) {
        next++;
      }
      if (next < taken.size() && at >= taken.get(next)[0]) {
        continue;
      }
      String url = trimUrl(b.group());
      byUrl.putIfAbsent(url, new Link("", url));
    }
    return List.copyOf(byUrl.values());
  }

  private static String trimUrl(String url) {
    String u = url.strip();
    while (!u.isEmpty() && ".,;:!?*_".indexOf(u.charAt(u.length() - 1)) >= 0) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static String render(List<int[]> spans) {
    StringBuilder sb = new StringBuilder();
    for (int[] s : spans) {
      sb.append(s[0]).append('-').append(s[1]).append(' ');
    }
    return sb.toString();
  }
}
