package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.instance.FlowTask;

import java.util.List;

/**
 * One node in the diagram of an instance: where the flow is ({@code done}, {@code current}, {@code ahead}, or
 * {@code off} the path because its condition does not hold), and the to-dos and copies it had.
 */
public record NodeView(NodeSpec node, String state, List<FlowTask> tasks) {
}
