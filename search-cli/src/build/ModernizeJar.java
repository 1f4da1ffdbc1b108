import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build tool (JDK 24+, run as a source file): rewrites the pre-Java-6 class files of a jar as
 * Java 8 class files with stack maps, in place. picocli ships Java 5 class files; the JDK's AOT
 * cache skips such classes and the old verifier is slow, so a cold `tpsearch search` spent about
 * 180 ms setting up picocli. The bytecode is unchanged; only the class file version and the
 * verification frames the newer version requires are added. On an older JDK this file does not
 * compile, the build goes on, and the jar stays as it was.
 */
public class ModernizeJar {
  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    int rewritten = 0;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      // Stack maps need the class hierarchy: the JDK's classes, then the jar's own.
      ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
          ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
      try (ZipFile in = new ZipFile(jar.toFile());
          OutputStream os = Files.newOutputStream(tmp);
          ZipOutputStream out = new ZipOutputStream(os)) {
        for (ZipEntry e : Collections.list(in.entries())) {
          byte[] bytes = in.getInputStream(e).readAllBytes();
          String name = e.getName();
          if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
            ClassModel model = cf.parse(bytes);
            if (model.majorVersion() < ClassFile.JAVA_8_VERSION) {
              bytes = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                  .andThen((builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                      builder.with(ClassFileVersion.of(ClassFile.JAVA_8_VERSION, 0));
                    } else {
                      builder.with(element);
                    }
                  }));
              rewritten++;
            }
          }
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(e.getTime());
          out.putNextEntry(copy);
          out.write(bytes);
          out.closeEntry();
        }
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("ModernizeJar: " + jar.getFileName() + ": " + rewritten + " class files rewritten as Java 8");
  }
}
