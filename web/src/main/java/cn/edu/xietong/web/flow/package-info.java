/**
 * The flow pages (A1–A3, B3, O1.3, O3.3): the catalogue, the start page that fills a form, the lists of to-dos, done,
 * own flows and copies, an instance with its path, actions and signed trail, and the designers' pages.
 */
package cn.edu.xietong.web.flow;
