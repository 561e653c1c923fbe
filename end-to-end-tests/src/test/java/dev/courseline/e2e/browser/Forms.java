package dev.courseline.e2e.browser;

import java.util.Arrays;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Filling a form the way a visitor does: typing into fields, picking options, ticking boxes, found by their ids. */
public final class Forms {

    private final WebDriver driver;

    public Forms(WebDriver driver) {
        this.driver = driver;
    }

    /** Types into a text field or text area (replacing what is there), or picks the option with this value. */
    public Forms fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** Chooses the radio button of group {@code name} with this value. */
    public Forms choose(String name, String value) {
        WebElement radio = radio(name, value);
        if (!radio.isSelected()) {
            radio.click();
        }
        return this;
    }

    public Forms tick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** What the field holds now: a text field's text, or the value of a select's chosen option. */
    public String value(String id) {
        WebElement field = driver.findElement(By.id(id));
        if (field.getTagName().equals("select")) {
            return new Select(field).getFirstSelectedOption().getDomProperty("value");
        }
        return field.getDomProperty("value");
    }

    public boolean chosen(String name, String value) {
        return radio(name, value).isSelected();
    }

    public boolean ticked(String id) {
        return driver.findElement(By.id(id)).isSelected();
    }

    /** The ids an element's aria-describedby names. */
    public List<String> describedBy(String id) {
        String ids = driver.findElement(By.id(id)).getDomAttribute("aria-describedby");
        return ids == null ? List.of() : Arrays.asList(ids.trim().split("\\s+"));
    }

    /** The submit button of the form that holds the field named {@code name}. */
    public WebElement submitButtonOfFormWith(String name) {
        return driver.findElement(By.name(name)).findElement(By.xpath("ancestor::form"))
                .findElement(By.cssSelector("button[type='submit']"));
    }

    private WebElement radio(String name, String value) {
        return driver.findElement(By.cssSelector("input[type='radio'][name='" + name + "'][value='" + value + "']"));
    }
}
