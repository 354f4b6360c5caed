package dev.kassa.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the slice tests of this module start from: only the web layer and the controller below. */
@SpringBootApplication
class WebTestApplication {
}
