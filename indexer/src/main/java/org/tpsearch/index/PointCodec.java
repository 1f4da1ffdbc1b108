package org.tpsearch.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with stored fields in smaller blocks, for the search hits: reading a hit's stored
 * point decompresses the LZ4 block around it, and Lucene's default block (80 KB, a 4 KB preset
 * dictionary and ten 7.6 KB sub-blocks) made each hit decompress about 14 KB for a point of about
 * 2.5 KB. With 16 KB blocks (an 0.8 KB dictionary, 1.5 KB sub-blocks) a hit decompresses about 5 KB;
 * the stored fields grow by a few percent (BENCHMARKS.md, "Warm queries, the hits").
 *
 * <p>Registered by name ({@code META-INF/services}): each segment records the codec it was written
 * with, so an index written before this codec (Lucene's own) is read as it is, and its segments
 * take this codec as they are rewritten. The name is kept when Lucene's default codec changes; it
 * must then keep delegating to {@code Lucene104Codec} (from Lucene's backward-codecs) for the
 * segments written with it.
 */
public final class PointCodec extends FilterCodec {
  /** The name segments record. */
  public static final String NAME = "TpsearchPoints104";
  /** Stored-field block size in bytes; Lucene's default (BEST_SPEED) is 80 KB. */
  static final int BLOCK_BYTES = 16 * 1024;

  private final StoredFieldsFormat stored = new Lucene90CompressingStoredFieldsFormat(
      "TpsearchStoredFields16k", new LZ4WithPresetDictCompressionMode(), BLOCK_BYTES, 128, 10);

  /** The codec (public, no arguments: Lucene's service loader makes it). */
  public PointCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return stored;
  }
}
