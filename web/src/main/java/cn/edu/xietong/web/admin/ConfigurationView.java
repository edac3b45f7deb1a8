package cn.edu.xietong.web.admin;

import cn.edu.xietong.configuration.Configuration;
import cn.edu.xietong.operations.ServerState;
import cn.edu.xietong.configuration.SettingLine;
import cn.edu.xietong.operations.StateItem;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs admin/configuration.xhtml (O2.1, O2.5): the running version and build, the state of the database, mail
 * gateway, virus scanner and keystore, and the settings: run-time ones changed here (the service checks and audits
 * them), start-up ones shown.
 */
@Named
@ViewScoped
public class ConfigurationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Configuration configuration;

    @EJB
    private ServerState server;

    @Inject
    private Messages messages;

    private ServerState.Build build;
    private List<StateItem> state;
    private List<SettingLine> settings;
    private final Map<String, String> values = new HashMap<>();

    @PostConstruct
    void init() {
        build = server.build();
        state = server.state();
        load();
    }

    private void load() {
        settings = configuration.settings();
        values.clear();
        settings.forEach(line -> values.put(line.property(), line.value()));
    }

    public void save(String property) {
        if (messages.attempt(() -> configuration.change(property, values.get(property)), "configuration.saved")) {
            load();
        }
    }

    public void reset(String property) {
        if (messages.attempt(() -> configuration.reset(property), "configuration.resetDone")) {
            load();
        }
    }

    public ServerState.Build getBuild() {
        return build;
    }

    public List<StateItem> getState() {
        return state;
    }

    public List<SettingLine> getRuntime() {
        return settings.stream().filter(SettingLine::runtime).toList();
    }

    public List<SettingLine> getStartup() {
        return settings.stream().filter(line -> !line.runtime()).toList();
    }

    /** The values being edited, by property. */
    public Map<String, String> getValues() {
        return values;
    }
}
