package org.tpsearch.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tpsearch.model.TurningPoint;

/**
 * A facet dimension, declared once in {@link Schema#DIMENSIONS}: the writer indexes what
 * {@code values} yields; filters, drill-down, drill-sideways counts, the CLI options, the HTTP
 * parameters, the shell's numbered drill-down and every output format loop over the declarations.
 *
 * @param name the facet dimension, JSON key and HTTP parameter ({@code source_domain}); the CLI
 *     option is {@code --} and the name with {@code -} for {@code _} ({@code --source-domain})
 * @param shortOption a one-letter CLI option ({@code -r}), or empty for none
 * @param description the CLI help of the filter
 * @param values how a point yields its values (at least one; "unknown" or "none" when it has none)
 * @param multiValued whether a point may have several values (then a filter matches any of them)
 * @param resolver what a user may type, as indexed values
 * @param order the order of its counts
 * @param buckets the declared values in order, for a dimension whose values are ranges of a scale
 *     (confidence); empty otherwise
 */
public record Dimension(
    String name,
    String shortOption,
    String description,
    Function<TurningPoint, List<String>> values,
    boolean multiValued,
    Resolver resolver,
    Order order,
    List<String> buckets) {
  public Dimension {
    if (!name.matches("[a-z][a-z_]*")) {
      throw new IllegalArgumentException("dimension name must be lower-case letters and _, got '" + name + "'");
    }
    buckets = List.copyOf(buckets);
  }

  /** How the counts of a dimension are ordered. */
  public enum Order {
    /** Most points first, ties by value. */
    COUNT,
    /** By value (years). */
    VALUE,
    /** As {@link Dimension#buckets} declares them (a scale: low to high). */
    BUCKETS
  }

  /** Turns a filter value as typed into the indexed values it stands for. */
  @FunctionalInterface
  public interface Resolver {
    /**
     * The indexed values {@code typed} stands for (a filter matches any of them), or empty when
     * the tables do not know it: the index then decides (any case), else the user gets its values.
     *
     * @throws IllegalArgumentException with a message for the user when {@code typed} is malformed
     */
    Optional<List<String>> resolve(String typed);

    /** Nothing known in advance: every value is looked up in the index. */
    Resolver INDEX_ONLY = typed -> Optional.empty();
  }

  /** The CLI option: {@code --source-domain} for {@code source_domain}. */
  public String longOption() {
    return "--" + name.replace('_', '-');
  }

  /** The values of {@code p} in this dimension. */
  public List<String> valuesOf(TurningPoint p) {
    return values.apply(p);
  }
}
