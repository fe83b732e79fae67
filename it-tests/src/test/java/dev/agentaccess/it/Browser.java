package dev.agentaccess.it;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The person at the keyboard: Debian's Chromium, headless, driven through its own chromedriver (no
 * driver download). A new browser per test, so no login cookie leaks between tests.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;
  private final WebDriverWait wait;

  Browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // The machine's network is closed: without the background-networking flags Chromium keeps
    // trying to reach Google and slows every page down.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,1024");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement await(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void logIn(String username, String password) {
    await(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
  }

  /** Waits until the page shows the text somewhere (single-page apps render late). */
  void awaitText(String text) {
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  String text(By locator) {
    return await(locator).getText();
  }

  int elements(By locator) {
    return driver.findElements(locator).size();
  }

  void click(By locator) {
    await(locator).click();
  }

  /** Waits until the browser has left Keycloak for the given URL prefix and returns the URL. */
  String awaitUrlStartingWith(String prefix) {
    wait.until(d -> d.getCurrentUrl() != null && d.getCurrentUrl().startsWith(prefix));
    return driver.getCurrentUrl();
  }

  /** Saves what the person sees, for reviewing the page (written under target/screenshots). */
  void screenshot(String name) throws java.io.IOException {
    java.nio.file.Path dir =
        java.nio.file.Path.of(System.getProperty("log.dir", "target"), "screenshots");
    java.nio.file.Files.createDirectories(dir);
    byte[] png =
        ((org.openqa.selenium.TakesScreenshot) driver)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    java.nio.file.Files.write(dir.resolve(name + ".png"), png);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
