package org.tpsearch.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.UserQuery;

/**
 * A grep-like scan: no index and no analysis. The query is read with tpsearch's syntax
 * ({@link UserQuery}: words, {@code "phrases"}, {@code -word}, {@code a OR b}); a point matches when
 * its text contains every required word (or one of an OR group) as a literal case-insensitive
 * substring, a quoted phrase as one literal, and no excluded one. Matches are ranked by the number
 * of occurrences of the required words, ties in corpus order.
 */
public final class GrepScan implements RetrievalSystem {
  private final List<String> ids = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  public GrepScan(EvalCorpus corpus) {
    for (EvalCorpus.Point p : corpus.points()) {
      ids.add(p.id());
      texts.add(p.text().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public String name() {
    return "grep";
  }

  @Override
  public String description() {
    return "literal case-insensitive substrings, every word required, ranked by occurrences";
  }

  @Override
  public Ranking search(String query) {
    UserQuery q;
    try {
      q = UserQuery.parse(query);
    } catch (QueryException e) {
      return Ranking.failed(e.getMessage());
    }
    if (q.required().isEmpty()) {
      return Ranking.failed("no words to look for");
    }
    record Match(int doc, long count) {}
    List<Match> matches = new ArrayList<>();
    for (int d = 0; d < texts.size(); d++) {
      String text = texts.get(d);
      long total = 0;
      boolean ok = true;
      for (List<UserQuery.Unit> group : q.required()) {
        long n = 0;
        for (UserQuery.Unit u : group) {
          n += occurrences(text, u.text().toLowerCase(Locale.ROOT));
        }
        if (n == 0) {
          ok = false;
          break;
        }
        total += n;
      }
      for (UserQuery.Unit u : q.excluded()) {
        ok &= occurrences(text, u.text().toLowerCase(Locale.ROOT)) == 0;
      }
      if (ok) {
        matches.add(new Match(d, total));
      }
    }
    matches.sort(Comparator.comparingLong(Match::count).reversed().thenComparingInt(Match::doc));
    return new Ranking(matches.stream().limit(DEPTH).map(m -> ids.get(m.doc())).toList(), matches.size(), null);
  }

  static long occurrences(String text, String literal) {
    if (literal.isEmpty()) {
      return 0;
    }
    long n = 0;
    for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + literal.length())) {
      n++;
    }
    return n;
  }
}
