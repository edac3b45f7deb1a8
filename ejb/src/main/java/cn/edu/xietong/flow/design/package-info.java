/**
 * Flow designs (O1.3, O1.4, O3.3, A1): the category, the bound form, the nodes with their handlers, conditions,
 * deadlines and return behaviour; the checks a design must pass, the dry run, and the review lifecycle from a unit's
 * IT staff to the supervisor and on to a published, versioned design.
 */
package cn.edu.xietong.flow.design;
