package cn.edu.xietong.web.arch;

import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages never receive more of an instance than their viewer may see (S3, O1.3): no class of the web module holds or
 * hands out an instance or an entity that reaches one (a to-do), or a notification, in a field or a public method's result,
 * directly, inside a collection or inside a record the services hand out (a board row). Pages get the per-viewer
 * {@code InstanceSight} and list rows. (Trail actions are flat and reach no instance; designs and delegations are not
 * an instance's data.)
 */
class PagesReceiveNoFlowEntitiesTest {

    private static final Set<Class<?>> REACHING_AN_INSTANCE = Set.of(FlowInstance.class, FlowTask.class,
            cn.edu.xietong.notification.Notification.class);

    @Test
    void noWebClassHoldsOrReturnsAFlowEntity() throws Exception {
        List<Class<?>> classes = webClasses();
        assertTrue(classes.size() > 20, "the web module's classes are found: " + classes.size());
        List<String> found = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                if (carriesFlowEntity(field.getGenericType(), new HashSet<>())) {
                    found.add(type.getSimpleName() + "." + field.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && carriesFlowEntity(method.getGenericReturnType(), new HashSet<>())) {
                    found.add(type.getSimpleName() + "." + method.getName() + "()");
                }
            }
        }
        assertEquals(List.of(), found, "web classes holding or returning flow entities");
    }

    private static boolean carriesFlowEntity(Type type, Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            return REACHING_AN_INSTANCE.contains(element) || element.isRecord() && seen.add(element)
                    && element.getPackageName().startsWith("cn.edu.xietong") && Stream.of(element.getRecordComponents())
                    .anyMatch(component -> carriesFlowEntity(component.getGenericType(), seen));
        }
        if (type instanceof ParameterizedType p) {
            return carriesFlowEntity(p.getRawType(), seen)
                    || Stream.of(p.getActualTypeArguments()).anyMatch(argument -> carriesFlowEntity(argument, seen));
        }
        return false;
    }

    private static List<Class<?>> webClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PagesReceiveNoFlowEntitiesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, PagesReceiveNoFlowEntitiesTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
