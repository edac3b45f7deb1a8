/** The directory pages (O3.1, A5): unit tree, people search, person detail. */
package cn.edu.xietong.web.directory;
