package org.bindbackend.web;

import static org.bindbackend.testing.ArquillianServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bindbackend.testing.BackendWar;
import org.bindbackend.testing.HeadlessChromium;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person's login: headless Chromium clicks through the embedded provider's login page and sees its name. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedBrowserLoginIT {

    private ChromeDriver browser;

    @Deployment(testable = false)
    static WebArchive war() {
        return BackendWar.asBuilt();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void logsInThroughTheLoginPageAndSeesItsName() {
        browser.get(BASE + "/");
        browser.findElement(By.linkText("Log in")).click();

        afterNavigation().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertTrue(browser.getTitle().contains("Log in"), browser.getTitle());
        browser.findElement(By.name("username")).sendKeys("grace");
        browser.findElement(By.name("password")).sendKeys("any password at all");
        browser.findElement(By.name("groups")).sendKeys("admins, devops");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();

        // click() may return while the form post's redirects (provider, callback, home) are still under way.
        afterNavigation().until(ExpectedConditions.urlToBe(BASE + "/"));
        assertEquals("grace", browser.findElement(By.id("name")).getText());
        assertEquals("grace@bind-backend.invalid", browser.findElement(By.id("email")).getText());
        assertEquals("admins, devops", browser.findElement(By.id("groups")).getText());

        browser.findElement(By.xpath("//button[text()='Log out']")).click();
        assertTrue(afterNavigation().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Log in")))
                .isDisplayed(), browser.getPageSource());
    }

    @Test
    void logsOutEverywhereWithTheButton() {
        browser.get(BASE + "/login");
        afterNavigation().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys("judy");
        browser.findElement(By.name("password")).sendKeys("any");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        afterNavigation().until(ExpectedConditions.urlToBe(BASE + "/"));
        assertEquals("judy", browser.findElement(By.id("name")).getText());

        browser.findElement(By.id("logout-everywhere")).click();
        assertTrue(afterNavigation().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Log in")))
                .isDisplayed(), browser.getPageSource());
        browser.get(BASE + "/api/whoami");
        assertTrue(browser.getPageSource().contains("AUTHENTICATION_FAILED"), browser.getPageSource());
    }

    private WebDriverWait afterNavigation() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }
}
