package cn.edu.xietong.web.arch;

import cn.edu.xietong.flow.CommandRunner;
import cn.edu.xietong.flow.FlowTrail;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A command on a flow instance runs one way (B3, A2): through {@link CommandRunner}, which seals the trail after the
 * transition, so every action is signed before the commit and everyone it concerns is notified. No service seals by
 * hand, and so none can forget to.
 */
class CommandRunnerTest {

    @Test
    void onlyTheCommandRunnerSealsTheTrailOfAnInstance() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.edu.xietong");
        noClasses().that().doNotHaveFullyQualifiedName(CommandRunner.class.getName())
                .should().callMethod(FlowTrail.class, "seal", cn.edu.xietong.flow.instance.FlowInstance.class)
                .check(classes);
    }
}
