package cn.edu.xietong.mail;

/** Where the gateway delivers, as the server's mail session is configured (server-config/ CLI, -D properties). */
public record GatewaySettings(String host, int port, String from, boolean startTls) {
}
