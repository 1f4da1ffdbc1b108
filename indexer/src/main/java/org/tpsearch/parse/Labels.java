package org.tpsearch.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of field-label aliases: every label the language model writes, mapped to a
 * canonical key. Labels not in the table are kept as written (their key is the label itself).
 */
public final class Labels {
  public static final String TITLE = "title";
  public static final String TIME = "time";
  public static final String PLACE = "place";
  public static final String AGENCY = "agency";
  public static final String SOURCE = "source";

  private static final Map<String, String> KEYS = new HashMap<>();

  static {
    alias(TITLE, "事件名称", "具体政策名称/事件", "具体政策名称", "政策名称/事件", "政策名称", "政策/事件名称",
        "事件/政策名称", "政策文件", "文件名称", "项目名称", "事件", "政策", "名称", "标题",
        "title", "name", "event", "policy", "event name", "policy name", "policy/event");
    alias(TIME, "发生时间", "发布/发生时间", "发布时间", "发布日期", "实施时间", "施行时间", "生效时间", "时间",
        "日期", "发生日期", "time", "date", "release date", "publication date", "effective date");
    alias(PLACE, "地点", "地区", "发生地点", "实施地点", "地点/范围", "location", "place", "region");
    alias(AGENCY, "责任机构", "发布机构", "发布单位", "发文机关", "发文单位", "实施机构", "主管部门", "牵头部门",
        "负责机构", "机构", "agency", "issuer", "issuing body", "issuing authority", "issuing agency", "authority",
        "responsible agency", "department");
    alias(SOURCE, "信息来源网址", "信息来源", "来源网址", "来源", "参考来源", "来源链接", "网址", "链接", "参考链接",
        "参考资料", "source", "sources", "source url", "url", "link", "links", "reference", "references");
    alias("scale", "规模", "scale", "scope");
    alias("impact", "影响", "预期影响", "实际影响", "对碳排放的影响", "影响分析", "impact", "expected impact", "effect");
    alias("details", "详细信息", "详情", "具体内容", "details", "description");
    alias("content", "核心内容", "主要内容", "内容", "政策内容", "content", "key content", "main content");
    alias("progress", "实施进展", "进展", "执行情况", "progress", "implementation progress", "status");
    alias("measures", "配套措施", "环保措施", "具体措施", "主要措施", "措施", "measures", "supporting measures");
    alias("mechanism", "交易机制", "mechanism", "trading mechanism");
    alias("investment", "投资情况", "投资", "投资规模", "investment");
    alias("technology", "技术特点", "技术", "technology", "technical features");
  }

  private Labels() {}

  private static void alias(String key, String... labels) {
    for (String label : labels) {
      String previous = KEYS.put(fold(label), key);
      if (previous != null && !previous.equals(key)) {
        throw new IllegalStateException("label '" + label + "' maps to " + previous + " and " + key);
      }
    }
  }

  private static String fold(String label) {
    String s = label.strip().toLowerCase(Locale.ROOT);
    // Labels rarely hold more than single spaces; skip the regular expression when they do not.
    return s.contains("  ") || s.indexOf('\t') >= 0 ? s.replaceAll("\\s+", " ") : s;
  }

  /** The canonical key of a label, or null when the label is not in the table. */
  public static String keyOf(String label) {
    return KEYS.get(fold(label));
  }

  /** Whether the label is one the table knows. */
  public static boolean isKnown(String label) {
    return KEYS.containsKey(fold(label));
  }
}
