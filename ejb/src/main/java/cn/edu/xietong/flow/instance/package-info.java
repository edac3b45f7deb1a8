/**
 * Running flows (A1–A3, B2): an instance with its path through the design, its to-dos and copies, and the state
 * machine of submit, approve, reject, return (to the initiator or an earlier node, inside countersign and any-one
 * nodes too), resubmit, withdraw, transfer, add approvers and proxy. Every transition is a method of
 * {@link cn.edu.xietong.flow.instance.FlowInstance} that refuses what the rules forbid and appends to the signed trail.
 */
package cn.edu.xietong.flow.instance;
