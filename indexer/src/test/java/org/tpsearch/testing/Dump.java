package org.tpsearch.testing;

import java.nio.file.Path;
import java.util.Locale;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Field;
import org.tpsearch.model.Link;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;

/** A deterministic text rendering of parsed reports, for golden files. */
public final class Dump {
  private Dump() {}

  /** Every field of the report, its points, their items and its problems, paths relative to base. */
  public static String report(Report r, Path base) {
    StringBuilder sb = new StringBuilder();
    sb.append("file: ").append(rel(base, r.file())).append('\n');
    sb.append("kind: ").append(r.kind()).append('\n');
    sb.append("region: ").append(r.region().name()).append(" / ").append(r.region().zh())
        .append(" known=").append(r.region().known()).append('\n');
    sb.append("sector: ").append(r.sector().name()).append(" / ").append(r.sector().zh())
        .append(" known=").append(r.sector().known()).append('\n');
    sb.append("encoding: ").append(r.encoding()).append('\n');
    sb.append("declared: ").append(r.declaredCount()).append('\n');
    sb.append("points: ").append(r.points().size()).append('\n');
    for (TurningPoint p : r.points()) {
      sb.append('\n').append("## ").append(p.id()).append('\n');
      sb.append("  line: ").append(p.line()).append('\n');
      sb.append("  date: ").append(p.date().map(Object::toString).orElse("-"))
          .append(" (as written: ").append(p.dateAsWritten()).append(")\n");
      sb.append("  type: ").append(p.type()).append('\n');
      sb.append("  confidence: ")
          .append(p.hasConfidence() ? String.format(Locale.ROOT, "%.2f", p.confidence()) : "-").append('\n');
      sb.append("  status: ").append(p.status().label()).append('\n');
      sb.append("  flags: ").append(p.flags()).append('\n');
      if (!p.prose().isEmpty()) {
        sb.append("  prose: ").append(p.prose().replace("\n", "\n         ")).append('\n');
      }
      for (EvidenceItem e : p.evidence()) {
        sb.append("  - item ").append(e.ordinal()).append(" (line ").append(e.line()).append(")\n");
        sb.append("    title: ").append(e.title()).append('\n');
        sb.append("    time: ").append(e.time()).append(" -> ").append(e.year()).append('/')
            .append(e.month()).append('\n');
        sb.append("    place: ").append(e.place()).append('\n');
        sb.append("    agency: ").append(e.agency()).append('\n');
        for (Field f : e.fields()) {
          sb.append("    field ").append(f.key()).append(" [").append(f.label()).append("] line ")
              .append(f.line()).append(": ").append(f.value().replace("\n", "\\n")).append('\n');
        }
        for (Link l : e.sources()) {
          sb.append("    source: ").append(l.title()).append(" <").append(l.url()).append(">\n");
        }
        sb.append("    text: ").append(e.text().replace("\n", "\\n")).append('\n');
      }
    }
    if (!r.problems().isEmpty()) {
      sb.append("\nproblems:\n");
      for (Problem pr : r.problems()) {
        sb.append("  ").append(pr.line()).append(' ').append(pr.code()).append(": ").append(pr.message()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String rel(Path base, Path file) {
    return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
  }
}
