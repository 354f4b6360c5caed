package dev.kassa.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.console.api.KassaApi;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's pages with the services behind {@link KassaApi} replaced by a mock: one operator per role, and one
 * application context that every page test shares (same configuration, so Spring's context cache reuses it).
 */
@Tag("fast")
@SpringBootTest(properties = {
        "kassa.security.operators[0].name=vera",
        "kassa.security.operators[0].roles=VIEWER",
        "kassa.security.operators[0].key-sha256=2e82f2f6f04b5fb312309354ea7d6f82e1836674b6705d0ee2b56a3884a7de03",
        "kassa.security.operators[1].name=otto",
        "kassa.security.operators[1].roles=OPERATOR",
        "kassa.security.operators[1].key-sha256=af487001eb41ca73a92a8fe5fa6164154b489df48a579e6c023369635480d82f",
        "kassa.security.operators[2].name=fina",
        "kassa.security.operators[2].roles=FINANCE",
        "kassa.security.operators[2].key-sha256=37176461cbdcc1a9255a40fe664cd716064083d2611a87eba61c57952fbb01a7",
        "kassa.security.rate-limit.failed-auth-per-minute=3"})
@AutoConfigureMockMvc
public abstract class ConsolePageTest {

    /** The keys of vera (VIEWER), otto (OPERATOR) and fina (FINANCE), whose hashes are configured above. */
    protected static final String VIEWER_KEY = "opk_console_test_viewer_key_000000000";
    protected static final String OPERATOR_KEY = "opk_console_test_operator_key_0000000";
    protected static final String FINANCE_KEY = "opk_console_test_finance_key_00000000";

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected KassaApi api;

    /** A session signed in with {@code key}, as the sign-in form makes one. */
    protected MockHttpSession signIn(String key) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in").param("key", key).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"))
                .andReturn().getRequest().getSession();
    }
}
