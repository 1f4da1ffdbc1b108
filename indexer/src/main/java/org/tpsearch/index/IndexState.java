package org.tpsearch.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.model.EvidenceStatus;

/**
 * What the index knows of the files it was built from: per file its size, modification time, a
 * digest of its bytes ({@link FileDigest}) and the points it held (id, document hash, content signature, line, status). Lets a re-index skip
 * unchanged files without reading them. Written beside the index and named in the commit, so it
 * changes atomically with the index.
 */
public final class IndexState {
  /** One point of one file. */
  record PointRef(String id, String hash, String signature, int line, EvidenceStatus status) {}

  /** One input file as last indexed; {@code digest} is "" in a state written before digests. */
  record FileState(String path, long size, long mtime, int problems, List<PointRef> points, String digest) {
    FileState {
      points = List.copyOf(points);
      digest = digest == null ? "" : digest;
    }

    /** The same file seen again with the same bytes, modified at {@code newMtime}. */
    FileState touched(long newMtime) {
      return new FileState(path, size, newMtime, problems, points, digest);
    }
  }

  /** The first line of a state file. */
  static final String HEADER = "tpsearch-state 1";

  final Map<String, FileState> files = new LinkedHashMap<>();
  /** Indexed documents: id to document hash. */
  final Map<String, String> indexed = new LinkedHashMap<>();

  /** The state as text, one line a file, point or document. */
  public String serialize() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (FileState f : files.values()) {
      sb.append("F\t").append(escape(f.path())).append('\t').append(f.size()).append('\t').append(f.mtime())
          .append('\t').append(f.problems()).append('\t').append(f.digest()).append('\n');
      for (PointRef p : f.points()) {
        sb.append("P\t").append(escape(p.id())).append('\t').append(p.hash()).append('\t').append(p.signature())
            .append('\t').append(p.line()).append('\t').append(p.status().label()).append('\n');
      }
    }
    for (Map.Entry<String, String> e : indexed.entrySet()) {
      sb.append("D\t").append(escape(e.getKey())).append('\t').append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  /**
   * A path or id as one tab-free, newline-free field: a folder named with a newline or tab once
   * split its line and failed the next run (ArrayIndexOutOfBoundsException, exit 4).
   */
  static String escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Reads what {@link #serialize} wrote. */
  public static IndexState parse(String text) throws IOException {
    IndexState state = new IndexState();
    BufferedReader r = new BufferedReader(new StringReader(text));
    String header = r.readLine();
    if (!HEADER.equals(header)) {
      throw new IOException("unknown index state format: " + header);
    }
    String path = null;
    long size = 0;
    long mtime = 0;
    int problems = 0;
    String digest = "";
    List<PointRef> points = new ArrayList<>();
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String[] p = line.split("\t", -1);
      switch (p[0]) {
        case "F" -> {
          if (path != null) {
            state.files.put(path, new FileState(path, size, mtime, problems, points, digest));
          }
          path = unescape(p[1]);
          size = Long.parseLong(p[2]);
          mtime = Long.parseLong(p[3]);
          problems = Integer.parseInt(p[4]);
          // A sixth field since digests; an older state has none, and its files are read once again.
          digest = p.length > 5 ? p[5] : "";
          points = new ArrayList<>();
        }
        case "P" -> points.add(new PointRef(unescape(p[1]), p[2], p[3], Integer.parseInt(p[4]), EvidenceStatus.fromLabel(p[5])));
        case "D" -> state.indexed.put(unescape(p[1]), p[2]);
        default -> throw new IOException("bad index state line: " + line);
      }
    }
    if (path != null) {
      state.files.put(path, new FileState(path, size, mtime, problems, points, digest));
    }
    return state;
  }
}
