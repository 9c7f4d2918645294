package io.chillin.chat.browser.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Launches the system's Chromium headless; Playwright never downloads a browser here. */
public final class Chromium {

    public static final String PATH_VARIABLE = "CHROMIUM_PATH";
    private static final String DEFAULT_PATH = "/usr/bin/chromium";

    private Chromium() {
    }

    public static Browser launch(Playwright playwright) {
        String configured = System.getenv(PATH_VARIABLE);
        Path executable = Path.of(configured == null || configured.isBlank() ? DEFAULT_PATH : configured);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable + ". Install it (Debian/Ubuntu: "
                    + "apt-get install -y chromium) or set " + PATH_VARIABLE + " to a Chromium or Chrome executable.");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setTimeout(60_000)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }
}
