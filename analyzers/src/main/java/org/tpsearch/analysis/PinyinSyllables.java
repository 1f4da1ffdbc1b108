package org.tpsearch.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Toneless pinyin syllables, for the query side of the pinyin field (no pinyin library at query
 * time): whether a lower-case ASCII word reads as pinyin, so spaced pinyin ("pu dong", "bai he tan")
 * can be joined into the form the field holds ("pudong", "baihetan").
 */
public final class PinyinSyllables {

  /**
   * Every toneless syllable of Mandarin as the index writes it (ü as v), the readings of HanLP's
   * pinyin table, plus lue and nue as keyboards also type lve and nve.
   */
  private static final Set<String> SYLLABLES =
      Set.of(
          ("a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can "
          + "cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai "
          + "chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den "
          + "deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang "
          + "fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan "
          + "guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui "
          + "hun huo ja ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao "
          + "ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng "
          + "li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang "
          + "mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen "
          + "neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan "
          + "pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin "
          + "qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa "
          + "sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua "
          + "shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te "
          + "teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu "
          + "xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yai yan yang yao ye yi yin "
          + "ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang "
          + "zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong "
          + "zou zu zuan zui zun zuo "
          + "lue nue")
              .split(" "));

  private static final int LONGEST = 6; // zhuang, chuang, shuang

  private PinyinSyllables() {}

  /**
   * True if the word is lower-case ASCII letters that split wholly into syllables ("pudong",
   * "xian", "lvliang"). Many short English words read as pinyin too ("china", "heating"): use this
   * to decide what to look up, never to decide what a word means.
   */
  public static boolean isPinyin(String word) {
    return syllableCount(word) > 0;
  }

  /** The fewest syllables the word splits into, or -1 if it does not split (or is not lower-case ASCII). */
  public static int syllableCount(String word) {
    int n = word.length();
    if (n == 0) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return -1;
      }
    }
    // best[i]: fewest syllables covering word[0, i), or -1.
    int[] best = new int[n + 1];
    Arrays.fill(best, -1);
    best[0] = 0;
    for (int i = 0; i < n; i++) {
      if (best[i] < 0) {
        continue;
      }
      for (int len = 1; len <= LONGEST && i + len <= n; len++) {
        if (SYLLABLES.contains(word.substring(i, i + len))) {
          int k = best[i] + 1;
          if (best[i + len] < 0 || k < best[i + len]) {
            best[i + len] = k;
          }
        }
      }
    }
    return best[n];
  }

  /**
   * Spaced pinyin joined: the words concatenated if each is pinyin ("pu", "dong" give "pudong"),
   * else null.
   */
  public static String join(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (!isPinyin(w)) {
        return null;
      }
      out.append(w);
    }
    return out.toString();
  }
}
