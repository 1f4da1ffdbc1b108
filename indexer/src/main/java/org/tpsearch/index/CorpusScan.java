package org.tpsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tpsearch.model.ReportKind;
import org.tpsearch.parse.FileNames;

/** Walks result folders and sorts their files into reports and the pipeline's other files. */
public final class CorpusScan {
  /** A report file found by the walk. */
  public record Found(Path path, ReportKind kind, long size, long mtime) {}

  /** The reports found, in path order, and how many other files were passed over. */
  public record Result(List<Found> reports, int skipped) {}

  private CorpusScan() {}

  /** Walks every root (a folder, or a single report file). */
  public static Result scan(List<Path> roots) throws IOException {
    List<Found> reports = new ArrayList<>();
    int[] skipped = {0};
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new NoSuchFileException(root.toString(), null, "no such file or folder");
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          // Hidden folders (.git, an index inside the results folder) hold no reports.
          return !dir.equals(root) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          FileNames.Parsed parsed = FileNames.parse(file);
          if (parsed.kind().isPresent() && !name.startsWith(".") && !isOtherMarkdown(name)) {
            reports.add(new Found(file.toAbsolutePath().normalize(), parsed.kind().get(), attrs.size(),
                attrs.lastModifiedTime().toMillis()));
          } else {
            skipped[0]++;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
      });
    }
    reports.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
    return new Result(List.copyOf(reports), skipped[0]);
  }

  /** READMEs and notes are Markdown too; only report-shaped names are reports. */
  private static boolean isOtherMarkdown(String lowerName) {
    return lowerName.endsWith(".md") && !lowerName.contains("_");
  }
}
