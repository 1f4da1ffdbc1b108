package org.tpsearch.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.tpsearch.model.Problem;
import org.tpsearch.model.ReportKind;
import org.tpsearch.parse.FileNames;

/**
 * Walks result folders and sorts their files into reports and the pipeline's other files. Symbolic
 * links are followed, as ripgrep's {@code -L} does, with loop detection; a loop, a broken link or an
 * entry that cannot be read is a warning, and the walk goes on.
 */
public final class CorpusScan {
  /** A report file found by the walk. */
  public record Found(Path path, ReportKind kind, long size, long mtime) {}

  /**
   * A symbolic link the walk followed.
   *
   * @param link the link, as walked
   * @param target where it leads (its real path)
   */
  public record Link(Path link, Path target) {
    @Override
    public String toString() {
      return link + " -> " + target;
    }
  }

  /**
   * What the walk found.
   *
   * @param reports report files, in path order
   * @param skipped other files passed over
   * @param followed symbolic links followed, in walk order
   * @param problems loops, broken links and entries that could not be read, in path order
   * @param unreadable folders and files the walk could not read: what the index holds of them is kept
   */
  public record Result(List<Found> reports, int skipped, List<Link> followed, List<Problem> problems, List<Path> unreadable) {
    public Result {
      reports = List.copyOf(reports);
      followed = List.copyOf(followed);
      problems = List.copyOf(problems);
      unreadable = List.copyOf(unreadable);
    }

    /** Whether {@code file} is, or is inside, something the walk could not read. */
    public boolean wasUnreadable(Path file) {
      return unreadable.stream().anyMatch(file::startsWith);
    }
  }

  private CorpusScan() {}

  /** Walks every root (a folder, or a single report file). */
  public static Result scan(List<Path> roots) throws IOException {
    List<Found> reports = new ArrayList<>();
    List<Link> followed = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Path> unreadable = new ArrayList<>();
    int[] skipped = {0};
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new NoSuchFileException(root.toString(), null, "no such file or folder");
      }
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          // Hidden folders (.git, an index inside the results folder) hold no reports.
          if (!dir.equals(root) && name.startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          noteLink(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink()) {
            // Following links, the walk gives a link's own attributes only when its target is missing.
            problems.add(new Problem(file.toAbsolutePath().normalize(), 0, "broken-link", "symbolic link to "
                + linkTarget(file) + ", which does not exist; skipped"));
            return FileVisitResult.CONTINUE;
          }
          if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          FileNames.Parsed parsed = FileNames.parse(file);
          if (parsed.kind().isPresent() && !name.startsWith(".") && !isOtherMarkdown(name)) {
            noteLink(file);
            reports.add(new Found(file.toAbsolutePath().normalize(), parsed.kind().get(), attrs.size(),
                attrs.lastModifiedTime().toMillis()));
          } else {
            skipped[0]++;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          Path at = file.toAbsolutePath().normalize();
          if (e instanceof FileSystemLoopException) {
            problems.add(new Problem(at, 0, "symlink-loop", "symbolic link loop: it leads back to " + realPath(file)
                + ", already being read; not followed"));
          } else if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
            problems.add(new Problem(at, 0, "broken-link", "symbolic link to " + linkTarget(file)
                + ", which does not exist; skipped"));
          } else {
            unreadable(at, Files.isDirectory(file) ? "folder" : "file", e);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            unreadable(dir.toAbsolutePath().normalize(), "folder", e);
          }
          return FileVisitResult.CONTINUE;
        }

        private void unreadable(Path at, String what, IOException e) {
          unreadable.add(at);
          problems.add(new Problem(at, 0, "unreadable", "cannot read this " + what + ": " + reason(e)
              + "; skipped, and what the index holds from it is kept"));
        }

        private void noteLink(Path p) {
          if (Files.isSymbolicLink(p)) {
            followed.add(new Link(p.toAbsolutePath().normalize(), realPath(p)));
          }
        }
      });
    }
    reports.sort(Comparator.comparing(f -> f.path().toString()));
    problems.sort(Comparator.comparing((Problem p) -> p.file().toString()));
    return new Result(reports, skipped[0], followed, problems, unreadable);
  }

  /** Why an entry cannot be read, in words: the JDK's message of a permission error is the bare path. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return linkTarget(p);
    }
  }

  private static Path linkTarget(Path p) {
    try {
      Path t = Files.readSymbolicLink(p);
      return p.toAbsolutePath().getParent().resolve(t).normalize();
    } catch (IOException | UnsupportedOperationException e) {
      return p;
    }
  }

  /** READMEs and notes are Markdown too; only report-shaped names are reports. */
  private static boolean isOtherMarkdown(String lowerName) {
    return lowerName.endsWith(".md") && !lowerName.contains("_");
  }
}
