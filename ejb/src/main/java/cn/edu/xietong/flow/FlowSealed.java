package cn.edu.xietong.flow;

import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.instance.InstanceStatus;

/**
 * A command on a flow instance was sealed into its trail (B3): where the instance stands now. Fired inside the
 * command's transaction, so an observer's change commits or rolls back with the command — the publishing module
 * publishes an approved item in the very transaction of the last approval (B4).
 */
public record FlowSealed(long instanceId, String designCode, Category category, InstanceStatus status) {
}
