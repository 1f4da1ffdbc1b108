package org.tpsearch.search;

/** A query or filter the user wrote cannot be understood; the message says why, for people. */
public class QueryException extends Exception {
  public QueryException(String message) {
    super(message);
  }
}
