package cn.edu.xietong.web.flow;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.form.ValueText;
import cn.edu.xietong.web.i18n.LanguageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How flow pages show a form's values read-only: people and units by name, lists joined, date ranges spelled out. */
@Named
@RequestScoped
public class FlowText {

    @EJB
    private Directory directory;

    @Inject
    private LanguageView language;

    private final Map<String, String> names = new HashMap<>();
    private List<Unit> units;

    private ValueText text;

    /** The shared rules of {@link ValueText}, in the page's language; files are listed as download links instead. */
    private ValueText text() {
        if (text == null) {
            text = new ValueText(language.getLocale(), this::personName, this::unitName, uid -> "");
        }
        return text;
    }

    public String value(FieldSpec field, FormValues values) {
        return field.type() == FieldType.ATTACHMENT ? "" : text().of(field, values);
    }

    /** A file size for people: bytes, KB or MB with one decimal. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    public List<Map<String, String>> rows(FieldSpec field, FormValues values) {
        return text().rows(field, values);
    }

    public String sum(FieldSpec field, FieldSpec column, FormValues values) {
        return text().sum(field, column, values);
    }

    public String personName(String login) {
        return names.computeIfAbsent("p:" + login, k -> directory.person(login)
                .map(p -> p.getFullName() + " (" + p.getLogin() + ")").orElse(login));
    }

    public String unitName(String code) {
        return names.computeIfAbsent("u:" + code, k -> directory.unitByCode(code)
                .map(u -> u.name(language.getLocale())).orElse(code));
    }

    public String people(List<Person> people) {
        return people.stream().map(p -> p.getFullName() + " (" + p.getLogin() + ")").collect(Collectors.joining("、"));
    }

    public List<Unit> units() {
        if (units == null) {
            units = directory.unitsInTreeOrder();
        }
        return units;
    }
}
