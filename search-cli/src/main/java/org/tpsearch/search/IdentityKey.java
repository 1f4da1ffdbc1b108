package org.tpsearch.search;

/**
 * A key of {@link IndexHandle#shared} that is one object by identity, not by value: a reader's
 * query compiler is kept per glossary object, its compiled queries per compiler.
 */
public record IdentityKey(Object of) {
  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityKey k && k.of == of;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(of);
  }
}
