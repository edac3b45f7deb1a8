package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Module;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every kind of notification the modules let people have e-mailed (C2), gathered from their {@link MailableKinds}. */
@ApplicationScoped
public class MailKinds {

    @Inject
    @Any
    private Instance<MailableKinds> contributions;

    private Map<String, MailKind> byCode;
    private List<MailKind> order;

    @PostConstruct
    void gather() {
        List<MailableKinds> modules = new ArrayList<>();
        contributions.forEach(modules::add);
        // in the order of the modules (flows before mail and messages), then by the declaring class: a stable list
        modules.sort(Comparator.comparing((MailableKinds m) -> m.mailableKinds().stream()
                        .mapToInt(k -> k.module().ordinal()).min().orElse(Integer.MAX_VALUE))
                .thenComparing(m -> m.getClass().getName()));
        Map<String, MailKind> kinds = new LinkedHashMap<>();
        for (MailableKinds module : modules) {
            for (MailKind kind : module.mailableKinds()) {
                if (kinds.putIfAbsent(kind.code(), kind) != null) {
                    throw new IllegalStateException("mail kind " + kind.code() + " is declared twice");
                }
            }
        }
        byCode = Map.copyOf(kinds);
        order = List.copyOf(kinds.values());
    }

    /** Every kind, module by module. */
    public List<MailKind> all() {
        return order;
    }

    public Optional<MailKind> find(Module module, String kind) {
        return find(module.name() + "." + kind);
    }

    public Optional<MailKind> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
