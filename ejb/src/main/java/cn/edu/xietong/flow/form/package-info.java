/**
 * Form templates (A1): typed fields, required and validation rules, a layout, detail rows (明细表) with sums, and the
 * values a filled form holds. Pure Java over Jakarta JSON, so that the rules are tested without a container.
 */
package cn.edu.xietong.flow.form;
