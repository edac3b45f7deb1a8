package cn.edu.xietong.flow;

import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.form.FormValues;

import java.util.List;
import java.util.Map;

/**
 * A draft, returned or withdrawn instance as its initiator revises it (A3): the design version it runs on, its title
 * and whole form, the reason it was returned with, the files the form names, and the handlers they chose at the last
 * submission (node id → logins), which stay chosen. Given to the initiator only.
 */
public record Revision(long instanceId, FlowDesign design, String title, FormValues values, String returnReason,
                       List<FileInfo> files, Map<String, List<String>> choices) {
}
