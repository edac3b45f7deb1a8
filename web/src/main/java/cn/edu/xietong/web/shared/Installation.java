package cn.edu.xietong.web.shared;

import cn.edu.xietong.shared.StartupMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** How this server runs, for the pages: in demo mode every page says so (S3), so nobody takes it for the real one. */
@Named
@ApplicationScoped
public class Installation {

    private final boolean demo = StartupMode.demo();

    public boolean isDemo() {
        return demo;
    }
}
