/**
 * Flows and approvals (A1–A3, B2, B3, O1.3–O1.5, O3.3): form templates ({@code form}), flow designs with their review
 * lifecycle ({@code design}), running instances with their to-dos and the state machine of approve, reject, return,
 * withdraw, transfer, add approvers and proxy ({@code instance}), and the signed hash chain of every action that gives
 * an approval the force of a written signature ({@code trail}). The services in this package are what pages, batch
 * jobs and benchmarks call; they check rights and module rights (O2.7) and hold the transaction.
 */
package cn.edu.xietong.flow;
