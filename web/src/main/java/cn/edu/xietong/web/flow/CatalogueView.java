package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.FlowDesign;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Backs flow/catalogue.xhtml: the flows the caller may start, by category (A1). */
@Named
@RequestScoped
public class CatalogueView {

    @EJB
    private FlowCommands commands;

    private Map<Category, List<FlowDesign>> byCategory;

    public List<Category> getCategories() {
        return Category.startable();
    }

    public List<FlowDesign> designs(Category category) {
        if (byCategory == null) {
            byCategory = commands.catalogue(null).stream().collect(Collectors.groupingBy(FlowDesign::getCategory));
        }
        return byCategory.getOrDefault(category, List.of());
    }
}
