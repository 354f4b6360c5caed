package dev.kassa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The shared advice and JSON rules as every service gets them: one problem shape for every error. */
@WebMvcTest(controllers = SampleController.class, properties = "kassa.web.max-body-bytes=512")
@ExtendWith(OutputCaptureExtension.class)
@Tag("fast")
class KassaProblemHandlerTest {

    private static final String PAN = "4242424242424242";
    private static final String VALID = """
            {"order_id": "o_1", "buyer_name": "Ada", "quantity": 2, "lines": [{"seller_account": "s_1"}]}""";

    @Autowired
    MockMvc mvc;

    @Test
    void aValidRequestIsAnsweredAsTheControllerSays() throws Exception {
        postJson(VALID).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.order_id").value("o_1"))
                .andExpect(jsonPath("$.lines").value(1));
    }

    @Test
    void aControlCharacterInAParameterNameIsTheCallersFaultNotOurs() throws Exception {
        problem(mvc.perform(get("/failures/flagged").param("flag", "1").param("bad\u0001name", "x")), 400,
                "invalid-request");
    }

    @Test
    void beanValidationErrorsNameEverySnakeCaseFieldSortedWithTheirReasons() throws Exception {
        problem(postJson("""
                {"order_id": "o 1", "quantity": 0, "lines": [{"seller_account": "s_1"}, {}]}"""), 400, "invalid-request")
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].seller_account"))
                .andExpect(jsonPath("$.errors[0].reason").value("is required"))
                .andExpect(jsonPath("$.errors[1].field").value("order_id"))
                .andExpect(jsonPath("$.errors[1].reason").value("must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'"))
                .andExpect(jsonPath("$.errors[2].field").value("quantity"))
                .andExpect(jsonPath("$.detail").value(containsString("order_id: must be 1-64 characters")))
                .andExpect(jsonPath("$.instance").value("/orders"));
    }

    @Test
    void aCardNumberInFreeTextOrAnIdIsRefusedAndNeverEchoed() throws Exception {
        problem(postJson(VALID.replace("\"Ada\"", "\"Ada 4242.4242.4242.4242\"")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("buyer_name"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("card number")));
        problem(mvc.perform(get("/orders/" + PAN)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("order_id"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("card number")))
                .andExpect(jsonPath("$.instance").value("/orders/card-number-removed"))
                .andExpect(content().string(not(containsString(PAN))));
    }

    @Test
    void pathVariablesAndQueryParametersAreCheckedByTheirConstraintsAndNamedAsSent() throws Exception {
        problem(mvc.perform(get("/orders/o:1")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("order_id"));
        problem(mvc.perform(get("/orders").param("limit", "51")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be at most 50"));
        problem(mvc.perform(get("/orders").param("limit", "ten")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"));
        problem(mvc.perform(get("/orders")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value("is required"));
    }

    @Test
    void aControlCharacterInAnyStringOfTheBodyIsA400NamingTheField() throws Exception {
        problem(postJson(VALID.replace("\"Ada\"", "\"Ada\\u0000\"")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("buyer_name"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not contain control characters"));
        problem(postJson(VALID.replace("\"s_1\"", "\"s\\u001b1\"")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].seller_account"));
    }

    @Test
    void aDuplicateKeyIsRefusedRatherThanTheLastOneWinning() throws Exception {
        problem(postJson(VALID.replace("\"quantity\": 2", "\"quantity\": 2, \"quantity\": 9")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("duplicate key")));
    }

    @Test
    void unknownFieldsWrongJsonTypesAndMalformedBodiesAreNamed() throws Exception {
        problem(postJson(VALID.replace("\"quantity\": 2", "\"quantity\": 2, \"coupon\": \"" + PAN + "\"")), 400,
                "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("coupon"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"))
                .andExpect(content().string(not(containsString(PAN))));
        problem(postJson(VALID.replace("\"quantity\": 2", "\"quantity\": 2, \"" + PAN + "\": 1")), 400,
                "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("card number")))
                .andExpect(content().string(not(containsString(PAN))));
        problem(postJson(VALID.replace("\"Ada\"", "29.99")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("buyer_name"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a JSON string"));
        problem(postJson(VALID.replace("2,", "\"2\",")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        problem(postJson("{\"order_id\": "), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("malformed JSON")));
        problem(postJson("[]"), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].reason").value("must be a JSON object"));
        problem(postJson(VALID + " {}"), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        problem(postJson(""), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeAnythingReadsIt() throws Exception {
        String large = VALID.replace("\"Ada\"", "\"" + "A".repeat(600) + "\"");
        problem(postJson(large), 413, "body-too-large")
                .andExpect(header().string("Connection", "close"))
                .andExpect(jsonPath("$.instance").value("/orders"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail").value("body: is larger than 512 bytes"));
    }

    @Test
    void theLimitMetWhileReadingIsA413Too() throws Exception {
        problem(mvc.perform(post("/raw").contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[4])), 413,
                "body-too-large");
    }

    @Test
    void ownRefusalsKeepTheirTypeAndField() throws Exception {
        problem(mvc.perform(get("/orders/missing")), 404, "not-found")
                .andExpect(jsonPath("$.errors[0].field").value("order_id"))
                .andExpect(jsonPath("$.errors[0].reason").value("unknown"));
    }

    @Test
    void anUnexpectedErrorIsLoggedOnceAndAnsweredWithoutInternals(CapturedOutput output) throws Exception {
        problem(mvc.perform(get("/failures/unexpected")), 500, "internal-error")
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(content().string(not(containsString("hunter2"))));
        assertThat(output.getOut().split("Unexpected error while handling a request", -1)).hasSize(2);
        assertThat(output.getOut()).contains("secret internal state");
    }

    @Test
    void aDatabaseThatDoesNotAnswerInTimeIsA503() throws Exception {
        problem(mvc.perform(get("/failures/database")), 503, "temporarily-unavailable")
                .andExpect(content().string(not(containsString("statement timed out"))));
    }

    @Test
    void aLockTimeoutOfPostgresqlIsA503Too() throws Exception {
        problem(mvc.perform(get("/failures/lock")), 503, "temporarily-unavailable")
                .andExpect(content().string(not(containsString("lock timeout"))));
    }

    @Test
    void noPooledConnectionInTimeIsA503Too() throws Exception {
        problem(mvc.perform(get("/failures/pool")), 503, "temporarily-unavailable")
                .andExpect(content().string(not(containsString("HikariPool"))));
    }

    @Test
    void noPooledConnectionForAStatementOutsideATransactionIsA503Too() throws Exception {
        problem(mvc.perform(get("/failures/pool-outside-transaction")), 503, "temporarily-unavailable")
                .andExpect(content().string(not(containsString("HikariPool"))));
    }

    @Test
    void springsOwnRefusalsAreProblemDetailsToo() throws Exception {
        mvc.perform(put("/orders/o_1")).andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content(VALID))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/" + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
