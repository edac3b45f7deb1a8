package cn.edu.xietong.web.oversight;

import cn.edu.xietong.flow.BoardRow;
import cn.edu.xietong.flow.HandlingFigure;
import cn.edu.xietong.flow.Supervision;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs oversight/board.xhtml: the supervision board of core flows (O1.5). */
@Named
@RequestScoped
public class BoardView {

    @EJB
    private Supervision supervision;

    private List<BoardRow> rows;
    private List<HandlingFigure> units;
    private List<HandlingFigure> handlers;

    public List<BoardRow> getRows() {
        if (rows == null) {
            rows = supervision.board();
        }
        return rows;
    }

    public List<HandlingFigure> getUnits() {
        if (units == null) {
            units = supervision.byUnit();
        }
        return units;
    }

    public List<HandlingFigure> getHandlers() {
        if (handlers == null) {
            handlers = supervision.byHandler();
        }
        return handlers;
    }

    /** The longest average of a list, for the bars. */
    public double longest(List<HandlingFigure> figures) {
        return figures.stream().mapToDouble(HandlingFigure::averageWorkingHours).max().orElse(0);
    }

    public long running() {
        return getRows().stream().filter(r -> !r.instance().status().finished()).count();
    }

    public long overdue() {
        return getRows().stream().filter(BoardRow::overdue).count();
    }
}
