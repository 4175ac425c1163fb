package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * An admin builds a survey in headless Chromium: two sections, a question of each type the builder edits, weights,
 * required and critical flags, Spanish and English labels, a reorder; saves it through the surveys API, sees a refusal
 * with its JSON path, and saves a second version; before saving, previews it as the shopper will see it (es, en).
 */
class SurveyBuilderBrowserIT extends PlatformTest {

    private Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private WebElement section(int n) {
        return browser.findAll("#sections .section").get(n);
    }

    private WebElement addQuestion(int sectionIndex, String type, String name, String es, String en) {
        section(sectionIndex).findElement(By.cssSelector(".s-add-question")).click();
        List<WebElement> questions = section(sectionIndex).findElements(By.cssSelector(".question-editor"));
        WebElement q = questions.getLast();
        new Select(q.findElement(By.cssSelector(".q-type"))).selectByValue(type);
        q.findElement(By.cssSelector(".q-name")).sendKeys(name);
        q.findElement(By.cssSelector(".q-title-es")).sendKeys(es);
        if (en != null) {
            q.findElement(By.cssSelector(".q-title-en")).sendKeys(en);
        }
        return q;
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.get("elements").spliterator(), false).map(e -> e.get("name").asString()).toList();
    }

    @Test
    void anAdminBuildsASurveyAndSavesTwoVersions() {
        String name = "Encuesta " + UUID.randomUUID().toString().substring(0, 8);
        browser.login("admin@demo.local").open("/shopping/surveys?lang=en");
        browser.find("#new-survey").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/shopping/surveys/new"));
        browser.find("#survey-name").sendKeys(name);
        browser.find("#survey-title").sendKeys("Visita a sucursal");
        section(0).findElement(By.cssSelector(".s-title")).sendKeys("Llegada");

        WebElement greeting = addQuestion(0, "boolean", "saludo", "¿Le saludaron?", "Were you greeted?");
        greeting.findElement(By.cssSelector(".q-weight")).sendKeys("2");
        greeting.findElement(By.cssSelector(".q-required")).click();
        greeting.findElement(By.cssSelector(".q-critical")).click();
        WebElement kindness = addQuestion(0, "rating", "amabilidad", "Amabilidad", "Kindness");
        kindness.findElement(By.cssSelector(".q-rate-max")).clear();
        kindness.findElement(By.cssSelector(".q-rate-max")).sendKeys("10");
        addQuestion(0, "radiogroup", "oferta", "¿Le ofrecieron un producto?", null)
                .findElement(By.cssSelector(".q-choices")).sendKeys("si | 10 | Sí | Yes\nno | 0 | No | No");
        kindness.findElement(By.cssSelector(".q-up")).click();

        browser.find("#add-section").click();
        section(1).findElement(By.cssSelector(".s-name")).clear();
        section(1).findElement(By.cssSelector(".s-name")).sendKeys("cierre");
        addQuestion(1, "checkbox", "extras", "Valor agregado", "Added value")
                .findElement(By.cssSelector(".q-choices")).sendKeys("cafe | 1 | Café\nfolleto | 1 | Folleto");
        addQuestion(1, "dropdown", "canal", "Canal", "Channel").findElement(By.cssSelector(".q-choices")).sendKeys("tienda\nweb");
        WebElement matrix = addQuestion(1, "matrix", "limpieza", "Limpieza", "Cleanliness");
        matrix.findElement(By.cssSelector(".q-choices")).sendKeys("1 | 0 | Mala\n2 | 1 | Buena");
        matrix.findElement(By.cssSelector(".q-rows")).sendKeys("piso | Piso | Floor\nbanos | Baños | Restrooms");
        addQuestion(1, "text", "asesor", "Nombre del asesor", null);
        addQuestion(1, "comment", "notas", "Notas", "Notes").findElement(By.cssSelector(".q-visible-if")).sendKeys("{oferta} = 'no'");
        addQuestion(1, "file", "foto", "Foto de la fachada", null);
        browser.screenshot("survey-builder");

        // Before saving, the preview shows the survey as the shopper will see it: in Spanish, then in English.
        new Select(browser.find("#preview-language")).selectByValue("es");
        browser.find("#preview-survey").click();
        browser.waitUntil(d -> browser.findAll("#survey-preview fieldset.question").size() == 8);
        assertThat(browser.find("#survey-preview").getText()).contains("¿Le saludaron?", "Amabilidad", "Limpieza", "Baños", "Sí")
                .doesNotContain("Foto de la fachada", "Were you greeted?");
        assertThat(browser.findAll("#survey-preview input[type=radio][name=oferta]")).hasSize(2);
        new Select(browser.find("#preview-language")).selectByValue("en");
        browser.waitUntil(d -> browser.find("#survey-preview").getText().contains("Were you greeted?"));
        assertThat(browser.find("#survey-preview").getText()).contains("Kindness", "Restrooms", "Nombre del asesor");
        browser.screenshot("survey-builder-preview");

        browser.find("#save-survey").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/edit"));
        assertThat(browser.find("#flash").getText()).isEqualTo("Saved: version 1.");
        String id = browser.find("#survey-builder").getDomAttribute("data-survey-id");

        String admin = api.token("admin@demo.local");
        JsonNode saved = api.get("/api/v1/surveys/" + id, admin).body();
        assertThat(saved.get("name").asString()).isEqualTo(name);
        JsonNode d = saved.get("definition");
        assertThat(d.get("title").asString()).isEqualTo("Visita a sucursal");
        assertThat(d.get("pages")).hasSize(2);
        assertThat(d.get("pages").get(0).get("title").asString()).isEqualTo("Llegada");
        assertThat(names(d.get("pages").get(0))).containsExactly("amabilidad", "saludo", "oferta");
        assertThat(names(d.get("pages").get(1))).containsExactly("extras", "canal", "limpieza", "asesor", "notas", "foto");
        JsonNode saludo = d.get("pages").get(0).get("elements").get(1);
        assertThat(saludo.get("weight").asDouble()).isEqualTo(2.0);
        assertThat(saludo.get("isRequired").asBoolean()).isTrue();
        assertThat(saludo.get("critical").asBoolean()).isTrue();
        assertThat(saludo.get("title").get("es").asString()).isEqualTo("¿Le saludaron?");
        assertThat(saludo.get("title").get("en").asString()).isEqualTo("Were you greeted?");
        assertThat(d.get("pages").get(0).get("elements").get(0).get("rateMax").asInt()).isEqualTo(10);
        JsonNode oferta = d.get("pages").get(0).get("elements").get(2);
        assertThat(oferta.get("choices").get(0).get("score").asInt()).isEqualTo(10);
        assertThat(oferta.get("choices").get(0).get("text").get("en").asString()).isEqualTo("Yes");
        JsonNode limpieza = d.get("pages").get(1).get("elements").get(2);
        assertThat(limpieza.get("rows")).hasSize(2);
        assertThat(limpieza.get("columns").get(1).get("value").asInt()).isEqualTo(2);
        assertThat(d.get("pages").get(1).get("elements").get(4).get("visibleIf").asString()).isEqualTo("{oferta} = 'no'");
        // The survey is in English (the page's language): a Spanish-only text keeps its language.
        assertThat(d.get("locale").asString()).isEqualTo("en");
        assertThat(d.get("pages").get(1).get("elements").get(3).get("title").get("es").asString()).isEqualTo("Nombre del asesor");

        // A duplicate name is refused by the API, and the page names the JSON path.
        addQuestion(1, "boolean", "saludo", "Otra vez", null);
        browser.find("#save-survey").click();
        assertThat(browser.find("#survey-errors").getText()).contains("$.pages[1].elements[6].name");
        assertThat(api.get("/api/v1/surveys/" + id, admin).body().get("version").asInt()).isEqualTo(1);
        assertThat(browser.consoleErrors()).singleElement().asString().contains("422");
        section(1).findElements(By.cssSelector(".question-editor")).getLast().findElement(By.cssSelector(".q-remove")).click();

        // Reloaded, the builder shows what was saved; a changed weight makes version 2.
        browser.open("/shopping/surveys/" + id + "/edit?lang=es");
        browser.waitUntil(d2 -> browser.findAll("#sections .section").size() == 2);
        WebElement first = section(0).findElements(By.cssSelector(".question-editor")).get(1);
        assertThat(first.findElement(By.cssSelector(".q-name")).getDomProperty("value")).isEqualTo("saludo");
        assertThat(first.findElement(By.cssSelector(".q-title-en")).getDomProperty("value")).isEqualTo("Were you greeted?");
        assertThat(first.findElement(By.cssSelector(".q-critical")).isSelected()).isTrue();
        WebElement asesor = section(1).findElements(By.cssSelector(".question-editor")).get(3);
        assertThat(asesor.findElement(By.cssSelector(".q-title-es")).getDomProperty("value")).isEqualTo("Nombre del asesor");
        assertThat(asesor.findElement(By.cssSelector(".q-title-en")).getDomProperty("value")).isEmpty();
        assertThat(asesor.findElement(By.cssSelector(".for-choices")).isDisplayed()).isFalse();
        first.findElement(By.cssSelector(".q-weight")).clear();
        first.findElement(By.cssSelector(".q-weight")).sendKeys("3");
        browser.find("#save-survey").click();
        assertThat(browser.find("#flash").getText()).isEqualTo("Guardada: versión 2.");
        JsonNode v2 = api.get("/api/v1/surveys/" + id, admin).body();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("definition").get("pages").get(0).get("elements").get(1).get("weight").asDouble()).isEqualTo(3.0);
        assertThat(v2.get("definition").get("pages").get(1).get("elements")).hasSize(6);
        browser.screenshot("survey-builder-v2");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSurveyPagesAreForAdminsOfTheCompany() {
        String admin = api.token("admin@demo.local");
        String survey = ShoppingFixture.survey(api, admin);
        Map<String, String> html = Map.of("Accept", "text/html");
        assertThat(api.send("GET", "/shopping/surveys", admin, html, null).raw()).contains(survey);
        assertThat(api.send("GET", "/shopping/surveys/" + survey + "/edit", admin, html, null).status()).isEqualTo(200);
        for (String other : List.of(ShoppingFixture.manager(api, "demo-tenant"), ShoppingFixture.shopper(api, "demo-tenant"))) {
            assertThat(api.send("GET", "/shopping/surveys", api.token(other), html, null).status()).isEqualTo(403);
            assertThat(api.send("GET", "/shopping/surveys/" + survey + "/edit", api.token(other), html, null).status()).isEqualTo(403);
        }
        // Another company's admin: its list does not hold the survey, and the survey does not exist there.
        String acme = api.token("admin@acme.local");
        assertThat(api.send("GET", "/shopping/surveys", acme, html, null).raw()).doesNotContain(survey);
        assertThat(api.send("GET", "/shopping/surveys/" + survey + "/edit", acme, html, null).status()).isEqualTo(404);
    }
}
