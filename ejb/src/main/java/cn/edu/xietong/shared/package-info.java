/**
 * What every area shares: the domain exception that carries a translatable message key.
 */
package cn.edu.xietong.shared;
