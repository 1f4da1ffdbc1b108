package org.tpsearch.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Deterministic generator of a <b>synthetic</b> benchmark corpus in the research pipeline's
 * layout (see {@code FORMAT.md}): {@code run-NNN/} folders, flat or one folder per series, each
 * holding {@code {Region}_{Sector}_combined_info.txt} reports, some per-point
 * {@code {Region}_{Sector}_{date}_{Type}_info.txt} answers, and a few files that are not reports
 * ({@code all_change_points_info.csv}, {@code *_change_points.txt}, a series CSV, progress notes).
 *
 * <p>The text is made by combining phrase pools with a seeded {@link SplittableRandom}: the same
 * seed and file count give byte-identical output. Names, numbers and events are invented; every
 * combined report says so on its analysis line, and {@value #README} at the top says so too. URLs
 * point only at the reserved {@code example.org}/{@code example.com}/{@code example.net} domains.
 *
 * <p>The variants of the format are spread by a fixed schedule over the combined reports, so even
 * a few dozen files hold most of them: every answer layout, {@code 未找到…} and failed answers,
 * clean-up leftovers (fewer points than declared, doubled separators), a file cut off
 * mid-sentence, UTF-8 BOM, CRLF, GB18030, Chinese titles, {@code DD/MM/YYYY} headings, {@code .md}
 * reports and byte copies under {@code organized_results/}.
 *
 * <p>{@value #MANIFEST} lists every turning point written, one per line: {@code path} (relative,
 * {@code /}-separated), {@code kind}, {@code declared}, {@code date} as written, {@code type},
 * {@code status} ({@code found}, {@code none}, {@code failed}) and the number of evidence
 * {@code items}; it is the ground truth the generator's test checks the parser against.
 */
public final class CorpusGenerator {
  /** The notice written at the top of the output folder. */
  public static final String README = "README.txt";
  /** The per-point ground truth written at the top of the output folder. */
  public static final String MANIFEST = "MANIFEST.tsv";
  /** Report files written by {@link #main} when no count is given. */
  public static final int DEFAULT_FILES = 3000;
  /**
   * The largest multiple of {@link #DEFAULT_FILES} the generator writes: each of the 155 series
   * gets about 190 distinct dates per 3,000 files, out of 2,557 days (2018-2024).
   */
  public static final int MAX_SCALE = 12;
  /** Seed used by {@link #main} when none is given. */
  public static final long DEFAULT_SEED = 42;

  /**
   * What {@link #generate} wrote.
   *
   * @param files every file written (reports, the pipeline's other files, README and manifest)
   * @param reports report files (combined and per-point), as requested
   * @param points turning points in the report files, copies included
   * @param uniquePoints distinct turning-point ids (region, sector, date, type)
   * @param reportBytes bytes of the report files
   * @param bytes bytes of every file written
   */
  public record Summary(int files, int reports, int points, int uniquePoints, long reportBytes, long bytes) {}

  private CorpusGenerator() {}

  /**
   * Writes a corpus of {@code files} report files into {@code outDir}, which must be absent or
   * empty (nothing is ever deleted or overwritten).
   */
  public static Summary generate(Path outDir, int files, long seed) throws IOException {
    if (files < 1 || files > MAX_SCALE * DEFAULT_FILES) {
      throw new IllegalArgumentException("files must be between 1 and " + MAX_SCALE * DEFAULT_FILES + ", got " + files);
    }
    if (Files.exists(outDir)) {
      if (!Files.isDirectory(outDir)) {
        throw new IOException(outDir + " exists and is not a folder");
      }
      try (Stream<Path> s = Files.list(outDir)) {
        if (s.findAny().isPresent()) {
          throw new IOException(outDir + " is not empty; give a new or empty folder");
        }
      }
    }
    Files.createDirectories(outDir);
    return new Writer(outDir, seed).run(files);
  }

  /** {@code OUT_DIR [FILES] [SEED]}: writes the corpus and prints what it wrote. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3 || args[0].startsWith("-")) {
      System.err.println("usage: CorpusGenerator OUT_DIR [FILES (default " + DEFAULT_FILES + ")] [SEED (default "
          + DEFAULT_SEED + ")]");
      System.exit(2);
    }
    int files = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_FILES;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    long start = System.nanoTime();
    Summary s = generate(Path.of(args[0]), files, seed);
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "wrote %d files (%d reports, %d turning points, %d distinct), reports %.1f MB, all %.1f MB, in %.2f s%n",
        s.files(), s.reports(), s.points(), s.uniquePoints(), s.reportBytes() / 1e6, s.bytes() / 1e6, secs);
  }

  // ---------------------------------------------------------------------------------------------
  // Vocabulary

  /** A province-level region: English name, short and full Chinese names, 文号 prefix, capital. */
  private record Region(String en, String zh, String full, String abbr, String capital, String enLong) {
    boolean municipality() {
      return full.endsWith("市");
    }

    String whole() {
      return full.endsWith("自治区") ? "全区" : full.endsWith("市") ? "全市" : "全省";
    }
  }

  private static final Region[] REGIONS = {
    new Region("Anhui", "安徽", "安徽省", "皖", "合肥", "Anhui Province"),
    new Region("Beijing", "北京", "北京市", "京", "北京", "Beijing Municipality"),
    new Region("Chongqing", "重庆", "重庆市", "渝", "重庆", "Chongqing Municipality"),
    new Region("Fujian", "福建", "福建省", "闽", "福州", "Fujian Province"),
    new Region("Gansu", "甘肃", "甘肃省", "甘", "兰州", "Gansu Province"),
    new Region("Guangdong", "广东", "广东省", "粤", "广州", "Guangdong Province"),
    new Region("Guangxi", "广西", "广西壮族自治区", "桂", "南宁", "Guangxi Zhuang Autonomous Region"),
    new Region("Guizhou", "贵州", "贵州省", "黔", "贵阳", "Guizhou Province"),
    new Region("Hainan", "海南", "海南省", "琼", "海口", "Hainan Province"),
    new Region("Hebei", "河北", "河北省", "冀", "石家庄", "Hebei Province"),
    new Region("Heilongjiang", "黑龙江", "黑龙江省", "黑", "哈尔滨", "Heilongjiang Province"),
    new Region("Henan", "河南", "河南省", "豫", "郑州", "Henan Province"),
    new Region("Hubei", "湖北", "湖北省", "鄂", "武汉", "Hubei Province"),
    new Region("Hunan", "湖南", "湖南省", "湘", "长沙", "Hunan Province"),
    new Region("Inner Mongolia", "内蒙古", "内蒙古自治区", "内", "呼和浩特", "Inner Mongolia Autonomous Region"),
    new Region("Jiangsu", "江苏", "江苏省", "苏", "南京", "Jiangsu Province"),
    new Region("Jiangxi", "江西", "江西省", "赣", "南昌", "Jiangxi Province"),
    new Region("Jilin", "吉林", "吉林省", "吉", "长春", "Jilin Province"),
    new Region("Liaoning", "辽宁", "辽宁省", "辽", "沈阳", "Liaoning Province"),
    new Region("Ningxia", "宁夏", "宁夏回族自治区", "宁", "银川", "Ningxia Hui Autonomous Region"),
    new Region("Qinghai", "青海", "青海省", "青", "西宁", "Qinghai Province"),
    new Region("Shaanxi", "陕西", "陕西省", "陕", "西安", "Shaanxi Province"),
    new Region("Shandong", "山东", "山东省", "鲁", "济南", "Shandong Province"),
    new Region("Shanghai", "上海", "上海市", "沪", "上海", "Shanghai Municipality"),
    new Region("Shanxi", "山西", "山西省", "晋", "太原", "Shanxi Province"),
    new Region("Sichuan", "四川", "四川省", "川", "成都", "Sichuan Province"),
    new Region("Tianjin", "天津", "天津市", "津", "天津", "Tianjin Municipality"),
    new Region("Tibet", "西藏", "西藏自治区", "藏", "拉萨", "Tibet Autonomous Region"),
    new Region("Xinjiang", "新疆", "新疆维吾尔自治区", "新", "乌鲁木齐", "Xinjiang Uygur Autonomous Region"),
    new Region("Yunnan", "云南", "云南省", "云", "昆明", "Yunnan Province"),
    new Region("Zhejiang", "浙江", "浙江省", "浙", "杭州", "Zhejiang Province"),
  };

  /** An emission sector with its own vocabulary. */
  private record SectorDef(
      String en,
      String zh,
      String[] topics,
      String[] enTopics,
      String[] units,
      String[] eventNouns,
      String[] agencies) {}

  private static final SectorDef[] SECTORS = {
    new SectorDef("Power", "电力",
        new String[] {"燃煤发电", "风电", "光伏发电", "新型储能", "特高压输电", "电力现货市场", "绿色电力交易",
            "煤电机组节能降碳改造", "抽水蓄能", "分布式光伏", "电力需求侧响应", "有序用电", "新能源消纳",
            "煤电灵活性改造", "跨省跨区输电", "燃气发电", "水电", "电网调峰"},
        new String[] {"coal-fired power", "wind power", "solar PV", "energy storage", "UHV transmission",
            "the electricity spot market", "green power trading", "demand response", "pumped hydro"},
        new String[] {"亿千瓦时", "万千瓦", "万千瓦时", "兆瓦"},
        new String[] {"项目并网发电", "基地开工建设", "输电工程投运", "交易规模创新高", "用电负荷创历史新高",
            "电力供应紧张", "机组集中检修", "新能源装机突破新高"},
        new String[] {"{RF}能源局", "{RF}发展和改革委员会", "{R}电力交易中心", "国家能源局", "国家发展和改革委员会"}),
    new SectorDef("Industry", "工业",
        new String[] {"钢铁", "水泥", "电解铝", "石油化工", "煤化工", "多晶硅", "工业园区循环化改造", "工业节能诊断",
            "超低排放改造", "绿色工厂", "产能置换", "高耗能行业", "铁合金", "平板玻璃", "数据中心", "焦化"},
        new String[] {"steel", "cement", "electrolytic aluminium", "petrochemicals", "coal chemicals",
            "polysilicon", "green factories", "industrial parks"},
        new String[] {"万吨", "万吨标准煤", "亿元", "万千瓦时"},
        new String[] {"产业园区投产", "重点项目开工", "企业阶段性限产", "产能置换项目竣工", "产量同比回落",
            "技改项目验收", "集群建设提速"},
        new String[] {"{RF}工业和信息化厅", "{RF}发展和改革委员会", "{RF}生态环境厅", "工业和信息化部", "生态环境部"}),
    new SectorDef("Ground Transport", "地面交通",
        new String[] {"新能源汽车", "充电基础设施", "高速公路", "公交电动化", "柴油货车", "国六排放标准", "城市轨道交通",
            "公路货运", "港口集疏运", "氢燃料电池汽车", "出租车电动化", "公转铁", "城市物流配送", "成品油消费",
            "高速公路通行费"},
        new String[] {"electric vehicles", "charging infrastructure", "road freight", "public transport",
            "diesel trucks", "hydrogen fuel-cell vehicles", "urban rail"},
        new String[] {"万辆", "个", "公里", "万吨", "万人次"},
        new String[] {"线路开通运营", "车辆集中投放", "交通流量大幅下降", "货运量同比回升", "充电网络建成",
            "通行政策调整", "客流恢复"},
        new String[] {"{RF}交通运输厅", "{RF}发展和改革委员会", "{C}人民政府", "交通运输部", "国家发展和改革委员会"}),
    new SectorDef("Residential", "居民",
        new String[] {"清洁取暖", "煤改电", "煤改气", "集中供暖", "居民阶梯电价", "天然气入户", "散煤治理",
            "既有建筑节能改造", "空气源热泵", "农村电网改造", "居民生活用电", "家电以旧换新", "生物质取暖", "热电联产",
            "供热分户计量"},
        new String[] {"clean heating", "coal-to-electricity conversion", "heat pumps", "district heating",
            "household gas"},
        new String[] {"万户", "亿立方米", "万平方米", "亿千瓦时", "万吨"},
        new String[] {"供暖季提前开始", "寒潮天气", "持续高温", "居民用电量创新高", "清洁取暖改造完成", "供暖季结束"},
        new String[] {"{RF}住房和城乡建设厅", "{RF}发展和改革委员会", "{RF}人民政府办公厅", "住房和城乡建设部",
            "国家能源局"}),
    new SectorDef("Aviation", "航空",
        new String[] {"航班量", "机场扩建", "可持续航空燃料", "航线网络", "旅客吞吐量", "货邮吞吐量", "支线航空",
            "国际航班", "航空公司运力", "新航站楼", "民航节能减排", "机场辅助动力装置替代", "通用航空", "航油价格",
            "空域优化"},
        new String[] {"passenger traffic", "sustainable aviation fuel", "air cargo", "regional routes",
            "airport expansion"},
        new String[] {"万人次", "架次", "万吨", "条", "亿元"},
        new String[] {"新航站楼启用", "航班大面积取消", "旅客吞吐量恢复", "新航线开通", "暑运高峰", "春运客流回升"},
        new String[] {"{R}机场集团", "{RF}发展和改革委员会", "{RF}交通运输厅", "中国民用航空局", "国家发展和改革委员会"}),
  };

  private static final String[] LOCAL_AGENCIES = {
    "{RF}发展和改革委员会", "{RF}能源局", "{RF}工业和信息化厅", "{RF}生态环境厅", "{RF}人民政府", "{RF}人民政府办公厅",
    "{C}人民政府", "{C}发展和改革委员会",
  };
  private static final String[] NATIONAL_AGENCIES = {
    "国家发展和改革委员会", "国家能源局", "生态环境部", "工业和信息化部", "国务院", "财政部",
  };
  private static final String[] SEASONAL_EVENTS = {
    "寒潮天气", "持续高温天气", "春节假期", "供暖季开始", "汛期来水偏丰", "国庆假期", "暑期用电高峰", "沙尘天气", "雨雪冰冻天气",
  };
  private static final String[] DOC_DEPTS = {
    "政发", "政办发", "发改能源", "发改环资", "工信节", "环发", "交运", "建科", "能源规", "发改价格",
  };

  private static final String[] POLICY_TITLES = {
    "《{RF}关于加快推进{T}高质量发展的实施意见》",
    "《{RF}\"十四五\"{T}发展规划》",
    "《{RF}{T}三年行动方案（{Y}-{Y+2}年）》",
    "《关于进一步做好{T}工作的通知》",
    "《{RF}{S}领域碳达峰实施方案》",
    "《{RF}{T}管理办法（试行）》",
    "《{RF}推动{T}和{T2}协同发展的若干措施》",
    "《{C}{T}专项行动计划》",
    "《{RF}{T}补贴实施细则》",
    "{RF}{T}支持政策",
    "{R}{T}价格机制调整",
  };
  private static final String[] EVENT_TITLES = {
    "{R}{T}{EV}",
    "{C}{T}示范工程建成投运",
    "{R}{SEAS}影响{S}部门用能",
    "{R}{T}规模同比{UPDOWN}{P}",
    "{R}启动{T}专项行动",
    "{C}{T}{EV}",
    "{R}{T}重点项目集中签约",
  };
  private static final String[] EN_TITLE_WORDS = {"Expansion", "Surge", "Slowdown", "Pilot Launch", "Milestone", "Upgrade"};

  private static final String[] CN_CLAUSES = {
    "{R}{T}规模达到{N}，同比增长{P}",
    "截至{Y}年底，{R}累计完成{T}项目{K}个，总投资{MONEY}",
    "预计每年可减少二氧化碳排放约{CO2}，节约{TCE}",
    "重点推进{T}和{T2}，建立省级重点项目库，首批入库项目{K}个",
    "对{T}实施分类管理，严格控制新增产能，推动存量项目节能改造",
    "{C}率先开展{T}试点，覆盖重点企业{K}家",
    "{Y}年{R}{S}部门能源消费量约为{TCE}，其中{T}占比{P}",
    "受{T}影响，{S}部门碳排放在短期内{UPDOWN2}",
    "方案提出到{Y2}年，{T}比重提高到{P}以上",
    "建立{T}统计监测体系，按月通报重点指标完成情况",
    "{A}组织召开专题会议，部署{T}相关工作",
    "配套安排专项资金{MONEY}，用于支持{T}和{T2}",
    "实施后{T}单位能耗较{Y0}年下降{P}",
    "带动就业岗位超过{K}个，年产值预计可达{MONEY}",
    "与{T2}形成协同效应，有效降低{S}部门碳排放强度",
    "同期{R}{S}部门排放量环比{UPDOWN}{P}，与转折点时间基本吻合",
    "政策执行期间，{C}等地{T}需求{TREND}",
    "进一步完善{T}价格机制，平均价格{PRICE}",
    "全年{T}相关投资同比增长{P}，新增规模{N}",
    "{R}{T}项目平均利用小时数为{K}小时，较上年提高{P}",
    "首批{K}家企业签订{T}目标责任书",
    "{T}相关指标纳入各市年度考核，考核结果向社会公开",
  };
  private static final String[] EN_SENTENCES = {
    "Total trading volume reached {X} billion kWh",
    "Installed {E} capacity in {EN} exceeded {X} GW by the end of {Y}.",
    "The plan targets a {P} cut in energy intensity by {Y2}.",
    "Officials expect the measure to reduce CO2 emissions by about {X} million tonnes a year.",
    "This marks a shift toward {E} in the {SE} sector.",
    "Around {K} enterprises took part in the first phase.",
    "Local reports said {E} demand rose by {P} year on year.",
    "The project is part of the push for carbon peaking in {EN} before 2030.",
  };
  private static final String[] INTROS = {
    "以下是{Y}年{M}月（{Y1}年{M1}月至{Y3}年{M3}月）{EN}省/市影响{S}部门碳排放的具体{KINDS}：",
    "根据检索结果，{Y}年{M}月前后与{R}{S}部门碳排放变化相关的{KINDS}如下：",
    "以下是{EN}省/市{SECEN}部门在{DATE}前后可能导致{TYPE}类型转折的{KINDS}（{Y1}年{M1}月至{Y3}年{M3}月）：",
    "Based on the search, the following items may explain the turning point of {EN} {SECEN} around {DATE}：",
  };
  private static final String[] OUTROS = {
    "以上是关于{EN}省在{Y1}年{M1}月至{Y3}年{M3}月期间针对{SECEN}部门{TYPEZH}的具体政策文件。其他类别的信息未找到相关政策或事件。",
    "以上事件均来自公开报道，反映了{R}在{Y}年{M}月期间对{S}部门碳排放产生影响的具体政策和事件。",
    "以上政策的发布时间早于或接近该转折点，可能与{S}部门排放的变化有关。",
    "以上信息中的数据为公开报道中的约数，仅供参考。",
  };
  private static final String[] LINK_TITLES = {
    "政策原文", "官方通报", "新闻报道", "政策解读", "{RF}人民政府网站", "{A}", "Press release", "Policy document",
    "News report", "统计公报",
  };
  private static final String[] SOURCE_NAMES = {"{A}官方通报", "省级媒体报道", "公开新闻报道", "统计公报", "行业协会发布"};
  private static final String[] URL_HOSTS = {
    "https://example.org", "https://www.example.org", "https://news.example.com", "http://example.net",
    "https://data.example.org",
  };
  private static final String[] URL_DIRS = {"policy", "news", "tzgg", "zcwj", "xwdt", "a", "content", "gov"};
  private static final String[] NONE_ANSWERS = {
    "未找到任何相关政策或事件。", "未找到相关政策或事件", "经检索，在该时间窗口内未找到相关政策或事件。",
  };
  private static final String[] FAILED_ANSWERS = {
    "抱歉，无法获取相关信息。API调用失败: 尝试了 3 次。",
    "查询失败: 处理出错: 'NoneType' object has no attribute 'get'",
    "查询失败: 处理出错: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=60)",
    "抱歉，无法获取相关信息。API调用失败: 尝试了 5 次。",
  };
  private static final String[] TYPES = {"Event", "Policy", "Seasonal", "Trend", "Unknown"};
  private static final int[] TYPE_WEIGHTS = {40, 30, 18, 10, 2};
  /** Answers with evidence cite one, two or three items in these proportions. */
  private static final int[] ITEM_COUNT_WEIGHTS = {35, 42, 23};
  private static final String[] MONTHS_EN = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  };
  private static final String[] CN_ORDINALS = {"一", "二", "三", "四", "五"};
  private static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
  private static final int DAYS = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay()) + 1;

  // ---------------------------------------------------------------------------------------------
  // Model of what is written

  private enum Status {
    FOUND, NONE, FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private enum Kind { EVENT, POLICY }

  /** An evidence item before rendering: its fields by key; the answer's style picks the labels. */
  private record Item(Kind kind, String title, List<String[]> fields) {}

  /** One answer, rendered, with what the parser should find in it. */
  private record Answer(String text, Status status, int items) {}

  private record Point(LocalDate date, String dateWritten, String type, String conf, Answer answer) {}

  /** A point as the manifest lists it. */
  private record Row(LocalDate day, String date, String type, Status status, int items) {}

  // ---------------------------------------------------------------------------------------------

  private static final class Writer {
    private final Path out;
    private final long seed;
    private final SplittableRandom rng;
    private final BitSet[] usedDays = new BitSet[REGIONS.length * SECTORS.length];
    private final StringBuilder manifest = new StringBuilder("path\tkind\tdeclared\tdate\ttype\tstatus\titems\n");
    private final Set<String> ids = new HashSet<>();
    private final Set<Path> dirs = new HashSet<>();
    private int filesWritten;
    private int reports;
    private int points;
    private long reportBytes;
    private long bytes;
    /** Items already cited for the current series: the model cites some again under later points. */
    private final List<Item> seriesItems = new ArrayList<>();

    // Per-point context.
    private Region region;
    private SectorDef sector;
    private String sectorName;
    private LocalDate pointDate;
    private String pointType;
    private String agencyCache;

    Writer(Path out, long seed) {
      this.out = out;
      this.seed = seed;
      this.rng = new SplittableRandom(seed);
      for (int i = 0; i < usedDays.length; i++) {
        usedDays[i] = new BitSet(DAYS);
      }
    }

    Summary run(int wanted) throws IOException {
      int combinedIndex = 0;
      for (int run = 1; reports < wanted; run++) {
        boolean organized = run % 3 == 2;
        String runDir = String.format(Locale.ROOT, "run-%03d", run);
        int gtSpelling = rng.nextInt(20);
        String groundTransport = gtSpelling < 14 ? "Ground Transport" : gtSpelling < 19 ? "Ground_Transport" : "ground_transport";
        String aviation = rng.nextInt(10) == 0 ? "Domestic Aviation" : "Aviation";
        StringBuilder csv = new StringBuilder("region,sector,date,type,confidence,info_summary\n");
        boolean writeCsv = run % 4 == 1;
        int seriesDone = 0;
        LocalDate analysisDay = LocalDate.of(2025, 3, 1).plusDays(run * 3L + rng.nextInt(3));
        int seconds = 9 * 3600 + rng.nextInt(3 * 3600);
        String seriesCsvFor = REGIONS[rng.nextInt(REGIONS.length)].en() + "_" + SECTORS[rng.nextInt(SECTORS.length)].en();
        for (int ri = 0; ri < REGIONS.length && reports < wanted; ri++) {
          for (int si = 0; si < SECTORS.length && reports < wanted; si++) {
            region = REGIONS[ri];
            sector = SECTORS[si];
            sectorName = si == 2 ? groundTransport : si == 4 ? aviation : sector.en();
            String stem = region.en() + "_" + sectorName;
            String dir = organized ? runDir + "/" + stem : runDir;
            int i = combinedIndex++;
            seconds += 20 + rng.nextInt(90);
            String analysis = analysisDay.plusDays(seconds / 86400) + " " + hms(seconds % 86400);
            seriesItems.clear();
            List<Point> pts = seriesPoints(ri * SECTORS.length + si, i);
            String ext = i % 150 == 27 ? ".md" : ".txt";
            String combinedPath = dir + "/" + stem + "_combined_info" + ext;
            byte[] data = combined(pts, i, analysis, combinedPath);
            writeReport(combinedPath, data);
            seriesDone++;
            for (Point p : pts) {
              if (writeCsv) {
                csv.append(region.en()).append(',').append(sectorName).append(',').append(p.dateWritten()).append(',')
                    .append(p.type()).append(',').append(p.conf()).append(',')
                    .append(csvField(summary(p.answer().text()))).append('\n');
              }
            }
            if (i % 31 == 5) {
              writeOther(dir + "/" + stem + "_change_points.txt", changePoints(stem, pts).getBytes(StandardCharsets.UTF_8));
            }
            if (stem.equals(seriesCsvFor)) {
              writeOther(dir + "/" + stem + ".csv", seriesCsv(pts).getBytes(StandardCharsets.UTF_8));
            }
            if (!organized && i % 97 == 13 && reports < wanted) {
              // The pipeline's organized_results/{Region}_{Sector}/ copies of the flat files.
              String copy = runDir + "/organized_results/" + stem + "/" + stem + "_combined_info" + ext;
              writeReport(copy, data);
              copyRows(combinedPath, copy);
            }
            if ((i % 50 == 4 || i % 50 == 29) && reports < wanted) {
              perPoint(dir, stem, ri * SECTORS.length + si, pts, i % 50 == 4);
            }
          }
        }
        if (writeCsv) {
          writeOther(runDir + "/all_change_points_info.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        writeOther(runDir + "/processing_progress.txt",
            ("处理进度: " + seriesDone + "/" + (REGIONS.length * SECTORS.length) + " 个序列已完成\n"
                + "最后更新: " + analysisDay.plusDays(seconds / 86400) + " " + hms(seconds % 86400) + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      writeOther(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
      writeOther(README, readme(wanted).getBytes(StandardCharsets.UTF_8));
      return new Summary(filesWritten, reports, points, ids.size(), reportBytes, bytes);
    }

    // ------------------------------------------------------------------------- files

    private void writeReport(String rel, byte[] data) throws IOException {
      write(rel, data);
      reports++;
      reportBytes += data.length;
    }

    private void writeOther(String rel, byte[] data) throws IOException {
      write(rel, data);
    }

    private void write(String rel, byte[] data) throws IOException {
      Path p = out.resolve(rel);
      if (dirs.add(p.getParent())) {
        Files.createDirectories(p.getParent());
      }
      Files.write(p, data);
      filesWritten++;
      bytes += data.length;
    }

    private void row(String path, String kind, int declared, Row r) {
      manifest.append(path).append('\t').append(kind).append('\t').append(declared).append('\t').append(r.date())
          .append('\t').append(r.type()).append('\t').append(r.status().label()).append('\t').append(r.items())
          .append('\n');
      points++;
      ids.add(region.en() + "|" + sector.en() + "|" + r.day() + "|" + r.type());
    }

    private final List<String> lastRows = new ArrayList<>();

    private void copyRows(String from, String to) {
      for (String r : lastRows) {
        manifest.append(to).append(r.substring(from.length())).append('\n');
        points++;
      }
    }

    // ------------------------------------------------------------------------- combined report

    private List<Point> seriesPoints(int series, int index) {
      int n = rng.nextInt(100) < 95 ? 10 : 4 + rng.nextInt(6);
      List<Point> pts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        pts.add(point(series, index % 89 == 17 && k == n / 2));
      }
      pts.sort((a, b) -> a.dateWritten().compareTo(b.dateWritten()));
      if (index % 67 == 21) {
        // This report will be cut off inside its last answer: make that answer one with evidence.
        Point last = pts.get(pts.size() - 1);
        pointDate = last.date();
        pointType = last.type();
        Answer a;
        do {
          a = answer();
        } while (a.status() != Status.FOUND);
        pts.set(pts.size() - 1, new Point(last.date(), last.dateWritten(), last.type(), last.conf(), a));
      }
      return pts;
    }

    private Point point(int series, boolean dmy) {
      int day;
      do {
        day = rng.nextInt(DAYS);
      } while (usedDays[series].get(day));
      usedDays[series].set(day);
      LocalDate date = FIRST_DAY.plusDays(day);
      String type = TYPES[weighted(TYPE_WEIGHTS)];
      int c = Math.min(56 + rng.nextInt(40), 56 + rng.nextInt(40));
      String conf = "0." + c;
      String written = dmy ? String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(),
          date.getYear()) : date.toString();
      pointDate = date;
      pointType = type;
      return new Point(date, written, type, conf, answer());
    }

    private byte[] combined(List<Point> pts, int i, String analysis, String path) {
      boolean chineseTitle = i % 19 == 7;
      boolean cleanup = i % 25 == 11;
      boolean truncate = i % 67 == 21;
      StringBuilder sb = new StringBuilder(12_000);
      sb.append("# ").append(chineseTitle ? region.zh() : region.en()).append("省/市 ")
          .append(chineseTitle ? sector.zh() : sectorName).append("部门 碳排放变点相关政策与事件汇总\n\n");
      sb.append("分析时间: ").append(analysis)
          .append(" （合成基准数据，非真实信息 / synthetic benchmark data, generated, not facts）\n");
      sb.append("共包含 ").append(pts.size()).append(" 个重要转折点的相关信息\n\n---\n\n");
      List<Row> rows = new ArrayList<>();
      boolean removedOne = false;
      for (int k = 0; k < pts.size(); k++) {
        Point p = pts.get(k);
        if (cleanup && k > 0 && p.answer().status() == Status.NONE && (!removedOne || rng.nextInt(2) == 0)) {
          // The clean-up split on --- and dropped this section: a doubled separator is left.
          sb.append("---\n\n");
          removedOne = true;
          continue;
        }
        sb.append("## 转折点: ").append(p.dateWritten()).append(" (").append(p.type()).append(") - 置信度: ")
            .append(p.conf()).append("\n\n").append(p.answer().text()).append("\n\n---\n\n");
        rows.add(new Row(p.date(), p.dateWritten(), p.type(), p.answer().status(), p.answer().items()));
      }
      String text = sb.toString();
      Point last = pts.get(pts.size() - 1);
      if (truncate && last.answer().status() == Status.FOUND && rows.get(rows.size() - 1).date().equals(last.dateWritten())) {
        text = cut(text);
      }
      lastRows.clear();
      for (Row r : rows) {
        int before = manifest.length();
        row(path, "combined", pts.size(), r);
        lastRows.add(manifest.substring(before, manifest.length() - 1));
      }
      return encode(text, i);
    }

    /** Cuts the text inside the value of its last answer line, mid-sentence, with no final newline. */
    private String cut(String text) {
      String body = text.substring(0, text.length() - "\n\n---\n\n".length());
      int lineStart = body.lastIndexOf('\n') + 1;
      String line = body.substring(lineStart);
      int colon = Math.max(line.indexOf('：'), line.indexOf(':'));
      int from = colon >= 0 ? colon + 3 : 3;
      if (line.startsWith("|") || line.length() - from < 6) {
        return text;
      }
      int at = from + rng.nextInt(line.length() - from - 3);
      return body.substring(0, lineStart + at);
    }

    private byte[] encode(String text, int i) {
      boolean gb = i % 71 == 9;
      boolean bom = !gb && i % 29 == 3;
      boolean crlf = i % 33 == 3 || i % 71 == 9 && i % 2 == 0;
      if (crlf) {
        text = text.replace("\n", "\r\n");
      }
      if (gb) {
        return text.getBytes(Charset.forName("GB18030"));
      }
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      if (!bom) {
        return utf8;
      }
      byte[] withBom = new byte[utf8.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(utf8, 0, withBom, 3, utf8.length);
      return withBom;
    }

    // ------------------------------------------------------------------------- per-point files

    private void perPoint(String dir, String stem, int series, List<Point> pts, boolean copyOfCombined)
        throws IOException {
      Point p;
      if (copyOfCombined) {
        p = pts.get(rng.nextInt(pts.size()));
        if (!p.dateWritten().equals(p.date().toString())) {
          p = pts.stream().filter(q -> q.dateWritten().equals(q.date().toString())).findFirst().orElseThrow();
        }
      } else {
        // An interrupted run: the point's answer was saved but never reached the combined report.
        p = point(series, false);
      }
      LocalDate d = p.date();
      YearMonth ym = YearMonth.from(d);
      YearMonth from = ym.minusMonths(3);
      YearMonth to = ym.plusMonths(3);
      String text = "问题: 请查找" + d.getYear() + "年" + d.getMonthValue() + "月（" + from.getYear() + "年"
          + from.getMonthValue() + "月至" + to.getYear() + "年" + to.getMonthValue() + "月）期间" + region.en() + "省/市"
          + sectorName + "部门的具体政策或重大事件，这些政策或事件可能导致该部门碳排放在" + d + "前后出现" + p.type()
          + "类型的转折。如果是政策，请提供具体政策名称/事件、发布/发生时间、责任机构、核心内容、预期影响、实施进展、配套措施和信息来源网址；"
          + "如果是事件，请提供事件名称、发生时间、地点、规模、影响和信息来源网址。如果没有找到，请回答\"未找到相关政策或事件\"。\n\n"
          + "回答:\n" + p.answer().text() + "\n";
      String path = dir + "/" + stem + "_" + d + "_" + p.type() + "_info.txt";
      writeReport(path, text.getBytes(StandardCharsets.UTF_8));
      row(path, "per-point", 1, new Row(d, d.toString(), p.type(), p.answer().status(), p.answer().items()));
    }

    // ------------------------------------------------------------------------- other pipeline files

    private String changePoints(String stem, List<Point> pts) {
      StringBuilder sb = new StringBuilder();
      sb.append("File: ").append(stem).append(".csv\n");
      sb.append("Total change points detected: ").append(pts.size() + 1 + rng.nextInt(8)).append('\n');
      sb.append("Change points kept (confidence > 0.55, at most 10): ").append(pts.size()).append("\n\n");
      int k = 1;
      for (Point p : pts) {
        String type = p.type().toLowerCase(Locale.ROOT);
        double pv = rng.nextInt(1000) / 10000.0;
        sb.append("Point ").append(k++).append(":\n");
        sb.append("  Date: ").append(p.date()).append('\n');
        sb.append("  Type: ").append(p.type()).append('\n');
        sb.append("  Confidence: ").append(p.conf()).append('\n');
        sb.append("  Features:\n");
        sb.append("    magnitude: ").append(dec4(rng.nextInt(2000))).append('\n');
        sb.append("    relative_change: ").append(rng.nextInt(2) == 0 ? "-" : "").append(dec4(rng.nextInt(4000)))
            .append('\n');
        sb.append("    local_extreme: ").append(new String[] {"min", "max", "none"}[rng.nextInt(3)]).append('\n');
        sb.append("    ks_pvalue: ").append(dec4((int) Math.round(pv * 10000))).append('\n');
        sb.append("    ks_pvalue_significant: ").append(pv < 0.05 ? "Yes" : "No").append('\n');
        sb.append("    ").append(type).append("_score: ").append(p.conf()).append("\n\n");
      }
      return sb.toString();
    }

    private String seriesCsv(List<Point> pts) {
      StringBuilder sb = new StringBuilder("state,date,sector,value\n");
      LocalDate d = pts.get(0).date();
      double v = 0.05 + rng.nextInt(400) / 1000.0;
      for (int k = 0; k < 120; k++, d = d.plusDays(1)) {
        v = Math.max(0.001, v + (rng.nextInt(201) - 100) / 20000.0);
        sb.append(region.en()).append(',')
            .append(String.format(Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()))
            .append(',').append(sector.en()).append(',').append(String.format(Locale.ROOT, "%.4f", v)).append('\n');
      }
      return sb.toString();
    }

    private String readme(int wanted) {
      return """
          SYNTHETIC BENCHMARK CORPUS -- GENERATED DATA, NOT FACTS
          合成基准语料：由程序生成的测试数据，内容均为虚构，不是事实。

          Written by org.tpsearch.bench.CorpusGenerator (seed %d, %d report files) for tpsearch's
          performance benchmarks (indexing speed, cold and warm query latency). Every policy, event,
          agency statement, number and date in these files was assembled at random from phrase pools;
          none of it describes anything that happened. Links point only at the reserved example.org,
          example.com and example.net domains. Do not cite, publish or index this as information.

          Layout: run-NNN/ folders in the research pipeline's format (see FORMAT.md), flat or one
          folder per {Region}_{Sector}; MANIFEST.tsv lists every turning point written with its
          expected evidence status and item count.
          """.formatted(seed, wanted);
    }

    // ------------------------------------------------------------------------- answers

    private Answer answer() {
      int r = rng.nextInt(100);
      if (r < 40) {
        return new Answer(pick(NONE_ANSWERS), Status.NONE, 0);
      }
      if (r < 42) {
        return new Answer(pick(FAILED_ANSWERS), Status.FAILED, 0);
      }
      agencyCache = null;
      if (rng.nextInt(100) < 3) {
        return unstructured();
      }
      int nItems = 1 + weighted(ITEM_COUNT_WEIGHTS);
      List<Item> items = new ArrayList<>();
      for (int k = 0; k < nItems; k++) {
        Kind kind = kindFor();
        Item reused = null;
        if (!seriesItems.isEmpty() && rng.nextInt(100) < 8) {
          Item old = seriesItems.get(rng.nextInt(seriesItems.size()));
          if (old.kind() == kind && items.stream().noneMatch(it -> it.title().equals(old.title()))) {
            reused = redate(old);
          }
        }
        Item it = reused != null ? reused : kind == Kind.POLICY ? policyItem() : eventItem();
        items.add(it);
        seriesItems.add(it);
      }
      return new Answer(render(items), Status.FOUND, items.size());
    }

    private Kind kindFor() {
      int r = rng.nextInt(100);
      return switch (pointType) {
        case "Policy", "Trend" -> r < 80 ? Kind.POLICY : Kind.EVENT;
        case "Event" -> r < 75 ? Kind.EVENT : Kind.POLICY;
        default -> r < 50 ? Kind.EVENT : Kind.POLICY;
      };
    }

    /** The same policy or event cited again, with the time as this answer remembers it. */
    private Item redate(Item old) {
      List<String[]> fields = new ArrayList<>();
      for (String[] f : old.fields()) {
        fields.add(f[0].equals("time") ? new String[] {"time", timeText()} : f);
      }
      return new Item(old.kind(), old.title(), fields);
    }

    private Item policyItem() {
      String title = fill(pick(POLICY_TITLES));
      if (title.startsWith("《") && rng.nextInt(100) < 35) {
        title += "（" + docNumber() + "）";
      }
      List<String[]> f = new ArrayList<>();
      f.add(new String[] {"time", timeText()});
      f.add(new String[] {"agency", agency()});
      f.add(new String[] {"content", sentences(2 + rng.nextInt(3), false)});
      f.add(new String[] {"expImpact", sentences(1 + rng.nextInt(2), true)});
      if (rng.nextInt(100) < 60) {
        f.add(new String[] {"progress", "截至" + (pointDate.getYear() + rng.nextInt(3)) + "年底，" + sentences(1, false)});
      }
      if (rng.nextInt(100) < 30) {
        f.add(new String[] {"measures", sentences(1, false)});
      }
      if (rng.nextInt(100) < 80) {
        f.add(new String[] {"source", source()});
      }
      return new Item(Kind.POLICY, title, f);
    }

    private Item eventItem() {
      String title;
      if (rng.nextInt(100) < 12) {
        title = region.en() + " " + titleCase(pick(sector.enTopics())) + " " + pick(EN_TITLE_WORDS);
      } else {
        title = fill(pick(EVENT_TITLES));
      }
      List<String[]> f = new ArrayList<>();
      f.add(new String[] {"time", timeText()});
      f.add(new String[] {"place", place()});
      if (rng.nextInt(100) < 70) {
        f.add(new String[] {"scale", sentences(1 + rng.nextInt(2), true)});
      }
      int extra = rng.nextInt(7);
      if (extra < 5) {
        String key = new String[] {"mechanism", "investment", "environment", "technology", "details"}[extra];
        String value = switch (key) {
          case "mechanism" -> "采用\"双边协商+集中竞价\"模式，平均交易价格" + price();
          case "investment" -> "首批入驻项目" + count() + "个，总投资额达" + money() + "，其中包括" + (2 + rng.nextInt(8))
              + "个投资超" + (5 + rng.nextInt(20)) + "亿元的重大项目";
          default -> sentences(1 + rng.nextInt(2), false);
        };
        f.add(new String[] {key, value});
      }
      f.add(new String[] {"impact", sentences(1 + rng.nextInt(3), true)});
      if (rng.nextInt(100) < 85) {
        f.add(new String[] {"source", source()});
      }
      return new Item(Kind.EVENT, title, f);
    }

    private Answer unstructured() {
      StringBuilder sb = new StringBuilder();
      sb.append(region.zh()).append("在").append(pointDate.getYear()).append("年").append(pointDate.getMonthValue())
          .append("月前后").append(fill(pick(CN_CLAUSES))).append("。");
      sb.append(sentences(2 + rng.nextInt(2), true));
      return new Answer(sb.toString(), Status.FOUND, 1);
    }

    // ------------------------------------------------------------------------- rendering

    private enum Style { STANDARD, SHORT, ENGLISH }

    private enum Layout { COLUMN0, NESTED, HEADINGS, PARAGRAPHS, CATEGORIZED }

    private String render(List<Item> items) {
      int s = rng.nextInt(100);
      Style style = s < 70 ? Style.STANDARD : s < 90 ? Style.SHORT : Style.ENGLISH;
      int l = rng.nextInt(100);
      Layout layout = l < 38 ? Layout.COLUMN0 : l < 74 ? Layout.NESTED : l < 83 ? Layout.HEADINGS
          : l < 91 ? Layout.PARAGRAPHS : Layout.CATEGORIZED;
      if (layout == Layout.HEADINGS && style == Style.ENGLISH) {
        layout = Layout.NESTED;
      }
      if (layout == Layout.CATEGORIZED && items.size() < 2) {
        layout = Layout.COLUMN0;
      }
      String colon = style == Style.ENGLISH ? ": " : rng.nextInt(100) < 85 ? "：" : ": ";
      boolean colonInside = style != Style.ENGLISH && rng.nextInt(100) < 6;
      StringBuilder sb = new StringBuilder(3000);
      if (rng.nextInt(100) < 40 || layout == Layout.CATEGORIZED) {
        sb.append(fill(pick(INTROS))).append("\n\n");
      }
      if (layout == Layout.CATEGORIZED) {
        categorized(sb, items, style, colon, colonInside);
      } else {
        for (int k = 0; k < items.size(); k++) {
          if (k > 0) {
            sb.append('\n');
          }
          item(sb, items.get(k), k + 1, layout, style, colon, colonInside);
        }
      }
      if (rng.nextInt(100) < 35) {
        sb.append('\n').append(fill(pick(OUTROS))).append('\n');
      }
      return sb.toString().stripTrailing();
    }

    private void categorized(StringBuilder sb, List<Item> items, Style style, String colon, boolean colonInside) {
      Layout inner = rng.nextInt(2) == 0 ? Layout.NESTED : Layout.COLUMN0;
      List<Item> policies = items.stream().filter(it -> it.kind() == Kind.POLICY).toList();
      List<Item> events = items.stream().filter(it -> it.kind() == Kind.EVENT).toList();
      int section = 0;
      for (List<Item> group : List.of(policies, events)) {
        if (group.isEmpty()) {
          continue;
        }
        if (section > 0) {
          sb.append("---\n\n");
        }
        sb.append("### ").append(CN_ORDINALS[section++]).append("、")
            .append(group == policies ? "相关政策" : "相关事件").append("\n\n");
        for (int k = 0; k < group.size(); k++) {
          item(sb, group.get(k), k + 1, inner, style, colon, colonInside);
          sb.append('\n');
        }
      }
      if (rng.nextInt(100) < 70) {
        sb.append("---\n\n### ").append(CN_ORDINALS[section]).append("、").append(rng.nextInt(2) == 0 ? "里程碑一览" : "关键节点")
            .append("\n\n| 时间 | 事项 |\n|---|---|\n");
        for (Item it : items) {
          sb.append("| ").append(valueOf(it, "time")).append(" | ").append(it.title()).append(" |\n");
        }
      }
    }

    private static String valueOf(Item it, String key) {
      for (String[] f : it.fields()) {
        if (f[0].equals(key)) {
          return f[1];
        }
      }
      return "";
    }

    private void item(StringBuilder sb, Item it, int ordinal, Layout layout, Style style, String colon,
        boolean colonInside) {
      String titleLabel = label("title", it.kind(), style);
      switch (layout) {
        case COLUMN0 -> {
          sb.append(ordinal).append(". ").append(field(titleLabel, it.title(), colon, colonInside)).append('\n');
          for (String[] f : it.fields()) {
            sb.append(field(label(f[0], it.kind(), style), f[1], colon, colonInside)).append('\n');
          }
        }
        case NESTED -> {
          sb.append(ordinal).append(". ").append(field(titleLabel, it.title(), colon, colonInside)).append('\n');
          for (String[] f : it.fields()) {
            sb.append("   - ").append(field(label(f[0], it.kind(), style), f[1], colon, colonInside)).append('\n');
          }
        }
        case HEADINGS -> {
          sb.append("### ").append(ordinal).append(". ").append(it.title()).append("\n\n");
          boolean bullets = rng.nextInt(2) == 0;
          for (String[] f : it.fields()) {
            sb.append(bullets ? "- " : "").append(field(label(f[0], it.kind(), style), f[1], colon, colonInside))
                .append('\n');
          }
        }
        case PARAGRAPHS -> {
          sb.append(field(titleLabel, it.title(), colon, colonInside)).append('\n');
          for (String[] f : it.fields()) {
            sb.append(field(label(f[0], it.kind(), style), f[1], colon, colonInside)).append('\n');
          }
        }
        default -> throw new IllegalStateException(layout.name());
      }
    }

    private static String field(String label, String value, String colon, boolean colonInside) {
      return colonInside ? "**" + label + colon.strip() + "**" + value : "**" + label + "**" + colon + value;
    }

    private static String label(String key, Kind kind, Style style) {
      boolean policy = kind == Kind.POLICY;
      return switch (style) {
        case STANDARD -> switch (key) {
          case "title" -> policy ? "具体政策名称/事件" : "事件名称";
          case "time" -> policy ? "发布/发生时间" : "发生时间";
          case "place" -> "地点";
          case "agency" -> "责任机构";
          case "scale" -> "规模";
          case "impact" -> "影响";
          case "expImpact" -> "预期影响";
          case "content" -> "核心内容";
          case "progress" -> "实施进展";
          case "measures" -> "配套措施";
          case "mechanism" -> "交易机制";
          case "investment" -> "投资情况";
          case "environment" -> "环保措施";
          case "technology" -> "技术特点";
          case "details" -> "详细信息";
          case "source" -> "信息来源网址";
          default -> throw new IllegalArgumentException(key);
        };
        case SHORT -> switch (key) {
          case "title" -> policy ? "政策名称" : "事件名称";
          case "time" -> policy ? "发布时间" : "发生时间";
          case "place" -> "地点";
          case "agency" -> "发布机构";
          case "scale" -> "规模";
          case "impact" -> "影响";
          case "expImpact" -> "预期影响";
          case "content" -> "主要内容";
          case "progress" -> "进展";
          case "measures" -> "具体措施";
          case "mechanism" -> "交易机制";
          case "investment" -> "投资";
          case "environment" -> "环保措施";
          case "technology" -> "技术";
          case "details" -> "详情";
          case "source" -> "来源";
          default -> throw new IllegalArgumentException(key);
        };
        case ENGLISH -> switch (key) {
          case "title" -> policy ? "Policy" : "Event";
          case "time" -> "Date";
          case "place" -> "Location";
          case "agency" -> "Issuing body";
          case "scale" -> "Scale";
          case "impact" -> "Impact";
          case "expImpact" -> "Expected impact";
          case "content" -> "Key content";
          case "progress" -> "Progress";
          case "measures" -> "Measures";
          case "mechanism" -> "Mechanism";
          case "investment" -> "Investment";
          case "environment" -> "Environmental measures";
          case "technology" -> "Technology";
          case "details" -> "Details";
          case "source" -> "Source";
          default -> throw new IllegalArgumentException(key);
        };
      };
    }

    // ------------------------------------------------------------------------- phrases

    private String sentences(int n, boolean english) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < n; k++) {
        sb.append(fill(pick(CN_CLAUSES)));
        sb.append(k + 1 < n && rng.nextInt(3) == 0 ? "；" : "。");
      }
      if (english && rng.nextInt(100) < 22) {
        String en = fill(pick(EN_SENTENCES));
        if (en.endsWith(".")) {
          sb.append(en);
        } else {
          // A bilingual sentence: English running on into Chinese.
          sb.append(en).append("，").append(fill(pick(CN_CLAUSES))).append("。");
        }
      }
      return sb.toString();
    }

    /** Fills {@code {KEY}} slots from the pools and the current point's context. */
    private String fill(String template) {
      StringBuilder sb = new StringBuilder(template.length() + 40);
      String lastTopic = null;
      int i = 0;
      while (i < template.length()) {
        char c = template.charAt(i);
        int close = c == '{' ? template.indexOf('}', i) : -1;
        if (close < 0) {
          sb.append(c);
          i++;
          continue;
        }
        String key = template.substring(i + 1, close);
        i = close + 1;
        int year = pointDate.getYear();
        YearMonth ym = YearMonth.from(pointDate);
        switch (key) {
          case "R" -> sb.append(rng.nextInt(5) == 0 ? region.full() : region.zh());
          case "RF" -> sb.append(region.full());
          case "EN" -> sb.append(rng.nextInt(6) == 0 ? region.enLong() : region.en());
          case "C" -> sb.append(region.capital()).append("市");
          case "S" -> sb.append(sector.zh());
          case "SE" -> sb.append(sector.en().toLowerCase(Locale.ROOT));
          case "SECEN" -> sb.append(sectorName);
          case "T" -> {
            lastTopic = pick(sector.topics());
            sb.append(lastTopic);
          }
          case "T2" -> {
            String t;
            do {
              t = pick(sector.topics());
            } while (t.equals(lastTopic));
            sb.append(t);
          }
          case "E" -> sb.append(pick(sector.enTopics()));
          case "EV" -> sb.append(pick(sector.eventNouns()));
          case "SEAS" -> sb.append(pick(SEASONAL_EVENTS));
          case "N" -> sb.append(number()).append(pick(sector.units()));
          case "K" -> sb.append(count());
          case "P" -> sb.append(percent());
          case "X" -> sb.append(1 + rng.nextInt(60)).append('.').append(rng.nextInt(100));
          case "MONEY" -> sb.append(money());
          case "CO2" -> sb.append(number()).append("万吨");
          case "TCE" -> sb.append(number()).append("万吨标准煤");
          case "PRICE" -> sb.append(price());
          case "Y" -> sb.append(year);
          case "Y+2" -> sb.append(year + 2);
          case "Y0" -> sb.append(rng.nextInt(2) == 0 ? 2020 : year - 1);
          case "Y2" -> sb.append(new int[] {2025, 2030, 2035, year + 3}[rng.nextInt(4)]);
          case "M" -> sb.append(pointDate.getMonthValue());
          case "Y1" -> sb.append(ym.minusMonths(3).getYear());
          case "M1" -> sb.append(ym.minusMonths(3).getMonthValue());
          case "Y3" -> sb.append(ym.plusMonths(3).getYear());
          case "M3" -> sb.append(ym.plusMonths(3).getMonthValue());
          case "DATE" -> sb.append(pointDate);
          case "TYPE" -> sb.append(pointType);
          case "TYPEZH" -> sb.append(switch (pointType) {
            case "Policy" -> "政策性调整";
            case "Event" -> "事件冲击";
            case "Seasonal" -> "季节性调整";
            case "Trend" -> "趋势性变化";
            default -> "排放变化";
          });
          case "KINDS" -> sb.append(new String[] {"政策", "事件", "政策和事件", "重大事件"}[rng.nextInt(4)]);
          case "A" -> sb.append(agency());
          case "UPDOWN" -> sb.append(rng.nextInt(2) == 0 ? "增长" : "下降");
          case "UPDOWN2" -> sb.append(new String[] {"上升", "下降", "回落", "反弹"}[rng.nextInt(4)]);
          case "TREND" -> sb.append(new String[] {"明显增加", "有所减少", "保持稳定"}[rng.nextInt(3)]);
          default -> throw new IllegalArgumentException("unknown slot {" + key + "}");
        }
      }
      return sb.toString();
    }

    private String agency() {
      if (agencyCache != null && rng.nextInt(3) == 0) {
        return agencyCache;
      }
      int r = rng.nextInt(10);
      String tpl = r < 5 ? pick(sector.agencies()) : r < 8 ? pick(LOCAL_AGENCIES) : pick(NATIONAL_AGENCIES);
      String a = tpl.replace("{RF}", region.full()).replace("{R}", region.zh()).replace("{C}", region.capital() + "市");
      if (rng.nextInt(6) == 0) {
        a += "、" + pick(NATIONAL_AGENCIES);
      }
      agencyCache = a;
      return a;
    }

    private String place() {
      return switch (rng.nextInt(6)) {
        case 0, 1 -> region.full() + (region.municipality() ? "" : region.capital() + "市");
        case 2 -> region.zh() + region.whole() + "范围";
        case 3 -> region.full() + new String[] {"北部", "南部", "东部", "西部"}[rng.nextInt(4)] + "地区";
        case 4 -> "中国" + region.full() + "重点工业园区";
        default -> region.enLong() + ", China";
      };
    }

    private String timeText() {
      YearMonth ym = YearMonth.from(pointDate).plusMonths(rng.nextInt(10) == 0 ? -24 + rng.nextInt(37) : -4 + rng.nextInt(7));
      int y = ym.getYear();
      int m = ym.getMonthValue();
      int r = rng.nextInt(100);
      if (r < 50) {
        return y + "年" + m + "月";
      } else if (r < 75) {
        return y + "年" + m + "月" + (1 + rng.nextInt(ym.lengthOfMonth())) + "日";
      } else if (r < 80) {
        return y + "年全年";
      } else if (r < 85) {
        return y + "年第" + CN_ORDINALS[(m - 1) / 3] + "季度";
      } else if (r < 92) {
        YearMonth end = ym.plusMonths(1 + rng.nextInt(5));
        return y + "年" + m + "月至" + end.getYear() + "年" + end.getMonthValue() + "月";
      } else if (r < 97) {
        return MONTHS_EN[m - 1] + " " + y;
      } else {
        return String.format(Locale.ROOT, "%d-%02d", y, m);
      }
    }

    private String docNumber() {
      return region.abbr() + pick(DOC_DEPTS) + "〔" + (pointDate.getYear() - rng.nextInt(3)) + "〕" + (1 + rng.nextInt(120))
          + "号";
    }

    private String source() {
      int r = rng.nextInt(100);
      if (r < 50) {
        return link();
      } else if (r < 75) {
        return url();
      } else if (r < 85) {
        return link() + "；" + link();
      } else {
        return fill(pick(SOURCE_NAMES));
      }
    }

    private String link() {
      return "[" + fill(pick(LINK_TITLES)) + "](" + url() + ")";
    }

    private String url() {
      StringBuilder sb = new StringBuilder(pick(URL_HOSTS)).append('/');
      if (rng.nextInt(3) == 0) {
        sb.append(region.en().toLowerCase(Locale.ROOT).replace(' ', '-')).append('/');
      }
      sb.append(pick(URL_DIRS)).append('/');
      YearMonth ym = YearMonth.from(pointDate).plusMonths(-6 + rng.nextInt(24));
      sb.append(String.format(Locale.ROOT, "%d%02d", ym.getYear(), ym.getMonthValue())).append('/');
      for (int k = 0; k < 16; k++) {
        sb.append("0123456789abcdef".charAt(rng.nextInt(16)));
      }
      sb.append(rng.nextInt(3) == 0 ? ".shtml" : ".html");
      return sb.toString();
    }

    private String number() {
      int r = rng.nextInt(3);
      if (r == 0) {
        return Integer.toString(10 + rng.nextInt(4990));
      }
      return (1 + rng.nextInt(r == 1 ? 99 : 999)) + "." + (1 + rng.nextInt(9));
    }

    private String count() {
      return Integer.toString(3 + rng.nextInt(rng.nextInt(4) == 0 ? 3000 : 200));
    }

    private String percent() {
      return rng.nextInt(2) == 0 ? (1 + rng.nextInt(60)) + "%" : (1 + rng.nextInt(60)) + "." + (1 + rng.nextInt(9)) + "%";
    }

    private String money() {
      return rng.nextInt(4) == 0 ? (100 + rng.nextInt(9900)) + "万元" : number() + "亿元";
    }

    private String price() {
      return sector == SECTORS[0] || rng.nextInt(2) == 0
          ? "0." + (200 + rng.nextInt(400)) + "元/千瓦时"
          : (20 + rng.nextInt(2000)) + "元/吨";
    }

    private int weighted(int[] weights) {
      int total = Arrays.stream(weights).sum();
      int r = rng.nextInt(total);
      for (int k = 0; k < weights.length; k++) {
        r -= weights[k];
        if (r < 0) {
          return k;
        }
      }
      return weights.length - 1;
    }

    private <T> T pick(T[] a) {
      return a[rng.nextInt(a.length)];
    }

    private static String titleCase(String s) {
      StringBuilder sb = new StringBuilder();
      for (String w : s.split(" ")) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(w.equals("the") ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
      }
      return sb.toString();
    }

    private static String hms(int secs) {
      return String.format(Locale.ROOT, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
    }

    private static String dec4(int v) {
      return String.format(Locale.ROOT, "%d.%04d", v / 10000, v % 10000);
    }

    /** The CSV's info_summary: the answer's first 200 characters, then {@code ...}. */
    private static String summary(String answer) {
      return (answer.length() > 200 ? answer.substring(0, 200) : answer) + "...";
    }

    private static String csvField(String s) {
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
        return s;
      }
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
  }
}
