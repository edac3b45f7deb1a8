package cn.edu.xietong.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from (the client address), set by the web tier for each HTTP request so that the
 * services' audit records carry it without every method taking it as a parameter. Empty for timers and batch jobs.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    public String clientAddress() {
        return clientAddress;
    }

    public void clientAddress(String address) {
        this.clientAddress = address;
    }
}
