package cn.edu.xietong.flow;

/**
 * Handling of core-flow to-dos by one unit or one person (O1.5): how many they decided, how many are open and
 * overdue, and the average handling time in working hours.
 */
public record HandlingFigure(String name, long decided, long open, long overdue, double averageWorkingHours) {

    /** The bar length on the board, relative to the longest average. */
    public int percentOf(double longest) {
        return longest <= 0 ? 0 : (int) Math.round(100 * averageWorkingHours / longest);
    }
}
