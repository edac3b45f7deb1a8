package cn.edu.xietong.web.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every package of the application says what it holds in a package-info.java, for the newcomer who opens it. */
class PackagesDescribeThemselvesTest {

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<Path> roots = Stream.of("../ejb/src/main/java", "../web/src/main/java", "../batch/src/main/java")
                .map(Path::of).filter(Files::isDirectory).toList();
        assertEquals(3, roots.size(), "run from the web module, beside ejb and batch");
        List<String> undescribed;
        try (Stream<Path> dirs = roots.stream().flatMap(PackagesDescribeThemselvesTest::walk)) {
            undescribed = dirs.filter(Files::isDirectory).filter(PackagesDescribeThemselvesTest::holdsClasses)
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).map(Path::toString).sorted().toList();
        }
        assertTrue(undescribed.isEmpty(), "packages without package-info.java: " + undescribed);
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
