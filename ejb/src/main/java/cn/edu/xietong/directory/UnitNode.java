package cn.edu.xietong.directory;

import java.util.List;

/**
 * A unit in the tree of the directory page, with its sub-units and how many people it has (active ones).
 */
public record UnitNode(Unit unit, long members, List<UnitNode> children) {
}
